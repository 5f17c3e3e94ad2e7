#!/usr/bin/env bash
# Sanitizers (docs/hardening.md): the whole suite built with ASan+UBSan (clang-14, no recovery: the first
# report fails the test), the concurrency tests built with TSan, and valgrind memcheck on the C
# example is the CTest label "valgrind" of the ordinary build, run by scripts/test.sh's ctest
# (valgrind cannot run sanitized binaries, so it is excluded here).
set -euo pipefail
cd "$(dirname "$0")/../.."

export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1:abort_on_error=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"

t0=$(date +%s)
echo "-- asan: ASan+UBSan build and the whole CTest suite (valgrind excepted; Python with the runtime preloaded)"
cmake --preset asan >/dev/null
cmake --build --preset asan
ctest --preset asan -j2 -LE 'valgrind|python'
# Python loads the sanitized libshifan through ctypes: the ASan runtime has to be in the process
# first (LD_PRELOAD). The preset links every binary against that same shared runtime
# (-shared-libsan), so the CLI that Python tests start shares it too. CPython's own allocations
# are not ours, so leak detection is off for these.
asan_rt=$(clang++-14 -print-file-name=libclang_rt.asan-x86_64.so)
LD_PRELOAD="$asan_rt" ASAN_OPTIONS="detect_leaks=0:strict_string_checks=1" ctest --preset asan -j2 -L python
t1=$(date +%s)
echo "-- asan passed in $((t1 - t0))s"

echo "-- tsan: the concurrency tests (names containing concurrency, concurrent, thread, parallel or batch)"
cmake --preset tsan >/dev/null
# Only what the concurrency tests need (a whole TSan build would double the stage's time).
# (The target list goes through a file: `grep -q` on a pipe would end it early, and pipefail would
# then count a found target as missing.)
cmake --build --preset tsan --target help > build/tsan/targets.txt
tsan_targets=()
for t in shifan_unit_tests shifan_capi_concurrency shifan_capi_history_threads shifan_cli; do
  grep -qE "^\.\.\. $t( |$)" build/tsan/targets.txt && tsan_targets+=("$t")
done
cmake --build --preset tsan ${tsan_targets[@]:+--target "${tsan_targets[@]}"}
ctest --preset tsan -j2 -R 'concurren|thread|parallel|batch' --no-tests=error
t2=$(date +%s)
echo "-- tsan passed in $((t2 - t1))s"

