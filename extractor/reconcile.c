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

static uint64_t path_hash(const char *s) { return jsp_hash(0, s); }

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
    jsp_vsnprintf(buf, sizeof buf, fmt, ap);
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
    static const char *const src[] = {"superior_subsidy", "business", "operating",
                                      "affiliated",       "other",    NULL};
    for (int i = 0; src[i]; i++) {
        char p02[64], p01[64];
        jsp_snprintf(p02, sizeof p02, "tables.02.rows.total.%s", src[i]);
        jsp_snprintf(p01, sizeof p01, "tables.01.income.%s", src[i]);
        jsp_fact *a = jsp_fact_get(d, p02);
        if (!a || num_eq(a, jsp_fact_get(d, p01)))
            continue;
        const char *to = NULL;
        int hits = 0;
        for (int j = 0; src[j]; j++) {
            jsp_snprintf(p01, sizeof p01, "tables.01.income.%s", src[j]);
            jsp_snprintf(p02, sizeof p02, "tables.02.rows.total.%s", src[j]);
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

typedef struct {
    const char *path;
    size_t i;
} pidx;

static int pidx_cmp(const void *x, const void *y)
{
    const pidx *a = x, *b = y;
    int c = strcmp(a->path, b->path);
    return c ? c : (a->i > b->i) - (a->i < b->i);
}

/* The facts with a path, sorted by path (a row's facts then stand together:
 * '.' sorts before the digits of a longer code). malloc'd; *n set. */
static pidx *sorted_facts(const js_doc *d, size_t *n)
{
    const jsp_fact *f = d->facts.items;
    pidx *ix = malloc((d->facts.n + 1) * sizeof *ix);
    *n = 0;
    if (!ix)
        return NULL;
    for (size_t i = 0; i < d->facts.n; i++)
        if (f[i].path)
            ix[(*n)++] = (pidx){f[i].path, i};
    qsort(ix, *n, sizeof *ix, pidx_cmp);
    return ix;
}

/* Sparse record: a row whose every amount is left out is left out, name too. */
static void drop_empty_rows(js_doc *d)
{
    jsp_fact *f = d->facts.items;
    size_t n;
    pidx *ix = sorted_facts(d, &n);
    for (size_t k = 0; ix && k < n; k++) {
        const char *p = ix[k].path;
        size_t l = strlen(p);
        if (l < 5 || strcmp(p + l - 5, ".name"))
            continue;
        bool amount = (k > 0 && !strncmp(ix[k - 1].path, p, l - 4)) ||
                      (k + 1 < n && !strncmp(ix[k + 1].path, p, l - 4));
        if (!amount) {
            f[ix[k].i].path = NULL;
            d->findexed = SIZE_MAX;
        }
    }
    free(ix);
}

/* MARK: OCR rows: the row sum chooses the reading ---------------------------
 * In OCR text a figure's decimal point can be lost (48826 for 488.26) and a
 * figure can land in the wrong column. In a code table row the total is
 * the sum of the other columns: a figure printed without its point is
 * read again as hundredths when that, and only that, makes the row add up;
 * when no reading adds up the row keeps its total and its other figures are
 * left out, with a warning. Only in text that shows OCR damage. */

typedef struct {
    size_t idx[32];
    int n, total;
} orow;

/* The fact's source text is a bare integer of 3 or more digits. */
static bool lost_point(const js_doc *d, const jsp_fact *f)
{
    const char *t = d->norm.text + f->s;
    size_t n = f->e - f->s, digits = 0;
    for (size_t i = 0; i < n; i++) {
        if (t[i] == '.')
            return false;
        digits += t[i] >= '0' && t[i] <= '9';
    }
    return digits >= 3;
}

/* Does the row add up when the facts of bit set `alt` are read /100? */
static bool adds_up(const jsp_fact *f, const orow *r, unsigned alt)
{
    js_dec total = {0, 0}, sum = {0, 0};
    for (int i = 0; i < r->n; i++) {
        js_dec v = f[r->idx[i]].num;
        if (alt & (1u << i))
            v = jsp_dec_shift(v, -2);
        if (i == r->total)
            total = v;
        else
            sum = jsp_dec_add(sum, v);
    }
    return jsp_dec_near(total, sum, r->n);
}

/* The fewest of the `cand` figures to read as hundredths for the row to add
 * up, the lowest mask among equals (submasks of cand, at most 2^12 tried):
 * *found, and which. */
static unsigned fewest_points(const jsp_fact *f, const orow *r, unsigned cand, bool *found)
{
    unsigned best = 0;
    int bestk = 33;
    if (__builtin_popcount(cand) > 12)
        cand = 0;
    for (unsigned sub = cand;; sub = (sub - 1) & cand) {
        int k = __builtin_popcount(sub);
        if ((k < bestk || (k == bestk && sub < best)) && adds_up(f, r, sub)) {
            best = sub;
            bestk = k;
        }
        if (!sub)
            break;
    }
    *found = bestk < 33;
    return best;
}

/* Read x as hundredths (OCR lost its point); the rule says why. */
static void restore_point(js_doc *d, jsp_fact *x, const char *why)
{
    x->num = jsp_dec_shift(x->num, -2);
    x->rule = jsp_printf(&d->arena, "%s; OCR repair: decimal point restored, %s",
                         x->rule ? x->rule : "?", why);
}

static void ocr_row(js_doc *d, orow *r, const char *row, bool decimals)
{
    jsp_fact *f = d->facts.items;
    if (r->total < 0 || r->n < 2 || r->n > 8)
        return;
    unsigned cand = 0;
    for (int i = 0; i < r->n; i++)
        if (lost_point(d, &f[r->idx[i]]))
            cand |= 1u << i;
    unsigned alt = 0;
    bool found = false;
    if (decimals && cand == (1u << r->n) - 1 && adds_up(f, r, cand)) {
        found = true; /* every figure lost its point: they add up either way */
        alt = cand;
    } else
        alt = fewest_points(f, r, cand, &found);
    if (found) {
        for (int i = 0; i < r->n && alt; i++)
            if (alt & (1u << i))
                restore_point(d, &f[r->idx[i]], "the row adds up");
        if (alt)
            jsp_warn(d, 0, 0,
                     "%s: a figure without its decimal point read as hundredths "
                     "(the row adds up so)",
                     row);
        return;
    }
    for (int i = 0; i < r->n; i++)
        if (i != r->total)
            f[r->idx[i]].path = NULL;
    d->findexed = SIZE_MAX;
    jsp_warn(d, 0, 0,
             "%s: figures do not add up to the total under any reading: only the "
             "total kept",
             row);
}

/* Do the code tables' figures mostly carry a decimal point? Then a row
 * whose figures all lost it adds up as integers too, and is read as
 * hundredths all the same. */
static bool mostly_decimals(const js_doc *d, const pidx *ix, size_t m)
{
    const jsp_fact *f = d->facts.items;
    size_t dotted = 0, bare = 0;
    for (size_t k = 0; k < m; k++) {
        bool lost = lost_point(d, &f[ix[k].i]);
        bare += lost;
        dotted += !lost && memchr(d->norm.text + f[ix[k].i].s, '.', f[ix[k].i].e - f[ix[k].i].s);
    }
    return dotted >= 2 * bare;
}

static void ocr_rows(js_doc *d)
{
    const jsp_fact *f = d->facts.items;
    size_t n, m = 0;
    pidx *ix = sorted_facts(d, &n);
    if (!ix)
        return;
    for (size_t k = 0; k < n; k++) { /* the figures of code table rows, still in path order */
        const char *p = ix[k].path;
        if (f[ix[k].i].kind == JSP_F_NUM && !strncmp(p, "tables.0", 8) && p[8] &&
            strchr("235", p[8]) && !strncmp(p + 9, ".rows.", 6))
            ix[m++] = ix[k];
    }
    bool decimals = mostly_decimals(d, ix, m);
    for (size_t a = 0; a < m;) {
        const char *p = ix[a].path, *dot = strrchr(p, '.');
        size_t pl = (size_t)(dot - p) + 1, b = a;
        orow r = {.total = -1};
        while (b < m && !strncmp(ix[b].path, p, pl) && !strchr(ix[b].path + pl, '.')) {
            if (r.n < 16) {
                if (!strcmp(ix[b].path + pl, "total"))
                    r.total = r.n;
                r.idx[r.n++] = ix[b].i;
            }
            b++;
        }
        char row[64];
        jsp_snprintf(row, sizeof row, "%.*s", (int)(pl - 1), p);
        ocr_row(d, &r, row, decimals);
        a = b > a ? b : a + 1;
    }
    free(ix);
}

/* Table 06 in OCR text: a class's amount (301) is the sum of its items'
 * (30101 …). An amount printed without its point is read as hundredths
 * when that — the fewest such readings — makes its class add up. Nothing
 * is left out when no reading does: a class may have items OCR lost. */
static void ocr_06(js_doc *d)
{
    jsp_fact *f = d->facts.items;
    size_t n, m = 0;
    pidx *ix = sorted_facts(d, &n);
    if (!ix)
        return;
    for (size_t k = 0; k < n; k++) {
        const char *p = ix[k].path, *dot = strchr(p + 15, '.');
        if (f[ix[k].i].kind == JSP_F_NUM && !strncmp(p, "tables.06.rows.", 15) && dot &&
            !strcmp(dot, ".amount") && (dot - (p + 15) == 3 || dot - (p + 15) == 5))
            ix[m++] = ix[k];
    }
    for (size_t a = 0; a < m; a++) {
        const char *code = ix[a].path + 15;
        if (code[3] != '.')
            continue;
        orow r = {.total = 0, .n = 1, .idx = {ix[a].i}};
        for (size_t b = a + 1; b < m && !strncmp(ix[b].path + 15, code, 3) && r.n < 32; b++)
            r.idx[r.n++] = ix[b].i;
        unsigned cand = 0;
        for (int i = 0; i < r.n; i++)
            cand |= lost_point(d, &f[r.idx[i]]) ? 1u << i : 0;
        bool found = false;
        unsigned alt = cand && r.n > 1 ? fewest_points(f, &r, cand, &found) : 0;
        for (int i = 0; i < r.n && found && alt; i++)
            if (alt & (1u << i))
                restore_point(d, &f[r.idx[i]], "the class adds up");
        if (found && alt)
            jsp_warn(d, 0, 0,
                     "tables.06.rows.%.3s: an amount without its decimal point read as "
                     "hundredths (the class adds up so)",
                     code);
    }
    free(ix);
}

/* Summary tables (01, 04) in OCR text: a class's figure printed without its
 * point is read as hundredths when that is the same class's figure read
 * with its point elsewhere (01 ↔ 03 and 04's 合计; 04 ↔ 05, 03 and 01), or
 * another figure of its own row read with its point. */
static bool printed_with_point(js_doc *d, const char *path, js_dec want)
{
    const jsp_fact *g = path ? jsp_fact_get(d, path) : NULL;
    return g && g->kind == JSP_F_NUM && !lost_point(d, g) && !jsp_dec_cmp(g->num, want);
}

static bool summary_twin(js_doc *d, const jsp_fact *x, js_dec want)
{
    const char *p = x->path, *fn = strstr(p, ".by_function.");
    char row[96], code[8] = {0}, alt[96];
    const char *twins[3] = {NULL, NULL, NULL};
    if (fn) {
        size_t k = strcspn(fn + 13, ".");
        if (k >= sizeof code)
            return false;
        memcpy(code, fn + 13, k);
        bool t01 = p[8] == '1';
        twins[0] = jsp_printf(&d->arena, "tables.03.rows.%s.total", code);
        twins[1] = t01 ? jsp_printf(&d->arena, "tables.04.expenditure.by_function.%s.total", code)
                       : jsp_printf(&d->arena, "tables.05.rows.%s.total", code);
        twins[2] = t01 ? NULL : jsp_printf(&d->arena, "tables.01.expenditure.by_function.%s", code);
    }
    for (int i = 0; i < 3; i++)
        if (printed_with_point(d, twins[i], want))
            return true;
    const char *dot = strrchr(p, '.'); /* its row: the same path but the last key */
    if (!dot || (size_t)(dot - p) >= sizeof row - 1 || p[8] != '4')
        return false;
    jsp_snprintf(row, sizeof row, "%.*s", (int)(dot - p), p);
    static const char *cols[] = {"total", "general_budget", "gov_fund", "state_capital"};
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
        jsp_snprintf(alt, sizeof alt, "%s.%s", row, cols[i]);
        if (strcmp(alt, p) && printed_with_point(d, alt, want))
            return true;
    }
    return false;
}

static void ocr_summary(js_doc *d)
{
    size_t n;
    pidx *ix = sorted_facts(d, &n);
    if (!ix)
        return;
    for (size_t k = 0; k < n; k++) {
        jsp_fact *x = (jsp_fact *)d->facts.items + ix[k].i;
        const char *p = ix[k].path;
        if (x->kind != JSP_F_NUM || strncmp(p, "tables.0", 8) || (p[8] != '1' && p[8] != '4') ||
            strncmp(p + 9, ".expenditure.", 13) || !lost_point(d, x))
            continue;
        js_dec want = jsp_dec_shift(x->num, -2);
        if (!summary_twin(d, x, want))
            continue;
        restore_point(d, x, "as the same figure is printed with it elsewhere");
        jsp_warn(d, 0, 0,
                 "%s: a figure without its decimal point read as hundredths (printed "
                 "with it elsewhere)",
                 p);
    }
    free(ix);
}

/* MARK: loose figures of the summary tables ---------------------------------
 * Plain pdftotext may print the expenditure side of table 01 or 04 apart
 * from its labels: figures alone, in another order, some after the next
 * table's title (tables.c keeps them: jsp_loose). When that side was read
 * empty, its rows are known from the other tables: a class's row in 01 is
 * table 03's class total, in 04 table 05's (only when nothing is financed
 * by the government-fund or state-capital budgets: then each 04 row prints
 * the same figure under 合计 and 一般公共预算财政拨款); 本年支出合计 is their
 * total, 总计 the income side's, the carry-over the difference. A row is
 * written only from a loose figure equal to it, each print used once, and
 * only when every class and the total are found so. */

enum { MAXCLASS = 40 };

typedef struct {
    char code[MAXCLASS][4];
    js_dec v[MAXCLASS];
    int n;
    js_dec total;
} classes;

static jsp_loose *take_loose(js_doc *d, int table, js_dec v)
{
    jsp_loose *x = d->loose.items;
    for (size_t i = 0; i < d->loose.n; i++)
        if (x[i].table == table && !x[i].used && !jsp_dec_cmp(x[i].v, v)) {
            x[i].used = true;
            return &x[i];
        }
    return NULL;
}

/* Table `from`'s non-zero class totals (rows.DDD.total) and its total. */
static bool class_totals(const js_doc *d, int from, classes *c)
{
    char prefix[16];
    int pl = jsp_snprintf(prefix, sizeof prefix, "tables.%02d.rows.", from);
    const jsp_fact *f = d->facts.items;
    js_dec sum = {0, 0};
    c->n = 0;
    for (size_t i = 0; i < d->facts.n && c->n < MAXCLASS; i++) {
        const char *p = f[i].path;
        if (!p || f[i].kind != JSP_F_NUM || strncmp(p, prefix, (size_t)pl) ||
            strcmp(p + pl + 3, ".total") || jsp_dec_is_zero(f[i].num))
            continue;
        memcpy(c->code[c->n], p + pl, 3);
        c->code[c->n][3] = 0;
        if (strspn(c->code[c->n], "0123456789") != 3)
            continue;
        sum = jsp_dec_add(sum, f[i].num);
        c->v[c->n++] = f[i].num;
    }
    char path[32];
    jsp_snprintf(path, sizeof path, "tables.%02d.rows.total.total", from);
    const jsp_fact *t = jsp_fact_get(d, path);
    c->total = t ? t->num : sum;
    return c->n > 0 && jsp_dec_near(c->total, sum, c->n);
}

static bool side_is_empty(const js_doc *d, int table)
{
    char prefix[32];
    int pl = jsp_snprintf(prefix, sizeof prefix, "tables.%02d.expenditure.", table);
    const jsp_fact *f = d->facts.items;
    for (size_t i = 0; i < d->facts.n; i++)
        if (f[i].path && !strncmp(f[i].path, prefix, (size_t)pl))
            return false;
    return true;
}

static js_dec fact_num(const js_doc *d, const char *path)
{
    const jsp_fact *f = jsp_fact_get(d, path);
    return f && f->kind == JSP_F_NUM ? f->num : (js_dec){0, 0};
}

/* Write row `row` of the expenditure side from a loose print of v (and a
 * second print for 04's 一般公共预算 column); false when none is left. */
static bool put_loose(js_doc *d, int table, const char *row, js_dec v, const char *why)
{
    jsp_loose *x = jsp_dec_is_zero(v) ? NULL : take_loose(d, table, v);
    if (!x)
        return false;
    const char *rule = jsp_printf(&d->arena,
                                  "table.loose; a figure printed apart from its row (plain "
                                  "pdftotext), placed as %s",
                                  why);
    const char *base = jsp_printf(&d->arena, "tables.%02d.expenditure.%s", table, row);
    if (table == 1) {
        jsp_fact_set(d, base, JSP_F_NUM, v, NULL, x->s, x->e, rule);
        return true;
    }
    jsp_fact_set(d, jsp_printf(&d->arena, "%s.total", base), JSP_F_NUM, v, NULL, x->s, x->e, rule);
    if ((x = take_loose(d, table, v)))
        jsp_fact_set(d, jsp_printf(&d->arena, "%s.general_budget", base), JSP_F_NUM, v, NULL, x->s,
                     x->e, rule);
    return true;
}

static void place_loose(js_doc *d, int table)
{
    char in[32];
    jsp_snprintf(in, sizeof in, "tables.%02d.income.", table);
    if (!d->loose.n || !side_is_empty(d, table) ||
        !jsp_fact_get(d, jsp_printf(&d->arena, "%stotal", in)))
        return;
    static const char *const other[] = {"gov_fund", "state_capital", "carryover_begin_gov_fund",
                                        "carryover_begin_state_capital", NULL};
    for (int i = 0; table == 4 && other[i]; i++)
        if (!jsp_dec_is_zero(fact_num(d, jsp_printf(&d->arena, "%s%s", in, other[i]))))
            return;
    classes c;
    int from = table == 1 ? 3 : 5;
    if (!class_totals(d, from, &c))
        return;
    jsp_loose *x = d->loose.items; /* every class and the total, else nothing */
    bool all = true;
    for (int i = 0; i <= c.n && all; i++)
        all = take_loose(d, table, i < c.n ? c.v[i] : c.total) != NULL;
    for (size_t i = 0; i < d->loose.n; i++)
        x[i].used = false;
    if (!all)
        return;
    for (int i = 0; i < c.n; i++)
        put_loose(
            d, table, jsp_printf(&d->arena, "by_function.%s", c.code[i]), c.v[i],
            jsp_printf(&d->arena, "class %s: table %02d's total of the class", c.code[i], from));
    put_loose(d, table, "total", c.total,
              jsp_printf(&d->arena, "本年支出合计: table %02d's total", from));
    js_dec grand = fact_num(d, jsp_printf(&d->arena, "%sgrand_total", in));
    if (put_loose(d, table, "grand_total", grand, "总计: the income side's"))
        put_loose(d, table, "carryover_end", jsp_dec_sub(grand, c.total),
                  "年末结转和结余: 总计 less 本年支出合计");
}

void jsp_reconcile(js_doc *d)
{
    sources_02_vs_01(d);
    place_loose(d, 1);
    place_loose(d, 4);
    if (d->ocr_marks) {
        ocr_rows(d);
        ocr_06(d);
        ocr_summary(d);
    }
    drop_empty_rows(d);
}
