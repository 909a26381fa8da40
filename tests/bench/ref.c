/* ref.c — the benchmark's reference: one PCRE2-JIT pass of an amount
 * pattern over the same files, counting matches. Prints bytes and seconds. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
    const char *re = "-?[0-9]{1,3}(?:,[0-9]{3})*(?:\\.[0-9]+)?\\s*(?:万元|元)?";
    int ec;
    PCRE2_SIZE eo;
    pcre2_code *c = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &ec, &eo, NULL);
    if (!c || pcre2_jit_compile(c, PCRE2_JIT_COMPLETE))
        return 1;
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(c, NULL);
    size_t total = 0, hits = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f)
            continue;
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *b = malloc((size_t)n + 1);
        if (b && fread(b, 1, (size_t)n, f) == (size_t)n) {
            total += (size_t)n;
            for (PCRE2_SIZE at = 0; at < (PCRE2_SIZE)n;) {
                if (pcre2_jit_match(c, (PCRE2_SPTR)b, (PCRE2_SIZE)n, at, PCRE2_NO_UTF_CHECK, md, NULL) <= 0)
                    break;
                PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
                hits++;
                at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
            }
        }
        free(b);
        fclose(f);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("%zu %.6f %zu\n", total, s, hits);
    pcre2_match_data_free(md);
    pcre2_code_free(c);
    return 0;
}
