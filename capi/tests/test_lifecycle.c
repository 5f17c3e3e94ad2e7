/* The lifecycle through the C interface: histories, appending events (a refused one leaves the
 * history untouched), status on a date, rosters, and their error paths.
 * usage: test_lifecycle HISTORIES_DIR CALENDARS_DIR */
#include "capi_test.h"

/* A report call (`rc`) gave a text; the text is freed. */
static void check_report(int rc, char **report) {
    CHECK_EQ_INT(rc, SHIFAN_OK);
    CHECK(*report && strlen(*report) > 0);
    shifan_string_free(*report);
    *report = NULL;
}

static const char *histories_dir, *calendars_dir;

static shifan_history *load(const shifan_engine *engine, const char *name) {
    size_t len;
    char *text = read_file(join_path(histories_dir, name), &len);
    shifan_history *h = NULL;
    shifan_error *err = NULL;
    CHECK_EQ_INT(shifan_history_new_from_json(&h, engine, text, len, NULL, &err), SHIFAN_OK);
    if (err) fprintf(stderr, "%s: %s\n", name, shifan_error_message(err, SHIFAN_LANG_EN));
    shifan_error_free(err);
    free(text);
    return h;
}

static void test_history_and_status(const shifan_engine *engine) {
    shifan_history *h = load(engine, "designated-current.json");
    shifan_history *copy = NULL;
    shifan_status *st = NULL;
    shifan_error *err = NULL;
    char *json = NULL, *json2 = NULL, *report = NULL;
    size_t len = 0, len2 = 0;
    int64_t days = -7;
    static const char refused[] = "{\"type\": \"recommended\", \"date\": \"2025-05-01\", \"county\": \"上党区\"}";
    static const char typo[] = "{\"type\": \"annual_summary_filed\", \"year\": 2025, \"dat\": \"2026-02-10\"}";
    static const char filed[] = "{\"type\": \"annual_summary_filed\", \"year\": 2025, \"date\": \"2026-02-10\"}";

    CHECK_EQ_INT(shifan_history_event_count(h), 4);
    CHECK_EQ_STR(shifan_history_platform_id(h), "CZ-P-0042");

    CHECK_EQ_INT(shifan_history_status(&st, h, "2025-04-15", &err), SHIFAN_OK);
    CHECK_EQ_STR(shifan_status_state(st), "designated");
    CHECK_EQ_STR(shifan_status_on(st), "2025-04-15");
    CHECK_EQ_INT(shifan_status_days_left(st, &days), 1);
    CHECK_EQ_INT(days, 807);
    CHECK_EQ_STR(shifan_status_valid_until(st), "2027-07-01");
    CHECK_EQ_INT(shifan_status_may_apply_again(st), 0);
    CHECK(strlen(shifan_status_may_apply_again_reason(st, SHIFAN_LANG_EN)) > 0);
    CHECK(shifan_status_may_apply_again_reason(st, SHIFAN_LANG_BOTH) == NULL);
    CHECK_EQ_INT(shifan_status_to_json(&json, &len, st, SHIFAN_LANG_BOTH, NULL), SHIFAN_OK);
    CHECK(strstr(json, "\"schema\":\"shifan.status/1\"") != NULL);
    CHECK(strstr(json, "\"days_left\":807") != NULL);
    check_report(shifan_status_report(&report, NULL, st, SHIFAN_LANG_EN, NULL), &report);
    shifan_status_free(st);
    /* one call, JSON to JSON */
    {
        size_t tlen;
        char *text = read_file(join_path(histories_dir, "designated-current.json"), &tlen);
        CHECK_EQ_INT(shifan_history_json_status(&json2, &len2, engine, text, tlen, "2025-04-15", SHIFAN_LANG_BOTH, NULL, NULL),
                     SHIFAN_OK);
        CHECK(json2 && strcmp(json, json2) == 0);
        shifan_string_free(json2);
        CHECK_EQ_INT(shifan_history_json_status(&json2, NULL, engine, text, tlen, "2025-13-01", SHIFAN_LANG_BOTH, NULL, NULL),
                     SHIFAN_EUSAGE);
        CHECK(json2 == NULL);
        free(text);
    }
    shifan_string_free(json);

    /* before designation: not designated, no days left */
    CHECK_EQ_INT(shifan_history_status(&st, h, "2024-04-01", NULL), SHIFAN_OK);
    CHECK_EQ_STR(shifan_status_state(st), "candidate");
    days = -7;
    CHECK_EQ_INT(shifan_status_days_left(st, &days), 0);
    CHECK_EQ_INT(days, -7);
    CHECK(shifan_status_valid_until(st) == NULL);
    CHECK_EQ_INT(shifan_status_days_left(st, NULL), SHIFAN_EUSAGE);
    shifan_status_free(st);

    /* bad dates */
    st = (shifan_status *)1;
    CHECK_EQ_INT(shifan_history_status(&st, h, "2025-02-30", &err), SHIFAN_EUSAGE);
    CHECK(st == NULL);
    CHECK(strstr(shifan_error_message(err, SHIFAN_LANG_EN), "2025-02-30") != NULL);
    shifan_error_free(err);
    CHECK_EQ_INT(shifan_history_status(&st, h, NULL, NULL), SHIFAN_EUSAGE);

    /* round trip */
    CHECK_EQ_INT(shifan_history_to_json(&json, &len, h, NULL), SHIFAN_OK);
    CHECK_EQ_INT(shifan_history_new_from_json(&copy, engine, json, len, NULL, NULL), SHIFAN_OK);
    CHECK_EQ_INT(shifan_history_to_json(&json2, &len2, copy, NULL), SHIFAN_OK);
    CHECK(len == len2 && strcmp(json, json2) == 0);
    shifan_string_free(json2);
    shifan_history_free(copy);

    /* a refused event leaves the history exactly as it was */
    CHECK_EQ_INT(shifan_history_append_event_json(h, refused, strlen(refused), &err), SHIFAN_EHISTORY);
    CHECK_EQ_INT(shifan_error_event_index(err), 4);
    CHECK(strncmp(shifan_error_path(err), "/events/4", 9) == 0);
    CHECK(strstr(shifan_error_message(err, SHIFAN_LANG_EN), "recommended") != NULL);
    shifan_error_free(err);
    CHECK_EQ_INT(shifan_history_append_event_json(h, typo, strlen(typo), &err), SHIFAN_EUNKNOWN_KEY);
    CHECK_EQ_STR(shifan_error_path(err), "/events/4/dat");
    shifan_error_free(err);
    CHECK_EQ_INT(shifan_history_append_event_json(h, "{", 1, NULL), SHIFAN_ESYNTAX);
    CHECK_EQ_INT(shifan_history_event_count(h), 4);
    CHECK_EQ_INT(shifan_history_to_json(&json2, NULL, h, NULL), SHIFAN_OK);
    CHECK(strcmp(json, json2) == 0);
    shifan_string_free(json2);
    shifan_string_free(json);
    /* an accepted one is appended */
    CHECK_EQ_INT(shifan_history_append_event_json(h, filed, strlen(filed), NULL), SHIFAN_OK);
    CHECK_EQ_INT(shifan_history_event_count(h), 5);

    /* NULL and invalid handles, double free */
    CHECK_EQ_INT(shifan_history_event_count(NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_history_event_count((const shifan_history *)engine), SHIFAN_EHANDLE);
    CHECK(shifan_status_state(NULL) == NULL);
    CHECK_EQ_INT(shifan_status_may_apply_again(NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_history_append_event_json(NULL, filed, strlen(filed), NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_history_status(&st, (const shifan_history *)engine, "2025-01-01", NULL), SHIFAN_EHANDLE);
    shifan_history_free(h);
    shifan_clear_last_error();
    shifan_history_free(h);
    CHECK_EQ_INT(shifan_error_code(shifan_last_error()), SHIFAN_EHANDLE);
    shifan_status_free(NULL);
    shifan_roster_free(NULL);
    shifan_history_free(NULL);
}

static void test_bad_histories(const shifan_engine *engine) {
    static const char skipped[] =
        "{\"schema\": \"shifan.history/1\", \"platform\": {\"id\": \"X\"}, \"events\": ["
        "{\"type\": \"applied\", \"date\": \"2024-03-20\", \"review_year\": 2024},"
        "{\"type\": \"designated\", \"date\": \"2024-07-01\", \"document_no\": \"x\"}]}";
    static const char wrong_schema[] = "{\"schema\": \"shifan.application/1\", \"reference_date\": \"2025-04-15\"}";
    shifan_history *h = (shifan_history *)1;
    shifan_error *err = NULL;
    CHECK_EQ_INT(shifan_history_new_from_json(&h, engine, skipped, strlen(skipped), NULL, &err), SHIFAN_EHISTORY);
    CHECK(h == NULL);
    CHECK_EQ_INT(shifan_error_event_index(err), 1);
    CHECK(strncmp(shifan_error_path(err), "/events/1", 9) == 0);
    CHECK(strstr(shifan_error_message(err, SHIFAN_LANG_ZH), "第八条") != NULL);
    /* the structured refusal: event type and articles (第八条至第十一条 spelt out) */
    CHECK_EQ_STR(shifan_error_event_type(err), "designated");
    CHECK_EQ_INT(shifan_error_article_count(err), 4);
    CHECK_EQ_STR(shifan_error_article(err, 0), "art8");
    CHECK_EQ_STR(shifan_error_article(err, 3), "art11");
    CHECK(shifan_error_article(err, 4) == NULL);
    CHECK(shifan_error_event_type(NULL) == NULL);
    CHECK_EQ_INT(shifan_error_article_count(NULL), SHIFAN_EUSAGE);
    {
        char *text = NULL;
        CHECK_EQ_INT(shifan_error_to_json(&text, NULL, err), SHIFAN_OK);
        CHECK(text && strstr(text, "\"event_type\":\"designated\",\"articles\":[\"art8\",\"art9\",\"art10\",\"art11\"]"));
        shifan_string_free(text);
    }
    shifan_error_free(err);
    CHECK_EQ_INT(shifan_history_new_from_json(&h, engine, wrong_schema, strlen(wrong_schema), NULL, &err), SHIFAN_EWRONG_SCHEMA);
    CHECK_EQ_STR(shifan_error_path(err), "/schema");
    shifan_error_free(err);
    CHECK_EQ_INT(shifan_history_new_from_json(&h, NULL, skipped, strlen(skipped), NULL, NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_history_new_from_json(NULL, engine, skipped, strlen(skipped), NULL, NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_history_new_from_json(&h, engine, NULL, 3, NULL, NULL), SHIFAN_EUSAGE);
}

static void test_readings_and_calendar(void) {
    shifan_engine *engine = NULL;
    shifan_history *h;
    shifan_status *st = NULL;
    size_t len;
    char *calendar = read_file(join_path(calendars_dir, "cn-2025.json"), &len);
    CHECK_EQ_INT(shifan_engine_new(&engine, NULL), SHIFAN_OK);
    /* roll_forward without a calendar is a usage error at query time */
    CHECK_EQ_INT(shifan_engine_set_interpretation(engine, "deadline_rest_days", "roll_forward", NULL), SHIFAN_OK);
    h = load(engine, "designated-current.json");
    CHECK_EQ_INT(shifan_history_status(&st, h, "2025-04-15", NULL), SHIFAN_EUSAGE);
    shifan_history_free(h);
    /* with a calendar it works; setting a calendar selects roll_forward only when not set explicitly */
    CHECK_EQ_INT(shifan_engine_set_interpretation(engine, "deadline_rest_days", "literal", NULL), SHIFAN_OK);
    CHECK_EQ_INT(shifan_engine_set_calendar_json(engine, calendar, len, NULL), SHIFAN_OK);
    CHECK_EQ_STR(shifan_engine_interpretation(engine, "deadline_rest_days"), "literal");
    shifan_engine_free(engine);
    CHECK_EQ_INT(shifan_engine_new(&engine, NULL), SHIFAN_OK);
    CHECK_EQ_INT(shifan_engine_set_calendar_json(engine, calendar, len, NULL), SHIFAN_OK);
    CHECK_EQ_STR(shifan_engine_interpretation(engine, "deadline_rest_days"), "roll_forward");
    {
        static const char bad_calendar[] = "{\"schema\": \"shifan.calendar/1\", \"x\": 1}";
        CHECK_EQ_INT(shifan_engine_set_calendar_json(engine, bad_calendar, strlen(bad_calendar), NULL), SHIFAN_EUNKNOWN_KEY);
        CHECK_EQ_STR(shifan_error_path(shifan_last_error()), "/x");
    }
    h = load(engine, "designated-current.json");
    shifan_engine_free(engine); /* the history keeps its own snapshot */
    CHECK_EQ_INT(shifan_history_status(&st, h, "2025-04-15", NULL), SHIFAN_OK);
    CHECK_EQ_STR(shifan_status_state(st), "designated");
    shifan_status_free(st);
    shifan_history_free(h);
    /* summary_owed = held_any_day makes the 2023 summary of expired.json overdue */
    CHECK_EQ_INT(shifan_engine_new(&engine, NULL), SHIFAN_OK);
    CHECK_EQ_INT(shifan_engine_set_interpretation(engine, "summary_owed", "held_any_day", NULL), SHIFAN_OK);
    h = load(engine, "expired.json");
    CHECK_EQ_INT(shifan_history_status(&st, h, "2025-04-15", NULL), SHIFAN_OK);
    {
        char *json = NULL;
        CHECK_EQ_INT(shifan_status_to_json(&json, NULL, st, SHIFAN_LANG_EN, NULL), SHIFAN_OK);
        CHECK(strstr(json, "overdue") != NULL);
        shifan_string_free(json);
    }
    shifan_status_free(st);
    shifan_history_free(h);
    shifan_engine_free(engine);
    free(calendar);
}

static void test_roster(const shifan_engine *engine) {
    static const char *const names[] = {"designated-current.json", "renewal.json", "revoked.json", "expired.json"};
    shifan_history *hs[5];
    shifan_roster *roster = NULL;
    shifan_error *err = NULL;
    char *json = NULL, *report = NULL;
    const char *filings[1];
    size_t filings_lens[1];
    char *filing_text;
    int i;
    for (i = 0; i < 4; ++i) hs[i] = load(engine, names[i]);
    filing_text = read_file(join_path(histories_dir, "county-filings-shangdang.json"), &filings_lens[0]);
    filings[0] = filing_text;

    CHECK_EQ_INT(shifan_roster_new(&roster, engine, (const shifan_history *const *)hs, 4, filings, filings_lens, 1,
                                   "2025-04-15", &err),
                 SHIFAN_OK);
    CHECK_EQ_INT(shifan_roster_to_json(&json, NULL, roster, SHIFAN_LANG_BOTH, NULL), SHIFAN_OK);
    CHECK(strstr(json, "\"schema\":\"shifan.roster/1\"") != NULL);
    CHECK(strstr(json, "CZ-P-0042") != NULL);
    check_report(shifan_roster_report(&report, NULL, roster, SHIFAN_LANG_ZH, NULL), &report);
    shifan_string_free(json);
    {
        /* the HTML page: defaults (NULL options) equal SHIFAN_ROSTER_HTML_OPTIONS_INIT; a subtitle is
           escaped; soon_days shows in the page; bad options are usage errors that give no page */
        shifan_roster_html_options opts = SHIFAN_ROSTER_HTML_OPTIONS_INIT;
        shifan_roster_html_options from_init;
        char *page = NULL, *again = NULL;
        size_t len = 0, again_len = 0;
        CHECK_EQ_INT(shifan_roster_html(&page, &len, roster, NULL, NULL), SHIFAN_OK);
        CHECK(page && len == strlen(page) && strncmp(page, "<!DOCTYPE html>", 15) == 0);
        CHECK(strstr(page, "CZ-P-0042") != NULL);
        CHECK_EQ_INT(shifan_roster_html(&again, &again_len, roster, &opts, NULL), SHIFAN_OK);
        CHECK(again && again_len == len && memcmp(page, again, len) == 0);
        shifan_string_free(again);
        CHECK_EQ_INT(shifan_roster_html_options_init(&from_init, SHIFAN_ROSTER_HTML_OPTIONS_VERSION), SHIFAN_OK);
        CHECK(from_init.soon_days == 30 && from_init.subtitle == NULL);
        CHECK_EQ_INT(shifan_roster_html_options_init(&from_init, 0), SHIFAN_EUSAGE);
        CHECK_EQ_INT(shifan_roster_html_options_init(NULL, SHIFAN_ROSTER_HTML_OPTIONS_VERSION), SHIFAN_EUSAGE);
        opts.soon_days = 400; /* a longer horizon: more filings come soon, another page */
        CHECK_EQ_INT(shifan_roster_html(&again, &again_len, roster, &opts, NULL), SHIFAN_OK);
        CHECK(again && (again_len != len || memcmp(page, again, len) != 0));
        shifan_string_free(again);
        opts.soon_days = 30;
        opts.subtitle = "上党区 <b>&";
        CHECK_EQ_INT(shifan_roster_html(&again, NULL, roster, &opts, NULL), SHIFAN_OK);
        CHECK(again && strstr(again, "上党区 &lt;b&gt;&amp;") != NULL && strstr(again, "<b>&") == NULL);
        shifan_string_free(again);
        again = NULL;
        opts.soon_days = -1;
        CHECK_EQ_INT(shifan_roster_html(&again, NULL, roster, &opts, &err), SHIFAN_EUSAGE);
        CHECK(again == NULL && strstr(shifan_error_message(err, SHIFAN_LANG_EN), "soon_days") != NULL);
        shifan_error_free(err);
        opts.soon_days = 0;
        opts.subtitle = "\xff\xfe";
        CHECK_EQ_INT(shifan_roster_html(&again, NULL, roster, &opts, &err), SHIFAN_EUSAGE);
        CHECK(strstr(shifan_error_message(err, SHIFAN_LANG_EN), "UTF-8") != NULL);
        shifan_error_free(err);
        opts.subtitle = NULL;
        opts.version = SHIFAN_ROSTER_HTML_OPTIONS_VERSION + 1;
        CHECK_EQ_INT(shifan_roster_html(&again, NULL, roster, &opts, NULL), SHIFAN_EUSAGE);
        CHECK_EQ_INT(shifan_roster_html(NULL, NULL, roster, NULL, NULL), SHIFAN_EUSAGE);
        CHECK_EQ_INT(shifan_roster_html(&again, NULL, NULL, NULL, NULL), SHIFAN_EUSAGE);
        CHECK_EQ_INT(shifan_roster_html(&again, NULL, (const shifan_roster *)engine, NULL, NULL), SHIFAN_EHANDLE);
        CHECK(again == NULL);
        shifan_string_free(page);
    }
    shifan_roster_free(roster);
    shifan_clear_last_error();
    shifan_roster_free(roster);
    CHECK_EQ_INT(shifan_error_code(shifan_last_error()), SHIFAN_EHANDLE);

    /* no filings, no histories: fine */
    CHECK_EQ_INT(shifan_roster_new(&roster, engine, NULL, 0, NULL, NULL, 0, "2025-04-15", NULL), SHIFAN_OK);
    shifan_roster_free(roster);
    /* two histories of one platform */
    hs[4] = hs[0];
    CHECK_EQ_INT(shifan_roster_new(&roster, engine, (const shifan_history *const *)hs, 5, NULL, NULL, 0, "2025-04-15", NULL),
                 SHIFAN_EINCONSISTENT);
    /* a bad filings document names its index */
    filings[0] = "{\"schema\": \"shifan.county-filings/1\"}";
    filings_lens[0] = strlen(filings[0]);
    CHECK(shifan_roster_new(&roster, engine, (const shifan_history *const *)hs, 4, filings, filings_lens, 1, "2025-04-15",
                            &err) < 0);
    CHECK(strstr(shifan_error_message(err, SHIFAN_LANG_EN), "filings[0]") != NULL);
    shifan_error_free(err);
    /* a NULL or foreign history handle */
    hs[4] = NULL;
    CHECK_EQ_INT(shifan_roster_new(&roster, engine, (const shifan_history *const *)hs, 5, NULL, NULL, 0, "2025-04-15", &err),
                 SHIFAN_EUSAGE);
    CHECK(strstr(shifan_error_message(err, SHIFAN_LANG_EN), "histories[4]") != NULL);
    shifan_error_free(err);
    hs[4] = (shifan_history *)engine;
    CHECK_EQ_INT(shifan_roster_new(&roster, engine, (const shifan_history *const *)hs, 5, NULL, NULL, 0, "2025-04-15", NULL),
                 SHIFAN_EHANDLE);
    CHECK_EQ_INT(shifan_roster_new(&roster, engine, NULL, 2, NULL, NULL, 0, "2025-04-15", NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_roster_new(&roster, engine, NULL, 0, NULL, NULL, 0, "yesterday", NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_roster_to_json(&json, NULL, NULL, SHIFAN_LANG_BOTH, NULL), SHIFAN_EUSAGE);
    for (i = 0; i < 4; ++i) shifan_history_free(hs[i]);
    free(filing_text);
}

int main(int argc, char **argv) {
    shifan_engine *engine = NULL;
    require_args(argc, 3, "test_lifecycle HISTORIES_DIR CALENDARS_DIR");
    histories_dir = argv[1];
    calendars_dir = argv[2];
    CHECK_EQ_INT(shifan_engine_new(&engine, NULL), SHIFAN_OK);
    test_history_and_status(engine);
    test_bad_histories(engine);
    test_readings_and_calendar();
    test_roster(engine);
    shifan_engine_free(engine);
    return test_summary("test_lifecycle");
}
