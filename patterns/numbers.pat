# numbers.pat — the number grammar: what a numeric mention looks like in the
# NFKC-folded text (full-width digits, ，．％（） arrive as ASCII).
# Format: name<TAB>PCRE2 pattern, compiled with UTF|UCP (and JIT). @{ns} is
# replaced at load by the vocabulary namespace ns (vocab/numbers.tsv,
# concepts.tsv …) as an alternation, longest text first; @{a,b} joins two.
#
# "mention": one alternative per kind, except that an Arabic figure is
# read once ("fig") and what follows it names the kind: % or 个百分点 a
# percentage, a unit an amount, a classifier a count (the figure is parsed
# once per try, not once per kind). The C evaluator (numbers.c) reads the
# named groups. Tried in order at each position, so a year (2018年) or a
# percentage is never an amount, and 个百分点 is never a count of 个.
# The pieces each alternative is built of (fig_*, put in by @{=name}: a
# piece written in place costs less per try than a (?&name) subroutine):
#   fig_arabic     an Arabic figure: 1,100 | 2899.74 | -12.50 | 5。20 before
#                  a unit (OCR's point)
#   fig_spaced     digit groups split by single spaces (1 234.50), only
#                  before a unit
#   fig_chinese    a Chinese numeral: 十五, 两千三百, 叁拾, 二〇一八
#   fig_unit       a currency unit, its parts split by spaces or line breaks
#                  (0 万\n\n元)
#   fig_direction  a direction word: 增加/减少 … signs the figure that follows;
#                  read once (group "dir") before the figure alternatives
#                  (fig, pct, amt, cnt): no direction word begins one of
#                  them, so the order of tries is the same as when each had
#                  its own, and the pattern has three groups fewer (each
#                  group costs every try, matched or not)
#   fig_code       a classification code (功能 2xx[xx[xx]], 经济 3xx[xx]): a
#                  code only in parentheses or before its name, never before
#                  a unit or 年
# The pieces hold no literal space or #: "mention" reads them under (?x).
# A bare figure (group "bare") is an amount only inside a table cell; in
# prose a figure needs its unit, so 28428828, 12345热线, 1G, m2 are nothing.
fig_arabic	(?<![0-9A-Za-z._^-]|[0-9],)(?>-?(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+。[0-9]{1,2}(?=\s?(?:[千万亿]?元|%))|[0-9]+(?:\.[0-9]+)?))(?![0-9])
fig_spaced	(?<![0-9A-Za-z._^]|[0-9],)[0-9]{1,3}(?:\x20[0-9]{3})+(?:\.[0-9]+)?(?![0-9])
fig_chinese	(?:@{cn_digit}|十|拾)(?:@{cn_digit,cn_mult})*
fig_unit	(?:千|万|亿|百\s*+万)?\s*+元
fig_direction	@{direction}
fig_code	(?<![0-9])(?:2[0-9]{2}(?:[0-9]{2}){0,2}|3[01][0-9](?:[0-9]{2})?)(?![0-9.%,])
mention	(?x)(?<date>(?:(?:截至|截止)\s*+)?(?<y>(?<![0-9])(?:19|20)[0-9]{2})\s*+年(?:\s*+(?<mo>1[0-2]|0?[1-9])\s*+月(?:\s*+(?<dd>3[01]|[12][0-9]|0?[1-9])\s*+日)?)?(?:度)?)|(?<mday>(?<![0-9.])(?<mo2>1[0-2]|0?[1-9])\s*+月\s*+(?<dd2>3[01]|[12][0-9]|0?[1-9])\s*+日)|(?<flat>持平)|(?:(?<dir>@{=fig_direction})了?\s*+)?(?:(?<fig>(?<fn>@{=fig_arabic})\s*+(?:(?<pu>%|个百分点)|(?<au>@{=fig_unit})|(?<cm>万|亿)?(?:多|余)?\s*+(?<cl>@{classifier})))|(?<pct>百分之(?:(?<pn2>@{=fig_arabic})|(?<pc>@{=fig_chinese})))|(?<amt>(?:(?<an>@{=fig_spaced})|(?<ac>@{=fig_chinese}))\s*+(?<au2>@{=fig_unit}))|(?<cnt>(?<cc>@{=fig_chinese})(?:多|余)?(?<cl2>@{classifier_cn})))|(?<code>(?<=\()@{=fig_code}(?=\))|@{=fig_code}(?!\s?(?:年|月|日|多|余|元|万|亿|千|@{classifier}))(?=\s?[(]?\p{Han}))|(?<bare>@{=fig_arabic})
#
# Where a mention can start (every alternative above begins with one of
# these): the scanner jumps from one such place to the next and tries
# "mention" there, anchored — the same leftmost matches, far fewer tries.
# A Chinese numeral counts only before a unit or classifier (一般, 统一 …
# are not worth a try), a direction word only before a figure (增加了投入
# is not).
#
# The characters those places begin with, as one class (@{^ns}: the first
# characters of ns's words): every other character is skipped without
# running a pattern. Any pattern NAME of these files may have such a
# NAME_first; keep it a superset of the characters NAME's matches begin
# with (tests/unit checks it over the samples). Worth it only where the
# pattern's own search is slow (alternations, a leading lookahead).
mention_start_first	[0-9\-截百持十拾@{^cn_digit}@{^direction}]
mention_start	[0-9\-截百持]|(?:@{cn_digit}|十|拾)(?=(?:@{cn_digit,cn_mult})*+\s*+(?:[千万亿]?\s*+元|@{classifier_cn}|多|余))|(?=@{direction}了?\s*+(?:[0-9\-]|百分之|@{cn_digit}|十|拾))
#
# A figure's concept ("label"): the last of these terms before it in its
# clause; the term's concept value (concepts.tsv) or, for 类 names, itself.
# A name followed by (款) or (项) is a lower level's, not the 类's.
concept	@{concept,fclass}(?!\s*+\((?:款|项)\))
# The characters a concept term begins with (tried only there).
concept_first	[@{^concept,fclass}]
#
# A figure's qualifier, from the text just before it (since the previous
# figure of the clause): the first of these that matches at the end wins.
# A figure led by a direction word is a change (变动) before any of these.
# Each names the words one of which its matches hold (NAME_needs, see
# regex.pat): text before a figure holding none costs no run.
qualifier.完成率	(?:完成|达到|为)?(?:年初|全年)?预算(?:数)?的\s*+$|完成率(?:为|是)?\s*+$
qualifier.完成率_needs	预算|完成率
qualifier.占比	占[^,;。]{0,30}?的?(?:比重|比例)?(?:为|是)?\s*+$|(?:比重|占比|比例)(?:为|是)?\s*+$
qualifier.占比_needs	占|比重|比例
qualifier.上年	上年(?:度)?(?:同期)?(?:决算)?(?:数)?(?:为|是)?\s*+$|(?:比|较|与)上年(?:度)?的?\s*+$
qualifier.上年_needs	上年
qualifier.预算	预算(?:数)?(?:为|是|合计|安排)?\s*+$
qualifier.预算_needs	预算
qualifier.决算	决算(?:数)?(?:为|是|合计)?\s*+$
qualifier.决算_needs	决算
