/// @file
/// @ingroup rules_registry
/// @brief How clause logic reports what it decides. A clause's logic is written once, as a
/// template over a sink; the engine instantiates it twice:
///
/// - with ExplainSink, every leaf's Check (figures, reasons, missing inputs) goes into an
///   Evaluation and every group is combined from its children — the full explanation;
/// - with VerdictSink, each leaf's outcome is folded into its group as it is decided and the
///   remaining leaves of a decided group (and the remaining groups of a decided article) are
///   skipped — the verdict alone, for screening many applications.
///
/// The leaf shapes below (a yes/no condition, a minimum, a share, several conditions that must
/// all hold) set outcome, reason, figures and absent inputs in one place, so every clause decides
/// alike.
#pragma once

#include "shifan/core/outcome.hpp"
#include "shifan/rules/check.hpp"
#include "shifan/rules/registry.hpp"

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>

namespace shifan::rules {

/// How a figure must relate to its threshold. The measures say "以上", "不低于", "不少于" (the
/// threshold itself is enough); a clause that says "超过" or "高于" needs more than it.
enum class Bound : std::uint8_t {
    at_least,  ///< actual >= required
    more_than, ///< actual > required
};

/// The leaf shapes: each fills a Check from the inputs it compares.
namespace shape {

/// Mark `c` undetermined for lack of `absent`.
inline void undetermined(Check& c, InputSet absent) {
    c.outcome = Outcome::undetermined;
    c.reason = Reason::missing_input;
    c.missing = absent;
}

/// A yes/no condition: pass when true, fail when false, undetermined when absent.
inline void yes_no(Check& c, const std::optional<bool>& value, InputSet input) {
    if (!value) return undetermined(c, input);
    c.outcome = *value ? Outcome::pass : Outcome::fail;
    c.reason = *value ? Reason::met : Reason::not_met;
}

/// Compare a present number against a minimum (by default `>=`: "以上" includes the number
/// itself). The shortfall is what must be added to pass: for `more_than`, one unit beyond it.
template <class Make>
void minimum(Check& c, std::int64_t actual, std::int64_t required, Make make, Bound bound = Bound::at_least) {
    c.actual = make(actual);
    c.required = make(required);
    const std::int64_t least = bound == Bound::at_least ? required : required + 1;
    if (actual >= least) { c.outcome = Outcome::pass; c.reason = Reason::met; }
    else { c.outcome = Outcome::fail; c.reason = Reason::below_threshold; c.shortfall = make(least - actual); }
}

/// A count at least `required`.
inline void at_least(Check& c, const std::optional<Count>& value, Count required, InputSet input) {
    c.required = Quantity::count(required.value);
    if (!value) return undetermined(c, input);
    minimum(c, value->value, required.value, Quantity::count);
}

/// An amount of money at least `required`.
inline void at_least(Check& c, const std::optional<Money>& value, Money required, InputSet input) {
    c.required = Quantity::money(required);
    if (!value) return undetermined(c, input);
    minimum(c, value->fen, required.fen, [](std::int64_t v) { return Quantity::money(Money{v}); });
}

/// `part / whole >= required` exactly: 10000·part >= required(hundredths)·whole. A whole of 0
/// fails with no actual and no shortfall. The shortfall is how many more of the part, the whole
/// unchanged, reach the threshold; the actual share is truncated, never rounded up.
inline void share_at_least(Check& c, const std::optional<Count>& part, InputSet part_input,
                           const std::optional<Count>& whole, InputSet whole_input, Percent required,
                           Bound bound = Bound::at_least) {
    c.required = Quantity::percent(required.hundredths);
    if (whole && whole->value == 0) { c.outcome = Outcome::fail; c.reason = Reason::zero_whole; return; }
    if (!part || !whole) return undetermined(c, (part ? 0 : part_input) | (whole ? 0 : whole_input));
    __extension__ using wide = __int128;
    const wide lhs = wide{part->value} * 10000;
    const wide rhs = wide{required.hundredths} * whole->value;
    c.actual = Quantity::percent(static_cast<std::int64_t>(lhs / whole->value)); // truncated toward zero
    c.basis = {Quantity::count(part->value), Quantity::count(whole->value)};
    if (bound == Bound::at_least ? lhs >= rhs : lhs > rhs) { c.outcome = Outcome::pass; c.reason = Reason::met; return; }
    c.outcome = Outcome::fail;
    c.reason = Reason::below_threshold;
    // The least whole number of the part that reaches (or, for more_than, passes) the threshold.
    c.shortfall = Quantity::count(static_cast<std::int64_t>(bound == Bound::at_least ? (rhs - lhs + 9999) / 10000
                                                                                   : (rhs - lhs) / 10000 + 1));
}

/// Combine two comparisons that must both hold into `c`: the first becomes its figures, the
/// second `c.second`; fail over undetermined over pass.
inline void both(Check& c, const Check& first, const Check& second) {
    c.actual = first.actual;
    c.required = first.required;
    c.shortfall = first.shortfall;
    c.second = Figures{second.actual, second.required, second.shortfall};
    if (first.outcome == Outcome::fail || second.outcome == Outcome::fail) {
        c.outcome = Outcome::fail;
        c.reason = Reason::below_threshold;
    } else if (first.outcome == Outcome::undetermined || second.outcome == Outcome::undetermined) {
        undetermined(c, first.missing | second.missing);
    } else {
        c.outcome = Outcome::pass;
        c.reason = Reason::met;
    }
}

} // namespace shape

/// What clause `C` of measure `M` calls to report its leaves; `Base` is ExplainSink or VerdictSink.
template <class M, class C, class Base>
class ClauseSink {
public:
    /// The clause's leaves, by name.
    using Leaf = typename C::Leaf;

    /// Report to `base`.
    explicit ClauseSink(Base& base) noexcept : base_(base) {}

    /// Decide leaf `l` with the clause's own logic: `decide(Check&)` sets the outcome, reason,
    /// figures and absent inputs (see input()).
    template <class Decide>
    void leaf(Leaf l, Decide&& decide) {
        if (base_.skipping()) return;
        Check& c = base_.begin(leaf_id<M, C>(l));
        decide(c);
        base_.end(c);
    }

    /// The bit of leaf `l`'s input `Member` (one of the inputs its row lists; `YearOffset` for an
    /// input keyed by year), for absent-input sets: `s.input<&Staff::serving_smes>(staff)`.
    template <auto Member, int YearOffset = 0>
    [[nodiscard]] static constexpr InputSet input(Leaf l) {
        constexpr InputDef wanted = input_of<Member, YearOffset>();
        const LeafRow& row = leaf_rows<C>[static_cast<std::size_t>(l)];
        for (std::size_t k = 0; k < row.inputs.size(); ++k)
            if (row.inputs[k] == wanted) return Registry<M>::info(leaf_id<M, C>(l)).input_bits[k];
        return 0;
    }
    /// The bit of leaf `l`'s first (usually only) input.
    [[nodiscard]] static constexpr InputSet input(Leaf l) {
        return Registry<M>::info(leaf_id<M, C>(l)).input_bits[0];
    }

    /// A yes/no condition on the leaf's input.
    void yes_no(Leaf l, const std::optional<bool>& value) {
        leaf(l, [&](Check& c) { shape::yes_no(c, value, input(l)); });
    }
    /// A count of the leaf's input at least `required`.
    void at_least(Leaf l, const std::optional<Count>& value, Count required) {
        leaf(l, [&](Check& c) { shape::at_least(c, value, required, input(l)); });
    }
    /// An amount of the leaf's input at least `required`.
    void at_least(Leaf l, const std::optional<Money>& value, Money required) {
        leaf(l, [&](Check& c) { shape::at_least(c, value, required, input(l)); });
    }
    /// `part / whole` at least `required` (see shape::share_at_least); the row lists the inputs
    /// whole first, then part.
    void share_at_least(Leaf l, const std::optional<Count>& part, const std::optional<Count>& whole, Percent required) {
        const RuleInfo& r = Registry<M>::info(leaf_id<M, C>(l));
        leaf(l, [&](Check& c) { shape::share_at_least(c, part, r.input_bits[1], whole, r.input_bits[0], required); });
    }
    /// Several yes/no conditions that must all hold, given in the order of the row's inputs: fail
    /// if any present one is false (absent ones are then not listed), else undetermined listing
    /// the absent ones, else pass.
    void all_yes(Leaf l, std::initializer_list<const std::optional<bool>*> parts) {
        leaf(l, [&](Check& c) {
            InputSet absent = 0;
            std::size_t k = 0;
            for (const std::optional<bool>* value : parts) {
                const InputSet bit = Registry<M>::info(leaf_id<M, C>(l)).input_bits[k++];
                if (!*value) absent |= bit;
                else if (!**value) { c.outcome = Outcome::fail; c.reason = Reason::not_met; c.missing = 0; return; }
            }
            if (absent) return shape::undetermined(c, absent);
            c.outcome = Outcome::pass;
            c.reason = Reason::met;
        });
    }

    /// Decide every plain rule of the clause (declared with yes_no() or at_least()) from
    /// `section`, the part of the application the clause reads; the clause decides the rest.
    template <class Section>
    void plain(const Section& section, const Parameters& p) {
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            (decide_plain(static_cast<Leaf>(I), std::get<I>(C::leaves), section, p), ...);
        }(std::make_index_sequence<leaf_rows<C>.size()>{});
    }

    /// The clause is not claimed (an art7 function the applicant did not apply for): the group
    /// and every leaf fail with the reason `not_claimed`, and nothing of it is listed as missing.
    void not_claimed() { base_.not_claimed(clause_id<M, C>()); }

private:
    template <class Section>
    static void decide_plain(Leaf, const LeafRow&, const Section&, const Parameters&) {}
    template <auto Member, class Section>
    void decide_plain(Leaf l, const YesNo<Member>&, const Section& section, const Parameters&) {
        yes_no(l, section.*Member);
    }
    template <auto Member, class Section>
    void decide_plain(Leaf l, const AtLeast<Member>& rule, const Section& section, const Parameters& p) {
        const auto& value = section.*Member;
        if constexpr (std::is_same_v<std::remove_cvref_t<decltype(value)>, std::optional<Money>>)
            at_least(l, value, p.money(*rule.row.params[0]));
        else
            at_least(l, value, p.count(*rule.row.params[0]));
    }

    Base& base_;
};

/// The bit of `Member` (an input that leaf `l`'s row lists; `YearOffset` for an input keyed by
/// year) for the absent-input set of a check: `input_bit<&Staff::serving_smes>(s, staff)`.
template <auto Member, int YearOffset = 0, class Sink>
constexpr InputSet input_bit(const Sink&, typename Sink::Leaf l) {
    return Sink::template input<Member, YearOffset>(l);
}

/// The outcome of a group from its children's outcomes, added one by one.
class GroupOutcome {
public:
    /// Start a group that combines its children by `how`.
    explicit constexpr GroupOutcome(Combine how = Combine::all_of) noexcept : any_of_(how == Combine::any_of) {}
    /// Take one child's outcome into account.
    constexpr void add(Outcome o) noexcept {
        pass_ |= o == Outcome::pass || o == Outcome::not_applicable;
        fail_ |= o == Outcome::fail;
        undetermined_ |= o == Outcome::undetermined;
    }
    /// Whether the children added so far already decide the group (an all-of with a failure,
    /// an any-of with a pass): the others cannot change it.
    [[nodiscard]] constexpr bool decided() const noexcept { return any_of_ ? pass_ : fail_; }
    /// The group's outcome: all-of is fail over undetermined over pass; any-of is pass over
    /// undetermined over fail.
    [[nodiscard]] constexpr Outcome result() const noexcept {
        if (any_of_) return pass_ ? Outcome::pass : undetermined_ ? Outcome::undetermined : Outcome::fail;
        return fail_ ? Outcome::fail : undetermined_ ? Outcome::undetermined : Outcome::pass;
    }
    /// The reason a group with this outcome reports.
    [[nodiscard]] constexpr Reason reason() const noexcept {
        const Outcome o = result();
        if (o == Outcome::pass) return any_of_ ? Reason::one_met : Reason::all_met;
        return o == Outcome::fail ? Reason::some_failed : Reason::some_undetermined;
    }

private:
    bool any_of_ = false, pass_ = false, fail_ = false, undetermined_ = false;
};

/// Evaluate measure `M` into `base`: every article, every clause, in registry order.
template <class M, class Base, class... Args>
void evaluate_measure(Base& base, const Args&... args) {
    boost::mp11::mp_for_each<typename M::articles>([&](auto a) {
        using A = decltype(a);
        if (base.done()) return;
        base.begin_group(article_id<M, A>());
        boost::mp11::mp_for_each<typename A::clauses>([&](auto c) {
            using C = decltype(c);
            if (base.group_decided()) return;
            base.begin_clause(clause_id<M, C>());
            ClauseSink<M, C, Base> sink(base);
            C::eval(args..., sink);
            base.end_clause(clause_id<M, C>());
        });
        base.end_group(article_id<M, A>());
    });
}

/// The full explanation: every check into `checks` (a registry-sized array of Check, all reset
/// to `Check{}` beforehand), groups combined from their children.
template <class M, class Checks>
class ExplainSink {
public:
    /// Write into `checks`.
    explicit ExplainSink(Checks& checks) noexcept : checks_(checks) {}

    /// Never: every leaf is explained.
    [[nodiscard]] static constexpr bool skipping() noexcept { return false; }
    /// Never: every clause is explained.
    [[nodiscard]] static constexpr bool group_decided() noexcept { return false; }
    /// Never: every article is explained.
    [[nodiscard]] static constexpr bool done() noexcept { return false; }
    /// The check of leaf `r`.
    Check& begin(RuleId r) noexcept { return checks_[static_cast<std::size_t>(r)]; }
    /// Nothing to do: the check is in place.
    static constexpr void end(const Check&) noexcept {}
    /// Start an article.
    static constexpr void begin_group(RuleId) noexcept {}
    /// Start a clause.
    void begin_clause(RuleId) noexcept { unclaimed_ = false; }
    /// The clause is not claimed: it and its leaves fail with `not_claimed`.
    void not_claimed(RuleId clause) noexcept {
        Check unclaimed;
        unclaimed.outcome = Outcome::fail;
        unclaimed.reason = Reason::not_claimed;
        const RuleInfo& g = Registry<M>::info(clause);
        for (std::size_t i = 0; i < g.subtree; ++i) checks_[static_cast<std::size_t>(clause) + i] = unclaimed;
        unclaimed_ = true;
    }
    /// Combine a clause from its leaves (unless it was not claimed).
    void end_clause(RuleId clause) noexcept {
        if (!unclaimed_) combine(clause);
    }
    /// Combine an article from its clauses.
    void end_group(RuleId article) noexcept { combine(article); }

private:
    void combine(RuleId group) noexcept {
        const RuleInfo& g = Registry<M>::info(group);
        GroupOutcome k(g.combine);
        InputSet missing = 0;
        std::size_t child = g.first_child;
        for (std::size_t i = 0; i < g.child_count; ++i) {
            const Check& c = checks_[child];
            k.add(c.outcome);
            missing |= c.missing;
            child += Registry<M>::rows[child].subtree;
        }
        Check& out = checks_[static_cast<std::size_t>(group)];
        out.outcome = k.result();
        out.reason = k.reason();
        out.missing = missing;
    }

    Checks& checks_;
    bool unclaimed_ = false;
};

/// The verdict alone: outcomes folded into their groups as they are decided, decided groups
/// skipped. The verdict of a measure is all of its articles.
template <class M>
class VerdictSink {
public:
    /// Whether the rest of the current clause can be skipped.
    [[nodiscard]] bool skipping() const noexcept { return clause_.decided(); }
    /// Whether the rest of the current article can be skipped.
    [[nodiscard]] bool group_decided() const noexcept { return article_.decided(); }
    /// Whether the verdict is known.
    [[nodiscard]] bool done() const noexcept { return verdict_.decided(); }
    /// A scratch check for a leaf (only its outcome is read).
    Check& begin(RuleId) noexcept {
        scratch_.missing = 0;
        return scratch_;
    }
    /// Fold a leaf's outcome into its clause.
    void end(const Check& c) noexcept { clause_.add(c.outcome); }
    /// Start an article.
    void begin_group(RuleId article) noexcept { article_ = GroupOutcome(Registry<M>::info(article).combine); }
    /// Start a clause.
    void begin_clause(RuleId clause) noexcept { clause_ = GroupOutcome(Registry<M>::info(clause).combine); }
    /// A clause not claimed fails.
    void not_claimed(RuleId) noexcept {
        clause_ = GroupOutcome(Combine::all_of);
        clause_.add(Outcome::fail);
    }
    /// Fold a clause into its article.
    void end_clause(RuleId) noexcept { article_.add(clause_.result()); }
    /// Fold an article into the verdict.
    void end_group(RuleId) noexcept { verdict_.add(article_.result()); }
    /// The verdict (after evaluate_measure).
    [[nodiscard]] Verdict verdict() const noexcept { return verdict_of(verdict_.result()); }

private:
    Check scratch_;
    GroupOutcome clause_, article_, verdict_;
};

} // namespace shifan::rules
