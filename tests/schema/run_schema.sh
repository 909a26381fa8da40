#!/bin/sh
# Every record the suite makes validates against extractor/record.schema.json
# (JSON Schema draft 2020-12, Debian's python3-jsonschema), and every path in
# "provenance" exists in the record and points at text that re-reads to its
# value. Closes with "schema: N records valid".
EXTRACT=${EXTRACT:-./build/extract}
PY=python3
$PY -c "import jsonschema" 2>/dev/null || PY=/usr/bin/python3
d=${TMPDIR:-/tmp}/juesuan-schema.$$
mkdir -p "$d"
"$EXTRACT" --mentions corpus/samples/*.txt > "$d/samples.jsonl" || exit 1
for f in corpus/samples/*.txt; do "$EXTRACT" --pretty < "$f"; done > "$d/pretty.json" || exit 1
for f in corpus/renderings/*/*.txt; do [ -f "$f" ] && "$EXTRACT" --mentions "$f"; done > "$d/renderings.jsonl" 2>/dev/null
"$EXTRACT" /dev/null /does/not/exist > "$d/errors.jsonl" 2>/dev/null
$PY tests/schema/validate.py extractor/record.schema.json "$d"/*.jsonl "$d/pretty.json"; rc=$?
rm -rf "$d"
exit $rc
