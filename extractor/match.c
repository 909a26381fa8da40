/* SPDX-License-Identifier: MIT
 * match.c — stage 3: the pattern library. Loads patterns/ at start:
 *   vocab/NAME.tsv namespace <TAB> text <TAB> value   (titles, row labels,
 *                 column headers, classification codes, units, OCR fixes)
 *   regex.pat     name <TAB> PCRE2 pattern           (named mechanisms)
 *   narrative.pat key <TAB> kind <TAB> PCRE2 pattern (prose facts)
 *   numbers.pat   name <TAB> PCRE2 pattern           (the number grammar;
 *                 @{ns} expands to vocabulary namespace ns as a trie, longest first;
 *                 @{^ns}, inside [...], to the first characters of its words;
 *                 @{=name} to a pattern loaded before it in the same file)
 *   checks.tsv    kind <TAB> id <TAB> expression     (identities, checks.c)
 * A file that fails to load or compile stops with file:line and PCRE2's
 * message. Lookups are by "label key" (white space and list markers gone).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "js_int.h"

/* PCRE2 limits for every match: a pattern that would backtrack without end
 * on hostile text fails that match (no figure) instead of hanging. */
#define JSP_MATCH_LIMIT 2000000
#define JSP_DEPTH_LIMIT 2000

/* MARK: vocabulary hash ---------------------------------------------------- */

typedef struct {
    char *ns, *key, *val;
    uint64_t nsh; /* jsp_hash of ns: walks over one namespace compare this first */
} vent;

struct jsp_vocab {
    vent *e;
    size_t n, cap;
    size_t *slot;  /* open addressing: index+1 into e, 0 = empty */
    uint32_t *tag; /* per slot, its entry's hash's high half: most probes end here */
    size_t nslot;
};

static uint64_t hash2(const char *ns, const char *key) { return jsp_hash(jsp_hash(0, ns), key); }

static int vocab_rehash(jsp_vocab *v)
{
    size_t ns = v->nslot ? v->nslot * 2 : 1024;
    size_t *slot = calloc(ns, sizeof *slot);
    uint32_t *tag = calloc(ns, sizeof *tag);
    if (!slot || !tag) {
        free(slot);
        free(tag);
        return -1;
    }
    for (size_t i = 0; i < v->n; i++) {
        uint64_t full = hash2(v->e[i].ns, v->e[i].key);
        size_t h = full & (ns - 1);
        while (slot[h])
            h = (h + 1) & (ns - 1);
        slot[h] = i + 1;
        tag[h] = (uint32_t)(full >> 32);
    }
    free(v->slot);
    free(v->tag);
    v->slot = slot;
    v->tag = tag;
    v->nslot = ns;
    return 0;
}

/* The slot of (ns, key), whose hash2 is `full`: its entry's, or the empty
 * one where it would go. */
static size_t *vocab_slot(const jsp_vocab *v, const char *ns, const char *key, uint64_t full)
{
    uint32_t tag = (uint32_t)(full >> 32);
    size_t h = full & (v->nslot - 1);
    while (v->slot[h]) {
        const vent *e = &v->e[v->slot[h] - 1];
        if (v->tag[h] == tag && !strcmp(e->key, key) && !strcmp(e->ns, ns))
            return &v->slot[h];
        h = (h + 1) & (v->nslot - 1);
    }
    return &v->slot[h];
}

static size_t *vocab_find(const jsp_vocab *v, const char *ns, const char *key)
{
    return v && v->nslot ? vocab_slot(v, ns, key, hash2(ns, key)) : NULL;
}

/* First definition wins, so a later file cannot silently override. */
static int vocab_put(jsp_vocab *v, const char *ns, const char *key, const char *val)
{
    if ((v->n + 1) * 2 > v->nslot && vocab_rehash(v))
        return -1;
    uint64_t full = hash2(ns, key);
    size_t *s = vocab_slot(v, ns, key, full);
    if (*s)
        return 0;
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 512;
        vent *e = realloc(v->e, cap * sizeof *e);
        if (!e)
            return -1;
        v->e = e;
        v->cap = cap;
    }
    vent *e = &v->e[v->n];
    e->ns = strdup(ns);
    e->nsh = jsp_hash(0, ns);
    e->key = strdup(key);
    e->val = strdup(val);
    if (!e->ns || !e->key || !e->val)
        return -1;
    *s = ++v->n;
    v->tag[s - v->slot] = (uint32_t)(full >> 32);
    return 0;
}

const char *jsp_vocab_get(const jsp_vocab *v, const char *ns, const char *key)
{
    size_t *s = key ? vocab_find(v, ns, key) : NULL;
    return s && *s ? v->e[*s - 1].val : NULL;
}

const char *jsp_vocab_fuzzy(const jsp_vocab *v, const char *ns, const char *key)
{
    if (!v)
        return NULL;
    int cap = (int)(jsp_cp_count(key) / 4);
    if (cap < 1)
        return NULL;
    const char *best = NULL;
    int bestd = cap + 1;
    uint64_t h = jsp_hash(0, ns);
    for (size_t i = 0; i < v->n; i++) {
        if (v->e[i].nsh != h || strcmp(v->e[i].ns, ns))
            continue;
        int d = jsp_edit_distance(key, v->e[i].key, bestd - 1);
        if (d < bestd) {
            bestd = d;
            best = v->e[i].val;
        }
    }
    return best;
}

const char *jsp_vocab_near_value(const jsp_vocab *v, const char *ns, const char *text)
{
    if (!v || !text)
        return NULL;
    int cap = (int)(jsp_cp_count(text) / 4);
    uint64_t h = jsp_hash(0, ns);
    for (size_t i = 0; i < v->n; i++)
        if (v->e[i].nsh == h && !strcmp(v->e[i].ns, ns) &&
            jsp_edit_distance(text, v->e[i].val, cap) <= cap)
            return v->e[i].key;
    return NULL;
}

const char *jsp_vocab_prefix(const jsp_vocab *v, const char *ns, const char *key)
{
    size_t n = key ? strlen(key) : 0;
    if (!v || jsp_cp_count(key) < 4)
        return NULL;
    const char *found = NULL;
    uint64_t h = jsp_hash(0, ns);
    for (size_t i = 0; i < v->n; i++) {
        if (v->e[i].nsh != h || strcmp(v->e[i].ns, ns) || strncmp(v->e[i].key, key, n))
            continue;
        if (found && strcmp(found, v->e[i].val))
            return NULL; /* two rows begin so */
        found = v->e[i].val;
    }
    return found;
}

/* Bytes of the character at k (1 for a byte that begins none). */
static size_t char_len(const char *k)
{
    size_t n = jsp_utf8_len((const unsigned char *)k, strlen(k));
    return n ? n : 1;
}

/* One character (UTF-8, in out[8]) found in every word of namespace ns, or
 * "" when the words share none. */
static void vocab_common(const jsp_vocab *v, const char *ns, char out[8])
{
    out[0] = 0;
    const char *first = NULL;
    for (size_t i = 0; i < v->n && !first; i++)
        if (!strcmp(v->e[i].ns, ns))
            first = v->e[i].key;
    for (const char *c = first; c && *c && !out[0];) {
        size_t k = char_len(c);
        memcpy(out, c, k);
        out[k] = 0;
        for (size_t i = 0; i < v->n && out[0]; i++)
            if (!strcmp(v->e[i].ns, ns) && !strstr(v->e[i].key, out))
                out[0] = 0;
        c += k;
    }
}

#define MARKS "\x01mark" /* the namespace of the marks: key = a namespace */

/* Each namespace's mark (see jsp_vocab_mark), once every file is loaded. */
static int vocab_marks(jsp_vocab *v)
{
    for (size_t i = 0, n = v->n; i < n; i++) {
        const char *ns = v->e[i].ns;
        char mark[8];
        if (*vocab_find(v, MARKS, ns))
            continue;
        vocab_common(v, ns, mark);
        if (vocab_put(v, MARKS, ns, mark))
            return -1;
    }
    return 0;
}

const char *jsp_vocab_mark(const jsp_vocab *v, const char *ns)
{
    const char *m = jsp_vocab_get(v, MARKS, ns);
    return m ? m : "";
}

static void vocab_free(jsp_vocab *v)
{
    if (!v)
        return;
    for (size_t i = 0; i < v->n; i++) {
        free(v->e[i].ns);
        free(v->e[i].key);
        free(v->e[i].val);
    }
    free(v->e);
    free(v->slot);
    free(v->tag);
    free(v);
}

/* MARK: edit distance over code points ------------------------------------- */

static size_t decode_cps(const char *s, uint32_t *out, size_t max)
{
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p && n < max) {
        uint32_t c = *p++;
        int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
        c &= extra == 3 ? 0x07 : extra == 2 ? 0x0F : extra == 1 ? 0x1F : 0x7F;
        while (extra-- && (*p & 0xC0) == 0x80)
            c = (c << 6) | (*p++ & 0x3F);
        out[n++] = c;
    }
    return n;
}

int jsp_edit_distance(const char *a, const char *b, int cap)
{
    uint32_t x[128], y[128];
    size_t n = decode_cps(a, x, 128), m = decode_cps(b, y, 128);
    if ((int)(n > m ? n - m : m - n) > cap)
        return cap + 1;
    int row[129];
    for (size_t j = 0; j <= m; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= n; i++) {
        int prev = row[0], best = row[0] = (int)i;
        for (size_t j = 1; j <= m; j++) {
            int cur = row[j];
            int sub = prev + (x[i - 1] != y[j - 1]);
            int v = sub < cur + 1 ? sub : cur + 1;
            row[j] = v < row[j - 1] + 1 ? v : row[j - 1] + 1;
            prev = cur;
            if (row[j] < best)
                best = row[j];
        }
        if (best > cap)
            return cap + 1;
    }
    return row[m];
}

/* MARK: label keys --------------------------------------------------------- */

/* s with every match of label_strip removed: as pcre2_substitute(GLOBAL,
 * NOTEMPTY, "") would, but each match found by lead (most labels hold no
 * character a removal begins with, and cost no pattern run). */
static char *strip_label(const jsp_patterns *p, jsp_arena *a, pcre2_match_data *md, char *s)
{
    size_t n = strlen(s), at = 0, k = 0;
    char *out = NULL;
    while (at < n && jsp_lead_find(p, &p->strip, s, n, at, PCRE2_NOTEMPTY, md)) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        if (!out && !(out = jsp_alloc_raw(a, n + 1)))
            return NULL;
        memcpy(out + k, s + at, ov[0] - at);
        k += ov[0] - at;
        at = ov[1];
    }
    if (!out)
        return s;
    memcpy(out + k, s + at, n - at);
    out[k + n - at] = 0;
    return out;
}

char *jsp_label_key(const jsp_patterns *p, jsp_arena *a, pcre2_match_data *md, const char *s,
                    size_t n)
{
    char *sq = jsp_squeeze(a, s, n);
    if (!sq || !p->strip.anchored)
        return sq;
    pcre2_match_data *own = md ? NULL : pcre2_match_data_create(4, NULL);
    if (!md && !(md = own))
        return NULL;
    char *out = strip_label(p, a, md, sq);
    pcre2_match_data_free(own);
    return out;
}

/* MARK: file loading ------------------------------------------------------- */

/* err->msg = "FILE:LINE: MESSAGE" */
static void set_err(js_error *err, js_status code, const char *file, size_t line, const char *msg)
{
    if (!err)
        return;
    err->code = code;
    if (snprintf(err->msg, sizeof err->msg, "%s:%zu: %s", file, line, msg) >= (int)sizeof err->msg)
        memcpy(err->msg + sizeof err->msg - 4, "...", 4); /* truncated */
}

/* Split a line at tabs into up to `max` fields (in place). */
static int fields(char *line, char **f, int max)
{
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') {
            *p = 0;
            f[n++] = p + 1;
        }
    return n;
}

static pcre2_code *compile_opts(const char *re, uint32_t opts, const char *file, size_t line,
                                js_error *err)
{
    int ec;
    PCRE2_SIZE off;
    pcre2_code *c = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED,
                                  PCRE2_UTF | PCRE2_UCP | opts, &ec, &off, NULL);
    if (!c) {
        char msg[256], where[400];
        pcre2_get_error_message(ec, (PCRE2_UCHAR *)msg, sizeof msg);
        snprintf(where, sizeof where, "%s (at column %zu)", msg, (size_t)off + 1);
        set_err(err, JS_E_PATTERN, file, line, where);
        return NULL;
    }
    pcre2_jit_compile(c, PCRE2_JIT_COMPLETE); /* JIT is an optimisation: ignore failure */
    return c;
}

static pcre2_code *compile(const char *re, const char *file, size_t line, js_error *err)
{
    return compile_opts(re, 0, file, line, err);
}

typedef int (*line_fn)(jsp_patterns *p, char **f, int nf, const char *file, size_t line,
                       js_error *err);

static int load_file(jsp_patterns *p, const char *path, line_fn fn, js_error *err)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        set_err(err, JS_E_PATTERN, path, 0, "cannot open pattern file");
        return -1;
    }
    char buf[8192];
    size_t lineno = 0;
    int rc = 0;
    while (!rc && fgets(buf, sizeof buf, fp)) {
        lineno++;
        size_t l = strlen(buf);
        while (l && (buf[l - 1] == '\n' || buf[l - 1] == '\r'))
            buf[--l] = 0;
        if (!l || buf[0] == '#')
            continue;
        char *f[4];
        int nf = fields(buf, f, 4);
        rc = fn(p, f, nf, path, lineno, err);
    }
    fclose(fp);
    return rc;
}

static int vocab_line(jsp_patterns *p, char **f, int nf, const char *file, size_t line,
                      js_error *err)
{
    if (nf < 3) {
        set_err(err, JS_E_PATTERN, file, line, "expected namespace<TAB>text<TAB>value");
        return -1;
    }
    jsp_arena a = {0};
    char *key = jsp_label_key(p, &a, NULL, f[1], strlen(f[1]));
    int rc = key ? vocab_put(p->vocab, f[0], key, f[2]) : -1;
    jsp_arena_free(&a);
    if (rc)
        set_err(err, JS_E_NOMEM, file, line, "out of memory");
    return rc;
}

/* MARK: @{ns} macros: a vocabulary namespace as an alternation ------------- */

typedef struct {
    char *s;
    size_t n, cap;
} sbuf;

static int sb_put(sbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 1024;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *t = realloc(b->s, cap);
        if (!t)
            return -1;
        b->s = t;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
    return 0;
}

static int by_bytes(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* One character of a key, escaped for a pattern (also under (?x)). */
static int put_char(sbuf *b, const char *k, size_t n)
{
    bool meta = n == 1 && strchr("\\^$.|?*+()[]{}#- ", *k);
    return (meta ? sb_put(b, "\\", 1) : 0) | sb_put(b, k, n);
}

/* End of the keys from i on (before hi) whose character at byte d is keys[i]'s. */
static size_t same_char(const char **keys, size_t i, size_t hi, size_t d)
{
    size_t cl = char_len(keys[i] + d), j = i + 1;
    while (j < hi && !memcmp(keys[j] + d, keys[i] + d, cl))
        j++;
    return j;
}

/* keys[lo, hi), sorted, all sharing their first d bytes, as a trie: each
 * character once, then what may follow it, the key that ends here last.
 * Keys matching at one place are prefixes of each other, so the longest is
 * tried first and backtracking takes the next shorter: what the alternation
 * of the keys longest first would do, without trying every key. */
static int put_trie(const char **keys, size_t lo, size_t hi, size_t d, sbuf *b)
{
    bool ends = !keys[lo][d];
    size_t from = lo + ends;
    if (from == hi)
        return 0; /* only the key that ends here */
    bool paren = ends || same_char(keys, from, hi, d) < hi;
    int rc = paren ? sb_put(b, "(?:", 3) : 0;
    for (size_t i = from; i < hi && !rc;) {
        size_t cl = char_len(keys[i] + d), j = same_char(keys, i, hi, d);
        rc = (i > from ? sb_put(b, "|", 1) : 0) | put_char(b, keys[i] + d, cl);
        rc = rc ? rc : put_trie(keys, i, j, d + cl, b);
        i = j;
    }
    if (!rc && ends)
        rc = sb_put(b, "|", 1);
    return rc ? rc : paren ? sb_put(b, ")", 1) : 0;
}

/* The keys of the comma-separated namespaces nss[0, nl) as one alternation
 * (a trie, longest key first); with `first`, each key's first character
 * only, bare (for a class). */
static int put_alternation(const jsp_vocab *v, const char *nss, size_t nl, bool first, sbuf *b)
{
    const char **keys = malloc((v->n + 1) * sizeof *keys);
    size_t nk = 0, nu = 0;
    if (!keys)
        return -1;
    for (size_t i = 0; i < v->n; i++) {
        const char *ns = v->e[i].ns, *p = nss, *end = nss + nl;
        size_t l = strlen(ns);
        for (; p < end; p++) {
            const char *q = memchr(p, ',', (size_t)(end - p));
            size_t pl = q ? (size_t)(q - p) : (size_t)(end - p);
            if (pl == l && !memcmp(p, ns, l)) {
                keys[nk++] = v->e[i].key;
                break;
            }
            p += pl;
        }
    }
    qsort(keys, nk, sizeof *keys, by_bytes);
    for (size_t i = 0; i < nk; i++) /* a key in two namespaces once */
        if (!nu || strcmp(keys[i], keys[nu - 1]))
            keys[nu++] = keys[i];
    int rc = 0;
    if (first)
        for (size_t i = 0; i < nu && !rc; i++)
            rc = *keys[i] ? put_char(b, keys[i], char_len(keys[i])) : 0;
    else
        rc = !nu ? sb_put(b, "(*FAIL)", 7)
                 : sb_put(b, "(?:", 3) || put_trie(keys, 0, nu, 0, b) || sb_put(b, ")", 1);
    free(keys);
    return rc;
}

/* "(?:SRC)" of the pattern named by name[0..nl) loaded before this one in its
 * file; 1 if there is none. */
static int put_pattern(const jsp_patterns *p, const char *name, size_t nl, sbuf *b)
{
    for (size_t i = 0; i < p->nregex; i++)
        if (p->regex[i].src && strlen(p->regex[i].name) == nl &&
            !memcmp(p->regex[i].name, name, nl))
            return sb_put(b, "(?:", 3) || sb_put(b, p->regex[i].src, strlen(p->regex[i].src)) ||
                           sb_put(b, ")", 1)
                       ? -1
                       : 0;
    return 1;
}

/* The pattern with every @{ns}, @{^ns} and @{=name} expanded; malloc'd. NULL
 * on failure, with *bad set to the @{=name} that names no earlier pattern. */
static char *expand_macros(const jsp_patterns *p, const char *re, const char **bad)
{
    sbuf b = {0};
    int rc = sb_put(&b, "", 0);
    *bad = NULL;
    for (const char *s = re; *s && !rc;) {
        const char *m = strstr(s, "@{"), *close = m ? strchr(m, '}') : NULL;
        if (!m || !close) {
            rc = sb_put(&b, s, strlen(s));
            break;
        }
        rc = sb_put(&b, s, (size_t)(m - s));
        bool first = m[2] == '^', ref = m[2] == '=';
        size_t off = 2 + (first || ref), nl = (size_t)(close - m) - off;
        if (!rc && ref && (rc = put_pattern(p, m + off, nl, &b)) > 0)
            *bad = m;
        else if (!rc && !ref)
            rc = put_alternation(p->vocab, m + off, nl, first, &b);
        s = close + 1;
    }
    if (rc)
        free(b.s);
    return rc ? NULL : b.s;
}

static int regex_line(jsp_patterns *p, char **f, int nf, const char *file, size_t line,
                      js_error *err)
{
    if (nf < 2) {
        set_err(err, JS_E_PATTERN, file, line, "expected name<TAB>regex");
        return -1;
    }
    jsp_regex *r = realloc(p->regex, (p->nregex + 1) * sizeof *r);
    if (!r)
        return -1;
    p->regex = r;
    r = &p->regex[p->nregex];
    snprintf(r->name, sizeof r->name, "%s", f[0]);
    const char *bad;
    char *re = expand_macros(p, f[1], &bad);
    if (!re) {
        char msg[160];
        int bl = bad ? (int)strcspn(bad, "}") + 1 : 0;
        if (bad)
            snprintf(msg, sizeof msg, "%.*s names no pattern before it in this file",
                     bl < 64 ? bl : 64, bad);
        set_err(err, bad ? JS_E_PATTERN : JS_E_NOMEM, file, line, bad ? msg : "out of memory");
        return -1;
    }
    r->re = compile(re, file, line, err);
    r->src = re; /* kept until the file is loaded, for an anchored twin (leads_init) */
    r->anchored = NULL;
    r->needs = NULL;
    memset(&r->lead, 0, sizeof r->lead);
    if (!r->re) {
        free(re);
        return -1;
    }
    p->nregex++;
    return 0;
}

static int rule_line(jsp_patterns *p, char **f, int nf, const char *file, size_t line,
                     js_error *err)
{
    if (nf < 3) {
        set_err(err, JS_E_PATTERN, file, line, "expected key<TAB>kind<TAB>regex");
        return -1;
    }
    jsp_rule *r = realloc(p->rules, (p->nrules + 1) * sizeof *r);
    if (!r)
        return -1;
    p->rules = r;
    r = &p->rules[p->nrules];
    snprintf(r->key, sizeof r->key, "%s", f[0]);
    snprintf(r->kind, sizeof r->kind, "%s", f[1]);
    r->line = (int)line;
    if (!(r->re = compile(f[2], file, line, err)))
        return -1;
    p->nrules++;
    return 0;
}

static int check_line(jsp_patterns *p, char **f, int nf, const char *file, size_t line,
                      js_error *err)
{
    if (nf < 3 || (strcmp(f[0], "sum") && strcmp(f[0], "le") && strcmp(f[0], "hier"))) {
        set_err(err, JS_E_PATTERN, file, line, "expected sum|le|hier<TAB>id<TAB>expression");
        return -1;
    }
    jsp_checkdef *c = realloc(p->checks, (p->nchecks + 1) * sizeof *c);
    if (!c)
        return -1;
    p->checks = c;
    c = &p->checks[p->nchecks];
    snprintf(c->kind, sizeof c->kind, "%s", f[0]);
    snprintf(c->id, sizeof c->id, "%s", f[1]);
    if (!(c->expr = strdup(f[2])))
        return -1;
    p->nchecks++;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Load every *.tsv of dir/vocab in name order. */
static int load_vocab_dir(jsp_patterns *p, const char *dir, js_error *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/vocab", dir);
    DIR *d = opendir(path);
    if (!d) {
        set_err(err, JS_E_PATTERN, path, 0, "cannot open vocabulary folder");
        return -1;
    }
    char *names[256];
    int n = 0, rc = 0;
    struct dirent *de;
    while ((de = readdir(d)) && n < 256) {
        size_t l = strlen(de->d_name);
        if (l > 4 && !strcmp(de->d_name + l - 4, ".tsv"))
            names[n++] = strdup(de->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, cmp_str);
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/vocab/%s", dir, names[i]);
        if (!rc)
            rc = load_file(p, path, vocab_line, err);
        free(names[i]);
    }
    return rc;
}

static uint32_t name_hash(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* p->byname: an open-addressed index of p->regex by name (1 + index, 0 =
 * empty), built once every file is loaded; until then a linear search. */
static int index_names(jsp_patterns *p)
{
    size_t cap = 64;
    while (cap < 2 * p->nregex)
        cap *= 2;
    if (!(p->byname = calloc(cap, sizeof *p->byname)))
        return -1;
    p->nbyname = cap;
    for (size_t i = 0; i < p->nregex; i++) {
        size_t h = name_hash(p->regex[i].name) & (cap - 1);
        while (p->byname[h])
            h = (h + 1) & (cap - 1);
        p->byname[h] = (uint32_t)i + 1;
    }
    return 0;
}

static const jsp_regex *regex_named(const jsp_patterns *p, const char *name)
{
    if (!p->byname) {
        for (size_t i = 0; i < p->nregex; i++)
            if (!strcmp(p->regex[i].name, name))
                return &p->regex[i];
        return NULL;
    }
    for (size_t h = name_hash(name) & (p->nbyname - 1); p->byname[h];
         h = (h + 1) & (p->nbyname - 1))
        if (!strcmp(p->regex[p->byname[h] - 1].name, name))
            return &p->regex[p->byname[h] - 1];
    return NULL;
}

bool jsp_lead_ask(const jsp_patterns *p, const jsp_lead *l, int32_t cp)
{
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t n = utf8proc_encode_char(cp, enc);
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    if (!md)
        return true; /* cannot ask: try the place */
    unsigned v = pcre2_match(l->cls, enc, (size_t)n, 0, 0, md, p->mctx) > 0 ? 2 : 1;
    pcre2_match_data_free(md);
    atomic_store_explicit(&l->seen[cp], (unsigned char)v, memory_order_relaxed);
    return v == 2;
}

/* The first place from `at` whose character the class has not already
 * answered "no" for (or n): the walk over ASCII and the common three-byte
 * characters, one table load each; anything else stops it. */
static size_t lead_skip(const jsp_lead *l, const unsigned char *u, size_t at, size_t n)
{
    _Atomic unsigned char *seen = l->seen;
    while (at < n) {
        unsigned c = u[at];
        if (c < 0x80) {
            if (atomic_load_explicit(&seen[c], memory_order_relaxed) != 1)
                return at;
            at++;
            continue;
        }
        int32_t cp = jsp_utf8_cjk3(u + at, n - at);
        if (cp < 0 || atomic_load_explicit(&seen[cp], memory_order_relaxed) != 1)
            return at;
        at += 3;
    }
    return at;
}

bool jsp_lead_find(const jsp_patterns *p, const jsp_lead *l, const char *s, size_t n, size_t at,
                   uint32_t opts, pcre2_match_data *md)
{
    if (at > n)
        return false;
    const unsigned char *u = (const unsigned char *)s;
    if (l->seen && l->start_only) { /* asked about the first character after white space */
        size_t k = at;
        while (k < n && (u[k] == ' ' || u[k] == '\t'))
            k++;
        int32_t cp = -1; /* at the end: -1, which every class lets through */
        if (k < n)
            jsp_utf8_decode(u + k, n - k, &cp);
        return jsp_lead_may(p, l, cp) && (!l->needs || jsp_holds_list(s + at, n - at, l->needs)) &&
               jsp_match(p, l->re, s, n, at, opts, md) > 0;
    }
    if (l->needs && !jsp_holds_list(s + at, n - at, l->needs))
        return false;
    if (!l->seen) /* no class: the pattern's own search */
        return jsp_match(p, l->re, s, n, at, opts, md) > 0;
    while ((at = lead_skip(l, u, at, n)) < n) {
        int32_t cp = -1;
        size_t k = jsp_utf8_decode(u + at, n - at, &cp);
        if (jsp_lead_may(p, l, cp) && jsp_match(p, l->anchored, s, n, at, opts, md) > 0)
            return true;
        if (!k)
            for (k = 1; at + k < n && (u[at + k] & 0xC0) == 0x80; k++)
                ;
        at += k;
    }
    return false;
}

/* "a|b" as the list jsp_holds_list reads: each text after its length
 * byte, a zero length last (malloc'd; NULL when a text is too long). */
static char *needs_list(const char *src, size_t len)
{
    char *out = malloc(len + 2), *o = out;
    for (const char *q = src; out;) {
        size_t k = strcspn(q, "|");
        if (k > 255) {
            free(out);
            return NULL;
        }
        *o++ = (char)k;
        memcpy(o, q, k);
        o += k;
        if (!q[k])
            break;
        q += k + 1;
    }
    if (out)
        *o = 0;
    return out;
}

/* NAME_needs of each pattern of one file: the text of a pattern with that
 * name, which must be plain texts joined by |. */
static int needs_init(jsp_patterns *p, size_t from, const char *path, js_error *err)
{
    for (size_t i = from; i < p->nregex; i++) {
        char name[64];
        snprintf(name, sizeof name, "%s_needs", p->regex[i].name);
        const jsp_regex *n = regex_named(p, name);
        if (!n || !n->src)
            continue;
        size_t len = strlen(n->src);
        if (!len || strpbrk(n->src, "\\.^$?*+()[]{}") || n->src[0] == '|' ||
            n->src[len - 1] == '|' || strstr(n->src, "||")) {
            char msg[160];
            snprintf(msg, sizeof msg,
                     "%.64s must be plain texts joined by | (one held by every match)", name);
            set_err(err, JS_E_PATTERN, path, 0, msg);
            return -1;
        }
        if (!(p->regex[i].needs = needs_list(n->src, len))) {
            set_err(err, JS_E_NOMEM, path, 0, "out of memory or a text over 255 bytes");
            return -1;
        }
    }
    return 0;
}

/* The lead of each pattern of one file (p->regex[from…]): "NAME_first"
 * names its class, "NAME_needs" its texts. Patterns with a class, and
 * "mention" (tried anchored at the places mention_start finds), get a twin
 * compiled PCRE2_ANCHORED: JIT cannot anchor at match time, so tries would
 * run in the interpreter. */
static int leads_init(jsp_patterns *p, size_t from, const char *path, js_error *err)
{
    if (needs_init(p, from, path, err))
        return -1;
    for (size_t i = from; i < p->nregex; i++) {
        jsp_regex *r = &p->regex[i];
        char cls_name[64];
        snprintf(cls_name, sizeof cls_name, "%s_first", r->name);
        const pcre2_code *cls = jsp_regex_get(p, cls_name);
        bool twin = cls || !strcmp(r->name, "mention");
        if (twin)
            r->anchored = compile_opts(r->src, PCRE2_ANCHORED, path, 0, err);
        free(r->src);
        r->src = NULL;
        if (twin && !r->anchored)
            return -1;
        uint32_t all = 0;
        pcre2_pattern_info(r->re, PCRE2_INFO_ALLOPTIONS, &all);
        r->lead = (jsp_lead){.re = r->re,
                             .anchored = r->anchored,
                             .cls = cls,
                             .start_only = cls && (all & PCRE2_ANCHORED),
                             .needs = r->needs};
        if (cls && !(r->lead.seen = calloc(0x10000, 1))) {
            set_err(err, JS_E_NOMEM, path, 0, "out of memory");
            return -1;
        }
    }
    return 0;
}

const jsp_lead *jsp_lead_get(const jsp_patterns *p, const char *name)
{
    const jsp_regex *r = regex_named(p, name);
    return r ? &r->lead : NULL;
}

/* A copy of pattern `name`'s lead (its pointers outlive p->regex's moves). */
static int lead_copy(const jsp_patterns *p, const char *name, jsp_lead *out, const char *path,
                     js_error *err)
{
    const jsp_lead *l = jsp_lead_get(p, name);
    if (!l || !l->anchored) {
        char msg[96];
        snprintf(msg, sizeof msg, "missing the '%s' pattern", name);
        set_err(err, JS_E_PATTERN, path, 0, msg);
        return -1;
    }
    *out = *l;
    return 0;
}

static bool jitted(const pcre2_code *re)
{
    size_t size = 0;
    return !re || (pcre2_pattern_info(re, PCRE2_INFO_JITSIZE, &size) == 0 && size > 0);
}

/* Did JIT compile every pattern? Then jsp_match may call it directly. */
static bool all_jit(const jsp_patterns *p)
{
    for (size_t i = 0; i < p->nregex; i++)
        if (!jitted(p->regex[i].re) || !jitted(p->regex[i].anchored))
            return false;
    for (size_t i = 0; i < p->nrules; i++)
        if (!jitted(p->rules[i].re))
            return false;
    return true;
}

/* Whether `name` names a helper of another pattern (NAME_first, NAME_needs). */
static bool helper_name(const char *name)
{
    size_t n = strlen(name);
    return (n > 6 && !strcmp(name + n - 6, "_first")) || (n > 6 && !strcmp(name + n - 6, "_needs"));
}

/* The "qualifier.*" patterns, found once (a figure's qualifier tries them
 * in file order). */
static int index_qualifiers(jsp_patterns *p)
{
    p->quals = malloc((p->nregex + 1) * sizeof *p->quals);
    if (!p->quals)
        return -1;
    for (size_t i = 0; i < p->nregex; i++)
        if (!strncmp(p->regex[i].name, "qualifier.", 10) && !helper_name(p->regex[i].name))
            p->quals[p->nquals++] = (uint32_t)i;
    return 0;
}

int jsp_patterns_load(const char *dir, jsp_patterns *p, js_error *err)
{
    char path[4096];
    memset(p, 0, sizeof *p);
    if (!(p->vocab = calloc(1, sizeof *p->vocab)) || !(p->mctx = pcre2_match_context_create(NULL)))
        return -1;
    pcre2_set_match_limit(p->mctx, JSP_MATCH_LIMIT);
    pcre2_set_depth_limit(p->mctx, JSP_DEPTH_LIMIT);
    snprintf(path, sizeof path, "%s/regex.pat", dir);
    if (load_file(p, path, regex_line, err) || leads_init(p, 0, path, err))
        return -1;
    if (lead_copy(p, "label_strip", &p->strip, path, err))
        return -1;
    snprintf(path, sizeof path, "%s/narrative.pat", dir);
    if (load_file(p, path, rule_line, err))
        return -1;
    if (load_vocab_dir(p, dir, err))
        return -1;
    if (vocab_marks(p->vocab)) {
        set_err(err, JS_E_NOMEM, dir, 0, "out of memory");
        return -1;
    }
    snprintf(path, sizeof path, "%s/numbers.pat", dir); /* after vocab: uses @{ns} */
    size_t from = p->nregex;
    if (load_file(p, path, regex_line, err) || leads_init(p, from, path, err))
        return -1;
    jsp_lead mention;
    if (lead_copy(p, "mention", &mention, path, err) ||
        lead_copy(p, "mention_start", &p->start, path, err) ||
        lead_copy(p, "concept", &p->concept, path, err))
        return -1;
    p->mention = mention.re;
    p->mention_anchored = mention.anchored;
    if (index_qualifiers(p)) {
        set_err(err, JS_E_NOMEM, path, 0, "out of memory");
        return -1;
    }
    snprintf(path, sizeof path, "%s/checks.tsv", dir);
    if (load_file(p, path, check_line, err))
        return -1;
    if (index_names(p)) {
        set_err(err, JS_E_NOMEM, path, 0, "out of memory");
        return -1;
    }
    p->all_jit = all_jit(p);
    jsp_num_init(p);
    jsp_repair_init(p);
    return 0;
}

void jsp_patterns_free(jsp_patterns *p)
{
    for (size_t i = 0; i < p->nregex; i++) {
        pcre2_code_free(p->regex[i].re);
        pcre2_code_free(p->regex[i].anchored);
        free((void *)p->regex[i].lead.seen);
        free(p->regex[i].src);
        free(p->regex[i].needs);
    }
    for (size_t i = 0; i < p->nrules; i++)
        pcre2_code_free(p->rules[i].re);
    free(p->regex);
    free(p->byname);
    free(p->quals);
    free(p->rules);
    for (size_t i = 0; i < p->nchecks; i++)
        free(p->checks[i].expr);
    free(p->checks);
    vocab_free(p->vocab);
    pcre2_match_context_free(p->mctx);
    memset(p, 0, sizeof *p);
}

int jsp_match(const jsp_patterns *p, const pcre2_code *re, const char *s, size_t n, size_t off,
              uint32_t opts, pcre2_match_data *md)
{
    if (!re)
        return -1;
    if (p->all_jit) /* straight into the JIT code: pcre2_match's checks, once per call, skipped */
        return pcre2_jit_match(re, (PCRE2_SPTR)s, n, off, opts, md, p->mctx);
    return pcre2_match(re, (PCRE2_SPTR)s, n, off, opts | PCRE2_NO_UTF_CHECK, md, p->mctx);
}

const pcre2_code *jsp_regex_get(const jsp_patterns *p, const char *name)
{
    const jsp_regex *r = regex_named(p, name);
    return r ? r->re : NULL;
}
