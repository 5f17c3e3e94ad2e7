// Writing a comparison (io/compare.hpp): `shifan.comparison/1` JSON and the text report.
// Checks are written with the evaluation writer's pieces (quantities, explanations), so a figure
// reads the same in a comparison as in an evaluation.
#include "shifan/io/compare.hpp"

#include "evaluation_json.hpp"
#include "format.hpp"
#include "json/writer.hpp"
#include "registry_json.hpp"
#include "shifan/core/enum_names.hpp"

#include <string>

namespace shifan {

namespace {

constexpr std::array<Result, result_count> all_results{Result::eligible, Result::ineligible, Result::undetermined,
                                                       Result::error};

void write_comparison_side(json::Writer& w, const std::string& pack, const Interpretations& readings) {
    const auto space = pack.find(' ');
    w.begin_object();
    w.key("rule_pack").begin_object();
    w.member("id", std::string_view(pack).substr(0, space));
    w.member("version", space == std::string::npos ? std::string_view() : std::string_view(pack).substr(space + 1));
    w.end_object();
    w.key("interpretations").begin_object();
    w.key("growth").value_plain(json::enum_name(readings.growth));
    w.key("operating_period").value_plain(json::enum_name(readings.operating_period));
    w.end_object();
    w.end_object();
}

void write_dated_values(json::Writer& w, ParamKind kind, const std::vector<DatedValue>& values) {
    w.begin_array();
    for (const DatedValue& v : values) {
        w.begin_object().key("from");
        if (v.from) w.value(to_string(*v.from)); else w.null();
        w.key("value");
        detail::write_param_value(w, kind, v.value);
        w.end_object();
    }
    w.end_array();
}

void write_outcome_counts(json::Writer& w, const std::array<std::uint64_t, outcome_count>& counts) {
    w.begin_object();
    for (std::size_t o = 0; o < outcome_count; ++o)
        w.member(json::enum_name(static_cast<Outcome>(o)), static_cast<std::int64_t>(counts[o]));
    w.end_object();
}

void write_functions(json::Writer& w, std::uint8_t bits) {
    w.begin_array();
    for (std::size_t i = 0; i < function_count; ++i)
        if ((bits >> i) & 1u) w.value_plain(json::enum_name(static_cast<Function>(i)));
    w.end_array();
}

void write_text(json::Writer& w, const Text& t, Lang lang) {
    w.begin_object();
    if (lang != Lang::en) w.member("zh", std::string_view(t.zh));
    if (lang != Lang::zh) w.member("en", std::string_view(t.en));
    w.end_object();
}

void write_side_check(json::Writer& w, const RuleInfo& r, const Check& c, int review_year, Lang lang) {
    w.begin_object();
    w.key("outcome").value_plain(json::enum_name(c.outcome));
    w.key("reason").value_plain(json::enum_name(c.reason));
    if (r.measure != Measure::none && r.combine == Combine::leaf) {
        w.key("actual"); detail::write_quantity(w, c.actual);
        w.key("required"); detail::write_quantity(w, c.required);
        w.key("shortfall"); detail::write_quantity(w, c.shortfall);
    }
    Text message;
    if (lang != Lang::en) explain_check(message.zh, r, c, Lang::zh, review_year);
    if (lang != Lang::zh) explain_check(message.en, r, c, Lang::en, review_year);
    w.key("message");
    write_text(w, message, lang);
    w.end_object();
}

void write_changed(json::Writer& w, const ChangedApplication& a, Lang lang) {
    w.begin_object();
    w.member("index", static_cast<std::int64_t>(a.index));
    w.key("application_id");
    if (a.id.empty()) w.null(); else w.value(std::string_view(a.id));
    w.member("name", std::string_view(a.name));
    w.member("county", std::string_view(a.county));
    w.key("before").value_plain(result_name(a.before));
    w.key("after").value_plain(result_name(a.after));
    w.key("qualified_functions").begin_object();
    w.key("before"); write_functions(w, a.functions_before);
    w.key("after"); write_functions(w, a.functions_after);
    w.end_object();
    if (a.before == Result::error || a.after == Result::error) {
        w.key("errors").begin_object();
        if (a.before == Result::error) { w.key("before"); write_text(w, a.error_before, lang); }
        if (a.after == Result::error) { w.key("after"); write_text(w, a.error_after, lang); }
        w.end_object();
    }
    w.key("rules").begin_array();
    for (const RuleChange& c : a.rules) {
        const RuleInfo& r = rule_info(c.rule);
        w.begin_object();
        w.member("id", r.id);
        w.member("citation", r.citation.zh);
        w.key("before"); write_side_check(w, r, c.before, a.review_year, lang);
        w.key("after"); write_side_check(w, r, c.after, a.review_year, lang);
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

} // namespace

void write_comparison(std::string& out, const Comparison& c, Lang lang) {
    json::Writer w(out);
    w.begin_object();
    w.member("schema", "shifan.comparison/1");
    w.key("baseline"); write_comparison_side(w, c.baseline_pack, c.baseline_readings);
    w.key("alternative"); write_comparison_side(w, c.alternative_pack, c.alternative_readings);
    w.key("differences").begin_array();
    for (const Difference& d : c.differences) {
        w.begin_object();
        if (d.reading) {
            w.member("interpretation", std::string_view(d.name));
            w.member("before", std::string_view(d.before.en));
            w.member("after", std::string_view(d.after.en));
        } else {
            w.member("parameter", std::string_view(d.name));
            const ParamDef* def = nullptr;
            for (const ParamDef& p : param_defs)
                if (p.name == d.name) def = &p;
            const ParamKind kind = def ? def->kind : ParamKind::count;
            if (def) w.member("citation", def->citation);
            w.key("before"); write_dated_values(w, kind, d.values_before);
            w.key("after"); write_dated_values(w, kind, d.values_after);
        }
        w.end_object();
    }
    w.end_array();
    w.member("applications", static_cast<std::int64_t>(c.applications));
    w.member("changed", static_cast<std::int64_t>(c.changed));
    w.key("transitions").begin_object();
    for (Result b : all_results) {
        w.key(result_name(b)).begin_object();
        for (Result a : all_results) w.member(result_name(a), static_cast<std::int64_t>(c.transition(b, a)));
        w.end_object();
    }
    w.end_object();
    w.key("functions").begin_array();
    for (std::size_t f = 0; f < function_count; ++f) {
        w.begin_object();
        w.key("function").value_plain(json::enum_name(static_cast<Function>(f)));
        w.member("before", static_cast<std::int64_t>(c.functions_before[f]));
        w.member("after", static_cast<std::int64_t>(c.functions_after[f]));
        w.end_object();
    }
    w.end_array();
    w.key("rules").begin_array();
    for (const RuleInfo& r : rule_catalog) {
        const RuleTally& t = c.rules[static_cast<std::size_t>(r.rule)];
        w.begin_object();
        w.member("id", r.id);
        w.member("citation", r.citation.zh);
        w.key("kind").value_plain(r.combine == Combine::leaf ? "rule" : "group");
        w.key("before"); write_outcome_counts(w, t.before);
        w.key("after"); write_outcome_counts(w, t.after);
        w.member("changed", static_cast<std::int64_t>(t.changed));
        w.end_object();
    }
    w.end_array();
    w.key("changed_applications").begin_array();
    for (const ChangedApplication& a : c.changed_applications) write_changed(w, a, lang);
    w.end_array();
    w.member("truncated", c.changed > c.changed_applications.size());
    w.end_object();
}

} // namespace shifan
