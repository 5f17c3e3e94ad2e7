/// @file
/// @ingroup lifecycle
/// @brief A host's calendar of rest days (docs/specification.md §7) and the Civil Code art. 203
/// roll-forward: "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日" — a deadline
/// falling on a rest day moves to the next working day. Used only under the
/// `deadline_rest_days = roll_forward` reading; the library ships no calendar. Its JSON form,
/// `shifan.calendar/1`, is read by `parse_calendar`.
#pragma once

#include "shifan/core/date.hpp"
#include "shifan/core/error.hpp"


#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace shifan {

/// Rest days and make-up working days (调休). A day is a rest day when it is listed in
/// `rest_days`, or when weekends rest and it is a Saturday or Sunday not listed in `working_days`.
class Calendar {
public:
    /// A calendar whose only rest days are weekends (or none, with `weekends_rest = false`).
    explicit Calendar(bool weekends_rest = true) : weekends_rest_(weekends_rest) {}

    /// A calendar from lists of dates (order free).
    /// @throws Error (inconsistent) when a day is both a rest day and a working day, or repeats.
    Calendar(bool weekends_rest, std::vector<Date> rest_days, std::vector<Date> working_days)
        : weekends_rest_(weekends_rest), rest_days_(std::move(rest_days)), working_days_(std::move(working_days)) {
        auto sort_unique = [](std::vector<Date>& v, const char* name) {
            std::sort(v.begin(), v.end());
            const auto dup = std::adjacent_find(v.begin(), v.end());
            if (dup != v.end())
                throw Error(ErrorCode::inconsistent, std::string("/") + name,
                            Text{"日期 " + to_string(*dup) + " 重复", "date " + to_string(*dup) + " is listed twice"});
        };
        sort_unique(rest_days_, "rest_days");
        sort_unique(working_days_, "working_days");
        for (Date d : working_days_)
            if (std::binary_search(rest_days_.begin(), rest_days_.end(), d))
                throw Error(ErrorCode::inconsistent, "/working_days",
                            Text{to_string(d) + " 不能既是休息日又是工作日", to_string(d) + " cannot be both a rest day and a working day"});
    }

    /// Whether Saturdays and Sundays are rest days (unless listed as working days).
    [[nodiscard]] bool weekends_rest() const noexcept { return weekends_rest_; }
    /// Listed rest days (public holidays, 放假), sorted.
    [[nodiscard]] const std::vector<Date>& rest_days() const noexcept { return rest_days_; }
    /// Listed make-up working days (调休上班), sorted.
    [[nodiscard]] const std::vector<Date>& working_days() const noexcept { return working_days_; }

    /// Whether `d` is a rest day (法定休假日, weekends included; Civil Code art. 203).
    [[nodiscard]] bool is_rest_day(Date d) const {
        if (std::binary_search(working_days_.begin(), working_days_.end(), d)) return false;
        if (std::binary_search(rest_days_.begin(), rest_days_.end(), d)) return true;
        const auto wd = day_of_week(d); // 0 = Sunday, 6 = Saturday
        return weekends_rest_ && (wd == 0 || wd == 6);
    }

    /// Civil Code art. 203: `d` if it is a working day, else the first working day after it.
    [[nodiscard]] Date roll_forward(Date d) const {
        // Terminates: beyond the last listed rest day, at most two weekend days follow in a row.
        while (is_rest_day(d)) d = add_days(d, 1);
        return d;
    }

private:
    bool weekends_rest_ = true;
    std::vector<Date> rest_days_;
    std::vector<Date> working_days_;
};

} // namespace shifan
