/* SPDX-License-Identifier: MIT
 * juesuan.h — public API: report text (部门决算) in, canonical record out.
 *
 * Memory rule, once: everything reachable from a js_doc lives until
 * js_doc_free(); strings returned by js_doc_json() are malloc'd and the
 * caller frees them with free(). A js_ctx is read-only after js_ctx_new()
 * and may be shared by threads.
 */
#ifndef JUESUAN_H
#define JUESUAN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define JS_VERSION "0.1.0"

/* MARK: status codes ---------------------------------------------------- */

typedef enum {
    JS_OK = 0,
    JS_E_NOMEM,    /* an allocation failed */
    JS_E_IO,       /* a file could not be read */
    JS_E_PATTERN,  /* a pattern file failed to load or compile */
    JS_E_LIMIT,    /* input larger than the configured limit */
    JS_E_NOTREPORT /* input holds nothing a report has (no year, no table, no prose figure) */
} js_status;

/* Where a failure happened: static message plus optional file:line:col. */
typedef struct {
    js_status code;
    char msg[512]; /* human-readable, one line */
} js_error;

/* Option bits for js_extract() and js_doc_json(). */
typedef uint32_t js_opts;
#define JS_OPT_PRETTY (1u << 0)   /* indent JSON output */
#define JS_OPT_MENTIONS (1u << 1) /* find mentions (js_extract); print them (js_doc_json) */
#define JS_OPT_DUMP_TABLES (1u << 2) /* print rebuilt table rows to stderr (debugging) */
#define JS_OPT_NO_PROVENANCE (1u << 3) /* leave the "provenance" object out */

/* MARK: context ---------------------------------------------------------- */

typedef struct js_ctx js_ctx;

/* Load and compile the pattern library from `dir` (NULL: the built-in
 * search path, see js_default_pattern_dir()). On failure returns NULL and
 * fills `err` (may be NULL) with file:line and the PCRE2 message. */
js_ctx *js_ctx_new(const char *dir, js_error *err);

/* Free a context; NULL is a no-op. */
void js_ctx_free(js_ctx *ctx);

/* The directory js_ctx_new(NULL, ...) loads: $JUESUAN_PATTERNS, else the
 * path compiled in at build time. Static string. */
const char *js_default_pattern_dir(void);

/* Largest input js_extract() accepts, in bytes (default 256 MiB). */
void js_ctx_set_max_input(js_ctx *ctx, size_t bytes);

/* MARK: documents ---------------------------------------------------------- */

typedef struct js_doc js_doc;

/* Run the whole pipeline over `len` bytes of report text. Never fails on
 * messy input: damage becomes "warnings" in the record. Returns JS_OK and
 * a document in *out, or an error code (JS_E_LIMIT, JS_E_NOMEM) with *out
 * set to NULL and `err` filled. */
js_status js_extract(const js_ctx *ctx, const char *data, size_t len,
                     js_opts opts, js_doc **out, js_error *err);

/* Attach the top-level "source" object (file name, byte size, SHA-256 of
 * the input bytes). `name` is copied. */
js_status js_doc_set_source(js_doc *doc, const char *name);

/* True when the input looked like a report (a year, a table or a figure of
 * the narrative was found). */
int js_doc_is_report(const js_doc *doc);

/* Serialise the record. Returns a malloc'd NUL-terminated UTF-8 string
 * (caller frees) or NULL on allocation failure. */
char *js_doc_json(const js_doc *doc, js_opts opts);

/* The review page: one self-contained HTML document showing the input
 * text with every mention highlighted and linked to the record path it
 * fed, tables 01-09 as HTML tables linked back to the text, and the checks
 * and warnings. `data`/`len` are the bytes given to js_extract(). Returns a
 * malloc'd NUL-terminated UTF-8 string (caller frees) or NULL when out of
 * memory. */
char *js_doc_html(const js_doc *doc, const char *data, size_t len);

/* Time js_extract spent per pipeline stage (nanoseconds, monotonic clock),
 * for make bench and extract --stats; JS_STAGE_EMIT (js_doc_json) is the
 * caller's to time, and reads 0 here. */
enum {
    JS_STAGE_DECODE, JS_STAGE_NORMALIZE, JS_STAGE_TOKENIZE, JS_STAGE_MATCH, JS_STAGE_TABLES,
    JS_STAGE_PROSE, JS_STAGE_RECONCILE, JS_STAGE_MENTIONS, JS_STAGE_CHECKS, JS_STAGE_EMIT,
    JS_NSTAGES
};
const char *js_stage_name(int stage);               /* static string */
uint64_t js_doc_stage_ns(const js_doc *doc, int stage);

/* Read a whole stream into *data (malloc'd, caller frees) and *len. Returns
 * JS_OK; JS_E_LIMIT when it holds more than `limit` bytes (nothing kept);
 * JS_E_IO (errno says why) or JS_E_NOMEM with *data NULL. */
js_status js_read_stream(FILE *f, size_t limit, char **data, size_t *len);

/* Free a document; NULL is a no-op. */
void js_doc_free(js_doc *doc);

/* Message for a status code (static string). */
const char *js_strerror(js_status code);

#endif
