// Shared checks of the fuzz targets: every answer of the C ABI to outside data is either a
// well-formed result or a well-formed input error — never a crash, a leak, an internal error or
// malformed JSON. A broken invariant traps, so libFuzzer keeps the input as a crash.
#pragma once

#include <shifan/shifan.h>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace shifan_fuzz {

[[noreturn]] inline void broken(const char* what, const char* detail = "") {
    std::fprintf(stderr, "fuzz invariant broken: %s %s\n", what, detail);
    std::abort();
}

inline void require(bool ok, const char* what, const char* detail = "") {
    if (!ok) broken(what, detail);
}

/// The text must be one well-formed JSON document (shifan writes only JSON it can read back).
inline void require_json(const char* text, std::size_t len, const char* what) {
    require(text != nullptr, what, "no text");
    require(std::strlen(text) == len, what, "length differs from the NUL-terminated text");
    require(nlohmann::json::accept(std::string_view(text, len)), what, "not well-formed JSON");
}

/// A plain-text report: `len` bytes, NUL-terminated, not empty. (It may hold a NUL before the end: a
/// name holding U+0000 is written as it is; JSON output escapes it.)
inline void require_text(const char* text, std::size_t len, const char* what) {
    require(text != nullptr && len > 0 && text[len] == '\0' && std::strlen(text) <= len, what);
}

/// Whether `p` is an RFC 6901 JSON Pointer: empty, or "/"-separated tokens where "~" is only "~0" or "~1".
inline bool is_json_pointer(const char* p) {
    if (p == nullptr) return false;
    if (*p == '\0') return true;
    if (*p != '/') return false;
    for (; *p; ++p)
        if (*p == '~' && p[1] != '0' && p[1] != '1') return false;
    return true;
}

/// Which codes besides the input codes (SHIFAN_ESYNTAX .. SHIFAN_ELIMIT_EXCEEDED) a call may give.
enum Allow : unsigned { allow_rule_pack = 1u, allow_history = 2u };

/// An error from outside data: an input code with a JSON Pointer and messages in both languages.
/// The error object is consumed (freed).
inline void require_input_error(int rc, shifan_error* err, unsigned allow = allow_rule_pack) {
    require(err != nullptr, "error object", "missing for a failed call");
    require(shifan_error_code(err) == rc, "error object", "code differs from the return code");
    const bool input = rc <= SHIFAN_ESYNTAX && rc >= SHIFAN_ELIMIT_EXCEEDED;
    const bool pack = rc == SHIFAN_ERULE_PACK && (allow & allow_rule_pack) != 0;
    const bool history = rc == SHIFAN_EHISTORY && (allow & allow_history) != 0;
    if (!input && !pack && !history) {
        std::fprintf(stderr, "code %d (%s) at \"%s\": %s\n", rc, shifan_code_name(rc), shifan_error_path(err),
                     shifan_error_message(err, SHIFAN_LANG_EN));
        broken("error code", "not an input error");
    }
    const char* path = shifan_error_path(err);
    require(is_json_pointer(path), "error path", "not a JSON Pointer");
    if (history) require(shifan_error_event_index(err) >= 0, "history error", "without an event index");
    const char* zh = shifan_error_message(err, SHIFAN_LANG_ZH);
    const char* en = shifan_error_message(err, SHIFAN_LANG_EN);
    require(zh != nullptr && *zh != '\0' && en != nullptr && *en != '\0', "error message", "empty");
    char* j = nullptr;
    std::size_t jl = 0;
    require(shifan_error_to_json(&j, &jl, err) == SHIFAN_OK, "error to JSON");
    require_json(j, jl, "error JSON");
    const auto doc = nlohmann::json::parse(std::string_view(j, jl));
    // The path of shifan_error_path is a C string: a key holding U+0000 (always an unknown or invalid
    // key) cuts it short there; the JSON form carries the whole pointer.
    const std::string full_path = doc["error"].value("path", std::string("?"));
    require(doc.contains("error") && doc["error"].value("code", std::string()) == shifan_code_name(rc) &&
                full_path.substr(0, full_path.find('\0')) == path && doc["error"].contains("message") &&
                doc["error"]["message"].value("zh", std::string()) == zh &&
                doc["error"]["message"].value("en", std::string()) == en,
            "error JSON", "does not carry the error's code, path and messages");
    shifan_string_free(j);
    shifan_error_free(err);
}

/// Read every accessor of an evaluation and write it in every form.
inline void exercise_evaluation(const shifan_evaluation* ev) {
    const int32_t verdict = shifan_evaluation_verdict(ev);
    require(verdict >= SHIFAN_VERDICT_ELIGIBLE && verdict <= SHIFAN_VERDICT_UNDETERMINED, "verdict");
    const int32_t fns = shifan_evaluation_qualified_functions(ev);
    require(fns >= 0 && fns <= 31, "qualified functions");
    require(verdict != SHIFAN_VERDICT_ELIGIBLE || fns != 0, "eligible without a qualified function");
    require(shifan_evaluation_reference_date(ev) != nullptr, "reference date");
    const int32_t n = shifan_evaluation_check_count(ev);
    require(n > 0, "check count");
    for (int32_t i = 0; i < n; ++i) {
        const auto k = static_cast<std::size_t>(i);
        const char* id = shifan_evaluation_check_id(ev, k);
        require(id != nullptr && shifan_evaluation_check_index(ev, id) == i, "check id/index");
        const int32_t o = shifan_evaluation_check_outcome(ev, k);
        require(o >= SHIFAN_OUTCOME_PASS && o <= SHIFAN_OUTCOME_NOT_APPLICABLE, "check outcome");
        for (int32_t lang : {SHIFAN_LANG_ZH, SHIFAN_LANG_EN}) {
            require(shifan_evaluation_check_citation(ev, k, lang) != nullptr, "citation");
            require(shifan_evaluation_check_message(ev, k, lang) != nullptr, "message");
        }
        (void)shifan_evaluation_check_actual(ev, k);
        (void)shifan_evaluation_check_required(ev, k);
        (void)shifan_evaluation_check_shortfall(ev, k);
        if (!shifan_evaluation_check_second_name(ev, k))
            require(!shifan_evaluation_check_second_actual(ev, k) && !shifan_evaluation_check_second_required(ev, k) &&
                        !shifan_evaluation_check_second_shortfall(ev, k),
                    "second comparison without a name");
        (void)shifan_evaluation_check_reason(ev, k);
    }
    const int32_t m = shifan_evaluation_missing_count(ev);
    require(m >= 0, "missing count");
    for (int32_t i = 0; i < m; ++i) {
        const char* p = shifan_evaluation_missing(ev, static_cast<std::size_t>(i));
        require(p != nullptr && p[0] == '/', "missing input pointer");
    }
    const int32_t mm = shifan_evaluation_missing_material_count(ev);
    require(mm >= 0, "missing material count");
    for (int32_t i = 0; i < mm; ++i) require(shifan_evaluation_missing_material(ev, static_cast<std::size_t>(i)) != nullptr, "material");

    shifan_json_options compact = SHIFAN_JSON_OPTIONS_INIT;
    compact.compact = 1;
    compact.lang = SHIFAN_LANG_EN;
    for (const shifan_json_options* o : {static_cast<const shifan_json_options*>(nullptr),
                                         static_cast<const shifan_json_options*>(&compact)}) {
        char* j = nullptr;
        std::size_t jl = 0;
        require(shifan_evaluation_to_json(&j, &jl, ev, o, nullptr) == SHIFAN_OK, "evaluation to JSON");
        require_json(j, jl, "evaluation JSON");
        shifan_string_free(j);
    }
    for (int32_t lang : {SHIFAN_LANG_ZH, SHIFAN_LANG_EN}) {
        char* r = nullptr;
        std::size_t rl = 0;
        require(shifan_evaluation_report(&r, &rl, ev, lang, nullptr) == SHIFAN_OK, "report");
        require_text(r, rl, "report text");
        shifan_string_free(r);
    }
}

/// An engine with the built-in rule pack, made once per process.
inline const shifan_engine* builtin_engine() {
    static shifan_engine* engine = [] {
        shifan_engine* e = nullptr;
        if (shifan_engine_new(&e, nullptr) != SHIFAN_OK) broken("engine");
        return e;
    }();
    return engine;
}

} // namespace shifan_fuzz
