#!/usr/bin/env bash
# Reliability of the CLI (docs/hardening.md, "Reliability, round 2"): a NUL byte ends no document;
# text reports and error messages escape control characters; lost output (a full disk) is exit 74;
# inputs that cannot be read (an unreadable directory, a broken symlink, a symlink loop, a
# directory as standard input) are exit 2 naming the path, never an empty result.
# usage: cli_reliability.sh SHIFAN SOURCE_DIR
set -u
shifan=$1
src=$2
app=$src/examples/applications/eligible-technology.json
history=$src/examples/histories/designated-current.json
filings=$src/examples/histories/county-filings-shangdang.json
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'chmod -R u+rwx "$tmp"; rm -rf "$tmp"' EXIT
failures=0
checks=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect EXIT DESCRIPTION COMMAND...: run COMMAND (stdout to $tmp/out, stderr to $tmp/err), check its exit.
expect() {
  local want=$1 what=$2
  shift 2
  checks=$((checks + 1))
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  [ "$got" -eq "$want" ] || fail "$what: exit $got, expected $want ($(head -c 300 "$tmp/err"))"
}
# expect_to EXIT DESCRIPTION TARGET COMMAND...: as expect, with stdout to TARGET (e.g. /dev/full).
expect_to() {
  local want=$1 what=$2 target=$3
  shift 3
  checks=$((checks + 1))
  "$@" >"$target" 2>"$tmp/err"
  local got=$?
  [ "$got" -eq "$want" ] || fail "$what: exit $got, expected $want ($(head -c 300 "$tmp/err"))"
}
err_has() { checks=$((checks + 1)); grep -qF -- "$2" "$tmp/err" || fail "$1: stderr lacks '$2': $(head -c 300 "$tmp/err")"; }
out_has() { checks=$((checks + 1)); grep -qF -- "$2" "$tmp/out" || fail "$1: stdout lacks '$2'"; }
no_byte() { # no_byte WHAT FILE OCTAL-ESCAPE
  checks=$((checks + 1))
  if LC_ALL=C grep -q "$(printf "$3")" "$2"; then fail "$1: raw byte \\$3 in $2"; fi
}

# --- 1. NUL bytes ---------------------------------------------------------------------------------
{ cat "$app"; printf '\0{"x": 1}'; } >"$tmp/nul-app.json"
expect 0 "the application itself" "$shifan" evaluate "$app"
expect 2 "application + NUL" "$shifan" evaluate "$tmp/nul-app.json"
err_has "application + NUL" "syntax"
err_has "application + NUL" "NUL"
expect 2 "application + NUL on stdin" sh -c "\"$shifan\" evaluate --json - < \"$tmp/nul-app.json\""
{ cat "$history"; printf '\0'; } >"$tmp/nul-history.json"
expect 2 "history + NUL" "$shifan" status --on 2025-04-15 "$tmp/nul-history.json"
err_has "history + NUL" "NUL"
expect 2 "history + NUL in a roster" "$shifan" roster --on 2025-04-15 "$tmp/nul-history.json"
{ cat "$filings"; printf '\0garbage'; } >"$tmp/nul-filings.json"
expect 2 "county filings + NUL" "$shifan" roster --on 2025-04-15 "$history" "$tmp/nul-filings.json"
printf '{"schema": "shifan.rulepack/1", "id": "x", "version": "1", "base": "changzhi-municipal", "parameters": {}}\0x' \
  >"$tmp/nul-pack.json"
expect 2 "rule pack + NUL" "$shifan" evaluate --rule-pack "$tmp/nul-pack.json" "$app"
err_has "rule pack + NUL" "NUL"
"$shifan" generate --count 2 --ndjson >"$tmp/two.ndjson"
{ head -n 1 "$tmp/two.ndjson" | tr -d '\n'; printf '\0tail\n'; tail -n 1 "$tmp/two.ndjson"; } >"$tmp/nul.ndjson"
expect 2 "--batch line + NUL" "$shifan" evaluate --batch "$tmp/nul.ndjson"
out_has "--batch line + NUL" '{"line":1,"error":{"code":"syntax"'
checks=$((checks + 1))
[ "$(wc -l <"$tmp/out")" -eq 2 ] || fail "--batch line + NUL: the other line was not evaluated"

# --- 4. escaping ------------------------------------------------------------------------------------
printf '{"schema": "shifan.application/1", "id": "X", "review_year": 2025, "reference_date": "2025-04-15", "applicant": {"name": "A\\u001b[31mB\\r\\nVerdict: eligible", "county": "\\u202eC"}}' \
  >"$tmp/esc.json"
for lang in zh en both; do
  expect 0 "report of control characters ($lang)" "$shifan" evaluate --lang $lang "$tmp/esc.json"
  no_byte "report ($lang)" "$tmp/out" '\033'
  no_byte "report ($lang)" "$tmp/out" '\r'
  no_byte "report ($lang)" "$tmp/out" '\342\200\256'
  out_has "report ($lang)" 'A\u001b[31mB\u000d\u000aVerdict: eligible'
done
printf '{"schema": "shifan.application/1", "\\u001b[2J": 1}' >"$tmp/esc-key.json"
expect 2 "error quoting a key" "$shifan" evaluate "$tmp/esc-key.json"
no_byte "error quoting a key" "$tmp/err" '\033'
err_has "error quoting a key" '\u001b[2J'

# --- 5. lost output ---------------------------------------------------------------------------------
if [ -w /dev/full ]; then
  expect_to 74 "evaluate > /dev/full" /dev/full "$shifan" evaluate "$app"
  err_has "evaluate > /dev/full" "cannot write standard output"
  expect_to 74 "evaluate --json > /dev/full" /dev/full "$shifan" evaluate --json "$app"
  expect_to 74 "evaluate --batch > /dev/full" /dev/full "$shifan" evaluate --batch "$tmp/two.ndjson"
  expect_to 74 "status > /dev/full" /dev/full "$shifan" status --on 2025-04-15 "$history"
  expect_to 74 "status --json > /dev/full" /dev/full "$shifan" status --json --on 2025-04-15 "$history"
  expect_to 74 "roster > /dev/full" /dev/full "$shifan" roster --on 2025-04-15 "$history"
  expect_to 74 "roster --json > /dev/full" /dev/full "$shifan" roster --json --on 2025-04-15 "$history"
  expect 74 "roster --html /dev/full" "$shifan" roster --on 2025-04-15 --html /dev/full "$history"
  err_has "roster --html /dev/full" "/dev/full"
  expect_to 74 "rules > /dev/full" /dev/full "$shifan" rules
  expect_to 74 "rules --json > /dev/full" /dev/full "$shifan" rules --json
  expect_to 74 "verify > /dev/full" /dev/full "$shifan" verify "$src/tests/cases/art6.1"
  expect_to 74 "generate > /dev/full" /dev/full "$shifan" generate --count 3
  err_has "generate > /dev/full" "cannot write"
  expect_to 74 "generate --ndjson > /dev/full" /dev/full "$shifan" generate --count 3 --ndjson
  expect_to 74 "--help > /dev/full" /dev/full "$shifan" --help
  # what succeeds still exits 0
  expect 0 "evaluate to a file" "$shifan" evaluate --json "$app"
else
  fail "/dev/full is not writable here: the lost-output checks cannot run"
fi

# --- 6. inputs that cannot be read ------------------------------------------------------------------
mkdir "$tmp/broken" "$tmp/loop" "$tmp/locked"
cp "$app" "$tmp/broken/a.json"
ln -s "$tmp/missing.json" "$tmp/broken/b.json"
ln -s "$tmp/loop/x.json" "$tmp/loop/x.json"
cp "$app" "$tmp/locked/a.json"
expect 2 "a broken symlink in a directory" "$shifan" evaluate "$tmp/broken"
err_has "a broken symlink in a directory" "$tmp/broken/b.json"
expect 2 "a symlink loop in a directory" "$shifan" evaluate "$tmp/loop"
err_has "a symlink loop in a directory" "$tmp/loop/x.json"
expect 2 "a symlink loop given by name" "$shifan" evaluate "$tmp/loop/x.json"
err_has "a symlink loop given by name" "$tmp/loop/x.json"
expect 2 "a broken symlink in a roster directory" "$shifan" roster --on 2025-04-15 "$tmp/broken"
expect 2 "a broken symlink among cases" "$shifan" verify "$tmp/broken"
err_has "a broken symlink among cases" "$tmp/broken/b.json"
expect 2 "a directory as standard input" sh -c "\"$shifan\" evaluate - < /tmp"
err_has "a directory as standard input" "directory"
expect 2 "a directory as a rule pack" "$shifan" evaluate --rule-pack "$tmp/locked" "$app"
chmod 000 "$tmp/locked"
as_other=()
if [ "$(id -u)" -eq 0 ]; then as_other=(setpriv --reuid=65534 --regid=65534 --clear-groups); fi
expect 2 "an unreadable directory" "${as_other[@]}" "$shifan" evaluate "$tmp/locked"
err_has "an unreadable directory" "$tmp/locked"
expect 2 "an unreadable directory (status)" "${as_other[@]}" "$shifan" status --on 2025-04-15 "$tmp/locked"
expect 2 "an unreadable directory (roster)" "${as_other[@]}" "$shifan" roster --on 2025-04-15 "$tmp/locked"
expect 2 "an unreadable directory (verify)" "${as_other[@]}" "$shifan" verify "$tmp/locked"
chmod 755 "$tmp/locked"
chmod 000 "$tmp/locked/a.json"
expect 2 "an unreadable file" "${as_other[@]}" "$shifan" evaluate "$tmp/locked/a.json"
err_has "an unreadable file" "$tmp/locked/a.json"

if [ "$failures" -ne 0 ]; then
  echo "cli_reliability: $failures of $checks checks failed" >&2
  exit 1
fi
echo "cli_reliability: all $checks checks passed"
