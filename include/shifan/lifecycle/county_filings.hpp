/// @file
/// @ingroup lifecycle
/// @brief A county's art15 filings (`shifan.county-filings/1`): "各县区中小企业主管部门……每年3月底前
/// 将上一年度市级示范平台工作总结汇总报告和检查情况报告报市中小企业服务中心". County reports belong
/// to the county, not to a platform; roster queries take them in this form.
#pragma once

#include "shifan/core/date.hpp"
#include "shifan/core/quantities.hpp"
#include "json/tape.hpp"
#include "shifan/lifecycle/json_common.hpp"

#include <boost/describe/class.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shifan {

/// The schema tag of a county-filings document.
inline constexpr std::string_view county_filings_schema = "shifan.county-filings/1";

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

namespace detail {
/// The JSON shape of `shifan.county-filings/1`.
struct CountyFilingsDocument {
    std::string schema;
    std::string county;
    std::vector<CountyFiling> filings;
};
BOOST_DESCRIBE_STRUCT(CountyFilingsDocument, (), (schema, county, filings))

inline void after_read(json::Reader& r, CountyFilingsDocument& d) {
    if (d.county.empty())
        r.fail_at("county", ErrorCode::missing_required, "县区 county 不能为空", "\"county\" must not be empty");
}
inline void read(json::Reader& r, CountyFilingsDocument& out) { read_struct(r, out); }
} // namespace detail

/// Parse a `shifan.county-filings/1` document.
/// @throws Error naming the JSON Pointer and the reason.
inline CountyFilings parse_county_filings(std::string_view text, const json::Limits& limits = {}) {
    json::Tape tape;
    detail::CountyFilingsDocument doc;
    json::read_document(tape, text, county_filings_schema, doc, limits);
    return CountyFilings{std::move(doc.county), std::move(doc.filings)};
}

} // namespace shifan
