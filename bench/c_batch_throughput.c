/* Throughput of the C ABI's batch call over an NDJSON corpus (one application a line): the whole
 * corpus as one buffer with offsets, shifan_evaluate_batch_buffer (verdicts only, every core) and
 * shifan_batch_summary, as the bindings' evaluateMany do. Prints "c COUNT WALL_S RATE CPU_S": the
 * median wall time of RUNS runs (after two warm-up runs), applications per second, and the median CPU time of a run.
 *   usage: c_batch_throughput CORPUS.ndjson [RUNS]   (used by bench/java_vs_c.sh; not a test) */
#include <shifan/shifan.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s CORPUS.ndjson [RUNS]\n", argv[0]);
        return 64;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 74;
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    if (!text || fread(text, 1, (size_t)size, f) != (size_t)size) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 74;
    }
    fclose(f);
    size_t n = 0;
    for (long i = 0; i < size; i++) {
        n += text[i] == '\n';
    }
    double *times = malloc(sizeof(double) * (size_t)runs);
    double *cpu = malloc(sizeof(double) * (size_t)runs);
    size_t *offsets = malloc(sizeof(size_t) * (n + 1));
    uint8_t *verdicts = malloc(n);
    shifan_engine *engine = NULL;
    if (!times || !cpu || !offsets || !verdicts || shifan_engine_new(&engine, NULL) != SHIFAN_OK) {
        return 70;
    }
    for (int r = 0; r < runs + 2; r++) { /* the first two runs warm up and are not counted */
        double start = now();
        clock_t cpu_start = clock();
        /* the buffer and offsets are made in every run, as a binding makes them from its documents */
        char *buffer = malloc((size_t)size);
        size_t k = 0, at = 0;
        long line = 0;
        for (long i = 0; i < size; i++) {
            if (text[i] == '\n') {
                offsets[k++] = at;
                memcpy(buffer + at, text + line, (size_t)(i - line));
                at += (size_t)(i - line);
                line = i + 1;
            }
        }
        offsets[k] = at;
        shifan_batch_options opts = SHIFAN_BATCH_OPTIONS_INIT;
        opts.flags = 0;
        shifan_batch *batch = NULL;
        if (shifan_evaluate_batch_buffer(&batch, engine, buffer, at, offsets, n, &opts, NULL) != SHIFAN_OK ||
            shifan_batch_summary(batch, NULL, verdicts, NULL, n, NULL) != SHIFAN_OK) {
            fprintf(stderr, "batch failed\n");
            return 70;
        }
        shifan_batch_free(batch);
        free(buffer);
        if (r >= 2) {
            times[r - 2] = now() - start;
            cpu[r - 2] = (double)(clock() - cpu_start) / CLOCKS_PER_SEC;
        }
    }
    qsort(times, (size_t)runs, sizeof(double), by_value);
    qsort(cpu, (size_t)runs, sizeof(double), by_value);
    double median = times[runs / 2];
    printf("c %zu %.4f %.0f %.4f\n", n, median, (double)n / median, cpu[runs / 2]);
    shifan_engine_free(engine);
    free(times);
    free(cpu);
    free(offsets);
    free(verdicts);
    free(text);
    return 0;
}
