#!/usr/bin/env python3
"""Spreadsheets out (`--xlsx FILE`, `--csv-out FILE` of evaluate, roster and compare): every
workbook is read back here (zipfile + the sheet XML, the shared strings and the styles; no
spreadsheet library) and checked cell by cell against the CLI's JSON output for the same inputs:
values, their types (numbers as numbers, money "#,##0.00", percentages "0.00%", dates as dates),
the frozen header row, column widths and the autofilter. The CSV is checked the same way. Also:
--lang en, --batch with a bad line, a CSV application sheet (`evaluate --csv`) with a bad cell,
several files with an unreadable one, exit 74 for a path that cannot be written, exit 64 for
`--xlsx -`.

usage: check_xlsx.py SHIFAN SOURCE_DIR
"""
import csv
import datetime
import io
import json
import os
import re
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from decimal import Decimal

from cli_harness import check, finish, run, source

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


# ---------------------------------------------------------------------------------------------
# Reading a workbook back

BUILTIN_FORMATS = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 14: "m/d/yyyy"}


def column_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


class Sheet:
    def __init__(self, name, rows, pane, autofilter, widths):
        self.name, self.rows, self.pane, self.autofilter, self.widths = name, rows, pane, autofilter, widths

    def header(self):
        return [c[0] for c in self.rows[0]] if self.rows else []

    def records(self):
        """The rows after the header, each a list of (value, format) as wide as the header."""
        width = len(self.rows[0])
        return [r + [(None, None)] * (width - len(r)) for r in self.rows[1:]]


def read_workbook(path):
    z = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    styles = ET.fromstring(z.read("xl/styles.xml"))
    formats = dict(BUILTIN_FORMATS)
    for f in styles.findall("m:numFmts/m:numFmt", NS):
        formats[int(f.get("numFmtId"))] = f.get("formatCode")
    xf_format = [formats.get(int(xf.get("numFmtId", "0")), "?") for xf in styles.findall("m:cellXfs/m:xf", NS)]
    rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
    sheets = []
    for s in ET.fromstring(z.read("xl/workbook.xml")).findall("m:sheets/m:sheet", NS):
        xml = ET.fromstring(z.read("xl/" + rels[s.get(REL)]))
        rows = []
        for row in xml.findall("m:sheetData/m:row", NS):
            r = int(row.get("r")) - 1
            while len(rows) <= r:
                rows.append([])
            for c in row.findall("m:c", NS):
                col = column_index(c.get("r"))
                v = c.find("m:v", NS)
                fmt = xf_format[int(c.get("s", "0"))]
                if c.get("t") == "s":
                    value = shared[int(v.text)]
                elif c.get("t") == "inlineStr":
                    value = "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
                elif v is None:
                    value = None
                else:
                    value = Decimal(v.text)
                cells = rows[r]
                while len(cells) <= col:
                    cells.append((None, None))
                cells[col] = (value, fmt)
        width = max((len(r) for r in rows), default=0)
        rows = [r + [(None, None)] * (width - len(r)) for r in rows]
        pane = xml.find("m:sheetViews/m:sheetView/m:pane", NS)
        af = xml.find("m:autoFilter", NS)
        widths = [Decimal(c.get("width")) for c in xml.findall("m:cols/m:col", NS)]
        sheets.append(Sheet(s.get("name"), rows, pane.attrib if pane is not None else None,
                            af.get("ref") if af is not None else None, widths))
    return sheets


EXCEL_EPOCH = datetime.date(1899, 12, 30)


def excel_date(text):
    return Decimal((datetime.date.fromisoformat(text) - EXCEL_EPOCH).days)


def same_quantity(cell, value, unit_kind):
    """A check's figure in the JSON (int, decimal string, date string, null) against a cell."""
    got, fmt = cell
    if value is None:
        return got is None
    if isinstance(value, int):
        return got == Decimal(value) and fmt == "0"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return got == excel_date(value) and fmt == "yyyy-mm-dd"
    if unit_kind == "percent":
        return got is not None and abs(got - Decimal(value) / 100) < Decimal("1e-9") and fmt == "0.00%"
    return got is not None and abs(got - Decimal(value)) < Decimal("1e-9") and fmt == "#,##0.00"


def check_layout(sheet, what):
    check(sheet.pane is not None and sheet.pane.get("ySplit") == "1" and sheet.pane.get("state") == "frozen",
          f"{what}: the header row is frozen")
    last = len(sheet.rows)
    check(sheet.autofilter is not None and sheet.autofilter.startswith("A1:") and sheet.autofilter.endswith(str(last)),
          f"{what}: an autofilter over the header and {last - 1} rows ({sheet.autofilter})")
    check(len(sheet.widths) == len(sheet.header()) and all(w > 5 for w in sheet.widths),
          f"{what}: every column has its width")
    check(all(fmt is not None for _, fmt in sheet.rows[0]) and all(v for v, _ in sheet.rows[0]),
          f"{what}: every column has a header")


# ---------------------------------------------------------------------------------------------

code, out, err = run("rules", "--json")
registry = json.loads(out)
leaves = {r["id"]: r for r in registry["rules"] if r["kind"] == "rule"}
OUTCOME_ZH = {"pass": "通过", "fail": "未通过", "undetermined": "无法判定", "not_applicable": "不适用"}
OUTCOME_EN = {"pass": "pass", "fail": "fail", "undetermined": "undetermined", "not_applicable": "not applicable"}
VERDICT_ZH = {"eligible": "符合条件", "ineligible": "不符合条件", "undetermined": "无法判定", "error": "输入错误"}
VERDICT_EN = {"eligible": "eligible", "ineligible": "ineligible", "undetermined": "undetermined", "error": "error"}
FUNCTION_ZH = {"information": "信息服务", "technology": "技术服务", "entrepreneurship": "创业服务", "training": "培训服务",
               "financing": "融资服务"}


def open_check(c):
    return c["reason"] != "not_claimed" and c["outcome"] in ("fail", "undetermined")


def check_results_sheet(sheet, evaluations, lang, what):
    """The main sheet of `shifan evaluate --xlsx` against the evaluations of `--json`."""
    zh = lang == "zh"
    header = sheet.header()
    records = sheet.records()
    check(sheet.name == ("评审结果" if zh else "Results"), f"{what}: the first sheet is the results ({sheet.name})")
    check(len(records) == len(evaluations), f"{what}: one row per application ({len(records)})")
    check(header[:6] == (["申请编号", "申请单位", "县区", "评审年度", "基准日", "结论"] if zh else
                         ["application id", "applicant", "county", "review year", "reference date", "verdict"]),
          f"{what}: the first columns")
    # The rules failing or undetermined somewhere have their columns, in registry order.
    expected_rules = [r["id"] for r in registry["rules"] if r["kind"] == "rule" and
                      any(open_check(c) for e in evaluations for c in e["checks"] if c["id"] == r["id"])]
    outcome_heads = [h for h in header if h.endswith("：结果" if zh else ": outcome")]
    check(len(outcome_heads) == len(expected_rules),
          f"{what}: a column group for each of the {len(expected_rules)} rules failing or undetermined somewhere")
    lang_key = "zh" if zh else "en"
    compared = 0
    for rec, e in zip(records, evaluations):
        value = lambda i: rec[i][0]
        ok = value(0) == e["application_id"]
        ok &= value(3) == Decimal(e["review_year"]) and rec[3][1] == "0"
        ok &= value(4) == excel_date(e["reference_date"]) and rec[4][1] == "yyyy-mm-dd"
        ok &= value(5) == (VERDICT_ZH if zh else VERDICT_EN)[e["verdict"]]
        functions = "、".join(FUNCTION_ZH[f] for f in e["qualified_functions"]) if zh else None
        ok &= (not zh) or value(6) == (functions or None)
        leaf_checks = [c for c in e["checks"] if c["id"] in leaves]
        ok &= value(7) == sum(1 for c in leaf_checks if open_check(c) and c["outcome"] == "fail")
        ok &= value(8) == sum(1 for c in leaf_checks if open_check(c) and c["outcome"] == "undetermined")
        missing = value(9) or ""
        ok &= all(p in missing for p in e["missing"]) and (bool(e["missing"]) == bool(missing))
        ok &= value(11) == e["summary"][lang_key]
        check(ok, f"{what}: {e['application_id']}: id, year, date, verdict, functions, counts, missing inputs, summary")
        at = header.index(outcome_heads[0]) if outcome_heads else len(header)
        for rule_id in expected_rules:
            r = leaves[rule_id]
            c = next(c for c in e["checks"] if c["id"] == rule_id)
            word = ("未申报" if zh else "not claimed") if c["reason"] == "not_claimed" else \
                (OUTCOME_ZH if zh else OUTCOME_EN)[c["outcome"]]
            title = r["title"][lang_key]
            cite = r["citation"][lang_key]
            good = header[at] == (f"{title}（{cite}）：结果" if zh else f"{title} ({cite}): outcome")
            good &= value(at) == word
            at += 1
            if r["measure"] != "none":
                kind = "percent" if r["measure"] == "ratio" else None
                figures = [value(at), value(at + 1), value(at + 2)]
                if open_check(c):
                    good &= same_quantity(rec[at], c["actual"], kind)
                    good &= same_quantity(rec[at + 1], c["required"], kind)
                    shortfall_kind = "percent" if (kind and isinstance(c["shortfall"], str)) else None
                    good &= same_quantity(rec[at + 2], c["shortfall"], shortfall_kind)
                    compared += 1
                else:
                    good &= figures == [None, None, None]
                at += 3
                second = next((k for k in ("activities",) if k in c), None)
                if rule_id == "art7.5.intermediary_route":
                    if second and open_check(c):
                        good &= all(same_quantity(rec[at + i], c[second][k], None)
                                    for i, k in enumerate(("actual", "required", "shortfall")))
                    at += 3
            check(good, f"{what}: {e['application_id']} {rule_id}: header, outcome and figures")
    return compared


with tempfile.TemporaryDirectory() as tmp:
    apps = os.path.join(source, "examples", "applications")
    xlsx = os.path.join(tmp, "results.xlsx")
    csv_path = os.path.join(tmp, "results.csv")

    # 1. Files of a directory: the workbook, cell by cell, against --json.
    code, out, err = run("evaluate", apps, "--json")
    evaluations = json.loads(out)
    code, out, err = run("evaluate", apps, "--xlsx", xlsx, "--csv-out", csv_path, "--output", "verdict")
    check(code == 0 and os.path.getsize(xlsx) > 0, f"evaluate --xlsx --csv-out: exit 0 ({code}) {err}")
    check(len(out.splitlines()) == len(evaluations), "evaluate --xlsx: the usual output is still printed")
    sheets = read_workbook(xlsx)
    check([s.name for s in sheets] == ["评审结果", "规则包与解读"], f"two sheets: {[s.name for s in sheets]}")
    compared = check_results_sheet(sheets[0], evaluations, "zh", "evaluate --xlsx")
    check(compared >= 8, f"figures of {compared} failing or undetermined checks compared")
    check_layout(sheets[0], "results sheet")
    check_layout(sheets[1], "rule pack sheet")
    # Money, percentages and dates are typed somewhere in the results.
    formats = {fmt for rec in sheets[0].records() for _, fmt in rec}
    check({"#,##0.00", "0.00%", "yyyy-mm-dd", "0"} <= formats, f"money, percentages, dates and counts typed ({formats})")

    # The rule pack sheet: every parameter with its citation and value, and the readings used.
    pack = sheets[1].records()
    by_name = {rec[1][0]: rec for rec in pack if rec[0][0] == "参数"}
    for p in registry["parameters"]:
        rec = by_name.get(p["name"])
        good = rec is not None and rec[2][0] == p["citation"]["zh"] and rec[3][0] == p["meaning"]["zh"]
        if good and p["kind"] == "money":
            good = rec[5][0] == Decimal(p["value"]) and rec[5][1] == "#,##0.00"
        elif good and p["kind"] == "percent":
            good = rec[5][0] == Decimal(p["value"]) / 100 and rec[5][1] == "0.00%"
        elif good and p["kind"] in ("count", "years"):
            good = rec[5][0] == Decimal(p["value"]) and rec[5][1] == "0"
        check(good, f"rule pack sheet: {p['name']} with its citation, meaning and value")
    readings = {rec[1][0]: rec[5][0] for rec in pack if rec[0][0] == "解读"}
    check(readings == {"growth": evaluations[0]["interpretations"]["growth"],
                       "operating_period": evaluations[0]["interpretations"]["operating_period"]},
          f"rule pack sheet: the readings used ({readings})")
    check(pack[0][1][0] == registry["rule_pack"]["id"] and pack[0][5][0] == registry["rule_pack"]["version"],
          "rule pack sheet: the pack's id and version")

    # The CSV: the same table, UTF-8 with BOM, RFC 4180.
    raw = open(csv_path, "rb").read()
    check(raw.startswith(b"\xef\xbb\xbf"), "CSV: UTF-8 with a byte order mark")
    check(b"\r\n" in raw and raw.count(b"\r\n") >= len(evaluations) + 1, "CSV: CRLF line ends")
    table = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
    check(table[0] == sheets[0].header(), "CSV: the workbook's header row")
    check(len(table) == len(evaluations) + 1, "CSV: one row per application")
    good = True
    for row, rec in zip(table[1:], sheets[0].records()):
        for text, (value, fmt) in zip(row, rec):
            if value is None:
                good &= text == ""
            elif fmt == "yyyy-mm-dd":
                good &= excel_date(text) == value
            elif fmt == "0.00%":
                good &= text.endswith("%") and abs(Decimal(text[:-1]) / 100 - value) < Decimal("1e-12")
            elif fmt in ("#,##0.00",):
                good &= abs(Decimal(text) - value) < Decimal("1e-9") and re.fullmatch(r"-?\d+\.\d\d", text) is not None
            elif fmt == "0":
                good &= Decimal(text) == value
            else:
                good &= text == value
    check(good, "CSV: every cell as in the workbook (money with two decimals, percentages with %, ISO dates)")

    # 2. --lang en.
    code, out, err = run("evaluate", apps, "--json", "--lang", "en")
    evaluations_en = json.loads(out)
    code, out, err = run("evaluate", apps, "--xlsx", xlsx, "--lang", "en", "--output", "verdict")
    sheets = read_workbook(xlsx)
    check([s.name for s in sheets] == ["Results", "Rule pack and readings"], f"--lang en: English sheets")
    check_results_sheet(sheets[0], evaluations_en, "en", "evaluate --xlsx --lang en")

    # 3. --batch with a bad line: every line a row, the bad one says so.
    lines = [json.dumps(json.load(open(os.path.join(apps, f), encoding="utf-8")), ensure_ascii=False)
             for f in sorted(os.listdir(apps)) if f.endswith(".json")]
    lines.insert(2, '{"schema": "shifan.application/1", "reference_date": "2025-02-30"}')
    ndjson = os.path.join(tmp, "apps.ndjson")
    with open(ndjson, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    code, out, err = run("evaluate", "--batch", ndjson, "--xlsx", xlsx, "--jobs", "2")
    check(code == 2, f"--batch with a bad line: exit 2 ({code})")
    results = [json.loads(l) for l in out.splitlines()]
    records = read_workbook(xlsx)[0].records()
    check(len(records) == len(lines), f"--batch --xlsx: one row per line ({len(records)})")
    good = len(records) == len(results)
    for i, (rec, res) in enumerate(zip(records, results)):
        if "error" in res:
            good &= rec[5][0] == "输入错误" and rec[12][0] == f"第 {i + 1} 行" and "2025-02-30" in (rec[11][0] or "")
        else:
            good &= rec[0][0] == res["application_id"] and rec[5][0] == VERDICT_ZH[res["verdict"]]
    check(good, "--batch --xlsx: rows in line order, the bad line's row names its line and error")

    # 3b. A CSV application sheet (`evaluate --csv`) with a bad cell: every row of the sheet a row of
    # the workbook, in sheet order; the bad one names its cell.
    sheet_rows = list(csv.reader(io.StringIO(open(os.path.join(apps, "applications.csv"), encoding="utf-8-sig").read(),
                                             newline="")))
    date_col = sheet_rows[1].index("/reference_date")
    bad = list(sheet_rows[2])
    bad[date_col] = "2025-02-30"
    sheet_rows.insert(4, bad)
    sheet_csv = os.path.join(tmp, "sheet.csv")
    with open(sheet_csv, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(sheet_rows)
    code, out, err = run("evaluate", "--csv", sheet_csv, "--json")
    results = [json.loads(l) for l in out.splitlines()]
    code, out, err = run("evaluate", "--csv", sheet_csv, "--xlsx", xlsx, "--output", "verdict")
    check(code == 2, f"--csv with a bad cell: exit 2 ({code})")
    records = read_workbook(xlsx)[0].records()
    check(len(records) == len(sheet_rows) - 2, f"--csv --xlsx: one row per row of the sheet ({len(records)})")
    good = len(records) == len(results)
    cell = f"{chr(ord('A') + date_col)}5"
    for i, (rec, res) in enumerate(zip(records, results)):
        good &= rec[12][0] == f"表格第 {i + 3} 行"
        if "errors" in res:
            good &= rec[5][0] == "输入错误" and cell in (rec[11][0] or "") and res["row"] == 5
        else:
            good &= rec[0][0] == res["application_id"] and rec[5][0] == VERDICT_ZH[res["verdict"]]
    check(good, f"--csv --xlsx: rows in sheet order, the bad row names its cell {cell}")
    code, out, err = run("evaluate", "--csv", sheet_csv, "--csv-out", "-")
    check(out.startswith("\ufeff申请编号,") and len(out.splitlines()) == len(sheet_rows) - 1,
          "--csv with --csv-out -: only the results CSV on standard output")

    # 4. --csv-out - : the CSV alone on standard output.
    code, out, err = run("evaluate", apps, "--csv-out", "-")
    check(code == 0 and out.startswith("\ufeff申请编号,") and len(out.splitlines()) == len(evaluations) + 1,
          "--csv-out -: only the CSV on standard output")

    # 5. Several files, one unreadable: its row says so, the others are there.
    missing_file = os.path.join(tmp, "nope.json")
    code, out, err = run("evaluate", os.path.join(apps, "eligible-several.json"), missing_file, "--xlsx", xlsx)
    records = read_workbook(xlsx)[0].records()
    check(code == 2 and len(records) == 2 and records[1][5][0] == "输入错误" and records[1][12][0] == missing_file,
          "an unreadable file among several: its row says so (exit 2)")

    # A name that a spreadsheet would run as a formula stays text: a string cell in the workbook,
    # a leading apostrophe in the CSV; a comma, a quote and a line break are quoted (RFC 4180).
    doc = json.load(open(os.path.join(apps, "eligible-several.json"), encoding="utf-8"))
    doc["applicant"]["name"] = "=HYPERLINK(\"http://x\",\"a, b\")"
    doc["applicant"]["county"] = "-1"
    doc["id"] = "A,\"1\""
    odd = os.path.join(tmp, "odd.json")
    with open(odd, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)
    code, out, err = run("evaluate", odd, "--xlsx", xlsx, "--csv-out", csv_path, "--output", "verdict")
    rec = read_workbook(xlsx)[0].records()[0]
    xml = zipfile.ZipFile(xlsx).read("xl/worksheets/sheet1.xml").decode("utf-8")
    check(rec[1][0] == doc["applicant"]["name"] and "<f>" not in xml, "a formula-like name is a text cell, no formula")
    raw = open(csv_path, "rb").read().decode("utf-8-sig")
    check(raw.splitlines()[1].startswith('"A,""1""","\'=HYPERLINK(""http://x"",""a, b"")",\'-1,'),
          f"CSV: quoted, quotes doubled, formula-like text after an apostrophe ({raw.splitlines()[1][:60]})")

    # 6. Outputs that cannot be written: exit 74, one message in the house's words; usage errors.
    for option in ("--xlsx", "--csv-out"):
        code, out, err = run("evaluate", apps, option, os.path.join(tmp, "no", "such", "dir", "x"), "--output", "verdict")
        check(code == 74 and "无法写入" in err and "cannot write" in err and "[ERROR]" not in err,
              f"{option} to a missing directory: exit 74 ({code}) {' / '.join(err.splitlines())}")
    code, out, err = run("evaluate", apps, "--xlsx", "-")
    check(code == 64 and "--xlsx" in err, f"--xlsx -: exit 64 ({code})")
    code, out, err = run("evaluate", apps, "--xlsx", tmp)
    check(code == 74, f"--xlsx to a directory: exit 74 ({code})")

    # 7. The roster workbook against `roster --json`.
    histories = os.path.join(source, "examples", "histories")
    code, out, err = run("roster", histories, "--on", "2026-03-15", "--json")
    roster = json.loads(out)
    code, out, err = run("roster", histories, "--on", "2026-03-15", "--xlsx", xlsx, "--csv-out", csv_path)
    check(code == 0, f"roster --xlsx: exit 0 ({code}) {err}")
    sheets = read_workbook(xlsx)
    check([s.name for s in sheets] == ["平台", "有效期", "报送义务", "逾期未报", "规则包与解读"],
          f"roster: sheets {[s.name for s in sheets]}")
    for s in sheets:
        check_layout(s, f"roster sheet {s.name}")
    platforms = sheets[0].records()
    check(len(platforms) == len(roster["platforms"]), "roster: one row per platform")
    good = True
    for rec, p in zip(platforms, roster["platforms"]):
        good &= rec[0][0] == p["id"] and rec[1][0] == p.get("name") and rec[2][0] == p.get("county")
        good &= (rec[6][0] == excel_date(p["valid_until"])) if p.get("valid_until") else rec[6][0] is None
        good &= (rec[10][0] == Decimal(p["days_left"]) and rec[10][1] == "0") if p.get("days_left") is not None \
            else rec[10][0] is None
    check(good, "roster: platforms with their ids, names, counties, terms and days left")
    overdue = sheets[3].records()
    check(len(overdue) == len(roster["overdue"]), f"roster: one row per overdue filing ({len(overdue)})")
    on = datetime.date(2026, 3, 15)
    good = True
    for rec, o in zip(overdue, roster["overdue"]):
        good &= rec[0][0] == o["platform"] and rec[2][0] == o["county"] and rec[4][0] == Decimal(o["year"])
        good &= rec[5][0] == excel_date(o["due"]) and rec[5][1] == "yyyy-mm-dd"
        good &= rec[6][0] == Decimal((on - datetime.date.fromisoformat(o["due"])).days)
    check(good, "roster: overdue filings with their year, due date and days overdue")
    obligations = sheets[2].records()
    county_rows = [rec for rec in obligations if rec[0][0] is None]
    check(len(county_rows) == len(roster["county_reports"]) and
          all(rec[2][0] == c["county"] and rec[4][0] == Decimal(c["year"]) and rec[5][0] == excel_date(c["due"])
              for rec, c in zip(county_rows, roster["county_reports"])),
          "roster: the county reports among the obligations")
    table = list(csv.reader(io.StringIO(open(csv_path, encoding="utf-8-sig").read(), newline="")))
    check(len(table) == len(roster["platforms"]) + 1 and table[0] == sheets[0].header(),
          "roster --csv-out: the platforms table")

    # 8. The comparison workbook against `compare --json`.
    lower = os.path.join(tmp, "lower.json")
    with open(lower, "w", encoding="utf-8") as f:
        json.dump({"schema": "shifan.rulepack/1", "id": "stricter", "version": "1", "base": "changzhi-municipal",
                   "parameters": {"min_staff": 20}}, f)
    code, out, err = run("compare", apps, "--rule-pack", lower, "--json")
    comparison = json.loads(out)
    code, out, err = run("compare", apps, "--rule-pack", lower, "--xlsx", xlsx)
    check(code == 0, f"compare --xlsx: exit 0 ({code}) {err}")
    sheets = read_workbook(xlsx)
    check([s.name for s in sheets] == ["结论改变的申请", "差异", "结论转移", "第七条功能", "各条规则"],
          f"compare: sheets {[s.name for s in sheets]}")
    changed = sheets[0].records()
    check(len(comparison["changed_applications"]) > 0 and
          [(rec[0][0], rec[1][0], rec[5][0], rec[6][0]) for rec in changed] ==
          [(Decimal(a["index"] + 1), a["application_id"], VERDICT_ZH[a["before"]], VERDICT_ZH[a["after"]])
           for a in comparison["changed_applications"]],
          f"compare: the changed applications ({len(changed)})")
    results = ["eligible", "ineligible", "undetermined", "error"]
    good = True
    for rec, before in zip(sheets[2].records(), results):
        good &= [rec[i + 1][0] for i in range(4)] == [Decimal(comparison["transitions"][before][a]) for a in results]
    check(good, "compare: the transition matrix")
    rules = {rec[0][0]: rec for rec in sheets[4].records()}
    good = True
    for r in comparison["rules"]:
        rec = rules[r["id"]]
        good &= [rec[3 + i][0] for i in range(4)] == [Decimal(r["before"][k]) for k in OUTCOME_ZH]
        good &= [rec[7 + i][0] for i in range(4)] == [Decimal(r["after"][k]) for k in OUTCOME_ZH]
        good &= rec[11][0] == Decimal(r["changed"])
    check(good, "compare: every rule's outcomes on both sides")

    code, out, err = run("compare", apps, "--rule-pack", lower, "--csv-out", "-")
    table = list(csv.reader(io.StringIO(out.lstrip("\ufeff"), newline="")))
    check(code == 0 and out.startswith("\ufeff") and table[0] == sheets[0].header() and
          [row[1] for row in table[1:]] == [a["application_id"] for a in comparison["changed_applications"]],
          "compare --csv-out -: the changed applications alone on standard output")

finish("check_xlsx")
