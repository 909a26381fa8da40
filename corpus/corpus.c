/* SPDX-License-Identifier: MIT
 * corpus.c — `extract --corpus`: training corpora of labelled spans. Each
 * report is extracted with mentions; its figures, percentages, counts,
 * dates and codes, the department's name and the table titles become
 * spans (with the record path they fed) over the report's text, cut into
 * examples by document, paragraph or line, and written as spaCy-style
 * JSONL, doccano, Label Studio tasks or character-level CoNLL (BIO).
 * Identical texts are kept once; a deterministic split comes from a hash.
 */
#define _GNU_SOURCE /* memmem */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../extractor/js_int.h"
#include "corpus.h"

typedef struct {
    uint32_t ob, oe; /* byte span in the document text */
    const char *label, *path;
} span;

typedef struct {
    size_t examples, dupes, unvalidated, docs_failed;
    size_t per_label[16];
} stats;

static const char *const LABELS[] = {"AMOUNT", "PERCENT", "COUNT",       "DATE",
                                     "FUNC_CODE", "ECON_CODE", "DEPT", "TABLE_TITLE"};
enum { NLABELS = 8 };

/* MARK: spans of one document --------------------------------------------- */

static int label_index(const char *l)
{
    for (int i = 0; i < NLABELS; i++)
        if (!strcmp(LABELS[i], l))
            return i;
    return 0;
}

/* Did every check the path took part in pass (rounding counts as passed)? */
static bool validated(const js_doc *d, const char *path)
{
    const jsp_check *k = d->checks.items;
    bool seen = false;
    for (size_t i = 0; path && i < d->checks.n; i++)
        for (int j = 0; j < k[i].npaths; j++)
            if (!strcmp(k[i].paths[j], path)) {
                if (k[i].status == JSP_C_FAIL || k[i].status == JSP_C_NOT_CHECKED)
                    return false;
                seen = true;
            }
    return seen;
}

static void add(jsp_vec *v, uint32_t ob, uint32_t oe, const char *label, const char *path)
{
    v->size = sizeof(span);
    span *s = jsp_vec_push(v);
    if (s)
        *s = (span){ob, oe, label, path};
}

static int span_cmp(const void *x, const void *y)
{
    const span *a = x, *b = y;
    return a->ob != b->ob ? (a->ob > b->ob) - (a->ob < b->ob) : (a->oe < b->oe) - (a->oe > b->oe);
}

static void collect(const js_doc *d, const char *text, size_t len, const jsc_opts *o, jsp_vec *out,
                    stats *st)
{
    const jsp_mention *m = d->mentions.items;
    for (size_t i = 0; i < d->mentions.n; i++) {
        static const char *const kind[] = {"AMOUNT", "PERCENT", "COUNT", "DATE", "FUNC_CODE"};
        const char *l = kind[m[i].kind];
        if (m[i].kind == JSP_M_CODE && m[i].str[0] == '3')
            l = "ECON_CODE";
        if (o->validated_only && !validated(d, m[i].path)) {
            st->unvalidated++;
            continue;
        }
        add(out, m[i].ob, m[i].oe, l, m[i].path);
    }
    if (o->validated_only)
        return; /* names and titles take part in no check */
    size_t dl = d->department ? strlen(d->department) : 0;
    for (const char *p = text; dl && (p = memmem(p, len - (size_t)(p - text), d->department, dl));
         p += dl)
        add(out, (uint32_t)(p - text), (uint32_t)(p - text + dl), "DEPT", "department");
    const jsp_tinfo *t = d->tinfo.items;
    for (size_t i = 0; i < d->tinfo.n; i++) {
        const jsp_line *ln = &d->lines[t[i].line0 - 1];
        if (ln->e <= ln->s || t[i].foreign)
            continue;
        uint32_t ob, oe;
        jsp_orig_span(&d->norm, text, len, ln->s, ln->e, &ob, &oe);
        add(out, ob, oe, "TABLE_TITLE", NULL);
    }
}

/* Keep spans that do not overlap an earlier (longer) one. */
static size_t dedupe_overlaps(span *s, size_t n)
{
    if (!n)
        return 0; /* s may be NULL */
    qsort(s, n, sizeof *s, span_cmp);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!k || s[i].ob >= s[k - 1].oe)
            s[k++] = s[i];
    return k;
}

/* MARK: offsets ------------------------------------------------------------- */

/* Code points (utf16 = false) or UTF-16 units in text[0, b). */
static size_t units(const char *t, size_t b, bool utf16)
{
    size_t n = 0;
    for (size_t i = 0; i < b; i++) {
        unsigned char c = (unsigned char)t[i];
        if ((c & 0xC0) != 0x80)
            n += (utf16 && c >= 0xF0) ? 2 : 1;
    }
    return n;
}

/* MARK: writers ------------------------------------------------------------- */

typedef struct {
    const char *text; /* the example's text (a slice of the document) */
    size_t len;
    const span *spans;
    size_t n;
    uint32_t base; /* byte offset of the example in the document */
    const char *id, *split, *source, *sha;
} example;

static json_t *span_list(const example *e, const char *fmt)
{
    json_t *a = json_array();
    for (size_t i = 0; i < e->n; i++) {
        const span *s = &e->spans[i];
        size_t b0 = s->ob - e->base, b1 = s->oe - e->base;
        if (!strcmp(fmt, "doccano")) {
            json_array_append_new(a, json_pack("[I, I, s]", (json_int_t)units(e->text, b0, false),
                                               (json_int_t)units(e->text, b1, false), s->label));
        } else if (!strcmp(fmt, "labelstudio")) {
            json_t *v = json_pack("{s:I, s:I, s:s%, s:[s]}", "start",
                                  (json_int_t)units(e->text, b0, true), "end",
                                  (json_int_t)units(e->text, b1, true), "text", e->text + b0,
                                  b1 - b0, "labels", s->label);
            char rid[32];
            snprintf(rid, sizeof rid, "r%zu", i);
            json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:s, s:o, s:f}", "id", rid,
                                               "from_name", "label", "to_name", "text", "type",
                                               "labels", "value", v, "score", 1.0));
        } else {
            json_t *o = json_pack("{s:I, s:I, s:s, s:s%}", "start",
                                  (json_int_t)units(e->text, b0, false), "end",
                                  (json_int_t)units(e->text, b1, false), "label", s->label,
                                  "text", e->text + b0, b1 - b0);
            if (s->path)
                json_object_set_new(o, "concept", json_string(s->path));
            json_array_append_new(a, o);
        }
    }
    return a;
}

/* One code point of CoNLL: the character, escaped when it is white space. */
static void conll_char(const char *p, size_t l)
{
    if (l == 1 && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        fputs(*p == ' ' ? "\\s" : *p == '\t' ? "\\t" : *p == '\n' ? "\\n" : "\\r", stdout);
    else
        fwrite(p, 1, l, stdout);
}

static void write_conll(const example *e)
{
    size_t k = 0;
    printf("# id = %s\n# split = %s\n", e->id, e->split);
    for (size_t i = 0; i < e->len;) {
        size_t l = 1;
        while (i + l < e->len && ((unsigned char)e->text[i + l] & 0xC0) == 0x80)
            l++;
        uint32_t at = (uint32_t)i + e->base;
        while (k < e->n && e->spans[k].oe <= at)
            k++;
        conll_char(e->text + i, l);
        if (k < e->n && e->spans[k].ob <= at)
            printf("\t%s-%s\n", e->spans[k].ob == at ? "B" : "I", e->spans[k].label);
        else
            fputs("\tO\n", stdout);
        i += l;
    }
    putchar('\n');
}

static void write_example(const example *e, const char *fmt, bool *first)
{
    if (!strcmp(fmt, "conll")) {
        write_conll(e);
        return;
    }
    json_t *o;
    json_t *text = json_stringn(e->text, e->len);
    if (!strcmp(fmt, "doccano")) {
        o = json_pack("{s:s, s:o, s:o, s:s}", "id", e->id, "text", text, "label",
                      span_list(e, fmt), "split", e->split);
    } else if (!strcmp(fmt, "labelstudio")) {
        o = json_pack("{s:s, s:{s:o, s:s, s:s}, s:[{s:s, s:f, s:o}]}", "id", e->id, "data", "text",
                      text, "source", e->source, "split", e->split, "predictions",
                      "model_version", "juesuan-" JS_VERSION, "score", 1.0, "result",
                      span_list(e, fmt));
    } else {
        o = json_pack("{s:s, s:o, s:o, s:{s:s, s:s, s:I}, s:s}", "id", e->id, "text", text,
                      "spans", span_list(e, fmt), "meta", "source", e->source, "sha256", e->sha,
                      "offset", (json_int_t)e->base, "split", e->split);
    }
    char *s = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    if (s) {
        if (!strcmp(fmt, "labelstudio"))
            fputs(*first ? "[\n" : ",\n", stdout);
        fputs(s, stdout);
        if (strcmp(fmt, "labelstudio"))
            putchar('\n');
        *first = false;
    }
    free(s);
    json_decref(o);
}

/* MARK: examples, duplicates, split ----------------------------------------- */

typedef struct {
    char (*seen)[65];
    size_t n, cap;
} shaset;

static bool seen_before(shaset *s, const char *sha)
{
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->seen[i], sha))
            return true;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        char(*v)[65] = realloc(s->seen, cap * sizeof *v);
        if (!v)
            return false;
        s->seen = v;
        s->cap = cap;
    }
    memcpy(s->seen[s->n++], sha, 65);
    return false;
}

static const char *split_of(const char *sha, const jsc_opts *o)
{
    unsigned v = (unsigned)strtoul((char[9]){sha[0], sha[1], sha[2], sha[3], sha[4], sha[5],
                                            sha[6], sha[7], 0},
                                   NULL, 16) % 100;
    return v < (unsigned)o->split[0] ? "train"
           : v < (unsigned)(o->split[0] + o->split[1]) ? "dev"
                                                        : "test";
}

/* Cut [from, to) of the document into one example and write it. */
static void emit_piece(const char *text, uint32_t from, uint32_t to, const span *s, size_t n,
                       const char *source, size_t idx, const jsc_opts *o, shaset *dup,
                       stats *st, bool *first)
{
    size_t a = 0;
    while (a < n && s[a].ob < from)
        a++;
    size_t b = a;
    while (b < n && s[b].oe <= to)
        b++;
    if (strcmp(o->by, "document") && a == b)
        return; /* a paragraph or line with nothing labelled */
    char sha[65], id[96];
    jsp_sha256(text + from, to - from, sha);
    if (seen_before(dup, sha)) {
        st->dupes++;
        fprintf(stderr, "corpus: %s: duplicate text (sha256 %.12s…) left out\n", source, sha);
        return;
    }
    snprintf(id, sizeof id, "%.16s-%zu", sha, idx);
    example e = {text + from, to - from, s + a, b - a, from, id, split_of(sha, o), source, sha};
    write_example(&e, o->format, first);
    st->examples++;
    for (size_t i = a; i < b; i++)
        st->per_label[label_index(s[i].label)]++;
}

static void emit_doc(const char *text, size_t len, span *s, size_t n, const char *source,
                     const jsc_opts *o, shaset *dup, stats *st, bool *first)
{
    if (!strcmp(o->by, "document")) {
        emit_piece(text, 0, (uint32_t)len, s, n, source, 0, o, dup, st, first);
        return;
    }
    bool para = !strcmp(o->by, "paragraph");
    size_t idx = 0;
    for (uint32_t at = 0; at < len;) {
        const char *end = para ? memmem(text + at, len - at, "\n\n", 2)
                               : memchr(text + at, '\n', len - at);
        uint32_t e = end ? (uint32_t)(end - text) : (uint32_t)len;
        if (e > at)
            emit_piece(text, at, e, s, n, source, idx++, o, dup, st, first);
        at = e + (para ? 2 : 1);
    }
}

/* The input's bytes, within the size limit; NULL (and *why) when not. */
static char *read_input(const char *path, size_t limit, size_t *len, const char **why)
{
    FILE *f = fopen(path, "rb");
    char *data = NULL;
    js_status s = f ? js_read_stream(f, limit, &data, len) : JS_E_IO;
    if (f)
        fclose(f);
    *why = js_strerror(s);
    return data;
}

int jsc_run(const js_ctx *ctx, char **files, size_t nfiles, const jsc_opts *o)
{
    stats st = {0};
    shaset dup = {0};
    bool first = true;
    int rc = 0;
    for (size_t i = 0; i < nfiles; i++) {
        size_t len = 0;
        const char *why;
        char *data = read_input(files[i], o->max_bytes, &len, &why);
        js_doc *d = NULL;
        if (!data || js_extract(ctx, data, len, JS_OPT_MENTIONS, &d, NULL) != JS_OK ||
            !js_doc_is_report(d) || d->norm.invalid) {
            fprintf(stderr, "corpus: %s: %s\n", files[i],
                    !data ? why : "not a report, or not valid text: left out");
            st.docs_failed++;
            rc = data ? 1 : 4;
        } else {
            const char *text = d->decoded ? d->decoded : data;
            size_t tlen = d->decoded ? d->decoded_len : len;
            jsp_vec v = {0};
            collect(d, text, tlen, o, &v, &st);
            size_t n = dedupe_overlaps(v.items, v.n);
            emit_doc(text, tlen, v.items, n, files[i], o, &dup, &st, &first);
            jsp_vec_free(&v);
        }
        js_doc_free(d);
        free(data);
    }
    if (!strcmp(o->format, "labelstudio"))
        fputs(first ? "[]\n" : "\n]\n", stdout);
    fprintf(stderr, "corpus: %zu examples, %zu duplicates left out, %zu spans left out as "
                    "unvalidated, %zu inputs left out\ncorpus: spans",
            st.examples, st.dupes, st.unvalidated, st.docs_failed);
    for (int i = 0; i < NLABELS; i++)
        fprintf(stderr, " %s=%zu", LABELS[i], st.per_label[i]);
    fputc('\n', stderr);
    free(dup.seen);
    return rc;
}
