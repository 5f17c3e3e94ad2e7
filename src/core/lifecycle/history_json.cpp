// Reading and writing `shifan.history/1` (docs/specification.md §8), and telling documents apart by
// their top-level `schema`.
#include "shifan/io/lifecycle.hpp"

#include "json/reader.hpp"
#include "json/tape.hpp"
#include "json/writer.hpp"
#include "lifecycle/json.hpp"

#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace shifan {

void after_read(json::Reader& r, Platform& p) {
    if (p.id.empty())
        r.fail_at("id", ErrorCode::missing_required, "平台标识 id 不能为空", "the platform's \"id\" must not be empty");
}

void after_read(json::Reader& r, Designated& d) {
    if (d.functions) detail::require_unique(r, "functions", *d.functions);
}

void read(json::Reader& r, Event& out) {
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
        json::read_struct(r, alt, "type");
    });
}

History parse_history(std::string_view text, SharedRulePack pack, const json::Limits& limits) {
    json::Tape tape;
    detail::HistoryDocument doc;
    try {
        json::read_document(tape, text, history_schema, doc, limits);
    } catch (Error& e) {
        e.index_event_from_path(); // bad data inside /events/<i>/ names its event
        throw;
    }
    History h(std::move(doc.platform), std::move(pack));
    for (Event& e : doc.events) h.append(std::move(e));
    return h;
}

void write_history(std::string& out, const History& h) {
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

std::string write_history(const History& h) {
    std::string out;
    write_history(out, h);
    return out;
}

std::optional<std::string> document_schema(std::string_view text, const json::Limits& limits) {
    json::Tape tape;
    try {
        tape.parse(text, limits);
    } catch (Error& e) {
        e.index_event_from_path(); // only a history has /events/<i>: its error names the event
        throw;
    }
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
