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

#include <concepts>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace shifan::capi {

/// The kinds of handle: the low bits of every handle value.
enum class Kind : std::uint8_t { error = 1, engine, evaluation, batch, history, status, roster, comparator };

/// The table of live handles. A handle is not an address: its value encodes a slot of this table,
/// the generation of that slot and the handle's kind. Freeing a handle advances its slot's
/// generation, so a stale handle (freed, even if a new object now lives in the same slot or at
/// the same address) never names a live object, and a handle of one kind never names another.
namespace handles {
/// Register `object` (owned by the caller until it is released) and return its handle value.
/// @throws std::bad_alloc when the table cannot grow
void* add(Kind kind, void* object);
/// The object named by `handle`, or nullptr when it names no live object of `kind`.
void* find(const void* handle, Kind kind) noexcept;
/// Unregister `handle` and return its object (the caller deletes it), or nullptr when it names
/// no live object of `kind` (a second free, or a stale handle).
void* remove(const void* handle, Kind kind) noexcept;
} // namespace handles

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

/// Record an error as the thread's last error and, if `err` is given, as a new error object.
/// Never throws. Returns `code`.
/// `keep_transition`: keep the event type and articles already placed in the thread's last error
/// (a forbidden transition); otherwise they are cleared.
int record(shifan_error** err, std::int32_t code, std::string_view path, std::string_view zh, std::string_view en,
           std::int64_t event_index = -1, bool keep_transition = false) noexcept;

/// `zh` or `en` (borrowed NUL-terminated text), as `lang` (SHIFAN_LANG_ZH or SHIFAN_LANG_EN)
/// asks; NULL, recorded as the last error, for any other code.
inline const char* in_lang(const char* zh, const char* en, std::int32_t lang) noexcept {
    if (lang == SHIFAN_LANG_ZH) return zh;
    if (lang == SHIFAN_LANG_EN) return en;
    record(nullptr, SHIFAN_EUSAGE, "", "语言代码应为 0（zh）或 1（en）", "lang must be 0 (zh) or 1 (en)");
    return nullptr;
}

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

/// What every handle struct declares: its `Kind` (`handle_kind`) and its name in messages
/// (`handle_name`, also the suffix of its `shifan_<name>_free`).
template <class T>
concept Handle = requires {
    { T::handle_kind } -> std::convertible_to<Kind>;
    { T::handle_name } -> std::convertible_to<const char*>;
};

/// The code of the calling thread's last error (what an accessor returns after recording one).
std::int32_t last_error_code() noexcept;

/// The Failure of a handle argument that names no live object: SHIFAN_EUSAGE (NULL) or
/// SHIFAN_EHANDLE.
[[noreturn]] void throw_bad_handle(const void* h, const char* what);
/// As throw_bad_handle, recorded as the last error instead. Never throws. Returns the code.
int record_bad_handle(const void* h, const char* what) noexcept;
/// The handle value of the calling thread's last error (shifan_last_error): it names no slot.
const void* last_error_handle() noexcept;

/// The object a handle argument names, for use inside `guard`.
/// @throws Failure SHIFAN_EUSAGE (NULL) or SHIFAN_EHANDLE (not a live handle of T's kind)
template <Handle T>
T* require_handle(const T* h, const char* what) {
    void* p = handles::find(h, T::handle_kind);
    if (!p) throw_bad_handle(h, what);
    return static_cast<T*>(p);
}

/// The object a handle argument names, or nullptr with SHIFAN_EUSAGE / SHIFAN_EHANDLE recorded as
/// the last error (for accessors that return a value rather than a status). Never throws.
template <Handle T>
T* find_handle(const T* h, const char* what) noexcept {
    void* p = handles::find(h, T::handle_kind);
    if (!p) record_bad_handle(h, what);
    return static_cast<T*>(p);
}

/// Register a new object and return its handle (the caller's from then on).
template <Handle T>
T* adopt(std::unique_ptr<T> object) {
    T* h = static_cast<T*>(handles::add(T::handle_kind, object.get()));
    (void)object.release();
    return h;
}

/// shifan_<kind>_free: NULL is a no-op; a handle that names no live object (a second free, a stale
/// handle whose slot was reused) is ignored and recorded as SHIFAN_EHANDLE. Never throws.
template <Handle T>
void release(T* h) noexcept {
    if (!h) return;
    if (void* p = handles::remove(h, T::handle_kind)) {
        delete static_cast<T*>(p);
        return;
    }
    if constexpr (T::handle_kind == Kind::error)
        if (static_cast<const void*>(h) == last_error_handle()) return; // the thread's own, not the caller's
    record_lazy(SHIFAN_EHANDLE,
                [] { return std::string("shifan_") + T::handle_name + "_free：不是有效的句柄（重复释放？）"; },
                [] { return std::string("shifan_") + T::handle_name + "_free: not a live " + T::handle_name +
                            " (freed twice?)"; });
}

/// An accessor that reads one value of a live handle: `read(object)` (given a `const T*`), or,
/// when `h` names no live object (the failure recorded as the last error), nullptr for a pointer
/// result and the status code for a number. Never throws.
template <class R, Handle T, class F>
R read_handle(const T* h, const char* what, F&& read) noexcept {
    const T* o = find_handle(h, what);
    if (o) return read(o);
    if constexpr (std::is_pointer_v<R>) return nullptr;
    else return static_cast<R>(last_error_code());
}

inline void require_arg(const void* p, const char* what) {
    if (!p) throw Failure{SHIFAN_EUSAGE, "", Text{std::string("参数 ") + what + " 为空（NULL）", std::string(what) + " is NULL"}};
}

/// Check `out` (not NULL) and set `*out` to NULL until the call succeeds.
template <class T>
void begin_out(T** out) {
    require_arg(out, "out");
    *out = nullptr;
}

/// A document argument: `len` bytes at `text`, which may be NULL only when `len` is 0.
inline std::string_view document(const char* text, std::size_t len, const char* what) {
    if (!text && len) require_arg(text, what);
    return {text ? text : "", len};
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

/// A function that gives the caller a string made from a live handle (`*out`, freed with
/// shifan_string_free): checks `out` and the handle, then `give_string(out, out_len, make(object))`,
/// with every failure a status code (see `guard`).
template <Handle T, class F>
int give_text(char** out, std::size_t* out_len, const T* h, const char* what, shifan_error** err, F&& make) {
    return guard(err, [&] {
        begin_out(out);
        const T* o = require_handle(h, what);
        give_string(out, out_len, make(*o));
    });
}

/// shifan::Lang from SHIFAN_LANG_*.
inline Lang to_lang(std::int32_t lang, bool allow_both = true) {
    if (lang == SHIFAN_LANG_ZH) return Lang::zh;
    if (lang == SHIFAN_LANG_EN) return Lang::en;
    if (lang == SHIFAN_LANG_BOTH && allow_both) return Lang::both;
    usage("未知的语言代码 " + std::to_string(lang), "unknown language code " + std::to_string(lang) +
                                                    (allow_both ? " (0 zh, 1 en, 2 both)" : " (0 zh, 1 en)"));
}

/// A text in one language, or (`Lang::both`) the Chinese, a newline and the English.
template <class Render>
std::string text_in(Lang lang, Render&& render) {
    if (lang == Lang::both) return render(Lang::zh) + "\n" + render(Lang::en);
    return render(lang);
}

/// SHIFAN_EUSAGE (thrown) unless 1 <= `version` <= `latest` for the options struct `name`.
void require_version(unsigned int version, unsigned int latest, const char* name);

/// shifan_*_options_init: `*opts` = `init` with the version asked for. Never throws.
template <class Options>
int init_options(Options* opts, unsigned int version, unsigned int latest, const Options& init, const char* name) {
    return guard(nullptr, [&] {
        require_arg(opts, "opts");
        require_version(version, latest, name);
        *opts = init;
        opts->version = version;
    });
}

/// Input limits from evaluate options (0 = default).
json::Limits to_limits(const shifan_evaluate_options* o);
/// Write options from JSON options (NULL = the CLI's defaults).
WriteOptions to_write_options(const shifan_json_options* o);

/// The documents `docs[i]` (`lens[i]` bytes each) as views; SHIFAN_EUSAGE (thrown) for NULL arrays
/// with n > 0 or a NULL document with a nonzero length.
std::vector<std::string_view> document_views(const char* const* docs, const std::size_t* lens, std::size_t n);
/// The documents `buffer[offsets[i] .. offsets[i+1])` as views; SHIFAN_EUSAGE (thrown) for bad offsets.
std::vector<std::string_view> buffer_views(const char* buffer, std::size_t buffer_len, const std::size_t* offsets,
                                           std::size_t n);

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
    static constexpr shifan::capi::Kind handle_kind = shifan::capi::Kind::error;
    static constexpr const char* handle_name = "error";
    std::int32_t code = SHIFAN_OK;
    std::string path;
    std::string zh, en, both;
    std::int64_t event_index = -1;
    std::string event_type;            // a forbidden transition's event type, or ""
    std::vector<std::string> articles; // the articles it breaks
};

struct shifan_engine {
    static constexpr shifan::capi::Kind handle_kind = shifan::capi::Kind::engine;
    static constexpr const char* handle_name = "engine";
    shifan::SharedRulePack pack;
    std::shared_ptr<const shifan::Engine> engine;
    std::shared_ptr<const shifan::Calendar> calendar; // lifecycle deadlines (roll_forward)
    bool rest_days_given = false;                      // deadline_rest_days was set explicitly
};

struct shifan_evaluation {
    static constexpr shifan::capi::Kind handle_kind = shifan::capi::Kind::evaluation;
    static constexpr const char* handle_name = "evaluation";
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
    static constexpr shifan::capi::Kind handle_kind = shifan::capi::Kind::batch;
    static constexpr const char* handle_name = "batch";
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
    static constexpr shifan::capi::Kind handle_kind = shifan::capi::Kind::history;
    static constexpr const char* handle_name = "history";
    shifan::History history;
    shifan::Interpretations readings;
    std::shared_ptr<const shifan::Calendar> calendar;
    shifan::json::Limits limits;
    // Appending (exclusive) is serialised with every reading (shared) of the same history, so that
    // a host that appends on one thread while another reads gets a consistent history, never a race.
    mutable std::shared_mutex mutex;
    explicit shifan_history(shifan::History h) : history(std::move(h)) {}
    [[nodiscard]] shifan::StatusOptions status_options() const {
        shifan::StatusOptions o;
        o.interpretations = readings;
        o.calendar = calendar.get();
        return o;
    }
};

struct shifan_status {
    static constexpr shifan::capi::Kind handle_kind = shifan::capi::Kind::status;
    static constexpr const char* handle_name = "status";
    shifan::Status status;
    std::shared_ptr<const shifan::Calendar> calendar; // the status may refer to it
    std::string on, valid_until, next_deadline;
};

struct shifan_roster {
    static constexpr shifan::capi::Kind handle_kind = shifan::capi::Kind::roster;
    static constexpr const char* handle_name = "roster";
    shifan::Roster roster;
    std::shared_ptr<const shifan::Calendar> calendar;
};

struct shifan_comparator {
    static constexpr shifan::capi::Kind handle_kind = shifan::capi::Kind::comparator;
    static constexpr const char* handle_name = "comparator";
    std::shared_ptr<const shifan::Engine> baseline;    // kept alive by the comparator
    std::shared_ptr<const shifan::Engine> alternative; // kept alive by the comparator
    std::unique_ptr<shifan::Comparator> comparator;
    mutable std::mutex mutex; // add() and the readers are serialised: a comparator is one object
};
namespace shifan::capi {

/// What a call that reads a document with an engine is given, checked in this order: the engine
/// (a live handle) and the document (`len` bytes at `text`, NULL only when empty).
struct EngineInput {
    shifan_engine* engine;
    std::string_view text;
};
inline EngineInput engine_input(const shifan_engine* engine, const char* text, std::size_t len, const char* what) {
    return {require_handle(engine, "engine"), document(text, len, what)};
}

} // namespace shifan::capi
