// Errors as JSON (error_json.hpp).
#include "json/error_json.hpp"

#include <cstdint>
#include <string_view>

namespace shifan::json {

/// Append the members of an error object (code, numeric code, path, event index, event type and
/// articles of a forbidden transition, message).
void write_error_members(Writer& w, const Error& e) {
    w.member("code", error_code_name(e.code()));
    w.member("code_number", static_cast<int>(e.code()));
    w.member("path", std::string_view(e.path()));
    if (e.event_index >= 0) w.member("event_index", static_cast<std::int64_t>(e.event_index));
    if (!e.event_type.empty()) {
        w.member("event_type", std::string_view(e.event_type));
        w.key("articles").begin_array();
        for (const std::string& a : e.articles) w.value(std::string_view(a));
        w.end_array();
    }
    w.key("message").begin_object();
    w.member("zh", std::string_view(e.message().zh));
    w.member("en", std::string_view(e.message().en));
    w.end_object();
}

/// Append `{"error": {...}}` to `out`.
void write_error(std::string& out, const Error& e) {
    Writer w(out);
    w.begin_object().key("error").begin_object();
    write_error_members(w, e);
    w.end_object().end_object();
}

} // namespace shifan::json
