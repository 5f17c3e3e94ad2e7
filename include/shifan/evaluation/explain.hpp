/// @file
/// @ingroup evaluation
/// @brief Explanations for people: one sentence per check, in Chinese or English, built from the
/// registry (title, unit) and the check (outcome, reason, numbers, missing inputs).
#pragma once

#include "shifan/core/quantities.hpp"
#include "shifan/core/text.hpp"
#include "shifan/evaluation/evaluation.hpp"
#include "json/reader.hpp"
#include "shifan/rules/catalog.hpp"

#include <string>

namespace shifan {

namespace detail {

inline void append_int(std::string& out, std::int64_t v) { append_integer(out, v); }

/// A quantity as a person reads it ("72", "999999.99", "79.16%", "2025-04-16", "1").
inline void append_quantity(std::string& out, const Quantity& q) {
    switch (q.kind) {
    case Quantity::Kind::none: out += "—"; break;
    case Quantity::Kind::count:
    case Quantity::Kind::days: append_int(out, q.value); break;
    case Quantity::Kind::money: append_hundredths(out, q.value); break;
    case Quantity::Kind::percent: append_hundredths(out, q.value); out += '%'; break;
    case Quantity::Kind::date: {
        char buf[10];
        format_date(q.as_date(), buf);
        out.append(buf, 10);
        break;
    }
    }
}

inline void append_unit(std::string& out, std::string_view unit, bool en) {
    if (unit.empty()) return;
    if (en) out += ' ';
    out += unit;
}

inline void append_missing(std::string& out, InputSet missing, int review_year) {
    bool first = true;
    for (std::size_t i = 0; i < input_count; ++i) {
        if (!((missing >> i) & 1u)) continue;
        if (!first) out += ", ";
        first = false;
        append_input_path(out, static_cast<Input>(i), review_year);
    }
}

inline void explain_numbers(std::string& out, const RuleInfo& r, const Check& c, bool en) {
    const std::string_view unit = en ? r.unit.en : r.unit.zh;
    if (r.measure == Measure::period) {
        if (en) { out += "the minimum period of operation completes on "; append_quantity(out, c.actual);
                  out += ", and must complete by the reference date "; append_quantity(out, c.required); }
        else { out += "运营期满之日为 "; append_quantity(out, c.actual); out += "，须不晚于基准日 "; append_quantity(out, c.required); }
        if (c.shortfall.present()) {
            if (en) { out += "; short by "; append_quantity(out, c.shortfall); out += " day(s)"; }
            else { out += "，尚差 "; append_quantity(out, c.shortfall); out += " 天"; }
        }
        return;
    }
    const bool is_ratio = r.measure == Measure::ratio;
    const std::string_view value_unit = is_ratio || r.measure == Measure::money ? std::string_view{} : unit;
    if (en) {
        append_quantity(out, c.actual);
        if (r.measure == Measure::money) out += " CNY";
        append_unit(out, value_unit, true);
        out += ", required at least ";
        append_quantity(out, c.required);
        if (r.measure == Measure::money) out += " CNY";
        append_unit(out, value_unit, true);
    } else {
        append_quantity(out, c.actual);
        if (r.measure == Measure::money) out += " 元";
        append_unit(out, value_unit, false);
        out += "，要求不低于 ";
        append_quantity(out, c.required);
        if (r.measure == Measure::money) out += " 元";
        append_unit(out, value_unit, false);
    }
    if (c.shortfall.present()) {
        if (c.shortfall.kind == Quantity::Kind::percent) {
            // Satisfaction given as a percent: the shortfall is in percentage points.
            if (en) { out += "; short by "; append_hundredths(out, c.shortfall.value); out += " percentage points"; }
            else { out += "，差 "; append_hundredths(out, c.shortfall.value); out += " 个百分点"; }
        } else if (is_ratio) {
            if (en) { out += "; needs "; append_quantity(out, c.shortfall); out += " more "; out += unit; }
            else { out += "，还需增加 "; append_quantity(out, c.shortfall); out += unit; }
        } else {
            if (en) { out += "; short by "; append_quantity(out, c.shortfall); if (r.measure == Measure::money) out += " CNY"; append_unit(out, unit == "CNY" ? "" : unit, true); }
            else { out += "，差 "; append_quantity(out, c.shortfall); append_unit(out, r.measure == Measure::money ? "元" : unit, false); }
        }
    }
    if (c.actual2.present() || c.required2.present()) {
        if (en) {
            out += "; activities "; append_quantity(out, c.actual2); out += ", required at least "; append_quantity(out, c.required2);
            if (c.shortfall2.present()) { out += ", short by "; append_quantity(out, c.shortfall2); }
        } else {
            out += "；服务活动 "; append_quantity(out, c.actual2); out += " 次，要求不少于 "; append_quantity(out, c.required2); out += " 次";
            if (c.shortfall2.present()) { out += "，差 "; append_quantity(out, c.shortfall2); out += " 次"; }
        }
    }
}

} // namespace detail

/// Append what follows the title in the explanation of one check (see explain_check()).
inline void explain_check_body(std::string& out, const RuleInfo& r, const Check& c, Lang lang, int review_year) {
    const bool en = lang == Lang::en;
    const bool numeric = r.measure != Measure::none && (c.actual.present() || c.actual2.present());
    switch (c.reason) {
    case Reason::met:
    case Reason::below_threshold:
    case Reason::no_growth:
        if (numeric) {
            detail::explain_numbers(out, r, c, en);
            if (c.reason == Reason::no_growth && !c.shortfall.present())
                out += en ? "; the year before did not grow either" : "；前一年亦未增长";
            if (c.reason == Reason::met) out += en ? " — met" : "，满足";
        } else {
            out += c.reason == Reason::met ? (en ? "yes — met" : "是，满足") : (en ? "not met" : "未满足");
        }
        break;
    case Reason::not_met: out += en ? "no — not met" : "否，未满足"; break;
    case Reason::zero_whole:
        out += en ? "the whole is 0, so no share can be computed — not met" : "总数为 0，无法计算比例，未满足";
        break;
    case Reason::excluded_kind:
        out += en ? "the organisation is of another kind than those art6.1 names — not met"
                  : "机构类型不属于第六条第（一）项所列类型，未满足";
        break;
    case Reason::not_shared:
        out += en ? "it has large or precision instruments but does not share them — not met"
                  : "具备大型、精密仪器设备但未向中小企业开放共享，未满足";
        break;
    case Reason::not_guarantee_institution:
        out += en ? "not a financing guarantee institution — not met" : "不是融资担保机构，未满足";
        break;
    case Reason::missing_input:
        out += en ? "cannot be decided; missing " : "无法判定，缺少 ";
        detail::append_missing(out, c.missing, review_year);
        break;
    case Reason::not_claimed: out += en ? "not claimed" : "未申报该项功能"; break;
    case Reason::no_large_instruments:
        out += en ? "no large or precision instruments — not applicable" : "无大型、精密仪器设备，不适用";
        break;
    case Reason::all_met: out += en ? "all met" : "全部满足"; break;
    case Reason::one_met: out += en ? "at least one met" : "至少一项满足"; break;
    case Reason::some_failed:
        out += r.combine == Combine::any_of ? (en ? "none met" : "没有一项满足") : (en ? "not all met" : "有条件未满足");
        break;
    case Reason::some_undetermined:
        out += en ? "cannot be decided until missing inputs are supplied" : "缺少输入，暂无法判定";
        break;
    }
}

/// Append the explanation of one check in one language (`Lang::zh` or `Lang::en`): its title,
/// then why it has its outcome.
inline void explain_check(std::string& out, const RuleInfo& r, const Check& c, Lang lang, int review_year) {
    const bool en = lang == Lang::en;
    out += en ? r.title.en : r.title.zh;
    out += en ? ": " : "：";
    explain_check_body(out, r, c, lang, review_year);
}

/// The explanation of one check in one language.
inline std::string explain_check(const Evaluation& e, RuleId id, Lang lang) {
    std::string s;
    explain_check(s, rule_info(id), e.check(id), lang, e.review_year);
    return s;
}

/// Display names of the functions.
inline StaticText function_name(Function f) {
    switch (f) {
    case Function::information: return {"信息服务", "information"};
    case Function::technology: return {"技术服务", "technology"};
    case Function::entrepreneurship: return {"创业服务", "entrepreneurship"};
    case Function::training: return {"培训服务", "training"};
    case Function::financing: return {"融资服务", "financing"};
    }
    return {"", ""};
}

/// Append one sentence that states the verdict and why to `s`.
inline void explain_verdict(std::string& s, const Evaluation& e, Lang lang) {
    const bool en = lang == Lang::en;
    switch (e.verdict) {
    case Verdict::eligible: {
        s += en ? "Eligible: meets every condition of art6 and the art7 function(s): "
               : "符合认定条件：第六条各项基本条件均满足，第七条满足的功能：";
        bool first = true;
        for (std::size_t i = 0; i < function_count; ++i)
            if (e.qualifies(static_cast<Function>(i))) {
                if (!first) s += en ? ", " : "、";
                first = false;
                s += function_name(static_cast<Function>(i)).in(lang);
            }
        break;
    }
    case Verdict::ineligible:
        s += en ? "Ineligible: " : "不符合认定条件：";
        if (e.check(RuleId::art6).outcome == Outcome::fail) s += en ? "art6 is not met" : "第六条基本条件未全部满足";
        if (e.check(RuleId::art6).outcome == Outcome::fail && e.check(RuleId::art7).outcome == Outcome::fail) s += en ? "; " : "；";
        if (e.check(RuleId::art7).outcome == Outcome::fail) s += en ? "no function of art7 is met" : "第七条没有一项功能要求满足";
        break;
    case Verdict::undetermined:
        s += en ? "Undetermined: nothing fails, but missing inputs keep some checks open"
                : "暂无法判定：没有不满足的条件，但缺少部分输入";
        break;
    }
}

/// One sentence that states the verdict and why.
inline std::string explain_verdict(const Evaluation& e, Lang lang) {
    std::string s;
    explain_verdict(s, e, lang);
    return s;
}

} // namespace shifan
