// A roster as a self-contained HTML page for a county officer (`shifan roster --html FILE`): the
// platforms with their state and term, every term on an SVG timeline with the query date and the
// filing deadlines marked, overdue filings (art13, art15) highlighted, titles ending this year,
// deadlines coming soon, the counties' art15 reports, and the designated platforms counted by art7
// function and by county.
//
// The page needs no network: its CSS and script are inline and a Content-Security-Policy forbids
// every fetch. It is in Chinese; a button (or the URL hash `#en`) switches every label to English
// and back (`#zh`). The script also sorts a table by the column whose header is clicked and filters
// its rows by the text typed in the box above it. Without script the page reads in Chinese, in
// roster order, with the filter boxes hidden. Every text that comes from the input (platform ids
// and names, counties, document numbers) is HTML-escaped.
#include "shifan/io/lifecycle.hpp"

#include "shifan/core/enum_names.hpp"
#include "shifan/io/evaluation.hpp"
#include "shifan/version.hpp"

#include "escape.hpp"
#include "format.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shifan {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    escape::append(
        out, text, [](unsigned char c) { return c == '&' || c == '<' || c == '>' || c == '"' || c == '\''; },
        [](std::string& o, unsigned char c) {
            switch (c) {
            case '&': o += "&amp;"; break;
            case '<': o += "&lt;"; break;
            case '>': o += "&gt;"; break;
            case '"': o += "&quot;"; break;
            default: o += "&#39;"; break;
            }
        });
    return out;
}

namespace {

/// `<tag attrs data-en="en">zh</tag>`: a leaf element whose text the page script switches.
std::string tr(std::string_view tag, std::string_view zh, std::string_view en, std::string_view attrs = {}) {
    std::string s = "<" + std::string(tag);
    if (!attrs.empty()) s += " " + std::string(attrs);
    s += " data-en=\"" + html_escape(en) + "\">" + html_escape(zh) + "</" + std::string(tag) + ">";
    return s;
}
std::string span(std::string_view zh, std::string_view en, std::string_view attrs = {}) { return tr("span", zh, en, attrs); }
std::string span(StaticText t, std::string_view attrs = {}) { return tr("span", t.zh, t.en, attrs); }
std::string td(std::string_view text, std::string_view attrs = {}) {
    return "<td" + (attrs.empty() ? std::string() : " " + std::string(attrs)) + ">" + html_escape(text) + "</td>";
}
std::string raw_td(const std::string& html, std::string_view attrs = {}) {
    return "<td" + (attrs.empty() ? std::string() : " " + std::string(attrs)) + ">" + html + "</td>";
}
std::string num(long n) { return format::count(n); }

/// One term as the page draws it: the days the title was valid under it.
struct TermSpan {
    const TermView* term = nullptr;
    Date last_day;          ///< the last day it was valid (cut short by a renewal or a revocation)
    bool replaced = false;  ///< a renewal replaced it before its `valid_until`
    bool latest = false;    ///< the platform's latest term
};

/// Every term of `st`, oldest first: the earlier ones end the day before the next began.
std::vector<TermSpan> term_spans(const Status& st) {
    std::vector<TermSpan> out;
    for (std::size_t i = 0; i < st.earlier_terms.size(); ++i) {
        const TermView& t = st.earlier_terms[i];
        std::optional<Date> next;
        if (i + 1 < st.earlier_terms.size()) next = st.earlier_terms[i + 1].designated_on;
        else if (st.term) next = st.term->designated_on;
        TermSpan sp{&t, t.valid_until, false, false};
        if (next && add_days(*next, -1) < sp.last_day) {
            sp.last_day = add_days(*next, -1);
            sp.replaced = true;
        }
        if (t.revoked_on && add_days(*t.revoked_on, -1) < sp.last_day) {
            sp.last_day = add_days(*t.revoked_on, -1);
            sp.replaced = false;
        }
        out.push_back(sp);
    }
    if (st.term) {
        TermSpan sp{&*st.term, st.term->valid_until, false, true};
        if (st.term->revoked_on && add_days(*st.term->revoked_on, -1) < sp.last_day) sp.last_day = add_days(*st.term->revoked_on, -1);
        out.push_back(sp);
    }
    return out;
}

/// Whether `st` held a valid title on a day of `year`.
bool valid_in_year(const Status& st, int year) {
    const Date first = make_date(year, 1, 1), last = make_date(year, 12, 31);
    for (const TermSpan& sp : term_spans(st))
        if (sp.term->designated_on <= last && sp.last_day >= first && sp.last_day >= sp.term->designated_on) return true;
    return false;
}

/// `text` cut to about `width` columns (a CJK character counts two), with "…" when cut; whole
/// UTF-8 sequences only.
std::string clip(std::string_view text, int width) {
    int used = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        const int w = len >= 3 ? 2 : 1;
        if (used + w > width) {
            std::string out(text.substr(0, i));
            out += "…";
            return out;
        }
        used += w;
        i += len;
    }
    return std::string(text);
}

/// A reading of the roster in words (zh, en) and as its setting `name=value`.
struct ReadingWords {
    std::string_view zh, en;
    std::string setting;
    bool is_default = false;
};

/// The readings a roster rests on (`summary_owed`, `deadline_rest_days`), in words.
std::vector<ReadingWords> reading_words(const Interpretations& in) {
    std::vector<ReadingWords> out;
    const bool year_end = in.summary_owed == SummaryOwed::held_at_year_end;
    out.push_back({year_end ? "年度工作总结：12 月 31 日称号有效、且截止日前未被撤销的平台须报送（第十三条）"
                            : "年度工作总结：该年任一日称号有效的平台须报送（第十三条）",
                   year_end ? "annual summaries are owed by platforms whose title was valid on 31 December and was not revoked "
                              "before the deadline (art13)"
                            : "annual summaries are owed by platforms whose title was valid on any day of the year (art13)",
                   "summary_owed=" + std::string(json::enum_name(in.summary_owed)), year_end});
    const bool literal = in.deadline_rest_days == DeadlineRestDays::literal;
    out.push_back({literal ? "截止日逢休息日不顺延" : "截止日逢休息日顺延至下一工作日（《民法典》第二百零三条）",
                   literal ? "a deadline on a rest day stays on that day"
                           : "a deadline on a rest day moves to the next working day (Civil Code art. 203)",
                   "deadline_rest_days=" + std::string(json::enum_name(in.deadline_rest_days)), literal});
    return out;
}

/// A text box that filters the rows of the table `table_id` (hidden until the script shows it).
std::string filter_box(std::string_view table_id) {
    std::string s = "<div class=\"tools\" hidden><input type=\"search\" class=\"filter\" data-for=\"";
    s += table_id;
    s += "\" placeholder=\"筛选：输入编号、名称、县区等\" aria-label=\"筛选：输入编号、名称、县区等\" "
         "data-en-placeholder=\"Filter: type an id, a name, a county…\"><span class=\"filter-count\" aria-live=\"polite\"></span></div>";
    return s;
}

/// `<table class="sortable" id=…><thead>…` with the given header cells.
std::string sortable_table(std::string_view table_id, const std::string& header_cells) {
    std::string s = "<table class=\"sortable\" id=\"";
    s += table_id;
    s += "\"><thead><tr>";
    s += header_cells;
    s += "</tr></thead><tbody>\n";
    return s;
}

const char* state_class(State s) {
    switch (s) {
    case State::designated: return "st-designated";
    case State::expired: return "st-expired";
    case State::revoked: return "st-revoked";
    case State::rejected:
    case State::not_recommended: return "st-refused";
    case State::candidate:
    case State::recommended: return "st-pending";
    case State::none: break;
    }
    return "st-none";
}

const char* obligation_class(ObligationStatus s) {
    switch (s) {
    case ObligationStatus::pending: return "ob-pending";
    case ObligationStatus::filed: return "ob-filed";
    case ObligationStatus::late: return "ob-late";
    case ObligationStatus::overdue: return "overdue";
    }
    return "";
}

std::string platform_cells(const Platform& p) {
    return "<td class=\"pid\">" + html_escape(p.id) + "</td>" + td(p.name ? *p.name : std::string()) +
           td(p.county ? *p.county : std::string());
}

/// The platform, name and county cells of a county's art15 report for `year`: the platforms of the
/// county that held a title in that year (those the report covers), their names, and the county.
std::string county_cells(const Roster& r, std::string_view county, int year) {
    std::string ids, names;
    for (const Status& st : r.platforms) {
        if (!st.platform.county || *st.platform.county != county || !valid_in_year(st, year)) continue;
        if (!ids.empty()) {
            ids += "<br>";
            names += "<br>";
        }
        ids += html_escape(st.platform.id);
        names += st.platform.name ? html_escape(*st.platform.name) : std::string("—");
    }
    if (ids.empty()) {
        ids = "—";
        names = "—";
    }
    std::string s = "<td class=\"pid\">";
    s += ids;
    s += "</td>";
    s += raw_td(names);
    s += td(county);
    return s;
}

/// The filing cell of a county's art15 report for `year`.
std::string county_filing_cell(int year) {
    std::string s = "<td>";
    s += span(num(year) + " 年度县区汇总及检查报告（第十五条）", "county report for " + num(year) + " (art15)");
    s += "<br>";
    s += span("由县区报送，涵盖所列平台", "filed by the county; covers the platforms listed", "class=\"note\"");
    s += "</td>";
    return s;
}

std::string functions_text(const std::optional<std::vector<Function>>& fs, bool en) {
    if (!fs || fs->empty()) return en ? "(not specified)" : "（未注明）";
    std::string s;
    for (Function f : *fs) {
        if (!s.empty()) s += en ? ", " : "、";
        s += en ? function_name(f).en : function_name(f).zh;
    }
    return s;
}

std::string obligation_text(const Obligation& o, Date on, bool en) {
    switch (o.status) {
    case ObligationStatus::filed: return en ? "filed " + to_string(*o.filed_on) : to_string(*o.filed_on) + " 报送";
    case ObligationStatus::late:
        return en ? "filed late " + to_string(*o.filed_on) + " (" + format::days_en(days_between(o.due, *o.filed_on)) + " after)"
                  : to_string(*o.filed_on) + " 逾期报送（晚 " + num(days_between(o.due, *o.filed_on)) + " 天）";
    case ObligationStatus::overdue:
        return en ? "not filed, overdue by " + format::days_en(days_between(o.due, on))
                  : "逾期未报（已逾期 " + num(days_between(o.due, on)) + " 天）";
    case ObligationStatus::pending:
        return en ? "pending, " + format::days_en(days_between(on, o.due)) + " left" : "待报送（还有 " + num(days_between(on, o.due)) + " 天）";
    }
    return {};
}

/// One count with a CSS bar `n / max` wide.
std::string count_row(const std::string& label_html, int n, int max) {
    const int pct = max > 0 ? n * 100 / max : 0;
    return "<tr><th scope=\"row\">" + label_html + "</th><td class=\"n\">" + num(n) +
           "</td><td class=\"barcell\"><div class=\"bar\" style=\"width:" + num(pct) + "%\"></div></td></tr>\n";
}

/// The SVG timeline: one row per platform labelled with its name and id, each of its terms as a
/// bar (an earlier term ends where the renewal began), its filing deadlines as diamonds, the
/// query date as a dashed line.
std::string timeline(const Roster& r) {
    int first = year_of(r.on) - 1, last = year_of(r.on) + 1;
    for (const Status& s : r.platforms) {
        for (const TermView& t : s.earlier_terms) first = std::min(first, year_of(t.designated_on));
        if (s.term) {
            first = std::min(first, year_of(s.term->designated_on));
            last = std::max(last, year_of(s.term->valid_until));
        }
        for (const Obligation& o : s.obligations) last = std::max(last, year_of(o.due));
    }
    const Date from = make_date(first, 1, 1), to = make_date(last, 12, 31);
    const double left = 300, right = 1000 - 20, row = 36, top = 34;
    const double span_days = static_cast<double>(days_between(from, to));
    auto x = [&](Date d) { return left + (right - left) * static_cast<double>(days_between(from, d)) / span_days; };
    auto fx = [](double v) {
        std::string s = format::count(std::lround(v * 10));
        return s.substr(0, s.size() - 1) + "." + s.substr(s.size() - 1);
    };
    const double height = top + row * static_cast<double>(r.platforms.size()) + 26;
    std::string s = "<svg class=\"timeline\" viewBox=\"0 0 1000 " + fx(height) +
                    "\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" aria-labelledby=\"tl-title\">\n";
    s += tr("title", "认定期时间轴", "Terms on a timeline", "id=\"tl-title\"") + "\n";
    for (int y = first; y <= last + 1; ++y) {
        const double gx = y <= last ? x(make_date(y, 1, 1)) : right;
        s += "<line class=\"grid\" x1=\"" + fx(gx) + "\" y1=\"" + fx(top - 8) + "\" x2=\"" + fx(gx) + "\" y2=\"" + fx(height - 20) + "\"/>";
        if (y <= last)
            s += "<text class=\"year\" x=\"" + fx(gx + 4) + "\" y=\"" + fx(top - 14) + "\">" + num(y) + "</text>\n";
    }
    for (std::size_t i = 0; i < r.platforms.size(); ++i) {
        const Status& st = r.platforms[i];
        const double y = top + row * static_cast<double>(i);
        s += "<g class=\"row " + std::string(state_class(st.state)) + "\" data-platform=\"" + html_escape(st.platform.id) + "\">";
        // The label: the name (cut to fit; whole in the tooltip) over the id.
        std::string whole = st.platform.name ? *st.platform.name + " · " : std::string();
        whole += st.platform.id;
        s += "<title>";
        s += html_escape(whole);
        s += "</title>";
        if (st.platform.name && !st.platform.name->empty()) {
            s += "<text class=\"label\" x=\"" + fx(left - 8) + "\" y=\"" + fx(y + 16) + "\">" + html_escape(clip(*st.platform.name, 44)) + "</text>";
            s += "<text class=\"label-id\" x=\"" + fx(left - 8) + "\" y=\"" + fx(y + 30) + "\">" + html_escape(clip(st.platform.id, 44)) + "</text>";
        } else {
            s += "<text class=\"label\" x=\"" + fx(left - 8) + "\" y=\"" + fx(y + 22) + "\">" + html_escape(clip(st.platform.id, 44)) + "</text>";
        }
        const std::vector<TermSpan> spans = term_spans(st);
        if (spans.empty())
            s += tr("text", "从未获认定", "never designated", "class=\"none\" x=\"" + fx(left + 6) + "\" y=\"" + fx(y + 22) + "\"");
        for (const TermSpan& sp : spans) {
            const TermView& t = *sp.term;
            const std::string dates = to_string(t.designated_on) + " → " + to_string(t.valid_until);
            const double x0 = x(t.designated_on);
            if (!sp.latest) {
                // An earlier term: drawn to the day before the next one began (or its end).
                const double x1 = std::max(x(add_days(sp.last_day, 1)), x0 + 2);
                s += "<rect class=\"term ended\" x=\"" + fx(x0) + "\" y=\"" + fx(y + 10) + "\" width=\"" + fx(x1 - x0) + "\" height=\"16\" rx=\"3\">";
                std::string zh = dates + "，" + t.document_no, en = dates + ", " + t.document_no;
                if (sp.replaced) {
                    zh += "；" + to_string(add_days(sp.last_day, 1)) + " 起由重新认定取代";
                    en += "; replaced by the renewal from " + to_string(add_days(sp.last_day, 1));
                } else if (t.revoked_on) {
                    zh += "；" + to_string(*t.revoked_on) + " 撤销";
                    en += "; revoked " + to_string(*t.revoked_on);
                }
                s += tr("title", zh, en);
                s += "</rect>";
                continue;
            }
            const Date end = t.revoked_on ? *t.revoked_on : t.valid_until;
            const double x1 = std::max(x(end), x0 + 2);
            s += "<rect class=\"term\" x=\"" + fx(x0) + "\" y=\"" + fx(y + 10) + "\" width=\"" + fx(x1 - x0) + "\" height=\"16\" rx=\"3\">";
            s += tr("title", dates + "，" + std::string(state_name(st.state).zh), dates + ", " + std::string(state_name(st.state).en));
            s += "</rect>";
            if (t.revoked_on && *t.revoked_on < t.valid_until)
                s += "<rect class=\"term-void\" x=\"" + fx(x1) + "\" y=\"" + fx(y + 10) + "\" width=\"" + fx(x(t.valid_until) - x1) +
                     "\" height=\"16\" rx=\"3\"/>";
        }
        for (const Obligation& o : st.obligations) {
            const double cx = x(o.due), cy = y + 18;
            s += "<path class=\"due " + std::string(obligation_class(o.status)) + "\" d=\"M" + fx(cx) + " " + fx(cy - 7) + "l6 7-6 7-6-7z\">";
            s += tr("title",
                    num(o.year) + " 年度工作总结，截止 " + to_string(o.due) + "：" + std::string(obligation_status_name(o.status).zh),
                    "summary for " + num(o.year) + ", due " + to_string(o.due) + ": " + std::string(obligation_status_name(o.status).en));
            s += "</path>";
        }
        s += "</g>\n";
    }
    const double ox = x(r.on);
    s += "<line class=\"today\" x1=\"" + fx(ox) + "\" y1=\"" + fx(top - 8) + "\" x2=\"" + fx(ox) + "\" y2=\"" + fx(height - 20) + "\"/>";
    s += tr("text", "查询日 " + to_string(r.on), "query date " + to_string(r.on),
            "class=\"today-label\" x=\"" + fx(std::min(ox + 4, right - 150)) + "\" y=\"" + fx(height - 6) + "\"");
    s += "\n</svg>\n";
    return s;
}

constexpr std::string_view style = R"css(
:root{--fg:#1f2933;--muted:#616e7c;--line:#d9e2ec;--bg:#f5f7fa;--ok:#2f855a;--warn:#b7791f;--bad:#c53030;--accent:#2b6cb0}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 "Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",system-ui,sans-serif;color:var(--fg);background:var(--bg)}
header{background:#102a43;color:#fff;padding:18px 28px;display:flex;align-items:flex-start;justify-content:space-between;gap:16px}
header h1{margin:0 0 4px;font-size:22px;font-weight:600}
header p{margin:0;color:#bcccdc;font-size:13px}
#lang-toggle{font:inherit;font-size:14px;padding:6px 14px;border-radius:6px;border:1px solid #9fb3c8;background:#243b53;color:#fff;cursor:pointer;white-space:nowrap}
#lang-toggle:hover{background:#334e68}
main{padding:20px 28px 40px;max-width:1280px}
section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:14px 18px;margin:0 0 18px}
h2{font-size:17px;margin:0 0 10px}
.cards{display:flex;gap:14px;flex-wrap:wrap;background:none;border:0;padding:0}
.card{flex:1 1 180px;background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 16px}
.card .big{font-size:30px;font-weight:700;line-height:1.2}
.card.alert{border-color:var(--bad);background:#fff5f5}.card.alert .big{color:var(--bad)}
.card.warn .big{color:var(--warn)}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
thead th{background:#f0f4f8;font-weight:600;white-space:nowrap}
td.pid{font-family:ui-monospace,"DejaVu Sans Mono",monospace;white-space:nowrap}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12.5px;white-space:nowrap;border:1px solid transparent}
.st-designated{background:#e6f4ea;color:var(--ok);border-color:#9ae6b4}
.st-expired{background:#edf2f7;color:#4a5568;border-color:#cbd5e0}
.st-revoked,.st-refused{background:#fff5f5;color:var(--bad);border-color:#feb2b2}
.st-pending{background:#ebf8ff;color:var(--accent);border-color:#90cdf4}
.st-none{background:#f7fafc;color:var(--muted)}
tr.overdue td{background:#fff5f5}
.mark-overdue{color:#fff;background:var(--bad);border-radius:4px;padding:1px 7px;font-weight:600;white-space:nowrap}
tr.soon td{background:#fffaf0}
.mark-soon{color:#fff;background:var(--warn);border-radius:4px;padding:1px 7px;font-weight:600;white-space:nowrap}
.ob-filed{color:var(--ok)}.ob-late{color:var(--warn)}.ob-pending{color:var(--accent)}
td.ob.overdue,.ob .overdue{color:var(--bad);font-weight:600}
.empty{color:var(--muted);margin:4px 0}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:18px}
@media (max-width:900px){.grid2{grid-template-columns:1fr}}
.counts td.n{width:3em;text-align:right;font-weight:600}
.barcell{width:60%}.bar{height:12px;background:var(--accent);border-radius:3px;min-width:2px}
svg.timeline{width:100%;height:auto;display:block}
svg .grid{stroke:#e4e7eb;stroke-width:1}
svg .year{font-size:12px;fill:var(--muted)}
svg .label{font-size:12.5px;text-anchor:end;fill:var(--fg)}
svg .label-id{font-size:10.5px;text-anchor:end;fill:var(--muted);font-family:ui-monospace,"DejaVu Sans Mono",monospace}
svg .none{font-size:12px;fill:var(--muted)}
svg .term{fill:#a0aec0;stroke:#fff;stroke-width:1.5}
svg .st-designated .term{fill:var(--ok)}
svg .st-revoked .term{fill:var(--bad)}
svg .row .term.ended{fill:#a0aec0}
svg .term-void{fill:none;stroke:var(--bad);stroke-dasharray:4 3}
svg .due{stroke:#1f2933;stroke-width:1.2}
svg .due.ob-filed{fill:var(--ok)}svg .due.ob-late{fill:var(--warn)}svg .due.ob-pending{fill:var(--accent)}svg .due.overdue{fill:var(--bad)}
svg .today{stroke:var(--bad);stroke-width:1.5;stroke-dasharray:5 4}
svg .today-label{font-size:12px;fill:var(--bad)}
.legend{font-size:12.5px;color:var(--muted);margin:6px 0 0}
.legend i{display:inline-block;width:12px;height:12px;border-radius:2px;margin:0 4px -1px 12px}
footer{color:var(--muted);font-size:12px;padding:0 28px 24px}
header p.readings{margin-top:2px}
.note{color:var(--muted);font-size:12.5px}
.tools{display:flex;align-items:center;gap:12px;margin:0 0 8px}
.tools[hidden]{display:none}
.filter{font:inherit;font-size:13.5px;padding:4px 10px;border:1px solid #bcccdc;border-radius:6px;min-width:22em}
.filter-count{font-size:12.5px;color:var(--muted)}
th.sort{cursor:pointer;user-select:none}
th.sort:hover,th.sort:focus{background:#e1e8f0;outline:none}
th.sort::after{content:" \2195";color:#9aa5b1;font-weight:400}
th[aria-sort=ascending]::after{content:" \25B2";color:var(--accent)}
th[aria-sort=descending]::after{content:" \25BC";color:var(--accent)}
tbody tr[hidden]{display:none}
@media print{#lang-toggle,.tools{display:none}body{background:#fff}th.sort::after{content:none}}
)css";

constexpr std::string_view script = R"js(
(function () {
  var current = 'zh';
  function each(list, f) { for (var i = 0; i < list.length; i++) f(list[i], i); }

  // Filtering: a row stays when its text (in either language) holds what was typed.
  function rowText(row) {
    var t = row.textContent + ' ' + (row.getAttribute('data-platform') || '');
    each(row.querySelectorAll('[data-en]'), function (el) {
      t += ' ' + el.getAttribute('data-en') + ' ' + (el.getAttribute('data-zh') || '');
    });
    return t.toLowerCase();
  }
  function filter(input) {
    var table = document.getElementById(input.getAttribute('data-for'));
    var q = input.value.trim().toLowerCase(), rows = table.tBodies[0].rows, shown = 0;
    each(rows, function (row) {
      var hit = !q || rowText(row).indexOf(q) >= 0;
      row.hidden = !hit;
      if (hit) shown++;
    });
    var count = input.parentNode.querySelector('.filter-count');
    count.textContent = !q ? '' : current === 'en' ? shown + ' of ' + rows.length + ' rows' : '显示 ' + shown + ' / ' + rows.length + ' 行';
  }

  // Sorting: by the clicked column, ascending then descending; numbers as numbers, dates as
  // text (YYYY-MM-DD), empty cells ('—') last either way.
  function key(cell) {
    if (!cell) return '';
    var k = cell.getAttribute('data-sort');
    if (k === null) k = cell.textContent.trim();
    return k === '—' ? '' : k;
  }
  function compare(a, b) {
    var na = Number(a.replace(/,/g, '')), nb = Number(b.replace(/,/g, ''));
    if (!isNaN(na) && !isNaN(nb)) return na - nb;
    return a.localeCompare(b, current === 'en' ? 'en' : 'zh-CN');
  }
  function sortBy(th) {
    var table = th.closest('table'), body = table.tBodies[0], col = th.cellIndex;
    var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending', sign = dir === 'ascending' ? 1 : -1;
    each(th.parentNode.cells, function (c) { c.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', dir);
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var ka = key(a.cells[col]), kb = key(b.cells[col]);
      if (ka === kb) return 0;
      if (ka === '') return 1;
      if (kb === '') return -1;
      return sign * compare(ka, kb);
    });
    each(rows, function (row) { body.appendChild(row); });
  }

  function apply(lang) {
    each(document.querySelectorAll('[data-en]'), function (el) {
      if (!el.hasAttribute('data-zh')) el.setAttribute('data-zh', el.textContent);
      el.textContent = el.getAttribute(lang === 'en' ? 'data-en' : 'data-zh');
    });
    each(document.querySelectorAll('[data-en-placeholder]'), function (el) {
      if (!el.hasAttribute('data-zh-placeholder')) el.setAttribute('data-zh-placeholder', el.getAttribute('placeholder'));
      var t = el.getAttribute(lang === 'en' ? 'data-en-placeholder' : 'data-zh-placeholder');
      el.setAttribute('placeholder', t);
      el.setAttribute('aria-label', t);
    });
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.body.setAttribute('data-lang', lang);
    current = lang;
    each(document.querySelectorAll('input.filter'), filter);
  }

  each(document.querySelectorAll('table.sortable thead th'), function (th) {
    if (!th.textContent.trim()) return;
    th.classList.add('sort');
    th.tabIndex = 0;
    th.addEventListener('click', function () { sortBy(th); });
    th.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortBy(th); }
    });
  });
  each(document.querySelectorAll('input.filter'), function (input) {
    input.addEventListener('input', function () { filter(input); });
    input.parentNode.hidden = false;
  });
  document.getElementById('lang-toggle').addEventListener('click', function () {
    var next = current === 'en' ? 'zh' : 'en';
    apply(next);
    if (history.replaceState) history.replaceState(null, '', '#' + next);
  });
  window.addEventListener('hashchange', function () { apply(location.hash === '#en' ? 'en' : 'zh'); });
  apply(location.hash === '#en' ? 'en' : 'zh');
})();
)js";

} // namespace

std::string render_roster_html(const Roster& r, const RosterHtmlOptions& options) {
    const std::string on = to_string(r.on);
    const std::string year = num(year_of(r.on));
    std::string h;
    h.reserve(16384 + r.platforms.size() * 1500);
    h += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
    h += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "script-src 'unsafe-inline'; img-src data:\">\n";
    h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    h += "<meta name=\"generator\" content=\"shifan " SHIFAN_VERSION_STRING "\">\n";
    h += tr("title", "示范平台名录 " + on, "Platform roster " + on) + "\n";
    h += "<style>" + std::string(style) + "</style>\n</head>\n<body>\n";

    // --- header -----------------------------------------------------------------------------------
    h += "<header><div>";
    h += tr("h1", "长治市市级中小企业公共服务示范平台 · 名录", "Changzhi municipal SME public service demonstration platforms · roster");
    h += "<p>" + span("查询日期 ", "Query date ") + "<strong id=\"query-date\">" + on + "</strong>";
    if (r.rule_pack) h += " · " + span("规则包 ", "rule pack ") + html_escape(r.rule_pack->id + " " + r.rule_pack->version);
    h += "</p>\n<p class=\"readings\">" + span("解读：", "Readings: ");
    bool first_reading = true;
    for (const ReadingWords& w : reading_words(r.interpretations)) {
        if (!first_reading) h += span("；", "; ");
        first_reading = false;
        std::string zh(w.zh), en(w.en);
        if (w.is_default) {
            zh += "（默认）";
            en += " (default)";
        }
        std::string attrs = "class=\"reading\" title=\"";
        attrs += html_escape(w.setting);
        attrs += "\"";
        h += span(zh, en, attrs);
    }
    h += "</p>";
    if (!options.subtitle.empty()) h += "<p>" + html_escape(options.subtitle) + "</p>";
    h += "</div><button id=\"lang-toggle\" type=\"button\" data-en=\"中文\" title=\"English / 中文\">English</button></header>\n<main>\n";

    // --- summary cards ----------------------------------------------------------------------------
    std::vector<std::pair<std::size_t, const Obligation*>> soon;
    for (std::size_t i = 0; i < r.platforms.size(); ++i)
        for (const Obligation& o : r.platforms[i].obligations)
            if (o.status == ObligationStatus::pending && days_between(r.on, o.due) <= options.soon_days) soon.emplace_back(i, &o);
    std::vector<const CountyReport*> soon_county;
    for (const CountyReport& c : r.county_reports)
        if (c.obligation.status == ObligationStatus::pending && days_between(r.on, c.obligation.due) <= options.soon_days)
            soon_county.push_back(&c);
    auto card = [&](const std::string& cls, std::size_t n, std::string_view zh, std::string_view en, const std::string& id) {
        h += "<div class=\"card" + cls + "\" id=\"" + id + "\"><div class=\"big\">" + num(static_cast<long>(n)) + "</div>" + span(zh, en) +
             "</div>";
    };
    h += "<section class=\"cards\">";
    card("", static_cast<std::size_t>(r.designated), "已认定平台", "designated platforms", "count-designated");
    card("", r.platforms.size(), "名录中的平台", "platforms in the roster", "count-platforms");
    card(r.expiring.empty() ? "" : " warn", r.expiring.size(), "今年（" + year + " 年）期满", "titles ending in " + year, "count-expiring");
    card(soon.empty() && soon_county.empty() ? "" : " warn", soon.size() + soon_county.size(),
         num(options.soon_days) + " 天内截止的报送", "filings due within " + num(options.soon_days) + " days", "count-soon");
    card(r.overdue.empty() ? "" : " alert", r.overdue.size(), "逾期未报", "overdue filings", "count-overdue");
    h += "</section>\n";

    // --- overdue filings --------------------------------------------------------------------------
    h += "<section id=\"overdue\">" + tr("h2", "逾期未报（第十三条、第十五条）", "Overdue filings (art13, art15)");
    if (r.overdue.empty()) {
        h += tr("p", "无逾期未报。", "No overdue filings.", "class=\"empty\"");
    } else {
        h += filter_box("t-overdue");
        h += sortable_table("t-overdue", tr("th", "", "") + tr("th", "平台", "Platform") + tr("th", "名称", "Name") + tr("th", "县区", "County") +
                                             tr("th", "报送事项", "Filing") + tr("th", "截止日", "Due") + tr("th", "逾期天数", "Days overdue"));
        for (const OverdueFiling& o : r.overdue) {
            if (o.platform) {
                h += "<tr class=\"overdue\" data-platform=\"" + html_escape(r.platforms[*o.platform].platform.id) + "\">";
                h += raw_td(span("✗ 逾期未报", "✗ overdue", "class=\"mark-overdue\""));
                h += platform_cells(r.platforms[*o.platform].platform);
                h += raw_td(span(num(o.year) + " 年度工作总结（第十三条）", "summary for " + num(o.year) + " (art13)"));
            } else {
                const std::string county = o.county ? *o.county : std::string();
                h += "<tr class=\"overdue county\" data-county=\"" + html_escape(county) + "\">";
                h += raw_td(span("✗ 逾期未报", "✗ overdue", "class=\"mark-overdue\""));
                h += county_cells(r, county, o.year);
                h += county_filing_cell(o.year);
            }
            h += td(to_string(o.due)) + "<td class=\"n\">" + num(days_between(o.due, r.on)) + "</td></tr>\n";
        }
        h += "</tbody></table>";
    }
    h += "</section>\n";

    // --- coming soon ------------------------------------------------------------------------------
    if (!soon.empty() || !soon_county.empty()) {
        h += "<section id=\"due-soon\">" + tr("h2", num(options.soon_days) + " 天内截止的报送", "Filings due within " + num(options.soon_days) + " days");
        h += filter_box("t-soon");
        h += sortable_table("t-soon", tr("th", "", "") + tr("th", "平台", "Platform") + tr("th", "名称", "Name") + tr("th", "县区", "County") +
                                          tr("th", "报送事项", "Filing") + tr("th", "截止日", "Due") + tr("th", "剩余天数", "Days left"));
        for (const auto& [i, o] : soon) {
            h += "<tr class=\"soon\" data-platform=\"" + html_escape(r.platforms[i].platform.id) + "\">" +
                 raw_td(span("即将截止", "due soon", "class=\"mark-soon\"")) + platform_cells(r.platforms[i].platform) +
                 raw_td(span(num(o->year) + " 年度工作总结（第十三条）", "summary for " + num(o->year) + " (art13)")) + td(to_string(o->due)) +
                 "<td class=\"n\">" + num(days_between(r.on, o->due)) + "</td></tr>\n";
        }
        for (const CountyReport* c : soon_county) {
            h += "<tr class=\"soon county\" data-county=\"" + html_escape(c->county) + "\">";
            h += raw_td(span("即将截止", "due soon", "class=\"mark-soon\""));
            h += county_cells(r, c->county, c->obligation.year);
            h += county_filing_cell(c->obligation.year);
            h += td(to_string(c->obligation.due)) + "<td class=\"n\">" + num(days_between(r.on, c->obligation.due)) + "</td></tr>\n";
        }
        h += "</tbody></table></section>\n";
    }

    // --- timeline ---------------------------------------------------------------------------------
    h += "<section id=\"timeline\">" + tr("h2", "认定期时间轴（第十四条）", "Terms on a timeline (art14)");
    if (r.platforms.empty()) h += tr("p", "名录为空。", "The roster is empty.", "class=\"empty\"");
    else h += timeline(r);
    h += "<p class=\"legend\">" + std::string("<i style=\"background:#2f855a\"></i>") + span("称号有效", "title valid") +
         "<i style=\"background:#a0aec0\"></i>" + span("已期满或被重新认定取代", "ended, or replaced by a renewal") + "<i style=\"background:#c53030\"></i>" +
         span("已撤销（虚线为原有效期）", "revoked (dashed: the rest of the term)") + " · ◆ " +
         span("年度工作总结截止日：绿 按时、橙 逾期报送、蓝 待报送、红 逾期未报",
              "summary due dates: green filed, amber filed late, blue pending, red overdue") +
         " · " + span("红色虚线：查询日", "dashed red line: the query date") + "</p></section>\n";

    // --- platforms --------------------------------------------------------------------------------
    h += "<section id=\"platforms\">" + tr("h2", "平台（" + num(static_cast<long>(r.platforms.size())) + " 个）",
                                            "Platforms (" + num(static_cast<long>(r.platforms.size())) + ")");
    h += filter_box("t-platforms");
    h += sortable_table("t-platforms", tr("th", "编号", "ID") + tr("th", "名称", "Name") + tr("th", "县区", "County") + tr("th", "状态", "State") +
                                           tr("th", "认定期", "Term") + tr("th", "剩余天数", "Days left") + tr("th", "文号", "Document") +
                                           tr("th", "功能（第七条）", "Functions (art7)") + tr("th", "下一截止日", "Next deadline") +
                                           tr("th", "年度工作总结", "Annual summaries"));
    for (const Status& st : r.platforms) {
        bool has_overdue = false;
        for (const Obligation& o : st.obligations) has_overdue = has_overdue || o.status == ObligationStatus::overdue;
        h += std::string("<tr") + (has_overdue ? " class=\"overdue\"" : "") + " data-platform=\"" + html_escape(st.platform.id) + "\">";
        h += platform_cells(st.platform);
        h += raw_td(span(state_name(st.state), "class=\"badge " + std::string(state_class(st.state)) + "\""));
        if (st.term) {
            std::string term = to_string(st.term->designated_on) + " → " + to_string(st.term->valid_until);
            h += "<td data-sort=\"" + to_string(st.term->designated_on) + "\">" + html_escape(term);
            if (st.term->revoked_on) h += "<br>" + span(to_string(*st.term->revoked_on) + " 撤销", "revoked " + to_string(*st.term->revoked_on));
            for (const TermSpan& sp : term_spans(st)) {
                if (sp.latest) continue;
                const std::string earlier = to_string(sp.term->designated_on) + " → " + to_string(sp.last_day);
                h += "<br>" + span("此前：" + earlier, "earlier: " + earlier, "class=\"note\"");
            }
            h += "</td>";
        } else {
            h += raw_td(span("从未获认定", "never designated"));
        }
        h += st.days_left ? "<td class=\"n\">" + num(*st.days_left) + "</td>" : td("—");
        h += td(st.term ? st.term->document_no : std::string());
        h += st.term ? raw_td(span(functions_text(st.term->functions, false), functions_text(st.term->functions, true))) : td("");
        h += td(st.next_deadline ? to_string(*st.next_deadline) : std::string("—"));
        std::string obs;
        for (const Obligation& o : st.obligations) {
            obs += "<div class=\"" + std::string(obligation_class(o.status)) + "\">" + html_escape(obligation_mark(o.status)) + " " +
                   num(o.year) + " " + span(obligation_text(o, r.on, false), obligation_text(o, r.on, true)) + "</div>";
        }
        h += obs.empty() ? raw_td(span("尚无应报年度", "none owed so far", "class=\"empty\"")) : raw_td(obs, "class=\"ob\"");
        h += "</tr>\n";
    }
    h += "</tbody></table></section>\n";

    // --- titles ending this year ------------------------------------------------------------------
    h += "<section id=\"expiring\">" + tr("h2", "今年（" + year + " 年）期满的称号", "Titles ending this year (" + year + ")");
    if (r.expiring.empty()) {
        h += tr("p", "无。", "None.", "class=\"empty\"");
    } else {
        h += filter_box("t-expiring");
        h += sortable_table("t-expiring", tr("th", "编号", "ID") + tr("th", "名称", "Name") + tr("th", "县区", "County") +
                                              tr("th", "有效期至", "Valid until") + tr("th", "剩余天数", "Days left") + tr("th", "续期申报", "Renewal"));
        for (std::size_t i : r.expiring) {
            const Status& st = r.platforms[i];
            h += "<tr data-platform=\"" + html_escape(st.platform.id) + "\">" + platform_cells(st.platform) + td(to_string(st.term->valid_until)) + "<td class=\"n\">" + num(st.days_left.value_or(0)) +
                 "</td>";
            if (st.application)
                h += raw_td(span(num(st.application->review_year) + " 评审年度，" + std::string(stage_name(st.application->stage).zh),
                                 "review year " + num(st.application->review_year) + ", " + std::string(stage_name(st.application->stage).en)));
            else
                h += raw_td(span("未申报", "not applied", "class=\"mark-soon\""));
            h += "</tr>\n";
        }
        h += "</tbody></table>";
    }
    h += "</section>\n";

    // --- county reports ---------------------------------------------------------------------------
    h += "<section id=\"county-reports\">" + tr("h2", "县区年度报告（第十五条）", "County reports (art15)");
    if (r.county_reports.empty()) {
        h += tr("p", "尚无应报年度。", "None owed so far.", "class=\"empty\"");
    } else {
        h += filter_box("t-county");
        h += sortable_table("t-county", tr("th", "县区", "County") + tr("th", "年度", "Year") + tr("th", "截止日", "Due") + tr("th", "状态", "Status"));
        for (const CountyReport& c : r.county_reports) {
            const Obligation& o = c.obligation;
            h += std::string("<tr") + (o.status == ObligationStatus::overdue ? " class=\"overdue\"" : "") + " data-county=\"" + html_escape(c.county) +
                 "\">" + td(c.county) + td(num(o.year)) +
                 td(to_string(o.due)) + "<td class=\"ob " + obligation_class(o.status) + "\">" + html_escape(obligation_mark(o.status)) + " " +
                 span(obligation_text(o, r.on, false), obligation_text(o, r.on, true)) + "</td></tr>\n";
        }
        h += "</tbody></table>";
    }
    h += "</section>\n";

    // --- counts -----------------------------------------------------------------------------------
    h += "<div class=\"grid2\"><section id=\"by-function\">" + tr("h2", "已认定平台：按功能（第七条）", "Designated platforms by function (art7)");
    int max_f = r.designated_functions_unspecified;
    for (int n : r.designated_by_function) max_f = std::max(max_f, n);
    h += "<table class=\"counts\"><tbody>\n";
    for (std::size_t f = 0; f < function_count; ++f)
        h += count_row(span(function_name(static_cast<Function>(f))), r.designated_by_function[f], max_f);
    h += count_row(span("未注明", "not specified"), r.designated_functions_unspecified, max_f);
    h += "</tbody></table>" + tr("p", "一个平台可认定多项功能。", "A platform may be designated for several functions.", "class=\"legend\"") +
         "</section>\n";
    h += "<section id=\"by-county\">" + tr("h2", "已认定平台：按县区", "Designated platforms by county");
    if (r.designated_by_county.empty()) {
        h += tr("p", "无已认定平台。", "No designated platforms.", "class=\"empty\"");
    } else {
        int max_c = 0;
        for (const CountyCount& c : r.designated_by_county) max_c = std::max(max_c, c.designated);
        h += "<table class=\"counts\"><tbody>\n";
        for (const CountyCount& c : r.designated_by_county)
            h += count_row(c.county ? html_escape(*c.county) : span("（未注明县区）", "(no county)"), c.designated, max_c);
        h += "</tbody></table>";
    }
    h += "<p class=\"legend\">" + span("合计 ", "total ") + "<strong>" + num(r.designated) + "</strong></p></section></div>\n";

    h += "</main>\n<footer>" +
         span("由 shifan " SHIFAN_VERSION_STRING " 生成；依据《长治市市级中小企业公共服务示范平台认定管理办法》。本页不联网。",
              "Generated by shifan " SHIFAN_VERSION_STRING " under the Changzhi measures (长治市市级中小企业公共服务示范平台认定管理办法). "
              "This page makes no network requests.") +
         "</footer>\n";
    h += "<script>" + std::string(script) + "</script>\n</body>\n</html>\n";
    return h;
}

} // namespace shifan
