/* corpus.h — `extract --corpus` (corpus.c): labelled spans for training. */
#ifndef JSC_CORPUS_H
#define JSC_CORPUS_H

#include <stdbool.h>
#include <stddef.h>

#include "../extractor/juesuan.h"

typedef struct {
    const char *format; /* spacy | doccano | labelstudio | conll */
    const char *by;     /* document | paragraph | row */
    bool validated_only;
    int split[3];       /* train / dev / test percentages */
    size_t max_bytes;   /* largest input read (--max-bytes) */
} jsc_opts;

/* Write the corpus of `files` to stdout, a summary to stderr. Returns an
 * exit code (0, or 1/4 when some input was left out). */
int jsc_run(const js_ctx *ctx, char **files, size_t n, const jsc_opts *o);

#endif
