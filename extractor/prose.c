/* SPDX-License-Identifier: MIT
 * prose.c — stage 5: the narrative block from 第三部分 (情况说明). Each rule of
 * patterns/narrative.pat names a record key and a regex whose group "v" is
 * the figure (group "u" its unit, group "neg" a falling direction); the
 * first match inside 第三部分 wins, so the appendix never overrides it.
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

/* kind "change": the percentage in group p (negated by pneg) → KEY_pct. */
static void put_pct(js_doc *d, const jsp_rule *r, pcre2_match_data *md, const char *path)
{
    size_t ps, pe, ns, ne;
    js_dec v;
    if (!jsp_group(r->re, md, "p", &ps, &pe) || !jsp_dec_parse(d->norm.text + ps, pe - ps, &v))
        return;
    if (jsp_group(r->re, md, "pneg", &ns, &ne))
        v.v = -v.v;
    if (jsp_group(r->re, md, "pneg", &ns, &ne) && ns < ps)
        ps = ns; /* the span holds the direction word and the % sign: it re-reads signed */
    if (pe < d->norm.len && d->norm.text[pe] == '%')
        pe++;
    if (!jsp_dec_is_zero(v))
        jsp_fact_set(d, jsp_printf(&d->arena, "%s_pct", path), JSP_F_NUM, v, NULL, (uint32_t)ps,
                     (uint32_t)pe, rule_name(d, r));
}

/* Apply one rule over the prose text; true when it set its key. */
static bool apply_rule(js_doc *d, const jsp_rule *r, size_t from, size_t to, pcre2_match_data *md)
{
    const char *t = d->norm.text;
    if (jsp_match(&d->ctx->pat, r->re, t, to, from, 0, md) <= 0)
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
        put_pct(d, r, md, path);
    if (jsp_dec_is_zero(v) || (count && v.sc))
        return true; /* zero is left out, but the key is settled */
    jsp_fact_set(d, path, count ? JSP_F_INT : JSP_F_NUM, v, NULL, (uint32_t)vs, (uint32_t)ve,
                 rule_name(d, r));
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
    char done[64][64];
    int ndone = 0;
    for (size_t i = 0; i < p->nrules; i++) {
        const jsp_rule *r = &p->rules[i];
        bool seen = false;
        for (int k = 0; k < ndone && !seen; k++)
            seen = !strcmp(done[k], r->key);
        if (seen || !apply_rule(d, r, from, to, md))
            continue;
        if (ndone < 64)
            jsp_snprintf(done[ndone++], sizeof done[0], "%s", r->key);
        d->is_report = true;
    }
}
