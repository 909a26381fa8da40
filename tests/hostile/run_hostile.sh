#!/bin/sh
# Hostile input: every case gets a defined result (a record, or a message on
# stderr and a documented exit code) and never a crash. HOSTILE_BIG sets the
# size of the single-line input (default 100 MB). Closes "N passed, N failed".
EXTRACT=${EXTRACT:-./build/extract}
d=${TMPDIR:-/tmp}/juesuan-hostile.$$
mkdir -p "$d"
python3 tests/hostile/gen.py "$d" "${HOSTILE_BIG:-104857600}"
pass=0; fail=0
# check NAME WANT_RC [grep pattern on stdout] -- command...
check() {
  name=$1; want=$2; pat=$3; shift 3
  timeout 300 "$@" > "$d/out" 2> "$d/err"; rc=$?
  if [ "$rc" != "$want" ]; then
    fail=$((fail+1)); echo "FAIL $name: exit $rc, want $want"; head -c 300 "$d/err"; return
  fi
  if [ -n "$pat" ] && ! grep -q "$pat" "$d/out"; then
    fail=$((fail+1)); echo "FAIL $name: output lacks $pat"; return
  fi
  case $pat in '<'*|'ocr repair'*) pass=$((pass+1)); echo "ok $name (exit $rc)"; return ;; esac  # HTML, not JSON
  if [ "$rc" = 0 ] && ! python3 -c "import json,sys; [json.loads(l) for l in open(sys.argv[1]) if l.strip()]" "$d/out"; then
    fail=$((fail+1)); echo "FAIL $name: output is not JSON"; return
  fi
  pass=$((pass+1)); echo "ok $name (exit $rc)"
}
check empty 1 "" "$EXTRACT" "$d/empty.txt"
check spaces 1 "" sh -c "\"$EXTRACT\" < \"$d/spaces.txt\""
check random-1MB 1 "" "$EXTRACT" "$d/random.bin"
check nul-bytes 0 '"tables"' sh -c "\"$EXTRACT\" < \"$d/nul.txt\""
check nul-warns 0 'control bytes' sh -c "\"$EXTRACT\" < \"$d/nul.txt\""
check truncated-utf8 0 'invalid UTF-8' sh -c "\"$EXTRACT\" < \"$d/truncated_utf8.txt\""
check invalid-utf8 0 '"department"' sh -c "\"$EXTRACT\" < \"$d/invalid_utf8.txt\""
check 10000-titles 0 '"tables"' sh -c "\"$EXTRACT\" < \"$d/titles.txt\""
check truncated-table 0 '"03"' sh -c "\"$EXTRACT\" < \"$d/truncated_table.txt\""
check crlf-bom 0 '581.5' sh -c "\"$EXTRACT\" < \"$d/crlf_bom.txt\""
check wide-row 0 'no known column' sh -c "\"$EXTRACT\" < \"$d/wide_row.txt\""
check many-rows 0 '"2010000"' sh -c "\"$EXTRACT\" < \"$d/many_rows.txt\""
check long-line 1 "" "$EXTRACT" "$d/long_line.txt"
check bad-option 2 "" "$EXTRACT" --no-such-option
check unreadable 4 '"error"' "$EXTRACT" "$d/does-not-exist.txt"
check over-limit 5 "" "$EXTRACT" --max-bytes 100 corpus/samples/000_06761eea5881ede1.txt
check bad-patterns 3 "" "$EXTRACT" --patterns "$d" corpus/samples/000_06761eea5881ede1.txt
# The same inputs with --mentions (the number grammar runs over all the text).
check mentions-random 1 "" "$EXTRACT" --mentions "$d/random.bin"
check mentions-nul 0 '"mentions"' sh -c "\"$EXTRACT\" --mentions < \"$d/nul.txt\""
check mentions-invalid 0 '"mentions"' sh -c "\"$EXTRACT\" --mentions < \"$d/invalid_utf8.txt\""
check mentions-truncated 0 '"mentions"' sh -c "\"$EXTRACT\" --mentions < \"$d/truncated_utf8.txt\""
check mentions-titles 0 '"mentions"' sh -c "\"$EXTRACT\" --mentions < \"$d/titles.txt\""
check mentions-long-line 1 "" "$EXTRACT" --mentions "$d/long_line.txt"
check jsonl-two 0 '"sha256"' "$EXTRACT" corpus/samples/000_06761eea5881ede1.txt corpus/samples/001_cd7173f96251f564.txt
# Every input make fuzz ever crashed on: a record (0) or not a report (1), never a signal.
for f in tests/fuzz/crashers/*; do
  case $f in *README*|*'*') continue ;; esac
  timeout 300 "$EXTRACT" --mentions "$f" > /dev/null 2> "$d/err"; rc=$?
  if [ "$rc" -le 1 ]; then pass=$((pass+1)); echo "ok crasher $(basename "$f") (exit $rc)"
  else fail=$((fail+1)); echo "FAIL crasher $(basename "$f"): exit $rc"; head -c 300 "$d/err"; fi
  timeout 300 "$EXTRACT" --html < "$f" > /dev/null 2> "$d/err"; rc=$?
  if [ "$rc" -le 1 ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL crasher $(basename "$f") --html: exit $rc"; fi
done
# OCR damage (letters for digits, separators as points) in table figures.
for f in corpus/samples/*.txt; do
  check "ocr-repair-$(basename "$f" .txt)" 0 "ocr repair: [on]" python3 tests/hostile/ocr_repair.py "$EXTRACT" "$f"
done
check html-nul 0 '<pre' sh -c "\"$EXTRACT\" --html < \"$d/nul.txt\""
check html-invalid 0 '</html>' sh -c "\"$EXTRACT\" --html < \"$d/invalid_utf8.txt\""
rm -rf "$d"
echo "hostile: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
