/// @file
/// @ingroup io
/// @brief Errors as JSON (compiled in shifan::io):
/// `{"error": {"code": "unknown_key", "code_number": 4, "path": "/applicant/foo", "message": {"zh": …, "en": …}}}`.
#pragma once

#include "shifan/core/error.hpp"

#include <string>

namespace shifan::json {

/// Append `{"error": {...}}` to `out`: the error's code (name and number), JSON Pointer, event
/// index (for history errors) and message in both languages.
/// @param out the string appended to
/// @param e   the error
void write_error(std::string& out, const Error& e);

} // namespace shifan::json
