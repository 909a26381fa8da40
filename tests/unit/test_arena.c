/* test_arena.c — the library's own formatter (jsp_vsnprintf) against the C
 * library's vsnprintf: same text, same length, same cut at the room given. */
#include <limits.h>

/* the cuts are the point here */
#pragma GCC diagnostic ignored "-Wformat-truncation"

#include "unit.h"

static int ours(char *b, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = jsp_vsnprintf(b, cap, fmt, ap);
    va_end(ap);
    return n;
}

#define SAME(cap, ...)                                                                             \
    do {                                                                                           \
        char x[64], y[64];                                                                         \
        memset(x, 'x', sizeof x);                                                                  \
        memset(y, 'x', sizeof y);                                                                  \
        assert_int_equal(ours(x, cap, __VA_ARGS__), snprintf(y, cap, __VA_ARGS__));                \
        assert_memory_equal(x, y, sizeof x);                                                       \
    } while (0)

static void test_formats(void **st)
{
    (void)st;
    for (size_t cap = 0; cap < 40; cap += 3) {
        SAME(cap, "tables.%02d.rows.%s.name", 5, "2010301");
        SAME(cap, "%02d|%02d|%02d|%d", -5, 123, 0, INT_MIN);
        SAME(cap, "%lld %lld %zu 100%%", LLONG_MIN, LLONG_MAX, (size_t)SIZE_MAX);
        SAME(cap, "%s%s:%d", "收入", "", -1);
        SAME(cap, "line%u.at%u %04d-%02d-%02d %05d", 295u, UINT_MAX, 2019, 3, 1, -42);
        SAME(cap, "%.*s|%.*s|%.*s|%.3s|%.0s|%.9s", 2, "abcdef", 0, "x", -1, "neg", "abcdef", "y",
             "ab");
    }
    SAME(64, "no specifiers at all");
    SAME(64, "%.3s|%5d|%x", "abcdef", 42, 255); /* %5d, %x: left to vsnprintf */
    SAME(64, "%-4d|%+d|% d|%c", 7, 7, 7, 'c');  /* flags: left to vsnprintf */
}

static void test_printf_arena(void **st)
{
    (void)st;
    jsp_arena a = {0};
    char big[600];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = 0;
    char *p = jsp_printf(&a, "%s.%02d", big, 7); /* longer than the stack buffer */
    assert_non_null(p);
    assert_int_equal(strlen(p), sizeof big - 1 + 3);
    assert_string_equal(p + sizeof big - 1, ".07");
    assert_string_equal(jsp_printf(&a, "tables.%02d.%s", 3, "total"), "tables.03.total");
    jsp_arena_free(&a);
}

/* The output buffer: appends while pieces fit and when it must grow; after
 * a failed allocation every write does nothing (and the text stays whole). */
static void test_buf(void **st)
{
    (void)st;
    jsp_buf b = {0};
    jsp_buf_put(&b, "", 0);
    assert_non_null(b.s);
    assert_string_equal(b.s, "");
    for (int i = 0; i < 1000; i++)
        jsp_buf_put(&b, "abcdefgh", 8);
    assert_int_equal(b.n, 8000);
    assert_int_equal(strlen(b.s), 8000);
    jsp_buf_puts(&b, "!");
    assert_string_equal(b.s + 8000, "!");
#ifndef __SANITIZE_ADDRESS__ /* ASan stops at such a request instead of failing it */
    volatile size_t huge = (size_t)1 << 62;
    jsp_buf_put(&b, "x", huge); /* no such memory: fails, nothing read */
    assert_true(b.oom);
    jsp_buf_put(&b, "more", 4);
    assert_int_equal(b.n, 8001);
    assert_string_equal(b.s + 8000, "!");
#endif
    free(b.s);
}

/* jsp_hash: tables mask its low bits, so keys that differ in one byte
 * anywhere (a word's high byte, the tail) must still spread there; equal
 * text, equal hash; a continued hash depends on both parts. */
static void test_hash(void **st)
{
    (void)st;
    static unsigned char hit[1024];
    int distinct = 0;
    char key[64];
    for (int i = 0; i < 1000; i++) {
        snprintf(key, sizeof key, "tables.0%d.rows.%03d.total", i % 9 + 1, i / 9);
        unsigned b = (unsigned)(jsp_hash(0, key) & 1023);
        distinct += !hit[b]++;
    }
    assert_true(distinct > 550); /* a random function: ~632 of 1024 */
    assert_int_equal(jsp_hash(0, "支出合计"), jsp_hash(0, "支出合计"));
    assert_true(jsp_hash(0, "abcdefgh1") != jsp_hash(0, "abcdefgh2"));
    assert_true(jsp_hash(0, "abcdefg") != jsp_hash(0, "abcdefg\x01"));
    assert_true(jsp_hash(jsp_hash(0, "title"), "x") != jsp_hash(jsp_hash(0, "titlex"), ""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_formats),
        cmocka_unit_test(test_printf_arena),
        cmocka_unit_test(test_buf),
        cmocka_unit_test(test_hash),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
