/// @file
/// @brief Internal (src/core): the one formatter of numbers for people, shared by the text reports
/// and the lifecycle reports.
///
/// Counts and days are integers ("72").
#pragma once

#include "shifan/core/quantities.hpp"

#include <cstdint>
#include <string>

namespace shifan::format {

/// An integer count or number of days: "72", "-3".
inline void append_count(std::string& out, std::int64_t v) { append_integer(out, v); }

/// An integer count or number of days as a string: "72", "-3".
inline std::string count(std::int64_t v) {
    std::string s;
    append_count(s, v);
    return s;
}

} // namespace shifan::format
