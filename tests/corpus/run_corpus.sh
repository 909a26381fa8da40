#!/bin/sh
# extract --corpus: every format's spans slice their text (check.py), a
# second run gives the same bytes, a duplicated file is reported and left
# out, --validated-only keeps fewer spans. Closes "corpus: N passed, N failed".
EXTRACT=${EXTRACT:-./build/extract}
d=${TMPDIR:-/tmp}/juesuan-corpus.$$
mkdir -p "$d/in"
pass=0; fail=0
ok() { pass=$((pass+1)); echo "ok $1"; }
ko() { fail=$((fail+1)); echo "FAIL $1"; }
cp corpus/samples/*.txt "$d/in/"
for by in document paragraph row; do
  "$EXTRACT" --corpus --by $by "$d/in" > "$d/spacy.jsonl" 2>/dev/null
  "$EXTRACT" --corpus --by $by --format doccano "$d/in" > "$d/doccano.jsonl" 2>/dev/null
  "$EXTRACT" --corpus --by $by --format labelstudio "$d/in" > "$d/labelstudio.json" 2>/dev/null
  "$EXTRACT" --corpus --by $by --format conll "$d/in" > "$d/conll.txt" 2>/dev/null
  if python3 tests/corpus/check.py "$d"; then ok "formats agree and slice (by $by)"; else ko "formats (by $by)"; fi
done
"$EXTRACT" --corpus --by paragraph --split 70/20/10 "$d/in" > "$d/a" 2>/dev/null
"$EXTRACT" --corpus --by paragraph --split 70/20/10 "$d/in" > "$d/b" 2>/dev/null
if cmp -s "$d/a" "$d/b" && grep -q '"split":"dev"' "$d/a"; then ok "byte-identical second run, same split"; else ko "second run differs"; fi
cp "$d/in/000_"*.txt "$d/in/zz_copy.txt"
"$EXTRACT" --corpus "$d/in" > "$d/dup" 2> "$d/dup.err"
if grep -q "duplicate" "$d/dup.err" && [ "$(wc -l < "$d/dup")" = 5 ]; then ok "a duplicated file is reported and left out"; else ko "duplicate"; fi
"$EXTRACT" --corpus --validated-only "$d/in" > "$d/val" 2> "$d/val.err"
if grep -q "left out as unvalidated" "$d/val.err" && [ "$(wc -c < "$d/val")" -lt "$(wc -c < "$d/a")" ]; then ok "--validated-only"; else ko "--validated-only"; fi
rm -rf "$d"
echo "corpus: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
