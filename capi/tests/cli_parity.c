/* Prints what the CLI prints, but through libshifan, so that a test can compare the two byte for byte.
 *   cli_parity [--json] FILE           as `shifan evaluate [--json] FILE` */
#include "shifan/shifan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    char *text;
    long size;
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    fseek(f, 0, SEEK_SET);
    text = (char *)malloc((size_t)size + 1);
    if (!text || fread(text, 1, (size_t)size, f) != (size_t)size) exit(2);
    text[size] = '\0';
    fclose(f);
    *len = (size_t)size;
    return text;
}

static int fail(shifan_error *err) {
    fprintf(stderr, "%s: %s\n", shifan_error_path(err ? err : shifan_last_error()),
            shifan_error_message(err ? err : shifan_last_error(), SHIFAN_LANG_BOTH));
    shifan_error_free(err);
    return 2;
}

int main(int argc, char **argv) {
    shifan_engine *engine = NULL;
    shifan_evaluation *e = NULL;
    shifan_error *err = NULL;
    char *text, *out = NULL;
    size_t len = 0, out_len = 0;
    int rc;
    if (argc < 2) return 64;
    if (shifan_engine_new(&engine, NULL) != SHIFAN_OK) return 3;
    {
        int as_json = argc > 2 && strcmp(argv[1], "--json") == 0;
        if (!(text = slurp(argv[argc - 1], &len))) return 2;
        if (shifan_evaluate(&e, engine, text, len, NULL, &err) != SHIFAN_OK) return fail(err);
        rc = as_json ? shifan_evaluation_to_json(&out, &out_len, e, NULL, NULL)
                     : shifan_evaluation_report(&out, &out_len, e, SHIFAN_LANG_ZH, NULL);
        if (rc == SHIFAN_OK) {
            fwrite(out, 1, out_len, stdout);
            if (as_json) fputc('\n', stdout);
        }
    }
    shifan_string_free(out);
    shifan_evaluation_free(e);
    shifan_engine_free(engine);
    free(text);
    return rc == SHIFAN_OK ? 0 : 1;
}
