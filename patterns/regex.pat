# regex.pat — named PCRE2 patterns used by the extractor's mechanisms.
# White space is matched possessively (\s*+): a line of pdftotext -layout
# holds long runs of spaces, and backtracking into them is exponential.
# Format: name<TAB>pattern. Compiled with UTF|UCP (and JIT). Text is NFKC-
# normalised before matching, so full-width forms arrive as ASCII.
#
# Removed (globally) from a label before vocabulary lookup: bullets, list
# markers (一、 (一) 1. 1、), a leading 其中:, quotes and a trailing colon.
# The characters a removal can begin with: a label holding none of them is
# left as it is without running the pattern (a superset; tests/unit checks).
# Any pattern NAME may have such a NAME_first. For a pattern anchored at the
# start (^, on a line or a cell) it lists what can follow leading spaces and
# tabs: a line or cell beginning with anything else costs no pattern run.
label_strip_first	[-·•*其一二三四五六七八九十(0-9①-⑳⑴-⒇⒈-⒛❶-❿“”"'‘’「」『』:;]
label_strip	^[-·•*]*(?:其中[:;]?)?(?:[一二三四五六七八九十]+[、.,]|\((?:[一二三四五六七八九十]+|\d{1,2})\)[、.]?|\d{1,2}[.、](?!\d)|[①-⑳⑴-⒇⒈-⒛❶-❿])?(?:其中[:;]?)?|[“”"'‘’「」『』]|[:;]$
# 公开01表 … 公开09表 (also 公开 01 表, 表01). Tried on every line: a line
# without 表 (NAME_needs: plain texts joined by |, one in every match) costs no run.
table_no	公开\s*+0?([1-9])\s*+表|^\s*+附?表\s*+0?([1-9])\s*+$
table_no_needs	表
# A unit declaration: 单位：万元, 金额单位:元.
unit_decl	单\s*+位\s*+[:]?\s*+(万\s*+元|千\s*+元|亿\s*+元|元)
unit_decl_needs	元
# A department line: 部门：NAME (NAME may be in the next cell). 编制单位 too.
dept_decl_first	[部编单]
dept_decl_needs	:
dept_decl	^\s*+(?:部\s*+门(?:\s*+名\s*+称)?|编\s*+制\s*+单\s*+位|单\s*+位\s*+名\s*+称)\s*+[:]\s*+(.*)$
# The document title: NAME YEAR 年度 部门决算 (on one or a few lines).
doc_title	^(.*?)\s*+(20\d\d)\s*+年\s*+度?\s*+(?:部门|单位)?\s*+决\s*+算
doc_title2	^\s*+(20\d\d)\s*+年\s*+度?\s*+(.+?)\s*+(?:部门|单位)?\s*+决\s*+算
# Years stated anywhere (for a majority vote when the title has none).
year	(?<![\d.])(20[0-4]\d)\s*+年\s*+度
year_needs	年
# Section headings: 第三部分 (or its title line) opens the prose; the next
# 第N部分 or 名词解释 closes it.
prose_open_first	[第2部单决]
prose_open_needs	第三部分|决算
prose_open	^\s*+(?:第三部分\s*+$|(?:第三部分)?\s*+(?:20\d\d\s*+年\s*+度?)?\s*+(?:部门|单位)?\s*+决算\s*+情况\s*+说\s*+明\s*+$)
prose_close_first	[第名]
prose_close	^\s*+(?:第[四五六]部分|名词解释\s*+$)
part_heading_first	[第]
part_heading_needs	部分
part_heading	^\s*+第[一二三四五六七八九十]+部分
# Functional classification codes: 类 3 digits, 款 5, 项 7 (may be split).
func_code	^(2\d\d)(?:\s*+(\d\d)(?:\s*+(\d\d))?)?$
econ_code	^(3\d\d)(\d\d)?$
# OCR damage to figures, repaired in place by one pass of ocr_repair (its
# pieces first). Digits are [0-9], not \d: under UCP \d asks the Unicode
# tables at every character of the text, and an amount is read only in ASCII
# digits (NFKC has made full-width ones ASCII).
# A ruling line OCR read as a bar standing alone between cells.
ocr_rule	(?<![^\s])[|｜](?![^\s])
# A speck OCR read as a quotation mark glued to the front of an amount.
ocr_speck	(?<![^\s])[“”"'‘’„]++(?=[0-9]{1,3}(?:,?[0-9]{3})*+\.[0-9]{2}(?![0-9.]))
# Letters read for digits in an amount with a decimal point and two decimals
# (see vocab ocr.digit).
ocr_figure	(?=[0-9,.]*+[OoDlI|\]SsBZz])[0-9OoDlI|\]SsBZz]{1,3}(?:,[0-9OoDlI|\]SsBZz]{3})*+\.[0-9OoDlI|\]SsBZz]{2}
# Thousands separators read as points (2.899.74).
ocr_points	[0-9]{1,3}(?:\.[0-9]{3})++\.[0-9]{2}
# The pass: the group that matched names the repair (blank: white space of
# the same length; letters; points). An amount stands alone: the look-behind
# and look-ahead are shared. A number that needs no repair is skipped whole
# ((*SKIP)): no match can begin after a digit, point or comma, so trying
# there again would only fail once per digit.
# The characters a repair can begin with (a superset: tests/unit checks it).
# The pass runs only where one of them is not part of a clean figure, and
# at digits, points and commas only in a figure that holds a letter of
# vocab ocr.digit or more than one point (normalize.c, next_window).
ocr_repair_first	[|｜“”"'‘’„0-9OoDlI\]SsBZz]
ocr_repair	(?<blank>@{=ocr_rule}|@{=ocr_speck})|(?<![A-Za-z0-9.,])(?:(?<letters>@{=ocr_figure})|(?<points>@{=ocr_points}))(?![A-Za-z0-9.,%])|[0-9][0-9,.]*+(*SKIP)(*FAIL)
# A page number printed at a page's foot or head: - 2 -, 第 2 页, 2/9.
page_number	^\s*+(?:[-—–]\s*+\d{1,4}\s*+[-—–]|第\s*+\d{1,4}\s*+页(?:\s*+共\s*+\d{1,4}\s*+页)?|\d{1,4}\s*+/\s*+\d{1,4}|\d{1,3})\s*+$
# The 栏次 numbering row of a table header.
# Plain pdftotext of a summary table (01, 04): an income figure printed at
# the head of the expenditure label on its line, maybe after its 行次, and
# maybe after its own label's first piece (一、一般公共预算财 1 693.15 一、…).
# Groups: 1 the income label's piece, 2 the figure, 3 the expenditure label.
fused_row	^\s*+(?:([^\s\d,.-]\S*+)\s++)?(?:\d{1,2}\s++)?(-?\d{1,3}(?:,?\d{3})*+\.\d{1,2})\s++(\S.*?)\s*+$
# OCR glyphs in a row's name, mapped by vocab ocr.glyph; specks at its head dropped.
ocr_name_glyph	[〈《〉》]|文出|^[”“"'‘’„_。.,、]++
# A label's Chinese ordinal (一、 … 二十一、).
ordinal_prefix	^\s*+([一二三四五六七八九十]++)\s*+[、.]
col_numbering	^\s*+栏\s*+次\s*+$
