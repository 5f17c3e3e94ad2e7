#!/usr/bin/env bash
# A benchmark (not a test): the Java bindings' Engine.evaluateMany against the C ABI's batch call
# (shifan_evaluate_batch_buffer + shifan_batch_summary) over the same generated corpus, in the same
# run, on every core. Both make one buffer of the documents and cross once; the Java side also
# encodes its Strings as UTF-8. The programs run in ROUNDS alternating rounds (C, Java with Strings,
# Java with byte arrays; each the median of 3 runs after two warm-up runs), so that the load of a shared
# machine falls on all of them alike. Prints, per program, the median over the rounds of the wall
# time and of the CPU time per batch, and the median of the per-round ratios Java/C of
# applications per second; the target is at least 0.80 (docs/performance.md).
#   usage: bench/java_vs_c.sh [BUILD] [COUNT] [ROUNDS]   (defaults: build/ci, 100000, 5)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/ci}
count=${2:-100000}
rounds=${3:-5}
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
for r in $(seq "$rounds"); do
  "$tmp/c_batch_throughput" "$tmp/corpus.ndjson" 3
  java -cp "$jar:$jna:$tmp" JavaEvaluateMany "$tmp/corpus.ndjson" string 3
  java -cp "$jar:$jna:$tmp" JavaEvaluateMany "$tmp/corpus.ndjson" bytes 3
done >"$tmp/results"
echo "$count applications ($(du -m "$tmp/corpus.ndjson" | cut -f1) MB), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $rounds rounds"
python3 - "$tmp/results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
by = {}
for name, n, wall, rate, cpu in rows:
    by.setdefault(name, []).append((float(wall), float(rate), float(cpu)))
print(f"{'':12} {'wall s':>8} {'apps/s':>8} {'CPU s':>7} {'apps/CPU-s':>11}")
n = int(rows[0][1])
for name in ("c", "java-string", "java-bytes"):
    wall = statistics.median(w for w, _, _ in by[name])
    cpu = statistics.median(c for _, _, c in by[name])
    print(f"{name:12} {wall:8.3f} {n / wall:8.0f} {cpu:7.3f} {n / cpu:11.0f}")
for name in ("java-string", "java-bytes"):
    ratios = [j[1] / c[1] for j, c in zip(by[name], by["c"])]
    cpu_ratio = statistics.median(c[2] for c in by["c"]) / statistics.median(j[2] for j in by[name])
    print(f"ratio {name}/c: throughput {statistics.median(ratios):.2f} (rounds: "
          f"{', '.join(f'{r:.2f}' for r in ratios)}), per CPU-second {cpu_ratio:.2f} (target >= 0.80)")
PY
