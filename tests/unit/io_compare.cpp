// Policy simulation: the same applications under a baseline and an alternative. Each expectation
// about which applications change is counted independently here, from the documents themselves,
// not from the library's own evaluation.
#include <catch2/catch.hpp>

#include "test_helpers.hpp"

#include "shifan/io.hpp"

#include <string>
#include <string_view>
#include <vector>

using namespace shifan;

namespace compare_test {

std::vector<std::string_view> views(const std::vector<std::string>& docs) {
    return {docs.begin(), docs.end()};
}

/// The built-in pack with `from` replaced by `to` once (a threshold moved).
Engine engine_with(std::string_view from, std::string_view to, Interpretations readings = {}) {
    std::string text = test::read_source_file("rules/changzhi-municipal.rulepack.json");
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    return Engine(SharedRulePack::make(parse_rule_pack(text)), readings);
}

std::string json_of(const Comparison& c) {
    std::string s;
    write_comparison(s, c);
    return s;
}

const RuleTally& tally(const Comparison& c, std::string_view id) {
    for (const RuleInfo& r : rule_catalog)
        if (r.id == id) return c.rules[static_cast<std::size_t>(r.rule)];
    FAIL("no rule " << id);
    return c.rules[0];
}

bool is_leaf(RuleId r) { return rule_info(r).combine == Combine::leaf; }

} // namespace compare_test

using namespace compare_test;

TEST_CASE("compare: the same pack and readings on both sides change nothing", "[compare]") {
    const auto docs = corpus::generate(7, 600);
    const Engine engine;
    const Comparison c = compare(engine, engine, views(docs));
    CHECK(c.applications == 600);
    CHECK(c.changed == 0);
    CHECK(c.changed_applications.empty());
    CHECK(c.differences.empty());
    std::uint64_t diagonal = 0, all = 0;
    for (std::size_t i = 0; i < result_count; ++i)
        for (std::size_t j = 0; j < result_count; ++j) {
            all += c.transitions[i][j];
            if (i == j) diagonal += c.transitions[i][j];
        }
    CHECK(all == 600);
    CHECK(diagonal == 600);
    for (const RuleTally& t : c.rules) {
        CHECK(t.changed == 0);
        CHECK(t.before == t.after);
    }
    CHECK(c.functions_before == c.functions_after);
    // Something was evaluated at all: the counts are not all zero.
    CHECK(c.transition(Result::eligible, Result::eligible) + c.transition(Result::ineligible, Result::ineligible) > 0);
}

TEST_CASE("compare: lowering min_smes_served from 80 to 60 changes exactly the applications in [60, 80)",
          "[compare]") {
    const auto docs = corpus::generate(11, 2000);
    const Engine baseline;
    const Engine alternative = engine_with("\"min_smes_served\": 80", "\"min_smes_served\": 60");

    // Independent count: SMEs served in Y-1 is given and lies in [60, 80).
    std::uint64_t expected = 0;
    for (const std::string& d : docs) {
        Application app;
        try { app = parse_application(d); } catch (const Error&) { continue; }
        if (!app.reference_date || !app.performance || !app.performance->smes_served) continue;
        const auto served = app.performance->smes_served->at(app.year() - 1);
        if (served && served->value >= 60 && served->value < 80) ++expected;
    }
    REQUIRE(expected > 10); // the corpus does cross the threshold

    CompareOptions options;
    options.max_changed = 100000;
    const Comparison c = compare(baseline, alternative, views(docs), options);
    REQUIRE(c.differences.size() == 1);
    CHECK(c.differences[0].name == "min_smes_served");
    CHECK(c.differences[0].before.zh == "80");
    CHECK(c.differences[0].after.zh == "60");

    const RuleTally& served = tally(c, "art6.2.smes_served");
    CHECK(served.changed == expected);
    CHECK(served.after[static_cast<std::size_t>(Outcome::pass)] ==
          served.before[static_cast<std::size_t>(Outcome::pass)] + expected);
    for (const RuleInfo& r : rule_catalog)
        if (r.combine == Combine::leaf && r.id != "art6.2.smes_served") {
            INFO(r.id);
            CHECK(c.rules[static_cast<std::size_t>(r.rule)].changed == 0);
        }
    // Every changed verdict is explained by that rule alone (and the groups above it).
    CHECK(c.changed > 0);
    CHECK(c.changed <= expected);
    REQUIRE(c.changed_applications.size() == c.changed);
    for (const ChangedApplication& a : c.changed_applications) {
        CHECK(a.before == Result::ineligible);
        CHECK(a.after != Result::ineligible);
        std::size_t leaves = 0;
        for (const RuleChange& ch : a.rules)
            if (is_leaf(ch.rule)) {
                ++leaves;
                CHECK(rule_info(ch.rule).id == "art6.2.smes_served");
                CHECK(ch.before.outcome == Outcome::fail);
                CHECK(ch.after.outcome == Outcome::pass);
                CHECK(ch.before.required.value == 80);
                CHECK(ch.after.required.value == 60);
            }
        CHECK(leaves == 1);
    }
}

TEST_CASE("compare: reading growth as non_decreasing changes exactly the flat years", "[compare]") {
    const auto docs = corpus::generate(5, 2000);
    const Engine baseline;
    Interpretations readings;
    readings.growth = Growth::non_decreasing;
    const Engine alternative(SharedRulePack::borrow(builtin_rule_pack()), readings);

    std::uint64_t expected = 0; // Y-1 and Y-2 both given and equal: strict fails, non-decreasing passes
    for (const std::string& d : docs) {
        Application app;
        try { app = parse_application(d); } catch (const Error&) { continue; }
        if (!app.reference_date || !app.performance || !app.performance->smes_served) continue;
        const auto y1 = app.performance->smes_served->at(app.year() - 1);
        const auto y2 = app.performance->smes_served->at(app.year() - 2);
        if (y1 && y2 && y1->value == y2->value) ++expected;
    }
    REQUIRE(expected > 0);
    const Comparison c = compare(baseline, alternative, views(docs));
    REQUIRE(c.differences.size() == 1);
    CHECK(c.differences[0].reading);
    CHECK(c.differences[0].name == "growth");
    CHECK(c.differences[0].after.en == "non_decreasing");
    CHECK(tally(c, "art6.2.steady_growth").changed == expected);
    CHECK(tally(c, "art6.2.smes_served").changed == 0);
}

TEST_CASE("compare: the result is the same whatever the threads and pieces", "[compare]") {
    const auto docs = corpus::generate(3, 1500);
    const Engine baseline;
    const Engine alternative = engine_with("\"min_smes_served\": 80", "\"min_smes_served\": 90");
    CompareOptions one;
    one.jobs = 1;
    CompareOptions two;
    two.jobs = 2;
    const std::string single = json_of(compare(baseline, alternative, views(docs), one));
    CHECK(json_of(compare(baseline, alternative, views(docs), two)) == single);

    Comparator pieces(baseline, alternative, two);
    const auto all = views(docs);
    for (std::size_t at = 0; at < all.size(); at += 233)
        pieces.add(std::span<const std::string_view>(all).subspan(at, std::min<std::size_t>(233, all.size() - at)));
    CHECK(json_of(pieces.result()) == single);
}

TEST_CASE("compare: the detail is bounded, counts are not", "[compare]") {
    const auto docs = corpus::generate(3, 1500);
    const Engine baseline;
    const Engine alternative = engine_with("\"min_smes_served\": 80", "\"min_smes_served\": 90");
    const Comparison whole = compare(baseline, alternative, views(docs));
    REQUIRE(whole.changed > 6);
    CompareOptions options;
    options.max_changed = 5;
    options.jobs = 2;
    Comparator pieces(baseline, alternative, options);
    const auto all = views(docs);
    for (std::size_t at = 0; at < all.size(); at += 100)
        pieces.add(std::span<const std::string_view>(all).subspan(at, std::min<std::size_t>(100, all.size() - at)));
    const Comparison& c = pieces.result();
    CHECK(c.changed == whole.changed);
    REQUIRE(c.changed_applications.size() == 5);
    for (std::size_t i = 0; i < 5; ++i) CHECK(c.changed_applications[i].index == whole.changed_applications[i].index);
    CHECK(json_of(c).find("\"truncated\":true") != std::string::npos);
}

TEST_CASE("compare: a bad document is an error on both sides, and counted", "[compare]") {
    const std::vector<std::string> docs{"{", test::read_source_file("examples/applications/eligible-several.json")};
    const Engine engine;
    const Comparison c = compare(engine, engine, views(docs));
    CHECK(c.applications == 2);
    CHECK(c.transition(Result::error, Result::error) == 1);
    CHECK(c.changed == 0);
}

TEST_CASE("compare: a pack without a value in force on a date is an error on that side only", "[compare]") {
    // The alternative's threshold only comes into force in 2099: every application before that
    // is an error under it, a change from its baseline verdict.
    const Engine baseline;
    const Engine alternative = engine_with("\"min_smes_served\": 80",
                                           "\"min_smes_served\": [{\"from\": \"2099-01-01\", \"value\": 80}]");
    const std::vector<std::string> docs{test::read_source_file("examples/applications/eligible-several.json")};
    const Comparison c = compare(baseline, alternative, views(docs));
    CHECK(c.transition(Result::eligible, Result::error) == 1);
    REQUIRE(c.changed_applications.size() == 1);
    CHECK(c.changed_applications[0].error_after.en.find("min_smes_served") != std::string::npos);
    CHECK(c.changed_applications[0].rules.empty());
    const std::string report = render_comparison(c, Lang::en);
    CHECK(report.find("eligible → error") != std::string::npos);
}

TEST_CASE("compare: the HTML page shows the matrix, the rates and the changed applications", "[compare]") {
    const auto docs = corpus::generate(11, 400);
    const Engine baseline;
    const Engine alternative = engine_with("\"min_smes_served\": 80", "\"min_smes_served\": 60");
    const Comparison c = compare(baseline, alternative, views(docs));
    REQUIRE(c.changed > 0);
    const std::string page = render_comparison_html(c);
    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(page.find("default-src 'none'") != std::string::npos);
    CHECK(page.find("<script") == std::string::npos);
    // The matrix cell of the moved applications carries their number.
    const std::string moved = "data-from=\"ineligible\" data-to=\"eligible\">" +
                              std::to_string(c.transition(Result::ineligible, Result::eligible)) + "</td>";
    CHECK(page.find(moved) != std::string::npos);
    // One bar group per leaf rule; the moved rule is marked.
    std::size_t groups = 0;
    for (std::size_t at = page.find("<g class=\"rule\""); at != std::string::npos; at = page.find("<g class=\"rule\"", at + 1))
        ++groups;
    std::size_t leaves = 0;
    for (const RuleInfo& r : rule_catalog) leaves += r.combine == Combine::leaf;
    CHECK(groups == leaves);
    CHECK(page.find("class=\"label changed\" x=\"322\" y=") != std::string::npos);
    std::size_t rows = 0;
    for (std::size_t at = page.find("<tr class=\"changed-app\""); at != std::string::npos;
         at = page.find("<tr class=\"changed-app\"", at + 1))
        ++rows;
    CHECK(rows == c.changed_applications.size());
    CHECK(render_comparison_html(c) == page); // deterministic
}

TEST_CASE("compare: input text is escaped in the HTML page", "[compare]") {
    std::string doc = test::read_source_file("examples/applications/eligible-several.json");
    const std::string from = "\"id\": \"";
    const auto at = doc.find(from);
    REQUIRE(at != std::string::npos);
    doc.insert(at + from.size(), "<script>x</script>");
    const std::vector<std::string> docs{doc};
    const Engine baseline;
    const Engine alternative = engine_with("\"min_smes_served\": 80", "\"min_smes_served\": 500");
    const Comparison c = compare(baseline, alternative, views(docs));
    REQUIRE(c.changed_applications.size() == 1);
    const std::string page = render_comparison_html(c);
    CHECK(page.find("<script>") == std::string::npos);
    CHECK(page.find("&lt;script&gt;x&lt;/script&gt;") != std::string::npos);
}
