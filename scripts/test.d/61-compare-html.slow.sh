#!/usr/bin/env bash
# Stage (slow): the comparison page (`shifan compare --html`) in a real browser. Compares a
# generated corpus under the built-in pack and one with min_smes_served lowered to 60, renders the
# page headless in Debian's chromium, and checks, in the laid-out page, the transition matrix, one
# pair of bars per leaf rule with the moved rule's alternative bar longer than its baseline bar,
# and one table row per changed application. Screenshot: build/ci/report/compare.png.
set -euo pipefail
cd "$(dirname "$0")/../.."
stage=compare-html
# shellcheck source=../lib/browser-stage.sh
source scripts/lib/browser-stage.sh

"$cli" generate --seed 5 --count 2000 --ndjson >"$tmp/corpus.ndjson"
printf '%s' '{"schema":"shifan.rulepack/1","id":"lower","version":"1","base":"changzhi-municipal","parameters":{"min_smes_served":60}}' >"$tmp/lower.json"
page=$PWD/$out/compare.html
"$cli" compare --rule-pack "$tmp/lower.json" --html "$page" --json "$tmp/corpus.ndjson" >"$tmp/compare.json"

# A copy of the page with a probe that measures what the browser laid out (the page itself runs no
# script: its CSP is relaxed in the copy only).
probe=$PWD/$out/compare-probe.html
python3 - "$page" "$probe" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
probe = r"""<script>
(function () {
  var log = {groups: []};
  var groups = document.querySelectorAll('svg.rates g.rule');
  for (var i = 0; i < groups.length; i++) {
    var b = groups[i].querySelector('rect.before').getBoundingClientRect();
    var a = groups[i].querySelector('rect.after').getBoundingClientRect();
    log.groups.push({rule: groups[i].getAttribute('data-rule'), before: b.width, after: a.width, visible: b.height > 0 && a.height > 0});
  }
  log.moved = document.querySelector('td[data-from="ineligible"][data-to="eligible"]').textContent;
  log.rows = document.querySelectorAll('tr.changed-app').length;
  var pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify(log);
  document.body.appendChild(pre);
})();
</script>
"""
page = page.replace("style-src 'unsafe-inline'\"", "style-src 'unsafe-inline'; script-src 'unsafe-inline'\"")
open(sys.argv[2], "w", encoding="utf-8").write(page.replace("</body>", probe + "</body>"))
PY
chrome --window-size=1280,1800 --dump-dom "file://$probe" >"$tmp/dom.html" || fail "chromium --dump-dom"
chrome --window-size=1280,1800 --screenshot="$PWD/$out/compare.png" "file://$page" >/dev/null || fail "chromium --screenshot"

python3 - "$tmp/dom.html" "$tmp/compare.json" "$out/compare.png" <<'PY'
import html, json, re, sys
dom, doc = open(sys.argv[1], encoding="utf-8").read(), json.load(open(sys.argv[2], encoding="utf-8"))
failures = []
def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond: failures.append(what)
m = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
check(m is not None, "the probe ran in the laid-out page")
log = json.loads(html.unescape(m.group(1))) if m else {"groups": [], "moved": "", "rows": -1}
leaves = [r["id"] for r in doc["rules"] if r["kind"] == "rule"]
check([g["rule"] for g in log["groups"]] == leaves, f"one pair of bars per leaf rule ({len(log['groups'])} of {len(leaves)})")
check(all(g["visible"] for g in log["groups"]), "every bar pair is laid out")
moved = {g["rule"]: g for g in log["groups"]}.get("art6.2.smes_served", {"before": 0, "after": 0})
check(moved["after"] > moved["before"] > 0, f"art6.2.smes_served: the alternative's bar is longer ({moved})")
same = [g for g in log["groups"] if g["rule"] != "art6.2.smes_served"]
check(all(abs(g["before"] - g["after"]) < 0.01 for g in same), "every other rule's bars are equal")
check(log["moved"] == str(doc["transitions"]["ineligible"]["eligible"]) and doc["changed"] > 0,
      f"the matrix shows {log['moved']} ineligible → eligible")
check(log["rows"] == len(doc["changed_applications"]), f"one row per changed application ({log['rows']})")
png = open(sys.argv[3], "rb").read()
check(png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20000, f"a screenshot ({len(png)} bytes)")
print(f"compare-html: {len(failures)} failed")
sys.exit(1 if failures else 0)
PY
