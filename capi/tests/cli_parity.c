/* Prints what the CLI prints, but through libshifan, so that a test can compare the two byte for byte.
 *   cli_parity [--json] FILE           as `shifan evaluate [--json] FILE`
 *   cli_parity status ON FILE          as `shifan status --json --on ON FILE`
 *   cli_parity roster ON FILE...       as `shifan roster --json --on ON FILE...`
 *   cli_parity roster-html ON FILE...  as `shifan roster --on ON --html - FILE...` */
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

static int roster(shifan_engine *engine, const char *on, int n, char **paths, int html) {
    shifan_history **histories = (shifan_history **)calloc((size_t)n + 1, sizeof *histories);
    const char **filings = (const char **)calloc((size_t)n + 1, sizeof *filings);
    size_t *filings_lens = (size_t *)calloc((size_t)n + 1, sizeof *filings_lens);
    size_t nh = 0, nf = 0, len = 0;
    shifan_roster *r = NULL;
    shifan_error *err = NULL;
    char *out = NULL;
    int i, rc = 0;
    for (i = 0; i < n; ++i) {
        char *text = slurp(paths[i], &len);
        if (!text) return 2;
        if (strstr(text, "\"shifan.county-filings/1\"")) {
            filings[nf] = text;
            filings_lens[nf++] = len;
            continue;
        }
        if (shifan_history_new_from_json(&histories[nh++], engine, text, len, NULL, &err) != SHIFAN_OK) return fail(err);
        free(text);
    }
    if (shifan_roster_new(&r, engine, (const shifan_history *const *)histories, nh, filings, filings_lens, nf, on, &err) ||
        (html ? shifan_roster_html(&out, &len, r, NULL, &err) : shifan_roster_to_json(&out, &len, r, SHIFAN_LANG_BOTH, &err)))
        rc = fail(err);
    else if (html)
        fwrite(out, 1, len, stdout); /* the page as the CLI writes it: no newline added */
    else
        printf("%s\n", out);
    shifan_string_free(out);
    shifan_roster_free(r);
    for (i = 0; i < (int)nh; ++i) shifan_history_free(histories[i]);
    for (i = 0; i < (int)nf; ++i) free((char *)filings[i]);
    free(histories);
    free(filings);
    free(filings_lens);
    return rc;
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
    if ((strcmp(argv[1], "roster") == 0 || strcmp(argv[1], "roster-html") == 0) && argc > 3) {
        rc = roster(engine, argv[2], argc - 3, argv + 3, strcmp(argv[1], "roster-html") == 0);
        shifan_engine_free(engine);
        return rc;
    }
    if (strcmp(argv[1], "status") == 0 && argc == 4) {
        if (!(text = slurp(argv[3], &len))) return 2;
        rc = shifan_history_json_status(&out, &out_len, engine, text, len, argv[2], SHIFAN_LANG_BOTH, NULL, &err);
        if (rc) return fail(err);
        printf("%s\n", out);
    } else {
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
