/// @file
/// @ingroup lifecycle
/// @brief A platform's history: an append-only list of dated events whose replay gives its state
/// on any date (docs/specification.md §8, art8–art14). Every event is checked against the transition
/// rules (`Ledger`, shifan/model/history.hpp) before it is appended; a forbidden one is refused with
/// the article it breaks, and the history is left exactly as it was (strong guarantee). A
/// designation's term is `[date, add_years(date, validity_years)]`, `validity_years` of the
/// history's rule pack resolved on the designation date.
///
/// Thread-safety: a `History` is a value; const member functions may be called from any number of
/// threads at once.
#pragma once

#include "shifan/core/date.hpp"
#include "shifan/core/error.hpp"
#include "shifan/model/events.hpp"
#include "shifan/model/history.hpp"
#include "shifan/rules/rule_pack.hpp"

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

namespace shifan {

/// A platform and its events, always valid under the transition rules.
class History {
public:
    /// An empty history of `platform`; terms use `validity_years` of `pack` (the built-in
    /// `changzhi-municipal` by default) resolved on each designation date.
    explicit History(Platform platform,
                     SharedRulePack pack = SharedRulePack::borrow(builtin_rule_pack()))
        : platform_(std::move(platform)), pack_(std::move(pack)) {}

    /// The platform.
    [[nodiscard]] const Platform& platform() const noexcept { return platform_; }
    /// The events, in order.
    [[nodiscard]] const std::vector<Event>& events() const noexcept { return events_; }
    /// The rule pack that sets term lengths and deadlines.
    [[nodiscard]] const RulePack& rule_pack() const noexcept { return *pack_; }
    /// The rule pack, shared.
    [[nodiscard]] const SharedRulePack& rule_pack_ptr() const noexcept { return pack_; }
    /// What the whole history has established.
    [[nodiscard]] const Ledger& ledger() const noexcept { return ledger_; }

    /// Why `e` may not be appended, or nothing when it may (no side effect).
    [[nodiscard]] std::optional<Refusal> check(const Event& e) const { return ledger_.refusal(e); }

    /// Append `e` after checking it against the rules.
    /// @throws Error (history) with `event_index`, the JSON Pointer of the member at fault, and the
    ///   event type and article in zh and en, when the rules forbid it; Error (rule_pack) when
    ///   `validity_years` has no value in force on a designation date. In either case (and on
    ///   allocation failure) the history is left exactly as it was.
    void append(Event e) {
        const std::size_t index = events_.size();
        if (auto r = ledger_.refusal(e)) throw r->to_error(index, event_type(e));
        Date valid_until;
        if (const auto* d = std::get_if<Designated>(&e)) {
            try {
                valid_until = add_years(d->date, pack_->resolve(d->date).years(Param::validity_years));
            } catch (Error& err) {
                err.event_index = static_cast<long>(index);
                throw;
            }
        }
        ledger_.reserve_for(e);
        events_.push_back(std::move(e));
        ledger_.apply(events_.back(), index, valid_until);
    }

    /// Replay the events dated on or before `on`: what was established by then.
    [[nodiscard]] Ledger replay(Date on) const {
        Ledger l;
        std::size_t term = 0;
        for (std::size_t i = 0; i < events_.size(); ++i) {
            const Event& e = events_[i];
            if (event_date(e) > on) break;
            Date valid_until;
            if (event_type(e) == EventType::designated) valid_until = ledger_.terms()[term++].valid_until;
            l.reserve_for(e);
            l.apply(e, i, valid_until);
        }
        return l;
    }

    /// The designation event of a term.
    [[nodiscard]] const Designated& designation(const TermRecord& t) const { return std::get<Designated>(events_[t.event_index]); }

    /// Same platform and same events (the rule pack is not compared).
    friend bool operator==(const History& a, const History& b) { return a.platform_ == b.platform_ && a.events_ == b.events_; }

private:
    Platform platform_;
    SharedRulePack pack_;
    std::vector<Event> events_;
    Ledger ledger_;
};

} // namespace shifan
