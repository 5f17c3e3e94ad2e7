/* Input limits through the C interface (docs/hardening.md, limits): every entry point that reads a
 * document applies the limits (document size, nesting depth, array length, string length), with the
 * error SHIFAN_ELIMIT_EXCEEDED, the JSON Pointer where the limit was crossed and a message naming the
 * limit, its value and the option that sets it (`max_depth`, `--max-depth`). Where the host passes
 * shifan_evaluate_options, its values apply (0 = the default): evaluate, batch, histories, and the _v2
 * calls for rule packs, calendars and county filings; the calls without options (and the _v2 calls
 * given NULL) read with the defaults.
 * usage: test_limits APPLICATION.json HISTORY.json */
#include "capi_test.h"

#define MIB16 (16u * 1024u * 1024u)
#define KIB64 (64u * 1024u)

struct buf {
    char *p;
    size_t n, cap;
};

static void put(struct buf *b, const char *s, size_t n) {
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->p = (char *)realloc(b->p, b->cap);
        if (!b->p) exit(2);
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}
static void puts_(struct buf *b, const char *s) { put(b, s, strlen(s)); }
static void repeat(struct buf *b, const char *s, size_t times) {
    size_t i, n = strlen(s);
    for (i = 0; i < times; ++i) put(b, s, n);
}

/* The option that sets the limit called `names` in messages, as the C struct and the CLI name it. */
static const char *option_of(const char *names, int cli) {
    if (strstr(names, "document size")) return cli ? "--max-document-bytes" : "max_document_bytes";
    if (strstr(names, "nesting depth")) return cli ? "--max-depth" : "max_depth";
    if (strstr(names, "array length")) return cli ? "--max-array-length" : "max_array_length";
    if (strstr(names, "string length")) return cli ? "--max-string-bytes" : "max_string_bytes";
    return "?";
}

/* rc must be SHIFAN_ELIMIT_EXCEEDED with `path` and an English message containing `names` and the
 * number `value`, messages in both languages naming the option that sets the limit; the error
 * object and the last error agree. Frees err. */
static void expect_limit(const char *what, int rc, shifan_error *err, const char *path, const char *names,
                         unsigned long value) {
    char number[32];
    const char *en = err ? shifan_error_message(err, SHIFAN_LANG_EN) : NULL;
    const char *zh = err ? shifan_error_message(err, SHIFAN_LANG_ZH) : NULL;
    int failures = test_failures;
    snprintf(number, sizeof number, "%lu", value);
    CHECK_EQ_INT(rc, SHIFAN_ELIMIT_EXCEEDED);
    CHECK(err != NULL);
    if (err) {
        CHECK_EQ_INT(shifan_error_code(err), SHIFAN_ELIMIT_EXCEEDED);
        if (path) CHECK_EQ_STR(shifan_error_path(err), path);
        CHECK(en && strstr(en, names) != NULL);
        CHECK(en && strstr(en, number) != NULL);
        CHECK(zh && strstr(zh, number) != NULL);
        CHECK(en && strstr(en, option_of(names, 0)) != NULL);
        CHECK(en && strstr(en, option_of(names, 1)) != NULL);
        CHECK(zh && strstr(zh, option_of(names, 0)) != NULL);
        CHECK(zh && strstr(zh, option_of(names, 1)) != NULL);
    }
    if (test_failures != failures)
        fprintf(stderr, "  %s: rc %d, path %s, message %s\n", what, rc, err ? shifan_error_path(err) : "-", en ? en : "-");
    shifan_error_free(err);
}

/* `call` is evaluated before `err` is read (function arguments have no order in C). */
#define EXPECT_LIMIT(what, call, path, names, value)          \
    do {                                                      \
        int rc_ = (call);                                     \
        expect_limit(what, rc_, err, path, names, value);     \
        err = NULL;                                           \
    } while (0)

static const char *application;
static size_t application_len;
static const char *history;
static size_t history_len;

/* ---- one limit at a time, the others their defaults, on an application and on a history --------- */
enum entry { EVALUATE, HISTORY, CALENDAR };
enum limit { DOCUMENT, DEPTH, ARRAY, STRING };

/* Set one limit of `opts`. */
static void set_limit(shifan_evaluate_options *opts, enum limit limit, unsigned long value) {
    if (limit == DOCUMENT) opts->max_document_bytes = value;
    else if (limit == DEPTH) opts->max_depth = value;
    else if (limit == ARRAY) opts->max_array_length = value;
    else opts->max_string_bytes = value;
}

static const struct limit_case {
    const char *what;
    enum entry entry;
    enum limit limit;
    unsigned long value;
    const char *path; /* NULL: not checked */
    const char *names;
} single_limits[] = {
    {"evaluate: depth", EVALUATE, DEPTH, 2, NULL, "nesting depth"},
    {"evaluate: array", EVALUATE, ARRAY, 3, "/materials/3", "array length"},
    {"evaluate: string", EVALUATE, STRING, 8, NULL, "string length"},
    {"history: events", HISTORY, ARRAY, 2, "/events/2", "array length"},
    {"history: depth", HISTORY, DEPTH, 2, "/events/0", "nesting depth"},
    {"history: string", HISTORY, STRING, 8, NULL, "string length"},
};

static void test_single_limits(const shifan_engine *engine) {
    size_t i;
    for (i = 0; i < sizeof single_limits / sizeof single_limits[0]; ++i) {
        const struct limit_case *c = &single_limits[i];
        shifan_evaluate_options opts = SHIFAN_EVALUATE_OPTIONS_INIT;
        shifan_error *err = NULL;
        set_limit(&opts, c->limit, c->value);
        if (c->entry == EVALUATE) {
            shifan_evaluation *ev = NULL;
            EXPECT_LIMIT(c->what, shifan_evaluate(&ev, engine, application, application_len, &opts, &err), c->path,
                         c->names, c->value);
            CHECK(ev == NULL);
        } else {
            shifan_history *h = NULL;
            EXPECT_LIMIT(c->what, shifan_history_new_from_json(&h, engine, history, history_len, &opts, &err), c->path,
                         c->names, c->value);
            CHECK(h == NULL);
        }
    }
}

/* ---- applications: shifan_evaluate, shifan_evaluate_to_json, batch -------------------------------- */
static void test_evaluate(const shifan_engine *engine) {
    shifan_evaluate_options opts = SHIFAN_EVALUATE_OPTIONS_INIT;
    shifan_evaluation *ev = NULL;
    shifan_error *err = NULL;
    char *out = NULL;
    struct buf b = {0, 0, 0};
    int rc;

    /* the host's limits, one at a time */
    opts.max_document_bytes = 100;
    rc = shifan_evaluate(&ev, engine, application, application_len, &opts, &err);
    CHECK(ev == NULL);
    expect_limit("evaluate: document", rc, err, "", "document size", 100);
    rc = shifan_evaluate_to_json(&out, NULL, engine, application, application_len, &opts, NULL, &err);
    CHECK(out == NULL);
    expect_limit("evaluate_to_json: document", rc, err, "", "document size", 100);
    /* depth, arrays and strings: test_single_limits */
    /* zero everywhere is the defaults: the application is read */
    opts.max_document_bytes = 0;
    CHECK_EQ_INT(shifan_evaluate(&ev, engine, application, application_len, &opts, NULL), SHIFAN_OK);
    shifan_evaluation_free(ev);
    ev = NULL;

    /* the defaults, with NULL options */
    puts_(&b, "{\"schema\":\"shifan.application/1\",\"reference_date\":\"2025-04-15\",\"applicant\":{\"name\":\"");
    repeat(&b, "x", KIB64 + 1);
    puts_(&b, "\"}}");
    EXPECT_LIMIT("evaluate: default string", shifan_evaluate(&ev, engine, b.p, b.n, NULL, &err), "/applicant/name",
                 "string length", KIB64);
    b.n = 0;
    repeat(&b, "[", 65);
    repeat(&b, "]", 65);
    EXPECT_LIMIT("evaluate: default depth", shifan_evaluate(&ev, engine, b.p, b.n, NULL, &err), NULL, "nesting depth",
                 64);
    b.n = 0;
    puts_(&b, "{\"schema\":\"shifan.application/1\",\"reference_date\":\"2025-04-15\",\"materials\":[0");
    repeat(&b, ",0", 1000000);
    puts_(&b, "]}");
    EXPECT_LIMIT("evaluate: default array", shifan_evaluate(&ev, engine, b.p, b.n, NULL, &err), "/materials/1000000",
                 "array length", 1000000);
    b.n = 0;
    puts_(&b, application);
    repeat(&b, " ", MIB16 + 1 - application_len);
    EXPECT_LIMIT("evaluate: default document", shifan_evaluate(&ev, engine, b.p, b.n, NULL, &err), "",
                 "document size", MIB16);

    /* a batch applies its limits to each item */
    {
        shifan_batch_options bopts = SHIFAN_BATCH_OPTIONS_INIT;
        shifan_batch *batch = NULL;
        const char *docs[2];
        size_t lens[2];
        int32_t status[2];
        opts.max_array_length = 3;
        bopts.limits = &opts;
        bopts.jobs = 1;
        docs[0] = application;
        lens[0] = application_len;
        docs[1] = "{\"schema\":\"shifan.application/1\",\"reference_date\":\"2025-04-15\"}";
        lens[1] = strlen(docs[1]);
        CHECK_EQ_INT(shifan_evaluate_batch(&batch, engine, docs, lens, 2, &bopts, NULL), SHIFAN_OK);
        CHECK_EQ_INT(shifan_batch_summary(batch, status, NULL, NULL, 2, NULL), SHIFAN_OK);
        CHECK_EQ_INT(status[0], SHIFAN_ELIMIT_EXCEEDED);
        CHECK_EQ_INT(status[1], SHIFAN_OK);
        CHECK_EQ_INT(shifan_batch_item_error(&err, batch, 0, NULL), SHIFAN_OK);
        EXPECT_LIMIT("batch item", shifan_error_code(err), "/materials/3", "array length", 3);
        shifan_batch_free(batch);
    }
    free(b.p);
}

/* ---- rule packs: shifan_engine_new_from_rule_pack_json reads with the default limits ---------------- */
static void test_rule_pack(void) {
    static const char head[] = "{\"schema\":\"shifan.rulepack/1\",\"id\":\"p\",\"version\":\"1\",\"base\":\"changzhi-municipal\",";
    shifan_engine *engine = (shifan_engine *)(void *)&engine;
    shifan_error *err = NULL;
    struct buf b = {0, 0, 0};

    puts_(&b, head);
    puts_(&b, "\"description\":\"");
    repeat(&b, "d", KIB64 + 1);
    puts_(&b, "\",\"parameters\":{}}");
    EXPECT_LIMIT("rule pack: string", shifan_engine_new_from_rule_pack_json(&engine, b.p, b.n, &err), "/description",
                 "string length", KIB64);
    CHECK(engine == NULL);
    EXPECT_LIMIT("rule pack v2 NULL: string", shifan_engine_new_from_rule_pack_json_v2(&engine, b.p, b.n, NULL, &err),
                 "/description", "string length", KIB64);
    CHECK(engine == NULL);
    b.n = 0;
    puts_(&b, head);
    puts_(&b, "\"parameters\":{\"min_staff\":");
    repeat(&b, "[", 63);
    repeat(&b, "]", 63);
    puts_(&b, "}}");
    EXPECT_LIMIT("rule pack: depth", shifan_engine_new_from_rule_pack_json(&engine, b.p, b.n, &err), NULL,
                 "nesting depth", 64);
    b.n = 0;
    puts_(&b, head);
    puts_(&b, "\"parameters\":{\"min_staff\":[0");
    repeat(&b, ",0", 1000000);
    puts_(&b, "]}}");
    EXPECT_LIMIT("rule pack: array", shifan_engine_new_from_rule_pack_json(&engine, b.p, b.n, &err),
                 "/parameters/min_staff/1000000", "array length", 1000000);
    b.n = 0;
    puts_(&b, head);
    puts_(&b, "\"parameters\":{}}");
    repeat(&b, " ", MIB16);
    EXPECT_LIMIT("rule pack: document", shifan_engine_new_from_rule_pack_json(&engine, b.p, b.n, &err), "",
                 "document size", MIB16);
    CHECK(engine == NULL);
    free(b.p);
}

/* ---- histories: the host's limits at reading, kept for the events appended later ----------------- */
static void test_history(const shifan_engine *engine) {
    shifan_evaluate_options opts = SHIFAN_EVALUATE_OPTIONS_INIT;
    shifan_history *h = (shifan_history *)(void *)&h;
    shifan_error *err = NULL;
    char *out = (char *)(void *)&out;
    struct buf b = {0, 0, 0};

    opts.max_document_bytes = 64;
    EXPECT_LIMIT("history: document", shifan_history_new_from_json(&h, engine, history, history_len, &opts, &err),
                 "", "document size", 64);
    CHECK(h == NULL);
    EXPECT_LIMIT("history_json_status: document",
                 shifan_history_json_status(&out, NULL, engine, history, history_len, "2025-04-15", SHIFAN_LANG_BOTH, &opts,
                                            &err), "", "document size", 64);
    CHECK(out == NULL);
    opts.max_document_bytes = 0;
    /* events, depth and strings: test_single_limits */

    /* the defaults */
    puts_(&b, "{\"schema\":\"shifan.history/1\",\"platform\":{\"id\":\"X\",\"name\":\"");
    repeat(&b, "n", KIB64 + 1);
    puts_(&b, "\"},\"events\":[]}");
    EXPECT_LIMIT("history: default string", shifan_history_new_from_json(&h, engine, b.p, b.n, NULL, &err),
                 "/platform/name", "string length", KIB64);
    b.n = 0;
    puts_(&b, "{\"schema\":\"shifan.history/1\",\"platform\":{\"id\":\"X\"},\"events\":[{}");
    repeat(&b, ",{}", 1000000);
    puts_(&b, "]}");
    EXPECT_LIMIT("history: default array", shifan_history_new_from_json(&h, engine, b.p, b.n, NULL, &err),
                 "/events/1000000", "array length", 1000000);
    b.n = 0;
    puts_(&b, history);
    repeat(&b, "\n", MIB16 + 1 - history_len);
    EXPECT_LIMIT("history: default document", shifan_history_new_from_json(&h, engine, b.p, b.n, NULL, &err), "",
                 "document size", MIB16);
    CHECK(h == NULL);
    free(b.p);
}

/* ---- calendars and county filings: the defaults (no options, or NULL) -------------------------------------------------- */
static void test_calendar_and_filings(const shifan_engine *engine) {
    shifan_engine *e = NULL;
    shifan_roster *roster = (shifan_roster *)(void *)&roster;
    shifan_error *err = NULL;
    struct buf b = {0, 0, 0};
    const char *docs[1];
    size_t lens[1];

    CHECK_EQ_INT(shifan_engine_new(&e, NULL), SHIFAN_OK);
    puts_(&b, "{\"schema\":\"shifan.calendar/1\",\"rest_days\":[\"2026-01-01\"");
    repeat(&b, ",\"2026-01-01\"", 1000000);
    puts_(&b, "]}");
    EXPECT_LIMIT("calendar: default array", shifan_engine_set_calendar_json(e, b.p, b.n, &err), "/rest_days/1000000",
                 "array length", 1000000);
    b.n = 0;
    puts_(&b, "{\"schema\":\"shifan.calendar/1\",\"rest_days\":");
    repeat(&b, "[", 64);
    repeat(&b, "]", 64);
    puts_(&b, "}");
    EXPECT_LIMIT("calendar: default depth", shifan_engine_set_calendar_json(e, b.p, b.n, &err), NULL, "nesting depth",
                 64);
    EXPECT_LIMIT("calendar v2 NULL: default depth", shifan_engine_set_calendar_json_v2(e, b.p, b.n, NULL, &err), NULL,
                 "nesting depth", 64);
    /* the engine is unchanged: still no calendar, still the literal reading */
    CHECK_EQ_STR(shifan_engine_interpretation(e, "deadline_rest_days"), "literal");
    shifan_engine_free(e);

    b.n = 0;
    puts_(&b, "{\"schema\":\"shifan.county-filings/1\",\"county\":\"");
    repeat(&b, "c", KIB64 + 1);
    puts_(&b, "\",\"filings\":[]}");
    docs[0] = b.p;
    lens[0] = b.n;
    EXPECT_LIMIT("county filings: default string",
                 shifan_roster_new(&roster, engine, NULL, 0, docs, lens, 1, "2025-04-15", &err), "/county",
                 "string length", KIB64);
    EXPECT_LIMIT("county filings v2 NULL: default string",
                 shifan_roster_new_v2(&roster, engine, NULL, 0, docs, lens, 1, "2025-04-15", NULL, &err), "/county",
                 "string length", KIB64);
    CHECK(roster == NULL);
    free(b.p);
}

/* ---- rule packs: shifan_engine_new_from_rule_pack_json_v2 applies the host's limits ---------------- */
static const char small_pack[] =
    "{\"schema\":\"shifan.rulepack/1\",\"id\":\"p\",\"version\":\"1\",\"base\":\"changzhi-municipal\","
    "\"parameters\":{\"min_smes_served\":[{\"from\":\"1900-01-01\",\"value\":80},{\"from\":\"2026-01-01\",\"value\":100}]}}";

static void test_rule_pack_host_limits(void) {
    shifan_evaluate_options opts = SHIFAN_EVALUATE_OPTIONS_INIT;
    const size_t n = strlen(small_pack);
    shifan_engine *engine = (shifan_engine *)(void *)&engine;
    shifan_error *err = NULL;

    opts.max_document_bytes = 64;
    EXPECT_LIMIT("rule pack v2: document", shifan_engine_new_from_rule_pack_json_v2(&engine, small_pack, n, &opts, &err),
                 "", "document size", 64);
    CHECK(engine == NULL);
    opts.max_document_bytes = 0;
    opts.max_depth = 3;
    EXPECT_LIMIT("rule pack v2: depth", shifan_engine_new_from_rule_pack_json_v2(&engine, small_pack, n, &opts, &err),
                 "/parameters/min_smes_served/0", "nesting depth", 3);
    opts.max_depth = 0;
    opts.max_array_length = 1;
    EXPECT_LIMIT("rule pack v2: array", shifan_engine_new_from_rule_pack_json_v2(&engine, small_pack, n, &opts, &err),
                 "/parameters/min_smes_served/1", "array length", 1);
    opts.max_array_length = 0;
    opts.max_string_bytes = 16;
    EXPECT_LIMIT("rule pack v2: string", shifan_engine_new_from_rule_pack_json_v2(&engine, small_pack, n, &opts, &err),
                 "/schema", "string length", 16);
    CHECK(engine == NULL);

    /* limits the pack just fits in, zero (= the defaults) and NULL all read it */
    opts.max_document_bytes = n;
    opts.max_depth = 4;
    opts.max_array_length = 2;
    opts.max_string_bytes = 18; /* "changzhi-municipal" */
    CHECK_EQ_INT(shifan_engine_new_from_rule_pack_json_v2(&engine, small_pack, n, &opts, &err), SHIFAN_OK);
    CHECK(err == NULL);
    CHECK_EQ_STR(shifan_engine_rule_pack_id(engine), "p");
    shifan_engine_free(engine);
    opts.max_document_bytes = opts.max_depth = opts.max_array_length = opts.max_string_bytes = 0;
    CHECK_EQ_INT(shifan_engine_new_from_rule_pack_json_v2(&engine, small_pack, n, &opts, NULL), SHIFAN_OK);
    shifan_engine_free(engine);
    CHECK_EQ_INT(shifan_engine_new_from_rule_pack_json_v2(&engine, small_pack, n, NULL, NULL), SHIFAN_OK);
    CHECK_EQ_STR(shifan_engine_rule_pack_id(engine), "p");
    shifan_engine_free(engine);

    /* an options version this library does not know, and NULL out */
    opts.version = SHIFAN_EVALUATE_OPTIONS_VERSION + 1;
    engine = (shifan_engine *)(void *)&engine;
    CHECK_EQ_INT(shifan_engine_new_from_rule_pack_json_v2(&engine, small_pack, n, &opts, &err), SHIFAN_EUSAGE);
    CHECK(engine == NULL);
    CHECK(err && strstr(shifan_error_message(err, SHIFAN_LANG_EN), "shifan_evaluate_options") != NULL);
    shifan_error_free(err);
    err = NULL;
    CHECK_EQ_INT(shifan_engine_new_from_rule_pack_json_v2(NULL, small_pack, n, NULL, NULL), SHIFAN_EUSAGE);
}

/* ---- calendars: shifan_engine_set_calendar_json_v2 applies the host's limits ----------------------- */
static void test_calendar_host_limits(void) {
    static const char calendar[] =
        "{\"schema\":\"shifan.calendar/1\",\"rest_days\":[\"2026-01-01\",\"2026-01-02\",\"2026-01-03\"]}";
    static const struct limit_case cases[] = {
        {"calendar v2: document", CALENDAR, DOCUMENT, 32, "", "document size"},
        {"calendar v2: depth", CALENDAR, DEPTH, 1, "/rest_days", "nesting depth"},
        {"calendar v2: array", CALENDAR, ARRAY, 2, "/rest_days/2", "array length"},
        {"calendar v2: string", CALENDAR, STRING, 12, "/schema", "string length"},
    };
    const size_t n = strlen(calendar);
    shifan_evaluate_options opts = SHIFAN_EVALUATE_OPTIONS_INIT;
    shifan_engine *e = NULL;
    shifan_error *err = NULL;
    size_t i;

    CHECK_EQ_INT(shifan_engine_new(&e, NULL), SHIFAN_OK);
    for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        shifan_evaluate_options one = SHIFAN_EVALUATE_OPTIONS_INIT;
        set_limit(&one, cases[i].limit, cases[i].value);
        EXPECT_LIMIT(cases[i].what, shifan_engine_set_calendar_json_v2(e, calendar, n, &one, &err), cases[i].path,
                     cases[i].names, cases[i].value);
    }
    opts.version = 0;
    CHECK_EQ_INT(shifan_engine_set_calendar_json_v2(e, calendar, n, &opts, NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_engine_set_calendar_json_v2(NULL, calendar, n, NULL, NULL), SHIFAN_EUSAGE);
    /* nothing was set by the refused calls */
    CHECK_EQ_STR(shifan_engine_interpretation(e, "deadline_rest_days"), "literal");

    /* limits the calendar fits in */
    opts.version = SHIFAN_EVALUATE_OPTIONS_VERSION;
    opts.max_document_bytes = n;
    opts.max_depth = 2;
    opts.max_array_length = 3;
    opts.max_string_bytes = 17; /* "shifan.calendar/1" */
    CHECK_EQ_INT(shifan_engine_set_calendar_json_v2(e, calendar, n, &opts, &err), SHIFAN_OK);
    CHECK(err == NULL);
    CHECK_EQ_STR(shifan_engine_interpretation(e, "deadline_rest_days"), "roll_forward");
    CHECK_EQ_INT(shifan_engine_set_calendar_json_v2(e, calendar, n, NULL, NULL), SHIFAN_OK);
    shifan_engine_free(e);
}

/* ---- county filings: shifan_roster_new_v2 applies the host's limits to every filings document ------ */
static void test_roster_host_limits(const shifan_engine *engine) {
    static const char good[] = "{\"schema\":\"shifan.county-filings/1\",\"county\":\"A\",\"filings\":[]}";
    static const char filings[] = "{\"schema\":\"shifan.county-filings/1\",\"county\":\"B\",\"filings\":["
                                  "{\"year\":2023,\"date\":\"2024-03-20\"},{\"year\":2024,\"date\":\"2025-03-28\"}]}";
    shifan_evaluate_options opts = SHIFAN_EVALUATE_OPTIONS_INIT;
    shifan_roster *roster = (shifan_roster *)(void *)&roster;
    shifan_error *err = NULL;
    const char *docs[2];
    size_t lens[2];
    char *out = NULL;
    docs[0] = good;
    lens[0] = strlen(good);
    docs[1] = filings;
    lens[1] = strlen(filings);

    opts.max_array_length = 1;
    {
        int rc = shifan_roster_new_v2(&roster, engine, NULL, 0, docs, lens, 2, "2025-04-15", &opts, &err);
        /* the message names the document, filings[1] */
        CHECK(err && strstr(shifan_error_message(err, SHIFAN_LANG_EN), "filings[1]") != NULL);
        CHECK(err && strstr(shifan_error_message(err, SHIFAN_LANG_ZH), "filings[1]") != NULL);
        expect_limit("roster v2: array", rc, err, "/filings/1", "array length", 1);
        err = NULL;
        CHECK(roster == NULL);
    }
    opts.max_array_length = 0;
    opts.max_depth = 2;
    EXPECT_LIMIT("roster v2: depth",
                 shifan_roster_new_v2(&roster, engine, NULL, 0, docs, lens, 2, "2025-04-15", &opts, &err), "/filings/0",
                 "nesting depth", 2);
    opts.max_depth = 0;
    opts.max_string_bytes = 16;
    EXPECT_LIMIT("roster v2: string",
                 shifan_roster_new_v2(&roster, engine, NULL, 0, docs, lens, 2, "2025-04-15", &opts, &err), "/schema",
                 "string length", 16);
    opts.max_string_bytes = 0;
    opts.max_document_bytes = lens[1] - 1;
    EXPECT_LIMIT("roster v2: document",
                 shifan_roster_new_v2(&roster, engine, NULL, 0, docs, lens, 2, "2025-04-15", &opts, &err), "",
                 "document size", lens[1] - 1);
    CHECK(roster == NULL);

    /* limits the documents fit in, and NULL: the same roster as shifan_roster_new */
    opts.max_document_bytes = lens[1];
    opts.max_array_length = 2;
    opts.max_depth = 3;
    opts.max_string_bytes = 23; /* "shifan.county-filings/1" */
    CHECK_EQ_INT(shifan_roster_new_v2(&roster, engine, NULL, 0, docs, lens, 2, "2025-04-15", &opts, &err), SHIFAN_OK);
    CHECK(err == NULL);
    CHECK_EQ_INT(shifan_roster_to_json(&out, NULL, roster, SHIFAN_LANG_BOTH, NULL), SHIFAN_OK);
    shifan_roster_free(roster);
    {
        char *v1 = NULL, *v2_null = NULL;
        CHECK_EQ_INT(shifan_roster_new(&roster, engine, NULL, 0, docs, lens, 2, "2025-04-15", NULL), SHIFAN_OK);
        CHECK_EQ_INT(shifan_roster_to_json(&v1, NULL, roster, SHIFAN_LANG_BOTH, NULL), SHIFAN_OK);
        shifan_roster_free(roster);
        CHECK_EQ_INT(shifan_roster_new_v2(&roster, engine, NULL, 0, docs, lens, 2, "2025-04-15", NULL, NULL), SHIFAN_OK);
        CHECK_EQ_INT(shifan_roster_to_json(&v2_null, NULL, roster, SHIFAN_LANG_BOTH, NULL), SHIFAN_OK);
        shifan_roster_free(roster);
        CHECK(out && v1 && v2_null && strcmp(out, v1) == 0 && strcmp(v1, v2_null) == 0);
        shifan_string_free(v1);
        shifan_string_free(v2_null);
    }
    shifan_string_free(out);
    opts.version = SHIFAN_EVALUATE_OPTIONS_VERSION + 1;
    roster = (shifan_roster *)(void *)&roster;
    CHECK_EQ_INT(shifan_roster_new_v2(&roster, engine, NULL, 0, docs, lens, 2, "2025-04-15", &opts, NULL), SHIFAN_EUSAGE);
    CHECK(roster == NULL);
}

int main(int argc, char **argv) {
    shifan_engine *engine = NULL;
    char *app, *hist;
    require_args(argc, 3, "test_limits APPLICATION.json HISTORY.json");
    app = read_file(argv[1], &application_len);
    hist = read_file(argv[2], &history_len);
    application = app;
    history = hist;
    CHECK_EQ_INT(shifan_engine_new(&engine, NULL), SHIFAN_OK);
    test_evaluate(engine);
    test_single_limits(engine);
    test_rule_pack();
    test_history(engine);
    test_calendar_and_filings(engine);
    test_rule_pack_host_limits();
    test_calendar_host_limits();
    test_roster_host_limits(engine);
    shifan_engine_free(engine);
    free(app);
    free(hist);
    return test_summary("test_limits");
}
