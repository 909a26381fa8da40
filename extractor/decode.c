/* SPDX-License-Identifier: MIT
 * decode.c — stage 0 (before normalize): the input's encoding. UTF-8 (with or
 * without BOM) passes through; a UTF-16 BOM, or bytes that are not UTF-8 but
 * are valid GB18030/GBK, are converted to UTF-8 with ICU's converters. Offsets
 * then refer to the decoded text; the record's sha256 stays that of the input.
 * The pipeline does not read the text twice to decide: the normaliser counts
 * the invalid sequences as it goes (jsp_norm.bad_utf8), and only a text that
 * is not UTF-8 is converted and normalised again.
 */
#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <utf8proc.h>

#include "js_int.h"

size_t jsp_utf8_errors(const char *s, size_t n, size_t cap)
{
    size_t bad = 0;
    for (size_t i = 0; i < n && bad < cap;) {
        int32_t cp;
        size_t k = jsp_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        bad += !k;
        i += k ? k : 1;
    }
    return bad;
}

/* Convert with ICU, stopping at the first illegal sequence. Returns a malloc'd
 * UTF-8 buffer or NULL when `from` does not fit the bytes. */
static char *convert(const char *from, const char *s, size_t n, size_t *outlen)
{
    UErrorCode e = U_ZERO_ERROR;
    UConverter *src = ucnv_open(from, &e), *dst = ucnv_open("UTF-8", &e);
    char *out = NULL;
    size_t cap = n * 2 + 16;
    if (U_SUCCESS(e)) {
        ucnv_setToUCallBack(src, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &e);
        out = malloc(cap);
    }
    if (out && U_SUCCESS(e)) {
        char *t = out;
        const char *p = s;
        ucnv_convertEx(dst, src, &t, out + cap, &p, s + n, NULL, NULL, NULL, NULL, true, true, &e);
        *outlen = (size_t)(t - out);
    }
    if (U_FAILURE(e)) {
        free(out);
        out = NULL;
    }
    ucnv_close(src);
    ucnv_close(dst);
    return out;
}

const char *jsp_bom(const char *s, size_t n)
{
    if (n >= 2 && (unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE)
        return "UTF-16LE";
    if (n >= 2 && (unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF)
        return "UTF-16BE";
    return NULL;
}

const char *jsp_decode_bom(const char *s, size_t n, char **owned, size_t *len)
{
    const char *from = jsp_bom(s, n);
    *owned = NULL;
    *len = n;
    return from && (*owned = convert(from, s + 2, n - 2, len)) ? from : NULL;
}

bool jsp_decode_wants_gb(size_t n, size_t bad) { return bad >= 16 || (n < 4096 && bad > 0); }

const char *jsp_decode_gb(const char *s, size_t n, char **owned, size_t *len)
{
    *len = n;
    return (*owned = convert("GB18030", s, n, len)) ? "GB18030" : NULL;
}
