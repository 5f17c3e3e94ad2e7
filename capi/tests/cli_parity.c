/* Prints what `shifan evaluate [--json] FILE` prints, but through libshifan, so that a test can
 * compare the two byte for byte.  usage: cli_parity [--json] FILE */
#include "shifan/shifan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    int as_json = argc > 2 && strcmp(argv[1], "--json") == 0;
    const char *path = argv[argc - 1];
    FILE *f;
    char *text, *out = NULL;
    long size;
    size_t len = 0;
    shifan_engine *engine = NULL;
    shifan_evaluation *e = NULL;
    shifan_error *err = NULL;
    int rc;
    if (argc < 2 || !(f = fopen(path, "rb"))) return 2;
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    fseek(f, 0, SEEK_SET);
    text = (char *)malloc((size_t)size + 1);
    if (!text || fread(text, 1, (size_t)size, f) != (size_t)size) return 2;
    fclose(f);
    if (shifan_engine_new(&engine, NULL) != SHIFAN_OK) return 3;
    rc = shifan_evaluate(&e, engine, text, (size_t)size, NULL, &err);
    if (rc != SHIFAN_OK) {
        fprintf(stderr, "%s: %s\n", shifan_error_path(err), shifan_error_message(err, SHIFAN_LANG_BOTH));
        shifan_error_free(err);
        return 2;
    }
    rc = as_json ? shifan_evaluation_to_json(&out, &len, e, NULL, NULL)
                 : shifan_evaluation_report(&out, &len, e, SHIFAN_LANG_ZH, NULL);
    if (rc == SHIFAN_OK) {
        fwrite(out, 1, len, stdout);
        if (as_json) fputc('\n', stdout);
    }
    shifan_string_free(out);
    shifan_evaluation_free(e);
    shifan_engine_free(engine);
    free(text);
    return rc == SHIFAN_OK ? 0 : 1;
}
