#!/usr/bin/env python3
"""`shifan compare` (policy simulation) from the command line: what changes is counted here,
independently, from the generated documents themselves; the CLI must agree. Also: both sides the
same change nothing, threads change nothing, every input form, the HTML page, exit codes.

usage: check_compare.py SHIFAN SOURCE_DIR
"""
import json
import os
import tempfile

from cli_harness import check, finish, run, source


def rule(doc, rule_id):
    return next(r for r in doc["rules"] if r["id"] == rule_id)


with tempfile.TemporaryDirectory() as tmp:
    code, corpus, err = run("generate", "--seed", "9", "--count", "3000", "--ndjson")
    check(code == 0, "generate a corpus of 3000")
    ndjson = os.path.join(tmp, "corpus.ndjson")
    with open(ndjson, "w", encoding="utf-8") as f:
        f.write(corpus)
    lower = os.path.join(tmp, "lower.json")
    with open(lower, "w", encoding="utf-8") as f:
        json.dump({"schema": "shifan.rulepack/1", "id": "lower", "version": "1", "base": "changzhi-municipal",
                   "parameters": {"min_smes_served": 60}}, f)

    # The independent count: SMEs served in the year before the review year, given, in [60, 80).
    expected = 0
    flat = 0  # Y-1 == Y-2: the strict reading fails, non_decreasing passes
    for line in corpus.splitlines():
        d = json.loads(line)
        year = d.get("review_year") or int(d["reference_date"][:4])
        served = (d.get("performance") or {}).get("smes_served") or {}
        y1, y2 = served.get(str(year - 1)), served.get(str(year - 2))
        if y1 is not None and 60 <= y1 < 80:
            expected += 1
        if y1 is not None and y2 is not None and y1 == y2:
            flat += 1
    check(expected > 20 and flat > 0, f"the corpus crosses the threshold ({expected}) and has flat years ({flat})")

    # 1. Both sides the same: nothing changes.
    code, out, err = run("compare", "--json", ndjson)
    doc = json.loads(out) if code == 0 else {}
    check(code == 0 and doc["applications"] == 3000 and doc["changed"] == 0 and doc["differences"] == [],
          "the same pack and readings on both sides: 3000 compared, 0 changed")
    check(code == 0 and all(r["changed"] == 0 and r["before"] == r["after"] for r in doc["rules"]),
          "... and no rule's counts move")
    code, out, err = run("compare", "--json", "--baseline-rule-pack", lower, "--rule-pack", lower, ndjson)
    check(code == 0 and json.loads(out)["changed"] == 0, "the same explicit pack on both sides: 0 changed")

    # 2. A threshold moved: exactly the applications across it change on that rule, and only there.
    code, out, err = run("compare", "--json", "--rule-pack", lower, "--max-changed", "100000", ndjson)
    doc = json.loads(out)
    check(code == 0, "compare --rule-pack lower: exit 0")
    check(rule(doc, "art6.2.smes_served")["changed"] == expected,
          f"art6.2.smes_served changed for exactly the {expected} applications in [60, 80)")
    leaves = [r for r in doc["rules"] if r["kind"] == "rule" and r["id"] != "art6.2.smes_served"]
    check(all(r["changed"] == 0 for r in leaves), "no other rule changed")
    check(doc["differences"] == [{"parameter": "min_smes_served", "citation": "第六条第（二）项",
                                  "before": [{"from": None, "value": 80}], "after": [{"from": None, "value": 60}]}],
          "the difference is stated at the top")
    moved = doc["transitions"]["ineligible"]["eligible"] + doc["transitions"]["ineligible"]["undetermined"]
    check(doc["changed"] == moved and 0 < doc["changed"] <= expected, "changed verdicts are ineligible -> other")
    check(len(doc["changed_applications"]) == doc["changed"] and not doc["truncated"], "every change listed")
    check(all([r["id"] for r in a["rules"] if r["id"].count(".") == 2] == ["art6.2.smes_served"]
              for a in doc["changed_applications"]), "each changed application moved on that rule alone")
    indexes = [a["index"] for a in doc["changed_applications"]]
    check(indexes == sorted(indexes), "changed applications in input order")

    # 3. A reading switched.
    code, out, err = run("compare", "--json", "--interpretation", "growth=non_decreasing", ndjson)
    doc = json.loads(out)
    check(code == 0 and rule(doc, "art6.2.steady_growth")["changed"] == flat,
          f"growth=non_decreasing moves art6.2.steady_growth for exactly the {flat} flat years")
    check(doc["differences"] == [{"interpretation": "growth", "before": "strict", "after": "non_decreasing"}],
          "the reading difference is stated")
    code, out, err = run("compare", "--json", "--baseline-interpretation", "growth=non_decreasing",
                         "--interpretation", "growth=non_decreasing", ndjson)
    check(code == 0 and json.loads(out)["changed"] == 0, "the same reading on both sides: 0 changed")

    # 4. Threads, pieces and input forms give the same result.
    one = run("compare", "--json", "--jobs", "1", "--rule-pack", lower, ndjson)[1]
    two = run("compare", "--json", "--jobs", "2", "--rule-pack", lower, ndjson)[1]
    piped = run("compare", "--json", "--rule-pack", lower, "-", stdin=corpus.encode())[1]
    check(one == two == piped, "--jobs 1, --jobs 2 and standard input give the same bytes")
    apps = os.path.join(source, "examples", "applications")
    code, out, err = run("compare", "--json", apps)
    check(code == 0 and json.loads(out)["applications"] == len([n for n in os.listdir(apps) if n.endswith(".json")]),
          "a directory: one application per *.json file")
    code, out, err = run("compare", "--json", os.path.join(apps, "eligible-several.json"), ndjson)
    check(code == 0 and json.loads(out)["applications"] == 3001, "a .json file is one application, NDJSON one per line")

    # 5. Text report, bounded detail, languages.
    code, out, err = run("compare", "--rule-pack", lower, "--max-changed", "2", ndjson)
    check(code == 0 and "min_smes_served" in out and "结论改变的申请（前 2 份" in out, "text report (zh), detail bound")
    code, out, err = run("compare", "--rule-pack", lower, "--lang", "en", ndjson)
    check(code == 0 and "Verdicts (rows: baseline, columns: alternative)" in out and "ineligible → eligible" in out,
          "text report (en)")

    # 6. The HTML page.
    page = os.path.join(tmp, "compare.html")
    code, out, err = run("compare", "--rule-pack", lower, "--html", page, ndjson)
    html = open(page, encoding="utf-8").read() if os.path.exists(page) else ""
    check(code == 0 and html.startswith("<!DOCTYPE html>") and "政策比较" in out, "--html FILE writes the page too")
    code, out, err = run("compare", "--rule-pack", lower, "--html", "-", ndjson)
    check(code == 0 and out == html, "--html - writes only the page, the same bytes")

    # 7. Exit codes.
    bad = os.path.join(tmp, "bad.ndjson")
    with open(bad, "w", encoding="utf-8") as f:
        f.write(corpus.splitlines()[0] + "\n{\n\n" + corpus.splitlines()[1] + "\n")
    code, out, err = run("compare", "--json", bad)
    doc = json.loads(out) if out else {}
    check(code == 2 and doc.get("applications") == 3 and doc["transitions"]["error"]["error"] == 1,
          "a bad line: counted as an error on both sides, exit 2, the others compared")
    check(run("compare", "--frobnicate", ndjson)[0] == 64, "an unknown option: exit 64")
    check(run("compare", "--max-changed", "x", ndjson)[0] == 64, "--max-changed x: exit 64")
    check(run("compare")[0] == 64, "no input: exit 64")
    code, out, err = run("compare", os.path.join(tmp, "missing.ndjson"))
    check(code == 2 and "missing.ndjson" in err and out == "", "a missing input: exit 2 naming it")
    code, out, err = run("compare", "--rule-pack", os.path.join(tmp, "missing-pack.json"), ndjson)
    check(code == 2 and "missing-pack.json" in err, "a missing rule pack: exit 2 naming it")
    code, out, err = run("compare", "--interpretation", "growth=sideways", ndjson)
    check(code == 64, "an unknown reading: exit 64")

finish("check_compare")
