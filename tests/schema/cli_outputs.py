"""The CLI's actual `--json` outputs validate against their schemas.

    SHIFAN=build/ci/bin/shifan python3 -m unittest tests/schema/cli_outputs.py

`shifan evaluate --json` (plain, --compact, --lang en, several files at once, with each example rule
pack) on every example application and every policy case that is not expected to fail must give
valid `shifan.evaluation/1`; `shifan status --json` on every example history must give valid
`shifan.status/1` (when this build has the status command); `shifan rules --json` gives valid
`shifan.registry/1` with every rule pack; `shifan roster --json` on the example histories gives valid
`shifan.roster/1` on dates that exercise every section; every bad line of `shifan evaluate --batch`
gives a valid error object.
"""

import json
import subprocess
import unittest

from schemalib import REPO, errors, load_json
import shifan_cases

SHIFAN = shifan_cases.find_shifan(REPO)
APPLICATIONS = sorted((REPO / "examples" / "applications").glob("*.json"))
RULE_PACKS = sorted((REPO / "examples" / "rule-packs").glob("*.json"))
HISTORIES = [p for p in sorted((REPO / "examples" / "histories").glob("*.json"))
             if load_json(p).get("schema") == "shifan.history/1"]


def run(*args, stdin=None):
    r = subprocess.run([str(SHIFAN), *map(str, args)], input=stdin, capture_output=True)
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8", "replace")


def has_command(name):
    return run(name, "--help")[0] == 0


class EvaluationOutput(unittest.TestCase):
    def assertValid(self, doc, what):
        self.assertEqual(errors("shifan.evaluation/1", doc), [], what)

    def test_examples(self):
        self.assertGreater(len(APPLICATIONS), 0)
        variants = [[], ["--compact"], ["--lang", "en"], ["--lang", "zh"], ["--interpretation", "growth=consecutive"]]
        for app in APPLICATIONS:
            for extra in variants:
                with self.subTest(file=app.name, options=extra):
                    code, out, err = run("evaluate", "--json", *extra, app)
                    self.assertEqual(code, 0, err)
                    self.assertValid(json.loads(out), "%s %s" % (app.name, extra))

    def test_several_files_give_an_array_of_evaluations(self):
        code, out, err = run("evaluate", "--json", *APPLICATIONS)
        self.assertEqual(code, 0, err)
        docs = json.loads(out)
        self.assertIsInstance(docs, list)
        self.assertEqual(len(docs), len(APPLICATIONS))
        for i, doc in enumerate(docs):
            with self.subTest(item=i):
                self.assertValid(doc, APPLICATIONS[i].name)

    def test_with_example_rule_packs(self):
        packs = [p for p in RULE_PACKS if load_json(p).get("schema") == "shifan.rulepack/1"]
        apps = APPLICATIONS + [p for p in RULE_PACKS if load_json(p).get("schema") == "shifan.application/1"]
        for pack in packs:
            for app in apps:
                with self.subTest(pack=pack.name, file=app.name):
                    code, out, err = run("evaluate", "--json", "--rule-pack", pack, app)
                    self.assertEqual(code, 0, err)
                    doc = json.loads(out)
                    self.assertValid(doc, "%s with %s" % (app.name, pack.name))
                    self.assertEqual(doc["rule_pack"]["id"], load_json(pack)["id"])

    def test_policy_cases(self):
        cases = [c for c in shifan_cases.iter_cases(REPO / "tests" / "cases")
                 if c.is_application_case and not c.expects_error]
        if not cases:
            self.skipTest("no policy case under tests/cases yet")
        for case in cases:
            with self.subTest(case=str(case.path.relative_to(REPO))):
                code, doc, err = shifan_cases.evaluate(SHIFAN, case)
                self.assertEqual(code, 0, err)
                self.assertValid(doc, case.name)


class StatusOutput(unittest.TestCase):
    def test_examples(self):
        if not has_command("status"):
            self.skipTest("this build has no 'shifan status'")
        if not HISTORIES:
            self.skipTest("no example history")
        dates = ["2024-01-01", "2025-02-28", "2025-03-01", "2026-11-28", "2030-01-01"]
        for hist in HISTORIES:
            for on in dates:
                for extra in ([], ["--lang", "en"]):
                    with self.subTest(file=hist.name, on=on, options=extra):
                        code, out, err = run("status", "--json", "--on", on, *extra, hist)
                        self.assertEqual(code, 0, err)
                        self.assertEqual(errors("shifan.status/1", json.loads(out)), [], "%s on %s" % (hist.name, on))

    def test_with_calendar(self):
        if not has_command("status"):
            self.skipTest("this build has no 'shifan status'")
        calendars = sorted((REPO / "examples" / "calendars").glob("*.json"))
        for hist in HISTORIES[:2]:
            for cal in calendars:
                with self.subTest(file=hist.name, calendar=cal.name):
                    code, out, err = run("status", "--json", "--on", "2026-03-02", "--calendar", cal, hist)
                    self.assertEqual(code, 0, err)
                    self.assertEqual(errors("shifan.status/1", json.loads(out)), [])


class RegistryOutput(unittest.TestCase):
    def test_registry_with_every_rule_pack(self):
        packs = [None] + [p for p in RULE_PACKS if load_json(p).get("schema") == "shifan.rulepack/1"]
        for pack in packs:
            with self.subTest(pack=pack.name if pack else "built-in"):
                code, out, err = run("rules", "--json", *(["--rule-pack", pack] if pack else []))
                self.assertEqual(code, 0, err)
                doc = json.loads(out)
                self.assertEqual(errors("shifan.registry/1", doc), [])
                self.assertGreater(len(doc["rules"]), 40)


class RosterOutput(unittest.TestCase):
    def test_roster_on_dates_that_fill_every_section(self):
        folder = REPO / "examples" / "histories"
        filled = set()
        for on in ["2020-01-01", "2022-01-10", "2025-04-15", "2026-03-01", "2027-05-01", "2031-01-01"]:
            for extra in ([], ["--lang", "en"], ["--calendar", REPO / "examples" / "calendars" / "cn-2026.json"]):
                with self.subTest(on=on, options=[str(e) for e in extra]):
                    code, out, err = run("roster", "--json", "--on", on, *extra, folder)
                    self.assertEqual(code, 0, err)
                    doc = json.loads(out)
                    self.assertEqual(errors("shifan.roster/1", doc), [], on)
                    filled |= {k for k in ("platforms", "expiring", "overdue", "county_reports") if doc[k]}
        self.assertEqual(filled, {"platforms", "expiring", "overdue", "county_reports"})


class ComparisonOutput(unittest.TestCase):
    def test_compare_with_every_example_rule_pack_and_a_reading(self):
        corpus = run("generate", "--seed", "3", "--count", "400", "--ndjson")[1]
        packs = [p for p in RULE_PACKS if load_json(p).get("schema") == "shifan.rulepack/1"]
        changed = 0
        for options in [["--rule-pack", p] for p in packs] + [["--interpretation", "growth=non_decreasing"],
                                                               ["--lang", "en", "--max-changed", "3"]]:
            with self.subTest(options=[str(o) for o in options]):
                code, out, err = run("compare", "--json", *options, "-", stdin=corpus.encode())
                self.assertEqual(code, 0, err)
                doc = json.loads(out)
                self.assertEqual(errors("shifan.comparison/1", doc), [])
                self.assertEqual(doc["applications"], 400)
                changed += doc["changed"]
        self.assertGreater(changed, 0)  # some option did change verdicts, so the detail was checked


class ErrorObjects(unittest.TestCase):
    def test_bad_batch_lines_give_valid_error_objects(self):
        good = (REPO / "examples" / "applications" / "eligible-technology.json").read_text(encoding="utf-8")
        good = json.dumps(json.loads(good), ensure_ascii=False)
        bad = ['{"schema": "shifan.application/1"', '{"schema": "shifan.application/2"}', "[]",
               good[:-1] + ', "typo": 1}',
               good.replace('"reference_date": "', '"reference_date": "2025-02-30', 1)]
        code, out, err = run("evaluate", "--batch", "-", stdin="\n".join([good] + bad).encode("utf-8") + b"\n")
        lines = [json.loads(line) for line in out.splitlines()]
        self.assertEqual(len(lines), 1 + len(bad), err)
        self.assertEqual(errors("shifan.evaluation/1", lines[0]), [])
        for i, line in enumerate(lines[1:], start=2):
            with self.subTest(line=i):
                self.assertEqual(line.get("line"), i)
                self.assertEqual(errors("error", line), [])
        self.assertEqual(errors("error", {"error": {"code": "no_such_code", "path": ""}}) != [], True)
        self.assertNotEqual(errors("error", {"error": {"code": "syntax", "path": "no-slash"}}), [])

BAD_APPLICATION = REPO / "tests" / "bad-input" / "241-review-year-2030-on-2025.json"
REFUSED_HISTORY = REPO / "tests" / "bad-input" / "history" / "084-recommended-twice.json"


class ErrorOutput(unittest.TestCase):
    """With --json an error is one JSON line on stderr ({"error": {...}}) and nothing on stdout;
    with several files the array holds each result or {"file", "error"}, in input order."""

    def assertErrorLine(self, text):
        lines = text.splitlines()
        self.assertEqual(len(lines), 1, text)
        doc = json.loads(lines[0])
        self.assertEqual(errors("error", doc), [], lines[0])
        return doc

    def test_one_bad_application(self):
        code, out, err = run("evaluate", "--json", BAD_APPLICATION)
        self.assertEqual(code, 2)
        self.assertEqual(out, "")
        doc = self.assertErrorLine(err)
        self.assertEqual(doc["error"]["code"], "inconsistent")
        self.assertEqual(doc["error"]["path"], "/review_year")
        self.assertNotIn("file", doc)

    def test_several_files_keep_the_failed_one_in_place(self):
        files = [APPLICATIONS[0], BAD_APPLICATION, APPLICATIONS[1]]
        code, out, err = run("evaluate", "--json", *files)
        self.assertEqual(code, 2)
        docs = json.loads(out)
        self.assertEqual(len(docs), 3)
        self.assertEqual(errors("shifan.evaluation/1", docs[0]), [])
        self.assertEqual(errors("error", docs[1]), [])
        self.assertEqual(docs[1]["file"], str(BAD_APPLICATION))
        self.assertEqual(docs[1]["error"]["path"], "/review_year")
        self.assertEqual(errors("shifan.evaluation/1", docs[2]), [])
        self.assertEqual(self.assertErrorLine(err), docs[1])

    def test_refused_history(self):
        if not has_command("status"):
            self.skipTest("this build has no 'shifan status'")
        code, out, err = run("status", "--json", "--on", "2025-06-30", REFUSED_HISTORY)
        self.assertEqual(code, 2)
        self.assertEqual(out, "")
        e = self.assertErrorLine(err)["error"]
        self.assertEqual((e["code"], e["event_index"], e["event_type"], e["articles"]),
                         ("history", 2, "recommended", ["art8", "art9"]))

    def test_several_histories(self):
        if not has_command("status"):
            self.skipTest("this build has no 'shifan status'")
        code, out, err = run("status", "--json", "--on", "2025-06-30", REFUSED_HISTORY, HISTORIES[0])
        self.assertEqual(code, 2)
        docs = json.loads(out)
        self.assertEqual([("file" in d) for d in docs], [True, False])
        self.assertEqual(docs[0]["error"]["event_type"], "recommended")
        self.assertEqual(errors("shifan.status/1", docs[1]), [])


if __name__ == "__main__":
    unittest.main()
