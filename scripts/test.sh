#!/usr/bin/env bash
# Runs every test of shifan: builds with warnings as errors, runs the CTest suite (unit tests,
# policy cases, Python and Java bindings, ABI check, ...), then each stage in scripts/test.d/ in order
# (sanitizers, fuzzing, static analysis, ...). Exits non-zero when anything fails.
#   SHIFAN_QUICK=1 scripts/test.sh   skips the slow stages (those named *.slow.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset ci >/dev/null
cmake --build --preset ci
# The Java bindings are optional for a build, not for the test run: install-deps.sh installs a JDK
# and libjna-java, so a missing jar here means they were skipped by mistake (CTest java.bindings).
[ -f build/ci/java/shifan.jar ] || { echo "test.sh: build/ci/java/shifan.jar was not built (see cmake's message)" >&2; exit 1; }
ctest --preset ci -j2
for stage in scripts/test.d/*.sh; do
  [ -e "$stage" ] || continue
  if [ -n "${SHIFAN_QUICK:-}" ] && [[ "$stage" == *.slow.sh ]]; then echo "== skipping $stage (SHIFAN_QUICK)"; continue; fi
  echo "== stage $stage"
  start=$(date +%s)
  bash "$stage"
  echo "== stage $stage passed in $(( $(date +%s) - start ))s"
done
echo "all tests passed"
