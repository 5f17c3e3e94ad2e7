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


#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace shifan {

/// A calendar date (proleptic Gregorian), or "no date" when default-constructed.
///
/// shifan's own type rather than `boost::gregorian::date`: that header alone brings ~50,000 lines
/// (iostreams, locales) into every translation unit that sees an application, and shifan needs
/// none of it. The unit tests check this type day by day against Boost.Date_Time over every date
/// shifan accepts. Legal periods use add_years() / add_months() below.
class Date {
public:
    /// "No date" (not a calendar day); compares below every real date.
    constexpr Date() noexcept = default;
    /// The date `y`-`m`-`d`; the parts must name a day that exists (see parse_date() for input).
    constexpr Date(int y, int m, int d) noexcept
        : key_(static_cast<std::uint32_t>(y) << 9 | static_cast<std::uint32_t>(m) << 5 |
               static_cast<std::uint32_t>(d)) {}

    /// The year (e.g. 2025).
    [[nodiscard]] constexpr int year() const noexcept { return static_cast<int>(key_ >> 9); }
    /// The month, 1–12.
    [[nodiscard]] constexpr int month() const noexcept { return static_cast<int>(key_ >> 5 & 15U); }
    /// The day of the month, 1–31.
    [[nodiscard]] constexpr int day() const noexcept { return static_cast<int>(key_ & 31U); }
    /// False for a default-constructed Date.
    [[nodiscard]] constexpr bool is_valid() const noexcept { return key_ != 0; }

    /// Days since 1970-01-01 (negative before it); the serial behind add_days() and days_between().
    [[nodiscard]] constexpr long serial() const noexcept {
        // Howard Hinnant's days_from_civil: years start in March so the leap day falls last.
        const int y = year() - (month() <= 2 ? 1 : 0);
        const int era = (y >= 0 ? y : y - 399) / 400;
        const auto yoe = static_cast<unsigned>(y - era * 400);
        const auto m = static_cast<unsigned>(month());
        const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + static_cast<unsigned>(day()) - 1;
        const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return static_cast<long>(era) * 146097 + static_cast<long>(doe) - 719468;
    }
    /// The date `serial` days after 1970-01-01 (the inverse of serial()).
    [[nodiscard]] static constexpr Date from_serial(long serial) noexcept {
        const long z = serial + 719468;
        const long era = (z >= 0 ? z : z - 146096) / 146097;
        const auto doe = static_cast<unsigned>(z - era * 146097);
        const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const unsigned mp = (5 * doy + 2) / 153;
        const unsigned d = doy - (153 * mp + 2) / 5 + 1;
        const unsigned m = mp < 10 ? mp + 3 : mp - 9;
        const long y = static_cast<long>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
        return Date(static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
    }

    friend constexpr bool operator==(Date, Date) noexcept = default;
    friend constexpr auto operator<=>(Date a, Date b) noexcept { return a.key_ <=> b.key_; }

private:
    std::uint32_t key_ = 0; // year << 9 | month << 5 | day: ordered like the dates themselves
};

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
constexpr Date make_date(int y, int m, int d) noexcept { return Date(y, m, d); }

/// Last day of month `m` of year `y` ("2月底" is the 28th or the 29th).
constexpr Date end_of_month(int y, int m) noexcept { return make_date(y, m, days_in_month(y, m)); }

/// `d` plus `n` months per Civil Code art. 202: same day of the final month, or its last day.
constexpr Date add_months(Date d, int n) noexcept {
    const int total = d.year() * 12 + (d.month() - 1) + n;
    const int y = total / 12;
    const int m = total % 12 + 1;
    const int day = d.day();
    const int last = days_in_month(y, m);
    return make_date(y, m, day <= last ? day : last);
}

/// `d` plus `n` years per Civil Code art. 202 (a 29 February start ends on 28 February).
constexpr Date add_years(Date d, int n) noexcept { return add_months(d, 12 * n); }

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
inline void format_date(Date d, char (&out)[10]) noexcept {
    auto put = [&](int pos, int width, int v) {
        for (int i = pos + width - 1; i >= pos; --i) { out[i] = static_cast<char>('0' + v % 10); v /= 10; }
    };
    put(0, 4, d.year());
    out[4] = '-';
    put(5, 2, d.month());
    out[7] = '-';
    put(8, 2, d.day());
}

/// `YYYY-MM-DD` text of a date.
inline std::string to_string(Date d) {
    char buf[10];
    format_date(d, buf);
    return std::string(buf, 10);
}

/// Year of a date as an int.
constexpr int year_of(Date d) noexcept { return d.year(); }

/// `d` moved by `n` calendar days (negative moves back).
constexpr Date add_days(Date d, long n) noexcept { return Date::from_serial(d.serial() + n); }

/// Day of the week: 0 = Sunday, 1 = Monday, … 6 = Saturday.
constexpr int day_of_week(Date d) noexcept {
    const long z = d.serial(); // 1970-01-01 was a Thursday
    return static_cast<int>(z >= -4 ? (z + 4) % 7 : (z + 5) % 7 + 6);
}

/// Signed number of days from `a` to `b`.
constexpr long days_between(Date a, Date b) noexcept { return b.serial() - a.serial(); }

} // namespace shifan
