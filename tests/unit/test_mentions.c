/* test_mentions.c — property test of --mentions over every document of
 * corpus/samples (and corpus/renderings when present): for each mention,
 * the input sliced at [byte_start, byte_end) is its text, the code-point
 * offsets count the same place, and re-reading the text alone with the
 * number grammar gives the same kind and value. Also: the record with
 * mentions is valid JSON; each lead class (mention_start_first, concept_first,
 * label_strip_first) admits every place its pattern finds in the samples,
 * and every match of a pattern with NAME_needs holds one of its texts. */
#include <dirent.h>
#include <sys/stat.h>

#include "unit.h"

static uint32_t cps_before(const char *s, uint32_t b)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < b; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

static size_t digits_of(const char *s, char *out, size_t max)
{
    size_t k = 0;
    for (; *s && k + 1 < max; s++)
        if (*s >= '0' && *s <= '9')
            out[k++] = *s;
    out[k] = 0;
    return k;
}

/* Re-read one mention's text alone. */
static void reparse(const char *file, const jsp_mention *m)
{
    jsp_norm nm;
    jsp_arena a = {0};
    jsp_mention r;
    assert_int_equal(jsp_normalize(unit_ctx()->fold, m->text, m->oe - m->ob, &nm), 0);
    bool ok = jsp_num_parse(&unit_ctx()->pat, &a, nm.text, nm.len, m->shift, &r);
    if (m->kind == JSP_M_CODE) { /* a code's context is outside its text: compare digits */
        char x[32], y[32];
        digits_of(m->str, x, sizeof x);
        digits_of(nm.text, y, sizeof y);
        assert_string_equal(x, y);
    } else if (!ok || r.kind != m->kind ||
               (m->kind == JSP_M_DATE ? strcmp(r.str, m->str) != 0
                                      : jsp_dec_cmp(r.value, m->value) != 0)) {
        print_error("%s: mention '%s' at byte %u does not re-read to its value\n", file, m->text,
                    m->ob);
        fail();
    }
    jsp_norm_free(&nm);
    jsp_arena_free(&a);
}

static size_t check_file(const char *path)
{
    size_t n;
    char *in = unit_slurp(path, &n);
    js_doc *d = NULL;
    assert_int_equal(js_extract(unit_ctx(), in, n, JS_OPT_MENTIONS, &d, NULL), JS_OK);
    const jsp_mention *m = d->mentions.items;
    for (size_t i = 0; i < d->mentions.n; i++) {
        assert_true(m[i].ob < m[i].oe && m[i].oe <= n);
        assert_memory_equal(in + m[i].ob, m[i].text, m[i].oe - m[i].ob);
        assert_int_equal(m[i].cs, cps_before(in, m[i].ob));
        assert_int_equal(m[i].ce, cps_before(in, m[i].oe));
        reparse(path, &m[i]);
    }
    char *js = js_doc_json(d, JS_OPT_MENTIONS);
    json_error_t e;
    json_t *j = json_loads(js, 0, &e);
    assert_non_null(j);
    assert_int_equal(json_array_size(json_object_get(j, "mentions")), d->mentions.n);
    json_decref(j);
    free(js);
    size_t count = d->mentions.n;
    js_doc_free(d);
    free(in);
    return count;
}

static size_t check_dir(const char *dir)
{
    DIR *dp = opendir(dir);
    size_t total = 0;
    if (!dp)
        return 0;
    struct dirent *de;
    while ((de = readdir(dp))) {
        size_t l = strlen(de->d_name);
        if (l < 5 || strcmp(de->d_name + l - 4, ".txt"))
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        total += check_file(path);
    }
    closedir(dp);
    return total;
}

static void test_samples(void **st)
{
    (void)st;
    size_t n = check_dir(JS_CORPUS_DIR "/samples");
    assert_true(n > 1000); /* the five samples hold thousands of figures */
    n += check_dir(JS_CORPUS_DIR "/renderings");
    printf("mentions checked: %zu\n", n);
}

/* Every place pattern `name` finds begins with a character its lead class
 * admits (the lead search skips all others). */
static size_t lead_covers(const char *name, const jsp_lead *l, const char *text, size_t n)
{
    uint32_t opts = l == &unit_ctx()->pat.strip ? PCRE2_NOTEMPTY : 0; /* as the removal runs */
    const jsp_patterns *p = &unit_ctx()->pat;
    const pcre2_code *re = jsp_regex_get(p, name);
    pcre2_match_data *md = pcre2_match_data_create(4, NULL);
    size_t places = 0;
    for (size_t at = 0; at < n && jsp_match(p, re, text, n, at, opts, md) > 0; places++) {
        size_t s = pcre2_get_ovector_pointer(md)[0];
        int32_t cp = -1;
        at = s + jsp_utf8_decode((const unsigned char *)text + s, n - s, &cp);
        if (!jsp_lead_may(p, l, cp)) {
            print_error("the lead class of %s leaves out U+%04X, where it finds a place\n", name,
                        (unsigned)cp);
            fail();
        }
    }
    pcre2_match_data_free(md);
    return places;
}

/* A pattern anchored at the start (^) is run on lines and cells: at every
 * line start and after every space or tab (where a cell may begin), where
 * it matches the rest of the line, the first character after white space
 * is one its class admits. Returns the matches seen. */
static size_t start_covers(const char *name, const char *text, size_t n)
{
    const jsp_patterns *p = &unit_ctx()->pat;
    const jsp_lead *l = jsp_lead_get(p, name);
    assert_non_null(l);
    assert_true(l->start_only);
    pcre2_match_data *md = pcre2_match_data_create(8, NULL);
    size_t places = 0;
    for (size_t at = 0; at < n; at++) {
        if (at && text[at - 1] != '\n' && text[at - 1] != ' ' && text[at - 1] != '\t')
            continue;
        const char *nl = memchr(text + at, '\n', n - at);
        size_t len = nl ? (size_t)(nl - text) - at : n - at, k = 0;
        if (jsp_match(p, l->re, text + at, len, 0, 0, md) <= 0)
            continue;
        while (k < len && (text[at + k] == ' ' || text[at + k] == '\t'))
            k++;
        int32_t cp = -1;
        if (k < len)
            jsp_utf8_decode((const unsigned char *)text + at + k, len - k, &cp);
        if (!jsp_lead_may(p, l, cp)) {
            print_error("the lead class of %s leaves out U+%04X, where it matches\n", name,
                        (unsigned)cp);
            fail();
        }
        places++;
    }
    pcre2_match_data_free(md);
    return places;
}

/* NAME_needs is held by every match of its pattern: each pattern with one
 * is searched over every line (and every tab- or space-led piece of one,
 * where a cell may begin), and each match span must hold one of its texts. */
static size_t needs_hold(const char *text, size_t n)
{
    const jsp_patterns *p = &unit_ctx()->pat;
    pcre2_match_data *md = pcre2_match_data_create(32, NULL);
    size_t places = 0, kinds = 0;
    for (size_t i = 0; i < p->nregex; i++) {
        const jsp_regex *r = &p->regex[i];
        if (!r->needs)
            continue;
        kinds++;
        for (size_t at = 0; at < n; at++) {
            if (at && text[at - 1] != '\n' && text[at - 1] != ' ' && text[at - 1] != '\t')
                continue;
            const char *nl = memchr(text + at, '\n', n - at);
            size_t len = nl ? (size_t)(nl - text) - at : n - at;
            for (size_t from = 0;
                 from <= len && jsp_match(p, r->re, text + at, len, from, 0, md) > 0;) {
                PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
                if (!jsp_holds_list(text + at + ov[0], ov[1] - ov[0], r->needs)) {
                    print_error("%s matches %.*s, which holds none of its needs\n", r->name,
                                (int)(ov[1] - ov[0]), text + at + ov[0]);
                    fail();
                }
                places++;
                from = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
            }
        }
    }
    assert_true(kinds >= 8); /* table_no, dept_decl, unit_decl, the qualifiers */
    pcre2_match_data_free(md);
    return places;
}

static size_t first_covers_start(const char *text, size_t n)
{
    const jsp_patterns *p = &unit_ctx()->pat;
    static const char *const anchored[] = {"dept_decl", "prose_open", "prose_close",
                                           "part_heading"};
    size_t places = lead_covers("mention_start", &p->start, text, n) +
                    lead_covers("concept", &p->concept, text, n) +
                    lead_covers("label_strip", &p->strip, text, n);
    for (size_t i = 0; i < sizeof anchored / sizeof *anchored; i++)
        places += start_covers(anchored[i], text, n);
    return places + needs_hold(text, n);
}

static void test_first_chars(void **st)
{
    (void)st;
    const char *words = "增加5 增长5% 增多3个 上升1 提高2 增幅3% 多5人 减少2 下降3 降低4 减幅5% "
                        "降幅6% 下滑7 减8 少9 十万元 拾元 零元 一二三四五六七八九两壹贰叁肆伍陆"
                        "柒捌玖〇○万元 持平 截至2020年 百分之五 -3元 •(一)其中:“基本”1.②❸⑵⒈:\n"
                        "  部门:测试局\t编制单位:测试局\n第三部分 2019年度部门决算情况说明\n"
                        "决算情况说明\n 第四部分\n名词解释\n  第二部分 ";
    size_t places = first_covers_start(words, strlen(words));
    DIR *dp = opendir(JS_CORPUS_DIR "/samples");
    assert_non_null(dp);
    struct dirent *de;
    while ((de = readdir(dp))) {
        size_t l = strlen(de->d_name), n;
        if (l < 5 || strcmp(de->d_name + l - 4, ".txt"))
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", JS_CORPUS_DIR "/samples", de->d_name);
        char *in = unit_slurp(path, &n);
        js_doc *d = NULL;
        assert_int_equal(js_extract(unit_ctx(), in, n, 0, &d, NULL), JS_OK);
        places += first_covers_start(d->norm.text, d->norm.len);
        js_doc_free(d);
        free(in);
    }
    closedir(dp);
    assert_true(places > 1000);
    /* and it is a filter: common characters that begin nothing are skipped */
    assert_false(jsp_lead_may(&unit_ctx()->pat, &unit_ctx()->pat.start, 0x7684)); /* 的 */
    assert_false(jsp_lead_may(&unit_ctx()->pat, &unit_ctx()->pat.start, 'a'));
    assert_false(jsp_lead_may(&unit_ctx()->pat, &unit_ctx()->pat.concept, '5'));
}

/* Offsets count code points of the input, also for HTML and full-width text. */
static void test_offsets_html(void **st)
{
    (void)st;
    const char *in = "测试局2019年度部门决算\n第三部分\n<p>收入&nbsp;<b>１２３</"
                     "b>万元，增长５％</p>\n";
    js_doc *d = NULL;
    assert_int_equal(js_extract(unit_ctx(), in, strlen(in), JS_OPT_MENTIONS, &d, NULL), JS_OK);
    const jsp_mention *m = d->mentions.items;
    size_t found = 0;
    for (size_t i = 0; i < d->mentions.n; i++) {
        assert_memory_equal(in + m[i].ob, m[i].text, m[i].oe - m[i].ob);
        if (m[i].kind == JSP_M_AMOUNT) {
            assert_string_equal(m[i].text, "１２３</b>万元");
            found++;
        }
        if (m[i].kind == JSP_M_PERCENT) {
            assert_string_equal(m[i].text, "增长５％");
            found++;
        }
    }
    assert_int_equal(found, 2);
    js_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_samples),
        cmocka_unit_test(test_offsets_html),
        cmocka_unit_test(test_first_chars),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
