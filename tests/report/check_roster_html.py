#!/usr/bin/env python3
"""`shifan roster --html FILE`: the page is produced, self-contained and escaped,
and holds what a county officer looks for.

usage: check_roster_html.py SHIFAN_CLI SOURCE_DIR WORK_DIR

Runs the CLI on examples/histories (plus the county filings) on 2025-04-15 under
summary_owed=held_any_day, so that CZ-P-0019's 2023 summary is overdue, and on a history whose name
and county hold markup, then parses the pages with html.parser and checks: every platform id is in
the table and on the timeline (labelled with its name), the renewed platform CZ-P-0007 with both its
terms; overdue filings are rows of class "overdue" with a marker, a county's report with the county in
the county column and the platforms it covers in the platform column; the readings in words; the
language toggle, the sorting and filtering script and a Content-Security-Policy are there; nothing
is loaded from elsewhere; every element the script switches to English has text only; input text is
escaped; the output is deterministic.
"""
import html.parser
import re
import json
import os
import subprocess
import sys

cli, src, work = sys.argv[1:4]
os.makedirs(work, exist_ok=True)
histories = os.path.join(src, "examples", "histories")
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []   # (tag, attrs dict, depth)
        self.stack = []
        self.text_of = {}    # index of a data-en element -> its text
        self.children_of_translated = []
        self.scripts = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.stack and "data-en" in self.elements[self.stack[-1]][1]:
            self.children_of_translated.append((self.elements[self.stack[-1]][1].get("data-en"), tag))
        self.elements.append((tag, a))
        if tag in ("meta", "br", "img", "input", "link", "hr"):  # void elements
            return
        self.stack.append(len(self.elements) - 1)
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        while self.stack:
            i = self.stack.pop()
            if self.elements[i][0] == tag:
                break
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        elif self.stack:
            i = self.stack[-1]
            if "data-en" in self.elements[i][1]:
                self.text_of[i] = self.text_of.get(i, "") + data

    def find(self, tag=None, **attrs):
        out = []
        for t, a in self.elements:
            if tag and t != tag:
                continue
            if all((a.get(k.replace("_", "-")) or "").split().__contains__(v) if k == "class" else a.get(k.replace("_", "-")) == v
                   for k, v in attrs.items()):
                out.append(a)
        return out


def roster_html(out, *args):
    subprocess.run([cli, "roster", "--on", "2025-04-15", "--html", out, *args], check=True, stdout=subprocess.DEVNULL)
    with open(out, encoding="utf-8") as f:
        return f.read()


# --- the example histories -------------------------------------------------------------------------
out = os.path.join(work, "roster.html")
text = roster_html(out, "--interpretation", "summary_owed=held_any_day", histories)
page = Page()
page.feed(text)
check(text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>"), "a whole HTML document")
check(page.find("html") and page.find("html")[0].get("lang") == "zh-CN", "Chinese by default (<html lang=zh-CN>)")
ids = ["CZ-P-0042", "CZ-P-0007", "CZ-P-0031", "CZ-P-0019"]
names = {"CZ-P-0042": "长治市上党区科创技术服务平台", "CZ-P-0007": "长治市潞州区中小企业综合服务平台",
         "CZ-P-0031": "长治市屯留区企业服务云平台", "CZ-P-0019": "襄垣县中小企业培训服务平台"}
platform_table = text[text.index('id="t-platforms"'):text.index("</table>", text.index('id="t-platforms"'))]
timeline_rows = dict(re.findall(r'<g class="row [^"]*" data-platform="([^"]*)">(.*?)</g>', text))
for pid in ids:
    check(f'<tr data-platform="{pid}">' in platform_table or f'<tr class="overdue" data-platform="{pid}">' in platform_table,
          f"{pid} has a row in the platform table")
    row = timeline_rows.get(pid, "")
    check(f'<text class="label" x="292.0" y="' in row and f">{names[pid]}</text>" in row and f">{pid}</text>" in row,
          f"{pid} has a row on the SVG timeline, labelled with its name and id")
check(len(page.find("rect", **{"class": "term"})) == 5, "five term bars on the timeline (CZ-P-0007's two terms)")
renewal = timeline_rows.get("CZ-P-0007", "")
check(renewal.count('<rect class="term ended"') == 1 and renewal.count('<rect class="term"') == 1,
      "the renewed platform CZ-P-0007 draws its first term (ended) and its renewal")
check("replaced by the renewal from 2024-06-28" in renewal, "the first term's tooltip says the renewal replaced it")
check(len(page.find("line", **{"class": "today"})) == 1, "the query date is marked on the timeline")
overdue_rows = page.find("tr", **{"class": "overdue"})
check(len(overdue_rows) >= 2, f"overdue filings are rows of class 'overdue' ({len(overdue_rows)})")
check(len(page.find("span", **{"class": "mark-overdue"})) >= 1, "overdue filings carry a marker (✗ 逾期未报)")
check(any(a.get("data-platform") == "CZ-P-0019" for a in overdue_rows),
      "CZ-P-0019 (2023 summary not filed, held_any_day) is highlighted as overdue")
check("2023 年度工作总结（第十三条）" in text, "the overdue art13 summary is named")
check("年度县区汇总及检查报告（第十五条）" in text, "overdue art15 county reports are named")
overdue_table = text[text.index('id="t-overdue"'):text.index("</table>", text.index('id="t-overdue"'))]
heads = re.findall(r'<th data-en="([^"]*)">([^<]*)</th>', overdue_table)
check(heads == [("", ""), ("Platform", "平台"), ("Name", "名称"), ("County", "县区"), ("Filing", "报送事项"), ("Due", "截止日"),
                ("Days overdue", "逾期天数")], f"the overdue table's columns ({heads})")
county_rows = re.findall(r'<tr class="overdue county" data-county="([^"]*)">(.*?)</tr>', overdue_table)
check(len(county_rows) == 10, f"ten overdue county reports ({len(county_rows)})")
for county, row in county_rows:
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
    pids = cells[1].split("<br>")
    check(all(p in names for p in pids) and cells[2].split("<br>") == [names[p] for p in pids] and cells[3] == county,
          f"{county}: platform column {pids}, their names, the county in its own column")
check('data-en="county">县区<' not in text, "no '县区' placeholder in the platform column")
readings = re.search(r'<p class="readings">(.*?)</p>', text).group(1)
check("summary_owed" not in re.sub(r"<[^>]*>", "", readings) and "该年任一日称号有效的平台须报送" in readings
      and "截止日逢休息日不顺延（默认）" in readings, "the readings are said in words, not as settings")
check('title="summary_owed=held_any_day"' in readings, "the setting itself is in the tooltip")
for table in ("t-overdue", "t-platforms", "t-county"):
    check(f'<table class="sortable" id="{table}">' in text and f'class="filter" data-for="{table}"' in text,
          f"#{table} is sortable and has a filter box")
check(len(page.find("path", **{"class": "overdue"})) >= 1, "an overdue deadline is red on the timeline")
for section in ("overdue", "timeline", "platforms", "expiring", "county-reports", "by-function", "by-county"):
    check(bool(page.find("section", id=section)), f"section #{section}")
toggle = page.find("button", id="lang-toggle")
check(len(toggle) == 1 and toggle[0].get("data-en") == "中文", "the language toggle button")
check(len(page.scripts) == 1 and "lang-toggle" in page.scripts[0] and "'#en'" in page.scripts[0],
      "an inline script switches the language (button and #en)")
check("function sortBy(th)" in page.scripts[0] and "function filter(input)" in page.scripts[0],
      "the same script sorts and filters the tables")
check(any("Content-Security-Policy" == a.get("http-equiv") and "default-src 'none'" in a.get("content", "") for a in page.find("meta")),
      "a Content-Security-Policy forbids every fetch")
external = [a for _, a in page.elements if a.get("src") or a.get("href")]
check(not external, f"nothing is loaded from elsewhere (src/href: {external[:3]})")
check("@import" not in text and "url(" not in text, "no @import or url() in the CSS")
check(not page.children_of_translated, f"every element the script translates holds text only ({page.children_of_translated[:3]})")
translated = [a for _, a in page.elements if "data-en" in a]
check(len(translated) > 80, f"labels carry their English ({len(translated)} elements with data-en)")
check(any(a.get("data-en") == "Designated platforms by function (art7)" for a in translated), "English label: by function")
check(any(a.get("data-en") == "Overdue filings (art13, art15)" for a in translated), "English label: overdue filings")
check("<div class=\"card\" id=\"count-designated\"><div class=\"big\">3</div>" in text, "3 designated platforms counted")
check("上党区" in text and "屯留区" in text and "潞州区" in text, "counts by county name the counties")
check(roster_html(os.path.join(work, "again.html"), "--interpretation", "summary_owed=held_any_day", histories) == text,
      "the same input gives the same bytes")

# --- input text is escaped ---------------------------------------------------------------------------
with open(os.path.join(histories, "designated-current.json"), encoding="utf-8") as f:
    doc = json.load(f)
doc["platform"]["id"] = "CZ-P-<b>&\"'"
doc["platform"]["name"] = "</td><script>alert(1)</script>"
doc["platform"]["county"] = "<img src=x onerror=alert(2)>"
evil = os.path.join(work, "evil-history.json")
with open(evil, "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False)
text = roster_html(os.path.join(work, "evil.html"), evil)
page = Page()
page.feed(text)
check("<script>alert" not in text and "&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in text, "a name with markup is escaped")
check("<img" not in text and "&lt;img src=x onerror=alert(2)&gt;" in text, "a county with markup is escaped")
check("CZ-P-&lt;b&gt;&amp;&quot;&#39;" in text, "an id with & < > \" ' is escaped")
check(any(a.get("data-platform") == "CZ-P-<b>&\"'" for a in page.find("tr")), "the escaped id reads back as the id")
check(len(page.scripts) == 1, "still exactly one script")

print(f"{len(failures)} failure(s)" if failures else "roster --html: all checks passed")
sys.exit(1 if failures else 0)
