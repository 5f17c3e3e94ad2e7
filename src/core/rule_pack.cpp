// Reading shifan.rulepack/1, and the built-in pack (the embedded rules/changzhi-municipal.rulepack.json,
// parsed once).
#include "shifan/io/rule_pack.hpp"

#include "json/reader.hpp"
#include "rules/builtin_changzhi_municipal.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace shifan {

namespace {

std::int64_t read_param_value(json::Reader& r, ParamKind kind) {
    switch (kind) {
    case ParamKind::years: {
        Count c;
        read(r, c);
        if (c.value > 100) r.fail(ErrorCode::out_of_range, "年数须在 0–100 之间", "years must be within 0–100");
        return c.value;
    }
    case ParamKind::count: { Count c; read(r, c); return c.value; }
    case ParamKind::money: { Money m; read(r, m); return m.fen; }
    case ParamKind::percent: { Percent p; read(r, p); return p.hundredths; }
    case ParamKind::month_day: {
        r.begin_object("对象 {\"month\": 月, \"day\": 日或 \"last\"}", "an object {\"month\": m, \"day\": d or \"last\"}");
        std::optional<int> month, day;
        while (r.peek().kind != json::Kind::object_end) {
            const std::string_view key = r.text(r.next());
            r.push_key(key);
            if ((key == "month" && month) || (key == "day" && day))
                r.fail(ErrorCode::duplicate_key, "重复的键", "duplicate key");
            if (key == "month") {
                Count c; read(r, c);
                if (c.value < 1 || c.value > 12) r.fail(ErrorCode::out_of_range, "月份须在 1–12 之间", "month must be within 1–12");
                month = static_cast<int>(c.value);
            } else if (key == "day") {
                if (r.peek().kind == json::Kind::string) {
                    const json::Token& t = r.next();
                    if (r.text(t) != "last")
                        r.fail(ErrorCode::unknown_value, "day 应为 1–31 或 \"last\"", "day must be 1–31 or \"last\"");
                    day = 0;
                } else {
                    Count c; read(r, c);
                    if (c.value < 1 || c.value > 31) r.fail(ErrorCode::out_of_range, "日须在 1–31 之间", "day must be within 1–31");
                    day = static_cast<int>(c.value);
                }
            } else {
                r.fail(ErrorCode::unknown_key, "未定义的键（允许：month, day）", "unknown key (allowed: month, day)");
            }
            r.pop();
        }
        r.next();
        if (!month || !day)
            r.fail(ErrorCode::missing_required, "需要 month 和 day", "both month and day are required");
        if (*day > days_in_month(2000, *month))
            r.fail(ErrorCode::out_of_range, "该月没有这一天", "that month has no such day");
        return *month * 100 + *day;
    }
    }
    return 0;
}

/// A parameter's value: plain, or a list of {"from": date, "value": v}.
void read_param(json::Reader& r, Param p, std::vector<DatedValue>& out) {
    out.clear();
    const ParamKind kind = param_def(p).kind;
    if (r.peek().kind != json::Kind::array_begin) {
        out.push_back({std::nullopt, read_param_value(r, kind)});
        return;
    }
    r.next();
    std::size_t i = 0;
    std::set<Date> seen;
    while (r.peek().kind != json::Kind::array_end) {
        r.push_index(i++);
        r.begin_object("对象 {\"from\": 日期, \"value\": 值}", "an object {\"from\": date, \"value\": v}");
        std::optional<Date> from;
        std::optional<std::int64_t> value;
        while (r.peek().kind != json::Kind::object_end) {
            const std::string_view key = r.text(r.next());
            r.push_key(key);
            if ((key == "from" && from) || (key == "value" && value))
                r.fail(ErrorCode::duplicate_key, "重复的键", "duplicate key");
            if (key == "from") { Date d; read(r, d); from = d; }
            else if (key == "value") value = read_param_value(r, kind);
            else r.fail(ErrorCode::unknown_key, "未定义的键（允许：from, value）", "unknown key (allowed: from, value)");
            r.pop();
        }
        r.next();
        if (!from) r.fail_at("from", ErrorCode::missing_required, "缺少生效日期 from", "missing \"from\" (the date the value takes effect)");
        if (!value) r.fail_at("value", ErrorCode::missing_required, "缺少取值 value", "missing \"value\"");
        // A set of the dates seen (not a scan of the values read so far): O(n log n) for n values.
        if (!seen.insert(*from).second)
            r.fail_at("from", ErrorCode::inconsistent, "同一生效日期出现两次", "two values take effect on the same date");
        out.push_back({from, *value});
        r.pop();
    }
    r.next();
    if (out.empty()) r.fail(ErrorCode::out_of_range, "取值列表不能为空", "the list of values must not be empty");
    std::sort(out.begin(), out.end(), [](const DatedValue& a, const DatedValue& b) { return *a.from < *b.from; });
}

} // namespace

RulePack parse_rule_pack(std::string_view text, RulePackResolver resolve_base, const json::Limits& limits) {
    json::Tape tape;
    tape.parse(text, limits);
    json::Reader r(tape);
    RulePack pack;
    std::array<bool, param_count> given{};
    std::optional<std::string> base, schema, id, version;
    r.begin_object("JSON 对象", "a JSON object");
    while (r.peek().kind != json::Kind::object_end) {
        const std::string_view key = r.text(r.next());
        r.push_key(key);
        auto string_member = [&](std::optional<std::string>& slot) {
            if (slot) r.fail(ErrorCode::duplicate_key, "重复的键", "duplicate key");
            slot.emplace();
            read(r, *slot);
        };
        if (key == "schema") {
            string_member(schema);
            if (*schema != "shifan.rulepack/1")
                r.fail(ErrorCode::wrong_schema, "文档格式为“" + *schema + "”，此处需要“shifan.rulepack/1”",
                       "the document is \"" + *schema + "\"; expected \"shifan.rulepack/1\"");
        } else if (key == "id") string_member(id);
        else if (key == "version") string_member(version);
        else if (key == "base") string_member(base);
        else if (key == "description") {
            std::optional<std::string> d;
            if (!pack.description.empty()) r.fail(ErrorCode::duplicate_key, "重复的键", "duplicate key");
            string_member(d);
            pack.description = *d;
        } else if (key == "parameters") {
            if (std::any_of(given.begin(), given.end(), [](bool b) { return b; }))
                r.fail(ErrorCode::duplicate_key, "重复的键", "duplicate key");
            r.begin_object();
            while (r.peek().kind != json::Kind::object_end) {
                const std::string_view name = r.text(r.next());
                const auto p = param_by_name(name);
                if (!p) {
                    std::string allowed;
                    for (const ParamDef& d : param_defs) { if (!allowed.empty()) allowed += ", "; allowed += d.name; }
                    r.fail_at(name, ErrorCode::unknown_key, "未知参数“" + std::string(name) + "”（允许：" + allowed + "）",
                              "unknown parameter \"" + std::string(name) + "\" (allowed: " + allowed + ")");
                }
                const auto idx = static_cast<std::size_t>(*p);
                if (given[idx])
                    r.fail_at(name, ErrorCode::duplicate_key, "重复的参数", "duplicate parameter");
                given[idx] = true;
                r.push_key(name);
                read_param(r, *p, pack.values[idx]);
                r.pop();
            }
            r.next();
        } else {
            r.fail(ErrorCode::unknown_key,
                   "未定义的键“" + std::string(key) + "”（允许：schema, id, version, base, description, parameters）",
                   "unknown key \"" + std::string(key) + "\" (allowed: schema, id, version, base, description, parameters)");
        }
        r.pop();
    }
    if (!schema) throw Error(ErrorCode::missing_required, "/schema", Text{"缺少必填字段 schema", "missing required member \"schema\""});
    if (!id || id->empty()) throw Error(ErrorCode::missing_required, "/id", Text{"缺少规则包标识 id", "missing the pack's \"id\""});
    if (!version || version->empty())
        throw Error(ErrorCode::missing_required, "/version", Text{"缺少规则包版本 version", "missing the pack's \"version\""});
    pack.id = *id;
    pack.version = *version;
    if (base) {
        const RulePack* b = resolve_base ? resolve_base(*base) : nullptr;
        if (!b && *base == builtin_rule_pack().id) b = &builtin_rule_pack();
        if (!b)
            throw Error(ErrorCode::rule_pack, "/base",
                        Text{"未知的基础规则包“" + *base + "”", "unknown base rule pack \"" + *base + "\""});
        for (std::size_t i = 0; i < param_count; ++i)
            if (!given[i]) pack.values[i] = b->values[i];
    } else {
        for (std::size_t i = 0; i < param_count; ++i)
            if (!given[i])
                throw Error(ErrorCode::missing_required, "/parameters/" + std::string(param_defs[i].name),
                            Text{"缺少参数 " + std::string(param_defs[i].name) + "（没有 base 时须给出全部参数）",
                                 "missing parameter " + std::string(param_defs[i].name) +
                                     " (without \"base\" every parameter must be given)"});
    }
    for (std::size_t i = 0; i < param_count; ++i)
        if (param_defs[i].name == "validity_years")
            for (const DatedValue& v : pack.values[i])
                if (v.value < 1)
                    throw Error(ErrorCode::out_of_range, "/parameters/validity_years",
                                Text{"有效期至少为 1 年", "the validity must be at least one year"});
    return pack;
}

const RulePack& builtin_rule_pack() {
    static const RulePack pack = parse_rule_pack(builtin::changzhi_municipal_rulepack);
    return pack;
}

} // namespace shifan
