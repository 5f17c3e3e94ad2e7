/// @file
/// @ingroup rules_registry
/// @brief The vocabulary clause headers are written in: a clause's rows (its group and its leaf
/// rules, each with id, citation, title, unit, parameters and inputs), input definitions derived
/// from the application's Boost.Describe names, and the compile-time assembly of a measure's
/// clauses into one flat registry (RuleId = position in it).
///
/// A measure is a list of articles; an article is a group row and a list of clauses; a clause is
/// a group row, its leaf rows and its logic. That nesting is the rule tree, stated once: parents,
/// children and result order are derived from it (docs/architecture.md).
#pragma once

#include "shifan/core/text.hpp"
#include "shifan/model/application.hpp"
#include "shifan/rules/check.hpp"
#include "shifan/rules/parameters.hpp"

#include <boost/describe/enum.hpp>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace shifan {

/// A rule or group: its position in the measure's registry (result order, a group before its
/// children). Find one by id with rule_by_id(); the registry entry is rule_info().
enum class RuleId : std::uint8_t {};

/// How a group combines its children.
enum class Combine : std::uint8_t { leaf, all_of, any_of };
BOOST_DESCRIBE_ENUM(Combine, leaf, all_of, any_of)

/// What a numeric check's `actual`, `required` and `shortfall` are.
enum class Measure : std::uint8_t {
    none,    ///< a yes/no condition
    count,   ///< integers
    money,   ///< CNY, two decimals
    ratio,   ///< percent with two decimals; shortfall in the part's unit (or points for a given percent)
    period,  ///< dates; shortfall in days
};
BOOST_DESCRIBE_ENUM(Measure, none, count, money, ratio, period)

/// A leaf input of the application: the Describe member names from the application's root to it
/// (its JSON Pointer), and for inputs keyed by year the offset from the review year.
struct InputDef {
    std::array<std::string_view, 4> path{}; ///< member names, root first; `depth` of them used
    std::size_t depth = 0;                  ///< how many names `path` holds (0: no input)
    int year_offset = 0;                    ///< year-keyed inputs: the key is review year + this (else 0)
    /// What the input is, in words, for people ("资产总额" / "total assets"); a year-keyed input
    /// is named without its year ("服务中小企业数量" / "SMEs served"), which explanations add.
    StaticText words{};

    /// Whether this names an input at all (rows hold up to four; unused ones are empty).
    [[nodiscard]] constexpr bool used() const { return depth != 0; }
    /// Two definitions name the same input.
    friend constexpr bool operator==(const InputDef& a, const InputDef& b) {
        if (a.depth != b.depth || a.year_offset != b.year_offset) return false;
        for (std::size_t k = 0; k < a.depth; ++k)
            if (a.path[k] != b.path[k]) return false;
        return true;
    }
};

namespace detail {
template <class T> struct unwrap_optional { using type = T; };
template <class T> struct unwrap_optional<std::optional<T>> { using type = T; };
template <class T> using member_value_t = typename unwrap_optional<std::remove_cvref_t<T>>::type;

/// Fill `path[depth..]` with the member names leading from `From` to the described struct `To`.
template <class To, class From>
constexpr bool find_struct(InputDef& def, std::size_t depth) {
    if constexpr (std::is_same_v<From, To>) {
        def.depth = depth;
        return true;
    } else if constexpr (!boost::describe::has_describe_members<From>::value) {
        return false;
    } else {
        bool found = false;
        boost::mp11::mp_for_each<boost::describe::describe_members<From, boost::describe::mod_public>>([&](auto D) {
            using M = member_value_t<decltype(std::declval<From&>().*D.pointer)>;
            if constexpr (boost::describe::has_describe_members<M>::value) {
                if (found || depth >= def.path.size()) return;
                def.path[depth] = D.name;
                found = find_struct<To, M>(def, depth + 1);
            }
        });
        return found;
    }
}

template <class> struct member_of;
template <class S, class T> struct member_of<T S::*> { using type = S; };
/// The type of the member `Member` points to.
template <auto Member>
using member_type = std::remove_cvref_t<decltype(std::declval<const typename member_of<decltype(Member)>::type&>().*Member)>;
} // namespace detail

/// The input held by `Member` (a pointer to a described member), its path found through the
/// application's described structs: input_of<&Applicant::legal_person>() is
/// `/applicant/legal_person`. Nothing is spelled twice, so a renamed member renames its input.
template <auto Member, int YearOffset = 0>
constexpr InputDef input_of() {
    using S = typename detail::member_of<decltype(Member)>::type;
    InputDef def;
    def.year_offset = YearOffset;
    if (!detail::find_struct<S, Application>(def, 0)) throw "the member's struct is not reachable from Application";
    boost::mp11::mp_for_each<boost::describe::describe_members<S, boost::describe::mod_public>>([&](auto D) {
        if constexpr (std::is_same_v<std::remove_cv_t<decltype(D.pointer)>, decltype(Member)>)
            if (D.pointer == Member) def.path[def.depth] = D.name;
    });
    if (def.path[def.depth].empty()) throw "the member is not described";
    ++def.depth;
    return def;
}

/// The input held by `Member`, named in words for people: input_of<&Applicant::total_assets_cny>(
/// {"资产总额", "total assets"}). Every row that reads an input names it, with the same words.
template <auto Member, int YearOffset = 0>
constexpr InputDef input_of(const StaticText& words) {
    InputDef def = input_of<Member, YearOffset>();
    def.words = words;
    return def;
}

/// The second comparison of a rule with two thresholds (Check::second): what it counts.
struct SecondFigures {
    std::string_view key; ///< its member name in results ("activities")
    StaticText label;     ///< what it counts, in explanations ({"服务活动", "activities"})
    StaticText unit;      ///< unit after its numbers ({"次", ""}: none in English)
};

/// A leaf rule of a clause, as the clause header declares it.
struct LeafRow {
    std::string_view id;                         ///< "art6.2.satisfaction"
    StaticText title;                            ///< what the rule requires, for people
    Measure measure = Measure::none;             ///< what its numbers are
    StaticText unit{};                           ///< unit of counts ("家" / "SMEs"); empty when none
    std::array<std::optional<Param>, 2> params{}; ///< the thresholds it reads, in registry order
    std::array<InputDef, 4> inputs{};            ///< the inputs it reads (first use orders the input table)
    std::optional<SecondFigures> second{};       ///< a second comparison (Check::second), if any
    StaticText note{};                           ///< the library's note on how the words are read; empty when none
};

/// A group: an article, or a clause that combines its leaves.
struct GroupRow {
    std::string_view id;  ///< "art6.2"
    Combine combine;      ///< all_of or any_of
    StaticText citation;  ///< {"第六条第（二）项", "Art. 6(2)"}
    StaticText title;     ///< what the group is about
};

/// One entry of a measure's registry: a group or a leaf, flattened with its place in the tree.
struct RuleInfo {
    RuleId rule{};                 ///< its position in the registry
    std::string_view id;           ///< "art6.2.satisfaction"
    std::optional<RuleId> parent;  ///< the group it belongs to (none for articles)
    Combine combine = Combine::leaf; ///< leaf, or how a group combines its children
    StaticText citation;           ///< the clause it implements
    StaticText title;              ///< what it requires, for people
    Measure measure = Measure::none; ///< what its numbers are (none for yes/no rules and groups)
    StaticText unit;               ///< unit of counts; empty when none
    std::optional<Param> param;    ///< the first threshold it reads
    std::optional<Param> param2;   ///< a second threshold it reads
    std::optional<SecondFigures> second; ///< how Check::second is named, when the rule has one
    StaticText note;               ///< the library's note on reading the title (the measures' words); empty when none
    InputSet inputs = 0;           ///< the leaf inputs it reads (a group: none)
    std::array<InputSet, 4> input_bits{}; ///< the bit of each input of its LeafRow, in row order
    std::uint8_t first_child = 0;  ///< a group: registry position of its first child
    std::uint8_t child_count = 0;  ///< a group: number of children
    std::uint8_t subtree = 1;      ///< rows of its subtree, itself included (the next sibling is that far on)
};

/// A plain yes/no condition on `Member` (an `std::optional<bool>` of the section a clause reads):
/// its registry row, and what the clause's sink needs to decide it with no code of the clause.
template <auto Member>
struct YesNo {
    LeafRow row; ///< its registry row
};

/// A plain minimum on `Member` (an `std::optional` count or amount of money of the section a
/// clause reads), the threshold its row's parameter: its registry row, decided like YesNo.
template <auto Member>
struct AtLeast {
    LeafRow row; ///< its registry row
};

/// The registry row of a yes/no condition on `Member`: the rule passes when it is true.
/// `input` names the input in words (see input_of).
template <auto Member>
constexpr YesNo<Member> yes_no(std::string_view id, StaticText title, StaticText input) {
    static_assert(std::is_same_v<detail::member_type<Member>, std::optional<bool>>, "a yes/no condition reads a bool");
    return {{id, title, Measure::none, {}, {}, {input_of<Member>(input)}}};
}

/// The registry row of a minimum on `Member` (a count or an amount of money), read from `param`.
/// `input` names the input in words (see input_of).
template <auto Member>
constexpr AtLeast<Member> at_least(std::string_view id, StaticText title, StaticText unit, Param param, StaticText input) {
    constexpr bool money = std::is_same_v<detail::member_type<Member>, std::optional<Money>>;
    static_assert(money || std::is_same_v<detail::member_type<Member>, std::optional<Count>>, "a minimum reads a count or money");
    return {{id, title, money ? Measure::money : Measure::count, unit, {param}, {input_of<Member>(input)}}};
}

namespace detail {
constexpr const LeafRow& row_of(const LeafRow& row) { return row; }
template <auto Member> constexpr const LeafRow& row_of(const YesNo<Member>& rule) { return rule.row; }
template <auto Member> constexpr const LeafRow& row_of(const AtLeast<Member>& rule) { return rule.row; }
} // namespace detail

/// The registry rows of clause `C`'s rules, in Leaf order: its `leaves` (a tuple of LeafRow,
/// YesNo and AtLeast), each as its row.
template <class C>
inline constexpr auto leaf_rows = std::apply(
    [](const auto&... rule) { return std::array<LeafRow, sizeof...(rule)>{detail::row_of(rule)...}; }, C::leaves);

/// A clause of a measure (see clause.hpp): its rules by name (`Leaf`), their rules in Leaf
/// order (`leaves`, a tuple of LeafRow, YesNo and AtLeast), the group row that combines them
/// (`group`) and its logic (`eval`, over a sink).
template <class C>
concept Clause = std::is_enum_v<typename C::Leaf> && !leaf_rows<C>.empty() &&
                 std::is_same_v<std::remove_cvref_t<decltype(C::group)>, GroupRow>;

/// The base of an article: its clauses (types satisfying Clause), in the regulation's order. The
/// article adds its group row (`static constexpr GroupRow group`).
template <class... Clauses>
struct Article {
    /// Its clauses, in the regulation's order.
    using clauses = boost::mp11::mp_list<Clauses...>;
};

/// The flat registry of a measure `M` (a type with `using articles = boost::mp11::mp_list<...>`,
/// each article a type with `static constexpr GroupRow group` and `using clauses = mp_list<...>`,
/// each clause a type with `group`, `leaves` and its logic). Built at compile time.
template <class M>
struct Registry {
    /// Number of rows of clause `C`: its group and its leaves.
    template <Clause C> static constexpr std::size_t clause_rows = 1 + leaf_rows<C>.size();

    /// Number of rows of article `A`.
    template <class A>
    static constexpr std::size_t article_rows = [] {
        std::size_t n = 1;
        boost::mp11::mp_for_each<typename A::clauses>([&](auto c) { n += clause_rows<decltype(c)>; });
        return n;
    }();

    /// Number of rules and groups.
    static constexpr std::size_t size = [] {
        std::size_t n = 0;
        boost::mp11::mp_for_each<typename M::articles>([&](auto a) { n += article_rows<decltype(a)>; });
        return n;
    }();
    static_assert(size <= 255, "RuleId is one byte");

    /// Registry position of clause `C`'s group row.
    template <class C>
    static constexpr std::size_t clause_offset = [] {
        std::size_t n = 0, found = size;
        boost::mp11::mp_for_each<typename M::articles>([&](auto a) {
            ++n;
            boost::mp11::mp_for_each<typename decltype(a)::clauses>([&](auto c) {
                if (std::is_same_v<decltype(c), C>) found = n;
                n += clause_rows<decltype(c)>;
            });
        });
        return found;
    }();

    /// Registry position of article `A`'s group row.
    template <class A>
    static constexpr std::size_t article_offset = [] {
        std::size_t n = 0, found = size;
        boost::mp11::mp_for_each<typename M::articles>([&](auto a) {
            if (std::is_same_v<decltype(a), A>) found = n;
            n += article_rows<decltype(a)>;
        });
        return found;
    }();

    /// The input table: every input the leaf rows read, in order of first use.
    struct InputTable {
        std::array<InputDef, 64> defs{}; ///< the inputs, in order of first use
        std::size_t count = 0;           ///< how many are used
        /// Position of `d` in the table (count when absent).
        [[nodiscard]] constexpr std::size_t index_of(const InputDef& d) const {
            for (std::size_t i = 0; i < count; ++i)
                if (defs[i] == d) return i;
            return count;
        }
    };
    /// The inputs of the measure, in order of first use by its leaf rows.
    static constexpr InputTable inputs = [] {
        InputTable t;
        boost::mp11::mp_for_each<typename M::articles>([&](auto a) {
            boost::mp11::mp_for_each<typename decltype(a)::clauses>([&](auto c) {
                using C = decltype(c);
                for (const LeafRow& leaf : leaf_rows<C>)
                    for (const InputDef& d : leaf.inputs) {
                        if (!d.used()) continue;
                        if (d.words.zh.empty() || d.words.en.empty()) throw "an input is not named in words";
                        const std::size_t i = t.index_of(d);
                        if (i != t.count) {
                            if (t.defs[i].words.zh != d.words.zh || t.defs[i].words.en != d.words.en)
                                throw "two rows name one input in different words";
                            continue;
                        }
                        if (t.count == t.defs.size()) throw "more than 64 inputs";
                        t.defs[t.count++] = d;
                    }
            });
        });
        return t;
    }();

    /// Every rule and group, in result order.
    static constexpr std::array<RuleInfo, size> rows = [] {
        std::array<RuleInfo, size> out{};
        std::size_t n = 0;
        auto group = [&](const GroupRow& g, std::optional<RuleId> parent) {
            RuleInfo& r = out[n];
            r.rule = static_cast<RuleId>(n);
            r.id = g.id;
            r.parent = parent;
            r.combine = g.combine;
            r.citation = g.citation;
            r.title = g.title;
            ++n;
            return &r;
        };
        boost::mp11::mp_for_each<typename M::articles>([&](auto a) {
            using A = decltype(a);
            RuleInfo* article = group(A::group, std::nullopt);
            article->first_child = static_cast<std::uint8_t>(n);
            article->subtree = static_cast<std::uint8_t>(article_rows<A>);
            boost::mp11::mp_for_each<typename A::clauses>([&](auto c) {
                using C = decltype(c);
                ++article->child_count;
                RuleInfo* clause = group(C::group, article->rule);
                clause->first_child = static_cast<std::uint8_t>(n);
                clause->child_count = static_cast<std::uint8_t>(leaf_rows<C>.size());
                clause->subtree = static_cast<std::uint8_t>(clause_rows<C>);
                for (const LeafRow& leaf : leaf_rows<C>) {
                    RuleInfo& r = out[n];
                    r.rule = static_cast<RuleId>(n);
                    r.id = leaf.id;
                    r.parent = clause->rule;
                    r.combine = Combine::leaf;
                    r.citation = C::group.citation;
                    r.title = leaf.title;
                    r.measure = leaf.measure;
                    r.unit = leaf.unit;
                    r.param = leaf.params[0];
                    r.param2 = leaf.params[1];
                    r.second = leaf.second;
                    r.note = leaf.note;
                    for (std::size_t k = 0; k < leaf.inputs.size(); ++k)
                        if (leaf.inputs[k].used()) {
                            r.input_bits[k] = InputSet{1} << inputs.index_of(leaf.inputs[k]);
                            r.inputs |= r.input_bits[k];
                        }
                    ++n;
                }
            });
        });
        return out;
    }();

    /// The registry entry of a rule.
    static constexpr const RuleInfo& info(RuleId r) { return rows[static_cast<std::size_t>(r)]; }
};

/// The RuleId of leaf `leaf` (the clause's Leaf enumerator) of clause `C` in measure `M`.
template <class M, class C>
constexpr RuleId leaf_id(typename C::Leaf leaf) {
    return static_cast<RuleId>(Registry<M>::template clause_offset<C> + 1 + static_cast<std::size_t>(leaf));
}
/// The RuleId of clause `C`'s group in measure `M`.
template <class M, class C>
constexpr RuleId clause_id() {
    return static_cast<RuleId>(Registry<M>::template clause_offset<C>);
}
/// The RuleId of article `A`'s group in measure `M`.
template <class M, class A>
constexpr RuleId article_id() {
    return static_cast<RuleId>(Registry<M>::template article_offset<A>);
}

} // namespace shifan
