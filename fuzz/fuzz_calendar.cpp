// libFuzzer target: shifan.calendar/1 documents through the C ABI (shifan_engine_set_calendar_json).
// A refused calendar leaves the engine as it was (deadline_rest_days stays "literal"); an accepted one
// selects roll_forward, and then every annual-summary due date of a fixed platform history must be
// exactly the first working day on or after the literal due date under the calendar as an
// independent reading of the document (nlohmann/json) describes it (Civil Code art. 203).
#include "fuzz_common.hpp"

#include <algorithm>
#include <ctime>
#include <map>
#include <set>
#include <string>

using namespace shifan_fuzz;

namespace {

// Designated 2020, renewed in 2023 and 2026: summaries owed for 2020..2028, due end of February
// 2021..2029, so a calendar's rest days around those dates move them.
const char history[] = R"({"schema":"shifan.history/1","platform":{"id":"FZ-1","name":"F","county":"潞州区"},"events":[
{"type":"applied","date":"2020-03-02","review_year":2020},
{"type":"recommended","date":"2020-04-01","county":"潞州区"},
{"type":"designated","date":"2020-06-30","document_no":"1"},
{"type":"applied","date":"2023-03-01","review_year":2023},
{"type":"recommended","date":"2023-04-03","county":"潞州区"},
{"type":"designated","date":"2023-06-28","document_no":"2"},
{"type":"annual_summary_filed","year":2023,"date":"2024-03-04"},
{"type":"applied","date":"2026-03-02","review_year":2026},
{"type":"recommended","date":"2026-04-01","county":"潞州区"},
{"type":"designated","date":"2026-06-19","document_no":"3"}]})";

const char* const query_on = "2030-01-02";

/// obligation year -> due date ("YYYY-MM-DD") in the status JSON of the fixed history.
std::map<int, std::string> due_dates(const shifan_engine* engine) {
    char* j = nullptr;
    std::size_t jl = 0;
    shifan_error* err = nullptr;
    if (shifan_history_json_status(&j, &jl, engine, history, sizeof history - 1, query_on, SHIFAN_LANG_EN, nullptr,
                                   &err) != SHIFAN_OK) {
        std::fprintf(stderr, "%s\n", shifan_error_message(err, SHIFAN_LANG_EN));
        broken("status of the fixed history under a valid calendar");
    }
    require_json(j, jl, "status JSON");
    const auto doc = nlohmann::json::parse(std::string_view(j, jl));
    shifan_string_free(j);
    std::map<int, std::string> out;
    require(doc.contains("obligations") && doc["obligations"].is_array(), "status JSON: obligations");
    for (const auto& o : doc["obligations"])
        if (o.value("kind", std::string()) == "annual_summary") out[o.at("year").get<int>()] = o.at("due").get<std::string>();
    return out;
}

struct Day {
    int y, m, d;
};

Day parse_day(const std::string& s) { return {std::atoi(s.substr(0, 4).c_str()), std::atoi(s.substr(5, 2).c_str()), std::atoi(s.substr(8, 2).c_str())}; }

std::string format_day(Day x) {
    char b[16];
    std::snprintf(b, sizeof b, "%04d-%02d-%02d", x.y, x.m, x.d);
    return b;
}

Day next_day(Day x) {
    std::tm t{};
    t.tm_year = x.y - 1900;
    t.tm_mon = x.m - 1;
    t.tm_mday = x.d + 1;
    t.tm_hour = 12;
    (void)timegm(&t);
    return {t.tm_year + 1900, t.tm_mon + 1, t.tm_mday};
}

int weekday(Day x) { // 0 = Sunday
    std::tm t{};
    t.tm_year = x.y - 1900;
    t.tm_mon = x.m - 1;
    t.tm_mday = x.d;
    t.tm_hour = 12;
    (void)timegm(&t);
    return t.tm_wday;
}

/// The reference model: first working day on or after `due` (working days win over rest days and
/// weekends; listed rest days and, when weekends rest, Saturdays and Sundays are rest days).
std::string roll_forward(const std::string& due, bool weekends_rest, const std::set<std::string>& rest,
                         const std::set<std::string>& working) {
    Day d = parse_day(due);
    for (int guard = 0; guard < 4000; ++guard) {
        const std::string s = format_day(d);
        const int wd = weekday(d);
        const bool is_rest = !working.count(s) && (rest.count(s) || (weekends_rest && (wd == 0 || wd == 6)));
        if (!is_rest) return s;
        d = next_day(d);
    }
    return "(no working day)";
}

const std::map<int, std::string>& literal_dues() {
    static const std::map<int, std::string> dues = [] {
        shifan_engine* e = nullptr;
        if (shifan_engine_new(&e, nullptr) != SHIFAN_OK) broken("engine");
        auto m = due_dates(e);
        shifan_engine_free(e);
        require(m.size() >= 8, "fixed history: summaries owed");
        return m;
    }();
    return dues;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto& literal = literal_dues();
    shifan_engine* engine = nullptr;
    require(shifan_engine_new(&engine, nullptr) == SHIFAN_OK, "engine");
    const char* text = reinterpret_cast<const char*>(data);
    shifan_error* err = nullptr;
    const int rc = shifan_engine_set_calendar_json(engine, text, size, &err);
    if (rc != SHIFAN_OK) {
        require_input_error(rc, err, 0);
        require(std::strcmp(shifan_engine_interpretation(engine, "deadline_rest_days"), "literal") == 0,
                "a refused calendar changed the engine");
        require(due_dates(engine) == literal, "a refused calendar changed the due dates");
        shifan_engine_free(engine);
        return 0;
    }
    require(err == nullptr, "error on success");
    require(std::strcmp(shifan_engine_interpretation(engine, "deadline_rest_days"), "roll_forward") == 0,
            "a calendar did not select roll_forward");
    const auto rolled = due_dates(engine);
    require(rolled.size() == literal.size(), "a calendar changed which summaries are owed");

    // The same document read independently: when it is plain enough for nlohmann to agree on its
    // content (valid UTF-8, no duplicate keys it would hide), the due dates must follow the model.
    const auto doc = nlohmann::json::parse(std::string_view(text, size), nullptr, false);
    if (doc.is_object()) {
        const bool weekends_rest = doc.value("weekends_rest", true);
        std::set<std::string> rest, working;
        if (doc.contains("rest_days"))
            for (const auto& d : doc["rest_days"]) rest.insert(d.get<std::string>());
        if (doc.contains("working_days"))
            for (const auto& d : doc["working_days"]) working.insert(d.get<std::string>());
        for (const auto& [year, due] : literal) {
            const std::string expect = roll_forward(due, weekends_rest, rest, working);
            const auto it = rolled.find(year);
            require(it != rolled.end(), "rolled due date missing");
            if (it->second != expect) {
                std::fprintf(stderr, "year %d: literal %s, rolled %s, model %s\n", year, due.c_str(), it->second.c_str(),
                             expect.c_str());
                broken("roll_forward differs from the model");
            }
        }
    }
    for (const auto& [year, due] : literal) require(rolled.at(year) >= due, "a deadline moved backwards");

    // A second calendar replaces the first; a refused one leaves the accepted one in place.
    const char bad[] = R"({"schema":"shifan.calendar/1","rest_days":["2025-02-30"]})";
    require(shifan_engine_set_calendar_json(engine, bad, sizeof bad - 1, &err) == SHIFAN_EINVALID_DATE, "bad calendar");
    require_input_error(SHIFAN_EINVALID_DATE, err, 0);
    require(due_dates(engine) == rolled, "a refused second calendar changed the due dates");
    shifan_engine_free(engine);
    return 0;
}
