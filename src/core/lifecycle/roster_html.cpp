// A roster as a self-contained HTML page for a county officer (`shifan roster --html FILE`): the
// platforms with their state and term, every term on an SVG timeline with the query date and the
// filing deadlines marked, overdue filings (art13, art15) highlighted, titles ending this year,
// deadlines coming soon, the counties' art15 reports, and the designated platforms counted by art7
// function and by county.
//
// The page needs no network: its CSS and script are inline and a Content-Security-Policy forbids
// every fetch. It is in Chinese; a button (or the URL hash `#en`) switches every label to English
// and back (`#zh`). Without script the page reads in Chinese. Every text that comes from the input
// (platform ids and names, counties, document numbers) is HTML-escaped.
#include "shifan/io/lifecycle.hpp"

#include "shifan/core/enum_names.hpp"
#include "shifan/io/evaluation.hpp"
#include "shifan/version.hpp"

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
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
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

/// The SVG timeline: one row per platform, its latest term as a bar, its filing deadlines as
/// diamonds, the query date as a dashed line.
std::string timeline(const Roster& r) {
    int first = year_of(r.on) - 1, last = year_of(r.on) + 1;
    for (const Status& s : r.platforms) {
        if (s.term) {
            first = std::min(first, year_of(s.term->designated_on));
            last = std::max(last, year_of(s.term->valid_until));
        }
        for (const Obligation& o : s.obligations) last = std::max(last, year_of(o.due));
    }
    const Date from = make_date(first, 1, 1), to = make_date(last, 12, 31);
    const double left = 190, right = 1000 - 20, row = 30, top = 34;
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
        s += "<text class=\"label\" x=\"" + fx(left - 8) + "\" y=\"" + fx(y + 19) + "\">" + html_escape(st.platform.id) + "</text>";
        if (st.term) {
            const TermView& t = *st.term;
            const Date end = t.revoked_on ? *t.revoked_on : t.valid_until;
            const double x0 = x(t.designated_on), x1 = std::max(x(end), x0 + 2);
            s += "<rect class=\"term\" x=\"" + fx(x0) + "\" y=\"" + fx(y + 7) + "\" width=\"" + fx(x1 - x0) + "\" height=\"16\" rx=\"3\">";
            s += tr("title", to_string(t.designated_on) + " → " + to_string(t.valid_until) + "，" + std::string(state_name(st.state).zh),
                    to_string(t.designated_on) + " → " + to_string(t.valid_until) + ", " + std::string(state_name(st.state).en));
            s += "</rect>";
            if (t.revoked_on && *t.revoked_on < t.valid_until)
                s += "<rect class=\"term-void\" x=\"" + fx(x1) + "\" y=\"" + fx(y + 7) + "\" width=\"" + fx(x(t.valid_until) - x1) +
                     "\" height=\"16\" rx=\"3\"/>";
        } else {
            s += tr("text", "从未获认定", "never designated", "class=\"none\" x=\"" + fx(left + 6) + "\" y=\"" + fx(y + 19) + "\"");
        }
        for (const Obligation& o : st.obligations) {
            const double cx = x(o.due), cy = y + 15;
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
svg .label{font-size:12.5px;text-anchor:end;fill:var(--fg);font-family:ui-monospace,"DejaVu Sans Mono",monospace}
svg .none{font-size:12px;fill:var(--muted)}
svg .term{fill:#a0aec0}
svg .st-designated .term{fill:var(--ok)}
svg .st-revoked .term{fill:var(--bad)}
svg .term-void{fill:none;stroke:var(--bad);stroke-dasharray:4 3}
svg .due{stroke:#1f2933;stroke-width:1.2}
svg .due.ob-filed{fill:var(--ok)}svg .due.ob-late{fill:var(--warn)}svg .due.ob-pending{fill:var(--accent)}svg .due.overdue{fill:var(--bad)}
svg .today{stroke:var(--bad);stroke-width:1.5;stroke-dasharray:5 4}
svg .today-label{font-size:12px;fill:var(--bad)}
.legend{font-size:12.5px;color:var(--muted);margin:6px 0 0}
.legend i{display:inline-block;width:12px;height:12px;border-radius:2px;margin:0 4px -1px 12px}
footer{color:var(--muted);font-size:12px;padding:0 28px 24px}
@media print{#lang-toggle{display:none}body{background:#fff}}
)css";

constexpr std::string_view script = R"js(
(function () {
  var current = 'zh';
  function apply(lang) {
    var els = document.querySelectorAll('[data-en]');
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      if (!el.hasAttribute('data-zh')) el.setAttribute('data-zh', el.textContent);
      el.textContent = el.getAttribute(lang === 'en' ? 'data-en' : 'data-zh');
    }
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.body.setAttribute('data-lang', lang);
    current = lang;
  }
  document.getElementById('lang-toggle').addEventListener('click', function () {
    var next = current === 'en' ? 'zh' : 'en';
    apply(next);
    if (history.replaceState) history.replaceState(null, '', '#' + next);
  });
  window.addEventListener('hashchange', function () { apply(location.hash === '#en' ? 'en' : 'zh'); });
  if (location.hash === '#en') apply('en');
  else document.body.setAttribute('data-lang', 'zh');
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
    h += " · " + span("解读 ", "readings ") + "summary_owed=" + std::string(json::enum_name(r.interpretations.summary_owed)) +
         ", deadline_rest_days=" + std::string(json::enum_name(r.interpretations.deadline_rest_days)) + "</p>";
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
        h += "<table><thead><tr>" + tr("th", "", "") + tr("th", "平台 / 县区", "Platform / county") + tr("th", "名称", "Name") +
             tr("th", "县区", "County") + tr("th", "报送事项", "Filing") + tr("th", "截止日", "Due") + tr("th", "逾期天数", "Days overdue") +
             "</tr></thead><tbody>\n";
        for (const OverdueFiling& o : r.overdue) {
            h += "<tr class=\"overdue\">" + raw_td(span("✗ 逾期未报", "✗ overdue", "class=\"mark-overdue\""));
            if (o.platform) {
                h += platform_cells(r.platforms[*o.platform].platform);
                h += raw_td(span(num(o.year) + " 年度工作总结（第十三条）", "summary for " + num(o.year) + " (art13)"));
            } else {
                h += raw_td(span("县区", "county", "class=\"empty\"")) + td("") + td(o.county ? *o.county : std::string());
                h += raw_td(span(num(o.year) + " 年度县区汇总及检查报告（第十五条）", "county report for " + num(o.year) + " (art15)"));
            }
            h += td(to_string(o.due)) + "<td class=\"n\">" + num(days_between(o.due, r.on)) + "</td></tr>\n";
        }
        h += "</tbody></table>";
    }
    h += "</section>\n";

    // --- coming soon ------------------------------------------------------------------------------
    if (!soon.empty() || !soon_county.empty()) {
        h += "<section id=\"due-soon\">" + tr("h2", num(options.soon_days) + " 天内截止的报送", "Filings due within " + num(options.soon_days) + " days");
        h += "<table><thead><tr>" + tr("th", "", "") + tr("th", "平台 / 县区", "Platform / county") + tr("th", "名称", "Name") +
             tr("th", "县区", "County") + tr("th", "报送事项", "Filing") + tr("th", "截止日", "Due") + tr("th", "剩余天数", "Days left") +
             "</tr></thead><tbody>\n";
        for (const auto& [i, o] : soon) {
            h += "<tr class=\"soon\">" + raw_td(span("即将截止", "due soon", "class=\"mark-soon\"")) + platform_cells(r.platforms[i].platform) +
                 raw_td(span(num(o->year) + " 年度工作总结（第十三条）", "summary for " + num(o->year) + " (art13)")) + td(to_string(o->due)) +
                 "<td class=\"n\">" + num(days_between(r.on, o->due)) + "</td></tr>\n";
        }
        for (const CountyReport* c : soon_county) {
            h += "<tr class=\"soon\">" + raw_td(span("即将截止", "due soon", "class=\"mark-soon\"")) + raw_td(span("县区", "county", "class=\"empty\"")) +
                 td("") + td(c->county) +
                 raw_td(span(num(c->obligation.year) + " 年度县区汇总及检查报告（第十五条）", "county report for " + num(c->obligation.year) + " (art15)")) +
                 td(to_string(c->obligation.due)) + "<td class=\"n\">" + num(days_between(r.on, c->obligation.due)) + "</td></tr>\n";
        }
        h += "</tbody></table></section>\n";
    }

    // --- timeline ---------------------------------------------------------------------------------
    h += "<section id=\"timeline\">" + tr("h2", "认定期时间轴（第十四条）", "Terms on a timeline (art14)");
    if (r.platforms.empty()) h += tr("p", "名录为空。", "The roster is empty.", "class=\"empty\"");
    else h += timeline(r);
    h += "<p class=\"legend\">" + std::string("<i style=\"background:#2f855a\"></i>") + span("称号有效", "title valid") +
         "<i style=\"background:#a0aec0\"></i>" + span("已期满", "ended") + "<i style=\"background:#c53030\"></i>" +
         span("已撤销（虚线为原有效期）", "revoked (dashed: the rest of the term)") + " · ◆ " +
         span("年度工作总结截止日：绿 按时、橙 逾期报送、蓝 待报送、红 逾期未报",
              "summary due dates: green filed, amber filed late, blue pending, red overdue") +
         " · " + span("红色虚线：查询日", "dashed red line: the query date") + "</p></section>\n";

    // --- platforms --------------------------------------------------------------------------------
    h += "<section id=\"platforms\">" + tr("h2", "平台（" + num(static_cast<long>(r.platforms.size())) + " 个）",
                                            "Platforms (" + num(static_cast<long>(r.platforms.size())) + ")");
    h += "<table><thead><tr>" + tr("th", "编号", "ID") + tr("th", "名称", "Name") + tr("th", "县区", "County") + tr("th", "状态", "State") +
         tr("th", "认定期", "Term") + tr("th", "剩余天数", "Days left") + tr("th", "文号", "Document") + tr("th", "功能（第七条）", "Functions (art7)") +
         tr("th", "下一截止日", "Next deadline") + tr("th", "年度工作总结", "Annual summaries") + "</tr></thead><tbody>\n";
    for (const Status& st : r.platforms) {
        bool has_overdue = false;
        for (const Obligation& o : st.obligations) has_overdue = has_overdue || o.status == ObligationStatus::overdue;
        h += std::string("<tr") + (has_overdue ? " class=\"overdue\"" : "") + " data-platform=\"" + html_escape(st.platform.id) + "\">";
        h += platform_cells(st.platform);
        h += raw_td(span(state_name(st.state), "class=\"badge " + std::string(state_class(st.state)) + "\""));
        if (st.term) {
            std::string term = to_string(st.term->designated_on) + " → " + to_string(st.term->valid_until);
            h += "<td>" + html_escape(term);
            if (st.term->revoked_on) h += "<br>" + span(to_string(*st.term->revoked_on) + " 撤销", "revoked " + to_string(*st.term->revoked_on));
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
        h += "<table><thead><tr>" + tr("th", "编号", "ID") + tr("th", "名称", "Name") + tr("th", "县区", "County") +
             tr("th", "有效期至", "Valid until") + tr("th", "剩余天数", "Days left") + tr("th", "续期申报", "Renewal") + "</tr></thead><tbody>\n";
        for (std::size_t i : r.expiring) {
            const Status& st = r.platforms[i];
            h += "<tr>" + platform_cells(st.platform) + td(to_string(st.term->valid_until)) + "<td class=\"n\">" + num(st.days_left.value_or(0)) +
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
        h += "<table><thead><tr>" + tr("th", "县区", "County") + tr("th", "年度", "Year") + tr("th", "截止日", "Due") + tr("th", "状态", "Status") +
             "</tr></thead><tbody>\n";
        for (const CountyReport& c : r.county_reports) {
            const Obligation& o = c.obligation;
            h += std::string("<tr") + (o.status == ObligationStatus::overdue ? " class=\"overdue\"" : "") + ">" + td(c.county) + td(num(o.year)) +
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
