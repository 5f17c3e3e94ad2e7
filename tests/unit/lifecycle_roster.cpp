// Rosters (art15 and the county officer's queries): county report obligations (owed when any
// platform of the county held a valid title on any day of the year, due 31 March), titles ending
// in the year of D, overdue filings, designated counts by county and by art7 function.
#include "lifecycle_helpers.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace shifan;
using namespace shifan::test;

namespace {

const CountyReport* report(const Roster& r, const std::string& county, int year) {
    for (const CountyReport& c : r.county_reports)
        if (c.county == county && c.obligation.year == year) return &c;
    return nullptr;
}

CountyFilings filings(const char* county, std::initializer_list<std::pair<int, const char*>> list) {
    CountyFilings f{county, {}};
    for (const auto& [y, d] : list) f.filings.push_back({Year{y}, D(d)});
    return f;
}

} // namespace

TEST_CASE("roster: a county report is owed for a year any of its platforms held a valid title (art15)", "[lifecycle][roster]") {
    std::vector<History> hs;
    hs.push_back(designated_on("2024-03-20", "2024-04-30", "2024-07-01", test_platform("A", "上党区")));
    const std::vector<CountyFilings> none;
    SECTION("due 31 March, inclusive") {
        CHECK(roster_of(hs, none, D("2024-12-31")).county_reports.empty());
        const Roster jan = roster_of(hs, none, D("2025-01-01"));
        REQUIRE(jan.county_reports.size() == 1);
        CHECK(jan.county_reports[0].county == "上党区");
        CHECK(jan.county_reports[0].obligation.kind == ObligationKind::county_report);
        CHECK(jan.county_reports[0].obligation.year == 2024);
        CHECK(jan.county_reports[0].obligation.due == D("2025-03-31"));
        CHECK(report(roster_of(hs, none, D("2025-03-31")), "上党区", 2024)->obligation.status == ObligationStatus::pending);
        const Roster apr = roster_of(hs, none, D("2025-04-01"));
        CHECK(report(apr, "上党区", 2024)->obligation.status == ObligationStatus::overdue);
        REQUIRE(apr.overdue.size() == 2); // the platform's 2024 summary (due 2025-02-28), then the county's report
        CHECK(apr.overdue[0].kind == ObligationKind::annual_summary);
        CHECK(apr.overdue[0].platform == std::optional<std::size_t>(0));
        CHECK(apr.overdue[1].kind == ObligationKind::county_report);
        CHECK_FALSE(apr.overdue[1].platform.has_value());
        CHECK(apr.overdue[1].county == std::optional<std::string>("上党区"));
        CHECK(apr.overdue[1].due == D("2025-03-31"));
    }
    SECTION("filed on the due date, the day after, or later than D") {
        CHECK(report(roster_of(hs, {filings("上党区", {{2024, "2025-03-31"}})}, D("2025-06-01")), "上党区", 2024)->obligation.status ==
              ObligationStatus::filed);
        CHECK(report(roster_of(hs, {filings("上党区", {{2024, "2025-04-01"}})}, D("2025-06-01")), "上党区", 2024)->obligation.status ==
              ObligationStatus::late);
        const Roster r = roster_of(hs, {filings("上党区", {{2024, "2025-04-02"}, {2024, "2025-04-01"}})}, D("2025-04-01"));
        CHECK(report(r, "上党区", 2024)->obligation.filed_on == D("2025-04-01")); // the earliest filing counts
        CHECK(report(roster_of(hs, {filings("上党区", {{2024, "2025-06-02"}})}, D("2025-06-01")), "上党区", 2024)->obligation.status ==
              ObligationStatus::overdue); // not filed yet on D
    }
    SECTION("a platform's title on any day of the year suffices; none after it ended") {
        std::vector<History> old;
        old.push_back(parse_history(read_source_file("examples/histories/expired.json"))); // 襄垣县, valid until 2023-07-01
        const Roster r = roster_of(old, {}, D("2025-06-01"));
        CHECK(report(r, "襄垣县", 2023) != nullptr);
        CHECK(report(r, "襄垣县", 2024) == nullptr);
        CHECK(report(r, "襄垣县", 2020) != nullptr);
        CHECK(report(r, "襄垣县", 2019) == nullptr);
    }
    SECTION("revoked on 1 January: no valid day that year; on 2 January: one") {
        History a = designated_on("2021-03-20", "2021-04-30", "2021-07-01", test_platform("A", "沁县"));
        History b = a;
        a.append(violation("2024-01-01", "2023-12-01"));
        b.append(violation("2024-01-02", "2023-12-01"));
        CHECK(report(roster_of({a}, {}, D("2025-06-01")), "沁县", 2024) == nullptr);
        CHECK(report(roster_of({a}, {}, D("2025-06-01")), "沁县", 2023) != nullptr);
        CHECK(report(roster_of({b}, {}, D("2025-06-01")), "沁县", 2024) != nullptr);
    }
    SECTION("the county's report follows the rest-day reading") {
        const Calendar c = parse_calendar(R"({"schema": "shifan.calendar/1", "rest_days": ["2025-03-31"]})");
        StatusOptions o;
        o.interpretations.deadline_rest_days = DeadlineRestDays::roll_forward;
        o.calendar = &c;
        CHECK(report(roster_of(hs, none, D("2025-04-01"), o), "上党区", 2024)->obligation.due == D("2025-04-01"));
        CHECK(report(roster_of(hs, none, D("2025-04-01"), o), "上党区", 2024)->obligation.status == ObligationStatus::pending);
    }
}

TEST_CASE("roster: titles ending in the year of D, overdue summaries, counts", "[lifecycle][roster]") {
    std::vector<History> hs;
    hs.push_back(designated_on("2022-03-20", "2022-04-30", "2022-07-01", test_platform("A", "上党区"))); // ends 2025-07-01
    hs.push_back(history_of({applied("2022-03-20", 2022), recommended("2022-04-30"),
                             designated("2022-09-01", std::vector<Function>{Function::information, Function::financing})},
                            test_platform("B", "潞州区"))); // ends 2025-09-01
    hs.push_back(history_of({applied("2023-03-20", 2023), recommended("2023-04-30"),
                             designated("2023-07-01", std::vector<Function>{Function::information})},
                            test_platform("C", "潞州区"))); // ends 2026-07-01
    hs.push_back(designated_on("2021-03-20", "2021-04-30", "2021-07-01", Platform{"D", std::nullopt, std::nullopt})); // ended 2024-07-01
    hs[0].append(summary(2022, "2023-02-01"));
    hs[0].append(summary(2023, "2024-02-01"));
    hs[0].append(summary(2024, "2025-02-01"));

    const Roster r = roster_of(hs, {}, D("2025-07-01"));
    REQUIRE(r.platforms.size() == 4);
    CHECK(r.expiring == std::vector<std::size_t>{0, 1}); // A on its last day, B later in 2025; not C (2026), not D (over)
    CHECK(r.platforms[0].days_left == 0);
    CHECK(roster_of(hs, {}, D("2025-07-02")).expiring == std::vector<std::size_t>{1});
    CHECK(roster_of(hs, {}, D("2024-12-31")).expiring.empty());
    CHECK(roster_of(hs, {}, D("2025-01-01")).expiring == std::vector<std::size_t>{0, 1});

    CHECK(r.designated == 3);
    REQUIRE(r.designated_by_county.size() == 2);
    CHECK(r.designated_by_county[0].county == std::optional<std::string>("上党区"));
    CHECK(r.designated_by_county[0].designated == 1);
    CHECK(r.designated_by_county[1].county == std::optional<std::string>("潞州区"));
    CHECK(r.designated_by_county[1].designated == 2);
    CHECK(r.designated_by_function[static_cast<std::size_t>(Function::information)] == 2);
    CHECK(r.designated_by_function[static_cast<std::size_t>(Function::financing)] == 1);
    CHECK(r.designated_by_function[static_cast<std::size_t>(Function::technology)] == 0);
    CHECK(r.designated_functions_unspecified == 1);
    // D has no county: counted under "no county" while designated
    const Roster early = roster_of(hs, {}, D("2023-08-01"));
    CHECK(early.designated == 4);
    CHECK(early.designated_by_county.back().county == std::nullopt);
    CHECK(early.designated_by_county.back().designated == 1);

    // overdue platform summaries: B and C filed nothing; D's platform has no county
    std::size_t summaries = 0;
    for (const OverdueFiling& o : r.overdue)
        if (o.kind == ObligationKind::annual_summary) {
            ++summaries;
            REQUIRE(o.platform.has_value());
            CHECK(*o.platform != 0); // A filed everything
        }
    CHECK(summaries == 3 + 2 + 3); // B: 2022–2024, C: 2023–2024, D: 2021–2023
    // county reports: 上党区 and 潞州区 owe, nobody reports for platforms without county
    CHECK(report(r, "上党区", 2022) != nullptr);
    CHECK(report(r, "潞州区", 2022) != nullptr);
    CHECK(report(r, "潞州区", 2021) == nullptr);
}

TEST_CASE("roster: a county with filings but no platforms owes nothing; duplicates are errors", "[lifecycle][roster]") {
    std::vector<History> hs;
    hs.push_back(designated_on("2024-03-20", "2024-04-30", "2024-07-01", test_platform("A", "上党区")));
    const Roster r = roster_of(hs, {filings("平顺县", {{2024, "2025-03-01"}})}, D("2025-06-01"));
    CHECK(r.county_reports.size() == 1);
    CHECK(report(r, "平顺县", 2024) == nullptr);
    hs.push_back(hs[0]);
    try {
        (void)roster_of(hs, {}, D("2025-06-01"));
        FAIL("accepted");
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::inconsistent);
        CHECK_THAT(e.message().en, Catch::Contains("A"));
    }
    hs.pop_back();
    try {
        (void)roster_of(hs, {filings("上党区", {}), filings("上党区", {})}, D("2025-06-01"));
        FAIL("accepted");
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::inconsistent);
    }
}

TEST_CASE("roster: the shipped examples and their JSON", "[lifecycle][roster][json]") {
    std::vector<History> hs;
    for (const char* f : {"designated-current.json", "renewal.json", "revoked.json", "expired.json"})
        hs.push_back(parse_history(read_source_file(std::string("examples/histories/") + f)));
    const CountyFilings sd = parse_county_filings(read_source_file("examples/histories/county-filings-shangdang.json"));
    CHECK(sd.county == "上党区");
    const Roster r = roster_of(hs, {sd}, D("2025-04-15"));
    CHECK(report(r, "上党区", 2024)->obligation.status == ObligationStatus::filed);
    CHECK(report(r, "上党区", 2024)->obligation.filed_on == D("2025-03-28"));
    CHECK(r.designated == 3);
    const std::string json = write_roster(r);
    const auto doc = nlohmann::json::parse(json);
    CHECK(doc.at("schema") == "shifan.roster/1");
    CHECK(doc.at("on") == "2025-04-15");
    CHECK(doc.at("designated").at("total") == 3);
    CHECK(doc.at("designated").at("by_function").at("information") == 2);
    CHECK(doc.at("platforms").size() == 4);
    CHECK(write_roster(roster_of(hs, {sd}, D("2025-04-15"))) == json); // deterministic
    const std::string zh = render_roster(r, Lang::zh);
    CHECK_THAT(zh, Catch::Contains("上党区  ✓ 2024 年度  截止 2025-03-31"));
    CHECK_THAT(render_roster(r, Lang::en), Catch::Contains("by function (art7): information 2"));
}

TEST_CASE("roster: county filings read strictly", "[lifecycle][roster][json]") {
    auto error_of = [](const char* text) {
        try {
            (void)parse_county_filings(text);
        } catch (const Error& e) {
            return std::make_pair(std::string(error_code_name(e.code())), e.path());
        }
        return std::make_pair(std::string("accepted"), std::string());
    };
    using P = std::pair<std::string, std::string>;
    CHECK(error_of(R"({"schema": "shifan.county-filings/1", "county": "上党区", "filings": [{"year": 2024, "date": "2025-02-30"}]})") ==
          P{"invalid_date", "/filings/0/date"});
    CHECK(error_of(R"({"schema": "shifan.county-filings/1", "county": "上党区", "filings": [{"year": 2024}]})") ==
          P{"missing_required", "/filings/0/date"});
    CHECK(error_of(R"({"schema": "shifan.county-filings/1", "county": "上党区", "filings": [{"year": 1899, "date": "2025-03-01"}]})") ==
          P{"out_of_range", "/filings/0/year"});
    CHECK(error_of(R"({"schema": "shifan.county-filings/1", "county": "", "filings": []})") == P{"missing_required", "/county"});
    CHECK(error_of(R"({"schema": "shifan.county-filings/1", "county": "上党区"})") == P{"missing_required", "/filings"});
    CHECK(error_of(R"({"schema": "shifan.county-filings/1", "county": "上党区", "filings": [], "x": 1})") == P{"unknown_key", "/x"});
    CHECK(error_of(R"({"schema": "shifan.county-filings/1", "county": "上党区", "filings": []})") == P{"accepted", ""});
}

TEST_CASE("roster: a title revoked for false application materials (art14, art10(7))", "[lifecycle][roster]") {
    std::vector<History> hs;
    hs.push_back(designated_on("2024-03-20", "2024-04-30", "2024-07-01", test_platform("F", "潞城区")));
    hs.back().append(false_application("2025-05-12", "2024-03-20"));
    const std::vector<CountyFilings> none;
    const Roster before = roster_of(hs, none, D("2025-05-11"));
    CHECK(before.platforms[0].state == State::designated);
    REQUIRE(before.designated_by_county.size() == 1);
    CHECK(before.designated_by_county[0].designated == 1);
    const Roster after = roster_of(hs, none, D("2025-05-12"));
    CHECK(after.platforms[0].state == State::revoked);
    CHECK(after.platforms[0].state_since == D("2025-05-12"));
    CHECK(after.designated_by_county.empty());
    // The county still owes its report for 2024, a year the platform held the title.
    REQUIRE(report(after, "潞城区", 2024) != nullptr);
    CHECK(report(after, "潞城区", 2024)->obligation.status == ObligationStatus::overdue);
}
