// Rule packs (docs/specification.md §4): the built-in values, overrides with a base, dated values
// (`from` inclusive), and the errors: unknown parameter, missing parameter, no value in force.
#include "test_helpers.hpp"

#include "rules/builtin_changzhi_municipal.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>

using shifan::ErrorCode;
using shifan::Param;
using shifan::make_date;

namespace {

std::string pack_with(const nlohmann::json& parameters, const char* base = "changzhi-municipal") {
    nlohmann::json doc = {{"schema", "shifan.rulepack/1"}, {"id", "test-pack"}, {"version", "7"}, {"parameters", parameters}};
    if (base) doc["base"] = base;
    return doc.dump();
}

void pack_refused(const std::string& text, ErrorCode code, const std::string& path) {
    INFO("pack: " << text);
    try {
        (void)shifan::parse_rule_pack(text);
        FAIL("the pack was accepted");
    } catch (const shifan::Error& e) {
        INFO("error: " << e.message().en);
        CHECK(e.code() == code);
        CHECK(e.path() == path);
    }
}

shifan::Application base_application() {
    return shifan::parse_application(shifan::test::read_source_file("tests/cases/base/eligible.json"));
}

} // namespace

TEST_CASE("the built-in pack carries the values of the measures (specification §4.1)", "[rule-pack]") {
    const shifan::RulePack& pack = shifan::builtin_rule_pack();
    CHECK(pack.id == "changzhi-municipal");
    CHECK_FALSE(pack.version.empty());
    const shifan::Parameters p = pack.resolve(make_date(2025, 4, 15));
    CHECK(p.years(Param::min_operating_years) == 2);
    CHECK(p.money(Param::min_total_assets_cny) == shifan::Money::yuan(1'000'000));
    CHECK(p.count(Param::min_smes_served).value == 80);
    CHECK(p.percent(Param::min_satisfaction_percent) == shifan::Percent::whole(80));
    CHECK(p.count(Param::min_partner_institutions).value == 2);
    CHECK(p.percent(Param::min_public_interest_percent) == shifan::Percent::whole(10));
    CHECK(p.count(Param::min_staff).value == 10);
    CHECK(p.percent(Param::min_qualified_percent) == shifan::Percent::whole(80));
    CHECK(p.count(Param::information_min_offline_smes_served).value == 80);
    CHECK(p.count(Param::information_min_activities).value == 3);
    CHECK(p.count(Param::technology_min_activities).value == 3);
    CHECK(p.count(Param::entrepreneurship_min_activities).value == 3);
    CHECK(p.count(Param::training_min_trainee_times).value == 1000);
    CHECK(p.count(Param::financing_min_activities).value == 4);
    CHECK(p.money(Param::financing_min_financing_cny) == shifan::Money::yuan(400'000'000));
    CHECK(p.money(Param::financing_min_new_guarantees_cny) == shifan::Money::yuan(1'500'000'000));
    CHECK(p.years(Param::validity_years) == 3);
    CHECK(p.month_day(Param::annual_summary_due).month == 2);
    CHECK(p.month_day(Param::annual_summary_due).day == 0); // the last day
    CHECK(p.month_day(Param::county_report_due).month == 3);
    CHECK(p.month_day(Param::county_report_due).day == 0);
}

TEST_CASE("the embedded pack is the file rules/changzhi-municipal.rulepack.json", "[rule-pack]") {
    CHECK(shifan::test::read_source_file("rules/changzhi-municipal.rulepack.json") ==
          std::string(shifan::builtin::changzhi_municipal_rulepack));
}

TEST_CASE("a pack with base overrides what it lists and inherits the rest", "[rule-pack]") {
    const auto pack = shifan::parse_rule_pack(
        pack_with({{"min_smes_served", 100}, {"min_total_assets_cny", "1500000.50"}, {"min_satisfaction_percent", "85.5"},
                   {"annual_summary_due", {{"month", 3}, {"day", 15}}}}));
    CHECK(pack.id == "test-pack");
    CHECK(pack.version == "7");
    const shifan::Parameters p = pack.resolve(make_date(2025, 4, 15));
    CHECK(p.count(Param::min_smes_served).value == 100);
    CHECK(p.money(Param::min_total_assets_cny).fen == 150'000'050);
    CHECK(p.percent(Param::min_satisfaction_percent).hundredths == 8550);
    CHECK(p.month_day(Param::annual_summary_due).day == 15);
    CHECK(p.count(Param::min_staff).value == 10); // inherited
    CHECK(p.money(Param::financing_min_new_guarantees_cny) == shifan::Money::yuan(1'500'000'000));

    // The engine uses it and every result names it.
    const shifan::Engine engine(shifan::SharedRulePack::make(pack));
    const auto e = engine.evaluate(base_application());
    CHECK(e.check(*shifan::rule_by_id("art6.2.smes_served")).required.value == 100);
    const std::string out = shifan::to_json(e, std::string("x"));
    CHECK(out.find(R"("rule_pack":{"id":"test-pack","version":"7"})") != std::string::npos);
}

TEST_CASE("dated values: from is inclusive, the day before uses the old value", "[rule-pack]") {
    const auto pack = shifan::parse_rule_pack(
        pack_with({{"min_smes_served", {{{"from", "2026-01-01"}, {"value", 100}}, {{"from", "2019-01-01"}, {"value", 80}}}}}));
    CHECK(pack.resolve(make_date(2025, 12, 31)).count(Param::min_smes_served).value == 80);
    CHECK(pack.resolve(make_date(2026, 1, 1)).count(Param::min_smes_served).value == 100);
    CHECK(pack.resolve(make_date(2019, 1, 1)).count(Param::min_smes_served).value == 80);
    // Through the engine, on the application's reference date.
    const shifan::Engine engine(shifan::SharedRulePack::make(pack));
    auto app = base_application();
    app.reference_date = make_date(2025, 12, 31);
    CHECK(engine.evaluate(app).check(*shifan::rule_by_id("art6.2.smes_served")).required.value == 80);
    app.reference_date = make_date(2026, 1, 1);
    CHECK(engine.evaluate(app).check(*shifan::rule_by_id("art6.2.smes_served")).required.value == 100);
}

TEST_CASE("no value in force on the reference date is an error naming the parameter", "[rule-pack]") {
    const auto pack = shifan::parse_rule_pack(pack_with({{"min_staff", {{{"from", "2026-01-01"}, {"value", 12}}}}}));
    CHECK_THROWS_AS(pack.resolve(make_date(2025, 12, 31)), shifan::Error);
    const shifan::Engine engine(shifan::SharedRulePack::make(pack));
    auto app = base_application();
    try {
        (void)engine.evaluate(app);
        FAIL("evaluated without a value in force");
    } catch (const shifan::Error& e) {
        CHECK(e.code() == ErrorCode::rule_pack);
        CHECK(e.path() == "/parameters/min_staff");
        CHECK(e.message().en.find("2025-04-15") != std::string::npos);
    }
    app.reference_date = make_date(2026, 1, 1);
    CHECK(engine.evaluate(app).check(*shifan::rule_by_id("art6.5.staff")).required.value == 12);
}

TEST_CASE("rule pack errors", "[rule-pack]") {
    pack_refused(pack_with({{"min_smes_servd", 80}}), ErrorCode::unknown_key, "/parameters/min_smes_servd");
    pack_refused(pack_with({{"min_staff", 10.5}}), ErrorCode::wrong_type, "/parameters/min_staff");
    pack_refused(pack_with({{"min_staff", -1}}), ErrorCode::out_of_range, "/parameters/min_staff");
    pack_refused(pack_with({{"min_satisfaction_percent", 101}}), ErrorCode::out_of_range, "/parameters/min_satisfaction_percent");
    pack_refused(pack_with({{"min_total_assets_cny", "1.005"}}), ErrorCode::invalid_amount, "/parameters/min_total_assets_cny");
    pack_refused(pack_with({{"min_staff", nlohmann::json::array()}}), ErrorCode::out_of_range, "/parameters/min_staff");
    pack_refused(pack_with({{"min_staff", {{{"value", 10}}}}}), ErrorCode::missing_required, "/parameters/min_staff/0/from");
    pack_refused(pack_with({{"min_staff", {{{"from", "2025-02-29"}, {"value", 10}}}}}), ErrorCode::invalid_date,
                 "/parameters/min_staff/0/from");
    pack_refused(pack_with({{"min_staff", {{{"from", "2025-01-01"}, {"value", 10}}, {{"from", "2025-01-01"}, {"value", 11}}}}}),
                 ErrorCode::inconsistent, "/parameters/min_staff/1/from");
    pack_refused(pack_with({{"annual_summary_due", {{"month", 2}, {"day", "first"}}}}), ErrorCode::unknown_value,
                 "/parameters/annual_summary_due/day");
    pack_refused(pack_with({{"annual_summary_due", {{"month", 2}, {"day", 30}}}}), ErrorCode::out_of_range,
                 "/parameters/annual_summary_due");
    pack_refused(pack_with({{"min_staff", 10}}, "nowhere"), ErrorCode::rule_pack, "/base");
    pack_refused(pack_with({{"min_staff", 10}}, nullptr), ErrorCode::missing_required, "/parameters/min_operating_years");
    pack_refused(R"({"schema": "shifan.rulepack/1", "id": "x", "version": "1", "base": "changzhi-municipal", "extra": 1})",
                 ErrorCode::unknown_key, "/extra");
    pack_refused(R"({"schema": "shifan.rulepack/1", "version": "1", "base": "changzhi-municipal"})",
                 ErrorCode::missing_required, "/id");
    pack_refused(R"({"schema": "shifan.rulepack/2", "id": "x", "version": "1", "base": "changzhi-municipal"})",
                 ErrorCode::wrong_schema, "/schema");
}

TEST_CASE("a host resolves bases of its own", "[rule-pack]") {
    const auto provincial = shifan::parse_rule_pack(pack_with({{"min_smes_served", 150}}));
    const auto derived = shifan::parse_rule_pack(pack_with({{"min_staff", 20}}, "test-pack"),
                                                 [&](std::string_view id) { return id == "test-pack" ? &provincial : nullptr; });
    const auto p = derived.resolve(make_date(2025, 1, 1));
    CHECK(p.count(Param::min_smes_served).value == 150);
    CHECK(p.count(Param::min_staff).value == 20);
}
