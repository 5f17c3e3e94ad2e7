#!/usr/bin/env bash
# Evaluation never reads the system clock, the time zone or the locale (docs/hardening.md, determinism):
# "today" enters shifan only through the CLI's today() in src/cli/common.cpp, whose date is shown
# in the output. Fails on any clock, time-zone or locale call elsewhere in the library, the C ABI,
# the CLI or the bindings.
#   check_no_clock.sh [SOURCE_DIR]
set -euo pipefail
root="${1:-$(dirname "$0")/../..}"
cd "$root"
dirs=()
for d in include capi src bindings; do [ -d "$d" ] && dirs+=("$d"); done

clock='system_clock|steady_clock|high_resolution_clock|utc_clock|file_clock|(^|[^_a-zA-Z.])time\(|localtime|gmtime|mktime|day_clock|second_clock|microsec_clock|clock_gettime|gettimeofday|std::chrono|<ctime>|<time\.h>|\bclock\(|datetime\.(date|datetime)\.(today|now)|time\.time\(|time\.localtime'
locale='setlocale|std::locale([^c]|$)|imbue|strftime|strtod|std::stod|atof|getenv *\( *"(TZ|LANG|LC_)'

fail=0
# The one allowed reader of the clock: today() in src/cli/common.cpp (std::time, localtime_r, <ctime>).
# Comment lines do not count. The CLI may time its progress display on a terminal with the
# monotonic clock (std::chrono::steady_clock, never the date); it may not read the date.
hits=$(grep -rnE --include='*.hpp' --include='*.h' --include='*.cpp' --include='*.c' --include='*.py' \
         "$clock|$locale" "${dirs[@]}" \
       | grep -vE '^[^:]+:[0-9]+:[[:space:]]*(//|/\*|\*|#[^i])' \
       | grep -vE '^src/cli/common\.cpp:[0-9]+:(#include <ctime>|.*std::time\(nullptr\)|.*localtime_r\(&t, &tm\)|.*std::time_t|.*std::tm )' \
       | grep -vE '^src/cli/[^:]+:[0-9]+:.*std::chrono::(steady_clock|milliseconds|seconds|duration)' || true)
if [ -n "$hits" ]; then
  echo "clock, time zone or locale read outside src/cli/common.cpp today():"
  echo "$hits"
  fail=1
fi
# today() itself stays in common.cpp and is called only by the CLI commands.
if ! grep -q '^Date today()' src/cli/common.cpp; then
  echo "src/cli/common.cpp no longer defines today(): update this check"; fail=1
fi
exit $fail
