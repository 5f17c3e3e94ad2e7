// The tables of the spreadsheets (`--xlsx`, `--csv-out`): evaluations, rosters and comparisons as
// rows of typed cells, in the report's words. The one place that knows what a workbook holds; the
// writers (sheet_xlsx.cpp, sheet_csv.cpp) only lay the cells out.
#include "sheet.hpp"

#include "format.hpp"
#include "registry_json.hpp"
#include "shifan/core/enum_names.hpp"
#include "shifan/rules/dossier.hpp"

#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <string>
#include <utility>
#include <vector>

namespace shifan::cli::sheet {

Cell Cell::of_quantity(const Quantity& q) {
    switch (q.kind) {
    case Quantity::Kind::none: return {};
    case Quantity::Kind::count:
    case Quantity::Kind::days: return of_integer(q.value);
    case Quantity::Kind::money: return of_money(q.value);
    case Quantity::Kind::percent: return of_percent(q.value);
    case Quantity::Kind::date: return Cell{Kind::date, q.value, {}};
    }
    return {};
}

namespace {

/// Words of the sheets in one language: `w(lang, "中文", "English")`.
std::string w(Lang lang, std::string_view zh, std::string_view en) { return std::string(lang == Lang::en ? en : zh); }

std::string words(Lang lang, const StaticText& t) { return std::string(t.in(lang)); }

/// A header with its unit in brackets: "实际（家）", "actual (SMEs)".
std::string with_unit(Lang lang, std::string head, std::string_view unit) {
    if (unit.empty()) return head;
    head += lang == Lang::en ? " (" : "（";
    head += unit;
    head += lang == Lang::en ? ")" : "）";
    return head;
}

Cell text(std::string s) { return Cell::of_text(std::move(s)); }

/// A text from a document (an id, a name, a county): control characters made visible.
Cell input_text(const std::optional<std::string>& s) { return s ? text(printable(*s)) : Cell{}; }

/// The art7 functions of a bit set in words: "技术服务、融资服务".
std::string function_words(std::uint8_t bits, Lang lang) {
    std::string s;
    for (std::size_t i = 0; i < function_count; ++i)
        if ((bits >> i) & 1u) {
            if (!s.empty()) s += lang == Lang::en ? ", " : "、";
            s += function_name(static_cast<Function>(i)).in(lang);
        }
    return s;
}

Result result_of(Verdict v) {
    switch (v) {
    case Verdict::eligible: return Result::eligible;
    case Verdict::ineligible: return Result::ineligible;
    case Verdict::undetermined: return Result::undetermined;
    }
    return Result::undetermined;
}

/// A check's state in a row: its outcome, or "not claimed" (an art7 function not applied for).
constexpr std::uint8_t not_claimed_state = 4;

std::string state_words(std::uint8_t state, Lang lang) {
    if (state == not_claimed_state) return w(lang, "未申报", "not claimed");
    return words(lang, outcome_title(static_cast<Outcome>(state)));
}

/// The unit words of a rule's figures: money in yuan, counts in the rule's unit.
std::string_view figure_unit(const RuleInfo& r, Lang lang) {
    if (r.measure == Measure::money) return lang == Lang::en ? "CNY" : "元";
    if (r.measure == Measure::count) return r.unit.in(lang);
    return {};
}

std::string_view shortfall_unit(const RuleInfo& r, Lang lang) {
    if (r.measure == Measure::period) return lang == Lang::en ? "days" : "天";
    if (r.measure == Measure::ratio) return r.unit.in(lang);
    return figure_unit(r, lang);
}

bool open_check(const Check& c) {
    return c.reason != Reason::not_claimed && (c.outcome == Outcome::fail || c.outcome == Outcome::undetermined);
}

/// The parameter's value as a cell: years and counts as integers, money and percentages typed,
/// a month-day in words ("2 月最后一日").
Cell param_cell(ParamKind kind, std::int64_t v, Lang lang) {
    switch (kind) {
    case ParamKind::years:
    case ParamKind::count: return Cell::of_integer(v);
    case ParamKind::money: return Cell::of_money(v);
    case ParamKind::percent: return Cell::of_percent(v);
    case ParamKind::month_day: {
        const std::string month = format::count(v / 100), day = format::count(v % 100);
        if (lang == Lang::en) return text(v % 100 == 0 ? "last day of month " + month : "month " + month + ", day " + day);
        return text(v % 100 == 0 ? month + " 月最后一日" : month + " 月 " + day + " 日");
    }
    }
    return {};
}

/// One reading of an ambiguous clause: its row in the rule-pack sheet.
template <class E>
std::vector<Cell> reading_row(Lang lang, std::string_view name, std::string_view citation_zh, E used) {
    std::string values;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
        if (!values.empty()) values += ", ";
        values += D.name;
    });
    std::string meaning = w(lang, "可选：", "one of: ");
    meaning += values;
    meaning += w(lang, "；默认 ", "; default ");
    meaning += json::enum_name(E{});
    return {text(w(lang, "解读", "reading")), text(std::string(name)),
            text(lang == Lang::en ? detail::citation_en(citation_zh) : std::string(citation_zh)), text(meaning), Cell{},
            text(std::string(json::enum_name(used)))};
}

/// The sheet of the rule pack (every parameter with its citation, meaning and values) and the
/// readings used.
Table rule_pack_table(Lang lang, const RulePack& pack, const std::vector<std::vector<Cell>>& readings) {
    Table t;
    t.name = w(lang, "规则包与解读", "Rule pack and readings");
    t.columns = {{w(lang, "类别", "kind"), 10},        {w(lang, "名称", "name"), 34},
                 {w(lang, "条款", "citation"), 18},    {w(lang, "含义", "meaning"), 48},
                 {w(lang, "生效日期", "in force from"), 14}, {w(lang, "取值", "value"), 16}};
    t.rows.push_back({text(w(lang, "规则包", "rule pack")), text(pack.id), Cell{}, text(pack.description), Cell{},
                      text(pack.version)});
    for (std::size_t i = 0; i < param_count; ++i) {
        const ParamDef& def = param_defs[i];
        for (const DatedValue& v : pack.values[i])
            t.rows.push_back({text(w(lang, "参数", "parameter")), text(std::string(def.name)),
                              text(lang == Lang::en ? detail::citation_en(def.citation) : std::string(def.citation)),
                              text(words(lang, def.meaning)), v.from ? Cell::of_date(*v.from) : Cell{},
                              param_cell(def.kind, v.value, lang)});
    }
    for (const auto& row : readings) t.rows.push_back(row);
    return t;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Evaluations

void EvaluationTables::add(const Application& app, const Evaluation& e, const Text& source) {
    Row row;
    row.source = source;
    if (app.id) row.id = printable(*app.id);
    if (app.applicant && app.applicant->name) row.name = printable(*app.applicant->name);
    if (app.applicant && app.applicant->county) row.county = printable(*app.applicant->county);
    row.review_year = e.review_year;
    row.reference_date = e.reference_date;
    row.verdict = e.verdict;
    row.functions = e.qualified_functions;
    row.missing = e.missing;
    row.dossier_known = e.dossier_known;
    row.missing_materials = e.missing_materials;
    row.summary = Text{explain_verdict(e, Lang::zh), explain_verdict(e, Lang::en)};
    row.states.resize(rule_count);
    for (const RuleInfo& r : rule_catalog) {
        const Check& c = e.check(r.rule);
        row.states[static_cast<std::size_t>(r.rule)] =
            c.reason == Reason::not_claimed ? not_claimed_state : static_cast<std::uint8_t>(c.outcome);
        if (r.combine == Combine::leaf && open_check(c)) row.open.emplace_back(r.rule, c);
    }
    rows_.push_back(std::move(row));
}

void EvaluationTables::add_error(const Text& source, const Error& e) {
    add_error(source, Text{e.describe(Lang::zh), e.describe(Lang::en)});
}

void EvaluationTables::add_error(const Text& source, const Text& message) {
    Row row;
    row.source = source;
    row.error = true;
    row.summary = message;
    rows_.push_back(std::move(row));
}

Book EvaluationTables::book(Lang lang, const RulePack& pack, const Interpretations& readings) const {
    if (lang == Lang::both) lang = Lang::zh;
    // The rules that failed or are undetermined in some row get their columns, in registry order.
    std::vector<bool> shown(rule_count, false);
    for (const Row& row : rows_)
        for (const auto& [rule, check] : row.open) shown[static_cast<std::size_t>(rule)] = true;

    Table t;
    t.name = w(lang, "评审结果", "Results");
    t.columns = {{w(lang, "申请编号", "application id"), 16},
                 {w(lang, "申请单位", "applicant"), 30},
                 {w(lang, "县区", "county"), 10},
                 {w(lang, "评审年度", "review year"), 10},
                 {w(lang, "基准日", "reference date"), 12},
                 {w(lang, "结论", "verdict"), 12},
                 {w(lang, "满足的功能", "qualified functions"), 26},
                 {w(lang, "未通过的检查", "checks failed"), 13},
                 {w(lang, "无法判定的检查", "checks undetermined"), 13},
                 {w(lang, "缺少的输入", "missing inputs"), 44},
                 {w(lang, "申报材料", "dossier"), 30},
                 {w(lang, "说明", "summary"), 60},
                 {w(lang, "来源", "source"), 28}};
    const std::size_t fixed = t.columns.size();
    for (const RuleInfo& r : rule_catalog) {
        if (!shown[static_cast<std::size_t>(r.rule)]) continue;
        std::string title = words(lang, r.title);
        title += lang == Lang::en ? " (" : "（";
        title += r.citation.in(lang);
        title += lang == Lang::en ? ")" : "）";
        t.columns.push_back({title + w(lang, "：结果", ": outcome"), 16});
        if (r.measure == Measure::none) continue;
        const std::string head = words(lang, r.title) + w(lang, "：", ": ");
        t.columns.push_back({with_unit(lang, head + w(lang, "实际", "actual"), figure_unit(r, lang)), 14});
        t.columns.push_back({with_unit(lang, head + w(lang, "要求", "required"), figure_unit(r, lang)), 14});
        t.columns.push_back({with_unit(lang, head + w(lang, "差额", "shortfall"), shortfall_unit(r, lang)), 14});
        if (r.second) {
            const std::string second = words(lang, r.second->label) + w(lang, "：", ": ");
            const std::string_view unit = r.second->unit.in(lang);
            t.columns.push_back({with_unit(lang, second + w(lang, "实际", "actual"), unit), 14});
            t.columns.push_back({with_unit(lang, second + w(lang, "要求", "required"), unit), 14});
            t.columns.push_back({with_unit(lang, second + w(lang, "差额", "shortfall"), unit), 14});
        }
    }

    for (const Row& row : rows_) {
        std::vector<Cell> cells;
        cells.reserve(t.columns.size());
        const auto opt = [](const std::string& s) { return s.empty() ? Cell{} : text(s); };
        cells.push_back(opt(row.id));
        cells.push_back(opt(row.name));
        cells.push_back(opt(row.county));
        if (row.error) {
            cells.insert(cells.end(), {Cell{}, Cell{}, text(words(lang, result_title(Result::error))), Cell{}, Cell{},
                                       Cell{}, Cell{}, Cell{}, text(printable(row.summary.in(lang))), opt(printable(row.source.in(lang)))});
            cells.resize(t.columns.size());
            t.rows.push_back(std::move(cells));
            continue;
        }
        cells.push_back(Cell::of_integer(row.review_year));
        cells.push_back(Cell::of_date(row.reference_date));
        cells.push_back(text(words(lang, result_title(result_of(row.verdict)))));
        cells.push_back(opt(function_words(row.functions, lang)));
        std::int64_t failed = 0, undetermined = 0;
        for (const auto& [rule, check] : row.open) (check.outcome == Outcome::fail ? failed : undetermined) += 1;
        cells.push_back(Cell::of_integer(failed));
        cells.push_back(Cell::of_integer(undetermined));
        std::string missing;
        format::append_missing(missing, row.missing, row.review_year, lang);
        cells.push_back(opt(missing));
        std::string dossier;
        if (!row.dossier_known) dossier = w(lang, "未提供材料清单", "not given (materials absent)");
        else if (!row.missing_materials) dossier = w(lang, "齐全", "complete");
        else {
            dossier = w(lang, "不齐全，缺少：", "incomplete, missing: ");
            bool first = true;
            for (const DossierInfo& d : dossier_catalog)
                if ((row.missing_materials >> static_cast<unsigned>(d.item)) & 1u) {
                    if (!first) dossier += lang == Lang::en ? "; " : "；";
                    first = false;
                    dossier += d.citation.in(lang);
                    dossier += ' ';
                    dossier += d.title.in(lang);
                }
        }
        cells.push_back(text(dossier));
        cells.push_back(text(row.summary.in(lang)));
        cells.push_back(opt(printable(row.source.in(lang))));
        for (const RuleInfo& r : rule_catalog) {
            if (!shown[static_cast<std::size_t>(r.rule)]) continue;
            cells.push_back(text(state_words(row.states[static_cast<std::size_t>(r.rule)], lang)));
            if (r.measure == Measure::none) continue;
            const Check* open = nullptr;
            for (const auto& [rule, check] : row.open)
                if (rule == r.rule) open = &check;
            const std::size_t figures = r.second ? 6 : 3;
            if (!open) {
                cells.resize(cells.size() + figures);
                continue;
            }
            cells.push_back(Cell::of_quantity(open->actual));
            cells.push_back(Cell::of_quantity(open->required));
            cells.push_back(Cell::of_quantity(open->shortfall));
            if (r.second) {
                cells.push_back(Cell::of_quantity(open->second.actual));
                cells.push_back(Cell::of_quantity(open->second.required));
                cells.push_back(Cell::of_quantity(open->second.shortfall));
            }
        }
        t.rows.push_back(std::move(cells));
    }
    (void)fixed;

    Book b;
    b.title = w(lang, "评审结果", "Evaluation results");
    b.tables.push_back(std::move(t));
    b.tables.push_back(rule_pack_table(lang, pack,
                                       {reading_row(lang, "growth", "第六条第（二）项", readings.growth),
                                        reading_row(lang, "operating_period", "第六条第（一）项", readings.operating_period)}));
    return b;
}

// ---------------------------------------------------------------------------------------------
// Rosters

namespace {

std::vector<Cell> platform_cells(const Platform& p) {
    return {text(printable(p.id)), input_text(p.name), input_text(p.county)};
}

Cell optional_date(const std::optional<Date>& d) { return d ? Cell::of_date(*d) : Cell{}; }

std::string term_functions(const TermView& t, Lang lang) {
    if (!t.functions) return {};
    std::uint8_t bits = 0;
    for (Function f : *t.functions) bits |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(f));
    return function_words(bits, lang);
}

std::string obligation_kind_words(ObligationKind k, Lang lang) {
    return k == ObligationKind::annual_summary ? w(lang, "年度工作总结（第十三条）", "annual work summary (art13)")
                                               : w(lang, "县区汇总及检查报告（第十五条）", "county report (art15)");
}

} // namespace

Book roster_book(const Roster& r, Lang lang) {
    if (lang == Lang::both) lang = Lang::zh;
    const std::vector<Column> who = {{w(lang, "平台编号", "platform id"), 16},
                                     {w(lang, "平台名称", "platform"), 30},
                                     {w(lang, "县区", "county"), 10}};
    Book b;
    b.title = w(lang, "平台名录 ", "Roster on ") + to_string(r.on);

    Table platforms;
    platforms.name = w(lang, "平台", "Platforms");
    platforms.columns = who;
    platforms.columns.insert(platforms.columns.end(),
                             {{w(lang, "状态", "state"), 18},
                              {w(lang, "状态起始日", "state since"), 12},
                              {w(lang, "认定日期", "designated on"), 12},
                              {w(lang, "有效期至", "valid until"), 12},
                              {w(lang, "撤销日期", "revoked on"), 12},
                              {w(lang, "文号", "document no."), 18},
                              {w(lang, "认定的功能", "designated functions"), 22},
                              {w(lang, "剩余天数", "days left"), 10},
                              {w(lang, "下一截止日", "next deadline"), 12},
                              {w(lang, "可否申报", "may apply"), 10},
                              {w(lang, "可否申报的理由", "why"), 50},
                              {w(lang, "在办申报", "application in progress"), 30}});
    Table terms;
    terms.name = w(lang, "有效期", "Terms");
    terms.columns = who;
    terms.columns.insert(terms.columns.end(), {{w(lang, "认定日期", "designated on"), 12},
                                               {w(lang, "有效期至", "valid until"), 12},
                                               {w(lang, "撤销日期", "revoked on"), 12},
                                               {w(lang, "文号", "document no."), 18},
                                               {w(lang, "认定的功能", "designated functions"), 22},
                                               {w(lang, "最近一期", "latest"), 10}});
    Table obligations;
    obligations.name = w(lang, "报送义务", "Obligations");
    obligations.columns = who;
    obligations.columns.insert(obligations.columns.end(), {{w(lang, "报送事项", "filing"), 28},
                                                           {w(lang, "年度", "year"), 8},
                                                           {w(lang, "截止日", "due"), 12},
                                                           {w(lang, "状态", "status"), 12},
                                                           {w(lang, "报送日期", "filed on"), 12}});
    Table overdue;
    overdue.name = w(lang, "逾期未报", "Overdue filings");
    overdue.columns = who;
    overdue.columns.insert(overdue.columns.end(), {{w(lang, "报送事项", "filing"), 28},
                                                   {w(lang, "年度", "year"), 8},
                                                   {w(lang, "截止日", "due"), 12},
                                                   {w(lang, "逾期天数", "days overdue"), 10}});

    const auto term_cells = [&](std::vector<Cell>& cells, const TermView& t) {
        cells.push_back(Cell::of_date(t.designated_on));
        cells.push_back(Cell::of_date(t.valid_until));
        cells.push_back(optional_date(t.revoked_on));
        cells.push_back(t.document_no.empty() ? Cell{} : text(printable(t.document_no)));
        const std::string f = term_functions(t, lang);
        cells.push_back(f.empty() ? Cell{} : text(f));
    };
    for (const Status& st : r.platforms) {
        std::vector<Cell> row = platform_cells(st.platform);
        row.push_back(text(words(lang, state_name(st.state))));
        row.push_back(optional_date(st.state_since));
        if (st.term) term_cells(row, *st.term);
        else row.resize(row.size() + 5);
        row.push_back(st.days_left ? Cell::of_integer(*st.days_left) : Cell{});
        row.push_back(optional_date(st.next_deadline));
        row.push_back(text(st.may_apply_again.allowed ? w(lang, "可以", "yes") : w(lang, "不可以", "no")));
        std::string why;
        if (st.may_apply_again.article) {
            why += st.may_apply_again.article->in(lang);
            why += lang == Lang::en ? ": " : "：";
        }
        why += st.may_apply_again.reason.in(lang);
        row.push_back(text(printable(why)));
        if (st.application) {
            std::string a = lang == Lang::en ? "review year " + format::count(st.application->review_year) + ", "
                                             : format::count(st.application->review_year) + " 评审年度，";
            a += stage_name(st.application->stage).in(lang);
            row.push_back(text(a));
        } else {
            row.push_back(Cell{});
        }
        platforms.rows.push_back(std::move(row));

        const auto term_row = [&](const TermView& t, bool latest) {
            std::vector<Cell> cells = platform_cells(st.platform);
            term_cells(cells, t);
            cells.push_back(text(latest ? w(lang, "是", "yes") : w(lang, "否", "no")));
            terms.rows.push_back(std::move(cells));
        };
        for (const TermView& t : st.earlier_terms) term_row(t, false);
        if (st.term) term_row(*st.term, true);

        for (const Obligation& o : st.obligations) {
            std::vector<Cell> cells = platform_cells(st.platform);
            cells.push_back(text(obligation_kind_words(o.kind, lang)));
            cells.push_back(Cell::of_integer(o.year));
            cells.push_back(Cell::of_date(o.due));
            cells.push_back(text(words(lang, obligation_status_name(o.status))));
            cells.push_back(optional_date(o.filed_on));
            obligations.rows.push_back(std::move(cells));
        }
    }
    for (const CountyReport& c : r.county_reports) {
        std::vector<Cell> cells = {Cell{}, Cell{}, text(printable(c.county))};
        cells.push_back(text(obligation_kind_words(c.obligation.kind, lang)));
        cells.push_back(Cell::of_integer(c.obligation.year));
        cells.push_back(Cell::of_date(c.obligation.due));
        cells.push_back(text(words(lang, obligation_status_name(c.obligation.status))));
        cells.push_back(optional_date(c.obligation.filed_on));
        obligations.rows.push_back(std::move(cells));
    }
    for (const OverdueFiling& o : r.overdue) {
        std::vector<Cell> cells;
        if (o.platform) cells = platform_cells(r.platforms[*o.platform].platform);
        else cells = {Cell{}, Cell{}, input_text(o.county)};
        cells.push_back(text(obligation_kind_words(o.kind, lang)));
        cells.push_back(Cell::of_integer(o.year));
        cells.push_back(Cell::of_date(o.due));
        cells.push_back(Cell::of_integer(days_between(o.due, r.on)));
        overdue.rows.push_back(std::move(cells));
    }
    b.tables.push_back(std::move(platforms));
    b.tables.push_back(std::move(terms));
    b.tables.push_back(std::move(obligations));
    b.tables.push_back(std::move(overdue));
    b.tables.push_back(rule_pack_table(lang, *r.rule_pack,
                                       {reading_row(lang, "summary_owed", "第十三条", r.interpretations.summary_owed),
                                        reading_row(lang, "deadline_rest_days", "第十三条、第十五条",
                                                    r.interpretations.deadline_rest_days)}));
    return b;
}

// ---------------------------------------------------------------------------------------------
// Comparisons

Book comparison_book(const Comparison& c, Lang lang) {
    if (lang == Lang::both) lang = Lang::zh;
    Book b;
    b.title = w(lang, "政策比较", "Policy comparison");

    // The changed applications first: the table an officer filters (and what --csv-out writes).
    Table changed;
    changed.name = w(lang, "结论改变的申请", "Changed applications");
    changed.columns = {{w(lang, "序号", "position"), 8},
                       {w(lang, "申请编号", "application id"), 16},
                       {w(lang, "申请单位", "applicant"), 30},
                       {w(lang, "县区", "county"), 10},
                       {w(lang, "评审年度", "review year"), 10},
                       {w(lang, "基线结论", "baseline"), 12},
                       {w(lang, "备选结论", "alternative"), 12},
                       {w(lang, "基线满足的功能", "functions, baseline"), 22},
                       {w(lang, "备选满足的功能", "functions, alternative"), 22},
                       {w(lang, "结果改变的规则", "rules that changed"), 60}};
    for (const ChangedApplication& a : c.changed_applications) {
        std::string rules;
        for (const RuleChange& rc : a.rules) {
            if (rule_info(rc.rule).combine != Combine::leaf) continue;
            if (!rules.empty()) rules += lang == Lang::en ? "; " : "；";
            rules += rule_info(rc.rule).id;
            rules += ' ';
            rules += outcome_title(rc.before.outcome).in(lang);
            rules += " → ";
            rules += outcome_title(rc.after.outcome).in(lang);
        }
        const auto opt = [](const std::string& s) { return s.empty() ? Cell{} : text(printable(s)); };
        changed.rows.push_back({Cell::of_integer(static_cast<std::int64_t>(a.index) + 1), opt(a.id), opt(a.name), opt(a.county),
                                a.review_year ? Cell::of_integer(a.review_year) : Cell{},
                                text(words(lang, result_title(a.before))), text(words(lang, result_title(a.after))),
                                opt(function_words(a.functions_before, lang)), opt(function_words(a.functions_after, lang)),
                                opt(rules)});
    }

    Table counts;
    counts.name = w(lang, "结论转移", "Transitions");
    counts.columns = {{w(lang, "基线结论", "baseline"), 14}};
    for (std::size_t to = 0; to < result_count; ++to)
        counts.columns.push_back({w(lang, "备选：", "alternative: ") + words(lang, result_title(static_cast<Result>(to))), 14});
    counts.columns.push_back({w(lang, "合计", "total"), 10});
    for (std::size_t from = 0; from < result_count; ++from) {
        std::vector<Cell> row = {text(words(lang, result_title(static_cast<Result>(from))))};
        std::uint64_t total = 0;
        for (std::size_t to = 0; to < result_count; ++to) {
            row.push_back(Cell::of_integer(static_cast<std::int64_t>(c.transitions[from][to])));
            total += c.transitions[from][to];
        }
        row.push_back(Cell::of_integer(static_cast<std::int64_t>(total)));
        counts.rows.push_back(std::move(row));
    }

    Table functions;
    functions.name = w(lang, "第七条功能", "Art7 functions");
    functions.columns = {{w(lang, "功能", "function"), 16},
                         {w(lang, "基线满足", "baseline"), 12},
                         {w(lang, "备选满足", "alternative"), 12},
                         {w(lang, "变化", "change"), 10}};
    for (std::size_t f = 0; f < function_count; ++f)
        functions.rows.push_back({text(words(lang, function_name(static_cast<Function>(f)))),
                                  Cell::of_integer(static_cast<std::int64_t>(c.functions_before[f])),
                                  Cell::of_integer(static_cast<std::int64_t>(c.functions_after[f])),
                                  Cell::of_integer(static_cast<std::int64_t>(c.functions_after[f]) -
                                                   static_cast<std::int64_t>(c.functions_before[f]))});

    Table rules;
    rules.name = w(lang, "各条规则", "Rules");
    rules.columns = {{w(lang, "规则", "rule"), 30}, {w(lang, "条款", "citation"), 18}, {w(lang, "要求", "title"), 40}};
    for (std::size_t o = 0; o < outcome_count; ++o)
        rules.columns.push_back({w(lang, "基线：", "baseline: ") + words(lang, outcome_title(static_cast<Outcome>(o))), 12});
    for (std::size_t o = 0; o < outcome_count; ++o)
        rules.columns.push_back({w(lang, "备选：", "alternative: ") + words(lang, outcome_title(static_cast<Outcome>(o))), 12});
    rules.columns.push_back({w(lang, "结果改变的申请", "applications changed"), 12});
    for (const RuleInfo& r : rule_catalog) {
        const RuleTally& tally = c.rules[static_cast<std::size_t>(r.rule)];
        std::vector<Cell> row = {text(std::string(r.id)), text(words(lang, r.citation)), text(words(lang, r.title))};
        for (std::uint64_t n : tally.before) row.push_back(Cell::of_integer(static_cast<std::int64_t>(n)));
        for (std::uint64_t n : tally.after) row.push_back(Cell::of_integer(static_cast<std::int64_t>(n)));
        row.push_back(Cell::of_integer(static_cast<std::int64_t>(tally.changed)));
        rules.rows.push_back(std::move(row));
    }

    Table sides;
    sides.name = w(lang, "差异", "Differences");
    sides.columns = {{w(lang, "项目", "item"), 34}, {w(lang, "基线", "baseline"), 30}, {w(lang, "备选", "alternative"), 30}};
    sides.rows.push_back({text(w(lang, "规则包", "rule pack")), text(c.baseline_pack), text(c.alternative_pack)});
    sides.rows.push_back({text(w(lang, "申请数", "applications")), Cell::of_integer(static_cast<std::int64_t>(c.applications)),
                          Cell::of_integer(static_cast<std::int64_t>(c.applications))});
    sides.rows.push_back({text(w(lang, "结论改变的申请数", "applications whose result changed")),
                          Cell::of_integer(static_cast<std::int64_t>(c.changed)), Cell::of_integer(static_cast<std::int64_t>(c.changed))});
    for (const Difference& d : c.differences)
        sides.rows.push_back({text((d.reading ? w(lang, "解读 ", "reading ") : w(lang, "参数 ", "parameter ")) + d.name),
                              text(printable(d.before.in(lang))), text(printable(d.after.in(lang)))});

    b.tables.push_back(std::move(changed));
    b.tables.push_back(std::move(sides));
    b.tables.push_back(std::move(counts));
    b.tables.push_back(std::move(functions));
    b.tables.push_back(std::move(rules));
    return b;
}

} // namespace shifan::cli::sheet
