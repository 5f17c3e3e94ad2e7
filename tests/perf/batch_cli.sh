#!/usr/bin/env bash
# shifan evaluate --batch: identical output for every --jobs, input order, bad lines on their own
# line with their line number, blank lines skipped, each result equal to `evaluate --json` of the
# same document, a summary on stderr, exit 2 when a line was bad; shifan generate is deterministic.
set -euo pipefail
shifan=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$shifan" generate --seed 17 --count 1500 --ndjson > "$tmp/corpus.ndjson"
"$shifan" generate --seed 17 --count 1500 --ndjson | cmp -s - "$tmp/corpus.ndjson" || fail "generate is not deterministic"
"$shifan" generate --seed 17 --count 10 --ndjson | cmp -s - <(head -n 10 "$tmp/corpus.ndjson") || fail "a shorter run is not a prefix"
[ "$(wc -l < "$tmp/corpus.ndjson")" -eq 1500 ] || fail "generate --count"

# Bad lines in the middle (line 701: bad date; 702: blank, skipped; 703: not JSON), CRLF on one.
{
  head -n 700 "$tmp/corpus.ndjson"
  echo '{"schema":"shifan.application/1","reference_date":"2025-02-30"}'
  echo ''
  echo 'not json'
  sed -n '701p' "$tmp/corpus.ndjson" | sed 's/$/\r/'
  tail -n +702 "$tmp/corpus.ndjson"
} > "$tmp/input.ndjson"

status=0
"$shifan" evaluate --batch "$tmp/input.ndjson" --jobs 1 > "$tmp/out1.ndjson" 2> "$tmp/err1.txt" || status=$?
[ "$status" -eq 2 ] || fail "exit status $status, expected 2 (bad lines)"
[ "$(wc -l < "$tmp/out1.ndjson")" -eq 1502 ] || fail "expected 1502 result lines, got $(wc -l < "$tmp/out1.ndjson")"
grep -q '^batch: 1502 applications: .* 2 errors' "$tmp/err1.txt" || fail "summary: $(cat "$tmp/err1.txt")"
sed -n '701p' "$tmp/out1.ndjson" | grep -q '^{"line":701,"error":{"code":"invalid_date",.*"path":"/reference_date"' || fail "line 701"
sed -n '702p' "$tmp/out1.ndjson" | grep -q '^{"line":703,"error":{"code":"syntax"' || fail "line 703"
for jobs in 2 3 4 8 0; do
  "$shifan" evaluate --batch - --jobs "$jobs" < "$tmp/input.ndjson" > "$tmp/out.ndjson" 2>/dev/null || true
  cmp -s "$tmp/out1.ndjson" "$tmp/out.ndjson" || fail "--jobs $jobs differs from --jobs 1"
done

# Each result is what `evaluate --json` gives for the same document (both languages by default).
# Output line n is corpus line n up to 700, then two error lines, then corpus line n - 2.
for n in 1 2 3 350 700 703 704 1502; do
  src=$n; [ "$n" -gt 700 ] && src=$((n - 2))
  sed -n "${src}p" "$tmp/corpus.ndjson" > "$tmp/one.json"
  "$shifan" evaluate --json "$tmp/one.json" > "$tmp/one.out" || true
  sed -n "${n}p" "$tmp/out1.ndjson" | cmp -s - "$tmp/one.out" || fail "result line $n differs from evaluate --json"
done

# --compact and --lang reach the results.
"$shifan" evaluate --batch "$tmp/corpus.ndjson" --jobs 2 --compact --lang en > "$tmp/compact.ndjson" 2>/dev/null
sed -n '5p' "$tmp/corpus.ndjson" > "$tmp/five.json"
"$shifan" evaluate --json --compact --lang en "$tmp/five.json" | cmp -s - <(sed -n '5p' "$tmp/compact.ndjson") || fail "--compact --lang en"
echo "batch CLI: ok"
