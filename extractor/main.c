/* SPDX-License-Identifier: MIT
 * main.c — the `extract` program: report text in, canonical record out.
 * stdin → one JSON record; FILE... → one JSON Lines record per file, each
 * with "source". Exit codes are listed in usage() and the README.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juesuan.h"

enum {
    EXIT_OK = 0,
    EXIT_NOTREPORT = 1, /* some input is not a report (or could not be processed) */
    EXIT_USAGE = 2,
    EXIT_PATTERN = 3,
    EXIT_IO = 4,
    EXIT_LIMIT = 5,
    EXIT_NOMEM = 6,
};

static void usage(FILE *f)
{
    fputs("usage: extract [OPTIONS] [FILE...]\n"
          "Turn the text of a 部门决算 report into its canonical JSON record.\n"
          "With no FILE, reads standard input and prints one record; with FILEs,\n"
          "prints one record per file as JSON Lines, each with a \"source\".\n"
          "\n"
          "  --pretty          indent the JSON\n"
          "  --mentions        add \"mentions\": every amount, percentage, count, date and\n"
          "                    code with its offsets, value, unit, label and qualifier\n"
          "  --no-provenance   leave out \"provenance\" (where each value was read)\n"
          "  --patterns DIR    pattern library (default: $JUESUAN_PATTERNS or the built-in path)\n"
          "  --max-bytes N     largest input accepted (default 268435456)\n"
          "  --dump=tables     print each rebuilt table row, cells as [column]text, to stderr\n"
          "  -h, --help        this text\n"
          "  --version         print the version\n"
          "\n"
          "exit codes: 0 ok; 1 an input is not a report; 2 usage; 3 pattern library;\n"
          "            4 unreadable input; 5 input over --max-bytes; 6 out of memory\n",
          f);
}

/* Read a whole stream; NULL with errno on failure. Caller frees. */
static char *slurp(FILE *f, size_t limit, size_t *len, int *too_big)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    *too_big = 0;
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n > limit) {
            *too_big = 1;
            free(buf);
            return NULL;
        }
        if (got == 0) {
            if (ferror(f)) {
                free(buf);
                return NULL;
            }
            break;
        }
        if (n == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb)
                free(buf);
            buf = nb;
            cap *= 2;
        }
    }
    if (buf)
        *len = n;
    return buf;
}

static int status_exit(js_status s)
{
    switch (s) {
    case JS_E_LIMIT: return EXIT_LIMIT;
    case JS_E_NOMEM: return EXIT_NOMEM;
    case JS_E_IO: return EXIT_IO;
    default: return EXIT_NOTREPORT;
    }
}

/* Print an error line in JSON Lines mode so outputs stay aligned to inputs. */
static void error_line(const char *name, const char *msg)
{
    fputs("{\"source\":{\"file\":\"", stdout);
    for (const char *p = name; *p; p++) {
        if (*p == '"' || *p == '\\')
            putchar('\\');
        if ((unsigned char)*p >= 0x20)
            putchar(*p);
    }
    printf("\"},\"error\":\"%s\"}\n", msg);
}

/* Process one input; returns an exit code (0 on success). */
static int run_one(const js_ctx *ctx, FILE *f, const char *name, size_t limit, unsigned opts)
{
    size_t len = 0;
    int too_big;
    char *data = slurp(f, limit, &len, &too_big);
    const char *label = name ? name : "<stdin>";
    if (!data) {
        js_status s = too_big ? JS_E_LIMIT : JS_E_IO;
        fprintf(stderr, "extract: %s: %s\n", label, too_big ? js_strerror(s) : strerror(errno));
        if (name)
            error_line(name, js_strerror(s));
        return status_exit(s);
    }
    js_doc *doc = NULL;
    js_error err = {0};
    js_status s = js_extract(ctx, data, len, opts, &doc, &err);
    free(data);
    if (s != JS_OK) {
        fprintf(stderr, "extract: %s: %s\n", label, err.msg);
        if (name)
            error_line(name, js_strerror(s));
        return status_exit(s);
    }
    int rc = EXIT_OK;
    if (!js_doc_is_report(doc)) {
        fprintf(stderr, "extract: %s: %s\n", label, js_strerror(JS_E_NOTREPORT));
        if (name)
            error_line(name, js_strerror(JS_E_NOTREPORT));
        js_doc_free(doc);
        return EXIT_NOTREPORT;
    }
    if (name)
        js_doc_set_source(doc, name);
    char *json = js_doc_json(doc, name ? opts & ~JS_OPT_PRETTY : opts);
    if (json) {
        puts(json);
        free(json);
    } else {
        rc = EXIT_NOMEM;
    }
    js_doc_free(doc);
    return rc;
}

int main(int argc, char **argv)
{
    unsigned opts = 0;
    const char *pat = NULL;
    size_t limit = (size_t)256 << 20;
    int first = argc;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--pretty")) {
            opts |= JS_OPT_PRETTY;
        } else if (!strcmp(a, "--no-provenance")) {
            opts |= JS_OPT_NO_PROVENANCE;
        } else if (!strcmp(a, "--mentions")) {
            opts |= JS_OPT_MENTIONS;
        } else if (!strcmp(a, "--dump=tables")) {
            opts |= JS_OPT_DUMP_TABLES;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return EXIT_OK;
        } else if (!strcmp(a, "--version")) {
            puts("extract (juesuan) " JS_VERSION);
            return EXIT_OK;
        } else if (!strcmp(a, "--patterns") && i + 1 < argc) {
            pat = argv[++i];
        } else if (!strcmp(a, "--max-bytes") && i + 1 < argc) {
            char *end;
            limit = strtoull(argv[++i], &end, 10);
            if (*end || !limit) {
                fprintf(stderr, "extract: --max-bytes takes a positive number of bytes\n");
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "--")) {
            first = i + 1;
            break;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "extract: unknown option '%s' (see --help)\n", a);
            return EXIT_USAGE;
        } else {
            first = i;
            break;
        }
    }
    js_error err = {0};
    js_ctx *ctx = js_ctx_new(pat, &err);
    if (!ctx) {
        fprintf(stderr, "extract: %s\n", err.msg);
        return err.code == JS_E_NOMEM ? EXIT_NOMEM : EXIT_PATTERN;
    }
    js_ctx_set_max_input(ctx, limit);
    int rc = EXIT_OK;
    if (first >= argc) {
        rc = run_one(ctx, stdin, NULL, limit, opts);
    } else {
        for (int i = first; i < argc; i++) {
            FILE *f = fopen(argv[i], "rb");
            int r;
            if (!f) {
                fprintf(stderr, "extract: %s: %s\n", argv[i], strerror(errno));
                error_line(argv[i], "cannot read input");
                r = EXIT_IO;
            } else {
                r = run_one(ctx, f, argv[i], limit, opts);
                fclose(f);
            }
            if (r && (!rc || r > rc))
                rc = r;
        }
    }
    js_ctx_free(ctx);
    return rc;
}
