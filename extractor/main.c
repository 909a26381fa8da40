/* SPDX-License-Identifier: MIT
 * main.c — the `extract` program: report text in, canonical record out.
 * stdin → one JSON record; FILE/DIR... or --files-from → one JSON Lines
 * record per file, in input order, each with "source", made by -j worker
 * threads sharing the read-only context. Exit codes: usage() and README.
 */
#include <dirent.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../corpus/corpus.h"
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
          "  -j N              N worker threads for many files (default: the cores)\n"
          "  --files-from LIST read input names from LIST (- for stdin), one per\n"
          "                    line or NUL-separated; a FILE may be a directory\n"
          "  --pretty          indent the JSON\n"
          "  --corpus          write a training corpus of labelled spans instead of records\n"
          "    --format F      spacy (default), doccano, labelstudio or conll\n"
          "    --by UNIT       document (default), paragraph or row: one example per UNIT\n"
          "    --validated-only  only spans whose figures passed every check they are in\n"
          "    --split A/B/C   train/dev/test percentages by hash of the text (80/10/10)\n"
          "  --mentions        add \"mentions\": every amount, percentage, count, date and\n"
          "                    code with its offsets, value, unit, label and qualifier\n"
          "  --html            print the review page (HTML) instead of the record; one\n"
          "                    input, from stdin or a single FILE\n"
          "  --html-dir DIR    also write each report's review page to DIR/NAME.html\n"
          "  --no-provenance   leave out \"provenance\" (where each value was read)\n"
          "  --patterns DIR    pattern library (default: $JUESUAN_PATTERNS or the built-in path)\n"
          "  --max-bytes N     largest input accepted (default 268435456)\n"
          "  --stats           print time per pipeline stage and MB/s to stderr at the end\n"
          "  --dump=tables     print each rebuilt table row, cells as [column]text, to stderr\n"
          "  -h, --help        this text\n"
          "  --version         print the version\n"
          "\n"
          "exit codes: 0 ok; 1 an input is not a report; 2 usage; 3 pattern library;\n"
          "            4 unreadable input; 5 input over --max-bytes; 6 out of memory\n",
          f);
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

/* MARK: one document ------------------------------------------------------ */

/* What one input gives: its stdout line (without the line end) and stderr
 * message, both malloc'd. */
typedef struct {
    char *out, *err;
    int rc;
    size_t bytes;
    int done;
    uint64_t ns[JS_NSTAGES]; /* time per stage, for --stats */
} result;

/* --stats: time per stage over the whole run, printed at exit (stderr). */
static bool want_stats;
static uint64_t stats_ns[JS_NSTAGES];
static double stats_bytes, stats_t0;
static size_t stats_docs;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void stats_add(const result *r)
{
    for (int i = 0; i < JS_NSTAGES; i++)
        stats_ns[i] += r->ns[i];
    stats_bytes += (double)r->bytes;
    stats_docs++;
}

static void stats_print(void)
{
    double wall = now() - stats_t0, sum = 0;
    for (int i = 0; i < JS_NSTAGES; i++)
        sum += (double)stats_ns[i];
    fprintf(stderr, "stats: %zu documents, %.1f MB in %.2f s (%.1f MB/s)\n", stats_docs,
            stats_bytes / 1e6, wall, wall > 0 ? stats_bytes / 1e6 / wall : 0.0);
    for (int i = 0; i < JS_NSTAGES; i++)
        fprintf(stderr, "stats: %-18s %9.1f ms %5.1f%%\n", js_stage_name(i),
                (double)stats_ns[i] / 1e6, sum > 0 ? 100.0 * (double)stats_ns[i] / sum : 0.0);
}

/* The concatenation of the strings up to a NULL; malloc'd. */
static char *cat(const char *first, ...)
{
    va_list ap;
    size_t n = 1;
    va_start(ap, first);
    for (const char *p = first; p; p = va_arg(ap, const char *))
        n += strlen(p);
    va_end(ap);
    char *s = malloc(n), *o = s;
    if (!s)
        return NULL;
    va_start(ap, first);
    for (const char *p = first; p; p = va_arg(ap, const char *))
        o = stpcpy(o, p);
    va_end(ap);
    return s;
}

/* An error line in JSON Lines mode, so outputs stay aligned to inputs. */
static char *error_line(const char *name, const char *msg)
{
    size_t n = strlen(name);
    char *esc = malloc(n * 2 + 1), *o = esc;
    if (!esc)
        return NULL;
    for (const char *p = name; *p; p++) {
        if (*p == '"' || *p == '\\')
            *o++ = '\\';
        if ((unsigned char)*p >= 0x20)
            *o++ = *p;
    }
    *o = 0;
    char *line = cat("{\"source\":{\"file\":\"", esc, "\"},\"error\":\"", msg, "\"}", NULL);
    free(esc);
    return line;
}

static void fail_result(result *r, const char *name, const char *label, const char *why,
                        js_status s)
{
    r->err = cat("extract: ", label, ": ", why, "\n", NULL);
    r->out = name ? error_line(name, js_strerror(s)) : NULL;
    r->rc = status_exit(s);
}

/* --html: the review page replaces the record (one input from stdin);
 * --html-dir DIR: each report's page is also written to DIR. Set once in
 * main before any worker starts, read-only after. */
static bool html_stdout;
static const char *html_dir;

/* DIR/NAME.html for input `name` (NULL: stdin): the input's path with its
 * directories joined by '_' and its extension replaced, so that reports of
 * the same file name in different directories do not overwrite each other. */
static char *html_path(const char *name)
{
    const char *n = name ? name : "stdin";
    while (n[0] == '.' && n[1] == '/')
        n += 2;
    while (*n == '/')
        n++;
    char *base = strdup(*n ? n : "stdin");
    if (!base)
        return NULL;
    for (char *c = base; *c; c++)
        if (*c == '/')
            *c = '_';
    char *dot = strrchr(base, '.');
    if (dot && dot != base)
        *dot = 0;
    char *p = cat(html_dir, "/", base, ".html", NULL);
    free(base);
    return p;
}

/* Write doc's review page where --html-dir says; 0 or an exit code. */
static int write_html(const js_doc *doc, const char *name, const char *data, size_t len,
                      result *r)
{
    char *page = js_doc_html(doc, data, len);
    char *path = page ? html_path(name) : NULL;
    if (!path) {
        free(page);
        r->err = cat("extract: ", name ? name : "<stdin>", ": out of memory\n", NULL);
        return EXIT_NOMEM;
    }
    FILE *f = fopen(path, "wb");
    int rc = f && fputs(page, f) >= 0 ? EXIT_OK : EXIT_IO;
    if (f && fclose(f))
        rc = EXIT_IO;
    if (rc)
        r->err = cat("extract: ", path, ": ", strerror(errno), "\n", NULL);
    free(path);
    free(page);
    return rc;
}

/* Process one input into r (never prints: the caller keeps input order). */
static void process(const js_ctx *ctx, FILE *f, const char *name, size_t limit, unsigned opts,
                    result *r)
{
    size_t len = 0;
    char *data = NULL;
    const char *label = name ? name : "<stdin>";
    js_status rs = js_read_stream(f, limit, &data, &len);
    r->bytes = len;
    if (rs != JS_OK) {
        fail_result(r, name, label, rs == JS_E_IO ? strerror(errno) : js_strerror(rs), rs);
        return;
    }
    js_doc *doc = NULL;
    js_error err = {0};
    js_opts xo = opts | (html_stdout || html_dir ? JS_OPT_MENTIONS : 0); /* the page shows them */
    js_status s = js_extract(ctx, data, len, xo, &doc, &err);
    if (s != JS_OK) {
        free(data);
        fail_result(r, name, label, err.msg, s);
        return;
    }
    if (!js_doc_is_report(doc)) {
        free(data);
        fail_result(r, name, label, js_strerror(JS_E_NOTREPORT), JS_E_NOTREPORT);
        js_doc_free(doc);
        return;
    }
    for (int i = 0; i < JS_STAGE_EMIT; i++)
        r->ns[i] = js_doc_stage_ns(doc, i);
    if (name)
        js_doc_set_source(doc, name);
    if (html_stdout) {
        r->out = js_doc_html(doc, data, len);
        r->rc = r->out ? EXIT_OK : EXIT_NOMEM;
    } else {
        double te = now();
        r->out = js_doc_json(doc, name ? opts & ~JS_OPT_PRETTY : opts); /* the printer ends the line */
        r->ns[JS_STAGE_EMIT] = (uint64_t)((now() - te) * 1e9);
        r->rc = r->out ? EXIT_OK : EXIT_NOMEM;
        if (r->out && html_dir)
            r->rc = write_html(doc, name, data, len, r);
    }
    free(data);
    js_doc_free(doc);
}

static void process_file(const js_ctx *ctx, const char *name, size_t limit, unsigned opts,
                         result *r)
{
    FILE *f = fopen(name, "rb");
    if (!f) {
        fail_result(r, name, name, strerror(errno), JS_E_IO);
        return;
    }
    process(ctx, f, name, limit, opts, r);
    fclose(f);
}

/* MARK: the list of inputs ------------------------------------------------- */

typedef struct {
    char **v;
    size_t n, cap;
} names;

static int add_name(names *l, const char *s, size_t n)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 256;
        char **v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return -1;
        l->v = v;
        l->cap = cap;
    }
    if (!(l->v[l->n] = malloc(n + 1)))
        return -1;
    memcpy(l->v[l->n], s, n);
    l->v[l->n++][n] = 0;
    return 0;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A directory's regular files, recursively, in name order (dot files skipped). */
static int add_dir(names *l, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return add_name(l, dir, strlen(dir)); /* reported as unreadable later */
    names here = {0};
    struct dirent *de;
    while ((de = readdir(d)))
        if (de->d_name[0] != '.') {
            size_t n = strlen(dir) + strlen(de->d_name) + 2;
            char *p = malloc(n);
            if (!p || (snprintf(p, n, "%s/%s", dir, de->d_name), add_name(&here, p, strlen(p)))) {
                free(p);
                closedir(d);
                return -1;
            }
            free(p);
        }
    closedir(d);
    qsort(here.v, here.n, sizeof *here.v, cmp_name);
    int rc = 0;
    for (size_t i = 0; i < here.n; i++) {
        struct stat st;
        if (!rc && !stat(here.v[i], &st))
            rc = S_ISDIR(st.st_mode) ? add_dir(l, here.v[i])
                 : S_ISREG(st.st_mode) ? add_name(l, here.v[i], strlen(here.v[i]))
                                       : 0;
        free(here.v[i]);
    }
    free(here.v);
    return rc;
}

static void free_names(names *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
}

static int add_arg(names *l, const char *a)
{
    struct stat st;
    if (!stat(a, &st) && S_ISDIR(st.st_mode))
        return add_dir(l, a);
    return add_name(l, a, strlen(a));
}

/* --files-from LIST: NUL-separated when the list holds a NUL, else lines. */
static int add_list(names *l, const char *path)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f)
        return -2;
    size_t len;
    char *buf = NULL;
    js_status rs = js_read_stream(f, (size_t)1 << 34, &buf, &len);
    if (f != stdin)
        fclose(f);
    if (rs != JS_OK)
        return -2;
    char sep = memchr(buf, 0, len) ? 0 : '\n';
    int rc = 0;
    for (size_t i = 0; i < len && !rc;) {
        size_t j = i;
        while (j < len && buf[j] != sep)
            j++;
        size_t e = j;
        if (sep == '\n' && e > i && buf[e - 1] == '\r')
            e--;
        if (e > i)
            rc = add_name(l, buf + i, e - i);
        i = j + 1;
    }
    free(buf);
    return rc;
}

/* MARK: batch: N workers, output in input order ----------------------------- */

typedef struct {
    const js_ctx *ctx;
    names *in;
    result *res;
    size_t next, printed, window, limit;
    unsigned opts;
    pthread_mutex_t mu;
    pthread_cond_t ready, space;
} batch;

static void *worker(void *arg)
{
    batch *b = arg;
    for (;;) {
        pthread_mutex_lock(&b->mu);
        while (b->next < b->in->n && b->next >= b->printed + b->window)
            pthread_cond_wait(&b->space, &b->mu); /* bounded memory: stay near the printer */
        size_t i = b->next < b->in->n ? b->next++ : (size_t)-1;
        pthread_mutex_unlock(&b->mu);
        if (i == (size_t)-1)
            return NULL;
        result r = {0};
        process_file(b->ctx, b->in->v[i], b->limit, b->opts, &r);
        pthread_mutex_lock(&b->mu);
        r.done = 1;
        b->res[i % b->window] = r;
        pthread_cond_broadcast(&b->ready);
        pthread_mutex_unlock(&b->mu);
    }
}

static void progress(size_t done, size_t n, double bytes, double t0, bool last)
{
    double dt = now() - t0, mbs = dt > 0 ? bytes / 1e6 / dt : 0;
    double eta = done ? dt * (double)(n - done) / (double)done : 0;
    fprintf(stderr, "\r%zu/%zu documents, %.1f MB, %.1f MB/s, ETA %.0fs   %s", done, n,
            bytes / 1e6, mbs, eta, last ? "\n" : "");
}

static int run_batch(const js_ctx *ctx, names *in, int jobs, size_t limit, unsigned opts)
{
    batch b = {ctx, in, NULL, 0, 0, (size_t)jobs * 4, limit, opts,
               PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, PTHREAD_COND_INITIALIZER};
    pthread_t *th = calloc((size_t)jobs, sizeof *th);
    if (!th || !(b.res = calloc(b.window, sizeof *b.res))) {
        free(th);
        return EXIT_NOMEM;
    }
    int started = 0, rc = EXIT_OK;
    for (; started < jobs; started++)
        if (pthread_create(&th[started], NULL, worker, &b))
            break;
    bool tty = isatty(2) && in->n > 1;
    double t0 = now(), bytes = 0, shown = 0;
    for (size_t i = 0; i < in->n && started; i++) {
        pthread_mutex_lock(&b.mu);
        while (!b.res[i % b.window].done)
            pthread_cond_wait(&b.ready, &b.mu);
        result r = b.res[i % b.window];
        memset(&b.res[i % b.window], 0, sizeof r);
        b.printed = i + 1;
        pthread_cond_broadcast(&b.space);
        pthread_mutex_unlock(&b.mu);
        if (r.err)
            fputs(r.err, stderr);
        if (r.out)
            puts(r.out);
        if (r.rc && (!rc || r.rc > rc))
            rc = r.rc;
        stats_add(&r);
        bytes += (double)r.bytes;
        free(r.out);
        free(r.err);
        if (tty && (now() - shown > 0.5 || i + 1 == in->n)) {
            progress(i + 1, in->n, bytes, t0, i + 1 == in->n);
            shown = now();
        }
    }
    for (int k = 0; k < started; k++)
        pthread_join(th[k], NULL);
    free(th);
    free(b.res);
    return started ? rc : EXIT_NOMEM;
}

/* Keep freed memory for the next document: by default glibc hands a
 * worker's freed arena blocks back to the kernel (madvise) after every
 * document and takes page faults to get them again, an eighth of the run's
 * time. Blocks past 32 MB (a huge input) are still mapped and unmapped. */
static void keep_heap(void)
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}

int main(int argc, char **argv)
{
    keep_heap();
    unsigned opts = 0;
    const char *pat = NULL, *from = NULL;
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    int jobs = ncpu > 0 ? (int)ncpu : 1;
    names in = {0};
    bool corpus = false;
    jsc_opts co = {"spacy", "document", false, {80, 10, 10}, 0};
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
        } else if (!strcmp(a, "--stats")) {
            want_stats = true;
        } else if (!strcmp(a, "--html")) {
            html_stdout = true;
        } else if (!strcmp(a, "--html-dir") && i + 1 < argc) {
            html_dir = argv[++i];
        } else if (!strcmp(a, "--dump=tables")) {
            opts |= JS_OPT_DUMP_TABLES;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return EXIT_OK;
        } else if (!strcmp(a, "--version")) {
            puts("extract (juesuan) " JS_VERSION);
            return EXIT_OK;
        } else if (!strcmp(a, "-j") && i + 1 < argc) {
            char *end;
            long j = strtol(argv[++i], &end, 10);
            if (*end || j < 1 || j > 1024) {
                fprintf(stderr, "extract: -j takes a number of threads from 1 to 1024\n");
                return EXIT_USAGE;
            }
            jobs = (int)j;
        } else if (!strcmp(a, "--corpus")) {
            corpus = true;
        } else if (!strcmp(a, "--validated-only")) {
            co.validated_only = true;
        } else if (!strcmp(a, "--format") && i + 1 < argc) {
            co.format = argv[++i];
            if (strcmp(co.format, "spacy") && strcmp(co.format, "doccano") &&
                strcmp(co.format, "labelstudio") && strcmp(co.format, "conll")) {
                fprintf(stderr, "extract: --format is spacy, doccano, labelstudio or conll\n");
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "--by") && i + 1 < argc) {
            co.by = argv[++i];
            if (strcmp(co.by, "document") && strcmp(co.by, "paragraph") && strcmp(co.by, "row")) {
                fprintf(stderr, "extract: --by is document, paragraph or row\n");
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "--split") && i + 1 < argc) {
            int *sp = co.split;
            if (sscanf(argv[++i], "%d/%d/%d", &sp[0], &sp[1], &sp[2]) != 3 || sp[0] < 0 ||
                sp[1] < 0 || sp[2] < 0 || sp[0] + sp[1] + sp[2] != 100) {
                fprintf(stderr, "extract: --split takes TRAIN/DEV/TEST percentages adding to 100\n");
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "--files-from") && i + 1 < argc) {
            from = argv[++i];
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
    for (int i = first; i < argc; i++)
        if (add_arg(&in, argv[i])) {
            fprintf(stderr, "extract: out of memory listing inputs\n");
            free_names(&in);
            return EXIT_NOMEM;
        }
    if (from) {
        int lr = add_list(&in, from);
        if (lr) {
            fprintf(stderr, "extract: --files-from %s: %s\n", from,
                    lr == -2 ? strerror(errno) : "out of memory");
            free_names(&in);
            return lr == -2 ? EXIT_IO : EXIT_NOMEM;
        }
    }
    if (html_stdout && (in.n > 1 || from || corpus)) {
        fprintf(stderr, "extract: --html prints one page: give one input (or use --html-dir)\n");
        free_names(&in);
        return EXIT_USAGE;
    }
    js_error err = {0};
    js_ctx *ctx = js_ctx_new(pat, &err);
    if (!ctx) {
        fprintf(stderr, "extract: %s\n", err.msg);
        free_names(&in);
        return err.code == JS_E_NOMEM ? EXIT_NOMEM : EXIT_PATTERN;
    }
    js_ctx_set_max_input(ctx, limit);
    stats_t0 = now();
    int rc = EXIT_OK;
    if (corpus) {
        co.max_bytes = limit;
        if (!in.n)
            fprintf(stderr, "extract: --corpus needs FILE or DIR arguments\n");
        rc = in.n ? jsc_run(ctx, in.v, in.n, &co) : EXIT_USAGE;
    } else if ((!in.n && !from) || html_stdout) {
        result r = {0};
        if (in.n)
            process_file(ctx, in.v[0], limit, opts, &r);
        else
            process(ctx, stdin, NULL, limit, opts, &r);
        stats_add(&r);
        if (r.err)
            fputs(r.err, stderr);
        if (r.out)
            puts(r.out);
        free(r.out);
        free(r.err);
        rc = r.rc;
    } else {
        rc = run_batch(ctx, &in, jobs, limit, opts);
    }
    if (want_stats)
        stats_print();
    free_names(&in);
    js_ctx_free(ctx);
    return rc;
}
