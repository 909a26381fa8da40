/* test_normalize.c — UTF-8 repair, NFKC folding, HTML, line ends, offsets. */
#include <dirent.h>

#include "unit.h"

#include <utf8proc.h>

static jsp_norm N(const char *in)
{
    jsp_norm nm;
    assert_int_equal(jsp_normalize(unit_ctx()->fold, in, strlen(in), &nm), 0);
    return nm;
}

static void norm_is(const char *in, const char *want)
{
    jsp_norm nm = N(in);
    assert_string_equal(nm.text, want);
    jsp_norm_free(&nm);
}

static void test_fold(void **st)
{
    (void)st;
    norm_is("１２３．４５", "123.45");
    norm_is("部门：株洲", "部门:株洲");
    norm_is("政府办公厅（室）", "政府办公厅(室)");
    norm_is("a\xe3\x80\x80"
            "b",
            "a b"); /* ideographic space */
    norm_is("a\xc2\xa0"
            "b",
            "a b"); /* NBSP */
    norm_is("５０％", "50%");
    norm_is("“三公”经费", "“三公”经费"); /* curly quotes stay */
}

static void test_lines_and_html(void **st)
{
    (void)st;
    norm_is("a\r\nb\rc\fd", "a\nb\nc\nd");
    norm_is("<tr><td>201</td><td>一般</td></tr>", "201\t一般\n");
    norm_is("<tr><td></td><td>4</td></tr>", "\t4\n"); /* a leading empty cell stays */
    norm_is("<tr>\n<td>a</td>\n<td>b</td>\n</tr>\nx", " a \tb \n\nx");
    norm_is("<p>年初</p>&nbsp;&amp;", " 年初  &");
    norm_is("a < b > c", "a < b > c"); /* not a tag */
}

static void test_invalid_utf8(void **st)
{
    (void)st;
    jsp_norm nm = N("ok\xff\xfe"
                    "end\xe4\xb8");
    assert_int_equal(nm.invalid, 4);
    assert_string_equal(nm.text, "ok\xef\xbf\xbd\xef\xbf\xbd"
                                 "end\xef\xbf\xbd\xef\xbf\xbd");
    jsp_norm_free(&nm);
    nm = N("a\0b");
    jsp_norm_free(&nm);
    /* bad_utf8 counts as jsp_utf8_errors does over the input: the bytes of
     * a dropped HTML tag too, which are not replaced */
    const char *tagged = "<td class=\"\xff\xb2\xbf\">\xfe\xe4\xb8\xad</td>";
    nm = N(tagged);
    assert_int_equal(nm.invalid, 1);
    assert_int_equal(nm.bad_utf8, 4);
    assert_int_equal(nm.bad_utf8, jsp_utf8_errors(tagged, strlen(tagged), SIZE_MAX));
    jsp_norm_free(&nm);
}

static void test_offsets(void **st)
{
    (void)st;
    const char *in = "合计：２,８９９.７４";
    jsp_norm nm = N(in);
    const char *p = strstr(nm.text, "2,899.74");
    assert_non_null(p);
    size_t i = (size_t)(p - nm.text);
    /* the folded '2' maps back to the full-width '２' (3 bytes) in the input */
    assert_memory_equal(in + nm.n2o[i], "\xef\xbc\x92", 3);
    assert_int_equal(nm.n2o[nm.len], strlen(in));
    for (size_t k = 1; k <= nm.len; k++)
        assert_true(nm.n2o[k] >= nm.n2o[k - 1]);
    jsp_norm_free(&nm);
}

static void test_idempotent(void **st)
{
    (void)st;
    const char *in = "（一）财政拨款收入：１,２３４．５万元\r\n<td>ａ</td>";
    jsp_norm a = N(in), b = N(a.text);
    assert_string_equal(a.text, b.text);
    jsp_norm_free(&a);
    jsp_norm_free(&b);
}

/* The inline decoder accepts and reads exactly what utf8proc_iterate does:
 * every lead byte with continuations around the edges, truncated too. */
static void test_utf8_decode(void **st)
{
    (void)st;
    static const unsigned char tail[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90,
                                         0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
    for (unsigned lead = 0; lead < 256; lead++)
        for (size_t a = 0; a < sizeof tail; a++)
            for (size_t b = 0; b < sizeof tail; b++)
                for (size_t n = 1; n <= 4; n++) {
                    unsigned char s[4] = {(unsigned char)lead, tail[a], tail[b], 0x80};
                    int32_t cp = -1;
                    utf8proc_int32_t want = -1;
                    size_t k = jsp_utf8_decode(s, n, &cp);
                    utf8proc_ssize_t m = utf8proc_iterate(s, (utf8proc_ssize_t)n, &want);
                    assert_int_equal(k, m > 0 ? (size_t)m : 0);
                    if (k)
                        assert_int_equal(cp, want);
                }
}

/* Characters before byte b, by the cursor (forwards, and back again) and
 * by counting one by one. */
static void test_cp_at(void **st)
{
    (void)st;
    const char *t = "收入合计 1,234.56 万元\t一般公共预算财政拨款收入ab€𝄞 。end";
    uint32_t n = (uint32_t)strlen(t), naive = 0;
    jsp_cpcur cur = {0, 0};
    for (uint32_t b = 0; b <= n; b++) {
        assert_int_equal(jsp_cp_at(t, &cur, b), naive);
        naive += b < n && ((unsigned char)t[b] & 0xC0) != 0x80;
    }
    assert_int_equal(jsp_cp_at(t, &cur, 3), 1); /* backwards: counted from the start */
    assert_int_equal(jsp_cp_at(t, &cur, n), naive);
}

/* The repair pass over `in` normalised, in its windows or over the whole
 * text (the caller frees the doc). */
static js_doc *repaired(const char *in, size_t n, bool whole)
{
    js_doc *d = calloc(1, sizeof *d);
    assert_non_null(d);
    d->ctx = unit_ctx();
    assert_non_null(d->md = pcre2_match_data_create(16, NULL));
    assert_int_equal(jsp_normalize(d->ctx->fold, in, n, &d->norm), 0);
    jsp_repair_figures_in(d, whole);
    return d;
}

/* The pass in windows repairs exactly what the pass over the whole text
 * does; returns how many repairs were made. */
static size_t same_repairs(const char *in, size_t n)
{
    js_doc *a = repaired(in, n, false), *b = repaired(in, n, true);
    assert_int_equal(a->norm.len, b->norm.len);
    assert_memory_equal(a->norm.text, b->norm.text, a->norm.len);
    assert_int_equal(a->repairs.n, b->repairs.n);
    assert_int_equal(a->ocr_marks, b->ocr_marks);
    size_t marks = b->ocr_marks;
    js_doc_free(a);
    js_doc_free(b);
    return marks;
}

static size_t same_repairs_dir(const char *dir)
{
    size_t marks = 0;
    DIR *dp = opendir(dir);
    if (!dp)
        return 0; /* renderings are optional */
    for (struct dirent *de; (de = readdir(dp));) {
        size_t l = strlen(de->d_name), n;
        if (l < 5 || strcmp(de->d_name + l - 4, ".txt"))
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        char *in = unit_slurp(path, &n);
        marks += same_repairs(in, n);
        free(in);
    }
    closedir(dp);
    return marks;
}

/* OCR repair runs only where it can match: the same repairs as a pass over
 * the whole text, for damage at the text's ends, beside quotes, bars,
 * letters and CJK, and over the samples and the OCR renderings. */
static void test_repair_windows(void **st)
{
    (void)st;
    static const char *cases[] = {
        "1O.45",
        "合计 1O.45",
        "合计\t3,5OO.00\t元",
        "2.899.74",
        "合计 2.899.74%",
        "收入 “12.50 万元",
        "收入 \"12.50\t'3.40",
        "“三公”经费 12.50",
        "a | b 1 | 2",
        "表 ｜ 12.50 ｜",
        "it's 1S.00 and l2.34",
        "12.50 1O.45x 1O.45% 1O.45,",
        "x1O.45 12.501O.45 1.2.3.4",
        "１Ｏ．４５ 万元",
        "“”'\"",
        "'12.5O",
        "O.OO\nl.OO\n",
        "1,2O3.45|6",
        "第1.2节 3.4.5",
        "",
    };
    size_t marks = 0;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        marks += same_repairs(cases[i], strlen(cases[i]));
    assert_true(marks >= 10);
    marks = same_repairs_dir(JS_CORPUS_DIR "/samples") +
            same_repairs_dir(JS_CORPUS_DIR "/renderings/ocr300") +
            same_repairs_dir(JS_CORPUS_DIR "/renderings/ocr150");
    assert_true(marks > 100); /* the OCR renderings hold hundreds */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold),         cmocka_unit_test(test_lines_and_html),
        cmocka_unit_test(test_invalid_utf8), cmocka_unit_test(test_offsets),
        cmocka_unit_test(test_idempotent),   cmocka_unit_test(test_utf8_decode),
        cmocka_unit_test(test_cp_at),        cmocka_unit_test(test_repair_windows),
    };
    return cmocka_run_group_tests_name("normalize", tests, NULL, NULL);
}
