#!/bin/sh
# The samples as real tools print them (corpus/renderings: pdftotext -layout,
# plain pdftotext, tesseract at 300 dpi and on a degraded 150 dpi scan),
# scored against corpus/gold. Each kind has issue 5's acceptance bar and a
# floor (floors.tsv: the last measured F1 less a small margin). Below the
# floor fails: a change lost ground. Between floor and bar is printed as
# "below bar" and passes, so the gap stays in sight without blocking CI.
# Closes with "N passed, N failed".
EXTRACT=${EXTRACT:-./build/extract}
here=$(dirname "$0")
out=${TMPDIR:-/tmp}/juesuan-renderings.$$
pass=0; fail=0
while read -r kind bar floor; do
  case $kind in ''|'#'*) continue ;; esac
  mkdir -p "$out/$kind"
  for f in corpus/renderings/"$kind"/*.txt; do
    "$EXTRACT" < "$f" > "$out/$kind/$(basename "$f" .txt).json" 2>/dev/null
  done
  f1=$(python3 tests/score.py corpus/gold "$out/$kind" --json |
       python3 -c "import json,sys; print(round(json.load(sys.stdin)['overall']['f1'], 4))")
  if python3 -c "import sys; sys.exit(0 if $f1 >= $bar else 1)"; then
    pass=$((pass+1)); echo "ok rendering $kind: F1 $f1 (bar $bar)"
  elif python3 -c "import sys; sys.exit(0 if $f1 >= $floor else 1)"; then
    pass=$((pass+1)); echo "ok rendering $kind: F1 $f1, below bar $bar (floor $floor)"
  else
    fail=$((fail+1)); echo "FAIL rendering $kind: F1 $f1 < floor $floor (bar $bar)"
    python3 tests/score.py corpus/gold "$out/$kind" -v | grep -E 'missing|wrong|extra' | head -15
  fi
done < "$here/floors.tsv"
rm -rf "$out"
echo "renderings: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
