// The registry as JSON (`shifan rules --json`, registry_json.hpp) says what the engine does: it is
// derived from the catalog, the dossier predicate and the rule pack, and these tests pin that down.
#include "test_helpers.hpp"

#include "registry_json.hpp"
#include "shifan/io/registry.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>
#include <string>

namespace {

const nlohmann::json& registry() {
    static const nlohmann::json doc = nlohmann::json::parse(shifan::registry_json(shifan::builtin_rule_pack()));
    return doc;
}

const nlohmann::json& entry(const char* list, const std::string& key, const std::string& value) {
    for (const auto& e : registry().at(list))
        if (e.at(key) == value) return e;
    FAIL("no " << list << " entry " << value);
    static const nlohmann::json none;
    return none;
}

} // namespace

TEST_CASE("registry: every rule and group, in catalog order, with parents and children", "[registry]") {
    const auto& rules = registry().at("rules");
    REQUIRE(rules.size() == shifan::rule_count);
    for (std::size_t i = 0; i < shifan::rule_count; ++i) {
        const shifan::RuleInfo& r = shifan::rule_catalog[i];
        INFO(r.id);
        CHECK(rules[i].at("id") == std::string(r.id));
        CHECK(rules[i].at("citation").at("zh") == std::string(r.citation.zh));
        CHECK(rules[i].at("citation").at("en") == std::string(r.citation.en));
        CHECK(rules[i].at("kind") == (r.combine == shifan::Combine::leaf ? "rule" : "group"));
    }
    CHECK(entry("rules", "id", "art7").at("combine") == "any_of");
    CHECK(entry("rules", "id", "art7.5").at("combine") == "any_of");
    CHECK(entry("rules", "id", "art6").at("combine") == "all_of");
    CHECK(entry("rules", "id", "art7.5").at("children") ==
          nlohmann::json::array({"art7.5.intermediary_route", "art7.5.guarantee_route"}));
    CHECK(entry("rules", "id", "art6.2.smes_served").at("parent") == "art6.2");
    CHECK(entry("rules", "id", "art6").at("parent").is_null());
}

TEST_CASE("registry: parameters with the pack's values, inputs as JSON Pointers", "[registry]") {
    const auto& served = entry("rules", "id", "art6.2.smes_served");
    CHECK(served.at("measure") == "count");
    CHECK(served.at("parameters") == nlohmann::json::parse(
                                         R"([{"name": "min_smes_served", "value": 80, "values": [{"from": null, "value": 80}]}])"));
    CHECK(served.at("inputs") == nlohmann::json::array({"/performance/smes_served/{Y-1}"}));
    CHECK(entry("rules", "id", "art6.2.steady_growth").at("inputs") ==
          nlohmann::json::array({"/performance/smes_served/{Y-1}", "/performance/smes_served/{Y-2}",
                                 "/performance/smes_served/{Y-3}"}));
    CHECK(entry("rules", "id", "art6.4.public_interest_share").at("inputs") ==
          nlohmann::json::array({"/management/service_volume/total", "/management/service_volume/free_or_low_fee"}));
    const auto& route = entry("rules", "id", "art7.5.intermediary_route");
    CHECK(route.at("parameters").size() == 2);
    CHECK(route.at("parameters")[1].at("value") == "400000000.00");
    CHECK(entry("rules", "id", "art6.2.satisfaction").at("parameters")[0].at("value") == "80.00");
    CHECK(entry("rules", "id", "art6.1.legal_person").at("parameters").empty());
    CHECK(entry("rules", "id", "art6.1.legal_person").at("unit").is_null());
}

TEST_CASE("registry: the parameter table with citations in both languages", "[registry]") {
    const auto& params = registry().at("parameters");
    CHECK(params.size() == shifan::param_count);
    CHECK(entry("parameters", "name", "annual_summary_due").at("value") == nlohmann::json::parse(R"({"month": 2, "day": "last"})"));
    CHECK(entry("parameters", "name", "annual_summary_due").at("citation").at("en") == "Art. 13");
    CHECK(entry("parameters", "name", "validity_years").at("citation").at("zh") == "第十四条");
    CHECK(entry("parameters", "name", "validity_years").at("citation").at("en") == "Art. 14");
    CHECK(entry("parameters", "name", "min_total_assets_cny").at("value") == "1000000.00");
    CHECK(entry("parameters", "name", "min_staff").at("used_by") == nlohmann::json::array({"art6.5.staff"}));
    for (const auto& p : params) CHECK_FALSE(p.at("citation").at("en").get<std::string>().empty());
}

TEST_CASE("citation_en renders every citation of the catalog as the catalog does", "[registry]") {
    for (const shifan::RuleInfo& r : shifan::rule_catalog) {
        INFO(r.id);
        CHECK(shifan::detail::citation_en(r.citation.zh) == std::string(r.citation.en));
    }
    for (const shifan::DossierInfo& d : shifan::dossier_catalog) {
        INFO(d.id);
        CHECK(shifan::detail::citation_en(d.citation.zh) == std::string(d.citation.en));
    }
    CHECK(shifan::detail::citation_en("第十五条") == "Art. 15");
    CHECK(shifan::detail::citation_en("第二十一条第（十二）项") == "Art. 21(12)");
    CHECK(shifan::detail::citation_en("附件1") == "附件1"); // not a citation: left as it is
}

TEST_CASE("registry: dossier items and the materials that satisfy them", "[registry]") {
    const auto& dossier = registry().at("dossier");
    CHECK(dossier.size() == shifan::dossier_item_count);
    CHECK(entry("dossier", "id", "art10.3").at("satisfied_by") ==
          nlohmann::json::parse(R"([["audit_report", "service_finance_audit"], ["audit_report_with_service_finance"]])"));
    CHECK(entry("dossier", "id", "art10.2").at("satisfied_by") ==
          nlohmann::json::parse(R"([["legal_person_certificate"], ["business_license"]])"));
    CHECK(entry("dossier", "id", "art9.recommendation_form").at("satisfied_by") ==
          nlohmann::json::parse(R"([["recommendation_form"]])"));
}

TEST_CASE("registry: readings and a dated pack", "[registry]") {
    CHECK(entry("interpretations", "name", "growth").at("values") ==
          nlohmann::json::array({"strict", "non_decreasing", "consecutive"}));
    CHECK(entry("interpretations", "name", "growth").at("default") == "strict");
    CHECK(entry("interpretations", "name", "operating_period").at("values") ==
          nlohmann::json::array({"after_last_day", "on_last_day"}));
    CHECK(entry("interpretations", "name", "operating_period").at("default") == "after_last_day");
    CHECK(entry("interpretations", "name", "operating_period").at("citation") == "第六条第（一）项");
    // The measures' own words, and the library's note where it reads them (art6(5), art10(6)).
    CHECK(entry("rules", "id", "art6.5.qualified_share").at("title").at("zh") ==
          "大专及以上学历和中级及以上技术职称专业人员的比例");
    CHECK(entry("rules", "id", "art6.5.qualified_share").contains("note"));
    CHECK(entry("dossier", "id", "art10.6").at("title").at("zh") ==
          "国家颁发的从业资格（资质）、网站备案、许可证等证明（复印件）");
    CHECK(entry("dossier", "id", "art10.6").contains("note"));
    CHECK_FALSE(entry("dossier", "id", "art10.5").contains("note"));
    const auto pack = shifan::parse_rule_pack(
        R"({"schema": "shifan.rulepack/1", "id": "p", "version": "2", "base": "changzhi-municipal",
            "parameters": {"min_staff": [{"from": "2026-01-01", "value": 12}, {"from": "2020-01-01", "value": 10}]}})");
    const auto doc = nlohmann::json::parse(shifan::registry_json(pack));
    CHECK(doc.at("rule_pack").at("id") == "p");
    for (const auto& p : doc.at("parameters"))
        if (p.at("name") == "min_staff") {
            CHECK(p.at("value").is_null());
            CHECK(p.at("values") == nlohmann::json::parse(
                                        R"([{"from": "2020-01-01", "value": 10}, {"from": "2026-01-01", "value": 12}])"));
        }
    // Deterministic bytes.
    CHECK(shifan::registry_json(pack) == shifan::registry_json(pack));
}
