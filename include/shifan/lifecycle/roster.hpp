/// @file
/// @ingroup lifecycle
/// @brief County-level queries over many platforms on a date D (docs/specification.md §8): each
/// platform's status, the counties' art15 report obligations, titles expiring in the year of D,
/// overdue filings, and the designated platforms counted by county and by art7 function.
///
/// art15: a county's report for year X-1 is owed when any platform of the county (by
/// `platform.county`) held a valid title on any day of X-1, and is due on 31 March X
/// (`county_report_due`, resolved on 1 January X; rolled forward under `roll_forward`).
#pragma once

#include "shifan/model/county_filings.hpp"
#include "shifan/lifecycle/status.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace shifan {

/// A county's art15 report obligation for one year.
struct CountyReport {
    std::string county; ///< 县区
    Obligation obligation; ///< kind `county_report`
};

/// A filing not made by its due date, as of D.
struct OverdueFiling {
    ObligationKind kind = ObligationKind::annual_summary; ///< art13 summary or art15 county report
    std::optional<std::size_t> platform; ///< index into `Roster::platforms` (annual summaries only)
    std::optional<std::string> county;   ///< the platform's county, or the county that owes the report
    int year = 0;                        ///< the year the report covers
    Date due;                            ///< its due date
};

/// The number of designated platforms of one county (none = platforms without `county`).
struct CountyCount {
    std::optional<std::string> county; ///< the county, or none
    int designated = 0;                ///< platforms designated on D
};

/// The result of a roster query on a date.
struct Roster {
    Date on;                                  ///< the date D
    Interpretations interpretations;          ///< the readings used
    SharedRulePack rule_pack; ///< the pack that set the county deadlines
    std::vector<Status> platforms;            ///< each platform's status, in input order
    std::vector<std::size_t> expiring;        ///< platforms whose title is in force on D and ends in year(D)
    std::vector<OverdueFiling> overdue;       ///< platform summaries, then county reports
    std::vector<CountyReport> county_reports; ///< by county (name order), then year
    int designated = 0;                       ///< platforms designated on D
    std::vector<CountyCount> designated_by_county;              ///< by county name; platforms without county last
    std::array<int, function_count> designated_by_function{};   ///< in art7 order
    int designated_functions_unspecified = 0; ///< designated platforms whose designation lists no functions
};

/// The roster of `histories` and the counties' `filings` on `on`.
/// @param histories the platforms' histories (distinct platform ids)
/// @param filings the counties' art15 filings (one document per county)
/// @param on the date D
/// @param options the readings (`summary_owed`, `deadline_rest_days`) and the calendar
/// @param pack the pack that sets the art15 deadline (the built-in one by default)
/// @throws Error (inconsistent) when two histories share a platform id or two filings documents a
///   county; Error (usage) under `roll_forward` without a calendar; Error (rule_pack).
Roster roster_of(const std::vector<History>& histories, const std::vector<CountyFilings>& filings, Date on,
                 const StatusOptions& options = {},
                 const SharedRulePack& pack = SharedRulePack::borrow(builtin_rule_pack()));

} // namespace shifan
