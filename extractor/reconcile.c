/* SPDX-License-Identifier: MIT
 * reconcile.c — stage 6: the fact store and the choices that need more than
 * one table. Facts are flat (path → value, source span, rule); here a column
 * whose header was unreadable is renamed when the summary table (01) shows
 * which income source its total is, and warnings are collected.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "js_int.h"

static uint64_t path_hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

/* Bring the path index up to date: new facts are added; a renamed or
 * dropped path (findexed == SIZE_MAX) rebuilds it. False on OOM. */
static bool index_facts(js_doc *d)
{
    const jsp_fact *f = d->facts.items;
    bool rebuild = d->findexed > d->facts.n || (d->facts.n + 1) * 2 > d->nfslot;
    if (rebuild) {
        size_t n = 64;
        while (n < (d->facts.n + 1) * 4)
            n *= 2;
        uint32_t *s = calloc(n, sizeof *s);
        if (!s)
            return false;
        free(d->fslot);
        d->fslot = s;
        d->nfslot = n;
        d->findexed = 0;
    }
    for (; d->findexed < d->facts.n; d->findexed++) {
        if (!f[d->findexed].path)
            continue;
        size_t h = path_hash(f[d->findexed].path) & (d->nfslot - 1);
        while (d->fslot[h])
            h = (h + 1) & (d->nfslot - 1);
        d->fslot[h] = (uint32_t)d->findexed + 1;
    }
    return true;
}

jsp_fact *jsp_fact_get(const js_doc *cd, const char *path)
{
    js_doc *d = (js_doc *)cd; /* the index is a cache */
    jsp_fact *f = d->facts.items;
    if (!index_facts(d)) {
        for (size_t i = 0; i < d->facts.n; i++)
            if (f[i].path && !strcmp(f[i].path, path))
                return &f[i];
        return NULL;
    }
    for (size_t h = path_hash(path) & (d->nfslot - 1); d->fslot[h]; h = (h + 1) & (d->nfslot - 1)) {
        jsp_fact *x = &f[d->fslot[h] - 1];
        if (x->path && !strcmp(x->path, path))
            return x;
    }
    return NULL;
}

jsp_fact *jsp_fact_set(js_doc *d, const char *path, jsp_fkind kind, js_dec num, const char *str,
                       uint32_t s, uint32_t e, const char *rule)
{
    jsp_fact *f = jsp_fact_get(d, path);
    if (!f) {
        d->facts.size = sizeof *f;
        if (!(f = jsp_vec_push(&d->facts)))
            return NULL;
        f->path = jsp_strndup(&d->arena, path, strlen(path));
    }
    f->kind = kind;
    f->num = num;
    f->str = str;
    f->s = s;
    f->e = e;
    f->rule = rule;
    const jsp_repair *r = d->repairs.n ? jsp_repair_at(d, s, e) : NULL;
    if (r && kind != JSP_F_STR)
        f->rule = jsp_printf(&d->arena, "%s; OCR repair: %s read as %.*s", rule ? rule : "?",
                             r->was, (int)(r->e - r->s), d->norm.text + r->s);
    return f;
}

static int by_start(const void *x, const void *y)
{
    const jsp_fact *a = *(const jsp_fact *const *)x, *b = *(const jsp_fact *const *)y;
    return (a->s > b->s) - (a->s < b->s);
}

void jsp_locate_facts(js_doc *d, const char *in, size_t inlen)
{
    jsp_fact *f = d->facts.items, **by = jsp_alloc(&d->arena, (d->facts.n + 1) * sizeof *by);
    size_t n = 0;
    if (!by)
        return;
    for (size_t i = 0; i < d->facts.n; i++)
        if (f[i].path && f[i].e > f[i].s)
            by[n++] = &f[i];
    qsort(by, n, sizeof *by, by_start); /* ascending, so the cursor stays linear */
    jsp_cpcur cur = {0, 0};
    for (size_t i = 0; i < n; i++) {
        jsp_fact *x = by[i];
        jsp_orig_span(&d->norm, in, inlen, x->s, x->e, &x->ob, &x->oe);
        x->cs = jsp_cp_at(in, &cur, x->ob);
        x->ce = jsp_cp_at(in, &cur, x->oe);
        x->line = jsp_line_of(d, x->s);
        x->text = jsp_strndup(&d->arena, in + x->ob, x->oe - x->ob);
    }
}

void jsp_warn(js_doc *d, uint32_t line0, uint32_t line1, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    d->warnings.size = sizeof(jsp_warning);
    jsp_warning *w = jsp_vec_push(&d->warnings);
    if (!w)
        return;
    w->msg = jsp_strndup(&d->arena, buf, strlen(buf));
    w->line0 = line0;
    w->line1 = line1;
}

static bool num_eq(const jsp_fact *a, const jsp_fact *b)
{
    return a && b && a->kind == JSP_F_NUM && b->kind == JSP_F_NUM && !jsp_dec_cmp(a->num, b->num);
}

/* Rename column `from` to `to` in every row of table 02. */
static void rename_02_column(js_doc *d, const char *from, const char *to)
{
    jsp_fact *f = d->facts.items;
    size_t fl = strlen(from);
    for (size_t i = 0; i < d->facts.n; i++) {
        const char *p = f[i].path;
        if (!p || strncmp(p, "tables.02.rows.", 15))
            continue;
        const char *dot = strrchr(p, '.');
        if (strlen(dot + 1) == fl && !strcmp(dot + 1, from)) {
            f[i].path = jsp_printf(&d->arena, "%.*s.%s", (int)(dot - p), p, to);
            d->findexed = SIZE_MAX; /* renamed: rebuild the index */
        }
    }
}

/* Table 02's income sources must agree with table 01's; a 02 column whose
 * total matches no 01 line but exactly one unused other line is renamed. */
static void sources_02_vs_01(js_doc *d)
{
    static const char *const src[] = {"superior_subsidy", "business", "operating", "affiliated",
                                      "other", NULL};
    for (int i = 0; src[i]; i++) {
        char p02[64], p01[64];
        snprintf(p02, sizeof p02, "tables.02.rows.total.%s", src[i]);
        snprintf(p01, sizeof p01, "tables.01.income.%s", src[i]);
        jsp_fact *a = jsp_fact_get(d, p02);
        if (!a || num_eq(a, jsp_fact_get(d, p01)))
            continue;
        const char *to = NULL;
        int hits = 0;
        for (int j = 0; src[j]; j++) {
            snprintf(p01, sizeof p01, "tables.01.income.%s", src[j]);
            snprintf(p02, sizeof p02, "tables.02.rows.total.%s", src[j]);
            if (j != i && num_eq(a, jsp_fact_get(d, p01)) && !jsp_fact_get(d, p02)) {
                to = src[j];
                hits++;
            }
        }
        if (hits == 1) {
            jsp_warn(d, jsp_line_of(d, a->s), jsp_line_of(d, a->s),
                     "table 02: column read as %s is %s by table 01", src[i], to);
            rename_02_column(d, src[i], to);
        }
    }
}

/* Sparse record: a row whose every amount is left out is left out, name too. */
static void drop_empty_rows(js_doc *d)
{
    jsp_fact *f = d->facts.items;
    for (size_t i = 0; i < d->facts.n; i++) {
        const char *p = f[i].path;
        size_t l = p ? strlen(p) : 0;
        if (l < 5 || strcmp(p + l - 5, ".name"))
            continue;
        bool amount = false;
        for (size_t j = 0; j < d->facts.n && !amount; j++)
            amount = j != i && f[j].path && !strncmp(f[j].path, p, l - 4);
        if (!amount) {
            f[i].path = NULL;
            d->findexed = SIZE_MAX;
        }
    }
}

void jsp_reconcile(js_doc *d)
{
    sources_02_vs_01(d);
    drop_empty_rows(d);
}
