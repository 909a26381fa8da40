#!/usr/bin/env python3
"""The review page (extract --html), checked against the record it shows.

usage: check_html.py EXTRACT OUTDIR SAMPLE...    (HTML_BROWSER=0: no Chromium)

For each sample: the page must parse with every element closed and nested
(a strict checker over html.parser), every mention of the record
(--mentions) must be an element in the source text carrying its byte offset
and text, linked to the table cell of the path it fed; every figure and name
of the record must be a cell carrying its path, linked to an element in the
source text. Then headless Chromium loads the page with no network, its DOM
dump is checked the same way (what a browser builds, not only what we
wrote), and a screenshot is saved to OUTDIR. A hostile copy of a sample
(markup, quotes, NUL, invalid UTF-8 in the text) must come out escaped: no
element the page did not write. Prints "ok"/"FAIL" lines and a summary;
exit status 1 on any failure.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser

VOID = {"meta", "br", "hr", "img", "input", "link", "col", "wbr", "area", "base", "source"}
# Elements the page writes; anything else comes from unescaped input.
OURS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "dl",
        "dt", "dd", "p", "span", "main", "section", "ul", "li", "strong", "a", "table",
        "caption", "thead", "tbody", "tr", "th", "td", "pre"}


class Page(HTMLParser):
    """Strict nesting check, plus an index of ids, mentions and cells."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.ids = [], [], {}
        self.mentions, self.cells, self.tags = [], [], set()
        self.cur = []  # open elements whose text we collect: [record, depth]
        self.in_source = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.add(tag)
        if "id" in a:
            if a["id"] in self.ids:
                self.errors.append(f"duplicate id {a['id']}")
            self.ids[a["id"]] = (tag, a)
        if tag == "section" and a.get("id") == "source":
            self.in_source = True
        rec = None
        if "m" in (a.get("class") or "").split() and self.in_source:
            rec = {"attrs": a, "text": ""}
            self.mentions.append(rec)
        elif tag == "td" and "data-path" in a:
            rec = {"attrs": a, "text": "", "links": []}
            self.cells.append(rec)
        elif tag == "a" and self.cur and "links" in self.cur[-1][0]:
            self.cur[-1][0]["links"].append(a.get("href", ""))
        if tag in VOID:
            return
        self.stack.append(tag)
        if rec is not None:
            self.cur.append([rec, len(self.stack)])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
            return
        if self.cur and self.cur[-1][1] == len(self.stack):
            self.cur.pop()
        if tag == "section" and self.in_source and "section" not in self.stack[:-1]:
            self.in_source = False
        self.stack.pop()

    def handle_data(self, data):
        for rec, _ in self.cur:
            rec["text"] += data


def parse(html):
    p = Page()
    p.feed(html)
    p.close()
    if p.stack:
        p.errors.append("unclosed: " + " ".join(p.stack))
    return p


def leaves(o, prefix):
    for k, v in o.items():
        path = f"{prefix}.{k}"
        if isinstance(v, dict):
            yield from leaves(v, path)
        else:
            yield path, v


def check_page(p, rec, what):
    errs = list(p.errors)
    extra = p.tags - OURS
    if extra:
        errs.append(f"elements the page does not write: {sorted(extra)}")
    by_b = {}
    for m in p.mentions:
        by_b.setdefault(m["attrs"].get("data-b"), m)
    cells = {c["attrs"]["data-path"]: c for c in p.cells}
    for m in rec.get("mentions", []):
        el = by_b.get(str(m["byte_start"]))
        if el is None:
            errs.append(f"mention at byte {m['byte_start']} ({m['text']}) not highlighted")
            continue
        if el["text"] != m["text"]:
            errs.append(f"mention at byte {m['byte_start']}: text {el['text']!r} != {m['text']!r}")
        if "path" in m:
            href = el["attrs"].get("href", "")
            tgt = p.ids.get(href[1:]) if href.startswith("#") else None
            if not tgt or tgt[1].get("data-path") != m["path"]:
                errs.append(f"mention at byte {m['byte_start']} not linked to {m['path']}")
    prov = rec.get("provenance", {})
    n = 0
    for top in ("tables", "narrative"):
        for path, _ in leaves(rec.get(top, {}), top):
            n += 1
            c = cells.get(path)
            if c is None:
                errs.append(f"no cell for {path}")
                continue
            if path in prov:
                ok = [h for h in c["links"] if h.startswith("#") and h[1:] in p.ids]
                if not ok:
                    errs.append(f"cell {path} not linked to the text")
    for e in errs[:8]:
        print(f"  {what}: {e}")
    return not errs, len(rec.get("mentions", [])), n


def chromium():
    for c in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(c):
            return c
    return None


def browser(exe, page, shot, tmp):
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
             f"--user-data-dir={tmp}/chrome"]
    url = "file://" + os.path.abspath(page)
    dom = subprocess.run([exe, *flags, "--dump-dom", url], capture_output=True, timeout=120)
    subprocess.run([exe, *flags, "--window-size=1280,1600", f"--screenshot={shot}", url],
                   capture_output=True, timeout=120)
    return dom.stdout.decode("utf-8", "replace"), os.path.exists(shot)


def hostile_copy(src, dst):
    data = open(src, "rb").read()
    evil = ('<script>alert(1)</script>"\'><img src=x onerror=alert(2)>&amp;</pre></section>'
            '<!-- -->\x00\x01').encode() + b"\xff\xfe\xc3"
    lines = data.split(b"\n")
    for i in (3, len(lines) // 2, len(lines) - 2):
        lines[i] = evil + lines[i] + evil
    open(dst, "wb").write(b"\n".join(lines))


def main(argv):
    extract, outdir, samples = argv[1], argv[2], argv[3:]
    os.makedirs(outdir, exist_ok=True)
    exe = chromium() if os.environ.get("HTML_BROWSER", "1") != "0" else None
    fails = passes = 0
    with tempfile.TemporaryDirectory() as tmp:
        hostile = os.path.join(tmp, "hostile.txt")
        hostile_copy(samples[0], hostile)
        gb = os.path.join(tmp, "gb18030.txt")  # offsets then refer to the decoded text
        open(gb, "wb").write(open(samples[-1], encoding="utf-8").read().encode("gb18030"))
        for s in samples + [hostile, gb]:
            name = os.path.splitext(os.path.basename(s))[0]
            data = open(s, "rb").read()
            rec = json.loads(subprocess.run([extract, "--mentions"], input=data,
                                            capture_output=True, check=True).stdout)
            html = subprocess.run([extract, "--html"], input=data, capture_output=True,
                                  check=True).stdout.decode("utf-8")  # must be UTF-8
            page = os.path.join(outdir, name + ".html")
            open(page, "w", encoding="utf-8").write(html)
            ok, nm, nc = check_page(parse(html), rec, "page")
            if exe:
                dom, shot = browser(exe, page, os.path.join(outdir, name + ".png"), tmp)
                if "<html" not in dom:  # the browser did not start here: nothing to check
                    print(f"SKIPPED chromium for {name}: it printed no DOM")
                else:
                    ok2, _, _ = check_page(parse(dom), rec, "chromium DOM")
                    ok = ok and ok2 and shot
                    if not shot:
                        print("  no screenshot")
            if ok:
                passes += 1
                print(f"ok html {name}: {nm} mentions, {nc} cells linked"
                      + ("" if exe else " (no chromium: DOM not checked)"))
            else:
                fails += 1
                print(f"FAIL html {name}")
    if not exe and os.environ.get("HTML_BROWSER", "1") != "0":
        # the pages were still checked by the parser; say loudly what was not
        print("SKIPPED the browser half: chromium not found (Debian package chromium; "
              "make deps-browser installs it as root)")
    print(f"html: {passes} passed, {fails} failed")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
