// The comparison as a text report for people (io/compare.hpp): what differs between the sides,
// the verdict transitions, the art7 functions, the rules whose outcomes moved, and the changed
// applications with the checks that moved them.
#include "shifan/io/compare.hpp"

#include "format.hpp"
#include "registry_json.hpp"

#include <string>

namespace shifan {

namespace {

void append_number(std::string& out, std::uint64_t n) { append_integer(out, static_cast<std::int64_t>(n)); }

/// A fixed-width column: `text` padded on the left to `width` display columns (CJK counts 2).
void append_cell(std::string& out, std::string_view text, std::size_t width) {
    std::size_t cols = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        cols += len >= 3 ? 2 : 1;
        i += len;
    }
    for (std::size_t i = cols; i < width; ++i) out += ' ';
    out += text;
}

void render_one(std::string& out, const Comparison& c, bool en) {
    const Lang lang = en ? Lang::en : Lang::zh;
    out += en ? "Policy comparison: baseline " : "政策比较：基线 ";
    out += c.baseline_pack;
    out += en ? " vs alternative " : "，备选 ";
    out += c.alternative_pack;
    out += '\n';
    if (c.differences.empty()) {
        out += en ? "Differences: none (the same parameters and readings)\n" : "差异：无（参数与解读相同）\n";
    } else {
        out += en ? "Differences:\n" : "差异：\n";
        for (const Difference& d : c.differences) {
            out += "  ";
            if (d.reading) out += en ? "reading " : "解读 ";
            out += d.name;
            if (!d.reading)
                for (const ParamDef& p : param_defs)
                    if (p.name == d.name) {
                        out += en ? " (" : "（";
                        out += en ? detail::citation_en(p.citation) : std::string(p.citation);
                        out += en ? ", " : "，";
                        out += p.meaning.in(lang);
                        out += en ? ")" : "）";
                    }
            out += en ? ": " : "：";
            out += en ? d.before.en : d.before.zh;
            out += " → ";
            out += en ? d.after.en : d.after.zh;
            out += '\n';
        }
    }
    out += en ? "Applications compared: " : "比较申请：";
    append_number(out, c.applications);
    out += en ? "; verdict changed: " : " 份；结论改变：";
    append_number(out, c.changed);
    out += en ? "\n\n" : " 份\n\n";

    out += en ? "Verdicts (rows: baseline, columns: alternative)\n" : "结论转移（行：基线，列：备选）\n";
    constexpr std::size_t first = 14, width = 14;
    constexpr std::array<Result, result_count> results{Result::eligible, Result::ineligible, Result::undetermined,
                                                       Result::error};
    append_cell(out, "", first);
    for (Result a : results) append_cell(out, result_title(a).in(lang), width);
    out += '\n';
    for (Result b : results) {
        append_cell(out, result_title(b).in(lang), first);
        for (Result a : results) append_cell(out, format::count(static_cast<std::int64_t>(c.transition(b, a))), width);
        out += '\n';
    }
    out += '\n';

    out += en ? "Art. 7 functions qualified (baseline → alternative)\n" : "第七条服务功能达标数（基线 → 备选）\n";
    for (std::size_t f = 0; f < function_count; ++f) {
        out += "  ";
        out += function_name(static_cast<Function>(f)).in(lang);
        out += en ? ": " : "：";
        append_number(out, c.functions_before[f]);
        out += " → ";
        append_number(out, c.functions_after[f]);
        out += '\n';
    }
    out += '\n';

    bool any = false;
    for (const RuleInfo& r : rule_catalog) {
        const RuleTally& t = c.rules[static_cast<std::size_t>(r.rule)];
        if (t.changed == 0) continue;
        if (!any) out += en ? "Rules whose outcome changed (applications; pass baseline → alternative)\n"
                            : "结果改变的规则（改变的申请数；通过数 基线 → 备选）\n";
        any = true;
        out += "  ";
        out += r.id;
        out += ' ';
        out += r.title.in(lang);
        out += en ? ": changed " : "：改变 ";
        append_number(out, t.changed);
        out += en ? "; pass " : "；通过 ";
        append_number(out, t.before[static_cast<std::size_t>(Outcome::pass)]);
        out += " → ";
        append_number(out, t.after[static_cast<std::size_t>(Outcome::pass)]);
        out += '\n';
    }
    if (!any) out += en ? "No rule's outcome changed.\n" : "没有规则的结果改变。\n";

    if (c.changed_applications.empty()) return;
    out += '\n';
    out += en ? "Applications whose verdict changed" : "结论改变的申请";
    if (c.changed > c.changed_applications.size()) {
        out += en ? " (the first " : "（前 ";
        append_number(out, c.changed_applications.size());
        out += en ? " of " : " 份，共 ";
        append_number(out, c.changed);
        out += en ? ")" : " 份）";
    }
    out += '\n';
    for (const ChangedApplication& a : c.changed_applications) {
        out += "  #";
        append_number(out, a.index + 1);
        out += ' ';
        out += a.id.empty() ? (en ? "(no id)" : "（无编号）") : printable(a.id);
        if (!a.name.empty()) { out += ' '; out += printable(a.name); }
        if (!a.county.empty()) { out += en ? " (" : "（"; out += printable(a.county); out += en ? ")" : "）"; }
        out += en ? ": " : "：";
        out += result_title(a.before).in(lang);
        out += " → ";
        out += result_title(a.after).in(lang);
        out += '\n';
        if (a.before == Result::error) { out += "      "; out += en ? a.error_before.en : a.error_before.zh; out += '\n'; }
        if (a.after == Result::error) { out += "      "; out += en ? a.error_after.en : a.error_after.zh; out += '\n'; }
        for (const RuleChange& ch : a.rules) {
            const RuleInfo& r = rule_info(ch.rule);
            if (r.combine != Combine::leaf) continue;
            out += "    ";
            out += r.id;
            out += ' ';
            out += outcome_title(ch.before.outcome).in(lang);
            out += " → ";
            out += outcome_title(ch.after.outcome).in(lang);
            out += en ? "\n      baseline: " : "\n      基线：";
            explain_check_body(out, r, ch.before, lang, a.review_year);
            out += en ? "\n      alternative: " : "\n      备选：";
            explain_check_body(out, r, ch.after, lang, a.review_year);
            out += '\n';
        }
    }
}

} // namespace

std::string render_comparison(const Comparison& c, Lang lang) {
    std::string out;
    if (lang != Lang::en) render_one(out, c, false);
    if (lang == Lang::both) out += '\n';
    if (lang != Lang::zh) render_one(out, c, true);
    return out;
}

} // namespace shifan
