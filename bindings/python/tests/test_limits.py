"""Input limits through Python (docs/hardening.md, limits): evaluate, batches, rule packs, histories,
calendars and county filings are read under the limits (document size, nesting depth, array length,
string length), and exceeding one is an InputError "limit_exceeded" with the JSON Pointer and a message
naming the limit, its value and the option that sets it (``max_depth``, ``--max-depth``); the host sets
them with ``limits=`` (evaluate, evaluate_to_json, evaluate_many, Engine(rule_pack=..., calendar=...),
set_calendar, History, status, Roster, roster)."""
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
OPTIONS = {"document size": "max_document_bytes", "nesting depth": "max_depth", "array length": "max_array_length",
           "string length": "max_string_bytes"}
PACK = ('{"schema":"shifan.rulepack/1","id":"p","version":"1","base":"changzhi-municipal","parameters":'
        '{"min_smes_served":[{"from":"1900-01-01","value":80},{"from":"2026-01-01","value":100}]}}')
CALENDAR = '{"schema":"shifan.calendar/1","rest_days":["2026-01-01","2026-01-02","2026-01-03"]}'
FILINGS_A = '{"schema":"shifan.county-filings/1","county":"A","filings":[]}'
FILINGS_B = ('{"schema":"shifan.county-filings/1","county":"B","filings":'
             '[{"year":2023,"date":"2024-03-20"},{"year":2024,"date":"2025-03-28"}]}')


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
        # the option a host sets: the member name (C, C++, Python) and the CLI's spelling
        option = OPTIONS[names]
        for message in (e.message_en, e.message_zh):
            self.assertIn(option, message)
            self.assertIn("--" + option.replace("_", "-"), message)
        return e

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


    def test_rule_pack_host_limits(self):
        for limits, path, names, value in [
            ({"max_document_bytes": 64}, "", "document size", 64),
            ({"max_depth": 3}, "/parameters/min_smes_served/0", "nesting depth", 3),
            ({"max_array_length": 1}, "/parameters/min_smes_served/1", "array length", 1),
            ({"max_string_bytes": 16}, "/schema", "string length", 16),
        ]:
            with self.subTest(limits):
                self.assert_limit(lambda: shifan.Engine(rule_pack=PACK, limits=limits), path, names, value)
                # the one-call functions read the rule pack under the same limits (as the CLI does)
                self.assert_limit(lambda: shifan.evaluate(APPLICATION, rule_pack=PACK, limits=limits), path, names,
                                  value)
                self.assert_limit(lambda: shifan.status(HISTORY, "2025-04-15", rule_pack=PACK, limits=limits), path,
                                  names, value)
        # limits the pack just fits in, and zero: the defaults
        fits = {"max_document_bytes": len(PACK), "max_depth": 4, "max_array_length": 2,
                "max_string_bytes": len("changzhi-municipal")}
        for limits in (fits, {"max_depth": 0}, None):
            with self.subTest(limits), shifan.Engine(rule_pack=PACK, limits=limits) as engine:
                self.assertEqual(engine.rule_pack_id, "p")
        with self.assertRaises(shifan.UsageError):
            shifan.Engine(rule_pack=PACK, limits={"max_depht": 3})

    def test_calendar_host_limits(self):
        for limits, path, names, value in [
            ({"max_document_bytes": 32}, "", "document size", 32),
            ({"max_depth": 1}, "/rest_days", "nesting depth", 1),
            ({"max_array_length": 2}, "/rest_days/2", "array length", 2),
            ({"max_string_bytes": 12}, "/schema", "string length", 12),
        ]:
            with self.subTest(limits):
                with shifan.Engine() as engine:
                    self.assert_limit(lambda: engine.set_calendar(CALENDAR, limits=limits), path, names, value)
                    self.assertEqual(engine.interpretation("deadline_rest_days"), "literal")  # unchanged
                self.assert_limit(lambda: shifan.Engine(calendar=CALENDAR, limits=limits), path, names, value)
                self.assert_limit(lambda: shifan.status(HISTORY, "2025-04-15", calendar=CALENDAR, limits=limits),
                                  path, names, value)
        fits = {"max_document_bytes": len(CALENDAR), "max_depth": 2, "max_array_length": 3, "max_string_bytes": 17}
        for limits in (fits, None):
            with self.subTest(limits), shifan.Engine() as engine:
                engine.set_calendar(CALENDAR, limits=limits)
                self.assertEqual(engine.interpretation("deadline_rest_days"), "roll_forward")

    def test_roster_host_limits(self):
        engine = shifan.Engine()
        for limits, document, path, names, value in [
            ({"max_document_bytes": len(FILINGS_B) - 1}, 1, "", "document size", len(FILINGS_B) - 1),
            ({"max_depth": 2}, 1, "/filings/0", "nesting depth", 2),
            ({"max_array_length": 1}, 1, "/filings/1", "array length", 1),
            ({"max_string_bytes": 16}, 0, "/schema", "string length", 16),
        ]:
            with self.subTest(limits):
                e = self.assert_limit(lambda: shifan.Roster([], on="2025-04-15", filings=[FILINGS_A, FILINGS_B],
                                                            engine=engine, limits=limits), path, names, value)
                self.assertIn(f"filings[{document}]", e.message_en)  # the document at fault
                self.assertIn(f"filings[{document}]", e.message_zh)
                self.assert_limit(lambda: shifan.roster([], "2025-04-15", filings=[FILINGS_A, FILINGS_B],
                                                        engine=engine, limits=limits), path, names, value)
        # histories given as documents are read under the same limits
        self.assert_limit(lambda: shifan.roster([HISTORY], "2025-04-15", engine=engine,
                                                limits={"max_array_length": 2}), "/events/2", "array length", 2)
        # the defaults by default: every way gives the same roster
        fits = {"max_document_bytes": len(FILINGS_B), "max_depth": 3, "max_array_length": 3,
                "max_string_bytes": len("shifan.county-filings/1")}
        outputs = set()
        with shifan.History(HISTORY, engine=engine) as history:  # read once; the limits are for the filings
            for limits in (fits, {"max_depth": 0}, None):
                with shifan.Roster([history], on="2025-04-15", filings=[FILINGS_A, FILINGS_B], engine=engine,
                                   limits=limits) as r:
                    outputs.add(r.to_json(lang="both"))
        self.assertEqual(len(outputs), 1)
        with self.assertRaises(shifan.UsageError):
            shifan.roster([], "2025-04-15", filings=[FILINGS_A], limits={"max_depth": -1})

    def test_evaluate_many_host_limits(self):
        small = '{"schema":"shifan.application/1","reference_date":"2025-04-15"}'
        for limits, path, names, value in [
            ({"max_document_bytes": 100}, "", "document size", 100),
            ({"max_depth": 2}, None, "nesting depth", 2),
            ({"max_array_length": 3}, "/materials/3", "array length", 3),
            ({"max_string_bytes": 20}, None, "string length", 20),  # "shifan.application/1" fits
        ]:
            with self.subTest(limits):
                items = shifan.evaluate_many([APPLICATION, small], jobs=1, limits=limits)
                self.assertFalse(items[0].ok)
                self.assertIsNone(items[0].verdict)
                self.assertTrue(items[1].ok, items[1])
                # the item's error is the one the batch found, under the same limits
                self.assertEqual(items[0].status, -12)
                self.assert_limit(items[0].evaluation, path, names, value)
                self.assertEqual(items[0].to_dict()["error"]["code"], "limit_exceeded")
        # the defaults: the application is evaluated
        for limits in (None, {"max_depth": 0}, {"max_array_length": 100}):
            items = shifan.Engine().evaluate_many([APPLICATION], limits=limits)
            self.assertTrue(items[0].ok)
            self.assertEqual(items[0].verdict, "eligible")
        with self.assertRaises(shifan.UsageError):
            shifan.evaluate_many([APPLICATION], limits={"max_depth": "2"})


if __name__ == "__main__":
    unittest.main()
