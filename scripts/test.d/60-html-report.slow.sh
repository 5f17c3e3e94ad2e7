#!/usr/bin/env bash
# Stage (slow): the HTML roster report in a real browser. Installs Debian's chromium (and a CJK font
# so the Chinese renders), writes `shifan roster --html` for examples/histories, and renders it
# headless: --dump-dom shows the DOM after the page script ran (Chinese by default; with #en every
# label is English and the toggle reads 中文), and screenshots of both languages are checked for the
# red overdue markers and the green term bars. The DOM is checked for the renewed platform's two
# terms, the overdue table's columns (a county's report: the county in its own column, the platforms
# it covers in the platform column), the readings in words and the names on the timeline.
# Sorting and filtering: a copy of the page with one more inline script (the page's CSP allows
# inline scripts) clicks table headers and types into the filter boxes the way a user would
# (click(), an `input` event), records the row order after each step and where CZ-P-0007's two term
# bars were laid out; its --dump-dom and screenshot are checked (the bars' pixels are grey, then
# green). Screenshots: build/ci/report/roster-{zh,en,sorted}.png.
set -euo pipefail
cd "$(dirname "$0")/../.."
stage=html-report
# shellcheck source=../lib/browser-stage.sh
source scripts/lib/browser-stage.sh

page=$PWD/$out/roster.html
"$cli" roster --on 2025-04-15 --interpretation summary_owed=held_any_day --html "$page" examples/histories >/dev/null
for lang in zh en; do
  chrome --dump-dom "file://$page#$lang" >"$tmp/dom-$lang.html" || { cat "$tmp/chromium.log"; fail "chromium --dump-dom ($lang)"; }
  chrome --screenshot="$PWD/$out/roster-$lang.png" "file://$page#$lang" >/dev/null || { cat "$tmp/chromium.log"; fail "chromium --screenshot ($lang)"; }
done

# The page as a user drives it: sort, sort again, filter in the other language, filter.
probe=$PWD/$out/roster-probe.html
python3 - "$page" "$probe" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
script = r"""<script>
(function () {
  var log = {};
  function order(id) {
    var out = [];
    var rows = document.getElementById(id).tBodies[0].rows;
    for (var i = 0; i < rows.length; i++)
      out.push((rows[i].getAttribute('data-platform') || rows[i].getAttribute('data-county')) + (rows[i].hidden ? ' hidden' : ''));
    return out;
  }
  function header(id, text) {
    var ths = document.getElementById(id).tHead.rows[0].cells;
    for (var i = 0; i < ths.length; i++) if (ths[i].textContent === text) return ths[i];
    throw new Error('no header ' + text + ' in ' + id);
  }
  function type(id, text) {
    var input = document.querySelector('input.filter[data-for="' + id + '"]');
    input.value = text;
    input.dispatchEvent(new Event('input', {bubbles: true}));
    return input.parentNode.querySelector('.filter-count').textContent;
  }
  log.platforms_initial = order('t-platforms');
  header('t-platforms', '剩余天数').click();
  log.platforms_days_asc = order('t-platforms');
  log.sort_state = header('t-platforms', '剩余天数').getAttribute('aria-sort');
  header('t-platforms', '剩余天数').click();
  log.platforms_days_desc = order('t-platforms');
  header('t-overdue', '逾期天数').click();
  header('t-overdue', '逾期天数').click();
  log.overdue_first_days = document.getElementById('t-overdue').tBodies[0].rows[0].cells[6].textContent;
  log.overdue_count_en = type('t-overdue', 'report for 2024');
  log.overdue_filtered = order('t-overdue');
  log.platforms_count = type('t-platforms', '潞州');
  log.platforms_filtered = order('t-platforms');
  var bars = document.querySelectorAll('g[data-platform="CZ-P-0007"] rect.term');
  log.renewal_bars = [];
  for (var i = 0; i < bars.length; i++) {
    var b = bars[i].getBoundingClientRect();
    log.renewal_bars.push({cls: bars[i].getAttribute('class'), x: b.left + window.scrollX, y: b.top + window.scrollY, w: b.width, h: b.height});
  }
  var pre = document.createElement('pre');
  pre.id = 'probe';
  pre.hidden = true;
  pre.textContent = JSON.stringify(log);
  document.body.appendChild(pre);
})();
</script>
"""
assert page.count("</body>") == 1
open(sys.argv[2], "w", encoding="utf-8").write(page.replace("</body>", script + "</body>"))
PY
chrome --dump-dom "file://$probe" >"$tmp/dom-probe.html" || { cat "$tmp/chromium.log"; fail "chromium --dump-dom (probe)"; }
chrome --screenshot="$PWD/$out/roster-sorted.png" "file://$probe" >/dev/null || { cat "$tmp/chromium.log"; fail "chromium --screenshot (probe)"; }

python3 - "$tmp/dom-zh.html" "$tmp/dom-en.html" "$out/roster-zh.png" "$out/roster-en.png" "$tmp/dom-probe.html" "$out/roster-sorted.png" <<'PY'
import html, json, re, struct, sys, zlib
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

# What the issue asked of the page, in the DOM after the script ran.
names = {"CZ-P-0042": "长治市上党区科创技术服务平台", "CZ-P-0007": "长治市潞州区中小企业综合服务平台",
         "CZ-P-0031": "长治市屯留区企业服务云平台", "CZ-P-0019": "襄垣县中小企业培训服务平台"}
rows = dict(re.findall(r'<g class="row [^"]*" data-platform="([^"]*)">(.*?)</g>', dom_zh, re.S))
renewal = rows.get("CZ-P-0007", "")
check(len(re.findall(r'<rect class="term[ "]', renewal)) == 2, "zh: the renewed platform CZ-P-0007 draws two terms")
for pid, name in names.items():
    check(f">{name}</text>" in rows.get(pid, "") and f">{pid}</text>" in rows.get(pid, ""), f"zh: the timeline row of {pid} shows its name and id")
def table(dom, tid):
    start = dom.index(f'id="{tid}"')
    return dom[start:dom.index("</table>", start)]
heads = [re.sub(r"<[^>]*>", "", h) for h in re.findall(r"<th[^>]*>(.*?)</th>", table(dom_en, "t-overdue"))]
check(heads == ["", "Platform", "Name", "County", "Filing", "Due", "Days overdue"], f"en: the overdue table's columns {heads}")
county_rows = re.findall(r'<tr class="overdue county" data-county="([^"]*)">(.*?)</tr>', table(dom_zh, "t-overdue"), re.S)
check(len(county_rows) == 10, f"zh: ten overdue county reports ({len(county_rows)})")
ok = True
for county, row in county_rows:
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    pids = cells[1].split("<br>")
    ok = ok and all(p in names for p in pids) and cells[2].split("<br>") == [names[p] for p in pids] and cells[3] == county
check(ok, "zh: county rows: the covered platforms and their names, the county in its own column")
for dom, lang, words in ((dom_zh, "zh", "年度工作总结：该年任一日称号有效的平台须报送（第十三条）"),
                         (dom_en, "en", "annual summaries are owed by platforms whose title was valid on any day of the year (art13)")):
    header = re.sub(r"<[^>]*>", "", re.search(r"<header>(.*?)</header>", dom, re.S).group(1))
    check(words in header and "summary_owed" not in header and "deadline_rest_days" not in header, f"{lang}: the header says the readings in words")
check(dom_zh.count('<div class="tools">') >= 3 and '<div class="tools" hidden>' not in dom_zh, "zh: the script showed the filter boxes")

# Sorting and filtering, as a user does it (the probe page).
probe = open(sys.argv[5], encoding="utf-8").read()
log = json.loads(html.unescape(re.search(r'<pre id="probe" hidden="">(.*?)</pre>', probe, re.S).group(1)))
print("probe:", json.dumps(log, ensure_ascii=False))
check(log["platforms_initial"] == ["CZ-P-0042", "CZ-P-0019", "CZ-P-0007", "CZ-P-0031"], "probe: the platforms in roster (file name) order first")
check(log["platforms_days_asc"] == ["CZ-P-0031", "CZ-P-0007", "CZ-P-0042", "CZ-P-0019"],
      "probe: a click on 剩余天数 sorts by days left, ascending (451, 804, 807; — last)")
check(log["sort_state"] == "ascending", "probe: the header says aria-sort=ascending")
check(log["platforms_days_desc"] == ["CZ-P-0042", "CZ-P-0007", "CZ-P-0031", "CZ-P-0019"],
      "probe: a second click sorts descending (— still last)")
check(log["overdue_first_days"] == "1476", "probe: overdue filings sorted by days overdue, most first")
check(log["overdue_count_en"] == "显示 2 / 11 行", f"probe: an English query filters the Chinese page ({log['overdue_count_en']})")
check([r for r in log["overdue_filtered"] if not r.endswith(" hidden")] == ["屯留区", "潞州区"], "probe: only the two 2024 county reports remain")
check(log["platforms_count"] == "显示 1 / 4 行" and [r for r in log["platforms_filtered"] if not r.endswith(" hidden")] == ["CZ-P-0007"],
      "probe: 潞州 leaves CZ-P-0007 alone in the platform table")
check(log["platforms_filtered"] == ["CZ-P-0042 hidden", "CZ-P-0007", "CZ-P-0031 hidden", "CZ-P-0019 hidden"],
      "probe: filtering keeps the sorted order")
bars = log["renewal_bars"]
check([b["cls"] for b in bars] == ["term ended", "term"] and all(b["w"] > 20 and b["h"] > 10 for b in bars) and bars[0]["x"] < bars[1]["x"],
      f"probe: CZ-P-0007's two term bars are laid out side by side ({bars})")

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

for path in sys.argv[3:5] + sys.argv[6:7]:
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
    if path == sys.argv[6]:
        # The renewed platform's bars where the browser laid them out: the first grey (ended), the renewal green.
        for b, rgb, what in zip(bars, ((0xa0, 0xae, 0xc0), (0x2f, 0x85, 0x5a)), ("grey (its first term)", "green (its renewal)")):
            x, y = int(b["x"] + b["w"] / 2), int(b["y"] + b["h"] / 2)
            px = tuple(rows[y][x * bpp:x * bpp + 3]) if 0 <= y < h and 0 <= x < w else None
            check(px is not None and all(abs(px[k] - rgb[k]) <= 12 for k in range(3)), f"{path}: CZ-P-0007's bar at ({x},{y}) is {what}: {px}")
sys.exit(1 if failures else 0)
PY
echo "html-report: rendered in chromium; screenshots $out/roster-zh.png, $out/roster-en.png, $out/roster-sorted.png ($(( $(date +%s) - start ))s in all)"
