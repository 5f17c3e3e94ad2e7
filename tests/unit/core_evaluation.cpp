// Evaluation (docs/specification.md §2, §3 and §6): which absent inputs are listed as missing,
// shortfalls, percentages truncated toward zero, and deterministic output.
#include "test_helpers.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

using shifan::Outcome;
using shifan::RuleId;

namespace {

nlohmann::json evaluation_base() {
    static const nlohmann::json doc = nlohmann::json::parse(shifan::test::read_source_file("tests/cases/base/eligible.json"));
    return doc;
}

/// Evaluate `doc` with the built-in pack; the result as parsed JSON.
nlohmann::json evaluate(const nlohmann::json& doc, shifan::Interpretations readings = {}) {
    const shifan::Engine engine(shifan::SharedRulePack::borrow(shifan::builtin_rule_pack()),
                                readings);
    const auto app = shifan::parse_application(doc.dump());
    return nlohmann::json::parse(shifan::to_json(engine.evaluate(app), app.id));
}

const nlohmann::json& check(const nlohmann::json& out, const std::string& id) {
    for (const auto& c : out.at("checks"))
        if (c.at("id") == id) return c;
    FAIL("no check " << id);
    static const nlohmann::json none;
    return none;
}

std::vector<std::string> missing(const nlohmann::json& out) {
    std::vector<std::string> v = out.at("missing").get<std::vector<std::string>>();
    std::sort(v.begin(), v.end());
    return v;
}

} // namespace

TEST_CASE("an absent service_volume is listed as both of its leaf inputs", "[evaluation][missing]") {
    nlohmann::json doc = evaluation_base();
    doc["management"].erase("service_volume");
    const auto out = evaluate(doc);
    CHECK(check(out, "art6.4.public_interest_share").at("outcome") == "undetermined");
    CHECK(missing(out) == std::vector<std::string>{"/management/service_volume/free_or_low_fee",
                                                   "/management/service_volume/total"});
    CHECK(check(out, "art6.4.public_interest_share").at("missing").size() == 2);
    CHECK(out.at("verdict") == "undetermined");
}

TEST_CASE("an absent input of a route that already fails is not listed", "[evaluation][missing]") {
    nlohmann::json doc = evaluation_base();
    // Intermediary route: 3 activities fail it; the absent financing figure cannot change that.
    doc["functions"]["financing"] = {{"activities", 3}, {"guarantee_institution", false}};
    auto out = evaluate(doc);
    CHECK(check(out, "art7.5.intermediary_route").at("outcome") == "fail");
    CHECK(out.at("missing").empty());
    // Guarantee route: too little guaranteed; whether it is a guarantee institution does not matter.
    doc["functions"]["financing"] = {{"activities", 6}, {"financing_obtained_cny", "1.00"}, {"new_guarantees_cny", "1.00"}};
    out = evaluate(doc);
    CHECK(check(out, "art7.5.guarantee_route").at("outcome") == "fail");
    CHECK(out.at("missing").empty());
    // The same absent input of a route that does not fail otherwise is listed.
    doc["functions"]["financing"] = {{"activities", 6}, {"financing_obtained_cny", "1.00"},
                                     {"new_guarantees_cny", "1500000000.00"}};
    out = evaluate(doc);
    CHECK(check(out, "art7.5.guarantee_route").at("outcome") == "undetermined");
    CHECK(missing(out) == std::vector<std::string>{"/functions/financing/guarantee_institution"});
    // A condition of several parts: one false part fails it, and the absent part is not listed.
    doc = evaluation_base();
    doc["management"]["rules"] = false;
    doc["management"].erase("fee_standards");
    out = evaluate(doc);
    CHECK(check(out, "art6.4.management_system").at("outcome") == "fail");
    CHECK(out.at("missing").empty());
}

TEST_CASE("missing lists exactly the absent inputs that made a leaf undetermined", "[evaluation][missing]") {
    nlohmann::json doc = evaluation_base();
    doc["applicant"].erase("legal_person");
    doc["performance"]["smes_served"].erase("2023");
    doc["functions"]["technology"].erase("has_large_instruments");
    doc["functions"]["technology"].erase("instruments_shared");
    doc["functions"].erase("training"); // not claimed: nothing of it is missing
    const auto out = evaluate(doc);
    CHECK(missing(out) == std::vector<std::string>{"/applicant/legal_person", "/functions/technology/has_large_instruments",
                                                   "/functions/technology/instruments_shared",
                                                   "/performance/smes_served/2023"});
    // Output order is the rule table's order.
    CHECK(out.at("missing").front() == "/applicant/legal_person");
}

TEST_CASE("shortfalls: counts, money, ratios and percent points", "[evaluation][shortfall]") {
    nlohmann::json doc = evaluation_base();
    doc["performance"]["satisfaction"] = {{"surveyed", 120}, {"satisfied", 95}};
    doc["applicant"]["total_assets_cny"] = "999999.99";
    doc["performance"]["smes_served"] = {{"2022", 60}, {"2023", 70}, {"2024", 72}};
    doc["staff"] = {{"serving_smes", 9}, {"qualified_professionals", 7}, {"leadership", true}};
    auto out = evaluate(doc);
    // 95/120 at 80%: 96 are needed, so 1 more satisfied respondent.
    CHECK(check(out, "art6.2.satisfaction").at("actual") == "79.16");
    CHECK(check(out, "art6.2.satisfaction").at("required") == "80.00");
    CHECK(check(out, "art6.2.satisfaction").at("shortfall") == 1);
    CHECK(check(out, "art6.1.total_assets").at("shortfall") == "0.01");
    CHECK(check(out, "art6.2.smes_served").at("shortfall") == 8);
    CHECK(check(out, "art6.5.staff").at("shortfall") == 1);
    CHECK(check(out, "art6.5.qualified_share").at("actual") == "77.77");
    CHECK(check(out, "art6.5.qualified_share").at("shortfall") == 1);
    // English agrees with the number: one respondent, one professional, one staff member.
    const std::string satisfaction_en = check(out, "art6.2.satisfaction").at("message").at("en");
    CHECK_THAT(satisfaction_en, Catch::EndsWith("needs 1 more satisfied respondent"));
    const std::string qualified_en = check(out, "art6.5.qualified_share").at("message").at("en");
    CHECK_THAT(qualified_en, Catch::EndsWith("needs 1 more qualified professional"));
    CHECK_THAT(std::string(check(out, "art6.2.smes_served").at("message").at("en")), Catch::EndsWith("short by 8 SMEs"));
    // Satisfaction given as a percent: the shortfall is in percentage points.
    doc["performance"]["satisfaction"] = {{"percent", "79.99"}};
    out = evaluate(doc);
    CHECK(check(out, "art6.2.satisfaction").at("shortfall") == "0.01");
    doc["performance"]["satisfaction"] = {{"percent", 62.5}};
    out = evaluate(doc);
    CHECK(check(out, "art6.2.satisfaction").at("shortfall") == "17.50");
    // A passing check has no shortfall; a ratio with whole 0 has neither actual nor shortfall.
    doc["performance"]["satisfaction"] = {{"surveyed", 0}, {"satisfied", 0}};
    out = evaluate(doc);
    CHECK(check(out, "art6.2.satisfaction").at("outcome") == "fail");
    CHECK(check(out, "art6.2.satisfaction").at("actual").is_null());
    CHECK(check(out, "art6.2.satisfaction").at("shortfall").is_null());
    CHECK(check(out, "art6.3.partner_institutions").at("shortfall").is_null());
}

TEST_CASE("ratio shortfalls are the smallest increase of the part that reaches the threshold", "[evaluation][shortfall]") {
    for (int surveyed : {1, 7, 120, 121, 999}) {
        for (int satisfied = 0; satisfied <= surveyed; satisfied += std::max(1, surveyed / 13)) {
            nlohmann::json doc = evaluation_base();
            doc["performance"]["satisfaction"] = {{"surveyed", surveyed}, {"satisfied", satisfied}};
            const auto c = check(evaluate(doc), "art6.2.satisfaction");
            int needed = 0;
            while (100 * (satisfied + needed) < 80 * surveyed) ++needed;
            INFO(satisfied << "/" << surveyed);
            if (needed == 0) {
                CHECK(c.at("outcome") == "pass");
                CHECK(c.at("shortfall").is_null());
            } else {
                CHECK(c.at("outcome") == "fail");
                CHECK(c.at("shortfall") == needed);
            }
        }
    }
}

TEST_CASE("percentages are truncated toward zero, never rounded", "[evaluation]") {
    nlohmann::json doc = evaluation_base();
    doc["performance"]["satisfaction"] = {{"surveyed", 100000}, {"satisfied", 79999}}; // 79.999%
    auto out = evaluate(doc);
    CHECK(check(out, "art6.2.satisfaction").at("actual") == "79.99");
    CHECK(check(out, "art6.2.satisfaction").at("outcome") == "fail");
    doc["performance"]["satisfaction"] = {{"surveyed", 3}, {"satisfied", 2}}; // 66.666…%
    out = evaluate(doc);
    CHECK(check(out, "art6.2.satisfaction").at("actual") == "66.66");
    doc["management"]["service_volume"] = {{"total", 800}, {"free_or_low_fee", 79}}; // 9.875%
    out = evaluate(doc);
    CHECK(check(out, "art6.4.public_interest_share").at("actual") == "9.87");
}

TEST_CASE("thresholds compare exactly: 80.00 vs 79.99, 1000000.00 vs 999999.99", "[evaluation]") {
    nlohmann::json doc = evaluation_base();
    doc["performance"]["satisfaction"] = {{"percent", "80.00"}};
    doc["applicant"]["total_assets_cny"] = "1000000.00";
    auto out = evaluate(doc);
    CHECK(check(out, "art6.2.satisfaction").at("outcome") == "pass");
    CHECK(check(out, "art6.1.total_assets").at("outcome") == "pass");
    doc["performance"]["satisfaction"] = {{"percent", 79.99}};
    doc["applicant"]["total_assets_cny"] = 999999.99;
    out = evaluate(doc);
    CHECK(check(out, "art6.2.satisfaction").at("outcome") == "fail");
    CHECK(check(out, "art6.1.total_assets").at("outcome") == "fail");
}

TEST_CASE("the result records the readings, the pack and the functions in art7 order", "[evaluation]") {
    nlohmann::json doc = evaluation_base();
    shifan::Interpretations readings;
    readings.growth = shifan::Growth::consecutive;
    const auto out = evaluate(doc, readings);
    CHECK(out.at("schema") == "shifan.evaluation/1");
    CHECK(out.at("interpretations").at("growth") == "consecutive");
    CHECK(out.at("rule_pack").at("id") == "changzhi-municipal");
    CHECK(out.at("qualified_functions") ==
          nlohmann::json::array({"information", "technology", "entrepreneurship", "training", "financing"}));
    CHECK(check(out, "art6.2").at("citation") == "第六条第（二）项");
    // Every leaf and every group is reported.
    CHECK(out.at("checks").size() == shifan::rule_count);
}

TEST_CASE("determinism: the same application with its keys reordered gives identical bytes", "[evaluation]") {
    const std::string text = shifan::test::read_source_file("tests/cases/base/eligible.json");
    // Reverse the order of every object's members (nlohmann's ordered_json keeps insertion order).
    std::function<nlohmann::ordered_json(const nlohmann::ordered_json&)> reverse = [&](const nlohmann::ordered_json& j) {
        if (j.is_object()) {
            nlohmann::ordered_json out = nlohmann::ordered_json::object();
            std::vector<std::string> keys;
            for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
            for (auto it = keys.rbegin(); it != keys.rend(); ++it) out[*it] = reverse(j.at(*it));
            return out;
        }
        if (j.is_array()) {
            nlohmann::ordered_json out = nlohmann::ordered_json::array();
            for (const auto& x : j) out.push_back(reverse(x));
            return out;
        }
        return j;
    };
    const std::string reordered = reverse(nlohmann::ordered_json::parse(text)).dump(1);
    REQUIRE(reordered != text);
    const shifan::Engine engine;
    const auto a = shifan::parse_application(text);
    const auto b = shifan::parse_application(reordered);
    const std::string out_a = shifan::to_json(engine.evaluate(a), a.id);
    const std::string out_b = shifan::to_json(engine.evaluate(b), b.id);
    CHECK(out_a == out_b);
    // And again, into a reused Evaluation that held another result before.
    auto other = nlohmann::json::parse(text);
    other["functions"].erase("technology");
    other["applicant"].erase("legal_person");
    shifan::Evaluation reused;
    engine.evaluate(shifan::parse_application(other.dump()), reused);
    engine.evaluate(a, reused);
    CHECK(shifan::to_json(reused, a.id) == out_a);
}
