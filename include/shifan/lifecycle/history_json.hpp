/// @file
/// @ingroup lifecycle
/// @brief Reading and writing `shifan.history/1` (DOMAIN.md section 8). Reading is strict (unknown
/// keys, duplicate keys, `null`, a missing required member are errors naming their JSON Pointer,
/// e.g. `/events/3/date`), and every event is then appended under the transition rules, so a
/// history the rules forbid is an `ErrorCode::history` error naming the event's index, its type
/// and the article it breaks. `write_history` is the exact inverse: a history read back from its
/// output is equal to it, and writes the same bytes again.
#pragma once

#include "json/tape.hpp"
#include "json/writer.hpp"
#include "shifan/lifecycle/history.hpp"
#include "shifan/lifecycle/json_common.hpp"

#include <boost/mp11/algorithm.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shifan {

/// The schema tag of a history document.
inline constexpr std::string_view history_schema = "shifan.history/1";

/// `platform.id` must not be empty.
inline void after_read(json::Reader& r, Platform& p) {
    if (p.id.empty())
        r.fail_at("id", ErrorCode::missing_required, "平台标识 id 不能为空", "the platform's \"id\" must not be empty");
}

/// A designation's `functions` do not repeat.
inline void after_read(json::Reader& r, Designated& d) {
    if (d.functions) detail::require_unique(r, "functions", *d.functions);
}

/// One event: an object whose `type` (read first, wherever it stands) selects the members allowed.
inline void read(json::Reader& r, Event& out) {
    const std::size_t start = r.position();
    r.begin_object("事件对象", "an event object");
    std::optional<EventType> type;
    while (r.peek().kind != json::Kind::object_end) {
        const std::string_view key = r.text(r.next());
        if (key != "type") { r.skip_value(); continue; }
        r.push_key(key);
        if (type) r.fail(ErrorCode::duplicate_key, "重复的键“type”", "duplicate key \"type\"");
        EventType t{};
        json::read(r, t);
        type = t;
        r.pop();
    }
    if (!type) {
        std::string allowed;
        boost::mp11::mp_for_each<boost::describe::describe_enumerators<EventType>>([&](auto D) {
            if (!allowed.empty()) allowed += ", ";
            allowed += D.name;
        });
        r.fail_at("type", ErrorCode::missing_required, "缺少事件类型 type（" + allowed + "）",
                  "missing the event's \"type\" (" + allowed + ")");
    }
    r.seek(start);
    boost::mp11::mp_with_index<std::variant_size_v<Event>>(static_cast<std::size_t>(*type), [&](auto I) {
        auto& alt = out.template emplace<decltype(I)::value>();
        detail::read_struct(r, alt, "type");
    });
}

namespace detail {
/// The JSON shape of `shifan.history/1`.
struct HistoryDocument {
    std::string schema;
    Platform platform;
    std::vector<Event> events;
};
BOOST_DESCRIBE_STRUCT(HistoryDocument, (), (schema, platform, events))

inline void read(json::Reader& r, HistoryDocument& out) { read_struct(r, out); }
} // namespace detail

/// Parse a `shifan.history/1` document and check every event under the transition rules.
/// @param text the document (UTF-8 JSON)
/// @param pack the rule pack for term lengths and deadlines (the built-in one by default)
/// @param limits input limits
/// @throws Error naming the JSON Pointer and the reason; `ErrorCode::history` (with
///   `event_index`) for an event the rules forbid.
inline History parse_history(std::string_view text,
                             std::shared_ptr<const RulePack> pack = std::shared_ptr<const RulePack>(std::shared_ptr<const RulePack>{},
                                                                                                     &builtin_rule_pack()),
                             const json::Limits& limits = {}) {
    json::Tape tape;
    detail::HistoryDocument doc;
    json::read_document(tape, text, history_schema, doc, limits);
    History h(std::move(doc.platform), std::move(pack));
    for (Event& e : doc.events) h.append(std::move(e));
    return h;
}

/// Append `h` as `shifan.history/1` JSON (compact; members in the order of the declarations,
/// `type` first in each event; absent optional members omitted).
inline void write_history(std::string& out, const History& h) {
    json::Writer w(out);
    w.begin_object();
    w.member("schema", history_schema);
    w.key("platform");
    detail::write_member(w, h.platform());
    w.key("events").begin_array();
    for (const Event& e : h.events()) {
        w.begin_object();
        w.member("type", json::enum_name(event_type(e)));
        std::visit([&](const auto& x) { detail::write_members(w, x); }, e);
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

/// `h` as `shifan.history/1` JSON.
inline std::string write_history(const History& h) {
    std::string out;
    write_history(out, h);
    return out;
}

/// The top-level `schema` member of a JSON document, if it is an object that has a string one
/// (to tell documents apart before reading them).
/// @throws Error (syntax, limit_exceeded) when the text is not JSON.
inline std::optional<std::string> document_schema(std::string_view text, const json::Limits& limits = {}) {
    json::Tape tape;
    tape.parse(text, limits);
    json::Reader r(tape);
    if (r.peek().kind != json::Kind::object_begin) return std::nullopt;
    r.next();
    while (r.peek().kind != json::Kind::object_end) {
        const std::string_view key = r.text(r.next());
        if (key == "schema" && r.peek().kind == json::Kind::string) return std::string(r.text(r.peek()));
        r.skip_value();
    }
    return std::nullopt;
}

} // namespace shifan
