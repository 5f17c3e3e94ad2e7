# Sourced by the browser stages (scripts/test.d/6*-*.slow.sh): installs Debian's chromium and a CJK
# font, builds the CLI unless SHIFAN_CLI names another binary, and defines, for a stage named by
# $stage: $cli, $out (build/ci/report), $tmp (removed on exit), fail MESSAGE, and
# chrome [--window-size=W,H] ARGS... URL — one headless run with its own profile, no network,
# bounded in time, its log in $tmp/chromium.log.
start=$(date +%s)
SHIFAN_EXTRA_PACKAGES="chromium fonts-wqy-microhei" scripts/install-deps.sh
echo "$stage: chromium and fonts ready in $(( $(date +%s) - start ))s"
. scripts/lib/cli.sh   # $cli (SHIFAN_CLI, or build/ci/bin/shifan built here) and $tmp
out=build/ci/report
mkdir -p "$out"
fail() { echo "$stage: FAIL: $*" >&2; exit 1; }
chrome() {
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$(mktemp -d -p "$tmp")" --window-size=1280,1600 "$@" \
    2>>"$tmp/chromium.log" || { cat "$tmp/chromium.log" >&2; return 1; }
}
