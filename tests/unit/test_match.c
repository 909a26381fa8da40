/* test_match.c — the pattern library: label keys, vocabularies, errors. */
#include <unistd.h>

#include "unit.h"

static const char *key(jsp_arena *a, const char *s)
{
    return jsp_label_key(&unit_ctx()->pat, a, NULL, s, strlen(s));
}

static void test_label_key(void **st)
{
    (void)st;
    jsp_arena a = {0};
    assert_string_equal(key(&a, "一、一般公共服务支出"), "一般公共服务支出");
    assert_string_equal(key(&a, "(三)政府采购"), "政府采购");
    assert_string_equal(key(&a, "- 二、收入决算表"), "收入决算表");
    assert_string_equal(key(&a, "合 计"), "合计");
    assert_string_equal(key(&a, "政府办公厅(室)及相关机构事务"), "政府办公厅(室)及相关机构事务");
    assert_string_equal(key(&a, "一般公共预算财政拨款“三公”经费支出决算表"),
                        "一般公共预算财政拨款三公经费支出决算表");
    jsp_arena_free(&a);
}

static void test_vocab(void **st)
{
    (void)st;
    const jsp_vocab *v = unit_ctx()->pat.vocab;
    assert_string_equal(jsp_vocab_get(v, "fclass", "卫生健康支出"), "210");
    assert_string_equal(jsp_vocab_get(v, "fclass", "医疗卫生与计划生育支出"), "210");
    assert_string_equal(jsp_vocab_get(v, "title", "财政拨款收入支出决算总表"), "04");
    assert_string_equal(jsp_vocab_get(v, "unit", "元"), "-4");
    assert_null(jsp_vocab_get(v, "fclass", "不存在的支出"));
    /* an OCR-damaged title still finds its table */
    assert_string_equal(jsp_vocab_fuzzy(v, "title", "一般公共预算财政拔款基本支出决算表"), "06");
}

/* A character all of a namespace's words hold: text without it holds none
 * of them (the table passes skip cells so). */
static void test_vocab_mark(void **st)
{
    (void)st;
    const jsp_vocab *v = unit_ctx()->pat.vocab;
    const char *m = jsp_vocab_mark(v, "title");
    assert_true(m[0]);
    assert_non_null(strstr("财政拨款收入支出决算总表", m));
    assert_non_null(strstr("一般公共预算财政拨款“三公”经费支出决算表", m));
    assert_non_null(strstr("合计", jsp_vocab_mark(v, "row.total")));
    assert_string_equal(jsp_vocab_mark(v, "no such namespace"), "");
    assert_string_equal(jsp_vocab_mark(v, "cn_digit"), ""); /* 一 二 … share nothing */
    const char *t = "  合 计 ", *u = "一般公共服务支出";
    assert_true(jsp_vocab_may(jsp_vocab_mark(v, "row.total"), t, strlen(t)));
    assert_false(jsp_vocab_may(jsp_vocab_mark(v, "row.total"), u, strlen(u)));
    assert_true(jsp_vocab_may(jsp_vocab_mark(v, "cn_digit"), u, strlen(u))); /* no mark */
    assert_true(jsp_vocab_may(NULL, u, strlen(u)));
    t = "收入决算表 01";
    assert_true(jsp_holds(t, strlen(t), "表"));
    assert_true(jsp_holds(t, strlen(t), "01"));
    assert_false(jsp_holds(t, strlen("收入决算表") - 1, "表")); /* cut inside it */
    assert_false(jsp_holds(t, 0, "表"));
    assert_false(jsp_holds(t, strlen(t), "012"));
}

/* @{ns} is a trie of the words: at one place the longest word matches, and
 * when what follows fails, the next shorter word (as the alternation of
 * the words longest first would). Uses "concept": words, then not (款). */
static void test_vocab_trie(void **st)
{
    (void)st;
    const jsp_patterns *p = &unit_ctx()->pat;
    const pcre2_code *re = jsp_regex_get(p, "concept");
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    const char *s[][2] = {
        {"公务用车购置及运行维护费12万元", "公务用车购置及运行维护费"},
        {"公务用车购置费", "公务用车购置费"},
        {"公务用车购置(款)", "公务用车"}, /* the longer word is a 款's: back off */
        {"一般公共服务支出", "一般公共服务支出"},
        {"一般公共服务(项)", ""},
    };
    for (size_t i = 0; i < sizeof s / sizeof *s; i++) {
        int rc = jsp_match(p, re, s[i][0], strlen(s[i][0]), 0, 0, md);
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        size_t got = rc > 0 && ov[0] == 0 ? ov[1] : 0;
        assert_int_equal(got, strlen(s[i][1]));
    }
    pcre2_match_data_free(md);
}

static void test_edit_distance(void **st)
{
    (void)st;
    assert_int_equal(jsp_edit_distance("政务服务中心", "政务服务中心", 5), 0);
    assert_int_equal(jsp_edit_distance("政务服务大厅", "政务服务中心", 5), 2);
    assert_int_equal(jsp_edit_distance("abc", "abcdefgh", 2), 3); /* capped */
}

/* A pattern directory whose regex.pat is TEXT fails to load, with WHERE and
 * NEEDLE in the message. */
static void expect_load_error(const char *text, const char *where, const char *needle)
{
    char dir[] = "/tmp/juesuan-pat-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/regex.pat", dir);
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
    js_error err;
    assert_null(js_ctx_new(dir, &err));
    assert_int_equal(err.code, JS_E_PATTERN);
    assert_non_null(strstr(err.msg, where));
    assert_non_null(strstr(err.msg, needle));
    remove(path);
    rmdir(dir);
}

static void test_bad_pattern(void **st)
{
    (void)st;
    expect_load_error("# comment\nlabel_strip\tx\nbroken\t(unclosed\n", "regex.pat:3:", "");
    expect_load_error("label_strip\tx\nhead\t^a+b\nhead_needs\ta+\n", "regex.pat", "head_needs");
    expect_load_error("label_strip\tx\nhead\t^a|b\nhead_needs\ta||b\n", "regex.pat", "head_needs");
}

/* NAME_needs: a subject without the text is refused before any pattern
 * run; with it, the pattern decides. */
static void test_needs(void **st)
{
    (void)st;
    const jsp_patterns *p = &unit_ctx()->pat;
    const jsp_lead *l = jsp_lead_get(p, "table_no");
    assert_non_null(l);
    assert_string_equal(l->needs, "\x03表"); /* its length, then the text */
    pcre2_match_data *md = pcre2_match_data_create(8, NULL);
    const char *yes = "公开 03 表", *no = "公开 03", *neither = "收入支出决算总表";
    assert_true(jsp_lead_find(p, l, yes, strlen(yes), 0, 0, md));
    assert_false(jsp_lead_find(p, l, no, strlen(no), 0, 0, md));
    assert_false(jsp_lead_find(p, l, neither, strlen(neither), 0, 0, md));
    assert_false(jsp_lead_find(p, l, yes, strlen(yes), strlen(yes) + 1, 0, md));
    pcre2_match_data_free(md);
    assert_true(jsp_holds("ab表", 5, "表"));
    assert_false(jsp_holds("ab表", 4, "表")); /* cut inside the character */
    assert_false(jsp_holds("\xA8\xA8", 2, "表"));
    assert_true(jsp_holds_list("占", 3, "\x06比重\x03占"));
    assert_true(jsp_holds_list("上年决算", strlen("上年决算"), "\x06预算\x06决算"));
    assert_false(jsp_holds_list("上年预", strlen("上年预"), "\x06预算\x06决算"));
    assert_false(jsp_holds_list("上年预", strlen("上年预"), ""));
}

/* @{=name} puts in a pattern loaded before it; a name not loaded is an error
 * at its line. */
static void test_pattern_ref(void **st)
{
    (void)st;
    const jsp_patterns *p = &unit_ctx()->pat;
    const pcre2_code *re = jsp_regex_get(p, "ocr_repair");
    assert_non_null(re);
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    const char *s = "合计 2.899.74";
    assert_true(jsp_match(p, re, s, strlen(s), 0, 0, md) > 0);
    int g = pcre2_substring_number_from_name(re, (PCRE2_SPTR) "points");
    assert_true(g > 0);
    assert_int_equal(pcre2_get_ovector_pointer(md)[2 * g], strlen("合计 "));
    pcre2_match_data_free(md);
    expect_load_error("label_strip\tx\npiece\ta+\nwhole\t@{=piece}b\nlater\t@{=nothing}\n",
                      "regex.pat:4:", "@{=nothing}");
}

/* The position of ocr_repair's first match in s, or -1. */
static long repair_at(const char *s)
{
    const jsp_patterns *p = &unit_ctx()->pat;
    const pcre2_code *re = jsp_regex_get(p, "ocr_repair");
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    long at =
        jsp_match(p, re, s, strlen(s), 0, 0, md) > 0 ? (long)pcre2_get_ovector_pointer(md)[0] : -1;
    pcre2_match_data_free(md);
    return at;
}

/* Numbers that need no repair are skipped whole; the damaged figure after
 * them is still found, and one glued to a letter or a number is not. */
static void test_repair_skip(void **st)
{
    (void)st;
    assert_int_equal(repair_at("12.50 1O.45"), 6);
    assert_int_equal(repair_at("1,234.56\t2.899.74"), 9);
    assert_int_equal(repair_at("收入 3,5OO.00 元"), (long)strlen("收入 "));
    assert_int_equal(repair_at("x1O.45 12.50"), -1);
    assert_int_equal(repair_at("12.501O.45"), -1);
    assert_int_equal(repair_at("12.50 | 3"), 6);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_label_key),     cmocka_unit_test(test_vocab),
        cmocka_unit_test(test_edit_distance), cmocka_unit_test(test_bad_pattern),
        cmocka_unit_test(test_pattern_ref),   cmocka_unit_test(test_vocab_mark),
        cmocka_unit_test(test_vocab_trie),    cmocka_unit_test(test_repair_skip),
        cmocka_unit_test(test_needs),
    };
    return cmocka_run_group_tests_name("match", tests, NULL, NULL);
}
