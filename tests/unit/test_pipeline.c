/* test_pipeline.c — the public API: errors, limits, prose rules, emit. */
#include "unit.h"

static void test_strerror_every_code(void **st)
{
    (void)st;
    for (int c = JS_OK; c <= JS_E_NOTREPORT; c++)
        assert_true(strlen(js_strerror((js_status)c)) > 0);
}

static void test_limit(void **st)
{
    (void)st;
    js_error e;
    js_error ctxerr;
    js_ctx *c = js_ctx_new(NULL, &ctxerr);
    assert_non_null(c);
    js_ctx_set_max_input(c, 4);
    js_doc *d = NULL;
    assert_int_equal(js_extract(c, "0123456789", 10, 0, &d, &e), JS_E_LIMIT);
    assert_null(d);
    js_ctx_free(c);
    js_ctx_free(NULL);
    js_doc_free(NULL);
}

static void test_not_a_report(void **st)
{
    (void)st;
    js_doc *d = NULL;
    assert_int_equal(js_extract(unit_ctx(), "hello\n", 6, 0, &d, NULL), JS_OK);
    assert_false(js_doc_is_report(d));
    js_doc_free(d);
}

static void test_prose(void **st)
{
    (void)st;
    json_t *r = unit_record("测试局2019年度部门决算\n\n第三部分\n\n"
                            "一、收入支出决算总体情况说明\n"
                            "2019年度收、支总计120.5万元。与上年相比，减少10.5万元，下降8.02%。\n"
                            "“三公”经费财政拨款支出预算为3万元，支出决算为2.5万元。\n"
                            "公务接待费支出决算为2.5万元，全年共接待来访团组3个、来宾30人次。\n"
                            "本部门2019年度机关运行经费支出45.6万元。\n"
                            "政府采购支出总额12,000元，其中：政府采购货物支出0万元。\n"
                            "\n第四部分\n\n“三公”经费财政拨款支出预算为99万元。\n");
    assert_num(r, "narrative.yoy.total_change", -10.5);
    assert_num(r, "narrative.yoy.total_change_pct", -8.02);
    assert_num(r, "narrative.three_public.budget_total", 3.0); /* 第三部分 wins */
    assert_num(r, "narrative.three_public.actual_total", 2.5);
    assert_num(r, "narrative.three_public.reception_batches", 3);
    assert_num(r, "narrative.three_public.reception_people", 30);
    assert_num(r, "narrative.operating_costs", 45.6);
    assert_num(r, "narrative.procurement.total", 1.2); /* 元 → 万元 */
    assert_absent(r, "narrative.procurement.goods");   /* zero is left out */
    json_decref(r);
}

/* GB18030 and UTF-16 (with BOM) input is decoded before anything else. */
static void test_encodings(void **st)
{
    (void)st;
    static const char gb[] = "\xb2\xbf\xc3\xc5\xa3\xba\xb2\xe2\xca\xd4\xbe\xd6\x0a\x32\x30\x31\x39\xc4\xea\xb6\xc8\xb2\xbf\xc3\xc5\xbe\xf6\xcb\xe3\x0a";
    js_doc *d = NULL;
    assert_int_equal(js_extract(unit_ctx(), gb, sizeof gb - 1, 0, &d, NULL), JS_OK);
    char *s = js_doc_json(d, 0);
    assert_non_null(strstr(s, "测试局"));
    assert_non_null(strstr(s, "GB18030"));
    free(s);
    js_doc_free(d);
    static const char u16[] = "\xff\xfe\xe8\x90\x8f\x5b\x0a\x00"; /* BOM 萨 孏 LF (UTF-16LE) */
    char *owned;
    size_t len;
    assert_string_equal(jsp_decode(u16, sizeof u16 - 1, &owned, &len), "UTF-16LE");
    assert_int_equal(len, 7);
    free(owned);
    assert_null(jsp_decode("plain UTF-8 部门", strlen("plain UTF-8 部门"), &owned, &len));
    assert_null(owned);
}

static void test_json_escapes(void **st)
{
    (void)st;
    json_t *r = unit_record("部门：\"引号\\单位\"测试局\n2019年度部门决算\n");
    assert_non_null(json_object_get(r, "unit"));
    json_decref(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strerror_every_code),
        cmocka_unit_test(test_limit),
        cmocka_unit_test(test_not_a_report),
        cmocka_unit_test(test_prose),
        cmocka_unit_test(test_json_escapes),
        cmocka_unit_test(test_encodings),
    };
    return cmocka_run_group_tests_name("pipeline", tests, NULL, NULL);
}
