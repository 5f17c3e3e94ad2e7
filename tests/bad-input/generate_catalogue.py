#!/usr/bin/env python3
"""Writes the bad-input catalogue (tests/bad-input/NNN-name.json + NNN-name.expect.json).

The committed files are the catalogue; this script is how they were made and how new entries are
added (append to ENTRIES; never renumber an entry that exists). Each entry is a malformed document
and the error it must produce: the shifan ErrorCode name and the exact JSON Pointer.

Documents are built from a complete valid application (or rule pack) with one fault each, so that
the fault, not something else, is what the error names. Objects may repeat keys (O([...])) and
numbers may be written exactly as given (Raw("-0")), which Python's json module cannot do.

    python3 tests/bad-input/generate_catalogue.py          # (re)write every entry
    python3 tests/bad-input/generate_catalogue.py --check  # fail if the files differ
"""
from __future__ import annotations

import argparse
import copy
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent


class Raw:
    """A JSON value written verbatim (numbers such as -0, 1e400, 80.0)."""

    def __init__(self, text: str) -> None:
        self.text = text


class O:
    """An object with its members in order, repeats allowed."""

    def __init__(self, pairs: list[tuple[str, object]]) -> None:
        self.pairs = pairs


def dump(v: object) -> str:
    if isinstance(v, Raw):
        return v.text
    if isinstance(v, O):
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + dump(x) for k, x in v.pairs) + "}"
    if isinstance(v, dict):
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + dump(x) for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ",".join(dump(x) for x in v) + "]"
    return json.dumps(v, ensure_ascii=False)


def application() -> dict:
    """A complete, valid application claiming all five functions."""
    return {
        "schema": "shifan.application/1",
        "id": "CZ-BAD-001",
        "review_year": 2025,
        "reference_date": "2025-04-15",
        "applicant": {
            "name": "长治市某科技服务有限公司", "credit_code": "91140400MA0K000000", "county": "潞州区",
            "legal_person": True, "organization_type": "technical_service_institution",
            "established_on": "2019-03-01", "total_assets_cny": 2350000.50, "sound_operation": True,
        },
        "performance": {
            "smes_served": {"2022": 81, "2023": 88, "2024": 102},
            "satisfaction": {"surveyed": 120, "satisfied": 103},
            "reputation": True,
        },
        "resources": {"fixed_premises": True, "facilities": True, "partner_institutions": 3},
        "management": {
            "rules": True, "service_process": True, "fee_standards": True, "quality_assurance": True,
            "small_micro_discount": True, "service_volume": {"total": 640, "free_or_low_fee": 96},
            "development_plan": True, "annual_targets": True,
        },
        "staff": {"serving_smes": 14, "qualified_professionals": 12, "leadership": True},
        "functions": {
            "information": {"query_system": True, "online_offline": True, "offline_smes_served": 90, "activities": 4},
            "technology": {"resource_organization": True, "expert_pool": True, "project_pool": True,
                           "has_large_instruments": True, "instruments_shared": True, "activities": 5},
            "entrepreneurship": {"coaching": True, "project_pool": True, "guide": True, "hotline": True,
                                 "agency_services": True, "activities": 3},
            "training": {"accreditation": True, "online_offline": True, "evaluation": True, "trainee_times": 1200},
            "financing": {"activities": 4, "financing_obtained_cny": "400000000.00", "guarantee_institution": False,
                          "new_guarantees_cny": 0},
        },
        "materials": ["application_report", "business_license", "audit_report_with_service_finance",
                      "premises_proof", "service_evidence", "qualifications", "authenticity_declaration",
                      "recommendation_form"],
    }


def rule_pack() -> dict:
    """A complete rule pack (no base), equal to the built-in one."""
    return {
        "schema": "shifan.rulepack/1", "id": "bad-pack", "version": "1", "description": "catalogue",
        "parameters": {
            "min_operating_years": 2, "min_total_assets_cny": 1000000, "min_smes_served": 80,
            "min_satisfaction_percent": 80, "min_partner_institutions": 2, "min_public_interest_percent": 10,
            "min_staff": 10, "min_qualified_percent": 80, "information.min_offline_smes_served": 80,
            "information.min_activities": 3, "technology.min_activities": 3,
            "entrepreneurship.min_activities": 3, "training.min_trainee_times": 1000,
            "financing.min_activities": 4, "financing.min_financing_cny": 400000000,
            "financing.min_new_guarantees_cny": 1500000000, "validity_years": 3,
            "annual_summary_due": {"month": 2, "day": "last"}, "county_report_due": {"month": 3, "day": "last"},
        },
    }


def pointer_parts(path: str) -> list[str]:
    return [p.replace("~1", "/").replace("~0", "~") for p in path.split("/")[1:]]


def with_value(doc: dict, path: str, value: object) -> dict:
    """A copy of `doc` with the member at `path` set (created if absent) to `value`."""
    doc = copy.deepcopy(doc)
    parts = pointer_parts(path)
    node = doc
    for p in parts[:-1]:
        node = node[int(p)] if isinstance(node, list) else node[p]
    if isinstance(node, list):
        node[int(parts[-1])] = value
    else:
        node[parts[-1]] = value
    return doc


def without(doc: dict, path: str) -> dict:
    doc = copy.deepcopy(doc)
    parts = pointer_parts(path)
    node = doc
    for p in parts[:-1]:
        node = node[p]
    del node[parts[-1]]
    return doc


def with_duplicate(doc: dict, path: str, key: str, value: object) -> dict:
    """A copy of `doc` whose object at `path` has `key` once more (after its members) with `value`."""
    doc = copy.deepcopy(doc)
    parts = pointer_parts(path)
    if not parts:
        return O(list(doc.items()) + [(key, value)])  # type: ignore[return-value]
    node = doc
    for p in parts[:-1]:
        node = node[p]
    node[parts[-1]] = O(list(node[parts[-1]].items()) + [(key, value)])
    return doc


APP = application()
PACK = rule_pack()
ENTRIES: list[tuple[str, str, object, str, str, dict]] = []  # (name, format, document, code, path, limits)


def app(name: str, doc: object, code: str, path: str, limits: dict | None = None) -> None:
    ENTRIES.append((name, "application", doc, code, path, limits or {}))


def pack(name: str, doc: object, code: str, path: str, limits: dict | None = None) -> None:
    ENTRIES.append((name, "rulepack", doc, code, path, limits or {}))


def raw(text: str | bytes) -> bytes:
    return text.encode("utf-8") if isinstance(text, str) else text


def app_text(doc: dict) -> str:
    return dump(doc)


# --- not JSON at all, or not an object ------------------------------------------------------------
BASE = app_text(APP)
app("empty", raw(b""), "syntax", "")
app("whitespace-only", raw(b" \n\t\r\n "), "syntax", "")
app("bom", raw(b"\xef\xbb\xbf" + BASE.encode()), "syntax", "")
app("utf16-le-bom", raw(b"\xff\xfe" + BASE.encode("utf-16-le")), "syntax", "")
app("trailing-garbage", raw(BASE + " x"), "syntax", "")
app("trailing-second-object", raw(BASE + "{}"), "syntax", "")
app("trailing-comma-member", raw(BASE[:-1] + ",}"), "syntax", "")
app("truncated", raw(BASE[: len(BASE) // 2]), "syntax", "/staff")
app("unterminated-object", raw('{"schema": "shifan.application/1"'), "syntax", "")
app("root-array", raw("[" + BASE + "]"), "wrong_type", "")
app("root-number", raw("42"), "wrong_type", "")
app("root-string", raw('"shifan.application/1"'), "wrong_type", "")
app("root-null", raw("null"), "wrong_type", "")
app("root-true", raw("true"), "wrong_type", "")
app("comment", raw("// application\n" + BASE), "syntax", "")
app("single-quotes", raw(BASE.replace('"schema"', "'schema'", 1)), "syntax", "")
app("nan-literal", raw(BASE.replace('"partner_institutions":3', '"partner_institutions":NaN')), "syntax",
    "/resources/partner_institutions")
app("infinity-literal", raw(BASE.replace('"total_assets_cny":2350000.5', '"total_assets_cny":Infinity')),
    "syntax", "/applicant/total_assets_cny")
# "03" and "0x3" read as the number 0 followed by a stray token: the fault is in the object.
app("leading-zero", raw(BASE.replace('"partner_institutions":3', '"partner_institutions":03')), "syntax",
    "/resources")
app("hex-number", raw(BASE.replace('"partner_institutions":3', '"partner_institutions":0x3')), "syntax",
    "/resources")
app("plus-sign", raw(BASE.replace('"partner_institutions":3', '"partner_institutions":+3')), "syntax",
    "/resources/partner_institutions")
app("nul-byte", raw(BASE.replace('"reputation":true', '"reputation":\x00true')), "syntax",
    "/performance/reputation")

# --- encoding ---------------------------------------------------------------------------------
NAME = '"name":"长治市某科技服务有限公司"'
app("utf8-overlong-slash", raw(BASE.encode().replace(NAME.encode(), b'"name":"a\xc0\xafb"')), "syntax",
    "/applicant/name")
app("utf8-lone-continuation", raw(BASE.encode().replace(NAME.encode(), b'"name":"a\x80b"')), "syntax",
    "/applicant/name")
app("utf8-truncated-sequence", raw(BASE.encode().replace(NAME.encode(), b'"name":"\xe9\x95"')), "syntax",
    "/applicant/name")
app("utf8-ff-byte", raw(BASE.encode().replace(NAME.encode(), b'"name":"\xff"')), "syntax", "/applicant/name")
app("utf8-encoded-surrogate", raw(BASE.encode().replace(NAME.encode(), b'"name":"\xed\xa0\x80"')), "syntax",
    "/applicant/name")
app("utf8-above-u10ffff", raw(BASE.encode().replace(NAME.encode(), b'"name":"\xf4\x90\x80\x80"')), "syntax",
    "/applicant/name")
app("utf8-invalid-in-key", raw(BASE.encode().replace(b'"county"', b'"c\xc3ounty"')), "syntax", "/applicant")
app("escape-lone-high-surrogate", raw(BASE.replace(NAME, '"name":"\\ud800"')), "syntax", "/applicant/name")
app("escape-lone-low-surrogate", raw(BASE.replace(NAME, '"name":"\\udc00x"')), "syntax", "/applicant/name")
app("escape-reversed-surrogates", raw(BASE.replace(NAME, '"name":"\\udc00\\ud800"')), "syntax", "/applicant/name")
app("escape-invalid", raw(BASE.replace(NAME, '"name":"a\\qb"')), "syntax", "/applicant/name")
app("control-char-tab-in-string", raw(BASE.replace(NAME, '"name":"a\tb"')), "syntax", "/applicant/name")
app("control-char-newline-in-string", raw(BASE.replace(NAME, '"name":"a\nb"')), "syntax", "/applicant/name")
app("control-char-in-date", raw(BASE.replace('"reference_date":"2025-04-15"', '"reference_date":"2025-04-15\x01"')),
    "syntax", "/reference_date")

# --- schema and required members ----------------------------------------------------------------
app("missing-schema", without(APP, "/schema"), "missing_required", "/schema")
app("wrong-schema-version", with_value(APP, "/schema", "shifan.application/2"), "wrong_schema", "/schema")
app("wrong-schema-rulepack", with_value(APP, "/schema", "shifan.rulepack/1"), "wrong_schema", "/schema")
app("schema-not-string", with_value(APP, "/schema", 1), "wrong_type", "/schema")
app("schema-null", with_value(APP, "/schema", None), "wrong_type", "/schema")
app("missing-reference-date", without(APP, "/reference_date"), "missing_required", "/reference_date")
app("empty-object", raw("{}"), "missing_required", "/schema")

# --- wrong types --------------------------------------------------------------------------------
for n, path, value in [
    ("id-number", "/id", 42),
    ("review-year-string", "/review_year", "2025"),
    ("review-year-float", "/review_year", Raw("2025.0")),
    ("reference-date-null", "/reference_date", None),
    ("reference-date-number", "/reference_date", 20250415),
    ("applicant-array", "/applicant", []),
    ("applicant-null", "/applicant", None),
    ("applicant-name-number", "/applicant/name", 123),
    ("legal-person-string", "/applicant/legal_person", "true"),
    ("legal-person-number", "/applicant/legal_person", 1),
    ("legal-person-null", "/applicant/legal_person", None),
    ("organization-type-number", "/applicant/organization_type", 2),
    ("total-assets-true", "/applicant/total_assets_cny", True),
    ("total-assets-null", "/applicant/total_assets_cny", None),
    ("total-assets-array", "/applicant/total_assets_cny", [2350000]),
    ("smes-served-array", "/performance/smes_served", [88, 102]),
    ("smes-served-year-string", "/performance/smes_served/2024", "102"),
    ("smes-served-year-float", "/performance/smes_served/2024", Raw("102.0")),
    ("satisfaction-number", "/performance/satisfaction", 86.5),
    ("satisfaction-percent-true", "/performance/satisfaction", {"percent": True}),
    ("service-volume-number", "/management/service_volume", 640),
    ("functions-array", "/functions", ["technology"]),
    ("function-true", "/functions/technology", True),
    ("materials-string", "/materials", "application_report"),
    ("materials-number-element", "/materials/0", 1),
    ("materials-null-element", "/materials/3", None),
]:
    fault = path if not n.startswith("satisfaction-percent") else path + "/percent"
    app(n, with_value(APP, path, value), "wrong_type", fault)

# counts: every wrong type and range
COUNT = "/resources/partner_institutions"
for n, value, code in [
    ("count-float", Raw("80.0"), "wrong_type"),
    ("count-exponent", Raw("8e1"), "wrong_type"),
    ("count-fraction", Raw("2.5"), "wrong_type"),
    ("count-true", True, "wrong_type"),
    ("count-null", None, "wrong_type"),
    ("count-string", "80", "wrong_type"),
    ("count-object", {"value": 3}, "wrong_type"),
    ("count-negative", -1, "out_of_range"),
    ("count-minus-zero", Raw("-0"), "out_of_range"),
    ("count-minus-zero-float", Raw("-0.0"), "out_of_range"),
    ("count-2pow64", Raw("18446744073709551616"), "out_of_range"),
    ("count-2pow63", Raw("9223372036854775808"), "out_of_range"),
    ("count-above-1e15", Raw("1000000000000001"), "out_of_range"),
    ("count-min-int64-minus-one", Raw("-9223372036854775809"), "out_of_range"),
    ("count-1e400", Raw("1e400"), "out_of_range"),
    ("count-huge-exponent", Raw("1e99999999999"), "out_of_range"),
]:
    app(n, with_value(APP, COUNT, value), code, COUNT)
app("staff-negative", with_value(APP, "/staff/serving_smes", -14), "out_of_range", "/staff/serving_smes")
app("activities-float", with_value(APP, "/functions/technology/activities", Raw("5.0")), "wrong_type",
    "/functions/technology/activities")
app("trainee-times-string", with_value(APP, "/functions/training/trainee_times", "1200"), "wrong_type",
    "/functions/training/trainee_times")
app("smes-served-year-negative", with_value(APP, "/performance/smes_served/2023", -88), "out_of_range",
    "/performance/smes_served/2023")
app("review-year-1899", with_value(APP, "/review_year", 1899), "out_of_range", "/review_year")
app("review-year-negative", with_value(APP, "/review_year", -2025), "out_of_range", "/review_year")
app("review-year-2pow64", with_value(APP, "/review_year", Raw("18446744073709551616")), "out_of_range",
    "/review_year")

# money
MONEY = "/applicant/total_assets_cny"
for n, value, code in [
    ("money-three-decimals", Raw("2350000.505"), "invalid_amount"),
    ("money-1.505", Raw("1.505"), "invalid_amount"),
    ("money-string-three-decimals", "1.505", "invalid_amount"),
    ("money-above-1e13", Raw("10000000000000.01"), "out_of_range"),
    ("money-above-1e13-integer", Raw("10000000000001"), "out_of_range"),
    ("money-string-exponent", "1e3", "invalid_amount"),
    ("money-string-minus-zero", "-0.00", "out_of_range"),
    ("money-minus-zero", Raw("-0"), "out_of_range"),
    ("money-negative", Raw("-1.5"), "out_of_range"),
    ("money-string-nan", "NaN", "invalid_amount"),
    ("money-string-infinity", "Infinity", "invalid_amount"),
    ("money-string-empty", "", "invalid_amount"),
    ("money-string-spaces", " 100 ", "invalid_amount"),
    ("money-string-comma", "2,350,000.50", "invalid_amount"),
    ("money-string-currency", "¥2350000", "invalid_amount"),
    ("money-string-plus", "+100", "invalid_amount"),
    ("money-string-trailing-dot", "100.", "invalid_amount"),
    ("money-1e400", Raw("1e400"), "out_of_range"),
    ("money-huge-exponent", Raw("1e308"), "out_of_range"),
    ("money-tiny-exponent", Raw("1e-400"), "invalid_amount"),
    ("money-2pow64", Raw("18446744073709551616"), "out_of_range"),
    ("money-many-digits", Raw("1" + "0" * 60), "out_of_range"),
]:
    app(n, with_value(APP, MONEY, value), code, MONEY)
app("financing-three-decimals", with_value(APP, "/functions/financing/financing_obtained_cny", "400000000.001"),
    "invalid_amount", "/functions/financing/financing_obtained_cny")
app("guarantees-negative", with_value(APP, "/functions/financing/new_guarantees_cny", -1), "out_of_range",
    "/functions/financing/new_guarantees_cny")

# percent
PCT = "/performance/satisfaction/percent"
for n, value, code in [
    ("percent-above-100", Raw("100.01"), "out_of_range"),
    ("percent-101", Raw("101"), "out_of_range"),
    ("percent-string-above-100", "150", "out_of_range"),
    ("percent-negative", Raw("-5"), "out_of_range"),
    ("percent-three-decimals", Raw("86.505"), "invalid_amount"),
    ("percent-string-sign", "86.5%", "invalid_amount"),
    ("percent-null", None, "wrong_type"),
]:
    app(n, with_value(APP, "/performance/satisfaction", {"percent": value}), code, PCT)

# dates
DATE = "/applicant/established_on"
for n, value in [
    ("date-2025-02-29", "2025-02-29"),
    ("date-1900-02-29", "1900-02-29"),
    ("date-month-13", "2025-13-01"),
    ("date-month-00", "2025-00-10"),
    ("date-day-00", "2025-04-00"),
    ("date-april-31", "2025-04-31"),
    ("date-unpadded", "2025-4-1"),
    ("date-year-1899", "1899-12-31"),
    ("date-year-3000", "3000-01-01"),
    ("date-with-time", "2019-03-01T00:00:00"),
    ("date-compact", "20190301"),
    ("date-slashes", "2019/03/01"),
    ("date-fullwidth-digits", "２０１９-03-01"),
    ("date-empty", ""),
    ("date-leading-space", " 2019-03-01"),
]:
    app(n, with_value(APP, DATE, value), "invalid_date", DATE)
app("reference-date-invalid", with_value(APP, "/reference_date", "2025-02-30"), "invalid_date", "/reference_date")

# enumerations
app("organization-type-unknown", with_value(APP, "/applicant/organization_type", "university"), "unknown_value",
    "/applicant/organization_type")
app("organization-type-case", with_value(APP, "/applicant/organization_type", "Technical_Service_Institution"),
    "unknown_value", "/applicant/organization_type")
app("organization-type-empty", with_value(APP, "/applicant/organization_type", ""), "unknown_value",
    "/applicant/organization_type")
app("material-unknown", with_value(APP, "/materials/2", "passport"), "unknown_value", "/materials/2")
app("material-trailing-space", with_value(APP, "/materials/0", "application_report "), "unknown_value",
    "/materials/0")

# --- unknown keys at every level ------------------------------------------------------------------
for n, obj in [
    ("root", ""), ("applicant", "/applicant"), ("performance", "/performance"),
    ("satisfaction", "/performance/satisfaction"), ("resources", "/resources"), ("management", "/management"),
    ("service-volume", "/management/service_volume"), ("staff", "/staff"), ("functions", "/functions"),
    ("information", "/functions/information"), ("technology", "/functions/technology"),
    ("entrepreneurship", "/functions/entrepreneurship"), ("training", "/functions/training"),
    ("financing", "/functions/financing"),
]:
    app(f"unknown-key-{n}", with_value(APP, obj + "/foo", True), "unknown_key", obj + "/foo")
app("unknown-key-typo", with_value(without(APP, "/staff/serving_smes"), "/staff/serving_sme", 14), "unknown_key",
    "/staff/serving_sme")
app("unknown-key-function-name", with_value(APP, "/functions/finance", {}), "unknown_key", "/functions/finance")
app("unknown-key-slash", with_value(APP, "/applicant/a~1b", 1), "unknown_key", "/applicant/a~1b")
app("unknown-key-tilde", with_value(APP, "/applicant/a~0b", 1), "unknown_key", "/applicant/a~0b")
app("unknown-key-empty", with_value(APP, "/applicant/", 1), "unknown_key", "/applicant/")
app("unknown-key-chinese", with_value(APP, "/applicant/名称", "x"), "unknown_key", "/applicant/名称")
app("unknown-key-case", with_value(APP, "/Applicant", {}), "unknown_key", "/Applicant")
app("smes-served-key-not-year", with_value(APP, "/performance/smes_served/last_year", 102), "unknown_key",
    "/performance/smes_served/last_year")
app("smes-served-key-1899", with_value(APP, "/performance/smes_served/1899", 102), "unknown_key",
    "/performance/smes_served/1899")
app("smes-served-key-padded", with_value(APP, "/performance/smes_served/ 2024", 102), "unknown_key",
    "/performance/smes_served/ 2024")

# --- duplicate keys at every level ----------------------------------------------------------------
for n, obj, key, value in [
    ("root", "", "id", "CZ-BAD-002"),
    ("root-schema", "", "schema", "shifan.application/1"),
    ("root-reference-date", "", "reference_date", "2025-04-16"),
    ("applicant", "/applicant", "legal_person", False),
    ("performance", "/performance", "reputation", True),
    ("satisfaction", "/performance/satisfaction", "surveyed", 200),
    ("smes-served-year", "/performance/smes_served", "2024", 1),
    ("resources", "/resources", "partner_institutions", 3),
    ("management", "/management", "rules", True),
    ("service-volume", "/management/service_volume", "total", 640),
    ("staff", "/staff", "serving_smes", 14),
    ("functions", "/functions", "technology", {}),
    ("information", "/functions/information", "activities", 4),
    ("technology", "/functions/technology", "activities", 5),
    ("entrepreneurship", "/functions/entrepreneurship", "guide", True),
    ("training", "/functions/training", "trainee_times", 1200),
    ("financing", "/functions/financing", "activities", 4),
]:
    app(f"duplicate-key-{n}", with_duplicate(APP, obj, key, value), "duplicate_key", f"{obj}/{key}")

# --- parts larger than wholes, exclusive forms ------------------------------------------------------
app("satisfied-above-surveyed", with_value(APP, "/performance/satisfaction", {"surveyed": 120, "satisfied": 121}),
    "inconsistent", "/performance/satisfaction/satisfied")
app("satisfied-of-zero", with_value(APP, "/performance/satisfaction", {"surveyed": 0, "satisfied": 1}),
    "inconsistent", "/performance/satisfaction/satisfied")
app("qualified-above-staff", with_value(APP, "/staff/qualified_professionals", 15), "inconsistent",
    "/staff/qualified_professionals")
app("free-above-total", with_value(APP, "/management/service_volume", {"total": 640, "free_or_low_fee": 641}),
    "inconsistent", "/management/service_volume/free_or_low_fee")
app("satisfaction-both-forms", with_value(APP, "/performance/satisfaction",
                                          {"surveyed": 120, "satisfied": 103, "percent": 85.83}),
    "inconsistent", "/performance/satisfaction/percent")
app("satisfaction-both-forms-percent-first", with_value(APP, "/performance/satisfaction",
                                                        O([("percent", "85.83"), ("satisfied", 103)])),
    "inconsistent", "/performance/satisfaction/percent")

# --- limits (default limits; small documents) ---------------------------------------------------------
app("depth-65-arrays", raw("[" * 65 + "]" * 65), "limit_exceeded", "/0" * 64)
app("depth-65-in-applicant", raw(BASE.replace('"applicant":{', '"applicant":' + "[" * 63 + "{", 1)
                                 .replace(',"performance"', "]" * 63 + ',"performance"', 1)),
    "limit_exceeded", "/applicant" + "/0" * 63)
app("depth-65-objects", raw('{"a":' * 65 + "1" + "}" * 65), "limit_exceeded", "/a" * 64)

# --- rule packs -----------------------------------------------------------------------------------
pack("rulepack-empty", raw(b""), "syntax", "")
pack("rulepack-bom", raw(b"\xef\xbb\xbf" + dump(PACK).encode()), "syntax", "")
pack("rulepack-root-array", raw("[]"), "wrong_type", "")
pack("rulepack-missing-schema", without(PACK, "/schema"), "missing_required", "/schema")
pack("rulepack-wrong-schema", with_value(PACK, "/schema", "shifan.application/1"), "wrong_schema", "/schema")
pack("rulepack-missing-id", without(PACK, "/id"), "missing_required", "/id")
pack("rulepack-missing-version", without(PACK, "/version"), "missing_required", "/version")
pack("rulepack-unknown-key", with_value(PACK, "/revision", 2), "unknown_key", "/revision")
pack("rulepack-duplicate-key", with_duplicate(PACK, "", "id", "x"), "duplicate_key", "/id")
pack("rulepack-unknown-parameter", with_value(PACK, "/parameters/min_smez_served", 80), "unknown_key",
     "/parameters/min_smez_served")
pack("rulepack-duplicate-parameter", with_duplicate(PACK, "/parameters", "min_staff", 11), "duplicate_key",
     "/parameters/min_staff")
pack("rulepack-missing-parameter", without(PACK, "/parameters/min_staff"), "missing_required",
     "/parameters/min_staff")
pack("rulepack-unknown-base", with_value({"schema": "shifan.rulepack/1", "id": "x", "version": "1",
                                          "parameters": {}}, "/base", "shanxi-provincial"), "rule_pack", "/base")
pack("rulepack-count-float", with_value(PACK, "/parameters/min_staff", Raw("10.0")), "wrong_type",
     "/parameters/min_staff")
pack("rulepack-count-negative", with_value(PACK, "/parameters/min_staff", -10), "out_of_range",
     "/parameters/min_staff")
pack("rulepack-money-three-decimals", with_value(PACK, "/parameters/min_total_assets_cny", Raw("1000000.001")),
     "invalid_amount", "/parameters/min_total_assets_cny")
pack("rulepack-percent-above-100", with_value(PACK, "/parameters/min_satisfaction_percent", Raw("100.5")),
     "out_of_range", "/parameters/min_satisfaction_percent")
pack("rulepack-years-above-100", with_value(PACK, "/parameters/min_operating_years", 101), "out_of_range",
     "/parameters/min_operating_years")
pack("rulepack-validity-zero", with_value(PACK, "/parameters/validity_years", 0), "out_of_range",
     "/parameters/validity_years")
pack("rulepack-month-13", with_value(PACK, "/parameters/annual_summary_due", {"month": 13, "day": 1}),
     "out_of_range", "/parameters/annual_summary_due/month")
pack("rulepack-day-first", with_value(PACK, "/parameters/annual_summary_due", {"month": 2, "day": "first"}),
     "unknown_value", "/parameters/annual_summary_due/day")
pack("rulepack-february-30", with_value(PACK, "/parameters/annual_summary_due", {"month": 2, "day": 30}),
     "out_of_range", "/parameters/annual_summary_due")
pack("rulepack-month-day-unknown-key", with_value(PACK, "/parameters/county_report_due",
                                                   {"month": 3, "day": "last", "hour": 12}),
     "unknown_key", "/parameters/county_report_due/hour")
pack("rulepack-dated-empty-list", with_value(PACK, "/parameters/min_staff", []), "out_of_range",
     "/parameters/min_staff")
pack("rulepack-dated-missing-from", with_value(PACK, "/parameters/min_staff", [{"value": 10}]), "missing_required",
     "/parameters/min_staff/0/from")
pack("rulepack-dated-bad-date", with_value(PACK, "/parameters/min_staff", [{"from": "2025-02-29", "value": 10}]),
     "invalid_date", "/parameters/min_staff/0/from")
pack("rulepack-dated-unknown-key", with_value(PACK, "/parameters/min_staff",
                                              [{"from": "2020-01-01", "value": 10, "until": "2030-01-01"}]),
     "unknown_key", "/parameters/min_staff/0/until")
pack("rulepack-dated-same-from", with_value(PACK, "/parameters/min_staff",
                                            [{"from": "2020-01-01", "value": 10}, {"from": "2020-01-01", "value": 11}]),
     "inconsistent", "/parameters/min_staff/1/from")
pack("rulepack-dated-duplicate-value", with_value(PACK, "/parameters/min_staff",
                                                  [O([("from", "2020-01-01"), ("value", 10), ("value", 11)])]),
     "duplicate_key", "/parameters/min_staff/0/value")
pack("rulepack-none-in-force", with_value(PACK, "/parameters/min_staff", [{"from": "2030-01-01", "value": 10}]),
     "rule_pack", "/parameters/min_staff")
pack("rulepack-parameters-array", with_value(PACK, "/parameters", []), "wrong_type", "/parameters")
pack("rulepack-id-number", with_value(PACK, "/id", 7), "wrong_type", "/id")

# --- limits a host lowered (json::Limits; the CLI's --max-* options) ----------------------------------
app("limit-string-bytes", with_value(APP, "/applicant/name", "x" * 41), "limit_exceeded", "/applicant/name",
    {"max_string_bytes": 40})
app("limit-key-bytes", with_value(APP, "/applicant/" + "k" * 41, 1), "limit_exceeded", "/applicant",
    {"max_string_bytes": 40})
app("limit-depth", APP, "limit_exceeded", "/performance/smes_served", {"max_depth": 2})
app("limit-array-length", APP, "limit_exceeded", "/materials/3", {"max_array_length": 3})
app("limit-document-bytes", APP, "limit_exceeded", "", {"max_document_bytes": 100})
pack("rulepack-limit-string-bytes", with_value(PACK, "/description", "d" * 41), "limit_exceeded", "/description",
     {"max_string_bytes": 40})
pack("rulepack-limit-depth", PACK, "limit_exceeded", "/parameters/annual_summary_due", {"max_depth": 2})
pack("rulepack-limit-document-bytes", PACK, "limit_exceeded", "", {"max_document_bytes": 64})

# --- found by fuzzing (fuzz/regressions/) -------------------------------------------------------------
# A year key of twenty digits: rejected as a key, and its digits are not summed (signed overflow, UBSan).
app("smes-served-key-20-digits", with_value(APP, "/performance/smes_served/18446744073709551616", 102),
    "unknown_key", "/performance/smes_served/18446744073709551616")
# --- reliability round 2: a raw NUL byte is a syntax error at the NUL, never the end of the input ------
app("nul-after-document", raw(BASE + '\0{"x": 1}'), "syntax", "")
app("nul-inside-string", raw('{"schema": "shifan.application/1", "applicant": {"name": "a\0b"}}'), "syntax",
    "/applicant/name")
pack("rulepack-nul-after-document", raw(dump(PACK) + "\0 trailing"), "syntax", "")


# --- revision 2: the review year fits the reference date (the year of the date or the next, art12) -----
app("review-year-after-next", with_value(APP, "/review_year", 2027), "inconsistent", "/review_year")
app("review-year-before-reference-year", with_value(APP, "/review_year", 2024), "inconsistent", "/review_year")
app("review-year-2030-on-2025", with_value(APP, "/review_year", 2030), "inconsistent", "/review_year")

def write(check: bool) -> int:
    names = set()
    bad = 0
    expected_files = set()
    for i, (name, fmt, doc, code, path, limits) in enumerate(ENTRIES, start=1):
        assert name not in names, f"duplicate entry name {name}"
        names.add(name)
        stem = f"{i:03d}-{name}"
        data = doc if isinstance(doc, bytes) else dump(doc).encode("utf-8")
        e = {"format": fmt, "code": code, "path": path}
        if limits:
            e["limits"] = limits
        expect = (json.dumps(e, ensure_ascii=False) + "\n").encode()
        for fname, content in ((stem + ".json", data), (stem + ".expect.json", expect)):
            expected_files.add(fname)
            target = HERE / fname
            if check:
                if not target.exists() or target.read_bytes() != content:
                    print(f"differs: {fname}", file=sys.stderr)
                    bad += 1
            else:
                target.write_bytes(content)
    stale = [p.name for p in HERE.glob("[0-9][0-9][0-9]-*.json") if p.name not in expected_files]
    for s in stale:  # hand-made entries are allowed; only reported
        print(f"not generated here: {s}", file=sys.stderr)
    print(f"{len(ENTRIES)} entries", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare instead of writing")
    sys.exit(write(ap.parse_args().check))
