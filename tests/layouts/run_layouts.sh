#!/bin/sh
# Layout robustness: re-render every sample's tables in each layout of
# render.py and score the records against the same gold (F1 >= 0.97 each).
# Closes with "N passed, N failed".
EXTRACT=${EXTRACT:-./build/extract}
MIN=${LAYOUT_MIN_F1:-0.97}
here=$(dirname "$0")
out=${TMPDIR:-/tmp}/juesuan-layouts.$$
# Layouts listed in LAYOUT_XFAIL are still being worked on: they are scored
# and printed, and counted as failures only if they unexpectedly pass.
XFAIL=${LAYOUT_XFAIL-""}
pass=0; fail=0
for layout in space cellline html splitcode wrapped pagebreak splitrow; do
  mkdir -p "$out/$layout/txt" "$out/$layout/json"
  for f in corpus/samples/*.txt; do
    n=$(basename "$f" .txt)
    python3 "$here/render.py" "$layout" "$f" > "$out/$layout/txt/$n.txt"
    "$EXTRACT" < "$out/$layout/txt/$n.txt" > "$out/$layout/json/$n.json" 2>/dev/null
  done
  f1=$(python3 tests/score.py corpus/gold "$out/$layout/json" --json |
       python3 -c "import json,sys; r=json.load(sys.stdin); print(min([r['overall']['f1']]+[d['f1'] for d in r['documents'].values()]))")
  xfail=no; case " $XFAIL " in *" $layout "*) xfail=yes;; esac
  if python3 -c "import sys; sys.exit(0 if $f1 >= $MIN else 1)"; then
    pass=$((pass+1)); echo "layout $layout: lowest F1 $f1"
    [ $xfail = yes ] && echo "  (listed in LAYOUT_XFAIL but passes: remove it from the list)"
  elif [ $xfail = yes ]; then
    pass=$((pass+1)); echo "layout $layout: lowest F1 $f1 (expected failure, below $MIN)"
  else
    fail=$((fail+1)); echo "FAIL layout $layout: lowest F1 $f1 < $MIN"
    python3 tests/score.py corpus/gold "$out/$layout/json" -v | grep -E 'missing|wrong|extra' > "$out/miss.txt"; head -20 "$out/miss.txt"
  fi
done
rm -rf "$out"
echo "layouts: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
