/* A minimal test harness for the C API tests (plain C99). */
#ifndef SHIFAN_CAPI_TEST_H
#define SHIFAN_CAPI_TEST_H

#include "shifan/shifan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int test_failures = 0;
static int test_checks = 0;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        ++test_checks;                                                               \
        if (!(cond)) {                                                               \
            ++test_failures;                                                         \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                            \
    } while (0)

#define CHECK_EQ_INT(a, b)                                                                           \
    do {                                                                                             \
        long long va_ = (long long)(a), vb_ = (long long)(b);                                        \
        ++test_checks;                                                                               \
        if (va_ != vb_) {                                                                            \
            ++test_failures;                                                                         \
            fprintf(stderr, "%s:%d: CHECK failed: %s == %s (%lld != %lld)\n", __FILE__, __LINE__, #a, #b, \
                    va_, vb_);                                                                       \
        }                                                                                            \
    } while (0)

#define CHECK_EQ_STR(a, b)                                                                              \
    do {                                                                                                \
        const char *sa_ = (a), *sb_ = (b);                                                              \
        ++test_checks;                                                                                  \
        if (!sa_ || !sb_ || strcmp(sa_, sb_) != 0) {                                                    \
            ++test_failures;                                                                            \
            fprintf(stderr, "%s:%d: CHECK failed: %s == %s (\"%s\" != \"%s\")\n", __FILE__, __LINE__, #a, #b, \
                    sa_ ? sa_ : "(null)", sb_ ? sb_ : "(null)");                                        \
        }                                                                                               \
    } while (0)

/* Read a whole file; the caller frees the result. Exits on failure. */
static inline char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    char *buf;
    long size;
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        exit(2);
    }
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = (char *)malloc((size_t)size + 1);
    if (!buf || fread(buf, 1, (size_t)size, f) != (size_t)size) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(2);
    }
    buf[size] = '\0';
    fclose(f);
    *len = (size_t)size;
    return buf;
}

/* dir + "/" + name into a static buffer. */
static inline const char *join_path(const char *dir, const char *name) {
    static char buf[4096];
    snprintf(buf, sizeof buf, "%s/%s", dir, name);
    return buf;
}

/* Exit 2 with the usage line `usage` unless the program got `min_argc` - 1 arguments or more. */
static inline void require_args(int argc, int min_argc, const char *usage) {
    if (argc >= min_argc) return;
    fprintf(stderr, "usage: %s\n", usage);
    exit(2);
}

static inline int test_summary(const char *name) {
    if (test_failures) {
        fprintf(stderr, "%s: %d of %d checks failed\n", name, test_failures, test_checks);
        return 1;
    }
    printf("%s: all %d checks passed\n", name, test_checks);
    return 0;
}

#endif
