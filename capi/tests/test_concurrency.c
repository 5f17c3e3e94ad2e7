/* Concurrency: several threads evaluate with ONE engine at once; every result must be
 * byte-identical to the single-threaded one, and each thread's last error stays its own.
 * usage: test_concurrency EXAMPLES_DIR [THREADS] [ROUNDS] */
#include "capi_test.h"

#include <pthread.h>

#define MAX_DOCS 16

static const char *const names[] = {"eligible-technology.json", "eligible-several.json", "eligible-guarantee.json",
                                    "ineligible-shortfalls.json", "ineligible-not-established.json",
                                    "undetermined-missing.json"};
#define NDOCS (sizeof names / sizeof names[0])

static shifan_engine *engine;
static char *docs[NDOCS];
static size_t lens[NDOCS];
static char *expected_json[NDOCS];
static char *expected_report[NDOCS];
static int32_t expected_verdict[NDOCS];
static int rounds = 200;

struct worker {
    int id;
    int mismatches;
    int evaluations;
};

static void *work(void *arg) {
    struct worker *w = (struct worker *)arg;
    char bad[160];
    char path[64];
    int r;
    size_t i;
    /* each thread's bad document names a different key, so the paths tell the threads apart */
    snprintf(bad, sizeof bad,
             "{\"schema\": \"shifan.application/1\", \"reference_date\": \"2025-04-15\", \"thread_%d\": 1}", w->id);
    snprintf(path, sizeof path, "/thread_%d", w->id);
    for (r = 0; r < rounds; ++r) {
        for (i = 0; i < NDOCS; ++i) {
            size_t k = (i + (size_t)w->id + (size_t)r) % NDOCS; /* different orders on different threads */
            char *json = NULL;
            shifan_evaluation *e = NULL;
            shifan_error *err = NULL;
            if (shifan_evaluate_to_json(&json, NULL, engine, docs[k], lens[k], NULL, NULL, NULL) != SHIFAN_OK ||
                strcmp(json, expected_json[k]) != 0)
                ++w->mismatches;
            shifan_string_free(json);
            json = NULL;
            if (shifan_evaluate(&e, engine, docs[k], lens[k], NULL, NULL) != SHIFAN_OK) {
                ++w->mismatches;
                continue;
            }
            if (shifan_evaluation_verdict(e) != expected_verdict[k]) ++w->mismatches;
            if (r % 20 == 0) {
                char *report = NULL;
                if (shifan_evaluation_to_json(&json, NULL, e, NULL, NULL) != SHIFAN_OK ||
                    strcmp(json, expected_json[k]) != 0)
                    ++w->mismatches;
                if (shifan_evaluation_report(&report, NULL, e, SHIFAN_LANG_ZH, NULL) != SHIFAN_OK ||
                    strcmp(report, expected_report[k]) != 0)
                    ++w->mismatches;
                shifan_string_free(json);
                shifan_string_free(report);
            }
            shifan_evaluation_free(e);
            w->evaluations += 2;
            if (shifan_evaluate(&e, engine, bad, strlen(bad), NULL, &err) != SHIFAN_EUNKNOWN_KEY ||
                strcmp(shifan_error_path(err), path) != 0 ||
                strcmp(shifan_error_path(shifan_last_error()), path) != 0)
                ++w->mismatches;
            shifan_error_free(err);
        }
    }
    return NULL;
}

int main(int argc, char **argv) {
    int threads = 4;
    pthread_t tid[16];
    struct worker workers[16];
    int t;
    size_t i;
    require_args(argc, 2, "test_concurrency EXAMPLES_DIR [THREADS] [ROUNDS]");
    if (argc > 2) threads = atoi(argv[2]);
    if (argc > 3) rounds = atoi(argv[3]);
    if (threads < 1 || threads > 16) threads = 4;
    CHECK_EQ_INT(shifan_engine_new(&engine, NULL), SHIFAN_OK);
    /* single-threaded reference results */
    for (i = 0; i < NDOCS; ++i) {
        shifan_evaluation *e = NULL;
        docs[i] = read_file(join_path(argv[1], names[i]), &lens[i]);
        CHECK_EQ_INT(shifan_evaluate(&e, engine, docs[i], lens[i], NULL, NULL), SHIFAN_OK);
        expected_verdict[i] = shifan_evaluation_verdict(e);
        CHECK_EQ_INT(shifan_evaluation_to_json(&expected_json[i], NULL, e, NULL, NULL), SHIFAN_OK);
        CHECK_EQ_INT(shifan_evaluation_report(&expected_report[i], NULL, e, SHIFAN_LANG_ZH, NULL), SHIFAN_OK);
        shifan_evaluation_free(e);
    }
    for (t = 0; t < threads; ++t) {
        workers[t].id = t;
        workers[t].mismatches = 0;
        workers[t].evaluations = 0;
        CHECK_EQ_INT(pthread_create(&tid[t], NULL, work, &workers[t]), 0);
    }
    for (t = 0; t < threads; ++t) {
        pthread_join(tid[t], NULL);
        CHECK_EQ_INT(workers[t].mismatches, 0);
        CHECK_EQ_INT(workers[t].evaluations, rounds * (int)NDOCS * 2);
    }
    /* a batch on the same engine while nothing else runs gives the same answers */
    {
        shifan_batch *batch = NULL;
        shifan_batch_options opts = SHIFAN_BATCH_OPTIONS_INIT;
        uint8_t verdicts[NDOCS];
        opts.jobs = (uint32_t)threads;
        CHECK_EQ_INT(shifan_evaluate_batch(&batch, engine, (const char *const *)docs, lens, NDOCS, &opts, NULL), SHIFAN_OK);
        CHECK_EQ_INT(shifan_batch_summary(batch, NULL, verdicts, NULL, NDOCS, NULL), SHIFAN_OK);
        for (i = 0; i < NDOCS; ++i) {
            char *json = NULL;
            CHECK_EQ_INT(verdicts[i], expected_verdict[i]);
            CHECK_EQ_INT(shifan_batch_item_json(&json, NULL, batch, i, NULL), SHIFAN_OK);
            CHECK(json && strcmp(json, expected_json[i]) == 0);
            shifan_string_free(json);
        }
        shifan_batch_free(batch);
    }
    for (i = 0; i < NDOCS; ++i) {
        free(docs[i]);
        shifan_string_free(expected_json[i]);
        shifan_string_free(expected_report[i]);
    }
    shifan_engine_free(engine);
    return test_summary("test_concurrency");
}
