/* SPDX-License-Identifier: MIT
 * emit.c — stage 7: facts → the canonical record as JSON, written directly
 * with jansson's conventions (jansson only re-reads it for --pretty): the
 * nested part (header, tables, narrative) through a tree of paths, then the
 * long flat lists (checks, provenance, warnings, mentions). Paths nest on '.', tables come out in
 * id order, amounts as JSON numbers from their exact decimal text, counts as integers.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "js_int.h"

/* MARK: the long lists, written directly ----------------------------------
 * checks, provenance, warnings and mentions are most of a record's bytes;
 * building jansson objects for them and dumping them cost more than the
 * rest of the pipeline's output. They are written here as compact JSON with
 * jansson's conventions (escapes, "%.15g" reals with ".0", a string that is
 * not UTF-8 leaves its key out), and spliced into the record. */

/* A literal into the buffer. */
#define LIT(b, lit) jsp_buf_put((b), (lit), sizeof(lit) - 1)

/* Eight bytes at once: does any byte need a look (not ASCII, a control
 * character, '"' or '\\')? */
static inline bool word_plain(const char *s)
{
    uint64_t x;
    memcpy(&x, s, 8);
    const uint64_t ones = 0x0101010101010101u, high = ones << 7;
    uint64_t control = (x - ones * 0x20) & ~x & high; /* a byte below 0x20 */
    return !((x & high) | control | jsp_word_has(x, '"') | jsp_word_has(x, '\\'));
}

static bool utf8_ok(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        int32_t cp;
        if (i + 8 <= n && word_plain(s + i)) {
            i += 8;
            continue;
        }
        size_t k = jsp_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (!k)
            return false;
        i += k;
    }
    return true;
}

/* The buffer back to its first n0 bytes. */
static void cut(jsp_buf *b, size_t n0)
{
    b->n = n0;
    if (b->s)
        b->s[n0] = 0;
}

/* s as a JSON string (jansson's escapes). False, and the buffer as it was,
 * when s is not UTF-8. */
static bool jstr(jsp_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n0 = b->n, run = 0; /* s[run, i) is still to copy */
    LIT(b, "\"");
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (i + 8 <= n && word_plain(s + i)) {
            i += 8;
        } else if (c >= 0x80) {
            int32_t cp;
            size_t k = jsp_utf8_decode((const unsigned char *)s + i, n - i, &cp);
            if (!k) {
                cut(b, n0);
                return false;
            }
            i += k;
        } else if (c >= 0x20 && c != '"' && c != '\\') {
            i++;
        } else {
            jsp_buf_put(b, s + run, i - run);
            run = ++i;
            const char *sh = c == '"'    ? "\""
                             : c == '\\' ? "\\"
                             : c == '\b' ? "b"
                             : c == '\f' ? "f"
                             : c == '\n' ? "n"
                             : c == '\r' ? "r"
                             : c == '\t' ? "t"
                                         : NULL;
            char e[7] = {'\\', sh ? sh[0] : 'u', '0', '0', hex[c >> 4], hex[c & 15], 0};
            jsp_buf_put(b, e, sh ? 2 : 6);
        }
    }
    jsp_buf_put(b, s + run, n - run);
    LIT(b, "\"");
    return true;
}

/* A whole number. */
static void jint(jsp_buf *b, long long v)
{
    char t[24], *e = t + sizeof t, *p = e;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do
        *--p = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        *--p = '-';
    jsp_buf_put(b, p, (size_t)(e - p));
}

/* KEY_LIT then the string, when it is UTF-8 (as jansson: else nothing). */
static bool jfield(jsp_buf *b, const char *key_lit, size_t kl, const char *s, size_t n)
{
    size_t n0 = b->n;
    if (!s)
        return false;
    jsp_buf_put(b, key_lit, kl);
    if (jstr(b, s, n))
        return true;
    cut(b, n0);
    return false;
}
#define JFIELD(b, key_lit, s, n) jfield((b), (key_lit), sizeof(key_lit) - 1, (s), (n))

static void jreal(jsp_buf *b, double v)
{
    char t[40];
    int n = snprintf(t, sizeof t, "%.15g", v);
    if (n <= 0 || (size_t)n >= sizeof t)
        return;
    if (!strchr(t, '.') && !strchr(t, 'e') && (size_t)n + 2 < sizeof t) {
        memcpy(t + n, ".0", 3); /* else it reads back as an integer */
        n += 2;
    }
    char *e = strchr(t, 'e');
    if (e) { /* as jansson: no '+' and no leading zeros in the exponent */
        char *from = e + 1, *to = e + 1;
        if (*to == '-')
            to++, from++;
        else if (*from == '+')
            from++;
        while (*from == '0' && from[1])
            from++;
        memmove(to, from, strlen(from) + 1);
        n = (int)strlen(t);
    }
    jsp_buf_put(b, t, (size_t)n);
}

/* Decimal digits of v >= 0, at least `width` of them, at the end of t[0..40);
 * returns where they start. */
static char *digits(char *end, int64_t v, int width)
{
    for (int n = 0; v || n < width; n++) {
        *--end = (char)('0' + v % 10);
        v /= 10;
    }
    return end;
}

/* An exact decimal, printed as jreal prints its double: with at most four
 * decimals and fifteen digits, %.15g gives the decimal itself less its
 * trailing zeros (a whole number then takes ".0"). Else through jreal. */
static void jdec(jsp_buf *b, js_dec a)
{
    int64_t v = a.v < 0 ? -a.v : a.v, p = 1;
    if (a.sc < 0 || a.sc > 4 || v >= 1000000000000000LL)
        return jreal(b, jsp_dec_to_double(a));
    for (int i = 0; i < a.sc; i++)
        p *= 10;
    int64_t frac = v % p;
    int sc = a.sc;
    while (sc > 0 && frac % 10 == 0) /* trailing zeros */
        frac /= 10, sc--;
    char t[48], *end = t + sizeof t, *s = end;
    if (sc > 0) {
        s = digits(s, frac, sc);
    } else {
        *--s = '0';
    }
    *--s = '.';
    s = digits(s, v / p, 1);
    if (a.v < 0 && v)
        *--s = '-';
    jsp_buf_put(b, s, (size_t)(end - s));
}

/* MARK: the nested part: paths as a tree ---------------------------------
 * tables.* and narrative.* nest on '.'. The tree keeps jansson's object
 * rules, so records read as they did when jansson built them: keys in
 * first-set order, a key set again keeps its place, a value set where an
 * object was replaces it (and an object where a value was), a key is cut to
 * 127 bytes, and a key or string that is not UTF-8 (or a real that is not
 * finite) is not set. Nodes live in one malloc'd array; a hash finds a
 * child by (its parent's identity, key). A replaced node takes a new
 * identity, so the children it had are no longer found. */

typedef struct {
    const char *key;
    uint32_t klen;
    uint32_t id, parent;  /* identity; the identity of the parent */
    int32_t first, last;  /* children, in order; -1 none */
    int32_t next;         /* next sibling */
    const jsp_fact *leaf; /* the value; NULL: an object */
} tnode;

typedef struct {
    tnode *n;
    size_t nn, cap;
    uint32_t *slot; /* 1 + node index; 0 empty */
    size_t nslot;   /* a power of two, > 2 * cap */
    uint32_t ids;
} tree;

static uint32_t slot_of(const tree *t, uint32_t parent, const char *k, size_t l)
{
    uint32_t h = 2166136261u ^ parent;
    for (size_t i = 0; i < l; i++)
        h = (h ^ (unsigned char)k[i]) * 16777619u;
    return h & (uint32_t)(t->nslot - 1);
}

/* The child KEY of the node with identity PARENT: its index, or -1; *slot
 * is where it is or would go. */
static int32_t find_child(const tree *t, uint32_t parent, const char *k, size_t l, uint32_t *slot)
{
    uint32_t i = slot_of(t, parent, k, l);
    for (; t->slot[i]; i = (i + 1) & (uint32_t)(t->nslot - 1)) {
        const tnode *c = &t->n[t->slot[i] - 1];
        if (c->parent == parent && c->klen == l && !memcmp(c->key, k, l))
            break;
    }
    *slot = i;
    return t->slot[i] ? (int32_t)t->slot[i] - 1 : -1;
}

/* A new last child of node o (there is room: the tree is sized up front). */
static int32_t add_child(tree *t, int32_t o, const char *k, size_t l, uint32_t slot)
{
    int32_t i = (int32_t)t->nn++;
    t->n[i] = (tnode){k, (uint32_t)l, ++t->ids, t->n[o].id, -1, -1, -1, NULL};
    if (t->n[o].last >= 0)
        t->n[t->n[o].last].next = i;
    else
        t->n[o].first = i;
    t->n[o].last = i;
    t->slot[slot] = (uint32_t)i + 1;
    return i;
}

/* Node c made anew in its place: no children, a new identity. */
static void renew(tree *t, int32_t c, const jsp_fact *leaf)
{
    t->n[c].id = ++t->ids;
    t->n[c].first = t->n[c].last = -1;
    t->n[c].leaf = leaf;
}

static bool value_ok(const jsp_fact *f)
{
    if (f->kind == JSP_F_STR)
        return f->str && utf8_ok(f->str, strlen(f->str));
    return f->kind == JSP_F_INT || isfinite(jsp_dec_to_double(f->num));
}

/* Set the fact's value at its path (as jansson's object_set would). */
static void tree_set(tree *t, const jsp_fact *f)
{
    int32_t o = 0;
    for (const char *p = f->path;;) {
        const char *dot = strchr(p, '.');
        size_t l = dot ? (size_t)(dot - p) : strlen(p);
        size_t kl = l < 127 ? l : 127;
        uint32_t slot;
        if (!utf8_ok(p, kl) || (!dot && !value_ok(f)))
            return;
        int32_t c = find_child(t, t->n[o].id, p, kl, &slot);
        if (c < 0)
            c = add_child(t, o, p, kl, slot);
        if (!dot) {
            if (t->n[c].leaf)
                t->n[c].leaf = f;
            else
                renew(t, c, f); /* a new leaf, or a value over an object */
            return;
        }
        if (t->n[c].leaf)
            renew(t, c, NULL); /* an object over a value */
        o = c;
        p = dot + 1;
    }
}

static void put_value(jsp_buf *b, const jsp_fact *f)
{
    if (f->kind == JSP_F_STR)
        jstr(b, f->str, strlen(f->str));
    else if (f->kind == JSP_F_INT)
        jint(b, (long long)f->num.v);
    else
        jdec(b, f->num);
}

/* ,"key":value for each child of node o. */
static void put_children(jsp_buf *b, const tree *t, int32_t o)
{
    for (int32_t c = t->n[o].first; c >= 0; c = t->n[c].next) {
        jsp_buf_put(b, ",", 1);
        jstr(b, t->n[c].key, t->n[c].klen);
        jsp_buf_put(b, ":", 1);
        if (t->n[c].leaf) {
            put_value(b, t->n[c].leaf);
        } else {
            jsp_buf_put(b, "{", 1);
            size_t at = b->n;
            put_children(b, t, c);
            if (b->n > at && !b->oom)
                memmove(b->s + at, b->s + at + 1, --b->n - at); /* its first comma */
            jsp_buf_put(b, "}", 1);
        }
    }
}

/* The record section a path belongs to: 1..9 for tables.01. … tables.09.,
 * 10 for narrative., 0 for none. */
static unsigned char section_of(const char *path)
{
    if (!path)
        return 0;
    if (!strncmp(path, "narrative.", 10))
        return 10;
    if (strncmp(path, "tables.0", 8) || path[8] < '1' || path[8] > '9' || path[9] != '.')
        return 0;
    return (unsigned char)(path[8] - '0');
}

/* A tree with room for every path component of the facts. 0, or -1. */
static int tree_new(tree *t, const jsp_fact *f, size_t n)
{
    size_t parts = 1 + n;
    for (size_t i = 0; i < n; i++)
        for (const char *p = f[i].path; p && *p; p++)
            parts += *p == '.';
    *t = (tree){.cap = parts + 1, .nslot = 16};
    while (t->nslot <= 2 * t->cap)
        t->nslot *= 2;
    t->n = malloc(t->cap * sizeof *t->n);
    t->slot = calloc(t->nslot, sizeof *t->slot);
    if (!t->n || !t->slot)
        return -1;
    t->n[0] = (tnode){"", 0, 0, 0, -1, -1, -1, NULL};
    t->nn = 1;
    return 0;
}

/* Facts under tables.01. … tables.09. (in that order), then narrative., as
 * ,"tables":{...},"narrative":{...}. 0, or -1 when out of memory. */
static int nested(const js_doc *d, jsp_buf *b)
{
    const jsp_fact *f = d->facts.items;
    tree t;
    unsigned char *sec = malloc(d->facts.n + 1);
    int rc = sec && !tree_new(&t, f, d->facts.n) ? 0 : -1;
    for (size_t i = 0; !rc && i < d->facts.n; i++)
        sec[i] = section_of(f[i].path);
    for (unsigned char id = 1; !rc && id <= 10; id++)
        for (size_t i = 0; i < d->facts.n; i++)
            if (sec[i] == id)
                tree_set(&t, &f[i]);
    if (!rc)
        put_children(b, &t, 0);
    if (sec) {
        free(t.n);
        free(t.slot);
    }
    free(sec);
    return rc;
}

static void warnings(const js_doc *d, jsp_buf *b)
{
    const jsp_warning *w = d->warnings.items;
    LIT(b, ",\"warnings\":[");
    for (size_t i = 0; i < d->warnings.n; i++) {
        jsp_buf_puts(b, i ? ",{" : "{");
        bool msg = JFIELD(b, "\"message\":", w[i].msg, strlen(w[i].msg));
        if (w[i].line0) {
            jsp_buf_puts(b, msg ? ",\"lines\":[" : "\"lines\":[");
            jint(b, (long long)w[i].line0);
            LIT(b, ",");
            jint(b, (long long)w[i].line1);
            LIT(b, "]");
        }
        LIT(b, "}");
    }
    LIT(b, "]");
}

static bool in_record(const char *path)
{
    return !strncmp(path, "tables.", 7) || !strncmp(path, "narrative.", 10);
}

/* "provenance": each emitted path → where its value was read and by what. */
static void provenance(const js_doc *d, jsp_buf *b)
{
    const jsp_fact *f = d->facts.items;
    LIT(b, ",\"provenance\":{");
    bool first = true;
    for (size_t i = 0; i < d->facts.n; i++) {
        if (!f[i].path || !f[i].text || !in_record(f[i].path))
            continue;
        size_t n0 = b->n;
        if (!first)
            LIT(b, ",");
        if (!jstr(b, f[i].path, strlen(f[i].path))) {
            cut(b, n0); /* as jansson: a key that is not UTF-8 is not set */
            continue;
        }
        first = false;
        LIT(b, ":{\"line\":");
        jint(b, (long long)f[i].line);
        LIT(b, ",\"start\":");
        jint(b, (long long)f[i].cs);
        LIT(b, ",\"end\":");
        jint(b, (long long)f[i].ce);
        LIT(b, ",\"byte_start\":");
        jint(b, (long long)f[i].ob);
        LIT(b, ",\"byte_end\":");
        jint(b, (long long)f[i].oe);
        JFIELD(b, ",\"text\":", f[i].text, f[i].oe - f[i].ob);
        const char *rule = f[i].rule ? f[i].rule : "?";
        JFIELD(b, ",\"rule\":", rule, strlen(rule));
        LIT(b, "}");
    }
    LIT(b, "}");
}

static const char *const status_names[] = {"pass", "rounding", "fail", "not_checked"};

/* A check's paths, those that are UTF-8. */
static void check_paths(jsp_buf *b, const jsp_check *k)
{
    LIT(b, ",\"paths\":[");
    for (int j = 0, n = 0; j < k->npaths; j++) {
        size_t n0 = b->n;
        if (n)
            LIT(b, ",");
        if (jstr(b, k->paths[j], strlen(k->paths[j])))
            n++;
        else
            cut(b, n0);
    }
    LIT(b, "]");
}

static void checks(const js_doc *d, jsp_buf *b)
{
    const jsp_check *k = d->checks.items;
    LIT(b, ",\"checks\":[");
    bool first = true;
    for (size_t i = 0; i < d->checks.n; i++) {
        size_t n0 = b->n;
        jsp_buf_puts(b, first ? "{\"id\":" : ",{\"id\":");
        if (!jstr(b, k[i].id, strlen(k[i].id))) {
            cut(b, n0); /* as jansson's pack: the check is left out */
            continue;
        }
        LIT(b, ",\"status\":\"");
        jsp_buf_puts(b, status_names[k[i].status]);
        LIT(b, "\"");
        if (!JFIELD(b, ",\"message\":", k[i].msg, strlen(k[i].msg))) {
            cut(b, n0);
            continue;
        }
        first = false;
        check_paths(b, &k[i]);
        if (k[i].has_values) {
            LIT(b, ",\"expected\":");
            jdec(b, k[i].expected);
            LIT(b, ",\"actual\":");
            jdec(b, k[i].actual);
            LIT(b, ",\"residual\":");
            jdec(b, jsp_dec_sub(k[i].actual, k[i].expected));
        }
        LIT(b, "}");
    }
    LIT(b, "]");
}

static const char *const kind_names[] = {"amount", "percent", "count", "date", "code"};

static void mention(jsp_buf *b, const jsp_mention *m)
{
    LIT(b, "{\"start\":");
    jint(b, (long long)m->cs);
    LIT(b, ",\"end\":");
    jint(b, (long long)m->ce);
    LIT(b, ",\"byte_start\":");
    jint(b, (long long)m->ob);
    LIT(b, ",\"byte_end\":");
    jint(b, (long long)m->oe);
    if (m->text)
        JFIELD(b, ",\"text\":", m->text, m->oe - m->ob);
    LIT(b, ",\"kind\":\"");
    jsp_buf_puts(b, kind_names[m->kind]);
    LIT(b, "\"");
    if (m->kind == JSP_M_DATE || m->kind == JSP_M_CODE) {
        JFIELD(b, ",\"value\":", m->str, strlen(m->str));
    } else if (m->kind == JSP_M_COUNT) {
        LIT(b, ",\"value\":");
        jint(b, (long long)m->value.v);
    } else {
        LIT(b, ",\"value\":");
        jdec(b, m->value);
    }
    static const char *const keys[] = {
        ",\"unit\":", ",\"unit_text\":", ",\"label\":", ",\"qualifier\":", ",\"path\":"};
    const char *vals[] = {m->unit, m->unit_text, m->label, m->qualifier, m->path};
    for (int i = 0; i < 5; i++)
        if (vals[i])
            jfield(b, keys[i], strlen(keys[i]), vals[i], strlen(vals[i]));
    LIT(b, "}");
}

static void mentions(const js_doc *d, jsp_buf *b)
{
    const jsp_mention *m = d->mentions.items;
    jsp_buf_puts(b, ",\"mentions\":[");
    for (size_t i = 0; i < d->mentions.n; i++) {
        if (i)
            jsp_buf_puts(b, ",");
        mention(b, &m[i]);
    }
    jsp_buf_puts(b, "]");
}

/* The lists, as ',"checks":[...],...' after the record's other keys. */
static void lists(const js_doc *d, js_opts opts, jsp_buf *b)
{
    checks(d, b);
    if (!(opts & JS_OPT_NO_PROVENANCE))
        provenance(d, b);
    if (d->warnings.n)
        warnings(d, b);
    if (d->opts & opts & JS_OPT_MENTIONS) /* found during js_extract, and asked for */
        mentions(d, b);
}

/* source, department, year, unit (as jansson would set them: a string that
 * is not UTF-8 leaves its key out, the whole source with its file name). */
static void head(const js_doc *d, jsp_buf *b)
{
    LIT(b, "{");
    size_t n0 = b->n;
    if (d->source_name) {
        LIT(b, "\"source\":{\"file\":");
        if (jstr(b, d->source_name, strlen(d->source_name))) {
            LIT(b, ",\"bytes\":");
            jint(b, (long long)d->input_len);
            LIT(b, ",\"sha256\":");
            jstr(b, d->sha256, strlen(d->sha256));
            LIT(b, "},");
        } else {
            cut(b, n0);
        }
    }
    if (d->department && JFIELD(b, "\"department\":", d->department, strlen(d->department)))
        LIT(b, ",");
    if (d->year) {
        LIT(b, "\"year\":");
        jint(b, d->year);
        LIT(b, ",");
    }
    LIT(b, "\"unit\":\"万元\"");
}

char *jsp_emit(const js_doc *d, js_opts opts)
{
    jsp_buf b = {0};
    head(d, &b);
    if (nested(d, &b))
        b.oom = true;
    lists(d, opts, &b);
    jsp_buf_puts(&b, "}");
    char *s = b.oom ? NULL : b.s;
    if (b.oom)
        free(b.s);
    if (s && (opts & JS_OPT_PRETTY)) { /* for people: re-read, indent */
        json_t *all = json_loads(s, JSON_DISABLE_EOF_CHECK, NULL);
        free(s);
        s = all ? json_dumps(all, JSON_REAL_PRECISION(15) | JSON_PRESERVE_ORDER | JSON_INDENT(2))
                : NULL;
        json_decref(all);
    }
    return s;
}
