/// @file
/// Internal (src/core).
/// @brief Errors as JSON: `{"error": {"code": "unknown_key", "path": "/applicant/foo", "message": {"zh": …, "en": …}}}`.
#pragma once

#include "shifan/core/error.hpp"
#include "json/writer.hpp"

#include <string>

namespace shifan::json {

/// Append the members of an error object (code, numeric code, path, event index, message).
void write_error_members(Writer& w, const Error& e);

/// Append `{"error": {...}}` to `out`.
void write_error(std::string& out, const Error& e);

} // namespace shifan::json
