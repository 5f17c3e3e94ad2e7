/* evaluate_file — evaluate one shifan.application/1 file through libshifan and explain the result.
 *
 *   usage: evaluate_file [--lang zh|en] [--json] FILE
 *   exit:  0 eligible, 10 ineligible, 11 undetermined, 2 bad input (the error is on stderr), 64 usage
 */
#include <shifan/shifan.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    if (!f) return NULL;
    do {
        if (n == cap) {
            char *bigger = (char *)realloc(buf, cap = cap ? 2 * cap : 4096);
            if (!bigger) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = bigger;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv) {
    int32_t lang = SHIFAN_LANG_ZH;
    int as_json = 0, i, exit_code;
    const char *path = NULL;
    char *text, *out = NULL;
    size_t len = 0, out_len = 0;
    shifan_engine *engine = NULL;
    shifan_evaluation *evaluation = NULL;
    shifan_error *err = NULL;
    int32_t verdict;

    for (i = 1; i < argc; ++i) {
        if (strcmp(argv[i], "--json") == 0) as_json = 1;
        else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) lang = strcmp(argv[++i], "en") == 0 ? SHIFAN_LANG_EN : SHIFAN_LANG_ZH;
        else path = argv[i];
    }
    if (!path) {
        fprintf(stderr, "usage: evaluate_file [--lang zh|en] [--json] FILE\n");
        return 64;
    }
    if (shifan_version_number() != SHIFAN_VERSION_NUMBER)
        fprintf(stderr, "note: built against shifan %s, running with %s\n", SHIFAN_VERSION_STRING, shifan_version());
    if (!(text = read_all(path, &len))) {
        fprintf(stderr, "evaluate_file: cannot read %s\n", path);
        return 2;
    }

    /* One engine (built-in rule pack, default readings) may serve any number of evaluations. */
    if (shifan_engine_new(&engine, &err) != SHIFAN_OK) {
        fprintf(stderr, "evaluate_file: %s\n", shifan_error_message(err, SHIFAN_LANG_EN));
        shifan_error_free(err);
        free(text);
        return 70;
    }
    if (shifan_evaluate(&evaluation, engine, text, len, NULL, &err) != SHIFAN_OK) {
        /* Bad input is an error, never a verdict: it names the JSON path and the reason. */
        fprintf(stderr, "evaluate_file: %s: %s: %s\n", path, shifan_code_name(shifan_error_code(err)),
                *shifan_error_path(err) ? shifan_error_path(err) : "(document)");
        fprintf(stderr, "  %s\n  %s\n", shifan_error_message(err, SHIFAN_LANG_ZH), shifan_error_message(err, SHIFAN_LANG_EN));
        shifan_error_free(err);
        shifan_engine_free(engine);
        free(text);
        return 2;
    }

    if (as_json) {
        if (shifan_evaluation_to_json(&out, &out_len, evaluation, NULL, NULL) == SHIFAN_OK) printf("%s\n", out);
    } else if (shifan_evaluation_report(&out, &out_len, evaluation, lang, NULL) == SHIFAN_OK) {
        int32_t k, n = shifan_evaluation_check_count(evaluation);
        fwrite(out, 1, out_len, stdout);
        /* The same facts through the accessors: what fails, and by how much. */
        printf("\n%s\n", lang == SHIFAN_LANG_EN ? "Shortfalls:" : "差距：");
        for (k = 0; k < n; ++k) {
            const char *shortfall = shifan_evaluation_check_shortfall(evaluation, (size_t)k);
            if (shifan_evaluation_check_outcome(evaluation, (size_t)k) != SHIFAN_OUTCOME_FAIL || !shortfall) continue;
            printf("  %-32s %s  actual %s, required %s, short by %s\n", shifan_evaluation_check_id(evaluation, (size_t)k),
                   shifan_evaluation_check_citation(evaluation, (size_t)k, lang),
                   shifan_evaluation_check_actual(evaluation, (size_t)k) ? shifan_evaluation_check_actual(evaluation, (size_t)k) : "-",
                   shifan_evaluation_check_required(evaluation, (size_t)k), shortfall);
        }
    }
    shifan_string_free(out);

    verdict = shifan_evaluation_verdict(evaluation);
    exit_code = verdict == SHIFAN_VERDICT_ELIGIBLE ? 0 : verdict == SHIFAN_VERDICT_INELIGIBLE ? 10 : 11;
    shifan_evaluation_free(evaluation);
    shifan_engine_free(engine);
    free(text);
    return exit_code;
}
