#!/usr/bin/env bash
# ABI gate: compares libshifan.so with the committed baseline capi/abi/libshifan.abi (libabigail).
#   usage: capi/abi/check-abi.sh path/to/libshifan.so
#
# abidiff's exit status is a bitmask: 1 error, 2 usage error, 4 ABI change, 8 incompatible change.
#   - bit 8 (e.g. a function removed, a parameter or struct member changed): FAIL.
#   - bit 4 alone: the report is printed; the check passes only if the change is additions only
#     (no function or variable removed or changed; new functions are not reported at all, thanks to
#     --no-added-syms). Anything else (a struct that grew, a changed type) FAILS: review it, and if it
#     is intended, bump the version as docs/abi-policy.md says and refresh the baseline with
#     capi/abi/update-baseline.sh.
# Exits 77 (CTest: skipped) when libabigail is not installed or the library has no debug info.
set -uo pipefail
lib=${1:?usage: check-abi.sh LIBSHIFAN}
here="$(cd "$(dirname "$0")" && pwd)"
baseline="$here/libshifan.abi"
headers="$here/../include/shifan"
if ! command -v abidw >/dev/null || ! command -v abidiff >/dev/null; then
  echo "SKIP: libabigail (abigail-tools) is not installed"; exit 77
fi
if ! grep -q '\.debug_info' <<<"$(readelf -S "$lib")"; then
  echo "SKIP: $lib has no debug info (build with RelWithDebInfo or Debug)"; exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=abidw-flags.sh
source "$here/abidw-flags.sh"
abidw "${ABIDW_FLAGS[@]}" --headers-dir "$headers" "$lib" >"$tmp/current.abi" || { echo "FAIL: abidw failed"; exit 1; }
abidiff --no-added-syms "$baseline" "$tmp/current.abi" >"$tmp/report.txt" 2>&1
rc=$?
if [ $rc -eq 0 ]; then
  echo "OK: the ABI of $(basename "$lib") matches capi/abi/libshifan.abi"
  exit 0
fi
cat "$tmp/report.txt"
if (( rc & 1 || rc & 2 )); then echo "FAIL: abidiff could not compare (exit $rc)"; exit 1; fi
if (( rc & 8 )); then echo "FAIL: incompatible ABI change (abidiff exit $rc): see docs/abi-policy.md"; exit 1; fi
# rc has bit 4 only: accept additions only.
removed_or_changed=$(grep -E '^(Functions|Variables) changes summary:' "$tmp/report.txt" |
  sed -E 's/.*summary: ([0-9]+) Removed, ([0-9]+) Changed.*/\1 \2/' | awk '{s += $1 + $2} END {print s + 0}')
if [ "$removed_or_changed" -eq 0 ] && ! grep -qE 'ELF SONAME changed|type size changed|[0-9]+ data member (deletion|insertion|change)' "$tmp/report.txt"; then
  echo "OK: additions only (refresh the baseline with capi/abi/update-baseline.sh when releasing)"
  exit 0
fi
echo "FAIL: ABI change that is not an addition (abidiff exit $rc): see docs/abi-policy.md"
exit 1
