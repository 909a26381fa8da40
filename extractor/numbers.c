/* SPDX-License-Identifier: MIT
 * numbers.c — the number grammar's evaluator. patterns/numbers.pat says what
 * a mention looks like (named alternatives by kind); this file turns a
 * match into a value, exactly (js_dec, never binary floating point):
 * Arabic figures with separators, Chinese numerals (小写 and 大写), units
 * converted to 万元, direction words as signs, counts with classifiers,
 * dates as ISO text, classification codes as text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "js_int.h"

#define CN_LIMIT 1000000000000000LL /* 10^15: larger Chinese numerals are refused */

/* MARK: Chinese numerals --------------------------------------------------- */

/* Next code point of s[*i..n) as its UTF-8 text in buf (NUL-terminated). */
static bool next_char(const char *s, size_t n, size_t *i, char buf[8])
{
    if (*i >= n)
        return false;
    unsigned char c = (unsigned char)s[*i];
    size_t l = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (*i + l > n)
        l = n - *i;
    memcpy(buf, s + *i, l);
    buf[l] = 0;
    *i += l;
    return true;
}

static int64_t pow10i(int p)
{
    int64_t r = 1;
    while (p-- > 0)
        r *= 10;
    return r;
}

/* 二〇一八: digits only, read one by one. */
static bool cn_digit_string(const jsp_vocab *v, const char *s, size_t n, int64_t *out)
{
    char ch[8];
    size_t i = 0;
    int64_t r = 0;
    while (next_char(s, n, &i, ch)) {
        const char *d = jsp_vocab_get(v, "cn_digit", ch);
        if (!d || r > CN_LIMIT / 10)
            return false;
        r = r * 10 + atoi(d);
    }
    *out = r;
    return true;
}

bool jsp_cn_numeral(const jsp_vocab *v, const char *s, size_t n, js_dec *out)
{
    char ch[8];
    size_t i = 0;
    int64_t total = 0, section = 0, digit = -1;
    bool mult = false;
    int nch = 0;
    while (next_char(s, n, &i, ch)) {
        nch++;
        const char *d = jsp_vocab_get(v, "cn_digit", ch), *m = jsp_vocab_get(v, "cn_mult", ch);
        if (d) {
            digit = atoi(d);
            continue;
        }
        if (!m)
            return false;
        int p = atoi(m);
        mult = true;
        int64_t lead = digit < 0 ? (p < 4 ? 1 : 0) : digit; /* 十五: a bare 十 is 1×10 */
        if (section > CN_LIMIT || total > CN_LIMIT)
            return false;
        if (p < 4)
            section += lead * pow10i(p);
        else if (p == 4)
            total += (section + lead) * 10000, section = 0;
        else
            total = (total + section + lead) * pow10i(p), section = 0;
        digit = -1;
    }
    int64_t r;
    if (!nch)
        return false;
    if (!mult && nch > 1) {
        if (!cn_digit_string(v, s, n, &r))
            return false;
    } else {
        r = total + section + (digit > 0 ? digit : 0);
    }
    if (r > CN_LIMIT)
        return false;
    out->v = r;
    out->sc = 0;
    return true;
}

/* MARK: groups and pieces -------------------------------------------------- */

/* Span of group number g of the last match; false when unset. */
static bool group_at(pcre2_match_data *md, int g, size_t *s, size_t *e)
{
    if (g <= 0 || (uint32_t)g >= pcre2_get_ovector_count(md))
        return false;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    if (ov[2 * g] == PCRE2_UNSET)
        return false;
    *s = ov[2 * g];
    *e = ov[2 * g + 1];
    return true;
}

/* The mention pattern's groups by number, looked up once (jsp_num_init):
 * PCRE2's lookup by name costs a search per call. */
static const char *const group_names[JSP_G_COUNT] = {
    "date", "mday", "flat", "fig", "pct", "amt", "cnt", "code", "bare", "y",  "mo",  "mo2",
    "dd",   "dd2",  "dir",  "fn",  "pu",  "au",  "cm",  "cl",   "pn2",  "pc", "an",  "ac",
    "au2",  "cc",   "cl2"};

void jsp_num_init(jsp_patterns *p)
{
    for (int i = 0; i < JSP_G_COUNT; i++)
        p->group[i] = pcre2_substring_number_from_name(p->mention, (PCRE2_SPTR)group_names[i]);
}

bool jsp_group(const pcre2_code *re, pcre2_match_data *md, const char *name, size_t *s, size_t *e)
{
    return group_at(md, pcre2_substring_number_from_name(re, (PCRE2_SPTR)name), s, e);
}

static bool grp(const jsp_patterns *p, pcre2_match_data *md, int id, size_t *s, size_t *e)
{
    return group_at(md, p->group[id], s, e);
}

/* An Arabic figure: ',' and ' ' dropped, '。' read as the point. */
static bool arabic(const char *t, size_t n, js_dec *v)
{
    char buf[64];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (t[i] == ' ' || t[i] == ',')
            continue;
        if (!strncmp(t + i, "。", 3)) {
            buf[k++] = '.';
            i += 2;
        } else {
            buf[k++] = t[i];
        }
        if (k >= sizeof buf - 1)
            return false;
    }
    return jsp_dec_parse(buf, k, v) && v->sc <= 6;
}

/* The figure of an alternative: Arabic group `an`, else Chinese group `cn`. */
static bool figure(const jsp_patterns *p, const char *t, pcre2_match_data *md, int an, int cn,
                   js_dec *v)
{
    size_t s, e;
    if (an >= 0 && grp(p, md, an, &s, &e))
        return arabic(t + s, e - s, v);
    if (cn >= 0 && grp(p, md, cn, &s, &e))
        return jsp_cn_numeral(p->vocab, t + s, e - s, v);
    return false;
}

/* Sign m by the direction word in group g (增加 +1, 减少 -1, 持平 0; sign 2
 * when there is none) and negate its value for a falling one. */
static void set_sign(const jsp_patterns *p, jsp_arena *a, const char *t, pcre2_match_data *md,
                     int g, jsp_mention *m)
{
    size_t s, e;
    const char *d = grp(p, md, g, &s, &e)
                        ? jsp_vocab_get(p->vocab, "direction", jsp_squeeze(a, t + s, e - s))
                        : NULL;
    m->sign = d ? (int8_t)atoi(d) : 2;
    if (m->sign == -1)
        m->value.v = -m->value.v;
}

/* A value with no fraction left, as a count needs. */
static bool integral(js_dec *v)
{
    while (v->sc > 0 && v->v % 10 == 0) {
        v->v /= 10;
        v->sc--;
    }
    return v->sc == 0;
}

/* MARK: one alternative each ---------------------------------------------- */

static bool eval_date(const jsp_patterns *p, const char *t, pcre2_match_data *md, jsp_mention *m)
{
    size_t s, e;
    int y = 0, mo = 0, dd = 0;
    if (grp(p, md, JSP_G_Y, &s, &e))
        y = atoi(t + s);
    if (grp(p, md, JSP_G_MO, &s, &e) || grp(p, md, JSP_G_MO2, &s, &e))
        mo = atoi(t + s);
    if (grp(p, md, JSP_G_DD, &s, &e) || grp(p, md, JSP_G_DD2, &s, &e))
        dd = atoi(t + s);
    m->kind = JSP_M_DATE;
    if (!y)
        jsp_snprintf(m->str, sizeof m->str, "--%02d-%02d", mo, dd);
    else if (!mo)
        jsp_snprintf(m->str, sizeof m->str, "%04d", y);
    else if (!dd)
        jsp_snprintf(m->str, sizeof m->str, "%04d-%02d", y, mo);
    else
        jsp_snprintf(m->str, sizeof m->str, "%04d-%02d-%02d", y, mo, dd);
    return true;
}

/* Where one alternative keeps its parts: the Arabic figure, the Chinese
 * one, the direction word and the unit or classifier (-1: none). The
 * figure-led alternative ("fig") serves percentages, amounts and counts. */
typedef struct {
    int num, cn, dir, unit;
} parts;

static bool eval_pct(const jsp_patterns *p, jsp_arena *a, const char *t, pcre2_match_data *md,
                     const parts *g, jsp_mention *m)
{
    size_t s, e;
    m->kind = JSP_M_PERCENT;
    m->unit = "%";
    if (grp(p, md, JSP_G_FLAT, &s, &e)) {
        m->sign = 0;
        return true;
    }
    if (!figure(p, t, md, g->num, g->cn, &m->value))
        return false;
    if (grp(p, md, JSP_G_PU, &s, &e) && e - s > 1)
        m->unit = "个百分点";
    set_sign(p, a, t, md, g->dir, m);
    return true;
}

static bool eval_amount(const jsp_patterns *p, jsp_arena *a, const char *t, pcre2_match_data *md,
                        const parts *g, jsp_mention *m)
{
    size_t s, e;
    js_dec v;
    if (!figure(p, t, md, g->num, g->cn, &v) || !grp(p, md, g->unit, &s, &e))
        return false;
    char *u = jsp_squeeze(a, t + s, e - s);
    const char *shift = u ? jsp_vocab_get(p->vocab, "unit", u) : NULL;
    if (!shift || !jsp_dec_shift_checked(v, atoi(shift), &m->value))
        return false;
    m->kind = JSP_M_AMOUNT;
    m->unit = "万元";
    m->unit_text = u;
    set_sign(p, a, t, md, g->dir, m);
    return true;
}

static bool eval_count(const jsp_patterns *p, jsp_arena *a, const char *t, pcre2_match_data *md,
                       const parts *g, jsp_mention *m)
{
    size_t s, e;
    js_dec v;
    if (!figure(p, t, md, g->num, g->cn, &v))
        return false;
    if (grp(p, md, JSP_G_CM, &s, &e)) { /* 3.5万人: the multiplier from cn_mult */
        const char *mult = jsp_vocab_get(p->vocab, "cn_mult", jsp_squeeze(a, t + s, e - s));
        if (!mult || !jsp_dec_shift_checked(v, atoi(mult), &v))
            return false;
    }
    if (!integral(&v))
        return false;
    if (!grp(p, md, g->unit, &s, &e))
        return false;
    const char *cl = jsp_vocab_get(p->vocab, "classifier", jsp_squeeze(a, t + s, e - s));
    m->kind = JSP_M_COUNT;
    m->value = v;
    m->unit = cl ? cl : jsp_strndup(a, t + s, e - s);
    set_sign(p, a, t, md, g->dir, m);
    return true;
}

/* The figure-led alternative: its suffix names the kind. */
static bool eval_fig(const jsp_patterns *p, jsp_arena *a, const char *t, pcre2_match_data *md,
                     jsp_mention *m)
{
    size_t s, e;
    if (grp(p, md, JSP_G_PU, &s, &e))
        return eval_pct(p, a, t, md, &(parts){JSP_G_FN, -1, JSP_G_DIR, JSP_G_PU}, m);
    if (grp(p, md, JSP_G_AU, &s, &e))
        return eval_amount(p, a, t, md, &(parts){JSP_G_FN, -1, JSP_G_DIR, JSP_G_AU}, m);
    return eval_count(p, a, t, md, &(parts){JSP_G_FN, -1, JSP_G_DIR, JSP_G_CL}, m);
}

static bool eval_code(const char *t, size_t s, size_t e, jsp_mention *m)
{
    if (e - s >= sizeof m->str)
        return false;
    m->kind = JSP_M_CODE;
    memcpy(m->str, t + s, e - s);
    m->str[e - s] = 0;
    return true;
}

static bool eval_bare(const char *t, size_t s, size_t e, int shift, jsp_mention *m)
{
    js_dec v;
    if (!arabic(t + s, e - s, &v) || !jsp_dec_shift_checked(v, shift, &m->value))
        return false;
    m->kind = JSP_M_AMOUNT;
    m->unit = "万元";
    m->bare = true;
    return true;
}

bool jsp_num_eval(const jsp_patterns *p, jsp_arena *a, const char *text, pcre2_match_data *md,
                  int shift, jsp_mention *m)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    size_t s, e;
    memset(m, 0, sizeof *m);
    m->s = (uint32_t)ov[0];
    m->e = (uint32_t)ov[1];
    m->sign = 2;
    if (grp(p, md, JSP_G_DATE, &s, &e) || grp(p, md, JSP_G_MDAY, &s, &e))
        return eval_date(p, text, md, m);
    if (grp(p, md, JSP_G_FIG, &s, &e))
        return eval_fig(p, a, text, md, m);
    if (grp(p, md, JSP_G_PCT, &s, &e) || grp(p, md, JSP_G_FLAT, &s, &e))
        return eval_pct(p, a, text, md, &(parts){JSP_G_PN2, JSP_G_PC, JSP_G_DIR, JSP_G_PU}, m);
    if (grp(p, md, JSP_G_AMT, &s, &e))
        return eval_amount(p, a, text, md, &(parts){JSP_G_AN, JSP_G_AC, JSP_G_DIR, JSP_G_AU2}, m);
    if (grp(p, md, JSP_G_CNT, &s, &e))
        return eval_count(p, a, text, md, &(parts){-1, JSP_G_CC, JSP_G_DIR, JSP_G_CL2}, m);
    if (grp(p, md, JSP_G_CODE, &s, &e))
        return eval_code(text, s, e, m);
    if (grp(p, md, JSP_G_BARE, &s, &e))
        return eval_bare(text, s, e, shift, m);
    return false;
}

bool jsp_num_parse(const jsp_patterns *p, jsp_arena *a, const char *text, size_t n, int shift,
                   jsp_mention *m)
{
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(p->mention, NULL);
    if (!md)
        return false;
    size_t from = 0;
    while (from < n && (text[from] == ' ' || text[from] == '\t' || text[from] == '\n'))
        from++; /* a slice may start with the space a direction word left */
    bool ok = jsp_match(p, p->mention_anchored, text, n, from, 0, md) > 0 &&
              pcre2_get_ovector_pointer(md)[1] == n && jsp_num_eval(p, a, text, md, shift, m);
    pcre2_match_data_free(md);
    return ok;
}
