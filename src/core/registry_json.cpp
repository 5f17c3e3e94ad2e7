// The rule registry as JSON (shifan.registry/1): every rule and group with its id, citation, title,
// combination, measure, unit, parameters (with the pack's values) and inputs; the dossier items
// with what satisfies them; the parameter table with citations; the readings.
//
// Everything is derived from the tables the engine itself runs on (rule_catalog, dossier_catalog,
// param_defs, the described enums), so the registry cannot drift from the code.
#include "registry_json.hpp"

#include "json/writer.hpp"
#include "shifan/core/enum_names.hpp"
#include "shifan/core/interpretations.hpp"
#include "shifan/io/registry.hpp"
#include "shifan/rules/changzhi.hpp"
#include "shifan/rules/dossier.hpp"
#include "shifan/rules/rule_pack.hpp"

#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace shifan {

namespace detail {

/// A parameter value in the units of the result format: years and counts as integers, money and
/// percentages as two-decimal strings, a month-day as {"month": m, "day": d | "last"}.
void write_param_value(json::Writer& w, ParamKind kind, std::int64_t v) {
    switch (kind) {
    case ParamKind::years:
    case ParamKind::count: w.value(v); break;
    case ParamKind::money:
    case ParamKind::percent: w.value(format_hundredths(v)); break;
    case ParamKind::month_day:
        w.begin_object().member("month", v / 100).key("day");
        if (v % 100 == 0) w.value("last"); else w.value(v % 100);
        w.end_object();
        break;
    }
}

/// `"name": …, "value": …, "values": [{"from": …, "value": …}]` of one parameter in `pack`.
/// `value` is the plain value, or null when the pack dates the parameter (see `values`).
void write_param_members(json::Writer& w, const RulePack& pack, Param p) {
    const ParamDef& def = param_def(p);
    const auto& list = pack.values[static_cast<std::size_t>(p)];
    w.member("name", def.name);
    w.key("value");
    if (list.size() == 1 && !list.front().from) write_param_value(w, def.kind, list.front().value);
    else w.null();
    w.key("values").begin_array();
    for (const DatedValue& v : list) {
        w.begin_object().key("from");
        if (v.from) {
            char buf[10];
            format_date(*v.from, buf);
            w.value(std::string_view(buf, 10));
        } else {
            w.null();
        }
        w.key("value");
        write_param_value(w, def.kind, v.value);
        w.end_object();
    }
    w.end_array();
}

} // namespace detail

using detail::write_param_members;

namespace {

/// A leaf input's path; the `smes_served` inputs are keyed by a year relative to the review year
/// Y, so the registry shows the key as `{Y-1}`, `{Y-2}`, `{Y-3}`.
std::string registry_input_path(Input i) {
    std::string s;
    append_input_pattern(s, i);
    return s;
}

/// Chinese numerals up to 99 as used in article numbers ("十三" → 13); 0 when not one.
int chinese_number(std::string_view s) {
    static constexpr std::string_view digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    static constexpr std::string_view ten = "十";
    auto digit = [&](std::string_view& rest) -> int {
        for (int d = 1; d <= 9; ++d)
            if (rest.substr(0, digits[d].size()) == digits[d]) { rest.remove_prefix(digits[d].size()); return d; }
        return 0;
    };
    int value = digit(s);
    if (s.substr(0, ten.size()) == ten) {
        s.remove_prefix(ten.size());
        value = (value ? value : 1) * 10 + digit(s);
    }
    return s.empty() ? value : 0;
}

} // namespace

/// The English citation of a Chinese one: "第六条第（一）项" → "Art. 6(1)", "第十三条" → "Art. 13".
/// (Parameter citations are stored in Chinese only; the rule catalog's citations are checked
/// against this in the unit tests.)
std::string detail::citation_en(std::string_view zh) {
    static constexpr std::string_view di = "第", tiao = "条", open = "（", close = "）", xiang = "项";
    if (zh.substr(0, di.size()) != di) return std::string(zh);
    std::string_view rest = zh.substr(di.size());
    const auto t = rest.find(tiao);
    if (t == std::string_view::npos) return std::string(zh);
    const int article = chinese_number(rest.substr(0, t));
    if (!article) return std::string(zh);
    std::string out = "Art. " + std::to_string(article);
    rest.remove_prefix(t + tiao.size());
    if (rest.empty()) return out;
    if (rest.substr(0, di.size() + open.size()) != std::string(di) + std::string(open)) return std::string(zh);
    rest.remove_prefix(di.size() + open.size());
    const auto c = rest.find(close);
    if (c == std::string_view::npos || rest.substr(c + close.size()) != xiang) return std::string(zh);
    const int item = chinese_number(rest.substr(0, c));
    if (!item) return std::string(zh);
    return out + "(" + std::to_string(item) + ")";
}

namespace {

/// The minimal sets of materials that satisfy a dossier item, found by asking the very predicate
/// the evaluation uses (`dossier_item_present`) about every subset of materials, so that the
/// registry can never describe the rule differently from how it is applied.
std::vector<std::uint32_t> minimal_material_sets(DossierItem item) {
    constexpr std::size_t n = boost::mp11::mp_size<boost::describe::describe_enumerators<Material>>::value;
    static_assert(n <= 16, "subsets are enumerated exhaustively");
    std::vector<std::uint32_t> sets;
    for (std::uint32_t bits = 0; bits < (1u << n); ++bits) {
        if (!rules::dossier_item_present(MaterialSet{bits}, item)) continue;
        bool minimal = true;
        for (std::uint32_t s : sets)
            if ((s & bits) == s) { minimal = false; break; }
        if (minimal) sets.push_back(bits);
    }
    // Enumerating by increasing value can meet a superset before its subset only when the subset
    // has a higher value, which a subset never has: the list is exactly the minimal sets.
    return sets;
}

template <class E>
void write_enum_names(json::Writer& w) {
    w.begin_array();
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) { w.value(D.name); });
    w.end_array();
}

/// One reading: its name, the clause it reads, its values and its default.
template <class E>
void write_reading(json::Writer& w, std::string_view name, std::string_view citation, E default_value) {
    w.begin_object().member("name", name).member("citation", citation).key("values");
    write_enum_names<E>(w);
    w.member("default", json::enum_name(default_value)).end_object();
}

void write_text(json::Writer& w, std::string_view key, StaticText t) {
    w.key(key).begin_object().member("zh", t.zh).member("en", t.en).end_object();
}

} // namespace

void write_registry(std::string& out, const RulePack& pack) {
    json::Writer w(out);
    w.begin_object();
    w.member("schema", registry_schema);
    w.key("rule_pack").begin_object();
    w.member("id", std::string_view(pack.id)).member("version", std::string_view(pack.version));
    w.member("description", std::string_view(pack.description));
    w.end_object();

    w.key("rules").begin_array();
    for (const RuleInfo& r : rule_catalog) {
        w.begin_object();
        w.member("id", r.id);
        w.member("kind", r.combine == Combine::leaf ? "rule" : "group");
        w.key("parent");
        if (r.parent) w.value(rule_info(*r.parent).id); else w.null();
        w.member("combine", json::enum_name(r.combine));
        if (r.combine != Combine::leaf) {
            w.key("children").begin_array();
            for (const RuleInfo& child : rule_catalog)
                if (child.parent == r.rule) w.value(child.id);
            w.end_array();
        }
        write_text(w, "citation", r.citation);
        write_text(w, "title", r.title);
        if (!r.note.zh.empty()) write_text(w, "note", r.note);
        if (r.combine == Combine::leaf) {
            w.member("measure", json::enum_name(r.measure));
            if (!r.unit.zh.empty() || !r.unit.en.empty()) write_text(w, "unit", r.unit);
            else w.key("unit").null();
            w.key("parameters").begin_array();
            for (const auto& p : {r.param, r.param2})
                if (p) { w.begin_object(); write_param_members(w, pack, *p); w.end_object(); }
            w.end_array();
            w.key("inputs").begin_array();
            for (std::size_t i = 0; i < input_count; ++i)
                if ((r.inputs >> i) & 1u) w.value(registry_input_path(static_cast<Input>(i)));
            w.end_array();
        }
        w.end_object();
    }
    w.end_array();

    w.key("dossier").begin_array();
    for (const DossierInfo& d : dossier_catalog) {
        w.begin_object();
        w.member("id", d.id);
        write_text(w, "citation", d.citation);
        write_text(w, "title", d.title);
        if (!d.note.zh.empty()) write_text(w, "note", d.note);
        w.key("satisfied_by").begin_array(); // any of these sets, each all of its materials
        for (std::uint32_t set : minimal_material_sets(d.item)) {
            w.begin_array();
            boost::mp11::mp_for_each<boost::describe::describe_enumerators<Material>>([&](auto D) {
                if ((set >> static_cast<unsigned>(D.value)) & 1u) w.value(D.name);
            });
            w.end_array();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();

    w.key("parameters").begin_array();
    for (std::size_t i = 0; i < param_count; ++i) {
        const ParamDef& def = param_defs[i];
        w.begin_object();
        write_param_members(w, pack, static_cast<Param>(i));
        w.member("kind", json::enum_name(def.kind));
        w.key("citation").begin_object().member("zh", def.citation);
        w.member("en", std::string_view(detail::citation_en(def.citation))).end_object();
        write_text(w, "meaning", def.meaning);
        w.key("used_by").begin_array();
        for (const RuleInfo& r : rule_catalog)
            if (r.param == static_cast<Param>(i) || r.param2 == static_cast<Param>(i)) w.value(r.id);
        w.end_array();
        w.end_object();
    }
    w.end_array();

    w.key("interpretations").begin_array();
    const Interpretations defaults{};
    write_reading(w, "growth", "第六条第（二）项", defaults.growth);
    write_reading(w, "operating_period", "第六条第（一）项", defaults.operating_period);
    write_reading(w, "summary_owed", "第十三条", defaults.summary_owed);
    write_reading(w, "deadline_rest_days", "第十三条、第十五条", defaults.deadline_rest_days);
    w.end_array();

    w.end_object();
}

std::string registry_json(const RulePack& pack) {
    std::string s;
    s.reserve(32768);
    write_registry(s, pack);
    return s;
}

} // namespace shifan
