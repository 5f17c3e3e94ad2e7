/* Reliability of the C interface (docs/hardening.md, "Reliability, round 2"):
 *  - a NUL byte ends no document: whatever follows a document, other than JSON whitespace, is a
 *    syntax error at the NUL, through every entry point that reads a document (explicit lengths);
 *  - handles are slot + generation: freeing a handle twice never frees another handle that took
 *    its place, for every kind; a stale or wrong-kind handle is SHIFAN_EHANDLE, never a crash
 *    (run under ASan by the sanitizer stage);
 *  - the text report escapes control characters and bidi overrides from the input.
 * usage: test_reliability APPLICATION.json HISTORY.json CALENDAR.json */
#include "capi_test.h"

static int32_t last_code(void) { return shifan_error_code(shifan_last_error()); }

static char *with_nul(const char *doc, size_t len, const char *tail, size_t *out_len) {
    size_t tail_len = strlen(tail);
    char *s = (char *)malloc(len + 1 + tail_len);
    memcpy(s, doc, len);
    s[len] = '\0';
    memcpy(s + len + 1, tail, tail_len);
    *out_len = len + 1 + tail_len;
    return s;
}

static void test_nul(shifan_engine *engine, const char *app, size_t app_len, const char *history, size_t history_len,
                     const char *calendar, size_t calendar_len) {
    size_t n = 0;
    char *bad;
    shifan_evaluation *e = NULL;
    shifan_error *err = NULL;
    shifan_history *h = NULL;
    shifan_engine *other = NULL;
    char *out = NULL;

    /* the document itself is fine: a baseline */
    CHECK_EQ_INT(shifan_evaluate(&e, engine, app, app_len, NULL, &err), SHIFAN_OK);
    shifan_evaluation_free(e);
    e = NULL;

    /* an application followed by NUL and anything */
    bad = with_nul(app, app_len, "{\"x\": 1}", &n);
    CHECK_EQ_INT(shifan_evaluate(&e, engine, bad, n, NULL, &err), SHIFAN_ESYNTAX);
    CHECK(e == NULL);
    CHECK_EQ_STR(shifan_error_path(err), "");
    CHECK(strstr(shifan_error_message(err, SHIFAN_LANG_EN), "NUL") != NULL);
    CHECK(strstr(shifan_error_message(err, SHIFAN_LANG_EN), "byte") != NULL);
    shifan_error_free(err);
    CHECK_EQ_INT(shifan_evaluate_to_json(&out, NULL, engine, bad, n, NULL, NULL, NULL), SHIFAN_ESYNTAX);
    CHECK(out == NULL);
    free(bad);

    /* a NUL inside the document: the error names the place reached */
    {
        static const char inner[] = "{\"schema\": \"shifan.application/1\", \"applicant\": {\"name\": \"a\0b\"}}";
        CHECK_EQ_INT(shifan_evaluate(&e, engine, inner, sizeof inner - 1, NULL, &err), SHIFAN_ESYNTAX);
        CHECK_EQ_STR(shifan_error_path(err), "/applicant/name");
        shifan_error_free(err);
        /* only JSON whitespace may follow a document */
        CHECK(shifan_evaluate(&e, engine, "{} \n\t\r", 6, NULL, NULL) != SHIFAN_ESYNTAX);
        CHECK_EQ_INT(shifan_evaluate(&e, engine, "{} x", 4, NULL, NULL), SHIFAN_ESYNTAX);
        CHECK_EQ_INT(shifan_evaluate(&e, engine, "\0", 1, NULL, NULL), SHIFAN_ESYNTAX);
    }

    /* a history, an appended event, a calendar, a rule pack */
    bad = with_nul(history, history_len, "garbage", &n);
    CHECK_EQ_INT(shifan_history_new_from_json(&h, engine, bad, n, NULL, NULL), SHIFAN_ESYNTAX);
    CHECK(h == NULL);
    free(bad);
    CHECK_EQ_INT(shifan_history_new_from_json(&h, engine, history, history_len, NULL, NULL), SHIFAN_OK);
    {
        static const char event[] = "{\"type\": \"revoked\", \"date\": \"2025-05-01\", \"ground\": \"fraud\"}\0{}";
        const int64_t before = shifan_history_event_count(h);
        CHECK_EQ_INT(shifan_history_append_event_json(h, event, sizeof event - 1, &err), SHIFAN_ESYNTAX);
        CHECK(strncmp(shifan_error_path(err), "/events/", 8) == 0);
        shifan_error_free(err);
        CHECK_EQ_INT(shifan_history_event_count(h), before);
    }
    shifan_history_free(h);
    bad = with_nul(calendar, calendar_len, "", &n);
    CHECK_EQ_INT(shifan_engine_set_calendar_json(engine, bad, n, NULL), SHIFAN_ESYNTAX);
    free(bad);
    {
        static const char pack[] = "{\"schema\": \"shifan.rulepack/1\", \"id\": \"x\", \"version\": \"1\", \"base\": "
                                   "\"changzhi-municipal\", \"parameters\": {}}\0 trailing";
        CHECK_EQ_INT(shifan_engine_new_from_rule_pack_json(&other, pack, sizeof pack - 1, NULL), SHIFAN_ESYNTAX);
        CHECK(other == NULL);
        CHECK_EQ_INT(shifan_engine_new_from_rule_pack_json(&other, pack, strlen(pack), NULL), SHIFAN_OK);
        shifan_engine_free(other);
    }
    /* a batch item */
    {
        const char *docs[2];
        size_t lens[2];
        shifan_batch *b = NULL;
        int32_t status[2];
        bad = with_nul(app, app_len, "x", &n);
        docs[0] = app;
        lens[0] = app_len;
        docs[1] = bad;
        lens[1] = n;
        CHECK_EQ_INT(shifan_evaluate_batch(&b, engine, docs, lens, 2, NULL, NULL), SHIFAN_OK);
        CHECK_EQ_INT(shifan_batch_summary(b, status, NULL, NULL, 2, NULL), SHIFAN_OK);
        CHECK_EQ_INT(status[0], SHIFAN_OK);
        CHECK_EQ_INT(status[1], SHIFAN_ESYNTAX);
        shifan_batch_free(b);
        free(bad);
    }
}

/* free(a); b = new (often at a's address, in a's slot); free(a) again: b must stay alive. */
static void test_stale_handles(const char *app, size_t app_len, const char *history, size_t history_len) {
    shifan_engine *a = NULL, *b = NULL;
    shifan_evaluation *ea = NULL, *eb = NULL;
    shifan_history *ha = NULL, *hb = NULL;
    shifan_status *sa = NULL, *sb = NULL;
    shifan_roster *ra = NULL, *rb = NULL;
    shifan_batch *ba = NULL, *bb = NULL;
    shifan_error *xa = NULL, *xb = NULL;
    const char *docs[1];
    size_t lens[1];
    int round;
    docs[0] = app;
    lens[0] = app_len;

    for (round = 0; round < 50; ++round) {
        CHECK_EQ_INT(shifan_engine_new(&a, NULL), SHIFAN_OK);
        shifan_engine_free(a);
        CHECK_EQ_INT(shifan_engine_new(&b, NULL), SHIFAN_OK);
        shifan_clear_last_error();
        shifan_engine_free(a); /* stale: ignored, recorded */
        CHECK_EQ_INT(last_code(), SHIFAN_EHANDLE);
        CHECK_EQ_STR(shifan_engine_rule_pack_id(b), "changzhi-municipal");
        CHECK(shifan_engine_rule_pack_id(a) == NULL);
        CHECK_EQ_INT(shifan_error_code(shifan_last_error()), SHIFAN_EHANDLE);

        CHECK_EQ_INT(shifan_evaluate(&ea, b, app, app_len, NULL, NULL), SHIFAN_OK);
        shifan_evaluation_free(ea);
        CHECK_EQ_INT(shifan_evaluate(&eb, b, app, app_len, NULL, NULL), SHIFAN_OK);
        shifan_evaluation_free(ea);
        CHECK(shifan_evaluation_verdict(eb) >= 0);
        CHECK_EQ_INT(shifan_evaluation_verdict(ea), SHIFAN_EHANDLE);
        CHECK(shifan_evaluation_reference_date(ea) == NULL);

        CHECK_EQ_INT(shifan_history_new_from_json(&ha, b, history, history_len, NULL, NULL), SHIFAN_OK);
        shifan_history_free(ha);
        CHECK_EQ_INT(shifan_history_new_from_json(&hb, b, history, history_len, NULL, NULL), SHIFAN_OK);
        shifan_history_free(ha);
        CHECK(shifan_history_event_count(hb) > 0);
        CHECK_EQ_INT(shifan_history_event_count(ha), SHIFAN_EHANDLE);
        CHECK_EQ_INT(shifan_history_append_event_json(ha, "{}", 2, NULL), SHIFAN_EHANDLE);

        CHECK_EQ_INT(shifan_history_status(&sa, hb, "2025-04-15", NULL), SHIFAN_OK);
        shifan_status_free(sa);
        CHECK_EQ_INT(shifan_history_status(&sb, hb, "2025-04-15", NULL), SHIFAN_OK);
        shifan_status_free(sa);
        CHECK(shifan_status_state(sb) != NULL);
        CHECK(shifan_status_state(sa) == NULL);

        {
            const shifan_history *hs[1];
            hs[0] = hb;
            CHECK_EQ_INT(shifan_roster_new(&ra, b, hs, 1, NULL, NULL, 0, "2025-04-15", NULL), SHIFAN_OK);
            shifan_roster_free(ra);
            CHECK_EQ_INT(shifan_roster_new(&rb, b, hs, 1, NULL, NULL, 0, "2025-04-15", NULL), SHIFAN_OK);
            shifan_roster_free(ra);
            {
                char *out = NULL;
                CHECK_EQ_INT(shifan_roster_to_json(&out, NULL, rb, SHIFAN_LANG_EN, NULL), SHIFAN_OK);
                shifan_string_free(out);
                out = NULL;
                CHECK_EQ_INT(shifan_roster_to_json(&out, NULL, ra, SHIFAN_LANG_EN, NULL), SHIFAN_EHANDLE);
            }
            /* a freed history in the list */
            hs[0] = ha;
            CHECK_EQ_INT(shifan_roster_new(&ra, b, hs, 1, NULL, NULL, 0, "2025-04-15", NULL), SHIFAN_EHANDLE);
            CHECK(ra == NULL);
        }

        CHECK_EQ_INT(shifan_evaluate_batch(&ba, b, docs, lens, 1, NULL, NULL), SHIFAN_OK);
        shifan_batch_free(ba);
        CHECK_EQ_INT(shifan_evaluate_batch(&bb, b, docs, lens, 1, NULL, NULL), SHIFAN_OK);
        shifan_batch_free(ba);
        CHECK_EQ_INT(shifan_batch_count(bb), 1);
        CHECK_EQ_INT(shifan_batch_count(ba), SHIFAN_EHANDLE);

        CHECK_EQ_INT(shifan_evaluate(&ea, b, "{", 1, NULL, &xa), SHIFAN_ESYNTAX);
        shifan_error_free(xa);
        CHECK_EQ_INT(shifan_evaluate(&ea, b, "[", 1, NULL, &xb), SHIFAN_ESYNTAX);
        shifan_error_free(xa);
        CHECK_EQ_INT(shifan_error_code(xb), SHIFAN_ESYNTAX);
        CHECK_EQ_INT(shifan_error_code(xa), SHIFAN_EHANDLE);

        /* a handle of one kind is not a handle of another */
        CHECK_EQ_INT(shifan_evaluation_verdict((const shifan_evaluation *)(const void *)b), SHIFAN_EHANDLE);
        CHECK_EQ_INT(shifan_history_event_count((const shifan_history *)(const void *)eb), SHIFAN_EHANDLE);
        shifan_status_free((shifan_status *)(void *)rb); /* a roster freed as a status: refused */
        CHECK_EQ_INT(last_code(), SHIFAN_EHANDLE);
        {
            char *out = NULL;
            CHECK_EQ_INT(shifan_roster_report(&out, NULL, rb, SHIFAN_LANG_EN, NULL), SHIFAN_OK);
            shifan_string_free(out);
        }

        /* the thread's last error is not the caller's to free */
        shifan_error_free((shifan_error *)(void *)shifan_last_error());
        CHECK_EQ_INT(shifan_error_code(shifan_last_error()), SHIFAN_EHANDLE);

        shifan_error_free(xb);
        shifan_batch_free(bb);
        shifan_roster_free(rb);
        shifan_status_free(sb);
        shifan_history_free(hb);
        shifan_evaluation_free(eb);
        shifan_engine_free(b);
        /* all freed: every one of them is now stale */
        CHECK_EQ_INT(shifan_evaluation_verdict(eb), SHIFAN_EHANDLE);
        CHECK(shifan_engine_rule_pack_id(b) == NULL);
    }
    /* values that were never handles */
    {
        static int not_a_handle;
        CHECK_EQ_INT(shifan_evaluation_verdict((const shifan_evaluation *)(const void *)&not_a_handle), SHIFAN_EHANDLE);
        shifan_engine_free((shifan_engine *)(void *)&not_a_handle);
        CHECK_EQ_INT(last_code(), SHIFAN_EHANDLE);
        CHECK_EQ_INT(shifan_evaluation_verdict(NULL), SHIFAN_EUSAGE);
    }
}

static int has_byte_sequence(const char *s, const char *seq) { return strstr(s, seq) != NULL; }

static void test_report_escaping(shifan_engine *engine) {
    static const char doc[] =
        "{\"schema\": \"shifan.application/1\", \"id\": \"X\\u001b]0;id\", \"review_year\": 2025, "
        "\"reference_date\": \"2025-04-15\", \"applicant\": {\"name\": \"A\\u001b[31mB\\r\\nVerdict: eligible\", "
        "\"county\": \"\\u202eC\\u0085\"}}";
    shifan_evaluation *e = NULL;
    char *out = NULL;
    CHECK_EQ_INT(shifan_evaluate(&e, engine, doc, sizeof doc - 1, NULL, NULL), SHIFAN_OK);
    CHECK_EQ_INT(shifan_evaluation_report(&out, NULL, e, SHIFAN_LANG_BOTH, NULL), SHIFAN_OK);
    if (out) {
        CHECK(!has_byte_sequence(out, "\x1b"));
        CHECK(!has_byte_sequence(out, "\r"));
        CHECK(!has_byte_sequence(out, "\xe2\x80\xae"));
        CHECK(!has_byte_sequence(out, "\xc2\x85"));
        CHECK(!has_byte_sequence(out, "\nVerdict: eligible"));
        CHECK(has_byte_sequence(out, "A\\u001b[31mB\\u000d\\u000aVerdict: eligible"));
        CHECK(has_byte_sequence(out, "\\u202eC\\u0085"));
    }
    shifan_string_free(out);
    shifan_evaluation_free(e);
    /* error messages quote keys and values: escaped too (the path stays the exact pointer) */
    {
        static const char bad[] = "{\"schema\": \"shifan.application/1\", \"\\u001b[2Jx\": 1}";
        shifan_error *err = NULL;
        CHECK_EQ_INT(shifan_evaluate(&e, engine, bad, sizeof bad - 1, NULL, &err), SHIFAN_EUNKNOWN_KEY);
        CHECK_EQ_STR(shifan_error_path(err), "/\x1b[2Jx");
        CHECK(!has_byte_sequence(shifan_error_message(err, SHIFAN_LANG_BOTH), "\x1b"));
        CHECK(has_byte_sequence(shifan_error_message(err, SHIFAN_LANG_EN), "\\u001b[2Jx"));
        shifan_error_free(err);
    }
}

int main(int argc, char **argv) {
    size_t app_len = 0, history_len = 0, calendar_len = 0;
    char *app, *history, *calendar;
    shifan_engine *engine = NULL;
    require_args(argc, 4, "test_reliability APPLICATION.json HISTORY.json CALENDAR.json");
    app = read_file(argv[1], &app_len);
    history = read_file(argv[2], &history_len);
    calendar = read_file(argv[3], &calendar_len);
    CHECK_EQ_INT(shifan_engine_new(&engine, NULL), SHIFAN_OK);
    test_nul(engine, app, app_len, history, history_len, calendar, calendar_len);
    test_stale_handles(app, app_len, history, history_len);
    test_report_escaping(engine);
    shifan_engine_free(engine);
    free(app);
    free(history);
    free(calendar);
    return test_summary("test_reliability");
}
