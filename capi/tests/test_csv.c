/* The CSV application sheet through the C ABI: the template (its byte order mark, header rows and
 * languages), the import of a sheet into NDJSON (a good row evaluates as the document it stands
 * for; a bad row names its cells; GB18030 detected), and every argument checked. */
#include "capi_test.h"

static int starts_with(const char *s, const char *prefix) { return strncmp(s, prefix, strlen(prefix)) == 0; }

static void test_template(void) {
    char *t = NULL;
    size_t len = 0;
    shifan_error *err = NULL;
    CHECK_EQ_INT(shifan_csv_template(&t, &len, SHIFAN_LANG_ZH, 0, &err), SHIFAN_OK);
    CHECK(err == NULL);
    CHECK(t != NULL && len == strlen(t));
    if (t) {
        CHECK(starts_with(t, "\xEF\xBB\xBF\xE7\x94\xB3\xE6\x8A\xA5\xE7\xBC\x96\xE5\x8F\xB7,")); /* BOM, 申报编号 */
        CHECK(strstr(t, "\r\n/id,/review_year,/reference_date,") != NULL);
        CHECK(strstr(t, "/performance/smes_served/{Y-1}") != NULL);
    }
    shifan_string_free(t);
    CHECK_EQ_INT(shifan_csv_template(&t, NULL, SHIFAN_LANG_EN, 2025, NULL), SHIFAN_OK);
    if (t) {
        CHECK(strstr(t, "total assets (CNY)") != NULL);
        CHECK(strstr(t, "/performance/smes_served/2024,") != NULL);
        CHECK(strstr(t, "/performance/smes_served/2022,") != NULL);
    }
    shifan_string_free(t);
    t = (char *)1;
    CHECK_EQ_INT(shifan_csv_template(&t, NULL, SHIFAN_LANG_BOTH, 0, &err), SHIFAN_EUSAGE);
    CHECK(t == NULL);
    CHECK(err != NULL && shifan_error_code(err) == SHIFAN_EUSAGE);
    shifan_error_free(err);
    CHECK_EQ_INT(shifan_csv_template(&t, NULL, SHIFAN_LANG_ZH, 1902, NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_csv_template(&t, NULL, SHIFAN_LANG_ZH, 3000, NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_csv_template(NULL, NULL, SHIFAN_LANG_ZH, 0, NULL), SHIFAN_EUSAGE);
}

static void test_import(void) {
    const char sheet[] =
        "/id,/reference_date,/applicant/total_assets_cny,/resources/partner_institutions,/applicant/established_on\r\n"
        "A-1,2025-04-15,\"1,000,000.00\",3,2017-09-12\r\n"
        "A-2,2025-04-15,,-1,2017-02-30\r\n"
        ",,,,\r\n"
        "A-3,2025-04-15,12,,\r\n";
    char *out = NULL, *line2, *line3;
    size_t len = 0, bad = 99;
    shifan_error *err = NULL;
    shifan_csv_options opts = SHIFAN_CSV_OPTIONS_INIT;
    CHECK_EQ_INT(shifan_csv_import(&out, &len, sheet, sizeof sheet - 1, NULL, &bad, &err), SHIFAN_OK);
    CHECK(err == NULL);
    CHECK_EQ_INT(bad, 1);
    CHECK(out != NULL && len == strlen(out));
    if (out) {
        line2 = strchr(out, '\n');
        CHECK(line2 != NULL);
        CHECK(starts_with(out, "{\"schema\":\"shifan.application/1\",\"id\":\"A-1\""));
        CHECK(strstr(out, "\"total_assets_cny\":\"1000000.00\"") != NULL);
        if (line2) {
            line3 = strchr(line2 + 1, '\n');
            CHECK(starts_with(line2 + 1, "{\"row\":3,\"errors\":[{\"cell\":\"D3\""));
            CHECK(strstr(line2, "\"cell\":\"E3\"") != NULL);
            CHECK(strstr(line2, "\"code\":\"invalid_date\"") != NULL);
            CHECK(line3 != NULL && starts_with(line3 + 1, "{\"schema\":\"shifan.application/1\",\"id\":\"A-3\""));
        }
        /* The good row evaluates. */
        {
            shifan_engine *engine = NULL;
            shifan_evaluation *ev = NULL;
            CHECK_EQ_INT(shifan_engine_new(&engine, NULL), SHIFAN_OK);
            CHECK_EQ_INT(shifan_evaluate(&ev, engine, out, (size_t)(line2 - out), NULL, NULL), SHIFAN_OK);
            CHECK_EQ_INT(shifan_evaluation_verdict(ev), SHIFAN_VERDICT_INELIGIBLE); /* no function claimed */
            shifan_evaluation_free(ev);
            shifan_engine_free(engine);
        }
    }
    shifan_string_free(out);

    /* Row numbers for good rows too. */
    opts.row_numbers = 1;
    CHECK_EQ_INT(shifan_csv_import(&out, NULL, sheet, sizeof sheet - 1, &opts, NULL, NULL), SHIFAN_OK);
    if (out) {
        CHECK(starts_with(out, "{\"row\":2,\"application\":{\"schema\":\"shifan.application/1\",\"id\":\"A-1\""));
        CHECK(strstr(out, "}}\n{\"row\":3,\"errors\":") != NULL);
        CHECK(strstr(out, "\n{\"row\":5,\"application\":{") != NULL);
    }
    shifan_string_free(out);
    opts.row_numbers = 0;

    /* GB18030 without a byte order mark: 申报单位名称 / 潞州区. */
    {
        const char gb[] = "/reference_date,\xC9\xEA\xB1\xA8\xB5\xA5\xCE\xBB\xC3\xFB\xB3\xC6\r\n2025-04-15,\xC2\xBA\xD6\xDD\xC7\xF8\r\n";
        CHECK_EQ_INT(shifan_csv_import(&out, NULL, gb, sizeof gb - 1, NULL, NULL, NULL), SHIFAN_OK);
        if (out) CHECK(strstr(out, "\"name\":\"\xE6\xBD\x9E\xE5\xB7\x9E\xE5\x8C\xBA\"") != NULL);
        shifan_string_free(out);
        opts.encoding = SHIFAN_CSV_UTF8;
        CHECK_EQ_INT(shifan_csv_import(&out, NULL, gb, sizeof gb - 1, &opts, NULL, &err), SHIFAN_ESYNTAX);
        CHECK(out == NULL);
        shifan_error_free(err);
        opts.encoding = SHIFAN_CSV_GB18030;
        CHECK_EQ_INT(shifan_csv_import(&out, NULL, gb, sizeof gb - 1, &opts, NULL, NULL), SHIFAN_OK);
        shifan_string_free(out);
    }
    /* Faults of the whole sheet, and of the arguments. */
    bad = 7;
    CHECK_EQ_INT(shifan_csv_import(&out, NULL, "/id,/nope\r\n", 11, NULL, &bad, &err), SHIFAN_EUNKNOWN_KEY);
    CHECK_EQ_INT(bad, 0);
    CHECK(err != NULL && strstr(shifan_error_message(err, SHIFAN_LANG_EN), "/nope") != NULL);
    shifan_error_free(err);
    CHECK_EQ_INT(shifan_csv_import(&out, NULL, "", 0, NULL, NULL, NULL), SHIFAN_EMISSING_REQUIRED);
    CHECK_EQ_INT(shifan_csv_import(&out, NULL, NULL, 0, NULL, NULL, NULL), SHIFAN_EMISSING_REQUIRED);
    CHECK_EQ_INT(shifan_csv_import(&out, NULL, NULL, 3, NULL, NULL, NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_csv_import(NULL, NULL, sheet, sizeof sheet - 1, NULL, NULL, NULL), SHIFAN_EUSAGE);
    opts.encoding = 7;
    CHECK_EQ_INT(shifan_csv_import(&out, NULL, sheet, sizeof sheet - 1, &opts, NULL, NULL), SHIFAN_EUSAGE);
    opts.encoding = SHIFAN_CSV_DETECT;
    opts.version = 99;
    CHECK_EQ_INT(shifan_csv_import(&out, NULL, sheet, sizeof sheet - 1, &opts, NULL, NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_csv_options_init(&opts, SHIFAN_CSV_OPTIONS_VERSION), SHIFAN_OK);
    CHECK_EQ_INT(opts.encoding, SHIFAN_CSV_DETECT);
    CHECK(opts.limits == NULL);
    CHECK_EQ_INT(opts.row_numbers, 0);
    CHECK_EQ_INT(shifan_csv_options_init(&opts, 2), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_csv_options_init(NULL, 1), SHIFAN_EUSAGE);
    {
        shifan_evaluate_options limits = SHIFAN_EVALUATE_OPTIONS_INIT;
        limits.max_document_bytes = 10;
        opts.limits = &limits;
        CHECK_EQ_INT(shifan_csv_import(&out, NULL, sheet, sizeof sheet - 1, &opts, NULL, NULL), SHIFAN_ELIMIT_EXCEEDED);
        limits.max_document_bytes = 0;
        limits.max_string_bytes = 4;
        CHECK_EQ_INT(shifan_csv_import(&out, NULL, sheet, sizeof sheet - 1, &opts, &bad, NULL), SHIFAN_OK);
        CHECK_EQ_INT(bad, 3); /* every row holds a cell over 4 bytes */
        if (out) CHECK(strstr(out, "\"code\":\"limit_exceeded\"") != NULL);
        shifan_string_free(out);
    }
}

int main(void) {
    test_template();
    test_import();
    return test_summary("capi_csv");
}
