"""History integrity through Python (docs/hardening.md, history integrity): round trips are
byte-identical, a refused event leaves the history exactly as it was, and a truncated or corrupted
document is an error that makes no History (and touches none already made), never a crash."""
import json
import os
import random
import unittest

import shifan
from _support import SOURCE_DIR

HISTORIES = os.path.join(SOURCE_DIR, "examples", "histories")


def example_histories():
    names = sorted(n for n in os.listdir(HISTORIES) if n.endswith(".json") and "county-filings" not in n)
    out = []
    for n in names:
        with open(os.path.join(HISTORIES, n), "rb") as f:
            out.append((n, f.read()))
    return out


PLATFORM = {"id": "CZ-INT", "county": "上党区"}
APPLIED = {"type": "applied", "date": "2024-03-20", "review_year": 2024}
RECOMMENDED = {"type": "recommended", "date": "2024-04-30", "county": "上党区"}
DESIGNATED = {"type": "designated", "date": "2024-07-01", "document_no": "长中小企服〔2024〕12号",
              "functions": ["technology"]}
DESIGNATED_PLATFORM = [APPLIED, RECOMMENDED, DESIGNATED]


def history_doc(events):
    return {"schema": "shifan.history/1", "platform": PLATFORM, "events": events}


def event(kind, date, **members):
    return {"type": kind, "date": date, **members}


# (what, events before, the event appended, code name, exact path or None, event index or -1)
REFUSALS = [
    ("date before the last event's", DESIGNATED_PLATFORM,
     {"type": "annual_summary_filed", "year": 2024, "date": "2024-06-30"}, "history", "/events/3/date", 3),
    ("review year not the year of the date or the next", [],
     event("applied", "2024-03-20", review_year=2026), "history", "/events/0/review_year", 0),
    ("second application for one review year", [APPLIED],
     event("applied", "2024-05-20", review_year=2024), "history", "/events/1/review_year", 1),
    ("review year before one already applied for",
     [event("applied", "2024-12-20", review_year=2025), event("not_recommended", "2024-12-30", reason="x")],
     event("applied", "2024-12-31", review_year=2024), "history", "/events/2/review_year", 2),
    ("applying while valid, not in the last year", DESIGNATED_PLATFORM,
     event("applied", "2025-03-01", review_year=2025), "history", "/events/3/review_year", 3),
    ("recommended with no application", [], event("recommended", "2024-04-30", county="x"), "history",
     "/events/0/type", 0),
    ("recommended twice", [APPLIED, RECOMMENDED], event("recommended", "2024-05-30", county="x"), "history",
     "/events/2/type", 2),
    ("not_recommended after recommended", [APPLIED, RECOMMENDED], event("not_recommended", "2024-05-30", reason="x"),
     "history", "/events/2/type", 2),
    ("designated before recommendation", [APPLIED], event("designated", "2024-07-01", document_no="x"), "history",
     "/events/1/type", 1),
    ("rejected before recommendation", [APPLIED], event("rejected", "2024-07-01", reason="x"), "history",
     "/events/1/type", 1),
    ("designated twice", DESIGNATED_PLATFORM, event("designated", "2024-08-01", document_no="x"), "history",
     "/events/3/type", 3),
    ("violation of a platform never designated", [APPLIED], event("violation_confirmed", "2024-05-01", finding="x"),
     "history", "/events/1/date", 1),
    ("conduct after its confirmation", DESIGNATED_PLATFORM,
     event("violation_confirmed", "2025-05-01", conduct_on="2025-05-02", finding="x"), "history",
     "/events/3/conduct_on", 3),
    ("conduct outside the term", DESIGNATED_PLATFORM,
     event("violation_confirmed", "2025-05-01", conduct_on="2024-06-30", finding="x"), "history",
     "/events/3/conduct_on", 3),
    ("conduct after a revocation", DESIGNATED_PLATFORM + [event("violation_confirmed", "2025-05-01", finding="x")],
     event("violation_confirmed", "2025-06-01", finding="y"), "history", "/events/4/date", 4),
    # the event's text: every error of the appended event names its index
    ("empty text", DESIGNATED_PLATFORM, b"", "syntax", "/events/3", 3),
    ("truncated", DESIGNATED_PLATFORM, b'{"type":"annual_summary_filed","year":2024,"da', "syntax", "/events/3", 3),
    ("trailing garbage", DESIGNATED_PLATFORM, b'{"type":"annual_summary_filed","year":2024,"date":"2025-02-20"} x',
     "syntax", "/events/3", 3),
    ("invalid UTF-8", DESIGNATED_PLATFORM,
     b'{"type":"annual_summary_filed","year":2024,"date":"2025-02-20","note":"\xc0\xaf"}', "syntax",
     "/events/3/note", 3),
    ("not an object", DESIGNATED_PLATFORM, b"[]", "wrong_type", "/events/3", 3),
    ("unknown event type", DESIGNATED_PLATFORM, event("suspended", "2025-01-10"), "unknown_value", "/events/3/type", 3),
    ("missing date", DESIGNATED_PLATFORM, {"type": "annual_summary_filed", "year": 2024}, "missing_required",
     "/events/3/date", 3),
    ("unknown key", DESIGNATED_PLATFORM, event("annual_summary_filed", "2025-02-20", year=2024, by=1), "unknown_key",
     "/events/3/by", 3),
    ("duplicate key", DESIGNATED_PLATFORM,
     b'{"type":"annual_summary_filed","year":2024,"date":"2025-02-20","year":2025}', "duplicate_key",
     "/events/3/year", 3),
    ("impossible date", DESIGNATED_PLATFORM, event("annual_summary_filed", "2026-02-29", year=2025), "invalid_date",
     "/events/3/date", 3),
    ("month 13", DESIGNATED_PLATFORM, event("annual_summary_filed", "2025-13-01", year=2025), "invalid_date",
     "/events/3/date", 3),
    ("number where a string is expected", DESIGNATED_PLATFORM, event("annual_summary_filed", 20250220, year=2024),
     "wrong_type", "/events/3/date", 3),
    ("deep nesting", DESIGNATED_PLATFORM,
     b'{"type":"annual_summary_filed","year":2024,"date":"2025-02-20","note":' + b"[" * 70 + b"]" * 70 + b"}",
     "limit_exceeded", None, 3),
]


class HistoryIntegrityTest(unittest.TestCase):
    def assert_round_trip(self, h):
        a = h.to_json()
        with shifan.History(a) as copy:
            b = copy.to_json()
            self.assertEqual(a, b)
            self.assertEqual(len(copy), len(h))
            with shifan.History(b) as third:
                self.assertEqual(third.to_json(), b)
        return a

    def test_examples_round_trip(self):
        for name, text in example_histories():
            with self.subTest(name), shifan.History(text) as h:
                compact = self.assert_round_trip(h)
                # the compact form is the same document as the example
                self.assertEqual(json.loads(compact), json.loads(text))

    def test_built_by_appending_round_trips(self):
        for name, text in example_histories():
            doc = json.loads(text)
            with self.subTest(name), shifan.History({**doc, "events": []}) as h:
                self.assert_round_trip(h)
                for i, e in enumerate(doc["events"]):
                    h.append(e)
                    a = self.assert_round_trip(h)
                    with shifan.History({**doc, "events": doc["events"][: i + 1]}) as whole:
                        self.assertEqual(whole.to_json(), a)
                with shifan.History(text) as whole:
                    self.assertEqual(h.to_json(), whole.to_json())

    def assert_refused(self, h, what, ev, code, path, index):
        before = h.to_json()
        n = len(h)
        st = [h.status(d).to_json(lang="both") for d in ("2025-04-15", "2031-12-31")]
        with self.assertRaises(shifan.InputError, msg=what) as cm:
            h.append(ev)
        self.assertEqual(cm.exception.code_name, code, what)
        if path is not None:
            self.assertEqual(cm.exception.path, path, what)
        self.assertEqual(cm.exception.event_index, index, what)
        if code == "history":
            self.assertIsInstance(cm.exception, shifan.HistoryError)
        if code == "rule_pack":
            self.assertIsInstance(cm.exception, shifan.RulePackError)
        self.assertEqual(h.to_json(), before, what)
        self.assertEqual(len(h), n, what)
        self.assertEqual([h.status(d).to_json(lang="both") for d in ("2025-04-15", "2031-12-31")], st, what)

    def test_refusals_leave_the_history_unchanged(self):
        for what, events, ev, code, path, index in REFUSALS:
            with self.subTest(what), shifan.History(history_doc(events)) as h:
                self.assert_refused(h, what, ev, code, path, index)
                self.assert_refused(h, what, ev, code, path, index)  # twice: no hidden state left
                h.append({"type": "annual_summary_filed", "year": 2031, "date": "2032-01-10"})
                self.assert_round_trip(h)

    def test_refusal_for_a_rule_pack_without_value(self):
        pack = {"schema": "shifan.rulepack/1", "id": "late-validity", "version": "1", "base": "changzhi-municipal",
                "parameters": {"validity_years": [{"from": "2025-01-01", "value": 3}]}}
        engine = shifan.Engine(rule_pack=pack)
        with shifan.History(history_doc([APPLIED, RECOMMENDED]), engine=engine) as h:
            self.assert_refused(h, "no validity_years in force", DESIGNATED, "rule_pack", None, 2)

    def test_limits_apply_to_appended_events(self):
        with shifan.History(history_doc(DESIGNATED_PLATFORM), limits={"max_string_bytes": 40, "max_depth": 4}) as h:
            self.assert_refused(h, "long note", event("annual_summary_filed", "2025-02-20", year=2024, note="x" * 41),
                                "limit_exceeded", "/events/3/note", 3)
            self.assert_refused(h, "deep note", event("annual_summary_filed", "2025-02-20", year=2024, note=[[[["x"]]]]),
                                "limit_exceeded", "/events/3/note/0/0/0", 3)

    def assert_damaged(self, data, intact, intact_json):
        try:
            h = shifan.History(data)
        except shifan.InputError as e:
            self.assertTrue(e.path == "" or e.path.startswith("/"), e.path)
            self.assertTrue(e.message_zh and e.message_en)
            return False
        except shifan.Error as e:  # any other family is a failure: not an input error
            self.fail(f"{type(e).__name__}: {e}")
        with h:
            self.assert_round_trip(h)
        self.assertEqual(intact.to_json(), intact_json)
        return True

    def test_truncated_documents(self):
        for name, text in example_histories():
            with self.subTest(name), shifan.History(text) as intact:
                intact_json = intact.to_json()
                end = len(text.rstrip())
                for i in range(end):
                    self.assertFalse(self.assert_damaged(text[:i], intact, intact_json), f"{name}: prefix of {i} bytes")
                self.assertTrue(self.assert_damaged(text[:end], intact, intact_json))
                self.assertEqual(intact.to_json(), intact_json)

    def test_corrupted_documents(self):
        rng = random.Random(20261128)
        for name, text in example_histories():
            with self.subTest(name), shifan.History(text) as intact:
                intact_json = intact.to_json()
                refused = accepted = 0
                for _ in range(600):
                    data = bytearray(text)
                    for _ in range(rng.choice((1, 1, 2, 3))):
                        i = rng.randrange(len(data))
                        data[i] ^= rng.choice((0x01, 0x02, 0x20, 0x40, 0x80, 0xFF, rng.randrange(1, 256)))
                    if self.assert_damaged(bytes(data), intact, intact_json):
                        accepted += 1
                    else:
                        refused += 1
                self.assertGreater(refused, accepted)
                self.assertEqual(intact.to_json(), intact_json)

    def test_truncated_events(self):
        ev = json.dumps(event("violation_confirmed", "2025-05-12", conduct_on="2025-03-01", finding="虚报服务数据",
                              note='a "quoted" note'), ensure_ascii=False).encode()
        with shifan.History(history_doc(DESIGNATED_PLATFORM)) as h:
            before = h.to_json()
            for i in range(len(ev)):
                with self.assertRaises(shifan.InputError):
                    h.append(ev[:i])
                self.assertEqual(h.to_json(), before)
            h.append(ev)
            self.assertEqual(len(h), 4)
            self.assert_round_trip(h)


if __name__ == "__main__":
    unittest.main()
