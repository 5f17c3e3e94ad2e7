// Evaluating one application, and reading its result.
#include "internal.hpp"

using namespace shifan;
using namespace shifan::capi;

namespace {

/// A quantity in the JSON's units (docs/specification.md §3.2); false when absent (JSON null).
bool format_quantity(std::string& out, const Quantity& q) {
    switch (q.kind) {
    case Quantity::Kind::none: return false;
    case Quantity::Kind::count:
    case Quantity::Kind::days: out = std::to_string(q.value); return true;
    case Quantity::Kind::money:
    case Quantity::Kind::percent: out = format_hundredths(q.value); return true;
    case Quantity::Kind::date: out = to_string(q.as_date()); return true;
    }
    return false;
}

/// The evaluation a handle names, or nullptr (recorded as the last error).
const shifan_evaluation* valid(const shifan_evaluation* h) { return find_handle(h, "evaluation"); }

/// The evaluation and the check at `index`, or nullptr (recorded as the last error).
const shifan_evaluation* valid(const shifan_evaluation* h, std::size_t index) {
    const shifan_evaluation* e = valid(h);
    if (!e) return nullptr;
    if (index >= rule_count) {
        record_lazy(SHIFAN_EUSAGE, [&] { return "检查项序号 " + std::to_string(index) + " 超出范围"; },
                    [&] { return "check index " + std::to_string(index) + " is out of range"; });
        return nullptr;
    }
    return e;
}

/// Text `which` of the rule at `index` in `lang`, or nullptr (recorded as the last error).
const char* rule_text(const shifan_evaluation* h, std::size_t index, std::int32_t lang, StaticText RuleInfo::*which) {
    if (!valid(h, index)) return nullptr;
    const StaticText& text = rule_catalog[index].*which;
    return in_lang(text.zh.data(), text.en.data(), lang); // string literals: NUL-terminated
}

/// Whether check `c` of rule `r` reports a second comparison: the JSON then has a member named
/// `r.second->key` (result_json.hpp writes it under the same condition).
bool has_second(const RuleInfo& r, const Check& c) {
    return r.measure != Measure::none && r.combine == Combine::leaf && r.second && c.second.present();
}

/// The numbers of one check, in this order: actual, required, shortfall, then the same three of
/// its second comparison.
constexpr std::size_t numbers_per_check = 6;

void compute_numbers(const shifan_evaluation& e) {
    std::call_once(e.numbers_once, [&] {
        e.numbers.resize(rule_count * numbers_per_check);
        e.has_number.resize(rule_count * numbers_per_check);
        for (std::size_t i = 0; i < rule_count; ++i) {
            const RuleInfo& r = rule_catalog[i];
            if (r.measure == Measure::none || r.combine != Combine::leaf) continue;
            const Check& c = e.evaluation.checks[i];
            const std::size_t k = numbers_per_check * i;
            e.has_number[k] = format_quantity(e.numbers[k], c.actual);
            e.has_number[k + 1] = format_quantity(e.numbers[k + 1], c.required);
            e.has_number[k + 2] = format_quantity(e.numbers[k + 2], c.shortfall);
            if (!has_second(r, c)) continue;
            e.has_number[k + 3] = format_quantity(e.numbers[k + 3], c.second.actual);
            e.has_number[k + 4] = format_quantity(e.numbers[k + 4], c.second.required);
            e.has_number[k + 5] = format_quantity(e.numbers[k + 5], c.second.shortfall);
        }
    });
}

/// Number `which` (0 .. numbers_per_check-1, see there) of check `index`, or nullptr.
const char* number(const shifan_evaluation* h, std::size_t index, std::size_t which) {
    const shifan_evaluation* e = valid(h, index);
    if (!e) return nullptr;
    try {
        compute_numbers(*e);
    } catch (...) {
        record_current_exception(nullptr);
        return nullptr;
    }
    const std::size_t k = numbers_per_check * index + which;
    return e->has_number[k] ? e->numbers[k].c_str() : nullptr;
}

void fill(shifan_evaluation& h) {
    h.reference_date = to_string(h.evaluation.reference_date);
    for (std::size_t i = 0; i < input_count; ++i)
        if ((h.evaluation.missing >> i) & 1u) h.missing.push_back(input_path(static_cast<Input>(i), h.evaluation.review_year));
}

} // namespace

namespace shifan::capi {

/// Parse and evaluate `text` into a new evaluation handle (shared by evaluate and batch items).
shifan_evaluation* make_evaluation(const std::shared_ptr<const Engine>& engine, std::string_view text,
                                   const json::Limits& limits) {
    auto h = std::make_unique<shifan_evaluation>();
    parse_application(scratch().tape, text, h->app, limits);
    engine->evaluate(h->app, h->evaluation);
    h->engine = engine;
    fill(*h);
    return adopt(std::move(h));
}

} // namespace shifan::capi

extern "C" {

SHIFAN_API int shifan_evaluate(shifan_evaluation** out, const shifan_engine* engine_h, const char* json, size_t len,
                               const shifan_evaluate_options* opts, shifan_error** err) {
    return guard(err, [&] {
        begin_out(out);
        const auto [engine, text] = engine_input(engine_h, json, len, "json");
        *out = make_evaluation(engine->engine, text, to_limits(opts));
    });
}

SHIFAN_API int shifan_evaluate_to_json(char** out, size_t* out_len, const shifan_engine* engine_h, const char* json,
                                       size_t len, const shifan_evaluate_options* opts,
                                       const shifan_json_options* json_opts, shifan_error** err) {
    return guard(err, [&] {
        begin_out(out);
        const auto [engine, text] = engine_input(engine_h, json, len, "json");
        const WriteOptions w = to_write_options(json_opts);
        Scratch& s = scratch();
        parse_application(s.tape, text, *s.app, to_limits(opts));
        engine->engine->evaluate(*s.app, *s.evaluation);
        s.text.clear();
        write_evaluation(s.text, *s.evaluation, s.app->id, w);
        give_string(out, out_len, s.text);
    });
}

SHIFAN_API int32_t shifan_evaluation_verdict(const shifan_evaluation* e_h) {
    return read_handle<int32_t>(e_h, "evaluation", [&](const auto* e) { return static_cast<int32_t>(e->evaluation.verdict); });
}

SHIFAN_API int32_t shifan_evaluation_qualified_functions(const shifan_evaluation* e_h) {
    return read_handle<int32_t>(e_h, "evaluation", [&](const auto* e) { return e->evaluation.qualified_functions; });
}

SHIFAN_API const char* shifan_evaluation_application_id(const shifan_evaluation* e_h) {
    return read_handle<const char*>(e_h, "evaluation", [&](const auto* e) { return e->app.id ? e->app.id->c_str() : nullptr; });
}

SHIFAN_API int32_t shifan_evaluation_review_year(const shifan_evaluation* e_h) {
    return read_handle<int32_t>(e_h, "evaluation", [&](const auto* e) { return e->evaluation.review_year; });
}

SHIFAN_API const char* shifan_evaluation_reference_date(const shifan_evaluation* e_h) {
    return read_handle<const char*>(e_h, "evaluation", [&](const auto* e) { return e->reference_date.c_str(); });
}

SHIFAN_API const char* shifan_evaluation_rule_pack_id(const shifan_evaluation* e_h) {
    return read_handle<const char*>(e_h, "evaluation", [&](const auto* e) { return e->engine->rule_pack().id.c_str(); });
}

SHIFAN_API const char* shifan_evaluation_rule_pack_version(const shifan_evaluation* e_h) {
    return read_handle<const char*>(e_h, "evaluation", [&](const auto* e) { return e->engine->rule_pack().version.c_str(); });
}

SHIFAN_API int32_t shifan_evaluation_check_count(const shifan_evaluation* e_h) {
    return read_handle<int32_t>(e_h, "evaluation", [](const auto*) { return static_cast<int32_t>(rule_count); });
}

SHIFAN_API int32_t shifan_evaluation_check_index(const shifan_evaluation* e_h, const char* id) {
    const auto* e = find_handle(e_h, "evaluation");
    if (!e) return last_error_code();
    if (!id) return record(nullptr, SHIFAN_EUSAGE, "", "参数 id 为空（NULL）", "id is NULL");
    if (auto r = rule_by_id(id)) return static_cast<int32_t>(*r);
    return record_lazy(SHIFAN_EUSAGE, [&] { return "未知的检查项“" + std::string(id) + "”"; },
                       [&] { return "unknown check id \"" + std::string(id) + "\""; });
}

SHIFAN_API const char* shifan_evaluation_check_id(const shifan_evaluation* e_h, size_t index) {
    const auto* e = valid(e_h, index);
    if (!e) return nullptr;
    return rule_catalog[index].id.data(); // string literals: NUL-terminated
}

SHIFAN_API const char* shifan_evaluation_check_citation(const shifan_evaluation* e_h, size_t index, int32_t lang) {
    return rule_text(e_h, index, lang, &RuleInfo::citation);
}

SHIFAN_API const char* shifan_evaluation_check_title(const shifan_evaluation* e_h, size_t index, int32_t lang) {
    return rule_text(e_h, index, lang, &RuleInfo::title);
}

SHIFAN_API int32_t shifan_evaluation_check_kind(const shifan_evaluation* e_h, size_t index) {
    const auto* e = valid(e_h, index);
    if (!e) return last_error_code();
    return rule_catalog[index].combine == Combine::leaf ? SHIFAN_CHECK_RULE : SHIFAN_CHECK_GROUP;
}

SHIFAN_API int32_t shifan_evaluation_check_outcome(const shifan_evaluation* e_h, size_t index) {
    const auto* e = valid(e_h, index);
    if (!e) return last_error_code();
    return static_cast<int32_t>(e->evaluation.checks[index].outcome);
}

SHIFAN_API const char* shifan_evaluation_check_reason(const shifan_evaluation* e_h, size_t index) {
    const auto* e = valid(e_h, index);
    if (!e) return nullptr;
    return json::enum_name(e->evaluation.checks[index].reason);
}

SHIFAN_API const char* shifan_evaluation_check_actual(const shifan_evaluation* e, size_t index) { return number(e, index, 0); }
SHIFAN_API const char* shifan_evaluation_check_required(const shifan_evaluation* e, size_t index) { return number(e, index, 1); }
SHIFAN_API const char* shifan_evaluation_check_shortfall(const shifan_evaluation* e, size_t index) { return number(e, index, 2); }

SHIFAN_API const char* shifan_evaluation_check_second_name(const shifan_evaluation* e_h, size_t index) {
    const auto* e = valid(e_h, index);
    if (!e) return nullptr;
    const RuleInfo& r = rule_catalog[index];
    if (!r.second || !has_second(r, e->evaluation.checks[index])) return nullptr;
    return r.second->key.data(); // string literals: NUL-terminated
}

SHIFAN_API const char* shifan_evaluation_check_second_actual(const shifan_evaluation* e, size_t index) { return number(e, index, 3); }
SHIFAN_API const char* shifan_evaluation_check_second_required(const shifan_evaluation* e, size_t index) { return number(e, index, 4); }
SHIFAN_API const char* shifan_evaluation_check_second_shortfall(const shifan_evaluation* e, size_t index) { return number(e, index, 5); }

SHIFAN_API const char* shifan_evaluation_check_message(const shifan_evaluation* e_h, size_t index, int32_t lang) {
    const auto* e = valid(e_h, index);
    if (!e) return nullptr;
    if (lang != SHIFAN_LANG_ZH && lang != SHIFAN_LANG_EN) {
        record(nullptr, SHIFAN_EUSAGE, "", "语言代码应为 0（zh）或 1（en）", "lang must be 0 (zh) or 1 (en)");
        return nullptr;
    }
    const std::size_t k = lang == SHIFAN_LANG_ZH ? 0 : 1;
    try {
        std::call_once(e->messages_once[k], [&] {
            std::vector<std::string> m(rule_count);
            for (std::size_t i = 0; i < rule_count; ++i)
                explain_check(m[i], rule_catalog[i], e->evaluation.checks[i], k == 0 ? Lang::zh : Lang::en,
                              e->evaluation.review_year);
            e->messages[k] = std::move(m);
        });
    } catch (...) {
        record_current_exception(nullptr);
        return nullptr;
    }
    return e->messages[k][index].c_str();
}

SHIFAN_API int32_t shifan_evaluation_missing_count(const shifan_evaluation* e_h) {
    return read_handle<int32_t>(e_h, "evaluation", [&](const auto* e) { return static_cast<int32_t>(e->missing.size()); });
}

SHIFAN_API const char* shifan_evaluation_missing(const shifan_evaluation* e_h, size_t index) {
    const auto* e = valid(e_h);
    if (!e) return nullptr;
    if (index >= e->missing.size()) {
        record(nullptr, SHIFAN_EUSAGE, "", "缺失输入序号超出范围", "missing-input index out of range");
        return nullptr;
    }
    return e->missing[index].c_str();
}

SHIFAN_API int32_t shifan_evaluation_dossier(const shifan_evaluation* e_h) {
    const auto* e = find_handle(e_h, "evaluation");
    if (!e) return last_error_code();
    const auto complete = e->evaluation.dossier_complete();
    if (!complete) return SHIFAN_DOSSIER_UNKNOWN;
    return *complete ? SHIFAN_DOSSIER_COMPLETE : SHIFAN_DOSSIER_INCOMPLETE;
}

SHIFAN_API int32_t shifan_evaluation_missing_material_count(const shifan_evaluation* e_h) {
    const auto* e = find_handle(e_h, "evaluation");
    if (!e) return last_error_code();
    int32_t n = 0;
    for (const DossierInfo& d : dossier_catalog)
        if ((e->evaluation.missing_materials >> static_cast<unsigned>(d.item)) & 1u) ++n;
    return n;
}

SHIFAN_API const char* shifan_evaluation_missing_material(const shifan_evaluation* e_h, size_t index) {
    const auto* e = valid(e_h);
    if (!e) return nullptr;
    std::size_t k = 0;
    for (const DossierInfo& d : dossier_catalog)
        if ((e->evaluation.missing_materials >> static_cast<unsigned>(d.item)) & 1u) {
            if (k == index) return d.id.data();
            ++k;
        }
    record(nullptr, SHIFAN_EUSAGE, "", "缺少材料序号超出范围", "missing-material index out of range");
    return nullptr;
}

SHIFAN_API int shifan_evaluation_to_json(char** out, size_t* out_len, const shifan_evaluation* e,
                                         const shifan_json_options* opts, shifan_error** err) {
    return give_text(out, out_len, e, "evaluation", err, [&](const shifan_evaluation& h) -> const std::string& {
        const WriteOptions w = to_write_options(opts);
        std::string& s = scratch().text;
        s.clear();
        write_evaluation(s, h.evaluation, h.app.id, w);
        return s;
    });
}

SHIFAN_API int shifan_evaluation_report(char** out, size_t* out_len, const shifan_evaluation* e, int32_t lang,
                                        shifan_error** err) {
    return give_text(out, out_len, e, "evaluation", err, [&](const shifan_evaluation& h) {
        return text_in(to_lang(lang), [&](Lang l) { return render_report(h.app, h.evaluation, l); });
    });
}

SHIFAN_API void shifan_evaluation_free(shifan_evaluation* e) { release(e); }

} // extern "C"
