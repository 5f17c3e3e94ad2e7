/// @file
/// @ingroup lifecycle
/// @brief Reading and writing the lifecycle documents, and the reports for people (art8–art15,
/// docs/specification.md §8): `shifan.history/1`, `shifan.calendar/1`, `shifan.county-filings/1`,
/// `shifan.status/1`, `shifan.roster/1`, the plain-text status and roster reports, and the roster
/// as an HTML page. Declarations only: the definitions are compiled once in `shifan::io`.
///
/// Reading is strict: unknown keys, duplicate keys, `null` and a missing required member (every
/// member that is not optional in the model types) are errors naming their JSON Pointer, e.g.
/// `/events/3/date`.
#pragma once

#include "shifan/core/limits.hpp"
#include "shifan/core/text.hpp"
#include "shifan/lifecycle/history.hpp"
#include "shifan/lifecycle/roster.hpp"
#include "shifan/lifecycle/status.hpp"
#include "shifan/model/calendar.hpp"
#include "shifan/model/county_filings.hpp"
#include "shifan/rules/rule_pack.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace shifan {

/// The schema tag of a history document.
inline constexpr std::string_view history_schema = "shifan.history/1";
/// The schema tag of a calendar document.
inline constexpr std::string_view calendar_schema = "shifan.calendar/1";
/// The schema tag of a county-filings document.
inline constexpr std::string_view county_filings_schema = "shifan.county-filings/1";
/// The schema tag of a status document.
inline constexpr std::string_view status_schema = "shifan.status/1";
/// The schema tag of a roster document.
inline constexpr std::string_view roster_schema = "shifan.roster/1";

/// @name shifan.history/1
//@{
/// Parse a `shifan.history/1` document and check every event under the transition rules, so
/// that a history the rules forbid is an `ErrorCode::history` error naming the event's index,
/// its type and the article it breaks.
/// @param text the document (UTF-8 JSON)
/// @param pack the rule pack for term lengths and deadlines (the built-in one by default)
/// @param limits input limits
/// @return the history
/// @throws Error naming the JSON Pointer and the reason; `ErrorCode::history` (with
///   `event_index`) for an event the rules forbid.
History parse_history(std::string_view text,
                      SharedRulePack pack = SharedRulePack::borrow(builtin_rule_pack()),
                      const json::Limits& limits = {});

/// Append `h` as `shifan.history/1` JSON to `out` (compact; members in the order of the
/// declarations, `type` first in each event; absent optional members omitted). The exact inverse
/// of `parse_history`: a history read back from its output is equal to it, and writes the same
/// bytes again.
/// @param out the string to append to
/// @param h the history
void write_history(std::string& out, const History& h);

/// `h` as `shifan.history/1` JSON (see the overload that appends).
/// @param h the history
/// @return the document
std::string write_history(const History& h);
//@}

/// The top-level `schema` member of a JSON document, if it is an object that has a string one
/// (to tell documents apart before reading them).
/// @param text the document (UTF-8 JSON)
/// @param limits input limits
/// @return the schema tag, or nothing
/// @throws Error (syntax, limit_exceeded) when the text is not JSON.
std::optional<std::string> document_schema(std::string_view text, const json::Limits& limits = {});

/// Parse a `shifan.calendar/1` document. `weekends_rest` defaults to true (weekends are rest
/// days under the State Council's working-hours rules).
/// @param text the document (UTF-8 JSON)
/// @param limits input limits
/// @return the calendar
/// @throws Error naming the JSON Pointer and the reason.
Calendar parse_calendar(std::string_view text, const json::Limits& limits = {});

/// Parse a `shifan.county-filings/1` document.
/// @param text the document (UTF-8 JSON)
/// @param limits input limits
/// @return the county's filings
/// @throws Error naming the JSON Pointer and the reason.
CountyFilings parse_county_filings(std::string_view text, const json::Limits& limits = {});

/// @name shifan.status/1 and shifan.roster/1
//@{
/// Append `s` as `shifan.status/1` JSON to `out` (`docs/schemas/status.schema.json`).
/// @param out the string to append to
/// @param s the status
/// @param lang language of the messages (an object {zh, en} for `Lang::both`)
void write_status(std::string& out, const Status& s, Lang lang = Lang::both);

/// `s` as `shifan.status/1` JSON (see the overload that appends).
/// @param s the status
/// @param lang language of the messages
/// @return the document
std::string write_status(const Status& s, Lang lang = Lang::both);

/// Append `r` as `shifan.roster/1` JSON to `out` (see `docs/lifecycle.md`).
/// @param out the string to append to
/// @param r the roster
/// @param lang language of the messages (an object {zh, en} for `Lang::both`)
void write_roster(std::string& out, const Roster& r, Lang lang = Lang::both);

/// `r` as `shifan.roster/1` JSON (see the overload that appends).
/// @param r the roster
/// @param lang language of the messages
/// @return the document
std::string write_roster(const Roster& r, Lang lang = Lang::both);
//@}

/// @name Reports for people
//@{
/// A status as plain text (the CLI's default output): the state, a timeline of the term with days
/// left, obligations marked ✓ (filed), ✓! (filed late), ✗ (overdue) and … (pending) with their due
/// dates, the next deadline, and whether the platform may apply again and why.
/// @param st the status
/// @param lang `Lang::zh` or `Lang::en`
/// @return the report
std::string render_status(const Status& st, Lang lang);

/// A roster as plain text: the platforms, titles ending this year, overdue filings, the counties'
/// art15 reports, designated platforms by county and by art7 function.
/// @param r the roster
/// @param lang `Lang::zh` or `Lang::en`
/// @return the report
std::string render_roster(const Roster& r, Lang lang);

/// What `render_roster_html` shows besides the roster itself.
struct RosterHtmlOptions {
    /// Pending filings due within this many days of the query date are highlighted as coming soon.
    int soon_days = 30;
    /// A line under the title (e.g. the county the page is for); escaped. Empty: none.
    std::string subtitle;
};

/// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references, safe in HTML text and
/// in quoted attribute values.
/// @param text the text
/// @return the escaped text
std::string html_escape(std::string_view text);

/// The roster `r` as one self-contained HTML page (UTF-8) for a county officer (`shifan roster
/// --html FILE`), Chinese first with an English toggle (a button, or the URL hash `#en`/`#zh`).
///
/// Sections: a header with the readings in words (the setting `name=value` in a tooltip); summary
/// counts; overdue filings (rows of class `overdue`, marked 逾期未报 / overdue; a county's art15
/// report with the county in the county column and the platforms it covers in the platform and
/// name columns); deadlines due within `options.soon_days`; every platform with its state, term
/// (and earlier terms), days left, functions and next deadline; the terms on an SVG timeline (one
/// row per platform labelled with its name and id, a bar for every term — an earlier one ends where
/// its renewal began —, filing deadlines as diamonds coloured by status, the query date as a dashed
/// line); titles ending in the year of the query date; the counties' art15 reports; designated
/// platforms by art7 function and by county. The page script sorts a table by the column whose
/// header is clicked and filters its rows by the text typed in the box above it (either language).
/// The page needs no network: its CSS and script are inline and a Content-Security-Policy forbids
/// every fetch; every text that comes from the input is HTML-escaped. Deterministic: the same
/// roster and options give the same bytes (no clock is read).
/// @param r the roster
/// @param options what to show besides the roster
/// @return the page
std::string render_roster_html(const Roster& r, const RosterHtmlOptions& options = {});
//@}

} // namespace shifan
