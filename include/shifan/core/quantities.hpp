/// @file
/// @ingroup core
/// @brief Exact value types: counts, money in integer fen, percentages in integer hundredths,
/// years. No floating point ever decides a threshold (docs/specification.md §1).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace shifan {

/// A non-negative count (SMEs served, staff, activities, trainee-times).
struct Count {
    std::int64_t value = 0; ///< 0 ≤ value ≤ `max_count`
    friend constexpr auto operator<=>(Count, Count) = default;
};

/// Largest count accepted from input (far above any real figure; keeps all arithmetic exact).
inline constexpr std::int64_t max_count = 1'000'000'000'000'000; // 10^15

/// Money in integer fen (0.01 CNY). Input may carry at most two decimals.
struct Money {
    std::int64_t fen = 0; ///< amount in fen (1 CNY = 100 fen), 0 ≤ fen ≤ `max_money_fen`
    friend constexpr auto operator<=>(Money, Money) = default;
    /// From whole yuan (CNY).
    static constexpr Money yuan(std::int64_t cny) { return Money{cny * 100}; }
};

/// Largest amount accepted from input: 10^13 CNY (docs/specification.md §5.3).
inline constexpr std::int64_t max_money_fen = 1'000'000'000'000'000; // 10^13 CNY in fen

/// A percentage in integer hundredths of a percent: 80% is 8000, 86.5% is 8650.
struct Percent {
    std::int64_t hundredths = 0; ///< 8000 = 80%
    friend constexpr auto operator<=>(Percent, Percent) = default;
    /// From a whole number of percent (80 → 80%).
    static constexpr Percent whole(std::int64_t p) { return Percent{p * 100}; }
};

/// A calendar year (review year, assessment year, a summary's year).
struct Year {
    int value = 0; ///< e.g. 2025
    friend constexpr auto operator<=>(Year, Year) = default;
};

/// Append the decimal text of an integer ("72", "-3") to `out`, without allocating.
inline void append_integer(std::string& out, std::int64_t v) {
    char buf[24];
    char* const end = buf + sizeof buf;
    char* p = end;
    const bool negative = v < 0;
    auto u = negative ? static_cast<std::uint64_t>(-(v + 1)) + 1u : static_cast<std::uint64_t>(v);
    do { *--p = static_cast<char>('0' + u % 10); u /= 10; } while (u);
    if (negative) *--p = '-';
    out.append(p, static_cast<std::size_t>(end - p));
}

/// Append the text of an amount held in hundredths ("999999.99", "80.00", "-3.50") to `out`,
/// without allocating.
inline void append_hundredths(std::string& out, std::int64_t v) {
    char buf[32];
    char* const end = buf + sizeof buf;
    char* p = end;
    const bool negative = v < 0;
    const auto u = negative ? static_cast<std::uint64_t>(-(v + 1)) + 1u : static_cast<std::uint64_t>(v);
    *--p = static_cast<char>('0' + u % 10);
    *--p = static_cast<char>('0' + (u % 100) / 10);
    *--p = '.';
    auto whole = u / 100;
    do { *--p = static_cast<char>('0' + whole % 10); whole /= 10; } while (whole);
    if (negative) *--p = '-';
    out.append(p, static_cast<std::size_t>(end - p));
}

/// Text of an amount held in hundredths: "999999.99", "80.00", "-3.50".
inline std::string format_hundredths(std::int64_t v) {
    std::string s;
    append_hundredths(s, v);
    return s;
}

/// Why a decimal text could not become an exact amount in hundredths.
enum class DecimalError : unsigned char { none, syntax, too_many_decimals, too_large, negative };

/// Parse a decimal text (JSON number syntax, exponent allowed when `allow_exponent`) exactly
/// into hundredths. "1.500" is 150; "1.505" is `too_many_decimals`; "1e2" is 10000.
inline DecimalError parse_hundredths(std::string_view s, bool allow_exponent, std::int64_t limit,
                                     std::int64_t& out) noexcept {
    std::size_t i = 0;
    bool negative = false;
    if (i < s.size() && s[i] == '-') { negative = true; ++i; }
    // Significant digits (leading zeros dropped), and how many of them are after the point.
    char digits[40];
    int ndigits = 0;
    bool overflow_digits = false;
    long dropped_zeros = 0; // zeros past the 40th significant digit: a power of ten, not digits
    long frac_digits = 0;
    bool any = false;
    auto take = [&](char c, bool fractional) {
        any = true;
        if (fractional) ++frac_digits;
        if (ndigits == 0 && c == '0') return;
        if (ndigits < 40 && dropped_zeros == 0) digits[ndigits++] = c;
        else if (c == '0') ++dropped_zeros; // "1.000…0" is 1 by value, however many zeros follow
        else overflow_digits = true; // more than 40 significant digits: no real amount has them
    };
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') take(s[i++], false);
    if (!any) return DecimalError::syntax;
    if (i < s.size() && s[i] == '.') {
        ++i;
        const std::size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') take(s[i++], true);
        if (i == start) return DecimalError::syntax;
    }
    long exponent = 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        if (!allow_exponent) return DecimalError::syntax;
        ++i;
        bool eneg = false;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) eneg = s[i++] == '-';
        const std::size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            if (exponent < 100000) exponent = exponent * 10 + (s[i] - '0');
            ++i;
        }
        if (i == start) return DecimalError::syntax;
        if (eneg) exponent = -exponent;
    }
    if (i != s.size()) return DecimalError::syntax;
    if (negative) return DecimalError::negative; // "-0" and "-0.0" too: a sign has no place here
    if (overflow_digits) return DecimalError::too_large;
    // value = digits * 10^(exponent - frac_digits); in hundredths: * 10^(scale)
    long scale = exponent - frac_digits + 2 + dropped_zeros;
    // Strip trailing zeros while the scale is negative (they are exact).
    while (scale < 0 && ndigits > 0 && digits[ndigits - 1] == '0') { --ndigits; ++scale; }
    if (ndigits == 0) { out = 0; return DecimalError::none; }
    if (scale < 0) return DecimalError::too_many_decimals;
    if (ndigits + scale > 18) return DecimalError::too_large;
    std::int64_t v = 0;
    for (int k = 0; k < ndigits; ++k) v = v * 10 + (digits[k] - '0');
    for (long k = 0; k < scale; ++k) v *= 10;
    if (v > limit) return DecimalError::too_large;
    out = v;
    return DecimalError::none;
}

} // namespace shifan
