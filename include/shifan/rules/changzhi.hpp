/// @file
/// @ingroup rules_registry
/// @brief The measure itself: 《长治市市级中小企业公共服务示范平台认定管理办法》 as a list of articles
/// (art6 and art7; the verdict is all of them), and its registry — every rule and group with
/// its id, citation, title, unit, parameters and inputs — assembled at compile time from the
/// clause headers. Evaluation, explanations, the law-to-code matrix and `shifan rules --json`
/// all read this one registry.
#pragma once

#include "shifan/rules/art6.hpp"
#include "shifan/rules/art7.hpp"
#include "shifan/rules/dossier.hpp"
#include "shifan/rules/registry.hpp"

#include <boost/mp11/list.hpp>

#include <charconv>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace shifan {
namespace rules {

/// The Changzhi municipal measures: the articles an applicant is judged by.
struct Changzhi {
    /// The articles, in result order; the verdict is all of them.
    using articles = boost::mp11::mp_list<Art6, Art7>;
    /// The article whose clauses are the service functions (Function order).
    using functions = Art7;

    /// What the measure adds to an evaluation beyond its checks: the qualified functions (art7
    /// clauses that pass) and the dossier (art9, art10).
    template <class E>
    static void finish(const Application& app, E& e);
};

} // namespace rules

/// The registry of the built-in measure.
using ChangzhiRegistry = Registry<rules::Changzhi>;

/// Number of rules and groups in the registry.
inline constexpr std::size_t rule_count = ChangzhiRegistry::size;

/// Every rule and group, in result order (a group precedes its children).
inline constexpr const std::array<RuleInfo, rule_count>& rule_catalog = ChangzhiRegistry::rows;

/// The registry entry of a rule.
constexpr const RuleInfo& rule_info(RuleId r) { return rule_catalog[static_cast<std::size_t>(r)]; }

/// Find a rule by its id ("art6.2.satisfaction").
constexpr std::optional<RuleId> rule_by_id(std::string_view id) {
    for (const RuleInfo& r : rule_catalog)
        if (r.id == id) return r.rule;
    return std::nullopt;
}

namespace rules {
/// 第六条 as a group.
inline constexpr RuleId art6 = article_id<Changzhi, Art6>();
/// 第七条 as a group.
inline constexpr RuleId art7 = article_id<Changzhi, Art7>();
} // namespace rules

/// The art7 group of a function (0 = information … 4 = financing).
constexpr RuleId function_group(std::size_t function_index) {
    std::size_t child = rule_info(rules::art7).first_child;
    for (std::size_t i = 0; i < function_index; ++i) child += rule_catalog[child].subtree;
    return static_cast<RuleId>(child);
}
static_assert(rule_info(rules::art7).child_count == function_count, "one art7 clause per Function");

/// A leaf input of the application: its position in the measure's input table (the order in
/// which the registry's rules first read it). Sets of inputs are InputSet bit masks.
enum class Input : std::uint8_t {};
/// Number of leaf inputs.
inline constexpr std::size_t input_count = ChangzhiRegistry::inputs.count;
/// The set holding only `i`.
constexpr InputSet bit(Input i) noexcept { return InputSet{1} << static_cast<unsigned>(i); }
/// The definition of an input (its member names and year offset).
constexpr const InputDef& input_def(Input i) { return ChangzhiRegistry::inputs.defs[static_cast<std::size_t>(i)]; }

namespace detail {
inline void append_input_members(std::string& out, const InputDef& d) {
    for (std::size_t k = 0; k < d.depth; ++k) {
        out += '/';
        out += d.path[k];
    }
}
} // namespace detail

/// Append the JSON Pointer of an input to `out`; an input keyed by year (`smes_served`) is
/// keyed by review year + its offset.
inline void append_input_path(std::string& out, Input i, int review_year) {
    const InputDef& d = input_def(i);
    detail::append_input_members(out, d);
    if (d.year_offset == 0) return;
    out += '/';
    char buf[16];
    const auto r = std::to_chars(buf, buf + sizeof buf, review_year + d.year_offset);
    out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

/// JSON Pointer of an input for review year `review_year`.
inline std::string input_path(Input i, int review_year) {
    std::string s;
    append_input_path(s, i, review_year);
    return s;
}

/// Append the JSON Pointer of an input as the registry states it, the year of a year-keyed input
/// written relative to the review year: `/performance/smes_served/{Y-1}`.
inline void append_input_pattern(std::string& out, Input i) {
    const InputDef& d = input_def(i);
    detail::append_input_members(out, d);
    if (d.year_offset == 0) return;
    out += "/{Y";
    char buf[16];
    const auto r = std::to_chars(buf, buf + sizeof buf, d.year_offset);
    out.append(buf, static_cast<std::size_t>(r.ptr - buf));
    out += '}';
}

template <class E>
void rules::Changzhi::finish(const Application& app, E& e) {
    e.qualified_functions = 0;
    for (std::size_t i = 0; i < function_count; ++i)
        if (e.check(function_group(i)).outcome == Outcome::pass)
            e.qualified_functions |= static_cast<std::uint8_t>(1U << i);
    const DossierResult d = dossier(app);
    e.dossier_known = d.known;
    e.missing_materials = d.missing_items;
}

} // namespace shifan
