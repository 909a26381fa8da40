/* test_tokenize.c — lines, cells, display columns, cell classification. */
#include "unit.h"

#include <utf8proc.h>

/* The lines of t (arena a), asserting the tokenizer succeeds. */
static jsp_line *lines_of(jsp_arena *a, const char *t, size_t *n)
{
    jsp_line *ls = NULL;
    assert_int_equal(jsp_tokenize(a, t, strlen(t), &ls, n), 0);
    return ls;
}

static void test_tabs(void **st)
{
    (void)st;
    jsp_arena a = {0};
    size_t n;
    jsp_line *ls = lines_of(&a, "201\t一般\t\t1.00\n\t3\n\n", &n);
    assert_int_equal(n, 4);
    assert_int_equal(ls[0].ncells, 4);
    assert_int_equal(ls[0].cells[2].s, ls[0].cells[2].e); /* empty cell kept */
    assert_true(ls[1].lead_tab);
    assert_int_equal(ls[1].ncells, 2);
    assert_true(ls[2].blank);
    jsp_arena_free(&a);
}

static void test_spaces(void **st)
{
    (void)st;
    jsp_arena a = {0};
    size_t n;
    jsp_line *ls = lines_of(&a, "  201   一般公共服务   488.26\n一般行政管理事 务", &n);
    assert_int_equal(ls[0].ncells, 3);
    assert_int_equal(ls[0].cells[0].x0, 2);
    assert_int_equal(ls[0].cells[1].x0, 8);
    assert_int_equal(ls[0].cells[1].x1, 8 + 12); /* six CJK characters, two columns each */
    assert_int_equal(ls[0].cells[2].x1, 29);
    assert_int_equal(ls[1].ncells, 1); /* a single space does not split */
    jsp_arena_free(&a);
}

/* Columns across every kind of character: ASCII, CJK counted in the fast
 * run (一 lead byte E4, 支出 E5-E8, 龥 E9, 。), and a combining mark (no
 * width, outside the run). */
static void test_columns(void **st)
{
    (void)st;
    jsp_arena a = {0};
    size_t n;
    jsp_line *ls = lines_of(&a,
                            "a一b龥c支出。e\xcc\x81"
                            "f  9",
                            &n);
    assert_int_equal(ls[0].ncells, 2);
    /* a1 一2 b1 龥2 c1 支2 出2 。2 e1 U+0301 0 f1 = 15 columns, 11 characters */
    assert_int_equal(ls[0].cells[0].x1, 15);
    assert_int_equal(ls[0].cells[0].c1, 11);
    assert_int_equal(ls[0].cells[1].x0, 17);
    assert_int_equal(ls[0].cells[1].c0, 13);
    ls = lines_of(&a, "支出\t 一 \t出", &n);
    assert_int_equal(ls[0].ncells, 3);
    assert_int_equal(ls[0].cells[1].x0, 6); /* 支出 4, tab 1, space 1 */
    assert_int_equal(ls[0].cells[2].x0, 10);
    jsp_arena_free(&a);
}

/* Every character of U+3000…U+9FFF is counted as utf8proc counts it,
 * whether the fast run takes it (the wide ones it knows) or not. */
static void test_widths(void **st)
{
    (void)st;
    jsp_arena a = {0};
    size_t n;
    int checked = 0;
    for (int32_t cp = 0x3000; cp <= 0x9FFF; cp++) {
        int w = utf8proc_charwidth(cp);
        if (w < 1 || utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS)
            continue;
        char t[16];
        utf8proc_ssize_t k = utf8proc_encode_char(cp, (utf8proc_uint8_t *)t + 1);
        t[0] = 'a'; /* a1 cp cp b1 */
        memcpy(t + 1 + k, t + 1, (size_t)k);
        memcpy(t + 1 + 2 * k, "b", 2);
        jsp_line *ls = lines_of(&a, t, &n);
        assert_int_equal(ls[0].ncells, 1);
        assert_int_equal(ls[0].cells[0].x1, 2 + 2 * w);
        assert_int_equal(ls[0].cells[0].c1, 4);
        checked++;
    }
    assert_true(checked > 20000);
    jsp_arena_free(&a);
}

static void test_classify(void **st)
{
    (void)st;
    js_dec v;
    assert_int_equal(jsp_classify(" 1,645.42 ", 10, &v), JSP_TOK_AMOUNT);
    assert_int_equal(v.v, 164542);
    assert_int_equal(jsp_classify("", 0, NULL), JSP_TOK_EMPTY);
    assert_int_equal(jsp_classify("-", 1, NULL), JSP_TOK_DASH);
    assert_int_equal(jsp_classify("—", strlen("—"), NULL), JSP_TOK_DASH);
    assert_int_equal(jsp_classify("合计", strlen("合计"), NULL), JSP_TOK_TEXT);
    jsp_arena a = {0};
    assert_string_equal(jsp_squeeze(&a, "一般行政管理事 务", strlen("一般行政管理事 务")),
                        "一般行政管理事务");
    jsp_arena_free(&a);
}

/* A cell is classified once: the kept answer (and amount) is what
 * jsp_classify says, an amount is given back each time, a text cell leaves
 * the caller's value alone. */
static void test_cell_tok(void **st)
{
    (void)st;
    const char *text = "合计\t1,645.42\t-";
    jsp_cell name = {.s = 0, .e = 6}, fig = {.s = 7, .e = 15}, dash = {.s = 16, .e = 17};
    js_dec v = {7, 0};
    assert_int_equal(jsp_cell_tok(text, &name, &v), JSP_TOK_TEXT);
    assert_int_equal(v.v, 7);
    assert_int_equal(jsp_cell_tok(text, &fig, &v), JSP_TOK_AMOUNT);
    assert_int_equal(v.v, 164542);
    assert_int_equal(v.sc, 2);
    v.v = 0;
    assert_int_equal(jsp_cell_tok("whatever text now", &fig, &v), JSP_TOK_AMOUNT); /* kept */
    assert_int_equal(v.v, 164542);
    assert_int_equal(jsp_cell_tok(text, &dash, NULL), JSP_TOK_DASH);
    assert_int_equal(dash.tok, 1 + JSP_TOK_DASH);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tabs),     cmocka_unit_test(test_spaces),
        cmocka_unit_test(test_columns),  cmocka_unit_test(test_widths),
        cmocka_unit_test(test_classify), cmocka_unit_test(test_cell_tok),
    };
    return cmocka_run_group_tests_name("tokenize", tests, NULL, NULL);
}
