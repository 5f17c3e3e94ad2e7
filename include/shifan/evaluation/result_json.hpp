/// @file
/// @ingroup evaluation
/// @brief Writing `shifan.evaluation/1` (DOMAIN.md section 6) with the streaming writer.
#pragma once

#include "shifan/evaluation/evaluation.hpp"
#include "shifan/evaluation/explain.hpp"
#include "shifan/json/writer.hpp"
#include "shifan/rules/dossier.hpp"
#include "shifan/rules/rule_pack.hpp"

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
    case Quantity::Kind::percent: w.value(format_hundredths(q.value)); break;
    case Quantity::Kind::date: {
        char buf[10];
        format_date(q.as_date(), buf);
        w.value(std::string_view(buf, 10));
        break;
    }
    }
}

inline void write_message(json::Writer& w, std::string& scratch, const WriteOptions& o,
                          const RuleInfo& r, const Check& c, int year) {
    w.key("message").begin_object();
    if (o.lang != Lang::en) { scratch.clear(); explain_check(scratch, r, c, Lang::zh, year); w.member("zh", std::string_view(scratch)); }
    if (o.lang != Lang::zh) { scratch.clear(); explain_check(scratch, r, c, Lang::en, year); w.member("en", std::string_view(scratch)); }
    w.end_object();
}

inline void write_missing(json::Writer& w, InputSet missing, int year) {
    w.begin_array();
    for (std::size_t i = 0; i < input_count; ++i)
        if ((missing >> i) & 1u) w.value(input_path(static_cast<Input>(i), year));
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
    std::string scratch;
    scratch.reserve(256);
    w.begin_object();
    w.member("schema", "shifan.evaluation/1");
    w.key("application_id");
    if (application_id) w.value(std::string_view(*application_id)); else w.null();
    w.member("review_year", e.review_year);
    w.key("reference_date");
    {
        char buf[10];
        format_date(e.reference_date, buf);
        w.value(std::string_view(buf, 10));
    }
    w.key("rule_pack").begin_object();
    if (e.rule_pack) { w.member("id", std::string_view(e.rule_pack->id)); w.member("version", std::string_view(e.rule_pack->version)); }
    w.end_object();
    w.key("interpretations").begin_object().member("growth", json::enum_name(e.interpretations.growth)).end_object();
    w.member("verdict", json::enum_name(e.verdict));
    w.key("qualified_functions").begin_array();
    for (std::size_t i = 0; i < function_count; ++i)
        if (e.qualifies(static_cast<Function>(i))) w.value(json::enum_name(static_cast<Function>(i)));
    w.end_array();
    if (o.messages) {
        w.key("summary").begin_object();
        if (o.lang != Lang::en) w.member("zh", std::string_view(explain_verdict(e, Lang::zh)));
        if (o.lang != Lang::zh) w.member("en", std::string_view(explain_verdict(e, Lang::en)));
        w.end_object();
    }
    w.key("checks").begin_array();
    for (const RuleInfo& r : rule_catalog) {
        const Check& c = e.check(r.rule);
        if (o.compact && (c.outcome == Outcome::pass || c.outcome == Outcome::not_applicable || c.reason == Reason::not_claimed))
            continue;
        w.begin_object();
        w.member("id", r.id);
        w.member("citation", r.citation.zh);
        w.member("kind", r.combine == Combine::leaf ? "rule" : "group");
        w.member("outcome", json::enum_name(c.outcome));
        w.member("reason", json::enum_name(c.reason));
        if (r.measure != Measure::none && r.combine == Combine::leaf) {
            w.key("actual"); detail::write_quantity(w, c.actual);
            w.key("required"); detail::write_quantity(w, c.required);
            w.key("shortfall"); detail::write_quantity(w, c.shortfall);
            if (!r.unit.en.empty()) w.member("unit", r.unit.en);
            if (c.actual2.present() || c.required2.present()) {
                w.key("activities").begin_object();
                w.key("actual"); detail::write_quantity(w, c.actual2);
                w.key("required"); detail::write_quantity(w, c.required2);
                w.key("shortfall"); detail::write_quantity(w, c.shortfall2);
                w.end_object();
            }
        }
        if (c.missing && r.combine == Combine::leaf) { w.key("missing"); detail::write_missing(w, c.missing, e.review_year); }
        if (o.messages) detail::write_message(w, scratch, o, r, c, e.review_year);
        w.end_object();
    }
    w.end_array();
    w.key("missing"); detail::write_missing(w, e.missing, e.review_year);
    w.key("dossier").begin_object();
    w.key("complete");
    if (auto complete = e.dossier_complete()) w.value(*complete); else w.null();
    w.key("missing_materials").begin_array();
    for (const DossierInfo& d : dossier_catalog)
        if ((e.missing_materials >> static_cast<unsigned>(d.item)) & 1u) w.value(d.id);
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
