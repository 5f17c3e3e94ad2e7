/// @file
/// @ingroup lifecycle
/// @brief Deadlines of the measures and the status of a filing against them.
///
/// - art13: "每年2月底前将上一年度工作总结报市中小企业局" — the summary for year X-1 is due on the
///   last day of February X (the 2027 summary is due 2028-02-29).
/// - art15: "每年3月底前将上一年度……报告报市中小企业服务中心" — the county's report for X-1 is due
///   on 31 March X.
/// "月底前" includes the last day of the month (docs/specification.md §1). The month and day come from
/// the rule pack (`annual_summary_due`, `county_report_due`), resolved on 1 January of year X.
/// Under `deadline_rest_days = roll_forward` a deadline on a rest day moves to the next working
/// day of the host's calendar (Civil Code art. 203).
#pragma once

#include "shifan/core/date.hpp"
#include "shifan/core/error.hpp"
#include "shifan/core/interpretations.hpp"
#include "shifan/model/calendar.hpp"
#include "shifan/rules/rule_pack.hpp"

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <optional>

namespace shifan {

/// The day a month-day deadline falls on in `year`, inclusive: `day` 0 is the month's last day;
/// a fixed day the month lacks that year (29 February in a common year) is the month's last day.
inline Date deadline_in(int year, MonthDay md) {
    const int last = days_in_month(year, md.month);
    return make_date(year, md.month, md.day == 0 || md.day > last ? last : md.day);
}

/// How deadlines falling on rest days are treated (docs/specification.md §7 `deadline_rest_days`).
struct DeadlinePolicy {
    DeadlineRestDays reading = DeadlineRestDays::literal; ///< literal (default) or roll_forward
    const Calendar* calendar = nullptr;                   ///< required under roll_forward; not owned

    /// The effective deadline: `literal` unchanged, or rolled forward past rest days (Civil Code
    /// art. 203).
    /// @throws Error (usage) under roll_forward without a calendar.
    [[nodiscard]] Date apply(Date literal) const {
        if (reading == DeadlineRestDays::literal) return literal;
        if (!calendar)
            throw Error(ErrorCode::usage, "",
                        Text{"采用 deadline_rest_days=roll_forward 解读时须提供工作日历（shifan.calendar/1）",
                             "the deadline_rest_days=roll_forward reading needs a calendar (shifan.calendar/1)"});
        return calendar->roll_forward(literal);
    }
};

/// What an obligation is.
enum class ObligationKind : std::uint8_t {
    annual_summary, ///< art13: the platform's work summary of the previous year
    county_report,  ///< art15: the county's summary and inspection report of the previous year
};
BOOST_DESCRIBE_ENUM(ObligationKind, annual_summary, county_report)

/// Where an obligation stands on a date (docs/specification.md §8).
enum class ObligationStatus : std::uint8_t {
    pending, ///< not filed, the due date has not passed
    filed,   ///< filed on or before the due date
    late,    ///< filed after the due date (accepted and recorded as late)
    overdue, ///< not filed, the due date has passed
};
BOOST_DESCRIBE_ENUM(ObligationStatus, pending, filed, late, overdue)

/// The status on `on` of an obligation due on `due` (inclusive) and first filed on `filed_on`.
inline ObligationStatus obligation_status(Date due, std::optional<Date> filed_on, Date on) noexcept {
    if (filed_on) return *filed_on <= due ? ObligationStatus::filed : ObligationStatus::late;
    return on <= due ? ObligationStatus::pending : ObligationStatus::overdue;
}

/// The deadline, before any roll-forward, of the report for `covered_year` under parameter `p`
/// (`annual_summary_due` or `county_report_due`), in force on 1 January of the following year.
/// @throws Error (rule_pack) when the pack has no value in force on that day.
inline Date literal_due(const RulePack& pack, Param p, int covered_year) {
    const int year = covered_year + 1;
    return deadline_in(year, pack.resolve(make_date(year, 1, 1)).month_day(p));
}

/// art13: the effective due date of the summary for `covered_year` (last day of February of the
/// next year by default).
inline Date annual_summary_due(const RulePack& pack, int covered_year, const DeadlinePolicy& policy = {}) {
    return policy.apply(literal_due(pack, Param::annual_summary_due, covered_year));
}

/// art15: the effective due date of a county's report for `covered_year` (31 March of the next
/// year by default).
inline Date county_report_due(const RulePack& pack, int covered_year, const DeadlinePolicy& policy = {}) {
    return policy.apply(literal_due(pack, Param::county_report_due, covered_year));
}

/// Display name of an obligation status, in zh and en.
inline StaticText obligation_status_name(ObligationStatus s) noexcept {
    static constexpr StaticText names[] = {{"待报送", "pending"}, {"已按时报送", "filed"}, {"逾期报送", "filed late"},
                                           {"逾期未报", "overdue"}};
    return name_in(names, s);
}

/// The mark of an obligation status for people: ✓ filed, ✓! filed late, ✗ overdue, … pending.
inline const char* obligation_mark(ObligationStatus s) noexcept {
    switch (s) {
    case ObligationStatus::pending: return "…";
    case ObligationStatus::filed: return "✓";
    case ObligationStatus::late: return "✓!";
    case ObligationStatus::overdue: return "✗";
    }
    return "?";
}

} // namespace shifan
