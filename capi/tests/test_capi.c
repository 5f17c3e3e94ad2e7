/* Tests of the C interface, written in C: every entry point and every error path.
 * usage: test_capi EXAMPLES_DIR   (examples/applications) */
#include "capi_test.h"

static const char *examples_dir;

static const char minimal_app[] =
    "{\"schema\": \"shifan.application/1\", \"id\": \"MIN-1\", \"reference_date\": \"2025-04-15\"}";

static void test_versions(void) {
    CHECK_EQ_STR(shifan_version(), SHIFAN_VERSION_STRING);
    CHECK_EQ_INT(shifan_version_number(), SHIFAN_VERSION_NUMBER);
    CHECK_EQ_INT(shifan_abi_version(), SHIFAN_ABI_VERSION);
    CHECK_EQ_STR(shifan_code_name(SHIFAN_OK), "ok");
    CHECK_EQ_STR(shifan_code_name(SHIFAN_EUNKNOWN_KEY), "unknown_key");
    CHECK_EQ_STR(shifan_code_name(SHIFAN_EINTERNAL), "internal");
    CHECK_EQ_STR(shifan_code_name(SHIFAN_ENOMEM), "nomem");
    CHECK_EQ_STR(shifan_code_name(SHIFAN_EHANDLE), "handle");
    CHECK_EQ_STR(shifan_code_name(12345), "unknown");
    CHECK_EQ_STR(shifan_code_name(-99), "unknown");
}

static void test_last_error_initial(void) {
    const shifan_error *last;
    shifan_clear_last_error();
    last = shifan_last_error();
    CHECK(last != NULL);
    CHECK_EQ_INT(shifan_error_code(last), SHIFAN_OK);
    CHECK_EQ_STR(shifan_error_path(last), "");
    CHECK_EQ_INT(shifan_error_event_index(last), -1);
}

static void test_free_null(void) {
    shifan_string_free(NULL);
    shifan_error_free(NULL);
    shifan_engine_free(NULL);
    shifan_evaluation_free(NULL);
    shifan_batch_free(NULL);
    CHECK(1);
}

static void test_options_init(void) {
    shifan_evaluate_options eo;
    shifan_json_options jo;
    shifan_batch_options bo;
    shifan_batch_options bo_macro = SHIFAN_BATCH_OPTIONS_INIT;
    memset(&eo, 0xff, sizeof eo);
    CHECK_EQ_INT(shifan_evaluate_options_init(&eo, SHIFAN_EVALUATE_OPTIONS_VERSION), SHIFAN_OK);
    CHECK_EQ_INT(eo.version, SHIFAN_EVALUATE_OPTIONS_VERSION);
    CHECK_EQ_INT(eo.max_depth, 0);
    CHECK_EQ_INT(shifan_json_options_init(&jo, SHIFAN_JSON_OPTIONS_VERSION), SHIFAN_OK);
    CHECK_EQ_INT(jo.lang, SHIFAN_LANG_BOTH);
    CHECK_EQ_INT(jo.messages, 1);
    CHECK_EQ_INT(shifan_batch_options_init(&bo, SHIFAN_BATCH_OPTIONS_VERSION), SHIFAN_OK);
    CHECK_EQ_INT(bo.flags, bo_macro.flags);
    CHECK(bo.json == NULL && bo.limits == NULL);
    CHECK_EQ_INT(shifan_evaluate_options_init(&eo, 0), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_evaluate_options_init(&eo, 999), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_json_options_init(NULL, 1), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_batch_options_init(&bo, 2), SHIFAN_EUSAGE);
}

static void test_engine(void) {
    shifan_engine *engine = NULL;
    shifan_error *err = (shifan_error *)1; /* must be overwritten */
    CHECK_EQ_INT(shifan_engine_new(&engine, &err), SHIFAN_OK);
    CHECK(err == NULL);
    CHECK(engine != NULL);
    CHECK_EQ_STR(shifan_engine_rule_pack_id(engine), "changzhi-municipal");
    CHECK(shifan_engine_rule_pack_version(engine) != NULL);
    CHECK_EQ_STR(shifan_engine_interpretation(engine, "growth"), "strict");
    CHECK_EQ_STR(shifan_engine_interpretation(engine, "summary_owed"), "held_at_year_end");
    CHECK_EQ_STR(shifan_engine_interpretation(engine, "deadline_rest_days"), "literal");
    CHECK(shifan_engine_interpretation(engine, "nonsense") == NULL);
    CHECK_EQ_INT(shifan_error_code(shifan_last_error()), SHIFAN_EUSAGE);
    CHECK(shifan_engine_interpretation(engine, NULL) == NULL);

    CHECK_EQ_INT(shifan_engine_set_interpretation(engine, "growth", "non_decreasing", &err), SHIFAN_OK);
    CHECK(err == NULL);
    CHECK_EQ_STR(shifan_engine_interpretation(engine, "growth"), "non_decreasing");

    /* invalid interpretation: unknown value, unknown name, NULLs */
    CHECK_EQ_INT(shifan_engine_set_interpretation(engine, "growth", "sideways", &err), SHIFAN_EUSAGE);
    CHECK(err != NULL);
    CHECK_EQ_INT(shifan_error_code(err), SHIFAN_EUSAGE);
    CHECK(strstr(shifan_error_message(err, SHIFAN_LANG_EN), "sideways") != NULL);
    CHECK(strstr(shifan_error_message(err, SHIFAN_LANG_EN), "non_decreasing") != NULL);
    CHECK(strstr(shifan_error_message(err, SHIFAN_LANG_ZH), "没有解读“sideways”") != NULL);
    CHECK(strstr(shifan_error_message(err, SHIFAN_LANG_BOTH), " / ") != NULL);
    CHECK(shifan_error_message(err, 7) == NULL);
    shifan_error_free(err);
    CHECK_EQ_INT(shifan_engine_set_interpretation(engine, "colour", "red", NULL), SHIFAN_EUSAGE);
    CHECK(strstr(shifan_error_message(shifan_last_error(), SHIFAN_LANG_EN), "colour") != NULL);
    CHECK_EQ_INT(shifan_engine_set_interpretation(engine, NULL, "strict", NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_engine_set_interpretation(engine, "growth", NULL, NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_engine_set_interpretation(NULL, "growth", "strict", NULL), SHIFAN_EUSAGE);
    /* the failed calls left the reading as it was */
    CHECK_EQ_STR(shifan_engine_interpretation(engine, "growth"), "non_decreasing");

    /* NULL out */
    CHECK_EQ_INT(shifan_engine_new(NULL, NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_error_code(shifan_last_error()), SHIFAN_EUSAGE);
    CHECK(shifan_engine_rule_pack_id(NULL) == NULL);

    shifan_engine_free(engine);
    /* double free is detected and ignored */
    shifan_clear_last_error();
    shifan_engine_free(engine);
    CHECK_EQ_INT(shifan_error_code(shifan_last_error()), SHIFAN_EHANDLE);
}

static void test_rule_pack(void) {
    static const char strict_pack[] =
        "{\"schema\": \"shifan.rulepack/1\", \"id\": \"test-pack\", \"version\": \"9\", \"base\": "
        "\"changzhi-municipal\", \"parameters\": {\"min_smes_served\": 110}}";
    static const char bad_param[] =
        "{\"schema\": \"shifan.rulepack/1\", \"id\": \"x\", \"version\": \"1\", \"base\": \"changzhi-municipal\", "
        "\"parameters\": {\"min_smes_servd\": 110}}";
    static const char wrong_schema[] = "{\"schema\": \"shifan.application/1\", \"id\": \"x\", \"version\": \"1\"}";
    shifan_engine *engine = NULL;
    shifan_evaluation *e = NULL;
    shifan_error *err = NULL;
    size_t len;
    char *app = read_file(join_path(examples_dir, "eligible-technology.json"), &len);

    CHECK_EQ_INT(shifan_engine_new_from_rule_pack_json(&engine, strict_pack, strlen(strict_pack), &err), SHIFAN_OK);
    CHECK_EQ_STR(shifan_engine_rule_pack_id(engine), "test-pack");
    CHECK_EQ_STR(shifan_engine_rule_pack_version(engine), "9");
    CHECK_EQ_INT(shifan_evaluate(&e, engine, app, len, NULL, &err), SHIFAN_OK);
    CHECK_EQ_INT(shifan_evaluation_verdict(e), SHIFAN_VERDICT_INELIGIBLE); /* 102 served < 110 */
    CHECK_EQ_STR(shifan_evaluation_rule_pack_id(e), "test-pack");
    CHECK_EQ_STR(shifan_evaluation_check_required(e, (size_t)shifan_evaluation_check_index(e, "art6.2.smes_served")),
                 "110");
    /* the evaluation outlives its engine */
    shifan_engine_free(engine);
    CHECK_EQ_STR(shifan_evaluation_rule_pack_version(e), "9");
    shifan_evaluation_free(e);

    engine = (shifan_engine *)1;
    CHECK_EQ_INT(shifan_engine_new_from_rule_pack_json(&engine, bad_param, strlen(bad_param), &err),
                 SHIFAN_EUNKNOWN_KEY);
    CHECK(engine == NULL);
    CHECK_EQ_STR(shifan_error_path(err), "/parameters/min_smes_servd");
    shifan_error_free(err);
    CHECK_EQ_INT(shifan_engine_new_from_rule_pack_json(&engine, wrong_schema, strlen(wrong_schema), &err),
                 SHIFAN_EWRONG_SCHEMA);
    CHECK_EQ_STR(shifan_error_path(err), "/schema");
    shifan_error_free(err);
    CHECK_EQ_INT(shifan_engine_new_from_rule_pack_json(&engine, "{", 1, NULL), SHIFAN_ESYNTAX);
    CHECK_EQ_INT(shifan_engine_new_from_rule_pack_json(&engine, NULL, 5, NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_engine_new_from_rule_pack_json(NULL, strict_pack, strlen(strict_pack), NULL), SHIFAN_EUSAGE);
    free(app);
}

static int check_index(const shifan_evaluation *e, const char *id) {
    int32_t i = shifan_evaluation_check_index(e, id);
    CHECK(i >= 0);
    return i < 0 ? 0 : (int)i;
}

static void test_evaluate_examples(const shifan_engine *engine) {
    shifan_evaluation *e = NULL;
    shifan_error *err = NULL;
    size_t len;
    char *text;
    char *report = NULL;
    size_t report_len = 0;
    int i;

    /* ineligible-shortfalls: numbers and reasons */
    text = read_file(join_path(examples_dir, "ineligible-shortfalls.json"), &len);
    CHECK_EQ_INT(shifan_evaluate(&e, engine, text, len, NULL, &err), SHIFAN_OK);
    CHECK(err == NULL);
    CHECK_EQ_INT(shifan_evaluation_verdict(e), SHIFAN_VERDICT_INELIGIBLE);
    CHECK_EQ_INT(shifan_evaluation_qualified_functions(e), 0);
    CHECK_EQ_STR(shifan_evaluation_application_id(e), "CZ-2025-031");
    CHECK_EQ_INT(shifan_evaluation_review_year(e), 2025);
    CHECK_EQ_STR(shifan_evaluation_reference_date(e), "2025-04-15");
    CHECK_EQ_STR(shifan_evaluation_rule_pack_id(e), "changzhi-municipal");
    CHECK(shifan_evaluation_check_count(e) > 40);
    i = check_index(e, "art6.1.total_assets");
    CHECK_EQ_STR(shifan_evaluation_check_id(e, (size_t)i), "art6.1.total_assets");
    CHECK_EQ_INT(shifan_evaluation_check_kind(e, (size_t)i), SHIFAN_CHECK_RULE);
    CHECK_EQ_INT(shifan_evaluation_check_outcome(e, (size_t)i), SHIFAN_OUTCOME_FAIL);
    CHECK_EQ_STR(shifan_evaluation_check_reason(e, (size_t)i), "below_threshold");
    CHECK_EQ_STR(shifan_evaluation_check_actual(e, (size_t)i), "999999.99");
    CHECK_EQ_STR(shifan_evaluation_check_required(e, (size_t)i), "1000000.00");
    CHECK_EQ_STR(shifan_evaluation_check_shortfall(e, (size_t)i), "0.01");
    CHECK_EQ_STR(shifan_evaluation_check_citation(e, (size_t)i, SHIFAN_LANG_ZH), "第六条第（一）项");
    CHECK_EQ_STR(shifan_evaluation_check_citation(e, (size_t)i, SHIFAN_LANG_EN), "Art. 6(1)");
    CHECK(shifan_evaluation_check_citation(e, (size_t)i, SHIFAN_LANG_BOTH) == NULL);
    CHECK(shifan_evaluation_check_title(e, (size_t)i, SHIFAN_LANG_EN) != NULL);
    CHECK(strstr(shifan_evaluation_check_message(e, (size_t)i, SHIFAN_LANG_EN), "short by 0.01") != NULL);
    CHECK(strstr(shifan_evaluation_check_message(e, (size_t)i, SHIFAN_LANG_ZH), "差 0.01") != NULL);
    i = check_index(e, "art6.2.satisfaction");
    CHECK_EQ_STR(shifan_evaluation_check_actual(e, (size_t)i), "79.16");
    CHECK_EQ_STR(shifan_evaluation_check_shortfall(e, (size_t)i), "1");
    i = check_index(e, "art6.1.legal_person"); /* yes/no: no numbers */
    CHECK(shifan_evaluation_check_actual(e, (size_t)i) == NULL);
    CHECK_EQ_INT(shifan_evaluation_check_outcome(e, (size_t)i), SHIFAN_OUTCOME_PASS);
    i = check_index(e, "art6");
    CHECK_EQ_INT(shifan_evaluation_check_kind(e, (size_t)i), SHIFAN_CHECK_GROUP);
    CHECK_EQ_INT(shifan_evaluation_dossier(e), SHIFAN_DOSSIER_INCOMPLETE);
    CHECK_EQ_INT(shifan_evaluation_missing_material_count(e), 1);
    CHECK_EQ_STR(shifan_evaluation_missing_material(e, 0), "art10.4");
    CHECK(shifan_evaluation_missing_material(e, 1) == NULL);
    CHECK_EQ_INT(shifan_evaluation_missing_count(e), 0);
    /* out-of-range and unknown ids */
    CHECK(shifan_evaluation_check_id(e, 100000) == NULL);
    CHECK_EQ_INT(shifan_error_code(shifan_last_error()), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_evaluation_check_outcome(e, 100000), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_evaluation_check_index(e, "art99"), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_evaluation_check_index(e, NULL), SHIFAN_EUSAGE);
    CHECK(shifan_evaluation_check_message(e, 0, SHIFAN_LANG_BOTH) == NULL);
    /* reports */
    CHECK_EQ_INT(shifan_evaluation_report(&report, &report_len, e, SHIFAN_LANG_ZH, NULL), SHIFAN_OK);
    CHECK(report != NULL && strlen(report) == report_len);
    CHECK(strstr(report, "结论：✗") != NULL);
    shifan_string_free(report);
    CHECK_EQ_INT(shifan_evaluation_report(&report, NULL, e, SHIFAN_LANG_BOTH, NULL), SHIFAN_OK);
    CHECK(strstr(report, "结论") != NULL && strstr(report, "Verdict: ") != NULL);
    shifan_string_free(report);
    report = (char *)1;
    CHECK_EQ_INT(shifan_evaluation_report(&report, NULL, e, 9, &err), SHIFAN_EUSAGE);
    CHECK(report == NULL);
    shifan_error_free(err);
    shifan_evaluation_free(e);
    free(text);

    /* undetermined-missing: missing inputs, unknown dossier */
    text = read_file(join_path(examples_dir, "undetermined-missing.json"), &len);
    CHECK_EQ_INT(shifan_evaluate(&e, engine, text, len, NULL, NULL), SHIFAN_OK);
    CHECK_EQ_INT(shifan_evaluation_verdict(e), SHIFAN_VERDICT_UNDETERMINED);
    CHECK_EQ_INT(shifan_evaluation_missing_count(e), 3);
    CHECK_EQ_STR(shifan_evaluation_missing(e, 0), "/performance/satisfaction");
    CHECK_EQ_STR(shifan_evaluation_missing(e, 1), "/performance/smes_served/2023");
    CHECK_EQ_STR(shifan_evaluation_missing(e, 2), "/functions/information/activities");
    CHECK(shifan_evaluation_missing(e, 3) == NULL);
    CHECK_EQ_INT(shifan_evaluation_dossier(e), SHIFAN_DOSSIER_UNKNOWN);
    shifan_evaluation_free(e);
    free(text);

    /* eligible-several: qualified functions */
    text = read_file(join_path(examples_dir, "eligible-several.json"), &len);
    CHECK_EQ_INT(shifan_evaluate(&e, engine, text, len, NULL, NULL), SHIFAN_OK);
    CHECK_EQ_INT(shifan_evaluation_verdict(e), SHIFAN_VERDICT_ELIGIBLE);
    CHECK_EQ_INT(shifan_evaluation_qualified_functions(e),
                 SHIFAN_FUNCTION_INFORMATION | SHIFAN_FUNCTION_TRAINING | SHIFAN_FUNCTION_FINANCING);
    CHECK_EQ_INT(shifan_evaluation_dossier(e), SHIFAN_DOSSIER_COMPLETE);
    shifan_evaluation_free(e);
    free(text);
}

/* The second comparison of a rule with two thresholds: art7.5.intermediary_route compares the
 * financing obtained, then the activities. eligible-several has exactly the required 4 activities;
 * with 3 the route fails on them alone, short by 1. */
static void test_second_comparison(const shifan_engine *engine) {
    shifan_evaluation *e = NULL;
    size_t len;
    char *text = read_file(join_path(examples_dir, "eligible-several.json"), &len);
    char *json = NULL;
    char *activities = strstr(text, "\"financing\": {");
    int route, assets, group;

    CHECK(activities != NULL);
    if (!activities) {
        free(text);
        return;
    }
    activities = strstr(activities, "\"activities\": 4");
    CHECK(activities != NULL);
    if (!activities) {
        free(text);
        return;
    }

    /* at the threshold: met, nothing short */
    CHECK_EQ_INT(shifan_evaluate(&e, engine, text, len, NULL, NULL), SHIFAN_OK);
    route = check_index(e, "art7.5.intermediary_route");
    CHECK_EQ_INT(shifan_evaluation_check_outcome(e, (size_t)route), SHIFAN_OUTCOME_PASS);
    shifan_clear_last_error();
    CHECK_EQ_STR(shifan_evaluation_check_second_name(e, (size_t)route), "activities");
    CHECK_EQ_STR(shifan_evaluation_check_second_actual(e, (size_t)route), "4");
    CHECK_EQ_STR(shifan_evaluation_check_second_required(e, (size_t)route), "4");
    CHECK(shifan_evaluation_check_second_shortfall(e, (size_t)route) == NULL);
    CHECK_EQ_STR(shifan_evaluation_check_actual(e, (size_t)route), "400000000.00");
    CHECK_EQ_INT(shifan_error_code(shifan_last_error()), SHIFAN_OK); /* a NULL number is not an error */
    shifan_evaluation_free(e);

    /* one activity below: fails on the second comparison, the first still met */
    activities[strlen("\"activities\": ")] = '3';
    CHECK_EQ_INT(shifan_evaluate(&e, engine, text, len, NULL, NULL), SHIFAN_OK);
    route = check_index(e, "art7.5.intermediary_route");
    CHECK_EQ_INT(shifan_evaluation_check_outcome(e, (size_t)route), SHIFAN_OUTCOME_FAIL);
    CHECK_EQ_STR(shifan_evaluation_check_second_name(e, (size_t)route), "activities");
    CHECK_EQ_STR(shifan_evaluation_check_second_actual(e, (size_t)route), "3");
    CHECK_EQ_STR(shifan_evaluation_check_second_required(e, (size_t)route), "4");
    CHECK_EQ_STR(shifan_evaluation_check_second_shortfall(e, (size_t)route), "1");
    CHECK(shifan_evaluation_check_shortfall(e, (size_t)route) == NULL);
    /* the same figures as the JSON's member */
    CHECK_EQ_INT(shifan_evaluation_to_json(&json, NULL, e, NULL, NULL), SHIFAN_OK);
    CHECK(json && strstr(json, "\"activities\":{\"actual\":3,\"required\":4,\"shortfall\":1}") != NULL);
    shifan_string_free(json);

    /* a rule with one threshold, a group: no second comparison, and no error */
    assets = check_index(e, "art6.1.total_assets");
    group = check_index(e, "art7.5");
    shifan_clear_last_error();
    CHECK(shifan_evaluation_check_actual(e, (size_t)assets) != NULL);
    CHECK(shifan_evaluation_check_second_name(e, (size_t)assets) == NULL);
    CHECK(shifan_evaluation_check_second_actual(e, (size_t)assets) == NULL);
    CHECK(shifan_evaluation_check_second_required(e, (size_t)assets) == NULL);
    CHECK(shifan_evaluation_check_second_shortfall(e, (size_t)assets) == NULL);
    CHECK(shifan_evaluation_check_second_name(e, (size_t)group) == NULL);
    CHECK(shifan_evaluation_check_second_actual(e, (size_t)group) == NULL);
    CHECK_EQ_INT(shifan_error_code(shifan_last_error()), SHIFAN_OK);
    /* out of range, NULL handle: errors */
    CHECK(shifan_evaluation_check_second_name(e, 100000) == NULL);
    CHECK_EQ_INT(shifan_error_code(shifan_last_error()), SHIFAN_EUSAGE);
    shifan_clear_last_error();
    CHECK(shifan_evaluation_check_second_actual(e, 100000) == NULL);
    CHECK_EQ_INT(shifan_error_code(shifan_last_error()), SHIFAN_EUSAGE);
    shifan_clear_last_error();
    CHECK(shifan_evaluation_check_second_shortfall(NULL, (size_t)route) == NULL);
    CHECK_EQ_INT(shifan_error_code(shifan_last_error()), SHIFAN_EUSAGE);
    shifan_clear_last_error();
    CHECK(shifan_evaluation_check_second_name((const shifan_evaluation *)engine, (size_t)route) == NULL);
    CHECK_EQ_INT(shifan_error_code(shifan_last_error()), SHIFAN_EHANDLE);
    shifan_evaluation_free(e);
    free(text);
}

static void expect_input_error(const shifan_engine *engine, const char *doc, int code, const char *path) {
    shifan_evaluation *e = (shifan_evaluation *)1;
    shifan_error *err = NULL;
    char *json = NULL;
    int rc = shifan_evaluate(&e, engine, doc, strlen(doc), NULL, &err);
    CHECK_EQ_INT(rc, code);
    CHECK(e == NULL);
    CHECK(err != NULL);
    if (!err) return;
    CHECK_EQ_INT(shifan_error_code(err), code);
    if (path) CHECK_EQ_STR(shifan_error_path(err), path);
    CHECK(strlen(shifan_error_message(err, SHIFAN_LANG_ZH)) > 0);
    CHECK(strlen(shifan_error_message(err, SHIFAN_LANG_EN)) > 0);
    CHECK_EQ_INT(shifan_error_event_index(err), -1);
    /* the thread's last error says the same */
    CHECK_EQ_INT(shifan_error_code(shifan_last_error()), code);
    if (path) CHECK_EQ_STR(shifan_error_path(shifan_last_error()), path);
    CHECK_EQ_INT(shifan_error_to_json(&json, NULL, err), SHIFAN_OK);
    CHECK(json && strstr(json, "{\"error\":{\"code\":\"") == json);
    shifan_string_free(json);
    shifan_error_free(err);
    /* and the same through the one-call JSON path */
    json = (char *)1;
    CHECK_EQ_INT(shifan_evaluate_to_json(&json, NULL, engine, doc, strlen(doc), NULL, NULL, NULL), code);
    CHECK(json == NULL);
}

static void test_bad_input(const shifan_engine *engine) {
    shifan_evaluation *e = NULL;
    shifan_error *err = NULL;
    shifan_evaluate_options small = SHIFAN_EVALUATE_OPTIONS_INIT;

    expect_input_error(engine, "{\"schema\": ", SHIFAN_ESYNTAX, NULL);
    expect_input_error(engine, "", SHIFAN_ESYNTAX, NULL);
    expect_input_error(engine, "[1, 2]", SHIFAN_EWRONG_TYPE, "");
    expect_input_error(engine, "{\"schema\": \"shifan.history/1\", \"reference_date\": \"2025-04-15\"}",
                       SHIFAN_EWRONG_SCHEMA, "/schema");
    expect_input_error(engine,
                       "{\"schema\": \"shifan.application/1\", \"reference_date\": \"2025-04-15\", "
                       "\"applicant\": {\"legal_persn\": true}}",
                       SHIFAN_EUNKNOWN_KEY, "/applicant/legal_persn");
    expect_input_error(engine, "{\"schema\": \"shifan.application/1\", \"reference_date\": \"2025-02-30\"}",
                       SHIFAN_EINVALID_DATE, "/reference_date");
    expect_input_error(engine, "{\"schema\": \"shifan.application/1\"}", SHIFAN_EMISSING_REQUIRED,
                       "/reference_date");
    expect_input_error(engine,
                       "{\"schema\": \"shifan.application/1\", \"reference_date\": \"2025-04-15\", "
                       "\"staff\": {\"serving_smes\": -1}}",
                       SHIFAN_EOUT_OF_RANGE, "/staff/serving_smes");
    expect_input_error(engine,
                       "{\"schema\": \"shifan.application/1\", \"reference_date\": \"2025-04-15\", "
                       "\"performance\": {\"satisfaction\": {\"surveyed\": 10, \"satisfied\": 11}}}",
                       SHIFAN_EINCONSISTENT, "/performance/satisfaction/satisfied");

    /* limits from the options */
    small.max_document_bytes = 16;
    CHECK_EQ_INT(shifan_evaluate(&e, engine, minimal_app, strlen(minimal_app), &small, &err), SHIFAN_ELIMIT_EXCEEDED);
    CHECK(strstr(shifan_error_message(err, SHIFAN_LANG_EN), "16") != NULL);
    shifan_error_free(err);
    small.version = 77;
    CHECK_EQ_INT(shifan_evaluate(&e, engine, minimal_app, strlen(minimal_app), &small, NULL), SHIFAN_EUSAGE);

    /* NULL arguments */
    CHECK_EQ_INT(shifan_evaluate(NULL, engine, minimal_app, strlen(minimal_app), NULL, NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_evaluate(&e, NULL, minimal_app, strlen(minimal_app), NULL, NULL), SHIFAN_EUSAGE);
    CHECK(e == NULL);
    CHECK_EQ_INT(shifan_evaluate(&e, engine, NULL, 10, NULL, &err), SHIFAN_EUSAGE);
    CHECK(strstr(shifan_error_message(err, SHIFAN_LANG_EN), "json is NULL") != NULL);
    shifan_error_free(err);
    CHECK_EQ_INT(shifan_evaluate(&e, engine, NULL, 0, NULL, NULL), SHIFAN_ESYNTAX); /* empty input */
}

static void test_handles(const shifan_engine *engine) {
    shifan_evaluation *e = NULL;
    shifan_error *err = NULL;
    char *json = NULL;
    /* accessors on NULL */
    CHECK_EQ_INT(shifan_evaluation_verdict(NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_evaluation_qualified_functions(NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_evaluation_check_count(NULL), SHIFAN_EUSAGE);
    CHECK(shifan_evaluation_check_id(NULL, 0) == NULL);
    CHECK(shifan_evaluation_application_id(NULL) == NULL);
    CHECK_EQ_INT(shifan_evaluation_dossier(NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_error_code(NULL), SHIFAN_EUSAGE);
    CHECK(shifan_error_path(NULL) == NULL);
    CHECK(shifan_error_message(NULL, SHIFAN_LANG_EN) == NULL);
    CHECK_EQ_INT(shifan_batch_count(NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_evaluation_to_json(&json, NULL, NULL, NULL, NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_error_to_json(&json, NULL, NULL), SHIFAN_EUSAGE);

    /* a handle of another kind */
    CHECK_EQ_INT(shifan_evaluation_verdict((const shifan_evaluation *)engine), SHIFAN_EHANDLE);
    CHECK_EQ_INT(shifan_error_code(shifan_last_error()), SHIFAN_EHANDLE);
    CHECK_EQ_INT(shifan_evaluate(&e, (const shifan_engine *)shifan_last_error(), minimal_app, strlen(minimal_app),
                                 NULL, &err),
                 SHIFAN_EHANDLE);
    CHECK_EQ_INT(shifan_error_code(err), SHIFAN_EHANDLE);
    shifan_error_free(err);
    CHECK_EQ_INT(shifan_error_code((const shifan_error *)engine), SHIFAN_EHANDLE);
    /* freeing a handle with the wrong free function is refused and leaves it intact */
    shifan_evaluation_free((shifan_evaluation *)engine);
    CHECK_EQ_INT(shifan_error_code(shifan_last_error()), SHIFAN_EHANDLE);
    CHECK_EQ_STR(shifan_engine_rule_pack_id(engine), "changzhi-municipal");

    /* double free of every kind */
    CHECK_EQ_INT(shifan_evaluate(&e, engine, minimal_app, strlen(minimal_app), NULL, NULL), SHIFAN_OK);
    shifan_evaluation_free(e);
    shifan_clear_last_error();
    shifan_evaluation_free(e);
    CHECK_EQ_INT(shifan_error_code(shifan_last_error()), SHIFAN_EHANDLE);
    CHECK_EQ_INT(shifan_evaluate(&e, engine, "x", 1, NULL, &err), SHIFAN_ESYNTAX);
    shifan_error_free(err);
    shifan_clear_last_error();
    shifan_error_free(err);
    CHECK_EQ_INT(shifan_error_code(shifan_last_error()), SHIFAN_EHANDLE);
    /* the thread's last error is not the caller's to free: ignored */
    shifan_error_free((shifan_error *)shifan_last_error());
    CHECK_EQ_INT(shifan_error_code(shifan_last_error()), SHIFAN_EHANDLE);
}

static void test_json_output(const shifan_engine *engine) {
    shifan_evaluation *e = NULL;
    shifan_json_options o = SHIFAN_JSON_OPTIONS_INIT;
    char *a = NULL, *b = NULL;
    size_t alen = 0, blen = 0, len;
    char *text = read_file(join_path(examples_dir, "ineligible-shortfalls.json"), &len);

    CHECK_EQ_INT(shifan_evaluate(&e, engine, text, len, NULL, NULL), SHIFAN_OK);
    CHECK_EQ_INT(shifan_evaluation_to_json(&a, &alen, e, NULL, NULL), SHIFAN_OK);
    CHECK_EQ_INT(shifan_evaluate_to_json(&b, &blen, engine, text, len, NULL, NULL, NULL), SHIFAN_OK);
    CHECK_EQ_INT(alen, blen);
    CHECK_EQ_INT(alen, strlen(a));
    CHECK(strcmp(a, b) == 0);
    CHECK(strstr(a, "{\"schema\":\"shifan.evaluation/1\",\"application_id\":\"CZ-2025-031\"") == a);
    CHECK(strstr(a, "\"zh\":") != NULL && strstr(a, "\"en\":") != NULL);
    shifan_string_free(a);
    shifan_string_free(b);

    o.lang = SHIFAN_LANG_EN;
    o.compact = 1;
    CHECK_EQ_INT(shifan_evaluation_to_json(&a, &alen, e, &o, NULL), SHIFAN_OK);
    CHECK(strstr(a, "\"zh\":") == NULL);
    CHECK(strstr(a, "art6.1.legal_person") == NULL); /* passed: not in a compact result */
    CHECK(strstr(a, "art6.1.total_assets") != NULL);
    shifan_string_free(a);
    o.messages = 0;
    CHECK_EQ_INT(shifan_evaluation_to_json(&a, &alen, e, &o, NULL), SHIFAN_OK);
    CHECK(strstr(a, "\"message\"") == NULL);
    shifan_string_free(a);
    o.lang = 5;
    a = (char *)1;
    CHECK_EQ_INT(shifan_evaluation_to_json(&a, &alen, e, &o, NULL), SHIFAN_EUSAGE);
    CHECK(a == NULL);
    o.lang = SHIFAN_LANG_ZH;
    o.version = 0;
    CHECK_EQ_INT(shifan_evaluation_to_json(&a, &alen, e, &o, NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_evaluation_to_json(NULL, &alen, e, NULL, NULL), SHIFAN_EUSAGE);
    shifan_evaluation_free(e);
    free(text);
}

static void test_batch(const shifan_engine *engine) {
    static const char *const names[] = {"eligible-technology.json", "ineligible-shortfalls.json",
                                        "undetermined-missing.json", "eligible-several.json"};
    static const char bad_doc[] =
        "{\"schema\": \"shifan.application/1\", \"reference_date\": \"2025-04-15\", \"staff\": {\"serving_smes\": 1.5}}";
    const char *docs[6];
    size_t lens[6], tlens[4];
    char *texts[4];
    char *buffer;
    size_t offsets[7];
    size_t total = 0;
    int32_t status[6];
    uint8_t verdicts[6], functions[6];
    shifan_batch *batch = NULL;
    shifan_batch_options opts = SHIFAN_BATCH_OPTIONS_INIT;
    shifan_error *err = NULL, *item_err = NULL;
    shifan_evaluation *e = NULL;
    char *json = NULL;
    char *single = NULL;
    int i;

    for (i = 0; i < 4; ++i) texts[i] = read_file(join_path(examples_dir, names[i]), &tlens[i]);
    /* good, good, BAD, good, good, empty (an error of its own) */
    docs[0] = texts[0], lens[0] = tlens[0];
    docs[1] = texts[1], lens[1] = tlens[1];
    docs[2] = bad_doc, lens[2] = strlen(bad_doc);
    docs[3] = texts[1], lens[3] = tlens[1];
    docs[4] = texts[2], lens[4] = tlens[2];
    docs[5] = texts[3], lens[5] = 0;

    opts.jobs = 2;
    CHECK_EQ_INT(shifan_evaluate_batch(&batch, engine, docs, lens, 6, &opts, &err), SHIFAN_OK);
    CHECK(err == NULL);
    CHECK_EQ_INT(shifan_batch_count(batch), 6);
    CHECK_EQ_INT(shifan_batch_summary(batch, status, verdicts, functions, 6, NULL), SHIFAN_OK);
    CHECK_EQ_INT(status[0], SHIFAN_OK);
    CHECK_EQ_INT(verdicts[0], SHIFAN_VERDICT_ELIGIBLE);
    CHECK_EQ_INT(functions[0], SHIFAN_FUNCTION_TECHNOLOGY);
    CHECK_EQ_INT(status[1], SHIFAN_OK);
    CHECK_EQ_INT(verdicts[1], SHIFAN_VERDICT_INELIGIBLE);
    CHECK_EQ_INT(status[2], SHIFAN_EWRONG_TYPE);
    CHECK_EQ_INT(verdicts[2], SHIFAN_VERDICT_NONE);
    CHECK_EQ_INT(functions[2], 0);
    CHECK_EQ_INT(status[3], SHIFAN_OK);
    CHECK_EQ_INT(verdicts[3], SHIFAN_VERDICT_INELIGIBLE);
    CHECK_EQ_INT(status[4], SHIFAN_OK);
    CHECK_EQ_INT(verdicts[4], SHIFAN_VERDICT_UNDETERMINED);
    CHECK_EQ_INT(status[5], SHIFAN_ESYNTAX);
    /* arrays are optional; n must match */
    CHECK_EQ_INT(shifan_batch_summary(batch, NULL, verdicts, NULL, 6, NULL), SHIFAN_OK);
    CHECK_EQ_INT(shifan_batch_summary(batch, status, NULL, NULL, 5, &err), SHIFAN_EUSAGE);
    shifan_error_free(err);

    /* per-item JSON: identical to a single evaluation; errors as {"error": ...} */
    CHECK_EQ_INT(shifan_batch_item_json(&json, NULL, batch, 1, NULL), SHIFAN_OK);
    CHECK_EQ_INT(shifan_evaluate_to_json(&single, NULL, engine, texts[1], strlen(texts[1]), NULL, NULL, NULL), SHIFAN_OK);
    CHECK(json && single && strcmp(json, single) == 0);
    shifan_string_free(json);
    shifan_string_free(single);
    CHECK_EQ_INT(shifan_batch_item_json(&json, NULL, batch, 2, NULL), SHIFAN_OK);
    CHECK(strstr(json, "\"code\":\"wrong_type\"") != NULL);
    CHECK(strstr(json, "\"path\":\"/staff/serving_smes\"") != NULL);
    shifan_string_free(json);
    CHECK_EQ_INT(shifan_batch_item_json(&json, NULL, batch, 6, NULL), SHIFAN_EUSAGE);

    /* per-item errors */
    CHECK_EQ_INT(shifan_batch_item_error(&item_err, batch, 0, NULL), SHIFAN_OK);
    CHECK(item_err == NULL);
    CHECK_EQ_INT(shifan_batch_item_error(&item_err, batch, 2, NULL), SHIFAN_OK);
    CHECK_EQ_INT(shifan_error_code(item_err), SHIFAN_EWRONG_TYPE);
    CHECK_EQ_STR(shifan_error_path(item_err), "/staff/serving_smes");
    shifan_error_free(item_err);
    /* no kept input: no evaluation handle */
    CHECK_EQ_INT(shifan_batch_item_evaluation(&e, batch, 0, NULL), SHIFAN_EUSAGE);
    shifan_batch_free(batch);
    shifan_clear_last_error();
    shifan_batch_free(batch);
    CHECK_EQ_INT(shifan_error_code(shifan_last_error()), SHIFAN_EHANDLE);

    /* one contiguous buffer + offsets, keeping the input, no eager JSON */
    for (i = 0; i < 6; ++i) total += lens[i];
    buffer = (char *)malloc(total + 1);
    offsets[0] = 0;
    for (i = 0; i < 6; ++i) {
        memcpy(buffer + offsets[i], docs[i], lens[i]);
        offsets[i + 1] = offsets[i] + lens[i];
    }
    opts.flags = SHIFAN_BATCH_KEEP_INPUT;
    opts.jobs = 0;
    CHECK_EQ_INT(shifan_evaluate_batch_buffer(&batch, engine, buffer, total, offsets, 6, &opts, NULL), SHIFAN_OK);
    memset(buffer, 'x', total); /* the batch kept its own copy */
    memset(status, 0x7f, sizeof status);
    CHECK_EQ_INT(shifan_batch_summary(batch, status, verdicts, functions, 6, NULL), SHIFAN_OK);
    CHECK_EQ_INT(status[2], SHIFAN_EWRONG_TYPE);
    CHECK_EQ_INT(verdicts[4], SHIFAN_VERDICT_UNDETERMINED);
    CHECK_EQ_INT(shifan_batch_item_json(&json, NULL, batch, 1, NULL), SHIFAN_OK);
    CHECK_EQ_INT(shifan_evaluate_to_json(&single, NULL, engine, texts[1], strlen(texts[1]), NULL, NULL, NULL), SHIFAN_OK);
    CHECK(json && single && strcmp(json, single) == 0);
    shifan_string_free(json);
    shifan_string_free(single);
    CHECK_EQ_INT(shifan_batch_item_evaluation(&e, batch, 4, NULL), SHIFAN_OK);
    CHECK_EQ_INT(shifan_evaluation_verdict(e), SHIFAN_VERDICT_UNDETERMINED);
    shifan_evaluation_free(e);
    e = (shifan_evaluation *)1;
    CHECK_EQ_INT(shifan_batch_item_evaluation(&e, batch, 2, &err), SHIFAN_EWRONG_TYPE);
    CHECK(e == NULL);
    CHECK_EQ_STR(shifan_error_path(err), "/staff/serving_smes");
    shifan_error_free(err);
    CHECK_EQ_INT(shifan_batch_item_json(&json, NULL, batch, 5, NULL), SHIFAN_OK);
    CHECK(strstr(json, "\"code\":\"syntax\"") != NULL);
    shifan_string_free(json);
    shifan_batch_free(batch);

    /* neither flag: no item JSON, but errors are kept */
    opts.flags = 0;
    CHECK_EQ_INT(shifan_evaluate_batch_buffer(&batch, engine, buffer, total, offsets, 6, &opts, NULL), SHIFAN_OK);
    CHECK_EQ_INT(shifan_batch_summary(batch, status, NULL, NULL, 6, NULL), SHIFAN_OK);
    CHECK_EQ_INT(status[0], SHIFAN_ESYNTAX); /* the buffer now holds x's */
    CHECK_EQ_INT(shifan_batch_item_json(&json, NULL, batch, 0, NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_batch_item_error(&item_err, batch, 0, NULL), SHIFAN_OK);
    CHECK_EQ_INT(shifan_error_code(item_err), SHIFAN_ESYNTAX);
    shifan_error_free(item_err);
    shifan_batch_free(batch);

    /* an empty batch is fine */
    CHECK_EQ_INT(shifan_evaluate_batch(&batch, engine, NULL, NULL, 0, NULL, NULL), SHIFAN_OK);
    CHECK_EQ_INT(shifan_batch_count(batch), 0);
    CHECK_EQ_INT(shifan_batch_summary(batch, NULL, NULL, NULL, 0, NULL), SHIFAN_OK);
    shifan_batch_free(batch);

    /* bad arguments */
    CHECK_EQ_INT(shifan_evaluate_batch(&batch, engine, NULL, lens, 2, NULL, NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_evaluate_batch(&batch, NULL, docs, lens, 2, NULL, NULL), SHIFAN_EUSAGE);
    docs[1] = NULL;
    CHECK_EQ_INT(shifan_evaluate_batch(&batch, engine, docs, lens, 2, NULL, NULL), SHIFAN_EUSAGE);
    offsets[3] = offsets[2] - 1;
    CHECK_EQ_INT(shifan_evaluate_batch_buffer(&batch, engine, buffer, total, offsets, 6, NULL, &err), SHIFAN_EUSAGE);
    CHECK(strstr(shifan_error_message(err, SHIFAN_LANG_EN), "offsets[2]") != NULL);
    shifan_error_free(err);
    offsets[3] = total + 1;
    CHECK_EQ_INT(shifan_evaluate_batch_buffer(&batch, engine, buffer, total, offsets, 3, NULL, NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_evaluate_batch_buffer(&batch, engine, buffer, total, NULL, 3, NULL, NULL), SHIFAN_EUSAGE);
    opts.flags = 0x80;
    CHECK_EQ_INT(shifan_evaluate_batch(&batch, engine, NULL, NULL, 0, &opts, NULL), SHIFAN_EUSAGE);
    opts.flags = 0;
    opts.version = 0;
    CHECK_EQ_INT(shifan_evaluate_batch(&batch, engine, NULL, NULL, 0, &opts, NULL), SHIFAN_EUSAGE);
    CHECK(batch == NULL);

    free(buffer);
    for (i = 0; i < 4; ++i) free(texts[i]);
}

int main(int argc, char **argv) {
    shifan_engine *engine = NULL;
    require_args(argc, 2, "test_capi EXAMPLES_DIR");
    examples_dir = argv[1];
    test_versions();
    test_last_error_initial();
    test_free_null();
    test_options_init();
    test_engine();
    test_rule_pack();
    if (shifan_engine_new(&engine, NULL) != SHIFAN_OK) {
        fprintf(stderr, "cannot make an engine\n");
        return 1;
    }
    test_evaluate_examples(engine);
    test_second_comparison(engine);
    test_bad_input(engine);
    test_handles(engine);
    test_json_output(engine);
    test_batch(engine);
    shifan_engine_free(engine);
    return test_summary("test_capi");
}
