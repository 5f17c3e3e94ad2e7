// libFuzzer target: shifan.history/1 documents through the C ABI — a history read and checked event
// by event, its status on several dates (accessors, JSON in every language, report), the one-call
// shifan_history_json_status (same bytes, or the same error), the history written back (reading it
// again gives the same bytes), events appended one by one (a refused event leaves the history's JSON
// byte-identical and agrees with reading the whole history), and a roster over it.
//
// Input: the history document, then optionally more parts separated by the byte 0x1E: each part is
// an event to append (an element of `events`) and is also offered to the roster as a
// shifan.county-filings/1 document. The input's size picks the engine: default readings, a calendar
// of rest days (roll_forward), or summary_owed = held_any_day.
#include "fuzz_common.hpp"

#include <array>
#include <string>
#include <vector>

using namespace shifan_fuzz;

namespace {

const char calendar[] = R"({"schema":"shifan.calendar/1","weekends_rest":true,
"rest_days":["2025-01-01","2025-01-28","2025-01-29","2025-01-30","2025-01-31","2025-02-03","2025-02-04","2025-02-28",
"2026-02-27","2027-03-01","2024-02-29","2023-02-28"],"working_days":["2025-01-26","2025-02-08","2026-02-28"]})";

const shifan_engine* engine_for(std::size_t variant) {
    static const std::array<shifan_engine*, 3> engines = [] {
        std::array<shifan_engine*, 3> e{};
        for (auto& x : e)
            if (shifan_engine_new(&x, nullptr) != SHIFAN_OK) broken("engine");
        if (shifan_engine_set_calendar_json(e[1], calendar, sizeof calendar - 1, nullptr) != SHIFAN_OK) broken("calendar");
        if (shifan_engine_set_interpretation(e[2], "summary_owed", "held_any_day", nullptr) != SHIFAN_OK)
            broken("summary_owed");
        return e;
    }();
    return engines[variant % engines.size()];
}

std::string history_json(const shifan_history* h) {
    char* j = nullptr;
    std::size_t jl = 0;
    require(shifan_history_to_json(&j, &jl, h, nullptr) == SHIFAN_OK, "history to JSON");
    require_json(j, jl, "history JSON");
    std::string s(j, jl);
    shifan_string_free(j);
    return s;
}

/// The dates to ask the status on: fixed edges, and each event's date, the day before it and the
/// last day of February and 1 March of the year after it (where summaries fall due).
std::vector<std::string> query_dates(const std::string& history) {
    std::vector<std::string> dates{"2025-03-01", "1900-01-01", "2024-02-29", "2999-12-31"}; // the first is first_on
    const auto doc = nlohmann::json::parse(history, nullptr, false);
    if (!doc.is_object() || !doc.contains("events") || !doc["events"].is_array()) return dates;
    std::size_t k = 0;
    for (const auto& e : doc["events"]) {
        if (++k > 6) break;
        if (!e.is_object() || !e.contains("date") || !e["date"].is_string()) continue;
        const std::string d = e["date"].get<std::string>();
        dates.push_back(d);
        if (d.size() == 10) {
            const int y = std::atoi(d.substr(0, 4).c_str());
            if (y >= 1900 && y < 2999) {
                const std::string next = std::to_string(y + 1);
                dates.push_back(next + "-02-28");
                dates.push_back(next + "-03-01");
            }
        }
    }
    return dates;
}

void exercise_status(const shifan_status* st, const char* on) {
    require(std::strcmp(shifan_status_on(st), on) == 0, "status date");
    const char* state = shifan_status_state(st);
    require(state != nullptr && *state != '\0', "state");
    std::int64_t days = -1;
    const int has_days = shifan_status_days_left(st, &days);
    require(has_days == 0 || (has_days == 1 && days >= 0), "days left");
    require(has_days == 0 || std::strcmp(state, "designated") == 0, "days left while not designated");
    const char* until = shifan_status_valid_until(st);
    require(has_days == 0 || (until != nullptr && std::strcmp(until, on) >= 0), "valid until");
    const char* next = shifan_status_next_deadline(st);
    require(next == nullptr || std::strlen(next) == 10, "next deadline");
    const std::int32_t again = shifan_status_may_apply_again(st);
    require(again == 0 || again == 1, "may apply again");
    for (std::int32_t lang : {SHIFAN_LANG_ZH, SHIFAN_LANG_EN}) {
        const char* why = shifan_status_may_apply_again_reason(st, lang);
        require(why != nullptr && *why != '\0', "may apply again reason");
    }
    for (std::int32_t lang : {SHIFAN_LANG_ZH, SHIFAN_LANG_EN, SHIFAN_LANG_BOTH}) {
        char* j = nullptr;
        std::size_t jl = 0;
        require(shifan_status_to_json(&j, &jl, st, lang, nullptr) == SHIFAN_OK, "status to JSON");
        require_json(j, jl, "status JSON");
        shifan_string_free(j);
        char* r = nullptr;
        std::size_t rl = 0;
        require(shifan_status_report(&r, &rl, st, lang, nullptr) == SHIFAN_OK, "status report");
        require_text(r, rl, "status report text");
        shifan_string_free(r);
    }
}

void check_roster(const shifan_engine* engine, const shifan_history* h, const std::vector<std::string_view>& parts,
                  const char* on) {
    std::vector<const char*> docs;
    std::vector<std::size_t> lens;
    for (const auto p : parts) {
        docs.push_back(p.data());
        lens.push_back(p.size());
    }
    const shifan_history* hs[2] = {h, h};
    shifan_roster* roster = nullptr;
    shifan_error* err = nullptr;
    int rc = shifan_roster_new(&roster, engine, hs, 1, docs.data(), lens.data(), docs.size(), on, &err);
    if (rc != SHIFAN_OK) {
        require(roster == nullptr, "roster on failure");
        require_input_error(rc, err);
        rc = shifan_roster_new(&roster, engine, hs, 1, nullptr, nullptr, 0, on, &err);
        if (rc != SHIFAN_OK) {
            std::fprintf(stderr, "%s\n", shifan_error_message(err, SHIFAN_LANG_EN));
            broken("roster of a valid history without filings refused");
        }
    }
    for (std::int32_t lang : {SHIFAN_LANG_ZH, SHIFAN_LANG_EN, SHIFAN_LANG_BOTH}) {
        char* j = nullptr;
        std::size_t jl = 0;
        require(shifan_roster_to_json(&j, &jl, roster, lang, nullptr) == SHIFAN_OK, "roster to JSON");
        require_json(j, jl, "roster JSON");
        shifan_string_free(j);
        char* r = nullptr;
        std::size_t rl = 0;
        require(shifan_roster_report(&r, &rl, roster, lang, nullptr) == SHIFAN_OK, "roster report");
        require(r != nullptr && r[rl] == '\0', "roster report text");
        shifan_string_free(r);
    }
    shifan_roster_free(roster);
    // The same platform twice is refused.
    shifan_roster* twice = nullptr;
    rc = shifan_roster_new(&twice, engine, hs, 2, nullptr, nullptr, 0, on, &err);
    require(rc == SHIFAN_EINCONSISTENT && twice == nullptr, "a roster with the same platform twice");
    require_input_error(rc, err);
}

/// An event the history refused (SHIFAN_EHISTORY) must also be refused when the whole history, with
/// the event at its end, is read at once, at the same index; an accepted one must be accepted.
void check_against_whole(const shifan_engine* engine, const std::string& before, std::string_view event, int rc,
                         std::int64_t index) {
    if (rc != SHIFAN_OK && rc != SHIFAN_EHISTORY) return;
    auto e = nlohmann::json::parse(event, nullptr, false);
    auto doc = nlohmann::json::parse(before, nullptr, false);
    if (e.is_discarded() || doc.is_discarded() || !doc.contains("events") || !doc["events"].is_array()) return;
    doc["events"].push_back(std::move(e));
    const std::string whole = doc.dump();
    shifan_history* h = nullptr;
    shifan_error* err = nullptr;
    const int wrc = shifan_history_new_from_json(&h, engine, whole.data(), whole.size(), nullptr, &err);
    if (wrc != rc) {
        std::fprintf(stderr, "append gave %d, the whole history %d (%s)\n", rc, wrc,
                     err ? shifan_error_message(err, SHIFAN_LANG_EN) : "");
        broken("append and whole history disagree");
    }
    if (wrc == SHIFAN_EHISTORY) require(shifan_error_event_index(err) == index, "append and whole history: event index");
    shifan_error_free(err);
    shifan_history_free(h);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const shifan_engine* engine = engine_for(size);
    const char* text = reinterpret_cast<const char*>(data);
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= size; ++i)
        if (i == size || text[i] == '\x1e') {
            parts.emplace_back(text + start, i - start);
            start = i + 1;
        }
    if (parts.size() > 9) return 0;
    const std::string_view doc = parts.front();
    const std::vector<std::string_view> extra(parts.begin() + 1, parts.end());

    shifan_history* h = nullptr;
    shifan_error* err = nullptr;
    const int rc = shifan_history_new_from_json(&h, engine, doc.data(), doc.size(), nullptr, &err);

    // The one-call path gives the same answer.
    const char* first_on = "2025-03-01";
    char* one = nullptr;
    std::size_t one_len = 0;
    shifan_error* err2 = nullptr;
    const int rc2 = shifan_history_json_status(&one, &one_len, engine, doc.data(), doc.size(), first_on,
                                               SHIFAN_LANG_BOTH, nullptr, &err2);
    require(rc == rc2, "history_new and history_json_status disagree on the status");

    if (rc != SHIFAN_OK) {
        require(h == nullptr && one == nullptr, "output on failure");
        require(std::strcmp(shifan_error_path(err), shifan_error_path(err2)) == 0, "error paths differ");
        require(shifan_error_event_index(err) == shifan_error_event_index(err2), "event indexes differ");
        require_input_error(rc, err, allow_rule_pack | allow_history);
        require_input_error(rc2, err2, allow_rule_pack | allow_history);
        return 0;
    }
    require(h != nullptr && err == nullptr && shifan_history_platform_id(h) != nullptr, "history");
    require(shifan_history_event_count(h) >= 0, "event count");

    // Written back and read again: the same bytes.
    const std::string written = history_json(h);
    {
        shifan_history* again = nullptr;
        const int arc = shifan_history_new_from_json(&again, engine, written.data(), written.size(), nullptr, &err);
        if (arc != SHIFAN_OK) {
            std::fprintf(stderr, "%s\n", shifan_error_message(err, SHIFAN_LANG_EN));
            broken("the history's own JSON is refused");
        }
        require(history_json(again) == written, "history JSON does not round-trip");
        shifan_history_free(again);
    }

    // Status on several dates; the first equals the one-call result.
    bool first = true;
    for (const std::string& on : query_dates(written)) {
        shifan_status* st = nullptr;
        const int src = shifan_history_status(&st, h, on.c_str(), &err);
        if (src != SHIFAN_OK) {
            require(st == nullptr, "status on failure");
            // Only a date that does not exist (taken from an event, so it does) or no rule pack value.
            require_input_error(src, err);
            continue;
        }
        exercise_status(st, on.c_str());
        if (first) {
            char* j = nullptr;
            std::size_t jl = 0;
            require(shifan_status_to_json(&j, &jl, st, SHIFAN_LANG_BOTH, nullptr) == SHIFAN_OK, "status JSON");
            require(jl == one_len && std::memcmp(j, one, jl) == 0, "history_json_status differs from status_to_json");
            shifan_string_free(j);
            first = false;
        }
        shifan_status_free(st);
    }
    shifan_string_free(one);

    // Events appended one by one: a refused event changes nothing.
    for (const std::string_view ev : extra) {
        const std::string before = history_json(h);
        const std::int64_t count = shifan_history_event_count(h);
        const int arc = shifan_history_append_event_json(h, ev.data(), ev.size(), &err);
        const std::string after = history_json(h);
        if (arc == SHIFAN_OK) {
            require(err == nullptr && shifan_history_event_count(h) == count + 1, "appended event count");
            check_against_whole(engine, before, ev, arc, -1);
            shifan_history* again = nullptr;
            if (shifan_history_new_from_json(&again, engine, after.data(), after.size(), nullptr, &err) != SHIFAN_OK) {
                std::fprintf(stderr, "%s\n", shifan_error_message(err, SHIFAN_LANG_EN));
                broken("a history with an accepted event is refused when read whole");
            }
            require(history_json(again) == after, "history JSON after append does not round-trip");
            shifan_history_free(again);
        } else {
            require(after == before, "a refused event changed the history JSON");
            require(shifan_history_event_count(h) == count, "a refused event changed the event count");
            const std::int64_t index = shifan_error_event_index(err);
            if (arc == SHIFAN_EHISTORY) require(index == count, "refused event: index");
            check_against_whole(engine, before, ev, arc, index);
            require_input_error(arc, err, allow_rule_pack | allow_history);
        }
    }

    check_roster(engine, h, extra, first_on);
    shifan_history_free(h);
    return 0;
}
