/// @file
/// @brief A header-only C++17 wrapper over the C interface of libshifan (shifan.h): the top half
/// of the hourglass. RAII handles (move-only, released by their destructor), exceptions on the C++
/// side only, and no way to reach a freed handle: a moved-from object throws `shifan::client::Error`
/// (code SHIFAN_EUSAGE) instead of touching anything.
///
/// For C++ hosts that link the shared library (`-lshifan` / `shifan::shifan`) rather than compile
/// the header-only core. Thread-safety is the C interface's: one `Engine` may evaluate on many
/// threads at once; `set_interpretation` must not run concurrently with other uses of that engine.
#pragma once

#include "shifan/shifan.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shifan::client {

/// Languages of human-readable text.
enum class Lang : std::int32_t { zh = SHIFAN_LANG_ZH, en = SHIFAN_LANG_EN, both = SHIFAN_LANG_BOTH };
/// The overall answer.
enum class Verdict : std::int32_t {
    eligible = SHIFAN_VERDICT_ELIGIBLE,
    ineligible = SHIFAN_VERDICT_INELIGIBLE,
    undetermined = SHIFAN_VERDICT_UNDETERMINED,
    none = SHIFAN_VERDICT_NONE, ///< a batch item that could not be evaluated
};
/// The outcome of one check.
enum class Outcome : std::int32_t {
    pass = SHIFAN_OUTCOME_PASS,
    fail = SHIFAN_OUTCOME_FAIL,
    undetermined = SHIFAN_OUTCOME_UNDETERMINED,
    not_applicable = SHIFAN_OUTCOME_NOT_APPLICABLE,
};

/// Machine name of a verdict ("eligible", ...).
inline const char* to_string(Verdict v) noexcept {
    switch (v) {
    case Verdict::eligible: return "eligible";
    case Verdict::ineligible: return "ineligible";
    case Verdict::undetermined: return "undetermined";
    case Verdict::none: break;
    }
    return "none";
}
/// Machine name of an outcome ("pass", ...).
inline const char* to_string(Outcome o) noexcept {
    switch (o) {
    case Outcome::pass: return "pass";
    case Outcome::fail: return "fail";
    case Outcome::undetermined: return "undetermined";
    case Outcome::not_applicable: return "not_applicable";
    }
    return "?";
}

/// An error from libshifan: the status code, the JSON Pointer of the offending value, the reason
/// in Chinese and English, and (history errors) the index of the event at fault.
class Error : public std::runtime_error {
public:
    /// An error with its code, JSON Pointer, reasons in zh and en, and event index.
    Error(std::int32_t code, std::string path, std::string message_zh, std::string message_en, std::int64_t event_index = -1)
        : std::runtime_error(compose(code, path, message_en)), code_(code), path_(std::move(path)),
          zh_(std::move(message_zh)), en_(std::move(message_en)), event_index_(event_index) {}

    /// A `SHIFAN_E*` value.
    [[nodiscard]] std::int32_t code() const noexcept { return code_; }
    /// Machine name of the code ("unknown_key", ...).
    [[nodiscard]] const char* code_name() const noexcept { return shifan_code_name(code_); }
    /// JSON Pointer of the offending value ("" = the document).
    [[nodiscard]] const std::string& path() const noexcept { return path_; }
    /// The reason in Chinese.
    [[nodiscard]] const std::string& message_zh() const noexcept { return zh_; }
    /// The reason in English.
    [[nodiscard]] const std::string& message_en() const noexcept { return en_; }
    /// Index of the history event at fault, or -1.
    [[nodiscard]] std::int64_t event_index() const noexcept { return event_index_; }
    /// The type of the event a forbidden transition refused, or "".
    [[nodiscard]] const std::string& event_type() const noexcept { return event_type_; }
    /// The articles a forbidden transition breaks ("art8", ...).
    [[nodiscard]] const std::vector<std::string>& articles() const noexcept { return articles_; }

    /// Copy an error object's contents (the object is not freed).
    static Error from(std::int32_t code, const shifan_error* e) {
        if (!e) return Error(code, "", "", shifan_code_name(code));
        const char* p = shifan_error_path(e);
        const char* zh = shifan_error_message(e, SHIFAN_LANG_ZH);
        const char* en = shifan_error_message(e, SHIFAN_LANG_EN);
        Error out(code, p ? p : "", zh ? zh : "", en ? en : "", shifan_error_event_index(e));
        const char* type = shifan_error_event_type(e);
        out.event_type_ = type ? type : "";
        const std::int64_t n = shifan_error_article_count(e);
        for (std::int64_t i = 0; i < n; ++i)
            if (const char* a = shifan_error_article(e, static_cast<std::size_t>(i))) out.articles_.emplace_back(a);
        return out;
    }

private:
    static std::string compose(std::int32_t code, const std::string& path, const std::string& en) {
        return std::string(shifan_code_name(code)) + ": " + (path.empty() ? "(document)" : path) + ": " + en;
    }
    std::int32_t code_;
    std::string path_, zh_, en_;
    std::int64_t event_index_;
    std::string event_type_;
    std::vector<std::string> articles_;
};

namespace detail {

struct Free {
    void operator()(shifan_engine* h) const noexcept { shifan_engine_free(h); }
    void operator()(shifan_evaluation* h) const noexcept { shifan_evaluation_free(h); }
    void operator()(shifan_batch* h) const noexcept { shifan_batch_free(h); }
    void operator()(shifan_history* h) const noexcept { shifan_history_free(h); }
    void operator()(shifan_status* h) const noexcept { shifan_status_free(h); }
    void operator()(shifan_roster* h) const noexcept { shifan_roster_free(h); }
    void operator()(shifan_error* h) const noexcept { shifan_error_free(h); }
    void operator()(char* s) const noexcept { shifan_string_free(s); }
};
template <class T>
using Handle = std::unique_ptr<T, Free>;

/// Throw the error of a failed call (taking ownership of `err`).
[[noreturn]] inline void raise(int rc, shifan_error* err) {
    Handle<shifan_error> guard(err);
    throw Error::from(rc, err ? err : shifan_last_error());
}
inline void check(int rc, shifan_error* err) {
    if (rc != SHIFAN_OK) raise(rc, err);
}
/// Throw the thread's last error when an accessor returned a negative value.
inline std::int64_t checked(std::int64_t v) {
    if (v < 0) throw Error::from(static_cast<std::int32_t>(v), shifan_last_error());
    return v;
}
inline std::string take(char* s, std::size_t len);

/// Run `call(&text, &len, &err)` — a C function that gives a malloc'ed text — and take the text
/// (throws Error when it fails).
template <class Call>
std::string take_text(Call&& call) {
    char* s = nullptr;
    std::size_t len = 0;
    shifan_error* err = nullptr;
    check(call(&s, &len, &err), err);
    return take(s, len);
}

inline std::string take(char* s, std::size_t len) {
    Handle<char> guard(s);
    return std::string(s, len);
}
inline std::optional<std::string> opt(const char* s) { return s ? std::optional<std::string>(s) : std::nullopt; }
[[noreturn]] inline void moved_from(const char* what) {
    throw Error(SHIFAN_EUSAGE, "", std::string("使用了已移出的 ") + what, std::string("use of a moved-from ") + what);
}

/// The wrapper class of each C handle, as errors name it.
constexpr const char* wrapper_name(const shifan_engine*) { return "shifan::client::Engine"; }
constexpr const char* wrapper_name(const shifan_evaluation*) { return "shifan::client::Evaluation"; }
constexpr const char* wrapper_name(const shifan_batch*) { return "shifan::client::Batch"; }
constexpr const char* wrapper_name(const shifan_history*) { return "shifan::client::History"; }
constexpr const char* wrapper_name(const shifan_status*) { return "shifan::client::Status"; }
constexpr const char* wrapper_name(const shifan_roster*) { return "shifan::client::Roster"; }

/// What every class of the wrapper that holds a C handle shares: it owns the handle (freed with
/// the object), moves (the handle changes owner) but does not copy, and refuses use after a move.
template <class T>
class Owned {
public:
    Owned(Owned&&) noexcept = default;
    Owned& operator=(Owned&&) noexcept = default;
    Owned(const Owned&) = delete;
    Owned& operator=(const Owned&) = delete;
    ~Owned() = default;

    /// The underlying C handle (borrowed; stays owned by this object).
    [[nodiscard]] const T* get() const { return handle(); }

protected:
    Owned() = default;
    explicit Owned(T* h) : h_(h) {}
    /// The handle; throws Error after a move.
    T* handle() const {
        if (!h_) moved_from(wrapper_name(h_.get()));
        return h_.get();
    }
    Handle<T> h_; ///< the owned handle (null after a move)
};

/// The text `give(&text, &len, h, lang, &err)` gives (a C function such as shifan_status_to_json).
template <class T>
std::string text_of(int (*give)(char**, std::size_t*, const T*, std::int32_t, shifan_error**), const T* h, Lang lang) {
    return take_text([&](char** s, std::size_t* len, shifan_error** err) {
        return give(s, len, h, static_cast<std::int32_t>(lang), err);
    });
}

} // namespace detail

/// Library version loaded at run time, e.g. "0.1.0".
inline std::string version() { return shifan_version(); }

/// Input limits (0 = the library's default).
struct Limits {
    std::uint64_t max_document_bytes = 0; ///< largest document, in bytes
    std::uint64_t max_depth = 0;          ///< deepest nesting of objects and arrays
    std::uint64_t max_array_length = 0;   ///< most elements of one array
    std::uint64_t max_string_bytes = 0;   ///< longest string or key, in bytes
    /// The equivalent C option struct.
    [[nodiscard]] shifan_evaluate_options c() const {
        shifan_evaluate_options o = SHIFAN_EVALUATE_OPTIONS_INIT;
        o.max_document_bytes = max_document_bytes;
        o.max_depth = max_depth;
        o.max_array_length = max_array_length;
        o.max_string_bytes = max_string_bytes;
        return o;
    }
};

/// How results are written as JSON (defaults: those of `shifan evaluate --json`).
struct JsonOptions {
    Lang lang = Lang::both; ///< languages of the messages
    bool compact = false;   ///< only the verdict and the checks that did not pass
    bool messages = true;   ///< include the messages at all
    /// The equivalent C option struct.
    [[nodiscard]] shifan_json_options c() const {
        shifan_json_options o = SHIFAN_JSON_OPTIONS_INIT;
        o.lang = static_cast<std::int32_t>(lang);
        o.compact = compact ? 1 : 0;
        o.messages = messages ? 1 : 0;
        return o;
    }
};

/// What `Roster::html` shows besides the roster (defaults: those of `shifan roster --html`).
struct RosterHtmlOptions {
    std::int32_t soon_days = 30; ///< pending filings due within this many days are listed as coming soon
    std::string subtitle;        ///< a line under the title (UTF-8; escaped by the library); empty: none
    /// The equivalent C option struct (borrows `subtitle`: use it while this object lives).
    [[nodiscard]] shifan_roster_html_options c() const {
        shifan_roster_html_options o = SHIFAN_ROSTER_HTML_OPTIONS_INIT;
        o.soon_days = soon_days;
        o.subtitle = subtitle.c_str();
        return o;
    }
};

/// The second comparison of a rule with two thresholds that must both hold (e.g. the activities of
/// art7.5.intermediary_route), copied out.
struct SecondComparison {
    std::string name;                     ///< its member name in the JSON output ("activities")
    std::optional<std::string> actual;    ///< actual value, as in the JSON output
    std::optional<std::string> required;  ///< required value
    std::optional<std::string> shortfall; ///< how much more is needed (when it fails)
};

/// One check of an evaluation, copied out.
struct Check {
    std::string id;          ///< "art6.2.satisfaction"
    std::string citation;    ///< "第六条第（二）项"
    bool group = false;      ///< a group (art6, art6.1, ...) rather than a rule
    Outcome outcome = Outcome::undetermined; ///< pass, fail, undetermined or not_applicable
    std::string reason;      ///< "below_threshold", ...
    std::optional<std::string> actual;    ///< actual value, as in the JSON output (numeric checks)
    std::optional<std::string> required;  ///< required value (numeric checks)
    std::optional<std::string> shortfall; ///< how much more is needed (failing numeric checks)
    std::string message;     ///< one sentence, in the language asked for
    std::optional<SecondComparison> second; ///< the second comparison, for a rule with two thresholds
};

class Engine;
class Batch;

/// The evaluation of one application.
class Evaluation : public detail::Owned<shifan_evaluation> {
public:
    /// The verdict: all of art6 and at least one function of art7.
    [[nodiscard]] Verdict verdict() const { return static_cast<Verdict>(detail::checked(shifan_evaluation_verdict(get()))); }
    /// Mask of SHIFAN_FUNCTION_* bits.
    [[nodiscard]] unsigned qualified_functions() const {
        return static_cast<unsigned>(detail::checked(shifan_evaluation_qualified_functions(get())));
    }
    /// Names of the qualified functions, in art7 order.
    [[nodiscard]] std::vector<std::string> qualified_function_names() const {
        static const char* const names[] = {"information", "technology", "entrepreneurship", "training", "financing"};
        std::vector<std::string> out;
        const unsigned mask = qualified_functions();
        for (unsigned i = 0; i < 5; ++i)
            if (mask & (1u << i)) out.emplace_back(names[i]);
        return out;
    }
    /// The application's `id` ("" when absent).
    [[nodiscard]] std::optional<std::string> application_id() const { return detail::opt(shifan_evaluation_application_id(get())); }
    /// The review year Y (art12).
    [[nodiscard]] int review_year() const { return static_cast<int>(detail::checked(shifan_evaluation_review_year(get()))); }
    /// The date the application was judged at (YYYY-MM-DD).
    [[nodiscard]] std::string reference_date() const { return shifan_evaluation_reference_date(get()); }
    /// Id of the rule pack used.
    [[nodiscard]] std::string rule_pack_id() const { return shifan_evaluation_rule_pack_id(get()); }
    /// Version of the rule pack used.
    [[nodiscard]] std::string rule_pack_version() const { return shifan_evaluation_rule_pack_version(get()); }

    /// Number of checks (rules and groups).
    [[nodiscard]] std::size_t check_count() const {
        return static_cast<std::size_t>(detail::checked(shifan_evaluation_check_count(get())));
    }
    /// Index of the check with this id, or nullopt.
    [[nodiscard]] std::optional<std::size_t> find_check(const std::string& id) const {
        const std::int32_t i = shifan_evaluation_check_index(get(), id.c_str());
        if (i < 0) return std::nullopt;
        return static_cast<std::size_t>(i);
    }
    /// Check `index` (Lang::zh or Lang::en for the citation and message).
    [[nodiscard]] Check check(std::size_t index, Lang lang = Lang::zh) const {
        const shifan_evaluation* e = get();
        const auto l = static_cast<std::int32_t>(lang == Lang::en ? Lang::en : Lang::zh);
        const char* id = shifan_evaluation_check_id(e, index);
        if (!id) detail::checked(SHIFAN_EUSAGE);
        Check c;
        c.id = id;
        c.citation = shifan_evaluation_check_citation(e, index, l);
        c.group = detail::checked(shifan_evaluation_check_kind(e, index)) == SHIFAN_CHECK_GROUP;
        c.outcome = static_cast<Outcome>(detail::checked(shifan_evaluation_check_outcome(e, index)));
        c.reason = shifan_evaluation_check_reason(e, index);
        c.actual = detail::opt(shifan_evaluation_check_actual(e, index));
        c.required = detail::opt(shifan_evaluation_check_required(e, index));
        c.shortfall = detail::opt(shifan_evaluation_check_shortfall(e, index));
        const char* m = shifan_evaluation_check_message(e, index, l);
        if (!m) detail::checked(shifan_error_code(shifan_last_error()));
        c.message = m;
        if (const char* name = shifan_evaluation_check_second_name(e, index)) {
            c.second = SecondComparison{name, detail::opt(shifan_evaluation_check_second_actual(e, index)),
                                        detail::opt(shifan_evaluation_check_second_required(e, index)),
                                        detail::opt(shifan_evaluation_check_second_shortfall(e, index))};
        }
        return c;
    }
    /// Every check, in registry order, with messages in `lang`.
    [[nodiscard]] std::vector<Check> checks(Lang lang = Lang::zh) const {
        std::vector<Check> out;
        const std::size_t n = check_count();
        out.reserve(n);
        for (std::size_t i = 0; i < n; ++i) out.push_back(check(i, lang));
        return out;
    }
    /// JSON Pointers of the absent inputs that made some check undetermined.
    [[nodiscard]] std::vector<std::string> missing() const {
        std::vector<std::string> out;
        const auto n = static_cast<std::size_t>(detail::checked(shifan_evaluation_missing_count(get())));
        for (std::size_t i = 0; i < n; ++i) out.emplace_back(shifan_evaluation_missing(get(), i));
        return out;
    }
    /// true complete, false incomplete, nullopt unknown (no `materials`).
    [[nodiscard]] std::optional<bool> dossier_complete() const {
        const auto d = detail::checked(shifan_evaluation_dossier(get()));
        if (d == SHIFAN_DOSSIER_UNKNOWN) return std::nullopt;
        return d == SHIFAN_DOSSIER_COMPLETE;
    }
    /// Dossier ids (art9, art10) that are missing.
    [[nodiscard]] std::vector<std::string> missing_materials() const {
        std::vector<std::string> out;
        const auto n = static_cast<std::size_t>(detail::checked(shifan_evaluation_missing_material_count(get())));
        for (std::size_t i = 0; i < n; ++i) out.emplace_back(shifan_evaluation_missing_material(get(), i));
        return out;
    }
    /// `shifan.evaluation/1` JSON.
    [[nodiscard]] std::string to_json(const JsonOptions& options = {}) const {
        char* s = nullptr;
        std::size_t len = 0;
        shifan_error* err = nullptr;
        const shifan_json_options o = options.c();
        detail::check(shifan_evaluation_to_json(&s, &len, get(), &o, &err), err);
        return detail::take(s, len);
    }
    /// The plain-text report.
    [[nodiscard]] std::string report(Lang lang = Lang::zh) const { return detail::text_of(shifan_evaluation_report, get(), lang); }

private:
    friend class Engine;
    friend class Batch;
    explicit Evaluation(shifan_evaluation* h) : Owned(h) {}
};

/// Options of a batch run.
struct BatchOptions {
    unsigned jobs = 0;          ///< 0 = all cores
    bool item_json = true;      ///< write each item's JSON during the batch
    bool keep_input = false;    ///< keep the documents for item_evaluation()/item_json() later
    JsonOptions json{};         ///< how each item's JSON is written
    Limits limits{};            ///< input limits applied to each document
};

/// Results of a batch, in input order.
class Batch : public detail::Owned<shifan_batch> {
public:
    /// Status, verdict and qualified functions of every item of a batch.
    struct Summary {
        std::vector<std::int32_t> status; ///< SHIFAN_OK or a negative SHIFAN_E* per item
        std::vector<std::uint8_t> verdicts;   ///< SHIFAN_VERDICT_* per item
        std::vector<std::uint8_t> functions;  ///< bitmask of qualified art7 functions per item
    };

    /// Number of items.
    [[nodiscard]] std::size_t size() const { return static_cast<std::size_t>(detail::checked(shifan_batch_count(get()))); }
    /// Status, verdict and functions of every item, in one call.
    [[nodiscard]] Summary summary() const {
        Summary s;
        const std::size_t n = size();
        s.status.resize(n);
        s.verdicts.resize(n);
        s.functions.resize(n);
        shifan_error* err = nullptr;
        detail::check(shifan_batch_summary(get(), s.status.data(), s.verdicts.data(), s.functions.data(), n, &err), err);
        return s;
    }
    /// JSON of item `index` (an evaluation, or {"error": ...}).
    [[nodiscard]] std::string item_json(std::size_t index) const {
        return detail::take_text([&](char** s, std::size_t* len, shifan_error** err) {
            return shifan_batch_item_json(s, len, get(), index, err);
        });
    }
    /// The item's error, or nullopt when it was evaluated.
    [[nodiscard]] std::optional<Error> item_error(std::size_t index) const {
        shifan_error* out = nullptr;
        shifan_error* err = nullptr;
        detail::check(shifan_batch_item_error(&out, get(), index, &err), err);
        if (!out) return std::nullopt;
        detail::Handle<shifan_error> guard(out);
        return Error::from(shifan_error_code(out), out);
    }
    /// The item as a full evaluation (needs keep_input); throws the item's error when it failed.
    [[nodiscard]] Evaluation item_evaluation(std::size_t index) const {
        shifan_evaluation* e = nullptr;
        shifan_error* err = nullptr;
        detail::check(shifan_batch_item_evaluation(&e, get(), index, &err), err);
        return Evaluation(e);
    }

private:
    friend class Engine;
    explicit Batch(shifan_batch* h) : Owned(h) {}
};

/// A rule pack and a set of readings. Evaluating on many threads at once is safe.
class Engine : public detail::Owned<shifan_engine> {
public:
    /// The built-in pack `changzhi-municipal`, default readings.
    Engine() {
        shifan_engine* h = nullptr;
        shifan_error* err = nullptr;
        detail::check(shifan_engine_new(&h, &err), err);
        h_.reset(h);
    }
    /// A `shifan.rulepack/1` pack, read under `limits` (zero members: the defaults).
    static Engine from_rule_pack_json(std::string_view json, const Limits& limits = {}) {
        shifan_engine* h = nullptr;
        shifan_error* err = nullptr;
        const shifan_evaluate_options o = limits.c();
        detail::check(shifan_engine_new_from_rule_pack_json_v2(&h, json.data(), json.size(), &o, &err), err);
        return Engine(h);
    }
    /// A `shifan.calendar/1` calendar of rest days for lifecycle deadlines (selects
    /// deadline_rest_days=roll_forward unless that reading was set), read under `limits`. A calendar
    /// that fails to read changes nothing. Not concurrently with other uses.
    Engine& set_calendar_json(std::string_view json, const Limits& limits = {}) {
        shifan_error* err = nullptr;
        const shifan_evaluate_options o = limits.c();
        detail::check(shifan_engine_set_calendar_json_v2(get(), json.data(), json.size(), &o, &err), err);
        return *this;
    }
    /// Set a reading ("growth", "non_decreasing"). Not concurrently with other uses of this engine.
    Engine& set_interpretation(const std::string& name, const std::string& value) {
        shifan_error* err = nullptr;
        detail::check(shifan_engine_set_interpretation(get(), name.c_str(), value.c_str(), &err), err);
        return *this;
    }
    /// The reading in force for interpretation `name` ("growth", ...).
    [[nodiscard]] std::string interpretation(const std::string& name) const {
        const char* v = shifan_engine_interpretation(get(), name.c_str());
        if (!v) detail::checked(shifan_error_code(shifan_last_error()));
        return v;
    }
    /// Id of the rule pack used.
    [[nodiscard]] std::string rule_pack_id() const { return shifan_engine_rule_pack_id(get()); }
    /// Version of the rule pack used.
    [[nodiscard]] std::string rule_pack_version() const { return shifan_engine_rule_pack_version(get()); }

    /// Evaluate one `shifan.application/1` document; throws Error on bad input.
    [[nodiscard]] Evaluation evaluate(std::string_view json, const Limits& limits = {}) const {
        shifan_evaluation* e = nullptr;
        shifan_error* err = nullptr;
        const shifan_evaluate_options o = limits.c();
        detail::check(shifan_evaluate(&e, get(), json.data(), json.size(), &o, &err), err);
        return Evaluation(e);
    }
    /// JSON in, `shifan.evaluation/1` JSON out.
    [[nodiscard]] std::string evaluate_to_json(std::string_view json, const JsonOptions& options = {},
                                               const Limits& limits = {}) const {
        char* s = nullptr;
        std::size_t len = 0;
        shifan_error* err = nullptr;
        const shifan_evaluate_options lo = limits.c();
        const shifan_json_options jo = options.c();
        detail::check(shifan_evaluate_to_json(&s, &len, get(), json.data(), json.size(), &lo, &jo, &err), err);
        return detail::take(s, len);
    }
    /// Many documents in one call; one bad document does not stop the others.
    [[nodiscard]] Batch evaluate_batch(const std::vector<std::string_view>& docs, const BatchOptions& options = {}) const {
        std::vector<const char*> ptrs(docs.size());
        std::vector<std::size_t> lens(docs.size());
        for (std::size_t i = 0; i < docs.size(); ++i) {
            ptrs[i] = docs[i].data();
            lens[i] = docs[i].size();
        }
        shifan_batch* b = nullptr;
        shifan_error* err = nullptr;
        const shifan_json_options jo = options.json.c();
        const shifan_evaluate_options lo = options.limits.c();
        shifan_batch_options o = SHIFAN_BATCH_OPTIONS_INIT;
        o.jobs = options.jobs;
        o.flags = (options.item_json ? SHIFAN_BATCH_ITEM_JSON : 0u) | (options.keep_input ? SHIFAN_BATCH_KEEP_INPUT : 0u);
        o.json = &jo;
        o.limits = &lo;
        detail::check(shifan_evaluate_batch(&b, get(), ptrs.data(), lens.data(), docs.size(), &o, &err), err);
        return Batch(b);
    }

    /// The underlying C handle (borrowed; stays owned by this object).
    [[nodiscard]] shifan_engine* get() const { return handle(); }

private:
    // from_rule_pack_json uses it; cppcheck takes this class for shifan::Engine (BasicEngine<...>).
    // cppcheck-suppress unusedPrivateFunction
    explicit Engine(shifan_engine* h) : Owned(h) {}
};

/// A platform's status on a date (`shifan.status/1`).
class Status : public detail::Owned<shifan_status> {
public:
    /// "none", "candidate", "recommended", "not_recommended", "designated", "rejected", "expired", "revoked".
    [[nodiscard]] std::string state() const { return shifan_status_state(get()); }
    /// The date of the query (YYYY-MM-DD).
    [[nodiscard]] std::string on() const { return shifan_status_on(get()); }
    /// Days of validity left while designated.
    [[nodiscard]] std::optional<std::int64_t> days_left() const {
        std::int64_t days = 0;
        if (detail::checked(shifan_status_days_left(get(), &days)) == 0) return std::nullopt;
        return days;
    }
    /// Last day of the current term ("" when never designated).
    [[nodiscard]] std::optional<std::string> valid_until() const { return detail::opt(shifan_status_valid_until(get())); }
    /// Earliest due date among pending obligations ("" when none).
    [[nodiscard]] std::optional<std::string> next_deadline() const { return detail::opt(shifan_status_next_deadline(get())); }
    /// Whether applied{on, year(on)} would be accepted (art12, art14).
    [[nodiscard]] bool may_apply_again() const { return detail::checked(shifan_status_may_apply_again(get())) == 1; }
    /// Why it may or may not apply again, in `lang`.
    [[nodiscard]] std::string may_apply_again_reason(Lang lang = Lang::zh) const {
        return shifan_status_may_apply_again_reason(get(), static_cast<std::int32_t>(lang == Lang::en ? Lang::en : Lang::zh));
    }
    /// As JSON, with messages in `lang`.
    [[nodiscard]] std::string to_json(Lang lang = Lang::both) const { return detail::text_of(shifan_status_to_json, get(), lang); }
    /// A readable report in `lang`.
    [[nodiscard]] std::string report(Lang lang = Lang::zh) const { return detail::text_of(shifan_status_report, get(), lang); }

private:
    friend class History;
    explicit Status(shifan_status* h) : Owned(h) {}
};

/// A platform's history (`shifan.history/1`), every event checked against the rules.
class History : public detail::Owned<shifan_history> {
public:
    /// Read a history with the engine's rule pack, readings and calendar.
    static History from_json(const Engine& engine, std::string_view json, const Limits& limits = {}) {
        shifan_history* handle = nullptr; // not `h`: that is the member function h()
        shifan_error* err = nullptr;
        const shifan_evaluate_options o = limits.c();
        detail::check(shifan_history_new_from_json(&handle, engine.get(), json.data(), json.size(), &o, &err), err);
        return History(handle);
    }
    /// Append one event (JSON); a refused event throws Error (SHIFAN_EHISTORY) and changes nothing.
    History& append_event_json(std::string_view json) {
        shifan_error* err = nullptr;
        detail::check(shifan_history_append_event_json(h(), json.data(), json.size(), &err), err);
        return *this;
    }
    /// Number of events in the history.
    [[nodiscard]] std::size_t event_count() const { return static_cast<std::size_t>(detail::checked(shifan_history_event_count(get()))); }
    /// The platform's id.
    [[nodiscard]] std::string platform_id() const { return shifan_history_platform_id(get()); }
    /// The history as shifan.history/1 JSON (round-trips unchanged).
    [[nodiscard]] std::string to_json() const {
        return detail::take_text([&](char** s, std::size_t* len, shifan_error** err) {
            return shifan_history_to_json(s, len, get(), err);
        });
    }
    /// The status on `on` ("YYYY-MM-DD").
    [[nodiscard]] Status status(const std::string& on) const {
        shifan_status* st = nullptr;
        shifan_error* err = nullptr;
        detail::check(shifan_history_status(&st, get(), on.c_str(), &err), err);
        return Status(st);
    }

private:
    shifan_history* h() { return handle(); }
    explicit History(shifan_history* h) : Owned(h) {}
};

/// County queries over many platforms on a date (`shifan.roster/1`).
class Roster : public detail::Owned<shifan_roster> {
public:
    /// The roster of `histories` and the counties' `filings` (shifan.county-filings/1 JSON, read
    /// under `limits`) on `on`.
    static Roster make(const Engine& engine, const std::vector<const History*>& histories,
                       const std::vector<std::string_view>& filings, const std::string& on,
                       const Limits& limits = {}) {
        std::vector<const shifan_history*> hs;
        hs.reserve(histories.size());
        for (const History* h : histories) hs.push_back(h ? h->get() : nullptr);
        std::vector<const char*> fs;
        std::vector<std::size_t> lens;
        for (std::string_view f : filings) {
            fs.push_back(f.data());
            lens.push_back(f.size());
        }
        shifan_roster* r = nullptr;
        shifan_error* err = nullptr;
        const shifan_evaluate_options o = limits.c();
        detail::check(shifan_roster_new_v2(&r, engine.get(), hs.data(), hs.size(), fs.data(), lens.data(), fs.size(),
                                           on.c_str(), &o, &err),
                      err);
        return Roster(r);
    }
    /// As JSON, with messages in `lang`.
    [[nodiscard]] std::string to_json(Lang lang = Lang::both) const { return detail::text_of(shifan_roster_to_json, get(), lang); }
    /// A readable report in `lang`.
    [[nodiscard]] std::string report(Lang lang = Lang::zh) const { return detail::text_of(shifan_roster_report, get(), lang); }
    /// The self-contained HTML page of `shifan roster --html` (UTF-8), for a county officer.
    [[nodiscard]] std::string html(const RosterHtmlOptions& options = {}) const {
        const shifan_roster_html_options o = options.c();
        return detail::take_text([&](char** s, std::size_t* len, shifan_error** err) {
            return shifan_roster_html(s, len, get(), &o, err);
        });
    }

private:
    explicit Roster(shifan_roster* h) : Owned(h) {}
};

} // namespace shifan::client
