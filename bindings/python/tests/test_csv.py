"""The CSV application sheet from Python: shifan.csv_template() is the CLI's template; a sheet made
from the examples, read by shifan.import_csv() in every form (bytes, text, path) and encoding, gives
the documents' own results; bad cells are named; faults of the whole sheet raise InputError."""
import csv
import io
import json
import os
import pathlib
import tempfile
import unittest

import shifan
from _support import CLI, EXAMPLES, example_names


def cell(app, cid):
    """An example's value for the column `cid`, as an officer would write it."""
    year = app.get("review_year") or int(app["reference_date"][:4])
    if "{Y" in cid:
        base, key = cid.rsplit("/", 1)
        cid = f"{base}/{year + int(key[2:-1])}"
    if cid == "/functions":
        return "、".join(app.get("functions") or {})
    if cid == "/materials":
        m = app.get("materials")
        return "" if m is None else ("、".join(m) if m else "无")
    v = app
    for k in cid.strip("/").split("/"):
        if not isinstance(v, dict) or k not in v:
            return ""
        v = v[k]
    if isinstance(v, bool):
        return "是" if v else "否"
    return str(v)


class CsvTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.apps = []
        for name in example_names():
            with open(os.path.join(EXAMPLES, name), encoding="utf-8") as f:
                cls.apps.append(json.load(f))
        head = list(csv.reader(io.StringIO(shifan.csv_template().lstrip("\ufeff"))))
        cls.words, cls.ids = head
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows([cls.words, cls.ids] + [[cell(a, c) for c in cls.ids] for a in cls.apps])
        cls.sheet = out.getvalue()

    def test_template(self):
        t = shifan.csv_template()
        self.assertTrue(t.startswith("\ufeff申报编号,"))
        self.assertIn("\r\n/id,/review_year,/reference_date,", t)
        en = shifan.csv_template(lang="en", year=2025)
        self.assertIn("total assets (CNY)", en)
        self.assertIn("/performance/smes_served/2022", en)
        if CLI:
            import subprocess
            out = subprocess.run([CLI, "template", "--csv", "--lang", "en", "--year", "2025"], check=True,
                                 capture_output=True).stdout.decode("utf-8")
            self.assertEqual(out, en)
        for bad in ({"lang": "both"}, {"lang": "fr"}, {"year": 0}, {"year": 1800}, {"year": 1 << 40}):
            with self.assertRaises(shifan.UsageError, msg=str(bad)):
                shifan.csv_template(**bad)
        with self.assertRaises(TypeError):
            shifan.csv_template(year="2025")

    def test_rows_evaluate_as_their_documents(self):
        engine = shifan.Engine()
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp) / "sheet.csv"
            path.write_bytes(self.sheet.encode("gb18030"))
            forms = [self.sheet, self.sheet.encode("utf-8"), bytearray(("\ufeff" + self.sheet).encode("utf-8")),
                     path, str(path)]
            for form in forms:
                rows = shifan.import_csv(form)
                self.assertEqual([r.row for r in rows], list(range(3, 3 + len(self.apps))))
                for row, app in zip(rows, self.apps):
                    self.assertTrue(row.ok, row.errors)
                    with engine.evaluate(row.application) as got, engine.evaluate(app) as want:
                        self.assertEqual(got.to_dict(), want.to_dict())
            rows = shifan.import_csv(path, encoding="gb18030")
            self.assertEqual(len(rows), len(self.apps))
            with self.assertRaises(shifan.InputError):
                shifan.import_csv(path, encoding="utf-8")

    def test_bad_cells_named(self):
        rows = shifan.import_csv("/id,/reference_date,/resources/partner_institutions\nA,2025-02-29,-1\nB,2025-04-15,\n")
        self.assertEqual(len(rows), 2)
        self.assertFalse(rows[0].ok)
        self.assertIsNone(rows[0].application)
        self.assertEqual([(e.cell, e.code_name, e.path) for e in rows[0].errors],
                         [("B2", "invalid_date", "/reference_date"), ("C2", "out_of_range", "/resources/partner_institutions")])
        self.assertEqual(rows[0].errors[1].header["zh"], "集聚服务机构数量（家）")
        self.assertEqual(rows[0].errors[1].column, 3)
        self.assertIn("C2", str(rows[0].errors[1]))
        self.assertTrue(rows[1].ok)
        self.assertNotIn("resources", rows[1].application)  # an empty cell is absent, never zero
        # A limit on each cell.
        rows = shifan.import_csv("/id\nABCDEFGH\n", limits={"max_string_bytes": 4})
        self.assertEqual(rows[0].errors[0].code_name, "limit_exceeded")
        self.assertEqual(rows[0].errors[0].cell, "")

    def test_faults_of_the_sheet(self):
        with self.assertRaises(shifan.InputError) as ctx:
            shifan.import_csv("/id,/applicant/capital\nA,1\n")
        self.assertEqual(ctx.exception.code_name, "unknown_key")
        with self.assertRaises(shifan.InputError):
            shifan.import_csv(b"/id\n\"A\n")
        with self.assertRaises(shifan.InputError):
            shifan.import_csv(self.sheet, limits={"max_document_bytes": 100})
        with self.assertRaises(shifan.UsageError):
            shifan.import_csv(self.sheet, encoding="latin-1")
        with self.assertRaises(shifan.UsageError):
            shifan.import_csv(self.sheet, limits={"max_cells": 1})
        with self.assertRaises(FileNotFoundError):
            shifan.import_csv("no-such-sheet.csv")
        with self.assertRaises(TypeError):
            shifan.import_csv({"id": "A"})


if __name__ == "__main__":
    unittest.main()
