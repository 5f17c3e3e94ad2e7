"""Schema and parser agree on the bad-input catalogue (tests/bad-input/).

    python3 -m unittest tests/schema/bad_input_agreement.py       (from tests/schema/)

Every catalogue entry is a document the parser refuses, with the error code its NNN-name.expect.json
names (tests/bad-input/run_catalogue.py checks that side). Here, every entry refused for a reason of
*structure or type* must also fail its JSON Schema, so that a host validating with the schema alone
never accepts what the library refuses:

    wrong_type, out_of_range, unknown_key, unknown_value, invalid_date, invalid_amount,
    missing_required, wrong_schema

Reasons a schema cannot express are not required to fail it (they are listed, with a count, when
the test runs verbose):

    syntax, duplicate_key   the document is not one JSON value a schema validator can even load
                            (BOM, bad UTF-8, trailing garbage, a key given twice: JSON parsers keep
                            the last one silently)
    limit_exceeded          size, depth and length limits are the host's, not the format's
    inconsistent            relations between values (satisfied > surveyed, free_or_low_fee > total,
                            qualified_professionals > serving_smes, a dated value twice on one date);
                            JSON Schema compares a value with constants, never with another value.
                            (Both forms of satisfaction given together *is* expressible, and the
                            schema rejects it.)
    rule_pack               a pack that loads but has no value in force on the date, or names an
                            unknown base: a matter of the data, not of the format
    history                 an event the lifecycle rules forbid (dates running backwards, a
                            transition not allowed from the state): relations between events

and these exceptions *within* the structural codes, each a documented limit of JSON Schema:

    number-precision        a JSON number whose decimal text has more than two decimals by value
                            (1.505), or magnitude beyond a double (1e400), or "-0": a validator sees
                            the number after conversion to a binary double, so "at most two
                            decimals by value" and the sign of zero cannot be checked on numbers
                            (money and percentages given as strings are checked by pattern).
    integer-as-float        a count written 1e2 or 80.0 … is a float in Python; the schema's "integer"
                            type accepts 80.0 (JSON Schema: an integer is a number with zero
                            fractional part), the library refuses anything but an integer literal.
"""

import json
import math
import re
import unittest
from pathlib import Path

from schemalib import REPO, errors

CATALOGUE = REPO / "tests" / "bad-input"
FORMATS = {"application": "shifan.application/1", "rulepack": "shifan.rulepack/1",
           "history": "shifan.history/1", "calendar": "shifan.calendar/1",
           "county-filings": "shifan.county-filings/1"}
STRUCTURAL = {"wrong_type", "out_of_range", "unknown_key", "unknown_value", "invalid_date",
              "invalid_amount", "missing_required", "wrong_schema"}
NOT_EXPRESSIBLE = {"syntax", "duplicate_key", "limit_exceeded", "inconsistent", "rule_pack", "history"}


class Duplicate(ValueError):
    pass


def strict_load(data):
    """Parse as a strict JSON parser would: UTF-8 without BOM, no duplicate keys, no NaN.
    Returns (document, None) or (None, why-not)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return None, "not UTF-8: %s" % e
    if text.startswith("\ufeff"):
        return None, "BOM"

    def pairs(items):
        keys = [k for k, _ in items]
        if len(keys) != len(set(keys)):
            raise Duplicate("duplicate key")
        return dict(items)

    def bad_constant(name):
        raise ValueError("not JSON: " + name)

    try:
        return json.loads(text, object_pairs_hook=pairs, parse_constant=bad_constant), None
    except (ValueError, RecursionError) as e:
        return None, str(e)


def pointer_get(doc, pointer):
    """The value at a JSON Pointer, or KeyError."""
    if pointer == "":
        return doc
    for token in pointer.lstrip("/").split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        doc = doc[int(token)] if isinstance(doc, list) else doc[token]
    return doc


NUMBER_LITERAL = re.compile(rb"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")


def number_exception(data, doc, pointer):
    """The documented exception that explains why the schema accepts this entry, or None."""
    try:
        value = pointer_get(doc, pointer)
    except (KeyError, IndexError, ValueError, TypeError):
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float):
        if math.isinf(value) or value == 0.0 and math.copysign(1.0, value) < 0:
            return "number-precision"
        if value.is_integer():
            return "integer-as-float"
        return "number-precision"
    # An int: Python read an integer literal. "-0" reads as int 0.
    if value == 0 and b"-0" in data:
        return "number-precision"
    return None


def load_entries():
    entries = []
    # the catalogue directory, then its subdirectories (history/, calendar/)
    for expect_file in sorted(CATALOGUE.glob("[0-9][0-9][0-9]-*.expect.json")) + \
            sorted(CATALOGUE.glob("*/[0-9][0-9][0-9]-*.expect.json")):
        stem = expect_file.name[: -len(".expect.json")]
        data_file = expect_file.parent / (stem + ".json")
        if not data_file.exists():
            continue
        expect = json.loads(expect_file.read_text(encoding="utf-8"))
        if expect_file.parent != CATALOGUE:
            stem = expect_file.parent.name + "/" + stem
        entries.append((stem, data_file.read_bytes(), expect))
    return entries


class SchemaAgreesWithParser(unittest.TestCase):
    def test_catalogue(self):
        entries = load_entries()
        if not entries:
            self.skipTest("no bad-input catalogue")
        tally = {}
        failures = []
        for stem, data, expect in entries:
            code = expect["code"]
            tag = FORMATS.get(expect.get("format"))
            self.assertIsNotNone(tag, "%s: unknown format %r" % (stem, expect.get("format")))
            self.assertIn(code, STRUCTURAL | NOT_EXPRESSIBLE, "%s: unknown code %s" % (stem, code))
            doc, why = strict_load(data)
            if doc is None:
                key = "not loadable (%s)" % code
                tally[key] = tally.get(key, 0) + 1
                self.assertIn(code, NOT_EXPRESSIBLE | {"invalid_amount", "out_of_range", "wrong_type"},
                              "%s: a %s error in a document no JSON parser loads: %s" % (stem, code, why))
                continue
            rejected = errors(tag, doc) != []
            if code in NOT_EXPRESSIBLE:
                key = "%s (%s by the schema)" % (code, "also rejected" if rejected else "accepted")
                tally[key] = tally.get(key, 0) + 1
                continue
            if rejected:
                tally["structural, rejected by both"] = tally.get("structural, rejected by both", 0) + 1
                continue
            exception = number_exception(data, doc, expect.get("path", ""))
            if exception:
                key = "exception: " + exception
                tally[key] = tally.get(key, 0) + 1
                continue
            failures.append("%s: the parser refuses it (%s at %s) but %s accepts it"
                            % (stem, code, expect.get("path"), tag))
        for key in sorted(tally):
            print("  %4d  %s" % (tally[key], key))
        self.assertEqual(failures, [], "\n" + "\n".join(failures))
        self.assertGreater(tally.get("structural, rejected by both", 0), 0)


if __name__ == "__main__":
    unittest.main()
