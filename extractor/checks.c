/* SPDX-License-Identifier: MIT
 * checks.c — stage 6c: the record's own audit. Evaluates the identities of
 * patterns/checks.tsv (sums within a table, across tables, narrative against
 * tables, code hierarchies) and the header checks (each table's 部门, year
 * and unit) into d->checks, as exact decimals. Statuses: pass; rounding (a
 * difference within 0.01 万元 per rounded term); fail; not_checked (with the
 * reason) when one side is missing from the record.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "js_int.h"

#define MAXTOK 160
#define MAXPATHS 64

typedef struct {
    js_doc *d;
} cctx;

/* A side of an identity: its sum and the figures that made it. */
typedef struct {
    js_dec sum;
    int n;  /* figures present */
    int sc; /* largest scale among them */
    const char *paths[MAXPATHS];
    int npaths;
} side;

/* MARK: facts by path ------------------------------------------------------ */

/* A numeric figure of the record (jsp_fact_get's index), NULL if none. */
static const jsp_fact *get(const cctx *c, const char *path)
{
    const jsp_fact *f = jsp_fact_get(c->d, path);
    return f && f->kind != JSP_F_STR ? f : NULL;
}

/* `*` and `$k` match one path segment; *cap gets the `$k` segment. */
static bool glob(const char *pat, const char *s, const char **cap, size_t *caplen)
{
    while (*pat) {
        bool star = *pat == '*', var = pat[0] == '$' && pat[1] == 'k';
        if (star || var) {
            const char *e = s;
            while (*e && *e != '.')
                e++;
            if (e == s)
                return false;
            if (var && cap) {
                *cap = s;
                *caplen = (size_t)(e - s);
            }
            pat += star ? 1 : 2;
            s = e;
        } else if (*pat++ != *s++) {
            return false;
        }
    }
    return !*s;
}

/* Whether numeric fact f's path matches pat, whose first pl bytes hold no
 * pattern (strcspn(pat, "*$")): compared at once, as most paths differ
 * there. */
static bool glob_fact(const jsp_fact *f, const char *pat, size_t pl, const char **cap,
                      size_t *caplen)
{
    return f->path && f->kind != JSP_F_STR && !strncmp(f->path, pat, pl) &&
           glob(pat + pl, f->path + pl, cap, caplen);
}

static void add_fact(side *sd, const jsp_fact *f, int sign)
{
    js_dec v = f->num;
    if (sign < 0)
        v.v = -v.v;
    sd->sum = jsp_dec_add(sd->sum, v);
    sd->n++;
    if (f->num.sc > sd->sc)
        sd->sc = f->num.sc;
    if (sd->npaths < MAXPATHS)
        sd->paths[sd->npaths++] = f->path;
}

static void add_term(const cctx *c, side *sd, const char *path, int sign)
{
    if (!strchr(path, '*')) {
        const jsp_fact *f = get(c, path);
        if (f)
            add_fact(sd, f, sign);
        return;
    }
    const jsp_fact *f = c->d->facts.items;
    size_t pl = strcspn(path, "*$");
    for (size_t i = 0; i < c->d->facts.n; i++)
        if (glob_fact(&f[i], path, pl, NULL, NULL))
            add_fact(sd, &f[i], sign);
}

/* MARK: expressions: terms, + -, ( A || B ) --------------------------------- */

typedef struct {
    char *tok[MAXTOK];
    int n, at;
} toks;

static void tokenize_expr(char *s, toks *t)
{
    t->n = t->at = 0;
    char *save = NULL; /* strtok_r: documents are checked on several threads */
    for (char *p = strtok_r(s, " ", &save); p && t->n < MAXTOK; p = strtok_r(NULL, " ", &save))
        t->tok[t->n++] = p;
}

static const char *peek(const toks *t) { return t->at < t->n ? t->tok[t->at] : ""; }

static void expr(const cctx *c, toks *t, side *sd);

/* ( A || B || … ): the first alternative with a figure in the record. */
static void alternatives(const cctx *c, toks *t, side *sd, int sign)
{
    bool taken = false;
    while (t->at < t->n && strcmp(peek(t), ")")) {
        side alt = {{0, 0}, 0, 0, {0}, 0};
        expr(c, t, &alt);
        if (!taken && alt.n) {
            if (sign < 0)
                alt.sum.v = -alt.sum.v;
            sd->sum = jsp_dec_add(sd->sum, alt.sum);
            sd->n += alt.n;
            sd->sc = alt.sc > sd->sc ? alt.sc : sd->sc;
            for (int i = 0; i < alt.npaths && sd->npaths < MAXPATHS; i++)
                sd->paths[sd->npaths++] = alt.paths[i];
            taken = true;
        }
        if (!strcmp(peek(t), "||"))
            t->at++;
    }
    t->at++; /* ")" */
}

/* expr := term (('+' | '-') term)*, stopping at '=', '<=', '||' or ')'. */
static void expr(const cctx *c, toks *t, side *sd)
{
    int sign = 1;
    while (t->at < t->n) {
        const char *k = peek(t);
        if (!strcmp(k, "=") || !strcmp(k, "<=") || !strcmp(k, "||") || !strcmp(k, ")"))
            return;
        t->at++;
        if (!strcmp(k, "+") || !strcmp(k, "-")) {
            sign = *k == '-' ? -1 : 1;
            continue;
        }
        if (!strcmp(k, "("))
            alternatives(c, t, sd, sign);
        else
            add_term(c, sd, k, sign);
        sign = 1;
    }
}

/* MARK: recording a check --------------------------------------------------- */

static jsp_check *new_check(js_doc *d, const char *id, jsp_cstatus st, const char *msg)
{
    d->checks.size = sizeof(jsp_check);
    jsp_check *k = jsp_vec_push(&d->checks);
    if (!k)
        return NULL;
    k->id = jsp_strndup(&d->arena, id, strlen(id));
    k->status = (uint8_t)st;
    k->msg = jsp_strndup(&d->arena, msg, strlen(msg));
    return k;
}

static void set_paths(js_doc *d, jsp_check *k, const side *l, const side *r)
{
    k->paths = jsp_alloc(&d->arena, (size_t)(l->npaths + r->npaths + 1) * sizeof *k->paths);
    if (!k->paths)
        return;
    for (int i = 0; i < l->npaths; i++)
        k->paths[k->npaths++] = l->paths[i];
    for (int i = 0; i < r->npaths; i++)
        k->paths[k->npaths++] = r->paths[i];
}

/* 0.01 万元 (or the finer printed precision) per rounded term. */
static js_dec tolerance(const side *l, const side *r)
{
    int sc = l->sc > r->sc ? l->sc : r->sc;
    if (sc < 2)
        sc = 2;
    js_dec t = {(int64_t)(r->n > 1 ? r->n : 1), (int8_t)sc};
    return t;
}

static void judge(js_doc *d, const char *id, const char *what, bool le, const side *l,
                  const side *r)
{
    char msg[400], a[40], b[40], res[40];
    if (!l->n && !r->n)
        return; /* neither side printed: nothing to say */
    if (!l->n || !r->n) {
        jsp_snprintf(msg, sizeof msg, "%s: %s side not in the record", what,
                     l->n ? "right" : "left");
        jsp_check *k = new_check(d, id, JSP_C_NOT_CHECKED, msg);
        if (k)
            set_paths(d, k, l, r);
        return;
    }
    js_dec diff = jsp_dec_sub(l->sum, r->sum);
    jsp_cstatus st = JSP_C_PASS;
    if (le ? diff.v > 0 : diff.v != 0)
        st = (!le && jsp_dec_cmp(jsp_dec_abs(diff), tolerance(l, r)) <= 0) ? JSP_C_ROUNDING
                                                                           : JSP_C_FAIL;
    jsp_dec_format(l->sum, a, sizeof a);
    jsp_dec_format(r->sum, b, sizeof b);
    jsp_dec_format(diff, res, sizeof res);
    jsp_snprintf(msg, sizeof msg, "%s: %s %s %s%s%s", what, a,
                 st == JSP_C_PASS ? (le ? "<=" : "=") : (le ? ">" : "≠"), b,
                 st == JSP_C_PASS ? "" : ", residual ", st == JSP_C_PASS ? "" : res);
    jsp_check *k = new_check(d, id, st, msg);
    if (!k)
        return;
    k->has_values = true;
    k->actual = l->sum;
    k->expected = r->sum;
    set_paths(d, k, l, r);
}

/* MARK: sum / le ------------------------------------------------------------ */

/* Replace every "$k" of s by key; arena string. */
static char *subst(js_doc *d, const char *s, const char *key, size_t kl)
{
    size_t n = strlen(s);
    char *out = jsp_alloc(&d->arena, n * (kl + 1) + 1), *o = out;
    if (!out)
        return NULL;
    while (*s) {
        if (s[0] == '$' && s[1] == 'k') {
            memcpy(o, key, kl);
            o += kl;
            s += 2;
        } else {
            *o++ = *s++;
        }
    }
    *o = 0;
    return out;
}

static void run_identity(const cctx *c, const char *id, const char *ex)
{
    js_doc *d = c->d;
    char *buf = jsp_strndup(&d->arena, ex, strlen(ex));
    toks t;
    if (!buf)
        return;
    tokenize_expr(buf, &t);
    side l = {{0, 0}, 0, 0, {0}, 0}, r = l;
    expr(c, &t, &l);
    bool le = !strcmp(peek(&t), "<=");
    t.at++;
    expr(c, &t, &r);
    char what[200];
    jsp_snprintf(what, sizeof what, "%s", ex);
    char *eq = strstr(what, le ? " <=" : " =");
    if (eq)
        *eq = 0; /* the message names the left side */
    judge(d, id, what, le, &l, &r);
}

/* Keys of the first "$k" path of the expression, each run once. */
/* Open-addressing string set in `tab` (cap a power of two, more than twice
 * the keys): true when `key` was not in it and is now. */
static bool set_add(const char **tab, size_t cap, const char *key)
{
    uint64_t h = jsp_hash(0, key);
    for (size_t i = (size_t)h & (cap - 1);; i = (i + 1) & (cap - 1)) {
        if (!tab[i]) {
            tab[i] = key;
            return true;
        }
        if (!strcmp(tab[i], key))
            return false;
    }
}

static void run_sum(const cctx *c, const jsp_checkdef *def)
{
    js_doc *d = c->d;
    if (!strstr(def->expr, "$k")) {
        run_identity(c, def->id, def->expr);
        return;
    }
    char pat[256];
    jsp_snprintf(pat, sizeof pat, "%s", def->expr);
    char *sp = strchr(pat, ' ');
    if (sp)
        *sp = 0; /* the first term names where the keys are */
    const jsp_fact *f = d->facts.items;
    const char **keys = jsp_alloc_raw(&d->arena, (d->facts.n + 1) * sizeof *keys);
    size_t nk = 0, cap2 = 16, pl = strcspn(pat, "*$");
    for (size_t i = 0; keys && i < d->facts.n; i++) {
        const char *cap = NULL;
        size_t cl = 0;
        if (glob_fact(&f[i], pat, pl, &cap, &cl) && cap &&
            (keys[nk] = jsp_strndup(&d->arena, cap, cl)))
            nk++;
    }
    while (cap2 < 2 * nk + 2)
        cap2 *= 2;
    const char **seen = keys ? jsp_alloc(&d->arena, cap2 * sizeof *seen) : NULL; /* a key set */
    for (size_t i = 0; seen && i < nk; i++) {
        size_t kl = strlen(keys[i]);
        if (set_add(seen, cap2, keys[i]))
            run_identity(c, subst(d, def->id, keys[i], kl), subst(d, def->expr, keys[i], kl));
    }
}

/* MARK: hier: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项 --------------------------------- */

typedef struct {
    const char *code, *col;
    size_t cl;         /* strlen(code) */
    const jsp_fact *f; /* the figure at PREFIX.CODE.COLUMN */
} cellref;

/* Row codes and columns under PREFIX.CODE.COLUMN. */
static size_t collect(const cctx *c, const char *prefix, cellref *out, size_t max)
{
    size_t pl = strlen(prefix), n = 0;
    const jsp_fact *f = c->d->facts.items;
    for (size_t i = 0; i < c->d->facts.n && n < max; i++) {
        const char *p = f[i].path;
        if (!p || f[i].kind == JSP_F_STR || strncmp(p, prefix, pl) || p[pl] != '.')
            continue;
        const char *code = p + pl + 1, *dot = strchr(code, '.');
        if (!dot || strchr(dot + 1, '.'))
            continue;
        out[n].cl = (size_t)(dot - code);
        out[n].code = jsp_strndup(&c->d->arena, code, out[n].cl);
        out[n].f = &f[i];
        out[n++].col = dot + 1;
    }
    return n;
}

/* Is cell k a child of PARENT (a code of length pl, or "total")? */
static bool is_child(const char *parent, size_t pl, const cellref *k)
{
    if (pl == 5 && !memcmp(parent, "total", 5))
        return k->cl == 3 && k->code[0] >= '0' && k->code[0] <= '9';
    return k->cl == pl + 2 && !memcmp(parent, k->code, pl);
}

/* The check of one parent cell pc: its figure against the sum of its
 * children's in its column. */
static void hier_one(const cctx *c, const jsp_checkdef *def, const cellref *pc,
                     const cellref *cells, size_t n)
{
    js_doc *d = c->d;
    const char *parent = pc->code, *col = pc->col;
    bool children = false;
    size_t pl = pc->cl;
    for (size_t i = 0; i < n && !children; i++)
        children = is_child(parent, pl, &cells[i]);
    if (!children)
        return;
    char id[160], what[200];
    side l = {{0, 0}, 0, 0, {0}, 0}, r = l;
    add_fact(&l, pc->f, 1);
    for (size_t i = 0; i < n; i++)
        if (is_child(parent, pl, &cells[i]) && !strcmp(cells[i].col, col))
            add_fact(&r, cells[i].f, 1);
    jsp_snprintf(id, sizeof id, "%s.%s.%s", def->id, parent, col);
    jsp_snprintf(what, sizeof what, "%s.%s.%s = sum of its %s", def->expr, parent, col,
                 !strcmp(parent, "total") ? "classes" : "children");
    judge(d, id, what, false, &l, &r);
}

static void run_hier(const cctx *c, const jsp_checkdef *def)
{
    enum { MAXCELLS = 4096 };
    size_t max = c->d->facts.n < MAXCELLS ? c->d->facts.n : MAXCELLS;
    cellref *cells = jsp_alloc_raw(&c->d->arena, (max + 1) * sizeof *cells);
    if (!cells)
        return;
    size_t n = collect(c, def->expr, cells, max);
    /* each (row, column) once: paths are unique, so cells are already
     * distinct; a child is one term of its parent's sum in that column */
    for (size_t i = 0; i < n; i++)
        if (cells[i].cl < 7)
            hier_one(c, def, &cells[i], cells, n);
}

/* MARK: header checks ------------------------------------------------------- */

static void header_checks(js_doc *d)
{
    const jsp_tinfo *t = d->tinfo.items;
    char id[64], msg[400];
    int shift0 = 0, nread = 0;
    bool mixed = false;
    for (size_t i = 0; i < d->tinfo.n; i++) {
        if (t[i].dept && d->department) {
            bool same = !strcmp(t[i].dept, d->department);
            jsp_snprintf(id, sizeof id, "header.department.%02d.line%u", t[i].id, t[i].dept_line);
            jsp_snprintf(msg, sizeof msg, "table %02d (line %u) names %s%s%s", t[i].id,
                         t[i].dept_line, t[i].dept, same ? "" : "; the record's department is ",
                         same ? "" : d->department);
            if (!same && t[i].foreign)
                strncat(msg, " (left out as another department's table)",
                        sizeof msg - strlen(msg) - 1);
            jsp_check *k = new_check(d, id, same ? JSP_C_PASS : JSP_C_FAIL, msg);
            if (k && (k->paths = jsp_alloc(&d->arena, sizeof *k->paths))) {
                k->paths[0] = "department";
                k->npaths = 1;
            }
        }
        if (t[i].year && d->year) {
            jsp_snprintf(id, sizeof id, "header.year.%02d.line%u", t[i].id, t[i].line0);
            jsp_snprintf(msg, sizeof msg, "table %02d is of %d, the record of %d", t[i].id,
                         t[i].year, d->year);
            new_check(d, id, t[i].year == d->year ? JSP_C_PASS : JSP_C_FAIL, msg);
        }
        if (!t[i].foreign && t[i].read) {
            mixed |= nread && t[i].shift != shift0;
            shift0 = nread++ ? shift0 : t[i].shift;
        }
    }
    if (nread)
        new_check(d, "header.units", mixed ? JSP_C_FAIL : JSP_C_PASS,
                  mixed ? "the tables are printed in different units (all converted to 万元)"
                        : "every table is printed in one unit");
}

/* MARK: the prose against the tables --------------------------------------- */

#define LABEL_GAP 18 /* bytes between a concept term and the figure it names */

__extension__ typedef __int128 i128;

/* |a| as a decimal of one unit in its last printed place: 26.74 → 0.01. */
static js_dec last_place(js_dec a)
{
    js_dec u = {1, a.sc};
    return u;
}

static const char *concept_paths(js_doc *d, const jsp_mention *m)
{
    const jsp_vocab *v = d->ctx->pat.vocab;
    if (!m->label)
        return NULL;
    const char *p = jsp_vocab_get(v, "concept_path", m->label);
    const char *code = m->term ? jsp_vocab_get(v, "fclass", m->term) : NULL;
    const char *tmpl = jsp_vocab_get(v, "concept_path", "@fclass");
    if (p || !code || !tmpl)
        return p;
    char *out = jsp_alloc(&d->arena, strlen(tmpl) * 2 + 1), *o = out;
    for (const char *s = tmpl; out && *s;) {
        if (!strncmp(s, "{code}", 6)) {
            o += sprintf(o, "%.7s", code);
            s += 6;
        } else {
            *o++ = *s++;
        }
    }
    return out;
}

/* The candidate figure nearest to v, NULL if none is in the record. */
static const jsp_fact *nearest(const cctx *c, const char *paths, js_dec v)
{
    char buf[512];
    const jsp_fact *best = NULL;
    jsp_snprintf(buf, sizeof buf, "%s", paths);
    for (char *save = NULL, *p = strtok_r(buf, " ", &save); p; p = strtok_r(NULL, " ", &save)) {
        const jsp_fact *f = get(c, p);
        if (f && (!best || jsp_dec_cmp(jsp_dec_abs(jsp_dec_sub(f->num, v)),
                                       jsp_dec_abs(jsp_dec_sub(best->num, v))) < 0))
            best = f;
    }
    return best;
}

/* Record a prose comparison: stated against computed, within `tol`. */
static void prose_verdict(js_doc *d, const jsp_mention *m, const char *kind, js_dec stated,
                          js_dec computed, js_dec tol, const char *what, const char *path)
{
    char id[160], msg[400], a[40], b[40];
    js_dec diff = jsp_dec_sub(stated, computed);
    js_dec half = tol;
    half.v = half.v * 10 / 2;
    half.sc++;
    jsp_cstatus st =
        !jsp_dec_cmp(jsp_dec_abs(diff), (js_dec){0, 0}) || jsp_dec_cmp(jsp_dec_abs(diff), half) <= 0
            ? JSP_C_PASS
        : jsp_dec_cmp(jsp_dec_abs(diff), tol) <= 0 ? JSP_C_ROUNDING
                                                   : JSP_C_FAIL;
    uint32_t line = jsp_line_of(d, m->s);
    jsp_dec_format(stated, a, sizeof a);
    jsp_dec_format(computed, b, sizeof b);
    jsp_snprintf(id, sizeof id, "prose.%s.line%u.at%u.%s", kind, line, m->s - d->lines[line - 1].s,
                 m->label ? m->label : "figure"); /* at: byte in the line, so ids are unique */
    jsp_snprintf(msg, sizeof msg, "line %u: %s %s%s %s %s", line, m->label ? m->label : "", a,
                 *kind == 'a' ? "万元" : "%", st == JSP_C_PASS ? "agrees with" : "but", what);
    if (st != JSP_C_PASS)
        jsp_snprintf(msg + strlen(msg), sizeof msg - strlen(msg), " gives %s", b);
    jsp_check *k = new_check(d, id, st, msg);
    if (!k)
        return;
    k->has_values = true;
    k->actual = stated;
    k->expected = computed;
    if (path && (k->paths = jsp_alloc(&d->arena, sizeof *k->paths))) {
        k->paths[0] = path;
        k->npaths = 1;
    }
}

bool jsp_check_reads_label(const jsp_mention *m)
{
    if (m->kind == JSP_M_AMOUNT) /* prose_amount */
        return m->sign == 2 && (!m->qualifier || !strcmp(m->qualifier, "决算"));
    /* prose_percent: a share reads it, and every verdict names it */
    return m->kind == JSP_M_PERCENT && m->qualifier && !strcmp(m->unit, "%");
}

/* A labelled prose amount that restates a table figure. */
static void prose_amount(const cctx *c, const jsp_mention *m)
{
    js_doc *d = c->d;
    if (m->kind != JSP_M_AMOUNT || !jsp_check_reads_label(m) || !m->label ||
        m->label_e + LABEL_GAP < m->s)
        return;
    const char *paths = concept_paths(d, m);
    const jsp_fact *f = paths ? nearest(c, paths, m->value) : NULL;
    if (!f)
        return;
    js_dec tol = last_place(m->value);
    if (tol.sc > 2)
        tol = (js_dec){1, 2}; /* 0.01 万元 at least */
    prose_verdict(d, m, "amount", m->value, f->num, tol, f->path, f->path);
}

/* 100 × num / den, exact to 6 decimals. */
static bool ratio(js_dec num, js_dec den, js_dec *out)
{
    int sc = num.sc > den.sc ? num.sc : den.sc;
    i128 n = num.v, q = den.v;
    for (int i = num.sc; i < sc; i++)
        n *= 10;
    for (int i = den.sc; i < sc; i++)
        q *= 10;
    if (!q)
        return false;
    i128 r = n * 100000000 / q; /* 100 × 10^6 */
    if (r > INT64_MAX || r < -INT64_MAX)
        return false;
    *out = (js_dec){(int64_t)r, 6};
    return true;
}

/* Index of the amount before `i` in its sentence that `want` accepts. */
static long prev_amount(const js_doc *d, size_t i, int want_sign, const char *want_qual)
{
    const jsp_mention *m = d->mentions.items;
    for (long j = (long)i - 1; j >= 0; j--) {
        const char *t = d->norm.text;
        for (uint32_t k = m[j].e; k + 3 <= m[i].s; k++)
            if (!memcmp(t + k, "。", 3))
                return -1; /* another sentence */
        if (m[j].kind != JSP_M_AMOUNT)
            continue;
        bool sign_ok = want_sign == 2 ? m[j].sign == 2 : m[j].sign != 2;
        bool qual_ok = want_qual ? m[j].qualifier && !strcmp(m[j].qualifier, want_qual)
                                 : !m[j].qualifier || strcmp(m[j].qualifier, "预算");
        if (sign_ok && qual_ok)
            return j;
    }
    return -1;
}

static void prose_percent(const cctx *c, size_t i)
{
    js_doc *d = c->d;
    const jsp_mention *m = d->mentions.items, *p = &m[i];
    js_dec got;
    if (p->kind != JSP_M_PERCENT || !jsp_check_reads_label(p))
        return;
    if (!strcmp(p->qualifier, "占比")) {
        long j = prev_amount(d, i, 2, NULL);
        /* the whole it is a share of is named between the part and the % */
        const char *paths = j >= 0 && p->label_e > m[j].e ? concept_paths(d, p) : NULL;
        const jsp_fact *den = paths ? nearest(c, paths, m[j].value) : NULL;
        if (den && jsp_dec_cmp(den->num, m[j].value) >= 0 && ratio(m[j].value, den->num, &got))
            prose_verdict(d, p, "share", p->value, got, last_place(p->value), den->path, den->path);
    } else if (!strcmp(p->qualifier, "完成率")) {
        long b = prev_amount(d, i, 2, "预算"), a = prev_amount(d, i, 2, NULL);
        if (a >= 0 && b >= 0 && ratio(m[a].value, m[b].value, &got))
            prose_verdict(d, p, "completion", p->value, got, last_place(p->value),
                          "its 决算 against its 预算", m[a].path);
    } else if (!strcmp(p->qualifier, "变动") && p->sign != 0) {
        /* "X 万元，比上年增加 Y 万元，增长 Z%": the three figures in a row */
        long ch = prev_amount(d, i, 1, NULL);
        long cur = ch >= 0 ? prev_amount(d, (size_t)ch, 2, NULL) : -1;
        if (cur < 0 || ch != (long)i - 1 || cur != ch - 1)
            return;
        js_dec alt, before = jsp_dec_sub(m[cur].value, m[ch].value);
        if (before.v <= 0)
            return; /* last year's figure would be nothing: not this pattern */
        bool ok = ratio(m[ch].value, before, &got);
        /* some reports divide by this year's figure: accept that reading too */
        if (ok && ratio(m[ch].value, m[cur].value, &alt) &&
            jsp_dec_cmp(jsp_dec_abs(jsp_dec_sub(alt, p->value)),
                        jsp_dec_abs(jsp_dec_sub(got, p->value))) < 0)
            got = alt;
        if (ok)
            prose_verdict(d, p, "change", p->value, got, last_place(p->value),
                          "the change against last year's figure", m[cur].path);
    }
}

static void prose_checks(const cctx *c)
{
    const jsp_mention *m = c->d->mentions.items;
    size_t from = c->d->prose_start < c->d->nlines ? c->d->lines[c->d->prose_start].s : 0;
    size_t to = c->d->prose_end < c->d->nlines ? c->d->lines[c->d->prose_end].s : c->d->norm.len;
    if (c->d->prose_start >= c->d->nlines)
        return;
    for (size_t i = 0; i < c->d->mentions.n; i++) {
        if (m[i].s < from || m[i].s >= to)
            continue; /* 第三部分 only: the appendix may use other scopes */
        prose_amount(c, &m[i]);
        prose_percent(c, i);
    }
}

void jsp_checks(js_doc *d)
{
    cctx c = {d};
    header_checks(d);
    const jsp_patterns *p = &d->ctx->pat;
    for (size_t i = 0; i < p->nchecks; i++) {
        if (!strcmp(p->checks[i].kind, "hier"))
            run_hier(&c, &p->checks[i]);
        else
            run_sum(&c, &p->checks[i]);
    }
    prose_checks(&c);
}
