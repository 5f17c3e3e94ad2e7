"""Validate the example data and test-case applications against the JSON Schemas in docs/schemas/.

Run from the repository root:

    python3 -m unittest tests/schema/validate_examples.py

Every JSON file under examples/ is validated against the schema its "schema" member names; the
"application" member of every JSON file under tests/cases/ (when that folder exists) is validated
against application.schema.json, except in cases that expect an error. A few hand-made documents check
that the schemas reject what docs/specification.md §5.4 calls bad input, so that a schema loosened by
mistake is caught.
"""

import copy
import json
import sys
import unittest
from pathlib import Path

from jsonschema import Draft202012Validator

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tools"))
import shifan_cases  # noqa: E402  (reads cases exactly as `shifan verify` does: base + merge patch)

SCHEMA_DIR = REPO / "docs" / "schemas"
EXAMPLES = REPO / "examples"
CASES = REPO / "tests" / "cases"
RULES = REPO / "rules"

SCHEMA_FILES = {
    "shifan.application/1": "application.schema.json",
    "shifan.rulepack/1": "rulepack.schema.json",
    "shifan.history/1": "history.schema.json",
    "shifan.calendar/1": "calendar.schema.json",
    "shifan.county-filings/1": "county-filings.schema.json",
    "shifan.evaluation/1": "evaluation.schema.json",
    "shifan.status/1": "status.schema.json",
    "shifan.roster/1": "roster.schema.json",
    "shifan.registry/1": "registry.schema.json",
    "shifan.case/1": "case.schema.json",
    "shifan.comparison/1": "comparison.schema.json",
}
# Schemas of objects that carry no "schema" member: the error object of every front end.
OBJECT_SCHEMA_FILES = {
    "error": "error.schema.json",
}

_validators = {}


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def validator(tag):
    if tag not in _validators:
        schema = load_json(SCHEMA_DIR / {**SCHEMA_FILES, **OBJECT_SCHEMA_FILES}[tag])
        _validators[tag] = Draft202012Validator(
            schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return _validators[tag]


def errors(tag, doc):
    return ["%s: %s" % ("/" + "/".join(str(p) for p in e.absolute_path), e.message)
            for e in validator(tag).iter_errors(doc)]


def expects_error(case):
    """True when a test case expects the library to refuse its input (such inputs may be invalid).

    A `shifan.case/1` case says so with `"expect": {"error": {"code": "unknown_key", "path": "/applicant/foo"}}`
    (docs/policy-cases.md); the older spellings are still recognised."""
    if not isinstance(case, dict):
        return False
    if "error" in case or "expect_error" in case:
        return True
    for key in ("expect", "expected"):
        exp = case.get(key)
        if isinstance(exp, dict) and (isinstance(exp.get("error"), dict) or "error" in exp
                                      or exp.get("outcome") == "error"):
            return True
        if exp == "error":
            return True
    return False


class SchemasAreWellFormed(unittest.TestCase):
    def test_every_schema_is_a_valid_draft_2020_12_schema(self):
        self.assertEqual(sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json")),
                         sorted(list(SCHEMA_FILES.values()) + list(OBJECT_SCHEMA_FILES.values())))
        for name in OBJECT_SCHEMA_FILES.values():
            with self.subTest(schema=name):
                schema = load_json(SCHEMA_DIR / name)
                Draft202012Validator.check_schema(schema)
                self.assertEqual(schema["$id"], "urn:shifan:schema:%s:1" % name[:-len(".schema.json")])
        for tag, name in SCHEMA_FILES.items():
            with self.subTest(schema=name):
                schema = load_json(SCHEMA_DIR / name)
                Draft202012Validator.check_schema(schema)
                self.assertEqual(schema["$schema"], "https://json-schema.org/draft/2020-12/schema")
                # A URN: the schemas are not published at any URL, and their $id must not pretend so.
                self.assertEqual(schema["$id"], "urn:shifan:schema:%s:1" % name[:-len(".schema.json")])
                self.assertTrue(schema.get("title"))
                self.assertTrue(schema.get("description"))
                if tag != "error":
                    self.assertEqual(schema["properties"]["schema"], {"const": tag})


class ExamplesAreValid(unittest.TestCase):
    def test_every_example_validates_against_its_schema(self):
        files = sorted(EXAMPLES.rglob("*.json"))
        seen = {}
        for path in files:
            rel = path.relative_to(REPO)
            with self.subTest(file=str(rel)):
                doc = load_json(path)
                tag = doc.get("schema") if isinstance(doc, dict) else None
                self.assertIn(tag, SCHEMA_FILES, "%s: unknown or absent \"schema\"" % rel)
                self.assertEqual(errors(tag, doc), [], str(rel))
                seen[tag] = seen.get(tag, 0) + 1
        self.assertGreaterEqual(seen.get("shifan.application/1", 0), 6, seen)
        self.assertGreaterEqual(seen.get("shifan.history/1", 0), 4, seen)
        self.assertGreaterEqual(seen.get("shifan.calendar/1", 0), 2, seen)
        self.assertGreaterEqual(seen.get("shifan.county-filings/1", 0), 1, seen)

    def test_example_calendars_make_up_days_fall_on_weekends(self):
        from datetime import date
        for path in sorted((EXAMPLES / "calendars").glob("*.json")):
            cal = load_json(path)
            with self.subTest(file=path.name):
                for d in cal.get("working_days", []):
                    self.assertGreaterEqual(date.fromisoformat(d).weekday(), 5, d)
                self.assertFalse(set(cal.get("working_days", [])) & set(cal.get("rest_days", [])))

    def test_rule_packs_under_rules_validate(self):
        packs = sorted(RULES.rglob("*.json")) if RULES.is_dir() else []
        packs = [p for p in packs
                 if isinstance(load_json(p), dict) and load_json(p).get("schema") == "shifan.rulepack/1"]
        if not packs:
            self.skipTest("no rule pack JSON under rules/ yet")
        for path in packs:
            with self.subTest(file=str(path.relative_to(REPO))):
                self.assertEqual(errors("shifan.rulepack/1", load_json(path)), [])


class CaseApplicationsAreValid(unittest.TestCase):
    """The application of every policy case, as `shifan verify` builds it (inline, or a base with its
    RFC 7386 merge patch applied), validates, and so does an inline rule pack, unless the case
    expects the input to be refused. (`application_file` inputs are byte-exact bad input, e.g. a BOM,
    and always expect an error.)"""

    def test_every_case_application_validates(self):
        if not CASES.is_dir():
            self.skipTest("tests/cases does not exist yet")
        checked = 0
        for case in shifan_cases.iter_cases(CASES):
            if "history" in case.doc or expects_error(case.doc) or not case.is_application_case:
                continue
            with self.subTest(file=str(case.path.relative_to(REPO))):
                app = case.application()
                self.assertIsNotNone(app, "the application is not JSON")
                self.assertEqual(errors("shifan.application/1", app), [])
                if isinstance(case.doc.get("rule_pack"), dict):
                    self.assertEqual(errors("shifan.rulepack/1", case.doc["rule_pack"]), [])
            checked += 1
        if checked == 0:
            self.skipTest("no case under tests/cases carries a valid application")

    def test_patched_cases_are_checked(self):
        """base + patch cases are validated after the patch: a patch that breaks the schema is caught."""
        if not CASES.is_dir():
            self.skipTest("tests/cases does not exist yet")
        base_cases = [c for c in shifan_cases.iter_cases(CASES) if "base" in c.doc and "patch" in c.doc]
        if not base_cases:
            self.skipTest("no base + patch case yet")
        case = base_cases[0]
        broken = shifan_cases.Case(case.path, dict(case.doc, patch={"staff": {"serving_smes": -1}}))
        self.assertNotEqual(errors("shifan.application/1", broken.application()), [])

    def test_every_case_file_validates_against_the_case_schema(self):
        files = [p for p in sorted(CASES.rglob("*.json"))
                 if isinstance(load_json(p), dict) and load_json(p).get("schema") == "shifan.case/1"]
        self.assertGreater(len(files), 300)
        kinds = {"status": 0, "evaluation": 0}
        for path in files:
            doc = load_json(path)
            with self.subTest(file=str(path.relative_to(REPO))):
                self.assertEqual(errors("shifan.case/1", doc), [])
            kinds["status" if "history" in doc else "evaluation"] += 1
        self.assertGreater(kinds["status"], 0, kinds)
        self.assertGreater(kinds["evaluation"], 0, kinds)

    def test_case_schema_rejects_what_shifan_verify_refuses(self):
        base = {"schema": "shifan.case/1", "name": "n", "citation": "第六条第（二）项", "rules": ["art6.2"],
                "base": "../base/eligible.json", "patch": {}, "expect": {"verdict": "eligible"}}
        self.assertEqual(errors("shifan.case/1", base), [])
        bad = {
            "misspelt key": dict(base, expcet={}),
            "no citation": {k: v for k, v in base.items() if k != "citation"},
            "two applications": dict(base, application={}),
            "unknown expectation": dict(base, expect={"verdcit": "eligible"}),
            "unknown outcome": dict(base, expect={"checks": {"art6.2": "passed"}}),
            "error with more": dict(base, expect={"verdict": "eligible", "error": {"code": "syntax"}}),
            "unknown error code": dict(base, expect={"error": {"code": "typo"}}),
            "status case without on": {"schema": "shifan.case/1", "name": "n", "citation": "第十三条",
                                       "history": {}, "expect": {"state": "designated"}},
        }
        for what, doc in bad.items():
            with self.subTest(what=what):
                self.assertNotEqual(errors("shifan.case/1", doc), [])

    def test_error_cases_are_recognised(self):
        self.assertTrue(expects_error({"expect": {"error": {"code": "unknown_key", "path": "/applicant/foo"}}}))
        self.assertFalse(expects_error({"expect": {"verdict": "eligible"}}))


BASE_APPLICATION = EXAMPLES / "applications" / "eligible-technology.json"


def set_path(doc, path, value):
    *head, last = path
    for key in head:
        doc = doc[key]
    doc[last] = value


def del_path(doc, path):
    *head, last = path
    for key in head:
        doc = doc[key]
    del doc[last]


class ApplicationSchemaRejectsBadInput(unittest.TestCase):
    def setUp(self):
        self.base = load_json(BASE_APPLICATION)
        self.assertEqual(errors("shifan.application/1", self.base), [])

    def variant(self, path, value):
        doc = copy.deepcopy(self.base)
        set_path(doc, path, value)
        return doc

    def test_minimal_application_is_valid(self):
        self.assertEqual(errors("shifan.application/1",
                                {"schema": "shifan.application/1", "reference_date": "2025-04-15"}), [])

    def test_reference_date_and_schema_are_required(self):
        for key in ("schema", "reference_date"):
            with self.subTest(key=key):
                doc = copy.deepcopy(self.base)
                del_path(doc, [key])
                self.assertNotEqual(errors("shifan.application/1", doc), [])

    def test_rejected(self):
        bad = [
            (["revieW_year"], 2025),                                   # unknown top-level key
            (["applicant", "total_asset_cny"], 1),                      # typo in a nested key
            (["functions", "technology", "activity"], 5),               # typo in a function
            (["functions", "marketing"], {}),                           # unknown function
            (["staff", "serving_smes"], -1),                            # negative count
            (["staff", "serving_smes"], True),                          # boolean is not a count
            (["staff", "serving_smes"], "14"),                          # string is not a count
            (["staff", "serving_smes"], 14.5),                          # fraction is not a count
            (["staff", "serving_smes"], None),                          # null is a wrong type
            (["applicant", "legal_person"], 1),                         # number is not a boolean
            (["applicant", "established_on"], "2019-02-30"),            # impossible date
            (["applicant", "established_on"], "2019-3-1"),              # not YYYY-MM-DD
            (["reference_date"], "2025/04/15"),
            (["applicant", "organization_type"], "university"),         # unknown enum value
            (["applicant", "total_assets_cny"], -0.01),                 # negative money
            (["applicant", "total_assets_cny"], "-1"),
            (["applicant", "total_assets_cny"], "01"),
            (["applicant", "total_assets_cny"], "1,000,000"),
            (["applicant", "total_assets_cny"], "1e6"),
            (["applicant", "total_assets_cny"], 10000000000000.01),     # above 10^13
            (["performance", "smes_served"], {"24": 80}),               # year key not 4 digits
            (["performance", "smes_served"], {"2024": -3}),
            (["performance", "satisfaction"], {"surveyed": 10, "satisfied": 9, "percent": 90}),
            (["performance", "satisfaction"], {"surveyed": 10}),
            (["performance", "satisfaction"], {"percent": 100.5}),
            (["performance", "satisfaction"], {"percent": "100.5"}),
            (["performance", "satisfaction"], {"percent": "-1"}),
            (["management", "service_volume", "paid"], 1),
            (["materials"], ["application_report", "brochure"]),        # unknown material
            (["schema"], "shifan.application/2"),
        ]
        for path, value in bad:
            with self.subTest(path="/" + "/".join(path), value=value):
                self.assertNotEqual(errors("shifan.application/1", self.variant(path, value)), [])

    def test_accepted(self):
        good = [
            (["applicant", "total_assets_cny"], "1.500"),               # two decimals by value
            (["applicant", "total_assets_cny"], "0"),
            (["applicant", "total_assets_cny"], 0),
            (["applicant", "total_assets_cny"], 10000000000000),
            (["applicant", "established_on"], "2020-02-29"),
            (["performance", "satisfaction"], {"percent": 86.5}),
            (["performance", "satisfaction"], {"percent": "100.00"}),
            (["performance", "satisfaction"], {"percent": "0"}),
            (["performance", "satisfaction"], {"surveyed": 0, "satisfied": 0}),
            (["functions"], {}),
            (["materials"], []),
        ]
        for path, value in good:
            with self.subTest(path="/" + "/".join(path), value=value):
                self.assertEqual(errors("shifan.application/1", self.variant(path, value)), [])


DEFAULT_PARAMETERS = {
    "min_operating_years": 2,
    "min_total_assets_cny": 1000000,
    "min_smes_served": 80,
    "min_satisfaction_percent": 80,
    "min_partner_institutions": 2,
    "min_public_interest_percent": 10,
    "min_staff": 10,
    "min_qualified_percent": 80,
    "information.min_offline_smes_served": 80,
    "information.min_activities": 3,
    "technology.min_activities": 3,
    "entrepreneurship.min_activities": 3,
    "training.min_trainee_times": 1000,
    "financing.min_activities": 4,
    "financing.min_financing_cny": 400000000,
    "financing.min_new_guarantees_cny": 1500000000,
    "validity_years": 3,
    "annual_summary_due": {"month": 2, "day": "last"},
    "county_report_due": {"month": 3, "day": "last"},
}


class RulePackSchema(unittest.TestCase):
    def pack(self, **extra):
        doc = {"schema": "shifan.rulepack/1", "id": "changzhi-municipal", "version": "2019.1",
               "parameters": copy.deepcopy(DEFAULT_PARAMETERS)}
        doc.update(extra)
        return doc

    def test_full_pack_is_valid(self):
        self.assertEqual(errors("shifan.rulepack/1", self.pack()), [])

    def test_parameter_names_match_domain_section_4(self):
        schema = load_json(SCHEMA_DIR / "rulepack.schema.json")
        self.assertEqual(set(schema["properties"]["parameters"]["properties"]), set(DEFAULT_PARAMETERS))

    def test_pack_with_base_may_override_a_few(self):
        doc = {"schema": "shifan.rulepack/1", "id": "changzhi-2026", "version": "1", "base": "changzhi-municipal",
               "parameters": {"min_smes_served": 100, "financing.min_activities": 5,
                              "min_total_assets_cny": "1500000.00",
                              "min_satisfaction_percent": [{"from": "2025-01-01", "value": 80},
                                                           {"from": "2026-01-01", "value": "85.50"}],
                              "annual_summary_due": {"month": 3, "day": 15}}}
        self.assertEqual(errors("shifan.rulepack/1", doc), [])

    def test_rejected(self):
        without_one = self.pack()
        del without_one["parameters"]["min_staff"]
        bad = [
            without_one,                                                          # no base: all required
            self.pack(parameters=dict(DEFAULT_PARAMETERS, min_smes_servd=80)),    # unknown parameter
            self.pack(parameters=dict(DEFAULT_PARAMETERS, min_staff=10.5)),
            self.pack(parameters=dict(DEFAULT_PARAMETERS, min_staff=-1)),
            self.pack(parameters=dict(DEFAULT_PARAMETERS, min_satisfaction_percent=101)),
            self.pack(parameters=dict(DEFAULT_PARAMETERS, min_total_assets_cny="-5")),
            self.pack(parameters=dict(DEFAULT_PARAMETERS, min_staff=[])),
            self.pack(parameters=dict(DEFAULT_PARAMETERS, min_staff=[{"from": "2025-02-30", "value": 10}])),
            self.pack(parameters=dict(DEFAULT_PARAMETERS, min_staff=[{"value": 10}])),
            self.pack(parameters=dict(DEFAULT_PARAMETERS, annual_summary_due={"month": 13, "day": 1})),
            self.pack(parameters=dict(DEFAULT_PARAMETERS, annual_summary_due={"month": 2, "day": "first"})),
            self.pack(parameters=dict(DEFAULT_PARAMETERS, annual_summary_due={"month": 2, "day": 0})),
            self.pack(extra_key=1),
        ]
        missing_version = self.pack()
        del missing_version["version"]
        bad.append(missing_version)
        for i, doc in enumerate(bad):
            with self.subTest(i=i):
                self.assertNotEqual(errors("shifan.rulepack/1", doc), [])


class HistorySchema(unittest.TestCase):
    def history(self, *events):
        return {"schema": "shifan.history/1", "platform": {"id": "CZ-P-1", "name": "x", "county": "沁县"},
                "events": list(events)}

    def test_every_event_type_is_accepted(self):
        doc = self.history(
            {"type": "applied", "date": "2024-03-20", "review_year": 2024, "note": "备注"},
            {"type": "not_recommended", "date": "2024-04-01", "reason": "不符合第六条"},
            {"type": "recommended", "date": "2024-04-30", "county": "沁县"},
            {"type": "rejected", "date": "2024-06-01", "reason": "评审未通过"},
            {"type": "designated", "date": "2024-07-01", "document_no": "长中小企服〔2024〕1号"},
            {"type": "violation_confirmed", "date": "2025-05-12", "finding": "虚报"},
            {"type": "annual_summary_filed", "year": 2024, "date": "2025-02-20"})
        self.assertEqual(errors("shifan.history/1", doc), [])

    def test_rejected(self):
        bad = [
            {"type": "applied", "date": "2024-03-20"},
            {"type": "applied", "date": "2024-03-20", "review_year": 2024, "county": "沁县"},
            {"type": "designated", "date": "2024-07-01"},
            {"type": "designated", "date": "2024-07-01", "document_no": "x", "functions": ["marketing"]},
            {"type": "violation_confirmed", "date": "2025-05-12", "conduct_on": "2025-02-30", "finding": "x"},
            {"type": "annual_summary_filed", "date": "2025-02-20"},
            {"type": "withdrawn", "date": "2025-02-20"},
            {"type": "recommended", "date": "2024-04-30", "county": "沁县", "note": 1},
        ]
        for i, event in enumerate(bad):
            with self.subTest(i=i, event=event):
                self.assertNotEqual(errors("shifan.history/1", self.history(event)), [])


class ResultSchemas(unittest.TestCase):
    EVALUATION = {
        "schema": "shifan.evaluation/1", "application_id": None, "review_year": 2025,
        "reference_date": "2025-04-15", "rule_pack": {"id": "changzhi-municipal", "version": "1"},
        "interpretations": {"growth": "strict", "operating_period": "after_last_day"}, "verdict": "ineligible", "qualified_functions": [],
        "checks": [
            {"id": "art6.2.satisfaction", "citation": "第六条第（二）项", "kind": "rule", "outcome": "fail",
             "reason": "below_threshold", "actual": "79.16", "required": "80.00", "shortfall": 1,
             "unit": "percent", "message": {"zh": "用户满意度不足80％", "en": "satisfaction below 80%"}},
            {"id": "art6.2", "citation": "第六条第（二）项", "kind": "group", "outcome": "fail",
             "reason": "child_failed", "message": {}},
            {"id": "art6.5.qualified_share", "citation": "第六条第（五）项", "kind": "rule", "outcome": "fail",
             "reason": "zero_whole", "actual": None, "required": "80.00", "shortfall": None, "message": {}},
            {"id": "art6.2.smes_served", "citation": "第六条第（二）项", "kind": "rule",
             "outcome": "undetermined", "reason": "missing_input",
             "missing": ["/performance/smes_served/2024"], "message": {}}],
        "missing": ["/performance/smes_served/2024"],
        "dossier": {"complete": False, "missing_materials": ["art10.4"]},
    }
    STATUS = {
        "schema": "shifan.status/1", "platform": {"id": "CZ-P-0042", "name": "x", "county": "上党区"},
        "on": "2025-04-15", "state": "designated",
        "term": {"designated_on": "2024-07-01", "valid_until": "2027-07-01",
                 "document_no": "长中小企服〔2024〕12号", "functions": ["technology"]},
        "days_left": 807, "may_apply_again": {"allowed": False, "reason": {"zh": "…", "en": "…"}},
        "application": None,
        "obligations": [{"kind": "annual_summary", "year": 2024, "due": "2025-02-28", "status": "filed",
                         "filed_on": "2025-02-20"}],
        "next_deadline": None,
        "interpretations": {"summary_owed": "held_at_year_end", "deadline_rest_days": "literal"},
    }

    def test_samples_are_valid(self):
        self.assertEqual(errors("shifan.evaluation/1", self.EVALUATION), [])
        self.assertEqual(errors("shifan.status/1", self.STATUS), [])
        undetermined = dict(copy.deepcopy(self.EVALUATION), dossier={"complete": None, "missing_materials": []})
        self.assertEqual(errors("shifan.evaluation/1", undetermined), [])

    def test_rejected(self):
        bad_eval = [
            dict(self.EVALUATION, verdict="maybe"),
            dict(self.EVALUATION, missing=["performance/smes_served"]),
            dict(self.EVALUATION, qualified_functions=["marketing"]),
            dict(self.EVALUATION, dossier={"complete": "yes", "missing_materials": []}),
            dict(self.EVALUATION, dossier={"complete": False, "missing_materials": ["art10.8"]}),
            dict(self.EVALUATION, checks=[{"id": "art6", "citation": "第六条", "kind": "group",
                                           "outcome": "ok", "reason": "", "message": {}}]),
            dict(self.EVALUATION, checks=[{"id": "art6", "citation": "第六条", "kind": "group",
                                           "outcome": "pass", "reason": "", "actual": 1.5, "message": {}}]),
        ]
        for i, doc in enumerate(bad_eval):
            with self.subTest(evaluation=i):
                self.assertNotEqual(errors("shifan.evaluation/1", doc), [])
        bad_status = [
            dict(self.STATUS, state="active"),
            dict(self.STATUS, term={"designated_on": "2024-07-01"}),
            dict(self.STATUS, days_left=-1),
            dict(self.STATUS, obligations=[{"kind": "annual_summary", "year": 2024, "due": "2025-02-28",
                                            "status": "done", "filed_on": None}]),
            dict(self.STATUS, next_deadline="2025-02-30"),
            dict(self.STATUS, may_apply_again={"allowed": "no", "reason": "x"}),
        ]
        for i, doc in enumerate(bad_status):
            with self.subTest(status=i):
                self.assertNotEqual(errors("shifan.status/1", doc), [])


if __name__ == "__main__":
    unittest.main()
