import ctypes
import os
import re
import unittest

import shifan
from shifan import _ffi
from _support import SOURCE_DIR

APP = '{"schema": "shifan.application/1", "reference_date": "2025-04-15"%s}'


class ErrorTest(unittest.TestCase):
    def assertInputError(self, text, code_name, path):
        with self.assertRaises(shifan.InputError) as cm:
            shifan.evaluate(text)
        e = cm.exception
        self.assertEqual(e.code_name, code_name)
        self.assertEqual(e.path, path)
        self.assertTrue(e.message_zh and e.message_en)
        self.assertEqual(e.event_index, -1)
        self.assertIsInstance(e, ValueError)
        self.assertIn(path or "(document)", str(e))
        return e

    def test_bad_input(self):
        self.assertInputError("{", "syntax", "")
        self.assertInputError("", "syntax", "")
        self.assertInputError('{"schema": "shifan.history/1", "reference_date": "2025-04-15"}', "wrong_schema", "/schema")
        self.assertInputError(APP % ', "applicant": {"legal_persn": true}', "unknown_key", "/applicant/legal_persn")
        self.assertInputError(APP % ', "staff": {"serving_smes": 1.5}', "wrong_type", "/staff/serving_smes")
        self.assertInputError('{"schema": "shifan.application/1"}', "missing_required", "/reference_date")
        e = self.assertInputError(APP % ', "performance": {"satisfaction": {"surveyed": 1, "satisfied": 2}}',
                                  "inconsistent", "/performance/satisfaction/satisfied")
        self.assertEqual(e.to_dict()["error"]["path"], "/performance/satisfaction/satisfied")
        self.assertEqual(e.code, -9)

    def test_error_classes(self):
        self.assertIs(shifan._errors.error_class(-13), shifan.RulePackError)
        self.assertIs(shifan._errors.error_class(-14), shifan.HistoryError)
        self.assertIs(shifan._errors.error_class(-15), shifan.UsageError)
        self.assertIs(shifan._errors.error_class(-100), shifan.OutOfMemoryError)
        self.assertIs(shifan._errors.error_class(-101), shifan.HandleError)
        self.assertIs(shifan._errors.error_class(-16), shifan.InternalError)
        self.assertIs(shifan._errors.error_class(-999), shifan.Error)
        self.assertTrue(issubclass(shifan.HandleError, shifan.UsageError))

    def test_code_names_agree_with_the_library(self):
        for code, name in shifan._errors.CODE_NAMES.items():
            self.assertEqual(_ffi.shifan_code_name(code).decode(), name)

    def test_bad_language(self):
        with shifan.evaluate(APP % "") as e:
            with self.assertRaises(shifan.UsageError):
                e.report("fr")
            with self.assertRaises(shifan.UsageError):
                e.to_json(lang="fr")

    def test_declared_signatures(self):
        # every function of shifan.h is declared with argtypes and restype (pointers never truncated)
        with open(os.path.join(SOURCE_DIR, "capi", "include", "shifan", "shifan.h"), encoding="utf-8") as f:
            header = f.read()
        returns = dict((name, ret.strip()) for ret, name in
                       re.findall(r"SHIFAN_API ([^(;]*?)\b(shifan_[a-z0-9_]+)\(", header))
        declared_here = {n for n in dir(_ffi) if n.startswith("shifan_")
                         and isinstance(getattr(_ffi, n), ctypes._CFuncPtr)}
        self.assertEqual(set(returns), declared_here)
        for n in declared_here:
            f = getattr(_ffi, n)
            self.assertIsNotNone(f.argtypes, n)
            if "*" in returns[n]:  # a pointer must never come back as a (truncated) int
                self.assertTrue(f.restype is ctypes.c_char_p or issubclass(f.restype, ctypes._Pointer), n)
            elif returns[n] == "void":
                self.assertIsNone(f.restype, n)
            else:
                self.assertIn(f.restype, (ctypes.c_int, ctypes.c_int32, ctypes.c_int64), n)


if __name__ == "__main__":
    unittest.main()
