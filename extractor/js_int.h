/* SPDX-License-Identifier: MIT
 * js_int.h — internal types shared by the pipeline stages.
 *
 * Pipeline: normalize → tokenize → match → tables → prose → reconcile → emit.
 * Every stage reads the normalised text `doc->norm` and writes into the
 * per-document arena; spans are byte offsets into `norm`, mapped back to
 * the original input through `doc->n2o`. Cross-file internals use jsp_.
 */
#ifndef JS_INT_H
#define JS_INT_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "juesuan.h"

/* MARK: arena (arena.c) ---------------------------------------------------- */

typedef struct jsp_block jsp_block;
typedef struct {
    jsp_block *head;
    size_t used; /* total bytes handed out, for limits and stats */
} jsp_arena;

void *jsp_alloc(jsp_arena *a, size_t n);     /* zeroed, aligned; NULL on OOM */
void *jsp_alloc_raw(jsp_arena *a, size_t n); /* as jsp_alloc, not zeroed */
char *jsp_strndup(jsp_arena *a, const char *s, size_t n);
char *jsp_printf(jsp_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* vsnprintf, with %s %d %02d %lld %zu %% written without stdio. */
int jsp_vsnprintf(char *buf, size_t cap, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));
/* snprintf, the same way. */
int jsp_snprintf(char *buf, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void jsp_arena_free(jsp_arena *a);

/* Growable array of fixed-size items in malloc'd memory (freed by owner). */
typedef struct {
    void *items;
    size_t n, cap, size;
} jsp_vec;
void *jsp_vec_push(jsp_vec *v); /* zeroed new slot or NULL */
void jsp_vec_free(jsp_vec *v);

/* Growable output text, malloc'd; s is NUL-terminated. After a failed
 * allocation `oom` is set and further writes do nothing; the owner frees s. */
typedef struct {
    char *s;
    size_t n, cap;
    bool oom;
} jsp_buf;
void jsp_buf_grow_put(jsp_buf *b, const char *s, size_t n); /* jsp_buf_put's slow path */
/* Append n bytes (inline while they fit: emit writes short pieces). */
static inline void jsp_buf_put(jsp_buf *b, const char *s, size_t n)
{
    if (b->n + n < b->cap) { /* never after oom: cap is 0 then */
        memcpy(b->s + b->n, s, n);
        b->n += n;
        b->s[b->n] = 0;
    } else
        jsp_buf_grow_put(b, s, n);
}
void jsp_buf_puts(jsp_buf *b, const char *s);
void jsp_buf_printf(jsp_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Length of the valid UTF-8 sequence at s (at most n bytes); 0 if invalid. */
size_t jsp_utf8_len(const unsigned char *s, size_t n);
/* The same, and the code point in *cp (as utf8proc_iterate accepts and
 * reads it); inline for ASCII and the three-byte run of CJK text. */
size_t jsp_utf8_decode_any(const unsigned char *s, size_t n, int32_t *cp);
/* The code point of the common three-byte character at s (n bytes left):
 * an E1…EC lead (no overlong form, no surrogate) and two continuation
 * bytes; -1 for anything else. The fast path of every byte walk. */
static inline int32_t jsp_utf8_cjk3(const unsigned char *s, size_t n)
{
    if (n < 3 || s[0] - 0xE1u > 0xECu - 0xE1u)
        return -1;
    unsigned b1 = s[1] ^ 0x80u, b2 = s[2] ^ 0x80u; /* a continuation byte: 0…0x3F */
    return (b1 | b2) > 0x3Fu ? -1 : (int32_t)((s[0] & 0x0Fu) << 12 | b1 << 6 | b2);
}
static inline size_t jsp_utf8_decode(const unsigned char *s, size_t n, int32_t *cp)
{
    if (s[0] < 0x80) {
        *cp = (int32_t)s[0];
        return 1;
    }
    if ((*cp = jsp_utf8_cjk3(s, n)) >= 0)
        return 3;
    return jsp_utf8_decode_any(s, n, cp);
}
/* Nonzero when some byte of w equals b (the word-at-a-time zero-byte test
 * on w ^ b…b; exact as to whether any byte does). */
static inline uint64_t jsp_word_has(uint64_t w, unsigned char b)
{
    const uint64_t ones = 0x0101010101010101ULL;
    uint64_t x = w ^ (ones * b);
    return (x - ones) & ~x & (ones << 7);
}
/* Hash of the string s (NUL-terminated) continuing h (start with 0): eight
 * bytes a step, mixed so every byte reaches the low bits a table masks. The
 * last step loads the string's last eight bytes (or builds a short string's
 * word in a register): bytes stored one by one and read back as a word
 * would stall the load. */
static inline uint64_t jsp_hash(uint64_t h, const char *s)
{
    size_t len = strlen(s), n = len;
    const char *p = s;
    uint64_t w = 0;
    for (; n > 8; p += 8, n -= 8) {
        memcpy(&w, p, 8);
        h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
        h ^= h >> 32;
    }
    if (len >= 8)
        memcpy(&w, s + len - 8, 8);
    else
        for (size_t i = 0; i < n; i++)
            w |= (uint64_t)(unsigned char)p[i] << 8 * i;
    h = (h ^ w ^ (uint64_t)len << 56) * 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    return h ^ (h >> 33);
}
/* Characters (code points) in a NUL-terminated UTF-8 string. */
size_t jsp_cp_count(const char *s);
/* Whether s[0, n) holds needle[0, k) (k > 0). memchr finds the needle's
 * last byte (for a character, a continuation byte: one of 64, where a lead
 * byte is one of few). */
static inline bool jsp_holds_n(const char *s, size_t n, const char *needle, size_t k)
{
    if (k > n)
        return false;
    const char *at = s + k - 1, *end = s + n;
    while ((at = memchr(at, needle[k - 1], (size_t)(end - at)))) {
        if (!memcmp(at - (k - 1), needle, k - 1))
            return true;
        at++;
    }
    return false;
}
/* The same for a NUL-terminated needle. */
static inline bool jsp_holds(const char *s, size_t n, const char *needle)
{
    return jsp_holds_n(s, n, needle, strlen(needle));
}
/* Whether s[0, n) holds one of a list of texts, each after its length
 * byte, ended by a zero length (as needs_init keeps a NAME_needs). */
static inline bool jsp_holds_list(const char *s, size_t n, const char *list)
{
    for (const char *q = list; *q; q += 1 + (unsigned char)*q)
        if (jsp_holds_n(s, n, q + 1, (unsigned char)*q))
            return true;
    return false;
}

/* MARK: exact decimals (dec.c) ------------------------------------------- */

/* value = v / 10^sc; sc in 0..12. Never binary floating point. */
typedef struct {
    int64_t v;
    int8_t sc;
} js_dec;

/* Parse an amount cell: optional sign, digits with ',' thousands groups,
 * optional '.' fraction. Returns false unless the whole text is a number. */
bool jsp_dec_parse(const char *s, size_t n, js_dec *out);
js_dec jsp_dec_add(js_dec a, js_dec b);
js_dec jsp_dec_sub(js_dec a, js_dec b);
int jsp_dec_cmp(js_dec a, js_dec b);
js_dec jsp_dec_shift(js_dec a, int pow10); /* a × 10^pow10, exact */
/* The same, false instead of overflowing or losing a digit. */
bool jsp_dec_shift_checked(js_dec a, int pow10, js_dec *out);
js_dec jsp_dec_abs(js_dec a);
bool jsp_dec_is_zero(js_dec a);
/* |total − sum| within a hundredth per figure of the n that make them (rounding). */
bool jsp_dec_near(js_dec total, js_dec sum, int n);
double jsp_dec_to_double(js_dec a);
/* Print as plain decimal text into buf (≥ 32 bytes). */
void jsp_dec_format(js_dec a, char *buf, size_t n);

/* MARK: decoding (decode.c) ------------------------------------------------ */

/* The input's encoding when it is not UTF-8. A UTF-16 BOM names UTF-16;
 * otherwise bytes that are not UTF-8 are read as GB18030 when they are
 * that. The pipeline counts the invalid sequences while it normalises (one
 * pass over the text, not two) and converts only then. jsp_bom: the BOM's
 * encoding or NULL. The conversions return the encoding's name and set
 * *owned (malloc'd UTF-8, caller frees) and *len, or return NULL (bytes
 * used as they are). jsp_decode_wants_gb: whether `bad` invalid sequences
 * in n bytes mean GB18030. */
const char *jsp_bom(const char *s, size_t n);
const char *jsp_decode_bom(const char *s, size_t n, char **owned, size_t *len);
bool jsp_decode_wants_gb(size_t n, size_t bad);
const char *jsp_decode_gb(const char *s, size_t n, char **owned, size_t *len);
/* Invalid UTF-8 sequences in s[0, n), each undecodable byte one (counting
 * stops at cap). */
size_t jsp_utf8_errors(const char *s, size_t n, size_t cap);

/* MARK: normalisation (normalize.c) ----------------------------------------- */

typedef struct {
    char *text; /* NFKC-folded UTF-8, LF line ends, HTML tags removed */
    size_t len;
    uint32_t *n2o;   /* n2o[i] = byte offset in the original input of norm byte i; len+1 entries */
    size_t invalid;  /* invalid UTF-8 sequences replaced by U+FFFD */
    size_t bad_utf8; /* those and the ones inside HTML tags: jsp_utf8_errors of the input */
    size_t nul;      /* NUL and other control bytes folded to spaces */
    uint32_t *pages; /* norm offsets where a form feed (new page) was */
    size_t npages;
} jsp_norm;

typedef struct jsp_fold jsp_fold; /* per-code-point NFKC table, built once */
jsp_fold *jsp_fold_new(void);
void jsp_fold_free(jsp_fold *f);
int jsp_normalize(const jsp_fold *f, const char *in, size_t n, jsp_norm *out);
/* Byte span in the input `in` of the norm span [s, e), e > s: from the input
 * character of norm byte s to the end of the one of byte e-1 (an HTML
 * entity whole). */
void jsp_orig_span(const jsp_norm *nm, const char *in, size_t inlen, uint32_t s, uint32_t e,
                   uint32_t *ob, uint32_t *oe);
/* Code points of `in` before byte b. A cursor makes ascending queries linear;
 * invalid UTF-8 bytes count one each. */
typedef struct {
    uint32_t at, cps;
} jsp_cpcur;
uint32_t jsp_cp_at(const char *in, jsp_cpcur *cur, uint32_t b);
void jsp_norm_free(jsp_norm *nm);

/* MARK: tokens: lines and cells (tokenize.c) ------------------------------ */

typedef enum { JSP_SPLIT_NONE, JSP_SPLIT_TAB, JSP_SPLIT_SPACE } jsp_split;

typedef struct {
    uint32_t s, e; /* trimmed byte span in norm (s == e: empty cell) */
    int x0, x1;    /* display columns (CJK = 2) of the span in its line */
    int c0, c1;    /* the same in characters (CJK = 1), as pdftotext -layout counts */
    int col;       /* grid column, assigned by tables.c */
    char *key;     /* its label key, computed once on demand (tables.c), arena */
    int8_t tok;    /* 1 + its jsp_tok once jsp_cell_tok asked, else 0 */
    js_dec val;    /* its amount, when tok says so */
} jsp_cell;

typedef struct {
    uint32_t s, e;   /* line span in norm, without the LF */
    jsp_cell *cells; /* arena */
    int ncells;
    uint8_t split;    /* jsp_split */
    bool lead_tab;    /* line starts with a tab (one-cell-per-line marker) */
    bool blank;       /* only white space */
    bool page;        /* first line after a form feed (a new page) */
    bool taken;       /* read by an earlier table (tables.c: column blocks) */
    const char *dept; /* the department a 部门：/编制单位 line names (header.c) */
    int8_t table;     /* table id 1..9 of a table line (tables.c), else 0 */
    int8_t shift;     /* that table's power of ten to 万元 */
} jsp_line;

int jsp_tokenize(jsp_arena *a, const char *text, size_t len, jsp_line **lines, size_t *nlines);

/* Number-ish classification of a cell's text. */
typedef enum {
    JSP_TOK_EMPTY,  /* blank */
    JSP_TOK_DASH,   /* "-" "—" used as an empty amount */
    JSP_TOK_AMOUNT, /* a decimal amount like 2,899.74 or 581 */
    JSP_TOK_TEXT    /* anything else */
} jsp_tok;
jsp_tok jsp_classify(const char *s, size_t n, js_dec *val);
/* jsp_classify of a cell of `text`, asked once: the answer is kept in the
 * cell (arena memory, written through the const as the key is). */
jsp_tok jsp_cell_tok(const char *text, const jsp_cell *c, js_dec *val);

/* Copy a cell's text without any white space (names: layout noise removed). */
char *jsp_squeeze(jsp_arena *a, const char *s, size_t n);

/* MARK: pattern library (match.c) ------------------------------------------ */

typedef struct jsp_vocab jsp_vocab; /* hash: (namespace, key text) → value */

/* A pattern searched by lead: where it has a lead class ("NAME_first" in
 * its file, a class of characters), it is tried, anchored, only at the
 * characters the class admits, so the same leftmost match is found with no
 * pattern run at other characters. The class's answers are cached per BMP
 * character as characters are met (shared by every thread: relaxed
 * atomics, as any two answers for a character agree). Without a class the
 * pattern searches as usual. A pattern anchored at its subject's start (^)
 * can match only there: its class lists the characters a match can begin
 * with after leading spaces and tabs, is asked about that one character,
 * and a line or cell that begins with none of them costs no pattern run.
 * A pattern may also name text every match holds ("NAME_needs": plain
 * texts joined by |, one of which is in every match): a subject without
 * any costs no pattern run either. */
typedef struct {
    const pcre2_code *re;        /* the pattern; borrowed */
    const pcre2_code *anchored;  /* the same compiled PCRE2_ANCHORED, or NULL; borrowed */
    const pcre2_code *cls;       /* the lead class, or NULL; borrowed */
    _Atomic unsigned char *seen; /* per BMP character: 0 not asked, 1 no, 2 yes; NULL = no class */
    bool start_only;   /* anchored (^): only the first character after white space is asked */
    const char *needs; /* "NAME_needs" (a|b|…, one held by every match) as a jsp_holds_list
                          list, or NULL; borrowed */
} jsp_lead;

typedef struct {
    char name[48];
    pcre2_code *re;
    pcre2_code *anchored; /* for a lead or "mention", else NULL */
    jsp_lead lead;        /* its search (the cache owned here) */
    char *src;            /* the expanded source while its file loads */
    char *needs;          /* its NAME_needs as a jsp_holds_list list (malloc'd), or NULL */
} jsp_regex;

typedef struct {
    char key[64];   /* record path under narrative., e.g. three_public.budget_total */
    char kind[8];   /* amount | count | pct | signed */
    pcre2_code *re; /* group "v" = the figure, optional "neg" = direction */
    int line;       /* line in narrative.pat, for provenance */
} jsp_rule;

typedef struct {
    char kind[8]; /* sum | le | hier */
    char id[64];  /* stable check id (may hold $k) */
    char *expr;   /* malloc'd */
} jsp_checkdef;

/* The named groups of the number grammar ("mention") numbers.c reads. */
enum {
    JSP_G_DATE,
    JSP_G_MDAY,
    JSP_G_FLAT,
    JSP_G_FIG, /* an Arabic figure and what follows it: %, a unit, a classifier */
    JSP_G_PCT,
    JSP_G_AMT,
    JSP_G_CNT,
    JSP_G_CODE,
    JSP_G_BARE,
    JSP_G_Y,
    JSP_G_MO,
    JSP_G_MO2,
    JSP_G_DD,
    JSP_G_DD2,
    JSP_G_DIR, /* the direction word before a figure, of any kind */
    JSP_G_FN,
    JSP_G_PU,
    JSP_G_AU,
    JSP_G_CM,
    JSP_G_CL,
    JSP_G_PN2,
    JSP_G_PC,
    JSP_G_AN,
    JSP_G_AC,
    JSP_G_AU2,
    JSP_G_CC,
    JSP_G_CL2,
    JSP_G_COUNT
};

typedef struct {
    jsp_vocab *vocab;
    jsp_checkdef *checks; /* checks.tsv, in file order */
    size_t nchecks;
    jsp_regex *regex;
    size_t nregex;
    uint32_t *byname; /* p->regex by name: open addressing, 1 + index (match.c) */
    size_t nbyname;
    jsp_rule *rules;
    size_t nrules;
    const pcre2_code *mention;          /* numbers.pat "mention", borrowed */
    const pcre2_code *mention_anchored; /* the same, anchored, borrowed */
    jsp_lead start;                     /* copies of the leads of "mention_start", */
    jsp_lead concept;                   /* "concept" */
    jsp_lead strip;                     /* and "label_strip" */
    uint32_t *quals;                    /* p->regex indices of "qualifier.*", in order */
    size_t nquals;
    pcre2_match_context *mctx; /* match and depth limits, read-only */
    bool all_jit;              /* every pattern JIT-compiled: jsp_match calls JIT directly */
    int group[JSP_G_COUNT];    /* "mention"'s group numbers (jsp_num_init) */
    const jsp_lead *repair; /* "ocr_repair"'s lead, or NULL (set last: p->regex no longer moves) */
    unsigned char fig[256]; /* its byte classes, when it has a class */
} jsp_patterns;

int jsp_patterns_load(const char *dir, jsp_patterns *p, js_error *err);
void jsp_patterns_free(jsp_patterns *p);
/* Lookup `key` (already a label key, see jsp_label_key) in namespace `ns`. */
const char *jsp_vocab_get(const jsp_vocab *v, const char *ns, const char *key);
const pcre2_code *jsp_regex_get(const jsp_patterns *p, const char *name);
/* Label key: white space, list markers (一、 (一) 1. ①), quotes and a
 * trailing colon removed. Arena string. */
char *jsp_label_key(const jsp_patterns *p, jsp_arena *a, pcre2_match_data *md, const char *s,
                    size_t n); /* md: a match block to reuse, or NULL */
/* Whether a match of l can begin with code point cp. */
bool jsp_lead_ask(const jsp_patterns *p, const jsp_lead *l, int32_t cp);
static inline bool jsp_lead_may(const jsp_patterns *p, const jsp_lead *l, int32_t cp)
{
    if (!l->seen || cp < 0 || cp > 0xFFFF)
        return true;
    unsigned v = atomic_load_explicit(&l->seen[cp], memory_order_relaxed);
    return v ? v == 2 : jsp_lead_ask(p, l, cp);
}
/* The lead of pattern `name`, or NULL. */
const jsp_lead *jsp_lead_get(const jsp_patterns *p, const char *name);
/* The leftmost match of l in s[at, n) into md (opts: 0 or PCRE2_NOTEMPTY);
 * false when none. */
bool jsp_lead_find(const jsp_patterns *p, const jsp_lead *l, const char *s, size_t n, size_t at,
                   uint32_t opts, pcre2_match_data *md);
/* pcre2_match on text known to be valid UTF-8 (the normaliser's output, or
 * slices of it at character boundaries), under the library's match limits. */
int jsp_match(const jsp_patterns *p, const pcre2_code *re, const char *s, size_t n, size_t off,
              uint32_t opts, pcre2_match_data *md);
/* Span of the named group `name` of the last match; false when unset. */
bool jsp_group(const pcre2_code *re, pcre2_match_data *md, const char *name, size_t *s, size_t *e);
/* Levenshtein distance over code points, capped at `cap`+1. */
int jsp_edit_distance(const char *a, const char *b, int cap);
/* Best fuzzy entry of namespace `ns` within distance ≤ len/4; NULL if none. */
const char *jsp_vocab_fuzzy(const jsp_vocab *v, const char *ns, const char *key);
/* The key of an entry of namespace `ns` whose value is within len/4 of
 * `text` (equal, for a text under four characters; the first such); NULL
 * if none. */
const char *jsp_vocab_near_value(const jsp_vocab *v, const char *ns, const char *text);
/* The one value of namespace `ns` whose keys begin with `key` (4 characters
 * or more): a label wrapped over lines, cut short; NULL if none or several. */
const char *jsp_vocab_prefix(const jsp_vocab *v, const char *ns, const char *key);
/* The mark of namespace ns: one character (UTF-8) every word of it holds,
 * "" when they share none. Keys are made from text by taking characters
 * away (jsp_label_key), so text without the mark gives no key of ns. */
const char *jsp_vocab_mark(const jsp_vocab *v, const char *ns);
/* False when s[0, n) lacks `mark` (from jsp_vocab_mark; NULL or "": none):
 * no key made from it is a word of the mark's namespace. */
static inline bool jsp_vocab_may(const char *mark, const char *s, size_t n)
{
    return !mark || !*mark || jsp_holds(s, n, mark);
}

/* MARK: the number grammar (numbers.c) ------------------------------------- */

typedef enum { JSP_M_AMOUNT, JSP_M_PERCENT, JSP_M_COUNT, JSP_M_DATE, JSP_M_CODE } jsp_mkind;

/* One numeric mention. Spans are norm byte offsets. */
typedef struct {
    uint32_t s, e;
    uint8_t kind;          /* jsp_mkind */
    int8_t sign;           /* direction word: +1, -1, 0 (持平); 2 when none */
    bool bare;             /* a figure without a unit (table cells only) */
    js_dec value;          /* amount in 万元, percent, count (not date/code) */
    char str[16];          /* date "2018-12-31" / code "2010301" */
    const char *unit;      /* "万元" "%" "个百分点" or the classifier (static/ctx) */
    const char *unit_text; /* the unit as written ("元", "千元"), arena; NULL if none */
    const char *label;     /* concept (arena or ctx), NULL if none */
    const char *term;      /* the term that named it, as a vocabulary key */
    uint32_t label_e;      /* norm offset where that term ended */
    const char *qualifier; /* 决算 预算 上年 变动 占比 完成率, NULL if none */
    const char *path;      /* record path the figure fed, NULL if none */
    int8_t shift;          /* power of ten to 万元 a bare figure was read with */
    /* Filled at the end of the stage, in the original (decoded) input: */
    uint32_t ob, oe;  /* byte offsets */
    uint32_t cs, ce;  /* code-point offsets */
    const char *text; /* input bytes [ob, oe), arena */
} jsp_mention;

/* Evaluate the "mention" match in md (over `text`). `shift` is the power of
 * ten to 万元 for a bare figure. False when the match is not a mention. */
/* Resolve the group numbers of p->mention into p->group (at load). */
void jsp_num_init(jsp_patterns *p);
bool jsp_num_eval(const jsp_patterns *p, jsp_arena *a, const char *text, pcre2_match_data *md,
                  int shift, jsp_mention *m);
/* Value of a Chinese numeral (十五, 两千三百, 二〇一八); false if invalid. */
bool jsp_cn_numeral(const jsp_vocab *v, const char *s, size_t n, js_dec *out);
/* Parse one mention's text (already NFKC-folded) whole: true when the
 * grammar reads all of it as one mention. For property tests and tools. */
bool jsp_num_parse(const jsp_patterns *p, jsp_arena *a, const char *text, size_t n, int shift,
                   jsp_mention *m);

/* MARK: context and document ----------------------------------------------- */

struct js_ctx {
    jsp_patterns pat;
    jsp_fold *fold;
    size_t max_input;
};

typedef enum { JSP_F_NUM, JSP_F_INT, JSP_F_STR } jsp_fkind;

typedef struct {
    const char *path; /* "tables.02.rows.201.total" */
    jsp_fkind kind;
    js_dec num;
    const char *str;
    uint32_t s, e;    /* source span in norm */
    const char *rule; /* what produced it */
    /* Filled by jsp_locate_facts at the end of js_extract (provenance): */
    uint32_t ob, oe, cs, ce; /* byte and code-point span in the input */
    uint32_t line;           /* 1-based line */
    const char *text;        /* input bytes [ob, oe), arena */
} jsp_fact;

typedef struct {
    const char *msg;
    uint32_t line0, line1; /* 1-based line range, 0 if none */
} jsp_warning;

/* What tables.c saw of each table it read, for the header checks. */
typedef struct {
    int id;
    const char *dept; /* its 部门 line, NULL if none */
    uint32_t dept_line, line0;
    int shift;    /* its unit's power of ten to 万元 */
    int year;     /* a 20XX年度 on its first lines, 0 if none */
    bool foreign; /* left out: another department's */
    bool read;    /* it had figures and was read */
} jsp_tinfo;

/* A figure printed in a summary table (01, 04) on a line of figures only,
 * which its reading did not place (plain pdftotext prints the expenditure
 * side apart from its labels, some of it after the next table's title):
 * reconcile.c places it by the other tables' sums, each print once. */
typedef struct {
    int table;
    uint32_t s, e; /* norm span */
    js_dec v;      /* in 万元 */
    bool used;
} jsp_loose;

typedef enum { JSP_C_PASS, JSP_C_ROUNDING, JSP_C_FAIL, JSP_C_NOT_CHECKED } jsp_cstatus;

/* One check (checks.c): an identity between figures of the record. */
typedef struct {
    const char *id, *msg;
    uint8_t status; /* jsp_cstatus */
    bool has_values;
    js_dec expected, actual; /* actual = the left side, expected = the right */
    const char **paths;      /* arena, npaths entries */
    int npaths;
} jsp_check;

typedef struct js_doc {
    const js_ctx *ctx;
    js_opts opts;
    jsp_arena arena;
    const char *input; /* borrowed during js_extract only (decoded text) */
    char *decoded;     /* UTF-8 made from a GB18030/UTF-16 input, or NULL */
    size_t decoded_len;
    size_t input_len;
    jsp_norm norm;
    jsp_line *lines;
    size_t nlines;
    jsp_vec facts;           /* jsp_fact */
    uint32_t *fslot;         /* hash of facts by path: index+1, 0 empty (malloc'd) */
    size_t nfslot, findexed; /* slots; facts indexed so far (SIZE_MAX: rebuild) */
    jsp_vec warnings;        /* jsp_warning */
    jsp_vec mentions;        /* jsp_mention, with JS_OPT_MENTIONS (mentions.c) */
    jsp_vec tinfo;           /* jsp_tinfo (tables.c) */
    jsp_vec loose;           /* jsp_loose (tables.c → reconcile.c) */
    jsp_vec checks;          /* jsp_check (checks.c) */
    jsp_vec repairs;         /* jsp_repair: OCR figures read again (normalize.c), by offset */
    size_t ocr_marks;        /* signs of OCR in the text: repairs, bars read for rules */
    pcre2_match_data *md;    /* one match block for the stages' single matches */
    const char *department;
    int year;
    size_t prose_start, prose_end; /* line range of 第三部分 (情况说明) */
    const char *source_name;
    char sha256[65];
    bool is_report;
    uint64_t stage_ns[JS_NSTAGES]; /* time per stage (js_stage_name) */
} js_doc;

/* An OCR figure read again: norm span [s, e) (same length as before) and
 * what the text said there. */
typedef struct {
    uint32_t s, e;
    const char *was; /* arena */
} jsp_repair;

/* OCR repair of figures (normalize.c), in place, after jsp_normalize, in
 * one pass of regex.pat ocr_repair: rules and specks blanked, letters read
 * for digits in an amount (ocr_figure, vocab ocr.digit), thousands
 * separators read as points (ocr_points). Records each in d->repairs. */
void jsp_repair_figures(js_doc *d);
/* The same pass with `whole` over the whole text, not only where it can
 * match (the reference the windows are tested against). */
void jsp_repair_figures_in(js_doc *d, bool whole);
/* The repair pass's character classes, from ocr_repair_first and vocab
 * ocr.digit (jsp_patterns_load calls it last). */
void jsp_repair_init(jsp_patterns *p);
/* The repair overlapping norm span [s, e), or NULL. */
const jsp_repair *jsp_repair_at(const js_doc *d, uint32_t s, uint32_t e);

/* Facts (reconcile.c): set replaces an existing path; get returns NULL. */
jsp_fact *jsp_fact_set(js_doc *d, const char *path, jsp_fkind kind, js_dec num, const char *str,
                       uint32_t s, uint32_t e, const char *rule);
jsp_fact *jsp_fact_get(const js_doc *d, const char *path);
void jsp_warn(js_doc *d, uint32_t line0, uint32_t line1, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* 1-based line number of a norm byte offset. */
uint32_t jsp_line_of(const js_doc *d, uint32_t off);

/* Stages. */
void jsp_header(js_doc *d);    /* department, year, prose range (header.c) */
void jsp_tables(js_doc *d);    /* tables.c */
void jsp_prose(js_doc *d);     /* prose.c */
void jsp_reconcile(js_doc *d); /* reconcile.c */
void jsp_checks(js_doc *d);    /* checks.c */
/* Whether a prose check reads the label of mention m, judged from its
 * kind, sign and qualifier (checks.c): without the mention list only these
 * labels are searched for. */
bool jsp_check_reads_label(const jsp_mention *m);
void jsp_locate_facts(js_doc *d, const char *in, size_t inlen); /* reconcile.c */
/* mentions.c; in = decoded input. Prose always (the checks use it), table
 * cells too when `tables`. */
void jsp_mentions(js_doc *d, const char *in, size_t inlen, bool all);
char *jsp_emit(const js_doc *d, js_opts opts); /* emit.c */

void jsp_sha256(const void *data, size_t len, char hex[65]);
/* The same; `portable`: never the CPU's SHA instructions (for tests). */
void jsp_sha256_with(const void *data, size_t len, char hex[65], bool portable);

#endif
