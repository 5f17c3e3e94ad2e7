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


#include <cstddef>
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
    Calendar(bool weekends_rest, std::vector<Date> rest_days, std::vector<Date> working_days); // src/core/lifecycle/calendar.cpp

    /// Whether Saturdays and Sundays are rest days (unless listed as working days).
    [[nodiscard]] bool weekends_rest() const noexcept { return weekends_rest_; }
    /// Listed rest days (public holidays, 放假), sorted.
    [[nodiscard]] const std::vector<Date>& rest_days() const noexcept { return rest_days_; }
    /// Listed make-up working days (调休上班), sorted.
    [[nodiscard]] const std::vector<Date>& working_days() const noexcept { return working_days_; }

    /// Whether `d` is a rest day (法定休假日, weekends included; Civil Code art. 203).
    [[nodiscard]] bool is_rest_day(Date d) const {
        if (contains(working_days_, d)) return false;
        if (contains(rest_days_, d)) return true;
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
    // Binary search in a sorted list (std::binary_search would bring <algorithm> to every includer).
    static bool contains(const std::vector<Date>& sorted, Date d) noexcept {
        std::size_t lo = 0, hi = sorted.size();
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            if (sorted[mid] < d) lo = mid + 1;
            else hi = mid;
        }
        return lo < sorted.size() && sorted[lo] == d;
    }

    bool weekends_rest_ = true;
    std::vector<Date> rest_days_;
    std::vector<Date> working_days_;
};

} // namespace shifan
