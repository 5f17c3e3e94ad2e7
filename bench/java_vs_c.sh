#!/usr/bin/env bash
# A benchmark (not a test): the Java bindings' Engine.evaluateMany against the C ABI's batch call
# (shifan_evaluate_batch_buffer + shifan_batch_summary) over the same generated corpus, in the same
# run, on every core. Both make one buffer of the documents and cross once; the Java side also
# encodes its Strings as UTF-8. Prints applications/s (median of 5 runs after a warm-up) and the
# ratio Java/C; the target is at least 0.80 (docs/performance.md).
#   usage: bench/java_vs_c.sh [BUILD] [COUNT]   (defaults: build/ci, 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/ci}
count=${2:-100000}
jar=$build/java/shifan.jar
jna=${SHIFAN_JNA_JAR:-/usr/share/java/jna.jar}
[ -f "$jar" ] || { echo "java_vs_c: $jar not built (needs a JDK and libjna-java)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$build/bin/shifan" generate --seed 42 --count "$count" --ndjson >"$tmp/corpus.ndjson"
cc -O2 -std=c99 -D_POSIX_C_SOURCE=199309L -Icapi/include bench/c_batch_throughput.c -L"$build/lib" -lshifan \
   -Wl,-rpath,"$PWD/$build/lib" -o "$tmp/c_batch_throughput"
javac -d "$tmp" -cp "$jar:$jna" bench/JavaEvaluateMany.java
export SHIFAN_LIBRARY=$PWD/$build/lib/libshifan.so
c=$("$tmp/c_batch_throughput" "$tmp/corpus.ndjson" 5)
js=$(java -cp "$jar:$jna:$tmp" JavaEvaluateMany "$tmp/corpus.ndjson" string 5)
jb=$(java -cp "$jar:$jna:$tmp" JavaEvaluateMany "$tmp/corpus.ndjson" bytes 5)
echo "$count applications ($(du -m "$tmp/corpus.ndjson" | cut -f1) MB), $(nproc) cores"
printf '%-12s %10s %14s\n' "" "median s" "applications/s"
for line in "$c" "$js" "$jb"; do
  read -r name _ t rate <<<"$line"
  printf '%-12s %10s %14s\n' "$name" "$t" "$rate"
done
read -r _ _ _ crate <<<"$c"
read -r _ _ _ srate <<<"$js"
read -r _ _ _ brate <<<"$jb"
echo "ratio Java/C: Strings $(echo "scale=2; $srate / $crate" | bc), byte[] $(echo "scale=2; $brate / $crate" | bc) (target >= 0.80)"
