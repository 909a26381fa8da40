/* test_sha256.c — SHA-256 against FIPS 180-4 example digests, and the
 * CPU's SHA-instruction path against the portable one on every length
 * from 0 to 1100 bytes (each block boundary and padding case). */
#include "unit.h"

static void check(const char *msg, size_t n, const char *want)
{
    char hex[65], hex2[65];
    jsp_sha256(msg, n, hex);
    jsp_sha256_with(msg, n, hex2, true);
    assert_string_equal(hex, want);
    assert_string_equal(hex2, want);
}

static void test_vectors(void **st)
{
    (void)st;
    check("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    check("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    check(two, strlen(two), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    char *a = malloc(1000000);
    assert_non_null(a);
    memset(a, 'a', 1000000);
    check(a, 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    free(a);
}

static void test_paths_agree(void **st)
{
    (void)st;
    unsigned char buf[1100];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof buf; i++) {
        x = x * 1103515245u + 12345u;
        buf[i] = (unsigned char)(x >> 16);
    }
    for (size_t n = 0; n <= sizeof buf; n++) {
        char fast[65], slow[65];
        jsp_sha256(buf, n, fast);
        jsp_sha256_with(buf, n, slow, true);
        assert_string_equal(fast, slow);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vectors),
        cmocka_unit_test(test_paths_agree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
