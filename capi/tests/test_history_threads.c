/* One history, appended to on one thread while three others read it: status on a date, JSON,
 * event count. The library serialises appending with reading on each history, so this is no data
 * race (the sanitizer stage runs it under TSan) and every reader sees a whole history: its event
 * count only grows, and ends at the initial count plus the appends that were accepted. This is
 * the C equivalent of the Python crash of "Reliability, round 2" (an append on one thread while
 * another called status()). usage: test_history_threads [APPENDS] */
#include "capi_test.h"

#include <pthread.h>

static const char history_json[] =
    "{\"schema\": \"shifan.history/1\", \"platform\": {\"id\": \"CZ-P-0042\", \"county\": \"上党区\"}, \"events\": ["
    "{\"type\": \"applied\", \"date\": \"2024-03-20\", \"review_year\": 2024},"
    "{\"type\": \"recommended\", \"date\": \"2024-04-30\", \"county\": \"上党区\"},"
    "{\"type\": \"designated\", \"date\": \"2024-07-01\", \"document_no\": \"D1\", \"functions\": [\"technology\"]}]}";

static shifan_history *history;
static int appends = 200;
static int accepted = 0;
static int done = 0; /* guarded by done_lock */
static pthread_mutex_t done_lock = PTHREAD_MUTEX_INITIALIZER;

static int is_done(void) {
    int d;
    pthread_mutex_lock(&done_lock);
    d = done;
    pthread_mutex_unlock(&done_lock);
    return d;
}

static void *writer(void *arg) {
    int i;
    char event[160];
    (void)arg;
    for (i = 0; i < appends; ++i) {
        /* annual summaries, then (once the term is over) refusals: both go through the lock */
        snprintf(event, sizeof event, "{\"type\": \"annual_summary_filed\", \"year\": %d, \"date\": \"%d-02-20\"}",
                 2024 + i, 2025 + i);
        if (shifan_history_append_event_json(history, event, strlen(event), NULL) == SHIFAN_OK) ++accepted;
    }
    pthread_mutex_lock(&done_lock);
    done = 1;
    pthread_mutex_unlock(&done_lock);
    return NULL;
}

struct reader {
    int failures;
    int reads;
};

static void *reader(void *arg) {
    struct reader *r = (struct reader *)arg;
    int64_t last = 0;
    while (!is_done() || r->reads < 3) {
        shifan_status *s = NULL;
        char *json = NULL;
        const int64_t n = shifan_history_event_count(history);
        if (n < last) ++r->failures;
        last = n;
        if (shifan_history_status(&s, history, "2026-06-30", NULL) != SHIFAN_OK || !shifan_status_state(s)) ++r->failures;
        shifan_status_free(s);
        if (shifan_history_to_json(&json, NULL, history, NULL) != SHIFAN_OK || !strstr(json, "\"events\"")) ++r->failures;
        shifan_string_free(json);
        ++r->reads;
    }
    return NULL;
}

int main(int argc, char **argv) {
    shifan_engine *engine = NULL;
    pthread_t w, rs[3];
    struct reader results[3];
    int i;
    int64_t initial;
    if (argc > 1) appends = atoi(argv[1]);
    CHECK_EQ_INT(shifan_engine_new(&engine, NULL), SHIFAN_OK);
    CHECK_EQ_INT(shifan_history_new_from_json(&history, engine, history_json, strlen(history_json), NULL, NULL), SHIFAN_OK);
    initial = shifan_history_event_count(history);
    CHECK_EQ_INT(initial, 3);
    memset(results, 0, sizeof results);
    for (i = 0; i < 3; ++i) pthread_create(&rs[i], NULL, reader, &results[i]);
    pthread_create(&w, NULL, writer, NULL);
    pthread_join(w, NULL);
    for (i = 0; i < 3; ++i) {
        pthread_join(rs[i], NULL);
        CHECK_EQ_INT(results[i].failures, 0);
        CHECK(results[i].reads >= 3);
    }
    CHECK(accepted > 0);
    CHECK_EQ_INT(shifan_history_event_count(history), initial + accepted);
    shifan_history_free(history);
    shifan_engine_free(engine);
    return test_summary("test_history_threads");
}
