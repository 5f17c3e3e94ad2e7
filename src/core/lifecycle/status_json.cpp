// Writing `shifan.status/1` (docs/specification.md §8; `docs/schemas/status.schema.json`) and the roster
// document `shifan.roster/1` (`docs/lifecycle.md`) with the streaming writer.
#include "shifan/io/lifecycle.hpp"

#include "json/writer.hpp"
#include "lifecycle/json.hpp"

#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace shifan {

namespace {

using detail::write_member;

void write_date_or_null(json::Writer& w, const std::optional<Date>& d) {
    if (d) write_member(w, *d);
    else w.null();
}

/// A message: an object {"zh", "en"} for `Lang::both`, else a string in that language.
void write_text(json::Writer& w, const Text& t, Lang lang) {
    if (lang == Lang::both) {
        w.begin_object();
        w.member("zh", std::string_view(t.zh));
        w.member("en", std::string_view(t.en));
        w.end_object();
    } else {
        w.value(std::string_view(lang == Lang::en ? t.en : t.zh));
    }
}

void write_citation(json::Writer& w, const StaticText& c, Lang lang) {
    w.key("citation");
    w.value(lang == Lang::en ? c.en : c.zh);
}

void write_context(json::Writer& w, Date on, const RulePack* pack, const Interpretations& i) {
    w.key("on");
    write_member(w, on);
    w.key("rule_pack").begin_object();
    if (pack) {
        w.member("id", std::string_view(pack->id));
        w.member("version", std::string_view(pack->version));
    }
    w.end_object();
    w.key("interpretations").begin_object();
    w.member("summary_owed", json::enum_name(i.summary_owed));
    w.member("deadline_rest_days", json::enum_name(i.deadline_rest_days));
    w.end_object();
}

void write_obligation(json::Writer& w, const Obligation& o, Lang lang) {
    w.member("kind", json::enum_name(o.kind));
    w.member("year", o.year);
    w.key("due");
    write_member(w, o.due);
    w.member("status", json::enum_name(o.status));
    w.key("filed_on");
    write_date_or_null(w, o.filed_on);
    write_citation(w, o.kind == ObligationKind::annual_summary ? citation::art13 : citation::art15, lang);
}

/// `key`: the text, or null when absent.
void write_text_or_null(json::Writer& w, std::string_view key, const std::optional<std::string>& text) {
    w.key(key);
    if (text) w.value(std::string_view(*text)); else w.null();
}

/// `key`: an array of one object per item, its members written by `write_members(item)`.
template <class Items, class WriteMembers>
void write_objects(json::Writer& w, std::string_view key, const Items& items, WriteMembers&& write_members) {
    w.key(key).begin_array();
    for (const auto& item : items) {
        w.begin_object();
        write_members(item);
        w.end_object();
    }
    w.end_array();
}

/// What `write(out, x, lang)` appends, as a string of its own.
template <class T>
std::string written(void (*write)(std::string&, const T&, Lang), const T& x, Lang lang) {
    std::string out;
    write(out, x, lang);
    return out;
}

} // namespace

void write_status(std::string& out, const Status& s, Lang lang) {
    json::Writer w(out);
    w.begin_object();
    w.member("schema", status_schema);
    w.key("platform");
    write_member(w, s.platform);
    write_context(w, s.on, s.rule_pack.get(), s.interpretations);
    w.member("state", json::enum_name(s.state));
    w.key("state_since");
    write_date_or_null(w, s.state_since);
    w.key("term");
    if (s.term) {
        w.begin_object();
        w.key("designated_on");
        write_member(w, s.term->designated_on);
        w.key("valid_until");
        write_member(w, s.term->valid_until);
        w.key("revoked_on");
        write_date_or_null(w, s.term->revoked_on);
        w.member("document_no", std::string_view(s.term->document_no));
        if (s.term->functions) {
            w.key("functions");
            write_member(w, *s.term->functions);
        }
        w.end_object();
    } else {
        w.null();
    }
    w.key("days_left");
    if (s.days_left) w.value(static_cast<std::int64_t>(*s.days_left));
    else w.null();
    w.key("may_apply_again").begin_object();
    w.member("allowed", s.may_apply_again.allowed);
    w.key("reason");
    write_text(w, s.may_apply_again.reason, lang);
    if (s.may_apply_again.article) write_citation(w, *s.may_apply_again.article, lang);
    w.end_object();
    w.key("application");
    if (s.application) {
        w.begin_object();
        w.member("review_year", s.application->review_year);
        w.member("stage", json::enum_name(s.application->stage));
        w.key("applied_on");
        write_member(w, s.application->applied_on);
        w.end_object();
    } else {
        w.null();
    }
    write_objects(w, "obligations", s.obligations, [&](const Obligation& o) { write_obligation(w, o, lang); });
    w.key("next_deadline");
    write_date_or_null(w, s.next_deadline);
    w.key("filings_without_obligation").begin_array();
    for (int y : s.unowed_filings) w.value(y);
    w.end_array();
    w.end_object();
}

std::string write_status(const Status& s, Lang lang) { return written<Status>(write_status, s, lang); }

void write_roster(std::string& out, const Roster& r, Lang lang) {
    json::Writer w(out);
    auto platform_ref = [&](const Status& s) {
        w.member("id", std::string_view(s.platform.id));
        write_text_or_null(w, "name", s.platform.name);
        write_text_or_null(w, "county", s.platform.county);
    };
    w.begin_object();
    w.member("schema", roster_schema);
    write_context(w, r.on, r.rule_pack.get(), r.interpretations);
    write_objects(w, "platforms", r.platforms, [&](const Status& s) {
        platform_ref(s);
        w.member("state", json::enum_name(s.state));
        w.key("valid_until");
        write_date_or_null(w, s.term ? std::optional<Date>(s.term->valid_until) : std::nullopt);
        w.key("days_left");
        if (s.days_left) w.value(static_cast<std::int64_t>(*s.days_left)); else w.null();
    });
    write_objects(w, "expiring", r.expiring, [&](std::size_t i) {
        const Status& s = r.platforms[i];
        platform_ref(s);
        w.key("valid_until");
        write_member(w, s.term->valid_until);
        w.member("days_left", static_cast<std::int64_t>(*s.days_left));
        w.key("renewal");
        if (s.application) {
            w.begin_object();
            w.member("review_year", s.application->review_year);
            w.member("stage", json::enum_name(s.application->stage));
            w.end_object();
        } else {
            w.null();
        }
    });
    write_objects(w, "overdue", r.overdue, [&](const OverdueFiling& o) {
        w.member("kind", json::enum_name(o.kind));
        w.key("platform");
        if (o.platform) w.value(std::string_view(r.platforms[*o.platform].platform.id)); else w.null();
        write_text_or_null(w, "county", o.county);
        w.member("year", o.year);
        w.key("due");
        write_member(w, o.due);
    });
    write_objects(w, "county_reports", r.county_reports, [&](const CountyReport& c) {
        w.member("county", std::string_view(c.county));
        write_obligation(w, c.obligation, lang);
    });
    w.key("designated").begin_object();
    w.member("total", r.designated);
    write_objects(w, "by_county", r.designated_by_county, [&](const CountyCount& c) {
        write_text_or_null(w, "county", c.county);
        w.member("count", c.designated);
    });
    w.key("by_function").begin_object();
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<Function>>([&](auto D) {
        w.member(D.name, r.designated_by_function[static_cast<std::size_t>(D.value)]);
    });
    w.member("unspecified", r.designated_functions_unspecified);
    w.end_object();
    w.end_object();
    w.end_object();
}

std::string write_roster(const Roster& r, Lang lang) { return written<Roster>(write_roster, r, lang); }

} // namespace shifan
