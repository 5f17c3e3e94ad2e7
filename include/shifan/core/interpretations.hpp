/// @file
/// @ingroup core
/// @brief Named readings of ambiguous clauses (docs/specification.md §7). The default comes first;
/// every result records the readings it used.
#pragma once

#include "shifan/core/error.hpp"

#include <boost/describe/enum.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace shifan {

/// art6.2 "近两年服务企业数量稳步增长": how growth over the last two years is read.
enum class Growth : std::uint8_t {
    strict,         ///< served Y-1 > served Y-2 (default)
    non_decreasing, ///< served Y-1 >= served Y-2
    consecutive,    ///< Y-3 < Y-2 < Y-1: growth in each of the last two years
};
BOOST_DESCRIBE_ENUM(Growth, strict, non_decreasing, consecutive)

/// art6.1 "运营两年以上": when a period of years counts as complete. Its last day is
/// add_years(established_on, n) (Civil Code art. 202) and runs to 24:00 (art. 203).
enum class OperatingPeriod : std::uint8_t {
    after_last_day, ///< complete only after its last day: add_years(established_on, n) < reference date (default)
    on_last_day,    ///< complete on its last day: add_years(established_on, n) <= reference date
};
BOOST_DESCRIBE_ENUM(OperatingPeriod, after_last_day, on_last_day)

/// art13: when the annual summary for year X-1 is owed.
enum class SummaryOwed : std::uint8_t {
    held_at_year_end, ///< valid on 31 Dec X-1 and not revoked before the deadline (default)
    held_any_day,     ///< valid on any day of X-1
};
BOOST_DESCRIBE_ENUM(SummaryOwed, held_at_year_end, held_any_day)

/// Civil Code art. 203: whether a deadline on a rest day moves to the next working day.
enum class DeadlineRestDays : std::uint8_t {
    literal,      ///< the deadline is the calendar day (default)
    roll_forward, ///< moves to the next working day of the host's calendar
};
BOOST_DESCRIBE_ENUM(DeadlineRestDays, literal, roll_forward)

/// The readings in force for one evaluation or status query.
struct Interpretations {
    Growth growth = Growth::strict;                                  ///< art6.2 steady growth
    OperatingPeriod operating_period = OperatingPeriod::after_last_day; ///< art6.1 years of operation
    SummaryOwed summary_owed = SummaryOwed::held_at_year_end;        ///< art13 annual summary
    DeadlineRestDays deadline_rest_days = DeadlineRestDays::literal; ///< deadlines on rest days
};

namespace detail {
template <class E>
bool set_enum_by_name(E& out, std::string_view value, std::string& allowed) {
    bool found = false;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
        if (!allowed.empty()) allowed += ", ";
        allowed += D.name;
        if (!found && value == D.name) { out = D.value; found = true; }
    });
    return found;
}
} // namespace detail

/// Set one reading from `name` and `value` ("growth", "non_decreasing").
/// @throws Error (usage) naming the unknown name or value and the allowed ones.
inline void set_interpretation(Interpretations& i, std::string_view name, std::string_view value) {
    std::string allowed;
    bool ok = false;
    if (name == "growth") ok = detail::set_enum_by_name(i.growth, value, allowed);
    else if (name == "operating_period") ok = detail::set_enum_by_name(i.operating_period, value, allowed);
    else if (name == "summary_owed") ok = detail::set_enum_by_name(i.summary_owed, value, allowed);
    else if (name == "deadline_rest_days") ok = detail::set_enum_by_name(i.deadline_rest_days, value, allowed);
    else
        throw Error(ErrorCode::usage, "",
                    Text{"未知的解读名称“" + std::string(name) + "”（可选：growth, operating_period, summary_owed, deadline_rest_days）",
                         "unknown reading name \"" + std::string(name) +
                             "\" (known: growth, operating_period, summary_owed, deadline_rest_days)"});
    if (!ok)
        throw Error(ErrorCode::usage, "",
                    Text{std::string(name) + " 没有解读“" + std::string(value) + "”（可选：" + allowed + "）",
                         std::string(name) + " has no reading \"" + std::string(value) +
                             "\" (known: " + allowed + ")"});
}

/// Set a reading from "name=value".
inline void set_interpretation(Interpretations& i, std::string_view assignment) {
    const auto eq = assignment.find('=');
    if (eq == std::string_view::npos)
        throw Error(ErrorCode::usage, "",
                    Text{"解读应写作 名称=取值，如 growth=non_decreasing", "a reading is NAME=VALUE, e.g. growth=non_decreasing"});
    set_interpretation(i, assignment.substr(0, eq), assignment.substr(eq + 1));
}

} // namespace shifan
