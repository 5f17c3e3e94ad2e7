/// @file
/// @ingroup lifecycle
/// @brief A platform's status on a date D (docs/specification.md §8, `shifan.status/1`): its state, the
/// latest term and days left (art11, art14), whether it may apply again (art12, art14), the
/// application in progress, the art13 annual-summary obligations under the `summary_owed` reading,
/// and the next deadline. Only events dated on or before D are replayed; the system clock is never
/// read.
#pragma once

#include "shifan/core/interpretations.hpp"
#include "shifan/lifecycle/deadlines.hpp"
#include "shifan/lifecycle/history.hpp"

#include <optional>
#include <string>
#include <vector>

namespace shifan {

/// The readings and calendar a status query uses.
struct StatusOptions {
    Interpretations interpretations;    ///< `summary_owed` and `deadline_rest_days` apply here
    const Calendar* calendar = nullptr; ///< required under `deadline_rest_days = roll_forward`; not owned

    /// The deadline policy these options give.
    [[nodiscard]] DeadlinePolicy deadlines() const { return {interpretations.deadline_rest_days, calendar}; }
};

/// The latest term (art11, art14).
struct TermView {
    Date designated_on;                             ///< first day of validity
    Date valid_until;                               ///< last day of validity (kept after a revocation)
    std::optional<Date> revoked_on;                 ///< art14: not valid from this day on
    std::string document_no;                        ///< 文号
    std::optional<std::vector<Function>> functions; ///< the art7 functions designated for
};

/// The application in progress (a first one, or a designated platform's renewal).
struct ApplicationView {
    int review_year = 0; ///< 评审年度
    Stage stage = Stage::candidate; ///< how far it has got
    Date applied_on;     ///< date of the application
};

/// Whether the platform may apply again on D: exactly whether `applied {D, review_year = year of D}`
/// would be accepted, with the reason.
struct MayApplyAgain {
    bool allowed = false;              ///< whether the application would be accepted
    Text reason;                       ///< why (or why not)
    std::optional<StaticText> article; ///< the article the answer rests on
};

/// One filing obligation and where it stands on D.
struct Obligation {
    ObligationKind kind = ObligationKind::annual_summary; ///< art13 summary or art15 county report
    int year = 0;                ///< the year the report covers
    Date due;                    ///< effective due date (inclusive; rolled forward under roll_forward)
    ObligationStatus status = ObligationStatus::pending; ///< where it stands on D
    std::optional<Date> filed_on; ///< first filing for the year, if filed on or before D
};

/// A platform's status on a date.
struct Status {
    Platform platform;                        ///< the platform
    Date on;                                  ///< the date D
    State state = State::none;                ///< the state on D (docs/specification.md §8)
    std::optional<Date> state_since;          ///< the day the state began
    std::optional<TermView> term;             ///< the latest term; none if never designated
    /// The terms before the latest one, oldest first (a renewal's predecessor ends the day before
    /// the next term begins). Not part of `shifan.status/1`; the roster page draws them.
    std::vector<TermView> earlier_terms;
    std::optional<long> days_left;            ///< while designated: valid_until - D (0 on the last day)
    MayApplyAgain may_apply_again;            ///< art12, art14: may it apply on D for year(D)
    std::optional<ApplicationView> application; ///< the application in progress, if any
    std::vector<Obligation> obligations;      ///< art13 summaries for years that have ended, by year
    std::optional<Date> next_deadline;        ///< earliest due date among pending obligations
    std::vector<int> unowed_filings;          ///< years filed for (on or before D) that owe no summary
    Interpretations interpretations;          ///< the readings used
    SharedRulePack rule_pack; ///< the pack used
};

/// Whether a platform may apply on `on` for the review year `year(on)`, given what `ledger`
/// (the events dated on or before `on`) established.
inline MayApplyAgain may_apply_again(const Ledger& ledger, Date on) {
    const int y = year_of(on);
    const std::string ys = std::to_string(y);
    if (auto r = ledger.refusal(Event{Applied{on, Year{y}, std::nullopt}})) return {false, r->reason, r->article};
    const StateSince s = ledger.state_on(on);
    const auto& app = ledger.application();
    if (s.state == State::designated) {
        const TermRecord& t = ledger.terms().back();
        return {true,
                Text{"称号有效期至 " + to_string(t.valid_until) + "，今年（" + ys + " 年）是有效期满当年，可再次申报",
                     "the title is valid until " + to_string(t.valid_until) + "; this year (" + ys +
                         ") is the year its validity ends, so the platform may apply again"},
                citation::art14};
    }
    if (app && app->in_progress())
        return {true,
                Text{std::to_string(app->review_year) + " 年度的申报尚无结论，申报 " + ys + " 评审年度时即视为失效；可申报",
                     "the application for review year " + std::to_string(app->review_year) +
                         " has no decision; it lapses when the platform applies for review year " + ys + ", which it may"},
                citation::art12};
    switch (s.state) {
    case State::none:
        return {true, Text{"尚无申报记录，可申报 " + ys + " 评审年度", "no application yet: the platform may apply for review year " + ys},
                citation::art12};
    case State::not_recommended:
    case State::rejected:
        return {true,
                Text{std::to_string(app->review_year) + " 年度的申报" + (s.state == State::rejected ? "评审未通过" : "未获县区推荐") +
                         "，可申报 " + ys + " 评审年度",
                     "the application for review year " + std::to_string(app->review_year) + " was " +
                         (s.state == State::rejected ? "rejected" : "not recommended") + "; the platform may apply for review year " + ys},
                citation::art12};
    case State::expired:
        return {true,
                Text{"称号已于 " + to_string(ledger.terms().back().valid_until) + " 有效期满，可再次申报",
                     "the title's validity ended on " + to_string(ledger.terms().back().valid_until) + "; the platform may apply again"},
                citation::art14};
    case State::revoked:
        return {true,
                Text{"称号已于 " + to_string(*ledger.terms().back().revoked_on) + " 撤销；《办法》未限制撤销后再次申报，可申报 " + ys +
                         " 评审年度",
                     "the title was revoked on " + to_string(*ledger.terms().back().revoked_on) +
                         "; the measures set no waiting period after a revocation, so the platform may apply for review year " + ys},
                citation::art14};
    default: break;
    }
    return {true, Text{"可申报 " + ys + " 评审年度", "the platform may apply for review year " + ys}, citation::art12};
}

/// Whether the art13 summary for `covered_year` is owed under `reading`, given what `ledger`
/// established (docs/specification.md §7 `summary_owed`):
/// - `held_at_year_end`: the title was valid on 31 December of `covered_year` and not revoked
///   after that day and before the deadline `due` (a revocation on the deadline day does not
///   cancel it);
/// - `held_any_day`: the title was valid on at least one day of `covered_year`.
inline bool summary_owed(const Ledger& ledger, int covered_year, Date due, SummaryOwed reading) {
    const Date first = make_date(covered_year, 1, 1);
    const Date last = make_date(covered_year, 12, 31);
    if (reading == SummaryOwed::held_any_day) return ledger.valid_on_any_day(first, last);
    if (!ledger.term_valid_on(last)) return false;
    for (const TermRecord& t : ledger.terms())
        if (t.revoked_on && *t.revoked_on > last && *t.revoked_on < due) return false;
    return true;
}

/// The status of `history` on `on` (docs/specification.md §8).
/// @throws Error (usage) under `roll_forward` without a calendar; Error (rule_pack) when a
///   deadline parameter has no value in force.
Status status_of(const History& history, const Ledger& ledger, Date on, const StatusOptions& options = {});

/// The status of `history` on `on`: replays the events dated on or before `on`.
inline Status status_of(const History& history, Date on, const StatusOptions& options = {}) {
    return status_of(history, history.replay(on), on, options);
}

} // namespace shifan
