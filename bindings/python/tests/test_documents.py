"""One rule for every function that takes a document: a dict; bytes (always the document); an
os.PathLike (always a path); a str that is JSON text when it is empty or starts, after an optional
byte order mark, with "{", "[" or JSON whitespace, and a path otherwise."""
import json
import os
import pathlib
import shutil
import tempfile
import unittest

import shifan
from _support import EXAMPLES, SOURCE_DIR

HISTORIES = os.path.join(SOURCE_DIR, "examples", "histories")
CALENDARS = os.path.join(SOURCE_DIR, "examples", "calendars")
RULE_PACKS = os.path.join(SOURCE_DIR, "examples", "rule-packs")
EVENT = {"type": "annual_summary_filed", "year": 2025, "date": "2026-02-01"}


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


class DocumentRuleTest(unittest.TestCase):
    """Each entry point, given the same document in every form, gives the same answer; a str that
    is not JSON text is opened as a file."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="shifan-doc-")
        cls.event_path = os.path.join(cls.tmp, "event.json")
        with open(cls.event_path, "w", encoding="utf-8") as f:
            json.dump(EVENT, f)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def forms(self, path):
        """The document at `path` as: str path, relative str path, Path, str text, indented str
        text, bytes, dict."""
        text = read(path)
        return {"str path": path, "relative str path": os.path.relpath(path), "Path": pathlib.Path(path),
                "str text": text, "str text after whitespace": "\n  \t\r" + text, "bytes": text.encode(),
                "bytearray": bytearray(text.encode()), "dict": json.loads(text)}

    def assertSameForEveryForm(self, path, answer):
        results = {name: answer(doc) for name, doc in self.forms(path).items()}
        first = results["dict"]
        self.assertIsNotNone(first)
        for name, result in results.items():
            self.assertEqual(result, first, name)

    def test_evaluate(self):
        path = os.path.join(EXAMPLES, "ineligible-shortfalls.json")
        engine = shifan.Engine()

        def answer(doc):
            with shifan.evaluate(doc) as e, engine.evaluate(doc) as e2:
                self.assertEqual(e.to_json(), e2.to_json())
                return e.to_json()
        self.assertSameForEveryForm(path, answer)
        self.assertSameForEveryForm(path, lambda doc: engine.evaluate_to_json(doc))
        self.assertSameForEveryForm(path, lambda doc: [r.to_dict() for r in shifan.evaluate_many([doc, doc])])
        engine.close()

    def test_rule_pack_and_calendar(self):
        pack = os.path.join(RULE_PACKS, "changzhi-revision-example.json")
        self.assertSameForEveryForm(pack, lambda doc: shifan.Engine(rule_pack=doc).rules())
        app = os.path.join(EXAMPLES, "ineligible-shortfalls.json")
        self.assertSameForEveryForm(pack, lambda doc: shifan.evaluate(app, rule_pack=doc).to_json())
        calendar = os.path.join(CALENDARS, "cn-2025.json")
        history = os.path.join(HISTORIES, "designated-current.json")

        def answer(doc):
            with shifan.Engine(calendar=doc) as engine, shifan.Engine() as later:
                later.set_calendar(doc)
                self.assertEqual(later.interpretation("deadline_rest_days"), "roll_forward")
                return shifan.status(history, "2025-04-15", engine=engine, lang="both").to_json()
        self.assertSameForEveryForm(calendar, answer)
        self.assertSameForEveryForm(calendar, lambda doc: shifan.status(history, "2025-04-15", calendar=doc).to_json())

    def test_histories_events_and_filings(self):
        history = os.path.join(HISTORIES, "designated-current.json")
        filings = os.path.join(HISTORIES, "county-filings-shangdang.json")

        def answer(doc):
            with shifan.History(doc) as h:
                return h.to_json()
        self.assertSameForEveryForm(history, answer)
        self.assertSameForEveryForm(history, lambda doc: shifan.status(doc, "2025-04-15").to_json())
        self.assertSameForEveryForm(history, lambda doc: shifan.roster([doc], "2025-04-15").to_json())
        self.assertSameForEveryForm(filings, lambda doc: shifan.roster([history], "2025-04-15", filings=[doc]).to_json())

        def append(doc):
            with shifan.History(history) as h:
                h.append(doc)
                return h.to_json()
        self.assertSameForEveryForm(self.event_path, append)

    def test_a_str_that_is_not_json_text_is_a_path(self):
        # Every entry point opens it: a missing file is the FileNotFoundError of open(), naming it.
        missing = os.path.join(self.tmp, "no-such-file.json")
        calls = {
            "evaluate": lambda: shifan.evaluate(missing),
            "Engine.evaluate": lambda: shifan.Engine().evaluate(missing),
            "Engine.evaluate_to_json": lambda: shifan.Engine().evaluate_to_json(missing),
            "evaluate_many": lambda: shifan.evaluate_many([missing]),
            "Engine(rule_pack)": lambda: shifan.Engine(rule_pack=missing),
            "Engine(calendar)": lambda: shifan.Engine(calendar=missing),
            "Engine.set_calendar": lambda: shifan.Engine().set_calendar(missing),
            "History": lambda: shifan.History(missing),
            "History.append": lambda: shifan.History(os.path.join(HISTORIES, "designated-current.json")).append(missing),
            "status": lambda: shifan.status(missing, "2025-04-15"),
            "roster histories": lambda: shifan.roster([missing], "2025-04-15"),
            "roster filings": lambda: shifan.roster([], "2025-04-15", filings=[missing]),
        }
        for name, call in calls.items():
            with self.subTest(name), self.assertRaises(FileNotFoundError) as cm:
                call()
            self.assertEqual(cm.exception.filename, missing)
        # A str that merely looks wrong is a path too: "hello", a JSON scalar, a lone "}".
        for text in ("hello", '"a string"', "42", "}", "null"):
            with self.subTest(text), self.assertRaises(FileNotFoundError):
                shifan.evaluate(text)
        with self.assertRaises(IsADirectoryError):
            shifan.evaluate(self.tmp)

    def test_json_text_is_never_opened(self):
        # JSON text, also empty, also after a byte order mark, goes to the library, whose errors name
        # the place in the document; no file is looked for.
        cases = {"": "syntax", "{": "syntax", "[]": "wrong_type", " ": "syntax", "\ufeff{}": "syntax",
                 "\ufeff": "syntax", "\t{}": "missing_required", "{}": "missing_required"}
        for text, code in cases.items():
            with self.subTest(repr(text)), self.assertRaises(shifan.InputError) as cm:
                shifan.evaluate(text)
            self.assertEqual(cm.exception.code_name, code)
        with self.assertRaises(shifan.InputError) as cm:
            shifan.History("[")
        self.assertEqual(cm.exception.code_name, "syntax")
        with self.assertRaises(shifan.InputError):
            shifan.Engine(rule_pack="{}")

    def test_bytes_are_always_the_document(self):
        # bytes are never a path, even when a file of that name exists
        path = os.path.join(EXAMPLES, "eligible-technology.json")
        for doc in (path.encode(), bytearray(path.encode()), memoryview(path.encode())):
            with self.subTest(type(doc).__name__), self.assertRaises(shifan.InputError) as cm:
                shifan.evaluate(doc)
            self.assertEqual(cm.exception.code_name, "syntax")

    def test_path_objects_are_always_a_path(self):
        # even one whose name looks like JSON text
        odd = os.path.join(self.tmp, "{odd name}.json")
        shutil.copyfile(os.path.join(EXAMPLES, "eligible-technology.json"), odd)
        with shifan.evaluate(pathlib.Path(odd)) as e:
            self.assertEqual(e.verdict, "eligible")
        with self.assertRaises(FileNotFoundError):
            shifan.evaluate(pathlib.Path("{}"))

    def test_other_types_are_refused(self):
        for doc in (42, None, 1.5, ["{}"]):
            with self.subTest(repr(doc)), self.assertRaises(TypeError) as cm:
                shifan.evaluate(doc)
            self.assertIn("path", str(cm.exception))
        with self.assertRaises(TypeError) as cm:
            shifan.Engine(rule_pack=42)
        self.assertIn("rule_pack", str(cm.exception))
        with self.assertRaises(TypeError):
            shifan.evaluate_many(pathlib.Path(EXAMPLES))
        # one document where a list of them is expected
        history = os.path.join(HISTORIES, "designated-current.json")
        filings = os.path.join(HISTORIES, "county-filings-shangdang.json")
        for call in (lambda: shifan.roster(history, "2025-04-15"),
                     lambda: shifan.roster(pathlib.Path(history), "2025-04-15"),
                     lambda: shifan.roster([history], "2025-04-15", filings=filings),
                     lambda: shifan.roster([history], "2025-04-15", filings=read(filings).encode())):
            with self.assertRaises(TypeError) as cm:
                call()
            self.assertIn("expected a list of documents", str(cm.exception))
        with shifan.roster((history,), "2025-04-15", filings=(filings,)) as r:  # any sequence
            self.assertEqual(len(r.to_dict()["platforms"]), 1)


if __name__ == "__main__":
    unittest.main()
