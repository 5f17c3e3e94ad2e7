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

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <set>
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
    std::shared_ptr<const RulePack> rule_pack; ///< the pack that set the county deadlines
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
inline Roster roster_of(const std::vector<History>& histories, const std::vector<CountyFilings>& filings, Date on,
                        const StatusOptions& options = {},
                        const std::shared_ptr<const RulePack>& pack = std::shared_ptr<const RulePack>(std::shared_ptr<const RulePack>{},
                                                                                                &builtin_rule_pack())) {
    Roster roster;
    roster.on = on;
    roster.interpretations = options.interpretations;
    roster.rule_pack = pack;
    {
        std::set<std::string> ids;
        for (const History& h : histories)
            if (!ids.insert(h.platform().id).second)
                throw Error(ErrorCode::inconsistent, "/platform/id",
                            Text{"平台 " + h.platform().id + " 的历史出现了两次", "two histories are for platform " + h.platform().id});
        std::set<std::string> counties;
        for (const CountyFilings& f : filings)
            if (!counties.insert(f.county).second)
                throw Error(ErrorCode::inconsistent, "/county",
                            Text{"县区 " + f.county + " 的报送记录出现了两次", "two county-filings documents are for " + f.county});
    }

    // Each platform's status, from one replay.
    std::vector<Ledger> ledgers;
    ledgers.reserve(histories.size());
    roster.platforms.reserve(histories.size());
    for (const History& h : histories) {
        ledgers.push_back(h.replay(on));
        roster.platforms.push_back(status_of(h, ledgers.back(), on, options));
    }

    std::map<std::optional<std::string>, int> by_county;
    for (std::size_t i = 0; i < roster.platforms.size(); ++i) {
        const Status& s = roster.platforms[i];
        if (s.state == State::designated) {
            ++roster.designated;
            ++by_county[s.platform.county];
            if (s.term->functions) {
                for (Function f : *s.term->functions) ++roster.designated_by_function[static_cast<std::size_t>(f)];
            } else {
                ++roster.designated_functions_unspecified;
            }
            if (year_of(s.term->valid_until) == year_of(on)) roster.expiring.push_back(i);
        }
        for (const Obligation& o : s.obligations)
            if (o.status == ObligationStatus::overdue)
                roster.overdue.push_back({o.kind, i, s.platform.county, o.year, o.due});
    }
    for (const auto& [county, n] : by_county)
        if (county) roster.designated_by_county.push_back({county, n});
    if (auto it = by_county.find(std::nullopt); it != by_county.end()) roster.designated_by_county.push_back({std::nullopt, it->second});

    // art15: the counties of the platforms and of the filings.
    std::set<std::string> counties;
    for (const History& h : histories)
        if (h.platform().county && !h.platform().county->empty()) counties.insert(*h.platform().county);
    for (const CountyFilings& f : filings) counties.insert(f.county);
    const DeadlinePolicy policy = options.deadlines();
    for (const std::string& county : counties) {
        std::vector<const Ledger*> own;
        std::optional<int> first_year;
        for (std::size_t i = 0; i < histories.size(); ++i)
            if (histories[i].platform().county == county && !ledgers[i].terms().empty()) {
                own.push_back(&ledgers[i]);
                const int y = year_of(ledgers[i].terms().front().designated_on);
                if (!first_year || y < *first_year) first_year = y;
            }
        const CountyFilings* filed = nullptr;
        for (const CountyFilings& f : filings)
            if (f.county == county) filed = &f;
        if (!first_year) continue;
        for (int year = *first_year; year < year_of(on); ++year) {
            const Date from = make_date(year, 1, 1), to = make_date(year, 12, 31);
            if (std::none_of(own.begin(), own.end(), [&](const Ledger* l) { return l->valid_on_any_day(from, to); })) continue;
            Obligation o;
            o.kind = ObligationKind::county_report;
            o.year = year;
            o.due = county_report_due(*pack, year, policy);
            if (filed) o.filed_on = filed->filed_on(year, on);
            o.status = obligation_status(o.due, o.filed_on, on);
            roster.county_reports.push_back({county, o});
            if (o.status == ObligationStatus::overdue)
                roster.overdue.push_back({ObligationKind::county_report, std::nullopt, county, year, o.due});
        }
    }
    return roster;
}

} // namespace shifan
