// Exact value types (docs/specification.md §1 and §5.3): money and percentages as integer hundredths,
// parsed from decimal text without floating point; their text form; counts.
#include "test_helpers.hpp"

#include <catch2/catch.hpp>

#include <string>

using shifan::DecimalError;

namespace {

/// Parse with exponents allowed (JSON numbers) and the money limit; returns the error, `out` the value.
DecimalError hundredths(const std::string& s, std::int64_t& out, bool allow_exponent = true,
                        std::int64_t limit = shifan::max_money_fen) {
    out = -1;
    return shifan::parse_hundredths(s, allow_exponent, limit, out);
}

} // namespace

TEST_CASE("parse_hundredths: two decimals by value, not by form", "[values]") {
    std::int64_t v = 0;
    CHECK(hundredths("1.500", v) == DecimalError::none);
    CHECK(v == 150);
    CHECK(hundredths("1.5", v) == DecimalError::none);
    CHECK(v == 150);
    CHECK(hundredths("999999.99", v) == DecimalError::none);
    CHECK(v == 99999999);
    CHECK(hundredths("1000000.00", v) == DecimalError::none);
    CHECK(v == 100000000);
    CHECK(hundredths("0", v) == DecimalError::none);
    CHECK(v == 0);
    CHECK(hundredths("0.000", v) == DecimalError::none);
    CHECK(v == 0);
    CHECK(hundredths("0007.10", v) == DecimalError::none);
    CHECK(v == 710);
    CHECK(hundredths("1.505", v) == DecimalError::too_many_decimals);
    CHECK(hundredths("0.001", v) == DecimalError::too_many_decimals);
    CHECK(hundredths("1000000.005", v) == DecimalError::too_many_decimals);
}

TEST_CASE("parse_hundredths: many trailing zeros are still two decimals by value", "[values][bug]") {
    // Regression: beyond 40 significant digits every digit, even a trailing zero, used to count as
    // "too large", so "1.000…0" was refused as exceeding CNY 10^13.
    std::int64_t v = 0;
    CHECK(hundredths("1." + std::string(45, '0'), v) == DecimalError::none);
    CHECK(v == 100);
    CHECK(hundredths("80.00" + std::string(60, '0'), v) == DecimalError::none);
    CHECK(v == 8000);
    CHECK(hundredths("1" + std::string(45, '0'), v) == DecimalError::too_large);
    CHECK(hundredths("1." + std::string(45, '0') + "1", v) == DecimalError::too_large); // 47 significant digits
}

TEST_CASE("parse_hundredths: exponent forms are exact", "[values]") {
    std::int64_t v = 0;
    CHECK(hundredths("1e2", v) == DecimalError::none);
    CHECK(v == 10000);
    CHECK(hundredths("1E+2", v) == DecimalError::none);
    CHECK(v == 10000);
    CHECK(hundredths("1.5e1", v) == DecimalError::none);
    CHECK(v == 1500);
    CHECK(hundredths("15e-1", v) == DecimalError::none);
    CHECK(v == 150);
    CHECK(hundredths("100000e-5", v) == DecimalError::none);
    CHECK(v == 100);
    CHECK(hundredths("1e-2", v) == DecimalError::none);
    CHECK(v == 1);
    CHECK(hundredths("1e-3", v) == DecimalError::too_many_decimals);
    CHECK(hundredths("0e400", v) == DecimalError::none);
    CHECK(v == 0);
    CHECK(hundredths("1e400", v) == DecimalError::too_large);
    CHECK(hundredths("1e99999999999999999999", v) == DecimalError::too_large);
    CHECK(hundredths("1e-400", v) == DecimalError::too_many_decimals);
    // Strings are decimals only: no exponent.
    CHECK(hundredths("1e2", v, false) == DecimalError::syntax);
}

TEST_CASE("parse_hundredths: a sign, including -0, is refused", "[values]") {
    std::int64_t v = 0;
    CHECK(hundredths("-0", v) == DecimalError::negative);
    CHECK(hundredths("-0.0", v) == DecimalError::negative);
    CHECK(hundredths("-0e0", v) == DecimalError::negative);
    CHECK(hundredths("-1.00", v) == DecimalError::negative);
    CHECK(hundredths("+1", v) == DecimalError::syntax);
}

TEST_CASE("parse_hundredths: the 10^13 CNY limit is inclusive", "[values]") {
    std::int64_t v = 0;
    CHECK(hundredths("10000000000000", v) == DecimalError::none);
    CHECK(v == shifan::max_money_fen);
    CHECK(hundredths("10000000000000.00", v) == DecimalError::none);
    CHECK(hundredths("1e13", v) == DecimalError::none);
    CHECK(v == shifan::max_money_fen);
    CHECK(hundredths("10000000000000.01", v) == DecimalError::too_large);
    CHECK(hundredths("1e14", v) == DecimalError::too_large);
    CHECK(hundredths("99999999999999999999", v) == DecimalError::too_large);
    // Percentages: limit 100.
    CHECK(hundredths("100.00", v, false, 10000) == DecimalError::none);
    CHECK(hundredths("100.01", v, false, 10000) == DecimalError::too_large);
}

TEST_CASE("parse_hundredths: malformed text", "[values]") {
    std::int64_t v = 0;
    for (const char* s : {"", ".", "1.", ".5", "1,000", "1.0.0", "0x10", "1e", "1e+", "abc", " 1", "1 ", "1_000", "NaN"}) {
        INFO("text \"" << s << "\"");
        CHECK(hundredths(s, v) == DecimalError::syntax);
    }
}

TEST_CASE("format_hundredths: two decimals, exact", "[values]") {
    CHECK(shifan::format_hundredths(0) == "0.00");
    CHECK(shifan::format_hundredths(1) == "0.01");
    CHECK(shifan::format_hundredths(8000) == "80.00");
    CHECK(shifan::format_hundredths(99999999) == "999999.99");
    CHECK(shifan::format_hundredths(-350) == "-3.50");
    CHECK(shifan::format_hundredths(shifan::max_money_fen) == "10000000000000.00");
    CHECK(shifan::format_hundredths(INT64_MIN) == "-92233720368547758.08");
}

TEST_CASE("Money, Percent and Count compare exactly", "[values]") {
    CHECK(shifan::Money::yuan(1'000'000) == shifan::Money{100'000'000});
    CHECK(shifan::Money{99'999'999} < shifan::Money::yuan(1'000'000));
    CHECK(shifan::Percent::whole(80) == shifan::Percent{8000});
    CHECK(shifan::Percent{7999} < shifan::Percent::whole(80));
    CHECK(shifan::Count{80} >= shifan::Count{80});
}
