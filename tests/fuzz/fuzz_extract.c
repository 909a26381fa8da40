/* SPDX-License-Identifier: MIT
 * fuzz_extract.c — libFuzzer target over the whole pipeline (make fuzz):
 * any bytes → js_extract with mentions → the JSON record and the review
 * page. The pattern library is loaded once, as extract does.
 */
#include <stdint.h>
#include <stdlib.h>

#include "juesuan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static js_ctx *ctx;
    if (!ctx && !(ctx = js_ctx_new(NULL, NULL)))
        abort(); /* the pattern library must load */
    js_doc *doc = NULL;
    if (js_extract(ctx, (const char *)data, size, JS_OPT_MENTIONS, &doc, NULL) != JS_OK)
        return 0;
    free(js_doc_json(doc, JS_OPT_MENTIONS | JS_OPT_PRETTY));
    free(js_doc_html(doc, (const char *)data, size));
    js_doc_free(doc);
    return 0;
}
