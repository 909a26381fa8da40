#!/usr/bin/env python3
"""Re-render the tables of a report text in another layout.

usage: render.py LAYOUT IN.txt > OUT.txt

The prose passes through unchanged; every table (tab-separated rows, or one
tab-prefixed cell per line with blank lines between rows) is printed again:

  space      space-aligned columns as `pdftotext -layout` prints them
             (CJK two columns wide, figures right-aligned, header cells
             broken over two lines)
  cellline   one cell per line, a blank line between rows, no tabs; empty
             cells vanish, as in raw pdftotext output
  html       <tr><td>…</td></tr> fragments
  splitcode  space-aligned, functional codes split into 类 / 款 / 项 columns
  wrapped    space-aligned, long row names wrapped onto the next line
  pagebreak  space-aligned, each long table broken by a page (form feed,
             page number, the header rows repeated)
  splitrow   space-aligned, figures printed on the line after their label

Deterministic: the same input gives the same output.
"""
import re
import sys
import unicodedata

NUM = re.compile(r"^-?[\d,]+(\.\d+)?$")
CODE = re.compile(r"^2\d{2}(\d{2}){0,2}$")


def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def pad(s, w, right):
    gap = " " * max(0, w - width(s))
    return gap + s if right else s + gap


def parse(lines):
    """Split the text into ('text', line) and ('table', rows) chunks."""
    out, i = [], 0
    while i < len(lines):
        ln = lines[i]
        if "\t" not in ln:
            out.append(("text", ln))
            i += 1
            continue
        rows = []
        while i < len(lines) and ("\t" in lines[i] or (lines[i] == "" and i + 1 < len(lines)
                                                        and "\t" in lines[i + 1])):
            if lines[i] == "":
                i += 1
                continue
            if lines[i].startswith("\t") and lines[i].count("\t") == 1:
                cells = []  # one cell per line until a blank line
                while i < len(lines) and lines[i].startswith("\t") and lines[i].count("\t") == 1:
                    cells.append(lines[i][1:].strip())
                    i += 1
                rows.append(cells)
            else:
                rows.append([c.strip() for c in lines[i].split("\t")])
                i += 1
        out.append(("table", rows))
    return out


def is_fig(c):
    return bool(NUM.match(c))


def first_data(rows):
    """The first row of figures: one with a decimal, or the row after 栏次."""
    for k, r in enumerate(rows):
        if any(is_fig(c) and "." in c for c in r):
            return k
        if k and any(c.replace(" ", "") == "栏次" for c in rows[k - 1]):
            return k
    return len(rows)


def meta_cell(c):
    return ("部门" in c or "部 门" in c or "单位:" in c or "单位：" in c
            or re.search(r"公开\s*\d+\s*表", c))


def is_meta(r):
    """Title, 部门, 单位 and 公开NN表 lines print outside the column grid."""
    cells = [c for c in r if c]
    return (not cells or all(meta_cell(c) for c in cells)
            or (len(cells) <= 3 and any(meta_cell(c) for c in cells))
            or (len(cells) == 1 and cells[0].endswith("表")))


def lift_meta(rows):
    """A header row that also holds 部门/单位 cells: those print on a line of
    their own above it, as they stand apart on the page."""
    out = []
    for r in rows:
        metas = [c for c in r if c and meta_cell(c)]
        if metas and not is_meta(r):
            out.append(metas)
            out.append(["" if meta_cell(c) else c for c in r])
        else:
            out.append(r)
    return out


def center(s, w):
    gap = max(0, w - width(s))
    return " " * (gap // 2) + s + " " * (gap - gap // 2)


def pad_headers(rows):
    """Rows to one width; a short header row (a cell spanning two columns in
    the source) moves over the rightmost columns, where a PDF prints it."""
    n = max([len(r) for r in rows if not is_meta(r)] or [1])
    fd = first_data(rows)
    def spans(k, r):  # "项目" over both the code and the name column
        return k < fd and r and r[0].replace(" ", "") == "项目" and not is_meta(r)
    rows = [([""] * (n - len(r)) + r) if spans(k, r) and len(r) < n else r
            for k, r in enumerate(rows)]
    m = max(len(r) for r in rows)
    return [r + [""] * (m - len(r)) for r in rows]


def grid(rows, breaks_header=False, pages=None):
    """Space-aligned rendering of rows (lists of cells). A header row with
    fewer cells than the table (a cell spanning two columns in the source)
    is printed over the rightmost columns, where a PDF would place it."""
    rows = pad_headers(lift_meta(rows))
    n = max(len(r) for r in rows)
    fd = first_data(rows)
    out_rows = []
    for k, r in enumerate(rows):
        if pages and k == pages:
            out_rows.append(("break", r))
        if is_meta(r):
            out_rows.append(("meta", r))
            continue
        if (breaks_header and k < fd and not any(is_fig(c) for c in r)
                and sum(1 for c in r if c) >= 3):
            brk = [4 < len(c) <= 10 and ":" not in c and "：" not in c for c in r]
            top = [c[: len(c) // 2] if b else c for c, b in zip(r, brk)]
            bot = [c[len(c) // 2:] if b else "" for c, b in zip(r, brk)]
            out_rows += [("head", top), ("head", bot)]
        else:
            out_rows.append(("head" if k < fd else "data", r))
    grid_rows = [r for kind, r in out_rows if kind != "meta"] or [[""] * n]
    w = [max(width(r[j]) for r in grid_rows) for j in range(n)]
    text = []
    for kind, r in out_rows:
        if kind == "break":
            text += ["\f- 2 -", ""]
        elif kind == "meta":
            text.append("    ".join(c for c in r if c))
        elif kind == "head":
            text.append("   ".join(center(r[j], w[j]) for j in range(n)).rstrip())
        else:
            cells = [pad(r[j], w[j], is_fig(r[j]) and not CODE.match(r[j])) for j in range(n)]
            text.append("   ".join(cells).rstrip())
    return text


def split_codes(rows):
    if not any(r and CODE.match(r[0]) for r in rows):
        return rows
    rows = pad_headers(rows)
    out = []
    for r in rows:
        c = r[0] if r else ""
        if CODE.match(c):
            parts = [c[:3], c[3:5], c[5:7]]
            out.append(parts + r[1:])
        elif r and ("编码" in c or "科目" in c):
            out.append(["类", "款", "项"] + r[1:])
        else:
            out.append([r[0], "", ""] + r[1:] if r else r)
    return out


def wrap_names(rows):
    out = []
    for r in rows:
        if len(r) > 2 and CODE.match(r[0]) and len(r[1]) > 8:
            out.append([r[0], r[1][:8]] + r[2:])
            out.append(["", r[1][8:]] + [""] * (len(r) - 2))
        else:
            out.append(r)
    return out


def split_figures(rows):
    out = []
    for r in rows:
        if len(r) > 2 and CODE.match(r[0]) and any(is_fig(c) for c in r[2:]):
            out.append(r[:2] + [""] * (len(r) - 2))
            out.append(["", ""] + r[2:])
        else:
            out.append(r)
    return out


def page_break(rows):
    """Half way through the figures: a new page, the header rows repeated.
    The page keeps the table's column positions, as a PDF's next page does."""
    fd = first_data(rows)
    body = rows[fd:]
    if len(body) < 8:
        return grid(rows), []
    cut = fd + len(body) // 2
    head = [r for r in rows[:fd] if not any("部门" in c or "单位" in c for c in r)]
    return grid(rows[:cut] + head + rows[cut:], pages=cut), []


def render(layout, rows):
    if layout == "cellline":
        text = []
        for r in rows:
            text += [c for c in r if c] + [""]
        return text
    if layout == "html":
        return ["<table>"] + ["<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>"
                              for r in rows] + ["</table>"]
    if layout == "splitcode":
        return grid(split_codes(rows))
    if layout == "wrapped":
        return grid(wrap_names(rows), breaks_header=True)
    if layout == "splitrow":
        return grid(split_figures(rows))
    if layout == "pagebreak":
        a, b = page_break(rows)
        return a + b
    return grid(rows, breaks_header=True)


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    layout, path = argv[1], argv[2]
    lines = open(path, encoding="utf-8").read().split("\n")
    out = []
    for kind, v in parse(lines):
        if kind == "text":
            out.append(v)
        else:
            out += render(layout, v)
    sys.stdout.write("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
