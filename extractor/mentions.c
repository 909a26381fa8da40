/* SPDX-License-Identifier: MIT
 * mentions.c — stage 6b (with --mentions): every amount, percentage, count,
 * date and classification code of the document, found by the number
 * grammar (patterns/numbers.pat, evaluated by numbers.c), each with its
 * place in the original input, the concept it is about (label), its
 * qualifier (决算/预算/上年/变动/占比/完成率) and the record path it fed.
 * Prose is scanned as running text (a unit may follow on the next line);
 * table lines cell by cell, where a figure needs no unit. Without
 * --mentions only the prose the checks read (第三部分) is scanned.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "js_int.h"

#define CLAUSE_BACK 180 /* bytes of context searched for a label */

typedef struct {
    uint32_t s, e;
    const char *path;
} fspan;

typedef struct {
    js_doc *d;
    fspan *facts; /* numeric facts by start */
    size_t nfacts;
    pcre2_match_data *md; /* for the mention pattern; d->md serves the rest */
    bool all;             /* the mention list is wanted: every label */
} mctx;

static int fspan_cmp(const void *x, const void *y)
{
    const fspan *a = x, *b = y;
    return (a->s > b->s) - (a->s < b->s);
}

static void index_facts(mctx *c)
{
    const jsp_fact *f = c->d->facts.items;
    c->facts = jsp_alloc(&c->d->arena, (c->d->facts.n + 1) * sizeof *c->facts);
    if (!c->facts)
        return;
    for (size_t i = 0; i < c->d->facts.n; i++)
        if (f[i].kind != JSP_F_STR && f[i].e > f[i].s)
            c->facts[c->nfacts++] = (fspan){f[i].s, f[i].e, f[i].path};
    qsort(c->facts, c->nfacts, sizeof *c->facts, fspan_cmp);
}

/* The path of a fact read from inside [s, e), NULL if none. */
static const char *fact_in(const mctx *c, uint32_t s, uint32_t e)
{
    size_t lo = 0, hi = c->nfacts;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->facts[mid].s < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < c->nfacts && c->facts[lo].s < e; lo++)
        if (c->facts[lo].e <= e)
            return c->facts[lo].path;
    return NULL;
}

/* The offset after the character at `at` (an empty match moves on by one). */
static uint32_t next_char_at(const char *t, size_t at)
{
    do
        at++;
    while (((unsigned char)t[at] & 0xC0) == 0x80);
    return (uint32_t)at;
}

/* The leftmost mention in [at, e) into md: at each place "mention_start"
 * finds (searched by its lead, mention_start_first), "mention" is tried
 * anchored. False when there is none. */
static bool next_mention(js_doc *d, pcre2_match_data *md, uint32_t at, uint32_t e)
{
    const jsp_patterns *p = &d->ctx->pat;
    const char *t = d->norm.text;
    for (; at < e; at = next_char_at(t, at)) {
        if (!jsp_lead_find(p, &p->start, t, e, at, 0, d->md))
            return false;
        at = (uint32_t)pcre2_get_ovector_pointer(d->md)[0];
        if (jsp_match(p, p->mention_anchored, t, e, at, 0, md) > 0)
            return true;
    }
    return false;
}

static void push(mctx *c, const jsp_mention *m)
{
    c->d->mentions.size = sizeof *m;
    jsp_mention *slot = jsp_vec_push(&c->d->mentions);
    if (slot)
        *slot = *m;
}

/* MARK: labels and qualifiers --------------------------------------------- */

/* Whether the eight bytes at p hold ; \n or 0x82 (。's last byte): a
 * word at a time, each byte equal to one of them turning to zero. */
static bool delim_in8(const char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    return jsp_word_has(w, ';') | jsp_word_has(w, '\n') | jsp_word_has(w, 0x82);
}

/* Start of the clause holding `at`: after the last 。 ; or blank line. */
static uint32_t clause_start(const js_doc *d, uint32_t at, uint32_t floor)
{
    const char *t = d->norm.text;
    uint32_t lo = at > CLAUSE_BACK ? at - CLAUSE_BACK : 0;
    if (lo < floor)
        lo = floor;
    for (uint32_t i = at; i > lo;) {
        if (i - lo >= 8 && !delim_in8(t + i - 8)) {
            i -= 8;
            continue;
        }
        char c = t[i - 1];
        if (c == ';' || (c == '\n' && i >= 2 && t[i - 2] == '\n'))
            return i;
        if (c == '\x82' && i >= 3 && !memcmp(t + i - 3, "。", 3)) /* 。 is E3 80 82 */
            return i;
        i--;
    }
    while (lo < at && ((unsigned char)t[lo] & 0xC0) == 0x80)
        lo++; /* never start inside a character */
    return lo;
}

static const char *prose_label(js_doc *d, uint32_t from, uint32_t to, jsp_mention *m)
{
    const jsp_patterns *p = &d->ctx->pat;
    const char *t = d->norm.text;
    size_t best_s = 0, best_e = 0;
    for (size_t at = from; at < to;) {
        if (!jsp_lead_find(p, &p->concept, t, to, at, 0, d->md))
            break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(d->md);
        best_s = ov[0];
        best_e = ov[1];
        at = ov[1] > ov[0] ? ov[1] : next_char_at(t, ov[0]);
    }
    if (best_e <= best_s)
        return NULL;
    char *k = jsp_squeeze(&d->arena, t + best_s, best_e - best_s);
    const char *c = k ? jsp_vocab_get(p->vocab, "concept", k) : NULL;
    m->term = k;
    m->label_e = (uint32_t)best_e;
    return c ? c : k;
}

static const char *prose_qualifier(js_doc *d, uint32_t from, uint32_t to)
{
    const jsp_patterns *p = &d->ctx->pat;
    for (size_t i = 0; i < p->nquals; i++) {
        const jsp_regex *r = &p->regex[p->quals[i]];
        if (jsp_lead_find(p, &r->lead, d->norm.text, to, from, 0, d->md))
            return r->name + 10;
    }
    return NULL;
}

/* A table figure's label: the nearest text cell before it in the table. */
static const char *table_label(js_doc *d, size_t li, int ci)
{
    for (int back = 0; back < 8 && li < d->nlines; back++, li--) {
        const jsp_line *ln = &d->lines[li];
        if (!ln->table)
            break;
        for (int k = (back ? ln->ncells : ci) - 1; k >= 0; k--) {
            const jsp_cell *c = &ln->cells[k];
            js_dec v;
            if (jsp_cell_tok(d->norm.text, c, &v) == JSP_TOK_TEXT)
                return jsp_label_key(&d->ctx->pat, &d->arena, d->md, d->norm.text + c->s,
                                     c->e - c->s);
        }
        if (!li)
            break;
    }
    return NULL;
}

/* MARK: scanning ----------------------------------------------------------- */

/* Prose text [s, e): running text, figures need their unit. */
static void scan_prose(mctx *c, uint32_t s, uint32_t e)
{
    js_doc *d = c->d;
    const jsp_patterns *p = &d->ctx->pat;
    pcre2_match_data *md = c->md;
    uint32_t prev_end = s;
    for (uint32_t at = s; at < e;) {
        if (!next_mention(d, md, at, e))
            break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        at = ov[1] > ov[0] ? (uint32_t)ov[1] : next_char_at(d->norm.text, ov[0]);
        jsp_mention m;
        if (!jsp_num_eval(p, &d->arena, d->norm.text, md, 0, &m) || m.bare)
            continue;
        uint32_t cl = clause_start(d, m.s, s);
        if (m.kind == JSP_M_AMOUNT || m.kind == JSP_M_PERCENT || m.kind == JSP_M_COUNT) {
            m.qualifier =
                m.sign != 2 ? "变动" : prose_qualifier(d, prev_end > cl ? prev_end : cl, m.s);
            if (c->all || jsp_check_reads_label(&m)) /* the label search is the costly part */
                m.label = prose_label(d, cl, m.s, &m);
        }
        m.path = fact_in(c, m.s, m.e);
        push(c, &m);
        prev_end = m.e;
    }
}

static bool whole_code(js_doc *d, const jsp_cell *cl)
{
    const pcre2_code *f = jsp_regex_get(&d->ctx->pat, "func_code");
    const pcre2_code *e = jsp_regex_get(&d->ctx->pat, "econ_code");
    const char *t = d->norm.text + cl->s;
    size_t n = cl->e - cl->s;
    return jsp_match(&d->ctx->pat, f, t, n, 0, 0, d->md) > 0 ||
           jsp_match(&d->ctx->pat, e, t, n, 0, 0, d->md) > 0;
}

/* A bare figure is an amount when a fact was read from it, it has a
 * fraction, or it is a zero; other bare integers (栏次, 行次) are not. */
static bool table_figure(const mctx *c, const jsp_mention *m, const jsp_cell *cl)
{
    if (m->s != cl->s || m->e != cl->e)
        return false;
    return fact_in(c, m->s, m->e) || memchr(c->d->norm.text + m->s, '.', m->e - m->s) ||
           jsp_dec_is_zero(m->value);
}

static void scan_cell(mctx *c, size_t li, int ci)
{
    pcre2_match_data *md = c->md;
    js_doc *d = c->d;
    const jsp_line *ln = &d->lines[li];
    const jsp_cell *cl = &ln->cells[ci];
    jsp_mention m;
    if (!fact_in(c, cl->s, cl->e) && whole_code(d, cl)) {
        memset(&m, 0, sizeof m);
        m.s = cl->s;
        m.e = cl->e;
        m.kind = JSP_M_CODE;
        m.sign = 2;
        char *sq = jsp_squeeze(&d->arena, d->norm.text + cl->s, cl->e - cl->s);
        snprintf(m.str, sizeof m.str, "%s", sq ? sq : "");
        push(c, &m);
        return;
    }
    for (uint32_t at = cl->s; at < cl->e;) {
        if (!next_mention(d, md, at, cl->e))
            break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        at = ov[1] > ov[0] ? (uint32_t)ov[1] : next_char_at(d->norm.text, ov[0]);
        if (!jsp_num_eval(&d->ctx->pat, &d->arena, d->norm.text, md, ln->shift, &m))
            continue;
        if (m.bare && !table_figure(c, &m, cl))
            continue;
        m.shift = ln->shift;
        m.path = fact_in(c, m.s, m.e);
        if (m.kind == JSP_M_AMOUNT)
            m.label = table_label(d, li, ci);
        if (m.path && strstr(m.path, ".budget."))
            m.qualifier = "预算";
        else if (m.path && strstr(m.path, ".actual."))
            m.qualifier = "决算";
        push(c, &m);
    }
}

static void scan_table_line(mctx *c, size_t li)
{
    for (int ci = 0; ci < c->d->lines[li].ncells; ci++)
        scan_cell(c, li, ci);
}

/* MARK: offsets in the original input ------------------------------------- */

static void locate(js_doc *d, const char *in, size_t inlen)
{
    jsp_mention *m = d->mentions.items;
    jsp_cpcur cur = {0, 0};
    for (size_t i = 0; i < d->mentions.n; i++) {
        jsp_orig_span(&d->norm, in, inlen, m[i].s, m[i].e, &m[i].ob, &m[i].oe);
        m[i].cs = jsp_cp_at(in, &cur, m[i].ob);
        m[i].ce = jsp_cp_at(in, &cur, m[i].oe);
        m[i].text = jsp_strndup(&d->arena, in + m[i].ob, m[i].oe - m[i].ob);
    }
}

/* The byte range whose mentions are wanted. With --mentions (all): the
 * whole text. Otherwise only the prose checks read mentions: those of
 * 第三部分 and, since a check looks back through its sentence, those after
 * the last 。 before it. Prose blocks are scanned whole (a block's mentions
 * do not depend on other blocks), so the ones kept are the same either way. */
static bool wanted(const js_doc *d, bool all, uint32_t *lo, uint32_t *hi)
{
    *lo = 0;
    *hi = (uint32_t)d->norm.len;
    if (all)
        return true;
    if (d->prose_start >= d->nlines)
        return false;
    const char *t = d->norm.text;
    uint32_t from = d->lines[d->prose_start].s;
    if (d->prose_end < d->nlines)
        *hi = d->lines[d->prose_end].s;
    for (*lo = from; *lo >= 3 && memcmp(t + *lo - 3, "。", 3); (*lo)--)
        ;
    return true;
}

void jsp_mentions(js_doc *d, const char *in, size_t inlen, bool all)
{
    uint32_t lo, hi;
    if (!wanted(d, all, &lo, &hi))
        return;
    mctx c = {d, NULL, 0, pcre2_match_data_create_from_pattern(d->ctx->pat.mention, NULL), all};
    index_facts(&c);
    if (!c.facts || !c.md) {
        pcre2_match_data_free(c.md);
        jsp_warn(d, 0, 0, "out of memory: mentions left out");
        return;
    }
    for (size_t i = 0; i < d->nlines && d->lines[i].s < hi;) {
        if (d->lines[i].table) {
            if (all)
                scan_table_line(&c, i);
            i++;
            continue;
        }
        size_t j = i;
        while (j < d->nlines && !d->lines[j].table)
            j++;
        uint32_t e = j < d->nlines ? d->lines[j].s : (uint32_t)d->norm.len;
        if (e > lo)
            scan_prose(&c, d->lines[i].s, e);
        i = j;
    }
    pcre2_match_data_free(c.md);
    if (all)
        locate(d, in, inlen);
}
