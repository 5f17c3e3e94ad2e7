/// @file
/// @ingroup lifecycle
/// @brief What a platform's history establishes and the transition rules its events must obey
/// (docs/specification.md §8, art8–art14): the terms, the latest application, and `Ledger`, which
/// replays events in order and refuses a forbidden one with the article it breaks. Types and
/// invariants only: a term's length is given by the caller (`History` in
/// shifan/lifecycle/history.hpp takes it from the rule pack), and there is no JSON here.
///
/// Transition rules:
/// - `applied` (art10, art12, art14): at most one application per review year, review years never
///   go back, and the review year is the year of the application or the next; while the title is
///   valid, only for the review year in which the validity ends ("在有效期满当年可再次申报").
///   An unresolved application of an earlier review year lapses.
/// - `recommended`, `not_recommended` (art8, art9): only from `candidate`.
/// - `designated`, `rejected` (art8–art11): only from `recommended`. A designation's term is
///   `[date, valid_until]` (`valid_until` = add_years(date, validity_years), given by the caller);
///   a renewal's term replaces the old one from its date.
/// - `violation_confirmed` (art14): the conduct is not after the confirmation and falls on a day the
///   title was valid (ground `violation`), or between the application that led to the latest
///   designation and that designation (ground `false_application`); the latest title is revoked
///   from `date` (not valid on it) and keeps its `valid_until`.
/// - `annual_summary_filed` (art13): always accepted.
/// - Dates never run backwards (equal dates keep their order); this refusal names no article.
///
/// Thread-safety: a `Ledger` is a value; const member functions may be called from any number of
/// threads at once.
#pragma once

#include "shifan/core/date.hpp"
#include "shifan/core/enum_names.hpp"
#include "shifan/core/error.hpp"
#include "shifan/core/text.hpp"
#include "shifan/model/events.hpp"
#include "shifan/model/review_year.hpp"


#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace shifan {

/// The articles lifecycle refusals cite.
namespace citation {
inline constexpr StaticText art8 = {"第八条", "art8"};                  ///< county recommendation
inline constexpr StaticText art8_9 = {"第八条、第九条", "art8–art9"};   ///< recommendation with assessment
inline constexpr StaticText art8_11 = {"第八条至第十一条", "art8–art11"}; ///< the designation procedure
inline constexpr StaticText art12 = {"第十二条", "art12"};              ///< one review a year
inline constexpr StaticText art13 = {"第十三条", "art13"};              ///< annual work summary
inline constexpr StaticText art14 = {"第十四条", "art14"};              ///< validity, re-application, revocation
inline constexpr StaticText art15 = {"第十五条", "art15"};              ///< county reports

/// The article ids a citation names, from its English form: "art14" gives {"art14"}, a range
/// "art8–art11" gives {"art8", "art9", "art10", "art11"}.
inline std::vector<std::string> article_ids(StaticText c) {
    const std::string_view en = c.en;
    constexpr std::string_view dash = "–";
    const auto number = [](std::string_view s) {
        int n = 0;
        for (char ch : s.substr(3)) n = n * 10 + (ch - '0');
        return n;
    };
    const auto at = en.find(dash);
    if (at == std::string_view::npos) return {std::string(en)};
    std::vector<std::string> ids;
    for (int n = number(en.substr(0, at)), last = number(en.substr(at + dash.size())); n <= last; ++n)
        ids.push_back("art" + std::to_string(n));
    return ids;
}
} // namespace citation

/// Why an event may not be appended: the member at fault, the article broken (none for dates
/// running backwards) and the reason in zh and en.
struct Refusal {
    std::string member;                ///< the event's member at fault: "date", "review_year", "conduct_on" or "type"
    std::optional<StaticText> article; ///< the article the event breaks
    Text reason;                       ///< why, without the event's index or type

    /// The error for event `index` of type `type`: `ErrorCode::history`, the JSON Pointer
    /// `/events/<index>/<member>`, `event_index`, `event_type` and `articles` set, and a message
    /// naming the type and article.
    [[nodiscard]] Error to_error(std::size_t index, EventType type) const {
        // `member` is one of the identifiers above: no JSON Pointer escaping is needed.
        std::string path = "/events/" + std::to_string(index) + "/" + member;
        const std::string name = json::enum_name(type);
        std::string zh = "第 " + std::to_string(index) + " 个事件（" + name + "）不被接受";
        std::string en = "event " + std::to_string(index) + " (" + name + ") refused";
        if (article) {
            zh += "，违反" + std::string(article->zh);
            en += ", breaks " + std::string(article->en);
        }
        zh += "：" + reason.zh;
        en += ": " + reason.en;
        Error e(ErrorCode::history, std::move(path), Text{std::move(zh), std::move(en)});
        e.event_index = static_cast<long>(index);
        e.event_type = name;
        if (article) e.articles = citation::article_ids(*article);
        return e;
    }
};

/// One designation (art11) and what became of it.
struct TermRecord {
    Date designated_on;              ///< first day of validity
    Date valid_until;                ///< last day of validity: add_years(designated_on, validity_years)
    std::optional<Date> revoked_on;  ///< art14: first day the title is no longer valid
    std::size_t event_index = 0;     ///< the `designated` event (document number, functions)
    std::size_t revoked_index = 0;   ///< the `violation_confirmed` event that revoked it
    Date applied_on;                 ///< the `applied` event that led to it (its application's date)
};

/// The latest application and how far it got.
struct ApplicationRecord {
    int review_year = 0;           ///< 评审年度
    Date applied_on;               ///< date of the `applied` event
    State outcome = State::candidate; ///< candidate, recommended, not_recommended, designated or rejected
    Date last_step_on;             ///< date of its latest step
    std::size_t last_step_index = 0; ///< index of its latest step
    /// Whether it is still in progress (candidate or recommended).
    [[nodiscard]] bool in_progress() const noexcept {
        return outcome == State::candidate || outcome == State::recommended;
    }
    /// Its stage, when in progress.
    [[nodiscard]] Stage stage() const noexcept {
        return outcome == State::recommended ? Stage::recommended : Stage::candidate;
    }
};

/// A state and the day it began (none for `State::none`).
struct StateSince {
    State state = State::none; ///< the state
    std::optional<Date> since; ///< the day it began
};

/// What a prefix of a history has established: the terms, the latest application, the review
/// years applied for. Built by replaying events in order; `refusal` checks the next event.
class Ledger {
public:
    /// Every designation, in order.
    [[nodiscard]] const std::vector<TermRecord>& terms() const noexcept { return terms_; }
    /// The latest application, if any.
    [[nodiscard]] const std::optional<ApplicationRecord>& application() const noexcept { return application_; }
    /// The review years applied for, ascending.
    [[nodiscard]] const std::vector<int>& review_years() const noexcept { return review_years_; }
    /// Whether review year `ry` was applied for already.
    [[nodiscard]] bool applied_for(int ry) const noexcept {
        for (int y : review_years_)
            if (y == ry) return true;
        return false;
    }
    /// Date of the last event replayed.
    [[nodiscard]] const std::optional<Date>& last_date() const noexcept { return last_date_; }

    /// The last day term `i` was valid: its `valid_until`, cut short by a renewal (the day before
    /// the next term) or a revocation (the day before it); none if it was never valid.
    [[nodiscard]] std::optional<Date> last_valid_day(std::size_t i) const {
        Date end = terms_[i].valid_until;
        if (i + 1 < terms_.size() && add_days(terms_[i + 1].designated_on, -1) < end) end = add_days(terms_[i + 1].designated_on, -1);
        if (terms_[i].revoked_on && add_days(*terms_[i].revoked_on, -1) < end) end = add_days(*terms_[i].revoked_on, -1);
        if (end < terms_[i].designated_on) return std::nullopt;
        return end;
    }

    /// The term under which the title was valid on `d`, or nullptr (art14; both ends valid).
    /// Knows only the events replayed so far.
    [[nodiscard]] const TermRecord* term_valid_on(Date d) const {
        // The last term designated on or before d (terms are in date order).
        std::size_t lo = 0, hi = terms_.size();
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            if (d < terms_[mid].designated_on) hi = mid;
            else lo = mid + 1;
        }
        if (lo == 0) return nullptr;
        const auto end = last_valid_day(lo - 1);
        return end && d <= *end ? &terms_[lo - 1] : nullptr;
    }

    /// Whether the title was valid on at least one day of `[from, to]`.
    [[nodiscard]] bool valid_on_any_day(Date from, Date to) const {
        for (std::size_t i = 0; i < terms_.size(); ++i) {
            const auto end = last_valid_day(i);
            if (end && terms_[i].designated_on <= to && *end >= from) return true;
        }
        return false;
    }

    /// The state on `d`, which must not be before the last event replayed (docs/specification.md §8):
    /// `designated` while the latest title is valid; otherwise whichever came last of the title's
    /// end (`expired` the day after `valid_until`, `revoked` on the revocation date) and the latest
    /// application's step (`candidate`, `recommended`, `not_recommended`, `rejected`).
    [[nodiscard]] StateSince state_on(Date d) const {
        struct Candidate { State state; Date since; long order; };
        std::optional<Candidate> best;
        auto consider = [&](Candidate c) {
            if (!best || c.since > best->since || (c.since == best->since && c.order > best->order)) best = c;
        };
        if (!terms_.empty()) {
            const TermRecord& t = terms_.back();
            const bool revoked = t.revoked_on && *t.revoked_on <= d;
            if (t.designated_on <= d && d <= t.valid_until && !revoked) return {State::designated, t.designated_on};
            if (revoked) consider({State::revoked, *t.revoked_on, static_cast<long>(t.revoked_index)});
            else consider({State::expired, add_days(t.valid_until, 1), -1});
        }
        if (application_ && application_->outcome != State::designated)
            consider({application_->outcome, application_->last_step_on, static_cast<long>(application_->last_step_index)});
        if (!best) return {};
        return {best->state, best->since};
    }

    /// Why `e` may not follow the events replayed so far, or nothing when it may.
    [[nodiscard]] std::optional<Refusal> refusal(const Event& e) const {
        const Date d = event_date(e);
        if (last_date_ && d < *last_date_)
            return Refusal{"date", std::nullopt,
                           Text{"日期 " + to_string(d) + " 早于前一事件的日期 " + to_string(*last_date_) + "：历史中的日期不能倒退",
                                "date " + to_string(d) + " is before the previous event's date " + to_string(*last_date_) +
                                    ": dates in a history never run backwards"}};
        switch (event_type(e)) {
        case EventType::applied: return refuse_applied(std::get<Applied>(e));
        case EventType::recommended:
        case EventType::not_recommended: return refuse_recommendation(d, event_type(e));
        case EventType::designated:
        case EventType::rejected: return refuse_decision(d, event_type(e));
        case EventType::violation_confirmed: return refuse_violation(std::get<ViolationConfirmed>(e));
        case EventType::annual_summary_filed: return std::nullopt;
        }
        return std::nullopt;
    }

    /// Make room so that `apply(e, ...)` cannot fail (amortised O(1)).
    void reserve_for(const Event& e) {
        auto grow = [](auto& v) { if (v.size() == v.capacity()) v.reserve(v.capacity() * 2 + 4); };
        if (event_type(e) == EventType::applied) grow(review_years_);
        if (event_type(e) == EventType::designated) grow(terms_);
    }

    /// Record event `index`, already checked by `refusal` and made room for by `reserve_for`.
    /// `valid_until` is the end of the term for a `designated` event (ignored otherwise).
    // NOLINTNEXTLINE(bugprone-exception-escape): reserve_for() made room for the push_back; std::get matches event_type
    void apply(const Event& e, std::size_t index, Date valid_until) noexcept {
        const Date d = event_date(e);
        auto step = [&](State outcome) {
            if (!application_) return;
            application_->outcome = outcome;
            application_->last_step_on = d;
            application_->last_step_index = index;
        };
        switch (event_type(e)) {
        case EventType::applied: {
            const int ry = std::get<Applied>(e).review_year.value;
            review_years_.push_back(ry);
            application_ = ApplicationRecord{ry, d, State::candidate, d, index};
            break;
        }
        case EventType::recommended: step(State::recommended); break;
        case EventType::not_recommended: step(State::not_recommended); break;
        case EventType::rejected: step(State::rejected); break;
        case EventType::designated:
            step(State::designated);
            terms_.push_back(TermRecord{d, valid_until, std::nullopt, index, 0, application_ ? application_->applied_on : d});
            break;
        case EventType::violation_confirmed:
            if (!terms_.empty() && !terms_.back().revoked_on) {
                terms_.back().revoked_on = d;
                terms_.back().revoked_index = index;
            }
            break;
        case EventType::annual_summary_filed: break;
        }
        last_date_ = d;
    }

private:
    static std::string state_text_zh(StateSince s) { return std::string(state_name(s.state).zh); }
    static std::string state_text_en(StateSince s) { return std::string(state_name(s.state).en); }

    [[nodiscard]] std::optional<Refusal> refuse_applied(const Applied& a) const {
        const int ry = a.review_year.value;
        const std::string rys = std::to_string(ry);
        if (!review_year_fits(ry, a.date))
            return Refusal{"review_year", citation::art12, review_year_mismatch(ry, a.date, {"申报日期", "the application date"})};
        if (applied_for(ry))
            return Refusal{"review_year", citation::art12,
                           Text{"已申报过 " + rys + " 评审年度：评审每年开展一次，每个评审年度只能申报一次",
                                "already applied for review year " + rys +
                                    ": the review takes place once a year, so one application per review year"}};
        if (!review_years_.empty() && ry < review_years_.back())
            return Refusal{"review_year", citation::art12,
                           Text{"评审年度 " + rys + " 早于此前已申报的 " + std::to_string(review_years_.back()) +
                                    " 年度：评审每年开展一次，评审年度不能倒退",
                                "review year " + rys + " is before review year " + std::to_string(review_years_.back()) +
                                    ", already applied for: reviews are yearly and review years never go back"}};
        if (const TermRecord* t = term_valid_on(a.date)) {
            const int expiry_year = year_of(t->valid_until);
            if (ry != expiry_year)
                return Refusal{"review_year", citation::art14,
                               Text{"称号有效期至 " + to_string(t->valid_until) + "，有效期内只能在有效期满当年（" +
                                        std::to_string(expiry_year) + " 年）再次申报，不能申报 " + rys + " 评审年度",
                                    "the title is valid until " + to_string(t->valid_until) +
                                        "; while it is valid the platform may apply again only in the year its validity ends (" +
                                        std::to_string(expiry_year) + "), not for review year " + rys}};
        }
        return std::nullopt;
    }

    [[nodiscard]] std::optional<Refusal> refuse_recommendation(Date d, EventType type) const {
        const StaticText article = type == EventType::recommended ? citation::art8_9 : citation::art8;
        if (application_ && application_->outcome == State::candidate) return std::nullopt;
        if (application_ && application_->outcome == State::recommended)
            return Refusal{"type", article,
                           Text{std::to_string(application_->review_year) + " 年度的申报已于 " + to_string(application_->last_step_on) +
                                    " 获县区推荐，不能再作推荐决定",
                                "the application for review year " + std::to_string(application_->review_year) +
                                    " was already recommended on " + to_string(application_->last_step_on)}};
        const StateSince s = state_on(d);
        return Refusal{"type", article,
                       Text{"没有待县区推荐的申报：县区只对已申报的候选平台作推荐决定（当前状态：" + state_text_zh(s) + "）",
                            "no application awaits the county's recommendation: a county decides only on a candidate that "
                            "has applied (current state: " + state_text_en(s) + ")"}};
    }

    [[nodiscard]] std::optional<Refusal> refuse_decision(Date d, EventType type) const {
        if (application_ && application_->outcome == State::recommended) return std::nullopt;
        const char* what_zh = type == EventType::designated ? "认定" : "作出评审不通过的决定";
        const char* what_en = type == EventType::designated ? "be designated" : "be rejected";
        if (application_ && application_->outcome == State::candidate)
            return Refusal{"type", citation::art8_11,
                           Text{std::to_string(application_->review_year) + " 年度的申报尚未获县区推荐：须经县区推荐（第八条、第九条）后，"
                                    "方可由市中小企业服务中心评审" + what_zh + "（第十一条）",
                                "the application for review year " + std::to_string(application_->review_year) +
                                    " has not been recommended by its county: only a candidate recommended by its county (art8, art9) "
                                    "can " + what_en + " by the city centre (art11)"}};
        const StateSince s = state_on(d);
        return Refusal{"type", citation::art8_11,
                       Text{std::string("没有已获县区推荐、待评审的申报，不能") + what_zh + "（当前状态：" + state_text_zh(s) + "）",
                            std::string("no recommended application awaits the centre's decision, so the platform cannot ") +
                                what_en + " (current state: " + state_text_en(s) + ")"}};
    }

    [[nodiscard]] std::optional<Refusal> refuse_violation(const ViolationConfirmed& v) const {
        const Date c = v.conduct_day();
        const std::string member = v.conduct_on ? "conduct_on" : "date";
        if (c > v.date)
            return Refusal{"conduct_on", citation::art14,
                           Text{"行为日期 " + to_string(c) + " 晚于查实日期 " + to_string(v.date) + "：只能查实已经发生的行为",
                                "the conduct on " + to_string(c) + " is after its confirmation on " + to_string(v.date) +
                                    ": only conduct that has happened can be confirmed"}};
        if (terms_.empty())
            return Refusal{member, citation::art14,
                           Text{"平台从未获得认定：第十四条只撤销已获得的称号",
                                "the platform was never designated: art14 revokes only a title that was granted"}};
        if (v.ground_or_default() == RevocationGround::false_application) {
            // The conduct is the application itself (the art10(7) declaration): between the
            // application that led to the latest designation and that designation.
            const TermRecord& t = terms_.back();
            if (c < t.applied_on || c > t.designated_on)
                return Refusal{member, citation::art14,
                               Text{"行为日期 " + to_string(c) + " 不在最近一次认定所依据的申报期间（" + to_string(t.applied_on) +
                                        " 申报至 " + to_string(t.designated_on) + " 认定）内：以虚假申报材料取得称号，行为即该次申报",
                                    "the conduct on " + to_string(c) + " is not within the application that led to the latest "
                                        "designation (applied " + to_string(t.applied_on) + ", designated " +
                                        to_string(t.designated_on) + "): obtaining the title with false materials is that "
                                        "application itself"}};
            return std::nullopt;
        }
        if (!term_valid_on(c)) {
            const TermRecord& t = terms_.back();
            std::string zh = "行为日期 " + to_string(c) + " 不在称号有效期内（最近一次认定 " + to_string(t.designated_on) + " 至 " +
                             to_string(t.valid_until);
            std::string en = "the conduct on " + to_string(c) + " is not within a period of validity (latest term " +
                             to_string(t.designated_on) + " to " + to_string(t.valid_until);
            if (t.revoked_on) {
                zh += "，已于 " + to_string(*t.revoked_on) + " 撤销";
                en += ", revoked on " + to_string(*t.revoked_on);
            }
            zh += "）：第十四条只针对有效期内的违法违规行为（以虚假申报材料取得称号的，写明 ground: false_application）";
            en += "): art14 concerns only conduct while the title is valid (for a title obtained with false application "
                  "materials, give ground: false_application)";
            return Refusal{member, citation::art14, Text{std::move(zh), std::move(en)}};
        }
        return std::nullopt;
    }

    std::vector<TermRecord> terms_;
    std::optional<ApplicationRecord> application_;
    std::vector<int> review_years_;
    std::optional<Date> last_date_;
};

} // namespace shifan
