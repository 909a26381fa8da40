#!/usr/bin/env python3
"""OCR repair: damage figures of a sample the way tesseract does and check
that the record still holds the figures read from the clean text, each with
an "OCR repair" provenance rule, and a warning.

usage: ocr_repair.py EXTRACT SAMPLE   (exit 0 when every damaged figure
comes back; prints what it damaged and what it got)"""
import json
import re
import subprocess
import sys

LETTER = {"0": "O", "1": "l", "5": "S", "8": "B", "2": "Z"}


def record(exe, data):
    return json.loads(subprocess.run([exe], input=data, capture_output=True, check=True).stdout)


def main(exe, sample):
    data = open(sample, "rb").read()
    clean = record(exe, data)
    prov = clean["provenance"]
    # figures with a confusable digit, a point and 2 decimals, each once in the text
    picks, seen = [], set()
    for path, p in prov.items():
        t = p["text"]
        if (len(picks) < 6 and re.fullmatch(r"[0-9,]+\.[0-9]{2}", t) and
                any(c in LETTER for c in t) and data.count(t.encode()) >= 1 and t not in seen):
            seen.add(t)
            picks.append((path, p))
    if not picks:
        print("ocr repair: no table figure to damage in", sample)
        return 0
    # and one code-table total printed without its decimal point, in a row
    # that adds up: the row sum must bring the point back
    lost = None
    for t in ("02", "03", "05"):
        for code, row in clean.get("tables", {}).get(t, {}).get("rows", {}).items():
            nums = {k: v for k, v in row.items() if k != "name"}
            parts = [v for k, v in nums.items() if k != "total"]
            path = f"tables.{t}.rows.{code}.total"
            p = prov.get(path)
            if (lost is None and "total" in nums and parts and p and path not in dict(picks)
                    and re.fullmatch(r"[0-9]{1,3}\.[0-9]{2}", p["text"])
                    and abs(nums["total"] - sum(parts)) <= 0.01 * len(nums)
                    and all(p["byte_start"] != q["byte_start"] for _, q in picks)):
                lost = (path, p)
    bad = bytearray(data)
    for k, (path, p) in enumerate(sorted(picks, key=lambda x: -x[1]["byte_start"])):
        t = p["text"]
        places = [i for i, c in enumerate(t) if c in LETTER]
        if "," in t:  # a thousands separator read as a point
            d = t.replace(",", ".")
        else:
            i = places[-1] if k % 2 else places[0]
            d = t[:i] + LETTER[t[i]] + t[i + 1:]
        bad[p["byte_start"]:p["byte_end"]] = d.encode()
        print(f"damaged {path}: {t} -> {d}")
    if lost:  # letters and separators keep the length: offsets still hold
        path, p = lost
        t = p["text"].replace(".", "")
        bad[p["byte_start"]:p["byte_end"]] = t.encode()
        print(f"damaged {path}: {p['text']} -> {t}")
    got = record(exe, bytes(bad))
    if lost:
        g = got["provenance"].get(lost[0])
        if not g or "decimal point restored" not in g["rule"]:
            ok_lost = False
            print(f"  {lost[0]}: point not restored ({g})")
        else:
            code = lost[0].split(".")[3]
            t = lost[0].split(".")[1]
            ok_lost = got["tables"][t]["rows"][code]["total"] == clean["tables"][t]["rows"][code]["total"]
            if not ok_lost:
                print(f"  {lost[0]}: {got['tables'][t]['rows'][code]['total']} after the repair")
    else:
        ok_lost = True
    ok = bool(picks)
    for path, p in picks:
        g = got["provenance"].get(path)
        if not g or "OCR repair" not in g["rule"]:
            ok = False
            print(f"  {path}: not repaired ({g})")
    for path, p in picks:
        node_c, node_g = clean, got
        for k in path.split("."):
            node_c, node_g = node_c.get(k, {}), node_g.get(k, {})
        if node_c != node_g:
            ok = False
            print(f"  {path}: {node_g} != {node_c}")
    if not any("OCR" in w["message"] for w in got.get("warnings", [])):
        ok = False
        print("  no warning")
    ok = ok and ok_lost
    print("ocr repair:", "ok" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
