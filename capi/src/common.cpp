// Versions, status codes, errors, strings, options: what every other part of the C ABI uses.
#include "internal.hpp"

#include <array>
#include <new>
#include <unordered_map>

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

// Live handles, sharded to keep the lock short when many threads create and free handles.
class Registry {
public:
    void add(const void* p, std::uint32_t magic) {
        Shard& s = shard(p);
        std::lock_guard<std::mutex> lock(s.mutex);
        s.live[p] = magic;
    }
    bool remove(const void* p, std::uint32_t magic) noexcept {
        Shard& s = shard(p);
        std::lock_guard<std::mutex> lock(s.mutex);
        auto it = s.live.find(p);
        if (it == s.live.end() || it->second != magic) return false;
        s.live.erase(it);
        return true;
    }

private:
    struct Shard {
        std::mutex mutex;
        std::unordered_map<const void*, std::uint32_t> live;
    };
    Shard& shard(const void* p) noexcept {
        const auto v = reinterpret_cast<std::uintptr_t>(p); // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast): hashing the address, never turned back into a pointer
        return shards_[(v >> 4) % shards_.size()];
    }
    std::array<Shard, 16> shards_;
};

Registry& registry() {
    // NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables): the one registry of live handles, guarded by its shards' mutexes
    static Registry* r = new Registry(); // never destroyed: handles may be freed during exit
    return *r;
}

// NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables): the C ABI's errno-like last error, one per thread
thread_local shifan_error last_error;

// Preallocated answer for when even an error object cannot be made.
void set_last_nomem() noexcept {
    last_error.code = SHIFAN_ENOMEM;
    last_error.event_index = -1;
    last_error.event_type.clear();
    last_error.articles.clear();
    // Assigning short literals may still allocate in theory; clear() never does.
    last_error.path.clear();
    last_error.zh.clear();
    last_error.en.clear();
    last_error.both.clear();
    try {
        last_error.zh = "内存不足";
        last_error.en = "out of memory";
        last_error.both = "内存不足 / out of memory";
    } catch (...) {
    }
}

} // namespace

void register_handle(const void* p, std::uint32_t magic) { registry().add(p, magic); }
bool unregister_handle(const void* p, std::uint32_t magic) noexcept { return p && registry().remove(p, magic); }

int record(shifan_error** err, std::int32_t code, std::string_view path, std::string_view zh, std::string_view en,
           std::int64_t event_index, bool keep_transition) noexcept {
    if (!keep_transition) {
        last_error.event_type.clear();
        last_error.articles.clear();
    }
    try {
        last_error.magic = error_magic;
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
            auto e = std::make_unique<shifan_error>(last_error);
            register_handle(e.get(), error_magic);
            *err = e.release();
        } catch (...) {
            // *err stays NULL: the return code is authoritative.
        }
    }
    return code;
}

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

int check_handle(const void* h, std::uint32_t magic, const char* what) noexcept {
    if (!h)
        return record_lazy(SHIFAN_EUSAGE, [&] { return std::string("参数 ") + what + " 为空（NULL）"; },
                           [&] { return std::string(what) + " is NULL"; });
    if (magic_of(h) != magic)
        return record_lazy(SHIFAN_EHANDLE, [&] { return std::string("参数 ") + what + " 不是有效的句柄（已释放或类型不符）"; },
                           [&] { return std::string(what) + " is not a live handle of the expected kind (freed, or another kind)"; });
    return SHIFAN_OK;
}

json::Limits to_limits(const shifan_evaluate_options* o) {
    json::Limits l;
    if (!o) return l;
    if (o->version < 1 || o->version > SHIFAN_EVALUATE_OPTIONS_VERSION)
        usage("shifan_evaluate_options 的版本 " + std::to_string(o->version) + " 未知",
              "unknown shifan_evaluate_options version " + std::to_string(o->version));
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
    if (o->version < 1 || o->version > SHIFAN_JSON_OPTIONS_VERSION)
        usage("shifan_json_options 的版本 " + std::to_string(o->version) + " 未知",
              "unknown shifan_json_options version " + std::to_string(o->version));
    w.lang = to_lang(o->lang);
    w.compact = o->compact != 0;
    w.messages = o->messages != 0;
    return w;
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

SHIFAN_API const shifan_error* shifan_last_error(void) { return &last_error; }

SHIFAN_API void shifan_clear_last_error(void) {
    last_error.code = SHIFAN_OK;
    last_error.event_index = -1;
    last_error.event_type.clear();
    last_error.articles.clear();
    last_error.path.clear();
    last_error.zh.clear();
    last_error.en.clear();
    last_error.both.clear();
}

SHIFAN_API int32_t shifan_error_code(const shifan_error* err) {
    if (int rc = check_handle(err, error_magic, "err")) return rc;
    return err->code;
}

SHIFAN_API const char* shifan_error_path(const shifan_error* err) {
    if (check_handle(err, error_magic, "err")) return nullptr;
    return err->path.c_str();
}

SHIFAN_API const char* shifan_error_message(const shifan_error* err, int32_t lang) {
    if (check_handle(err, error_magic, "err")) return nullptr;
    switch (lang) {
    case SHIFAN_LANG_ZH: return err->zh.c_str();
    case SHIFAN_LANG_EN: return err->en.c_str();
    case SHIFAN_LANG_BOTH: return err->both.c_str();
    default: break;
    }
    record(nullptr, SHIFAN_EUSAGE, "", "未知的语言代码", "unknown language code");
    return nullptr;
}

SHIFAN_API int64_t shifan_error_event_index(const shifan_error* err) {
    if (int rc = check_handle(err, error_magic, "err")) return rc;
    return err->event_index;
}

SHIFAN_API const char* shifan_error_event_type(const shifan_error* err) {
    if (check_handle(err, error_magic, "err")) return nullptr;
    return err->event_type.c_str();
}

SHIFAN_API int64_t shifan_error_article_count(const shifan_error* err) {
    if (int rc = check_handle(err, error_magic, "err")) return rc;
    return static_cast<int64_t>(err->articles.size());
}

SHIFAN_API const char* shifan_error_article(const shifan_error* err, size_t index) {
    if (check_handle(err, error_magic, "err")) return nullptr;
    if (index >= err->articles.size()) {
        record(nullptr, SHIFAN_EUSAGE, "", "条款序号超出范围", "article index out of range");
        return nullptr;
    }
    return err->articles[index].c_str();
}

SHIFAN_API int shifan_error_to_json(char** out, size_t* out_len, const shifan_error* err) {
    // Copy first: recording a failure below would overwrite the thread's last error, which `err`
    // may be.
    return guard(nullptr, [&] {
        require_arg(out, "out");
        *out = nullptr;
        require_handle(err, error_magic, "err");
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

SHIFAN_API void shifan_error_free(shifan_error* err) {
    if (!err) return;
    if (!unregister_handle(err, error_magic)) {
        if (err != &last_error)
            record(nullptr, SHIFAN_EHANDLE, "", "shifan_error_free：不是有效的错误对象（重复释放？）",
                   "shifan_error_free: not a live error object (freed twice?)");
        return;
    }
    err->magic = dead_magic;
    delete err;
}

SHIFAN_API int shifan_evaluate_options_init(shifan_evaluate_options* opts, unsigned int version) {
    return guard(nullptr, [&] {
        require_arg(opts, "opts");
        if (version < 1 || version > SHIFAN_EVALUATE_OPTIONS_VERSION)
            usage("shifan_evaluate_options 的版本 " + std::to_string(version) + " 未知",
                  "unknown shifan_evaluate_options version " + std::to_string(version));
        const shifan_evaluate_options init = SHIFAN_EVALUATE_OPTIONS_INIT;
        *opts = init;
        opts->version = version;
    });
}

SHIFAN_API int shifan_json_options_init(shifan_json_options* opts, unsigned int version) {
    return guard(nullptr, [&] {
        require_arg(opts, "opts");
        if (version < 1 || version > SHIFAN_JSON_OPTIONS_VERSION)
            usage("shifan_json_options 的版本 " + std::to_string(version) + " 未知",
                  "unknown shifan_json_options version " + std::to_string(version));
        const shifan_json_options init = SHIFAN_JSON_OPTIONS_INIT;
        *opts = init;
        opts->version = version;
    });
}

SHIFAN_API int shifan_batch_options_init(shifan_batch_options* opts, unsigned int version) {
    return guard(nullptr, [&] {
        require_arg(opts, "opts");
        if (version < 1 || version > SHIFAN_BATCH_OPTIONS_VERSION)
            usage("shifan_batch_options 的版本 " + std::to_string(version) + " 未知",
                  "unknown shifan_batch_options version " + std::to_string(version));
        const shifan_batch_options init = SHIFAN_BATCH_OPTIONS_INIT;
        *opts = init;
        opts->version = version;
    });
}

} // extern "C"
