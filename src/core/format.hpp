/// @file
/// @brief Internal (src/core): the one formatter of quantities for people and for JSON strings,
/// shared by the explanations, the text reports and the lifecycle reports. Inline: it sits in the
/// inner loops of the writers.
///
/// Counts and days are integers ("72"); money and percentages are their hundredths with two
/// decimals ("999999.99", "79.16", no unit; money for people grouped, "999,999.99"); dates are
/// `YYYY-MM-DD`.
#pragma once

#include "shifan/core/date.hpp"
#include "shifan/core/text.hpp"
#include "shifan/core/quantities.hpp"
#include "shifan/evaluation.hpp"
#include "shifan/rules/changzhi.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace shifan::format {

/// An integer count or number of days: "72", "-3".
inline void append_count(std::string& out, std::int64_t v) { append_integer(out, v); }

/// An integer count or number of days as a string: "72", "-3".
inline std::string count(std::int64_t v) {
    std::string s;
    append_count(s, v);
    return s;
}

/// "1 day", "2 days" (English).
inline std::string days_en(std::int64_t v) { return count(v) + (v == 1 ? " day" : " days"); }

/// An amount in fen as yuan with two decimals, without a unit: "999999.99".
inline void append_money(std::string& out, Money m) { append_hundredths(out, m.fen); }

/// A percentage with two decimals, without the sign: "79.16".
inline void append_percent(std::string& out, Percent p) { append_hundredths(out, p.hundredths); }

/// A date: "2025-04-16".
inline void append_date(std::string& out, Date d) {
    char buf[10];
    format_date(d, buf);
    out.append(buf, 10);
}

/// An amount in fen as yuan for people: the digits grouped in threes with commas, as financial
/// statements and audit reports print them, and exact to the fen: "820,000,000.00", "999,999.99".
inline void append_money_grouped(std::string& out, std::int64_t fen) {
    std::string plain;
    append_hundredths(plain, fen);
    const std::size_t begin = plain[0] == '-' ? 1 : 0;
    const std::size_t point = plain.size() - 3;
    if (begin) out += '-';
    for (std::size_t i = begin; i < point; ++i) {
        if (i != begin && (point - i) % 3 == 0) out += ',';
        out += plain[i];
    }
    out.append(plain, point, std::string::npos);
}

/// A quantity as a person reads it ("72", "999,999.99", "79.16%", "2025-04-16", "—" when absent).
/// Money is grouped (append_money_grouped); JSON members keep the plain form.
inline void append_quantity(std::string& out, const Quantity& q) {
    switch (q.kind) {
    case Quantity::Kind::none: out += "—"; break;
    case Quantity::Kind::count:
    case Quantity::Kind::days: append_count(out, q.value); break;
    case Quantity::Kind::money: append_money_grouped(out, q.value); break;
    case Quantity::Kind::percent: append_hundredths(out, q.value); out += '%'; break;
    case Quantity::Kind::date: append_date(out, q.as_date()); break;
    }
}

/// A unit after a number: after a space in English ("80 SMEs"), directly in Chinese ("80家").
inline void append_unit(std::string& out, std::string_view unit, bool en) {
    if (unit.empty()) return;
    if (en) out += ' ';
    out += unit;
}

/// An English unit after the count `n`, in the singular when `n` is exactly 1: "1 SME",
/// "1 satisfied respondent", "1 activity", "2 activities" ("staff" and "CNY" do not change).
inline void append_unit(std::string& out, std::string_view unit, bool en, const Quantity& n) {
    const bool one = (n.kind == Quantity::Kind::count || n.kind == Quantity::Kind::days) && n.value == 1;
    if (!en || !one || unit.empty()) return append_unit(out, unit, en);
    out += ' ';
    if (unit.size() > 3 && unit.substr(unit.size() - 3) == "ies") {
        out += unit.substr(0, unit.size() - 3);
        out += 'y';
    } else if (unit.size() > 1 && unit.back() == 's') {
        out += unit.substr(0, unit.size() - 1);
    } else {
        out += unit;
    }
}

/// An input in words, its year first in Chinese and last in English for an input keyed by year
/// ("2023 年服务中小企业数量", "SMEs served in 2023"), from the registry's input row.
inline void append_input_words(std::string& out, Input i, int review_year, Lang lang) {
    const InputDef& d = input_def(i);
    const bool en = lang == Lang::en;
    if (d.year_offset != 0 && !en) { append_count(out, review_year + d.year_offset); out += " 年"; }
    out += d.words.in(lang);
    if (d.year_offset != 0 && en) { out += " in "; append_count(out, review_year + d.year_offset); }
}

/// A set of missing inputs for people: each in words, then its JSON Pointer in brackets
/// ("2023 年服务中小企业数量（/performance/smes_served/2023）、…";
/// "SMEs served in 2023 (/performance/smes_served/2023), …").
inline void append_missing(std::string& out, InputSet missing, int review_year, Lang lang) {
    const bool en = lang == Lang::en;
    bool first = true;
    for (std::size_t i = 0; i < input_count; ++i) {
        if (!((missing >> i) & 1u)) continue;
        if (!first) out += en ? ", " : "、";
        first = false;
        append_input_words(out, static_cast<Input>(i), review_year, lang);
        out += en ? " (" : "（";
        append_input_path(out, static_cast<Input>(i), review_year);
        out += en ? ")" : "）";
    }
}

} // namespace shifan::format
