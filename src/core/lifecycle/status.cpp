// A platform's status on a date (shifan/lifecycle/status.hpp): compiled once, since it needs
// <map> and <algorithm>, which the public headers keep out.
#include "shifan/lifecycle/status.hpp"

#include <algorithm>
#include <map>
#include <variant>

namespace shifan {

Status status_of(const History& history, const Ledger& ledger, Date on, const StatusOptions& options) {
    Status s;
    s.platform = history.platform();
    s.on = on;
    s.interpretations = options.interpretations;
    s.rule_pack = history.rule_pack_ptr();
    const StateSince st = ledger.state_on(on);
    s.state = st.state;
    s.state_since = st.since;
    if (!ledger.terms().empty()) {
        for (std::size_t i = 0; i + 1 < ledger.terms().size(); ++i) {
            const TermRecord& e = ledger.terms()[i];
            const Designated& d = history.designation(e);
            s.earlier_terms.push_back(TermView{e.designated_on, e.valid_until, e.revoked_on, d.document_no, d.functions});
        }
        const TermRecord& t = ledger.terms().back();
        const Designated& d = history.designation(t);
        s.term = TermView{t.designated_on, t.valid_until, t.revoked_on, d.document_no, d.functions};
        if (s.state == State::designated) s.days_left = days_between(on, t.valid_until);
    }
    if (const auto& app = ledger.application(); app && app->in_progress())
        s.application = ApplicationView{app->review_year, app->stage(), app->applied_on};
    s.may_apply_again = may_apply_again(ledger, on);

    // art13: the first filing for each year, among the events dated on or before `on`.
    std::map<int, Date> filed;
    for (const Event& e : history.events()) {
        if (event_date(e) > on) break;
        if (const auto* f = std::get_if<AnnualSummaryFiled>(&e)) filed.emplace(f->year.value, f->date);
    }
    const DeadlinePolicy policy = options.deadlines();
    std::vector<int> owed_years;
    if (!ledger.terms().empty()) {
        for (int year = year_of(ledger.terms().front().designated_on); year < year_of(on); ++year) {
            const Date due = annual_summary_due(history.rule_pack(), year, policy);
            if (!summary_owed(ledger, year, due, options.interpretations.summary_owed)) continue;
            Obligation o;
            o.kind = ObligationKind::annual_summary;
            o.year = year;
            o.due = due;
            if (auto it = filed.find(year); it != filed.end()) o.filed_on = it->second;
            o.status = obligation_status(due, o.filed_on, on);
            if (o.status == ObligationStatus::pending && (!s.next_deadline || due < *s.next_deadline)) s.next_deadline = due;
            owed_years.push_back(year);
            s.obligations.push_back(o);
        }
    }
    for (const auto& [year, date] : filed)
        if (!std::binary_search(owed_years.begin(), owed_years.end(), year)) s.unowed_filings.push_back(year);
    return s;
}

} // namespace shifan
