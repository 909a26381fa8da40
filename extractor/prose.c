/* SPDX-License-Identifier: MIT
 * prose.c — stage 5: the narrative block from 第三部分 (情况说明). Each rule of
 * patterns/narrative.pat names a record key and a regex whose group "v" is
 * the figure (group "u" its unit, group "neg" a falling direction); the
 * first match inside 第三部分 wins, so the appendix never overrides it.
 * The rules read the prose with its wraps undone: a line break (and the
 * blanks around it) between two ideographs is a line printed full, not a
 * break in the text (公务用车运 / 行维护费); spans are mapped back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "js_int.h"

/* Unit shift to 万元 of a matched unit text (万元 when absent). */
static int unit_of(js_doc *d, const char *u, size_t n)
{
    if (!n)
        return 0;
    char *k = jsp_squeeze(&d->arena, u, n);
    const char *p = k ? jsp_vocab_get(d->ctx->pat.vocab, "unit", k) : NULL;
    return p ? atoi(p) : 0;
}

static const char *rule_name(js_doc *d, const jsp_rule *r)
{
    return jsp_printf(&d->arena, "narrative.pat:%d", r->line);
}

/* The prose with its wraps undone: t[0..n) and, for each byte, its offset
 * in the normalised text (o[n] is the end). Arena memory. */
typedef struct {
    char *t;
    uint32_t *o;
    size_t n;
} ptext;

static bool ideograph_at(const char *t, size_t i, size_t n)
{
    int32_t cp = i + 3 <= n ? jsp_utf8_cjk3((const unsigned char *)t + i, 3) : -1;
    return cp >= 0x4E00 && cp <= 0x9FFF;
}

static bool ideograph_before(const char *t, size_t i, size_t from)
{
    return i >= from + 3 && ideograph_at(t, i - 3, i);
}

/* Append t[i, e) to the view. */
static void take(ptext *p, const char *t, size_t i, size_t e)
{
    memcpy(p->t + p->n, t + i, e - i);
    for (size_t k = i; k < e; k++)
        p->o[p->n++] = (uint32_t)k;
}

static bool unwrap(js_doc *d, size_t from, size_t to, ptext *p)
{
    const char *t = d->norm.text;
    p->t = jsp_alloc_raw(&d->arena, to - from + 1);
    p->o = jsp_alloc_raw(&d->arena, (to - from + 1) * sizeof *p->o);
    p->n = 0;
    if (!p->t || !p->o)
        return false;
    for (size_t i = from; i < to;) {
        const char *nl = memchr(t + i, '\n', to - i);
        size_t end = nl ? (size_t)(nl - t) : to, last = end, next = end + 1;
        while (last > i && (t[last - 1] == ' ' || t[last - 1] == '\t'))
            last--;
        while (next < to && (t[next] == ' ' || t[next] == '\t'))
            next++;
        if (nl && ideograph_before(t, last, from) && ideograph_at(t, next, to)) {
            take(p, t, i, last); /* a wrap: the blanks and the line break go */
            i = next;
            continue;
        }
        take(p, t, i, nl ? end + 1 : end);
        i = end + 1;
    }
    p->o[p->n] = (uint32_t)to;
    p->t[p->n] = 0;
    return true;
}

/* The span [s, e) of the prose view in the normalised text. */
static void span_of(const ptext *p, size_t s, size_t e, uint32_t *ns, uint32_t *ne)
{
    *ns = p->o[s];
    *ne = e > s ? p->o[e - 1] + 1 : p->o[s]; /* each byte has its own offset */
}

/* kind "change": the percentage in group p (negated by pneg) → KEY_pct. */
static void put_pct(js_doc *d, const ptext *pt, const jsp_rule *r, pcre2_match_data *md,
                    const char *path)
{
    size_t ps, pe, ns, ne;
    js_dec v;
    if (!jsp_group(r->re, md, "p", &ps, &pe) || !jsp_dec_parse(pt->t + ps, pe - ps, &v))
        return;
    if (jsp_group(r->re, md, "pneg", &ns, &ne))
        v.v = -v.v;
    if (jsp_group(r->re, md, "pneg", &ns, &ne) && ns < ps)
        ps = ns; /* the span holds the direction word and the % sign: it re-reads signed */
    if (pe < pt->n && pt->t[pe] == '%')
        pe++;
    uint32_t s, e;
    span_of(pt, ps, pe, &s, &e);
    if (!jsp_dec_is_zero(v))
        jsp_fact_set(d, jsp_printf(&d->arena, "%s_pct", path), JSP_F_NUM, v, NULL, s, e,
                     rule_name(d, r));
}

/* Apply one rule over the prose text; true when it set its key. */
static bool apply_rule(js_doc *d, const ptext *pt, const jsp_rule *r, pcre2_match_data *md)
{
    const char *t = pt->t;
    if (jsp_match(&d->ctx->pat, r->re, t, pt->n, 0, 0, md) <= 0)
        return false;
    size_t vs, ve, us = 0, ue = 0, ns, ne;
    if (!jsp_group(r->re, md, "v", &vs, &ve))
        return false;
    char *txt = jsp_squeeze(&d->arena, t + vs, ve - vs);
    js_dec v;
    if (!txt || !jsp_dec_parse(txt, strlen(txt), &v))
        return false;
    if (jsp_group(r->re, md, "u", &us, &ue))
        v = jsp_dec_shift(v, unit_of(d, t + us, ue - us));
    if (jsp_group(r->re, md, "neg", &ns, &ne)) {
        v.v = -v.v;
        vs = ns < vs ? ns : vs; /* the span re-reads signed: 减少 212 万元 */
    }
    if (ue > ve)
        ve = ue;
    char path[96];
    jsp_snprintf(path, sizeof path, "narrative.%s", r->key);
    bool count = !strcmp(r->kind, "count");
    if (!strcmp(r->kind, "change"))
        put_pct(d, pt, r, md, path);
    if (jsp_dec_is_zero(v) || (count && v.sc))
        return true; /* zero is left out, but the key is settled */
    uint32_t s, e;
    span_of(pt, vs, ve, &s, &e);
    jsp_fact_set(d, path, count ? JSP_F_INT : JSP_F_NUM, v, NULL, s, e, rule_name(d, r));
    return true;
}

void jsp_prose(js_doc *d)
{
    if (d->prose_start >= d->nlines)
        return;
    size_t from = d->lines[d->prose_start].s;
    size_t to = d->prose_end < d->nlines ? d->lines[d->prose_end].s : d->norm.len;
    const jsp_patterns *p = &d->ctx->pat;
    pcre2_match_data *md = d->md;
    ptext pt;
    if (!unwrap(d, from, to, &pt))
        return;
    char done[64][64];
    int ndone = 0;
    for (size_t i = 0; i < p->nrules; i++) {
        const jsp_rule *r = &p->rules[i];
        bool seen = false;
        for (int k = 0; k < ndone && !seen; k++)
            seen = !strcmp(done[k], r->key);
        if (seen || !apply_rule(d, &pt, r, md))
            continue;
        if (ndone < 64)
            jsp_snprintf(done[ndone++], sizeof done[0], "%s", r->key);
        d->is_report = true;
    }
}
