/* SPDX-License-Identifier: MIT
 * arena.c — the per-document region allocator and a small growable vector.
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

void *jsp_alloc(jsp_arena *a, size_t n)
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
    memset(p, 0, n);
    return p;
}

char *jsp_strndup(jsp_arena *a, const char *s, size_t n)
{
    char *p = jsp_alloc(a, n + 1);
    if (p && n)
        memcpy(p, s, n);
    return p;
}

char *jsp_printf(jsp_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = jsp_alloc(a, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
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
