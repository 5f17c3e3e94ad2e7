// Explanations for people (one sentence per check, in Chinese or English, built from the registry
// and the check) and the writer of shifan.evaluation/1. One translation unit: the writer's loop
// over the checks calls the explanations for every message, and they stay inlined into it.
#include "shifan/io/evaluation.hpp"

#include "evaluation_json.hpp"
#include "format.hpp"
#include "json/writer.hpp"
#include "shifan/core/enum_names.hpp"
#include "shifan/core/quantities.hpp"
#include "shifan/rules/changzhi.hpp"
#include "shifan/rules/dossier.hpp"
#include "shifan/rules/rule_pack.hpp"

#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <bit>
#include <optional>
#include <string>
#include <string_view>

namespace shifan {


namespace {

/// The second comparison of a rule with two thresholds: "；服务活动 3 次，要求不少于 4 次，差 1 次".
void explain_second(std::string& out, const SecondFigures& what, const Figures& f, bool en) {
    const std::string_view unit = en ? what.unit.en : what.unit.zh;
    out += en ? "; " : "；";
    out += en ? what.label.en : what.label.zh;
    out += ' ';
    format::append_quantity(out, f.actual);
    format::append_unit(out, unit, true, f.actual);
    out += en ? ", required at least " : "，要求不少于 ";
    format::append_quantity(out, f.required);
    format::append_unit(out, unit, true, f.required);
    if (f.shortfall.present()) {
        out += en ? ", short by " : "，差 ";
        format::append_quantity(out, f.shortfall);
        format::append_unit(out, unit, true, f.shortfall);
    }
}

/// The last two inputs a share's row lists: its whole and its part (the rows of art6.2,
/// art6.4 and art6.5 list them in that order, after any input that stands for both).
struct ShareInputs {
    Input whole{};
    Input part{};
};
ShareInputs share_inputs(const RuleInfo& r) {
    std::array<Input, 4> used{};
    std::size_t n = 0;
    for (const InputSet b : r.input_bits)
        if (b) used[n++] = static_cast<Input>(std::countr_zero(b));
    return n >= 2 ? ShareInputs{used[n - 2], used[n - 1]} : ShareInputs{};
}

/// A share with the counts it comes from: "85.83%（满意用户数 103 / 受访用户数 120）",
/// "85.83% (satisfied respondents 103 / respondents surveyed 120)".
void explain_share(std::string& out, const RuleInfo& r, const Check& c, int review_year, Lang lang) {
    const bool en = lang == Lang::en;
    format::append_quantity(out, c.actual);
    if (!c.basis[0].present() || !c.basis[1].present()) return;
    const ShareInputs in = share_inputs(r);
    out += en ? " (" : "（";
    format::append_input_words(out, in.part, review_year, lang);
    out += ' ';
    format::append_quantity(out, c.basis[0]);
    out += " / ";
    format::append_input_words(out, in.whole, review_year, lang);
    out += ' ';
    format::append_quantity(out, c.basis[1]);
    out += en ? ")" : "）";
}

/// art6.2.steady_growth with the served counts of every year it compares, earliest first:
/// "2023 年 66 家，2024 年 72 家，要求 2024 年多于 2023 年（不低于 67 家）".
void explain_growth(std::string& out, const RuleInfo& r, const Check& c, int review_year, bool en) {
    const std::string_view unit = en ? r.unit.en : r.unit.zh;
    const int y1 = review_year - 1, y2 = review_year - 2, y3 = review_year - 3;
    const bool consecutive = c.basis[1].present();
    auto year = [&](int y, const Quantity& q, bool with_unit) {
        if (en) {
            format::append_quantity(out, q);
            if (with_unit) format::append_unit(out, unit, true, q);
            out += " in ";
            format::append_count(out, y);
        } else {
            format::append_count(out, y);
            out += " 年 ";
            format::append_quantity(out, q);
            out += unit;
        }
    };
    if (consecutive) { year(y3, c.basis[1], true); out += en ? ", " : "，"; }
    year(y2, c.basis[0], !consecutive);
    out += en ? ", " : "，";
    year(y1, c.actual, false);
    const bool more = c.required.value > c.basis[0].value;
    const std::string a = format::count(y1), b = format::count(y2);
    if (en) {
        out += "; required ";
        if (consecutive) { out += "growth in each year: "; out += b; out += " above "; out += format::count(y3); out += ", "; }
        out += more ? "more in " : "no fewer in ";
        out += a;
        out += " than in ";
        out += b;
        out += " (at least ";
        format::append_quantity(out, c.required);
        out += ')';
    } else {
        out += "，要求";
        if (consecutive) { out += "逐年增长："; out += b; out += " 年多于 "; out += format::count(y3); out += " 年，"; }
        else out += ' ';
        out += a;
        out += more ? " 年多于 " : " 年不少于 ";
        out += b;
        out += " 年（不低于 ";
        format::append_quantity(out, c.required);
        out += unit;
        out += "）";
    }
    if (c.shortfall.present()) {
        out += en ? "; short by " : "，差 ";
        format::append_quantity(out, c.shortfall);
        format::append_unit(out, unit, en, c.shortfall);
    }
}

void explain_numbers(std::string& out, const RuleInfo& r, const Check& c, int review_year, bool en) {
    const std::string_view unit = en ? r.unit.en : r.unit.zh;
    const Lang lang = en ? Lang::en : Lang::zh;
    if (r.measure == Measure::period) {
        // Neutral about the reading `operating_period`: the shortfall says how long is still to run.
        if (en) { out += "the last day of the minimum period of operation is "; format::append_quantity(out, c.actual);
                  out += "; the reference date is "; format::append_quantity(out, c.required); }
        else { out += "最低运营期间的最后一日为 "; format::append_quantity(out, c.actual); out += "，基准日为 "; format::append_quantity(out, c.required); }
        if (c.shortfall.present()) {
            if (en) { out += "; short by "; format::append_quantity(out, c.shortfall); out += c.shortfall.value == 1 ? " day" : " days"; }
            else { out += "，尚差 "; format::append_quantity(out, c.shortfall); out += " 天"; }
        }
        return;
    }
    if (r.measure == Measure::count && c.basis[0].present()) return explain_growth(out, r, c, review_year, en);
    const bool is_ratio = r.measure == Measure::ratio;
    const bool is_money = r.measure == Measure::money;
    const std::string_view value_unit = is_ratio || is_money ? std::string_view{} : unit;
    if (is_ratio) explain_share(out, r, c, review_year, lang);
    else format::append_quantity(out, c.actual);
    if (en) {
        if (is_money) out += " CNY";
        format::append_unit(out, value_unit, true, c.actual);
        out += ", required at least ";
        format::append_quantity(out, c.required);
        if (is_money) out += " CNY";
        format::append_unit(out, value_unit, true, c.required);
    } else {
        if (is_money) out += " 元";
        format::append_unit(out, value_unit, false);
        out += "，要求不低于 ";
        format::append_quantity(out, c.required);
        if (is_money) out += " 元";
        format::append_unit(out, value_unit, false);
    }
    if (c.shortfall.present()) {
        if (c.shortfall.kind == Quantity::Kind::percent) {
            // Satisfaction given as a percent: the shortfall is in percentage points.
            if (en) { out += "; short by "; append_hundredths(out, c.shortfall.value); out += " percentage points"; }
            else { out += "，差 "; append_hundredths(out, c.shortfall.value); out += " 个百分点"; }
        } else if (is_ratio) {
            if (en) { out += "; needs "; format::append_quantity(out, c.shortfall); out += " more"; format::append_unit(out, unit, true, c.shortfall); }
            else { out += "，还需增加 "; format::append_quantity(out, c.shortfall); out += unit; }
        } else {
            if (en) { out += "; short by "; format::append_quantity(out, c.shortfall); if (is_money) out += " CNY"; format::append_unit(out, unit == "CNY" ? "" : unit, true, c.shortfall); }
            else { out += "，差 "; format::append_quantity(out, c.shortfall); if (is_money) out += " 元"; else format::append_unit(out, unit, false); }
        }
    }
    if (r.second && c.second.present()) explain_second(out, *r.second, c.second, en);
}

} // namespace

/// Append what follows the title in the explanation of one check (see explain_check()).
void explain_check_body(std::string& out, const RuleInfo& r, const Check& c, Lang lang, int review_year) {
    const bool en = lang == Lang::en;
    const bool numeric = r.measure != Measure::none && (c.actual.present() || c.second.present());
    switch (c.reason) {
    case Reason::met:
    case Reason::below_threshold:
    case Reason::no_growth:
        if (numeric) {
            explain_numbers(out, r, c, review_year, en);
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
        format::append_missing(out, c.missing, review_year, lang);
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
void explain_check(std::string& out, const RuleInfo& r, const Check& c, Lang lang, int review_year) {
    const bool en = lang == Lang::en;
    out += en ? r.title.en : r.title.zh;
    out += en ? ": " : "：";
    explain_check_body(out, r, c, lang, review_year);
}

/// The explanation of one check in one language.
std::string explain_check(const Evaluation& e, RuleId id, Lang lang) {
    std::string s;
    explain_check(s, rule_info(id), e.check(id), lang, e.review_year);
    return s;
}

/// Display names of the functions.
StaticText function_name(Function f) {
    static constexpr StaticText names[] = {{"信息服务", "information"}, {"技术服务", "technology"},
                                           {"创业服务", "entrepreneurship"}, {"培训服务", "training"}, {"融资服务", "financing"}};
    return name_in(names, f);
}

/// Append one sentence that states the verdict and why to `s`.
void explain_verdict(std::string& s, const Evaluation& e, Lang lang) {
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
    case Verdict::ineligible: {
        using rules::art6;
        using rules::art7;
        s += en ? "Ineligible: " : "不符合认定条件：";
        if (e.check(art6).outcome == Outcome::fail) s += en ? "art6 is not met" : "第六条基本条件未全部满足";
        if (e.check(art6).outcome == Outcome::fail && e.check(art7).outcome == Outcome::fail) s += en ? "; " : "；";
        if (e.check(art7).outcome == Outcome::fail) s += en ? "no function of art7 is met" : "第七条没有一项功能要求满足";
        break;
    }
    case Verdict::undetermined:
        s += en ? "Undetermined: nothing fails, but missing inputs keep some checks open"
                : "暂无法判定：没有不满足的条件，但缺少部分输入";
        break;
    }
}

/// One sentence that states the verdict and why.
std::string explain_verdict(const Evaluation& e, Lang lang) {
    std::string s;
    explain_verdict(s, e, lang);
    return s;
}


/// A quantity in the units of the result format: counts and days as integers, money and
/// percentages as decimal strings with two decimals, dates as strings; absent as null.
void detail::write_quantity(json::Writer& w, const Quantity& q) {
    switch (q.kind) {
    case Quantity::Kind::none: w.null(); break;
    case Quantity::Kind::count:
    case Quantity::Kind::days: w.value(q.value); break;
    case Quantity::Kind::money:
    case Quantity::Kind::percent: append_hundredths(w.begin_string(), q.value); w.end_string(); break;
    case Quantity::Kind::date: format::append_date(w.begin_string(), q.as_date()); w.end_string(); break;
    }
}

namespace {

// Explanations, input paths and catalog texts are shifan's own plain text (no control
// characters, quotes or backslashes; tests/unit/perf_output.cpp checks the tables), so they are
// written straight into the output without an intermediate string or an escape scan.

/// The parts of a check object that depend only on its rule, serialised once, with the same
/// writer calls (so the bytes are those a member-by-member write gives).
struct CheckText {
    std::string head;       ///< `"id":…,"citation":…,"kind":…`
    std::string message_zh; ///< `"message":{"zh":"<title>：`
    std::string message_en; ///< `"message":{"en":"<title>: `
    std::string then_en;    ///< `","en":"<title>: ` (after the zh text)
};

const std::array<CheckText, rule_count>& check_texts() {
    static const std::array<CheckText, rule_count> table = [] {
        std::array<CheckText, rule_count> t;
        for (const RuleInfo& r : rule_catalog) {
            CheckText& x = t[static_cast<std::size_t>(r.rule)];
            json::Writer w(x.head);
            w.begin_object();
            w.key("id").value_plain(r.id);
            w.key("citation").value_plain(r.citation.zh);
            w.key("kind").value_plain(r.combine == Combine::leaf ? "rule" : "group");
            x.head.erase(0, 1); // the '{' is the caller's
            auto open = [](std::string& s, const char* key, std::string_view title, const char* sep) {
                json::Writer m(s);
                m.key("message").begin_object();
                m.key(key);
                std::string& b = m.begin_string();
                b += title;
                b += sep;
            };
            open(x.message_zh, "zh", r.title.zh, "：");
            open(x.message_en, "en", r.title.en, ": ");
            x.then_en = "\",\"en\":\"";
            x.then_en += r.title.en;
            x.then_en += ": ";
        }
        return t;
    }();
    return table;
}

/// `"outcome":…,"reason":…` for every pair.
const std::string& outcome_reason_text(Outcome o, Reason reason) {
    using Reasons = boost::describe::describe_enumerators<Reason>;
    using Outcomes = boost::describe::describe_enumerators<Outcome>;
    constexpr std::size_t nr = boost::mp11::mp_size<Reasons>::value, no = boost::mp11::mp_size<Outcomes>::value;
    static const std::array<std::array<std::string, nr>, no> table = [] {
        std::array<std::array<std::string, nr>, no> t;
        boost::mp11::mp_for_each<Outcomes>([&](auto o_desc) {
            boost::mp11::mp_for_each<Reasons>([&](auto r_desc) {
                std::string& s = t[static_cast<std::size_t>(o_desc.value)][static_cast<std::size_t>(r_desc.value)];
                json::Writer w(s);
                w.begin_object();
                w.key("outcome").value_plain(o_desc.name);
                w.key("reason").value_plain(r_desc.name);
                s.erase(0, 1);
            });
        });
        return t;
    }();
    return table[static_cast<std::size_t>(o)][static_cast<std::size_t>(reason)];
}

void write_missing(json::Writer& w, InputSet missing, int year) {
    w.begin_array();
    for (std::size_t i = 0; i < input_count; ++i)
        if ((missing >> i) & 1u) { append_input_path(w.begin_string(), static_cast<Input>(i), year); w.end_string(); }
    w.end_array();
}

} // namespace

/// Append the evaluation as `shifan.evaluation/1` JSON to `out`.
/// @param out            the string appended to
/// @param e              the evaluation (its `rule_pack` must still be alive)
/// @param application_id the application's `id` (null when absent)
/// @param o              languages, compact form, messages
void write_evaluation(std::string& out, const Evaluation& e, const std::optional<std::string>& application_id,
                      const WriteOptions& o) {
    json::Writer w(out);
    w.begin_object();
    if (o.verdict_only) {
        w.key("application_id");
        if (application_id) w.value(std::string_view(*application_id)); else w.null();
        w.key("verdict").value_plain(json::enum_name(e.verdict));
        w.key("qualified_functions").begin_array();
        for (std::size_t i = 0; i < function_count; ++i)
            if (e.qualifies(static_cast<Function>(i))) w.value_plain(json::enum_name(static_cast<Function>(i)));
        w.end_array();
        w.end_object();
        return;
    }
    w.member("schema", "shifan.evaluation/1");
    w.key("application_id");
    if (application_id) w.value(std::string_view(*application_id)); else w.null();
    w.member("review_year", e.review_year);
    w.key("reference_date");
    format::append_date(w.begin_string(), e.reference_date);
    w.end_string();
    w.key("rule_pack").begin_object();
    if (e.rule_pack) { w.member("id", std::string_view(e.rule_pack->id)); w.member("version", std::string_view(e.rule_pack->version)); }
    w.end_object();
    w.key("interpretations").begin_object().key("growth").value_plain(json::enum_name(e.interpretations.growth));
    w.key("operating_period").value_plain(json::enum_name(e.interpretations.operating_period)).end_object();
    w.key("verdict").value_plain(json::enum_name(e.verdict));
    w.key("qualified_functions").begin_array();
    for (std::size_t i = 0; i < function_count; ++i)
        if (e.qualifies(static_cast<Function>(i))) w.value_plain(json::enum_name(static_cast<Function>(i)));
    w.end_array();
    if (o.messages) {
        w.key("summary").begin_object();
        if (o.lang != Lang::en) { w.key("zh"); explain_verdict(w.begin_string(), e, Lang::zh); w.end_string(); }
        if (o.lang != Lang::zh) { w.key("en"); explain_verdict(w.begin_string(), e, Lang::en); w.end_string(); }
        w.end_object();
    }
    w.key("checks").begin_array();
    const auto& texts = check_texts();
    for (const RuleInfo& r : rule_catalog) {
        const Check& c = e.check(r.rule);
        if (o.compact && (c.outcome == Outcome::pass || c.outcome == Outcome::not_applicable || c.reason == Reason::not_claimed))
            continue;
        const CheckText& text = texts[static_cast<std::size_t>(r.rule)];
        w.begin_object();
        w.raw(text.head);
        w.raw(outcome_reason_text(c.outcome, c.reason));
        if (r.measure != Measure::none && r.combine == Combine::leaf) {
            w.key("actual"); detail::write_quantity(w, c.actual);
            w.key("required"); detail::write_quantity(w, c.required);
            w.key("shortfall"); detail::write_quantity(w, c.shortfall);
            if (!r.unit.en.empty()) w.key("unit").value_plain(r.unit.en);
            if (r.second && c.second.present()) {
                w.key(r.second->key).begin_object();
                w.key("actual"); detail::write_quantity(w, c.second.actual);
                w.key("required"); detail::write_quantity(w, c.second.required);
                w.key("shortfall"); detail::write_quantity(w, c.second.shortfall);
                w.end_object();
            }
        }
        if (c.missing && r.combine == Combine::leaf) { w.key("missing"); write_missing(w, c.missing, e.review_year); }
        if (o.messages) {
            std::string& b = w.raw_continued(o.lang == Lang::en ? text.message_en : text.message_zh);
            explain_check_body(b, r, c, o.lang == Lang::en ? Lang::en : Lang::zh, e.review_year);
            if (o.lang == Lang::both) {
                b += text.then_en;
                explain_check_body(b, r, c, Lang::en, e.review_year);
            }
            b += "\"}";
        }
        w.end_object();
    }
    w.end_array();
    w.key("missing"); write_missing(w, e.missing, e.review_year);
    w.key("dossier").begin_object();
    w.key("complete");
    if (auto complete = e.dossier_complete()) w.value(*complete); else w.null();
    w.key("missing_materials").begin_array();
    for (const DossierInfo& d : dossier_catalog)
        if ((e.missing_materials >> static_cast<unsigned>(d.item)) & 1u) w.value_plain(d.id);
    w.end_array();
    w.end_object();
    w.end_object();
}

/// The evaluation as `shifan.evaluation/1` JSON text.
std::string to_json(const Evaluation& e, const std::optional<std::string>& application_id, const WriteOptions& o) {
    std::string s;
    s.reserve(o.verdict_only ? 128 : o.compact ? 1024 : 12288);
    write_evaluation(s, e, application_id, o);
    return s;
}

} // namespace shifan
