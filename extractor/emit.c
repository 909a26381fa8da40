/* SPDX-License-Identifier: MIT
 * emit.c — stage 7: facts → the canonical record as JSON. The nested part
 * (header, tables, narrative) is built and dumped by jansson; the long flat
 * lists (checks, provenance, warnings, mentions) are written directly with
 * the same conventions. Paths nest on '.', tables come out in id order,
 * amounts as JSON numbers from their exact decimal text, counts as integers.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "js_int.h"

static json_t *fact_value(const jsp_fact *f)
{
    switch (f->kind) {
    case JSP_F_STR: return json_string(f->str);
    case JSP_F_INT: return json_integer((json_int_t)f->num.v);
    default: return json_real(jsp_dec_to_double(f->num));
    }
}

/* Set root[a][b]...[z] = v along a dotted path, creating objects. */
static int set_path(json_t *root, const char *path, json_t *v)
{
    char key[128];
    json_t *o = root;
    const char *p = path;
    for (;;) {
        const char *dot = strchr(p, '.');
        size_t l = dot ? (size_t)(dot - p) : strlen(p);
        if (l >= sizeof key)
            l = sizeof key - 1;
        memcpy(key, p, l);
        key[l] = 0;
        if (!dot)
            return json_object_set_new(o, key, v);
        json_t *next = json_object_get(o, key);
        if (!json_is_object(next)) {
            next = json_object();
            if (json_object_set_new(o, key, next))
                return -1;
        }
        o = next;
        p = dot + 1;
    }
}

static void add_prefix(const js_doc *d, json_t *root, const char *prefix)
{
    const jsp_fact *f = d->facts.items;
    size_t l = strlen(prefix);
    for (size_t i = 0; i < d->facts.n; i++)
        if (f[i].path && !strncmp(f[i].path, prefix, l))
            set_path(root, f[i].path, fact_value(&f[i]));
}

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
        const char *sh = c == '"' ? "\"" : c == '\\' ? "\\" : c == '\b' ? "b" : c == '\f' ? "f"
                       : c == '\n' ? "n" : c == '\r' ? "r" : c == '\t' ? "t" : NULL;
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
        jsp_buf_printf(b, ":{\"line\":%lld,\"start\":%lld,\"end\":%lld,\"byte_start\":%lld,"
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

char *jsp_emit(const js_doc *d, js_opts opts)
{
    json_t *root = json_object();
    if (!root)
        return NULL;
    if (d->source_name)
        json_object_set_new(root, "source",
                            json_pack("{s:s, s:I, s:s}", "file", d->source_name, "bytes",
                                      (json_int_t)d->input_len, "sha256", d->sha256));
    if (d->department)
        json_object_set_new(root, "department", json_string(d->department));
    if (d->year)
        json_object_set_new(root, "year", json_integer(d->year));
    json_object_set_new(root, "unit", json_string("万元"));
    for (int id = 1; id <= 9; id++) {
        char prefix[32];
        snprintf(prefix, sizeof prefix, "tables.%02d.", id);
        add_prefix(d, root, prefix);
    }
    add_prefix(d, root, "narrative.");
    char *head = json_dumps(root, JSON_REAL_PRECISION(15) | JSON_PRESERVE_ORDER | JSON_COMPACT);
    jsp_buf b = {0};
    if (head) {
        jsp_buf_put(&b, head, strlen(head) - 1); /* without its closing brace */
        lists(d, opts, &b);
        jsp_buf_puts(&b, "}");
    }
    free(head);
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
    json_decref(root);
    return s;
}
