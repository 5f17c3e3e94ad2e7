// Versions, status codes, errors, strings, options: what every other part of the C ABI uses.
#include "internal.hpp"

#include <atomic>
#include <new>
#include <vector>

using namespace shifan;
using namespace shifan::capi;

// The header's version must be the project's (CMake passes PROJECT_VERSION).
static_assert(std::string_view(SHIFAN_VERSION_STRING) == SHIFAN_PROJECT_VERSION,
              "capi/include/shifan/shifan.h: SHIFAN_VERSION_* differ from the CMake project version");
// The status codes mirror the core's ErrorCode one to one.
static_assert(SHIFAN_ESYNTAX == -static_cast<int>(ErrorCode::syntax));
static_assert(SHIFAN_ELIMIT_EXCEEDED == -static_cast<int>(ErrorCode::limit_exceeded));
static_assert(SHIFAN_ERULE_PACK == -static_cast<int>(ErrorCode::rule_pack));
static_assert(SHIFAN_EHISTORY == -static_cast<int>(ErrorCode::history));
static_assert(SHIFAN_EUSAGE == -static_cast<int>(ErrorCode::usage));
static_assert(SHIFAN_EINTERNAL == -static_cast<int>(ErrorCode::internal));
static_assert(SHIFAN_FUNCTION_FINANCING == 1u << static_cast<unsigned>(Function::financing));
static_assert(SHIFAN_VERDICT_UNDETERMINED == static_cast<int>(Verdict::undetermined));
static_assert(SHIFAN_OUTCOME_NOT_APPLICABLE == static_cast<int>(Outcome::not_applicable));

namespace shifan::capi {

namespace {

// The handle table. A handle value is (generation << 32) | (slot << 4) | kind: slots live in
// chunks that are never freed or moved, so finding a handle takes no lock and never touches memory
// the caller gave; adding and removing take one mutex. Slot 0 is never used: the value with slot 0
// and generation 0 stands for the calling thread's last error.
class HandleTable {
public:
    void* add(Kind kind, void* object) {
        std::lock_guard<std::mutex> lock(mutex_);
        std::uint32_t index = 0;
        if (!free_.empty()) {
            index = free_.back();
            free_.pop_back();
        } else {
            if (next_ >= max_slots) throw std::bad_alloc();
            index = next_++;
            std::atomic<Slot*>& chunk = chunks_[index / chunk_size];
            if (!chunk.load(std::memory_order_relaxed)) chunk.store(new Slot[chunk_size], std::memory_order_release);
        }
        Slot& s = slot(index);
        if (++s.generation == 0) s.generation = 1; // generation 0 is never live
        s.object.store(object, std::memory_order_relaxed);
        const std::uint64_t tag = tag_of(s.generation, kind);
        s.tag.store(tag, std::memory_order_release);
        return value_of(index, s.generation, kind);
    }

    void* find(const void* handle, Kind kind) const noexcept {
        const Slot* s = lookup(handle, kind);
        return s ? s->object.load(std::memory_order_acquire) : nullptr;
    }

    void* remove(const void* handle, Kind kind) noexcept {
        std::lock_guard<std::mutex> lock(mutex_);
        Slot* s = lookup(handle, kind);
        if (!s) return nullptr;
        s->tag.store(0, std::memory_order_release);
        void* object = s->object.exchange(nullptr, std::memory_order_acq_rel);
        try {
            free_.push_back(static_cast<std::uint32_t>(split(handle).slot));
        } catch (...) {
            // The slot is lost to reuse (out of memory): harmless.
        }
        return object;
    }

private:
    static constexpr std::uint32_t chunk_size = 4096;
    static constexpr std::uint32_t max_slots = 1U << 24; // 16,777,216 live handles
    struct Slot {
        std::atomic<std::uint64_t> tag{0}; // (generation << 8) | kind while live, else 0
        std::atomic<void*> object{nullptr};
        std::uint32_t generation = 0; // guarded by mutex_
    };
    struct Parts {
        std::uint64_t slot;
        std::uint64_t generation;
        std::uint64_t kind;
    };
    static std::uint64_t tag_of(std::uint64_t generation, Kind kind) noexcept {
        return (generation << 8U) | static_cast<std::uint64_t>(kind);
    }
    static void* value_of(std::uint64_t index, std::uint64_t generation, Kind kind) noexcept {
        const std::uint64_t v = (generation << 32U) | (index << 4U) | static_cast<std::uint64_t>(kind);
        return reinterpret_cast<void*>(static_cast<std::uintptr_t>(v)); // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast,performance-no-int-to-ptr): an opaque handle value, never dereferenced
    }
    static Parts split(const void* handle) noexcept {
        const auto v = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(handle)); // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast): decoding the opaque value
        return {(v >> 4U) & 0xFFFFFFU, v >> 32U, v & 0xFU};
    }
    Slot& slot(std::uint32_t index) const noexcept {
        return chunks_[index / chunk_size].load(std::memory_order_acquire)[index % chunk_size];
    }
    Slot* lookup(const void* handle, Kind kind) const noexcept {
        const Parts p = split(handle);
        if (p.kind != static_cast<std::uint64_t>(kind) || p.slot == 0 || p.slot >= max_slots || p.generation == 0)
            return nullptr;
        Slot* chunk = chunks_[p.slot / chunk_size].load(std::memory_order_acquire);
        if (!chunk) return nullptr;
        Slot& s = chunk[p.slot % chunk_size];
        return s.tag.load(std::memory_order_acquire) == tag_of(p.generation, kind) ? &s : nullptr;
    }

    mutable std::mutex mutex_;
    std::uint32_t next_ = 1; // slot 0 is never used
    std::vector<std::uint32_t> free_;
    std::unique_ptr<std::atomic<Slot*>[]> chunks_ = std::make_unique<std::atomic<Slot*>[]>(max_slots / chunk_size);
};

static_assert(sizeof(std::uintptr_t) >= 8, "handle values need 64-bit pointers");

HandleTable& table() {
    // NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables,cppcoreguidelines-owning-memory): the one table of live handles; never destroyed, since handles may be freed during exit
    static HandleTable* t = new HandleTable();
    return *t;
}

// NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables): the C ABI's errno-like last error, one per thread
thread_local shifan_error last_error;

// The thread's last error set to `code` with no path, event or message (clear() never allocates).
void reset_last_error(std::int32_t code) noexcept {
    last_error.code = code;
    last_error.event_index = -1;
    last_error.event_type.clear();
    last_error.articles.clear();
    last_error.path.clear();
    last_error.zh.clear();
    last_error.en.clear();
    last_error.both.clear();
}

// Preallocated answer for when even an error object cannot be made.
void set_last_nomem() noexcept {
    reset_last_error(SHIFAN_ENOMEM);
    // Assigning short literals may still allocate in theory.
    try {
        last_error.zh = "内存不足";
        last_error.en = "out of memory";
        last_error.both = "内存不足 / out of memory";
    } catch (...) {
    }
}

} // namespace

void* handles::add(Kind kind, void* object) { return table().add(kind, object); }

void* handles::find(const void* handle, Kind kind) noexcept {
    if (kind == Kind::error && handle == last_error_handle()) return &last_error;
    return table().find(handle, kind);
}

void* handles::remove(const void* handle, Kind kind) noexcept { return table().remove(handle, kind); }

const void* last_error_handle() noexcept {
    return reinterpret_cast<const void*>(static_cast<std::uintptr_t>(Kind::error)); // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast,performance-no-int-to-ptr): an opaque handle value, never dereferenced
}

int record(shifan_error** err, std::int32_t code, std::string_view path, std::string_view zh, std::string_view en,
           std::int64_t event_index, bool keep_transition) noexcept {
    if (!keep_transition) {
        last_error.event_type.clear();
        last_error.articles.clear();
    }
    try {
        last_error.code = code;
        last_error.path.assign(path);
        last_error.zh.assign(zh);
        last_error.en.assign(en);
        last_error.both.assign(zh);
        last_error.both += " / ";
        last_error.both += en;
        last_error.event_index = event_index;
    } catch (...) {
        set_last_nomem();
    }
    if (err) {
        *err = nullptr;
        try {
            *err = adopt(std::make_unique<shifan_error>(last_error));
        } catch (...) {
            // *err stays NULL: the return code is authoritative.
        }
    }
    return code;
}

std::int32_t last_error_code() noexcept { return last_error.code; }

int record_current_exception(shifan_error** err) noexcept {
    try {
        throw;
    } catch (const Error& e) {
        if (e.event_type.empty())
            return record(err, -static_cast<std::int32_t>(e.code()), e.path(), e.message().zh, e.message().en, e.event_index);
        // A forbidden transition: its event type and articles go with it.
        try {
            last_error.event_type = e.event_type;
            last_error.articles = e.articles;
        } catch (...) {
            last_error.event_type.clear();
            last_error.articles.clear();
        }
        return record(err, -static_cast<std::int32_t>(e.code()), e.path(), e.message().zh, e.message().en, e.event_index,
                      true);
    } catch (const Failure& f) {
        return record(err, f.code, f.path, f.message.zh, f.message.en, f.event_index);
    } catch (const std::bad_alloc&) {
        return record(err, SHIFAN_ENOMEM, "", "内存不足", "out of memory");
    } catch (const std::exception& e) {
        std::string en = "internal error: ";
        try { en += e.what(); } catch (...) {}
        return record(err, SHIFAN_EINTERNAL, "", "内部错误（请报告此问题）", en);
    } catch (...) {
        return record(err, SHIFAN_EINTERNAL, "", "内部错误（未知异常，请报告此问题）", "internal error: unknown exception");
    }
}

namespace {
Text bad_handle_text(const void* h, const char* what) {
    if (!h) return Text{std::string("参数 ") + what + " 为空（NULL）", std::string(what) + " is NULL"};
    return Text{std::string("参数 ") + what + " 不是有效的句柄（已释放或类型不符）",
                std::string(what) + " is not a live handle of the expected kind (freed, or another kind)"};
}
} // namespace

void throw_bad_handle(const void* h, const char* what) {
    throw Failure{h ? SHIFAN_EHANDLE : SHIFAN_EUSAGE, "", bad_handle_text(h, what)};
}

int record_bad_handle(const void* h, const char* what) noexcept {
    const std::int32_t code = h ? SHIFAN_EHANDLE : SHIFAN_EUSAGE;
    try {
        const Text t = bad_handle_text(h, what);
        return record(nullptr, code, "", t.zh, t.en);
    } catch (...) {
        return record(nullptr, code, "", "（内存不足，无法给出详情）", "(out of memory: no details)");
    }
}

json::Limits to_limits(const shifan_evaluate_options* o) {
    json::Limits l;
    if (!o) return l;
    require_version(o->version, SHIFAN_EVALUATE_OPTIONS_VERSION, "shifan_evaluate_options");
    if (o->max_document_bytes) l.max_document_bytes = static_cast<std::size_t>(o->max_document_bytes);
    if (o->max_depth) l.max_depth = static_cast<std::size_t>(o->max_depth);
    if (o->max_array_length) l.max_array_length = static_cast<std::size_t>(o->max_array_length);
    if (o->max_string_bytes) l.max_string_bytes = static_cast<std::size_t>(o->max_string_bytes);
    return l;
}

WriteOptions to_write_options(const shifan_json_options* o) {
    WriteOptions w;
    w.lang = Lang::both;
    if (!o) return w;
    require_version(o->version, SHIFAN_JSON_OPTIONS_VERSION, "shifan_json_options");
    w.lang = to_lang(o->lang);
    w.compact = o->compact != 0;
    w.messages = o->messages != 0;
    return w;
}

void require_version(unsigned int version, unsigned int latest, const char* name) {
    if (version < 1 || version > latest)
        usage(std::string(name) + " 的版本 " + std::to_string(version) + " 未知",
              "unknown " + std::string(name) + " version " + std::to_string(version));
}

std::vector<std::string_view> document_views(const char* const* docs, const std::size_t* lens, std::size_t n) {
    if (n) {
        require_arg(docs, "docs");
        require_arg(lens, "lens");
    }
    std::vector<std::string_view> views(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (!docs[i] && lens[i])
            usage("docs[" + std::to_string(i) + "] 为空（NULL）而长度不为 0",
                  "docs[" + std::to_string(i) + "] is NULL with a nonzero length");
        views[i] = std::string_view(docs[i] ? docs[i] : "", lens[i]);
    }
    return views;
}

std::vector<std::string_view> buffer_views(const char* buffer, std::size_t buffer_len, const std::size_t* offsets,
                                           std::size_t n) {
    require_arg(offsets, "offsets");
    if (!buffer && buffer_len) require_arg(buffer, "buffer");
    std::vector<std::string_view> views(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (offsets[i] > offsets[i + 1] || offsets[i + 1] > buffer_len)
            usage("offsets[" + std::to_string(i) + "]、offsets[" + std::to_string(i + 1) + "] 不递增或超出缓冲区",
                  "offsets[" + std::to_string(i) + "], offsets[" + std::to_string(i + 1) +
                      "] decrease or exceed the buffer");
        views[i] = std::string_view(buffer ? buffer + offsets[i] : "", offsets[i + 1] - offsets[i]);
    }
    return views;
}

Scratch& scratch() {
    thread_local Scratch s;
    return s;
}

} // namespace shifan::capi

// --- exported functions ---------------------------------------------------------------------------

extern "C" {

SHIFAN_API const char* shifan_version(void) { return SHIFAN_VERSION_STRING; }
SHIFAN_API int32_t shifan_version_number(void) { return SHIFAN_VERSION_NUMBER; }
SHIFAN_API int32_t shifan_abi_version(void) { return SHIFAN_ABI_VERSION; }

SHIFAN_API const char* shifan_code_name(int32_t code) {
    switch (code) {
    case SHIFAN_OK: return "ok";
    case SHIFAN_ENOMEM: return "nomem";
    case SHIFAN_EHANDLE: return "handle";
    default: break;
    }
    if (code < 0 && code >= SHIFAN_EINTERNAL) return error_code_name(static_cast<ErrorCode>(-code));
    return "unknown";
}

// NOLINTNEXTLINE(cppcoreguidelines-no-malloc): releases the plain char* strings give_string() malloc'ed for C callers
SHIFAN_API void shifan_string_free(char* s) { std::free(s); }

SHIFAN_API const shifan_error* shifan_last_error(void) {
    return static_cast<const shifan_error*>(last_error_handle());
}

SHIFAN_API void shifan_clear_last_error(void) { reset_last_error(SHIFAN_OK); }

SHIFAN_API int32_t shifan_error_code(const shifan_error* err_h) {
    const shifan_error* err = find_handle(err_h, "err");
    return err ? err->code : last_error.code;
}

SHIFAN_API const char* shifan_error_path(const shifan_error* err_h) {
    return read_handle<const char*>(err_h, "err", [](const shifan_error* e) { return e->path.c_str(); });
}

SHIFAN_API const char* shifan_error_message(const shifan_error* err_h, int32_t lang) {
    const shifan_error* err = find_handle(err_h, "err");
    if (!err) return nullptr;
    switch (lang) {
    case SHIFAN_LANG_ZH: return err->zh.c_str();
    case SHIFAN_LANG_EN: return err->en.c_str();
    case SHIFAN_LANG_BOTH: return err->both.c_str();
    default: break;
    }
    record(nullptr, SHIFAN_EUSAGE, "", "未知的语言代码", "unknown language code");
    return nullptr;
}

SHIFAN_API int64_t shifan_error_event_index(const shifan_error* err_h) {
    const shifan_error* err = find_handle(err_h, "err");
    return err ? err->event_index : last_error.code;
}

SHIFAN_API const char* shifan_error_event_type(const shifan_error* err_h) {
    return read_handle<const char*>(err_h, "err", [](const shifan_error* e) { return e->event_type.c_str(); });
}

SHIFAN_API int64_t shifan_error_article_count(const shifan_error* err_h) {
    const shifan_error* err = find_handle(err_h, "err");
    return err ? static_cast<int64_t>(err->articles.size()) : last_error.code;
}

SHIFAN_API const char* shifan_error_article(const shifan_error* err_h, size_t index) {
    const shifan_error* err = find_handle(err_h, "err");
    if (!err) return nullptr;
    if (index >= err->articles.size()) {
        record(nullptr, SHIFAN_EUSAGE, "", "条款序号超出范围", "article index out of range");
        return nullptr;
    }
    return err->articles[index].c_str();
}

SHIFAN_API int shifan_error_to_json(char** out, size_t* out_len, const shifan_error* err_h) {
    // Copy first: recording a failure below would overwrite the thread's last error, which `err`
    // may be.
    return guard(nullptr, [&] {
        begin_out(out);
        const shifan_error* err = require_handle(err_h, "err");
        std::string s;
        json::Writer w(s);
        w.begin_object().key("error").begin_object();
        w.member("code", shifan_code_name(err->code));
        w.member("code_number", static_cast<std::int64_t>(-err->code));
        w.member("path", std::string_view(err->path));
        if (err->event_index >= 0) w.member("event_index", err->event_index);
        if (!err->event_type.empty()) {
            w.member("event_type", std::string_view(err->event_type));
            w.key("articles").begin_array();
            for (const std::string& a : err->articles) w.value(std::string_view(a));
            w.end_array();
        }
        w.key("message").begin_object();
        w.member("zh", std::string_view(err->zh));
        w.member("en", std::string_view(err->en));
        w.end_object();
        w.end_object().end_object();
        give_string(out, out_len, s);
    });
}

SHIFAN_API void shifan_error_free(shifan_error* err) { release(err); }

SHIFAN_API int shifan_evaluate_options_init(shifan_evaluate_options* opts, unsigned int version) {
    const shifan_evaluate_options init = SHIFAN_EVALUATE_OPTIONS_INIT;
    return init_options(opts, version, SHIFAN_EVALUATE_OPTIONS_VERSION, init, "shifan_evaluate_options");
}

SHIFAN_API int shifan_json_options_init(shifan_json_options* opts, unsigned int version) {
    const shifan_json_options init = SHIFAN_JSON_OPTIONS_INIT;
    return init_options(opts, version, SHIFAN_JSON_OPTIONS_VERSION, init, "shifan_json_options");
}

SHIFAN_API int shifan_batch_options_init(shifan_batch_options* opts, unsigned int version) {
    const shifan_batch_options init = SHIFAN_BATCH_OPTIONS_INIT;
    return init_options(opts, version, SHIFAN_BATCH_OPTIONS_VERSION, init, "shifan_batch_options");
}

} // extern "C"
