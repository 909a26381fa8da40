/* test_dec.c — exact decimals: parsing, arithmetic, unit shifts. */
#include "unit.h"

static js_dec P(const char *s)
{
    js_dec d;
    assert_true(jsp_dec_parse(s, strlen(s), &d));
    return d;
}

static void fmt_is(js_dec d, const char *want)
{
    char buf[40];
    jsp_dec_format(d, buf, sizeof buf);
    assert_string_equal(buf, want);
}

static void test_parse_forms(void **st)
{
    (void)st;
    fmt_is(P("2,899.74"), "2899.74");
    fmt_is(P("1.065"), "1.065");
    fmt_is(P("581"), "581");
    fmt_is(P("-0.50"), "-0.50");
    fmt_is(P("1,234,567.8"), "1234567.8");
    fmt_is(P("0.00"), "0.00");
}

static void test_parse_rejects(void **st)
{
    (void)st;
    js_dec d;
    const char *bad[] = {"",       "-",   ".5",    "5.",  "1,23",   "12,3456", "1.2.3",
                         "2018年", "abc", "1 000", "3O1", "1,,000", NULL};
    for (int i = 0; bad[i]; i++)
        assert_false(jsp_dec_parse(bad[i], strlen(bad[i]), &d));
}

static void test_arith(void **st)
{
    (void)st;
    fmt_is(jsp_dec_add(P("527.64"), P("53.36")), "581.00");
    fmt_is(jsp_dec_sub(P("581.5"), P("0.50")), "581.00");
    assert_int_equal(jsp_dec_cmp(P("434.9"), P("434.90")), 0);
    assert_int_equal(jsp_dec_cmp(P("0.1"), P("0.09")), 1);
    assert_true(jsp_dec_is_zero(P("0.00")));
}

static void test_units(void **st)
{
    (void)st;
    fmt_is(jsp_dec_shift(P("100,796.56"), -4), "10.079656"); /* 元 → 万元 */
    fmt_is(jsp_dec_shift(P("2"), 4), "20000");               /* 亿元 → 万元 */
    fmt_is(jsp_dec_shift(P("1.5"), 4), "15000");
    assert_true(jsp_dec_to_double(P("2899.74")) == 2899.74);
}

/* The double of a decimal is the one strtod gives for its text (the fast
 * division and the print-then-parse path agree), over many magnitudes. */
static void test_to_double(void **st)
{
    (void)st;
    uint64_t x = 88172645463325252ULL;
    for (int i = 0; i < 20000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        js_dec d = {(int64_t)(x % 100000000000000ULL) * (i % 2 ? -1 : 1), (int8_t)(i % 13)};
        char buf[48];
        jsp_dec_format(d, buf, sizeof buf);
        assert_true(jsp_dec_to_double(d) == strtod(buf, NULL));
    }
}

/* jsp_dec_format writes what "%s%lld.%0*lld" would: sign, whole part,
 * point, the fraction zero-padded to its scale. */
static void test_format(void **st)
{
    (void)st;
    static const int64_t vs[] = {0,
                                 1,
                                 -1,
                                 7,
                                 10,
                                 -10,
                                 99,
                                 100,
                                 123456,
                                 -123456,
                                 1000000007,
                                 -999999999999LL,
                                 4503599627370495LL};
    for (size_t i = 0; i < sizeof vs / sizeof *vs; i++)
        for (int sc = 0; sc <= 12; sc++) {
            js_dec d = {vs[i], (int8_t)sc};
            char got[48], want[48];
            long long a = vs[i] < 0 ? -vs[i] : vs[i], p = 1;
            for (int k = 0; k < sc; k++)
                p *= 10;
            if (sc)
                snprintf(want, sizeof want, "%s%lld.%0*lld", vs[i] < 0 ? "-" : "", a / p, sc,
                         a % p);
            else
                snprintf(want, sizeof want, "%s%lld", vs[i] < 0 ? "-" : "", a);
            jsp_dec_format(d, got, sizeof got);
            assert_string_equal(got, want);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_forms), cmocka_unit_test(test_parse_rejects),
        cmocka_unit_test(test_arith),       cmocka_unit_test(test_units),
        cmocka_unit_test(test_to_double),   cmocka_unit_test(test_format),
    };
    return cmocka_run_group_tests_name("dec", tests, NULL, NULL);
}
