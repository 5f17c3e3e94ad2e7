/* Evaluates one application through libshifan.so, the C interface of an installed shifan. */
#include <shifan/shifan.h>

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    static const char *names[] = {"eligible", "ineligible", "undetermined"};
    char buf[1 << 16];
    size_t n;
    FILE *f;
    shifan_engine *engine = NULL;
    shifan_evaluation *ev = NULL;
    shifan_error *err = NULL;
    int rc;
    int32_t verdict;
    if (argc != 2 || (f = fopen(argv[1], "rb")) == NULL) return 64;
    n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    rc = shifan_engine_new(&engine, &err);
    if (rc == SHIFAN_OK) rc = shifan_evaluate(&ev, engine, buf, n, NULL, &err);
    if (rc == SHIFAN_OK) {
        verdict = shifan_evaluation_verdict(ev);
        printf("C verdict: %s (libshifan %s)\n", verdict >= 0 && verdict <= 2 ? names[verdict] : "?", shifan_version());
    } else {
        fprintf(stderr, "%s: %s\n", shifan_code_name(rc), shifan_error_message(err, SHIFAN_LANG_EN));
    }
    shifan_evaluation_free(ev);
    shifan_error_free(err);
    shifan_engine_free(engine);
    return rc == SHIFAN_OK ? 0 : 1;
}
