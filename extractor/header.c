/* SPDX-License-Identifier: MIT
 * header.c — the record's header: department and year, and the line range
 * of the prose (第三部分). The department is voted: the document title counts
 * three, every 部门/编制单位 line one, so a typo'd name in one table does not
 * change it. The year comes from the title, else the most stated 20XX年度.
 * Each line's 部门 name is kept on the line for tables.c.
 */
#include <stdlib.h>
#include <string.h>

#include "js_int.h"

#define JSP_TITLE_LINES 6

typedef struct {
    const char *name;
    int votes;
} cand;

static void vote(cand *c, int *nc, int max, const char *name, int w)
{
    if (!name || strlen(name) < 6) /* at least two CJK characters */
        return;
    for (int i = 0; i < *nc; i++)
        if (!strcmp(c[i].name, name)) {
            c[i].votes += w;
            return;
        }
    if (*nc < max) {
        c[*nc].name = name;
        c[*nc].votes = w;
        (*nc)++;
    }
}

/* Match `re` on [s, s+n); returns the number of pairs or <= 0. */
static int run(const js_doc *d, const pcre2_code *re, const char *s, size_t n, pcre2_match_data *md)
{
    return jsp_match(&d->ctx->pat, re, s, n, 0, 0, md);
}

/* Does the pattern with lead l match s[0, n)? (Anchored ones with a class
 * run only when s begins with a character of it.) */
static bool test(const js_doc *d, const jsp_lead *l, const char *s, size_t n, pcre2_match_data *md)
{
    return l && jsp_lead_find(&d->ctx->pat, l, s, n, 0, 0, md);
}

static char *group(js_doc *d, pcre2_match_data *md, const char *s, int g)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    if (ov[2 * g] == PCRE2_UNSET)
        return NULL;
    return jsp_squeeze(&d->arena, s + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
}

/* Title: the first few non-blank lines joined, before 目录/第一部分. */
static void title_vote(js_doc *d, cand *c, int *nc, int max, pcre2_match_data *md)
{
    const jsp_patterns *p = &d->ctx->pat;
    char buf[1024];
    size_t n = 0;
    int taken = 0;
    for (size_t i = 0; i < d->nlines && taken < JSP_TITLE_LINES; i++) {
        const jsp_line *ln = &d->lines[i];
        if (ln->blank)
            continue;
        size_t l = ln->e - ln->s;
        if (n + l >= sizeof buf)
            break;
        memcpy(buf + n, d->norm.text + ln->s, l);
        n += l;
        taken++;
    }
    char *t = jsp_squeeze(&d->arena, buf, n);
    if (!t)
        return;
    size_t tl = strlen(t);
    if (run(d, jsp_regex_get(p, "doc_title"), t, tl, md) > 0) {
        char *name = group(d, md, t, 1), *year = group(d, md, t, 2);
        if (name && strlen(name) >= 6) {
            vote(c, nc, max, name, 3);
            d->year = year ? atoi(year) : 0;
            return;
        }
    }
    if (run(d, jsp_regex_get(p, "doc_title2"), t, tl, md) > 0) {
        char *year = group(d, md, t, 1);
        vote(c, nc, max, group(d, md, t, 2), 3);
        d->year = year ? atoi(year) : 0;
    }
}

/* The name after 部门： — in the same cell, else the next non-empty cell. */
static const char *dept_of_line(js_doc *d, const jsp_line *ln, const jsp_lead *dept,
                                pcre2_match_data *md)
{
    const char *t = d->norm.text;
    for (int i = 0; i < ln->ncells; i++) {
        const jsp_cell *c = &ln->cells[i];
        if (!test(d, dept, t + c->s, c->e - c->s, md))
            continue;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        if (ov[3] > ov[2])
            return jsp_squeeze(&d->arena, t + c->s + ov[2], ov[3] - ov[2]);
        for (int j = i + 1; j < ln->ncells; j++) {
            const jsp_cell *n = &ln->cells[j];
            if (n->e == n->s)
                continue;
            /* the next cell, unless it is the table's number or unit */
            if (run(d, jsp_regex_get(&d->ctx->pat, "table_no"), t + n->s, n->e - n->s, md) > 0 ||
                run(d, jsp_regex_get(&d->ctx->pat, "unit_decl"), t + n->s, n->e - n->s, md) > 0)
                return NULL;
            return jsp_squeeze(&d->arena, t + n->s, n->e - n->s);
        }
        return NULL;
    }
    return NULL;
}

static void year_vote(js_doc *d, pcre2_match_data *md)
{
    const pcre2_code *re = jsp_regex_get(&d->ctx->pat, "year");
    int counts[50] = {0};
    const char *t = d->norm.text;
    size_t off = 0;
    while (re && off < d->norm.len) {
        if (jsp_match(&d->ctx->pat, re, t, d->norm.len, off, 0, md) <= 0)
            break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        int y = atoi(t + ov[2]);
        if (y >= 2000 && y < 2050)
            counts[y - 2000]++;
        off = ov[1] > off ? ov[1] : off + 1;
    }
    int best = -1;
    for (int i = 0; i < 50; i++)
        if (counts[i] && (best < 0 || counts[i] > counts[best]))
            best = i;
    if (best >= 0)
        d->year = 2000 + best;
}

static void prose_range(js_doc *d, pcre2_match_data *md)
{
    const jsp_patterns *p = &d->ctx->pat;
    const jsp_lead *open = jsp_lead_get(p, "prose_open"), *close = jsp_lead_get(p, "prose_close");
    size_t start = d->nlines;
    for (size_t i = 0; i < d->nlines; i++) {
        const jsp_line *ln = &d->lines[i];
        if (!ln->blank && test(d, open, d->norm.text + ln->s, ln->e - ln->s, md))
            start = i; /* the last one: the table of contents names it first */
    }
    d->prose_start = start;
    d->prose_end = d->nlines;
    for (size_t i = start + 1; i < d->nlines; i++) {
        const jsp_line *ln = &d->lines[i];
        if (!ln->blank && test(d, close, d->norm.text + ln->s, ln->e - ln->s, md)) {
            d->prose_end = i;
            break;
        }
    }
}

void jsp_header(js_doc *d)
{
    enum { MAXC = 32 };
    cand c[MAXC];
    int nc = 0;
    pcre2_match_data *md = d->md;
    title_vote(d, c, &nc, MAXC, md);
    const jsp_lead *dept = jsp_lead_get(&d->ctx->pat, "dept_decl");
    for (size_t i = 0; i < d->nlines; i++) { /* tables.c reads ->dept too */
        jsp_line *ln = &d->lines[i];
        if (!ln->blank && (ln->dept = dept_of_line(d, ln, dept, md)))
            vote(c, &nc, MAXC, ln->dept, 1);
    }
    int best = -1;
    for (int i = 0; i < nc; i++)
        if (best < 0 || c[i].votes > c[best].votes)
            best = i;
    if (best >= 0)
        d->department = c[best].name;
    if (!d->year)
        year_vote(d, md);
    prose_range(d, md);
}
