// Plain-text reports of a status and a roster for people (the CLI's default output): the state, a
// timeline of the term with days left, obligations marked ✓ (filed), ✓! (filed late), ✗ (overdue)
// and … (pending) with their due dates, the next deadline, and whether the platform may apply again
// and why.
#include "shifan/io/lifecycle.hpp"

#include "shifan/core/enum_names.hpp"
#include "shifan/io/evaluation.hpp"

#include "format.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace shifan {

namespace {

std::string context_line(Date on, const RulePack* pack, const Interpretations& i, bool en) {
    std::string s = en ? "on " : "查询日期 ";
    s += to_string(on);
    if (pack) {
        s += en ? " · rule pack " : " · 规则包 ";
        s += pack->id + " " + pack->version;
    }
    s += en ? " · readings summary_owed=" : " · 解读 summary_owed=";
    s += json::enum_name(i.summary_owed);
    s += ", deadline_rest_days=";
    s += json::enum_name(i.deadline_rest_days);
    s += "\n";
    return s;
}

std::string platform_line(const Platform& p, bool en) {
    std::string s = printable(p.id);
    if (p.name) s += "  " + printable(*p.name);
    if (p.county) s += (en ? " (" : "（") + printable(*p.county) + (en ? ")" : "）");
    return s;
}

/// "├────●─────┤": where `on` lies in [from, to], `width` cells wide.
std::string timeline_bar(Date from, Date to, Date on, int width = 30) {
    const long span = days_between(from, to);
    long pos = span > 0 ? days_between(from, on) * width / span : width;
    if (pos < 0) pos = 0;
    if (pos > width) pos = width;
    std::string bar = "├";
    for (long i = 0; i <= width; ++i) bar += i == pos ? "●" : "─";
    bar += "┤";
    return bar;
}

std::string obligation_line(const Obligation& o, Date on, bool en) {
    std::string s = obligation_mark(o.status);
    s += " ";
    s += format::count(o.year);
    s += en ? "  due " : " 年度  截止 ";
    s += to_string(o.due);
    s += "  ";
    switch (o.status) {
    case ObligationStatus::filed:
        s += en ? "filed " + to_string(*o.filed_on) : to_string(*o.filed_on) + " 报送";
        break;
    case ObligationStatus::late:
        s += en ? "filed late " + to_string(*o.filed_on) + " (" + format::days_en(days_between(o.due, *o.filed_on)) + " after the due date)"
                : to_string(*o.filed_on) + " 逾期报送（晚 " + format::count(days_between(o.due, *o.filed_on)) + " 天）";
        break;
    case ObligationStatus::overdue:
        s += en ? "not filed, overdue by " + format::days_en(days_between(o.due, on))
                : "逾期未报（已逾期 " + format::count(days_between(o.due, on)) + " 天）";
        break;
    case ObligationStatus::pending:
        s += en ? "pending, " + format::days_en(days_between(on, o.due)) + " left"
                : "待报送（还有 " + format::count(days_between(on, o.due)) + " 天）";
        break;
    }
    return s;
}

} // namespace

std::string render_status(const Status& st, Lang lang) {
    const bool en = lang == Lang::en;
    std::string s = "== " + platform_line(st.platform, en) + "\n";
    s += context_line(st.on, st.rule_pack.get(), st.interpretations, en);
    s += en ? "State: " : "状态：";
    s += en ? state_name(st.state).en : state_name(st.state).zh;
    if (st.state_since) s += (en ? " since " : "，自 ") + to_string(*st.state_since);
    s += "\n";
    s += en ? "Term (art14): " : "认定期（第十四条）：";
    if (!st.term) {
        s += en ? "never designated\n" : "从未获认定\n";
    } else {
        const TermView& t = *st.term;
        if (st.state == State::designated) {
            s += to_string(t.designated_on) + " " + timeline_bar(t.designated_on, t.valid_until, st.on) + " " +
                 to_string(t.valid_until);
            s += en ? "  " + format::days_en(*st.days_left) + " left" : "  剩余 " + format::count(*st.days_left) + " 天";
        } else {
            s += to_string(t.designated_on) + " → " + to_string(t.valid_until);
            if (t.revoked_on) s += en ? " (revoked on " + to_string(*t.revoked_on) + ")" : "（" + to_string(*t.revoked_on) + " 撤销）";
            else if (st.on > t.valid_until) s += en ? " (ended)" : "（已期满）";
        }
        s += "\n  ";
        s += (en ? "document " : "文号 ") + t.document_no;
        if (t.functions && !t.functions->empty()) {
            s += en ? " · functions: " : " · 功能：";
            bool first = true;
            for (Function f : *t.functions) {
                if (!first) s += en ? ", " : "、";
                first = false;
                s += en ? function_name(f).en : function_name(f).zh;
            }
        }
        s += "\n";
    }
    s += en ? "Application in progress: " : "进行中的申报：";
    if (st.application) {
        s += en ? "review year " + format::count(st.application->review_year) + ", " + std::string(stage_name(st.application->stage).en) +
                      " (applied " + to_string(st.application->applied_on) + ")"
                : format::count(st.application->review_year) + " 评审年度，" + std::string(stage_name(st.application->stage).zh) +
                      "（" + to_string(st.application->applied_on) + " 申报）";
    } else {
        s += en ? "none" : "无";
    }
    s += "\n";
    s += en ? "Annual work summaries (art13):\n" : "年度工作总结（第十三条）：\n";
    if (st.obligations.empty()) s += en ? "  (none owed so far)\n" : "  （尚无应报年度）\n";
    for (const Obligation& o : st.obligations) s += "  " + obligation_line(o, st.on, en) + "\n";
    if (!st.unowed_filings.empty()) {
        s += en ? "  also filed, not owed under this reading:" : "  另有按本解读无须报送的年度：";
        for (int y : st.unowed_filings) s += " " + format::count(y);
        s += "\n";
    }
    s += en ? "Next deadline: " : "下一截止日：";
    s += st.next_deadline ? to_string(*st.next_deadline) : (en ? "none" : "无");
    s += "\n";
    s += en ? "May apply again: " : "可否再次申报：";
    s += st.may_apply_again.allowed ? (en ? "✓ yes" : "✓ 可以") : (en ? "✗ no" : "✗ 不可以");
    if (st.may_apply_again.article)
        s += en ? " (" + std::string(st.may_apply_again.article->en) + ")" : "（" + std::string(st.may_apply_again.article->zh) + "）";
    s += en ? ": " : "：";
    s += en ? st.may_apply_again.reason.en : st.may_apply_again.reason.zh;
    s += "\n";
    return s;
}

std::string render_roster(const Roster& r, Lang lang) {
    const bool en = lang == Lang::en;
    std::string s = en ? "== Roster\n" : "== 平台名录\n";
    s += context_line(r.on, r.rule_pack.get(), r.interpretations, en);
    s += en ? "Platforms (" + format::count(static_cast<std::int64_t>(r.platforms.size())) + "):\n" : "平台（" + format::count(static_cast<std::int64_t>(r.platforms.size())) + " 个）：\n";
    for (const Status& st : r.platforms) {
        s += "  " + platform_line(st.platform, en) + "  " + std::string(en ? state_name(st.state).en : state_name(st.state).zh);
        if (st.term) s += (en ? ", valid until " : "，有效期至 ") + to_string(st.term->valid_until);
        if (st.days_left) s += en ? ", " + format::days_en(*st.days_left) + " left" : "，剩余 " + format::count(*st.days_left) + " 天";
        s += "\n";
    }
    const std::string year = format::count(year_of(r.on));
    s += en ? "Titles ending this year (" + year + "):\n" : "今年（" + year + " 年）期满的称号：\n";
    if (r.expiring.empty()) s += en ? "  (none)\n" : "  （无）\n";
    for (std::size_t i : r.expiring) {
        const Status& st = r.platforms[i];
        s += "  " + platform_line(st.platform, en) + (en ? "  valid until " : "  有效期至 ") + to_string(st.term->valid_until) +
             (en ? ", " + format::days_en(*st.days_left) + " left · renewal: " : "，剩余 " + format::count(*st.days_left) + " 天 · 续期申报：");
        if (st.application)
            s += en ? "review year " + format::count(st.application->review_year) + ", " + std::string(stage_name(st.application->stage).en)
                    : format::count(st.application->review_year) + " 评审年度，" + std::string(stage_name(st.application->stage).zh);
        else
            s += en ? "not applied" : "未申报";
        s += "\n";
    }
    s += en ? "Overdue filings:\n" : "逾期未报：\n";
    if (r.overdue.empty()) s += en ? "  (none)\n" : "  （无）\n";
    for (const OverdueFiling& o : r.overdue) {
        s += "  ✗ ";
        if (o.platform) {
            s += platform_line(r.platforms[*o.platform].platform, en);
            s += en ? "  summary for " + format::count(o.year) + " (art13), due " + to_string(o.due)
                    : "  " + format::count(o.year) + " 年度工作总结（第十三条），截止 " + to_string(o.due);
        } else {
            s += printable(*o.county);
            s += en ? "  county report for " + format::count(o.year) + " (art15), due " + to_string(o.due)
                    : "  " + format::count(o.year) + " 年度县区汇总及检查报告（第十五条），截止 " + to_string(o.due);
        }
        s += "\n";
    }
    s += en ? "County reports (art15):\n" : "县区年度报告（第十五条）：\n";
    if (r.county_reports.empty()) s += en ? "  (none owed so far)\n" : "  （尚无应报年度）\n";
    for (const CountyReport& c : r.county_reports) s += "  " + printable(c.county) + "  " + obligation_line(c.obligation, r.on, en) + "\n";
    s += en ? "Designated platforms: " + format::count(r.designated) + "\n" : "已认定平台：共 " + format::count(r.designated) + " 个\n";
    s += en ? "  by county: " : "  按县区：";
    if (r.designated_by_county.empty()) s += en ? "(none)" : "（无）";
    bool first = true;
    for (const CountyCount& c : r.designated_by_county) {
        if (!first) s += " · ";
        first = false;
        s += (c.county ? printable(*c.county) : std::string(en ? "(no county)" : "（未注明县区）")) + " " + format::count(c.designated);
    }
    s += "\n";
    s += en ? "  by function (art7): " : "  按功能（第七条）：";
    for (std::size_t f = 0; f < function_count; ++f) {
        const StaticText n = function_name(static_cast<Function>(f));
        s += std::string(en ? n.en : n.zh) + " " + format::count(r.designated_by_function[f]) + " · ";
    }
    s += (en ? "unspecified " : "未注明 ") + format::count(r.designated_functions_unspecified) + "\n";
    return s;
}

} // namespace shifan
