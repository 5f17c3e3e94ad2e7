/* History integrity through the C interface (docs/hardening.md, history integrity):
 *  - every example history, and every history built by appending its events one by one, round-trips
 *    through JSON unchanged (load, to JSON, load, to JSON: byte-identical);
 *  - every kind of refusal the lifecycle has (dates running backwards, each transition rule, a rule
 *    pack without a value in force, and every kind of bad event text) returns its error code and
 *    leaves the history's JSON, event count and status byte-identical;
 *  - every prefix of every example history, and every example with bytes flipped, is an error with
 *    no handle made (or, when the corruption still reads as a valid history, one that round-trips),
 *    never a crash; the handles already made are unchanged.
 * usage: test_history_integrity HISTORY.json...  (shifan.history/1 files) */
#include "capi_test.h"

#define MAX_EVENTS 64

static const shifan_engine *engine;

/* The JSON of `h` (caller frees), or NULL after a failed check. */
static char *to_json(const shifan_history *h, size_t *len) {
    char *out = NULL;
    size_t n = 0;
    CHECK_EQ_INT(shifan_history_to_json(&out, &n, h, NULL), SHIFAN_OK);
    if (out) CHECK_EQ_INT(strlen(out), n);
    if (len) *len = n;
    return out;
}

/* The status of `h` on `on` as JSON (both languages), or NULL. */
static char *status_json(const shifan_history *h, const char *on) {
    shifan_status *st = NULL;
    char *out = NULL;
    CHECK_EQ_INT(shifan_history_status(&st, h, on, NULL), SHIFAN_OK);
    if (st) CHECK_EQ_INT(shifan_status_to_json(&out, NULL, st, SHIFAN_LANG_BOTH, NULL), SHIFAN_OK);
    shifan_status_free(st);
    return out;
}

static shifan_history *load_text(const shifan_engine *eng, const char *text, size_t len) {
    shifan_history *h = NULL;
    shifan_error *err = NULL;
    int rc = shifan_history_new_from_json(&h, eng, text, len, NULL, &err);
    CHECK_EQ_INT(rc, SHIFAN_OK);
    if (rc) fprintf(stderr, "  %s: %s\n", shifan_error_path(err), shifan_error_message(err, SHIFAN_LANG_EN));
    shifan_error_free(err);
    return h;
}

/* load -> to JSON -> load -> to JSON is byte-identical, and a third pass too; returns the JSON. */
static char *check_round_trip(const shifan_history *h, const char *what) {
    size_t len1 = 0, len2 = 0;
    char *a = to_json(h, &len1);
    char *b = NULL;
    shifan_history *copy;
    int failures = test_failures;
    if (!a) return NULL;
    copy = load_text(engine, a, len1);
    if (copy) {
        b = to_json(copy, &len2);
        CHECK(b && len1 == len2 && memcmp(a, b, len1) == 0);
        CHECK_EQ_INT(shifan_history_event_count(copy), shifan_history_event_count(h));
        CHECK_EQ_STR(shifan_history_platform_id(copy), shifan_history_platform_id(h));
    }
    if (test_failures != failures) fprintf(stderr, "  round trip of %s:\n  %s\n  %s\n", what, a, b ? b : "(null)");
    shifan_string_free(b);
    shifan_history_free(copy);
    return a;
}

/* The events of a compact history JSON (as written by shifan_history_to_json): each element of the
 * top-level "events" array, as [start, end) offsets. Returns the count; *platform_end receives the
 * offset of ',"events":[' (the document up to it is schema + platform). */
static int split_events(const char *json, size_t *starts, size_t *ends, size_t *platform_end) {
    const char *p = strstr(json, ",\"events\":[");
    size_t i;
    int depth = 0, in_string = 0, n = 0;
    if (!p) return -1;
    *platform_end = (size_t)(p - json);
    i = *platform_end + strlen(",\"events\":[");
    for (; json[i]; ++i) {
        char c = json[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = 0;
            continue;
        }
        if (c == '"') in_string = 1;
        else if (c == '{' || c == '[') {
            if (depth++ == 0 && n < MAX_EVENTS) starts[n] = i;
        } else if (c == '}' || c == ']') {
            if (depth == 0) break; /* the end of the events array */
            if (--depth == 0 && n < MAX_EVENTS) ends[n++] = i + 1;
        }
    }
    return n;
}

/* Every history made by appending an example's events one at a time round-trips, and equals the
 * history read from the document holding the same events. */
static void test_built_by_appending(const char *name, const char *json) {
    size_t starts[MAX_EVENTS], ends[MAX_EVENTS], platform_end = 0;
    int n = split_events(json, starts, ends, &platform_end), i;
    char *doc = NULL;
    size_t doc_len = 0, cap = strlen(json) + 64;
    shifan_history *h;
    CHECK(n > 0 && n < MAX_EVENTS);
    if (n <= 0) return;
    doc = (char *)malloc(cap);
    memcpy(doc, json, platform_end);
    doc_len = platform_end;
    memcpy(doc + doc_len, ",\"events\":[]}", 14);
    h = load_text(engine, doc, doc_len + 13);
    CHECK_EQ_INT(shifan_history_event_count(h), 0);
    shifan_string_free(check_round_trip(h, name));
    memcpy(doc + doc_len, ",\"events\":[", 11);
    doc_len += 11;
    for (i = 0; i < n; ++i) {
        shifan_history *from_doc;
        char *a, *b;
        size_t len_a = 0, len_b = 0;
        CHECK_EQ_INT(shifan_history_append_event_json(h, json + starts[i], ends[i] - starts[i], NULL), SHIFAN_OK);
        CHECK_EQ_INT(shifan_history_event_count(h), i + 1);
        a = check_round_trip(h, name);
        /* the document with the first i + 1 events reads as the same history */
        if (i) doc[doc_len++] = ',';
        memcpy(doc + doc_len, json + starts[i], ends[i] - starts[i]);
        doc_len += ends[i] - starts[i];
        memcpy(doc + doc_len, "]}", 2);
        from_doc = load_text(engine, doc, doc_len + 2);
        b = from_doc ? to_json(from_doc, &len_b) : NULL;
        len_a = a ? strlen(a) : 0;
        CHECK(a && b && len_a == len_b && memcmp(a, b, len_a) == 0);
        shifan_string_free(a);
        shifan_string_free(b);
        shifan_history_free(from_doc);
    }
    /* all appended: the same bytes as the example read whole */
    {
        char *all = to_json(h, NULL);
        CHECK(all && strcmp(all, json) == 0);
        shifan_string_free(all);
    }
    shifan_history_free(h);
    free(doc);
}

/* --------------------------------------------------------------------------------------------- */
/* Refusals                                                                                        */

struct refusal {
    const char *what;
    const char *history; /* events of the history, as JSON array elements */
    const char *event;   /* the event appended (NULL-terminated text) */
    int code;            /* expected status code */
    const char *path;    /* expected JSON Pointer (exact) */
    long event_index;    /* expected event index (every error of the appended event names it) */
};

#define APPLIED_2024 "{\"type\":\"applied\",\"date\":\"2024-03-20\",\"review_year\":2024}"
#define RECOMMENDED_2024 "{\"type\":\"recommended\",\"date\":\"2024-04-30\",\"county\":\"上党区\"}"
#define DESIGNATED_2024 "{\"type\":\"designated\",\"date\":\"2024-07-01\",\"document_no\":\"长中小企服〔2024〕12号\",\"functions\":[\"technology\"]}"
#define DESIGNATED_PLATFORM APPLIED_2024 "," RECOMMENDED_2024 "," DESIGNATED_2024

static const struct refusal refusals[] = {
    /* dates never run backwards */
    {"date before the last event's", DESIGNATED_PLATFORM, "{\"type\":\"annual_summary_filed\",\"year\":2024,\"date\":\"2024-06-30\"}", SHIFAN_EHISTORY, "/events/3/date", 3},
    {"date before the last event's (no article)", APPLIED_2024, "{\"type\":\"recommended\",\"date\":\"2024-03-19\",\"county\":\"x\"}", SHIFAN_EHISTORY, "/events/1/date", 1},
    /* applied (art12, art14) */
    {"review year neither the year of the date nor the next", "", "{\"type\":\"applied\",\"date\":\"2024-03-20\",\"review_year\":2026}", SHIFAN_EHISTORY, "/events/0/review_year", 0},
    {"review year before the date's year", "", "{\"type\":\"applied\",\"date\":\"2024-03-20\",\"review_year\":2023}", SHIFAN_EHISTORY, "/events/0/review_year", 0},
    {"second application for one review year", APPLIED_2024, "{\"type\":\"applied\",\"date\":\"2024-05-20\",\"review_year\":2024}", SHIFAN_EHISTORY, "/events/1/review_year", 1},
    {"review year before one already applied for", "{\"type\":\"applied\",\"date\":\"2024-12-20\",\"review_year\":2025},{\"type\":\"not_recommended\",\"date\":\"2024-12-30\",\"reason\":\"x\"}", "{\"type\":\"applied\",\"date\":\"2024-12-31\",\"review_year\":2024}", SHIFAN_EHISTORY, "/events/2/review_year", 2},
    {"applying while the title is valid, not in its last year", DESIGNATED_PLATFORM, "{\"type\":\"applied\",\"date\":\"2025-03-01\",\"review_year\":2025}", SHIFAN_EHISTORY, "/events/3/review_year", 3},
    /* recommendation (art8, art9) */
    {"recommended with no application", "", "{\"type\":\"recommended\",\"date\":\"2024-04-30\",\"county\":\"x\"}", SHIFAN_EHISTORY, "/events/0/type", 0},
    {"recommended twice", APPLIED_2024 "," RECOMMENDED_2024, "{\"type\":\"recommended\",\"date\":\"2024-05-30\",\"county\":\"x\"}", SHIFAN_EHISTORY, "/events/2/type", 2},
    {"not_recommended after recommended", APPLIED_2024 "," RECOMMENDED_2024, "{\"type\":\"not_recommended\",\"date\":\"2024-05-30\",\"reason\":\"x\"}", SHIFAN_EHISTORY, "/events/2/type", 2},
    {"recommended while designated", DESIGNATED_PLATFORM, "{\"type\":\"recommended\",\"date\":\"2024-08-01\",\"county\":\"x\"}", SHIFAN_EHISTORY, "/events/3/type", 3},
    /* decisions (art8-art11) */
    {"designated before the county's recommendation", APPLIED_2024, "{\"type\":\"designated\",\"date\":\"2024-07-01\",\"document_no\":\"x\"}", SHIFAN_EHISTORY, "/events/1/type", 1},
    {"designated with no application", "", "{\"type\":\"designated\",\"date\":\"2024-07-01\",\"document_no\":\"x\"}", SHIFAN_EHISTORY, "/events/0/type", 0},
    {"rejected before the county's recommendation", APPLIED_2024, "{\"type\":\"rejected\",\"date\":\"2024-07-01\",\"reason\":\"x\"}", SHIFAN_EHISTORY, "/events/1/type", 1},
    {"designated twice", DESIGNATED_PLATFORM, "{\"type\":\"designated\",\"date\":\"2024-08-01\",\"document_no\":\"x\"}", SHIFAN_EHISTORY, "/events/3/type", 3},
    {"rejected after not_recommended", APPLIED_2024 ",{\"type\":\"not_recommended\",\"date\":\"2024-04-30\",\"reason\":\"x\"}", "{\"type\":\"rejected\",\"date\":\"2024-07-01\",\"reason\":\"x\"}", SHIFAN_EHISTORY, "/events/2/type", 2},
    /* revocation (art14) */
    {"violation of a platform never designated", APPLIED_2024, "{\"type\":\"violation_confirmed\",\"date\":\"2024-05-01\",\"finding\":\"x\"}", SHIFAN_EHISTORY, "/events/1/date", 1},
    {"conduct after its confirmation", DESIGNATED_PLATFORM, "{\"type\":\"violation_confirmed\",\"date\":\"2025-05-01\",\"conduct_on\":\"2025-05-02\",\"finding\":\"x\"}", SHIFAN_EHISTORY, "/events/3/conduct_on", 3},
    {"conduct before the term", DESIGNATED_PLATFORM, "{\"type\":\"violation_confirmed\",\"date\":\"2025-05-01\",\"conduct_on\":\"2024-06-30\",\"finding\":\"x\"}", SHIFAN_EHISTORY, "/events/3/conduct_on", 3},
    {"conduct after the term", DESIGNATED_PLATFORM, "{\"type\":\"violation_confirmed\",\"date\":\"2027-09-01\",\"finding\":\"x\"}", SHIFAN_EHISTORY, "/events/3/date", 3},
    {"conduct after a revocation", DESIGNATED_PLATFORM ",{\"type\":\"violation_confirmed\",\"date\":\"2025-05-01\",\"finding\":\"x\"}", "{\"type\":\"violation_confirmed\",\"date\":\"2025-06-01\",\"finding\":\"y\"}", SHIFAN_EHISTORY, "/events/4/date", 4},
    /* the event's text */
    {"empty text", DESIGNATED_PLATFORM, "", SHIFAN_ESYNTAX, "/events/3", 3},
    {"truncated event", DESIGNATED_PLATFORM, "{\"type\":\"annual_summary_filed\",\"year\":2024,\"da", SHIFAN_ESYNTAX, "/events/3", 3},
    {"trailing garbage", DESIGNATED_PLATFORM, "{\"type\":\"annual_summary_filed\",\"year\":2024,\"date\":\"2025-02-20\"} x", SHIFAN_ESYNTAX, "/events/3", 3},
    {"two events in one call", DESIGNATED_PLATFORM, "{\"type\":\"annual_summary_filed\",\"year\":2024,\"date\":\"2025-02-20\"}{\"type\":\"annual_summary_filed\",\"year\":2025,\"date\":\"2026-02-20\"}", SHIFAN_ESYNTAX, "/events/3", 3},
    {"byte order mark", DESIGNATED_PLATFORM, "\xEF\xBB\xBF{\"type\":\"annual_summary_filed\",\"year\":2024,\"date\":\"2025-02-20\"}", SHIFAN_ESYNTAX, "/events/3", 3},
    {"invalid UTF-8", DESIGNATED_PLATFORM, "{\"type\":\"annual_summary_filed\",\"year\":2024,\"date\":\"2025-02-20\",\"note\":\"\xC0\xAF\"}", SHIFAN_ESYNTAX, "/events/3/note", 3},
    {"an array, not an event", DESIGNATED_PLATFORM, "[]", SHIFAN_EWRONG_TYPE, "/events/3", 3},
    {"a number, not an event", DESIGNATED_PLATFORM, "42", SHIFAN_EWRONG_TYPE, "/events/3", 3},
    {"unknown event type", DESIGNATED_PLATFORM, "{\"type\":\"suspended\",\"date\":\"2025-01-10\"}", SHIFAN_EUNKNOWN_VALUE, "/events/3/type", 3},
    {"missing type", DESIGNATED_PLATFORM, "{\"date\":\"2025-01-10\"}", SHIFAN_EMISSING_REQUIRED, "/events/3/type", 3},
    {"missing date", DESIGNATED_PLATFORM, "{\"type\":\"annual_summary_filed\",\"year\":2024}", SHIFAN_EMISSING_REQUIRED, "/events/3/date", 3},
    {"unknown key", DESIGNATED_PLATFORM, "{\"type\":\"annual_summary_filed\",\"year\":2024,\"date\":\"2025-02-20\",\"by\":1}", SHIFAN_EUNKNOWN_KEY, "/events/3/by", 3},
    {"duplicate key", DESIGNATED_PLATFORM, "{\"type\":\"annual_summary_filed\",\"year\":2024,\"date\":\"2025-02-20\",\"year\":2025}", SHIFAN_EDUPLICATE_KEY, "/events/3/year", 3},
    {"impossible date", DESIGNATED_PLATFORM, "{\"type\":\"annual_summary_filed\",\"year\":2025,\"date\":\"2026-02-29\"}", SHIFAN_EINVALID_DATE, "/events/3/date", 3},
    {"month 13", DESIGNATED_PLATFORM, "{\"type\":\"annual_summary_filed\",\"year\":2025,\"date\":\"2025-13-01\"}", SHIFAN_EINVALID_DATE, "/events/3/date", 3},
    {"a number where a string is expected", DESIGNATED_PLATFORM, "{\"type\":\"annual_summary_filed\",\"year\":2024,\"date\":20250220}", SHIFAN_EWRONG_TYPE, "/events/3/date", 3},
    {"a string where a number is expected", DESIGNATED_PLATFORM, "{\"type\":\"annual_summary_filed\",\"year\":\"2024\",\"date\":\"2025-02-20\"}", SHIFAN_EWRONG_TYPE, "/events/3/year", 3},
    {"year out of range", DESIGNATED_PLATFORM, "{\"type\":\"annual_summary_filed\",\"year\":1899,\"date\":\"2025-02-20\"}", SHIFAN_EOUT_OF_RANGE, "/events/3/year", 3},
    {"a function repeated", APPLIED_2024 "," RECOMMENDED_2024, "{\"type\":\"designated\",\"date\":\"2024-07-01\",\"document_no\":\"x\",\"functions\":[\"training\",\"training\"]}", SHIFAN_EINCONSISTENT, "/events/2/functions/1", 2},
    {"nesting beyond the default depth", DESIGNATED_PLATFORM, "{\"type\":\"annual_summary_filed\",\"year\":2024,\"date\":\"2025-02-20\",\"note\":" "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}", SHIFAN_ELIMIT_EXCEEDED, NULL, 3},
};

/* A history of the platform "CZ-INT" with `events` (array elements). */
static shifan_history *history_with(const shifan_engine *eng, const char *events, const shifan_evaluate_options *opts) {
    static char doc[8192];
    shifan_history *h = NULL;
    shifan_error *err = NULL;
    int rc;
    snprintf(doc, sizeof doc,
             "{\"schema\":\"shifan.history/1\",\"platform\":{\"id\":\"CZ-INT\",\"county\":\"上党区\"},\"events\":[%s]}", events);
    rc = shifan_history_new_from_json(&h, eng, doc, strlen(doc), opts, &err);
    CHECK_EQ_INT(rc, SHIFAN_OK);
    if (rc) fprintf(stderr, "  %s: %s\n", shifan_error_path(err), shifan_error_message(err, SHIFAN_LANG_EN));
    shifan_error_free(err);
    return h;
}

/* Append `event` (len bytes) to `h`; it must be refused with `code` at `path` (NULL: any path) and
 * `event_index`, leaving the JSON, the count and the status on two dates exactly as they were. */
static void expect_refused(shifan_history *h, const char *what, const char *event, size_t len, int code,
                           const char *path, long event_index) {
    size_t len0 = 0, len1 = 0;
    char *json0 = to_json(h, &len0), *json1;
    char *st0 = status_json(h, "2025-04-15"), *st0b = status_json(h, "2031-12-31"), *st1, *st1b;
    int64_t count0 = shifan_history_event_count(h);
    shifan_error *err = NULL;
    int failures = test_failures;
    int rc = shifan_history_append_event_json(h, event, len, &err);
    CHECK_EQ_INT(rc, code);
    CHECK(err != NULL);
    if (err) {
        CHECK_EQ_INT(shifan_error_code(err), rc);
        if (path) CHECK_EQ_STR(shifan_error_path(err), path);
        CHECK_EQ_INT(shifan_error_event_index(err), event_index);
        CHECK(shifan_error_message(err, SHIFAN_LANG_ZH) && shifan_error_message(err, SHIFAN_LANG_EN));
        /* A refused transition names the event's type and the articles it breaks; bad data names none. */
        if (code == SHIFAN_EHISTORY) {
            const char *type = shifan_error_event_type(err);
            CHECK(type && strlen(type) > 0 && strstr(event, type) != NULL);
            CHECK(shifan_error_article_count(err) >= 0);
            if (shifan_error_article_count(err) > 0) {
                const char *a = shifan_error_article(err, 0);
                CHECK(a && strncmp(a, "art", 3) == 0);
            }
            CHECK(shifan_error_article(err, (size_t)shifan_error_article_count(err)) == NULL);
            CHECK_EQ_INT(shifan_error_code(shifan_last_error()), SHIFAN_EUSAGE);
        } else {
            CHECK_EQ_STR(shifan_error_event_type(err), "");
            CHECK_EQ_INT(shifan_error_article_count(err), 0);
        }
    }
    if (code == SHIFAN_EHISTORY) { /* the last error was replaced by the out-of-range article above */
        shifan_error *again = NULL;
        CHECK_EQ_INT(shifan_history_append_event_json(h, event, len, &again), rc);
        shifan_error_free(again);
    }
    CHECK_EQ_INT(shifan_error_code(shifan_last_error()), rc);
    json1 = to_json(h, &len1);
    CHECK(json0 && json1 && len0 == len1 && memcmp(json0, json1, len0) == 0);
    CHECK_EQ_INT(shifan_history_event_count(h), count0);
    st1 = status_json(h, "2025-04-15");
    st1b = status_json(h, "2031-12-31");
    CHECK(st0 && st1 && strcmp(st0, st1) == 0);
    CHECK(st0b && st1b && strcmp(st0b, st1b) == 0);
    if (test_failures != failures)
        fprintf(stderr, "  refusal \"%s\": %s at %s\n", what, err ? shifan_error_message(err, SHIFAN_LANG_EN) : "(no error)",
                err ? shifan_error_path(err) : "");
    shifan_error_free(err);
    shifan_string_free(json0);
    shifan_string_free(json1);
    shifan_string_free(st0);
    shifan_string_free(st0b);
    shifan_string_free(st1);
    shifan_string_free(st1b);
}

static void test_refusals(void) {
    size_t i;
    for (i = 0; i < sizeof refusals / sizeof refusals[0]; ++i) {
        const struct refusal *r = &refusals[i];
        shifan_history *h = history_with(engine, r->history, NULL);
        if (!h) continue;
        expect_refused(h, r->what, r->event, strlen(r->event), r->code, r->path, r->event_index);
        /* the same event refused a second time: still unchanged (no hidden state was left) */
        expect_refused(h, r->what, r->event, strlen(r->event), r->code, r->path, r->event_index);
        /* and the history still takes an event the rules allow */
        {
            static const char ok[] = "{\"type\":\"annual_summary_filed\",\"year\":2031,\"date\":\"2032-01-10\"}";
            CHECK_EQ_INT(shifan_history_append_event_json(h, ok, strlen(ok), NULL), SHIFAN_OK);
            shifan_string_free(check_round_trip(h, r->what));
        }
        shifan_history_free(h);
    }
    /* NULL text with a length; a NULL or foreign handle */
    {
        shifan_history *h = history_with(engine, DESIGNATED_PLATFORM, NULL);
        char *before = to_json(h, NULL), *after;
        CHECK_EQ_INT(shifan_history_append_event_json(h, NULL, 5, NULL), SHIFAN_EUSAGE);
        CHECK_EQ_INT(shifan_history_append_event_json(NULL, "{}", 2, NULL), SHIFAN_EUSAGE);
        CHECK_EQ_INT(shifan_history_append_event_json((shifan_history *)(void *)engine, "{}", 2, NULL), SHIFAN_EHANDLE);
        after = to_json(h, NULL);
        CHECK(before && after && strcmp(before, after) == 0);
        shifan_string_free(before);
        shifan_string_free(after);
        shifan_history_free(h);
    }
    /* a designation whose term length has no value in force on its date (the engine's rule pack) */
    {
        static const char pack[] =
            "{\"schema\":\"shifan.rulepack/1\",\"id\":\"late-validity\",\"version\":\"1\",\"base\":\"changzhi-municipal\","
            "\"parameters\":{\"validity_years\":[{\"from\":\"2025-01-01\",\"value\":3}]}}";
        shifan_engine *eng = NULL;
        shifan_history *h;
        CHECK_EQ_INT(shifan_engine_new_from_rule_pack_json(&eng, pack, strlen(pack), NULL), SHIFAN_OK);
        h = history_with(eng, APPLIED_2024 "," RECOMMENDED_2024, NULL);
        if (h) {
            expect_refused(h, "no validity_years in force", DESIGNATED_2024, strlen(DESIGNATED_2024), SHIFAN_ERULE_PACK,
                           NULL, 2);
            shifan_history_free(h);
        }
        shifan_engine_free(eng);
    }
    /* limits the host set when reading the history apply to the events appended later */
    {
        shifan_evaluate_options opts = SHIFAN_EVALUATE_OPTIONS_INIT;
        shifan_history *h;
        static const char long_note[] =
            "{\"type\":\"annual_summary_filed\",\"year\":2024,\"date\":\"2025-02-20\",\"note\":\"0123456789012345678901234567890123456789x\"}";
        static const char deep[] =
            "{\"type\":\"annual_summary_filed\",\"year\":2024,\"date\":\"2025-02-20\",\"note\":[[[[\"x\"]]]]}";
        opts.max_string_bytes = 40;
        opts.max_depth = 4; /* the history: document, events, an event, its functions */
        h = history_with(engine, DESIGNATED_PLATFORM, &opts);
        if (h) {
            expect_refused(h, "string beyond max_string_bytes", long_note, strlen(long_note), SHIFAN_ELIMIT_EXCEEDED,
                           "/events/3/note", 3);
            expect_refused(h, "nesting beyond max_depth", deep, strlen(deep), SHIFAN_ELIMIT_EXCEEDED,
                           "/events/3/note/0/0/0", 3);
            CHECK(strstr(shifan_error_message(shifan_last_error(), SHIFAN_LANG_EN), "depth") != NULL);
            shifan_history_free(h);
        }
    }
}

/* --------------------------------------------------------------------------------------------- */
/* Truncated and corrupted documents                                                               */

static int is_input_error(int rc) { return rc <= SHIFAN_ESYNTAX && rc >= SHIFAN_EHISTORY; }

/* Read `text`: either an input error with no handle, or a history that round-trips. Returns rc. */
static int read_damaged(const char *text, size_t len, const char *what, size_t at) {
    shifan_history *h = (shifan_history *)(void *)&h; /* must come back NULL on failure */
    shifan_error *err = NULL;
    char *status = (char *)(void *)&status;
    int rc = shifan_history_new_from_json(&h, engine, text, len, NULL, &err);
    if (rc) {
        int failures = test_failures;
        CHECK(h == NULL);
        CHECK(is_input_error(rc));
        CHECK(err != NULL && shifan_error_code(err) == rc);
        CHECK(err && shifan_error_path(err) && (shifan_error_path(err)[0] == '\0' || shifan_error_path(err)[0] == '/'));
        CHECK(err && shifan_error_message(err, SHIFAN_LANG_BOTH) != NULL);
        if (test_failures != failures) fprintf(stderr, "  %s at byte %lu: rc %d\n", what, (unsigned long)at, rc);
        shifan_error_free(err);
        /* the one-call path refuses it the same way, with no output */
        CHECK_EQ_INT(shifan_history_json_status(&status, NULL, engine, text, len, "2025-04-15", SHIFAN_LANG_BOTH, NULL, NULL),
                     rc);
        CHECK(status == NULL);
        return rc;
    }
    CHECK(h != NULL && err == NULL);
    if (h) {
        shifan_string_free(check_round_trip(h, what));
        shifan_string_free(status_json(h, "2026-03-02"));
    }
    shifan_history_free(h);
    return rc;
}

static void test_damaged(const char *name, const char *text, size_t len, const shifan_history *intact) {
    char *before = to_json(intact, NULL), *after;
    char *copy = (char *)malloc(len + 1);
    size_t last = len, i, accepted = 0, refused = 0;
    static const unsigned char masks[] = {0x01, 0x02, 0x20, 0x40, 0x80, 0xFF};
    unsigned m;
    while (last && (text[last - 1] == ' ' || text[last - 1] == '\n' || text[last - 1] == '\r' || text[last - 1] == '\t'))
        --last;
    /* every prefix shorter than the closing brace is an error; from it on, the document reads */
    for (i = 0; i < last; ++i) {
        memcpy(copy, text, i);
        CHECK(read_damaged(copy, i, name, i) != SHIFAN_OK);
    }
    for (i = last; i <= len; ++i) CHECK_EQ_INT(read_damaged(text, i, name, i), SHIFAN_OK);
    /* every byte flipped, under several masks */
    for (m = 0; m < sizeof masks; ++m)
        for (i = 0; i < len; ++i) {
            memcpy(copy, text, len);
            copy[i] = (char)(copy[i] ^ masks[m]);
            if (read_damaged(copy, len, name, i)) ++refused;
            else ++accepted;
        }
    /* a byte deleted, or a byte duplicated */
    for (i = 0; i < len; ++i) {
        memcpy(copy, text, i);
        memcpy(copy + i, text + i + 1, len - i - 1);
        if (read_damaged(copy, len - 1, name, i)) ++refused;
        else ++accepted;
    }
    CHECK(refused > accepted);
    /* a history already read is not touched by any of this */
    after = to_json(intact, NULL);
    CHECK(before && after && strcmp(before, after) == 0);
    printf("%s: %lu prefixes refused; %lu corruptions refused, %lu still valid (round-trip checked)\n", name,
           (unsigned long)last, (unsigned long)refused, (unsigned long)accepted);
    shifan_string_free(before);
    shifan_string_free(after);
    free(copy);
}

/* Every prefix of an event given to append is refused and changes nothing. */
static void test_truncated_events(void) {
    static const char event[] =
        "{\"type\":\"violation_confirmed\",\"date\":\"2025-05-12\",\"conduct_on\":\"2025-03-01\",\"finding\":\"虚报服务数据\","
        "\"note\":\"a \\\"quoted\\\" \\u957f\\u6cbb note\"}";
    shifan_history *h = history_with(engine, DESIGNATED_PLATFORM, NULL);
    size_t i, n = strlen(event);
    if (!h) return;
    for (i = 0; i < n; ++i) {
        size_t len0 = 0, len1 = 0;
        char *a = to_json(h, &len0), *b;
        int rc = shifan_history_append_event_json(h, event, i, NULL);
        CHECK(rc != SHIFAN_OK && is_input_error(rc));
        b = to_json(h, &len1);
        CHECK(a && b && len0 == len1 && memcmp(a, b, len0) == 0);
        shifan_string_free(a);
        shifan_string_free(b);
    }
    CHECK_EQ_INT(shifan_history_event_count(h), 3);
    CHECK_EQ_INT(shifan_history_append_event_json(h, event, n, NULL), SHIFAN_OK);
    CHECK_EQ_INT(shifan_history_event_count(h), 4);
    shifan_string_free(check_round_trip(h, "appended violation"));
    shifan_history_free(h);
}

/* Strings that exercise the writer's escaping round-trip unchanged. */
static void test_escapes_round_trip(void) {
    static const char events[] =
        "{\"type\":\"applied\",\"date\":\"2024-03-20\",\"review_year\":2024,"
        "\"note\":\"quote \\\" backslash \\\\ slash \\/ controls \\b\\f\\n\\r\\t\\u0001\\u001f del \\u007f "
        "nul \\u0000 ls \\u2028 ps \\u2029 astral \\ud83d\\ude00 \xF0\x9F\x98\x80 长治\"}";
    shifan_history *h = history_with(engine, events, NULL);
    if (h) {
        shifan_string_free(check_round_trip(h, "escapes"));
        shifan_history_free(h);
    }
}

int main(int argc, char **argv) {
    shifan_engine *eng = NULL;
    int i;
    require_args(argc, 2, "test_history_integrity HISTORY.json...");
    CHECK_EQ_INT(shifan_engine_new(&eng, NULL), SHIFAN_OK);
    engine = eng;
    for (i = 1; i < argc; ++i) {
        size_t len;
        char *text = read_file(argv[i], &len);
        shifan_history *h = load_text(engine, text, len);
        char *json;
        if (!h) {
            free(text);
            continue;
        }
        json = check_round_trip(h, argv[i]);
        if (json) test_built_by_appending(argv[i], json);
        test_damaged(argv[i], text, len, h);
        shifan_string_free(json);
        shifan_history_free(h);
        free(text);
    }
    test_refusals();
    test_truncated_events();
    test_escapes_round_trip();
    shifan_engine_free(eng);
    return test_summary("test_history_integrity");
}
