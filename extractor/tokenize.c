/* SPDX-License-Identifier: MIT
 * tokenize.c — stage 2: normalised text → lines of cells with offsets.
 * A line with tabs splits at every tab; a line without tabs splits at runs
 * of two or more spaces (pdftotext -layout), each cell keeping its display
 * columns (CJK counts two) so tables.c can align columns. Cells are spans
 * into the normalised text; nothing is copied.
 */
#include <string.h>
#include <utf8proc.h>

#include "js_int.h"

static bool is_ws(char c) { return c == ' ' || c == '\t'; }

/* Display width of the UTF-8 sequence at s (advances *k bytes). */
static int char_width(const char *s, size_t n, size_t *k)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t m = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp);
    if (m <= 0) {
        *k = 1;
        return 1;
    }
    *k = (size_t)m;
    int w = utf8proc_charwidth(cp);
    return w < 0 ? 0 : w;
}

static void trim(const char *t, uint32_t *s, uint32_t *e)
{
    while (*s < *e && is_ws(t[*s]))
        (*s)++;
    while (*e > *s && is_ws(t[*e - 1]))
        (*e)--;
}

/* Count the cells of one line (pass 1) or fill them (pass 2). */
static int split_line(const char *t, jsp_line *ln, jsp_cell *out)
{
    int nc = 0, x = 0;
    uint32_t i = ln->s, cs = ln->s;
    int cx = 0;
    bool tab = ln->split == JSP_SPLIT_TAB;
    while (i <= ln->e) {
        bool at_end = i == ln->e;
        bool sep = false;
        uint32_t skip = 0;
        if (!at_end && tab && t[i] == '\t') {
            sep = true;
            skip = 1;
        } else if (!at_end && !tab && t[i] == ' ' && i + 1 < ln->e && t[i + 1] == ' ') {
            uint32_t j = i;
            while (j < ln->e && t[j] == ' ')
                j++;
            sep = j < ln->e && i > ln->s; /* leading indentation is not a cell break */
            if (!sep && i == ln->s) {
                x += (int)(j - i);
                i = j;
                cs = i;
                cx = x;
                continue;
            }
            skip = j - i;
        }
        if (sep || at_end) {
            if (out) {
                jsp_cell *c = &out[nc];
                c->s = cs;
                c->e = i;
                /* display columns of the trimmed span */
                int lead = 0;
                while (c->s < c->e && is_ws(t[c->s])) {
                    c->s++;
                    lead++;
                }
                trim(t, &c->s, &c->e);
                c->x0 = cx + lead;
                c->x1 = x;
                c->col = -1;
            }
            nc++;
            if (at_end)
                break;
            x += tab ? 1 : (int)skip;
            i += skip;
            cs = i;
            cx = x;
            continue;
        }
        size_t k;
        x += char_width(t + i, ln->e - i, &k);
        i += (uint32_t)k;
    }
    if (out) /* x1 of the last cell of a space line: trimmed width */
        for (int c = 0; c < nc; c++)
            if (out[c].x1 < out[c].x0)
                out[c].x1 = out[c].x0;
    return nc;
}

static void fix_widths(const char *t, jsp_cell *c, int nc)
{
    /* x1 = x0 + width of the trimmed text */
    for (int i = 0; i < nc; i++) {
        int w = 0;
        for (uint32_t j = c[i].s; j < c[i].e;) {
            size_t k;
            w += char_width(t + j, c[i].e - j, &k);
            j += (uint32_t)k;
        }
        c[i].x1 = c[i].x0 + w;
    }
}

int jsp_tokenize(jsp_arena *a, const char *t, size_t len, jsp_line **lines, size_t *nlines)
{
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        n += t[i] == '\n';
    jsp_line *ls = jsp_alloc(a, n * sizeof *ls);
    if (!ls)
        return -1;
    size_t k = 0;
    uint32_t s = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && t[i] != '\n')
            continue;
        jsp_line *ln = &ls[k++];
        ln->s = s;
        ln->e = (uint32_t)i;
        uint32_t a0 = s;
        while (a0 < i && t[a0] == ' ')
            a0++;
        ln->blank = a0 == i; /* a lone tab is an empty cell, not a blank line */
        ln->lead_tab = s < i && t[s] == '\t';
        ln->split = memchr(t + s, '\t', i - s) ? JSP_SPLIT_TAB : JSP_SPLIT_SPACE;
        int nc = split_line(t, ln, NULL);
        ln->cells = jsp_alloc(a, (size_t)nc * sizeof *ln->cells);
        if (!ln->cells)
            return -1;
        ln->ncells = split_line(t, ln, ln->cells);
        if (ln->split == JSP_SPLIT_SPACE)
            fix_widths(t, ln->cells, ln->ncells);
        s = (uint32_t)i + 1;
    }
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
    static const char *const dashes[] = {"-", "--", "—", "——", "―", "/", "－", NULL};
    for (int i = 0; dashes[i]; i++)
        if (strlen(dashes[i]) == n && !memcmp(s, dashes[i], n))
            return JSP_TOK_DASH;
    js_dec v;
    if (jsp_dec_parse(s, n, &v)) {
        if (val)
            *val = v;
        return JSP_TOK_AMOUNT;
    }
    return JSP_TOK_TEXT;
}

char *jsp_squeeze(jsp_arena *a, const char *s, size_t n)
{
    char *p = jsp_alloc(a, n + 1);
    if (!p)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!is_ws(s[i]) && s[i] != '\n')
            p[k++] = s[i];
    p[k] = 0;
    return p;
}
