/* SPDX-License-Identifier: MIT
 * arena.c — the per-document region allocator, a small growable vector and
 * a growable output buffer (jsp_buf, for the JSON and HTML writers).
 * Everything a document's stages allocate lives in its arena and is freed at
 * once by jsp_arena_free(); vectors are malloc'd and freed by their owner.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "js_int.h"

struct jsp_block {
    jsp_block *next;
    size_t cap, used;
    max_align_t data[];
};

#define JSP_BLOCK_MIN (64u * 1024u)

void *jsp_alloc_raw(jsp_arena *a, size_t n)
{
    size_t align = sizeof(max_align_t);
    n = (n + align - 1) / align * align;
    if (n == 0)
        n = align;
    jsp_block *b = a->head;
    if (!b || b->cap - b->used < n) {
        size_t cap = n > JSP_BLOCK_MIN ? n : JSP_BLOCK_MIN;
        b = malloc(sizeof(*b) + cap);
        if (!b)
            return NULL;
        b->cap = cap;
        b->used = 0;
        b->next = a->head;
        a->head = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += n;
    a->used += n;
    return p;
}

void *jsp_alloc(jsp_arena *a, size_t n)
{
    void *p = jsp_alloc_raw(a, n);
    if (p)
        memset(p, 0, n);
    return p;
}

char *jsp_strndup(jsp_arena *a, const char *s, size_t n)
{
    char *p = jsp_alloc_raw(a, n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = 0;
    return p;
}

/* MARK: formatting -------------------------------------------------------- */

/* The formats the library uses (%s %.*s %d %02d %u %lld %zu %%) are written
 * here without stdio, a tenth of vsnprintf's cost; any other goes to
 * vsnprintf. Output is cut to the room given, as snprintf cuts it. */
typedef struct {
    char *p;
    size_t cap, n; /* n: bytes the whole output needs */
} fmtout;

static void out_put(fmtout *o, const char *s, size_t n)
{
    if (o->n < o->cap)
        memcpy(o->p + o->n, s, o->n + n < o->cap ? n : o->cap - o->n);
    o->n += n;
}

static void out_int(fmtout *o, unsigned long long v, bool neg, int width)
{
    char d[24];
    int k = (int)sizeof d;
    do
        d[--k] = (char)('0' + v % 10);
    while (v /= 10);
    while ((int)sizeof d - k + neg < width) /* the width counts the sign, as printf's */
        d[--k] = '0';
    if (neg)
        d[--k] = '-';
    out_put(o, d + k, sizeof d - (size_t)k);
}

static void out_signed(fmtout *o, long long v, int width)
{
    out_int(o, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v, v < 0, width);
}

/* Format into o; false at a conversion it does not know (o is then
 * part-written and ap part-read). Known: %% %s %.Ns %.*s %d %0Nd %u %lld
 * %zu. */
static bool fmt_simple(fmtout *o, const char *f, va_list ap)
{
    for (;;) {
        const char *lit = f;
        while (*f && *f != '%')
            f++;
        out_put(o, lit, (size_t)(f - lit));
        if (!*f++)
            break;
        int width = 0, prec = -1;
        if (*f == '0')
            for (f++; *f >= '0' && *f <= '9'; f++)
                width = width * 10 + (*f - '0');
        if (*f == '.' && f[1] == '*') {
            prec = va_arg(ap, int);
            f += 2;
        } else if (*f == '.') {
            for (prec = 0, f++; *f >= '0' && *f <= '9'; f++)
                prec = prec * 10 + (*f - '0');
        }
        if (*f == '%' && !width && prec < 0) {
            out_put(o, "%", 1);
        } else if (*f == 's' && !width) {
            const char *s = va_arg(ap, const char *);
            s = s ? s : "(null)";
            size_t n = prec < 0 ? strlen(s) : strnlen(s, (size_t)prec);
            out_put(o, s, n);
        } else if (*f == 'd' && prec < 0) {
            out_signed(o, va_arg(ap, int), width);
        } else if (*f == 'u' && !width && prec < 0) {
            out_int(o, va_arg(ap, unsigned), false, 0);
        } else if (f[0] == 'l' && f[1] == 'l' && f[2] == 'd' && !width && prec < 0) {
            out_signed(o, va_arg(ap, long long), 0), f += 2;
        } else if (f[0] == 'z' && f[1] == 'u' && !width && prec < 0) {
            out_int(o, va_arg(ap, size_t), false, 0), f++;
        } else {
            return false;
        }
        f++;
    }
    if (o->cap)
        o->p[o->n < o->cap ? o->n : o->cap - 1] = 0;
    return true;
}

int jsp_vsnprintf(char *buf, size_t cap, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    fmtout o = {buf, cap, 0};
    int n = fmt_simple(&o, fmt, ap) ? (int)o.n : vsnprintf(buf, cap, fmt, again);
    va_end(again);
    return n;
}

int jsp_snprintf(char *buf, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = jsp_vsnprintf(buf, cap, fmt, ap);
    va_end(ap);
    return n;
}

char *jsp_printf(jsp_arena *a, const char *fmt, ...)
{
    char tmp[256];
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = jsp_vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    char *p = n < 0 ? NULL : jsp_alloc_raw(a, (size_t)n + 1);
    if (p && (size_t)n < sizeof tmp)
        memcpy(p, tmp, (size_t)n + 1);
    else if (p)
        jsp_vsnprintf(p, (size_t)n + 1, fmt, again);
    va_end(again);
    return p;
}

void jsp_arena_free(jsp_arena *a)
{
    jsp_block *b = a->head;
    while (b) {
        jsp_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->used = 0;
}

void *jsp_vec_push(jsp_vec *v)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        void *items = realloc(v->items, cap * v->size);
        if (!items)
            return NULL;
        v->items = items;
        v->cap = cap;
    }
    void *slot = (char *)v->items + v->n * v->size;
    memset(slot, 0, v->size);
    v->n++;
    return slot;
}

void jsp_vec_free(jsp_vec *v)
{
    free(v->items);
    v->items = NULL;
    v->n = v->cap = 0;
}

/* MARK: output buffer ------------------------------------------------------ */

void jsp_buf_grow_put(jsp_buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->n + n + 1 && cap < SIZE_MAX / 4)
            cap *= 2;
        char *p = cap >= b->n + n + 1 ? realloc(b->s, cap) : NULL;
        if (!p) {
            b->oom = true;
            b->cap = 0; /* no write fits any more (jsp_buf_put) */
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
}

void jsp_buf_puts(jsp_buf *b, const char *s) { jsp_buf_put(b, s, strlen(s)); }

void jsp_buf_printf(jsp_buf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = jsp_vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        jsp_buf_put(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

size_t jsp_cp_count(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

size_t jsp_utf8_len(const unsigned char *s, size_t n)
{
    size_t k = s[0] < 0x80                   ? 1
               : s[0] >= 0xC2 && s[0] < 0xE0 ? 2
               : s[0] >= 0xE0 && s[0] < 0xF0 ? 3
               : s[0] >= 0xF0 && s[0] < 0xF5 ? 4
                                             : 0;
    if (!k || k > n)
        return 0;
    for (size_t i = 1; i < k; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if (k == 3 && ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0)))
        return 0; /* overlong, surrogate */
    if (k == 4 && ((s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90)))
        return 0;
    return k;
}

size_t jsp_utf8_decode_any(const unsigned char *s, size_t n, int32_t *cp)
{
    size_t k = jsp_utf8_len(s, n);
    static const unsigned char lead_mask[5] = {0, 0x7F, 0x1F, 0x0F, 0x07};
    int32_t c = k ? s[0] & lead_mask[k] : 0;
    for (size_t i = 1; i < k; i++)
        c = c << 6 | (s[i] & 0x3F);
    *cp = c;
    return k;
}
