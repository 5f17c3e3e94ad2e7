// Dates and legal periods (docs/specification.md §1; Civil Code arts. 200–204).
#include "test_helpers.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <catch2/catch.hpp>

using shifan::Date;
using shifan::make_date;

TEST_CASE("parse_date accepts only YYYY-MM-DD days that exist", "[dates]") {
    CHECK(shifan::parse_date("2025-04-15") == make_date(2025, 4, 15));
    CHECK(shifan::parse_date("2024-02-29") == make_date(2024, 2, 29));
    CHECK(shifan::parse_date("2000-02-29") == make_date(2000, 2, 29)); // divisible by 400
    CHECK(shifan::parse_date("1900-01-01") == make_date(1900, 1, 1));
    CHECK(shifan::parse_date("2999-12-31") == make_date(2999, 12, 31));
    for (const char* bad : {"2025-02-29", "1900-02-29", "2100-02-29", "2025-04-31", "2025-13-01", "2025-00-10",
                            "2025-01-00", "2025-1-15", "2025/01/15", "20250115", "2025-01-15T00:00", " 2025-01-15",
                            "1899-12-31", "3000-01-01", "", "abcd-ef-gh", "+025-01-15"}) {
        INFO("date \"" << bad << "\"");
        CHECK_FALSE(shifan::parse_date(bad).has_value());
    }
}

TEST_CASE("add_years follows Civil Code art. 202, not month-end snapping", "[dates]") {
    // A start on 29 February ends on 28 February of a common year.
    CHECK(shifan::add_years(make_date(2024, 2, 29), 2) == make_date(2026, 2, 28));
    CHECK(shifan::add_years(make_date(2020, 2, 29), 4) == make_date(2024, 2, 29));
    CHECK(shifan::add_years(make_date(2020, 2, 29), 1) == make_date(2021, 2, 28));
    // A start on 28 February stays on the 28th, even into a leap year (Boost's years() gives the 29th).
    CHECK(shifan::add_years(make_date(2021, 2, 28), 3) == make_date(2024, 2, 28));
    CHECK(shifan::add_years(make_date(2022, 2, 28), 2) == make_date(2024, 2, 28));
    CHECK(shifan::add_years(make_date(2023, 4, 15), 2) == make_date(2025, 4, 15));
    CHECK(shifan::add_years(make_date(2024, 12, 31), 3) == make_date(2027, 12, 31));
    CHECK(shifan::add_years(make_date(2025, 4, 15), 0) == make_date(2025, 4, 15));
}

TEST_CASE("add_months clamps to the last day of the final month", "[dates]") {
    CHECK(shifan::add_months(make_date(2025, 1, 31), 1) == make_date(2025, 2, 28));
    CHECK(shifan::add_months(make_date(2024, 1, 31), 1) == make_date(2024, 2, 29));
    CHECK(shifan::add_months(make_date(2025, 3, 31), 1) == make_date(2025, 4, 30));
    CHECK(shifan::add_months(make_date(2025, 11, 30), 2) == make_date(2026, 1, 30));
    CHECK(shifan::add_months(make_date(2025, 12, 15), 1) == make_date(2026, 1, 15));
}

TEST_CASE("end_of_month: 2月底 is the 28th or the 29th", "[dates]") {
    CHECK(shifan::end_of_month(2025, 2) == make_date(2025, 2, 28));
    CHECK(shifan::end_of_month(2024, 2) == make_date(2024, 2, 29));
    CHECK(shifan::end_of_month(2100, 2) == make_date(2100, 2, 28));
    CHECK(shifan::end_of_month(2025, 3) == make_date(2025, 3, 31));
    CHECK(shifan::days_in_month(2000, 2) == 29);
    CHECK_FALSE(shifan::is_leap_year(1900));
}

TEST_CASE("dates print as YYYY-MM-DD and count days", "[dates]") {
    CHECK(shifan::to_string(make_date(1900, 1, 2)) == "1900-01-02");
    CHECK(shifan::to_string(make_date(2026, 2, 28)) == "2026-02-28");
    CHECK(shifan::days_between(make_date(2025, 4, 15), make_date(2025, 6, 1)) == 47);
    CHECK(shifan::days_between(make_date(2025, 4, 16), make_date(2025, 4, 15)) == -1);
    CHECK(shifan::year_of(make_date(2025, 4, 15)) == 2025);
}

// shifan::Date is shifan's own type (core/date.hpp keeps Boost.Date_Time out of the public headers);
// Boost.Date_Time serves here as the independent calendar it is checked against, day by day.
TEST_CASE("Date agrees with Boost.Date_Time on every day from 1900 to 3099", "[dates]") {
    const boost::gregorian::date epoch(1970, 1, 1);
    long mismatches = 0;
    Date previous;
    for (boost::gregorian::date b(1900, 1, 1); b <= boost::gregorian::date(3099, 12, 31); b += boost::gregorian::days(1)) {
        const auto ymd = b.year_month_day();
        const Date d = make_date(ymd.year, ymd.month, ymd.day);
        const long serial = (b - epoch).days();
        if (d.year() != ymd.year || d.month() != ymd.month || d.day() != ymd.day) ++mismatches;
        if (d.serial() != serial || Date::from_serial(serial) != d) ++mismatches;
        if (shifan::day_of_week(d) != b.day_of_week().as_number()) ++mismatches;
        if (shifan::add_days(previous, 1) != d && previous.is_valid()) ++mismatches;
        if (!(previous < d)) ++mismatches; // the default Date sorts before every day
        if (shifan::to_string(d) != boost::gregorian::to_iso_extended_string(b)) ++mismatches;
        previous = d;
    }
    CHECK(mismatches == 0);
    CHECK(shifan::days_between(make_date(2024, 2, 28), make_date(2024, 3, 1)) == 2);
    CHECK(shifan::days_between(make_date(2025, 3, 1), make_date(2025, 2, 28)) == -1);
    CHECK(shifan::add_days(make_date(2024, 12, 31), 1) == make_date(2025, 1, 1));
    CHECK(shifan::add_days(make_date(2024, 3, 1), -1) == make_date(2024, 2, 29));
    CHECK_FALSE(Date().is_valid());
}
