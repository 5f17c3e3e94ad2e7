// Engines: a rule pack and a set of readings.
#include "internal.hpp"

#include "shifan/io/registry.hpp"

using namespace shifan;
using namespace shifan::capi;

namespace {

shifan_engine* new_engine(SharedRulePack pack) {
    auto h = std::make_unique<shifan_engine>();
    h->pack = std::move(pack);
    h->engine = std::make_shared<const Engine>(h->pack, Interpretations{});
    return adopt(std::move(h));
}

} // namespace

extern "C" {

SHIFAN_API int shifan_engine_new(shifan_engine** out, shifan_error** err) {
    return guard(err, [&] {
        begin_out(out);
        *out = new_engine(SharedRulePack::borrow(builtin_rule_pack()));
    });
}

SHIFAN_API int shifan_engine_new_from_rule_pack_json(shifan_engine** out, const char* json, size_t len,
                                                     shifan_error** err) {
    return shifan_engine_new_from_rule_pack_json_v2(out, json, len, nullptr, err);
}

SHIFAN_API int shifan_engine_new_from_rule_pack_json_v2(shifan_engine** out, const char* json, size_t len,
                                                        const shifan_evaluate_options* opts, shifan_error** err) {
    return guard(err, [&] {
        begin_out(out);
        if (!json && len) require_arg(json, "json");
        const json::Limits limits = to_limits(opts);
        auto pack =
            SharedRulePack::make(parse_rule_pack(std::string_view(json ? json : "", len), {}, limits));
        *out = new_engine(std::move(pack));
    });
}

SHIFAN_API int shifan_engine_set_interpretation(shifan_engine* engine_h, const char* name, const char* value,
                                                shifan_error** err) {
    return guard(err, [&] {
        auto* engine = require_handle(engine_h, "engine");
        require_arg(name, "name");
        require_arg(value, "value");
        Interpretations readings = engine->engine->interpretations();
        set_interpretation(readings, name, value);
        engine->engine = std::make_shared<const Engine>(engine->pack, readings);
        if (std::string_view(name) == "deadline_rest_days") engine->rest_days_given = true;
    });
}

SHIFAN_API int shifan_engine_set_calendar_json(shifan_engine* engine, const char* json, size_t len, shifan_error** err) {
    return shifan_engine_set_calendar_json_v2(engine, json, len, nullptr, err);
}

SHIFAN_API int shifan_engine_set_calendar_json_v2(shifan_engine* engine_h, const char* json, size_t len,
                                                  const shifan_evaluate_options* opts, shifan_error** err) {
    return guard(err, [&] {
        auto* engine = require_handle(engine_h, "engine");
        if (!json && len) require_arg(json, "json");
        const json::Limits limits = to_limits(opts);
        auto calendar =
            std::make_shared<const Calendar>(parse_calendar(std::string_view(json ? json : "", len), limits));
        if (!engine->rest_days_given) {
            Interpretations readings = engine->engine->interpretations();
            readings.deadline_rest_days = DeadlineRestDays::roll_forward;
            engine->engine = std::make_shared<const Engine>(engine->pack, readings);
        }
        engine->calendar = std::move(calendar);
    });
}

SHIFAN_API const char* shifan_engine_interpretation(const shifan_engine* engine_h, const char* name) {
    const auto* engine = find_handle(engine_h, "engine");
    if (!engine) return nullptr;
    if (!name) {
        record(nullptr, SHIFAN_EUSAGE, "", "参数 name 为空（NULL）", "name is NULL");
        return nullptr;
    }
    const Interpretations& r = engine->engine->interpretations();
    const std::string_view n = name;
    if (n == "growth") return json::enum_name(r.growth);
    if (n == "operating_period") return json::enum_name(r.operating_period);
    if (n == "summary_owed") return json::enum_name(r.summary_owed);
    if (n == "deadline_rest_days") return json::enum_name(r.deadline_rest_days);
    record_lazy(SHIFAN_EUSAGE, [&] { return "未知的解读名称“" + std::string(n) + "”"; },
                [&] { return "unknown reading name \"" + std::string(n) + "\""; });
    return nullptr;
}

SHIFAN_API const char* shifan_engine_rule_pack_id(const shifan_engine* engine_h) {
    return read_handle<const char*>(engine_h, "engine", [&](const auto* engine) { return engine->pack->id.c_str(); });
}

SHIFAN_API const char* shifan_engine_rule_pack_version(const shifan_engine* engine_h) {
    return read_handle<const char*>(engine_h, "engine", [&](const auto* engine) { return engine->pack->version.c_str(); });
}

SHIFAN_API int shifan_engine_rules_json(char** out, size_t* out_len, const shifan_engine* engine, shifan_error** err) {
    return give_text(out, out_len, engine, "engine", err, [](const shifan_engine& e) { return registry_json(*e.pack); });
}

SHIFAN_API void shifan_engine_free(shifan_engine* engine) { release(engine); }

} // extern "C"
