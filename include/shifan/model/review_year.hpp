/// @file
/// @ingroup lifecycle
/// @brief The one rule for "a review year fits a date" (art12, docs/specification.md §5.4 and §8.3):
/// the review takes place once a year under that year's notice, so the review year is the year of
/// the date or the next (a notice may announce next year's review in December). Evaluation applies
/// it to `review_year` and `reference_date`; the lifecycle applies it to an `applied` event.
#pragma once

#include "shifan/core/date.hpp"
#include "shifan/core/text.hpp"

#include <string>

namespace shifan {

/// Whether review year `review_year` fits date `d`: the year of `d` or the next (art12).
[[nodiscard]] inline bool review_year_fits(int review_year, Date d) {
    const int y = year_of(d);
    return review_year == y || review_year == y + 1;
}

/// Why review year `review_year` does not fit `d`; `what` names the date in zh and en
/// ("申报日期" / "the application date", "评审基准日" / "the reference date").
[[nodiscard]] inline Text review_year_mismatch(int review_year, Date d, StaticText what) {
    const std::string rys = std::to_string(review_year);
    return Text{"评审年度 " + rys + " 与" + std::string(what.zh) + " " + to_string(d) +
                    " 不符：评审每年开展一次，按当年申报通知进行，评审年度应为该日期当年（或次年）",
                "review year " + rys + " does not match " + std::string(what.en) + " " + to_string(d) +
                    ": the review takes place once a year under that year's notice, so the review year is "
                    "the year of that date (or the next)"};
}

} // namespace shifan
