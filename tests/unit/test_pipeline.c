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

/* Prose printed from a PDF wraps inside words: a line break between two
 * ideographs (blanks around it too) is undone for the rules, and the
 * provenance still points at the figure in the text as given. A break
 * beside a figure stays (the rules allow white space there). */
static void test_prose_wraps(void **st)
{
    (void)st;
    json_t *r = unit_record("测试局2019年度部门决算\n\n第三部分\n\n"
                            "公务用车购置费0万元。公务用车运  \n  行维护费1.5万元，主要用于机要文件交换。\n"
                            "本部门2019年度机关运行经费支出\n45.6万元。\n"
                            "公务用车保有量为2\n辆。\n");
    assert_num(r, "narrative.three_public.vehicle_operation", 1.5);
    assert_num(r, "narrative.operating_costs", 45.6);
    assert_num(r, "narrative.three_public.vehicles_held", 2);
    json_t *p = json_object_get(json_object_get(r, "provenance"),
                                "narrative.three_public.vehicle_operation");
    assert_string_equal(json_string_value(json_object_get(p, "text")), "1.5万元");
    json_decref(r);
}

/* GB18030 and UTF-16 (with BOM) input is decoded before anything else. */
static void test_encodings(void **st)
{
    (void)st;
    static const char gb[] = "\xb2\xbf\xc3\xc5\xa3\xba\xb2\xe2\xca\xd4\xbe\xd6\x0a\x32\x30\x31\x39"
                             "\xc4\xea\xb6\xc8\xb2\xbf\xc3\xc5\xbe\xf6\xcb\xe3\x0a";
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
    assert_string_equal(jsp_bom(u16, sizeof u16 - 1), "UTF-16LE");
    assert_string_equal(jsp_decode_bom(u16, sizeof u16 - 1, &owned, &len), "UTF-16LE");
    assert_int_equal(len, 7);
    free(owned);
    const char *plain = "plain UTF-8 部门";
    assert_null(jsp_decode_bom(plain, strlen(plain), &owned, &len));
    assert_null(owned);
    assert_false(jsp_decode_wants_gb(strlen(plain), jsp_utf8_errors(plain, strlen(plain), 16)));
    assert_true(jsp_decode_wants_gb(100, 1));    /* a short text: one bad byte */
    assert_false(jsp_decode_wants_gb(5000, 15)); /* a long one: sixteen */
    assert_true(jsp_decode_wants_gb(5000, 16));
    /* the GB18030 test counts the invalid bytes of the whole input, those
     * inside an HTML tag too (the pipeline counts them while normalising) */
    static const char tag[] = "<td class=\"\xb2\xbf\xc3\xc5\xa3\xba\xb2\xe2\">2019</td>\n";
    d = NULL;
    assert_int_equal(js_extract(unit_ctx(), tag, sizeof tag - 1, 0, &d, NULL), JS_OK);
    s = js_doc_json(d, 0);
    assert_non_null(strstr(s, "decoded from GB18030"));
    free(s);
    js_doc_free(d);
}

static void test_json_escapes(void **st)
{
    (void)st;
    json_t *r = unit_record("部门：\"引号\\单位\"测试局\n2019年度部门决算\n");
    assert_non_null(json_object_get(r, "unit"));
    json_decref(r);
}

/* The old way of building the nested part, kept here as the oracle: jansson
 * objects set along each dotted path (see emit.c's tree). */
static void oracle_set(json_t *root, const char *path, json_t *v)
{
    char key[128];
    json_t *o = root;
    for (const char *p = path;;) {
        const char *dot = strchr(p, '.');
        size_t l = dot ? (size_t)(dot - p) : strlen(p);
        l = l < sizeof key - 1 ? l : sizeof key - 1;
        memcpy(key, p, l);
        key[l] = 0;
        if (!dot) {
            json_object_set_new(o, key, v);
            return;
        }
        json_t *next = json_object_get(o, key);
        if (!json_is_object(next) && json_object_set_new(o, key, next = json_object()))
            return;
        o = next;
        p = dot + 1;
    }
}

/* Keys keep their first place when set again, a value replaces an object
 * and an object a value, a string that is not UTF-8 is not set: the record
 * reads as jansson would have built it. */
static void test_emit_tree(void **st)
{
    (void)st;
    static const struct {
        const char *path, *str;
        long long v;
    } sets[] = {
        {"narrative.b.x", NULL, 1},     {"narrative.a", NULL, 2},
        {"narrative.b.y", "一", 0},     {"narrative.b", NULL, 3},
        {"narrative.b.z", NULL, 4},     {"narrative.c.d.e", NULL, 5},
        {"narrative.c.d", "\xff", 0},   {"narrative.c.f", NULL, 6},
        {"tables.02.r.total", NULL, 7}, {"tables.01.r.total", NULL, 8},
        {"narrative.b.x", NULL, 9},     {"narrative.\"q\".k", "a\tb", 0},
    };
    js_doc *d = NULL;
    assert_int_equal(js_extract(unit_ctx(), "x\n", 2, 0, &d, NULL), JS_OK);
    json_t *want = json_object();
    json_object_set_new(want, "unit", json_string("万元"));
    for (size_t i = 0; i < sizeof sets / sizeof *sets; i++) {
        js_dec v = {sets[i].v, 0};
        jsp_fact_set(d, sets[i].path, sets[i].str ? JSP_F_STR : JSP_F_INT, v, sets[i].str, 0, 0,
                     "test");
    }
    const jsp_fact *f = d->facts.items;
    for (int t = 1; t <= 10; t++) { /* the order the record gives them */
        char prefix[32] = "narrative.";
        if (t < 10)
            snprintf(prefix, sizeof prefix, "tables.%02d.", t);
        for (size_t i = 0; i < d->facts.n; i++)
            if (!strncmp(f[i].path, prefix, strlen(prefix)))
                oracle_set(want, f[i].path,
                           f[i].str ? json_string(f[i].str) : json_integer(f[i].num.v));
    }
    jsp_warn(d, 1, 1, "%s", "\xff not UTF-8"); /* its message is left out */
    char *w = json_dumps(want, JSON_PRESERVE_ORDER | JSON_COMPACT);
    char *got = js_doc_json(d, 0);
    json_t *back = json_loads(got, 0, NULL);
    assert_non_null(back);
    json_decref(back);
    assert_non_null(strstr(got, "{\"lines\":[1,1]}]"));
    w[strlen(w) - 1] = 0; /* the record goes on after the nested part */
    assert_non_null(strstr(got, ",\"checks\":"));
    *strstr(got, ",\"checks\":") = 0;
    assert_non_null(strstr(got, "\"b\":{\"z\":4}")); /* a plain reading of the rules, too */
    assert_non_null(strstr(got, "\"\\\"q\\\"\":{\"k\":\"a\\tb\"}"));
    assert_string_equal(got, w);
    free(w);
    free(got);
    json_decref(want);
    js_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strerror_every_code), cmocka_unit_test(test_limit),
        cmocka_unit_test(test_not_a_report),        cmocka_unit_test(test_prose),
        cmocka_unit_test(test_prose_wraps),
        cmocka_unit_test(test_json_escapes),        cmocka_unit_test(test_emit_tree),
        cmocka_unit_test(test_encodings),
    };
    return cmocka_run_group_tests_name("pipeline", tests, NULL, NULL);
}
