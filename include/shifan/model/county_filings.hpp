/// @file
/// @ingroup lifecycle
/// @brief A county's art15 filings: "各县区中小企业主管部门……每年3月底前将上一年度市级示范平台工作
/// 总结汇总报告和检查情况报告报市中小企业服务中心". County reports belong to the county, not to a
/// platform; roster queries take them in this form. Its JSON form, `shifan.county-filings/1`, is
/// read by `parse_county_filings`.
#pragma once

#include "shifan/core/date.hpp"
#include "shifan/core/quantities.hpp"

#include <boost/describe/class.hpp>

#include <optional>
#include <string>
#include <vector>

namespace shifan {

/// One art15 report: the year it covers and the date it was filed.
struct CountyFiling {
    Year year; ///< the year the report covers
    Date date; ///< date filed
    friend bool operator==(const CountyFiling&, const CountyFiling&) = default;
};
BOOST_DESCRIBE_STRUCT(CountyFiling, (), (year, date))

/// A county's art15 reports.
struct CountyFilings {
    std::string county;                ///< 县区, matched against `platform.county` (not empty)
    std::vector<CountyFiling> filings; ///< in any order; the earliest filing for a year counts

    /// The first filing for `year` dated on or before `on`, if any.
    [[nodiscard]] std::optional<Date> filed_on(int year, Date on) const {
        std::optional<Date> first;
        for (const CountyFiling& f : filings)
            if (f.year.value == year && f.date <= on && (!first || f.date < *first)) first = f.date;
        return first;
    }
    friend bool operator==(const CountyFilings&, const CountyFilings&) = default;
};

} // namespace shifan
