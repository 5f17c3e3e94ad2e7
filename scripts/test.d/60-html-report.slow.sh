#!/usr/bin/env bash
# Stage (slow): the HTML roster report in a real browser. Installs Debian's chromium (and a CJK font
# so the Chinese renders), writes `shifan roster --html` for examples/histories, and renders it
# headless: --dump-dom shows the DOM after the page script ran (Chinese by default; with #en every
# label is English and the toggle reads 中文), and screenshots of both languages are checked for the
# red overdue markers and the green term bars. Screenshots: build/ci/report/roster-{zh,en}.png.
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$(date +%s)
SHIFAN_EXTRA_PACKAGES="chromium fonts-wqy-microhei" scripts/install-deps.sh
echo "html-report: chromium and fonts ready in $(( $(date +%s) - start ))s"
cli=${SHIFAN_CLI:-}   # another shifan binary to render with (default: build/ci/bin/shifan, built here)
if [ -z "$cli" ]; then
  [ -f build/ci/CMakeCache.txt ] || cmake --preset ci >/dev/null
  cmake --build --preset ci --target shifan_cli >/dev/null
  cli=build/ci/bin/shifan
fi
out=build/ci/report
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "html-report: FAIL: $*" >&2; exit 1; }

page=$PWD/$out/roster.html
"$cli" roster --on 2025-04-15 --interpretation summary_owed=held_any_day --html "$page" examples/histories >/dev/null
chrome() {  # chrome ARGS... URL: one headless run, its own profile, no network, bounded in time
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$(mktemp -d -p "$tmp")" --window-size=1280,1600 "$@" 2>>"$tmp/chromium.log"
}
for lang in zh en; do
  chrome --dump-dom "file://$page#$lang" >"$tmp/dom-$lang.html" || { cat "$tmp/chromium.log"; fail "chromium --dump-dom ($lang)"; }
  chrome --screenshot="$PWD/$out/roster-$lang.png" "file://$page#$lang" >/dev/null || { cat "$tmp/chromium.log"; fail "chromium --screenshot ($lang)"; }
done

python3 - "$tmp/dom-zh.html" "$tmp/dom-en.html" "$out/roster-zh.png" "$out/roster-en.png" <<'PY'
import re, struct, sys, zlib
dom_zh, dom_en = (open(p, encoding="utf-8").read() for p in sys.argv[1:3])
failures = []
def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond: failures.append(what)
def button(dom): return re.search(r'<button id="lang-toggle"[^>]*>([^<]*)</button>', dom).group(1)
check('<html lang="zh-CN">' in dom_zh and 'data-lang="zh"' in dom_zh, "zh: the script ran, Chinese")
check(button(dom_zh) == "English", "zh: the toggle offers English")
check("逾期未报" in dom_zh and "已认定平台" in dom_zh and "认定期时间轴" in dom_zh, "zh: Chinese labels")
check('<html lang="en">' in dom_en and 'data-lang="en"' in dom_en, "en: #en switched the page to English")
check(button(dom_en) == "中文", "en: the toggle offers 中文")
for label in ("Overdue filings (art13, art15)", "Terms on a timeline (art14)", "Designated platforms by function (art7)",
              "Designated platforms by county", "designated (title valid)", "✗ overdue", "County reports (art15)"):
    check(">" + label + "<" in dom_en, f"en: label '{label}'")
check(">逾期未报（第十三条、第十五条）<" not in dom_en, "en: no Chinese section title left")
for pid in ("CZ-P-0042", "CZ-P-0007", "CZ-P-0031", "CZ-P-0019"):
    check(f'data-platform="{pid}"' in dom_en, f"en: {pid} after the script ran")
check(dom_en.count('class="overdue"') >= 2, "en: overdue rows")

def pixels(path):
    """RGB(A) pixels of an 8-bit non-interlaced PNG (what Chromium writes)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and ctype in (2, 6) and interlace == 0, (depth, ctype, interlace)
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw, stride, prev, rows = zlib.decompress(idat), w * bpp, bytearray(w * bpp), []
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line)); prev = line
    return w, h, rows, bpp

for path in sys.argv[3:5]:
    w, h, rows, bpp = pixels(path)
    def count(rgb, tol=12):
        n = 0
        for row in rows[::2]:
            for x in range(0, w * bpp, bpp * 2):
                if all(abs(row[x + k] - rgb[k]) <= tol for k in range(3)): n += 1
        return n
    red, green = count((0xc5, 0x30, 0x30)), count((0x2f, 0x85, 0x5a))
    check((w, h) == (1280, 1600), f"{path}: 1280x1600 ({w}x{h})")
    check(red > 200, f"{path}: red overdue markers are visible ({red} sampled pixels)")
    check(green > 200, f"{path}: green term bars are visible ({green} sampled pixels)")
sys.exit(1 if failures else 0)
PY
echo "html-report: rendered in chromium; screenshots $out/roster-zh.png, $out/roster-en.png ($(( $(date +%s) - start ))s in all)"
