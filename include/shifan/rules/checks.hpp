/// @file
/// @ingroup rules_registry
/// @brief The shapes of leaf checks the articles are made of: a yes/no condition, a minimum, a
/// ratio, several conditions that must all hold. Each sets outcome, reason, numbers and the absent
/// inputs in one place, so every article decides alike.
#pragma once

#include "shifan/evaluation/evaluation.hpp"

#include <initializer_list>
#include <optional>
#include <utility>

namespace shifan::rules {

/// A yes/no condition: pass when true, fail when false, undetermined when absent.
inline void yes_no(Check& c, const std::optional<bool>& value, Input input) {
    if (!value) { c.outcome = Outcome::undetermined; c.reason = Reason::missing_input; c.missing = bit(input); return; }
    c.outcome = *value ? Outcome::pass : Outcome::fail;
    c.reason = *value ? Reason::met : Reason::not_met;
}

/// Several yes/no conditions that must all hold: fail if any present one is false (absent ones
/// are then not listed), else undetermined listing the absent ones, else pass.
inline void all_yes(Check& c, std::initializer_list<std::pair<const std::optional<bool>*, Input>> parts) {
    InputSet absent = 0;
    for (const auto& [value, input] : parts) {
        if (!*value) absent |= bit(input);
        else if (!**value) { c.outcome = Outcome::fail; c.reason = Reason::not_met; c.missing = 0; return; }
    }
    if (absent) { c.outcome = Outcome::undetermined; c.reason = Reason::missing_input; c.missing = absent; return; }
    c.outcome = Outcome::pass;
    c.reason = Reason::met;
}

/// Compare a present number against a minimum (`>=`, "以上" includes the number itself).
template <class Make>
void minimum(Check& c, std::int64_t actual, std::int64_t required, Make make) {
    c.actual = make(actual);
    c.required = make(required);
    if (actual >= required) { c.outcome = Outcome::pass; c.reason = Reason::met; }
    else { c.outcome = Outcome::fail; c.reason = Reason::below_threshold; c.shortfall = make(required - actual); }
}

/// A count at least `required`.
inline void at_least(Check& c, const std::optional<Count>& value, Count required, Input input) {
    c.required = Quantity::count(required.value);
    if (!value) { c.outcome = Outcome::undetermined; c.reason = Reason::missing_input; c.missing = bit(input); return; }
    minimum(c, value->value, required.value, Quantity::count);
}

/// An amount of money at least `required`.
inline void at_least(Check& c, const std::optional<Money>& value, Money required, Input input) {
    c.required = Quantity::money(required);
    if (!value) { c.outcome = Outcome::undetermined; c.reason = Reason::missing_input; c.missing = bit(input); return; }
    minimum(c, value->fen, required.fen, [](std::int64_t v) { return Quantity::money(Money{v}); });
}

/// `part / whole >= required` exactly: 10000·part >= required(hundredths)·whole. A whole of 0
/// fails with no actual and no shortfall. The shortfall is how many more of the part, the whole
/// unchanged, reach the threshold.
inline void share_at_least(Check& c, const std::optional<Count>& part, Input part_input,
                           const std::optional<Count>& whole, Input whole_input, Percent required) {
    c.required = Quantity::percent(required.hundredths);
    if (whole && whole->value == 0) { c.outcome = Outcome::fail; c.reason = Reason::zero_whole; return; }
    if (!part || !whole) {
        c.outcome = Outcome::undetermined;
        c.reason = Reason::missing_input;
        c.missing = (part ? 0 : bit(part_input)) | (whole ? 0 : bit(whole_input));
        return;
    }
    __extension__ using wide = __int128;
    const wide lhs = wide{part->value} * 10000;
    const wide rhs = wide{required.hundredths} * whole->value;
    c.actual = Quantity::percent(static_cast<std::int64_t>(lhs / whole->value)); // truncated toward zero
    if (lhs >= rhs) { c.outcome = Outcome::pass; c.reason = Reason::met; return; }
    c.outcome = Outcome::fail;
    c.reason = Reason::below_threshold;
    c.shortfall = Quantity::count(static_cast<std::int64_t>((rhs - lhs + 9999) / 10000));
}

/// Set a group's outcome from its children.
template <class Combiner>
void combine(Evaluation& e, RuleId group, std::initializer_list<RuleId> children) {
    Combiner k;
    InputSet missing = 0;
    for (RuleId child : children) {
        const Check& c = e.check(child);
        k.add(c.outcome);
        missing |= c.missing;
    }
    Check& g = e.check(group);
    g.outcome = k.result();
    g.missing = missing;
    if constexpr (std::is_same_v<Combiner, AnyOf>)
        g.reason = g.outcome == Outcome::pass ? Reason::one_met
                 : g.outcome == Outcome::fail ? Reason::some_failed : Reason::some_undetermined;
    else
        g.reason = g.outcome == Outcome::pass ? Reason::all_met
                 : g.outcome == Outcome::fail ? Reason::some_failed : Reason::some_undetermined;
}

/// Mark a group and its leaves as failing because the function is not claimed.
inline void not_claimed(Evaluation& e, RuleId group, std::initializer_list<RuleId> leaves) {
    Check unclaimed;
    unclaimed.outcome = Outcome::fail;
    unclaimed.reason = Reason::not_claimed;
    for (RuleId r : leaves) e.check(r) = unclaimed;
    e.check(group) = unclaimed;
}

} // namespace shifan::rules
