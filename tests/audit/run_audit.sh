#!/bin/sh
# The audit of each sample: the full list of non-pass checks is pinned in
# tests/audit/expected/NAME.checks (reviewed by hand against the gold notes),
# and the mutation test must catch at least AUDIT_BAR (0.90) of single-figure
# changes. Closes with "audit: N passed, N failed".
EXTRACT=${EXTRACT:-./build/extract}
pass=0; fail=0
for f in corpus/samples/*.txt; do
  b=$(basename "$f" .txt)
  got=$("$EXTRACT" "$f" | python3 -c "
import json, sys
for c in json.loads(sys.stdin.readline())['checks']:
    if c['status'] != 'pass': print(c['status'], c['id'])")
  if [ "$got" = "$(cat tests/audit/expected/$b.checks)" ]; then
    pass=$((pass+1)); echo "ok checks $b"
  else
    fail=$((fail+1)); echo "FAIL checks $b:"; printf '%s\n' "$got" | diff tests/audit/expected/$b.checks - | head -20
  fi
done
if [ -z "$AUDIT_NO_MUTATION" ]; then
  if python3 tests/audit/mutate.py "$EXTRACT" "${AUDIT_BAR:-0.90}" corpus/samples/*.txt; then
    pass=$((pass+1))
  else
    fail=$((fail+1)); echo "FAIL mutation rate under the bar"
  fi
fi
echo "audit: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
