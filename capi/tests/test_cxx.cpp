// The C++ wrapper (shifan_cxx.hpp): RAII, move-only handles, exceptions on the C++ side, and no
// way to reach a freed handle.  usage: test_cxx EXAMPLES_DIR
#include "shifan/shifan_cxx.hpp"

#include "capi_test.h"

#include <fstream>
#include <sstream>
#include <type_traits>

namespace sc = shifan::client;

static_assert(!std::is_copy_constructible_v<sc::Engine> && std::is_nothrow_move_constructible_v<sc::Engine>);
static_assert(!std::is_copy_assignable_v<sc::Evaluation> && std::is_nothrow_move_assignable_v<sc::Evaluation>);
static_assert(!std::is_copy_constructible_v<sc::Batch>);

static std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

template <class F>
static std::int32_t code_of(F&& f) {
    try {
        f();
    } catch (const sc::Error& e) {
        return e.code();
    }
    return 0;
}

int main(int argc, char** argv) {
    if (argc < 2) return 2;
    const std::string dir = argv[1];
    const std::string version = sc::version(); // keep the string alive while its c_str() is compared
    CHECK_EQ_STR(version.c_str(), SHIFAN_VERSION_STRING);

    sc::Engine engine;
    CHECK(engine.rule_pack_id() == std::string("changzhi-municipal"));
    CHECK(engine.interpretation("growth") == std::string("strict"));

    const std::string shortfalls = slurp(dir + "/ineligible-shortfalls.json");
    {
        const sc::Evaluation e = engine.evaluate(shortfalls);
        CHECK(e.verdict() == sc::Verdict::ineligible);
        CHECK(e.application_id() == std::optional<std::string>("CZ-2025-031"));
        CHECK_EQ_INT(e.review_year(), 2025);
        const auto i = e.find_check("art6.1.total_assets");
        CHECK(i.has_value());
        const sc::Check c = e.check(*i, sc::Lang::en);
        CHECK(c.id == std::string("art6.1.total_assets"));
        CHECK(c.citation == std::string("Art. 6(1)"));
        CHECK(c.outcome == sc::Outcome::fail);
        CHECK(c.shortfall == std::optional<std::string>("0.01"));
        CHECK(c.message.find("short by 0.01") != std::string::npos);
        CHECK(!e.find_check("art99").has_value());
        CHECK_EQ_INT(e.checks().size(), e.check_count());
        CHECK(e.dossier_complete() == std::optional<bool>(false));
        CHECK(e.missing_materials() == std::vector<std::string>{"art10.4"});
        CHECK(e.to_json() == engine.evaluate_to_json(shortfalls));
        CHECK(e.report(sc::Lang::en).find("Verdict: ") != std::string::npos);
        sc::JsonOptions compact;
        compact.compact = true;
        compact.lang = sc::Lang::en;
        CHECK(e.to_json(compact).size() < e.to_json().size());
        CHECK_EQ_INT(code_of([&] { (void)e.check(100000); }), SHIFAN_EUSAGE);
    }

    // The second comparison of art7.5.intermediary_route (activities): 4 of 4 in eligible-several,
    // then 3 of 4 (fails, short by 1).
    {
        std::string several = slurp(dir + "/eligible-several.json");
        const auto at = several.find("\"activities\": 4", several.find("\"financing\": {"));
        CHECK(at != std::string::npos);
        const sc::Evaluation met = engine.evaluate(several);
        const auto route = met.find_check("art7.5.intermediary_route");
        CHECK(route.has_value());
        const sc::Check m = met.check(*route);
        CHECK(m.outcome == sc::Outcome::pass);
        CHECK(m.second.has_value());
        if (m.second) {
            CHECK(m.second->name == "activities");
            CHECK(m.second->actual == std::optional<std::string>("4"));
            CHECK(m.second->required == std::optional<std::string>("4"));
            CHECK(!m.second->shortfall.has_value());
        }
        if (at != std::string::npos) several[at + std::string("\"activities\": ").size()] = '3';
        const sc::Evaluation below = engine.evaluate(several);
        const sc::Check b = below.check(*route);
        CHECK(b.outcome == sc::Outcome::fail);
        CHECK(b.actual == std::optional<std::string>("400000000.00"));
        CHECK(!b.shortfall.has_value());
        CHECK(b.second.has_value());
        if (b.second) {
            CHECK(b.second->name == "activities");
            CHECK(b.second->actual == std::optional<std::string>("3"));
            CHECK(b.second->required == std::optional<std::string>("4"));
            CHECK(b.second->shortfall == std::optional<std::string>("1"));
        }
        CHECK(below.to_json().find(R"("activities":{"actual":3,"required":4,"shortfall":1})") != std::string::npos);
        CHECK(!below.check(*below.find_check("art6.1.total_assets")).second.has_value());
        CHECK(!below.check(*below.find_check("art7.5")).second.has_value());
    }

    // Bad input throws, with the path.
    try {
        (void)engine.evaluate(R"({"schema": "shifan.application/1", "reference_date": "2025-04-15", "x": 1})");
        CHECK(!"no exception");
    } catch (const sc::Error& e) {
        CHECK_EQ_INT(e.code(), SHIFAN_EUNKNOWN_KEY);
        CHECK(e.path() == std::string("/x"));
        CHECK(!e.message_zh().empty() && !e.message_en().empty());
        CHECK_EQ_STR(e.code_name(), "unknown_key");
        CHECK(std::string(e.what()).find("/x") != std::string::npos);
    }
    CHECK_EQ_INT(code_of([&] { engine.set_interpretation("growth", "sideways"); }), SHIFAN_EUSAGE);
    CHECK_EQ_INT(code_of([&] { (void)sc::Engine::from_rule_pack_json("{}"); }), SHIFAN_EMISSING_REQUIRED);

    // Input limits on the rule pack, the calendar and the county filings (zero members: the defaults).
    {
        const std::string pack = R"({"schema":"shifan.rulepack/1","id":"p","version":"1","base":"changzhi-municipal","parameters":{}})";
        sc::Limits tight;
        tight.max_string_bytes = 16;
        CHECK_EQ_INT(code_of([&] { (void)sc::Engine::from_rule_pack_json(pack, tight); }), SHIFAN_ELIMIT_EXCEEDED);
        CHECK(sc::Engine::from_rule_pack_json(pack).rule_pack_id() == "p");
        CHECK(sc::Engine::from_rule_pack_json(pack, sc::Limits{}).rule_pack_id() == "p");
        sc::Engine e;
        const std::string calendar = R"({"schema":"shifan.calendar/1","rest_days":["2026-01-01","2026-01-02"]})";
        sc::Limits one;
        one.max_array_length = 1;
        try {
            e.set_calendar_json(calendar, one);
            CHECK(!"no exception");
        } catch (const sc::Error& err) {
            CHECK_EQ_INT(err.code(), SHIFAN_ELIMIT_EXCEEDED);
            CHECK(err.path() == "/rest_days/1");
            CHECK(err.message_en().find("max_array_length") != std::string::npos);
        }
        CHECK(e.interpretation("deadline_rest_days") == "literal");
        e.set_calendar_json(calendar);
        CHECK(e.interpretation("deadline_rest_days") == "roll_forward");
        const std::string filings = R"({"schema":"shifan.county-filings/1","county":"A","filings":[]})";
        sc::Limits small;
        small.max_document_bytes = 16;
        CHECK_EQ_INT(code_of([&] { (void)sc::Roster::make(e, {}, {filings}, "2025-04-15", small); }),
                     SHIFAN_ELIMIT_EXCEEDED);
        CHECK(sc::Roster::make(e, {}, {filings}, "2025-04-15").to_json().find("shifan.roster/1") != std::string::npos);
    }

    // Moved-from handles throw instead of touching freed memory.
    {
        sc::Evaluation a = engine.evaluate(shortfalls);
        sc::Evaluation b = std::move(a);
        CHECK(b.verdict() == sc::Verdict::ineligible);
        CHECK_EQ_INT(code_of([&] { (void)a.verdict(); }), SHIFAN_EUSAGE); // NOLINT(bugprone-use-after-move)
        sc::Engine moved = std::move(engine);
        CHECK_EQ_INT(code_of([&] { (void)engine.evaluate(shortfalls); }), SHIFAN_EUSAGE); // NOLINT(bugprone-use-after-move)
        engine = std::move(moved);
        // An evaluation outlives its engine.
        sc::Evaluation kept = sc::Engine().evaluate(shortfalls);
        CHECK(kept.verdict() == sc::Verdict::ineligible);
    }

    // Batch: one bad document among good ones.
    {
        const std::string tech = slurp(dir + "/eligible-technology.json");
        const std::vector<std::string_view> docs{tech, "{", shortfalls};
        sc::BatchOptions o;
        o.keep_input = true;
        const sc::Batch batch = engine.evaluate_batch(docs, o);
        CHECK_EQ_INT(batch.size(), 3);
        const auto s = batch.summary();
        CHECK_EQ_INT(s.status[0], SHIFAN_OK);
        CHECK_EQ_INT(s.status[1], SHIFAN_ESYNTAX);
        CHECK_EQ_INT(s.verdicts[1], SHIFAN_VERDICT_NONE);
        CHECK_EQ_INT(s.verdicts[2], SHIFAN_VERDICT_INELIGIBLE);
        CHECK_EQ_INT(s.functions[0], SHIFAN_FUNCTION_TECHNOLOGY);
        CHECK(batch.item_json(2) == engine.evaluate_to_json(shortfalls));
        CHECK(!batch.item_error(0).has_value());
        CHECK(batch.item_error(1).has_value() && batch.item_error(1)->code() == SHIFAN_ESYNTAX);
        CHECK(batch.item_evaluation(0).qualified_function_names() == std::vector<std::string>{"technology"});
        CHECK_EQ_INT(code_of([&] { (void)batch.item_evaluation(1); }), SHIFAN_ESYNTAX);
        CHECK_EQ_INT(code_of([&] { (void)batch.item_json(3); }), SHIFAN_EUSAGE);
    }
    // Lifecycle: history, status, refused events, roster.
    {
        const std::string hdir = dir + "/../histories";
        sc::History h = sc::History::from_json(engine, slurp(hdir + "/designated-current.json"));
        CHECK(h.platform_id() == "CZ-P-0042");
        const sc::Status st = h.status("2025-04-15");
        CHECK(st.state() == "designated");
        CHECK(st.days_left() == std::optional<std::int64_t>(807));
        CHECK(st.valid_until() == std::optional<std::string>("2027-07-01"));
        CHECK(!st.may_apply_again() && !st.may_apply_again_reason(sc::Lang::en).empty());
        CHECK(st.to_json().find("shifan.status/1") != std::string::npos);
        CHECK(!h.status("2024-04-01").days_left().has_value());
        const std::string before = h.to_json();
        try {
            h.append_event_json(R"({"type": "designated", "date": "2025-05-01", "document_no": "x"})");
            CHECK(!"no exception");
        } catch (const sc::Error& e) {
            CHECK_EQ_INT(e.code(), SHIFAN_EHISTORY);
            CHECK_EQ_INT(e.event_index(), 4);
        }
        CHECK(h.to_json() == before);
        h.append_event_json(R"({"type": "annual_summary_filed", "year": 2025, "date": "2026-02-01"})");
        CHECK_EQ_INT(h.event_count(), 5);
        CHECK_EQ_INT(code_of([&] { (void)h.status("2025-02-30"); }), SHIFAN_EUSAGE);
        const sc::History other = sc::History::from_json(engine, slurp(hdir + "/revoked.json"));
        const std::string filings = slurp(hdir + "/county-filings-shangdang.json");
        const sc::Roster roster = sc::Roster::make(engine, {&h, &other}, {filings}, "2025-04-15");
        CHECK(roster.to_json().find("shifan.roster/1") != std::string::npos);
        CHECK(!roster.report(sc::Lang::en).empty());
        sc::RosterHtmlOptions html_options;
        html_options.subtitle = "上党区";
        const std::string page = roster.html(html_options);
        CHECK(page.rfind("<!DOCTYPE html>", 0) == 0 && page.find("上党区") != std::string::npos);
        CHECK(roster.html() != page);
        html_options.soon_days = -1;
        CHECK_EQ_INT(code_of([&] { (void)roster.html(html_options); }), SHIFAN_EUSAGE);
        CHECK_EQ_INT(code_of([&] { (void)sc::Roster::make(engine, {&h, &h}, {}, "2025-04-15"); }), SHIFAN_EINCONSISTENT);
        sc::History moved = std::move(h);
        CHECK_EQ_INT(code_of([&] { (void)h.event_count(); }), SHIFAN_EUSAGE); // NOLINT(bugprone-use-after-move)
    }
    return test_summary("test_cxx");
}
