/* SPDX-License-Identifier: MIT
 * tables.c — stage 4: the nine tables. Finds each table by its title or
 * 公开NN表 line, rebuilds its rows whatever the layout (tab rows, one cell
 * per line, HTML cells, space-aligned columns placed by display width),
 * reads the header into column keys and writes the table's facts. A table
 * whose 部门 line names another department is foreign: skipped and warned.
 * Invariant: every fact written here is a figure printed in its own cell.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "js_int.h"

#define MAXCOL 48

typedef struct {
    jsp_cell *c;
    int n;
    uint32_t line; /* index of the row's first line */
} trow;

typedef struct {
    js_doc *d;
    int id;
    size_t l0, l1; /* line range [l0, l1) */
    const char *dept;
    uint32_t dept_line;
    bool has_data;
    int shift; /* power of ten to 万元 */
    trow *rows;
    int nrows;
    bool space;        /* columns placed by display position */
    bool packed;       /* bare one-cell-per-line text: empty cells are lost, so
                          figures are placed by order, not by column */
    struct hkey *hseq; /* figure columns the header names, left to right (code tables) */
    int nhseq;
    const char *total_mark; /* jsp_vocab_mark of row.total */
} tseg;

/* MARK: cell helpers ------------------------------------------------------- */

static const char *ctext(const tseg *t, const jsp_cell *c, size_t *n)
{
    *n = c->e - c->s;
    return t->d->norm.text + c->s;
}

static jsp_tok ctok(const tseg *t, const jsp_cell *c, js_dec *v)
{
    return jsp_cell_tok(t->d->norm.text, c, v);
}

/* The cell's label key; every table pass asks for the same cells' keys,
 * so the first answer is kept in the cell (arena memory, never const). */
static char *ckey(const tseg *t, const jsp_cell *c)
{
    if (c->key)
        return c->key;
    size_t n;
    const char *s = ctext(t, c, &n);
    char *k = jsp_label_key(&t->d->ctx->pat, &t->d->arena, t->d->md, s, n);
    ((jsp_cell *)c)->key = k;
    return k;
}

static const char *vocab(const tseg *t, const char *ns, const char *key)
{
    return key ? jsp_vocab_get(t->d->ctx->pat.vocab, ns, key) : NULL;
}

static bool has_dot(const tseg *t, const jsp_cell *c)
{
    size_t n;
    const char *s = ctext(t, c, &n);
    return memchr(s, '.', n) != NULL;
}

/* Write an amount fact (unit-converted; zero and blank are left out). */
static void put_amount(tseg *t, const char *path, js_dec v, const jsp_cell *c, const char *rule)
{
    if (jsp_dec_is_zero(v) || !path || jsp_fact_get(t->d, path))
        return;
    v = jsp_dec_shift(v, t->shift);
    const char *layout = t->packed  ? "one cell per line, empty cells lost: placed by order"
                         : t->space ? "space-aligned columns"
                                    : "delimited cells";
    jsp_fact_set(t->d, path, JSP_F_NUM, v, NULL, c->s, c->e,
                 jsp_printf(&t->d->arena, "%s; %s%s", rule, layout,
                            t->shift ? "; unit converted to 万元" : ""));
}

/* OCR glyphs in a name (regex ocr_name_glyph → vocab ocr.glyph, else dropped). */
static const char *name_glyphs(tseg *t, const char *name)
{
    js_doc *d = t->d;
    const jsp_patterns *p = &d->ctx->pat;
    const pcre2_code *re = jsp_regex_get(p, "ocr_name_glyph");
    size_t n = strlen(name), at = 0;
    jsp_buf b = {0};
    while (re && at < n && jsp_match(p, re, name, n, at, 0, d->md) > 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(d->md);
        if (ov[1] <= ov[0])
            break;
        char *k = jsp_strndup(&d->arena, name + ov[0], ov[1] - ov[0]);
        const char *to = k ? jsp_vocab_get(p->vocab, "ocr.glyph", k) : NULL;
        jsp_buf_put(&b, name + at, ov[0] - at);
        jsp_buf_puts(&b, to ? to : "");
        at = ov[1];
    }
    if (!at)
        return name;
    jsp_buf_put(&b, name + at, n - at);
    const char *out = b.s && !b.oom ? jsp_strndup(&d->arena, b.s, b.n) : name;
    free(b.s);
    return out;
}

/* The standard name of the row's code (vocab econ, fname, fxiang) for a
 * name read by OCR, or NULL to keep the name as read. The standard name is
 * taken when the name is within a quarter of its characters of it (*close),
 * or when the name is no name at all: not a name of an earlier year (vocab
 * name.known) and not within a quarter of any code's standard name (a
 * fragment, a neighbour cell's spill, specks read as letters). A name near
 * another code's name is kept: the row may really carry it. */
static const char *name_vocab(tseg *t, const char *path, const char *name, bool *close)
{
    const char *c = strstr(path, ".rows."), *end = c ? strchr(c + 6, '.') : NULL;
    char code[8] = {0};
    if (!end || end - (c + 6) > 7)
        return NULL;
    memcpy(code, c + 6, (size_t)(end - (c + 6)));
    const jsp_vocab *v = t->d->ctx->pat.vocab;
    const char *ns = t->id == 6 ? "econ" : "fname";
    const char *std = jsp_vocab_get(v, ns, code);
    bool own = std != NULL; /* the code's own name, not its 项's usual one */
    if (!std && t->id != 6 && strlen(code) == 7)
        std = jsp_vocab_get(v, "fxiang", code + 5);
    if (!std || !strcmp(std, name) || jsp_vocab_get(v, "name.known", name))
        return NULL;
    int chars = (int)jsp_cp_count(std);
    int cap = chars / 4 > 1 ? chars / 4 : 1;
    *close = jsp_edit_distance(name, std, cap) <= cap;
    if (*close)
        return std;
    if (!own)
        return NULL;
    bool a_name = jsp_vocab_near_value(v, ns, name) || jsp_vocab_near_value(v, "fxiang", name) ||
                  (t->id != 6 && jsp_vocab_fuzzy(v, "fclass", name));
    return a_name ? NULL : std;
}

/* A row's name. In OCR text its glyph confusions are mended, and a name a
 * few characters off its code's standard name, or no name at all, takes
 * that name; the rule says so. */
static void put_name(tseg *t, const char *path, const char *name, uint32_t s, uint32_t e,
                     const char *rule)
{
    if (!name || !*name || jsp_fact_get(t->d, path))
        return;
    js_dec z = {0, 0};
    if (rule)
        return (void)jsp_fact_set(t->d, path, JSP_F_STR, z, name, s, e, rule);
    rule = "table.name";
    if (t->d->ocr_marks) {
        bool close = false;
        const char *g = name_glyphs(t, name), *std = name_vocab(t, path, g, &close);
        if (std)
            rule = jsp_printf(&t->d->arena, "table.name; OCR repair: %s read as %s (%s)", name, std,
                              close ? "a few characters off its code's standard name"
                                    : "no name of any code: its code's standard name");
        else if (strcmp(g, name))
            rule = jsp_printf(&t->d->arena,
                              "table.name; OCR repair: %s read as %s (glyphs read "
                              "for brackets or 支, or specks, mended)",
                              name, g);
        name = std ? std : g;
        if (!*name || !rule)
            return;
    }
    jsp_fact_set(t->d, path, JSP_F_STR, z, name, s, e, rule);
}

/* MARK: finding the tables ------------------------------------------------- */

/* Table id from a title line, 0 if the line is not a title. */
static int title_id(js_doc *d, const jsp_line *ln, const char *mark)
{
    const jsp_cell *c = NULL;
    for (int i = 0; i < ln->ncells && !c; i++)
        if (ln->cells[i].e > ln->cells[i].s)
            c = &ln->cells[i];
    if (!c || c->e - c->s > 200)
        return 0;
    const jsp_patterns *p = &d->ctx->pat;
    if (!jsp_vocab_may(mark, d->norm.text + c->s, c->e - c->s))
        return 0;       /* no title could be read from it, exactly or fuzzily */
    char *key = c->key; /* kept in the cell, as ckey keeps it, for the table passes */
    if (!key && !(key = ((jsp_cell *)c)->key =
                      jsp_label_key(p, &d->arena, d->md, d->norm.text + c->s, c->e - c->s)))
        return 0;
    const char *id = jsp_vocab_get(p->vocab, "title", key);
    const char *paren = strchr(key, '(');
    if (!id && paren && paren > key) { /* 八、…决算表（本单位无…） */
        key = jsp_strndup(&d->arena, key, (size_t)(paren - key));
        id = key ? jsp_vocab_get(p->vocab, "title", key) : NULL;
    }
    if (!key)
        return 0;
    size_t kl = strlen(key);
    if (!id && kl >= 12 && kl <= 90 && !strcmp(key + kl - 3, "表"))
        id = jsp_vocab_fuzzy(p->vocab, "title", key);
    return id ? atoi(id) : 0;
}

/* Does the named regex match the line? Its groups are left in d->md. (One
 * anchored at the line's start, with a class, runs only on lines that begin
 * with a character of it.) */
static bool line_test(js_doc *d, const jsp_line *ln, const jsp_lead *l)
{
    return l && jsp_lead_find(&d->ctx->pat, l, d->norm.text + ln->s, ln->e - ln->s, 0, 0, d->md);
}

static bool line_matches(js_doc *d, const jsp_line *ln, const char *name)
{
    return line_test(d, ln, jsp_lead_get(&d->ctx->pat, name));
}

/* The leads find_segments tests every line with, looked up once. */
typedef struct {
    const jsp_lead *part, *prose, *table_no;
    const char *title_mark; /* jsp_vocab_mark of title */
} seg_leads;

static int tableno_id(js_doc *d, const jsp_line *ln, const seg_leads *sl)
{
    if (!line_test(d, ln, sl->table_no))
        return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(d->md);
    for (int g = 1; g <= 2; g++)
        if (ov[2 * g] != PCRE2_UNSET)
            return d->norm.text[ln->s + ov[2 * g]] - '0';
    return 0;
}

static bool line_has_amount(js_doc *d, const jsp_line *ln)
{
    for (int i = 0; i < ln->ncells; i++)
        if (jsp_cell_tok(d->norm.text, &ln->cells[i], NULL) == JSP_TOK_AMOUNT)
            return true;
    return false;
}

static int find_segments(js_doc *d, tseg *segs, int max)
{
    int ns = 0;
    tseg *cur = NULL;
    const jsp_patterns *p = &d->ctx->pat;
    seg_leads sl = {jsp_lead_get(p, "part_heading"), jsp_lead_get(p, "prose_open"),
                    jsp_lead_get(p, "table_no"), jsp_vocab_mark(p->vocab, "title")};
    for (size_t i = 0; i < d->nlines; i++) {
        const jsp_line *ln = &d->lines[i];
        if (ln->blank)
            continue;
        if (line_test(d, ln, sl.part) || line_test(d, ln, sl.prose)) {
            if (cur)
                cur->l1 = i;
            cur = NULL;
            continue;
        }
        int id = title_id(d, ln, sl.title_mark);
        if (!id)
            id = tableno_id(d, ln, &sl);
        const char *dept = ln->dept;
        bool split = cur && dept && cur->dept && cur->has_data && strcmp(dept, cur->dept);
        if ((id && (!cur || cur->id != id)) || split) {
            if (cur)
                cur->l1 = i;
            cur = ns < max ? &segs[ns++] : NULL;
            if (cur) {
                memset(cur, 0, sizeof *cur);
                cur->d = d;
                cur->total_mark = jsp_vocab_mark(p->vocab, "row.total");
                cur->id = id ? id : segs[ns - 2].id;
                cur->l0 = i;
                cur->l1 = d->nlines;
            }
        }
        if (cur && dept && !cur->dept) {
            cur->dept = dept;
            cur->dept_line = (uint32_t)i;
        }
        if (cur && !id && line_has_amount(d, ln))
            cur->has_data = true;
    }
    return ns;
}

/* MARK: rows --------------------------------------------------------------- */

/* A line no row is made of: blank, or already read by an earlier table. */
static bool gone(const jsp_line *ln) { return ln->blank || ln->taken; }

static bool is_cell_line(const jsp_line *ln)
{
    return (ln->lead_tab && ln->ncells == 2) || (ln->split == JSP_SPLIT_SPACE && ln->ncells == 1);
}

/* One cell per line with blank lines between rows, or one row per line.
 * Tab-marked cell lines count always; bare one-cell lines only where blank
 * lines actually separate groups of them. */
static bool block_mode(const tseg *t)
{
    int tabcells = 0, barecells = 0, rows = 0, blanks = 0;
    for (size_t i = t->l0; i < t->l1; i++) {
        const jsp_line *ln = &t->d->lines[i];
        if (gone(ln)) {
            blanks++;
            continue;
        }
        bool prev = i > t->l0 && !gone(&t->d->lines[i - 1]);
        bool next = i + 1 < t->l1 && !gone(&t->d->lines[i + 1]);
        if (ln->ncells >= 3)
            rows++;
        else if (ln->lead_tab && ln->ncells == 2)
            tabcells++;
        else if (is_cell_line(ln) && (prev || next))
            barecells++;
    }
    if (blanks * 8 < barecells)
        barecells = 0;
    return tabcells + barecells > rows;
}

static bool stream_mode(const tseg *t);
static int build_stream(tseg *t);

static int build_rows(tseg *t)
{
    js_doc *d = t->d;
    t->rows = jsp_alloc(&d->arena, (t->l1 - t->l0 + 1) * sizeof *t->rows);
    if (!t->rows)
        return -1;
    if (stream_mode(t))
        return build_stream(t);
    bool block = block_mode(t);
    int spaced = 0, tabbed = 0;
    for (size_t i = t->l0; i < t->l1;) {
        const jsp_line *ln = &d->lines[i];
        if (gone(ln)) {
            i++;
            continue;
        }
        trow *r = &t->rows[t->nrows++];
        r->line = (uint32_t)i;
        if (!block) {
            r->c = ln->cells;
            r->n = ln->ncells;
            spaced += ln->split == JSP_SPLIT_SPACE && ln->ncells >= 2;
            tabbed += ln->split == JSP_SPLIT_TAB;
            i++;
            continue;
        }
        size_t j = i;
        int n = 0;
        for (; j < t->l1 && !gone(&d->lines[j]); j++)
            n += d->lines[j].lead_tab ? d->lines[j].ncells - 1 : d->lines[j].ncells;
        r->c = jsp_alloc(&d->arena, (size_t)(n ? n : 1) * sizeof *r->c);
        if (!r->c)
            return -1;
        for (; i < j; i++) {
            const jsp_line *l2 = &d->lines[i];
            for (int k = l2->lead_tab ? 1 : 0; k < l2->ncells; k++)
                r->c[r->n++] = l2->cells[k];
        }
    }
    t->space = !block && spaced > tabbed;
    t->packed = block;
    for (size_t i = t->l0; i < t->l1 && block; i++)
        if (d->lines[i].lead_tab)
            t->packed = false;
    return 0;
}

/* MARK: columns of space-aligned text --------------------------------------- */

typedef struct {
    int a, b;
} span;

static int span_cmp(const void *x, const void *y)
{
    return ((const span *)x)->a - ((const span *)y)->a;
}

static int merge_spans(span *s, int n)
{
    qsort(s, (size_t)n, sizeof *s, span_cmp);
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (k && s[i].a < s[k - 1].b) {
            if (s[i].b > s[k - 1].b)
                s[k - 1].b = s[i].b;
        } else {
            s[k++] = s[i];
        }
    }
    return k;
}

/* Does one of the n cells read as a token of kind k? */
static bool cells_have(const tseg *t, const jsp_cell *c, int n, jsp_tok k)
{
    for (int i = 0; i < n; i++)
        if (ctok(t, &c[i], NULL) == k)
            return true;
    return false;
}

static bool row_has_amount(const tseg *t, const trow *r)
{
    return cells_have(t, r->c, r->n, JSP_TOK_AMOUNT);
}

static int overlap(const jsp_cell *c, const span *s)
{
    int a = c->x0 > s->a ? c->x0 : s->a, b = c->x1 < s->b ? c->x1 : s->b;
    return b - a;
}

static bool numbering_row(const tseg *t, const trow *r);

static int center2(const jsp_cell *c) { return c->x0 + c->x1; } /* twice the centre */

/* The column a cell belongs to: the one it overlaps most, else the first
 * whose right edge is at or past its centre (figures are right-aligned,
 * headers centred over them). */
static int claim(const jsp_cell *c, const span *s, int n)
{
    int best = -1, bo = 0;
    for (int k = 0; k < n; k++)
        if (overlap(c, &s[k]) > bo) {
            bo = overlap(c, &s[k]);
            best = k;
        }
    if (best >= 0)
        return best;
    for (int k = 0; k < n; k++)
        if (2 * s[k].b >= center2(c))
            return k;
    return n;
}

/* Header line r: of the cells claiming one column, the one touching it (else
 * the rightmost) keeps it; the others sit over empty columns of their own. */
static int header_spans(const trow *row, const span *s, int n, span *add)
{
    int na = 0;
    for (int i = 0; i < row->n; i++) {
        const jsp_cell *c = &row->c[i];
        if (c->e == c->s)
            continue;
        int k = claim(c, s, n);
        bool keeps = k < n && overlap(c, &s[k]) > 0;
        for (int j = i + 1; j < row->n && !keeps && k < n; j++)
            keeps = row->c[j].e == row->c[j].s || claim(&row->c[j], s, n) != k;
        if (keeps && k < n) {
            for (int j = 0; j < row->n; j++) /* someone touching the column wins */
                if (j != i && row->c[j].e > row->c[j].s && overlap(&row->c[j], &s[k]) > 0 &&
                    overlap(c, &s[k]) <= 0)
                    keeps = false;
        }
        if (!keeps)
            add[na++] = (span){c->x0, c->x1};
    }
    return na;
}

/* A figure cell of row `row` waiting for its column. */
typedef struct {
    span x;
    int row;
} rspan;

static int rspan_cmp(const void *x, const void *y)
{
    const rspan *p = x, *q = y;
    return p->x.a != q->x.a ? p->x.a - q->x.a : p->x.b - q->x.b;
}

/* Data columns: cells of the rows that hold figures, left to right, each
 * joining the column it overlaps most that has no cell of its row yet, else
 * opening one. Two cells of one row never share a column, so a figure and
 * the label one space after it stay apart even where rows are not aligned
 * exactly (pdftotext -layout on proportional fonts). Returns the count. */
static int data_columns(tseg *t, int r0, int r1, span *out)
{
    int total = 0, n = 0;
    for (int r = r0; r < r1; r++)
        total += t->rows[r].n;
    rspan *rs = jsp_alloc(&t->d->arena, (size_t)(total + 1) * sizeof *rs);
    uint8_t *seen = jsp_alloc(&t->d->arena, (size_t)(total + 1) * (size_t)(r1 - r0 + 1));
    if (!rs || !seen)
        return 0;
    memset(seen, 0, (size_t)(total + 1) * (size_t)(r1 - r0 + 1));
    for (int r = r0; r < r1; r++) {
        const trow *row = &t->rows[r];
        if (!row_has_amount(t, row) || numbering_row(t, row))
            continue;
        for (int i = 0; i < row->n; i++)
            if (row->c[i].e > row->c[i].s)
                rs[n++] = (rspan){{row->c[i].x0, row->c[i].x1}, r - r0};
    }
    qsort(rs, (size_t)n, sizeof *rs, rspan_cmp);
    int k = 0, w = r1 - r0 + 1;
    for (int i = 0; i < n; i++) {
        int best = -1, bo = 0;
        for (int g = 0; g < k; g++) {
            int o = (rs[i].x.b < out[g].b ? rs[i].x.b : out[g].b) -
                    (rs[i].x.a > out[g].a ? rs[i].x.a : out[g].a);
            if (o > bo && !seen[g * w + rs[i].row]) {
                bo = o;
                best = g;
            }
        }
        if (best < 0) {
            best = k++;
            out[best] = rs[i].x;
        }
        if (rs[i].x.a < out[best].a)
            out[best].a = rs[i].x.a;
        if (rs[i].x.b > out[best].b)
            out[best].b = rs[i].x.b;
        seen[best * w + rs[i].row] = 1;
    }
    qsort(out, (size_t)k, sizeof *out, span_cmp);
    return k;
}

/* Columns = the data columns, plus the header cells that sit over columns
 * no figure fills. Rows [r0, r1): one page. */
static void grid_page(tseg *t, int r0, int r1)
{
    int total = 0;
    for (int r = r0; r < r1; r++)
        total += t->rows[r].n;
    span *s = jsp_alloc(&t->d->arena, (size_t)(2 * total + 1) * sizeof *s);
    if (!s)
        return;
    int data = data_columns(t, r0, r1, s), n = data;
    for (int r = r0; r < r1; r++) {
        const trow *row = &t->rows[r];
        if (!row_has_amount(t, row) || numbering_row(t, row))
            if (row->n > 1)
                n += header_spans(row, s, data, s + n);
    }
    n = data + merge_spans(s + data, n - data);
    qsort(s, (size_t)n, sizeof *s, span_cmp);
    for (int r = r0; r < r1; r++)
        for (int i = 0; i < t->rows[r].n; i++) {
            jsp_cell *c = &t->rows[r].c[i];
            int k = claim(c, s, n);
            c->col = k < n ? (k < MAXCOL ? k : MAXCOL - 1) : (n - 1 < MAXCOL ? n - 1 : MAXCOL - 1);
            if (c->col < 0)
                c->col = 0;
        }
}

/* A continued table keeps its geometry on the next page (pdftotext maps the
 * same x to the same column), so one grid serves every page. */
static void grid_space(tseg *t) { grid_page(t, 0, t->nrows); }

static int int_cmp(const void *x, const void *y) { return *(const int *)x - *(const int *)y; }

/* How many figures (with a decimal point) share their right edge exactly
 * with another, in display (chars false) or character columns. */
static int aligned_figures(const tseg *t, bool chars)
{
    int n = 0, cap = 0;
    for (int r = 0; r < t->nrows; r++)
        cap += t->rows[r].n;
    int *e = jsp_alloc(&t->d->arena, (size_t)(cap + 1) * sizeof *e);
    if (!e)
        return 0;
    for (int r = 0; r < t->nrows; r++)
        for (int i = 0; i < t->rows[r].n; i++) {
            const jsp_cell *c = &t->rows[r].c[i];
            if (has_dot(t, c) && ctok(t, c, NULL) == JSP_TOK_AMOUNT)
                e[n++] = chars ? c->c1 : c->x1;
        }
    qsort(e, (size_t)n, sizeof *e, int_cmp);
    int k = 0;
    for (int i = 0; i < n; i++)
        k += (i && e[i] == e[i - 1]) || (i + 1 < n && e[i] == e[i + 1]);
    return k;
}

/* Which way the text was laid out: our own and some tools' renderings pad
 * CJK to two columns, pdftotext -layout gives every character one. Figures
 * are right-aligned, so the count under which more of them line up wins. */
static void choose_metric(tseg *t)
{
    if (aligned_figures(t, true) <= aligned_figures(t, false))
        return;
    for (int r = 0; r < t->nrows; r++)
        for (int i = 0; i < t->rows[r].n; i++) {
            jsp_cell *c = &t->rows[r].c[i];
            c->x0 = c->c0;
            c->x1 = c->c1;
        }
}

static void assign_columns(tseg *t)
{
    if (t->space) {
        choose_metric(t);
        grid_space(t);
        return;
    }
    for (int r = 0; r < t->nrows; r++)
        for (int i = 0; i < t->rows[r].n; i++)
            t->rows[r].c[i].col = i < MAXCOL ? i : MAXCOL - 1;
}

/* MARK: headers ------------------------------------------------------------ */

static bool starts(const char *s, const char *p) { return !strncmp(s, p, strlen(p)); }

/* Title, 部门, 单位, 公开NN表 and 栏次 cells carry no column meaning. */
/* 公开NN表 (not 公开 in a name such as 政务公开审批). */
static bool names_table(const char *k)
{
    for (const char *p = strstr(k, "公开"); p; p = strstr(p + 1, "公开"))
        if ((p[6] >= '0' && p[6] <= '9') || starts(p + 6, "表") || starts(p + 6, "第"))
            return true;
    return false;
}

static bool is_meta_key(const char *k)
{
    return !k || !*k || starts(k, "部门") || starts(k, "单位") || starts(k, "金额单位") ||
           starts(k, "编制单位") || names_table(k) || strstr(k, "栏次") || strstr(k, "决算表") ||
           strstr(k, "决算总表");
}

typedef struct {
    char *piece[MAXCOL][6];
    int np[MAXCOL];
} hdr;

static void hdr_add(hdr *h, int col, char *k)
{
    if (col >= 0 && col < MAXCOL && h->np[col] < 6)
        h->piece[col][h->np[col]++] = k;
}

/* Key of a column: the longest run of its header lines that, joined, names
 * a key (a header broken over lines joins back; group headers drop out). */
static const char *hdr_key(const tseg *t, const hdr *h, int col, const char *ns)
{
    int np = h->np[col];
    for (int len = np; len >= 1; len--)
        for (int a = np - len; a >= 0; a--) {
            char buf[512];
            size_t n = 0;
            for (int i = a; i < a + len; i++) {
                size_t l = strlen(h->piece[col][i]);
                if (n + l >= sizeof buf)
                    break;
                memcpy(buf + n, h->piece[col][i], l);
                n += l;
            }
            buf[n] = 0;
            const char *v = vocab(t, ns, buf);
            if (v)
                return v;
        }
    return NULL;
}

/* Collect header pieces of rows [0, fd); each row is placed at the offset
 * (0..2 columns right) that puts most of its known headers over figures. */
static void read_header(tseg *t, int fd, const char *ns, const bool *figcol, hdr *h)
{
    memset(h, 0, sizeof *h);
    for (int r = 0; r < fd; r++) {
        const trow *row = &t->rows[r];
        int best = 0, besthits = 0;
        for (int k = 0; k <= 2 && !t->space; k++) {
            int hits = 0;
            for (int i = 0; i < row->n; i++) {
                int c = row->c[i].col + k;
                if (c < MAXCOL && figcol[c] && vocab(t, ns, ckey(t, &row->c[i])))
                    hits++;
            }
            if (hits > besthits) {
                besthits = hits;
                best = k;
            }
        }
        for (int i = 0; i < row->n; i++) {
            char *k = ckey(t, &row->c[i]);
            js_dec v;
            if (!is_meta_key(k) && ctok(t, &row->c[i], &v) == JSP_TOK_TEXT)
                hdr_add(h, row->c[i].col + best, k);
        }
    }
}

/* MARK: code tables (02 03 05 08 09) ------------------------------------- */

typedef struct {
    char code[8]; /* "201", "20103", "2010301" or "total" */
    int after;    /* index of the first cell after the code */
    const jsp_cell *code_cell;
} rowid;

static bool all_digits(const char *s, size_t n, size_t want)
{
    if (n != want)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* Functional code at the row's start (maybe split over 类/款/项 cells). */
static bool row_code(const tseg *t, const trow *r, rowid *id)
{
    int i = 0;
    while (i < r->n && r->c[i].e == r->c[i].s)
        i++;
    if (i >= r->n)
        return false;
    size_t n;
    const char *s = ctext(t, &r->c[i], &n);
    id->code_cell = &r->c[i];
    bool total = jsp_vocab_may(t->total_mark, s, n);
    if (!total && s[0] != '2') /* the cell is trimmed: its first character is the code's */
        return false;
    char *sq = jsp_squeeze(&t->d->arena, s, n);
    size_t sl = sq ? strlen(sq) : 0;
    if (sl && total && vocab(t, "row.total", ckey(t, &r->c[i]))) {
        strcpy(id->code, "total");
        id->after = i + 1;
        return true;
    }
    if (!(sl == 3 || sl == 5 || sl == 7) || sq[0] != '2' || !all_digits(sq, sl, sl))
        return false;
    memcpy(id->code, sq, sl + 1);
    id->after = i + 1;
    /* 类 | 款 | 项 in separate cells: 201 | 06 | 01 */
    while (strlen(id->code) < 7 && id->after < r->n) {
        const char *s2 = ctext(t, &r->c[id->after], &n);
        if (!all_digits(s2, n, 2))
            break;
        strncat(id->code, s2, 2);
        id->after++;
    }
    return true;
}

static bool is_code_row(const tseg *t, const trow *r)
{
    rowid id;
    return row_code(t, r, &id);
}

/* MARK: cell streams (pdftotext without -layout) ---------------------------- */

/* A line that opens a row: a code or a total label first. */
static bool opens_row(const tseg *t, const jsp_line *ln)
{
    trow r = {ln->cells, ln->ncells, 0};
    return ln->ncells > 0 && is_code_row(t, &r);
}

static bool line_has_text(const tseg *t, const jsp_line *ln)
{
    return cells_have(t, ln->cells, ln->ncells, JSP_TOK_TEXT);
}

static bool line_has_figure(const tseg *t, const jsp_line *ln)
{
    return cells_have(t, ln->cells, ln->ncells, JSP_TOK_AMOUNT);
}

/* Codes standing alone on their lines outnumber codes with their row, and
 * blank lines do not mark the rows (a page break or two at most). */
static bool stream_mode(const tseg *t)
{
    int lone = 0, full = 0, blank = 0;
    for (size_t i = t->l0; i < t->l1; i++) {
        const jsp_line *ln = &t->d->lines[i];
        blank += gone(ln);
        if (!opens_row(t, ln))
            continue;
        if (ln->ncells == 1)
            lone++;
        else
            full++;
    }
    return lone >= 3 && lone > full && 2 * blank < lone;
}

/* Each cell on a line of its own (a row's figures sometimes share one), no
 * blank line between rows: a row runs from a line that opens one to the
 * next, and ends early at text after its figures (a note, a heading).
 * Header lines stay one row each. Empty cells are lost: packed. */
static int build_stream(tseg *t)
{
    js_doc *d = t->d;
    for (size_t i = t->l0; i < t->l1;) {
        if (gone(&d->lines[i])) {
            i++;
            continue;
        }
        size_t j = i + 1;
        int n = d->lines[i].ncells;
        bool figs = d->lines[i].ncells > 1 && line_has_figure(t, &d->lines[i]);
        if (opens_row(t, &d->lines[i]))
            for (; j < t->l1; j++) {
                const jsp_line *ln = &d->lines[j];
                if (gone(ln))
                    continue;
                if (opens_row(t, ln) || (figs && line_has_text(t, ln)))
                    break;
                figs |= line_has_figure(t, ln);
                n += ln->ncells;
            }
        trow *r = &t->rows[t->nrows++];
        r->line = (uint32_t)i;
        r->c = jsp_alloc(&d->arena, (size_t)(n ? n : 1) * sizeof *r->c);
        if (!r->c)
            return -1;
        for (; i < j; i++)
            for (int k = 0; k < d->lines[i].ncells && !gone(&d->lines[i]); k++)
                r->c[r->n++] = d->lines[i].cells[k];
    }
    t->space = false;
    t->packed = true;
    return 0;
}

/* The k-th (0-based) column of table `id`'s template (patterns tmpl.NN), or NULL. */
static const char *tmpl_key(const tseg *t, int k)
{
    char ns[16], key[16];
    jsp_snprintf(ns, sizeof ns, "tmpl.%02d", t->id);
    jsp_snprintf(key, sizeof key, "%d", k + 1);
    return vocab(t, ns, key);
}

/* Rows from fd whose figures add up when read under `keys`: the one under
 * "total" is the sum of the others. */
static int adding_up(const tseg *t, int fd, const char **keys)
{
    int n = 0;
    for (int r = fd; r < t->nrows; r++) {
        js_dec total = {0, 0}, sum = {0, 0}, v;
        int parts = 0, totals = 0;
        for (int i = 0; i < t->rows[r].n; i++) {
            const jsp_cell *c = &t->rows[r].c[i];
            if (c->col < 2 || c->col >= MAXCOL || !keys[c->col] || ctok(t, c, &v) != JSP_TOK_AMOUNT)
                continue;
            if (!strcmp(keys[c->col], "total"))
                total = v, totals++;
            else
                sum = jsp_dec_add(sum, v), parts++;
        }
        n += totals == 1 && parts && jsp_dec_near(total, sum, parts);
    }
    return n;
}

static int count_numbers(const tseg *t, const trow *r)
{
    int n = 0;
    for (int i = 0; i < r->n; i++)
        n += ctok(t, &r->c[i], NULL) == JSP_TOK_AMOUNT;
    return n;
}

/* Column keys of a code table; template order when the header says nothing. */
/* Space-aligned header text drifts (pdftotext places CJK on its own grid;
 * OCR runs header words together), but the 栏次 row's numbers are set like
 * the figures. When a figure column has no key, every figure column takes
 * the template key of the number nearest the span its figures cover (then
 * nearest its right edge), if each finds a different one. When the 栏次 row
 * numbers every column of the template, its keys replace the header's if
 * more rows add up under them (a 栏次 row may itself be set a column off). */
static void number_keys(tseg *t, int fd, const bool *fig, const char **keys)
{
    const trow *num = NULL;
    for (int r = 0; r < fd && !num; r++)
        if (numbering_row(t, &t->rows[r]))
            num = &t->rows[r];
    int edge[MAXCOL] = {0}, left[MAXCOL], missing = 0;
    for (int c = 0; c < MAXCOL; c++)
        left[c] = 1 << 20;
    for (int r = fd; r < t->nrows; r++)
        for (int i = 0; i < t->rows[r].n; i++) {
            const jsp_cell *c = &t->rows[r].c[i];
            if (c->col >= MAXCOL || ctok(t, c, NULL) != JSP_TOK_AMOUNT)
                continue;
            edge[c->col] = c->x1 > edge[c->col] ? c->x1 : edge[c->col];
            left[c->col] = c->x0 < left[c->col] ? c->x0 : left[c->col];
        }
    for (int c = 2; c < MAXCOL; c++)
        missing += fig[c] && !keys[c];
    int nn = num ? count_numbers(t, num) : 0;
    bool whole = nn && tmpl_key(t, nn - 1) && !tmpl_key(t, nn); /* numbers the template */
    if (!num || (!missing && !whole))
        return;
    const char *nk[MAXCOL] = {0};
    bool used[MAXCOL] = {false};
    for (int c = 2; c < MAXCOL; c++) {
        if (!fig[c])
            continue;
        int best = -1, bd = 1 << 30;
        for (int i = 0; i < num->n; i++) {
            js_dec v;
            const jsp_cell *n = &num->c[i];
            if (ctok(t, n, &v) != JSP_TOK_AMOUNT || v.v < 1 || v.v >= MAXCOL)
                continue;
            int mid2 = n->x0 + n->x1, out = mid2 < 2 * left[c]   ? 2 * left[c] - mid2
                                            : mid2 > 2 * edge[c] ? mid2 - 2 * edge[c]
                                                                 : 0;
            int dist = out * 1024 + abs(n->x1 - edge[c]); /* outside the span first */
            if (dist < bd) {
                bd = dist;
                best = (int)v.v;
            }
        }
        if (best < 0 || used[best] || !(nk[c] = tmpl_key(t, best - 1)))
            return;
        used[best] = true;
    }
    const char *was[MAXCOL];
    memcpy(was, keys, sizeof was);
    for (int c = 2; c < MAXCOL; c++)
        if (fig[c])
            keys[c] = nk[c];
        else if (keys[c])
            for (int p = 2; p < MAXCOL && keys[c]; p++)
                if (fig[p] && nk[p] && !strcmp(nk[p], keys[c]))
                    keys[c] = NULL;
    if (!missing && adding_up(t, fd, keys) <= adding_up(t, fd, was))
        memcpy(keys, was, sizeof was); /* the header's words read the rows no worse */
}

/* OCR squeezes a header line: its cells ("科目名称 | 小计 | 基本支出") no
 * longer stand over their columns. When a figure column is still keyless
 * and one header line names exactly as many columns as there are figure
 * columns, its names go to the figure columns in reading order. */
static void ordinal_keys(tseg *t, int fd, const char *ns, const bool *fig, const char **keys)
{
    int nfig = 0, missing = 0;
    for (int c = 2; c < MAXCOL; c++) {
        nfig += fig[c];
        missing += fig[c] && !keys[c];
    }
    if (!missing || !nfig)
        return;
    for (int r = 0; r < fd; r++) {
        const char *names[MAXCOL];
        int n = 0;
        const trow *row = &t->rows[r];
        for (int i = 0; i < row->n && n <= nfig; i++) {
            const char *v = vocab(t, ns, ckey(t, &row->c[i]));
            bool dup = false;
            for (int k = 0; k < n && v; k++)
                dup |= !strcmp(names[k], v);
            if (v && !dup && n < MAXCOL)
                names[n++] = v;
        }
        if (n != nfig)
            continue;
        for (int c = 2, k = 0; c < MAXCOL; c++)
            keys[c] = fig[c] ? names[k++] : NULL;
        return;
    }
}

static void code_columns(tseg *t, int fd, const char **keys)
{
    char ns[8];
    jsp_snprintf(ns, sizeof ns, "col.%02d", t->id);
    bool fig[MAXCOL] = {false};
    for (int r = fd; r < t->nrows; r++) {
        rowid id; /* total rows are the ones that lose cells: columns come from coded rows */
        if (!row_code(t, &t->rows[r], &id) || !strcmp(id.code, "total"))
            continue;
        for (int i = id.after; i < t->rows[r].n; i++)
            if (ctok(t, &t->rows[r].c[i], NULL) != JSP_TOK_TEXT && t->rows[r].c[i].col < MAXCOL)
                fig[t->rows[r].c[i].col] = true;
    }
    hdr h;
    read_header(t, fd, ns, fig, &h);
    int found = 0;
    for (int c = 0; c < MAXCOL; c++) {
        keys[c] = hdr_key(t, &h, c, ns);
        for (int p = 0; p < c && keys[c]; p++)
            if (keys[p] && !strcmp(keys[p], keys[c]))
                keys[c] = NULL; /* a key names one column */
        found += keys[c] != NULL;
    }
    if (found) {
        if (t->space) {
            number_keys(t, fd, fig, keys);
            ordinal_keys(t, fd, ns, fig, keys);
        }
        return;
    }
    int k = 0; /* no readable header: the template's order over the figure columns */
    for (int c = 0; c < MAXCOL; c++)
        if (fig[c] && c > 1 && (keys[c] = tmpl_key(t, k)))
            k++;
}

/* Shift a row's figures right when they sit under non-figure columns (a
 * lost empty cell): the smallest shift that puts every non-zero figure under
 * a keyed column; -1 when none does. */
static int figure_shift(const tseg *t, const trow *r, int from, const char **keys)
{
    for (int s = 0; s <= 2; s++) {
        bool ok = true;
        for (int i = from; i < r->n && ok; i++) {
            js_dec v;
            if (ctok(t, &r->c[i], &v) != JSP_TOK_AMOUNT || jsp_dec_is_zero(v))
                continue;
            int c = r->c[i].col + s;
            ok = c < MAXCOL && keys[c];
        }
        if (ok)
            return s;
    }
    return -1;
}

static bool ordinal_row(tseg *t, const trow *r, const char *base, int from);

/* Whether a table with a total column reads none of the row's figures
 * (from `from`, shifted by sh) as its total. */
static bool no_total(const trow *r, int from, const char **keys, int sh)
{
    bool has = false, reads = false;
    for (int c = 0; c < MAXCOL; c++)
        has |= keys[c] && !strcmp(keys[c], "total");
    for (int i = from; i < r->n; i++) {
        int c = r->c[i].col + sh;
        reads |= c < MAXCOL && keys[c] && !strcmp(keys[c], "total");
    }
    return has && !reads;
}
static bool full_row(const tseg *t, const trow *r, int from);

/* A cell that is the code of a row under this one (20103 under 201): a
 * code the one-cell-per-line reading ran into, not a figure. */
static bool child_code(const tseg *t, const jsp_cell *c, const char *code)
{
    size_t n, cl = strlen(code);
    const char *s = ctext(t, c, &n);
    return cl >= 3 && cl < 7 && (n == 5 || n == 7) && n > cl && all_digits(s, n, n) &&
           !strncmp(s, code, cl);
}

static void code_row(tseg *t, const trow *r, const rowid *id, const char **keys)
{
    js_doc *d = t->d;
    const char *base = jsp_printf(&d->arena, "tables.%02d.rows.%s", t->id, id->code);
    int first_fig = r->n, name = -1;
    for (int i = id->after; i < r->n && first_fig == r->n; i++) {
        jsp_tok k = ctok(t, &r->c[i], NULL);
        if (k == JSP_TOK_TEXT && strcmp(id->code, "total") && name < 0)
            name = i;
        if (k == JSP_TOK_AMOUNT)
            first_fig = i;
    }
    int sh = full_row(t, r, first_fig) ? -1 : figure_shift(t, r, first_fig, keys);
    if (sh >= 0 && t->space && no_total(r, first_fig, keys, sh) &&
        ordinal_row(t, r, base, first_fig))
        sh = -2; /* the grid leaves the total out: OCR moved the row */
    else if (sh < 0 && t->space && ordinal_row(t, r, base, first_fig))
        sh = -2;
    else if (sh < 0)
        jsp_warn(d, r->line + 1, r->line + 1, "table %02d: figures of row %s under no known column",
                 t->id, id->code);
    if (sh < 0) {
        if (sh == -2 && name >= 0) {
            size_t n;
            const char *s = ctext(t, &r->c[name], &n);
            put_name(t, jsp_printf(&d->arena, "%s.name", base), jsp_squeeze(&d->arena, s, n),
                     r->c[name].s, r->c[name].e, NULL);
        }
        return;
    }
    bool figs = false;
    for (int i = first_fig; i < r->n; i++) {
        js_dec v;
        if (ctok(t, &r->c[i], &v) != JSP_TOK_AMOUNT || child_code(t, &r->c[i], id->code))
            continue;
        int c = r->c[i].col + sh;
        const char *key = c < MAXCOL ? keys[c] : NULL; /* zeros were not checked */
        if (!key)
            continue;
        put_amount(t, jsp_printf(&d->arena, "%s.%s", base, key), v, &r->c[i],
                   sh ? "table.cell.shifted (the row lost an empty cell: figures read one "
                        "column to the right)"
                      : "table.cell");
        figs |= !jsp_dec_is_zero(v);
    }
    if (name >= 0 && figs) { /* a name only for a row with a figure */
        size_t n;
        const char *s = ctext(t, &r->c[name], &n);
        put_name(t, jsp_printf(&d->arena, "%s.name", base), jsp_squeeze(&d->arena, s, n),
                 r->c[name].s, r->c[name].e, NULL);
    }
}

/* MARK: rows out of line with the header (OCR) --------------------------------
 * OCR sets a table's header and its figures on grids of their own: the
 * figures of a row may fall under no column the header names. Such a row
 * is read against the header's figure columns in their order: all of them
 * when the row has as many figures, else its first figure as the total
 * (when the others add up to it) and the others under the columns nearest
 * to them once the row's offset from the header is taken out. */

typedef struct hkey {
    const char *key; /* template key */
    int x2;          /* twice its centre */
} hkey;

/* Keys of one header cell, split at spaces when the cell holds several. */
static int cell_keys(tseg *t, const jsp_cell *c, const char *ns, hkey *out, int max)
{
    const char *v = vocab(t, ns, ckey(t, c));
    if (v && max > 0) {
        out[0] = (hkey){v, center2(c)};
        return 1;
    }
    size_t n, a = 0;
    const char *s = ctext(t, c, &n);
    int k = 0;
    while (a < n && k < max) {
        size_t b = a;
        while (b < n && s[b] != ' ')
            b++;
        const char *w =
            b > a ? jsp_label_key(&t->d->ctx->pat, &t->d->arena, t->d->md, s + a, b - a) : NULL;
        if (w && (v = vocab(t, ns, w))) { /* its place: by its share of the bytes */
            int w2 = c->x1 - c->x0;
            out[k++] = (hkey){v, 2 * c->x0 + (int)((long)w2 * (long)(a + b) / (long)n)};
        }
        a = b + 1;
    }
    return k;
}

/* The header row before fd naming the most figure columns; or, when words
 * are lost, the 栏次 row if it numbers every column of the template. */
static void header_seq(tseg *t, int fd)
{
    char ns[8];
    jsp_snprintf(ns, sizeof ns, "col.%02d", t->id);
    hkey *best = jsp_alloc(&t->d->arena, MAXCOL * sizeof *best), cur[MAXCOL];
    t->hseq = best;
    t->nhseq = 0;
    for (int r = 0; r < fd && best; r++) {
        int n = 0;
        for (int i = 0; i < t->rows[r].n; i++) {
            hkey ks[8];
            int m = cell_keys(t, &t->rows[r].c[i], ns, ks, 8);
            for (int j = 0; j < m && n < MAXCOL; j++) {
                bool dup = false;
                for (int q = 0; q < n; q++)
                    dup |= !strcmp(cur[q].key, ks[j].key);
                if (!dup)
                    cur[n++] = ks[j];
            }
        }
        if (n >= t->nhseq && n >= 2) {
            memcpy(best, cur, (size_t)n * sizeof *cur);
            t->nhseq = n;
        }
    }
    for (int r = 0; r < fd && best;
         r++) { /* words lost: the 栏次 numbers, when they count the template */
        int nn = numbering_row(t, &t->rows[r]) ? count_numbers(t, &t->rows[r]) : 0;
        if (nn >= t->nhseq && tmpl_key(t, nn - 1) && !tmpl_key(t, nn)) {
            t->nhseq = 0;
            for (int i = 0; i < t->rows[r].n; i++)
                if (ctok(t, &t->rows[r].c[i], NULL) == JSP_TOK_AMOUNT) {
                    best[t->nhseq] = (hkey){tmpl_key(t, t->nhseq), center2(&t->rows[r].c[i])};
                    t->nhseq++;
                }
        }
    }
}

/* Columns j[1..k) (increasing, after column 0) nearest the figures x[1..k). */
static long place_rest(const hkey *h, int nh, const int *x, int k, int from, int i, int *j)
{
    if (i == k)
        return 0;
    long best = -1;
    int keep[MAXCOL];
    for (int c = from; c <= nh - (k - i); c++) {
        j[i] = c;
        long d = labs((long)x[i] - h[c].x2) + place_rest(h, nh, x, k, c + 1, i + 1, j);
        if (best < 0 || d < best) {
            best = d;
            memcpy(keep, j, (size_t)k * sizeof *j);
        }
    }
    if (best >= 0)
        memcpy(j + i, keep + i, (size_t)(k - i) * sizeof *j);
    return best;
}

/* Space-aligned text whose header names every column of the template, and
 * a row with a figure (zeros too) under each: read in order, whatever the
 * grid says (OCR drifts; where the grid is right, it is the same reading). */
static bool full_row(const tseg *t, const trow *r, int from)
{
    if (!t->space || t->nhseq < 2 || tmpl_key(t, t->nhseq) || !tmpl_key(t, t->nhseq - 1))
        return false;
    int k = 0;
    for (int i = from; i < r->n; i++)
        k += ctok(t, &r->c[i], NULL) == JSP_TOK_AMOUNT;
    return k == t->nhseq;
}

/* v[1..k) add up to v[0], to a cent per part (rounding). */
static bool adds_up(const js_dec *v, int k)
{
    js_dec sum = {0, 0};
    for (int i = 1; i < k; i++)
        sum = jsp_dec_add(sum, v[i]);
    return jsp_dec_near(v[0], sum, k);
}

static bool ordinal_row(tseg *t, const trow *r, const char *base, int from)
{
    const jsp_cell *f[MAXCOL];
    js_dec v[MAXCOL];
    int k = 0, x[MAXCOL], j[MAXCOL] = {0};
    const hkey *h = t->hseq;
    for (int i = from; i < r->n && k <= t->nhseq && k < MAXCOL; i++)
        if (ctok(t, &r->c[i], &v[k]) == JSP_TOK_AMOUNT)
            f[k++] = &r->c[i];
    if (!k || k > t->nhseq || t->nhseq > 12) /* templates have 3 to 7 columns */
        return false;
    for (int i = 0; i < k; i++)
        j[i] = i;
    if (k < t->nhseq) {
        if (strcmp(h[0].key, "total") || !adds_up(v, k))
            return false;
        int drift = center2(f[0]) - h[0].x2;
        for (int i = 1; i < k; i++)
            x[i] = center2(f[i]) - drift;
        place_rest(h, t->nhseq, x, k, 1, 1, j);
    }
    for (int i = 0; i < k; i++)
        put_amount(t, jsp_printf(&t->d->arena, "%s.%s", base, h[j[i]].key), v[i], f[i],
                   "table.cell.ordinal (the row's figures out of line with the header: read in "
                   "the order of the header's columns)");
    return true;
}

/* Figures printed on the line after their label: append them to the label
 * row and return true (the caller empties the figures row). */
static bool merge_continuation(tseg *t, int r)
{
    trow *row = &t->rows[r], *prev = r ? &t->rows[r - 1] : NULL;
    int texts = 0, figs = 0;
    for (int i = 0; i < row->n; i++) {
        jsp_tok k = ctok(t, &row->c[i], NULL);
        texts += k == JSP_TOK_TEXT;
        figs += k == JSP_TOK_AMOUNT;
    }
    rowid id;
    if (!prev || !row_code(t, prev, &id) || is_code_row(t, row))
        return false;
    bool prev_figs = false; /* figures after the code (the code itself is digits) */
    for (int i = id.after; i < prev->n; i++)
        prev_figs |= ctok(t, &prev->c[i], NULL) == JSP_TOK_AMOUNT;
    if (texts == 0 && figs > 0 && !prev_figs) {
        /* label line + figures line: append the figures to the label row */
        jsp_cell *c = jsp_alloc(&t->d->arena, (size_t)(prev->n + row->n) * sizeof *c);
        if (!c)
            return false;
        memcpy(c, prev->c, (size_t)prev->n * sizeof *c);
        memcpy(c + prev->n, row->c, (size_t)row->n * sizeof *c);
        prev->c = c;
        prev->n += row->n;
        return true;
    }
    return false;
}

/* Name continuation: a lone text cell under the name column of the row above. */
static const char *cont_name(tseg *t, int r, int namecol)
{
    if (r + 1 >= t->nrows)
        return NULL;
    const trow *nx = &t->rows[r + 1];
    int texts = 0, others = 0, at = -1;
    for (int i = 0; i < nx->n; i++) {
        jsp_tok k = ctok(t, &nx->c[i], NULL);
        if (k == JSP_TOK_TEXT) {
            texts++;
            at = i;
        } else if (k != JSP_TOK_EMPTY) {
            others++;
        }
    }
    if (texts != 1 || others || nx->c[at].col != namecol || is_code_row(t, nx))
        return NULL;
    size_t n;
    const char *s = ctext(t, &nx->c[at], &n);
    if (n > 60 || !strncmp(s, "注", 3) || is_meta_key(ckey(t, &nx->c[at])))
        return NULL;
    return jsp_squeeze(&t->d->arena, s, n);
}

/* Packed text: the header's keys in template order; the i-th figure of a
 * row goes to the i-th of them (cells renumbered code 0, name 1, figures 2+). */
static void pack_columns(tseg *t, int fd, const char **keys)
{
    const char *ranked[MAXCOL] = {0};
    int n = 0, any = 0;
    for (int c = 0; c < MAXCOL; c++)
        any += keys[c] != NULL;
    for (int k = 0; tmpl_key(t, k) && n < MAXCOL; k++) {
        const char *tk = tmpl_key(t, k);
        bool in_header = !any;
        for (int c = 0; c < MAXCOL && !in_header; c++)
            in_header = keys[c] && !strcmp(keys[c], tk);
        if (in_header)
            ranked[n++] = tk;
    }
    memset(keys, 0, MAXCOL * sizeof *keys);
    for (int k = 0; k < n && k + 2 < MAXCOL; k++)
        keys[k + 2] = ranked[k];
    for (int r = fd; r < t->nrows; r++) {
        rowid id;
        trow *row = &t->rows[r];
        if (!row_code(t, row, &id))
            continue;
        int fig = 2;
        for (int i = 0; i < row->n; i++) {
            jsp_tok k = ctok(t, &row->c[i], NULL);
            if (i < id.after)
                row->c[i].col = 0;
            else if (k == JSP_TOK_AMOUNT || k == JSP_TOK_DASH)
                row->c[i].col = fig < MAXCOL - 1 ? fig++ : MAXCOL - 1;
            else
                row->c[i].col = 1;
        }
    }
}

static void code_table(tseg *t)
{
    int fd = 0;
    while (fd < t->nrows && !is_code_row(t, &t->rows[fd]))
        fd++;
    if (fd == t->nrows)
        return;
    for (int r = fd + 1; r < t->nrows; r++)
        if (merge_continuation(t, r))
            t->rows[r].n = 0;
    const char *keys[MAXCOL] = {0};
    code_columns(t, fd, keys);
    header_seq(t, fd);
    if (t->packed)
        pack_columns(t, fd, keys);
    for (int r = fd; r < t->nrows; r++) {
        rowid id;
        const trow *row = &t->rows[r];
        if (!row->n || !row_code(t, row, &id))
            continue;
        code_row(t, row, &id, keys);
        /* a wrapped name continues on the next line */
        char *path = jsp_printf(&t->d->arena, "tables.%02d.rows.%s.name", t->id, id.code);
        jsp_fact *nf = path ? jsp_fact_get(t->d, path) : NULL;
        int namecol = -1;
        for (int i = id.after; i < row->n && namecol < 0; i++)
            if (ctok(t, &row->c[i], NULL) == JSP_TOK_TEXT)
                namecol = row->c[i].col;
        const char *more = nf ? cont_name(t, r, namecol) : NULL;
        if (more)
            nf->str = jsp_printf(&t->d->arena, "%s%s", nf->str, more);
    }
}

/* MARK: summary tables (01 04) ------------------------------------------- */

enum { ROLE_NONE, ROLE_LABEL, ROLE_LINENO, ROLE_FIG };

typedef struct {
    int role[MAXCOL];
    const char *key[MAXCOL]; /* 04 expenditure: total, general_budget, ... */
    int split;               /* first column of the expenditure side */
} sumcols;

/* In OCR text, a label a glyph or two off a row label of its side (年未 for
 * 年末: within a quarter of its characters, vocabulary row.NN.in/out) or
 * of a 类 (fclass, expenditure side): its key, or NULL (*code: the 类). */
static const char *ocr_label(const tseg *t, const char *ns, const char *k, bool out,
                             const char **code)
{
    const jsp_vocab *v = t->d->ctx->pat.vocab;
    const char *key = jsp_vocab_fuzzy(v, ns, k), *c = NULL;
    if (!key && out)
        c = jsp_vocab_fuzzy(v, "fclass", k);
    if (code)
        *code = c;
    return key ? key : c;
}

static bool summary_label(const tseg *t, const jsp_cell *c, bool out)
{
    char *k = ckey(t, c);
    char ns[20];
    jsp_snprintf(ns, sizeof ns, "row.%02d.%s", t->id, out ? "out" : "in");
    if (vocab(t, ns, k) || (out && vocab(t, "fclass", k)))
        return true;
    const jsp_vocab *v = t->d->ctx->pat.vocab; /* cut short by wrapping */
    if (t->space && (jsp_vocab_prefix(v, ns, k) || (out && jsp_vocab_prefix(v, "fclass", k))))
        return true;
    return t->d->ocr_marks && ocr_label(t, ns, k, out, NULL);
}

/* The first data row opens with a row label (a header cell may also be one). */
static bool is_summary_row(const tseg *t, const trow *r)
{
    for (int i = 0; i < r->n; i++) {
        jsp_tok k = ctok(t, &r->c[i], NULL);
        if (k == JSP_TOK_EMPTY)
            continue;
        return k == JSP_TOK_TEXT &&
               (summary_label(t, &r->c[i], false) || summary_label(t, &r->c[i], true));
    }
    return false;
}

static void summary_columns(tseg *t, int fd, sumcols *sc)
{
    char ns[8];
    jsp_snprintf(ns, sizeof ns, "col.%02d", t->id);
    bool fig[MAXCOL];
    memset(fig, 1, sizeof fig);
    hdr h;
    read_header(t, fd, ns, fig, &h);
    memset(sc, 0, sizeof *sc);
    sc->split = -1;
    int labels = 0;
    for (int c = 0; c < MAXCOL; c++) {
        const char *v = hdr_key(t, &h, c, ns);
        if (!v)
            continue;
        if (!strcmp(v, "label")) {
            sc->role[c] = ROLE_LABEL;
            if (++labels == 2)
                sc->split = c;
        } else if (!strcmp(v, "lineno")) {
            sc->role[c] = ROLE_LINENO;
        } else {
            sc->role[c] = ROLE_FIG;
            sc->key[c] = v;
        }
    }
}

/* Split point from the data when the header has no second 项目 column. */
static int row_split(const tseg *t, const trow *r, const sumcols *sc)
{
    if (sc->split >= 0)
        return sc->split;
    for (int i = 1; i < r->n; i++)
        if (ctok(t, &r->c[i], NULL) == JSP_TOK_TEXT && summary_label(t, &r->c[i], true) &&
            !summary_label(t, &r->c[i], false))
            return r->c[i].col;
    for (int i = 1; i < r->n; i++)
        if (ctok(t, &r->c[i], NULL) == JSP_TOK_TEXT)
            return r->c[i].col;
    return MAXCOL;
}

/* Is cell i a 行次 number (by header role, else: an integer after the label;
 * in packed text any small integer, the other side's 行次 included)? */
static bool is_lineno(const tseg *t, const trow *r, int i, int label_i, const sumcols *sc)
{
    int c = r->c[i].col;
    js_dec v;
    if (t->packed)
        return ctok(t, &r->c[i], &v) == JSP_TOK_AMOUNT && v.sc == 0 && v.v < 100;
    if (sc->role[c] == ROLE_LINENO)
        return true;
    bool roles = false;
    for (int k = 0; k < MAXCOL; k++)
        roles |= sc->role[k] == ROLE_LINENO;
    if (roles || i <= label_i)
        return false;
    for (int j = label_i + 1; j <= i; j++) /* 行次 numbers follow the label, maybe two */
        if (has_dot(t, &r->c[j]) || ctok(t, &r->c[j], &v) != JSP_TOK_AMOUNT || v.sc != 0 ||
            v.v >= 100)
            return false;
    return true;
}

/* A label cut short by its cell's width (一、一般公共预算财 / 政拨款): the one
 * row whose label begins so, on its side (or the class, for expenditure). */
static const char *wrapped_label(tseg *t, const char *ns, const char *k, bool out,
                                 const char **code, bool carry)
{
    const jsp_vocab *v = t->d->ctx->pat.vocab;
    const char *key = carry && !out ? jsp_vocab_prefix(v, "row.04.in.carry", k) : NULL;
    if (!key)
        key = jsp_vocab_prefix(v, ns, k);
    if (!key && out)
        *code = jsp_vocab_prefix(v, "fclass", k);
    return key;
}

static void summary_side(tseg *t, const trow *r, int from, int to, bool out, const sumcols *sc,
                         bool *carry)
{
    js_doc *d = t->d;
    int li = -1;
    for (int i = from; i < to && li < 0; i++)
        if (ctok(t, &r->c[i], NULL) == JSP_TOK_TEXT)
            li = i;
    if (li < 0)
        return;
    char *k = ckey(t, &r->c[li]);
    char ns[24];
    jsp_snprintf(ns, sizeof ns, "row.%02d.%s", t->id, out ? "out" : "in");
    const char *key = NULL, *code = NULL;
    if (!out && *carry)
        key = vocab(t, "row.04.in.carry", k);
    if (!key)
        key = vocab(t, ns, k);
    if (!key && out)
        code = vocab(t, "fclass", k);
    if (!key && !code && t->space) /* a label wrapped in its cell, cut short */
        key = wrapped_label(t, ns, k, out, &code, *carry);
    if (!key && !code && d->ocr_marks) {
        const char *hit = ocr_label(t, ns, k, out, &code);
        key = code ? NULL : hit;
    }
    if (!out)
        *carry = key && (!strcmp(key, "carryover_begin") || !strncmp(key, "carryover_begin_", 16));
    if (!key && !code)
        return;
    const char *side = out ? "expenditure" : "income";
    const char *base =
        code ? jsp_printf(&d->arena, "tables.%02d.%s.by_function.%s", t->id, side, code)
             : jsp_printf(&d->arena, "tables.%02d.%s.%s", t->id, side, key);
    int slot = 0;
    for (int i = li + 1; i < to; i++) {
        js_dec v;
        jsp_tok tk = ctok(t, &r->c[i], &v);
        if (tk == JSP_TOK_TEXT || is_lineno(t, r, i, li, sc))
            continue;
        if ((t->space || t->packed) && tk == JSP_TOK_EMPTY)
            continue;
        int myslot = slot++;
        if (tk != JSP_TOK_AMOUNT)
            continue;
        if (t->id == 1 || !out) {
            put_amount(t, base, v, &r->c[i], "table.cell");
            return;
        }
        const char *ck = sc->key[r->c[i].col];
        if (!ck)
            ck = tmpl_key(t, myslot);
        if (ck)
            put_amount(t, jsp_printf(&d->arena, "%s.%s", base, ck), v, &r->c[i], "table.cell");
    }
}

/* Do the header's columns hold in the data: every 行次 number under a 行次
 * column, every label under a 项目 one? In pdftotext -layout text a long
 * label pushes the rest of its row right, and they do not: then the cells
 * are read in order, as in packed text (a space-aligned row has no empty
 * cells either). */
static bool roles_hold(const tseg *t, int fd, const sumcols *sc)
{
    for (int r = fd; r < t->nrows; r++)
        for (int i = 0; i < t->rows[r].n; i++) {
            const jsp_cell *c = &t->rows[r].c[i];
            js_dec v;
            jsp_tok k = ctok(t, c, &v);
            int role = c->col < MAXCOL ? sc->role[c->col] : ROLE_NONE;
            if (k == JSP_TOK_TEXT && role != ROLE_LABEL && summary_label(t, c, role > 0))
                return false;
            if (k == JSP_TOK_AMOUNT && !has_dot(t, c) && v.sc == 0 && v.v < 100 &&
                role != ROLE_LINENO)
                return false;
        }
    return true;
}

/* MARK: income figures on expenditure lines (plain pdftotext) ----------------
 * A summary table's line holds an income row and an expenditure row side
 * by side. Plain pdftotext may print the income figure at the head of the
 * expenditure label of its line (the income labels come earlier, alone).
 * The income row of that line is the pair of a closing expenditure row
 * (vocab pair.NN: 本年支出合计 → 本年收入合计 …) or, for an expenditure
 * category, the income category of the same ordinal (六、科学技术支出 →
 * 六、其他收入). Read only when the table gave nothing else. */

/* The Chinese ordinal a line's text opens with, else 0. */
static int line_ordinal(tseg *t, const char *s, size_t n)
{
    const jsp_patterns *p = &t->d->ctx->pat;
    const pcre2_code *re = jsp_regex_get(p, "ordinal_prefix");
    js_dec v;
    if (!re || jsp_match(p, re, s, n, 0, 0, t->d->md) <= 0)
        return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(t->d->md);
    if (!jsp_cn_numeral(p->vocab, s + ov[2], ov[3] - ov[2], &v) || v.sc || v.v < 1 || v.v > 99)
        return 0;
    return (int)v.v;
}

/* The income key of the category with ordinal k (an earlier lone label). */
static const char *income_category(tseg *t, const char *ns_in, int k, size_t before)
{
    for (size_t i = t->l0; i < before; i++) {
        const jsp_line *ln = &t->d->lines[i];
        const char *key = ln->ncells == 1 ? vocab(t, ns_in, ckey(t, &ln->cells[0])) : NULL;
        if (key && line_ordinal(t, t->d->norm.text + ln->s, ln->e - ln->s) == k)
            return key;
    }
    return NULL;
}

/* The income row a label's first piece at the head of the line names
 * (whole, or cut short by its cell's width), else NULL. */
static const char *lead_label(tseg *t, const char *ns_in, const char *s, size_t n)
{
    const char *k = jsp_label_key(&t->d->ctx->pat, &t->d->arena, t->d->md, s, n);
    const char *key = vocab(t, ns_in, k);
    return key || !k ? key : jsp_vocab_prefix(t->d->ctx->pat.vocab, ns_in, k);
}

/* Reads (write) or counts (!write) the fused lines of the table. */
static int fused_income(tseg *t, bool write)
{
    js_doc *d = t->d;
    const jsp_patterns *p = &d->ctx->pat;
    const pcre2_code *re = jsp_regex_get(p, "fused_row");
    char ns_in[24], ns_out[24], ns_pair[24];
    jsp_snprintf(ns_in, sizeof ns_in, "row.%02d.in", t->id % 100);
    jsp_snprintf(ns_out, sizeof ns_out, "row.%02d.out", t->id % 100);
    jsp_snprintf(ns_pair, sizeof ns_pair, "pair.%02d", t->id % 100);
    int n = 0;
    for (size_t i = t->l0; i < t->l1 && re; i++) {
        const jsp_line *ln = &d->lines[i];
        const char *s = d->norm.text + ln->s;
        if (gone(ln) || jsp_match(p, re, s, ln->e - ln->s, 0, 0, d->md) <= 0)
            continue;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(d->md);
        jsp_cell fig = {.s = ln->s + (uint32_t)ov[4], .e = ln->s + (uint32_t)ov[5]};
        size_t ls = ov[6], le = ov[7];
        js_dec v;
        if (jsp_classify(s + ov[4], ov[5] - ov[4], &v) != JSP_TOK_AMOUNT)
            continue;
        const char *in =
            ov[2] == PCRE2_UNSET ? NULL : lead_label(t, ns_in, s + ov[2], ov[3] - ov[2]);
        bool lead = in != NULL;
        const char *lk = jsp_label_key(p, &d->arena, d->md, s + ls, le - ls);
        const char *out = lk && !in ? vocab(t, ns_out, lk) : NULL;
        if (out)
            in = vocab(t, ns_pair, out);
        int k = 0;
        if (!in && !out && lk && strstr(lk, "支出") && (k = line_ordinal(t, s + ls, le - ls)))
            in = income_category(t, ns_in, k, i);
        n += in != NULL;
        if (in && write)
            put_amount(t, jsp_printf(&d->arena, "tables.%02d.income.%s", t->id, in), v, &fig,
                       lead ? "table.cell; an income figure after its label's first piece, before "
                              "the expenditure label of its line (plain pdftotext)"
                            : "table.cell; an income figure printed before the expenditure label "
                              "of its line (plain pdftotext): the income row of the same line");
    }
    return n;
}

/* Income labels alone on their lines, and at least two fused lines. */
static bool fused_table(tseg *t)
{
    char ns_in[24];
    jsp_snprintf(ns_in, sizeof ns_in, "row.%02d.in", t->id % 100);
    int lone = 0;
    for (size_t i = t->l0; i < t->l1; i++) {
        const jsp_line *ln = &t->d->lines[i];
        lone += ln->ncells == 1 && !gone(ln) && vocab(t, ns_in, ckey(t, &ln->cells[0]));
    }
    return lone >= 2 && fused_income(t, false) >= 2;
}

static void summary_table(tseg *t)
{
    int fd = 0;
    while (fd < t->nrows && !is_summary_row(t, &t->rows[fd]))
        fd++;
    sumcols sc;
    summary_columns(t, fd, &sc);
    if (t->packed || (t->space && !roles_hold(t, fd, &sc)))
        memset(&sc, 0, sizeof sc), sc.split = -1; /* sides and figures go by order */
    bool carry = false;
    for (int r = fd; r < t->nrows; r++) {
        const trow *row = &t->rows[r];
        int split = row_split(t, row, &sc);
        int mid = 0;
        while (mid < row->n && row->c[mid].col < split)
            mid++;
        /* "581.50 总计" set one space apart: the figure shares the label's
         * column but is the income side's */
        for (int j = mid; j + 1 < row->n && row->c[j].col == row->c[j + 1].col &&
                          ctok(t, &row->c[j], NULL) == JSP_TOK_AMOUNT &&
                          ctok(t, &row->c[j + 1], NULL) == JSP_TOK_TEXT;)
            mid = ++j;
        summary_side(t, row, 0, mid, false, &sc, &carry);
        summary_side(t, row, mid, row->n, true, &sc, &carry);
    }
}

/* MARK: table 06 (three side-by-side code, name, amount groups) ------------ */

typedef struct {
    char code[8];
    const jsp_cell *name, *amount;
    const char *more; /* the name's wrapped rest, joined (space-aligned text) */
    js_dec v;
} e06;

static bool econ_code(const tseg *t, const jsp_cell *c, char out[8])
{
    size_t n;
    const char *s = ctext(t, c, &n);
    if ((n != 3 && n != 5) || s[0] != '3' || !all_digits(s, n, n))
        return false;
    memcpy(out, s, n);
    out[n] = 0;
    return true;
}

/* The name read so far for e (its cell, and pieces joined to it). */
static const char *e06_name(tseg *t, const e06 *e)
{
    size_t n;
    const char *s = ctext(t, e->name, &n);
    const char *name = jsp_squeeze(&t->d->arena, s, n);
    return name && e->more ? jsp_printf(&t->d->arena, "%s%s", name, e->more) : name;
}

/* Plain pdftotext cuts a long name at its column's width and prints the
 * rest among other groups' cells (商品和服务支 … 出): a name of four
 * characters or more that begins its code's standard name (vocab econ) is
 * read as that name, and *rule says so. */
static const char *cut_name(tseg *t, const e06 *e, const char **rule)
{
    const char *name = e06_name(t, e), *std = vocab(t, "econ", e->code);
    *rule = NULL;
    if (!t->packed || !name || !std || jsp_cp_count(name) < 4 || strlen(name) >= strlen(std) ||
        strncmp(std, name, strlen(name)))
        return name;
    *rule = jsp_printf(&t->d->arena,
                       "table.name; cut short at its column's width (%s): read as "
                       "its code's standard name",
                       name);
    return std;
}

static void e06_flush(tseg *t, e06 *e)
{
    if (e->code[0]) {
        js_doc *d = t->d;
        if (e->name) {
            const char *rule, *name = cut_name(t, e, &rule);
            put_name(t, jsp_printf(&d->arena, "tables.06.rows.%s.name", e->code), name, e->name->s,
                     e->name->e, rule);
        }
        if (e->amount)
            put_amount(t, jsp_printf(&d->arena, "tables.06.rows.%s.amount", e->code), e->v,
                       e->amount, "table.cell");
    }
    memset(e, 0, sizeof *e);
}

/* An integer where an amount belongs that is really the next group's code:
 * an economic code followed by a name (blank cells between). It is a code
 * (space-aligned text drops the blank amount cell; tab text shifts it). */
static bool code_not_amount(tseg *t, const trow *r, int i, char code[8])
{
    if (has_dot(t, &r->c[i]) || !econ_code(t, &r->c[i], code))
        return false;
    for (int j = i + 1; j < r->n; j++) {
        jsp_tok k = ctok(t, &r->c[j], NULL);
        if (k != JSP_TOK_EMPTY)
            return k == JSP_TOK_TEXT && !vocab(t, "row.06", ckey(t, &r->c[j]));
    }
    return false;
}

static void totals_06(tseg *t, const trow *r, int i, const char *key)
{
    for (int j = i + 1; j < r->n; j++) {
        js_dec v;
        jsp_tok k = ctok(t, &r->c[j], &v);
        if (k == JSP_TOK_TEXT)
            return;
        if (k == JSP_TOK_AMOUNT) {
            put_amount(t, jsp_printf(&t->d->arena, "tables.06.%s", key), v, &r->c[j], "table.cell");
            return;
        }
    }
}

/* Plain pdftotext (packed text) wraps a long name over lines and may print
 * the amount between its pieces (职工基本医疗保 / 5.57 / 险缴费): a piece of
 * text after the name goes on with it when the name so joined comes nearer
 * its code's standard name (vocab econ); else it is another row's. */
static bool name_goes_on(tseg *t, e06 *e, const jsp_cell *c)
{
    const char *std = vocab(t, "econ", e->code), *name = e06_name(t, e);
    size_t n;
    const char *text = ctext(t, c, &n);
    const char *piece = jsp_squeeze(&t->d->arena, text, n);
    if (!t->packed || !std || !name || !piece || !*piece)
        return false;
    const char *joined = jsp_printf(&t->d->arena, "%s%s", name, piece);
    int cap = (int)jsp_cp_count(std) + (int)jsp_cp_count(joined);
    if (!joined || jsp_edit_distance(joined, std, cap) >= jsp_edit_distance(name, std, cap))
        return false;
    e->more = e->more ? jsp_printf(&t->d->arena, "%s%s", e->more, piece) : piece;
    return true;
}

static void row_06(tseg *t, const trow *r)
{
    e06 e = {0};
    for (int i = 0; i < r->n; i++) {
        const jsp_cell *c = &r->c[i];
        js_dec v;
        char code[8];
        jsp_tok k = ctok(t, c, &v);
        bool want_amount = e.code[0] && e.name && !e.amount;
        if (want_amount && k == JSP_TOK_AMOUNT && code_not_amount(t, r, i, code)) {
            e06_flush(t, &e); /* the row before has no amount of its own */
            if (!t->space)
                jsp_warn(t->d, r->line + 1, r->line + 1,
                         "table 06: %s in an amount cell is the code of the next group, shifted",
                         code);
            memcpy(e.code, code, sizeof code);
            continue;
        }
        if (want_amount && k == JSP_TOK_AMOUNT) {
            e.amount = c;
            e.v = v;
            if (!t->packed) /* packed: the name's rest may follow */
                e06_flush(t, &e);
        } else if (k == JSP_TOK_AMOUNT && econ_code(t, c, code)) {
            e06_flush(t, &e);
            memcpy(e.code, code, sizeof code);
        } else if (k == JSP_TOK_TEXT) {
            const char *tot = vocab(t, "row.06", ckey(t, c));
            if (tot) {
                e06_flush(t, &e);
                totals_06(t, r, i, tot);
            } else if (e.code[0] && !e.name) {
                e.name = c;
            } else if (e.name && name_goes_on(t, &e, c)) {
                continue;
            } else if (e.name && !e.amount && t->space && c->col == e.name->col) {
                size_t n;
                const char *piece = ctext(t, c, &n);
                const char *s = jsp_squeeze(&t->d->arena, piece, n);
                e.more = e.more ? jsp_printf(&t->d->arena, "%s%s", e.more, s) : s;
            } else {
                e06_flush(t, &e); /* a name without a code: nothing to key */
            }
        } else if (k == JSP_TOK_EMPTY && e.name && !t->space) {
            e06_flush(t, &e); /* blank amount cell */
        }
    }
    e06_flush(t, &e);
}

static int col_cmp(const void *x, const void *y)
{
    const jsp_cell *a = x, *b = y;
    return a->col != b->col ? a->col - b->col : (a->s > b->s) - (a->s < b->s);
}

/* A page number ("- 2 -", "第2页") or a repeated header line: page
 * furniture that sits between a wrapped row's lines and belongs to none. */
static bool furniture_06(const tseg *t, const trow *row)
{
    for (int i = 0; i < row->n; i++) {
        const char *k = ckey(t, &row->c[i]);
        if ((k && *k && is_meta_key(k)) || vocab(t, "col.06", k))
            return true;
    }
    if (row->n != 1)
        return false;
    size_t n;
    const char *s = ctext(t, &row->c[0], &n);
    const pcre2_code *re = jsp_regex_get(&t->d->ctx->pat, "page_number");
    return jsp_match(&t->d->ctx->pat, re, s, n, 0, 0, t->d->md) > 0;
}

/* The tail of a wrapped name set where the name starts (the grid may have
 * put it in the code's column, the leftmost on its line): the name's column. */
static void under_name(const trow *prev, jsp_cell *tail)
{
    if (prev->n < 2 || prev->c[1].s == prev->c[1].e)
        return;
    const jsp_cell *name = &prev->c[1];
    if (tail->col < name->col && tail->x0 >= name->x0 - 2 && tail->x0 <= name->x0 + 2)
        tail->col = name->col;
}

/* A cell of a line joined to a row that cannot belong to it: text left of
 * the row's name (in the code's column: OCR specks, a stray character) or
 * with no letter, digit or CJK character at all. */
static bool ocr_debris(const tseg *t, const trow *prev, const jsp_cell *c)
{
    if (ctok(t, c, NULL) != JSP_TOK_TEXT)
        return false;
    if (prev->n >= 2 && c->col < prev->c[1].col)
        return true;
    size_t n;
    const unsigned char *s = (const unsigned char *)ctext(t, c, &n);
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 0x80 || (s[i] >= '0' && s[i] <= '9') ||
            ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
            return false;
    return true;
}

/* Space-aligned text breaks a wrapped name over lines, and prints the other
 * groups' cells on any of them: the lines from one that opens with a code
 * to the next make one row, its cells in column order (line order within). */
static int join_wrapped_06(tseg *t)
{
    int w = 0;
    for (int r = 0; r < t->nrows; r++) {
        trow *row = &t->rows[r];
        char code[8];
        bool opens = row->n && econ_code(t, &row->c[0], code);
        bool joins = w && !opens && row->n && ctok(t, &row->c[0], NULL) != JSP_TOK_EMPTY &&
                     !vocab(t, "row.06", ckey(t, &row->c[0])) && !furniture_06(t, row);
        trow *prev = w ? &t->rows[w - 1] : NULL;
        if (joins && prev->n && econ_code(t, &prev->c[0], code)) {
            jsp_cell *c = jsp_alloc(&t->d->arena, (size_t)(prev->n + row->n) * sizeof *c);
            if (!c)
                return -1;
            memcpy(c, prev->c, (size_t)prev->n * sizeof *c);
            int k = prev->n;
            for (int i = 0; i < row->n; i++) {
                c[k] = row->c[i];
                under_name(prev, &c[k]);
                k += !ocr_debris(t, prev, &c[k]);
            }
            prev->c = c;
            prev->n = k;
            qsort(prev->c, (size_t)prev->n, sizeof *c, col_cmp);
            continue;
        }
        t->rows[w++] = *row;
    }
    t->nrows = w;
    return 0;
}

static void table_06(tseg *t)
{
    if (t->space && join_wrapped_06(t))
        return;
    for (int r = 0; r < t->nrows; r++)
        row_06(t, &t->rows[r]);
}

/* MARK: table 07 (三公: twelve template columns) --------------------------- */

/* The 栏次 row 1 2 3 … N: consecutive integers. */
static bool numbering_row(const tseg *t, const trow *r)
{
    int want = 1, seen = 0;
    for (int i = 0; i < r->n; i++) {
        js_dec v;
        jsp_tok k = ctok(t, &r->c[i], &v);
        if (k == JSP_TOK_EMPTY || (k == JSP_TOK_TEXT && strstr(ckey(t, &r->c[i]), "栏次")))
            continue;
        if (k != JSP_TOK_AMOUNT || v.sc != 0 || v.v != want)
            return false;
        want++;
        seen++;
    }
    return seen >= 3;
}

static bool figures_only(const tseg *t, const trow *r)
{
    int figs = 0;
    for (int i = 0; i < r->n; i++) {
        jsp_tok k = ctok(t, &r->c[i], NULL);
        if (k == JSP_TOK_TEXT)
            return false;
        figs += k == JSP_TOK_AMOUNT;
    }
    return figs > 0;
}

/* The 栏次 row 1 … N of table 07, or NULL. */
static const trow *numbering_07(const tseg *t)
{
    for (int r = 0; r < t->nrows; r++)
        if (numbering_row(t, &t->rows[r]))
            return &t->rows[r];
    return NULL;
}

/* Template slot (1..12) of a figure: under the 栏次 number printed above it
 * (space-aligned: the rightmost number centred at or left of the figure's
 * right edge, figures being right-aligned), else its column's position. */
static int slot_07(const tseg *t, const trow *num, const jsp_cell *c)
{
    int slot = c->col + 1;
    for (int i = 0; num && i < num->n; i++) {
        js_dec v;
        const jsp_cell *k = &num->c[i];
        if (ctok(t, k, &v) != JSP_TOK_AMOUNT)
            continue;
        if (t->space ? center2(k) <= 2 * c->x1 : k->col == c->col)
            slot = (int)v.v;
    }
    return slot;
}

static int column_number(const tseg *t, const jsp_cell *c);

/* Write figure v of template slot 1..12 (vocab tmpl.07). */
static void put_07(tseg *t, int slot, js_dec v, const jsp_cell *c, const char *rule)
{
    char sk[16];
    jsp_snprintf(sk, sizeof sk, "%d", slot);
    const char *key = vocab(t, "tmpl.07", sk);
    if (key)
        put_amount(t, jsp_printf(&t->d->arena, "tables.07.%s", key), v, c, rule);
}

/* Plain pdftotext (packed text) prints the 栏次 numbers 1 … 12 and then the
 * row's twelve figures, empty cells as 0.00: read in that order. False
 * when the table's cells do not run so. */
static bool stream_07(tseg *t)
{
    enum { N = 12 };
    const jsp_cell *c[4 * N];
    int n = 0, want = 1;
    for (int r = 0; r < t->nrows; r++)
        for (int i = 0; i < t->rows[r].n; i++) {
            const jsp_cell *x = &t->rows[r].c[i];
            jsp_tok k = ctok(t, x, NULL);
            if (k == JSP_TOK_EMPTY)
                continue;
            if (want <= N) { /* the numbering, or start it again */
                int cn = column_number(t, x);
                want = cn == want ? want + 1 : cn == 1 ? 2 : 1;
            } else if (k == JSP_TOK_AMOUNT && n < N) {
                c[n++] = x;
            } else if (k == JSP_TOK_AMOUNT) {
                return false; /* more figures than columns */
            }
        }
    if (n != N)
        return false;
    for (int k = 0; k < N; k++) {
        js_dec v;
        if (ctok(t, c[k], &v) == JSP_TOK_AMOUNT)
            put_07(t, k + 1, v, c[k],
                   "table.cell; the row's figures after its 栏次 numbers 1 … 12, in order");
    }
    return true;
}

/* Does the table print its figures with a decimal point? Then a whole
 * number up to 12 on a line of figures is a 栏次 number. */
static bool dotted_07(const tseg *t)
{
    for (int r = 0; r < t->nrows; r++)
        for (int i = 0; i < t->rows[r].n; i++)
            if (ctok(t, &t->rows[r].c[i], NULL) == JSP_TOK_AMOUNT && has_dot(t, &t->rows[r].c[i]))
                return true;
    return false;
}

/* The widest template slot among the figures and the numbering row. */
static int width_07(const tseg *t, const trow *num)
{
    int width = 0;
    for (int r = 0; r < t->nrows; r++)
        for (int i = 0; i < t->rows[r].n; i++)
            if (t->rows[r].c[i].e > t->rows[r].c[i].s &&
                (figures_only(t, &t->rows[r]) || &t->rows[r] == num)) {
                int sl = slot_07(t, num, &t->rows[r].c[i]);
                width = sl > width ? sl : width;
            }
    return width;
}

/* Is a cell a figure of the row (not a 栏次 number among dotted figures)? */
static bool figure_07(const tseg *t, const jsp_cell *c, bool dotted, js_dec *v)
{
    return ctok(t, c, v) == JSP_TOK_AMOUNT && !(dotted && column_number(t, c) && v->v <= 12);
}

static void row_07(tseg *t, const trow *row, const trow *num, int width, bool dotted)
{
    int last = -1, figs = 0;
    for (int i = 0; i < row->n; i++)
        if (ctok(t, &row->c[i], NULL) == JSP_TOK_AMOUNT) {
            last = i;
            figs++;
        }
    for (int i = 0; i < row->n; i++) {
        js_dec v;
        if (!figure_07(t, &row->c[i], dotted, &v))
            continue;
        int sl = slot_07(t, num, &row->c[i]);
        /* a short table's lone figure in its last column is the last template column */
        if (width < 12 && figs == 1 && i == last && sl == width)
            sl = 12;
        put_07(t, sl, v, &row->c[i], width < 12 ? "table07.template_columns" : "table.cell");
    }
}

/* Figures on more than one line, all in the first column, no numbering
 * row: plain pdftotext lost their columns. */
static bool one_column_07(const tseg *t, const trow *num, int width, bool dotted)
{
    if (num || width > 1)
        return false;
    int lines = 0;
    for (int r = 0; r < t->nrows; r++) {
        bool fig = false;
        for (int i = 0; i < t->rows[r].n && !fig && figures_only(t, &t->rows[r]); i++) {
            js_dec v;
            fig = figure_07(t, &t->rows[r].c[i], dotted, &v);
        }
        lines += fig;
    }
    return lines > 1;
}

static void table_07(tseg *t)
{
    if (stream_07(t))
        return;
    const trow *num = numbering_07(t);
    bool dotted = dotted_07(t);
    int width = width_07(t, num);
    if (t->packed || one_column_07(t, num, width, dotted)) {
        jsp_warn(t->d, (uint32_t)t->l0 + 1, (uint32_t)t->l1,
                 "table 07: figures apart from their columns (empty cells lost) and no full row "
                 "of figures after the 栏次 numbers: they cannot be placed, left out");
        return;
    }
    for (int r = 0; r < t->nrows; r++)
        if (!numbering_row(t, &t->rows[r]) && figures_only(t, &t->rows[r]))
            row_07(t, &t->rows[r], num, width, dotted);
}

/* MARK: driver ------------------------------------------------------------- */

/* --dump=tables: each rebuilt row as [col]text cells, for debugging layouts. */
static void dump_rows(const tseg *t)
{
    fprintf(stderr, "table %02d lines %zu-%zu%s dept=%s\n", t->id, t->l0 + 1, t->l1,
            t->space ? " (space-aligned)" : "", t->dept ? t->dept : "-");
    for (int r = 0; r < t->nrows; r++) {
        fprintf(stderr, "  %5u:", t->rows[r].line + 1);
        for (int i = 0; i < t->rows[r].n; i++) {
            size_t n;
            const char *s = ctext(t, &t->rows[r].c[i], &n);
            fprintf(stderr, " [%d]%.*s", t->rows[r].c[i].col, (int)n, s);
        }
        fputc('\n', stderr);
    }
}

/* MARK: column blocks (plain pdftotext) --------------------------------------
 * Plain pdftotext may print a code table column by column, a page at a
 * time: a run of codes (合计 among them or among the names; a name may share
 * its code's line), the names, then the figures. Each such group of rows is
 * read on its own, its figures in one of two shapes:
 *  - a block: exactly as many figures as the group has rows, one per line,
 *    under its 栏次 number N (template column N), or with no number (the
 *    next column);
 *  - a stream: lines of several figures (a row may break over two lines)
 *    under a numbering such as "1" / "2 3 4 5 6": read row by row when
 *    their count is exactly rows × numbers.
 * A group whose figures have not come when the table's text ends finds its
 * numbered blocks after the next table's title (pdftotext put them there),
 * up to that table's own codes; the lines it reads there are marked taken,
 * so that table does not read them again. */

enum { MAXBROWS = 1024 };

typedef struct {
    const char *text;
    uint32_t s, e;
} gname;

typedef struct {
    tseg *t;
    const char *id[MAXBROWS]; /* "total" first when present, then codes */
    gname own[MAXBROWS];      /* a name on its code's line */
    bool fig[MAXBROWS];       /* row got a figure */
    gname name[MAXBROWS];     /* names on lines of their own, in order */
    int n, nn, col;           /* rows, names, last column read (0: none) */
    bool got;                 /* figures read */
    int num[MAXCOL], nnum;    /* the last 栏次 numbering seen (kept across groups) */
    bool used;                /* a stream was read under it */
} cgroup;

static const jsp_cell *lone_cell(const tseg *t, size_t i)
{
    const jsp_line *ln = &t->d->lines[i];
    return ln->ncells == 1 && !gone(ln) ? &ln->cells[0] : NULL;
}

static bool is_figure(const tseg *t, const jsp_cell *c)
{
    jsp_tok k = c ? ctok(t, c, NULL) : JSP_TOK_EMPTY;
    return k == JSP_TOK_AMOUNT || k == JSP_TOK_DASH;
}

/* A 栏次 number (1..20, no point): N, else 0. */
static int column_number(const tseg *t, const jsp_cell *c)
{
    js_dec v;
    if (!c || has_dot(t, c) || ctok(t, c, &v) != JSP_TOK_AMOUNT || v.sc || v.v < 1 || v.v > 20)
        return 0;
    return (int)v.v;
}

/* A line of several 栏次 numbers: how many, else 0. */
static int numbering_line(const tseg *t, const jsp_line *ln)
{
    if (ln->ncells < 2 || ln->ncells > MAXCOL || gone(ln))
        return 0;
    for (int k = 0; k < ln->ncells; k++)
        if (!column_number(t, &ln->cells[k]))
            return 0;
    return ln->ncells;
}

static bool figure_line(const tseg *t, const jsp_line *ln)
{
    if (gone(ln) || !ln->ncells)
        return false;
    for (int k = 0; k < ln->ncells; k++)
        if (!is_figure(t, &ln->cells[k]))
            return false;
    return true;
}

/* Lone figures from line i on, up to a blank or other line: how many, and
 * the end; 0 when they are all small whole numbers (a 栏次 numbering). */
static int figure_run(const tseg *t, size_t i, size_t lim, size_t *end)
{
    int k = 0;
    bool numbering = true;
    for (; i < lim && is_figure(t, lone_cell(t, i)); i++, k++)
        numbering = numbering && column_number(t, lone_cell(t, i));
    *end = i;
    return numbering ? 0 : k;
}

static gname cell_name(const tseg *t, const jsp_cell *c)
{
    size_t n;
    const char *s = ctext(t, c, &n);
    return (gname){jsp_squeeze(&t->d->arena, s, n), c->s, c->e};
}

/* More name lines than names wanted: the longest lines are names wrapped at
 * the column's width; each joins the line after it, if that makes it fit. */
static void join_wrapped(cgroup *g, int want)
{
    size_t len[MAXBROWS], max = 0;
    int at_max = 0;
    for (int i = 0; i < g->nn; i++) {
        len[i] = jsp_cp_count(g->name[i].text);
        max = len[i] > max ? len[i] : max;
    }
    for (int i = 0; i + 1 < g->nn; i++)
        at_max += len[i] == max;
    if (max < 4 || at_max != g->nn - want)
        return;
    int k = 0;
    for (int i = 0; i < g->nn; i++, k++) {
        g->name[k] = g->name[i];
        if (len[i] == max && i + 1 < g->nn) {
            g->name[k].text =
                jsp_printf(&g->t->d->arena, "%s%s", g->name[i].text, g->name[i + 1].text);
            g->name[k].e = g->name[++i].e;
        }
    }
    g->nn = k;
}

/* Names to the code rows that have none on their line, in order, when the
 * count agrees; written for rows that got a figure. Then a new group. */
static void group_flush(cgroup *g)
{
    tseg *t = g->t;
    int want = 0, k = 0;
    for (int r = 0; r < g->n; r++)
        want += strcmp(g->id[r], "total") && !g->own[r].text;
    if (g->nn > want)
        join_wrapped(g, want);
    for (int r = 0; r < g->n; r++) {
        if (!strcmp(g->id[r], "total"))
            continue;
        const gname *nm = g->own[r].text ? &g->own[r] : g->nn == want ? &g->name[k++] : NULL;
        if (nm && g->fig[r])
            put_name(t, jsp_printf(&t->d->arena, "tables.%02d.rows.%s.name", t->id, g->id[r]),
                     nm->text, nm->s, nm->e, NULL);
    }
    memset(g->own, 0, sizeof g->own);
    g->n = g->nn = g->col = 0;
    g->got = false;
}

static void take_line(tseg *t, size_t i)
{
    t->d->lines[i].taken = true;
    t->d->lines[i].table = (int8_t)t->id;
    t->d->lines[i].shift = (int8_t)t->shift;
}

static void group_figure(cgroup *g, int r, int col, const jsp_cell *c, const char *rule)
{
    tseg *t = g->t;
    const char *key = tmpl_key(t, col - 1);
    js_dec x;
    if (!key || ctok(t, c, &x) != JSP_TOK_AMOUNT || jsp_dec_is_zero(x))
        return;
    put_amount(t, jsp_printf(&t->d->arena, "tables.%02d.rows.%s.%s", t->id, g->id[r], key), x, c,
               rule);
    g->fig[r] = true;
}

/* Figures of lines [i, end) as template column `col` of the group's rows. */
static void group_column(cgroup *g, size_t i, size_t end, int col, bool numbered)
{
    for (int r = 0; i < end; r++, i++) {
        group_figure(
            g, r, col, lone_cell(g->t, i),
            numbered
                ? "table.cell; column blocks, rows in code order"
                : "table.cell; column blocks, a block without its number read as the next column");
        take_line(g->t, i);
    }
    g->col = col;
    g->got = true;
}

/* Figure lines from i on, several to a line somewhere among them: read row
 * by row under the numbering when the count is rows × numbers. */
static size_t group_stream(cgroup *g, size_t i, size_t lim)
{
    tseg *t = g->t;
    size_t end = i;
    int nfig = 0, multi = 0;
    for (; end < lim && figure_line(t, &t->d->lines[end]); end++) {
        nfig += t->d->lines[end].ncells;
        multi += t->d->lines[end].ncells > 1;
    }
    if (!multi || g->nnum < 2 || g->n < 1 || nfig != g->n * g->nnum)
        return i;
    int k = 0;
    for (size_t j = i; j < end; j++) {
        for (int c = 0; c < t->d->lines[j].ncells; c++, k++)
            group_figure(g, k / g->nnum, g->num[k % g->nnum], &t->d->lines[j].cells[c],
                         "table.cell; figure lines read row by row under the 栏次 numbers");
        take_line(t, j);
    }
    g->used = g->got = true;
    return end;
}

static void push_number(cgroup *g, int n)
{
    if (g->used || (g->nnum && g->num[g->nnum - 1] >= n))
        g->nnum = 0;
    g->used = false;
    if (g->nnum < MAXCOL)
        g->num[g->nnum++] = n;
}

/* A code (its name maybe on the same line) or 合计: a row of the group. */
static bool group_code(cgroup *g, size_t i, bool spill, bool *stop)
{
    tseg *t = g->t;
    const jsp_line *ln = &t->d->lines[i];
    trow r = {ln->cells, ln->ncells, 0};
    rowid id;
    if (gone(ln) || ln->ncells > 2 || !row_code(t, &r, &id))
        return false;
    bool total = !strcmp(id.code, "total");
    if (spill) {
        *stop = !total;
        return true;
    }
    if (g->got)
        group_flush(g);
    if (g->n >= MAXBROWS || (total && g->n && !strcmp(g->id[0], "total")))
        return true;
    gname own = {0};
    if (id.after < ln->ncells && ctok(t, &ln->cells[id.after], NULL) == JSP_TOK_TEXT)
        own = cell_name(t, &ln->cells[id.after]);
    else if (id.after < ln->ncells)
        return false; /* a code and a figure: a row the row-wise reading had */
    if (total) {      /* the group's first row */
        memmove(&g->id[1], &g->id[0], (size_t)g->n * sizeof g->id[0]);
        memmove(&g->own[1], &g->own[0], (size_t)g->n * sizeof g->own[0]);
        memmove(&g->fig[1], &g->fig[0], (size_t)g->n * sizeof g->fig[0]);
        g->id[0] = "total";
        g->own[0] = (gname){0};
        g->fig[0] = false;
    } else {
        g->id[g->n] = jsp_strndup(&t->d->arena, id.code, strlen(id.code));
        g->own[g->n] = own;
        g->fig[g->n] = false;
    }
    g->n++;
    return true;
}

/* A name line of the group: text that is not header or table furniture. */
static void group_name(cgroup *g, const jsp_cell *c)
{
    tseg *t = g->t;
    char ns[16];
    jsp_snprintf(ns, sizeof ns, "col.%02d", t->id);
    const char *key = ckey(t, c);
    if (!g->n || g->got || ctok(t, c, NULL) != JSP_TOK_TEXT)
        return;
    if (is_meta_key(key) || vocab(t, "col.head", key)) {
        g->nn = 0; /* 栏次, 科目名称: the names start after it; before were header pieces */
        return;
    }
    if (!vocab(t, ns, key) && !vocab(t, "row.06", key) && strncmp(key, "注", 3) && g->nn < MAXBROWS)
        g->name[g->nn++] = cell_name(t, c);
}

/* One line of the walk; returns the line to go on from. *stop when the
 * next table's codes start (in the spill). */
static size_t group_line(cgroup *g, size_t i, size_t lim, bool spill, bool *stop)
{
    tseg *t = g->t;
    const jsp_cell *c = lone_cell(t, i);
    size_t end;
    if (group_code(g, i, spill, stop))
        return i + 1;
    int num = column_number(t, c);
    if (num && g->n >= 2 && (!spill || num > g->col) && figure_run(t, i + 1, lim, &end) == g->n) {
        group_column(g, i + 1, end, num, true);
        return end;
    }
    int nums = numbering_line(t, &t->d->lines[i]);
    if (num || nums) {
        for (int k = 0; k < nums; k++)
            push_number(g, column_number(t, &t->d->lines[i].cells[k]));
        if (num)
            push_number(g, num);
        return i + 1;
    }
    if (!spill && (end = group_stream(g, i, lim)) > i)
        return end;
    int k = figure_run(t, i, lim, &end);
    if (k) {
        if (k == g->n && g->n >= (spill ? 5 : 3))
            group_column(g, i, end, g->col + 1, false);
        return end;
    }
    if (c && !spill)
        group_name(g, c);
    return i + 1;
}

/* The walk over the table's lines, then on into `next` while figures are due. */
static void column_blocks(tseg *t, const tseg *next)
{
    cgroup *g = jsp_alloc(&t->d->arena, sizeof *g); /* zeroed */
    if (!g)
        return;
    g->t = t;
    bool stop = false;
    for (size_t i = t->l0; i < t->l1;)
        i = group_line(g, i, t->l1, false, &stop);
    if (next && g->n >= 2 && tmpl_key(t, g->col)) /* figures still due */
        for (size_t i = next->l0; i < next->l1 && !stop;)
            i = group_line(g, i, next->l1, true, &stop);
    group_flush(g);
}

/* Did the row-wise reading miss a column-by-column table? It found no
 * figure, or figures for fewer rows than half the codes standing alone on
 * their lines: then what it read is dropped (a 栏次 number taken for a
 * total, say) and the table is read by column blocks. */
static bool columnwise(tseg *t)
{
    js_doc *d = t->d;
    int lone = 0, rows = 0;
    for (size_t i = t->l0; i < t->l1; i++) {
        const jsp_line *ln = &d->lines[i];
        lone += ln->ncells == 1 && !gone(ln) && opens_row(t, ln);
    }
    char prefix[16];
    int pl = jsp_snprintf(prefix, sizeof prefix, "tables.%02d.rows.", t->id);
    jsp_fact *f = d->facts.items;
    const char *last = NULL;
    size_t lastn = 0;
    for (size_t i = 0; i < d->facts.n; i++) { /* facts of a row are written together */
        if (!f[i].path || f[i].kind == JSP_F_STR || strncmp(f[i].path, prefix, (size_t)pl))
            continue;
        const char *row = f[i].path + pl, *dot = strchr(row, '.');
        size_t n = dot ? (size_t)(dot - row) : strlen(row);
        rows += !last || n != lastn || strncmp(row, last, n);
        last = row;
        lastn = n;
    }
    if (!rows)
        return true;
    if (lone < 3 || 2 * rows >= lone)
        return false;
    for (size_t i = 0; i < d->facts.n; i++)
        if (f[i].path && !strncmp(f[i].path, prefix, (size_t)pl))
            f[i].path = NULL;
    d->findexed = SIZE_MAX;
    jsp_warn(d, (uint32_t)t->l0 + 1, (uint32_t)t->l1,
             "table %02d: its codes stand alone on their lines and rows read across found few "
             "figures: read column by column instead",
             t->id);
    return true;
}

/* MARK: loose figures (01 04) -----------------------------------------------
 * The figures of a summary table on lines of figures only, left for
 * reconcile.c (jsp_loose), and those of the first run of such lines after
 * the next table's title, before any of its own rows: plain pdftotext puts
 * the expenditure side there. 行次 and 栏次 numbers (whole, under 100, no
 * point) are not figures. */

static void keep_loose(tseg *t, const jsp_line *ln)
{
    js_doc *d = t->d;
    for (int k = 0; k < ln->ncells; k++) {
        const jsp_cell *c = &ln->cells[k];
        js_dec v;
        if (ctok(t, c, &v) != JSP_TOK_AMOUNT || (!has_dot(t, c) && v.sc == 0 && v.v < 100))
            continue;
        d->loose.size = sizeof(jsp_loose);
        jsp_loose *x = jsp_vec_push(&d->loose);
        if (!x)
            return;
        *x = (jsp_loose){t->id, c->s, c->e, jsp_dec_shift(v, t->shift), false};
    }
}

static void loose_figures(tseg *t, const tseg *next)
{
    const jsp_line *lines = t->d->lines;
    for (size_t i = t->l0; i < t->l1; i++)
        if (figure_line(t, &lines[i]))
            keep_loose(t, &lines[i]);
    enum { HEAD_LINES = 6 }; /* title, 公开NN表, 单位, 部门, 行次 决算数 … */
    int text = 0;
    bool run = false;
    for (size_t i = next ? next->l0 : 0; next && i < next->l1; i++) {
        if (gone(&lines[i]))
            continue;
        if (figure_line(t, &lines[i])) {
            run = true;
            keep_loose(t, &lines[i]);
        } else if (run || ++text > HEAD_LINES || opens_row(t, &lines[i])) {
            return;
        }
    }
}

/* Power of ten to 万元 of the table's 单位 line (万元 when none). */
static int unit_shift(tseg *t)
{
    js_doc *d = t->d;
    for (size_t i = t->l0; i < t->l1; i++) {
        const jsp_line *ln = &d->lines[i];
        if (!line_matches(d, ln, "unit_decl"))
            continue;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(d->md);
        const char *p =
            vocab(t, "unit", jsp_squeeze(&d->arena, d->norm.text + ln->s + ov[2], ov[3] - ov[2]));
        return p ? atoi(p) : 0;
    }
    return 0;
}

/* Another department's table: its 部门 line differs by more than a typo. */
static bool is_foreign(const tseg *t)
{
    const char *doc = t->d->department;
    if (!t->dept || !doc)
        return false;
    size_t l = strlen(doc) > strlen(t->dept) ? strlen(doc) : strlen(t->dept);
    int cap = (int)(l / 3 / 3); /* a third of the characters (3 bytes each) */
    return jsp_edit_distance(t->dept, doc, cap) > cap;
}

/* Record what the header checks need: 部门, unit, the year on its title. */
static void note_table(tseg *t, bool foreign, bool read)
{
    js_doc *d = t->d;
    d->tinfo.size = sizeof(jsp_tinfo);
    jsp_tinfo *ti = jsp_vec_push(&d->tinfo);
    if (!ti)
        return;
    *ti = (jsp_tinfo){t->id,    t->dept, t->dept_line + 1, (uint32_t)t->l0 + 1,
                      t->shift, 0,       foreign,          read};
    for (size_t i = t->l0; i < t->l1 && i < t->l0 + 4; i++)
        if (line_matches(d, &d->lines[i], "year")) {
            ti->year = atoi(d->norm.text + d->lines[i].s + pcre2_get_ovector_pointer(d->md)[2]);
            break;
        }
}

void jsp_tables(js_doc *d)
{
    enum { MAXSEG = 256 };
    tseg *segs = jsp_alloc_raw(&d->arena, MAXSEG * sizeof *segs); /* find_segments sets each */
    if (!segs)
        return;
    int ns = find_segments(d, segs, MAXSEG);
    for (int s = 0; s < ns; s++) {
        tseg *t = &segs[s];
        if (t->id < 1 || t->id > 9)
            continue;
        t->shift = unit_shift(t);
        if (!t->has_data) {
            note_table(t, is_foreign(t), false);
            continue;
        }
        for (size_t i = t->l0; i < t->l1; i++) {
            if (d->lines[i].taken)
                continue;
            d->lines[i].table = (int8_t)t->id;
            d->lines[i].shift = (int8_t)t->shift;
        }
        note_table(t, is_foreign(t), true);
        if (is_foreign(t)) {
            jsp_warn(d, (uint32_t)t->l0 + 1, (uint32_t)t->l1,
                     "table %02d of another department (%s) left out", t->id, t->dept);
            continue;
        }
        if (build_rows(t))
            return;
        assign_columns(t);
        if (d->opts & JS_OPT_DUMP_TABLES)
            dump_rows(t);
        d->is_report = true;
        switch (t->id) {
        case 1:
        case 4:
            if (fused_table(t)) /* plain pdftotext */
                fused_income(t, true);
            else
                summary_table(t);
            loose_figures(t, s + 1 < ns ? &segs[s + 1] : NULL);
            break;
        case 6: table_06(t); break;
        case 7: table_07(t); break;
        default:
            code_table(t);
            if (columnwise(t)) /* plain pdftotext, column by column */
                column_blocks(t, s + 1 < ns ? &segs[s + 1] : NULL);
            break;
        }
    }
}
