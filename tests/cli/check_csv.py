#!/usr/bin/env python3
"""The CSV application sheet end to end: `shifan template --csv` → the sheet filled in by this test
→ `shifan evaluate --csv` / `shifan convert --csv` → the same results as the equivalent JSON
documents (the shipped examples), in UTF-8 with a byte order mark and in GB18030 without one, with
the template's two header rows, the id row only or the words row only; an Excel-style quoted
multi-line cell, an empty cell (absent, never zero), a bad date and a negative count reported by
cell name while the other rows go on; the template's columns against the registry's inputs.

    check_csv.py SHIFAN SOURCE_DIR [--write-example]

The shipped sheet examples/applications/applications.csv is the examples as rows (the guides
evaluate it); this test checks it is exactly what the examples give, and --write-example rewrites it.
Standard library only. Prints one line per failed check and a summary; exit 1 when a check failed.
"""
from __future__ import annotations

import csv
import io
import json
import pathlib
import subprocess
import sys
import tempfile

SHIFAN = sys.argv[1]
SRC = pathlib.Path(sys.argv[2])
APPS = sorted((SRC / "examples" / "applications").glob("*.json"))
EXAMPLE_SHEET = SRC / "examples" / "applications" / "applications.csv"
WRITE_EXAMPLE = "--write-example" in sys.argv[3:]

failures: list[str] = []
checks = 0


def run(*args: str, stdin: bytes | None = None) -> tuple[int, bytes, str]:
    p = subprocess.run([SHIFAN, *args], input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    return p.returncode, p.stdout, p.stderr.decode("utf-8")


def check(what: str, cond: bool, detail: str = "") -> None:
    global checks
    checks += 1
    if not cond:
        failures.append(f"{what}{': ' + detail[:600] if detail else ''}")


def column_letters(i: int) -> str:
    s, i = "", i + 1
    while i:
        i, d = divmod(i - 1, 26)
        s = chr(65 + d) + s
    return s


def get(d, pointer: str):
    for k in pointer.strip("/").split("/"):
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d


def cell(app: dict, cid: str) -> str:
    """The cell of column `cid` for the application `app`, written as an officer would."""
    year = app.get("review_year") or int(app["reference_date"][:4])
    if "{Y" in cid:
        base, key = cid.rsplit("/", 1)
        cid = f"{base}/{year + int(key[2:-1])}"
    if cid == "/functions":
        return "、".join(app.get("functions") or {})
    if cid == "/materials":
        m = app.get("materials")
        return "" if m is None else ("、".join(m) if m else "无")
    v = get(app, cid)
    if v is None:
        return ""
    if isinstance(v, bool):
        return "是" if v else "否"
    return str(v)


def write_csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def lines(b: bytes) -> list[str]:
    return b.decode("utf-8").splitlines()


with tempfile.TemporaryDirectory() as tmp:
    t = pathlib.Path(tmp)

    # --- the template -------------------------------------------------------------------------
    rc, out, err = run("template", "--csv")
    check("template: exit 0", rc == 0, err)
    check("template: UTF-8 with a byte order mark", out.startswith(b"\xef\xbb\xbf"))
    head = list(csv.reader(io.StringIO(out.decode("utf-8-sig"))))
    check("template: two rows", len(head) == 2, str(head)[:300])
    words, ids = head[0], head[1]
    check("template: words in Chinese", "资产总额（元）" in words, str(words))
    rc, out_en, _ = run("template", "--csv", "--lang", "en", "--year", "2025")
    en = list(csv.reader(io.StringIO(out_en.decode("utf-8-sig"))))
    check("template --lang en --year 2025: English words", "total assets (CNY)" in en[0], str(en[0]))
    check("template --year 2025: the years the rules read",
          [c for c in en[1] if c.startswith("/performance/smes_served")] == [f"/performance/smes_served/{y}" for y in (2024, 2023, 2022)], str(en[1]))
    out_file = t / "template.csv"
    rc, _, err = run("template", "--csv", "-o", str(out_file))
    check("template -o FILE", rc == 0 and out_file.read_bytes() == out, err)
    # Every input of the registry is a column, and every column an input or one of the
    # application's own fields.
    rc, reg, _ = run("rules", "--json")
    inputs = []
    for r in json.loads(reg)["rules"]:
        for i in r.get("inputs", []):
            if i not in inputs:
                inputs.append(i)
    own = ["/id", "/review_year", "/reference_date", "/applicant/name", "/applicant/credit_code", "/applicant/county",
           "/functions", "/materials"]
    expected = own + [i + "/percent" if i == "/performance/satisfaction" else i.replace("{Y-", "{Y-") for i in inputs]
    check("template: the columns are the registry's inputs in its order", ids == expected,
          f"\n{ids}\n{expected}")
    for what, args in [("no format", ["template"]), ("both languages", ["template", "--csv", "--lang", "both"]),
                       ("bad year", ["template", "--csv", "--year", "20x5"])]:
        rc, _, err = run(*args)
        check(f"template, {what}: exit 64", rc == 64, err)

    # --- the examples as rows: the same results as their JSON documents ---------------------------
    apps = [json.loads(p.read_text(encoding="utf-8")) for p in APPS]
    rows = [[cell(a, c) for c in ids] for a in apps]
    sheet_bytes = ("\ufeff" + write_csv([words, ids] + rows)).encode("utf-8")
    if WRITE_EXAMPLE:
        EXAMPLE_SHEET.write_bytes(sheet_bytes)
    check(f"{EXAMPLE_SHEET.name} is the examples as rows (rewrite: check_csv.py SHIFAN SRC --write-example)",
          EXAMPLE_SHEET.exists() and EXAMPLE_SHEET.read_bytes() == sheet_bytes)
    ndjson = t / "apps.ndjson"
    ndjson.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in apps), encoding="utf-8")
    for form in ("full", "verdict", "compact"):
        rc, want, _ = run("evaluate", "--batch", str(ndjson), "--output", form)
        for name, data in [("UTF-8 with BOM, both header rows", ("\ufeff" + write_csv([words, ids] + rows)).encode()),
                           ("UTF-8, ids only", write_csv([ids] + rows).encode()),
                           ("GB18030, Chinese words only", write_csv([words] + rows).encode("gb18030")),
                           ("GB18030, English words only", write_csv([en[0]] + [[cell(a, c) for c in en[1]] for a in apps
                                                                                if (a.get("review_year") or 0) == 2025]).encode("gb18030"))]:
            f = t / "sheet.csv"
            f.write_bytes(data)
            rc, got, err = run("evaluate", "--csv", str(f), "--output", form)
            expect_lines = lines(want)
            if "English" in name:
                expect_lines = [l for a, l in zip(apps, lines(want)) if (a.get("review_year") or 0) == 2025]
                check("the English sheet holds rows", len(expect_lines) >= 3, str(len(expect_lines)))
            check(f"evaluate --csv ({name}, --output {form}): exit 0", rc == 0, err)
            check(f"evaluate --csv ({name}, --output {form}): the results of the JSON documents",
                  lines(got) == expect_lines, f"\n{got.decode()[:400]}\n{want.decode()[:400]}")
    f = t / "sheet.csv"
    f.write_bytes(("\ufeff" + write_csv([words, ids] + rows)).encode())
    rc, conv, err = run("convert", "--csv", str(f))
    check("convert --csv: exit 0", rc == 0, err)
    docs = [json.loads(l) for l in lines(conv)]
    check("convert --csv: one document per row", len(docs) == len(apps), str(len(docs)))
    nd2 = t / "converted.ndjson"
    nd2.write_bytes(conv)
    _, a1, _ = run("evaluate", "--batch", str(ndjson))
    _, a2, _ = run("evaluate", "--batch", str(nd2))
    check("convert --csv: the documents evaluate as the originals", a1 == a2)
    rc, conv_stdin, _ = run("convert", "--csv", "-", stdin=f.read_bytes())
    check("convert --csv -: standard input", rc == 0 and conv_stdin == conv)

    # --- an officer's sheet: a multi-line cell, an empty cell, a bad date, a negative count ------
    col = {c: i for i, c in enumerate(ids)}
    good = [list(r) for r in rows]
    name = "长治市上党区\"众创\"服务中心,\n（第二行）"
    good[0][col["/applicant/name"]] = name                           # Excel quotes it; a line break inside
    good[1][col["/applicant/total_assets_cny"]] = ""                  # absent, never zero
    bad_date = [list(rows[2])]
    bad_date[0][col["/applicant/established_on"]] = "2017-02-29"
    bad_count = [list(rows[3])]
    bad_count[0][col["/resources/partner_institutions"]] = "-2"
    sheet_rows = [words, ids, good[0], good[1]] + bad_date + bad_count + [good[4]]
    f.write_bytes(write_csv(sheet_rows).encode("gb18030"))
    rc, got, err = run("evaluate", "--csv", str(f), "--output", "verdict", "--lang", "en")
    check("officer's sheet: exit 2 (bad rows)", rc == 2, err)
    out_lines = [json.loads(l) for l in lines(got)]
    check("officer's sheet: one line per row", len(out_lines) == 5, got.decode())
    ref = dict(apps[0])
    ref_app = json.loads(json.dumps(apps[0]))
    ref_app["applicant"]["name"] = name
    no_assets = json.loads(json.dumps(apps[1]))
    del no_assets["applicant"]["total_assets_cny"]
    nd3 = t / "officer.ndjson"
    nd3.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in (ref_app, no_assets, apps[4])), encoding="utf-8")
    _, want, _ = run("evaluate", "--batch", str(nd3), "--output", "verdict")
    want_lines = [json.loads(l) for l in lines(want)]
    check("officer's sheet: good rows as their JSON documents",
          [out_lines[0], out_lines[1], out_lines[4]] == want_lines, f"{out_lines}\n{want_lines}")
    rc, conv, _ = run("convert", "--csv", str(f))
    cdocs = [json.loads(l) for l in lines(conv)]
    check("officer's sheet: the multi-line name kept whole", cdocs[0]["applicant"]["name"] == name, str(cdocs[0]["applicant"]))
    check("officer's sheet: the empty cell is absent", "total_assets_cny" not in cdocs[1]["applicant"], str(cdocs[1]["applicant"]))
    date_cell = column_letters(col["/applicant/established_on"]) + "5"
    count_cell = column_letters(col["/resources/partner_institutions"]) + "6"
    check("officer's sheet: the bad date named by its cell",
          out_lines[2].get("row") == 5 and [e["cell"] for e in out_lines[2]["errors"]] == [date_cell]
          and out_lines[2]["errors"][0]["code"] == "invalid_date"
          and out_lines[2]["errors"][0]["path"] == "/applicant/established_on", json.dumps(out_lines[2], ensure_ascii=False))
    check("officer's sheet: the negative count named by its cell",
          out_lines[3].get("row") == 6 and [e["cell"] for e in out_lines[3]["errors"]] == [count_cell]
          and out_lines[3]["errors"][0]["code"] == "out_of_range"
          and out_lines[3]["errors"][0]["header"]["zh"] == "集聚服务机构数量（家）", json.dumps(out_lines[3], ensure_ascii=False))
    check("officer's sheet: bad cells on stderr by cell name, in the language asked for",
          f"row 5: {date_cell} (date operation began (YYYY-MM-DD))" in err and f"row 6: {count_cell}" in err
          and "第 5 行" not in err, err)
    check("officer's sheet: the summary counts the bad rows", "2 errors" in err, err)
    rc, _, err_zh = run("convert", "--csv", str(f), "--lang", "zh")
    check("convert: bad rows exit 2, told in Chinese", rc == 2 and f"第 5 行：{date_cell}（开始运营日期（年-月-日））" in err_zh, err_zh)

    # --- faults of the whole file and of usage -----------------------------------------------
    f.write_bytes(write_csv([ids + ["/applicant/capital"], rows[0] + ["1"]]).encode())
    rc, got, err = run("evaluate", "--csv", str(f))
    check("unknown column: exit 2, named", rc == 2 and "/applicant/capital" in err and got == b"", err)
    rc, _, err = run("evaluate", "--csv", str(f), "--json")
    check("unknown column with --json: the error object", rc == 2 and json.loads(err.splitlines()[-1])["error"]["code"] == "unknown_key", err)
    f.write_bytes(b"\xef\xbb\xbf" + write_csv([ids, rows[0]]).encode())
    rc, _, err = run("evaluate", "--csv", str(f), "--encoding", "gb18030")
    check("--encoding gb18030 on a UTF-8 file with a BOM: exit 2", rc == 2, err)
    rc, _, err = run("evaluate", "--csv", str(t / "missing.csv"))
    check("a missing file: exit 2", rc == 2, err)
    rc, _, err = run("evaluate", "--csv", str(f), "--encoding", "latin1")
    check("--encoding latin1: exit 64", rc == 64, err)
    rc, _, err = run("evaluate", "--csv", str(f), "--batch", str(ndjson))
    check("--csv with --batch: exit 64", rc == 64, err)
    rc, _, err = run("evaluate", str(APPS[0]), "--encoding", "utf-8")
    check("--encoding without --csv: exit 64", rc == 64, err)
    rc, _, err = run("convert")
    check("convert without --csv: exit 64", rc == 64, err)

print(f"check_csv: {checks - len(failures)} passed, {len(failures)} failed")
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
