/* SPDX-License-Identifier: MIT
 * dec.c — exact decimal amounts (value = v / 10^sc). Amounts are parsed,
 * converted between 元/万元/亿元, summed and compared without binary floating
 * point; only emit.c turns them into JSON numbers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "js_int.h"

#define JSP_DEC_MAXSC 12
#define JSP_DEC_LIMIT 900000000000000000LL /* stay clear of INT64_MAX */

static const int64_t pow10_tab[] = {
    1LL,        10LL,        100LL,        1000LL,        10000LL,        100000LL,       1000000LL,
    10000000LL, 100000000LL, 1000000000LL, 10000000000LL, 100000000000LL, 1000000000000LL};

bool jsp_dec_parse(const char *s, size_t n, js_dec *out)
{
    size_t i = 0;
    bool neg = false, digits = false, dot = false;
    int64_t v = 0;
    int sc = 0, group = -1; /* digits since the last ',' (-1: no ',' yet) */
    if (i < n && (s[i] == '-' || s[i] == '+')) {
        neg = s[i] == '-';
        i++;
    }
    for (; i < n; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            if (v > JSP_DEC_LIMIT / 10)
                return false;
            if (dot && sc >= JSP_DEC_MAXSC)
                return false;
            v = v * 10 + (c - '0');
            digits = true;
            if (dot)
                sc++;
            else if (group >= 0)
                group++;
        } else if (c == ',' && !dot && digits) {
            if (group >= 0 && group != 3)
                return false;
            group = 0;
        } else if (c == '.' && !dot && digits) {
            if (group >= 0 && group != 3)
                return false;
            dot = true;
        } else {
            return false;
        }
    }
    if (!digits || (dot && sc == 0) || (!dot && group >= 0 && group != 3))
        return false;
    out->v = neg ? -v : v;
    out->sc = (int8_t)sc;
    return true;
}

static js_dec rescale(js_dec a, int sc)
{
    while (a.sc < sc && a.sc < JSP_DEC_MAXSC) {
        a.v *= 10;
        a.sc++;
    }
    return a;
}

js_dec jsp_dec_add(js_dec a, js_dec b)
{
    int sc = a.sc > b.sc ? a.sc : b.sc;
    a = rescale(a, sc);
    b = rescale(b, sc);
    js_dec r = {a.v + b.v, (int8_t)sc};
    return r;
}

js_dec jsp_dec_sub(js_dec a, js_dec b)
{
    b.v = -b.v;
    return jsp_dec_add(a, b);
}

int jsp_dec_cmp(js_dec a, js_dec b)
{
    int sc = a.sc > b.sc ? a.sc : b.sc;
    a = rescale(a, sc);
    b = rescale(b, sc);
    return (a.v > b.v) - (a.v < b.v);
}

js_dec jsp_dec_shift(js_dec a, int p)
{
    if (p < 0) {
        int sc = a.sc - p;
        while (sc > JSP_DEC_MAXSC && a.v % 10 == 0 && a.sc > 0) {
            a.v /= 10;
            a.sc--;
            sc--;
        }
        a.sc = (int8_t)(sc > JSP_DEC_MAXSC ? JSP_DEC_MAXSC : sc);
        return a;
    }
    while (p > 0 && a.sc > 0) {
        a.sc--;
        p--;
    }
    if (p > 0 && p <= JSP_DEC_MAXSC)
        a.v *= pow10_tab[p];
    return a;
}

bool jsp_dec_shift_checked(js_dec a, int p, js_dec *out)
{
    int64_t m = a.v < 0 ? -a.v : a.v;
    int up = p - a.sc;                     /* net power applied to the integer v (when p > sc) */
    int excess = a.sc - p - JSP_DEC_MAXSC; /* trailing zeros a shift down must drop */
    if (excess > 0 && (excess > JSP_DEC_MAXSC || m % pow10_tab[excess] != 0))
        return false;
    if (up > 0 && (up > JSP_DEC_MAXSC || m > JSP_DEC_LIMIT / pow10_tab[up]))
        return false;
    *out = jsp_dec_shift(a, p);
    return true;
}

js_dec jsp_dec_abs(js_dec a)
{
    if (a.v < 0)
        a.v = -a.v;
    return a;
}

bool jsp_dec_is_zero(js_dec a) { return a.v == 0; }

bool jsp_dec_near(js_dec total, js_dec sum, int n)
{
    js_dec tol = {n, 2};
    return jsp_dec_cmp(jsp_dec_abs(jsp_dec_sub(total, sum)), tol) <= 0;
}

double jsp_dec_to_double(js_dec a)
{
    /* Both exact as doubles (|v| < 2^53, 10^sc for sc <= 22): one IEEE
     * division is correctly rounded, the double nearest to v / 10^sc. */
    int64_t lim = (int64_t)1 << 53;
    if (a.v > -lim && a.v < lim)
        return (double)a.v / (double)pow10_tab[a.sc];
    /* Print-then-parse gives the double nearest to the decimal text. */
    char buf[40];
    jsp_dec_format(a, buf, sizeof buf);
    return strtod(buf, NULL);
}

void jsp_dec_format(js_dec a, char *buf, size_t n)
{
    /* digits from the last: the point after sc of them, a 0 before a bare point */
    uint64_t v = a.v < 0 ? 0 - (uint64_t)a.v : (uint64_t)a.v;
    char d[48];
    int k = (int)sizeof d;
    for (int i = 0; v || i < a.sc;) {
        d[--k] = (char)('0' + v % 10);
        v /= 10;
        if (++i == a.sc)
            d[--k] = '.';
    }
    if (k == (int)sizeof d || d[k] == '.')
        d[--k] = '0';
    if (a.v < 0)
        d[--k] = '-';
    size_t len = sizeof d - (size_t)k;
    if (!n)
        return;
    len = len < n ? len : n - 1;
    memcpy(buf, d + k, len);
    buf[len] = 0;
}
