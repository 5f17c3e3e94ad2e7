/// @file
/// @ingroup core
/// @brief Calendar dates and legal periods under the Civil Code of the PRC (arts. 200–204).
///
/// A period counted in years or months does not count its starting day and ends on the same day of
/// the final month, or on that month's last day where there is no such day (art. 202). So
/// 2024-02-29 + 3 years = 2027-02-28 and 2021-02-28 + 3 years = 2024-02-28.
/// Boost's `years(n)` snaps a month-end start to month-end (it gives 2024-02-29 for the latter):
/// it must never be used for legal periods, and this header does not use it.
#pragma once

#include "shifan/core/error.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <charconv>
#include <optional>
#include <string>
#include <string_view>

namespace shifan {

/// A calendar date (proleptic Gregorian). Legal periods use add_years() / add_months(), never
/// Boost's `years(n)`.
using Date = boost::gregorian::date;

/// Dates shifan accepts in input: years 1900–2999 (wide enough for any designation, narrow enough
/// that every legal period computed from them stays representable).
inline constexpr int min_input_year = 1900;
/// Latest year accepted in input (see `min_input_year`).
inline constexpr int max_input_year = 2999;

/// Whether `y` is a Gregorian leap year (2000 is, 2100 is not).
constexpr bool is_leap_year(int y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/// Number of days in month `m` (1–12) of year `y`.
constexpr int days_in_month(int y, int m) noexcept {
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return (m == 2 && is_leap_year(y)) ? 29 : days[m - 1];
}

/// Construct a date from parts that are known to be valid.
inline Date make_date(int y, int m, int d) {
    return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                static_cast<unsigned short>(d));
}

/// Last day of month `m` of year `y` ("2月底" is the 28th or the 29th).
inline Date end_of_month(int y, int m) { return make_date(y, m, days_in_month(y, m)); }

/// `d` plus `n` months per Civil Code art. 202: same day of the final month, or its last day.
inline Date add_months(Date d, int n) {
    const auto ymd = d.year_month_day();
    const int total = static_cast<int>(ymd.year) * 12 + (static_cast<int>(ymd.month) - 1) + n;
    const int y = total / 12;
    const int m = total % 12 + 1;
    const int day = static_cast<int>(ymd.day);
    const int last = days_in_month(y, m);
    return make_date(y, m, day <= last ? day : last);
}

/// `d` plus `n` years per Civil Code art. 202 (a 29 February start ends on 28 February).
inline Date add_years(Date d, int n) { return add_months(d, 12 * n); }

/// Parse a strict `YYYY-MM-DD` date that exists in the calendar; std::nullopt otherwise.
inline std::optional<Date> parse_date(std::string_view s) noexcept {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto digits = [&](std::size_t pos, std::size_t len, int& out) {
        out = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    int y = 0, m = 0, d = 0;
    if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d)) return std::nullopt;
    if (y < min_input_year || y > max_input_year || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return std::nullopt;
    return make_date(y, m, d);
}

/// `YYYY-MM-DD` text of a date, written into a 10-character buffer (no allocation).
// NOLINTNEXTLINE(bugprone-exception-escape): year_month_day() of a constructed (valid) date never throws
inline void format_date(Date d, char (&out)[10]) noexcept {
    const auto ymd = d.year_month_day();
    auto put = [&](int pos, int width, int v) {
        for (int i = pos + width - 1; i >= pos; --i) { out[i] = static_cast<char>('0' + v % 10); v /= 10; }
    };
    put(0, 4, static_cast<int>(ymd.year));
    out[4] = '-';
    put(5, 2, static_cast<int>(ymd.month));
    out[7] = '-';
    put(8, 2, static_cast<int>(ymd.day));
}

/// `YYYY-MM-DD` text of a date.
inline std::string to_string(Date d) {
    char buf[10];
    format_date(d, buf);
    return std::string(buf, 10);
}

/// Year of a date as an int.
inline int year_of(Date d) { return static_cast<int>(d.year()); }

/// `d` moved by `n` calendar days (negative moves back).
inline Date add_days(Date d, long n) { return d + boost::gregorian::date_duration(n); }

/// Day of the week: 0 = Sunday, 1 = Monday, … 6 = Saturday.
inline int day_of_week(Date d) { return static_cast<int>(d.day_of_week().as_number()); }

/// Signed number of days from `a` to `b`.
inline long days_between(Date a, Date b) { return static_cast<long>((b - a).days()); }

} // namespace shifan
