#!/bin/sh
# Golden test over corpus/: extract every sample and score it against its
# gold record (tests/score.py). Thresholds are the issues' acceptance bars:
# header, table and names groups F1 >= 0.99, narrative >= 0.95, every
# document >= 0.98. Closes with "N passed, N failed".
EXTRACT=${EXTRACT:-./build/extract}
out=${TMPDIR:-/tmp}/juesuan-golden.$$
mkdir -p "$out"
pass=0; fail=0
for f in corpus/samples/*.txt; do
  n=$(basename "$f" .txt)
  if "$EXTRACT" < "$f" > "$out/$n.json"; then pass=$((pass+1)); else
    fail=$((fail+1)); echo "FAIL extract $n exited $?"; fi
done
python3 tests/score.py corpus/gold "$out" --json > "$out/score.json"
python3 - "$out/score.json" <<'PY' > "$out/verdict.txt"
import json, sys
r = json.load(open(sys.argv[1]))
bars = {"header": .99, "names": .99, "narrative": .95}
for g, s in r["groups"].items():
    bar = bars.get(g, .99 if g.startswith("t0") else None)
    if bar is not None:
        print(("ok" if s["f1"] >= bar else "FAIL"), f"group {g} F1 {s['f1']:.4f} (bar {bar})")
for d, s in r["documents"].items():
    print(("ok" if s["f1"] >= .98 else "FAIL"), f"document {d} F1 {s['f1']:.4f} (bar 0.98)")
print("ok", f"overall F1 {r['overall']['f1']:.4f}")
PY
cat "$out/verdict.txt"
p=$(grep -c '^ok' "$out/verdict.txt"); f=$(grep -c '^FAIL' "$out/verdict.txt")
pass=$((pass+p)); fail=$((fail+f))
[ "$f" -eq 0 ] || python3 tests/score.py corpus/gold "$out" -v | grep -E 'missing|wrong|extra' | head -30
# The record is the same with or without --mentions (which only adds the
# list): the checks read the mentions they need even when none are asked for.
"$EXTRACT" corpus/samples/*.txt corpus/renderings/*/*.txt > "$out/plain.jsonl"
"$EXTRACT" --mentions corpus/samples/*.txt corpus/renderings/*/*.txt > "$out/mentions.jsonl"
if python3 - "$out/plain.jsonl" "$out/mentions.jsonl" <<'PY'
import json, sys
a = [json.loads(l) for l in open(sys.argv[1])]
b = [json.loads(l) for l in open(sys.argv[2])]
for r in b:
    r.pop("mentions", None)
bad = [x.get("source", {}).get("sha256") for x, y in zip(a, b) if x != y]
sys.exit(1 if bad or len(a) != len(b) or not a else 0)
PY
then pass=$((pass+1)); echo "ok record without --mentions = record with it, list left out"
else fail=$((fail+1)); echo "FAIL records differ with --mentions beyond the list"; fi
rm -rf "$out"
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
