"""Shared helpers of the schema tests: the validators of docs/schemas/ (draft 2020-12, with format
checking) and the repository paths. Works with Debian's python3-jsonschema (4.10) and newer."""

import json
import sys
from pathlib import Path

import jsonschema
from jsonschema import Draft202012Validator

REPO = Path(__file__).resolve().parents[2]
SCHEMA_DIR = REPO / "docs" / "schemas"
sys.path.insert(0, str(REPO / "tools"))

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
# Schemas of objects that carry no "schema" member (keyed by a name of their own).
OBJECT_SCHEMA_FILES = {
    "error": "error.schema.json",
}

FORMAT_CHECKER = getattr(Draft202012Validator, "FORMAT_CHECKER", None) or jsonschema.draft202012_format_checker
_validators = {}


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def validator(tag):
    if tag not in _validators:
        schema = load_json(SCHEMA_DIR / {**SCHEMA_FILES, **OBJECT_SCHEMA_FILES}[tag])
        _validators[tag] = Draft202012Validator(schema, format_checker=FORMAT_CHECKER)
    return _validators[tag]


def errors(tag, doc):
    """Schema violations of `doc` as "/pointer: message" strings (empty when valid)."""
    return ["%s: %s" % ("/" + "/".join(str(p) for p in e.absolute_path), e.message)
            for e in validator(tag).iter_errors(doc)]
