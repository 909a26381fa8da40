/* unit.h — shared includes and helpers for the cmocka unit tests.
 * cmocka 1.1 needs these headers before <cmocka.h>. */
#ifndef UNIT_H
#define UNIT_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "js_int.h"

/* A context loaded once per test binary (the pattern library is read-only). */
static inline js_ctx *unit_ctx(void)
{
    static js_ctx *ctx;
    if (!ctx) {
        js_error err;
        ctx = js_ctx_new(NULL, &err);
        if (!ctx) {
            fprintf(stderr, "pattern library: %s\n", err.msg);
            abort();
        }
    }
    return ctx;
}

#ifndef JS_CORPUS_DIR
#define JS_CORPUS_DIR "corpus"
#endif

/* The bytes of a file (malloc'd, the caller frees), their number in *n. */
static inline char *unit_slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long l = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)l + 1);
    assert_non_null(b);
    *n = fread(b, 1, (size_t)l, f);
    fclose(f);
    return b;
}

/* Run the pipeline on `text` and return its record as parsed JSON. */
static inline json_t *unit_record(const char *text)
{
    js_doc *d = NULL;
    assert_int_equal(js_extract(unit_ctx(), text, strlen(text), 0, &d, NULL), JS_OK);
    char *s = js_doc_json(d, 0);
    assert_non_null(s);
    json_error_t e;
    json_t *j = json_loads(s, 0, &e);
    assert_non_null(j);
    free(s);
    js_doc_free(d);
    return j;
}

/* The value at a dotted path of a record, or NULL. */
static inline json_t *unit_get(json_t *root, const char *path)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", path);
    json_t *o = root;
    for (char *tok = strtok(buf, "."); tok && o; tok = strtok(NULL, "."))
        o = json_object_get(o, tok);
    return o;
}

/* The number at a dotted path, or -1e300 when absent. */
static inline double unit_num(json_t *root, const char *path)
{
    json_t *o = unit_get(root, path);
    return json_is_number(o) ? json_number_value(o) : -1e300;
}

static inline const char *unit_str(json_t *root, const char *path)
{
    json_t *o = unit_get(root, path);
    return json_is_string(o) ? json_string_value(o) : NULL;
}

#define assert_num(root, path, want) assert_true(unit_num(root, path) == (want))
#define assert_absent(root, path) assert_true(unit_num(root, path) == -1e300)
#endif
