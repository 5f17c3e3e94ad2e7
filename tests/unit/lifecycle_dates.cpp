// Legal periods and deadlines (Civil Code arts. 200–204; art13, art14, art15): add_years/add_months
// over every month end and the leap-year cases, inclusive month-end deadlines, obligation status at
// its boundaries, and the art. 203 roll-forward with the example calendars.
#include "lifecycle_helpers.hpp"

#include <catch2/catch.hpp>

using namespace shifan;
using shifan::test::D;

TEST_CASE("lifecycle dates: leap years (2000 is, 2100 is not)", "[lifecycle][dates]") {
    CHECK(is_leap_year(2000));
    CHECK_FALSE(is_leap_year(2100));
    CHECK_FALSE(is_leap_year(1900));
    CHECK(is_leap_year(2024));
    CHECK(is_leap_year(2028));
    CHECK_FALSE(is_leap_year(2027));
    CHECK(days_in_month(2100, 2) == 28);
    CHECK(days_in_month(2000, 2) == 29);
}

TEST_CASE("lifecycle dates: add_years per Civil Code art. 202, the named cases", "[lifecycle][dates]") {
    CHECK(add_years(D("2024-02-29"), 3) == D("2027-02-28"));
    CHECK(add_years(D("2021-02-28"), 3) == D("2024-02-28")); // not 2024-02-29 (Boost's years() would say so)
    CHECK(add_years(D("2021-03-01"), 3) == D("2024-03-01"));
    CHECK(add_years(D("2024-02-29"), 4) == D("2028-02-29"));
    CHECK(add_years(D("2096-02-29"), 4) == D("2100-02-28")); // 2100 is not a leap year
    CHECK(add_years(D("1996-02-29"), 4) == D("2000-02-29")); // 2000 is
    CHECK(add_years(D("2000-02-29"), 100) == D("2100-02-28"));
    CHECK(add_years(D("2024-07-01"), 3) == D("2027-07-01"));
    CHECK(add_years(D("2023-12-31"), 3) == D("2026-12-31"));
    CHECK(add_years(D("2024-01-01"), 0) == D("2024-01-01"));
}

TEST_CASE("lifecycle dates: every month end plus months and years", "[lifecycle][dates]") {
    for (int y : {1999, 2000, 2023, 2024, 2099, 2100}) {
        for (int m = 1; m <= 12; ++m) {
            const Date end = end_of_month(y, m);
            const int day = days_in_month(y, m);
            for (int k = 1; k <= 50; ++k) {
                const Date r = add_months(end, k);
                const int total = y * 12 + (m - 1) + k;
                const int ty = total / 12, tm = total % 12 + 1;
                INFO(to_string(end) << " + " << k << " months = " << to_string(r));
                CHECK(year_of(r) == ty);
                CHECK(static_cast<int>(r.month()) == tm);
                CHECK(static_cast<int>(r.day()) == std::min(day, days_in_month(ty, tm)));
            }
            for (int n = 1; n <= 5; ++n) {
                const Date r = add_years(end, n);
                INFO(to_string(end) << " + " << n << " years = " << to_string(r));
                CHECK(year_of(r) == y + n);
                CHECK(static_cast<int>(r.month()) == m);
                CHECK(static_cast<int>(r.day()) == std::min(day, days_in_month(y + n, m)));
            }
            // The day before a month end keeps its day number where it exists.
            if (day > 28) CHECK(add_years(add_days(end, -1), 1).day() == day - 1);
        }
    }
}

TEST_CASE("lifecycle dates: the term is valid on both ends (add_years, art14)", "[lifecycle][dates]") {
    // designated 2024-02-29: valid until 2027-02-28 inclusive, not 2027-03-01
    auto h = test::designated_on("2024-01-10", "2024-02-01", "2024-02-29");
    const Ledger& l = h.ledger();
    REQUIRE(l.terms().size() == 1);
    CHECK(l.terms()[0].valid_until == D("2027-02-28"));
    CHECK(l.term_valid_on(D("2024-02-28")) == nullptr);
    CHECK(l.term_valid_on(D("2024-02-29")) != nullptr);
    CHECK(l.term_valid_on(D("2027-02-27")) != nullptr);
    CHECK(l.term_valid_on(D("2027-02-28")) != nullptr);
    CHECK(l.term_valid_on(D("2027-03-01")) == nullptr);
}

TEST_CASE("lifecycle deadlines: 'before the end of February/March' is inclusive of the month's last day",
          "[lifecycle][deadlines]") {
    const MonthDay feb_end{2, 0}, mar_end{3, 0};
    CHECK(deadline_in(2028, feb_end) == D("2028-02-29"));
    CHECK(deadline_in(2027, feb_end) == D("2027-02-28"));
    CHECK(deadline_in(2100, feb_end) == D("2100-02-28"));
    CHECK(deadline_in(2000, feb_end) == D("2000-02-29"));
    CHECK(deadline_in(2025, mar_end) == D("2025-03-31"));
    CHECK(deadline_in(2027, MonthDay{2, 29}) == D("2027-02-28")); // a fixed 29 Feb in a common year
    CHECK(deadline_in(2028, MonthDay{2, 29}) == D("2028-02-29"));
    CHECK(deadline_in(2025, MonthDay{3, 15}) == D("2025-03-15"));

    const RulePack& pack = builtin_rule_pack();
    CHECK(annual_summary_due(pack, 2027) == D("2028-02-29")); // the 2027 summary
    CHECK(annual_summary_due(pack, 2026) == D("2027-02-28"));
    CHECK(annual_summary_due(pack, 2099) == D("2100-02-28"));
    CHECK(annual_summary_due(pack, 1999) == D("2000-02-29"));
    CHECK(county_report_due(pack, 2024) == D("2025-03-31"));
    CHECK(county_report_due(pack, 2027) == D("2028-03-31"));
}

TEST_CASE("lifecycle deadlines: a rule pack's deadline is resolved on 1 January of the due year",
          "[lifecycle][deadlines]") {
    const RulePack pack = parse_rule_pack(R"({"schema": "shifan.rulepack/1", "id": "t", "version": "1",
        "base": "changzhi-municipal",
        "parameters": {"annual_summary_due": [{"from": "2000-01-01", "value": {"month": 2, "day": "last"}},
                                              {"from": "2026-01-01", "value": {"month": 3, "day": 15}}]}})");
    CHECK(annual_summary_due(pack, 2024) == D("2025-02-28")); // resolved on 2025-01-01
    CHECK(annual_summary_due(pack, 2025) == D("2026-03-15")); // resolved on 2026-01-01
}

TEST_CASE("lifecycle deadlines: obligation status at, just before and just after the due date",
          "[lifecycle][deadlines]") {
    const Date due = D("2028-02-29");
    CHECK(obligation_status(due, std::nullopt, D("2028-02-28")) == ObligationStatus::pending);
    CHECK(obligation_status(due, std::nullopt, D("2028-02-29")) == ObligationStatus::pending);
    CHECK(obligation_status(due, std::nullopt, D("2028-03-01")) == ObligationStatus::overdue);
    CHECK(obligation_status(due, D("2028-02-28"), D("2028-03-05")) == ObligationStatus::filed);
    CHECK(obligation_status(due, D("2028-02-29"), D("2028-03-05")) == ObligationStatus::filed);
    CHECK(obligation_status(due, D("2028-03-01"), D("2028-03-05")) == ObligationStatus::late);
    CHECK(obligation_status(due, D("2027-06-01"), D("2027-06-01")) == ObligationStatus::filed); // early filing
}

TEST_CASE("lifecycle calendar: rest days, make-up working days and the art. 203 roll-forward",
          "[lifecycle][calendar]") {
    const Calendar c25 = parse_calendar(test::read_source_file("examples/calendars/cn-2025.json"));
    const Calendar c26 = parse_calendar(test::read_source_file("examples/calendars/cn-2026.json"));

    SECTION("a make-up working day on a Saturday is a working day (28 Feb 2026)") {
        CHECK(day_of_week(D("2026-02-28")) == 6);
        CHECK_FALSE(c26.is_rest_day(D("2026-02-28")));
        CHECK(c26.roll_forward(D("2026-02-28")) == D("2026-02-28"));
        CHECK(c26.is_rest_day(D("2026-02-23"))); // last day of the Spring Festival holiday
        CHECK_FALSE(c26.is_rest_day(D("2026-02-24")));
        CHECK(c26.roll_forward(D("2026-02-15")) == D("2026-02-24"));
    }
    SECTION("a holiday period rolls to the day after it") {
        CHECK_FALSE(c25.is_rest_day(D("2025-01-27")));
        CHECK(c25.is_rest_day(D("2025-01-28")));
        CHECK(c25.is_rest_day(D("2025-02-04")));
        CHECK_FALSE(c25.is_rest_day(D("2025-02-05")));
        CHECK(c25.roll_forward(D("2025-01-28")) == D("2025-02-05"));
        CHECK(c25.roll_forward(D("2025-02-04")) == D("2025-02-05"));
        CHECK(c25.roll_forward(D("2025-10-01")) == D("2025-10-09"));
        CHECK(c25.roll_forward(D("2025-01-27")) == D("2025-01-27"));
    }
    SECTION("weekends, and make-up Sundays") {
        CHECK(c25.is_rest_day(D("2025-03-01")));                     // Saturday
        CHECK(c25.roll_forward(D("2025-03-01")) == D("2025-03-03")); // to Monday
        CHECK(c25.roll_forward(D("2025-02-28")) == D("2025-02-28")); // Friday: the art13 deadline stays
        CHECK(c25.roll_forward(D("2025-03-31")) == D("2025-03-31")); // Monday: the art15 deadline stays
        CHECK_FALSE(c25.is_rest_day(D("2025-01-26")));               // Sunday, make-up working day
        CHECK(c25.is_rest_day(D("2025-01-25")));                     // the Saturday before it
        // Outside the listed year only weekends rest: 2027-02-28 is a Sunday.
        CHECK(c26.roll_forward(D("2027-02-28")) == D("2027-03-01"));
    }
    SECTION("weekends_rest false: only listed days rest") {
        const Calendar c = parse_calendar(R"({"schema": "shifan.calendar/1", "weekends_rest": false, "rest_days": ["2025-03-03"]})");
        CHECK_FALSE(c.is_rest_day(D("2025-03-01")));
        CHECK(c.roll_forward(D("2025-03-03")) == D("2025-03-04"));
        CHECK(parse_calendar(R"({"schema": "shifan.calendar/1"})").is_rest_day(D("2025-03-01"))); // default: weekends rest
    }
    SECTION("the deadline policy: literal keeps the day; roll_forward needs a calendar") {
        CHECK(DeadlinePolicy{}.apply(D("2025-03-01")) == D("2025-03-01"));
        CHECK(DeadlinePolicy{DeadlineRestDays::roll_forward, &c25}.apply(D("2025-03-01")) == D("2025-03-03"));
        try {
            (void)DeadlinePolicy{DeadlineRestDays::roll_forward, nullptr}.apply(D("2025-03-01"));
            FAIL("no calendar accepted");
        } catch (const Error& e) {
            CHECK(e.code() == ErrorCode::usage);
        }
        CHECK(annual_summary_due(builtin_rule_pack(), 2026, DeadlinePolicy{DeadlineRestDays::roll_forward, &c26}) ==
              D("2027-03-01"));
    }
}

TEST_CASE("lifecycle calendar: bad calendars are errors naming the JSON Pointer", "[lifecycle][calendar][json]") {
    auto error_of = [](const char* text) {
        try {
            (void)parse_calendar(text);
        } catch (const Error& e) {
            return std::make_pair(std::string(error_code_name(e.code())), e.path());
        }
        return std::make_pair(std::string("accepted"), std::string());
    };
    using P = std::pair<std::string, std::string>;
    CHECK(error_of(R"({"schema": "shifan.calendar/1", "rest_days": ["2025-01-01", "2025-02-30"]})") == P{"invalid_date", "/rest_days/1"});
    CHECK(error_of(R"({"schema": "shifan.calendar/1", "rest_days": ["2025-01-01", "2025-01-02", "2025-01-01"]})") ==
          P{"inconsistent", "/rest_days/2"});
    CHECK(error_of(R"({"schema": "shifan.calendar/1", "rest_days": ["2025-01-01"], "working_days": ["2025-01-04", "2025-01-01"]})") ==
          P{"inconsistent", "/working_days/1"});
    CHECK(error_of(R"({"schema": "shifan.calendar/1", "weekends_rest": null})") == P{"wrong_type", "/weekends_rest"});
    CHECK(error_of(R"({"schema": "shifan.calendar/1", "weekend_rest": true})") == P{"unknown_key", "/weekend_rest"});
    CHECK(error_of(R"({"schema": "shifan.calendar/1", "rest_days": "2025-01-01"})") == P{"wrong_type", "/rest_days"});
    CHECK(error_of(R"({"schema": "shifan.history/1"})") == P{"wrong_schema", "/schema"});
    CHECK(error_of(R"({"rest_days": []})") == P{"missing_required", "/schema"});
    CHECK(error_of(R"({"schema": "shifan.calendar/1", "rest_days": [], "rest_days": []})") == P{"duplicate_key", "/rest_days"});
    CHECK(error_of(R"({"schema": "shifan.calendar/1", "rest_days": ["2025-01-01"]})") == P{"accepted", ""});
}
