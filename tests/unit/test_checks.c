/* test_checks.c — the checks on small invented reports (figures made up):
 * statuses pass / rounding / fail / not_checked, header checks, prose. */
#include "unit.h"

#define HEAD "测试县测试局\n2019年度部门决算\n\n第二部分\n\n"
#define T05 "一般公共预算财政拨款支出决算表\n部门：测试县测试局\t公开05表\t单位：万元\n" \
            "功能分类科目编码\t科目名称\t小计\t基本支出\t项目支出\n"

/* Status of check `id` in the record, "absent" when there is none. */
static const char *status(json_t *r, const char *id)
{
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(r, "checks"), i, c)
        if (!strcmp(json_string_value(json_object_get(c, "id")), id))
            return json_string_value(json_object_get(c, "status"));
    return "absent";
}

static void test_sums(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD T05 "\t合计\t10.01\t6.00\t4.00\n"
                                 "201\t一般公共服务支出\t10.00\t6.00\t4.00\n"
                                 "20101\t人大事务\t9.00\t6.00\t4.00\n");
    assert_string_equal(status(r, "t05.row.total"), "rounding"); /* 10.01 vs 10.00 */
    assert_string_equal(status(r, "t05.row.201"), "pass");
    assert_string_equal(status(r, "t05.row.20101"), "fail"); /* 9 vs 10 */
    assert_string_equal(status(r, "t05.sum.total.total"), "rounding");
    assert_string_equal(status(r, "t05.sum.201.total"), "fail");
    assert_string_equal(status(r, "t05.sum.201.basic"), "pass");
    json_decref(r);
}

static void test_not_checked_and_absent(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD T05 "\t合计\t10.00\t\t\n");
    assert_string_equal(status(r, "t05.row.total"), "not_checked");
    assert_string_equal(status(r, "t07.actual.total"), "absent"); /* no table 07 */
    json_decref(r);
}

static void test_header_department(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD T05 "\t合计\t10.00\t6.00\t4.00\n\n"
                                 "支出决算表\n部门：测试县测试居\t公开03表\t单位：万元\n"
                                 "功能分类科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n"
                                 "\t合计\t10.00\t6.00\t4.00\n");
    assert_string_equal(status(r, "header.department.03.line12"), "fail"); /* typo'd name */
    assert_string_equal(status(r, "header.units"), "pass");
    json_decref(r);
}

static void test_prose_share(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD T05 "\t合计\t200.00\t150.00\t50.00\n\n第三部分\n\n"
                                 "本年基本支出150.00万元，占一般公共预算财政拨款支出的75.00%；"
                                 "项目支出50.00万元，占一般公共预算财政拨款支出的20.00%。\n");
    json_t *c;
    size_t i, pass = 0, fail = 0;
    json_array_foreach(json_object_get(r, "checks"), i, c) {
        const char *id = json_string_value(json_object_get(c, "id"));
        const char *s = json_string_value(json_object_get(c, "status"));
        if (!strncmp(id, "prose.share", 11)) {
            pass += !strcmp(s, "pass");
            fail += !strcmp(s, "fail");
        }
    }
    assert_int_equal(pass, 1); /* 150 / 200 = 75% */
    assert_int_equal(fail, 1); /* 50 / 200 is 25%, not 20% */
    json_decref(r);
}

/* Which mentions' labels the prose checks read (without --mentions only
 * these are searched for): a plain or 决算 amount, a percentage with a
 * qualifier; not a change amount, a 预算 amount, a count, a bare percent. */
static void test_reads_label(void **st)
{
    (void)st;
    jsp_mention m = {.kind = JSP_M_AMOUNT, .sign = 2, .unit = "万元"};
    assert_true(jsp_check_reads_label(&m));
    m.qualifier = "决算";
    assert_true(jsp_check_reads_label(&m));
    m.qualifier = "预算";
    assert_false(jsp_check_reads_label(&m));
    m.qualifier = NULL;
    m.sign = 1;
    assert_false(jsp_check_reads_label(&m));
    jsp_mention p = {.kind = JSP_M_PERCENT, .sign = 2, .unit = "%", .qualifier = "占比"};
    assert_true(jsp_check_reads_label(&p));
    p.qualifier = NULL;
    assert_false(jsp_check_reads_label(&p));
    p.qualifier = "变动";
    p.unit = "个百分点";
    assert_false(jsp_check_reads_label(&p));
    jsp_mention k = {.kind = JSP_M_COUNT, .sign = 2, .unit = "人"};
    assert_false(jsp_check_reads_label(&k));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sums),
        cmocka_unit_test(test_not_checked_and_absent),
        cmocka_unit_test(test_header_department),
        cmocka_unit_test(test_prose_share),
        cmocka_unit_test(test_reads_label),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
