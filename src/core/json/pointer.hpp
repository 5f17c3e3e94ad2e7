/// @file
/// Internal (src/core).
/// @brief JSON Pointers (RFC 6901) for error messages and missing-input lists.
#pragma once

#include <string>
#include <string_view>

namespace shifan::json {

/// Append one reference token to a pointer, escaping '~' as "~0" and '/' as "~1".
inline void append_pointer_token(std::string& pointer, std::string_view token) {
    pointer.push_back('/');
    for (char c : token) {
        if (c == '~') pointer += "~0";
        else if (c == '/') pointer += "~1";
        else pointer.push_back(c);
    }
}

/// Append an array index to a pointer.
inline void append_pointer_index(std::string& pointer, std::size_t index) {
    pointer.push_back('/');
    pointer += std::to_string(index);
}

} // namespace shifan::json
