#!/usr/bin/env bash
# Export check: libshifan.so exports exactly the functions that capi/include/shifan/shifan.h declares
# (every one of them, and nothing else: no C++ runtime, Boost or core symbols).
#   usage: capi/abi/check-exports.sh path/to/libshifan.so
set -euo pipefail
lib=${1:?usage: check-exports.sh LIBSHIFAN}
header="$(cd "$(dirname "$0")/.." && pwd)/include/shifan/shifan.h"
exported=$(nm -D --defined-only "$lib" | awk '{print $NF}' | sort -u)
declared=$(grep -oE 'SHIFAN_API [^(]*\bshifan_[a-z0-9_]+\(' "$header" | grep -oE 'shifan_[a-z0-9_]+\($' | tr -d '(' | sort -u)
status=0
foreign=$(grep -v '^shifan_' <<<"$exported" || true)
if [ -n "$foreign" ]; then
  echo "FAIL: libshifan exports symbols outside the shifan_ namespace:"; echo "$foreign"; status=1
fi
undeclared=$(comm -23 <(echo "$exported") <(echo "$declared"))
if [ -n "$undeclared" ]; then
  echo "FAIL: exported but not declared in shifan.h:"; echo "$undeclared"; status=1
fi
missing=$(comm -13 <(echo "$exported") <(echo "$declared"))
if [ -n "$missing" ]; then
  echo "FAIL: declared in shifan.h but not exported:"; echo "$missing"; status=1
fi
[ $status -eq 0 ] && echo "OK: $(wc -l <<<"$exported") symbols exported, all shifan_* and all declared in shifan.h"
exit $status
