import json
import unittest

import shifan
from _support import example, example_names

BAD = '{"schema": "shifan.application/1", "reference_date": "2025-04-15", "staff": {"serving_smes": -1}}'


class BatchTest(unittest.TestCase):
    def test_one_bad_document_among_good_ones(self):
        docs = [example(n) for n in example_names()]
        apps = docs[:2] + [BAD] + docs[2:] + ["", json.loads(docs[0])]
        results = shifan.evaluate_many(apps, jobs=2)
        self.assertEqual(len(results), len(apps))
        engine = shifan.Engine()
        for i, (app, r) in enumerate(zip(apps, results)):
            self.assertEqual(r.index, i)
            if app in (BAD, ""):
                self.assertFalse(r.ok)
                self.assertIsNone(r.verdict)
                self.assertEqual(r.qualified_functions, ())
                self.assertIsInstance(r.error, shifan.InputError)
                with self.assertRaises(shifan.InputError):
                    r.evaluation()
                self.assertIn("error", r.to_dict())
            else:
                with engine.evaluate(app) as single:
                    self.assertTrue(r.ok, r)
                    self.assertIsNone(r.error)
                    self.assertEqual(r.verdict, single.verdict)
                    self.assertEqual(list(r.qualified_functions), single.qualified_functions)
                    self.assertEqual(r.to_dict(lang="both"), single.to_dict(lang="both"))
        bad = results[2]
        self.assertEqual((bad.status, bad.error.code_name, bad.error.path), (-3, "out_of_range", "/staff/serving_smes"))
        self.assertEqual(results[-2].error.code_name, "syntax")

    def test_empty_and_engine(self):
        self.assertEqual(shifan.evaluate_many([]), [])
        engine = shifan.Engine(interpretations={"growth": "non_decreasing"})
        [r] = shifan.evaluate_many([example("eligible-technology.json")], engine=engine)
        self.assertEqual(r.to_dict()["interpretations"]["growth"], "non_decreasing")

    def test_many(self):
        docs = [example(n).encode() for n in example_names()] * 500
        results = shifan.evaluate_many(docs)
        self.assertEqual(len(results), len(docs))
        k = len(example_names())
        for i, r in enumerate(results):
            self.assertEqual((r.verdict, r.qualified_functions), (results[i % k].verdict, results[i % k].qualified_functions))
        self.assertEqual(sum(r.verdict == "eligible" for r in results[:k]), 3)


if __name__ == "__main__":
    unittest.main()
