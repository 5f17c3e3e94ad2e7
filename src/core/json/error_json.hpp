/// @file
/// Internal (src/core).
/// @brief Errors as JSON: `{"error": {"code": "unknown_key", "path": "/applicant/foo", "message": {"zh": …, "en": …}}}`.
#pragma once

#include "json/writer.hpp"
#include "shifan/core/error.hpp"
#include "shifan/io/error.hpp"

#include <string>

namespace shifan::json {

/// Append the members of an error object (code, numeric code, path, event index, message).
void write_error_members(Writer& w, const Error& e);

} // namespace shifan::json
