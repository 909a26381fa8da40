/* SPDX-License-Identifier: MIT
 * emit.c — stage 7: facts → the canonical record as JSON (jansson, so all
 * escaping is jansson's). Paths nest on '.', tables come out in id order,
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

static json_t *warnings(const js_doc *d)
{
    json_t *a = json_array();
    const jsp_warning *w = d->warnings.items;
    for (size_t i = 0; i < d->warnings.n && a; i++) {
        json_t *o = json_object();
        json_object_set_new(o, "message", json_string(w[i].msg));
        if (w[i].line0)
            json_object_set_new(o, "lines", json_pack("[ii]", (int)w[i].line0, (int)w[i].line1));
        json_array_append_new(a, o);
    }
    return a;
}

static bool in_record(const char *path)
{
    return !strncmp(path, "tables.", 7) || !strncmp(path, "narrative.", 10);
}

/* "provenance": each emitted path → where its value was read and by what. */
static json_t *provenance(const js_doc *d)
{
    json_t *o = json_object();
    const jsp_fact *f = d->facts.items;
    for (size_t i = 0; i < d->facts.n && o; i++) {
        if (!f[i].path || !f[i].text || !in_record(f[i].path))
            continue;
        json_t *p = json_pack("{s:I, s:I, s:I, s:I, s:I}", "line", (json_int_t)f[i].line, "start",
                              (json_int_t)f[i].cs, "end", (json_int_t)f[i].ce, "byte_start",
                              (json_int_t)f[i].ob, "byte_end", (json_int_t)f[i].oe);
        json_t *t = json_stringn(f[i].text, f[i].oe - f[i].ob);
        if (t)
            json_object_set_new(p, "text", t);
        json_object_set_new(p, "rule", json_string(f[i].rule ? f[i].rule : "?"));
        json_object_set_new(o, f[i].path, p);
    }
    return o;
}

static const char *const status_names[] = {"pass", "rounding", "fail", "not_checked"};

static json_t *dec_json(js_dec v) { return json_real(jsp_dec_to_double(v)); }

static json_t *checks(const js_doc *d)
{
    json_t *a = json_array();
    const jsp_check *k = d->checks.items;
    for (size_t i = 0; i < d->checks.n && a; i++) {
        json_t *o = json_pack("{s:s, s:s, s:s}", "id", k[i].id, "status",
                              status_names[k[i].status], "message", k[i].msg);
        if (!o)
            continue;
        json_t *paths = json_array();
        for (int j = 0; j < k[i].npaths; j++)
            json_array_append_new(paths, json_string(k[i].paths[j]));
        json_object_set_new(o, "paths", paths);
        if (k[i].has_values) {
            json_object_set_new(o, "expected", dec_json(k[i].expected));
            json_object_set_new(o, "actual", dec_json(k[i].actual));
            json_object_set_new(o, "residual", dec_json(jsp_dec_sub(k[i].actual, k[i].expected)));
        }
        json_array_append_new(a, o);
    }
    return a;
}

static const char *const kind_names[] = {"amount", "percent", "count", "date", "code"};

static json_t *mention(const jsp_mention *m)
{
    json_t *o = json_object();
    json_object_set_new(o, "start", json_integer(m->cs));
    json_object_set_new(o, "end", json_integer(m->ce));
    json_object_set_new(o, "byte_start", json_integer(m->ob));
    json_object_set_new(o, "byte_end", json_integer(m->oe));
    if (m->text)
        json_object_set_new(o, "text", json_stringn(m->text, m->oe - m->ob)); /* NULL if not UTF-8 */
    json_object_set_new(o, "kind", json_string(kind_names[m->kind]));
    if (m->kind == JSP_M_DATE || m->kind == JSP_M_CODE)
        json_object_set_new(o, "value", json_string(m->str));
    else if (m->kind == JSP_M_COUNT)
        json_object_set_new(o, "value", json_integer((json_int_t)m->value.v));
    else
        json_object_set_new(o, "value", json_real(jsp_dec_to_double(m->value)));
    if (m->unit)
        json_object_set_new(o, "unit", json_string(m->unit));
    if (m->unit_text)
        json_object_set_new(o, "unit_text", json_string(m->unit_text));
    if (m->label)
        json_object_set_new(o, "label", json_string(m->label));
    if (m->qualifier)
        json_object_set_new(o, "qualifier", json_string(m->qualifier));
    if (m->path)
        json_object_set_new(o, "path", json_string(m->path));
    return o;
}

static json_t *mentions(const js_doc *d)
{
    json_t *a = json_array();
    const jsp_mention *m = d->mentions.items;
    for (size_t i = 0; i < d->mentions.n && a; i++)
        json_array_append_new(a, mention(&m[i]));
    return a;
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
    json_object_set_new(root, "checks", checks(d));
    if (!(opts & JS_OPT_NO_PROVENANCE))
        json_object_set_new(root, "provenance", provenance(d));
    if (d->warnings.n)
        json_object_set_new(root, "warnings", warnings(d));
    if (d->opts & opts & JS_OPT_MENTIONS) /* found during js_extract, and asked for */
        json_object_set_new(root, "mentions", mentions(d));
    size_t flags = JSON_REAL_PRECISION(15) | JSON_PRESERVE_ORDER;
    flags |= (opts & JS_OPT_PRETTY) ? JSON_INDENT(2) : JSON_COMPACT;
    char *s = json_dumps(root, flags);
    json_decref(root);
    return s;
}
