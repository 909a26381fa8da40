/* SPDX-License-Identifier: MIT
 * html.c — the review page (extract --html): the record drawn over its
 * source. It reads only the finished record (js_doc_json with mentions) and
 * the input text, so it sees what a consumer sees: mentions highlighted in
 * the text and linked to the record path they fed, tables 01-09 rebuilt as
 * HTML tables whose cells link back to the text, checks and warnings.
 * One self-contained page (inline CSS, no script, no external asset); every
 * byte of input is escaped, invalid UTF-8 and control characters become
 * U+FFFD. Memory: the page is one malloc'd string the caller frees.
 */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "js_int.h"

/* Text or attribute value, escaped; anything HTML cannot hold → U+FFFD. */
static void esc(jsp_buf *b, const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t run = 0; /* bytes of s[i-run, i) to copy as they are */
    for (size_t i = 0; i < n;) {
        const char *rep = NULL;
        size_t k = jsp_utf8_len(s + i, n - i);
        if (k == 1) {
            unsigned c = s[i];
            rep = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '"' ? "&quot;"
                : c == '\'' ? "&#39;" : c == '\f' ? "\n"
                : (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F ? "\xEF\xBF\xBD" : NULL;
        } else if (!k) {
            rep = "\xEF\xBF\xBD";
            k = 1;
        }
        if (rep) {
            jsp_buf_put(b, (const char *)s + i - run, run);
            jsp_buf_puts(b, rep);
            run = 0;
        } else {
            run += k;
        }
        i += k;
    }
    jsp_buf_put(b, (const char *)s + n - run, run);
}

static void escs(jsp_buf *b, const char *s) { esc(b, s, s ? strlen(s) : 0); }

/* o[k] as a string, or `def` when it is not one. */
static const char *jstr(const json_t *o, const char *k, const char *def)
{
    const char *s = json_string_value(json_object_get(o, k));
    return s ? s : def;
}

/* A JSON scalar as display text. */
static void put_value(jsp_buf *b, const json_t *v)
{
    if (json_is_string(v))
        escs(b, json_string_value(v));
    else if (json_is_integer(v))
        jsp_buf_printf(b, "%lld", (long long)json_integer_value(v));
    else if (json_is_real(v))
        jsp_buf_printf(b, "%.15g", json_real_value(v));
}

/* MARK: the record's figures ----------------------------------------------- */

typedef struct {
    json_t *rec;
    json_t *index;   /* path → cell number (integer) */
    json_t *paths;   /* cell number → path (array of strings) */
    json_t *failing; /* path → true, for paths of a failing check */
    json_t *target;  /* path → id of its place in the text */
    json_t *mstart;  /* byte_start as text → mention number */
    const char *text;
    size_t len;
    struct mark *marks; /* plan_marks: places in the text, in byte order */
    size_t nmarks;
} page;

/* Number every scalar under tables and narrative, in record order. */
static void collect(page *p, const json_t *o, const char *prefix)
{
    const char *k;
    json_t *v;
    json_object_foreach((json_t *)o, k, v) {
        char *path = NULL;
        size_t n = strlen(prefix) + strlen(k) + 2;
        if (!(path = malloc(n)))
            return;
        snprintf(path, n, "%s.%s", prefix, k);
        if (json_is_object(v)) {
            collect(p, v, path);
        } else {
            json_object_set_new(p->index, path, json_integer((json_int_t)json_array_size(p->paths)));
            json_array_append_new(p->paths, json_string(path));
        }
        free(path);
    }
}

static long cell_of(const page *p, const char *path)
{
    json_t *i = path ? json_object_get(p->index, path) : NULL;
    return i ? (long)json_integer_value(i) : -1;
}

static void index_checks(page *p)
{
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(p->rec, "checks"), i, c) {
        if (strcmp(jstr(c, "status", ""), "fail"))
            continue;
        size_t j;
        json_t *path;
        json_array_foreach(json_object_get(c, "paths"), j, path)
            if (json_is_string(path))
                json_object_set_new(p->failing, json_string_value(path), json_true());
    }
}

/* MARK: the source text ---------------------------------------------------- */

typedef struct mark {
    size_t at;   /* byte offset */
    int kind;    /* 0 anchor, 1 mention */
    size_t i;    /* provenance or mention number */
    size_t end;  /* mention end */
} mark;

static int mark_cmp(const void *x, const void *y)
{
    const mark *a = x, *b = y;
    if (a->at != b->at)
        return a->at < b->at ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind - b->kind; /* anchors before a mention at the same byte */
    return (a->i > b->i) - (a->i < b->i);
}

static size_t jsize(const json_t *o, const char *k)
{
    json_int_t v = json_integer_value(json_object_get(o, k));
    return v > 0 ? (size_t)v : 0;
}

static void mention_open(jsp_buf *b, const page *p, const json_t *m, size_t i)
{
    const char *kind = jstr(m, "kind", "amount");
    const char *path = json_string_value(json_object_get(m, "path"));
    long cell = cell_of(p, path);
    if (cell >= 0)
        jsp_buf_printf(b, "<a class=\"m k-%s\" id=\"m%zu\" href=\"#v%ld\"", kind, i, cell);
    else
        jsp_buf_printf(b, "<span class=\"m k-%s\" id=\"m%zu\" tabindex=\"0\"", kind, i);
    jsp_buf_printf(b, " data-b=\"%zu\" data-kind=\"%s\"", jsize(m, "byte_start"), kind);
    if (path) {
        jsp_buf_puts(b, " data-path=\"");
        escs(b, path);
        jsp_buf_puts(b, "\"");
    }
    jsp_buf_puts(b, " data-tip=\"");
    jsp_buf_puts(b, kind);
    jsp_buf_puts(b, ": ");
    put_value(b, json_object_get(m, "value"));
    const char *keys[] = {"unit", "label", "qualifier", "path"};
    for (int k = 0; k < 4; k++) {
        const char *s = json_string_value(json_object_get(m, keys[k]));
        if (s) {
            jsp_buf_puts(b, k ? " · " : " ");
            escs(b, s);
        }
    }
    jsp_buf_puts(b, "\">");
}

/* Where each provenance path points: its mention when one starts at the
 * same byte, else an anchor of its own (a name, a figure no mention took). */
static int plan_marks(page *p)
{
    json_t *ms = json_object_get(p->rec, "mentions");
    json_t *prov = json_object_get(p->rec, "provenance");
    size_t cap = json_array_size(ms) + json_object_size(prov) + 1, n = 0;
    mark *v = malloc(cap * sizeof *v);
    if (!v)
        return -1;
    size_t i, last_end = 0;
    json_t *m;
    json_array_foreach(ms, i, m) {
        size_t s = jsize(m, "byte_start"), e = jsize(m, "byte_end");
        if (s < last_end || e <= s || e > p->len)
            continue; /* overlapping or out of range: left plain */
        v[n++] = (mark){s, 1, i, e};
        last_end = e;
        char key[32];
        snprintf(key, sizeof key, "%zu", s);
        json_object_set_new(p->mstart, key, json_integer((json_int_t)i));
    }
    const char *path;
    json_t *pv;
    size_t k = 0;
    json_object_foreach(prov, path, pv) {
        char key[32], id[40];
        size_t s = jsize(pv, "byte_start");
        snprintf(key, sizeof key, "%zu", s);
        json_t *mi = json_object_get(p->mstart, key);
        if (mi) {
            snprintf(id, sizeof id, "m%lld", (long long)json_integer_value(mi));
        } else if (s <= p->len) {
            snprintf(id, sizeof id, "p%zu", k);
            v[n++] = (mark){s, 0, k, s};
        } else {
            continue;
        }
        json_object_set_new(p->target, path, json_string(id));
        k++;
    }
    qsort(v, n, sizeof *v, mark_cmp);
    p->marks = v;
    p->nmarks = n;
    return 0;
}

static void source_text(jsp_buf *b, const page *p)
{
    size_t n = p->nmarks, at = 0;
    const mark *v = p->marks;
    json_t *ms = json_object_get(p->rec, "mentions");
    jsp_buf_puts(b, "<section id=\"source\" aria-labelledby=\"h-source\"><h2 id=\"h-source\">Source "
             "text</h2>\n<pre class=\"src\">");
    size_t open_end = 0;
    bool open = false, open_link = false;
    for (size_t i = 0; v && i < n; i++) {
        if (open && v[i].at >= open_end) {
            esc(b, p->text + at, open_end - at);
            at = open_end;
            jsp_buf_puts(b, open_link ? "</a>" : "</span>");
            open = false;
        }
        esc(b, p->text + at, v[i].at - at);
        at = v[i].at;
        if (v[i].kind == 0) {
            jsp_buf_printf(b, "<span class=\"anchor\" id=\"p%zu\"></span>", v[i].i);
            continue;
        }
        json_t *m = json_array_get(ms, v[i].i);
        mention_open(b, p, m, v[i].i);
        open_link = cell_of(p, json_string_value(json_object_get(m, "path"))) >= 0;
        open = true;
        open_end = v[i].end;
    }
    if (open) {
        esc(b, p->text + at, open_end - at);
        at = open_end;
        jsp_buf_puts(b, open_link ? "</a>" : "</span>");
    }
    esc(b, p->text + at, p->len - at);
    jsp_buf_puts(b, "</pre></section>\n");
}

/* MARK: tables ------------------------------------------------------------- */

static void cell(jsp_buf *b, const page *p, const char *path, const json_t *v)
{
    long c = cell_of(p, path);
    bool fail = json_object_get(p->failing, path) != NULL;
    const char *to = json_string_value(json_object_get(p->target, path));
    jsp_buf_printf(b, "<td id=\"v%ld\" class=\"%s%s\" data-path=\"", c, json_is_string(v) ? "name" : "num",
         fail ? " fail" : "");
    escs(b, path);
    jsp_buf_puts(b, "\">");
    if (fail)
        jsp_buf_puts(b, "<span class=\"flag\">✗ fails a check:</span> ");
    if (to) {
        jsp_buf_puts(b, "<a href=\"#");
        escs(b, to);
        jsp_buf_puts(b, "\">");
    }
    put_value(b, v);
    if (to)
        jsp_buf_puts(b, "</a>");
    jsp_buf_puts(b, "</td>");
}

/* One matrix: the rows of object `o` (each an object of scalars) against
 * the union of their keys. Scalars directly in `o` go in a row of their own. */
static void matrix(jsp_buf *b, const page *p, const json_t *o, const char *prefix, const char *cap)
{
    json_t *cols = json_object();
    const char *rk, *ck;
    json_t *row, *v;
    bool loose = false;
    json_object_foreach((json_t *)o, rk, row) {
        if (!json_is_object(row)) {
            loose = true;
            continue;
        }
        json_object_foreach(row, ck, v)
            if (!json_is_object(v))
                json_object_set_new(cols, ck, json_true());
    }
    jsp_buf_puts(b, "<table>\n<caption>");
    escs(b, cap);
    jsp_buf_puts(b, "</caption>\n");
    if (json_object_size(cols)) {
        jsp_buf_puts(b, "<thead><tr><th scope=\"col\">key</th>");
        json_object_foreach(cols, ck, v) {
            jsp_buf_puts(b, "<th scope=\"col\">");
            escs(b, ck);
            jsp_buf_puts(b, "</th>");
        }
        jsp_buf_puts(b, "</tr></thead>\n");
    }
    jsp_buf_puts(b, "<tbody>\n");
    char path[512];
    json_object_foreach((json_t *)o, rk, row) {
        if (!json_is_object(row))
            continue;
        jsp_buf_puts(b, "<tr><th scope=\"row\">");
        escs(b, rk);
        jsp_buf_puts(b, "</th>");
        json_object_foreach(cols, ck, v) {
            json_t *x = json_object_get(row, ck);
            snprintf(path, sizeof path, "%s.%s.%s", prefix, rk, ck);
            if (x && !json_is_object(x))
                cell(b, p, path, x);
            else
                jsp_buf_puts(b, "<td></td>");
        }
        jsp_buf_puts(b, "</tr>\n");
    }
    if (loose) {
        json_object_foreach((json_t *)o, rk, v) {
            if (json_is_object(v))
                continue;
            snprintf(path, sizeof path, "%s.%s", prefix, rk);
            jsp_buf_puts(b, "<tr><th scope=\"row\">");
            escs(b, rk);
            jsp_buf_puts(b, "</th>");
            cell(b, p, path, v);
            if (json_object_size(cols) > 1)
                jsp_buf_printf(b, "<td colspan=\"%zu\"></td>", json_object_size(cols) - 1);
            jsp_buf_puts(b, "</tr>\n");
        }
    }
    jsp_buf_puts(b, "</tbody></table>\n");
    json_decref(cols);
}

/* Each object holding objects of scalars is one matrix; deeper ones recurse. */
static void matrices(jsp_buf *b, const page *p, const json_t *o, const char *prefix, const char *cap)
{
    const char *k;
    json_t *v;
    bool flat = true;
    json_object_foreach((json_t *)o, k, v) {
        json_t *x;
        const char *k2;
        if (json_is_object(v))
            json_object_foreach(v, k2, x) if (json_is_object(x)) flat = false;
    }
    if (flat) {
        matrix(b, p, o, prefix, cap);
        return;
    }
    json_t *scal = json_object();
    json_object_foreach((json_t *)o, k, v) {
        char sub[512], scap[256];
        snprintf(sub, sizeof sub, "%s.%s", prefix, k);
        snprintf(scap, sizeof scap, "%s · %s", cap, k);
        if (!json_is_object(v))
            json_object_set(scal, k, v);
        else
            matrices(b, p, v, sub, scap);
    }
    if (json_object_size(scal))
        matrix(b, p, scal, prefix, cap);
    json_decref(scal);
}

static void tables(jsp_buf *b, const page *p)
{
    json_t *t = json_object_get(p->rec, "tables");
    jsp_buf_puts(b, "<section id=\"tables\" aria-labelledby=\"h-tables\"><h2 id=\"h-tables\">Tables</h2>\n");
    if (!json_object_size(t))
        jsp_buf_puts(b, "<p>No table was found.</p>\n");
    for (int id = 1; id <= 9; id++) {
        char key[16], prefix[32], cap[48];
        snprintf(key, sizeof key, "%02d", id);
        json_t *o = json_object_get(t, key);
        if (!o)
            continue;
        snprintf(prefix, sizeof prefix, "tables.%s", key);
        snprintf(cap, sizeof cap, "公开%s表", key);
        jsp_buf_printf(b, "<section id=\"t%s\" class=\"table\"><h3>公开%s表</h3>\n", key, key);
        matrices(b, p, o, prefix, cap);
        jsp_buf_puts(b, "</section>\n");
    }
    json_t *n = json_object_get(p->rec, "narrative");
    if (json_object_size(n)) {
        jsp_buf_puts(b, "<section id=\"narrative\" class=\"table\"><h3>Narrative (情况说明)</h3>\n");
        matrices(b, p, n, "narrative", "narrative");
        jsp_buf_puts(b, "</section>\n");
    }
    jsp_buf_puts(b, "</section>\n");
}

/* MARK: header, checks, warnings -------------------------------------------- */

static const char *const statuses[] = {"fail", "rounding", "not_checked", "pass"};

static void summary(jsp_buf *b, const page *p)
{
    json_t *r = p->rec;
    size_t counts[4] = {0}, i;
    json_t *c;
    json_array_foreach(json_object_get(r, "checks"), i, c) {
        const char *s = jstr(c, "status", "");
        for (int k = 0; k < 4; k++)
            counts[k] += !strcmp(s, statuses[k]);
    }
    jsp_buf_puts(b, "<header><h1>");
    escs(b, jstr(r, "department", "(department not found)"));
    json_t *y = json_object_get(r, "year");
    if (y)
        jsp_buf_printf(b, " %lld年度", (long long)json_integer_value(y));
    jsp_buf_puts(b, " 部门决算 — review</h1>\n<dl class=\"summary\">");
    jsp_buf_puts(b, "<dt>Unit</dt><dd>");
    escs(b, jstr(r, "unit", "—"));
    jsp_buf_printf(b, "</dd><dt>Tables found</dt><dd>%zu of 9</dd>",
         json_object_size(json_object_get(r, "tables")));
    jsp_buf_printf(b, "<dt>Figures extracted</dt><dd>%zu</dd>", json_array_size(p->paths));
    jsp_buf_printf(b, "<dt>Mentions</dt><dd>%zu</dd>", json_array_size(json_object_get(r, "mentions")));
    jsp_buf_printf(b, "<dt>Checks</dt><dd>%zu pass, %zu rounding, %zu fail, %zu not checked</dd>",
         counts[3], counts[1], counts[0], counts[2]);
    jsp_buf_printf(b, "<dt>Warnings</dt><dd>%zu</dd></dl>\n",
         json_array_size(json_object_get(r, "warnings")));
    jsp_buf_puts(b, "<p class=\"legend\">Mentions: <span class=\"m k-amount\">amount</span> "
             "<span class=\"m k-percent\">percent</span> <span class=\"m k-count\">count</span> "
             "<span class=\"m k-date\">date</span> <span class=\"m k-code\">code</span>; "
             "hover or focus one for its value, unit, label and record path.</p></header>\n");
}

static void check_list(jsp_buf *b, const page *p)
{
    jsp_buf_puts(b, "<section id=\"checks\" aria-labelledby=\"h-checks\"><h2 id=\"h-checks\">Checks "
             "that need a look</h2>\n<ul>\n");
    size_t shown = 0;
    for (int k = 0; k < 3; k++) {
        size_t i;
        json_t *c;
        json_array_foreach(json_object_get(p->rec, "checks"), i, c) {
            if (strcmp(jstr(c, "status", ""), statuses[k]))
                continue;
            jsp_buf_printf(b, "<li class=\"%s\"><strong>%s</strong> ", statuses[k],
                 k == 0 ? "FAIL" : k == 1 ? "ROUNDING" : "NOT CHECKED");
            escs(b, json_string_value(json_object_get(c, "message")));
            size_t j;
            json_t *path;
            json_array_foreach(json_object_get(c, "paths"), j, path) {
                long cl = cell_of(p, json_string_value(path));
                if (cl < 0)
                    continue;
                jsp_buf_printf(b, " <a href=\"#v%ld\">", cl);
                escs(b, json_string_value(path));
                jsp_buf_puts(b, "</a>");
            }
            jsp_buf_puts(b, "</li>\n");
            shown++;
        }
    }
    if (!shown)
        jsp_buf_puts(b, "<li>Every check passed.</li>\n");
    jsp_buf_puts(b, "</ul>\n");
    size_t i;
    json_t *w;
    json_t *ws = json_object_get(p->rec, "warnings");
    if (json_array_size(ws)) {
        jsp_buf_puts(b, "<h2>Warnings</h2>\n<ul class=\"warnings\">\n");
        json_array_foreach(ws, i, w) {
            jsp_buf_puts(b, "<li>");
            escs(b, json_string_value(json_object_get(w, "message")));
            jsp_buf_puts(b, "</li>\n");
        }
        jsp_buf_puts(b, "</ul>\n");
    }
    jsp_buf_puts(b, "</section>\n");
}

static const char css[] =
    "body{font:15px/1.5 'Noto Sans CJK SC',sans-serif;margin:1.5em;color:#111}"
    "h1{font-size:1.4em}dl.summary{display:grid;grid-template-columns:max-content auto;"
    "gap:.1em 1em}dt{font-weight:bold}dd{margin:0}"
    "table{border-collapse:collapse;margin:.5em 0 1.2em}caption{text-align:left;"
    "font-weight:bold}th,td{border:1px solid #888;padding:.15em .5em}td.num{text-align:right}"
    "td.fail,li.fail{background:#fdd;outline:2px solid #b00}.flag{font-weight:bold;color:#900}"
    "li.rounding{background:#ffe8b0}li.not_checked{background:#eee}"
    "pre.src{white-space:pre-wrap;border:1px solid #ccc;padding:.8em;font-size:13px}"
    ".m{position:relative;border-bottom:2px solid;text-decoration:none;color:inherit}"
    ".k-amount{background:#d7ebff;border-color:#0050a0}"
    ".k-percent{background:#e4f7d2;border-bottom-style:dashed;border-color:#2a7000}"
    ".k-count{background:#fbe0f2;border-bottom-style:dotted;border-color:#900070}"
    ".k-date{background:#eee0ff;border-bottom-style:double;border-color:#5000a0}"
    ".k-code{background:#fff0c8;border-bottom-style:groove;border-color:#805000}"
    ".m:hover::after,.m:focus::after{content:attr(data-tip);position:absolute;left:0;top:1.6em;"
    "z-index:9;background:#222;color:#fff;padding:.2em .5em;white-space:nowrap;font-size:12px}"
    "a:focus,.m:focus{outline:3px solid #f80}:target{outline:3px solid #f80}"
    "@media print{.m::after{display:none}pre.src{font-size:10px}tr{break-inside:avoid}}";

/* MARK: the page ----------------------------------------------------------- */

static void page_body(jsp_buf *b, page *p)
{
    jsp_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n<title>");
    escs(b, jstr(p->rec, "department", "report"));
    jsp_buf_puts(b, " — juesuan review</title>\n<style>");
    jsp_buf_puts(b, css);
    jsp_buf_puts(b, "</style></head>\n<body>\n");
    summary(b, p);
    jsp_buf_puts(b, "<main>\n");
    check_list(b, p);
    tables(b, p);
    source_text(b, p);
    jsp_buf_puts(b, "</main>\n</body></html>\n");
}

char *js_doc_html(const js_doc *doc, const char *data, size_t len)
{
    char *json = js_doc_json(doc, JS_OPT_MENTIONS);
    json_t *rec = json ? json_loads(json, 0, NULL) : NULL;
    free(json);
    if (!rec)
        return NULL;
    page p = {rec, json_object(), json_array(), json_object(), json_object(), json_object(),
              doc->decoded ? doc->decoded : data, doc->decoded ? doc->decoded_len : len, NULL, 0};
    jsp_buf b = {0};
    if (p.index && p.paths && p.failing && p.target && p.mstart) {
        json_t *t = json_object_get(rec, "tables"), *n = json_object_get(rec, "narrative");
        if (t)
            collect(&p, t, "tables");
        if (n)
            collect(&p, n, "narrative");
        index_checks(&p);
        if (plan_marks(&p))
            b.oom = true;
        else
            page_body(&b, &p);
        free(p.marks);
    } else {
        b.oom = true;
    }
    json_decref(p.index);
    json_decref(p.paths);
    json_decref(p.failing);
    json_decref(p.target);
    json_decref(p.mstart);
    json_decref(rec);
    if (b.oom) {
        free(b.s);
        return NULL;
    }
    return b.s;
}
