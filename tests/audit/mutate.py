"""Mutation test of the checks: for each sample, change one table figure at a
time in the input (a digit changed, the figure shifted by 10.00, two digits
swapped), extract again and count the changes that produce a new `fail`
check. Only figures that take part in some identity (a check that is not
not_checked) count. Prints the rate per sample and overall; exits 1 when
the overall rate is under the bar.

usage: mutate.py EXTRACT BAR SAMPLE.txt..."""
import json
import re
import subprocess
import sys


def extract(exe, data):
    out = subprocess.run([exe, "--no-provenance"], input=data, capture_output=True).stdout
    try:
        return json.loads(out)
    except ValueError:
        return {}


def fails(rec):
    return {c["id"] for c in rec.get("checks", []) if c["status"] == "fail"}


def digit_changed(t):
    m = re.search(r"[1-9]", t) or re.search(r"\d", t)
    d = int(m.group())
    return t[: m.start()] + str((d + 1) % 10) + t[m.end():]


def shifted(t):
    plain = t.replace(",", "")
    dec = len(plain.split(".")[1]) if "." in plain else 0
    return f"{float(plain) + 10:.{dec}f}"


def swapped(t):
    pos = [i for i, c in enumerate(t) if c.isdigit()]
    for a, b in zip(pos, pos[1:]):
        if t[a] != t[b]:
            s = list(t)
            s[a], s[b] = s[b], s[a]
            return "".join(s)
    return None


def run(exe, path):
    data = open(path, "rb").read()
    out = subprocess.run([exe, path], capture_output=True).stdout
    rec = json.loads(out)
    base = fails(rec)
    used = {p for c in rec.get("checks", []) if c["status"] != "not_checked" for p in c["paths"]}
    tried = caught = 0
    missed = []
    for p, prov in rec.get("provenance", {}).items():
        if p not in used or not p.startswith("tables.") or p.endswith(".name"):
            continue
        b0, b1 = prov["byte_start"], prov["byte_end"]
        text = data[b0:b1].decode("utf-8", "replace")
        if not re.fullmatch(r"-?[\d,]+(\.\d+)?", text):
            continue
        for how, fn in (("digit", digit_changed), ("shift", shifted), ("swap", swapped)):
            new = fn(text)
            if new is None or new == text:
                continue
            tried += 1
            got = fails(extract(exe, data[:b0] + new.encode() + data[b1:]))
            if got - base:
                caught += 1
            else:
                missed.append(f"{p} {how} {text}->{new}")
    return tried, caught, missed


def main():
    exe, bar = sys.argv[1], float(sys.argv[2])
    total_t = total_c = 0
    for path in sys.argv[3:]:
        t, c, missed = run(exe, path)
        total_t += t
        total_c += c
        if t:
            print(f"mutation {path}: {c}/{t} caught ({100.0 * c / t:.1f}%)")
            for m in missed[:5]:
                print(f"  missed: {m}")
    rate = total_c / total_t if total_t else 0.0
    print(f"mutation: {total_c}/{total_t} changes caught, rate {100 * rate:.1f}% (bar {100 * bar:.0f}%)")
    sys.exit(0 if rate >= bar else 1)


main()
