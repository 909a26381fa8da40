/* test_tables.c — table reconstruction on small invented reports, one per
 * layout and trap (figures here are made up for the tests). */
#include "unit.h"

#define HEAD "测试县测试局\n2019年度部门决算\n\n第二部分\n\n"

static void test_tab_rows_and_unit(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD "收入决算表\n部门：测试县测试局\t\t公开02表\t单位：元\n"
                                 "功能分类科目编码\t科目名称\t本年收入合计\t财政拨款收入\t其他收入\n"
                                 "\t合计\t1,234,500.00\t1,200,000.00\t34,500.00\n"
                                 "201\t一般公共服务支出\t1,234,500.00\t1,200,000.00\t34,500.00\n");
    assert_string_equal(unit_str(r, "department"), "测试县测试局");
    assert_num(r, "year", 2019);
    assert_num(r, "tables.02.rows.total.total", 123.45);
    assert_num(r, "tables.02.rows.201.other", 3.45);
    assert_string_equal(unit_str(r, "tables.02.rows.201.name"), "一般公共服务支出");
    json_decref(r);
}

static void test_cell_per_line(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD "一般公共预算财政拨款支出决算表\n\n\t功能分类科目编码\n\t科目名称\n"
                                 "\t小计\n\t基本支出\n\t项目支出\n\n\t合计\n\t\n\t10.00\n\t6.00\n\t4.00\n\n"
                                 "\t2080501\n\t  行政单位离退休\n\t10.00\n\t6.00\n\t4.00\n\n");
    assert_num(r, "tables.05.rows.total.project", 4.0);
    assert_num(r, "tables.05.rows.2080501.basic", 6.0);
    assert_string_equal(unit_str(r, "tables.05.rows.2080501.name"), "行政单位离退休");
    json_decref(r);
}

static void test_space_aligned_empty_column(void **st)
{
    (void)st;
    /* 基本支出 is blank in every row: its column exists only in the header */
    json_t *r = unit_record(HEAD "支出决算表\n"
                                 "编码      科目名称            本年支出合计   基本支出   项目支出\n"
                                 "          合计                       7.50                    7.50\n"
                                 "201       一般公共服务支出           7.50                    7.50\n");
    assert_num(r, "tables.03.rows.201.total", 7.5);
    assert_num(r, "tables.03.rows.201.project", 7.5);
    assert_absent(r, "tables.03.rows.201.basic");
    json_decref(r);
}

static void test_split_codes(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD "支出决算表\n类\t款\t项\t科目名称\t本年支出合计\t基本支出\n"
                                 "201\t03\t01\t行政运行\t5.00\t5.00\n");
    assert_num(r, "tables.03.rows.2010301.basic", 5.0);
    json_decref(r);
}

static void test_06_shifted_code(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD "一般公共预算财政拨款基本支出决算表\n"
                                 "科目编码\t科目名称\t决算数\t科目编码\t科目名称\t决算数\n"
                                 "301\t工资福利支出\t3.10\t302\t商品和服务支出\t2.00\n"
                                 "30240\t税金及附加费用\t399\t\t其他支出\t\n"
                                 "\t人员经费合计\t3.10\t\t公用经费合计\t2.00\n");
    assert_num(r, "tables.06.rows.301.amount", 3.1);
    assert_absent(r, "tables.06.rows.30240.amount"); /* 399 was the next group's code */
    assert_num(r, "tables.06.personnel_total", 3.1);
    assert_num(r, "tables.06.public_total", 2.0);
    json_decref(r);
}

static void test_07_template(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD "一般公共预算财政拨款“三公”经费支出决算表\n"
                                 "1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\n"
                                 "5.00\t1.00\t2.00\t0.50\t1.50\t2.00\t4.00\t0.00\t1.00\t0.00\t1.00\t3.00\n");
    assert_num(r, "tables.07.budget.total", 5.0);
    assert_num(r, "tables.07.budget.vehicle_operation", 1.5);
    assert_num(r, "tables.07.actual.reception", 3.0);
    assert_absent(r, "tables.07.actual.outbound");
    json_decref(r);
}

/* Plain pdftotext: the 栏次 numbers one or a few per line, then the twelve
 * figures (0.00 printed) read in order; figures one per line with empty
 * cells lost cannot be placed, and column numbers are never figures. */
static void test_07_plain(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD "一般公共预算财政拨款“三公”经费支出决算表\n公开07表\n"
                                 "预算数\n决算数\n1\n2\n3\n4\n5\n6 7\n8\n9\n10\n11 12\n"
                                 "1.64\n0.00\n0.00 0.00 0.00 1.64 1.20\n0.00\n0.00 0.00 0.00 1.20\n");
    assert_num(r, "tables.07.budget.total", 1.64);
    assert_num(r, "tables.07.budget.reception", 1.64);
    assert_num(r, "tables.07.actual.total", 1.2);
    assert_num(r, "tables.07.actual.reception", 1.2);
    assert_absent(r, "tables.07.budget.vehicle");
    json_decref(r);
    r = unit_record(HEAD "一般公共预算财政拨款“三公”经费支出决算表\n公开07表\n预算数\n1\n0.53\n\n2\n"
                         "决算数\n3\n4\n5 6\n7\n8\n9\n0.53\n0.19\n0.19\n");
    assert_absent(r, "tables.07.budget.total");
    assert_absent(r, "tables.07.actual.reception");
    json_decref(r);
}

static void test_01_summary_and_foreign(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD "收入支出决算总表\n部门：测试县测试局\n"
                                 "项目\t行次\t决算数\t项目\t行次\t决算数\n"
                                 "一、一般公共预算财政拨款收入\t1\t9.00\t九、卫生健康支出\t22\t9.00\n"
                                 "总计\t13\t9.00\t总计\t26\t9.00\n\n"
                                 "收入决算表\n部门：另一个完全不同的单位\n"
                                 "功能分类科目编码\t科目名称\t本年收入合计\n201\t一般公共服务支出\t8.00\n");
    assert_num(r, "tables.01.income.general_budget", 9.0);
    assert_num(r, "tables.01.expenditure.by_function.210", 9.0);
    assert_num(r, "tables.01.expenditure.grand_total", 9.0);
    assert_absent(r, "tables.02.rows.201.total");
    json_t *w = json_object_get(r, "warnings");
    assert_true(json_array_size(w) >= 1);
    json_decref(r);
}

/* Plain pdftotext, column by column: codes, names, then numbered figure
 * blocks; a second page whose one block has no number; the figures of the
 * first page printed after the next table's title. */
static void test_column_blocks(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD "支出决算表\n公开03表\n部门：测试县测试局\n单位：万元\n"
                                 "201\n20103\n2010301\n\n栏次\n合计\n一般公共服务支出\n"
                                 "政府办公厅(室)及相关机构事务\n行政运行\n\n1\n9.00\n7.00\n7.00\n7.00\n\n"
                                 "2\n6.00\n4.00\n4.00\n4.00\n\n"
                                 "2010306\n208\n20805\n\n政务公开审批\n社会保障和就业支出\n"
                                 "行政事业单位养老支出\n\n0.50\n2.00\n2.00\n\n"
                                 "一般公共预算财政拨款支出决算表\n公开05表\n部门：测试县测试局\n"
                                 "合计\n206\n20601\n\n科目名称\n科学技术支出\n科学技术管理事务\n\n"
                                 "一般公共预算财政拨款基本支出决算表\n公开06表\n部门：测试县测试局\n"
                                 "本年支出\n1\n3.00\n3.00\n3.00\n\n基本支出\n2\n1.00\n1.00\n1.00\n\n"
                                 "30101 基本工资 8.00\n");
    assert_num(r, "tables.03.rows.total.total", 9.0);
    assert_num(r, "tables.03.rows.2010301.basic", 4.0);
    assert_string_equal(unit_str(r, "tables.03.rows.20103.name"), "政府办公厅(室)及相关机构事务");
    assert_num(r, "tables.03.rows.2010306.total", 0.5);
    assert_string_equal(unit_str(r, "tables.03.rows.2010306.name"), "政务公开审批");
    assert_absent(r, "tables.03.rows.2010306.basic");
    assert_num(r, "tables.05.rows.total.total", 3.0);
    assert_num(r, "tables.05.rows.20601.basic", 1.0);
    assert_string_equal(unit_str(r, "tables.05.rows.206.name"), "科学技术支出");
    assert_num(r, "tables.06.rows.30101.amount", 8.0); /* its own row, after the taken blocks */
    json_decref(r);
}

/* Plain pdftotext, figure lines under a 栏次 numbering ("1" / "2 3"), a row
 * broken over two lines, a name on its code's line, a name wrapped at the
 * column's width, pieces of a broken header before 科目名称; the fourth
 * column as a numbered block after them. */
static void test_figure_stream(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD "收入决算表\n公开02表\n部门：测试县测试局\n"
                                 "合计\n201\n20103 政府办公厅(室)及相关机构事务\n2010301\n\n"
                                 "计\n助支出\n\n科目名称\n"
                                 "一般公共服务支出\n其他政府办公厅(室)及相关机\n构事务支出\n\n"
                                 "1\n2 3\n9.00 8.00 0.00\n7.00 6.00 0.00\n7.00\n6.00 0.00\n"
                                 "2.00 2.00 0.00\n\n4\n1.00\n1.00\n1.00\n0.00\n");
    assert_num(r, "tables.02.rows.total.fiscal", 8.0);
    assert_num(r, "tables.02.rows.20103.total", 7.0);
    assert_num(r, "tables.02.rows.20103.fiscal", 6.0);
    assert_num(r, "tables.02.rows.2010301.fiscal", 2.0);
    assert_num(r, "tables.02.rows.201.business", 1.0);
    assert_absent(r, "tables.02.rows.2010301.business");
    assert_string_equal(unit_str(r, "tables.02.rows.201.name"), "一般公共服务支出");
    assert_string_equal(unit_str(r, "tables.02.rows.20103.name"), "政府办公厅(室)及相关机构事务");
    assert_string_equal(unit_str(r, "tables.02.rows.2010301.name"), "其他政府办公厅(室)及相关机构事务支出");
    json_decref(r);
}

/* OCR: the header and the figures on grids of their own, two header words
 * in one cell; full rows are read in the header's order, a row with a
 * blank cell by its total and the column nearest once the drift is out.
 * A speck read as a quote before a figure is not part of it. */
static void test_ocr_drift(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD "一般公共预算财政拨款支出决算表\n"
                                 "部门: 测试县测试局                    公开05表 单位: 万元\n"
                                 "编码          科目名称              小计       基本支出 项目支出\n"
                                 "合计                                      9.00         6.00         3.00\n"
                                 "201           一般公共服务支出                   9.00    ”6.00    3.00\n"
                                 "20103         政府办公厅(室)及相关机构事务         6.00         6.00\n"
                                 "2010301       行政运行                          3.00                     3.00\n");
    assert_num(r, "tables.05.rows.total.project", 3.0);
    assert_num(r, "tables.05.rows.201.basic", 6.0);
    assert_num(r, "tables.05.rows.20103.basic", 6.0);
    assert_absent(r, "tables.05.rows.20103.project");
    assert_num(r, "tables.05.rows.2010301.project", 3.0);
    assert_absent(r, "tables.05.rows.2010301.basic");
    json_decref(r);
}

/* Space-aligned text whose header words ran together and stand left of
 * their columns: the 栏次 row, numbering every column of the template,
 * places the figures, as its reading adds up (total = the parts) and the
 * header's does not. A 栏次 row set a column off is not followed where the
 * header's reading adds up. */
static void test_numbering_places_figures(void **st)
{
    (void)st;
    json_t *r = unit_record(
        HEAD "收入决算表\n公开02表\n部门: 测试县测试局\n单位: 万元\n"
             "机日                         本年收入 ”财政拨款“上级补助 事业收 经营收 附属单位上 ”其他\n"
             "和                             合计      收入     收入 入 入    缴收入 收入\n"
             "功能分类 科目\n"
             "全右                   科目名称\n"
             "栏次                               1        2       3     4     5         6     7\n"
             "合计                               524.46    524.46\n"
             "201        一般公共服务支出            512.34    512.34\n"
             "2010301     行政运行                  12.34     12.34\n"
             "221        住房保障支出                12.12     12.12\n"
             "22102       住房改革支出                12.12     12.12\n");
    assert_num(r, "tables.02.rows.total.total", 524.46);
    assert_num(r, "tables.02.rows.201.fiscal", 512.34);
    assert_num(r, "tables.02.rows.22102.total", 12.12);
    assert_absent(r, "tables.02.rows.201.superior_subsidy");
    json_decref(r);
    r = unit_record(HEAD "支出决算表\n公开03表\n部门: 测试县测试局\n"
                         "编码  科目名称            本年支出合计  基本支出  项目支出\n"
                         "栏次               1           2           3         4     5     6\n"
                         "合计                      7.00         7.00\n"
                         "201   一般公共服务支出    7.00         7.00\n");
    assert_num(r, "tables.03.rows.201.total", 7.0);
    assert_num(r, "tables.03.rows.201.basic", 7.0);
    assert_absent(r, "tables.03.rows.201.project");
    json_decref(r);
}

/* OCR sets a row's figures after its name, so a long name pushes them
 * right: a row whose figures sit under 基本支出 and 项目支出 but add up as
 * total and part is read in the header's order (a 03 row always has its
 * total). */
static void test_ocr_long_name_drift(void **st)
{
    (void)st;
    json_t *r = unit_record(
        HEAD "支出决算表\n部门:                测试县测试局                公开03表 单位:万元\n"
             "功能分类科目 编码         科目名称         本年支出合计 基本支出 项目支出 上缴上级支出 经营支出\n"
             "栏次                             1        2      3      4        5      6\n"
             "合计                              800.90     800.90\n"
             "201          一般公共服务支出                   717.26 ”717.26\n"
             "20103         政府办公厅(室)及相关机构事务           767.39 “767.39\n"
             "2010303       机关服务                         44.28   44.28\n"
             "2010306       政务公开审批                       8.33    8.33\n"
             "2010350       事业运行                        740.32 “740.32\n"
             "2010399       其他政府办公厅(室)及相关机构事务支出       3.35    3.35\n"
             "20107         税收事务                         46.85 46.85\n"
             "2010706       代扣代收代征税款手续费                46.85 46.85\n"
             "20117         质量技术监督与检验检疫事务              6.04    6.04\n"
             "2011709       标准化管理                        6.04    6.04\n"
             "20136         其他共产党事务支出                   3.23    3.23\n"
             "2013603       机关服务                         3.23    3.23\n"
             "20199         其他一般公共服务支出                 65.08 65.08\n"
             "2019999       其他一般公共服务支出                 65.08 65.08\n"
             "206          科学技术支出                      25.07 ”25.07\n"
             "20601         科学技术管理事务                   17.07 17.07\n"
             "2060199       其他科学技术管理事务支出              17.07 17.07\n"
             "20699         其他科学技术支出                    1.33    1.33\n"
             "2069901       科技奖励                         1.33    1.33\n");
    assert_num(r, "tables.03.rows.20103.total", 767.39);
    assert_num(r, "tables.03.rows.20103.basic", 767.39);
    assert_absent(r, "tables.03.rows.20103.project");
    assert_num(r, "tables.03.rows.20117.total", 6.04);
    assert_num(r, "tables.03.rows.2010303.total", 44.28);
    json_decref(r);
}

/* Plain pdftotext of a summary table: income labels alone, each income
 * figure printed at the head of the expenditure label of its line. */
static void test_fused_income(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD "收入支出决算总表\n公开01表\n部门：测试县测试局\n收入\n项目\n"
                                 "一、财政拨款收入\n二、上级补助收入\n三、事业收入\n\n本年收入合计\n"
                                 "年初结转和结余\n总计\n\n支出\n项目\n"
                                 "12.00 一、一般公共服务支出\n二、外交支出\n1.50 三、国防支出\n"
                                 "13.50 本年支出合计\n0.50 年末结转和结余\n14.00 总计\n");
    assert_num(r, "tables.01.income.fiscal_appropriation", 12.0);
    assert_num(r, "tables.01.income.business", 1.5);
    assert_num(r, "tables.01.income.total", 13.5);
    assert_num(r, "tables.01.income.carryover_begin", 0.5);
    assert_num(r, "tables.01.income.grand_total", 14.0);
    assert_absent(r, "tables.01.expenditure.by_function.201");
    json_decref(r);
    /* the income label's first piece heads the line: its own figure */
    r = unit_record(HEAD "财政拨款收入支出决算总表\n公开04表\n部门：测试县测试局\n收入\n项目\n"
                         "一、一般公共预算财 1 12.00 一、一般公共服\n政拨款\n务支出\n"
                         "二、政府性基金预算 2 二、外交支出\n财政拨款\n本年收入合计\n"
                         "8 12.00 本年支出合计\n总计\n13 12.00 总计\n");
    assert_num(r, "tables.04.income.general_budget", 12.0);
    assert_num(r, "tables.04.income.total", 12.0);
    json_decref(r);
}

/* OCR text (a letter read for a digit shows it): a row whose figures all
 * lost their points adds up as integers too, but the table's figures carry
 * two decimals: read as hundredths, and said so. */
/* Plain pdftotext: table 01's expenditure figures alone on their lines,
 * partly after the next table's title; placed by table 03's class totals
 * only when every class and the total are printed loose. */
#define LOOSE_01                                                                                   \
    "收入支出决算总表\n公开01表\n部门：测试县测试局\n收入\n项目\n"                                 \
    "一、财政拨款收入\n二、上级补助收入\n三、事业收入\n\n本年收入合计\n"                           \
    "年初结转和结余\n总计\n\n支出\n项目\n"                                                         \
    "12.00 一、一般公共服务支出\n二、外交支出\n1.50 三、国防支出\n"                                \
    "13.50 本年支出合计\n0.50 年末结转和结余\n14.00 总计\n\n行次\n14\n15\n2\n11.00\n"
#define LOOSE_03 "支出决算表\n公开03表\n部门：测试县测试局\n"                                     \
                 "科目编码\t科目名称\t本年支出合计\t基本支出\n"                                   \
                 "\t合计\t13.50\t13.50\n201\t一般公共服务支出\t11.00\t11.00\n"                    \
                 "203\t国防支出\t2.50\t2.50\n"

static void test_01_loose_figures(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD LOOSE_01 "收入决算表\n公开02表\n部门：测试县测试局\n"
                                          "16\n17\n2.50\n13.50\n0.50\n14.00\n\n项目\n" LOOSE_03);
    assert_num(r, "tables.01.expenditure.by_function.201", 11.0);
    assert_num(r, "tables.01.expenditure.by_function.203", 2.5);
    assert_num(r, "tables.01.expenditure.total", 13.5);
    assert_num(r, "tables.01.expenditure.grand_total", 14.0);
    assert_num(r, "tables.01.expenditure.carryover_end", 0.5);
    json_decref(r);
    /* 2.50 not printed loose: the side stays empty */
    r = unit_record(HEAD LOOSE_01 "收入决算表\n公开02表\n部门：测试县测试局\n"
                                  "16\n17\n13.50\n0.50\n14.00\n\n项目\n" LOOSE_03);
    assert_absent(r, "tables.01.expenditure.by_function.201");
    assert_absent(r, "tables.01.expenditure.total");
    json_decref(r);
}

/* Plain pdftotext of table 06: a name wrapped with its amount printed
 * between the pieces is joined (it comes nearer the code's standard name);
 * a name cut short whose rest is elsewhere begins the standard name and is
 * read as it; a piece that takes a name away from it stays out. */
static void test_06_plain_wrapped_names(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD "一般公共预算财政拨款基本支出决算表\n公开06表\n部门：测试县测试局\n"
                                 "经济分类科目编码\n科目名称\n决算数\n\n"
                                 "30110 职工基本医疗保\n5.57\n险缴费\n30113 住房公积金\n2.00\n"
                                 "其他交通费\n\n302 商品和服务支\n3.00\n307 债务利息及费用支出\n出\n"
                                 "30201 办公费\n3.00\n");
    assert_string_equal(unit_str(r, "tables.06.rows.30110.name"), "职工基本医疗保险缴费");
    assert_num(r, "tables.06.rows.30110.amount", 5.57);
    assert_string_equal(unit_str(r, "tables.06.rows.302.name"), "商品和服务支出");
    assert_string_equal(unit_str(r, "tables.06.rows.30113.name"), "住房公积金");
    assert_num(r, "tables.06.rows.30201.amount", 3.0);
    json_decref(r);
}

static void test_ocr_row_lost_points(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD "一般公共预算财政拨款支出决算表\n部门：测试县测试局\t公开05表\n"
                                 "科目编码\t科目名称\t小计\t基本支出\t项目支出\n"
                                 "\t合计\t12.OO\t9.00\t3.00\n"
                                 "201\t一般公共服务支出\t1200\t900\t300\n"
                                 "20101\t人大事务\t9.00\t9.00\t\n"
                                 "2010101\t行政运行\t9.00\t9.00\t\n"
                                 "20103\t政府办公厅(室)及相关机构事务\t3.00\t\t3.00\n"
                                 "2010301\t行政运行\t3.00\t\t3.00\n");
    assert_num(r, "tables.05.rows.total.total", 12.0);
    assert_num(r, "tables.05.rows.201.total", 12.0);
    assert_num(r, "tables.05.rows.201.basic", 9.0);
    assert_num(r, "tables.05.rows.201.project", 3.0);
    json_t *p = json_object_get(json_object_get(r, "provenance"), "tables.05.rows.201.total");
    assert_non_null(strstr(json_string_value(json_object_get(p, "rule")), "decimal point restored"));
    json_decref(r);
}

/* OCR text: brackets read as angle brackets, 支 read as 文, and a name one
 * character off its code's standard name are mended, and said so; a name
 * printed otherwise stays as printed. */
static void test_ocr_names(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD "支出决算表\n部门：测试县测试局\t公开03表\n"
                                 "科目编码\t科目名称\t本年支出合计\t基本支出\n"
                                 "\t合计\t1O.00\t10.00\n"
                                 "20103\t政府办公厅〈室)及相关机构事务\t5.00\t5.00\n"
                                 "2010301\t行攻运行\t3.00\t3.00\n"
                                 "20199\t其他一般公共服务文出\t2.00\t2.00\n"
                                 "2019901\t本单位自定的项目\t2.00\t2.00\n");
    assert_string_equal(unit_str(r, "tables.03.rows.20103.name"), "政府办公厅(室)及相关机构事务");
    assert_string_equal(unit_str(r, "tables.03.rows.2010301.name"), "行政运行");
    assert_string_equal(unit_str(r, "tables.03.rows.20199.name"), "其他一般公共服务支出");
    assert_string_equal(unit_str(r, "tables.03.rows.2019901.name"), "本单位自定的项目");
    json_t *p = json_object_get(json_object_get(r, "provenance"), "tables.03.rows.2010301.name");
    assert_non_null(strstr(json_string_value(json_object_get(p, "rule")), "OCR repair"));
    json_decref(r);
}

/* OCR text: a name that is no name (a fragment, a neighbour cell's spill,
 * specks read as letters) takes its code's standard name, and says so; a
 * name near another code's name, or under a code the vocabulary names only
 * by its 项's usual name, stays as read. Text not read by OCR keeps every
 * name as printed. */
#define FRAGMENTS(fig)                                                                             \
    HEAD "一般公共预算财政拨款基本支出决算表\n公开06表\n部门：测试县测试局\n"                     \
         "经济分类科目编码\t科目名称\t决算数\n"                                                     \
         "301\t工资福利支出\t" fig "\n"                                                              \
         "30110\t险缴费\t5.00\n"                                                                     \
         "302\t商品和服务支出\t3.00\n"                                                               \
         "30205\t差旅费\t1.00\n"                                                                     \
         "303\t对个人和家庭的补助\t2.00\n"                                                           \
         "30309\t奖励金个人农业生产补\t2.00\n"                                                       \
         "\n支出决算表\n公开03表\n科目编码\t科目名称\t本年支出合计\t基本支出\n"                   \
         "2069901\t科技奖励\t1.00\t1.00\n"

static void test_ocr_name_fragments(void **st)
{
    (void)st;
    json_t *r = unit_record(FRAGMENTS("5.O0")); /* a letter for a digit: OCR text */
    assert_string_equal(unit_str(r, "tables.06.rows.30110.name"), "职工基本医疗保险缴费");
    assert_string_equal(unit_str(r, "tables.06.rows.30309.name"), "奖励金");
    assert_string_equal(unit_str(r, "tables.06.rows.30205.name"), "差旅费");
    assert_string_equal(unit_str(r, "tables.03.rows.2069901.name"), "科技奖励");
    json_t *p = json_object_get(json_object_get(r, "provenance"), "tables.06.rows.30110.name");
    assert_non_null(strstr(json_string_value(json_object_get(p, "rule")), "no name of any code"));
    json_decref(r);
    r = unit_record(FRAGMENTS("5.00"));
    assert_string_equal(unit_str(r, "tables.06.rows.30110.name"), "险缴费");
    assert_string_equal(unit_str(r, "tables.06.rows.30309.name"), "奖励金个人农业生产补");
    json_decref(r);
}
#undef FRAGMENTS

/* OCR text of table 04: a label a glyph off its row label (年未 for 年末) is
 * read as it; a class's figures printed without their points are read as
 * hundredths, as table 05 prints the same class's figure with its point.
 * Text that is not OCR keeps both as printed. */
#define SUMMARY_04(fig)                                                                            \
    HEAD "财政拨款收入支出决算总表\n公开04表\n部门：测试县测试局\n收入\t\t支出\n"                 \
         "项目\t金额\t项目\t合计\t一般公共预算财政拨款\n"                                           \
         "一、一般公共预算财政拨款\t" fig "\t一、一般公共服务支出\t150\t150\n"                       \
         "本年收入合计\t10.50\t本年支出合计\t10.00\t10.00\n"                                        \
         "年初财政拨款结转和结余\t0.50\t年未财政拨款结转和结余\t1.00\t1.00\n"                       \
         "总计\t11.00\t总计\t11.00\t11.00\n\n"                                                    \
         "一般公共预算财政拨款支出决算表\n公开05表\n部门：测试县测试局\n"                           \
         "科目编码\t科目名称\t小计\t基本支出\t项目支出\n"                                         \
         "\t合计\t1.50\t1.50\t\n201\t一般公共服务支出\t1.50\t1.50\t\n"

static void test_ocr_summary_labels_and_points(void **st)
{
    (void)st;
    json_t *r = unit_record(SUMMARY_04("1O.50")); /* a letter for a digit: OCR text */
    assert_num(r, "tables.04.expenditure.carryover_end.total", 1.0);
    assert_num(r, "tables.04.expenditure.by_function.201.total", 1.5);
    assert_num(r, "tables.04.expenditure.by_function.201.general_budget", 1.5);
    json_t *p = json_object_get(json_object_get(r, "provenance"),
                                "tables.04.expenditure.by_function.201.total");
    assert_non_null(strstr(json_string_value(json_object_get(p, "rule")), "decimal point restored"));
    json_decref(r);
    r = unit_record(SUMMARY_04("10.50"));
    assert_absent(r, "tables.04.expenditure.carryover_end.total");
    assert_num(r, "tables.04.expenditure.by_function.201.total", 150.0);
    json_decref(r);
}
#undef SUMMARY_04

/* Plain pdftotext: a child code on the line after its parent is not the
 * parent's figure, and a run of 栏次 numbers after the next title is not a
 * figure block of rows still waiting for their figures. */
static void test_codes_and_numbers_not_figures(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD "支出决算表\n公开03表\n部门：测试县测试局\n"
                                 "221\n22102\n2210201\n\n住房保障支出\n住房改革支出\n住房公积金\n\n"
                                 "财政拨款收入支出决算总表\n公开04表\n部门：测试县测试局\n"
                                 "2\n3\n4\n\n");
    assert_absent(r, "tables.03.rows.221.total");
    assert_absent(r, "tables.03.rows.22102.total");
    assert_absent(r, "tables.03.rows.22102.basic");
    assert_absent(r, "tables.03.rows.22102.project");
    json_decref(r);
}

/* pdftotext -layout: labels wrapped in their cells are cut short on the
 * row's line (一、一般公共预算财 / 政拨款); the one row whose label begins so. */
static void test_wrapped_summary_labels(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD "财政拨款收入支出决算总表\n公开04表\n部门：测试县测试局\n"
                                 "    收入                         支出\n"
                                 "    项目            金额         项目               合计    一般公共预算财政拨款\n"
                                 " 一、一般公共预算财     8.00     一、一般公共服     7.00          7.00\n"
                                 " 政拨款                          务支出\n"
                                 " 本年收入合计           8.00     本年支出合计       7.00          7.00\n"
                                 "                                 年末财政拨款结     1.00          1.00\n"
                                 "                                 转和结余\n"
                                 " 总计                       8.00 总计               8.00          8.00\n");
    assert_num(r, "tables.04.income.general_budget", 8.0);
    assert_num(r, "tables.04.income.grand_total", 8.0);
    assert_num(r, "tables.04.expenditure.grand_total.total", 8.0);
    assert_num(r, "tables.04.expenditure.by_function.201.total", 7.0);
    assert_num(r, "tables.04.expenditure.by_function.201.general_budget", 7.0);
    assert_num(r, "tables.04.expenditure.carryover_end.total", 1.0);
    json_decref(r);
}

/* pdftotext -layout of table 06: a name wrapped over two lines with its
 * amount on the second, beside the next group's row. */
static void test_06_wrapped_name_amount_below(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD "一般公共预算财政拨款基本支出决算表\n公开06表\n部门：测试县测试局\n"
                                 "经济分类科目编码 科目名称     决算数   经济分类科目编码 科目名称   决算数\n"
                                 "301 工资福利支出           10.57   302 商品和服务支出    6.25\n"
                                 "30110 职工基本医疗保\n"
                                 "      险缴费                5.57   30208 取暖费          3.00\n"
                                 "30111 公务员医疗补助        5.00   30209 物业管理费      3.25\n");
    assert_string_equal(unit_str(r, "tables.06.rows.30110.name"), "职工基本医疗保险缴费");
    assert_num(r, "tables.06.rows.30110.amount", 5.57);
    assert_num(r, "tables.06.rows.30208.amount", 3.0);
    json_decref(r);
}

/* Plain pdftotext: a group's first column in its table, its next ones after
 * the next table's title (numbered, or a long enough block without). */
static void test_column_blocks_split_by_title(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD "支出决算表\n公开03表\n部门：测试县测试局\n单位：万元\n"
                                 "201\n20103\n2010301\n2010302\n\n栏次\n合计\n一般公共服务支出\n"
                                 "政府办公厅(室)及相关机构事务\n行政运行\n一般行政管理事务\n\n"
                                 "1\n9.00\n9.00\n9.00\n5.00\n4.00\n\n"
                                 "财政拨款收入支出决算总表\n公开04表\n部门：测试县测试局\n收入\n\n"
                                 "2\n6.00\n6.00\n6.00\n5.00\n1.00\n\n"
                                 "3.00\n3.00\n3.00\n0.00\n3.00\n");
    assert_num(r, "tables.03.rows.total.total", 9.0);
    assert_num(r, "tables.03.rows.2010302.basic", 1.0);
    assert_num(r, "tables.03.rows.2010302.project", 3.0);
    assert_absent(r, "tables.03.rows.2010301.project");
    json_decref(r);
}

/* Plain pdftotext: codes alone on their lines, names and the numbered block
 * with no blank lines between; the row-wise reading takes the 栏次 number for
 * the total row's figure. Its figures are dropped (with a warning) and the
 * table read column by column. */
static void test_columnwise_over_rowwise(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD "支出决算表\n公开03表\n部门：测试县测试局\n单位：万元\n项目\n"
                                 "功能分类科目编码\n201\n20103\n2010301\n2010302\n栏次\n合计\n"
                                 "一般公共服务支出\n政府办公厅(室)及相关机构事务\n行政运行\n一般行政管理事务\n\n"
                                 "1\n9.00\n9.00\n9.00\n5.00\n4.00\n注：本表反映部门本年度各项支出情况。\n");
    assert_num(r, "tables.03.rows.total.total", 9.0);
    assert_num(r, "tables.03.rows.2010302.total", 4.0);
    assert_absent(r, "tables.03.rows.total.basic");
    assert_true(json_array_size(json_object_get(r, "warnings")) >= 1);
    json_decref(r);
}

/* OCR of table 06: a line of specks between rows (".   本") is joined to the
 * row above; its pieces left of the name or with no letter are dropped, so
 * the row keeps its name and amount. */
static void test_06_ocr_debris(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD "一般公共预算财政拨款基本支出决算表\n公开06表\n部门：测试县测试局\n"
                                 "经济分类科目编码 科目名称     决算数   经济分类科目编码 科目名称   决算数\n"
                                 "301 工资福利支出           10.57   302 商品和服务支出    6.25\n"
                                 "30107 绩效工资              5.00   30205 水费            0.18\n"
                                 ".   本\n"
                                 "30108 机关事业单位基本养老保险缴费  5.57   30206 电费   6.07\n");
    assert_num(r, "tables.06.rows.30107.amount", 5.0);
    assert_string_equal(unit_str(r, "tables.06.rows.30107.name"), "绩效工资");
    assert_num(r, "tables.06.rows.30205.amount", 0.18);
    json_decref(r);
}

/* OCR of table 06 (a letter read for a digit shows it): an item printed
 * without its point is read as hundredths when its class adds up so. */
static void test_06_ocr_lost_point(void **st)
{
    (void)st;
    json_t *r = unit_record(HEAD "一般公共预算财政拨款基本支出决算表\n公开06表\n部门：测试县测试局\n"
                                 "经济分类科目编码\t科目名称\t决算数\n"
                                 "301\t工资福利支出\t1O.57\n"
                                 "30101\t基本工资\t5.00\n"
                                 "30110\t职工基本医疗保险缴费\t557\n"
                                 "302\t商品和服务支出\t3.00\n"
                                 "30201\t办公费\t300\n"
                                 "30202\t印刷费\t1.00\n");
    assert_num(r, "tables.06.rows.301.amount", 10.57);
    assert_num(r, "tables.06.rows.30110.amount", 5.57);
    assert_num(r, "tables.06.rows.30201.amount", 300.0); /* its class adds up under no reading */
    json_t *p = json_object_get(json_object_get(r, "provenance"), "tables.06.rows.30110.amount");
    assert_non_null(strstr(json_string_value(json_object_get(p, "rule")), "decimal point restored"));
    json_decref(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tab_rows_and_unit),
        cmocka_unit_test(test_cell_per_line),
        cmocka_unit_test(test_space_aligned_empty_column),
        cmocka_unit_test(test_split_codes),
        cmocka_unit_test(test_06_shifted_code),
        cmocka_unit_test(test_07_template),
        cmocka_unit_test(test_07_plain),
        cmocka_unit_test(test_01_summary_and_foreign),
        cmocka_unit_test(test_column_blocks),
        cmocka_unit_test(test_figure_stream),
        cmocka_unit_test(test_ocr_drift),
        cmocka_unit_test(test_numbering_places_figures),
        cmocka_unit_test(test_ocr_long_name_drift),
        cmocka_unit_test(test_fused_income),
        cmocka_unit_test(test_01_loose_figures),
        cmocka_unit_test(test_06_plain_wrapped_names),
        cmocka_unit_test(test_ocr_row_lost_points),
        cmocka_unit_test(test_ocr_names),
        cmocka_unit_test(test_ocr_name_fragments),
        cmocka_unit_test(test_ocr_summary_labels_and_points),
        cmocka_unit_test(test_codes_and_numbers_not_figures),
        cmocka_unit_test(test_wrapped_summary_labels),
        cmocka_unit_test(test_06_wrapped_name_amount_below),
        cmocka_unit_test(test_column_blocks_split_by_title),
        cmocka_unit_test(test_columnwise_over_rowwise),
        cmocka_unit_test(test_06_ocr_debris),
        cmocka_unit_test(test_06_ocr_lost_point),
    };
    return cmocka_run_group_tests_name("tables", tests, NULL, NULL);
}
