/* test_numbers.c — the number grammar (patterns/numbers.pat + numbers.c):
 * one cmocka test per case. "parse" cases read one mention's whole text;
 * "scan" cases run the document scanner over a line of prose, where the
 * traps (years, list markers, codes, phone numbers, 1G, m^2) live. */
#include "unit.h"

typedef struct {
    const char *name;
    const char *text;
    const char *kind;  /* amount percent count date code, or "none" */
    const char *value; /* decimal text, or the date/code string */
    const char *unit;  /* expected unit, NULL: not checked */
} ncase;

static const char *const kinds[] = {"amount", "percent", "count", "date", "code"};

/* Fold the text as the pipeline does, then read it as one mention. */
static bool parse(const char *text, jsp_mention *m, jsp_arena *a)
{
    jsp_norm nm;
    assert_int_equal(jsp_normalize(unit_ctx()->fold, text, strlen(text), &nm), 0);
    bool ok = jsp_num_parse(&unit_ctx()->pat, a, nm.text, nm.len, 0, m);
    if (ok && m->unit)
        m->unit = jsp_strndup(a, m->unit, strlen(m->unit)); /* outlive nm */
    jsp_norm_free(&nm);
    return ok;
}

static void check_value(const ncase *c, const jsp_mention *m)
{
    char buf[40];
    if (m->kind == JSP_M_DATE || m->kind == JSP_M_CODE) {
        assert_string_equal(m->str, c->value);
        return;
    }
    js_dec want;
    assert_true(jsp_dec_parse(c->value, strlen(c->value), &want));
    jsp_dec_format(m->value, buf, sizeof buf);
    if (jsp_dec_cmp(m->value, want)) {
        print_error("%s: value %s, want %s\n", c->text, buf, c->value);
        fail();
    }
}

static void test_parse(void **st)
{
    const ncase *c = *st;
    jsp_arena a = {0};
    jsp_mention m;
    bool ok = parse(c->text, &m, &a);
    if (!strcmp(c->kind, "none")) {
        assert_false(ok);
    } else {
        if (!ok) {
            print_error("'%s' did not parse\n", c->text);
            fail();
        }
        assert_string_equal(kinds[m.kind], c->kind);
        check_value(c, &m);
        if (c->unit)
            assert_string_equal(m.unit ? m.unit : "", c->unit);
    }
    jsp_arena_free(&a);
}

/* Scan cases: the mentions of a line of prose, as "kind:value" joined by
 * spaces; c->value is the whole expected list ("" for none). */
static void test_scan(void **st)
{
    const ncase *c = *st;
    char text[512], got[512] = "";
    snprintf(text, sizeof text, "测试局2019年度部门决算\n\n第三部分\n\n%s\n", c->text);
    js_doc *d = NULL;
    assert_int_equal(js_extract(unit_ctx(), text, strlen(text), JS_OPT_MENTIONS, &d, NULL), JS_OK);
    const jsp_mention *m = d->mentions.items;
    size_t skip = 0;
    while (skip < d->mentions.n && m[skip].oe <= strlen("测试局2019年度部门决算"))
        skip++; /* the title's year */
    for (size_t i = skip; i < d->mentions.n; i++) {
        char v[40];
        if (m[i].kind == JSP_M_DATE || m[i].kind == JSP_M_CODE)
            snprintf(v, sizeof v, "%s", m[i].str);
        else
            jsp_dec_format(m[i].value, v, sizeof v);
        size_t l = strlen(got);
        snprintf(got + l, sizeof got - l, "%s%s:%s", l ? " " : "", kinds[m[i].kind], v);
    }
    if (strcmp(got, c->value)) {
        print_error("scan '%s': got [%s], want [%s]\n", c->text, got, c->value);
        fail();
    }
    js_doc_free(d);
}

static const ncase parse_cases[] = {
    /* Arabic figures and separators */
    {"plain", "581万元", "amount", "581", "万元"},
    {"fraction", "577.67万元", "amount", "577.67", "万元"},
    {"thousands", "1,100万元", "amount", "1100", "万元"},
    {"fullwidth comma", "1，100万元", "amount", "1100", NULL},
    {"fullwidth digits", "２，８９９．７４万元", "amount", "2899.74", NULL},
    {"yuan to wan", "28,990元", "amount", "2.899", "万元"},
    {"space groups", "1 234.50 万元", "amount", "1234.5", NULL},
    {"negative", "-12.50万元", "amount", "-12.5", NULL},
    {"ocr point", "5。20万元", "amount", "5.2", NULL},
    {"bad group", "1,10万元", "none", NULL, NULL},
    {"huge", "123456789012345678901万元", "none", NULL, NULL},
    /* units */
    {"mixed wan", "3.5万元", "amount", "3.5", NULL},
    {"yi", "2亿元", "amount", "20000", NULL},
    {"yi fraction", "1.25亿元", "amount", "12500", NULL},
    {"qian yuan", "350千元", "amount", "35", NULL},
    {"split unit", "0 万\n\n元", "amount", "0", NULL},
    {"unit next line", "100\n万元", "amount", "100", NULL},
    {"fullwidth yuan", "１２０００元", "amount", "1.2", NULL},
    /* Chinese numerals */
    {"cn wan", "三万元", "amount", "3", NULL},
    {"cn shi", "十五万元", "amount", "15", NULL},
    {"cn qian bai", "两千三百元", "amount", "0.23", NULL},
    {"daxie", "叁拾万元", "amount", "30", NULL},
    {"daxie bai", "壹佰贰拾元", "amount", "0.012", NULL},
    {"cn yi wan", "一亿二千万元", "amount", "12000", NULL},
    {"cn ling", "一百零五元", "amount", "0.0105", NULL},
    /* percentages */
    {"percent", "15%", "percent", "15", "%"},
    {"fullwidth percent", "15％", "percent", "15", "%"},
    {"percent fraction", "26.74%", "percent", "26.74", NULL},
    {"baifenzhi cn", "百分之十五", "percent", "15", "%"},
    {"baifenzhi arabic", "百分之15.5", "percent", "15.5", NULL},
    {"points", "3个百分点", "percent", "3", "个百分点"},
    /* signed changes */
    {"down pct", "下降5%", "percent", "-5", NULL},
    {"up pct", "增长12.5%", "percent", "12.5", NULL},
    {"decrease", "减少212万元", "amount", "-212", NULL},
    {"increase spaced", "增加 61.31 万元", "amount", "61.31", NULL},
    {"down points le", "下降了3个百分点", "percent", "-3", "个百分点"},
    {"flat", "持平", "percent", "0", NULL},
    {"rise", "上升1.5%", "percent", "1.5", NULL},
    {"lower", "降低10万元", "amount", "-10", NULL},
    {"more", "多2辆", "count", "2", "辆"},
    /* counts */
    {"batches", "6批次", "count", "6", "批次"},
    {"people", "91人", "count", "91", "人"},
    {"person times", "35人次", "count", "35", "人次"},
    {"vehicles", "3辆", "count", "3", "辆"},
    {"sets", "2台（套）", "count", "2", "台(套)"},
    {"times", "12次", "count", "12", "次"},
    {"ge", "5个", "count", "5", "个"},
    {"cn vehicles", "两辆", "count", "2", "辆"},
    {"cn batches", "三批次", "count", "3", "批次"},
    {"wan people", "3.5万人", "count", "35000", "人"},
    {"approx", "50余批次", "count", "50", "批次"},
    {"fraction count", "3.5人", "none", NULL, NULL},
    /* dates */
    {"year", "2018年", "date", "2018", NULL},
    {"year du", "2018年度", "date", "2018", NULL},
    {"as of", "截至2018年12月31日", "date", "2018-12-31", NULL},
    {"year month", "2019年1月", "date", "2019-01", NULL},
    {"month day", "12月31日", "date", "--12-31", NULL},
    {"spaced date", "2018 年 12 月 31 日", "date", "2018-12-31", NULL},
    {"fullwidth year", "２０１８年", "date", "2018", NULL},
};

static const ncase scan_cases[] = {
    {"phone", "咨询电话28428828。", "", "", NULL},
    {"bandwidth", "租用带宽1G专线一条。", "", "", NULL},
    {"hotline", "开通12345热线。", "", "", NULL},
    {"area caret", "办公用房500m^2。", "", "", NULL},
    {"area squared", "办公用房500m²。", "", "", NULL},
    {"list marker", "（一）收入支出决算总体情况", "", "", NULL},
    {"numbered", "1.工资福利支出增加", "", "", NULL},
    {"circled", "①基本支出", "", "", NULL},
    {"cn word", "一般公共服务支出和统一规划", "", "", NULL},
    {"year then amount", "2018年收入581万元。", "", "date:2018 amount:581", NULL},
    {"code in parens", "行政运行（2010301）支出5.2万元。", "", "code:2010301 amount:5.2", NULL},
    {"econ code", "301工资福利支出", "", "code:301", NULL},
    {"code then amount", "2080505机关事业单位基本养老保险缴费支出5.2万元。", "",
     "code:2080505 amount:5.2", NULL},
    {"approx people", "共接待200多人。", "", "count:200", NULL},
    {"change pair", "比上年增加10万元，增长5%。", "", "amount:10 percent:5", NULL},
    {"decrease pair", "比上年减少212万元，同比下降26.74%。", "", "amount:-212 percent:-26.74",
     NULL},
    {"comma people", "公务接待6批次，91人。", "", "count:6 count:91", NULL},
    {"split unit prose", "支出0 万\n\n元。", "", "amount:0", NULL},
    {"percent not count", "提高3个百分点。", "", "percent:3", NULL},
    {"broken separator", "收入1,10万元。", "", "", NULL},
};

int main(void)
{
    size_t np = sizeof parse_cases / sizeof *parse_cases, ns = sizeof scan_cases / sizeof *scan_cases;
    struct CMUnitTest *t = calloc(np + ns, sizeof *t);
    if (!t)
        return 1;
    for (size_t i = 0; i < np; i++)
        t[i] = (struct CMUnitTest){parse_cases[i].name, test_parse, NULL, NULL,
                                   (void *)&parse_cases[i]};
    for (size_t i = 0; i < ns; i++)
        t[np + i] = (struct CMUnitTest){scan_cases[i].name, test_scan, NULL, NULL,
                                        (void *)&scan_cases[i]};
    int rc = _cmocka_run_group_tests("numbers", t, np + ns, NULL, NULL);
    free(t);
    return rc;
}
