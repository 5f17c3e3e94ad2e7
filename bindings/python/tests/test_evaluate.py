import datetime
import decimal
import json
import os
import pathlib
import threading
import unittest

import shifan
from _support import CLI, EXAMPLES, SOURCE_DIR, cli, example, example_names


class EvaluateTest(unittest.TestCase):
    def test_version(self):
        self.assertRegex(shifan.version(), r"^\d+\.\d+\.\d+$")
        self.assertEqual(shifan.__version__, shifan.version())

    def test_shortfalls(self):
        with shifan.evaluate(example("ineligible-shortfalls.json")) as e:
            self.assertEqual(e.verdict, "ineligible")
            self.assertEqual(e.qualified_functions, [])
            self.assertEqual(e.application_id, "CZ-2025-031")
            self.assertEqual(e.review_year, 2025)
            self.assertEqual(e.reference_date, datetime.date(2025, 4, 15))
            self.assertEqual(e.rule_pack["id"], "changzhi-municipal")
            assets = e.check("art6.1.total_assets")
            self.assertEqual((assets.outcome, assets.reason), ("fail", "below_threshold"))
            self.assertEqual((assets.actual, assets.required, assets.shortfall),
                             (decimal.Decimal("999999.99"), decimal.Decimal("1000000.00"), decimal.Decimal("0.01")))
            self.assertEqual(assets.unit, "CNY")
            self.assertEqual(assets.missing, ())
            self.assertEqual(assets.citation, "第六条第（一）项")
            self.assertIn("差 0.01", assets.message)
            served = e.check("art6.2.smes_served")
            self.assertEqual((served.actual, served.required, served.shortfall), (72, 80, 8))
            self.assertEqual(e.check("art6").kind, "group")
            self.assertEqual(e.dossier, {"complete": False, "missing_materials": ["art10.4"]})
            self.assertEqual(e.missing, [])
            self.assertIn("结论：✗", e.report())
            self.assertIn("Verdict: ", e.report("en"))
            with self.assertRaises(KeyError):
                e.check("art99")

    def test_checks_match_the_json(self):
        with shifan.evaluate(example("ineligible-shortfalls.json"), lang="en") as e:
            d = e.to_dict()
            self.assertEqual(len(e.checks), len(d["checks"]))
            for c, j in zip(e.checks, d["checks"]):
                self.assertEqual((c.id, c.outcome, c.reason, c.kind), (j["id"], j["outcome"], j["reason"], j["kind"]))
                for k in ("actual", "required", "shortfall"):
                    self.assertEqual(c.to_dict()[k], j.get(k), (c.id, k))
                self.assertEqual(c.unit, j.get("unit"), c.id)
                self.assertEqual(list(c.missing), j.get("missing", []), c.id)
                mine = c.to_dict()  # every member of the JSON's check, in its order (citation: in `lang`)
                self.assertEqual([k for k in mine if k in j], list(j), c.id)
                self.assertEqual({k: mine[k] for k in j if k not in ("citation", "message")},
                                 {k: v for k, v in j.items() if k not in ("citation", "message")}, c.id)
                self.assertEqual(c.message, j["message"]["en"])
            self.assertEqual(d["verdict"], e.verdict)
            self.assertEqual(d["missing"], e.missing)
            self.assertEqual(d["dossier"], e.dossier)

    def test_second_comparison(self):
        # art7.5.intermediary_route compares the financing obtained, then the activities: eligible-several
        # has exactly the required 4; with 3 the route fails on them alone, short by 1.
        app = json.loads(example("eligible-several.json"))
        self.assertEqual(app["functions"]["financing"]["activities"], 4)
        with shifan.evaluate(app) as e:
            route = e.check("art7.5.intermediary_route")
            self.assertEqual(route.outcome, "pass")
            self.assertEqual(route.second, shifan.SecondComparison("activities", 4, 4, None))
            self.assertEqual(route.to_dict()["activities"], {"actual": 4, "required": 4, "shortfall": None})
        app["functions"]["financing"]["activities"] = 3
        with shifan.evaluate(app, lang="en") as e:
            route = e.check("art7.5.intermediary_route")
            self.assertEqual((route.outcome, route.actual, route.shortfall), ("fail", decimal.Decimal("400000000.00"), None))
            second = route.second
            self.assertIsNotNone(second)
            assert second is not None
            self.assertEqual(second.name, "activities")
            self.assertEqual((second.actual, second.required, second.shortfall), (3, 4, 1))
            checks = e.to_dict()["checks"]
            j = next(c for c in checks if c["id"] == "art7.5.intermediary_route")
            self.assertEqual(j["activities"], {"actual": 3, "required": 4, "shortfall": 1})
            self.assertEqual(route.to_dict()["activities"], j["activities"])
            for c, j in zip(e.checks, checks):  # every check: a second comparison exactly where the JSON has one
                members = {k: v for k, v in j.items() if isinstance(v, dict) and "actual" in v}
                expected = {} if c.second is None else {c.second.name: c.to_dict()[c.second.name]}
                self.assertEqual(members, expected, c.id)
            assets = e.check("art6.1.total_assets").to_dict()
            self.assertEqual(list(assets), ["id", "citation", "kind", "outcome", "reason", "actual", "required",
                                            "shortfall", "unit", "message"])

    def test_typed_numbers(self):
        # Money and percentages are exact decimal.Decimal (two decimals, as the JSON writes them),
        # counts and days int, dates datetime.date; no float anywhere.
        with shifan.evaluate(example("ineligible-shortfalls.json")) as e:
            for c in e.checks:
                for v in (c.actual, c.required, c.shortfall):
                    self.assertIsInstance(v, (int, decimal.Decimal, datetime.date, type(None)), c.id)
                    self.assertNotIsInstance(v, (bool, float))
            satisfaction = e.check("art6.2.satisfaction")
            self.assertIsInstance(satisfaction.actual, decimal.Decimal)
            self.assertEqual(satisfaction.required, decimal.Decimal("80.00"))
            self.assertEqual(str(satisfaction.required), "80.00")
            self.assertEqual(e.check("art6.1.total_assets").shortfall + decimal.Decimal("999999.99"),
                             e.check("art6.1.total_assets").required)
        app = json.loads(example("eligible-technology.json"))
        established = datetime.date.fromisoformat(app["applicant"]["established_on"])
        with shifan.evaluate(app) as e:
            period = e.check("art6.1.operating_period")
            self.assertIsInstance(period.actual, datetime.date)
            self.assertEqual(period.required, e.reference_date)
            self.assertEqual(period.actual, established.replace(year=established.year + 2))
            self.assertIsNone(period.shortfall)
            self.assertEqual(period.unit, "days")
            served = e.check("art6.2.smes_served")
            self.assertIsInstance(served.actual, int)
            self.assertEqual(served.unit, "SMEs")
        # Established on the reference date two years back: the period's last day is the reference
        # date itself, so one more day is still to run (after_last_day); a day earlier it passes.
        reference = datetime.date.fromisoformat(app["reference_date"])
        for days_before, outcome, shortfall in ((0, "fail", 1), (1, "pass", None)):
            on = reference.replace(year=reference.year - 2) - datetime.timedelta(days=days_before)
            app["applicant"]["established_on"] = on.isoformat()
            with shifan.evaluate(app) as e:
                period = e.check("art6.1.operating_period")
                self.assertEqual((period.outcome, period.actual, period.shortfall),
                                 (outcome, on.replace(year=on.year + 2), shortfall))
        # every number of every example round-trips to the JSON exactly
        for name in example_names():
            with self.subTest(name), shifan.evaluate(example(name)) as e:
                for c, j in zip(e.checks, e.to_dict()["checks"]):
                    self.assertEqual({k: c.to_dict()[k] for k in ("actual", "required", "shortfall")},
                                     {k: j.get(k) for k in ("actual", "required", "shortfall")}, c.id)

    def test_check_unit_and_missing(self):
        with shifan.evaluate(example("undetermined-missing.json")) as e:
            satisfaction = e.check("art6.2.satisfaction")
            self.assertEqual(satisfaction.outcome, "undetermined")
            self.assertEqual(satisfaction.missing, ("/performance/satisfaction",))
            self.assertEqual(satisfaction.unit, "satisfied respondents")
            self.assertEqual(satisfaction.to_dict()["missing"], ["/performance/satisfaction"])
            growth = e.check("art6.2.steady_growth")
            self.assertIn("/performance/smes_served/2023", growth.missing)
            # the evaluation's missing inputs are the union of its checks'
            union = {p for c in e.checks for p in c.missing}
            self.assertEqual(union, set(e.missing))
            self.assertEqual(e.check("art6").unit, None)
            self.assertEqual(e.check("art6").missing, ())
            self.assertNotIn("missing", e.check("art6.1.total_assets").to_dict())

    def test_input_forms(self):
        text = example("eligible-several.json")
        as_dict = json.loads(text)
        for app in (text, text.encode(), bytearray(text.encode()), as_dict):
            with shifan.evaluate(app) as e:
                self.assertEqual(e.verdict, "eligible")
                self.assertEqual(e.qualified_functions, ["information", "training", "financing"])
        with shifan.evaluate(pathlib.Path(EXAMPLES) / "eligible-several.json") as e:
            self.assertEqual(e.verdict, "eligible")
        with self.assertRaises(TypeError):
            shifan.evaluate(42)  # type: ignore[arg-type]

    def test_missing_and_unknown_dossier(self):
        e = shifan.evaluate(example("undetermined-missing.json"))
        self.assertEqual(e.verdict, "undetermined")
        self.assertEqual(e.missing, ["/performance/satisfaction", "/performance/smes_served/2023",
                                     "/functions/information/activities"])
        self.assertEqual(e.dossier, {"complete": None, "missing_materials": []})
        e.close()
        e.close()  # idempotent

    @unittest.skipUnless(CLI, "SHIFAN_CLI not set")
    def test_identical_to_the_cli(self):
        engine = shifan.Engine()
        for name in example_names():
            path = os.path.join(EXAMPLES, name)
            with self.subTest(name), shifan.evaluate(example(name)) as e:
                self.assertEqual(e.to_json(lang="both") + "\n", cli("evaluate", "--json", path))
                self.assertEqual(engine.evaluate_to_json(example(name)) + "\n", cli("evaluate", "--json", path))
                self.assertEqual(e.report(), cli("evaluate", path))
                self.assertEqual(e.to_json(lang="en", compact=True) + "\n",
                                 cli("evaluate", "--json", "--compact", "--lang", "en", path))

    def test_closed_handles_raise(self):
        e = shifan.evaluate(example("eligible-technology.json"))
        e.close()
        with self.assertRaises(shifan.UsageError):
            e.verdict
        with self.assertRaises(shifan.HandleError) as cm:
            e.checks
        # a closed object is no bad document: its error names no place in one
        self.assertEqual(str(cm.exception), "handle: this Evaluation is closed (it cannot be used after close())")
        self.assertEqual(cm.exception.code_name, "handle")
        self.assertNotIn("(document)", str(cm.exception))
        self.assertIn("Evaluation", cm.exception.message_zh)
        engine = shifan.Engine()
        engine.close()
        with self.assertRaises(shifan.UsageError):
            engine.evaluate(example("eligible-technology.json"))
        self.assertIn("closed", repr(engine))

    def test_threads_share_one_engine(self):
        engine = shifan.Engine()
        docs = [example(n) for n in example_names()]
        expected = [engine.evaluate_to_json(d) for d in docs]
        failures = []

        def work(k):
            for r in range(30):
                i = (k + r) % len(docs)
                if engine.evaluate_to_json(docs[i]) != expected[i]:
                    failures.append(i)

        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(failures, [])


class EngineTest(unittest.TestCase):
    def test_interpretations(self):
        engine = shifan.Engine(interpretations={"growth": "non_decreasing"})
        self.assertEqual(engine.interpretation("growth"), "non_decreasing")
        self.assertEqual(engine.interpretations["summary_owed"], "held_at_year_end")
        with engine.evaluate(example("eligible-technology.json")) as e:
            self.assertEqual(e.to_dict()["interpretations"]["growth"], "non_decreasing")
        with self.assertRaises(shifan.UsageError) as cm:
            engine.set_interpretation("growth", "sideways")
        self.assertIn("non_decreasing", cm.exception.message_en)
        self.assertEqual(cm.exception.code_name, "usage")
        with self.assertRaises(shifan.UsageError):
            shifan.evaluate(example("eligible-technology.json"), interpretations={"colour": "red"})

    def test_rule_pack(self):
        pack = {"schema": "shifan.rulepack/1", "id": "strict", "version": "2", "base": "changzhi-municipal",
                "parameters": {"min_smes_served": 110}}
        for form in (pack, json.dumps(pack), json.dumps(pack).encode()):
            engine = shifan.Engine(rule_pack=form)
            self.assertEqual((engine.rule_pack_id, engine.rule_pack_version), ("strict", "2"))
            with engine.evaluate(example("eligible-technology.json")) as e:
                self.assertEqual(e.verdict, "ineligible")
                self.assertEqual(e.check("art6.2.smes_served").required, 110)
        # a str path to a pack, as a dict or text would be
        path = os.path.join(SOURCE_DIR, "examples", "rule-packs", "changzhi-revision-example.json")
        with open(path, encoding="utf-8") as f:
            self.assertEqual(shifan.Engine(rule_pack=path).rules(), shifan.Engine(rule_pack=f.read()).rules())
        with self.assertRaises(shifan.RulePackError):
            shifan.Engine(rule_pack=dict(pack, base="nowhere"))
        with self.assertRaises(shifan.InputError) as cm:
            shifan.Engine(rule_pack=dict(pack, parameters={"min_smes_servd": 1}))
        self.assertEqual(cm.exception.path, "/parameters/min_smes_servd")
        e = shifan.evaluate(example("eligible-technology.json"), rule_pack=pack)
        self.assertEqual(e.rule_pack, {"id": "strict", "version": "2"})

    def test_rules_registry(self):
        registry = shifan.Engine().rules()
        self.assertEqual(registry["schema"], "shifan.registry/1")

    def test_engine_and_options_are_exclusive(self):
        with self.assertRaises(shifan.UsageError):
            shifan.evaluate("{}", engine=shifan.Engine(), interpretations={"growth": "strict"})


if __name__ == "__main__":
    unittest.main()
