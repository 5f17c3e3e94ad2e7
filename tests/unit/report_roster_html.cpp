// The HTML roster page (src/core/lifecycle/roster_html.cpp): escaping, the elements a county
// officer relies on, and the bilingual labels the page script switches.
#include <shifan/lifecycle.hpp>
#include <shifan/io/lifecycle.hpp>

#include "escape.hpp"
#include "json/writer.hpp"

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
    CHECK(shifan::render_roster_html(r, opt).find("<tr class=\"soon\" data-platform=\"CZ-P-1\">") != std::string::npos);
    opt.soon_days = 10;
    CHECK(shifan::render_roster_html(r, opt).find("<tr class=\"soon\" data-platform=\"CZ-P-1\">") == std::string::npos);
}

namespace roster_html_tests {

/// The text of the `<g>` row of `id` on the timeline.
std::string timeline_row(const std::string& page, const std::string& id) {
    const auto at = page.find("<g class=\"row");
    const auto row = page.find("data-platform=\"" + id + "\">", at);
    if (at == std::string::npos || row == std::string::npos) return {};
    return page.substr(row, page.find("</g>", row) - row);
}

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + what.size())) ++n;
    return n;
}

/// A renewed platform: designated 2021-06-30 (valid until 2024-06-30), renewed 2024-06-28.
shifan::Status renewed(shifan::Date on) {
    using namespace shifan;
    Status s;
    s.platform = Platform{"CZ-P-7", std::string("潞州平台"), std::string("潞州区")};
    s.on = on;
    s.state = State::designated;
    s.earlier_terms.push_back(TermView{make_date(2021, 6, 30), make_date(2024, 6, 30), std::nullopt, "长中小企服〔2021〕9号", std::nullopt});
    s.term = TermView{make_date(2024, 6, 28), make_date(2027, 6, 28), std::nullopt, "长中小企服〔2024〕10号", std::nullopt};
    return s;
}

/// The cells of the overdue table's row for `county`'s report of `year`.
std::string county_row(const std::string& page, const std::string& county, int year) {
    const std::string filing = std::to_string(year) + " 年度县区汇总及检查报告";
    for (auto p = page.find("<tr class=\"overdue county\" data-county=\"" + county + "\">"); p != std::string::npos;
         p = page.find("<tr class=\"overdue county\" data-county=\"" + county + "\">", p + 1)) {
        const std::string row = page.substr(p, page.find("</tr>", p) - p);
        if (row.find(filing) != std::string::npos) return row;
    }
    return {};
}

} // namespace roster_html_tests

TEST_CASE("render_roster_html: a renewed platform draws its earlier term and its renewal", "[report]") {
    using namespace roster_html_tests;
    using namespace shifan;
    Roster r;
    r.on = make_date(2025, 4, 15);
    r.platforms = {renewed(r.on)};
    const std::string page = render_roster_html(r);
    const std::string row = timeline_row(page, "CZ-P-7");
    REQUIRE_FALSE(row.empty());
    CHECK(occurrences(row, "<rect class=\"term") == 2);
    CHECK(occurrences(row, "<rect class=\"term ended\"") == 1);
    CHECK(row.find("<rect class=\"term ended\"") < row.find("<rect class=\"term\" ")); // oldest first
    CHECK(row.find("replaced by the renewal from 2024-06-28") != std::string::npos);
    CHECK(row.find("2024-06-28 起由重新认定取代") != std::string::npos);
    // The platform table names the earlier term, ending the day before the renewal.
    CHECK(page.find("data-en=\"earlier: 2021-06-30 → 2024-06-27\">此前：2021-06-30 → 2024-06-27<") != std::string::npos);

    // A platform never renewed draws one bar; one never designated none.
    r.platforms = {renewed(r.on)};
    r.platforms[0].earlier_terms.clear();
    CHECK(occurrences(timeline_row(render_roster_html(r), "CZ-P-7"), "<rect class=\"term") == 1);
    r.platforms[0].term.reset();
    CHECK(occurrences(timeline_row(render_roster_html(r), "CZ-P-7"), "<rect class=\"term") == 0);
}

TEST_CASE("render_roster_html: an earlier term revoked, not replaced, says so", "[report]") {
    using namespace roster_html_tests;
    using namespace shifan;
    Roster r;
    r.on = make_date(2025, 4, 15);
    Status s = renewed(r.on);
    s.earlier_terms[0].revoked_on = make_date(2022, 5, 1);
    r.platforms = {s};
    const std::string row = timeline_row(render_roster_html(r), "CZ-P-7");
    CHECK(row.find("revoked 2022-05-01") != std::string::npos);
    CHECK(row.find("replaced by the renewal") == std::string::npos);
}

TEST_CASE("render_roster_html: timeline rows are labelled with name and id", "[report]") {
    using namespace roster_html_tests;
    shifan::Roster r = sample_roster();
    r.platforms[0].platform.name = std::string("长治市上党区科创技术服务平台有限公司科技创新与成果转化综合服务中心");
    const std::string page = shifan::render_roster_html(r);
    const std::string named = timeline_row(page, "CZ-P-1");
    // The name is cut to fit (22 CJK characters, then …); the tooltip holds the whole name and id.
    CHECK(named.find("<text class=\"label\" x=\"292.0\" y=\"50.0\">长治市上党区科创技术服务平台有限公司科技创新…</text>") != std::string::npos);
    CHECK(named.find("<text class=\"label-id\" x=\"292.0\" y=\"64.0\">CZ-P-1</text>") != std::string::npos);
    CHECK(named.find("<title>长治市上党区科创技术服务平台有限公司科技创新与成果转化综合服务中心 · CZ-P-1</title>") != std::string::npos);
    // A name that fits is not cut; a platform without a name shows its id alone.
    r.platforms[0].platform.name = std::string("长治市上党区科创技术服务平台有限公司科技创新");
    CHECK(timeline_row(shifan::render_roster_html(r), "CZ-P-1").find(">长治市上党区科创技术服务平台有限公司科技创新</text>") != std::string::npos);
    const std::string unnamed = timeline_row(page, "CZ-P-2");
    CHECK(unnamed.find("<text class=\"label\" x=\"292.0\" y=\"92.0\">CZ-P-2</text>") != std::string::npos);
    CHECK(unnamed.find("label-id") == std::string::npos);
    // Markup in a name is escaped in the label and the tooltip.
    CHECK(timeline_row(page, "CZ-P-1").find("<B>") == std::string::npos);
}

TEST_CASE("render_roster_html: a county's overdue report lists the platforms it covers", "[report]") {
    using namespace roster_html_tests;
    using namespace shifan;
    Roster r;
    r.on = make_date(2025, 4, 15);
    Status a = renewed(r.on); // 潞州区, valid 2021-06-30 onwards
    Status b;                 // 潞州区, valid 2022-01-01 to 2023-12-31 exactly
    b.platform = Platform{"CZ-P-8", std::nullopt, std::string("潞州区")};
    b.state = State::expired;
    b.term = TermView{make_date(2022, 1, 1), make_date(2023, 12, 31), std::nullopt, "长中小企服〔2022〕1号", std::nullopt};
    Status c = b; // 潞州区, valid from 31 Dec 2024 only: not a day of 2023
    c.platform = Platform{"CZ-P-9", std::string("后来的平台"), std::string("潞州区")};
    c.term = TermView{make_date(2024, 12, 31), make_date(2027, 12, 31), std::nullopt, "长中小企服〔2024〕2号", std::nullopt};
    Status d = renewed(r.on); // another county
    d.platform = Platform{"CZ-P-5", std::string("屯留平台"), std::string("屯留区")};
    r.platforms = {a, b, c, d};
    for (int year : {2021, 2023, 2024}) r.overdue.push_back({ObligationKind::county_report, std::nullopt, std::string("潞州区"), year, make_date(year + 1, 3, 31)});
    const std::string page = render_roster_html(r);

    const std::string y2023 = county_row(page, "潞州区", 2023);
    REQUIRE_FALSE(y2023.empty());
    // platform column: the covered platforms; name column: their names (— for none); county column: the county
    CHECK(y2023.find("<td class=\"pid\">CZ-P-7<br>CZ-P-8</td><td>潞州平台<br>—</td><td>潞州区</td>") != std::string::npos);
    CHECK(y2023.find("data-en=\"filed by the county; covers the platforms listed\"") != std::string::npos);
    // 2024: B ended on 31 Dec 2023 (not covered), C began on 31 Dec 2024 (covered).
    CHECK(county_row(page, "潞州区", 2024).find("<td class=\"pid\">CZ-P-7<br>CZ-P-9</td>") != std::string::npos);
    // 2021: only A (designated 2021-06-30).
    CHECK(county_row(page, "潞州区", 2021).find("<td class=\"pid\">CZ-P-7</td><td>潞州平台</td><td>潞州区</td>") != std::string::npos);
    // The platform column never holds the word 县区 as a stand-in any more.
    CHECK(page.find("data-en=\"county\">县区<") == std::string::npos);
    // Columns of the overdue table, in order.
    CHECK(page.find("<table class=\"sortable\" id=\"t-overdue\"><thead><tr><th data-en=\"\"></th><th data-en=\"Platform\">平台</th>"
                    "<th data-en=\"Name\">名称</th><th data-en=\"County\">县区</th><th data-en=\"Filing\">报送事项</th>"
                    "<th data-en=\"Due\">截止日</th><th data-en=\"Days overdue\">逾期天数</th></tr>") != std::string::npos);
}

TEST_CASE("render_roster_html: the readings are said in words", "[report]") {
    using namespace roster_html_tests;
    shifan::Roster r = sample_roster();
    std::string page = shifan::render_roster_html(r);
    CHECK(page.find("title=\"summary_owed=held_at_year_end\" data-en=\"annual summaries are owed by platforms whose title was valid on "
                    "31 December and was not revoked before the deadline (art13) (default)\">年度工作总结：12 月 31 日称号有效、且截止日前未被撤销的平台须报送（第十三条）（默认）<") !=
          std::string::npos);
    CHECK(page.find("title=\"deadline_rest_days=literal\" data-en=\"a deadline on a rest day stays on that day (default)\">截止日逢休息日不顺延（默认）<") !=
          std::string::npos);
    // The raw setting is only in a tooltip, never in the text.
    CHECK(page.find(">summary_owed=") == std::string::npos);
    CHECK(page.find("summary_owed=held_at_year_end,") == std::string::npos);
    r.interpretations.summary_owed = shifan::SummaryOwed::held_any_day;
    r.interpretations.deadline_rest_days = shifan::DeadlineRestDays::roll_forward;
    page = shifan::render_roster_html(r);
    CHECK(page.find("title=\"summary_owed=held_any_day\" data-en=\"annual summaries are owed by platforms whose title was valid on any "
                    "day of the year (art13)\">年度工作总结：该年任一日称号有效的平台须报送（第十三条）<") != std::string::npos);
    CHECK(page.find("title=\"deadline_rest_days=roll_forward\" data-en=\"a deadline on a rest day moves to the next working day (Civil Code "
                    "art. 203)\">截止日逢休息日顺延至下一工作日（《民法典》第二百零三条）<") != std::string::npos);
    CHECK(page.find("（默认）") == std::string::npos);
}

TEST_CASE("render_roster_html: tables are sortable and filterable by the page script", "[report]") {
    using namespace roster_html_tests;
    const std::string page = shifan::render_roster_html(sample_roster());
    for (const char* id : {"t-overdue", "t-platforms"}) {
        INFO(id);
        CHECK(page.find(std::string("<table class=\"sortable\" id=\"") + id + "\">") != std::string::npos);
        // the filter box is hidden until the script shows it (without script it would do nothing)
        CHECK(page.find(std::string("<div class=\"tools\" hidden><input type=\"search\" class=\"filter\" data-for=\"") + id + "\"") !=
              std::string::npos);
    }
    CHECK(page.find("data-en-placeholder=\"Filter: type an id, a name, a county…\"") != std::string::npos);
    CHECK(page.find("function sortBy(th)") != std::string::npos);
    CHECK(page.find("function filter(input)") != std::string::npos);
    // the term column sorts by the designation date
    CHECK(page.find("<td data-sort=\"2024-07-01\">2024-07-01 → 2027-07-01</td>") != std::string::npos);
}

TEST_CASE("one escape loop serves the JSON writer and the HTML page", "[report]") {
    using namespace std::string_literals;
    // escape::append: runs copied whole, each selected byte replaced, at the start, middle and end
    std::string out = ">";
    shifan::escape::append(out, "*ab*cd**e*", [](unsigned char c) { return c == '*'; }, [](std::string& o, unsigned char) { o += "[x]"; });
    CHECK(out == ">[x]ab[x]cd[x][x]e[x]");
    out.clear();
    shifan::escape::append(out, "", [](unsigned char) { return true; }, [](std::string& o, unsigned char) { o += "!"; });
    CHECK(out.empty());
    // the JSON writer: every control, '"' and '\\'; UTF-8 untouched
    std::string json;
    shifan::json::Writer(json).value("q\"b\\n\nr\rt\tb\bf\f\x01\x1f 长治"s + '\0');
    CHECK(json == R"("q\"b\\n\nr\rt\tb\bf\f\u0001\u001f 长治\u0000")");
    // the HTML page
    CHECK(shifan::html_escape("<&>\"'") == "&lt;&amp;&gt;&quot;&#39;");
    CHECK(shifan::html_escape("x'") == "x&#39;");
}
