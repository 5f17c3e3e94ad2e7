#!/usr/bin/env bash
# A benchmark (not a test): `shifan compare` against one `shifan evaluate --batch --output verdict`
# run over the same generated corpus. The comparison reads each application once and evaluates it
# twice (full evaluations, to count every rule), so it should take at most about twice as long;
# aggregation must not dominate. Prints wall and CPU seconds, the ratio and the maximum RSS of each.
#   usage: bench/compare_vs_batch.sh [SHIFAN] [COUNT]   (defaults: build/ci/bin/shifan, 1000000)
set -euo pipefail
shifan=${1:-build/ci/bin/shifan}
count=${2:-1000000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$shifan" generate --seed 1 --count "$count" --ndjson >"$tmp/corpus.ndjson"
printf '%s' '{"schema":"shifan.rulepack/1","id":"lower","version":"1","base":"changzhi-municipal","parameters":{"min_smes_served":60}}' >"$tmp/lower.json"
measure() {  # measure NAME COMMAND...: "NAME wall_s cpu_s max_rss_kb"
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  read -r wall user sys rss <"$tmp/time"
  echo "$name $wall $(echo "$user + $sys" | bc) $rss"
}
batch=$(measure batch "$shifan" evaluate --batch "$tmp/corpus.ndjson" --output verdict)
compare=$(measure compare "$shifan" compare --rule-pack "$tmp/lower.json" --json "$tmp/corpus.ndjson")
echo "$count applications, $(nproc) cores"
printf '%-8s %8s %8s %10s\n' "" "wall s" "CPU s" "max RSS"
for line in "$batch" "$compare"; do
  read -r name wall cpu rss <<<"$line"
  printf '%-8s %8s %8s %7s MB\n' "$name" "$wall" "$cpu" "$((rss / 1024))"
done
read -r _ bw bc _ <<<"$batch"
read -r _ cw cc crss <<<"$compare"
echo "ratio compare/batch: wall $(echo "scale=2; $cw / $bw" | bc), CPU $(echo "scale=2; $cc / $bc" | bc); compare max RSS $((crss / 1024)) MB"
