// The Calendar's invariants (sorted, no repeats, no day both rest and working), checked once
// when it is made; the queries are inline in shifan/model/calendar.hpp.
#include "shifan/model/calendar.hpp"

#include <algorithm>
#include <string>

namespace shifan {

Calendar::Calendar(bool weekends_rest, std::vector<Date> rest_days, std::vector<Date> working_days)
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

} // namespace shifan
