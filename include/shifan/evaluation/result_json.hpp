/// @file
/// @ingroup evaluation
/// @brief Writing `shifan.evaluation/1` (DOMAIN.md section 6) with the streaming writer.
#pragma once

#include "shifan/evaluation/evaluation.hpp"
#include "shifan/evaluation/explain.hpp"
#include "json/writer.hpp"
#include "shifan/rules/dossier.hpp"
#include "shifan/rules/rule_pack.hpp"

#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <string>
#include <string_view>

namespace shifan {

/// How an evaluation is written.
struct WriteOptions {
    Lang lang = Lang::both; ///< languages of the `message` members
    bool compact = false;   ///< only verdict, qualified functions and the checks that did not pass
    bool messages = true;   ///< include the `message` members at all
};

namespace detail {

/// A quantity in the units of DOMAIN.md section 3: counts and days as integers, money and
/// percentages as decimal strings with two decimals, dates as strings; absent as null.
inline void write_quantity(json::Writer& w, const Quantity& q) {
    switch (q.kind) {
    case Quantity::Kind::none: w.null(); break;
    case Quantity::Kind::count:
    case Quantity::Kind::days: w.value(q.value); break;
    case Quantity::Kind::money:
    case Quantity::Kind::percent: append_hundredths(w.begin_string(), q.value); w.end_string(); break;
    case Quantity::Kind::date: {
        char buf[10];
        format_date(q.as_date(), buf);
        w.value_plain(std::string_view(buf, 10));
        break;
    }
    }
}

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

inline const std::array<CheckText, rule_count>& check_texts() {
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
inline const std::string& outcome_reason_text(Outcome o, Reason reason) {
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

inline void write_missing(json::Writer& w, InputSet missing, int year) {
    w.begin_array();
    for (std::size_t i = 0; i < input_count; ++i)
        if ((missing >> i) & 1u) { append_input_path(w.begin_string(), static_cast<Input>(i), year); w.end_string(); }
    w.end_array();
}

} // namespace detail

/// Append the evaluation as `shifan.evaluation/1` JSON to `out`.
/// @param out            the string appended to
/// @param e              the evaluation (its `rule_pack` must still be alive)
/// @param application_id the application's `id` (null when absent)
/// @param o              languages, compact form, messages
inline void write_evaluation(std::string& out, const Evaluation& e, const std::optional<std::string>& application_id,
                             const WriteOptions& o = {}) {
    json::Writer w(out);
    w.begin_object();
    w.member("schema", "shifan.evaluation/1");
    w.key("application_id");
    if (application_id) w.value(std::string_view(*application_id)); else w.null();
    w.member("review_year", e.review_year);
    w.key("reference_date");
    {
        char buf[10];
        format_date(e.reference_date, buf);
        w.value_plain(std::string_view(buf, 10));
    }
    w.key("rule_pack").begin_object();
    if (e.rule_pack) { w.member("id", std::string_view(e.rule_pack->id)); w.member("version", std::string_view(e.rule_pack->version)); }
    w.end_object();
    w.key("interpretations").begin_object().key("growth").value_plain(json::enum_name(e.interpretations.growth)).end_object();
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
    const auto& texts = detail::check_texts();
    for (const RuleInfo& r : rule_catalog) {
        const Check& c = e.check(r.rule);
        if (o.compact && (c.outcome == Outcome::pass || c.outcome == Outcome::not_applicable || c.reason == Reason::not_claimed))
            continue;
        const detail::CheckText& text = texts[static_cast<std::size_t>(r.rule)];
        w.begin_object();
        w.raw(text.head);
        w.raw(detail::outcome_reason_text(c.outcome, c.reason));
        if (r.measure != Measure::none && r.combine == Combine::leaf) {
            w.key("actual"); detail::write_quantity(w, c.actual);
            w.key("required"); detail::write_quantity(w, c.required);
            w.key("shortfall"); detail::write_quantity(w, c.shortfall);
            if (!r.unit.en.empty()) w.key("unit").value_plain(r.unit.en);
            if (c.actual2.present() || c.required2.present()) {
                w.key("activities").begin_object();
                w.key("actual"); detail::write_quantity(w, c.actual2);
                w.key("required"); detail::write_quantity(w, c.required2);
                w.key("shortfall"); detail::write_quantity(w, c.shortfall2);
                w.end_object();
            }
        }
        if (c.missing && r.combine == Combine::leaf) { w.key("missing"); detail::write_missing(w, c.missing, e.review_year); }
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
    w.key("missing"); detail::write_missing(w, e.missing, e.review_year);
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
inline std::string to_json(const Evaluation& e, const std::optional<std::string>& application_id, const WriteOptions& o = {}) {
    std::string s;
    s.reserve(o.compact ? 1024 : 12288);
    write_evaluation(s, e, application_id, o);
    return s;
}

} // namespace shifan
