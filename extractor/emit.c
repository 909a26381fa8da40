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

static bool utf8_ok(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t k = jsp_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (!k)
            return false;
        i += k;
    }
    return true;
}

static void jstr(jsp_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    jsp_buf_put(b, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') {
            run++;
            continue;
        }
        jsp_buf_put(b, s + i - run, run);
        run = 0;
        char e[7] = {'\\', 0};
        const char *sh = c == '"'    ? "\""
                         : c == '\\' ? "\\"
                         : c == '\b' ? "b"
                         : c == '\f' ? "f"
                         : c == '\n' ? "n"
                         : c == '\r' ? "r"
                         : c == '\t' ? "t"
                                     : NULL;
        if (sh) {
            e[1] = sh[0];
            jsp_buf_put(b, e, 2);
        } else {
            char u[6] = {'u', '0', '0', hex[c >> 4], hex[c & 15], 0};
            jsp_buf_put(b, "\\", 1);
            jsp_buf_put(b, u, 5);
        }
    }
    jsp_buf_put(b, s + n - run, run);
    jsp_buf_put(b, "\"", 1);
}

/* ,"key":"value" when value is UTF-8 (as jansson: else nothing). */
static void jfield_str(jsp_buf *b, const char *key, const char *s, size_t n)
{
    if (!s || !utf8_ok(s, n))
        return;
    jsp_buf_printf(b, ",\"%s\":", key);
    jstr(b, s, n);
}

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
        jsp_buf_printf(b, "%lld", (long long)f->num.v);
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

/* Facts under tables.01. … tables.09. (in that order), then narrative., as
 * ,"tables":{...},"narrative":{...}. 0, or -1 when out of memory. */
static int nested(const js_doc *d, jsp_buf *b)
{
    const jsp_fact *f = d->facts.items;
    size_t parts = 1;
    for (size_t i = 0; i < d->facts.n; i++)
        for (const char *p = f[i].path; p && *p; p++)
            parts += *p == '.';
    parts += d->facts.n;
    tree t = {.cap = parts + 1, .nslot = 16};
    while (t.nslot <= 2 * t.cap)
        t.nslot *= 2;
    t.n = malloc(t.cap * sizeof *t.n);
    t.slot = calloc(t.nslot, sizeof *t.slot);
    if (!t.n || !t.slot) {
        free(t.n);
        free(t.slot);
        return -1;
    }
    t.n[0] = (tnode){"", 0, 0, 0, -1, -1, -1, NULL};
    t.nn = 1;
    for (int id = 1; id <= 10; id++) {
        char prefix[16] = "narrative.";
        if (id < 10)
            jsp_snprintf(prefix, sizeof prefix, "tables.%02d.", id);
        size_t l = strlen(prefix);
        for (size_t i = 0; i < d->facts.n; i++)
            if (f[i].path && !strncmp(f[i].path, prefix, l))
                tree_set(&t, &f[i]);
    }
    put_children(b, &t, 0);
    free(t.n);
    free(t.slot);
    return 0;
}

static void warnings(const js_doc *d, jsp_buf *b)
{
    const jsp_warning *w = d->warnings.items;
    jsp_buf_puts(b, ",\"warnings\":[");
    for (size_t i = 0; i < d->warnings.n; i++) {
        bool msg = utf8_ok(w[i].msg, strlen(w[i].msg));
        jsp_buf_puts(b, i ? ",{" : "{");
        if (msg) {
            jsp_buf_puts(b, "\"message\":");
            jstr(b, w[i].msg, strlen(w[i].msg));
        }
        if (w[i].line0)
            jsp_buf_printf(b, "%s\"lines\":[%d,%d]", msg ? "," : "", (int)w[i].line0,
                           (int)w[i].line1);
        jsp_buf_puts(b, "}");
    }
    jsp_buf_puts(b, "]");
}

static bool in_record(const char *path)
{
    return !strncmp(path, "tables.", 7) || !strncmp(path, "narrative.", 10);
}

/* "provenance": each emitted path → where its value was read and by what. */
static void provenance(const js_doc *d, jsp_buf *b)
{
    const jsp_fact *f = d->facts.items;
    jsp_buf_puts(b, ",\"provenance\":{");
    bool first = true;
    for (size_t i = 0; i < d->facts.n; i++) {
        if (!f[i].path || !f[i].text || !in_record(f[i].path))
            continue;
        if (!first)
            jsp_buf_puts(b, ",");
        first = false;
        jstr(b, f[i].path, strlen(f[i].path));
        jsp_buf_printf(b,
                       ":{\"line\":%lld,\"start\":%lld,\"end\":%lld,\"byte_start\":%lld,"
                       "\"byte_end\":%lld",
                       (long long)f[i].line, (long long)f[i].cs, (long long)f[i].ce,
                       (long long)f[i].ob, (long long)f[i].oe);
        jfield_str(b, "text", f[i].text, f[i].oe - f[i].ob);
        const char *rule = f[i].rule ? f[i].rule : "?";
        jfield_str(b, "rule", rule, strlen(rule));
        jsp_buf_puts(b, "}");
    }
    jsp_buf_puts(b, "}");
}

static const char *const status_names[] = {"pass", "rounding", "fail", "not_checked"};

static void checks(const js_doc *d, jsp_buf *b)
{
    const jsp_check *k = d->checks.items;
    jsp_buf_puts(b, ",\"checks\":[");
    bool first = true;
    for (size_t i = 0; i < d->checks.n; i++) {
        if (!utf8_ok(k[i].id, strlen(k[i].id)) || !utf8_ok(k[i].msg, strlen(k[i].msg)))
            continue; /* as jansson's pack: the check is left out */
        jsp_buf_puts(b, first ? "{\"id\":" : ",{\"id\":");
        first = false;
        jstr(b, k[i].id, strlen(k[i].id));
        jsp_buf_printf(b, ",\"status\":\"%s\"", status_names[k[i].status]);
        jfield_str(b, "message", k[i].msg, strlen(k[i].msg));
        jsp_buf_puts(b, ",\"paths\":[");
        for (int j = 0, n = 0; j < k[i].npaths; j++)
            if (utf8_ok(k[i].paths[j], strlen(k[i].paths[j]))) {
                jsp_buf_puts(b, n++ ? "," : "");
                jstr(b, k[i].paths[j], strlen(k[i].paths[j]));
            }
        jsp_buf_puts(b, "]");
        if (k[i].has_values) {
            jsp_buf_puts(b, ",\"expected\":");
            jdec(b, k[i].expected);
            jsp_buf_puts(b, ",\"actual\":");
            jdec(b, k[i].actual);
            jsp_buf_puts(b, ",\"residual\":");
            jdec(b, jsp_dec_sub(k[i].actual, k[i].expected));
        }
        jsp_buf_puts(b, "}");
    }
    jsp_buf_puts(b, "]");
}

static const char *const kind_names[] = {"amount", "percent", "count", "date", "code"};

static void mention(jsp_buf *b, const jsp_mention *m)
{
    jsp_buf_printf(b, "{\"start\":%lld,\"end\":%lld,\"byte_start\":%lld,\"byte_end\":%lld",
                   (long long)m->cs, (long long)m->ce, (long long)m->ob, (long long)m->oe);
    if (m->text)
        jfield_str(b, "text", m->text, m->oe - m->ob);
    jsp_buf_printf(b, ",\"kind\":\"%s\"", kind_names[m->kind]);
    if (m->kind == JSP_M_DATE || m->kind == JSP_M_CODE) {
        jfield_str(b, "value", m->str, strlen(m->str));
    } else if (m->kind == JSP_M_COUNT) {
        jsp_buf_printf(b, ",\"value\":%lld", (long long)m->value.v);
    } else {
        jsp_buf_puts(b, ",\"value\":");
        jdec(b, m->value);
    }
    const char *keys[] = {"unit", "unit_text", "label", "qualifier", "path"};
    const char *vals[] = {m->unit, m->unit_text, m->label, m->qualifier, m->path};
    for (int i = 0; i < 5; i++)
        if (vals[i])
            jfield_str(b, keys[i], vals[i], strlen(vals[i]));
    jsp_buf_puts(b, "}");
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
    jsp_buf_puts(b, "{");
    const char *sep = "";
    if (d->source_name && utf8_ok(d->source_name, strlen(d->source_name))) {
        jsp_buf_puts(b, "\"source\":{\"file\":");
        jstr(b, d->source_name, strlen(d->source_name));
        jsp_buf_printf(b, ",\"bytes\":%lld,\"sha256\":", (long long)d->input_len);
        jstr(b, d->sha256, strlen(d->sha256));
        jsp_buf_puts(b, "}");
        sep = ",";
    }
    if (d->department && utf8_ok(d->department, strlen(d->department))) {
        jsp_buf_printf(b, "%s\"department\":", sep);
        jstr(b, d->department, strlen(d->department));
        sep = ",";
    }
    if (d->year) {
        jsp_buf_printf(b, "%s\"year\":%d", sep, (int)d->year);
        sep = ",";
    }
    jsp_buf_printf(b, "%s\"unit\":\"万元\"", sep);
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
