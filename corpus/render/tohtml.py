#!/usr/bin/env python3
"""Typeset a report text as an A4 HTML page, the way such reports are printed.

usage: tohtml.py IN.txt > OUT.html

Prose lines become paragraphs; every table of the text (tab rows, or one
cell per line, as tests/layouts/render.py reads them) becomes a bordered
HTML table. Title, 公开NN表, 编制单位 and 单位 lines stand above the grid,
left and right, as on the printed page. Only local fonts (fonts-noto-cjk)
are named: nothing is fetched. Deterministic.
"""
import html
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tests", "layouts"))
import render  # noqa: E402  (the layouts renderer's table reader)

CSS = """
@page { size: A4; margin: 18mm 15mm; }
body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 11pt;
       line-height: 1.6; color: #000; }
p { margin: 0 0 0.3em 0; text-indent: 2em; }
p.h { text-indent: 0; font-weight: bold; }
div.meta { display: flex; justify-content: space-between; margin: 0.4em 0 0.2em 0; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin-bottom: 1em;
        page-break-inside: auto; }
td { border: 1px solid #000; padding: 1px 3px; vertical-align: middle; }
td.n { text-align: right; white-space: nowrap; }
td.c { text-align: center; }
tr { page-break-inside: avoid; }
"""


def esc(s):
    return html.escape(s, quote=False)


def para(line):
    s = line.strip()
    if not s:
        return ""
    if s.startswith("- "):
        s = s[2:]
    head = len(s) < 30 and not s.endswith("。")
    return '<p class="h">%s</p>' % esc(s) if head else "<p>%s</p>" % esc(s)


def table(rows):
    out, grid = [], []
    rows = render.lift_meta(rows)
    fd = render.first_data(rows)
    for k, r in enumerate(rows):
        if render.is_meta(r):
            if grid:
                out.append(grid_html(grid, fd))
                grid = []
            cells = [c for c in r if c]
            if len(cells) == 1 and not render.meta_cell(cells[0]):
                out.append('<p class="h" style="text-align:center">%s</p>' % esc(cells[0]))
            else:
                out.append('<div class="meta">%s</div>' %
                           "".join("<span>%s</span>" % esc(c) for c in cells))
        else:
            grid.append((k, r))
    if grid:
        out.append(grid_html(grid, fd))
    return "\n".join(out)


def grid_html(grid, fd):
    n = max(len(r) for _, r in grid)
    out = ["<table>"]
    for k, r in grid:
        cells = list(r)
        tds = []
        if len(cells) < n:  # a header cell spanning the code and name columns
            tds.append('<td class="c" colspan="%d">%s</td>' % (n - len(cells) + 1, esc(cells[0])))
            cells = cells[1:]
        for c in cells:
            cls = "n" if render.is_fig(c) and not render.CODE.match(c) else ("c" if k < fd else "")
            tds.append('<td%s>%s</td>' % (' class="%s"' % cls if cls else "", esc(c)))
        out.append("<tr>%s</tr>" % "".join(tds))
    out.append("</table>")
    return "\n".join(out)


def main():
    lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
    body = []
    for kind, x in render.parse(lines):
        body.append(para(x) if kind == "text" else table(x))
    print('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
          "<style>%s</style></head><body>\n%s\n</body></html>" % (CSS, "\n".join(b for b in body if b)))


if __name__ == "__main__":
    main()
