#!/usr/bin/env bash
# Fuzzing: builds the libFuzzer targets (preset "fuzz": clang-14, libFuzzer + ASan + UBSan,
# everything driven through the C ABI; see fuzz/CMakeLists.txt and docs/hardening.md), replays every
# committed corpus input and regression input once, then fuzzes each target for SHIFAN_FUZZ_SECONDS
# (default 20) from a scratch copy of its corpus, two targets at a time (SHIFAN_FUZZ_JOBS). Fails on
# any crash, leak, sanitizer report, timeout or broken invariant; the input is kept in
# build/fuzz/artifacts/<target>/.
#   SHIFAN_FUZZ_SECONDS=0 only replays the committed inputs.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${SHIFAN_FUZZ_SECONDS:-20}"

t0=$(date +%s)
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
echo "-- fuzz: built in $(( $(date +%s) - t0 ))s"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
common=(-timeout=10 -rss_limit_mb=2048 -max_len=16384)

# One target: replay, then fuzz. Writes its report to build/fuzz/artifacts/<target>/summary.
run_target() {
  local t=$1 bin=build/fuzz/fuzz/fuzz_$1 corpus=fuzz/corpus/$1
  local artifacts=build/fuzz/artifacts/$t scratch=build/fuzz/scratch/$t start
  start=$(date +%s)
  rm -rf "$scratch" "$artifacts"; mkdir -p "$scratch" "$artifacts"
  exec >"$artifacts/summary" 2>&1
  if [ ! -x "$bin" ]; then echo "FAIL: $corpus has no fuzz target $bin"; return 1; fi
  local dict=() replay=("$corpus")
  [ -f "fuzz/dict/$t.dict" ] && dict=(-dict="fuzz/dict/$t.dict")
  [ -d "fuzz/regressions/$t" ] && replay+=("fuzz/regressions/$t")
  echo "-- $t: replaying $(find "${replay[@]}" -type f | wc -l) committed inputs"
  if ! "$bin" -runs=0 "${common[@]}" "${replay[@]}" >"$artifacts/replay.log" 2>&1; then
    echo "FAIL: $t crashed on a committed input:"; tail -40 "$artifacts/replay.log"; return 1
  fi
  [ "$seconds" -gt 0 ] || return 0
  cp -r "$corpus/." "$scratch/"
  if ! "$bin" "$scratch" "${dict[@]}" "${common[@]}" -max_total_time="$seconds" \
        -artifact_prefix="$artifacts/" -print_final_stats=1 >"$artifacts/fuzz.log" 2>&1; then
    echo "FAIL: $t found a crash after fuzzing (input in $artifacts/):"; tail -60 "$artifacts/fuzz.log"; return 1
  fi
  local execs cov
  execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$artifacts/fuzz.log" | grep -oE '[0-9]+$' || echo '?')
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$artifacts/fuzz.log" | tail -1 || true)
  echo "-- $t: fuzzed ${seconds}s: ok, $execs executions, $cov, $(( $(date +%s) - start ))s in all"
}

# Two targets at a time (SHIFAN_FUZZ_JOBS), each on one core.
jobs_at_once="${SHIFAN_FUZZ_JOBS:-2}"
targets=()
for corpus in fuzz/corpus/*/; do targets+=("$(basename "$corpus")"); done
[ ${#targets[@]} -gt 0 ] || { echo "FAIL: no corpus in fuzz/corpus/"; exit 1; }
echo "-- fuzz: ${targets[*]}: replay, then ${seconds}s each, $jobs_at_once at a time"
status=0
for ((i = 0; i < ${#targets[@]}; i += jobs_at_once)); do
  batch=("${targets[@]:i:jobs_at_once}")
  pids=()
  for t in "${batch[@]}"; do run_target "$t" & pids+=($!); done
  for k in "${!pids[@]}"; do
    wait "${pids[$k]}" || status=1
    cat "build/fuzz/artifacts/${batch[$k]}/summary"
  done
done
echo "-- fuzz: stage took $(( $(date +%s) - t0 ))s"
exit $status
