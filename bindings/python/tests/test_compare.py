"""Policy simulation from Python: ``shifan.compare`` and ``Comparison`` over the C ABI."""
import json
import os
import sys
import threading
import unittest

import shifan

from _support import SOURCE_DIR, example

sys.path.insert(0, os.path.join(SOURCE_DIR, "tests", "schema"))
import schemalib  # noqa: E402  (the project's JSON Schema checker)

ALTERNATIVE_PACK = {"schema": "shifan.rulepack/1", "id": "alt", "version": "1", "base": "changzhi-municipal",
                    "parameters": {"min_smes_served": 60}}


def served(doc: dict, counts: dict) -> dict:
    """``doc`` with its SMEs served per year replaced."""
    d = json.loads(json.dumps(doc))
    d["performance"]["smes_served"] = counts
    return d


class CompareTest(unittest.TestCase):
    def setUp(self) -> None:
        self.eligible = json.loads(example("eligible-several.json"))
        # 70 in the year before the review year: fails at 80, passes at 60 (and still growing).
        self.between = served(self.eligible, {"2022": 50, "2023": 60, "2024": 70})
        self.below = served(self.eligible, {"2022": 40, "2023": 50, "2024": 55})

    def test_same_engine_changes_nothing(self) -> None:
        engine = shifan.Engine()
        with shifan.compare([self.eligible, self.between, self.below], baseline=engine, alternative=engine) as c:
            self.assertEqual(c.applications, 3)
            self.assertEqual(c.changed, 0)
            d = c.to_dict()
            self.assertEqual(d["schema"], "shifan.comparison/1")
            self.assertEqual(d["differences"], [])
            self.assertEqual(d["changed_applications"], [])
            self.assertTrue(all(r["changed"] == 0 for r in d["rules"]))

    def test_lowered_threshold_changes_exactly_the_one_between(self) -> None:
        alternative = shifan.Engine(rule_pack=ALTERNATIVE_PACK)
        c = shifan.compare([self.eligible, self.between, self.below], alternative=alternative, chunk=2)
        self.assertEqual(c.applications, 3)
        self.assertEqual(c.changed, 1)
        self.assertEqual(c.transitions["ineligible"]["eligible"], 1)
        self.assertEqual(c.transitions["eligible"]["eligible"], 1)
        self.assertEqual(c.transitions["ineligible"]["ineligible"], 1)
        d = c.to_dict(lang="en")
        self.assertEqual([x["parameter"] for x in d["differences"]], ["min_smes_served"])
        self.assertEqual(d["differences"][0]["before"], [{"from": None, "value": 80}])
        self.assertEqual(d["differences"][0]["after"], [{"from": None, "value": 60}])
        (changed,) = d["changed_applications"]
        self.assertEqual(changed["index"], 1)
        self.assertEqual((changed["before"], changed["after"]), ("ineligible", "eligible"))
        leaves = [r for r in changed["rules"] if r["id"].count(".") == 2]
        self.assertEqual([r["id"] for r in leaves], ["art6.2.smes_served"])
        self.assertEqual(leaves[0]["before"]["required"], 80)
        self.assertEqual(leaves[0]["after"]["required"], 60)
        self.assertEqual(leaves[0]["after"]["actual"], 70)
        self.assertEqual(schemalib.errors("shifan.comparison/1", d), [])
        self.assertEqual(schemalib.errors("shifan.comparison/1", c.to_dict(lang="both")), [])
        rule = next(r for r in d["rules"] if r["id"] == "art6.2.smes_served")
        self.assertEqual(rule["changed"], 1)
        self.assertIn("min_smes_served", c.report("en"))
        self.assertIn("ineligible → eligible", c.report("en"))
        self.assertIn("不符合条件 → 符合条件", c.report("zh"))
        self.assertRegex(repr(c), r"3 applications, 1 changed")
        c.close()
        self.assertEqual(repr(c), "<shifan.Comparison (closed)>")

    def test_readings_side_by_side(self) -> None:
        flat = served(self.eligible, {"2022": 120, "2023": 130, "2024": 130})
        alternative = shifan.Engine(interpretations={"growth": "non_decreasing"})
        with shifan.compare([flat], alternative=alternative) as c:
            d = c.to_dict()
            self.assertEqual(d["differences"], [{"interpretation": "growth", "before": "strict",
                                                 "after": "non_decreasing"}])
            self.assertEqual(c.changed, 1)

    def test_bounded_detail_and_pieces(self) -> None:
        alternative = shifan.Engine(rule_pack=ALTERNATIVE_PACK)
        with shifan.Comparison(shifan.Engine(), alternative, max_changed=2) as c:
            for _ in range(3):
                c.add([self.between, self.eligible])
            d = c.to_dict()
            self.assertEqual(c.changed, 3)
            self.assertEqual([a["index"] for a in d["changed_applications"]], [0, 2])
            self.assertTrue(d["truncated"])

    def test_bad_input(self) -> None:
        engine = shifan.Engine()
        with shifan.compare(["{", self.eligible], alternative=engine) as c:
            self.assertEqual(c.transitions["error"]["error"], 1)
            self.assertEqual(schemalib.errors("shifan.comparison/1", c.to_dict()), [])
        with self.assertRaises(TypeError):
            shifan.compare("[]", alternative=engine)
        with self.assertRaises(TypeError):
            shifan.compare([self.eligible], alternative="pack.json")  # type: ignore[arg-type]
        with self.assertRaises(shifan.UsageError):
            shifan.compare([self.eligible], alternative=engine, chunk=0)
        with self.assertRaises(shifan.UsageError):
            shifan.Comparison(engine, engine, max_changed=-1)

    def test_engines_may_close_first_and_threads_are_serialised(self) -> None:
        baseline, alternative = shifan.Engine(), shifan.Engine(rule_pack=ALTERNATIVE_PACK)
        c = shifan.Comparison(baseline, alternative)
        baseline.close()
        alternative.close()
        errors = []

        def feed() -> None:
            try:
                for _ in range(20):
                    c.add([self.between])
                    c.to_json()
            except Exception as e:  # pragma: no cover - reported below
                errors.append(e)

        threads = [threading.Thread(target=feed) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        self.assertEqual(c.applications, 80)
        self.assertEqual(c.changed, 80)
        c.close()
        with self.assertRaises(shifan.UsageError):
            c.add([self.between])


if __name__ == "__main__":
    unittest.main()
