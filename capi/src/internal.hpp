// Internals of libshifan: the handle structs behind the opaque C types, handle validation, and the
// one place where C++ exceptions become status codes and error objects (the hourglass pattern).
#pragma once

#include "shifan/shifan.h"
#include "shifan/lifecycle.hpp"
#include "shifan/shifan.hpp"

// Internal headers of shifan::io (src/core): the per-thread tape, the JSON writer.
#include "application_json.hpp"
#include "json/error_json.hpp"
#include "json/reader.hpp"
#include "json/tape.hpp"
#include "json/writer.hpp"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace shifan::capi {

// Magic numbers: the first four bytes of every handle. A freed handle gets `dead_magic`.
inline constexpr std::uint32_t error_magic = 0x53484572u;      // "SHEr"
inline constexpr std::uint32_t engine_magic = 0x53484567u;     // "SHEg"
inline constexpr std::uint32_t evaluation_magic = 0x53484576u; // "SHEv"
inline constexpr std::uint32_t batch_magic = 0x53484262u;      // "SHBb"
inline constexpr std::uint32_t history_magic = 0x53484869u;    // "SHHi"
inline constexpr std::uint32_t status_magic = 0x53485374u;     // "SHSt"
inline constexpr std::uint32_t roster_magic = 0x53485272u;     // "SHRr"
inline constexpr std::uint32_t dead_magic = 0xDEADF5EEu;

/// A failure raised inside the C layer itself (bad argument, bad handle, ...).
struct Failure {
    std::int32_t code;
    std::string path;
    Text message;
    std::int64_t event_index = -1;
};

[[noreturn]] inline void usage(std::string zh, std::string en) {
    throw Failure{SHIFAN_EUSAGE, "", Text{std::move(zh), std::move(en)}};
}

/// Registry of live handles (so that a double free is detected without touching freed memory).
void register_handle(const void* p, std::uint32_t magic);
/// True when `p` was live with `magic`; it is then no longer live.
bool unregister_handle(const void* p, std::uint32_t magic) noexcept;

/// The four magic bytes at `p` (memcpy: valid for any live object).
inline std::uint32_t magic_of(const void* p) noexcept {
    std::uint32_t m = 0;
    std::memcpy(&m, p, sizeof m);
    return m;
}

/// Record an error as the thread's last error and, if `err` is given, as a new error object.
/// Never throws. Returns `code`.
/// `keep_transition`: keep the event type and articles already placed in the thread's last error
/// (a forbidden transition); otherwise they are cleared.
int record(shifan_error** err, std::int32_t code, std::string_view path, std::string_view zh, std::string_view en,
           std::int64_t event_index = -1, bool keep_transition = false) noexcept;

/// As `record` (thread's last error only), with messages made by `zh()` and `en()`: composing them
/// may allocate, and nothing may throw out of an extern "C" function. Never throws.
template <class Zh, class En>
int record_lazy(std::int32_t code, Zh&& zh, En&& en) noexcept {
    try {
        const std::string z = zh(), e = en();
        return record(nullptr, code, "", z, e);
    } catch (...) {
        return record(nullptr, code, "", "（内存不足，无法给出详情）", "(out of memory: no details)");
    }
}

/// Turn the exception being handled into a status code and error objects. Never throws.
int record_current_exception(shifan_error** err) noexcept;

/// Run `f`; any exception becomes a status code and error objects.
template <class F>
int guard(shifan_error** err, F&& f) noexcept {
    if (err) *err = nullptr;
    try {
        f();
        return SHIFAN_OK;
    } catch (...) {
        return record_current_exception(err);
    }
}

/// Check a handle argument: SHIFAN_OK, or SHIFAN_EUSAGE (NULL) / SHIFAN_EHANDLE (wrong magic),
/// recorded as the last error.
int check_handle(const void* h, std::uint32_t magic, const char* what) noexcept;

/// As `check_handle`, throwing a Failure (for use inside `guard`).
inline void require_handle(const void* h, std::uint32_t magic, const char* what) {
    if (!h) throw Failure{SHIFAN_EUSAGE, "", Text{std::string("参数 ") + what + " 为空（NULL）", std::string(what) + " is NULL"}};
    if (magic_of(h) != magic)
        throw Failure{SHIFAN_EHANDLE, "",
                      Text{std::string("参数 ") + what + " 不是有效的句柄（已释放或类型不符）",
                           std::string(what) + " is not a live handle of the expected kind (freed, or another kind)"}};
}

inline void require_arg(const void* p, const char* what) {
    if (!p) throw Failure{SHIFAN_EUSAGE, "", Text{std::string("参数 ") + what + " 为空（NULL）", std::string(what) + " is NULL"}};
}

/// A malloc'ed NUL-terminated copy (the caller frees it with shifan_string_free).
inline void give_string(char** out, std::size_t* out_len, std::string_view s) {
    // NOLINTNEXTLINE(cppcoreguidelines-no-malloc): a plain char* for C callers, released by shifan_string_free() with free()
    char* p = static_cast<char*>(std::malloc(s.size() + 1));
    if (!p) throw std::bad_alloc();
    if (!s.empty()) std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    *out = p;
    if (out_len) *out_len = s.size();
}

/// shifan::Lang from SHIFAN_LANG_*.
inline Lang to_lang(std::int32_t lang, bool allow_both = true) {
    if (lang == SHIFAN_LANG_ZH) return Lang::zh;
    if (lang == SHIFAN_LANG_EN) return Lang::en;
    if (lang == SHIFAN_LANG_BOTH && allow_both) return Lang::both;
    usage("未知的语言代码 " + std::to_string(lang), "unknown language code " + std::to_string(lang) +
                                                    (allow_both ? " (0 zh, 1 en, 2 both)" : " (0 zh, 1 en)"));
}

/// Input limits from evaluate options (0 = default).
json::Limits to_limits(const shifan_evaluate_options* o);
/// Write options from JSON options (NULL = the CLI's defaults).
WriteOptions to_write_options(const shifan_json_options* o);

/// Per-thread scratch space for parsing (reused across calls: no allocation in steady state).
struct Scratch {
    json::Tape tape;
    std::unique_ptr<Application> app = std::make_unique<Application>();
    std::unique_ptr<Evaluation> evaluation = std::make_unique<Evaluation>();
    std::string text;
};
Scratch& scratch();

} // namespace shifan::capi

struct shifan_evaluation;
namespace shifan::capi {
/// Parse and evaluate `text` into a new, registered evaluation handle.
shifan_evaluation* make_evaluation(const std::shared_ptr<const Engine>& engine, std::string_view text,
                                   const json::Limits& limits);
} // namespace shifan::capi

// --- the handle structs (global namespace: they complete the C header's opaque types) ---------

struct shifan_error {
    std::uint32_t magic = shifan::capi::error_magic;
    std::int32_t code = SHIFAN_OK;
    std::string path;
    std::string zh, en, both;
    std::int64_t event_index = -1;
    std::string event_type;            // a forbidden transition's event type, or ""
    std::vector<std::string> articles; // the articles it breaks
};

struct shifan_engine {
    std::uint32_t magic = shifan::capi::engine_magic;
    std::shared_ptr<const shifan::RulePack> pack;
    std::shared_ptr<const shifan::Engine> engine;
    std::shared_ptr<const shifan::Calendar> calendar; // lifecycle deadlines (roll_forward)
    bool rest_days_given = false;                      // deadline_rest_days was set explicitly
};

struct shifan_evaluation {
    std::uint32_t magic = shifan::capi::evaluation_magic;
    std::shared_ptr<const shifan::Engine> engine; // keeps the rule pack alive
    shifan::Application app;
    shifan::Evaluation evaluation;
    std::string reference_date;
    std::vector<std::string> missing;

    // Computed on first use (thread-safe).
    mutable std::once_flag numbers_once;
    mutable std::vector<std::string> numbers; // 6 per check: actual, required, shortfall, then those of
                                              // the second comparison ("" = null)
    mutable std::vector<std::uint8_t> has_number;
    mutable std::once_flag messages_once[2];
    mutable std::vector<std::string> messages[2]; // zh, en
};

struct shifan_batch {
    std::uint32_t magic = shifan::capi::batch_magic;
    std::shared_ptr<const shifan::Engine> engine;
    std::vector<shifan::BatchItem> items;
    std::vector<std::unique_ptr<shifan::Error>> errors; // per item; null when evaluated (or not kept)
    std::uint32_t flags = 0;
    shifan::WriteOptions write{};
    shifan::json::Limits limits{};
    std::string input;                // SHIFAN_BATCH_KEEP_INPUT: the documents back to back
    std::vector<std::size_t> offsets; // n + 1 entries
};

struct shifan_history {
    std::uint32_t magic = shifan::capi::history_magic;
    shifan::History history;
    shifan::Interpretations readings;
    std::shared_ptr<const shifan::Calendar> calendar;
    shifan::json::Limits limits;
    explicit shifan_history(shifan::History h) : history(std::move(h)) {}
    [[nodiscard]] shifan::StatusOptions status_options() const {
        shifan::StatusOptions o;
        o.interpretations = readings;
        o.calendar = calendar.get();
        return o;
    }
};

struct shifan_status {
    std::uint32_t magic = shifan::capi::status_magic;
    shifan::Status status;
    std::shared_ptr<const shifan::Calendar> calendar; // the status may refer to it
    std::string on, valid_until, next_deadline;
};

struct shifan_roster {
    std::uint32_t magic = shifan::capi::roster_magic;
    shifan::Roster roster;
    std::shared_ptr<const shifan::Calendar> calendar;
};
