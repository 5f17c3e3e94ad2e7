/*
 * shifan.h — the stable C interface of shifan (libshifan.so).
 *
 * shifan encodes 《长治市市级中小企业公共服务示范平台认定管理办法》 (the Changzhi measures for
 * designating and managing municipal SME public service demonstration platforms): whether an
 * application meets art6 and art7, with a full explanation, and its dossier (art9, art10); and a
 * platform's lifecycle (art8-art15): its history of dated events, its status on any date, and county
 * rosters.
 *
 * Contents: versions · status codes · enumerations · strings and errors · engine (rule pack,
 * readings, calendar) · options · engine under the host's input limits · evaluation of one
 * application · batch · lifecycle.
 *
 * This header is plain C99 and compiles as C and as C++. Every name starts with `shifan_` or
 * `SHIFAN_`. Signatures use fixed-width integers, `size_t` for sizes, and `unsigned int` only for
 * the `version` member of option structs; no `bool`, no `enum`, no `long`.
 *
 * ----------------------------------------------------------------------------------------------
 * CONVENTIONS (read once; every function below follows them)
 *
 * Return codes.  A function that can fail returns `int`: 0 (`SHIFAN_OK`) on success or a negative
 * `SHIFAN_E*` code. Accessors that return a value (an `int32_t` enumeration, a count) return a
 * negative `SHIFAN_E*` code instead when their handle is NULL or invalid; accessors that return a
 * pointer return NULL then. Codes are stable: values never change, new ones are only appended.
 *
 * Errors.  Functions that return `int` take a last parameter `shifan_error **err`. It may be NULL.
 * When it is not NULL, `*err` is set to NULL on success and to a new error object on failure; that
 * object belongs to the caller, who releases it with `shifan_error_free`. (Under memory exhaustion
 * `*err` may stay NULL although the call failed: trust the return code.) Independently, every
 * failing call (including accessors) records its error as the calling thread's last error, read
 * with `shifan_last_error()`. Prefer the `err` out-parameter where a runtime may move a task to
 * another thread between two calls (.NET async, Java virtual threads, Go).
 *
 * Ownership.  What comes back through an out-parameter `T **out` is the caller's and is released
 * with the matching `shifan_*_free` (strings: `shifan_string_free`). Pointers returned as the value
 * of a function are BORROWED: from static storage (stated as "static") or from the handle passed
 * in (stated as "borrowed from X"), valid until that handle is freed. Returned strings are UTF-8 and
 * NUL-terminated; where a size out-parameter exists it receives the length in bytes without the NUL.
 * Every `shifan_*_free` accepts NULL as a harmless no-op.
 *
 * Handles.  Handles are opaque values, not addresses: each names a slot of the library's table of
 * live objects, the generation of that slot and the handle's kind, and is checked on every call. A
 * NULL handle gives `SHIFAN_EUSAGE`; a handle of another kind, a freed handle, or any other value
 * gives `SHIFAN_EHANDLE` instead of a crash. Freeing a handle twice is detected and ignored (it
 * records `SHIFAN_EHANDLE` as the last error), also when a new object has since taken the freed
 * one's memory or slot: a stale handle never names a live object. Never dereference a handle. The
 * one exception to "free what you get" is shifan_last_error(), which is not freed. Freeing a handle
 * while another thread is still using it remains the caller's error; the C++ wrapper
 * (shifan_cxx.hpp) and the Python bindings make that impossible.
 *
 * Exceptions.  No C++ exception and no abort ever crosses this interface.
 *
 * Threads.  Unless a function says otherwise: any function may be called from any thread; distinct
 * handles may be used concurrently without locking; a handle that is only read (`const`) may be
 * shared by any number of threads at once. In particular ONE engine may evaluate on many threads at
 * the same time. Functions that modify a handle (marked "not thread-safe on its handle") must not
 * run concurrently with any other use of that handle.
 *
 * Options.  Option structs are transparent and versioned: the first member is `unsigned int
 * version`. Initialise them with the `SHIFAN_*_OPTIONS_INIT` macro or, from an FFI, with the
 * `shifan_*_options_init(opts, version)` function, then set the members you need. New members are
 * only ever appended and a new version number assigned; a struct of an older version keeps working.
 * Passing NULL for an options pointer means "all defaults".
 *
 * Versioning and ABI: see docs/abi-policy.md. SOVERSION (the "0" of libshifan.so.0) equals
 * `SHIFAN_ABI_VERSION`; it changes only when a released function or struct changes incompatibly.
 * ----------------------------------------------------------------------------------------------
 */
#ifndef SHIFAN_H
#define SHIFAN_H

#include <stddef.h>
#include <stdint.h>

/* Export macro. Define SHIFAN_STATIC when linking a static build. */
#if defined(SHIFAN_STATIC)
#  define SHIFAN_API
#elif defined(_WIN32) || defined(__CYGWIN__)
#  if defined(SHIFAN_BUILDING_LIBRARY)
#    define SHIFAN_API __declspec(dllexport)
#  else
#    define SHIFAN_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) || defined(__clang__)
#  define SHIFAN_API __attribute__((visibility("default")))
#else
#  define SHIFAN_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ============================================================================================ */
/* Versions                                                                                      */
/* ============================================================================================ */

/** Library version (semantic versioning) of this header. */
#define SHIFAN_VERSION_MAJOR 0
#define SHIFAN_VERSION_MINOR 1
#define SHIFAN_VERSION_PATCH 0
#define SHIFAN_VERSION_STRING "0.1.0"
/** MAJOR * 10000 + MINOR * 100 + PATCH: compare with `shifan_version_number()`. */
#define SHIFAN_VERSION_NUMBER (SHIFAN_VERSION_MAJOR * 10000 + SHIFAN_VERSION_MINOR * 100 + SHIFAN_VERSION_PATCH)
/** ABI major version: the SOVERSION of libshifan.so. Changes only on an incompatible change. */
#define SHIFAN_ABI_VERSION 0

/**
 * The version of the library actually loaded, e.g. "0.1.0".
 * @return static string; never NULL. Thread-safe.
 */
SHIFAN_API const char *shifan_version(void);

/**
 * The version of the library actually loaded as MAJOR * 10000 + MINOR * 100 + PATCH; compare it
 * with `SHIFAN_VERSION_NUMBER` to detect a header/library mismatch. Thread-safe.
 */
SHIFAN_API int32_t shifan_version_number(void);

/** The ABI version of the library actually loaded (`SHIFAN_ABI_VERSION` it was built with). */
SHIFAN_API int32_t shifan_abi_version(void);

/* ============================================================================================ */
/* Status codes                                                                                  */
/* ============================================================================================ */
/*
 * -1 .. -99 mirror the C++ core's `shifan::ErrorCode` (value = -code), one to one; -100 and below
 * belong to the C interface itself. Values are stable; new ones are only appended. A binding should
 * treat an unknown negative code as a generic error.
 */
#define SHIFAN_OK 0
#define SHIFAN_ESYNTAX (-1)         /**< not well-formed JSON (also BOM, trailing garbage, empty, bad UTF-8) */
#define SHIFAN_EWRONG_TYPE (-2)     /**< a value of the wrong JSON type (including null) */
#define SHIFAN_EOUT_OF_RANGE (-3)   /**< a number outside its allowed range */
#define SHIFAN_EUNKNOWN_KEY (-4)    /**< a key the format does not define */
#define SHIFAN_EDUPLICATE_KEY (-5)  /**< the same key twice in one object */
#define SHIFAN_EUNKNOWN_VALUE (-6)  /**< a string outside an enumeration */
#define SHIFAN_EINVALID_DATE (-7)   /**< not YYYY-MM-DD, or a day that does not exist */
#define SHIFAN_EINVALID_AMOUNT (-8) /**< money/percent with more than two decimals, or not a decimal */
#define SHIFAN_EINCONSISTENT (-9)   /**< a part larger than its whole; two exclusive forms together */
#define SHIFAN_EMISSING_REQUIRED (-10) /**< a required member is absent (schema, reference_date, ...) */
#define SHIFAN_EWRONG_SCHEMA (-11)  /**< `schema` names another format or version */
#define SHIFAN_ELIMIT_EXCEEDED (-12) /**< an input limit (size, depth, length) was exceeded */
#define SHIFAN_ERULE_PACK (-13)     /**< a rule pack is invalid or has no value in force on the date */
#define SHIFAN_EHISTORY (-14)       /**< a lifecycle event the rules forbid (see the event index) */
#define SHIFAN_EUSAGE (-15)         /**< API misuse: a NULL argument, a bad option, an index out of range */
#define SHIFAN_EINTERNAL (-16)      /**< a bug in shifan: please report it */
#define SHIFAN_ENOMEM (-100)        /**< out of memory */
#define SHIFAN_EHANDLE (-101)       /**< not a live handle of the expected kind (freed, or another kind) */

/**
 * Machine name of a status code: "ok", "syntax", "unknown_key", ..., "nomem", "handle";
 * "unknown" for a value this library does not know.
 * @return static string; never NULL. Thread-safe.
 */
SHIFAN_API const char *shifan_code_name(int32_t code);

/* ============================================================================================ */
/* Enumerations (int32_t values)                                                                 */
/* ============================================================================================ */

/** Languages of human-readable text. */
#define SHIFAN_LANG_ZH 0   /**< Chinese (authoritative, as the regulation) */
#define SHIFAN_LANG_EN 1   /**< English (a working rendering) */
#define SHIFAN_LANG_BOTH 2 /**< both (JSON: both members; plain text: "zh / en" or zh then en) */

/** Verdict of an evaluation. */
#define SHIFAN_VERDICT_ELIGIBLE 0
#define SHIFAN_VERDICT_INELIGIBLE 1
#define SHIFAN_VERDICT_UNDETERMINED 2
#define SHIFAN_VERDICT_NONE 255 /**< batch item that could not be evaluated (bad input) */

/** Outcome of one check. */
#define SHIFAN_OUTCOME_PASS 0
#define SHIFAN_OUTCOME_FAIL 1
#define SHIFAN_OUTCOME_UNDETERMINED 2
#define SHIFAN_OUTCOME_NOT_APPLICABLE 3

/** Kind of a check. */
#define SHIFAN_CHECK_RULE 0  /**< a leaf rule */
#define SHIFAN_CHECK_GROUP 1 /**< a group: art6, art6.1 .. art6.5, art7, art7.1 .. art7.5 */

/** Bits of the qualified-functions mask (art7, in its order). */
#define SHIFAN_FUNCTION_INFORMATION 0x01u
#define SHIFAN_FUNCTION_TECHNOLOGY 0x02u
#define SHIFAN_FUNCTION_ENTREPRENEURSHIP 0x04u
#define SHIFAN_FUNCTION_TRAINING 0x08u
#define SHIFAN_FUNCTION_FINANCING 0x10u

/** Dossier completeness (art9, art10). */
#define SHIFAN_DOSSIER_INCOMPLETE 0
#define SHIFAN_DOSSIER_COMPLETE 1
#define SHIFAN_DOSSIER_UNKNOWN 2 /**< `materials` absent from the application */

/* ============================================================================================ */
/* Strings and errors                                                                            */
/* ============================================================================================ */

/** Release a string the library returned through a `char **out` parameter. NULL is a no-op. */
SHIFAN_API void shifan_string_free(char *s);

/** An error: a status code, the JSON Pointer of the offending value, and the reason in zh and en. */
typedef struct shifan_error shifan_error;

/**
 * The calling thread's last error: set by every call that fails on this thread, kept until the next
 * failure or `shifan_clear_last_error()` (a success does not clear it; trust return codes).
 * @return borrowed from thread-local storage, valid until the next shifan call on this thread;
 *         never NULL (code `SHIFAN_OK` when nothing failed yet). Do not free it.
 */
SHIFAN_API const shifan_error *shifan_last_error(void);

/** Forget the calling thread's last error. */
SHIFAN_API void shifan_clear_last_error(void);

/**
 * Status code of `err`: a `SHIFAN_E*` value (`SHIFAN_OK` for "no error").
 * @return the code, or SHIFAN_EUSAGE / SHIFAN_EHANDLE when `err` is NULL / not an error.
 */
SHIFAN_API int32_t shifan_error_code(const shifan_error *err);

/**
 * JSON Pointer (RFC 6901) of the offending value, e.g. "/performance/satisfaction/satisfied";
 * "" when the error concerns the whole document or no document.
 * @return borrowed from `err`; NULL when `err` is NULL or invalid.
 */
SHIFAN_API const char *shifan_error_path(const shifan_error *err);

/**
 * The reason, without the path, in `lang` (SHIFAN_LANG_ZH, _EN; _BOTH gives "zh / en").
 * @return borrowed from `err`; NULL when `err` is NULL or invalid or `lang` unknown.
 */
SHIFAN_API const char *shifan_error_message(const shifan_error *err, int32_t lang);

/**
 * Index of the lifecycle event at fault, or -1: set for every error of a history's event (a
 * forbidden transition, or bad data under /events/<i>/).
 * @return the index, -1, or SHIFAN_EUSAGE / SHIFAN_EHANDLE for a NULL / invalid `err`.
 */
SHIFAN_API int64_t shifan_error_event_index(const shifan_error *err);

/**
 * The error as `{"error": {"code", "code_number", "path", "event_index"?, "event_type"?, "articles"?,
 * "message": {"zh","en"}}}` (`event_type` and `articles` for a forbidden transition)
 * (the CLI's and the batch's format; `code_number` is the core's positive code).
 * @param out     receives a string owned by the caller (free with shifan_string_free)
 * @param out_len receives its length; may be NULL
 * @return SHIFAN_OK, SHIFAN_EUSAGE, SHIFAN_EHANDLE or SHIFAN_ENOMEM.
 */
SHIFAN_API int shifan_error_to_json(char **out, size_t *out_len, const shifan_error *err);

/** Release an error returned through `shifan_error **err`. NULL is a no-op; a second free is ignored. */
SHIFAN_API void shifan_error_free(shifan_error *err);

/**
 * The type of the event a forbidden transition refused (SHIFAN_EHISTORY), e.g. "designated";
 * "" for every other error (bad data inside an event has an event index but no event type).
 * @return borrowed from `err` (valid until it is freed; for shifan_last_error(), until the thread's
 *         next call); NULL when `err` is NULL or invalid.
 */
SHIFAN_API const char *shifan_error_event_type(const shifan_error *err);

/**
 * How many articles a forbidden transition breaks (0 for other errors, and for dates running
 * backwards, which break no article).
 * @return the count, or SHIFAN_EUSAGE / SHIFAN_EHANDLE for a NULL / invalid `err`.
 */
SHIFAN_API int64_t shifan_error_article_count(const shifan_error *err);

/**
 * Article `index` (0-based, below shifan_error_article_count) a forbidden transition breaks, as an
 * id: "art8", "art12", "art14" ("第八条至第十一条" gives "art8" … "art11").
 * @return borrowed from `err`, as shifan_error_event_type; NULL when `err` is NULL or invalid or
 *         `index` is out of range (SHIFAN_EUSAGE, recorded as the thread's last error).
 */
SHIFAN_API const char *shifan_error_article(const shifan_error *err, size_t index);

/* ============================================================================================ */
/* Engine: a rule pack and a set of readings                                                     */
/* ============================================================================================ */

/**
 * An engine evaluates applications against one rule pack under one set of interpretations
 * (readings of ambiguous clauses). Thread-safety: evaluating with one engine from many threads at
 * once is safe; `shifan_engine_set_interpretation` is not thread-safe on its handle (configure the
 * engine first, then share it). Evaluations already made keep the rule pack and readings they used.
 */
typedef struct shifan_engine shifan_engine;

/**
 * An engine with the built-in rule pack `changzhi-municipal` and the default readings.
 * @param out receives the engine (caller's; free with shifan_engine_free)
 * @return SHIFAN_OK, SHIFAN_EUSAGE (out NULL), SHIFAN_ENOMEM.
 */
SHIFAN_API int shifan_engine_new(shifan_engine **out, shifan_error **err);

/**
 * An engine with a rule pack given as `shifan.rulepack/1` JSON (a pack with `"base":
 * "changzhi-municipal"` inherits the parameters it does not list).
 * @param json UTF-8 JSON text, `len` bytes (need not be NUL-terminated)
 * Reads the pack under the default input limits; shifan_engine_new_from_rule_pack_json_v2 (after
 * the options) takes the host's.
 * @return SHIFAN_OK; a parse error (SHIFAN_ESYNTAX .. SHIFAN_ERULE_PACK, with the JSON path) when the
 *         pack is invalid; SHIFAN_EUSAGE when out or json is NULL.
 */
SHIFAN_API int shifan_engine_new_from_rule_pack_json(shifan_engine **out, const char *json, size_t len,
                                                     shifan_error **err);

/**
 * Set one reading, e.g. ("growth", "non_decreasing"); see docs/specification.md §7 for the names
 * (growth, operating_period, summary_owed, deadline_rest_days) and their values. Not thread-safe on its handle.
 * @return SHIFAN_OK; SHIFAN_EUSAGE for an unknown name or value (the message lists the known ones)
 *         or NULL arguments; SHIFAN_EHANDLE for an invalid engine.
 */
SHIFAN_API int shifan_engine_set_interpretation(shifan_engine *engine, const char *name, const char *value,
                                                shifan_error **err);

/**
 * Give the engine a calendar of rest days (`shifan.calendar/1` JSON) for lifecycle deadlines
 * (Civil Code art. 203: a deadline on a rest day moves to the next working day). As with the CLI's
 * `--calendar`, this also selects the reading `deadline_rest_days = roll_forward` unless that reading
 * was set explicitly with shifan_engine_set_interpretation. Not thread-safe on its handle.
 * Reads the calendar under the default input limits; shifan_engine_set_calendar_json_v2 (after the
 * options) takes the host's. A calendar that fails to read leaves the engine unchanged.
 * @return SHIFAN_OK; a parse error with its JSON path; SHIFAN_EUSAGE / SHIFAN_EHANDLE.
 */
SHIFAN_API int shifan_engine_set_calendar_json(shifan_engine *engine, const char *json, size_t len,
                                               shifan_error **err);

/**
 * The value of one reading, e.g. "strict" for "growth".
 * @return static string; NULL when the engine is invalid or the name unknown.
 */
SHIFAN_API const char *shifan_engine_interpretation(const shifan_engine *engine, const char *name);

/** The rule pack's id, e.g. "changzhi-municipal". @return borrowed from the engine; NULL if invalid. */
SHIFAN_API const char *shifan_engine_rule_pack_id(const shifan_engine *engine);

/** The rule pack's version. @return borrowed from the engine; NULL if invalid. */
SHIFAN_API const char *shifan_engine_rule_pack_version(const shifan_engine *engine);

/**
 * The rule registry as `shifan.registry/1` JSON (the output of `shifan rules --json`): every rule and
 * group with its id, citation, title, inputs, and the engine's rule pack's parameter values.
 * @param out     receives the text (caller's; free with shifan_string_free)
 * @param out_len receives its length; may be NULL
 * @return SHIFAN_OK, SHIFAN_EUSAGE, SHIFAN_EHANDLE, SHIFAN_ENOMEM.
 */
SHIFAN_API int shifan_engine_rules_json(char **out, size_t *out_len, const shifan_engine *engine, shifan_error **err);

/** Release an engine. NULL is a no-op; a second free is ignored. Evaluations made with it stay valid. */
SHIFAN_API void shifan_engine_free(shifan_engine *engine);

/* ============================================================================================ */
/* Options                                                                                       */
/* ============================================================================================ */

/**
 * Input limits for the calls that read a document: evaluate, batch (its `limits`), histories, and
 * the `_v2` calls that read rule packs, calendars and county filings. Zero in a limit means "the
 * default". Exceeding a limit is SHIFAN_ELIMIT_EXCEEDED; its message names the limit, its value and
 * this member (the CLI's option of the same name, e.g. `--max-depth` for `max_depth`).
 */
typedef struct shifan_evaluate_options {
    unsigned int version;        /**< SHIFAN_EVALUATE_OPTIONS_VERSION */
    uint64_t max_document_bytes; /**< whole document (default 16 MiB) */
    uint64_t max_depth;          /**< nesting of objects and arrays (default 64) */
    uint64_t max_array_length;   /**< elements of any one array (default 1,000,000) */
    uint64_t max_string_bytes;   /**< bytes of any one string or key (default 64 KiB) */
} shifan_evaluate_options;

#define SHIFAN_EVALUATE_OPTIONS_VERSION 1
#define SHIFAN_EVALUATE_OPTIONS_INIT {SHIFAN_EVALUATE_OPTIONS_VERSION, 0, 0, 0, 0}

/**
 * Initialise `opts` as SHIFAN_EVALUATE_OPTIONS_INIT would, for callers without the macro.
 * @param version SHIFAN_EVALUATE_OPTIONS_VERSION (the version the caller was written against)
 * @return SHIFAN_OK; SHIFAN_EUSAGE for NULL or a version this library does not know.
 */
SHIFAN_API int shifan_evaluate_options_init(shifan_evaluate_options *opts, unsigned int version);

/** How an evaluation is written as `shifan.evaluation/1` JSON. */
typedef struct shifan_json_options {
    unsigned int version; /**< SHIFAN_JSON_OPTIONS_VERSION */
    int32_t lang;         /**< languages of the `message`/`summary` members (default SHIFAN_LANG_BOTH, as the CLI) */
    int32_t compact;      /**< nonzero: only verdict, qualified functions and checks that did not pass */
    int32_t messages;     /**< zero: omit the `message` and `summary` members (default nonzero) */
} shifan_json_options;

#define SHIFAN_JSON_OPTIONS_VERSION 1
#define SHIFAN_JSON_OPTIONS_INIT {SHIFAN_JSON_OPTIONS_VERSION, SHIFAN_LANG_BOTH, 0, 1}

/** Initialise `opts` as SHIFAN_JSON_OPTIONS_INIT. @return SHIFAN_OK or SHIFAN_EUSAGE. */
SHIFAN_API int shifan_json_options_init(shifan_json_options *opts, unsigned int version);

/* ============================================================================================ */
/* Engine: rule packs and calendars read under the host's input limits                           */
/* ============================================================================================ */

/**
 * As shifan_engine_new_from_rule_pack_json, reading the pack under the input limits `opts` (the
 * `shifan_evaluate_options` of the evaluate calls; a zero member is that limit's default). A pack
 * beyond a limit is SHIFAN_ELIMIT_EXCEEDED with the JSON path where the limit was crossed and a
 * message naming the limit, its value and the option that sets it.
 * @param out  receives the engine (caller's; free with shifan_engine_free); NULL on failure
 * @param json UTF-8 JSON text, `len` bytes (need not be NUL-terminated)
 * @param opts input limits; NULL for the defaults (then identical to
 *             shifan_engine_new_from_rule_pack_json)
 * @return SHIFAN_OK; a parse error (SHIFAN_ESYNTAX .. SHIFAN_ERULE_PACK, with the JSON path) when the
 *         pack is invalid or beyond a limit; SHIFAN_EUSAGE when out or json is NULL or `opts` has a
 *         version this library does not know; SHIFAN_ENOMEM.
 */
SHIFAN_API int shifan_engine_new_from_rule_pack_json_v2(shifan_engine **out, const char *json, size_t len,
                                                        const shifan_evaluate_options *opts, shifan_error **err);

/**
 * As shifan_engine_set_calendar_json, reading the calendar under the input limits `opts` (a zero
 * member is that limit's default). A calendar that fails to read, beyond a limit or otherwise,
 * leaves the engine unchanged (no calendar is set and the reading `deadline_rest_days` is kept).
 * Not thread-safe on its handle.
 * @param opts input limits; NULL for the defaults (then identical to shifan_engine_set_calendar_json)
 * @return SHIFAN_OK; a parse error with its JSON path (SHIFAN_ELIMIT_EXCEEDED beyond a limit, the
 *         message naming the limit and the option that sets it); SHIFAN_EUSAGE (NULL json with
 *         nonzero len, an unknown `opts` version); SHIFAN_EHANDLE; SHIFAN_ENOMEM.
 */
SHIFAN_API int shifan_engine_set_calendar_json_v2(shifan_engine *engine, const char *json, size_t len,
                                                  const shifan_evaluate_options *opts, shifan_error **err);

/* ============================================================================================ */
/* Evaluation of one application                                                                 */
/* ============================================================================================ */

/**
 * The evaluation of one application: every check with its outcome and numbers, the verdict, the
 * qualified functions, the missing inputs and the dossier. Immutable once made: any number of
 * threads may read one evaluation at once. Independent of its engine's lifetime.
 */
typedef struct shifan_evaluation shifan_evaluation;

/**
 * Evaluate one `shifan.application/1` document.
 * @param out    receives the evaluation (caller's; free with shifan_evaluation_free)
 * @param engine the engine (shared, read only)
 * @param json   UTF-8 JSON text of `len` bytes (need not be NUL-terminated)
 * @param opts   limits; NULL for the defaults
 * @return SHIFAN_OK (whatever the verdict); an input error (SHIFAN_ESYNTAX .. SHIFAN_ELIMIT_EXCEEDED,
 *         with the JSON path; bad input is an error, never a verdict); SHIFAN_ERULE_PACK when a
 *         dated parameter has no value on the reference date; SHIFAN_EUSAGE / SHIFAN_EHANDLE for
 *         NULL or invalid arguments; SHIFAN_ENOMEM.
 */
SHIFAN_API int shifan_evaluate(shifan_evaluation **out, const shifan_engine *engine, const char *json, size_t len,
                               const shifan_evaluate_options *opts, shifan_error **err);

/**
 * Evaluate one document and write the result as `shifan.evaluation/1` JSON in one call (JSON text
 * in, JSON text out: the fastest end-to-end path). Same errors as `shifan_evaluate`.
 * @param out     receives the JSON text (caller's; free with shifan_string_free)
 * @param out_len receives its length; may be NULL
 * @param json_opts how to write it; NULL for SHIFAN_JSON_OPTIONS_INIT (identical to `shifan evaluate --json`)
 */
SHIFAN_API int shifan_evaluate_to_json(char **out, size_t *out_len, const shifan_engine *engine, const char *json,
                                       size_t len, const shifan_evaluate_options *opts,
                                       const shifan_json_options *json_opts, shifan_error **err);

/** Verdict: SHIFAN_VERDICT_*; SHIFAN_EUSAGE / SHIFAN_EHANDLE for a NULL / invalid evaluation. */
SHIFAN_API int32_t shifan_evaluation_verdict(const shifan_evaluation *evaluation);

/** Qualified functions of art7 as a mask of SHIFAN_FUNCTION_* bits (0..31); negative code if invalid. */
SHIFAN_API int32_t shifan_evaluation_qualified_functions(const shifan_evaluation *evaluation);

/** The application's `id`. @return borrowed from the evaluation; NULL when absent or invalid. */
SHIFAN_API const char *shifan_evaluation_application_id(const shifan_evaluation *evaluation);

/** Review year Y (art12); negative code if invalid. */
SHIFAN_API int32_t shifan_evaluation_review_year(const shifan_evaluation *evaluation);

/** Reference date "YYYY-MM-DD". @return borrowed from the evaluation; NULL if invalid. */
SHIFAN_API const char *shifan_evaluation_reference_date(const shifan_evaluation *evaluation);

/** Id of the rule pack used. @return borrowed from the evaluation; NULL if invalid. */
SHIFAN_API const char *shifan_evaluation_rule_pack_id(const shifan_evaluation *evaluation);

/** Version of the rule pack used. @return borrowed from the evaluation; NULL if invalid. */
SHIFAN_API const char *shifan_evaluation_rule_pack_version(const shifan_evaluation *evaluation);

/**
 * Number of checks (every rule and group of art6 and art7, in result order: a group precedes its
 * children). The same for every evaluation of this library version; negative code if invalid.
 */
SHIFAN_API int32_t shifan_evaluation_check_count(const shifan_evaluation *evaluation);

/**
 * Index of the check with id `id` (e.g. "art6.2.satisfaction").
 * @return 0 .. count-1; SHIFAN_EUSAGE when `id` is NULL or unknown; SHIFAN_EHANDLE if invalid.
 */
SHIFAN_API int32_t shifan_evaluation_check_index(const shifan_evaluation *evaluation, const char *id);

/** Id of check `index`, e.g. "art6.1.total_assets". @return static; NULL if invalid or out of range. */
SHIFAN_API const char *shifan_evaluation_check_id(const shifan_evaluation *evaluation, size_t index);

/** Citation of check `index` in `lang` (ZH "第六条第（一）项", EN "Art. 6(1)"). @return static; NULL on error. */
SHIFAN_API const char *shifan_evaluation_check_citation(const shifan_evaluation *evaluation, size_t index,
                                                        int32_t lang);

/** What check `index` requires, for people, in `lang` (ZH or EN). @return static; NULL on error. */
SHIFAN_API const char *shifan_evaluation_check_title(const shifan_evaluation *evaluation, size_t index,
                                                     int32_t lang);

/** SHIFAN_CHECK_RULE or SHIFAN_CHECK_GROUP; negative code on error. */
SHIFAN_API int32_t shifan_evaluation_check_kind(const shifan_evaluation *evaluation, size_t index);

/** SHIFAN_OUTCOME_*; negative code on error. */
SHIFAN_API int32_t shifan_evaluation_check_outcome(const shifan_evaluation *evaluation, size_t index);

/**
 * Machine-readable reason of check `index`: "met", "below_threshold", "not_met", "zero_whole",
 * "missing_input", "not_claimed", ... (the `reason` member of the JSON).
 * @return static; NULL on error.
 */
SHIFAN_API const char *shifan_evaluation_check_reason(const shifan_evaluation *evaluation, size_t index);

/**
 * The numbers of a numeric check, as in the JSON (docs/specification.md §3.2): counts as integers
 * ("72"), money and percentages with two decimals ("999999.99", "79.16"), dates "YYYY-MM-DD".
 * @return borrowed from the evaluation; NULL when the check has no such number (JSON null), on error.
 */
SHIFAN_API const char *shifan_evaluation_check_actual(const shifan_evaluation *evaluation, size_t index);
SHIFAN_API const char *shifan_evaluation_check_required(const shifan_evaluation *evaluation, size_t index);
SHIFAN_API const char *shifan_evaluation_check_shortfall(const shifan_evaluation *evaluation, size_t index);

/**
 * The second comparison of a check whose rule has two thresholds that must both hold (e.g.
 * "art7.5.intermediary_route": financing obtained, then the number of activities): the name of the
 * member that holds it in the JSON ("activities"), whose numbers follow below.
 * @return static; NULL when the check has no second comparison (the JSON has no such member: a
 *         group, a rule with one threshold, or no figure to compare), on error. Clear the thread's
 *         last error first (shifan_clear_last_error) to tell the two apart: only an error sets it.
 */
SHIFAN_API const char *shifan_evaluation_check_second_name(const shifan_evaluation *evaluation, size_t index);

/**
 * The numbers of the check's second comparison (the `actual`, `required` and `shortfall` of its
 * member in the JSON), formatted as by shifan_evaluation_check_actual & co.
 * @return borrowed from the evaluation (computed on first use, thread-safe); NULL when the check
 *         has no second comparison or no such number (JSON null), on error.
 */
SHIFAN_API const char *shifan_evaluation_check_second_actual(const shifan_evaluation *evaluation, size_t index);
SHIFAN_API const char *shifan_evaluation_check_second_required(const shifan_evaluation *evaluation, size_t index);
SHIFAN_API const char *shifan_evaluation_check_second_shortfall(const shifan_evaluation *evaluation, size_t index);

/**
 * One sentence explaining check `index` in `lang` (ZH or EN), as in the report.
 * @return borrowed from the evaluation (computed on first use, thread-safe); NULL on error.
 */
SHIFAN_API const char *shifan_evaluation_check_message(const shifan_evaluation *evaluation, size_t index,
                                                       int32_t lang);

/** Number of missing inputs (absent inputs that made some check undetermined); negative on error. */
SHIFAN_API int32_t shifan_evaluation_missing_count(const shifan_evaluation *evaluation);

/** JSON Pointer of missing input `index`, e.g. "/performance/satisfaction". @return borrowed; NULL on error. */
SHIFAN_API const char *shifan_evaluation_missing(const shifan_evaluation *evaluation, size_t index);

/** SHIFAN_DOSSIER_COMPLETE, _INCOMPLETE or _UNKNOWN (no `materials`); negative on error. */
SHIFAN_API int32_t shifan_evaluation_dossier(const shifan_evaluation *evaluation);

/** Number of dossier items that fail (art9, art10); negative on error. */
SHIFAN_API int32_t shifan_evaluation_missing_material_count(const shifan_evaluation *evaluation);

/** Id of failing dossier item `index`, e.g. "art10.4". @return static; NULL on error. */
SHIFAN_API const char *shifan_evaluation_missing_material(const shifan_evaluation *evaluation, size_t index);

/**
 * The evaluation as `shifan.evaluation/1` JSON. With NULL options the text is byte-identical to
 * `shifan evaluate --json` (without its trailing newline).
 * @param out     receives the text (caller's; free with shifan_string_free)
 * @param out_len receives its length; may be NULL
 * @return SHIFAN_OK, SHIFAN_EUSAGE, SHIFAN_EHANDLE, SHIFAN_ENOMEM.
 */
SHIFAN_API int shifan_evaluation_to_json(char **out, size_t *out_len, const shifan_evaluation *evaluation,
                                         const shifan_json_options *opts, shifan_error **err);

/**
 * A plain-text report for people (the CLI's default output) in `lang` (ZH or EN; BOTH gives the
 * Chinese report, a blank line, then the English one).
 * @param out receives the text (caller's; free with shifan_string_free)
 * @return SHIFAN_OK, SHIFAN_EUSAGE (bad lang), SHIFAN_EHANDLE, SHIFAN_ENOMEM.
 */
SHIFAN_API int shifan_evaluation_report(char **out, size_t *out_len, const shifan_evaluation *evaluation,
                                        int32_t lang, shifan_error **err);

/** Release an evaluation. NULL is a no-op; a second free is ignored. */
SHIFAN_API void shifan_evaluation_free(shifan_evaluation *evaluation);

/* ============================================================================================ */
/* Batch: many applications in one call                                                          */
/* ============================================================================================ */

/** What a batch keeps besides the verdicts (flags of shifan_batch_options.flags). */
#define SHIFAN_BATCH_ITEM_JSON 0x1u  /**< write every item's JSON during the batch (in parallel) */
#define SHIFAN_BATCH_KEEP_INPUT 0x2u /**< keep a copy of the documents, so that an item's JSON or
                                          evaluation can be made later, on demand */

/**
 * Options of a batch run. The JSON and input-limit options are pointed to, not embedded, so that each
 * versioned struct can grow on its own.
 */
typedef struct shifan_batch_options {
    unsigned int version;                  /**< SHIFAN_BATCH_OPTIONS_VERSION */
    uint32_t jobs;                         /**< worker threads; 0 = the machine's core count */
    uint32_t flags;                        /**< SHIFAN_BATCH_* bits (default SHIFAN_BATCH_ITEM_JSON) */
    const shifan_json_options *json;       /**< how item JSON is written; NULL = SHIFAN_JSON_OPTIONS_INIT */
    const shifan_evaluate_options *limits; /**< limits applied to each document; NULL = the defaults */
} shifan_batch_options;

#define SHIFAN_BATCH_OPTIONS_VERSION 1
#define SHIFAN_BATCH_OPTIONS_INIT {SHIFAN_BATCH_OPTIONS_VERSION, 0, SHIFAN_BATCH_ITEM_JSON, NULL, NULL}

/** Initialise `opts` as SHIFAN_BATCH_OPTIONS_INIT. @return SHIFAN_OK or SHIFAN_EUSAGE. */
SHIFAN_API int shifan_batch_options_init(shifan_batch_options *opts, unsigned int version);

/**
 * The results of a batch, in input order. Immutable once made (readable from many threads), except
 * that on-demand items are computed under the batch's own lock.
 */
typedef struct shifan_batch shifan_batch;

/**
 * Evaluate `n` documents: document i is `docs[i]`, `lens[i]` bytes. Runs on `opts->jobs` threads.
 * One bad document gives that item an error status and never stops the others; the call itself
 * fails only for bad arguments or memory exhaustion.
 * @param out receives the batch (caller's; free with shifan_batch_free)
 * @return SHIFAN_OK; SHIFAN_EUSAGE (NULL out/engine, NULL docs or lens with n > 0, a NULL document
 *         with nonzero length, bad options); SHIFAN_EHANDLE; SHIFAN_ENOMEM.
 */
SHIFAN_API int shifan_evaluate_batch(shifan_batch **out, const shifan_engine *engine, const char *const *docs,
                                     const size_t *lens, size_t n, const shifan_batch_options *opts,
                                     shifan_error **err);

/**
 * As `shifan_evaluate_batch`, with the documents in one contiguous buffer (cheapest from an FFI):
 * document i is `buffer[offsets[i] .. offsets[i+1])`. `offsets` has n + 1 entries, non-decreasing,
 * the last at most `buffer_len`.
 * @return as shifan_evaluate_batch; SHIFAN_EUSAGE for bad offsets.
 */
SHIFAN_API int shifan_evaluate_batch_buffer(shifan_batch **out, const shifan_engine *engine, const char *buffer,
                                            size_t buffer_len, const size_t *offsets, size_t n,
                                            const shifan_batch_options *opts, shifan_error **err);

/** Number of items; negative code if invalid. (int64_t so that any size_t count fits for real input.) */
SHIFAN_API int64_t shifan_batch_count(const shifan_batch *batch);

/**
 * Fill caller arrays for all items in one call. Any array may be NULL (not wanted).
 * @param status    n entries: SHIFAN_OK or the item's negative SHIFAN_E* code
 * @param verdicts  n entries: SHIFAN_VERDICT_* (SHIFAN_VERDICT_NONE for a failed item)
 * @param functions n entries: SHIFAN_FUNCTION_* mask (0 for a failed item)
 * @param n         must equal shifan_batch_count(batch)
 * @return SHIFAN_OK; SHIFAN_EUSAGE when n differs; SHIFAN_EHANDLE.
 */
SHIFAN_API int shifan_batch_summary(const shifan_batch *batch, int32_t *status, uint8_t *verdicts,
                                    uint8_t *functions, size_t n, shifan_error **err);

/**
 * Item `index`'s JSON: its `shifan.evaluation/1` result, or `{"error": …}` when it failed. Needs
 * SHIFAN_BATCH_ITEM_JSON (written during the batch) or SHIFAN_BATCH_KEEP_INPUT (written now).
 * @param out receives the text (caller's; free with shifan_string_free)
 * @return SHIFAN_OK; SHIFAN_EUSAGE (index out of range, or neither flag was given); SHIFAN_EHANDLE.
 */
SHIFAN_API int shifan_batch_item_json(char **out, size_t *out_len, const shifan_batch *batch, size_t index,
                                      shifan_error **err);

/**
 * Item `index`'s error, when it failed (always available, whatever the flags).
 * @param out receives the error (caller's; free with shifan_error_free), or NULL when the item was
 *            evaluated
 * @return SHIFAN_OK (also for an evaluated item); SHIFAN_EUSAGE (index); SHIFAN_EHANDLE.
 */
SHIFAN_API int shifan_batch_item_error(shifan_error **out, const shifan_batch *batch, size_t index,
                                       shifan_error **err);

/**
 * Item `index` as a full evaluation handle, made now from the kept input (needs
 * SHIFAN_BATCH_KEEP_INPUT).
 * @param out receives the evaluation (caller's; free with shifan_evaluation_free)
 * @return SHIFAN_OK; the item's own error code when it failed; SHIFAN_EUSAGE (index, flag);
 *         SHIFAN_EHANDLE.
 */
SHIFAN_API int shifan_batch_item_evaluation(shifan_evaluation **out, const shifan_batch *batch, size_t index,
                                            shifan_error **err);

/** Release a batch. NULL is a no-op; a second free is ignored. */
SHIFAN_API void shifan_batch_free(shifan_batch *batch);

/* ============================================================================================ */
/* Policy simulation: the same applications under a baseline and an alternative                 */
/* ============================================================================================ */

/** Options of a comparison. The input-limit options are pointed to, not embedded. */
typedef struct shifan_compare_options {
    unsigned int version;                  /**< SHIFAN_COMPARE_OPTIONS_VERSION */
    uint32_t jobs;                         /**< threads evaluating; 0 = the machine's core count */
    uint64_t max_changed;                  /**< changed applications kept in detail (the first, in
                                                input order; counts always cover all); default 1000 */
    const shifan_evaluate_options *limits; /**< limits applied to each document; NULL = the defaults */
} shifan_compare_options;

#define SHIFAN_COMPARE_OPTIONS_VERSION 1
#define SHIFAN_COMPARE_OPTIONS_INIT {SHIFAN_COMPARE_OPTIONS_VERSION, 0, 1000, NULL}

/** Initialise `opts` as SHIFAN_COMPARE_OPTIONS_INIT. @return SHIFAN_OK or SHIFAN_EUSAGE. */
SHIFAN_API int shifan_compare_options_init(shifan_compare_options *opts, unsigned int version);

/**
 * A comparison in progress: every document fed is read once and evaluated under a baseline engine
 * and an alternative one (each a rule pack and readings), and what changes is tallied — the verdict
 * transition matrix, the art7 functions, every rule's outcomes on both sides, the changed
 * applications (bounded) and the parameters and readings that differ. Memory stays flat however
 * many documents are fed. Calls on one comparator are serialised by the comparator itself.
 */
typedef struct shifan_comparator shifan_comparator;

/**
 * Start a comparison. The comparator keeps what it needs of both engines: the engine handles may
 * be freed before it.
 * @param out         receives the comparator (caller's; free with shifan_comparator_free)
 * @param baseline    the engine as things are
 * @param alternative the engine as proposed
 * @param opts        threads, detail bound, input limits; NULL = SHIFAN_COMPARE_OPTIONS_INIT
 * @return SHIFAN_OK; SHIFAN_EUSAGE (NULL out or engine, bad options); SHIFAN_EHANDLE; SHIFAN_ENOMEM.
 */
SHIFAN_API int shifan_comparator_new(shifan_comparator **out, const shifan_engine *baseline,
                                     const shifan_engine *alternative, const shifan_compare_options *opts,
                                     shifan_error **err);

/**
 * Compare the next `n` documents (`shifan.application/1`; document i is `docs[i]`, `lens[i]` bytes), in
 * input order after those fed before. A bad document counts as an error on both sides and never stops
 * the others; the call itself fails only for bad arguments or memory exhaustion.
 * @return SHIFAN_OK; SHIFAN_EUSAGE (NULL docs or lens with n > 0, a NULL document with nonzero
 *         length); SHIFAN_EHANDLE; SHIFAN_ENOMEM.
 */
SHIFAN_API int shifan_comparator_add(shifan_comparator *comparator, const char *const *docs, const size_t *lens,
                                     size_t n, shifan_error **err);

/**
 * As shifan_comparator_add, with the documents in one buffer: document i is
 * `buffer[offsets[i] .. offsets[i+1])` (n + 1 offsets, non-decreasing, the last at most `buffer_len`).
 * @return as shifan_comparator_add; SHIFAN_EUSAGE for bad offsets.
 */
SHIFAN_API int shifan_comparator_add_buffer(shifan_comparator *comparator, const char *buffer, size_t buffer_len,
                                            const size_t *offsets, size_t n, shifan_error **err);

/**
 * The counts so far. Any pointer may be NULL (not wanted).
 * @param applications receives the number of documents compared
 * @param changed      receives the number whose result (verdict or error) changed
 * @param transitions  16 entries: [before * 4 + after], each 0 eligible, 1 ineligible,
 *                     2 undetermined, 3 error (the baseline's result is `before`)
 * @return SHIFAN_OK; SHIFAN_EUSAGE; SHIFAN_EHANDLE.
 */
SHIFAN_API int shifan_comparator_counts(const shifan_comparator *comparator, uint64_t *applications,
                                        uint64_t *changed, uint64_t *transitions, shifan_error **err);

/**
 * The comparison so far as `shifan.comparison/1` JSON (docs/schemas/comparison.schema.json), with the
 * `message` members in `lang` (SHIFAN_LANG_ZH, _EN or _BOTH).
 * @param out     receives the text (caller's; free with shifan_string_free)
 * @param out_len receives its length; may be NULL
 * @return SHIFAN_OK; SHIFAN_EUSAGE (bad lang); SHIFAN_EHANDLE; SHIFAN_ENOMEM.
 */
SHIFAN_API int shifan_comparator_to_json(char **out, size_t *out_len, const shifan_comparator *comparator,
                                         int32_t lang, shifan_error **err);

/**
 * The comparison so far as a plain-text report for people in `lang` (ZH or EN; BOTH gives the
 * Chinese report, a blank line, then the English one).
 * @param out     receives the text (caller's; free with shifan_string_free)
 * @param out_len receives its length; may be NULL
 * @return SHIFAN_OK; SHIFAN_EUSAGE (bad lang); SHIFAN_EHANDLE; SHIFAN_ENOMEM.
 */
SHIFAN_API int shifan_comparator_report(char **out, size_t *out_len, const shifan_comparator *comparator,
                                        int32_t lang, shifan_error **err);

/** Release a comparator. NULL is a no-op; a second free is ignored. */
SHIFAN_API void shifan_comparator_free(shifan_comparator *comparator);

/* ============================================================================================ */
/* Lifecycle: histories, status on a date, rosters (art8 - art15)                                */
/* ============================================================================================ */

/**
 * A platform's history (`shifan.history/1`): dated events, every one checked against the transition
 * rules. It takes from the engine it was made with the rule pack (term lengths, deadlines), the
 * readings `summary_owed` and `deadline_rest_days`, and the calendar (a snapshot: later changes to
 * the engine do not affect it). Reading (status, to_json, event count, rosters) is thread-safe, and
 * appending is serialised with reading on the same history by the library: one thread may append
 * while others read, and each reader sees the history before or after an append, never between.
 */
typedef struct shifan_history shifan_history;

/** A platform's status on a date (`shifan.status/1`). Immutable; readable from many threads. */
typedef struct shifan_status shifan_status;

/** County queries over many platforms on a date (`shifan.roster/1`). Immutable. */
typedef struct shifan_roster shifan_roster;

/**
 * Read a `shifan.history/1` document and check every event.
 * @param out    receives the history (caller's; free with shifan_history_free)
 * @param engine rule pack, readings and calendar to use
 * @param opts   input limits; NULL for the defaults
 * @return SHIFAN_OK; SHIFAN_EHISTORY for an event the rules forbid (the error names the event index
 *         (shifan_error_event_index), its type and the article, with the path /events/<i>/<member>);
 *         another input error with its JSON path; SHIFAN_EUSAGE / SHIFAN_EHANDLE; SHIFAN_ENOMEM.
 */
SHIFAN_API int shifan_history_new_from_json(shifan_history **out, const shifan_engine *engine, const char *json,
                                            size_t len, const shifan_evaluate_options *opts, shifan_error **err);

/**
 * Append one event, given as JSON (an element of `events`, e.g. `{"type": "annual_summary_filed",
 * "year": 2024, "date": "2025-02-20"}`), after checking it against the rules. A refused event leaves
 * the history exactly as it was. Serialised with every other use of the same history (one append at a
 * time; readers wait for it).
 * @return SHIFAN_OK; SHIFAN_EHISTORY (refused, with the event index it would have had); another input
 *         error with its path (/events/<i>/...); SHIFAN_EUSAGE / SHIFAN_EHANDLE.
 */
SHIFAN_API int shifan_history_append_event_json(shifan_history *history, const char *json, size_t len,
                                                shifan_error **err);

/** Number of events; negative code if invalid. */
SHIFAN_API int64_t shifan_history_event_count(const shifan_history *history);

/** The platform's `id`. @return borrowed from the history; NULL if invalid. */
SHIFAN_API const char *shifan_history_platform_id(const shifan_history *history);

/**
 * The history as `shifan.history/1` JSON (compact; reading it back gives the same history).
 * @param out receives the text (caller's; free with shifan_string_free)
 */
SHIFAN_API int shifan_history_to_json(char **out, size_t *out_len, const shifan_history *history,
                                      shifan_error **err);

/** Release a history. NULL is a no-op; a second free is ignored. */
SHIFAN_API void shifan_history_free(shifan_history *history);

/**
 * The status of the platform on date `on` ("YYYY-MM-DD"): only events dated on or before it count.
 * The system clock is never read.
 * @param out receives the status (caller's; free with shifan_status_free)
 * @return SHIFAN_OK; SHIFAN_EUSAGE (bad date, or roll_forward without a calendar); SHIFAN_ERULE_PACK;
 *         SHIFAN_EHANDLE.
 */
SHIFAN_API int shifan_history_status(shifan_status **out, const shifan_history *history, const char *on,
                                     shifan_error **err);

/**
 * One call from history JSON to status JSON: read `history_json` with `engine`, compute the status
 * on `on`, write it as `shifan.status/1` with messages in `lang` (SHIFAN_LANG_BOTH: the same bytes as
 * `shifan status --json --on DATE`).
 * @param out receives the text (caller's; free with shifan_string_free)
 */
SHIFAN_API int shifan_history_json_status(char **out, size_t *out_len, const shifan_engine *engine,
                                          const char *history_json, size_t len, const char *on, int32_t lang,
                                          const shifan_evaluate_options *opts, shifan_error **err);

/**
 * State on the date: "none", "candidate", "recommended", "not_recommended", "designated",
 * "rejected", "expired" or "revoked". @return static; NULL if invalid.
 */
SHIFAN_API const char *shifan_status_state(const shifan_status *status);

/** The date of the status, "YYYY-MM-DD". @return borrowed from the status; NULL if invalid. */
SHIFAN_API const char *shifan_status_on(const shifan_status *status);

/**
 * Days of validity left (`valid_until - on`, 0 on the last day).
 * @param days receives the number when there is one
 * @return 1 and `*days` set while the platform is designated on the date; 0 when it is not;
 *         SHIFAN_EUSAGE / SHIFAN_EHANDLE.
 */
SHIFAN_API int shifan_status_days_left(const shifan_status *status, int64_t *days);

/** Last day of the latest term, "YYYY-MM-DD". @return borrowed; NULL when never designated, or invalid. */
SHIFAN_API const char *shifan_status_valid_until(const shifan_status *status);

/** Earliest due date among pending obligations. @return borrowed; NULL when none, or invalid. */
SHIFAN_API const char *shifan_status_next_deadline(const shifan_status *status);

/**
 * Whether `applied {on, review_year = year of on}` would be accepted.
 * @return 1 yes, 0 no; SHIFAN_EUSAGE / SHIFAN_EHANDLE.
 */
SHIFAN_API int32_t shifan_status_may_apply_again(const shifan_status *status);

/** Why (or why not) it may apply again, in `lang` (ZH or EN). @return borrowed; NULL on error. */
SHIFAN_API const char *shifan_status_may_apply_again_reason(const shifan_status *status, int32_t lang);

/**
 * The status as `shifan.status/1` JSON; messages in `lang` (BOTH: objects {"zh", "en"}, as
 * `shifan status --json`).
 * @param out receives the text (caller's; free with shifan_string_free)
 */
SHIFAN_API int shifan_status_to_json(char **out, size_t *out_len, const shifan_status *status, int32_t lang,
                                     shifan_error **err);

/** The plain-text status report (as `shifan status`) in `lang` (BOTH: zh, a blank line, en). */
SHIFAN_API int shifan_status_report(char **out, size_t *out_len, const shifan_status *status, int32_t lang,
                                    shifan_error **err);

/** Release a status. NULL is a no-op; a second free is ignored. */
SHIFAN_API void shifan_status_free(shifan_status *status);

/**
 * County queries on date `on` over `n_histories` histories and the counties' art15 filings
 * (`shifan.county-filings/1` documents, `filings[i]` of `filings_lens[i]` bytes): every platform's
 * status, county report obligations, titles expiring in the year of `on`, overdue filings, and the
 * designated platforms counted by county and by function. The engine gives the rule pack, readings
 * and calendar. The histories are only read (and may be used by other threads meanwhile).
 * @param out receives the roster (caller's; free with shifan_roster_free)
 * @return SHIFAN_OK; a filings parse error (its message names the document index); SHIFAN_EINCONSISTENT
 *         when two histories share a platform id or two filings documents a county; SHIFAN_EUSAGE
 *         (bad date, NULL arrays or elements); SHIFAN_EHANDLE; SHIFAN_ERULE_PACK.
 * The filings are read under the default input limits; shifan_roster_new_v2 takes the host's.
 */
SHIFAN_API int shifan_roster_new(shifan_roster **out, const shifan_engine *engine,
                                 const shifan_history *const *histories, size_t n_histories,
                                 const char *const *filings, const size_t *filings_lens, size_t n_filings,
                                 const char *on, shifan_error **err);

/**
 * As shifan_roster_new, reading every filings document under the input limits `opts` (a zero
 * member is that limit's default). A document beyond a limit is SHIFAN_ELIMIT_EXCEEDED with the
 * JSON path in that document and a message that names the document index (`filings[i]`), the limit,
 * its value and the option that sets it. The histories were read when they were made (with the
 * limits given to shifan_history_new_from_json) and are not read again.
 * @param out  receives the roster (caller's; free with shifan_roster_free); NULL on failure
 * @param opts input limits for the filings; NULL for the defaults (then identical to
 *             shifan_roster_new)
 * @return as shifan_roster_new; also SHIFAN_EUSAGE for an `opts` version this library does not know.
 */
SHIFAN_API int shifan_roster_new_v2(shifan_roster **out, const shifan_engine *engine,
                                    const shifan_history *const *histories, size_t n_histories,
                                    const char *const *filings, const size_t *filings_lens, size_t n_filings,
                                    const char *on, const shifan_evaluate_options *opts, shifan_error **err);

/** The roster as `shifan.roster/1` JSON (BOTH: as `shifan roster --json`). Caller frees with shifan_string_free. */
SHIFAN_API int shifan_roster_to_json(char **out, size_t *out_len, const shifan_roster *roster, int32_t lang,
                                     shifan_error **err);

/** The plain-text roster report (as `shifan roster`). Caller frees with shifan_string_free. */
SHIFAN_API int shifan_roster_report(char **out, size_t *out_len, const shifan_roster *roster, int32_t lang,
                                    shifan_error **err);

/** What shifan_roster_html shows besides the roster itself. */
typedef struct shifan_roster_html_options {
    unsigned int version; /**< SHIFAN_ROSTER_HTML_OPTIONS_VERSION */
    int32_t soon_days;    /**< pending filings due within this many days of the roster's date are
                               listed as coming soon (default 30, as `shifan roster --html`; >= 0) */
    const char *subtitle; /**< a line under the page's title, e.g. the county the page is for (UTF-8,
                               NUL-terminated, HTML-escaped by the library); NULL or "" for none */
} shifan_roster_html_options;

#define SHIFAN_ROSTER_HTML_OPTIONS_VERSION 1
#define SHIFAN_ROSTER_HTML_OPTIONS_INIT {SHIFAN_ROSTER_HTML_OPTIONS_VERSION, 30, NULL}

/** Initialise `opts` as SHIFAN_ROSTER_HTML_OPTIONS_INIT. @return SHIFAN_OK or SHIFAN_EUSAGE. */
SHIFAN_API int shifan_roster_html_options_init(shifan_roster_html_options *opts, unsigned int version);

/**
 * The roster as one self-contained HTML page (UTF-8) for a county officer: the page
 * `shifan roster --html FILE` writes (the same bytes for the same roster and options), Chinese first
 * with an English toggle; summary counts, overdue filings, filings due soon, every platform, the
 * terms on a timeline, titles ending this year, the counties' art15 reports and the designated
 * platforms by function and county. It needs no network, quotes every input text HTML-escaped and
 * reads no clock.
 * @param out     receives the page (caller's; free with shifan_string_free); NULL on failure
 * @param out_len receives its length in bytes; may be NULL
 * @param opts    NULL for SHIFAN_ROSTER_HTML_OPTIONS_INIT
 * @return SHIFAN_OK; SHIFAN_EUSAGE (NULL out, an `opts` version this library does not know, a
 *         negative `soon_days`, a `subtitle` that is not UTF-8); SHIFAN_EHANDLE; SHIFAN_ENOMEM.
 */
SHIFAN_API int shifan_roster_html(char **out, size_t *out_len, const shifan_roster *roster,
                                  const shifan_roster_html_options *opts, shifan_error **err);

/** Release a roster. NULL is a no-op; a second free is ignored. */
SHIFAN_API void shifan_roster_free(shifan_roster *roster);

/* ============================================================================================ */
/* Applications as spreadsheet rows: the CSV application sheet                                  */
/* ============================================================================================ */

/** The character encoding of a CSV sheet (shifan_csv_options.encoding). */
#define SHIFAN_CSV_DETECT 0  /**< UTF-8 (with or without a byte order mark) when valid UTF-8, else GB18030 */
#define SHIFAN_CSV_UTF8 1    /**< UTF-8, with or without a byte order mark */
#define SHIFAN_CSV_GB18030 2 /**< GB18030 (and so GBK): what spreadsheet programs write on Chinese Windows */

/** Options of shifan_csv_import. The input-limit options are pointed to, not embedded. */
typedef struct shifan_csv_options {
    unsigned int version;                  /**< SHIFAN_CSV_OPTIONS_VERSION */
    int32_t encoding;                      /**< SHIFAN_CSV_DETECT (default), SHIFAN_CSV_UTF8 or SHIFAN_CSV_GB18030 */
    const shifan_evaluate_options *limits; /**< the sheet's size (max_document_bytes), each cell's length
                                                (max_string_bytes) and each row's document; NULL = the defaults */
    int32_t row_numbers;                   /**< nonzero: a good row's line is `{"row": N, "application": {...}}`
                                                (default 0: the document alone, as `shifan convert --csv`) */
} shifan_csv_options;

#define SHIFAN_CSV_OPTIONS_VERSION 1
#define SHIFAN_CSV_OPTIONS_INIT {SHIFAN_CSV_OPTIONS_VERSION, SHIFAN_CSV_DETECT, NULL, 0}

/** Initialise `opts` as SHIFAN_CSV_OPTIONS_INIT. @return SHIFAN_OK or SHIFAN_EUSAGE. */
SHIFAN_API int shifan_csv_options_init(shifan_csv_options *opts, unsigned int version);

/**
 * The empty application sheet (what `shifan template --csv` writes): UTF-8 with a byte order mark,
 * CRLF line ends, row 1 the headers in words with units, row 2 the field ids (JSON Pointers); one
 * column per input of the registry, after the application's own fields (docs/specification.md,
 * "Applications as CSV").
 * @param out         receives the CSV text (caller's; free with shifan_string_free)
 * @param lang        language of the headers: SHIFAN_LANG_ZH or SHIFAN_LANG_EN
 * @param review_year the review year whose years the year-keyed columns name (1903–2999); 0: the
 *                    columns name years relative to each row's review year (`{Y-1}`)
 * @return SHIFAN_OK; SHIFAN_EUSAGE (NULL out, another language, a review year out of range);
 *         SHIFAN_ENOMEM.
 */
SHIFAN_API int shifan_csv_template(char **out, size_t *out_len, int32_t lang, int32_t review_year, shifan_error **err);

/**
 * Read a CSV application sheet into `shifan.application/1` documents, one NDJSON line per
 * application row (rows whose cells are all empty are skipped): the row's document, or, for a bad
 * row, `{"row": N, "errors": [{"cell": "C7", "column": 3, "header": {"zh", "en"}, "code",
 * "code_number", "path", "message": {"zh", "en"}}, ...]}` with every bad cell (`cell` absent for a
 * fault of the row as a whole). A bad row never stops the others.
 * @param out      receives the NDJSON text, each line ending in "\n" (caller's; free with shifan_string_free)
 * @param csv      the sheet's bytes (`len` of them; NULL only when len is 0)
 * @param opts     encoding and limits; NULL = SHIFAN_CSV_OPTIONS_INIT
 * @param bad_rows receives the number of bad rows (may be NULL)
 * @return SHIFAN_OK (also when some rows are bad); the error's code for a fault of the whole sheet
 *         (bytes that are not text in the encoding, malformed CSV, no header row, a column that is
 *         not one of the sheet's or appears twice, a sheet over the size limit); SHIFAN_EUSAGE
 *         (NULL out, bad options); SHIFAN_ENOMEM.
 */
SHIFAN_API int shifan_csv_import(char **out, size_t *out_len, const char *csv, size_t len,
                                 const shifan_csv_options *opts, size_t *bad_rows, shifan_error **err);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* SHIFAN_H */
