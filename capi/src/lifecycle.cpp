// The lifecycle (art8–art15): histories, a platform's status on a date, county rosters.
#include "internal.hpp"

#include "json/reader.hpp"
#include "json/tape.hpp"
#include "lifecycle/json.hpp" // read(json::Reader&, Event&): one event, as in a history

using namespace shifan;
using namespace shifan::capi;

namespace {

Date parse_on(const char* on) {
    require_arg(on, "on");
    const auto d = parse_date(on);
    if (!d)
        usage("日期应为存在的 YYYY-MM-DD（1900–2999 年），而非“" + std::string(on) + "”",
              "the date must be an existing YYYY-MM-DD (years 1900-2999), not \"" + std::string(on) + "\"");
    return *d;
}

shifan_status* make_status(const shifan_history& h, Date on) {
    auto s = std::make_unique<shifan_status>();
    s->status = status_of(h.history, on, h.status_options());
    s->calendar = h.calendar;
    s->on = to_string(s->status.on);
    if (s->status.term) s->valid_until = to_string(s->status.term->valid_until);
    if (s->status.next_deadline) s->next_deadline = to_string(*s->status.next_deadline);
    return adopt(std::move(s));
}

std::unique_ptr<shifan_history> read_history(const shifan_engine* engine, std::string_view text,
                                             const shifan_evaluate_options* opts) {
    const json::Limits limits = to_limits(opts);
    auto h = std::make_unique<shifan_history>(parse_history(text, engine->pack, limits));
    h->readings = engine->engine->interpretations();
    h->calendar = engine->calendar;
    h->limits = limits;
    return h;
}

std::string json_of(const shifan_status& s, Lang l) { return write_status(s.status, l); }
std::string json_of(const shifan_roster& r, Lang l) { return write_roster(r.roster, l); }
std::string report_of(const shifan_status& s, Lang l) { return render_status(s.status, l); }
std::string report_of(const shifan_roster& r, Lang l) { return render_roster(r.roster, l); }

/// shifan_status_to_json, shifan_roster_to_json: the handle as JSON in `lang`.
template <Handle T>
int give_json(char** out, std::size_t* out_len, const T* h, std::int32_t lang, shifan_error** err) {
    return give_text(out, out_len, h, T::handle_name, err, [&](const T& o) { return json_of(o, to_lang(lang)); });
}

/// shifan_status_report, shifan_roster_report: the handle's text report in `lang`.
template <Handle T>
int give_report(char** out, std::size_t* out_len, const T* h, std::int32_t lang, shifan_error** err) {
    return give_text(out, out_len, h, T::handle_name, err, [&](const T& o) {
        return text_in(to_lang(lang), [&](Lang l) { return report_of(o, l); });
    });
}

/// Whether `s` is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above
/// U+10FFFF): what a text the page quotes must be.
bool is_utf8_text(std::string_view s) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = byte(i);
        std::size_t len = 0;
        if (c < 0x80) len = 1;
        else if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c >= 0xE0 && c <= 0xEF) len = 3;
        else if (c >= 0xF0 && c <= 0xF4) len = 4;
        if (len == 0 || i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((byte(i + k) & 0xC0) != 0x80) return false;
        if (len >= 3) {
            const unsigned char c1 = byte(i + 1);
            if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) ||
                (c == 0xF4 && c1 > 0x8F))
                return false;
        }
        i += len;
    }
    return true;
}

/// The core's page options from the C options (NULL: the defaults), checked.
RosterHtmlOptions to_roster_html_options(const shifan_roster_html_options* o) {
    RosterHtmlOptions options;
    if (!o) return options;
    require_version(o->version, SHIFAN_ROSTER_HTML_OPTIONS_VERSION, "shifan_roster_html_options");
    if (o->soon_days < 0)
        usage("soon_days 不能为负数（" + std::to_string(o->soon_days) + "）",
              "soon_days must not be negative (" + std::to_string(o->soon_days) + ")");
    options.soon_days = o->soon_days;
    if (o->subtitle) {
        const std::string_view subtitle(o->subtitle);
        if (!is_utf8_text(subtitle)) usage("subtitle 不是有效的 UTF-8 文本", "subtitle is not valid UTF-8 text");
        options.subtitle = std::string(subtitle);
    }
    return options;
}

} // namespace

extern "C" {

SHIFAN_API int shifan_history_new_from_json(shifan_history** out, const shifan_engine* engine_h, const char* json,
                                            size_t len, const shifan_evaluate_options* opts, shifan_error** err) {
    return guard(err, [&] {
        begin_out(out);
        const auto [engine, text] = engine_input(engine_h, json, len, "json");
        auto h = read_history(engine, text, opts);
        *out = adopt(std::move(h));
    });
}

SHIFAN_API int shifan_history_append_event_json(shifan_history* history_h, const char* json, size_t len,
                                                shifan_error** err) {
    return guard(err, [&] {
        auto* history = require_handle(history_h, "history");
        if (!json && len) require_arg(json, "json");
        const std::unique_lock lock(history->mutex);
        const std::size_t index = history->history.events().size();
        json::Tape tape;
        try {
            tape.parse(std::string_view(json ? json : "", len), history->limits);
        } catch (const Error& e) {
            // Syntax, limit and number errors name a place in the event's own text: give it the
            // event's path in the history (/events/<i>/...), as every other error of this call has.
            std::string path = "/events";
            json::append_pointer_index(path, index);
            const auto at_event = [&] {
                Error at(e.code(), path + e.path(), e.message());
                at.event_index = static_cast<long>(index);
                return at;
            };
            throw at_event();
        }
        json::Reader r(tape);
        r.push_key("events");
        r.push_index(index);
        Event e;
        try {
            read(r, e);
        } catch (Error& bad) {
            bad.event_index = static_cast<long>(index);
            throw;
        }
        history->history.append(std::move(e)); // strong guarantee: refused → unchanged
    });
}

SHIFAN_API int64_t shifan_history_event_count(const shifan_history* history_h) {
    const auto* history = find_handle(history_h, "history");
    if (!history) return last_error_code();
    const std::shared_lock lock(history->mutex);
    return static_cast<int64_t>(history->history.events().size());
}

SHIFAN_API const char* shifan_history_platform_id(const shifan_history* history_h) {
    return read_handle<const char*>(history_h, "history", [&](const auto* history) { return history->history.platform().id.c_str(); });
}

SHIFAN_API int shifan_history_to_json(char** out, size_t* out_len, const shifan_history* history, shifan_error** err) {
    return give_text(out, out_len, history, "history", err, [](const shifan_history& h) {
        const std::shared_lock lock(h.mutex);
        return write_history(h.history);
    });
}

SHIFAN_API void shifan_history_free(shifan_history* history) { release(history); }

SHIFAN_API int shifan_history_status(shifan_status** out, const shifan_history* history_h, const char* on,
                                     shifan_error** err) {
    return guard(err, [&] {
        begin_out(out);
        auto* history = require_handle(history_h, "history");
        const Date d = parse_on(on);
        const std::shared_lock lock(history->mutex);
        *out = make_status(*history, d);
    });
}

SHIFAN_API int shifan_history_json_status(char** out, size_t* out_len, const shifan_engine* engine_h,
                                          const char* history_json, size_t len, const char* on, int32_t lang,
                                          const shifan_evaluate_options* opts, shifan_error** err) {
    return guard(err, [&] {
        begin_out(out);
        const auto [engine, text] = engine_input(engine_h, history_json, len, "history_json");
        const Lang l = to_lang(lang);
        const Date d = parse_on(on);
        const auto h = read_history(engine, text, opts);
        give_string(out, out_len, write_status(status_of(h->history, d, h->status_options()), l));
    });
}

SHIFAN_API const char* shifan_status_state(const shifan_status* status_h) {
    return read_handle<const char*>(status_h, "status", [&](const auto* status) { return json::enum_name(status->status.state); });
}

SHIFAN_API const char* shifan_status_on(const shifan_status* status_h) {
    return read_handle<const char*>(status_h, "status", [&](const auto* status) { return status->on.c_str(); });
}

SHIFAN_API int shifan_status_days_left(const shifan_status* status_h, int64_t* days) {
    const auto* status = find_handle(status_h, "status");
    if (!status) return last_error_code();
    if (!days) return record(nullptr, SHIFAN_EUSAGE, "", "参数 days 为空（NULL）", "days is NULL");
    if (!status->status.days_left) return 0;
    *days = *status->status.days_left;
    return 1;
}

SHIFAN_API const char* shifan_status_valid_until(const shifan_status* status_h) {
    return read_handle<const char*>(status_h, "status", [&](const auto* status) { return status->status.term ? status->valid_until.c_str() : nullptr; });
}

SHIFAN_API const char* shifan_status_next_deadline(const shifan_status* status_h) {
    return read_handle<const char*>(status_h, "status", [&](const auto* status) { return status->status.next_deadline ? status->next_deadline.c_str() : nullptr; });
}

SHIFAN_API int32_t shifan_status_may_apply_again(const shifan_status* status_h) {
    return read_handle<int32_t>(status_h, "status", [&](const auto* status) { return status->status.may_apply_again.allowed ? 1 : 0; });
}

SHIFAN_API const char* shifan_status_may_apply_again_reason(const shifan_status* status_h, int32_t lang) {
    const auto* status = find_handle(status_h, "status");
    if (!status) return nullptr;
    const Text& reason = status->status.may_apply_again.reason;
    return in_lang(reason.zh.c_str(), reason.en.c_str(), lang);
}

SHIFAN_API int shifan_status_to_json(char** out, size_t* out_len, const shifan_status* s, int32_t lang, shifan_error** err) {
    return give_json(out, out_len, s, lang, err);
}

SHIFAN_API int shifan_status_report(char** out, size_t* out_len, const shifan_status* s, int32_t lang, shifan_error** err) {
    return give_report(out, out_len, s, lang, err);
}

SHIFAN_API void shifan_status_free(shifan_status* status) { release(status); }

SHIFAN_API int shifan_roster_new(shifan_roster** out, const shifan_engine* engine,
                                 const shifan_history* const* histories, size_t n_histories,
                                 const char* const* filings, const size_t* filings_lens, size_t n_filings,
                                 const char* on, shifan_error** err) {
    return shifan_roster_new_v2(out, engine, histories, n_histories, filings, filings_lens, n_filings, on, nullptr,
                                err);
}

SHIFAN_API int shifan_roster_new_v2(shifan_roster** out, const shifan_engine* engine_h,
                                    const shifan_history* const* histories, size_t n_histories,
                                    const char* const* filings, const size_t* filings_lens, size_t n_filings,
                                    const char* on, const shifan_evaluate_options* opts, shifan_error** err) {
    return guard(err, [&] {
        begin_out(out);
        auto* engine = require_handle(engine_h, "engine");
        if (n_histories) require_arg(histories, "histories");
        if (n_filings) {
            require_arg(filings, "filings");
            require_arg(filings_lens, "filings_lens");
        }
        const Date d = parse_on(on);
        const json::Limits limits = to_limits(opts);
        std::vector<History> hs;
        hs.reserve(n_histories);
        for (std::size_t i = 0; i < n_histories; ++i) {
            const std::string what = "histories[" + std::to_string(i) + "]";
            const shifan_history* h = require_handle(histories[i], what.c_str());
            const std::shared_lock lock(h->mutex);
            hs.push_back(h->history);
        }
        std::vector<CountyFilings> fs;
        fs.reserve(n_filings);
        for (std::size_t i = 0; i < n_filings; ++i) {
            if (!filings[i] && filings_lens[i]) require_arg(filings[i], ("filings[" + std::to_string(i) + "]").c_str());
            try {
                fs.push_back(parse_county_filings(std::string_view(filings[i] ? filings[i] : "", filings_lens[i]), limits));
            } catch (const Error& e) {
                const std::string where = "filings[" + std::to_string(i) + "]";
                throw Error(e.code(), e.path(), Text{where + "：" + e.message().zh, where + ": " + e.message().en});
            }
        }
        StatusOptions options;
        options.interpretations = engine->engine->interpretations();
        options.calendar = engine->calendar.get();
        auto r = std::make_unique<shifan_roster>();
        r->roster = roster_of(hs, fs, d, options, engine->pack);
        r->calendar = engine->calendar;
        *out = adopt(std::move(r));
    });
}

SHIFAN_API int shifan_roster_to_json(char** out, size_t* out_len, const shifan_roster* r, int32_t lang, shifan_error** err) {
    return give_json(out, out_len, r, lang, err);
}

SHIFAN_API int shifan_roster_report(char** out, size_t* out_len, const shifan_roster* r, int32_t lang, shifan_error** err) {
    return give_report(out, out_len, r, lang, err);
}

SHIFAN_API int shifan_roster_html_options_init(shifan_roster_html_options* opts, unsigned int version) {
    const shifan_roster_html_options init = SHIFAN_ROSTER_HTML_OPTIONS_INIT;
    return init_options(opts, version, SHIFAN_ROSTER_HTML_OPTIONS_VERSION, init, "shifan_roster_html_options");
}

SHIFAN_API int shifan_roster_html(char** out, size_t* out_len, const shifan_roster* roster,
                                  const shifan_roster_html_options* opts, shifan_error** err) {
    return guard(err, [&] {
        require_arg(out, "out");
        *out = nullptr;
        const shifan_roster* r = require_handle(roster, "roster");
        const RosterHtmlOptions options = to_roster_html_options(opts);
        give_string(out, out_len, render_roster_html(r->roster, options));
    });
}

SHIFAN_API void shifan_roster_free(shifan_roster* roster) { release(roster); }

} // extern "C"
