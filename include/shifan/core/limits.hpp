/// @file
/// @ingroup json
/// @brief Input limits: every document shifan reads is bounded in size, depth and length, so that
/// hostile input cannot exhaust memory or time. Defaults are far above any real document; a host
/// may lower or raise them.
#pragma once

#include <cstddef>

namespace shifan::json {

/// Bounds applied while reading any JSON document. Exceeding one is an `ErrorCode::limit_exceeded`
/// error that names the limit.
struct Limits {
    std::size_t max_document_bytes = std::size_t{16} * 1024 * 1024; ///< whole document, in bytes
    std::size_t max_depth = 64;                           ///< nesting of objects and arrays
    std::size_t max_array_length = 1'000'000;             ///< elements of any one array
    std::size_t max_string_bytes = std::size_t{64} * 1024; ///< bytes of any one string or key
};

} // namespace shifan::json
