// The roster on a date (shifan/lifecycle/roster.hpp): compiled once, since it needs <map>, <set>
// and <algorithm>, which the public headers keep out.
#include "shifan/lifecycle/roster.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace shifan {

Roster roster_of(const std::vector<History>& histories, const std::vector<CountyFilings>& filings, Date on,
                 const StatusOptions& options, const SharedRulePack& pack) {
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
