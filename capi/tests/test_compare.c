/* Policy simulation through the C ABI: a comparator over two engines (tests/unit/io_compare.cpp
   checks the counts against an independent count; this checks the C surface: options, handles,
   pieces, counts, JSON, report, errors and frees). */
#include "capi_test.h"

static const char *alternative_pack =
    "{\"schema\":\"shifan.rulepack/1\",\"id\":\"alt\",\"version\":\"1\",\"base\":\"changzhi-municipal\","
    "\"parameters\":{\"min_smes_served\":60}}";

/* `eligible` with `from` replaced by `to` (a copy the caller frees), or NULL when `from` is absent. */
static char *with_served(const char *eligible, size_t len, const char *from, const char *to, size_t *out_len) {
    const char *at = strstr(eligible, from);
    size_t head, tail;
    char *out;
    if (!at) return NULL;
    head = (size_t)(at - eligible);
    tail = len - head - strlen(from);
    out = (char *)malloc(head + strlen(to) + tail + 1);
    memcpy(out, eligible, head);
    memcpy(out + head, to, strlen(to));
    memcpy(out + head + strlen(to), at + strlen(from), tail);
    out[head + strlen(to) + tail] = '\0';
    *out_len = head + strlen(to) + tail;
    return out;
}

int main(int argc, char **argv) {
    shifan_engine *baseline = NULL, *alternative = NULL;
    shifan_comparator *c = NULL;
    shifan_compare_options opts;
    shifan_error *err = NULL;
    char path[4096], *eligible, *low, *json = NULL, *report = NULL;
    size_t eligible_len, low_len, json_len = 0;
    const char *docs[3];
    size_t lens[3], offsets[3];
    uint64_t applications = 0, changed = 0, transitions[16];
    char buffer[64];
    if (argc < 2) return 2;
    snprintf(path, sizeof path, "%s/eligible-several.json", argv[1]);
    eligible = read_file(path, &eligible_len);
    /* eligible-several serves 171 SMEs in Y-1; 70 is between the two thresholds (still growing). */
    low = with_served(eligible, eligible_len, "{\"2022\": 126, \"2023\": 148, \"2024\": 171}",
                      "{\"2022\": 50, \"2023\": 60, \"2024\": 70}", &low_len);
    CHECK(low != NULL);
    if (!low) return 1;

    CHECK_EQ_INT(shifan_compare_options_init(&opts, SHIFAN_COMPARE_OPTIONS_VERSION), SHIFAN_OK);
    CHECK_EQ_INT(opts.max_changed, 1000);
    CHECK_EQ_INT(shifan_compare_options_init(&opts, 99), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_compare_options_init(&opts, SHIFAN_COMPARE_OPTIONS_VERSION), SHIFAN_OK);
    opts.jobs = 2;

    CHECK_EQ_INT(shifan_engine_new(&baseline, NULL), SHIFAN_OK);
    CHECK_EQ_INT(shifan_engine_new_from_rule_pack_json(&alternative, alternative_pack, strlen(alternative_pack), NULL),
                 SHIFAN_OK);
    CHECK_EQ_INT(shifan_comparator_new(NULL, baseline, alternative, &opts, NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_comparator_new(&c, baseline, NULL, &opts, &err), SHIFAN_EUSAGE);
    CHECK(c == NULL);
    shifan_error_free(err);
    err = NULL;
    CHECK_EQ_INT(shifan_comparator_new(&c, baseline, alternative, &opts, &err), SHIFAN_OK);
    /* The comparator keeps what it needs: the engines may go first. */
    shifan_engine_free(alternative);
    shifan_engine_free(baseline);

    /* Piece 1: the eligible application (unchanged) and the one at 70 (ineligible -> eligible). */
    docs[0] = eligible;
    lens[0] = eligible_len;
    docs[1] = low;
    lens[1] = low_len;
    CHECK_EQ_INT(shifan_comparator_add(c, docs, lens, 2, NULL), SHIFAN_OK);
    /* Piece 2, from one buffer: a bad document (an error on both sides) and the one at 70 again. */
    memcpy(buffer, "{\"schema\":", 10);
    offsets[0] = 0;
    offsets[1] = 10;
    CHECK_EQ_INT(shifan_comparator_add_buffer(c, buffer, 10, offsets, 1, NULL), SHIFAN_OK);
    docs[2] = low;
    lens[2] = low_len;
    CHECK_EQ_INT(shifan_comparator_add(c, docs + 2, lens + 2, 1, NULL), SHIFAN_OK);
    offsets[1] = 11; /* past the buffer */
    CHECK_EQ_INT(shifan_comparator_add_buffer(c, buffer, 10, offsets, 1, NULL), SHIFAN_EUSAGE);
    CHECK_EQ_INT(shifan_comparator_add(c, NULL, lens, 1, NULL), SHIFAN_EUSAGE);

    CHECK_EQ_INT(shifan_comparator_counts(c, &applications, &changed, transitions, NULL), SHIFAN_OK);
    CHECK_EQ_INT(applications, 4);
    CHECK_EQ_INT(changed, 2);
    CHECK_EQ_INT(transitions[0 * 4 + 0], 1); /* eligible -> eligible */
    CHECK_EQ_INT(transitions[1 * 4 + 0], 2); /* ineligible -> eligible */
    CHECK_EQ_INT(transitions[3 * 4 + 3], 1); /* error -> error */

    CHECK_EQ_INT(shifan_comparator_to_json(&json, &json_len, c, SHIFAN_LANG_EN, NULL), SHIFAN_OK);
    CHECK(json != NULL && strlen(json) == json_len);
    CHECK(json && strstr(json, "\"schema\":\"shifan.comparison/1\"") != NULL);
    CHECK(json && strstr(json, "{\"parameter\":\"min_smes_served\"") != NULL);
    CHECK(json && strstr(json, "\"index\":1,") != NULL);
    CHECK(json && strstr(json, "\"index\":3,") != NULL);
    CHECK(json && strstr(json, "\"zh\":") == NULL); /* English messages only */
    shifan_string_free(json);
    CHECK_EQ_INT(shifan_comparator_to_json(&json, NULL, c, 7, NULL), SHIFAN_EUSAGE);
    CHECK(json == NULL);

    CHECK_EQ_INT(shifan_comparator_report(&report, NULL, c, SHIFAN_LANG_ZH, NULL), SHIFAN_OK);
    CHECK(report && strstr(report, "min_smes_served") != NULL);
    CHECK(report && strstr(report, "不符合条件 → 符合条件") != NULL);
    shifan_string_free(report);

    shifan_comparator_free(c);
    shifan_comparator_free(c); /* a second free is ignored */
    CHECK_EQ_INT(shifan_comparator_counts(c, &applications, NULL, NULL, NULL), SHIFAN_EHANDLE);
    shifan_comparator_free(NULL);
    free(low);
    free(eligible);
    printf("%d checks, %d failures\n", test_checks, test_failures);
    return test_failures ? 1 : 0;
}
