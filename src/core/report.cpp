// The plain-text report of an evaluation for people (the CLI's default output): the verdict, each
// article's checks with ✓ ✗ ? –, shortfalls, missing inputs and the dossier.
#include "shifan/io/evaluation.hpp"

#include "format.hpp"
#include "shifan/core/enum_names.hpp"
#include "shifan/core/text.hpp"
#include "shifan/rules/changzhi.hpp"
#include "shifan/rules/dossier.hpp"
#include "shifan/rules/rule_pack.hpp"

#include <string>

namespace shifan {


/// The mark of an outcome: ✓ pass, ✗ fail, ? undetermined, – not applicable.
const char* outcome_mark(Outcome o) {
    switch (o) {
    case Outcome::pass: return "✓";
    case Outcome::fail: return "✗";
    case Outcome::undetermined: return "?";
    case Outcome::not_applicable: return "–";
    }
    return "?";
}

namespace {
int rule_depth(const RuleInfo& r) {
    int d = 0;
    for (auto p = r.parent; p; p = rule_info(*p).parent) ++d;
    return d;
}
} // namespace

/// Render the report in one language (`Lang::zh` or `Lang::en`).
std::string render_report(const Application& app, const Evaluation& e, Lang lang) {
    const bool en = lang == Lang::en;
    std::string s;
    s += "== ";
    s += app.id ? printable(*app.id) : (en ? "(no id)" : "（无编号）");
    if (app.applicant && app.applicant->name) { s += "  "; s += printable(*app.applicant->name); }
    if (app.applicant && app.applicant->county) { s += en ? " (" : "（"; s += printable(*app.applicant->county); s += en ? ")" : "）"; }
    s += "\n";
    s += en ? "review year " : "评审年度 ";
    s += std::to_string(e.review_year);
    s += en ? " · reference date " : " · 基准日 ";
    s += to_string(e.reference_date);
    if (e.rule_pack) { s += en ? " · rule pack " : " · 规则包 "; s += e.rule_pack->id; s += ' '; s += e.rule_pack->version; }
    s += en ? " · readings growth=" : " · 解读 growth=";
    s += json::enum_name(e.interpretations.growth);
    s += ", operating_period=";
    s += json::enum_name(e.interpretations.operating_period);
    s += "\n";
    s += en ? "Verdict: " : "结论：";
    s += e.verdict == Verdict::eligible ? "✓ " : e.verdict == Verdict::ineligible ? "✗ " : "? ";
    s += explain_verdict(e, lang);
    s += "\n";
    // Functions the applicant did not claim are no failures of its application: they are named
    // once, after the functions it claimed, and none of their rules is shown.
    std::string unclaimed;
    for (std::size_t i = 0; i < function_count; ++i)
        if (e.check(function_group(i)).reason == Reason::not_claimed) {
            if (!unclaimed.empty()) unclaimed += en ? ", " : "、";
            unclaimed += function_name(static_cast<Function>(i)).in(lang);
        }
    const RuleInfo& art7 = rule_info(rules::art7);
    const std::size_t art7_end = static_cast<std::size_t>(art7.rule) + art7.subtree;
    for (const RuleInfo& r : rule_catalog) {
        const Check& c = e.check(r.rule);
        const int depth = rule_depth(r);
        if (c.reason != Reason::not_claimed) {
            s.append(2 + 2 * static_cast<std::size_t>(depth), ' ');
            s += outcome_mark(c.outcome);
            s += ' ';
            if (r.combine != Combine::leaf) { s += en ? r.citation.en : r.citation.zh; s += ' '; }
            explain_check(s, r, c, lang, e.review_year);
            if (r.combine == Combine::leaf) { s += "  ["; s += r.id; s += ']'; }
            s += '\n';
        }
        if (static_cast<std::size_t>(r.rule) + 1 == art7_end && !unclaimed.empty()) {
            s.append(4, ' ');
            s += en ? "not claimed: " : "未申报：";
            s += unclaimed;
            s += '\n';
        }
    }
    if (e.missing) {
        s += en ? "Missing inputs: " : "缺少的输入：";
        format::append_missing(s, e.missing, e.review_year, lang);
        s += '\n';
    }
    s += en ? "Dossier (art9, art10): " : "申报材料（第九条、第十条）：";
    if (!e.dossier_known) s += en ? "not given (materials absent)\n" : "未提供材料清单\n";
    else if (!e.missing_materials) s += en ? "complete\n" : "齐全\n";
    else {
        s += en ? "incomplete, missing:\n" : "不齐全，缺少：\n";
        for (const DossierInfo& d : dossier_catalog)
            if ((e.missing_materials >> static_cast<unsigned>(d.item)) & 1u) {
                s += "    ✗ ";
                s += d.citation.in(lang);
                s += ' ';
                s += d.title.in(lang);
                s += "  [";
                s += d.id;
                s += "]\n";
            }
    }
    return s;
}

} // namespace shifan
