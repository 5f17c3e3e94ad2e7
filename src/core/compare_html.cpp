// The comparison as one self-contained HTML page (io/compare.hpp, `shifan compare --html`): what
// differs, the result transition matrix, a bar chart of every rule's pass rate on both sides, and
// the changed applications. Chinese first, English under it; no script, no network (a
// Content-Security-Policy forbids every fetch); every text from the input is HTML-escaped; the same
// comparison gives the same bytes.
#include "shifan/io/compare.hpp"

#include "format.hpp"
#include "shifan/io/lifecycle.hpp"
#include "shifan/version.hpp"

#include <string>

namespace shifan {

namespace {

/// Chinese, then the English in a smaller line (both escaped).
std::string both(std::string_view zh, std::string_view en) {
    std::string s = html_escape(zh);
    s += "<span class=\"en\">";
    s += html_escape(en);
    s += "</span>";
    return s;
}
std::string both(StaticText t) { return both(t.zh, t.en); }

std::string count_text(std::uint64_t n) { return format::count(static_cast<std::int64_t>(n)); }

/// Pass rate in tenths of a percent (0–1000) of one side's outcomes; -1 when none was evaluated.
int pass_permille(const std::array<std::uint64_t, outcome_count>& counts) {
    std::uint64_t all = 0;
    for (std::uint64_t n : counts) all += n;
    if (all == 0) return -1;
    // not_applicable counts as passing, as it does when groups combine.
    const std::uint64_t pass = counts[static_cast<std::size_t>(Outcome::pass)] +
                               counts[static_cast<std::size_t>(Outcome::not_applicable)];
    return static_cast<int>(pass * 1000 / all);
}

std::string permille_text(int pm) {
    if (pm < 0) return "—";
    std::string s = std::to_string(pm / 10);
    s += '.';
    s += static_cast<char>('0' + pm % 10);
    s += '%';
    return s;
}

constexpr std::string_view page_style = R"css(
body{margin:0;font:15px/1.5 "Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","Microsoft YaHei",system-ui,sans-serif;color:#1f2933;background:#f5f7fa}
.top{background:#102a43;color:#fff;padding:16px 26px}
.top h1{margin:0;font-size:21px;font-weight:600}
.top p{margin:4px 0 0;color:#bcccdc;font-size:13px}
.en{display:block;color:#7b8794;font-size:12px;font-weight:400}
.top .en{color:#9fb3c8}
main{padding:18px 26px 36px;max-width:1280px}
section{background:#fff;border:1px solid #d9e2ec;border-radius:8px;padding:12px 16px;margin:0 0 16px}
h2{font-size:17px;margin:0 0 8px}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #d9e2ec;vertical-align:top}
thead th{background:#f0f4f8}
td.n{text-align:right;font-variant-numeric:tabular-nums}
td.diag{background:#f0f4f8}
td.moved{background:#fff5f5;font-weight:700;color:#c53030}
.id{font-family:ui-monospace,"DejaVu Sans Mono",monospace;white-space:nowrap}
svg.rates{width:100%;height:auto;display:block}
svg .label{font-size:12px;text-anchor:end;font-family:ui-monospace,"DejaVu Sans Mono",monospace;fill:#1f2933}
svg .label.changed{fill:#c53030;font-weight:700}
svg .before{fill:#9fb3c8}svg .after{fill:#2b6cb0}
svg .value{font-size:11px;fill:#52606d}
.legend{font-size:12.5px;color:#616e7c}.legend i{display:inline-block;width:12px;height:12px;margin:0 4px -1px 12px}
.up{color:#2f855a;font-weight:600}.down{color:#c53030;font-weight:600}
)css";

void append_differences(std::string& h, const Comparison& c) {
    h += "<section id=\"differences\"><h2>" + both("两方的差异", "What differs") + "</h2>";
    if (c.differences.empty()) {
        h += "<p>" + both("无：两方的参数与解读相同。", "Nothing: both sides have the same parameters and readings.") + "</p>";
    } else {
        h += "<table><thead><tr><th>" + both("参数或解读", "Parameter or reading") + "</th><th>" + both("基线", "Baseline") +
             "</th><th>" + both("备选", "Alternative") + "</th></tr></thead><tbody>";
        for (const Difference& d : c.differences) {
            h += "<tr><td class=\"id\">" + html_escape(d.name) + (d.reading ? both("（解读）", "(reading)") : std::string()) +
                 "</td><td>" + both(d.before.zh, d.before.en) + "</td><td>" + both(d.after.zh, d.after.en) + "</td></tr>";
        }
        h += "</tbody></table>";
    }
    h += "</section>\n";
}

void append_transitions(std::string& h, const Comparison& c) {
    constexpr std::array<Result, result_count> results{Result::eligible, Result::ineligible, Result::undetermined,
                                                       Result::error};
    h += "<section id=\"transitions\"><h2>" + both("结论转移（行：基线，列：备选）", "Verdicts (rows: baseline, columns: alternative)") +
         "</h2><table><thead><tr><th></th>";
    for (Result a : results) h += "<th>" + both(result_title(a)) + "</th>";
    h += "</tr></thead><tbody>";
    for (Result b : results) {
        h += "<tr><th>" + both(result_title(b)) + "</th>";
        for (Result a : results) {
            const std::uint64_t n = c.transition(b, a);
            const char* cls = a == b ? "n diag" : n ? "n moved" : "n";
            h += "<td class=\"" + std::string(cls) + "\" data-from=\"" + std::string(result_name(b)) + "\" data-to=\"" +
                 std::string(result_name(a)) + "\">" + count_text(n) + "</td>";
        }
        h += "</tr>";
    }
    h += "</tbody></table></section>\n";
}

/// One row of two bars (baseline above, alternative below) per leaf rule.
void append_rate_chart(std::string& h, const Comparison& c) {
    constexpr int label_width = 330, bar_width = 560, row = 34, top = 8;
    int rows = 0;
    for (const RuleInfo& r : rule_catalog)
        if (r.combine == Combine::leaf) ++rows;
    const int height = top + rows * row + 8;
    h += "<section id=\"rates\"><h2>" + both("各规则通过率（基线 / 备选）", "Pass rate of each rule (baseline / alternative)") +
         "</h2><svg class=\"rates\" role=\"img\" viewBox=\"0 0 " + std::to_string(label_width + bar_width + 70) + " " +
         std::to_string(height) + "\">";
    int y = top;
    for (const RuleInfo& r : rule_catalog) {
        if (r.combine != Combine::leaf) continue;
        const RuleTally& t = c.rules[static_cast<std::size_t>(r.rule)];
        const int before = pass_permille(t.before), after = pass_permille(t.after);
        h += "<g class=\"rule\" data-rule=\"" + std::string(r.id) + "\" data-before=\"" + permille_text(before) +
             "\" data-after=\"" + permille_text(after) + "\">";
        h += "<text class=\"label" + std::string(t.changed ? " changed" : "") + "\" x=\"" + std::to_string(label_width - 8) +
             "\" y=\"" + std::to_string(y + 19) + "\">" + std::string(r.id) + "</text>";
        auto bar = [&](int pm, int dy, const char* cls) {
            const int w = pm < 0 ? 0 : pm * bar_width / 1000;
            h += "<rect class=\"" + std::string(cls) + "\" x=\"" + std::to_string(label_width) + "\" y=\"" +
                 std::to_string(y + dy) + "\" width=\"" + std::to_string(w) + "\" height=\"12\"/>";
            h += "<text class=\"value\" x=\"" + std::to_string(label_width + w + 4) + "\" y=\"" + std::to_string(y + dy + 10) +
                 "\">" + permille_text(pm) + "</text>";
        };
        bar(before, 2, "before");
        bar(after, 16, "after");
        h += "<title>" + html_escape(r.title.zh) + " / " + html_escape(r.title.en) + "</title></g>";
        y += row;
    }
    h += "</svg><p class=\"legend\"><i style=\"background:#9fb3c8\"></i>" + html_escape("基线 baseline") +
         "<i style=\"background:#2b6cb0\"></i>" + html_escape("备选 alternative") + "</p></section>\n";
}

void append_changed(std::string& h, const Comparison& c) {
    h += "<section id=\"changed\"><h2>" + both("结论改变的申请", "Applications whose verdict changed") + "</h2>";
    if (c.changed_applications.empty()) {
        h += "<p>" + both("没有申请的结论改变。", "No application's verdict changed.") + "</p></section>\n";
        return;
    }
    if (c.changed > c.changed_applications.size())
        h += "<p>" + both("仅列出前 " + count_text(c.changed_applications.size()) + " 份，共 " + count_text(c.changed) + " 份。",
                          "The first " + count_text(c.changed_applications.size()) + " of " + count_text(c.changed) +
                              " are listed.") +
             "</p>";
    h += "<table><thead><tr><th>#</th><th>" + both("申请", "Application") + "</th><th>" + both("县区", "County") + "</th><th>" +
         both("基线 → 备选", "Baseline → alternative") + "</th><th>" + both("改变的规则", "Rules that moved") +
         "</th></tr></thead><tbody>";
    for (const ChangedApplication& a : c.changed_applications) {
        h += "<tr class=\"changed-app\"><td class=\"n\">" + count_text(a.index + 1) + "</td><td><span class=\"id\">" +
             html_escape(a.id) + "</span><br>" + html_escape(a.name) + "</td><td>" + html_escape(a.county) + "</td><td>";
        h += both(std::string(result_title(a.before).zh) + " → " + std::string(result_title(a.after).zh),
                  std::string(result_title(a.before).en) + " → " + std::string(result_title(a.after).en));
        h += "</td><td>";
        if (a.before == Result::error) h += both(a.error_before.zh, a.error_before.en);
        if (a.after == Result::error) h += both(a.error_after.zh, a.error_after.en);
        for (const RuleChange& ch : a.rules) {
            const RuleInfo& r = rule_info(ch.rule);
            if (r.combine != Combine::leaf) continue;
            std::string zh, en;
            explain_check_body(zh, r, ch.after, Lang::zh, a.review_year);
            explain_check_body(en, r, ch.after, Lang::en, a.review_year);
            const bool up = ch.after.outcome == Outcome::pass;
            h += "<div><span class=\"id\">" + std::string(r.id) + "</span> <span class=\"" + (up ? "up" : "down") + "\">" +
                 std::string(outcome_title(ch.before.outcome).en) + " → " + std::string(outcome_title(ch.after.outcome).en) +
                 "</span>" + both(zh, en) + "</div>";
        }
        h += "</td></tr>";
    }
    h += "</tbody></table></section>\n";
}

} // namespace

std::string render_comparison_html(const Comparison& c) {
    std::string h;
    h.reserve(32768 + c.changed_applications.size() * 800);
    h += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
    h += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
    h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    h += "<meta name=\"generator\" content=\"shifan " SHIFAN_VERSION_STRING "\">\n";
    h += "<title>" + html_escape("政策比较 Policy comparison: " + c.baseline_pack + " → " + c.alternative_pack) + "</title>\n";
    h += "<style>" + std::string(page_style) + "</style>\n</head>\n<body>\n";
    h += "<div class=\"top\"><h1>" + both("政策比较", "Policy comparison") + "</h1><p>" +
         both("基线 " + c.baseline_pack + " · 备选 " + c.alternative_pack + " · 比较申请 " + count_text(c.applications) +
                  " 份，结论改变 " + count_text(c.changed) + " 份",
              "baseline " + c.baseline_pack + " · alternative " + c.alternative_pack + " · " + count_text(c.applications) +
                  " applications compared, " + count_text(c.changed) + " changed verdict") +
         "</p></div>\n<main>\n";
    append_differences(h, c);
    append_transitions(h, c);
    append_rate_chart(h, c);
    append_changed(h, c);
    h += "</main>\n</body>\n</html>\n";
    return h;
}

} // namespace shifan
