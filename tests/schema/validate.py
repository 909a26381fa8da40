"""Validate records (JSON Lines, or concatenated pretty JSON) against the
schema, and check provenance: each path exists in the record and its text
re-reads to the recorded value (names: the text without white space)."""
import json
import re
import sys
import unicodedata

import jsonschema


def records(path):
    text = open(path, encoding="utf-8").read()
    dec = json.JSONDecoder()
    i = 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return
        obj, i = dec.raw_decode(text, i)
        yield obj


def lookup(rec, path):
    o = rec
    for k in path.split("."):
        if not isinstance(o, dict) or k not in o:
            return None
        o = o[k]
    return o


DOWN = ("减少", "下降", "降低", "减幅", "降幅", "少")
UNITS = (("亿元", 4), ("万元", 0), ("千元", -1), ("元", -4))


def number_of(text):
    """A figure's text, read alone: sign from a falling word, unit to 万元."""
    t = re.sub(r"\s|,", "", unicodedata.normalize("NFKC", text))
    sign = -1 if t.startswith(DOWN) else 1
    t = re.sub(r"^[^\d-]*", "", t).rstrip("%")
    shift = 0
    for u, s in UNITS:
        if t.endswith(u):
            t, shift = t[: -len(u)], s
            break
    return sign * float(t) * 10 ** shift


def check_provenance(rec, where):
    bad = 0
    for path, p in rec.get("provenance", {}).items():
        v = lookup(rec, path)
        if v is None:
            print(f"{where}: provenance path {path} is not in the record")
            bad += 1
            continue
        if isinstance(v, str):
            t = re.sub(r"\s", "", unicodedata.normalize("NFKC", p["text"]))
            # a name wrapped over lines is joined; its provenance is the first piece
            ok = t.endswith(v) or v in p["text"] or (len(t) >= 1 and v.startswith(t))
            # an OCR-repaired name: the rule says what the printed name was read as
            m = re.search(r"OCR repair: \S+ read as (\S+)", p.get("rule", ""))
            ok = ok or bool(m and m.group(1) == v)
        else:
            # an OCR-repaired figure: the provenance text is what was printed,
            # the rule says what it was read as
            m = re.search(r"OCR repair: \S+ read as (\S+)", p.get("rule", ""))
            try:
                raw = number_of(m.group(1) if m else p["text"])
                if "decimal point restored" in p.get("rule", ""):
                    raw /= 100  # printed without its point; the row sum chose hundredths
                # a table cell is in its table's unit (万元, 元, 千元, 亿元)
                ok = any(abs(raw * 10 ** s - v) < 1e-9 * max(1, abs(v)) for s in (0, -4, -1, 4))
            except ValueError:
                ok = False
        if not ok:
            print(f"{where}: provenance of {path} = {v!r} points at {p['text']!r}")
            bad += 1
    return bad


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    v = jsonschema.Draft202012Validator(schema)
    n = bad = 0
    for f in sys.argv[2:]:
        for i, rec in enumerate(records(f)):
            n += 1
            where = f"{f}#{i + 1}"
            for e in v.iter_errors(rec):
                print(f"{where}: {'/'.join(map(str, e.path))}: {e.message[:200]}")
                bad += 1
            bad += check_provenance(rec, where)
    print(f"schema: {n} records checked, {bad} problems")
    sys.exit(1 if bad or n == 0 else 0)


main()
