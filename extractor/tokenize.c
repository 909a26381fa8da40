/* SPDX-License-Identifier: MIT
 * tokenize.c — stage 2: normalised text → lines of cells with offsets.
 * A line with tabs splits at every tab; a line without tabs splits at runs
 * of two or more spaces (pdftotext -layout), or at one space beside a figure,
 * each cell keeping its display columns (CJK counts two) and its character
 * columns (CJK counts one) so tables.c can align columns either way. Cells are spans
 * into the normalised text; nothing is copied.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "js_int.h"

static bool is_ws(char c) { return c == ' ' || c == '\t'; }

/* Display width of the UTF-8 sequence at s (advances *k bytes). */
static int char_width(const char *s, size_t n, size_t *k)
{
    unsigned char c = (unsigned char)s[0];
    if (c >= 0x20 && c < 0x7F) { /* printable ASCII */
        *k = 1;
        return 1;
    }
    int32_t cp;
    size_t m = jsp_utf8_decode((const unsigned char *)s, n, &cp);
    if (!m) {
        *k = 1;
        return 1;
    }
    *k = m;
    if (cp >= 0x4E00 && cp <= 0x9FEF) /* CJK ideographs, all wide */
        return 2;
    int w = utf8proc_charwidth(cp);
    return w < 0 ? 0 : w;
}

/* Digits with their separators, sign or percent sign: a figure, a code or
 * a line number standing alone. */
static bool figure_token(const char *t, uint32_t s, uint32_t e)
{
    bool digit = false;
    for (uint32_t i = s; i < e; i++) {
        if (t[i] >= '0' && t[i] <= '9')
            digit = true;
        else if (!strchr(",.-%", t[i]))
            return false;
    }
    return digit;
}

/* pdftotext -layout leaves a single space between a right-aligned figure
 * and its neighbour: a lone space beside a figure token breaks the cell. */
static bool lone_break(const char *t, const jsp_line *ln, uint32_t i)
{
    if (i == ln->s || i + 1 >= ln->e || t[i - 1] == ' ' || t[i + 1] == ' ')
        return false;
    uint32_t a = i, b = i + 1;
    while (a > ln->s && t[a - 1] != ' ')
        a--;
    while (b < ln->e && t[b] != ' ')
        b++;
    return figure_token(t, a, i) || figure_token(t, i + 1, b);
}

/* Length of the space run at i that separates two cells (0: none). */
static uint32_t cell_gap(const char *t, const jsp_line *ln, uint32_t i)
{
    if (t[i] != ' ')
        return 0;
    uint32_t j = i;
    while (j < ln->e && t[j] == ' ')
        j++;
    if (j - i == 1 && !lone_break(t, ln, i))
        return 0;
    return j - i;
}

/* Cells of one line, in one pass, into a scratch vector (malloc'd, reused
 * from line to line). Columns are counted twice: x in display width, c in
 * characters; a cell's end columns leave out its trailing white space
 * (width 1 each). */
typedef struct {
    jsp_cell *v;
    size_t n, cap;
    bool oom;
} cellvec;

static void put_cell(cellvec *cv, const char *t, uint32_t s, uint32_t e, int x0, int c0, int x,
                     int c, bool tab)
{
    if (cv->n == cv->cap) {
        size_t cap = cv->cap ? cv->cap * 2 : 64;
        jsp_cell *v = realloc(cv->v, cap * sizeof *v);
        if (!v) {
            cv->oom = true;
            return;
        }
        cv->v = v;
        cv->cap = cap;
    }
    jsp_cell *cl = &cv->v[cv->n++];
    *cl = (jsp_cell){0};
    int lead = 0, trail = 0;
    while (s < e && is_ws(t[s]))
        s++, lead++;
    while (e > s && is_ws(t[e - 1]))
        e--, trail++;
    cl->s = s;
    cl->e = e;
    cl->x0 = x0 + lead;
    cl->c0 = c0 + lead;
    if (!tab) { /* the trimmed text's own width */
        x -= trail;
        c -= trail;
    }
    cl->x1 = x < cl->x0 ? cl->x0 : x;
    cl->c1 = c < cl->c0 ? cl->c0 : c;
    cl->col = -1;
}

/* Whether the three-byte character at u (valid UTF-8) is a wide one the
 * run below may count without asking utf8proc: CJK ideographs U+4E00…U+9FBF
 * and the CJK punctuation U+3001…U+3011 (、。《》「」【】 …). */
static inline bool wide3(const unsigned char *u)
{
    unsigned b = u[0], b1 = u[1];
    return (b >= 0xE5 && b <= 0xE8) || (b == 0xE4 && b1 >= 0xB8) || (b == 0xE9 && b1 <= 0xBE) ||
           (b == 0xE3 && b1 == 0x80 && u[2] >= 0x81 && u[2] <= 0x91);
}

/* Past the run of printable ASCII and of wide three-byte characters at *i
 * (the text is valid UTF-8), counting columns as char_width would; stops
 * at white space and anything else. */
static void run(const char *t, uint32_t e, uint32_t *i, int *x, int *c)
{
    const unsigned char *u = (const unsigned char *)t;
    uint32_t k = *i;
    int xx = *x, cc = *c;
    while (k < e) {
        unsigned b = u[k];
        if (b > 0x20 && b < 0x7F) {
            k++, xx++, cc++;
        } else if (k + 3 <= e && wide3(u + k)) {
            k += 3, xx += 2, cc++;
        } else
            break;
    }
    *i = k, *x = xx, *c = cc;
}

static void split_line(const char *t, const jsp_line *ln, cellvec *cv)
{
    int x = 0, c = 0;
    uint32_t i = ln->s;
    bool tab = ln->split == JSP_SPLIT_TAB;
    while (i < ln->e && !tab && t[i] == ' ') /* leading indentation */
        i++, x++, c++;
    uint32_t cs = i;
    int cx = x, cc = c;
    for (;;) {
        bool at_end = i >= ln->e;
        uint32_t skip = at_end ? 0 : tab ? (t[i] == '\t') : cell_gap(t, ln, i);
        if (skip && !tab && i + skip >= ln->e) { /* trailing spaces: kept, then trimmed */
            x += (int)skip, c += (int)skip, i = ln->e;
            skip = 0, at_end = true;
        }
        if (skip || at_end) {
            put_cell(cv, t, cs, i, cx, cc, x, c, tab);
            if (at_end)
                break;
            x += tab ? 1 : (int)skip;
            c += tab ? 1 : (int)skip;
            i += skip;
            cs = i, cx = x, cc = c;
            continue;
        }
        uint32_t was = i;
        run(t, ln->e, &i, &x, &c);
        if (i > was)
            continue; /* a break may follow the run */
        size_t k;
        x += char_width(t + i, ln->e - i, &k);
        c++;
        i += (uint32_t)k;
    }
}

int jsp_tokenize(jsp_arena *a, const char *t, size_t len, jsp_line **lines, size_t *nlines)
{
    size_t n = 1;
    for (const char *p = t, *end = t + len; (p = memchr(p, '\n', (size_t)(end - p))); p++)
        n++;
    jsp_line *ls = jsp_alloc_raw(a, n * sizeof *ls); /* each line set below */
    if (!ls)
        return -1;
    cellvec cv = {0};
    size_t k = 0;
    for (uint32_t s = 0; k < n; s = ls[k - 1].e + 1) {
        const char *nl = memchr(t + s, '\n', len - s);
        uint32_t i = nl ? (uint32_t)(nl - t) : (uint32_t)len;
        jsp_line *ln = &ls[k++];
        memset(ln, 0, sizeof *ln);
        ln->s = s;
        ln->e = i;
        uint32_t a0 = s;
        while (a0 < i && t[a0] == ' ')
            a0++;
        ln->blank = a0 == i; /* a lone tab is an empty cell, not a blank line */
        ln->lead_tab = s < i && t[s] == '\t';
        ln->split = memchr(t + s, '\t', i - s) ? JSP_SPLIT_TAB : JSP_SPLIT_SPACE;
        cv.n = 0;
        split_line(t, ln, &cv);
        ln->cells = cv.oom ? NULL : jsp_alloc_raw(a, cv.n * sizeof *ln->cells);
        if (!ln->cells) {
            free(cv.v);
            return -1;
        }
        memcpy(ln->cells, cv.v, cv.n * sizeof *ln->cells);
        ln->ncells = (int)cv.n;
    }
    free(cv.v);
    *lines = ls;
    *nlines = k;
    return 0;
}

jsp_tok jsp_classify(const char *s, size_t n, js_dec *val)
{
    while (n && is_ws(*s)) {
        s++;
        n--;
    }
    while (n && is_ws(s[n - 1]))
        n--;
    if (!n)
        return JSP_TOK_EMPTY;
    static const struct {
        const char *s;
        size_t n;
    } dashes[] = {{"-", 1}, {"--", 2}, {"—", 3}, {"——", 6}, {"―", 3}, {"/", 1}, {"－", 3}};
    for (size_t i = 0; n <= 6 && i < sizeof dashes / sizeof *dashes; i++)
        if (dashes[i].n == n && !memcmp(s, dashes[i].s, n))
            return JSP_TOK_DASH;
    js_dec v;
    if (jsp_dec_parse(s, n, &v)) {
        if (val)
            *val = v;
        return JSP_TOK_AMOUNT;
    }
    return JSP_TOK_TEXT;
}

jsp_tok jsp_cell_tok(const char *text, const jsp_cell *c, js_dec *val)
{
    jsp_cell *m = (jsp_cell *)c;
    if (!m->tok)
        m->tok = (int8_t)(1 + jsp_classify(text + c->s, c->e - c->s, &m->val));
    jsp_tok k = (jsp_tok)(m->tok - 1);
    if (val && k == JSP_TOK_AMOUNT)
        *val = m->val;
    return k;
}

char *jsp_squeeze(jsp_arena *a, const char *s, size_t n)
{
    char *p = jsp_alloc_raw(a, n + 1);
    if (!p)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!is_ws(s[i]) && s[i] != '\n')
            p[k++] = s[i];
    p[k] = 0;
    return p;
}
