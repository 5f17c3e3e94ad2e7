"""Input limits through Python (issue 6, point 3): evaluate, rule packs, histories and calendars are
read under the limits (document size, nesting depth, array length, string length), and exceeding
one is an InputError "limit_exceeded" with the JSON Pointer and a message naming the limit; the
host sets them with ``limits=`` (evaluate, evaluate_to_json, History, status)."""
import json
import unittest

import shifan
from _support import example

APPLICATION = example("eligible-technology.json")
HISTORY = {"schema": "shifan.history/1", "platform": {"id": "CZ-L", "county": "上党区"},
           "events": [{"type": "applied", "date": "2024-03-20", "review_year": 2024},
                      {"type": "recommended", "date": "2024-04-30", "county": "上党区"},
                      {"type": "designated", "date": "2024-07-01", "document_no": "x", "functions": ["technology"]}]}
MIB16 = 16 * 1024 * 1024
KIB64 = 64 * 1024


class LimitsTest(unittest.TestCase):
    def assert_limit(self, call, path, names, value):
        with self.assertRaises(shifan.InputError) as cm:
            call()
        e = cm.exception
        self.assertEqual(e.code_name, "limit_exceeded", e)
        if path is not None:
            self.assertEqual(e.path, path)
        self.assertIn(names, e.message_en)
        self.assertIn(str(value), e.message_en)
        self.assertIn(str(value), e.message_zh)

    def test_evaluate_with_host_limits(self):
        engine = shifan.Engine()
        for limits, path, names, value in [
            ({"max_document_bytes": 100}, "", "document size", 100),
            ({"max_depth": 2}, None, "nesting depth", 2),
            ({"max_array_length": 3}, "/materials/3", "array length", 3),
            ({"max_string_bytes": 8}, None, "string length", 8),
        ]:
            with self.subTest(limits):
                self.assert_limit(lambda: engine.evaluate(APPLICATION, limits=limits), path, names, value)
                self.assert_limit(lambda: engine.evaluate_to_json(APPLICATION, limits=limits), path, names, value)
                self.assert_limit(lambda: shifan.evaluate(APPLICATION, limits=limits), path, names, value)
        # zero is the default; limits above the document's needs change nothing
        with engine.evaluate(APPLICATION, limits={"max_depth": 0, "max_string_bytes": 1 << 20}) as ev:
            self.assertEqual(ev.verdict, "eligible")
        self.assertEqual(engine.evaluate_to_json(APPLICATION, limits={"max_array_length": 100}),
                         engine.evaluate_to_json(APPLICATION))

    def test_bad_limits_are_usage_errors(self):
        for limits in ({"max_depht": 3}, {"max_depth": -1}, {"max_depth": "3"}, {"max_depth": True},
                       {"max_depth": 1 << 64}):
            with self.subTest(limits), self.assertRaises(shifan.UsageError):
                shifan.evaluate(APPLICATION, limits=limits)

    def test_evaluate_default_limits(self):
        base = '{"schema":"shifan.application/1","reference_date":"2025-04-15",'
        self.assert_limit(lambda: shifan.evaluate(base + '"applicant":{"name":"' + "x" * (KIB64 + 1) + '"}}'),
                          "/applicant/name", "string length", KIB64)
        self.assert_limit(lambda: shifan.evaluate("[" * 65 + "]" * 65), None, "nesting depth", 64)
        self.assert_limit(lambda: shifan.evaluate(base + '"materials":[' + ",".join(["0"] * 1_000_001) + "]}"),
                          "/materials/1000000", "array length", 1_000_000)
        self.assert_limit(lambda: shifan.evaluate(APPLICATION.encode().ljust(MIB16 + 1, b" ")), "", "document size",
                          MIB16)

    def test_rule_pack_default_limits(self):
        head = '{"schema":"shifan.rulepack/1","id":"p","version":"1","base":"changzhi-municipal",'
        self.assert_limit(lambda: shifan.Engine(rule_pack=head + '"description":"' + "d" * (KIB64 + 1)
                                                + '","parameters":{}}'), "/description", "string length", KIB64)
        self.assert_limit(lambda: shifan.Engine(rule_pack=head + '"parameters":{"min_staff":' + "[" * 63 + "]" * 63
                                                + "}}"), None, "nesting depth", 64)
        self.assert_limit(lambda: shifan.Engine(rule_pack=head + '"parameters":{"min_staff":['
                                                + ",".join(["0"] * 1_000_001) + "]}}"),
                          "/parameters/min_staff/1000000", "array length", 1_000_000)
        self.assert_limit(lambda: shifan.Engine(rule_pack=(head + '"parameters":{}}').encode().ljust(MIB16 + 1, b" ")),
                          "", "document size", MIB16)

    def test_history_limits(self):
        for limits, path, names, value in [
            ({"max_document_bytes": 64}, "", "document size", 64),
            ({"max_array_length": 2}, "/events/2", "array length", 2),
            ({"max_depth": 2}, "/events/0", "nesting depth", 2),
            ({"max_string_bytes": 8}, None, "string length", 8),
        ]:
            with self.subTest(limits):
                self.assert_limit(lambda: shifan.History(HISTORY, limits=limits), path, names, value)
                self.assert_limit(lambda: shifan.status(HISTORY, "2025-04-15", limits=limits), path, names, value)
        with shifan.History(HISTORY, limits={"max_array_length": 3}) as h:
            self.assertEqual(len(h), 3)
        # the defaults
        doc = json.dumps(HISTORY)
        self.assert_limit(lambda: shifan.History(doc.replace('"CZ-L"', '"' + "n" * (KIB64 + 1) + '"')),
                          "/platform/id", "string length", KIB64)
        self.assert_limit(lambda: shifan.History('{"schema":"shifan.history/1","platform":{"id":"X"},"events":['
                                                 + ",".join(["{}"] * 1_000_001) + "]}"),
                          "/events/1000000", "array length", 1_000_000)
        self.assert_limit(lambda: shifan.History(doc.encode().ljust(MIB16 + 1, b"\n")), "", "document size", MIB16)

    def test_calendar_default_limits(self):
        engine = shifan.Engine()
        self.assert_limit(lambda: engine.set_calendar('{"schema":"shifan.calendar/1","rest_days":['
                                                      + ",".join(['"2026-01-01"'] * 1_000_001) + "]}"),
                          "/rest_days/1000000", "array length", 1_000_000)
        self.assert_limit(lambda: engine.set_calendar('{"schema":"shifan.calendar/1","rest_days":' + "[" * 64
                                                      + "]" * 64 + "}"), None, "nesting depth", 64)
        self.assertEqual(engine.interpretation("deadline_rest_days"), "literal")


if __name__ == "__main__":
    unittest.main()
