/* SPDX-License-Identifier: MIT
 * pipeline.c — wiring: the context (pattern library, fold table) and one
 * document's run through normalize → tokenize → header → tables → prose →
 * reconcile → mentions (on request), then emit on request. Owns js_doc's lifetime.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "js_int.h"

#ifndef JS_PATTERN_DIR
#define JS_PATTERN_DIR "patterns"
#endif

#define JS_DEFAULT_MAX_INPUT ((size_t)256 << 20)

const char *js_default_pattern_dir(void)
{
    const char *env = getenv("JUESUAN_PATTERNS");
    return env && *env ? env : JS_PATTERN_DIR;
}

js_ctx *js_ctx_new(const char *dir, js_error *err)
{
    js_ctx *c = calloc(1, sizeof *c);
    if (!c) {
        if (err) {
            err->code = JS_E_NOMEM;
            strcpy(err->msg, "out of memory");
        }
        return NULL;
    }
    c->max_input = JS_DEFAULT_MAX_INPUT;
    if (jsp_patterns_load(dir ? dir : js_default_pattern_dir(), &c->pat, err)) {
        js_ctx_free(c);
        return NULL;
    }
    if (!(c->fold = jsp_fold_new())) {
        if (err) {
            err->code = JS_E_NOMEM;
            strcpy(err->msg, "out of memory building the fold table");
        }
        js_ctx_free(c);
        return NULL;
    }
    return c;
}

void js_ctx_free(js_ctx *c)
{
    if (!c)
        return;
    jsp_patterns_free(&c->pat);
    jsp_fold_free(c->fold);
    free(c);
}

void js_ctx_set_max_input(js_ctx *c, size_t bytes) { c->max_input = bytes; }

uint32_t jsp_line_of(const js_doc *d, uint32_t off)
{
    size_t lo = 0, hi = d->nlines;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (d->lines[mid].s <= off)
            lo = mid;
        else
            hi = mid;
    }
    return (uint32_t)lo + 1;
}

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Charge the time since *t0 to stage `s` and restart the clock. */
static void lap(js_doc *d, int s, uint64_t *t0)
{
    uint64_t t = now_ns();
    d->stage_ns[s] += t - *t0;
    *t0 = t;
}

static const char *const stage_names[JS_NSTAGES] = {
    "decode+sha256", "normalize", "tokenize", "match (header)", "tables",
    "prose",         "reconcile", "mentions", "checks+locate",  "emit"};

const char *js_stage_name(int stage)
{
    return stage >= 0 && stage < JS_NSTAGES ? stage_names[stage] : "?";
}

uint64_t js_doc_stage_ns(const js_doc *doc, int stage)
{
    return stage >= 0 && stage < JS_NSTAGES ? doc->stage_ns[stage] : 0;
}

static js_status fail(js_error *err, js_status code, const char *msg)
{
    if (err) {
        err->code = code;
        strncpy(err->msg, msg, sizeof err->msg - 1);
        err->msg[sizeof err->msg - 1] = 0;
    }
    return code;
}

js_status js_extract(const js_ctx *ctx, const char *data, size_t len, js_opts opts, js_doc **out,
                     js_error *err)
{
    *out = NULL;
    if (len > ctx->max_input || len >= UINT32_MAX)
        return fail(err, JS_E_LIMIT, "input larger than the size limit (see --max-bytes)");
    js_doc *d = calloc(1, sizeof *d);
    if (!d)
        return fail(err, JS_E_NOMEM, "out of memory");
    d->ctx = ctx;
    d->opts = opts;
    d->input = data;
    d->input_len = len;
    uint64_t t0 = now_ns();
    jsp_sha256(data, len, d->sha256);
    if (!(d->md = pcre2_match_data_create(16, NULL))) {
        js_doc_free(d);
        return fail(err, JS_E_NOMEM, "out of memory");
    }
    size_t dlen = len;
    bool bom = jsp_bom(data, len) != NULL;
    const char *enc = jsp_decode_bom(data, len, &d->decoded, &dlen);
    if (d->decoded) {
        d->decoded_len = dlen;
        data = d->decoded;
        len = dlen;
    }
    lap(d, JS_STAGE_DECODE, &t0);
    int bad = jsp_normalize(ctx->fold, data, len, &d->norm);
    if (!bad && !bom && jsp_decode_wants_gb(len, d->norm.bad_utf8) &&
        (enc = jsp_decode_gb(data, len, &d->decoded, &dlen))) { /* not UTF-8: read it again */
        d->decoded_len = dlen;
        data = d->decoded;
        len = dlen;
        jsp_norm_free(&d->norm);
        bad = jsp_normalize(ctx->fold, data, len, &d->norm);
    }
    if (!bad)
        jsp_repair_figures(d);
    lap(d, JS_STAGE_NORMALIZE, &t0);
    bad = bad || jsp_tokenize(&d->arena, d->norm.text, d->norm.len, &d->lines, &d->nlines);
    lap(d, JS_STAGE_TOKENIZE, &t0);
    if (bad) {
        js_doc_free(d);
        return fail(err, JS_E_NOMEM, "out of memory");
    }
    for (size_t i = 0; i < d->norm.npages; i++) {
        uint32_t l = jsp_line_of(d, d->norm.pages[i]) - 1;
        if (l < d->nlines && d->lines[l].s == d->norm.pages[i])
            d->lines[l].page = true;
    }
    if (enc)
        jsp_warn(d, 0, 0, "input decoded from %s; offsets refer to the decoded UTF-8 text", enc);
    if (d->norm.invalid)
        jsp_warn(d, 0, 0, "%zu invalid UTF-8 sequences replaced by U+FFFD", d->norm.invalid);
    if (d->norm.nul)
        jsp_warn(d, 0, 0, "%zu control bytes (NUL, …) read as spaces", d->norm.nul);
    if (d->repairs.n)
        jsp_warn(d, 0, 0,
                 "%zu figures read again as OCR damage (letters for digits, points for "
                 "separators); each value read from one says so in its provenance rule",
                 d->repairs.n);
    jsp_header(d);
    lap(d, JS_STAGE_MATCH, &t0);
    jsp_tables(d);
    lap(d, JS_STAGE_TABLES, &t0);
    jsp_prose(d);
    lap(d, JS_STAGE_PROSE, &t0);
    jsp_reconcile(d);
    lap(d, JS_STAGE_RECONCILE, &t0);
    jsp_mentions(d, data, len, opts & JS_OPT_MENTIONS);
    lap(d, JS_STAGE_MENTIONS, &t0);
    jsp_checks(d);
    jsp_locate_facts(d, data, len);
    lap(d, JS_STAGE_CHECKS, &t0);
    if (d->department)
        d->is_report = true;
    d->input = NULL;
    *out = d;
    return JS_OK;
}

js_status js_read_stream(FILE *f, size_t limit, char **data, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    *data = NULL;
    *len = 0;
    for (;;) {
        if (!buf)
            return JS_E_NOMEM;
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n > limit) {
            free(buf);
            return JS_E_LIMIT;
        }
        if (!got) {
            if (ferror(f)) {
                free(buf);
                return JS_E_IO;
            }
            break;
        }
        if (n == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb)
                free(buf);
            buf = nb;
            cap *= 2;
        }
    }
    *data = buf;
    *len = n;
    return JS_OK;
}

js_status js_doc_set_source(js_doc *d, const char *name)
{
    d->source_name = jsp_strndup(&d->arena, name, strlen(name));
    return d->source_name ? JS_OK : JS_E_NOMEM;
}

int js_doc_is_report(const js_doc *d) { return d->is_report; }

char *js_doc_json(const js_doc *d, js_opts opts) { return jsp_emit(d, opts); }

void js_doc_free(js_doc *d)
{
    if (!d)
        return;
    jsp_norm_free(&d->norm);
    free(d->decoded);
    pcre2_match_data_free(d->md);
    jsp_vec_free(&d->facts);
    free(d->fslot);
    jsp_vec_free(&d->warnings);
    jsp_vec_free(&d->mentions);
    jsp_vec_free(&d->tinfo);
    jsp_vec_free(&d->loose);
    jsp_vec_free(&d->checks);
    jsp_vec_free(&d->repairs);
    jsp_arena_free(&d->arena);
    free(d);
}

const char *js_strerror(js_status code)
{
    switch (code) {
    case JS_OK: return "ok";
    case JS_E_NOMEM: return "out of memory";
    case JS_E_IO: return "cannot read input";
    case JS_E_PATTERN: return "pattern library failed to load";
    case JS_E_LIMIT: return "input larger than the size limit";
    case JS_E_NOTREPORT: return "input is not a department final-accounts report";
    }
    return "unknown error";
}
