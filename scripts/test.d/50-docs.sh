#!/usr/bin/env bash
# Stage: the Doxygen API reference builds with zero warnings (every public symbol of the C header
# and of the C++ core documented). Output: build/ci/docs/html/index.html.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f build/ci/CMakeCache.txt ] || cmake --preset ci >/dev/null
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
cmake --build --preset ci --target docs >"$log" 2>&1 || status=$?
warnings=$(grep -cE '(warning|error):' "$log" || true)
if [ "$status" -ne 0 ] || [ "$warnings" -ne 0 ]; then
  cat "$log"
  echo "docs: doxygen failed (exit $status) with $warnings warning(s); document the symbols above" >&2
  exit 1
fi
test -s build/ci/docs/html/index.html
echo "docs: API reference built with 0 warnings: build/ci/docs/html/index.html"
