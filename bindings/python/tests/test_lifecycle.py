import datetime
import json
import os
import pathlib
import subprocess
import unittest

import shifan
from _support import CLI, SOURCE_DIR, cli

HISTORIES = os.path.join(SOURCE_DIR, "examples", "histories")
CALENDARS = os.path.join(SOURCE_DIR, "examples", "calendars")


def history_text(name):
    with open(os.path.join(HISTORIES, name), encoding="utf-8") as f:
        return f.read()


class LifecycleTest(unittest.TestCase):
    def test_status(self):
        st = shifan.status(history_text("designated-current.json"), on="2025-04-15")
        self.assertEqual(st.state, "designated")
        self.assertEqual(st.days_left, 807)
        self.assertEqual(st.valid_until, datetime.date(2027, 7, 1))
        self.assertEqual(st.on, datetime.date(2025, 4, 15))
        self.assertFalse(st.may_apply_again)
        self.assertTrue(st.may_apply_again_reason("en"))
        d = st.to_dict(lang="en")
        self.assertEqual(d["schema"], "shifan.status/1")
        self.assertEqual(d["state"], "designated")
        self.assertTrue(st.report())
        st.close()
        before = shifan.status(json.loads(history_text("designated-current.json")), datetime.date(2024, 4, 1))
        self.assertEqual((before.state, before.days_left, before.valid_until), ("candidate", None, None))

    def test_history(self):
        with shifan.History(history_text("designated-current.json")) as h:
            self.assertEqual((h.platform_id, len(h)), ("CZ-P-0042", 4))
            before = h.to_json()
            with self.assertRaises(shifan.HistoryError) as cm:
                h.append({"type": "designated", "date": "2025-05-01", "document_no": "x"})
            self.assertEqual(cm.exception.event_index, 4)
            self.assertTrue(cm.exception.path.startswith("/events/4"))
            self.assertIsInstance(cm.exception, shifan.InputError)
            with self.assertRaises(shifan.InputError) as cm:
                h.append({"type": "annual_summary_filed", "year": 2025, "dat": "2026-02-01"})
            self.assertEqual(cm.exception.path, "/events/4/dat")
            # Bad data inside an event names the event, but it is no refused transition.
            self.assertEqual((cm.exception.event_index, cm.exception.event_type, cm.exception.articles), (4, None, None))
            self.assertEqual(h.to_json(), before)
            h.append({"type": "annual_summary_filed", "year": 2025, "date": "2026-02-01"})
            self.assertEqual(len(h), 5)
            self.assertEqual(shifan.History(h.to_json()).to_json(), h.to_json())
            with self.assertRaises(shifan.UsageError):
                h.status("2025-02-30")

    def test_forbidden_history(self):
        doc = {"schema": "shifan.history/1", "platform": {"id": "X"},
               "events": [{"type": "applied", "date": "2024-03-20", "review_year": 2024},
                          {"type": "designated", "date": "2024-07-01", "document_no": "x"}]}
        with self.assertRaises(shifan.HistoryError) as cm:
            shifan.status(doc, on="2025-01-01")
        self.assertEqual(cm.exception.event_index, 1)
        self.assertIn("第八条", cm.exception.message_zh)
        self.assertEqual(cm.exception.event_type, "designated")
        self.assertEqual(cm.exception.articles, ["art8", "art9", "art10", "art11"])
        d = cm.exception.to_dict()["error"]
        self.assertEqual((d["event_index"], d["event_type"], d["articles"]),
                         (1, "designated", ["art8", "art9", "art10", "art11"]))
        # The same object as the CLI prints on stderr with --json.
        if CLI:
            r = subprocess.run([CLI, "status", "--json", "--on", "2025-01-01", "-"], input=json.dumps(doc).encode(),
                               capture_output=True)
            self.assertEqual(r.returncode, 2)
            self.assertEqual(r.stdout, b"")
            self.assertEqual(json.loads(r.stderr), cm.exception.to_dict())

    def test_dates_backwards_break_no_article(self):
        doc = {"schema": "shifan.history/1", "platform": {"id": "X"},
               "events": [{"type": "applied", "date": "2024-03-20", "review_year": 2024},
                          {"type": "recommended", "date": "2024-03-19", "county": "上党区"}]}
        with self.assertRaises(shifan.HistoryError) as cm:
            shifan.status(doc, on="2025-01-01")
        self.assertEqual((cm.exception.event_index, cm.exception.event_type, cm.exception.articles),
                         (1, "recommended", []))

    def test_unknown_event_type_names_its_index(self):
        doc = {"schema": "shifan.history/1", "platform": {"id": "X"},
               "events": [{"type": "applied", "date": "2024-03-20", "review_year": 2024},
                          {"type": "recommended", "date": "2024-04-30", "county": "上党区"},
                          {"type": "designated", "date": "2024-07-01", "document_no": "x"},
                          {"type": "suspended", "date": "2025-01-10"}]}
        with self.assertRaises(shifan.InputError) as cm:
            shifan.status(doc, on="2025-06-01")
        self.assertEqual((cm.exception.code_name, cm.exception.path, cm.exception.event_index),
                         ("unknown_value", "/events/3/type", 3))

    def test_false_application_revokes(self):
        doc = {"schema": "shifan.history/1", "platform": {"id": "X", "county": "潞城区"},
               "events": [{"type": "applied", "date": "2024-03-20", "review_year": 2024},
                          {"type": "recommended", "date": "2024-04-30", "county": "潞城区"},
                          {"type": "designated", "date": "2024-07-01", "document_no": "x"},
                          {"type": "violation_confirmed", "date": "2025-05-12", "conduct_on": "2024-03-20",
                           "finding": "申报材料不实", "ground": "false_application"}]}
        st = shifan.status(doc, on="2025-05-12")
        self.assertEqual(st.state, "revoked")
        doc["events"][3]["ground"] = "violation"
        with self.assertRaises(shifan.HistoryError) as cm:
            shifan.status(doc, on="2025-05-12")
        self.assertEqual((cm.exception.path, cm.exception.event_type, cm.exception.articles),
                         ("/events/3/conduct_on", "violation_confirmed", ["art14"]))

    def test_readings_and_calendar(self):
        st = shifan.status(history_text("expired.json"), "2025-04-15", interpretations={"summary_owed": "held_any_day"})
        self.assertIn("overdue", st.to_json())
        with self.assertRaises(shifan.UsageError):
            shifan.status(history_text("expired.json"), "2025-04-15",
                          interpretations={"deadline_rest_days": "roll_forward"})
        cal = os.path.join(CALENDARS, "cn-2025.json")
        engine = shifan.Engine(calendar=cal)
        self.assertEqual(engine.interpretation("deadline_rest_days"), "roll_forward")
        self.assertEqual(shifan.status(history_text("expired.json"), "2025-04-15", calendar=cal).state, "expired")

    def test_roster(self):
        names = ["designated-current.json", "renewal.json", "revoked.json", "expired.json"]
        r = shifan.roster([history_text(n) for n in names], on="2025-04-15",
                          filings=[history_text("county-filings-shangdang.json")])
        d = r.to_dict(lang="en")
        self.assertEqual(d["schema"], "shifan.roster/1")
        self.assertTrue(r.report())
        with self.assertRaises(shifan.InputError):
            shifan.roster([history_text(names[0])] * 2, on="2025-04-15")

    def roster_of_examples(self, **kwargs):
        names = ["designated-current.json", "renewal.json", "revoked.json", "expired.json"]
        return shifan.roster([os.path.join(HISTORIES, n) for n in names], on="2025-04-15",
                             filings=[os.path.join(HISTORIES, "county-filings-shangdang.json")], **kwargs)

    def test_roster_repr(self):
        r = self.roster_of_examples()
        d = r.to_dict(lang="en")
        self.assertEqual(r.on, datetime.date(2025, 4, 15))
        self.assertEqual((len(d["platforms"]), d["designated"]["total"], len(d["overdue"])), (4, 3, 10))
        self.assertEqual(repr(r), "<shifan.Roster 2025-04-15: 4 platforms, 3 designated, 10 overdue>")
        with shifan.roster([], datetime.date(2026, 1, 2)) as empty:
            self.assertEqual(repr(empty), "<shifan.Roster 2026-01-02: 0 platforms, 0 designated, 0 overdue>")
        r.close()
        self.assertEqual(repr(r), "<shifan.Roster (closed)>")
        with self.assertRaises(shifan.HandleError) as cm:
            r.to_html()
        self.assertEqual(str(cm.exception), "handle: this Roster is closed (it cannot be used after close())")

    def test_roster_html(self):
        with self.roster_of_examples() as r:
            page = r.to_html()
            self.assertTrue(page.startswith("<!DOCTYPE html>"))
            self.assertTrue(page.rstrip().endswith("</html>"))
            for d in r.to_dict()["platforms"]:
                self.assertIn(d["id"], page)
            self.assertEqual(r.to_html(soon_days=30), page)  # the default
            self.assertEqual(r.to_html(), page)  # deterministic: no clock
            self.assertNotEqual(r.to_html(soon_days=400), page)
            titled = r.to_html(subtitle="上党区 <script>alert(1)</script>")
            self.assertIn("上党区 &lt;script&gt;alert(1)&lt;/script&gt;", titled)
            self.assertNotIn("<script>alert(1)", titled)
            self.assertEqual(r.to_html(subtitle=""), page)
            with self.assertRaises(shifan.UsageError):
                r.to_html(soon_days=-1)
            with self.assertRaises(shifan.UsageError):
                r.to_html(soon_days=1 << 31)
            self.assertIsInstance(r.to_html(soon_days=0), str)
            with self.assertRaises(shifan.UsageError):
                r.to_html(subtitle="a\x00b")
            with self.assertRaises(TypeError):
                r.to_html(soon_days=True)
            with self.assertRaises(TypeError):
                r.to_html(subtitle=b"x")  # type: ignore[arg-type]
        # the API reference lists it
        self.assertIn("HTML", shifan.Roster.to_html.__doc__)

    @unittest.skipUnless(CLI, "SHIFAN_CLI not set")
    def test_roster_html_is_the_cli_page(self):
        files = sorted(os.path.join(HISTORIES, n) for n in os.listdir(HISTORIES) if n.endswith(".json"))
        histories = [f for f in files if "county-filings" not in f]
        with shifan.roster(histories, "2025-04-15", filings=[f for f in files if "county-filings" in f]) as r:
            self.assertEqual(r.to_html(), cli("roster", "--on", "2025-04-15", "--html", "-", *files))

    @unittest.skipUnless(CLI, "SHIFAN_CLI not set")
    def test_identical_to_the_cli(self):
        files = sorted(os.path.join(HISTORIES, n) for n in os.listdir(HISTORIES) if n.endswith(".json"))
        histories = [f for f in files if "county-filings" not in f]
        for f in histories:
            with self.subTest(f), shifan.History(pathlib.Path(f).read_bytes()) as h:
                st = h.status("2025-04-15")
                self.assertEqual(st.to_json(lang="both") + "\n", cli("status", "--json", "--on", "2025-04-15", f))
        r = shifan.roster([pathlib.Path(f).read_bytes() for f in histories], on="2025-04-15",
                          filings=[pathlib.Path(f).read_bytes() for f in files if "county-filings" in f])
        self.assertEqual(r.to_json(lang="both") + "\n", cli("roster", "--json", "--on", "2025-04-15", *files))


if __name__ == "__main__":
    unittest.main()
