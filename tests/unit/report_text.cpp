// What the text report and the explanations (the JSON `message` texts) say to an officer
// (docs/specification.md §6.4): unclaimed functions named once and never as failures, missing
// inputs named in words before their JSON Pointer, amounts grouped, shares with their counts,
// growth with both years' figures, and one word (解读, "reading") for a reading.
#include "test_helpers.hpp"

#include "format.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstddef>
#include <set>
#include <string>

namespace report_text_test {

nlohmann::json base() {
    static const nlohmann::json doc = nlohmann::json::parse(shifan::test::read_source_file("tests/cases/base/eligible.json"));
    return doc;
}

struct Run {
    shifan::Application app;
    shifan::Evaluation e;
    std::string zh, en;   ///< the text reports
    nlohmann::json json;  ///< the result, messages in both languages

    /// The JSON message of check `id` in `lang` ("zh" or "en").
    [[nodiscard]] std::string message(const std::string& id, const char* lang) const {
        for (const auto& c : json.at("checks"))
            if (c.at("id") == id) return c.at("message").at(lang).get<std::string>();
        FAIL("no check " << id);
        return {};
    }
    [[nodiscard]] const nlohmann::json& check(const std::string& id) const {
        for (const auto& c : json.at("checks"))
            if (c.at("id") == id) return c;
        FAIL("no check " << id);
        static const nlohmann::json none;
        return none;
    }
};

Run run(const nlohmann::json& doc, shifan::Interpretations readings = {}) {
    const shifan::Engine engine(shifan::SharedRulePack::borrow(shifan::builtin_rule_pack()), readings);
    Run r{shifan::parse_application(doc.dump()), {}, {}, {}, {}};
    r.e = engine.evaluate(r.app);
    r.zh = shifan::render_report(r.app, r.e, shifan::Lang::zh);
    r.en = shifan::render_report(r.app, r.e, shifan::Lang::en);
    r.json = nlohmann::json::parse(shifan::to_json(r.e, r.app.id));
    return r;
}

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

} // namespace report_text_test

using report_text_test::occurrences;
using report_text_test::run;

TEST_CASE("report: unclaimed functions are named once, neutrally, never as failures", "[report][not_claimed]") {
    nlohmann::json doc = report_text_test::base();
    doc["functions"].erase("information");
    doc["functions"].erase("entrepreneurship");
    doc["functions"].erase("financing");
    const auto r = run(doc);
    REQUIRE(r.e.verdict == shifan::Verdict::eligible);
    // An eligible application whose checks all pass shows no ✗ at all.
    CHECK(occurrences(r.zh, "✗") == 0);
    CHECK(occurrences(r.en, "✗") == 0);
    CHECK(occurrences(r.zh, "    未申报：信息服务、创业服务、融资服务\n") == 1);
    CHECK(occurrences(r.en, "    not claimed: information, entrepreneurship, financing\n") == 1);
    CHECK(occurrences(r.zh, "未申报") == 1);
    CHECK(r.zh.find("第七条第（一）项") == std::string::npos);
    CHECK(r.zh.find("art7.1.") == std::string::npos);
    // The line follows the functions claimed and precedes the dossier.
    CHECK(r.zh.find("未申报：") > r.zh.find("[art7.4.trainee_times]"));
    CHECK(r.zh.find("未申报：") < r.zh.find("申报材料（第九条、第十条）"));
    // The JSON keeps its outcomes: the unclaimed groups and their rules fail as not_claimed.
    for (const char* id : {"art7.1", "art7.1.activities", "art7.3", "art7.5.guarantee_route"}) {
        CHECK(r.check(id).at("outcome") == "fail");
        CHECK(r.check(id).at("reason") == "not_claimed");
    }
    CHECK(r.message("art7.1", "zh") == "信息服务：未申报该项功能");

    // Every function claimed: no such line. None claimed: all five, and art7 fails.
    CHECK(run(report_text_test::base()).zh.find("未申报") == std::string::npos);
    doc.erase("functions");
    const auto none = run(doc);
    CHECK(occurrences(none.zh, "    未申报：信息服务、技术服务、创业服务、培训服务、融资服务\n") == 1);
    CHECK(occurrences(none.zh, "✗") == 2); // the verdict and 第七条; nothing of the functions
    CHECK(none.zh.find("✗ 第七条 ") != std::string::npos);
}

TEST_CASE("missing inputs are named in words first, then by JSON Pointer", "[report][missing]") {
    nlohmann::json doc = report_text_test::base();
    doc["performance"]["smes_served"].erase("2023");
    doc["performance"].erase("satisfaction");
    doc["staff"].erase("serving_smes");
    const auto r = run(doc);
    // Year-keyed: "2023 年…" and "… in 2023".
    CHECK(r.message("art6.2.steady_growth", "zh") ==
          "近两年服务企业数量稳步增长：无法判定，缺少 2023 年服务中小企业数量（/performance/smes_served/2023）");
    CHECK(r.message("art6.2.steady_growth", "en") ==
          "number of enterprises served grew steadily over the last two years: cannot be decided; missing "
          "SMEs served in 2023 (/performance/smes_served/2023)");
    CHECK(r.message("art6.2.satisfaction", "zh") == "用户满意度：无法判定，缺少 用户满意度（/performance/satisfaction）");
    // A share with its whole absent names the whole.
    CHECK(r.message("art6.5.qualified_share", "en") ==
          "share of professionals with junior college or higher education and an intermediate or higher technical "
          "title: cannot be decided; missing staff serving SMEs (/staff/serving_smes)");
    CHECK(r.zh.find("\n缺少的输入：用户满意度（/performance/satisfaction）、2023 年服务中小企业数量（/performance/smes_served/2023）、"
                    "从事为中小企业服务的人员数（/staff/serving_smes）\n") != std::string::npos);
    CHECK(r.en.find("\nMissing inputs: user satisfaction (/performance/satisfaction), SMEs served in 2023 "
                    "(/performance/smes_served/2023), staff serving SMEs (/staff/serving_smes)\n") != std::string::npos);
    // The JSON's own list stays JSON Pointers.
    CHECK(r.json.at("missing") == nlohmann::json::array({"/performance/satisfaction", "/performance/smes_served/2023",
                                                         "/staff/serving_smes"}));
}

TEST_CASE("every input of the registry has words of its own in both languages", "[report][missing][registry]") {
    std::set<std::string> zh, en;
    for (std::size_t i = 0; i < shifan::input_count; ++i) {
        const shifan::InputDef& d = shifan::input_def(static_cast<shifan::Input>(i));
        INFO(shifan::input_path(static_cast<shifan::Input>(i), 2025));
        CHECK(!d.words.zh.empty());
        CHECK(!d.words.en.empty());
        // A year-keyed input is one name for several years; every other input a name of its own.
        if (d.year_offset == 0 || d.year_offset == -1) {
            CHECK(zh.insert(std::string(d.words.zh)).second);
            CHECK(en.insert(std::string(d.words.en)).second);
        }
    }
}

TEST_CASE("amounts are grouped in threes for people; the JSON keeps the plain decimal", "[report][money]") {
    using shifan::format::append_money_grouped;
    auto grouped = [](std::int64_t fen) {
        std::string s;
        append_money_grouped(s, fen);
        return s;
    };
    CHECK(grouped(0) == "0.00");
    CHECK(grouped(1) == "0.01");
    CHECK(grouped(99999) == "999.99");
    CHECK(grouped(100000) == "1,000.00");
    CHECK(grouped(99999999) == "999,999.99");
    CHECK(grouped(100000000) == "1,000,000.00");
    CHECK(grouped(82000000000) == "820,000,000.00");
    CHECK(grouped(-123456) == "-1,234.56");

    nlohmann::json doc = report_text_test::base();
    doc["applicant"]["total_assets_cny"] = "999999.99";
    auto r = run(doc);
    CHECK(r.check("art6.1.total_assets").at("actual") == "999999.99");
    CHECK(r.check("art6.1.total_assets").at("shortfall") == "0.01");
    CHECK(r.message("art6.1.total_assets", "zh") == "资产总额：999,999.99 元，要求不低于 1,000,000.00 元，差 0.01 元");
    CHECK(r.message("art6.1.total_assets", "en") ==
          "total assets: 999,999.99 CNY, required at least 1,000,000.00 CNY; short by 0.01 CNY");
    CHECK(r.zh.find("资产总额：999,999.99 元") != std::string::npos);
    doc["applicant"]["total_assets_cny"] = "1000000.00";
    r = run(doc);
    CHECK(r.message("art6.1.total_assets", "zh") == "资产总额：1,000,000.00 元，要求不低于 1,000,000.00 元，满足");
    CHECK(r.message("art7.5.intermediary_route", "zh") ==
          "服务机构：年帮助中小企业融资总额及投融资服务活动次数：520,000,000.00 元，要求不低于 400,000,000.00 元；"
          "服务活动 6 次，要求不少于 4 次，满足");
}

TEST_CASE("a share is shown as a percent with the counts it comes from", "[report][ratio]") {
    nlohmann::json doc = report_text_test::base();
    doc["performance"]["satisfaction"] = {{"surveyed", 120}, {"satisfied", 96}}; // exactly 80%
    auto r = run(doc);
    CHECK(r.message("art6.2.satisfaction", "zh") == "用户满意度：80.00%（满意用户数 96 / 受访用户数 120），要求不低于 80.00%，满足");
    CHECK(r.message("art6.2.satisfaction", "en") ==
          "user satisfaction: 80.00% (satisfied respondents 96 / respondents surveyed 120), required at least 80.00% — met");
    doc["performance"]["satisfaction"] = {{"surveyed", 120}, {"satisfied", 95}};
    r = run(doc);
    CHECK(r.message("art6.2.satisfaction", "zh") ==
          "用户满意度：79.16%（满意用户数 95 / 受访用户数 120），要求不低于 80.00%，还需增加 1名满意用户");
    CHECK(r.message("art6.2.satisfaction", "en") ==
          "user satisfaction: 79.16% (satisfied respondents 95 / respondents surveyed 120), required at least 80.00%; "
          "needs 1 more satisfied respondent");
    doc["performance"]["satisfaction"] = {{"surveyed", 120}, {"satisfied", 97}};
    CHECK(run(doc).message("art6.2.satisfaction", "zh") ==
          "用户满意度：80.83%（满意用户数 97 / 受访用户数 120），要求不低于 80.00%，满足");
    // A percent given as such has no counts; its shortfall is in percentage points.
    doc["performance"]["satisfaction"] = {{"percent", "79.99"}};
    CHECK(run(doc).message("art6.2.satisfaction", "zh") == "用户满意度：79.99%，要求不低于 80.00%，差 0.01 个百分点");
    // The other shares name their own part and whole.
    doc = report_text_test::base();
    CHECK(run(doc).message("art6.4.public_interest_share", "zh") ==
          "提供的公益性服务或低收费服务占总服务量的比例：15.00%（公益性服务或低收费服务量 120 / 总服务量 800），要求不低于 10.00%，满足");
    CHECK(run(doc).message("art6.5.qualified_share", "en") ==
          "share of professionals with junior college or higher education and an intermediate or higher technical "
          "title: 90.00% (qualified professionals 18 / staff serving SMEs 20), required at least 80.00% — met");
}

TEST_CASE("steady growth shows the figures of both years", "[report][growth]") {
    nlohmann::json doc = report_text_test::base();
    doc["performance"]["smes_served"] = {{"2022", 60}, {"2023", 66}, {"2024", 67}}; // at the threshold
    auto r = run(doc);
    CHECK(r.message("art6.2.steady_growth", "zh") ==
          "近两年服务企业数量稳步增长：2023 年 66家，2024 年 67家，要求 2024 年多于 2023 年（不低于 67家），满足");
    CHECK(r.message("art6.2.steady_growth", "en") ==
          "number of enterprises served grew steadily over the last two years: 66 SMEs in 2023, 67 in 2024; required "
          "more in 2024 than in 2023 (at least 67) — met");
    doc["performance"]["smes_served"]["2024"] = 66; // just below
    r = run(doc);
    CHECK(r.message("art6.2.steady_growth", "zh") ==
          "近两年服务企业数量稳步增长：2023 年 66家，2024 年 66家，要求 2024 年多于 2023 年（不低于 67家），差 1家");
    CHECK(r.message("art6.2.steady_growth", "en") ==
          "number of enterprises served grew steadily over the last two years: 66 SMEs in 2023, 66 in 2024; required "
          "more in 2024 than in 2023 (at least 67); short by 1 SME");
    // non_decreasing: the same figures pass.
    shifan::Interpretations readings;
    readings.growth = shifan::Growth::non_decreasing;
    CHECK(run(doc, readings).message("art6.2.steady_growth", "zh") ==
          "近两年服务企业数量稳步增长：2023 年 66家，2024 年 66家，要求 2024 年不少于 2023 年（不低于 66家），满足");
    // consecutive: three years, the earlier step too.
    readings.growth = shifan::Growth::consecutive;
    doc["performance"]["smes_served"] = {{"2022", 70}, {"2023", 66}, {"2024", 80}};
    CHECK(run(doc, readings).message("art6.2.steady_growth", "zh") ==
          "近两年服务企业数量稳步增长：2022 年 70家，2023 年 66家，2024 年 80家，要求逐年增长：2023 年多于 2022 年，"
          "2024 年多于 2023 年（不低于 67家）；前一年亦未增长");
    CHECK(run(doc, readings).message("art6.2.steady_growth", "en") ==
          "number of enterprises served grew steadily over the last two years: 70 SMEs in 2022, 66 in 2023, 80 in 2024; "
          "required growth in each year: 2023 above 2022, more in 2024 than in 2023 (at least 67); the year before did "
          "not grow either");
}

TEST_CASE("one word for a reading: 解读 and reading, in reports and errors", "[report][readings]") {
    const auto r = run(report_text_test::base());
    CHECK(r.zh.find(" · 解读 growth=strict, operating_period=after_last_day\n") != std::string::npos);
    CHECK(r.en.find(" · readings growth=strict, operating_period=after_last_day\n") != std::string::npos);
    CHECK(r.zh.find("解释") == std::string::npos);
    shifan::Interpretations i;
    auto message = [&](const char* assignment, shifan::Lang lang) {
        try {
            shifan::set_interpretation(i, assignment);
        } catch (const shifan::Error& e) {
            return e.describe(lang);
        }
        return std::string("no error");
    };
    CHECK_THAT(message("colour=red", shifan::Lang::zh), Catch::Contains("未知的解读名称“colour”"));
    CHECK_THAT(message("colour=red", shifan::Lang::en), Catch::Contains("unknown reading name \"colour\""));
    CHECK_THAT(message("growth=sideways", shifan::Lang::zh), Catch::Contains("growth 没有解读“sideways”"));
    CHECK_THAT(message("growth=sideways", shifan::Lang::en), Catch::Contains("growth has no reading \"sideways\""));
    CHECK_THAT(message("growth", shifan::Lang::zh), Catch::Contains("解读应写作 名称=取值"));
}
