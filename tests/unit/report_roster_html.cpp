// The HTML roster page (src/core/lifecycle/roster_html.cpp): escaping, the elements a county
// officer relies on, and the bilingual labels the page script switches.
#include <shifan/lifecycle.hpp>
#include <shifan/io/lifecycle.hpp>

#include <catch2/catch.hpp>

#include <string>

namespace {

shifan::Roster sample_roster() {
    using namespace shifan;
    Roster r;
    r.on = make_date(2025, 4, 15);
    Status a;
    a.platform = Platform{"CZ-P-1", std::string("A & <B>"), std::string("上党区")};
    a.on = r.on;
    a.state = State::designated;
    a.term = TermView{make_date(2024, 7, 1), make_date(2027, 7, 1), std::nullopt, "长中小企服〔2024〕1号",
                      std::vector<Function>{Function::technology}};
    a.days_left = days_between(r.on, make_date(2027, 7, 1));
    Obligation o;
    o.kind = ObligationKind::annual_summary;
    o.year = 2024;
    o.due = make_date(2025, 2, 28);
    o.status = ObligationStatus::overdue;
    a.obligations.push_back(o);
    Status b;
    b.platform = Platform{"CZ-P-2", std::nullopt, std::nullopt};
    b.on = r.on;
    b.state = State::none;
    r.platforms = {a, b};
    r.overdue.push_back({ObligationKind::annual_summary, std::size_t{0}, std::string("上党区"), 2024, o.due});
    r.designated = 1;
    r.designated_by_county.push_back({std::string("上党区"), 1});
    r.designated_by_function[static_cast<std::size_t>(Function::technology)] = 1;
    return r;
}

} // namespace

TEST_CASE("html_escape replaces the five HTML-significant characters", "[report]") {
    CHECK(shifan::html_escape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&#39;f");
    CHECK(shifan::html_escape("长治 plain") == "长治 plain");
    CHECK(shifan::html_escape("").empty());
}

TEST_CASE("render_roster_html: platforms, overdue marker, toggle, escaping", "[report]") {
    const shifan::Roster r = sample_roster();
    const std::string page = shifan::render_roster_html(r);
    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(page.find("<html lang=\"zh-CN\">") != std::string::npos);
    CHECK(page.find("data-platform=\"CZ-P-1\"") != std::string::npos);
    CHECK(page.find("data-platform=\"CZ-P-2\"") != std::string::npos);
    CHECK(page.find("<tr class=\"overdue\"") != std::string::npos);
    CHECK(page.find("class=\"mark-overdue\" data-en=\"✗ overdue\">✗ 逾期未报<") != std::string::npos);
    CHECK(page.find("<button id=\"lang-toggle\"") != std::string::npos);
    CHECK(page.find("default-src 'none'") != std::string::npos);
    CHECK(page.find("A &amp; &lt;B&gt;") != std::string::npos);
    CHECK(page.find("<B>") == std::string::npos);
    CHECK(page.find("<rect class=\"term\"") != std::string::npos);
    CHECK(page.find("data-en=\"never designated\">从未获认定<") != std::string::npos);
    CHECK(page.find("<div class=\"card alert\" id=\"count-overdue\"><div class=\"big\">1</div>") != std::string::npos);
    CHECK(shifan::render_roster_html(r) == page); // deterministic
}

TEST_CASE("render_roster_html: an empty roster is still a whole page", "[report]") {
    shifan::Roster r;
    r.on = shifan::make_date(2025, 1, 1);
    const std::string page = shifan::render_roster_html(r);
    CHECK(page.find("data-en=\"The roster is empty.\"") != std::string::npos);
    CHECK(page.find("data-en=\"No overdue filings.\"") != std::string::npos);
    CHECK(page.find("</html>") != std::string::npos);
}

TEST_CASE("render_roster_html: due-soon filings within options.soon_days", "[report]") {
    shifan::Roster r = sample_roster();
    r.platforms[0].obligations[0].status = shifan::ObligationStatus::pending;
    r.platforms[0].obligations[0].due = shifan::make_date(2025, 5, 1);
    r.overdue.clear();
    shifan::RosterHtmlOptions opt;
    opt.soon_days = 30;
    CHECK(shifan::render_roster_html(r, opt).find("<tr class=\"soon\">") != std::string::npos);
    opt.soon_days = 10;
    CHECK(shifan::render_roster_html(r, opt).find("<tr class=\"soon\">") == std::string::npos);
}
