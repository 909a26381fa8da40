/* SPDX-License-Identifier: MIT
 * normalize.c — stage 1: bytes → clean UTF-8 with a map back to the input.
 * Repairs invalid UTF-8 (U+FFFD, counted), folds every code point to NFKC
 * (full-width digits and punctuation, ideographic space, NBSP), unifies line
 * ends (CRLF, CR, form feed → LF), drops HTML tags (</td> → tab, </tr> →
 * LF, others vanish) and entities. Invariant: n2o[i] is the input offset of
 * the code point that produced output byte i, so spans map back exactly.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "js_int.h"

/* MARK: the fold table ----------------------------------------------------- */

struct jsp_fold {
    uint32_t *idx; /* BMP: 0 = identity, else 1 + offset into pool (NUL-terminated) */
    char *pool;
    size_t pool_len, pool_cap;
};

static bool fold_is_identity(utf8proc_int32_t cp)
{
    if (cp < 0x80 || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3))
        return true;
    /* Circled and parenthesised numbers (① ⑴ ⒈ ❶ ㉑) are list markers: NFKC
     * would make them digits, and a marker must never read as a figure. */
    if ((cp >= 0x2460 && cp <= 0x24FF) || (cp >= 0x2776 && cp <= 0x2793) ||
        (cp >= 0x3251 && cp <= 0x325F) || (cp >= 0x32B1 && cp <= 0x32BF))
        return true;
    utf8proc_int32_t buf[8];
    int last = 0;
    utf8proc_ssize_t n =
        utf8proc_decompose_char(cp, buf, 8, UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE, &last);
    return n == 1 && buf[0] == cp;
}

static int pool_add(jsp_fold *f, const char *s, size_t n)
{
    if (f->pool_len + n + 1 > f->pool_cap) {
        size_t cap = f->pool_cap ? f->pool_cap * 2 : 16384;
        while (cap < f->pool_len + n + 1)
            cap *= 2;
        char *p = realloc(f->pool, cap);
        if (!p)
            return -1;
        f->pool = p;
        f->pool_cap = cap;
    }
    memcpy(f->pool + f->pool_len, s, n);
    f->pool[f->pool_len + n] = 0;
    f->pool_len += n + 1;
    return 0;
}

/* Extra folds NFKC leaves alone but reports need: minus sign → '-'. */
static const char *fold_extra(utf8proc_int32_t cp)
{
    switch (cp) {
    case 0x2212: return "-";
    case 0x00A0: return " ";
    case 0xFEFF: return ""; /* BOM / zero-width no-break space */
    case 0x200B: return ""; /* zero-width space */
    default: return NULL;
    }
}

jsp_fold *jsp_fold_new(void)
{
    jsp_fold *f = calloc(1, sizeof *f);
    if (!f || !(f->idx = calloc(0x10000, sizeof *f->idx)))
        goto fail;
    for (utf8proc_int32_t cp = 0x80; cp < 0x10000; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        const char *extra = fold_extra(cp);
        if (!extra && fold_is_identity(cp))
            continue;
        size_t at = f->pool_len;
        if (extra) {
            if (pool_add(f, extra, strlen(extra)))
                goto fail;
        } else {
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t k = utf8proc_encode_char(cp, enc);
            utf8proc_uint8_t *nf = NULL;
            utf8proc_ssize_t m =
                utf8proc_map(enc, k, &nf, UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE);
            if (m < 0)
                continue;
            int rc = pool_add(f, (const char *)nf, (size_t)m);
            free(nf);
            if (rc)
                goto fail;
        }
        f->idx[cp] = (uint32_t)at + 1;
    }
    return f;
fail:
    jsp_fold_free(f);
    return NULL;
}

void jsp_fold_free(jsp_fold *f)
{
    if (!f)
        return;
    free(f->idx);
    free(f->pool);
    free(f);
}

/* MARK: output buffer with offset map ------------------------------------- */

typedef struct {
    char *t;
    uint32_t *m;
    size_t n, cap;
    bool oom;
} nbuf;

/* Room for `need` bytes (and the terminator) in all. */
static bool reserve(nbuf *b, size_t need)
{
    if (b->oom)
        return false;
    if (need + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap * 2 : 4096;
    while (cap < need + 1)
        cap *= 2;
    char *t = realloc(b->t, cap);
    if (t)
        b->t = t;
    uint32_t *m = t ? realloc(b->m, cap * sizeof *m) : NULL;
    if (!t || !m) {
        b->oom = true;
        return false;
    }
    b->m = m;
    b->cap = cap;
    return true;
}

static void put(nbuf *b, const char *s, size_t n, uint32_t orig)
{
    if (!reserve(b, b->n + n))
        return;
    for (size_t i = 0; i < n; i++) {
        b->t[b->n] = s[i];
        b->m[b->n++] = orig;
    }
}

/* Printable ASCII that is neither markup ('<', '&') nor folded, and the
 * tab: itself. */
static inline bool plain_byte(unsigned char c)
{
    return (c >= 0x20 && c < 0x7F && c != '<' && c != '&') || c == '\t';
}

/* A run of plain bytes in[i, j): copied, each mapped to its own offset. */
static size_t put_plain_run(nbuf *b, const char *in, size_t n, size_t i)
{
    size_t j = i + 1;
    while (j < n && plain_byte((unsigned char)in[j]))
        j++;
    if (b->n + (j - i) + 1 > b->cap && !reserve(b, b->n + (j - i)))
        return j;
    memcpy(b->t + b->n, in + i, j - i);
    for (size_t k = i; k < j; k++)
        b->m[b->n++] = (uint32_t)k;
    return j;
}

/* Three-byte characters from in+i on that fold to themselves (most CJK
 * text): copied, each byte mapped to its character's first. Returns where
 * the run ends (i when there is none). */
static size_t put_cjk_run(nbuf *b, const jsp_fold *f, const char *in, size_t n, size_t i)
{
    if (b->n + (n - i) + 1 > b->cap && !reserve(b, b->n + (n - i)))
        return i; /* room for the rest of the input at once: the loop needs no check */
    char *t = b->t + b->n;
    uint32_t *m = b->m + b->n;
    for (;;) {
        const unsigned char *u = (const unsigned char *)in + i;
        int32_t cp = jsp_utf8_cjk3(u, n - i); /* U+2028/9 are line breaks */
        if (cp < 0 || cp == 0x2028 || cp == 0x2029 || f->idx[cp])
            break;
        t[0] = (char)u[0], t[1] = (char)u[1], t[2] = (char)u[2];
        m[0] = m[1] = m[2] = (uint32_t)i;
        t += 3, m += 3, i += 3;
    }
    b->n = (size_t)(t - b->t);
    return i;
}

/* MARK: HTML --------------------------------------------------------------- */

/* clang-format off */
#define TAG(s) {s, sizeof s - 1}
/* clang-format on */
static const struct {
    const char *name;
    size_t len;
} known_tags[] = {TAG("p"),     TAG("br"),    TAG("td"),    TAG("th"),      TAG("tr"),
                  TAG("table"), TAG("tbody"), TAG("thead"), TAG("tfoot"),   TAG("span"),
                  TAG("div"),   TAG("b"),     TAG("i"),     TAG("u"),       TAG("strong"),
                  TAG("em"),    TAG("font"),  TAG("sup"),   TAG("sub"),     TAG("hr"),
                  TAG("li"),    TAG("ul"),    TAG("ol"),    TAG("caption"), {NULL, 0}};
#undef TAG

/* If `in+i` starts a known HTML tag, return its length and what it becomes. */
static size_t html_tag(const char *in, size_t n, size_t i, const char **repl)
{
    size_t j = i + 1, end = i + 80 < n ? i + 80 : n;
    bool closing = j < end && in[j] == '/';
    if (closing)
        j++;
    size_t name0 = j;
    while (j < end && ((in[j] | 0x20) >= 'a' && (in[j] | 0x20) <= 'z'))
        j++;
    size_t namelen = j - name0;
    if (!namelen)
        return 0;
    while (j < end && in[j] != '>' && in[j] != '<' && in[j] != '\n')
        j++;
    if (j >= end || in[j] != '>')
        return 0;
    for (int k = 0; known_tags[k].name; k++) {
        if (known_tags[k].len == namelen && !strncasecmp(in + name0, known_tags[k].name, namelen)) {
            const char *t = known_tags[k].name;
            if (!strcmp(t, "tr") || !strcmp(t, "table"))
                *repl = closing ? "\n" : !strcmp(t, "tr") ? "\x01" : ""; /* \x01: row opens */
            else if (!strcmp(t, "td") || !strcmp(t, "th"))
                *repl = closing ? "" : "\t";
            else if (!strcmp(t, "br") || !strcmp(t, "p") || !strcmp(t, "div") || !strcmp(t, "li"))
                *repl = " ";
            else
                *repl = "";
            return j - i + 1;
        }
    }
    return 0;
}

static size_t html_entity(const char *in, size_t n, size_t i, utf8proc_int32_t *cp)
{
    static const struct {
        const char *name;
        utf8proc_int32_t cp;
    } ents[] = {{"&nbsp;", ' '}, {"&amp;", '&'},  {"&lt;", '<'},   {"&gt;", '>'},
                {"&quot;", '"'}, {"&#39;", '\''}, {"&emsp;", ' '}, {"&ensp;", ' '}};
    for (size_t k = 0; k < sizeof ents / sizeof ents[0]; k++) {
        size_t l = strlen(ents[k].name);
        if (i + l <= n && !memcmp(in + i, ents[k].name, l)) {
            *cp = ents[k].cp;
            return l;
        }
    }
    if (i + 3 < n && in[i + 1] == '#') {
        size_t j = i + 2;
        int base = 10;
        if (in[j] == 'x' || in[j] == 'X') {
            base = 16;
            j++;
        }
        long v = 0;
        size_t d0 = j;
        while (j < n && j - d0 < 7) {
            int c = in[j], dv = -1;
            if (c >= '0' && c <= '9')
                dv = c - '0';
            else if (base == 16 && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')
                dv = (c | 0x20) - 'a' + 10;
            if (dv < 0)
                break;
            v = v * base + dv;
            j++;
        }
        if (j > d0 && j < n && in[j] == ';' && utf8proc_codepoint_valid((utf8proc_int32_t)v) && v) {
            *cp = (utf8proc_int32_t)v;
            return j - i + 1;
        }
    }
    return 0;
}

/* MARK: the pass ----------------------------------------------------------- */

/* Remember where a page starts (the byte after the form feed's LF). */
static void page_break(nbuf *b, jsp_norm *out)
{
    if (out->npages % 64 == 0) {
        uint32_t *p = realloc(out->pages, (out->npages + 64) * sizeof *p);
        if (!p) {
            b->oom = true;
            return;
        }
        out->pages = p;
    }
    out->pages[out->npages++] = (uint32_t)b->n;
}

static void put_cp(nbuf *b, const jsp_fold *f, utf8proc_int32_t cp, uint32_t orig, jsp_norm *out)
{
    char enc[4];
    if (cp == '\f') {
        put(b, "\n", 1, orig);
        page_break(b, out);
        return;
    }
    if (cp == '\r' || cp == '\f' || cp == '\v' || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
        put(b, "\n", 1, orig);
        return;
    }
    if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F) {
        out->nul++;
        put(b, " ", 1, orig);
        return;
    }
    if (cp < 0x80) {
        enc[0] = (char)cp;
        put(b, enc, 1, orig);
        return;
    }
    if (cp < 0x10000 && f->idx[cp]) {
        const char *s = f->pool + f->idx[cp] - 1;
        put(b, s, strlen(s), orig);
        return;
    }
    utf8proc_ssize_t k = utf8proc_encode_char(cp, (utf8proc_uint8_t *)enc);
    put(b, enc, (size_t)k, orig);
}

int jsp_normalize(const jsp_fold *f, const char *in, size_t n, jsp_norm *out)
{
    nbuf b = {0};
    memset(out, 0, sizeof *out);
    reserve(&b, n + n / 8 + 64); /* the output is about the input's size */
    size_t i = 0;
    int tds = 0;        /* <td> seen in this row: every one but the first opens with a tab */
    bool in_tr = false; /* inside <tr>…</tr> a line break is only white space */
    while (i < n && !b.oom) {
        unsigned char c = (unsigned char)in[i];
        uint32_t orig = (uint32_t)i;
        if (c == '\n' && in_tr) {
            put(&b, " ", 1, orig);
            i++;
            continue;
        }
        if (c == '\n')
            tds = 0;
        if (c == '\r' && i + 1 < n && in[i + 1] == '\n') {
            i++;
            continue; /* CRLF: the LF follows */
        }
        if (c == '<') {
            const char *repl;
            size_t tl = html_tag(in, n, i, &repl);
            if (tl) {
                if (repl[0] == '\n' || repl[0] == '\x01') {
                    tds = 0;
                    in_tr = repl[0] == '\x01';
                    if (in_tr)
                        repl = "";
                }
                if (repl[0] != '\t' || tds++ > 0)
                    put(&b, repl, strlen(repl), orig);
                out->bad_utf8 += jsp_utf8_errors(in + i, tl, SIZE_MAX); /* dropped, but counted */
                i += tl;
                continue;
            }
        }
        if (plain_byte(c)) { /* most bytes: copied as they are */
            i = put_plain_run(&b, in, n, i);
            continue;
        }
        size_t cjk = put_cjk_run(&b, f, in, n, i);
        if (cjk > i) {
            i = cjk;
            continue;
        }
        int32_t cp;
        if (c == '&') {
            size_t el = html_entity(in, n, i, &cp);
            if (el) {
                put_cp(&b, f, cp, orig, out);
                i += el;
                continue;
            }
        }
        size_t k = jsp_utf8_decode((const unsigned char *)in + i, n - i, &cp);
        if (!k) {
            out->invalid++;
            out->bad_utf8++;
            put(&b, "\xEF\xBF\xBD", 3, orig);
            i++;
            continue;
        }
        put_cp(&b, f, cp, orig, out);
        i += (size_t)k;
    }
    put(&b, "", 0, (uint32_t)n); /* guarantees room for the terminator */
    if (b.oom) {
        free(b.t);
        free(b.m);
        free(out->pages);
        out->pages = NULL;
        return -1;
    }
    b.t[b.n] = 0;
    b.m[b.n] = (uint32_t)n;
    out->text = b.t;
    out->len = b.n;
    out->n2o = b.m;
    return 0;
}

void jsp_orig_span(const jsp_norm *nm, const char *in, size_t inlen, uint32_t s, uint32_t e,
                   uint32_t *ob, uint32_t *oe)
{
    uint32_t b = nm->n2o[e - 1];
    *ob = nm->n2o[s];
    if (in[b] == '&') {
        const char *semi = memchr(in + b, ';', inlen - b < 12 ? inlen - b : 12);
        *oe = semi ? (uint32_t)(semi - in) + 1 : b + 1;
        return;
    }
    unsigned char c = (unsigned char)in[b];
    uint32_t l = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    *oe = b + l <= inlen ? b + l : (uint32_t)inlen;
}

uint32_t jsp_cp_at(const char *in, jsp_cpcur *cur, uint32_t b)
{
    if (b < cur->at)
        *cur = (jsp_cpcur){0, 0};
    /* eight bytes at a time: a continuation byte is 10xxxxxx */
    for (; cur->at + 8 <= b; cur->at += 8) {
        uint64_t w;
        memcpy(&w, in + cur->at, 8);
        uint64_t cont = w & ~(w << 1) & 0x8080808080808080ull;
        /* one bit per byte at bit 7: their sum, without a popcount call
         * (the build targets plain x86-64, which has no POPCNT) */
        cur->cps += 8 - (uint32_t)(((cont >> 7) * 0x0101010101010101ull) >> 56);
    }
    for (; cur->at < b; cur->at++)
        cur->cps += ((unsigned char)in[cur->at] & 0xC0) != 0x80;
    return cur->cps;
}

void jsp_norm_free(jsp_norm *nm)
{
    free(nm->text);
    free(nm->n2o);
    free(nm->pages);
    memset(nm, 0, sizeof *nm);
}

/* MARK: OCR repair of figures ---------------------------------------------- */

static void add_repair(js_doc *d, uint32_t s, uint32_t e)
{
    d->repairs.size = sizeof(jsp_repair);
    jsp_repair *r = jsp_vec_push(&d->repairs);
    if (r)
        *r = (jsp_repair){s, e, jsp_strndup(&d->arena, d->norm.text + s, e - s)};
    d->ocr_marks++;
}

/* One confusable letter → its digit (vocab ocr.digit), or 0. */
static char ocr_digit(const js_doc *d, char c)
{
    char k[2] = {c, 0};
    const char *v = jsp_vocab_get(d->ctx->pat.vocab, "ocr.digit", k);
    return v && v[0] >= '0' && v[0] <= '9' && !v[1] ? v[0] : 0;
}

/* Letters for digits: only when real digits outnumber the letters. */
static void repair_letters(js_doc *d, uint32_t s, uint32_t e)
{
    char *t = d->norm.text;
    int digits = 0, letters = 0;
    for (uint32_t i = s; i < e; i++) {
        digits += t[i] >= '0' && t[i] <= '9';
        letters += t[i] != '.' && t[i] != ',' && (t[i] < '0' || t[i] > '9');
    }
    if (digits < 2 || letters > digits || !letters)
        return;
    for (uint32_t i = s; i < e; i++)
        if (t[i] != '.' && t[i] != ',' && (t[i] < '0' || t[i] > '9') && !ocr_digit(d, t[i]))
            return;
    add_repair(d, s, e);
    for (uint32_t i = s; i < e; i++)
        if (t[i] != '.' && t[i] != ',' && (t[i] < '0' || t[i] > '9'))
            t[i] = ocr_digit(d, t[i]);
}

/* 2.899.74: every point but the last was a thousands separator. */
static void repair_points(js_doc *d, uint32_t s, uint32_t e)
{
    char *t = d->norm.text;
    uint32_t last = e;
    while (last > s && t[last - 1] != '.')
        last--;
    add_repair(d, s, e);
    for (uint32_t i = s; i + 1 < last; i++)
        if (t[i] == '.')
            t[i] = ',';
}

/* A table rule OCR read as a bar between spaces, or a speck read as a quote
 * before an amount: white space (same length; the figure is unchanged,
 * nothing to record). */
static void blank_rule(js_doc *d, uint32_t s, uint32_t e)
{
    memset(d->norm.text + s, ' ', e - s);
    d->ocr_marks++;
}

/* The repair a match of ocr_repair asks for: the one its named group that
 * matched is named after; NULL for none. */
typedef void (*repair_fn)(js_doc *, uint32_t, uint32_t);
static repair_fn repair_of(const pcre2_code *re, const PCRE2_SIZE *ov)
{
    static const struct {
        const char *group;
        repair_fn fix;
    } fixes[] = {{"blank", blank_rule}, {"letters", repair_letters}, {"points", repair_points}};
    for (size_t i = 0; i < sizeof fixes / sizeof *fixes; i++) {
        int g = pcre2_substring_number_from_name(re, (PCRE2_SPTR)fixes[i].group);
        if (g > 0 && ov[2 * g] != PCRE2_UNSET)
            return fixes[i].fix;
    }
    return NULL;
}

/* ocr_repair's matches in text[at, lim), in text order, each repair made
 * before the search goes on, so later matches see it. The subject ends at
 * lim; the look-behinds still see the text before `at`. */
static void repair_in(js_doc *d, const pcre2_code *re, size_t at, size_t lim)
{
    const jsp_patterns *p = &d->ctx->pat;
    while (at < lim && jsp_match(p, re, d->norm.text, lim, at, 0, d->md) > 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(d->md);
        if (ov[1] <= ov[0])
            break;
        repair_fn fix = repair_of(re, ov);
        if (fix)
            fix(d, (uint32_t)ov[0], (uint32_t)ov[1]);
        at = ov[1];
    }
}

/* MARK: where the repair pass runs ----------------------------------------- */

/* A match of ocr_repair lies inside a figure — a maximal run of digits,
 * ',' '.' and the letters of vocab ocr.digit — or begins at a character of
 * its class ocr_repair_first that is none of those (a quote, a bar). A
 * figure of digits and commas with at most one point needs no repair (the
 * pattern skips it whole). So the pass runs only in windows: every other
 * figure, and each such character with the quotes and figure that follow
 * it, the subject ending one character after the window so that the
 * look-aheads see what they see in the whole text. */
enum { FIG_DIGIT = 1, FIG_POINT = 2, FIG_LETTER = 4, FIG_LEAD = 8, FIG_MAYBE = 16 };

/* p->fig: per byte, the FIG_* class of an ASCII character; FIG_MAYBE for
 * a byte that may begin a longer character of the class (its first-byte
 * bitmap from PCRE2; every lead byte when it has none). */
void jsp_repair_init(jsp_patterns *p)
{
    const jsp_lead *l = jsp_lead_get(p, "ocr_repair");
    p->repair = l;
    if (!l || !l->seen)
        return; /* no class: the pass runs over the whole text */
    const uint8_t *first = NULL;
    pcre2_pattern_info(l->cls, PCRE2_INFO_FIRSTBITMAP, &first);
    for (int c = 1; c < 256; c++) {
        char k[2] = {(char)c, 0};
        unsigned char f = 0;
        if (c >= 0x80)
            f = c >= 0xC0 && (!first || first[c / 8] & (1u << (c % 8))) ? FIG_MAYBE : 0;
        else if ((c >= '0' && c <= '9') || c == ',')
            f = FIG_DIGIT;
        else if (c == '.')
            f = FIG_POINT;
        else if (jsp_vocab_get(p->vocab, "ocr.digit", k))
            f = FIG_LETTER;
        else if (jsp_lead_may(p, l, c))
            f = FIG_LEAD;
        p->fig[c] = f;
    }
}

/* The class of the character at u[i] (its length in *k): FIG_* of an
 * ASCII one, FIG_LEAD for a longer one ocr_repair_first admits, else 0. */
static inline unsigned fig_class(const jsp_patterns *p, const jsp_lead *l, const unsigned char *u,
                                 size_t i, size_t n, size_t *k)
{
    unsigned f = p->fig[u[i]];
    *k = 1;
    if (f != FIG_MAYBE)
        return f;
    int32_t cp = -1;
    if (!(*k = jsp_utf8_decode(u + i, n - i, &cp)))
        *k = 1;
    return jsp_lead_may(p, l, cp) ? FIG_LEAD : 0;
}

/* The next window at or after `at`: its start (n if none) and end in *end.
 * A window is a figure that is not plain, or a lead character with the
 * leads and figure characters that follow it. */
static size_t next_window(const jsp_patterns *p, const jsp_lead *l, const unsigned char *u,
                          size_t at, size_t n, size_t *end)
{
    size_t k;
    while (at < n) {
        const unsigned char *fig = p->fig; /* the common case: bytes no window begins with */
        while (at + 4 <= n && !(fig[u[at]] | fig[u[at + 1]] | fig[u[at + 2]] | fig[u[at + 3]]))
            at += 4;
        while (at < n && !fig[u[at]])
            at++;
        if (at == n)
            break;
        unsigned f = fig_class(p, l, u, at, n, &k), seen = f, points = f == FIG_POINT;
        if (!f) {
            at += k;
            continue;
        }
        unsigned want = FIG_DIGIT | FIG_POINT | FIG_LETTER | (f == FIG_LEAD ? FIG_LEAD : 0);
        size_t e = at + k;
        for (unsigned g; e < n && ((g = fig_class(p, l, u, e, n, &k)) & want); e += k) {
            seen |= g;
            points += g == FIG_POINT;
        }
        if (f == FIG_LEAD || (seen & FIG_LETTER) || points > 1) {
            *end = e;
            return at;
        }
        at = e;
    }
    return n;
}

/* One pass of ocr_repair over the text, in text order, run only where it
 * can match (the windows above; the whole text when the pattern has no
 * class). Exported whole for the test that compares the two. */
void jsp_repair_figures_in(js_doc *d, bool whole)
{
    const jsp_patterns *p = &d->ctx->pat;
    const jsp_lead *l = p->repair;
    size_t n = d->norm.len, at = 0, end = 0;
    const unsigned char *u = (const unsigned char *)d->norm.text;
    if (!l)
        return;
    const pcre2_code *re = l->re;
    if (whole || !l->seen) {
        repair_in(d, re, 0, n);
        return;
    }
    while ((at = next_window(p, l, u, at, n, &end)) < n) {
        size_t k = 1, lim = end;
        if (lim < n)
            fig_class(p, l, u, lim, n, &k);
        repair_in(d, re, at, lim < n ? lim + k : n);
        at = end;
    }
}

void jsp_repair_figures(js_doc *d) { jsp_repair_figures_in(d, false); }

const jsp_repair *jsp_repair_at(const js_doc *d, uint32_t s, uint32_t e)
{
    const jsp_repair *r = d->repairs.items;
    size_t lo = 0, hi = d->repairs.n;
    while (lo < hi) { /* first repair ending after s */
        size_t mid = (lo + hi) / 2;
        if (r[mid].e <= s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < d->repairs.n && r[lo].s < e ? &r[lo] : NULL;
}
