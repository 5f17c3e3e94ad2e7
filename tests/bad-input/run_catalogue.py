#!/usr/bin/env python3
"""Runs the bad-input catalogue: every NNN-name.json must be refused with the error its
NNN-name.expect.json names (code and exact JSON Pointer) — no crash, no hang, no verdict.

    run_catalogue.py --mode cli --shifan build/bin/shifan
    run_catalogue.py --mode capi --library build/lib/libshifan.so
    run_catalogue.py --mode python --library build/lib/libshifan.so

An expect file is {"format": "application|rulepack|history|calendar", "code": ..., "path": ...},
optionally with "limits": {"max_string_bytes": 16, ...} (input limits the host sets for that entry:
every front end applies them, whatever the format; the C ABI through shifan_evaluate's options,
shifan_history_new_from_json's and the _v2 calls for rule packs and calendars), nothing is skipped
and, for an error of a history's event, "event_index" (a forbidden transition also has "event_type" and
"articles": the article ids it breaks). Entries are read from the catalogue
directory and from its subdirectories (history/, calendar/: generate_lifecycle_catalogue.py).
Besides the committed entries, a few documents too large to commit are generated here (an
over-long string, a long array, an oversized document) and run with the default limits.
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
VALID_APPLICATION = ROOT / "examples" / "applications" / "eligible-technology.json"
TIMEOUT_S = 30
LIMIT_OPTIONS = {
    "max_document_bytes": "--max-document-bytes",
    "max_depth": "--max-depth",
    "max_array_length": "--max-array-length",
    "max_string_bytes": "--max-string-bytes",
}


@dataclass
class Entry:
    name: str
    data: bytes
    format: str
    code: str
    path: str
    limits: dict = field(default_factory=dict)
    event_index: int | None = None
    event_type: str | None = None
    articles: list | None = None


def load_entries(directory: pathlib.Path, prefix: str = "") -> list[Entry]:
    """The entries of `directory`, then those of its subdirectories (named "sub/NNN-name")."""
    entries = []
    for expect_file in sorted(directory.glob("[0-9][0-9][0-9]-*.expect.json")):
        stem = expect_file.name[: -len(".expect.json")]
        doc = directory / (stem + ".json")
        if not doc.exists():
            raise SystemExit(f"{prefix}{expect_file.name}: no {doc.name} beside it")
        e = json.loads(expect_file.read_text(encoding="utf-8"))
        unknown = set(e) - {"format", "code", "path", "limits", "note", "event_index", "event_type", "articles"}
        if unknown:
            raise SystemExit(f"{prefix}{expect_file.name}: unknown keys {sorted(unknown)}")
        entries.append(Entry(prefix + stem, doc.read_bytes(), e["format"], e["code"], e["path"], e.get("limits", {}),
                             e.get("event_index"), e.get("event_type"), e.get("articles")))
    for doc in sorted(directory.glob("[0-9][0-9][0-9]-*.json")):
        if not doc.name.endswith(".expect.json") and not (directory / (doc.name[:-5] + ".expect.json")).exists():
            raise SystemExit(f"{prefix}{doc.name}: no .expect.json beside it")
    if not prefix:
        for sub in sorted(p for p in directory.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))):
            entries += load_entries(sub, sub.name + "/")
    return entries


def generated_entries() -> list[Entry]:
    """Documents beyond the default limits (json::Limits), made at test time."""
    def application(extra: str) -> bytes:
        return ('{"schema":"shifan.application/1","reference_date":"2025-04-15",' + extra + "}").encode()

    long_name = "x" * (64 * 1024 + 1)
    return [
        Entry("gen-string-64KiB-plus-1", application('"applicant":{"name":"' + long_name + '"}'), "application",
              "limit_exceeded", "/applicant/name"),
        Entry("gen-key-64KiB-plus-1", application('"applicant":{"' + long_name + '":1}'), "application",
              "limit_exceeded", "/applicant"),
        Entry("gen-array-1000001", application('"materials":[' + ",".join(["0"] * 1_000_001) + "]"), "application",
              "limit_exceeded", "/materials/1000000"),
        Entry("gen-document-16MiB-plus-1",
              application('"id":"' + "y" * (16 * 1024 * 1024 - 60) + '"').ljust(16 * 1024 * 1024 + 1, b" "),
              "application", "limit_exceeded", ""),
        Entry("gen-depth-10000", b"[" * 10000 + b"]" * 10000, "application", "limit_exceeded", "/0" * 64),
        # the lifecycle formats: huge arrays and strings beyond the default limits
        Entry("gen-history-events-1000001",
              ('{"schema":"shifan.history/1","platform":{"id":"X"},"events":['
               + ",".join(["{}"] * 1_000_001)
               + "]}").encode(), "history", "limit_exceeded", "/events/1000000", event_index=1_000_000),
        Entry("gen-history-note-64KiB-plus-1",
              ('{"schema":"shifan.history/1","platform":{"id":"X"},"events":[{"type":"applied","date":"2024-03-20",'
               '"review_year":2024,"note":"' + long_name + '"}]}').encode(), "history", "limit_exceeded",
              "/events/0/note", event_index=0),
        Entry("gen-history-depth-10000",
              b'{"schema":"shifan.history/1","platform":{"id":"X"},"events":' + b"[" * 10000 + b"]" * 10000 + b"}",
              "history", "limit_exceeded", "/events" + "/0" * 63, event_index=0),
        Entry("gen-calendar-rest-days-1000001",
              ('{"schema":"shifan.calendar/1","rest_days":[' + ",".join(['"2026-01-01"'] * 1_000_001) + "]}").encode(),
              "calendar", "limit_exceeded", "/rest_days/1000000"),
    ]


@dataclass
class Outcome:
    ok: bool
    detail: str = ""


class CliRunner:
    def __init__(self, shifan: str, workdir: pathlib.Path) -> None:
        self.shifan = shifan
        self.workdir = workdir

    def run(self, e: Entry) -> Outcome:
        doc = self.workdir / (e.name.replace("/", "-") + ".json")
        doc.write_bytes(e.data)
        limits = []
        for k, v in e.limits.items():
            limits += [LIMIT_OPTIONS[k], str(v)]
        if e.format == "application":
            cmd = [self.shifan, "evaluate", "--json", *limits, str(doc)]
        elif e.format == "rulepack":
            cmd = [self.shifan, "evaluate", "--json", *limits, "--rule-pack", str(doc), str(VALID_APPLICATION)]
        elif e.format == "history":
            cmd = [self.shifan, "status", "--json", *limits, "--on", "2025-06-30", str(doc)]
        elif e.format == "calendar":
            cmd = [self.shifan, "status", "--json", *limits, "--on", "2025-06-30",
                   "--interpretation", "deadline_rest_days=roll_forward", "--calendar", str(doc),
                   str(ROOT / "examples" / "histories" / "designated-current.json")]
        else:
            return Outcome(False, f"unknown format {e.format}")
        try:
            p = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S, env=dict(os.environ, LC_ALL="C"))
        except subprocess.TimeoutExpired:
            return Outcome(False, f"hang: no answer in {TIMEOUT_S}s")
        finally:
            doc.unlink()
        out = p.stdout.decode("utf-8", "replace")
        err = p.stderr.decode("utf-8", "replace")
        if p.returncode != 2:
            return Outcome(False, f"exit {p.returncode} (expected 2); stderr: {err[:400]}")
        if '"verdict"' in out or "verdict" in out.lower():
            return Outcome(False, "a verdict was printed for bad input")
        if e.format in ("history", "calendar") and out.strip():
            return Outcome(False, f"a status was printed for bad input: {out[:200]}")
        # --json: the error is one JSON line on stderr, {"error": {...}}, and stdout is empty.
        if out:
            return Outcome(False, f"stdout is not empty for a refused document: {out[:200]}")
        lines = err.splitlines()
        try:
            if len(lines) != 1:
                raise ValueError(f"{len(lines)} lines")
            got = json.loads(lines[0])["error"]
        except (ValueError, KeyError, TypeError) as x:
            return Outcome(False, f"stderr is not one JSON error line ({x}): {err[:400]}")
        if got.get("code") != e.code or got.get("path") != e.path:
            return Outcome(False, f"error {got.get('code')} at {got.get('path')!r}, expected {e.code} at {e.path!r}")
        if got.get("event_index") != e.event_index:
            return Outcome(False, f"event index {got.get('event_index')}, expected {e.event_index}")
        if got.get("event_type") != e.event_type or got.get("articles") != e.articles:
            return Outcome(False, f"event type {got.get('event_type')} {got.get('articles')}, "
                                  f"expected {e.event_type} {e.articles}")
        return Outcome(True)


class CapiRunner:
    """Through the C ABI (libshifan.so) with ctypes: the status code, the error object's code name
    and path, and no result handle on failure."""

    def __init__(self, library: str) -> None:
        import ctypes
        from ctypes import POINTER, Structure, byref, c_char_p, c_int, c_int32, c_size_t, c_uint, c_uint64, c_void_p

        self.ct = ctypes
        self.byref = byref
        lib = ctypes.CDLL(library)
        self.lib = lib

        class EvaluateOptions(Structure):
            _fields_ = [("version", c_uint), ("max_document_bytes", c_uint64), ("max_depth", c_uint64),
                        ("max_array_length", c_uint64), ("max_string_bytes", c_uint64)]

        self.EvaluateOptions = EvaluateOptions
        pp = POINTER(c_void_p)
        lib.shifan_engine_new.argtypes = [pp, pp]
        lib.shifan_engine_new_from_rule_pack_json_v2.argtypes = [pp, c_char_p, c_size_t, POINTER(EvaluateOptions), pp]
        lib.shifan_engine_free.argtypes = [c_void_p]
        lib.shifan_evaluate.argtypes = [pp, c_void_p, c_char_p, c_size_t, POINTER(EvaluateOptions), pp]
        lib.shifan_evaluation_free.argtypes = [c_void_p]
        lib.shifan_error_code.argtypes = [c_void_p]
        lib.shifan_error_code.restype = c_int32
        lib.shifan_error_path.argtypes = [c_void_p]
        lib.shifan_error_path.restype = c_char_p
        lib.shifan_error_event_index.argtypes = [c_void_p]
        lib.shifan_error_event_index.restype = ctypes.c_int64
        lib.shifan_error_event_type.argtypes = [c_void_p]
        lib.shifan_error_event_type.restype = c_char_p
        lib.shifan_error_article_count.argtypes = [c_void_p]
        lib.shifan_error_article_count.restype = ctypes.c_int64
        lib.shifan_error_article.argtypes = [c_void_p, c_size_t]
        lib.shifan_error_article.restype = c_char_p
        lib.shifan_error_free.argtypes = [c_void_p]
        lib.shifan_code_name.argtypes = [c_int32]
        lib.shifan_code_name.restype = c_char_p
        lib.shifan_history_new_from_json.argtypes = [pp, c_void_p, c_char_p, c_size_t, POINTER(EvaluateOptions), pp]
        lib.shifan_history_free.argtypes = [c_void_p]
        lib.shifan_engine_set_calendar_json_v2.argtypes = [c_void_p, c_char_p, c_size_t, POINTER(EvaluateOptions), pp]
        for f in ("shifan_evaluate", "shifan_engine_new", "shifan_engine_new_from_rule_pack_json_v2",
                  "shifan_history_new_from_json", "shifan_engine_set_calendar_json_v2"):
            getattr(lib, f).restype = c_int
        self.c_void_p = c_void_p
        eng = c_void_p()
        err = c_void_p()
        if lib.shifan_engine_new(byref(eng), byref(err)) != 0:
            raise SystemExit("shifan_engine_new failed")
        self.engine = eng
        self.application = VALID_APPLICATION.read_bytes()

    def _options(self, limits: dict):
        o = self.EvaluateOptions(1, 0, 0, 0, 0)
        for k, v in limits.items():
            setattr(o, k, int(v))
        return o

    def _error(self, rc: int, err, e: Entry) -> Outcome:
        lib = self.lib
        if rc == 0:
            return Outcome(False, "accepted (status 0): a result from bad input")
        if not err.value:
            return Outcome(False, f"status {rc} without an error object")
        try:
            code = lib.shifan_error_code(err)
            name = lib.shifan_code_name(code).decode()
            path = lib.shifan_error_path(err).decode("utf-8", "replace")
            event = lib.shifan_error_event_index(err)
            event_type = lib.shifan_error_event_type(err).decode() or None
            articles = [lib.shifan_error_article(err, i).decode() for i in range(lib.shifan_error_article_count(err))]
        finally:
            lib.shifan_error_free(err)
        if code != rc:
            return Outcome(False, f"error object code {code} differs from the status {rc}")
        if name != e.code:
            return Outcome(False, f"code {name}, expected {e.code} (path {path!r})")
        if path != e.path:
            return Outcome(False, f"path {path!r}, expected {e.path!r}")
        if event != (-1 if e.event_index is None else e.event_index):
            return Outcome(False, f"event index {event}, expected {e.event_index}")
        if event_type != e.event_type or (e.event_type is not None and articles != e.articles):
            return Outcome(False, f"event type {event_type} {articles}, expected {e.event_type} {e.articles}")
        if e.event_type is None and articles:
            return Outcome(False, f"articles {articles} on an error that is no forbidden transition")
        return Outcome(True)

    def run(self, e: Entry) -> Outcome:
        lib, byref, c_void_p = self.lib, self.byref, self.c_void_p
        err = c_void_p()
        out = c_void_p()
        opts = self._options(e.limits)
        if e.format == "application":
            rc = lib.shifan_evaluate(byref(out), self.engine, e.data, len(e.data), byref(opts), byref(err))
            if out.value:
                lib.shifan_evaluation_free(out)
            return self._error(rc, err, e)
        if e.format == "rulepack":
            out.value = 1  # must come back NULL on failure: no partial handle
            rc = lib.shifan_engine_new_from_rule_pack_json_v2(byref(out), e.data, len(e.data), byref(opts), byref(err))
            if rc != 0 and out.value:
                return Outcome(False, f"status {rc} but a handle was returned")
            if rc == 0:
                # A pack error that shows only on a date (no value in force): evaluate to see it.
                ev = c_void_p()
                rc = lib.shifan_evaluate(byref(ev), out, self.application, len(self.application), None, byref(err))
                if ev.value:
                    lib.shifan_evaluation_free(ev)
                lib.shifan_engine_free(out)
            return self._error(rc, err, e)
        if e.format == "history":
            out.value = 1  # must come back NULL on failure: no partial handle
            rc = lib.shifan_history_new_from_json(byref(out), self.engine, e.data, len(e.data), byref(opts), byref(err))
            if out.value:
                if rc != 0:
                    return Outcome(False, f"status {rc} but a handle was returned")
                lib.shifan_history_free(out)
            return self._error(rc, err, e)
        if e.format == "calendar":
            eng = c_void_p()
            lib.shifan_engine_new(byref(eng), None)
            try:
                rc = lib.shifan_engine_set_calendar_json_v2(eng, e.data, len(e.data), byref(opts), byref(err))
            finally:
                lib.shifan_engine_free(eng)
            return self._error(rc, err, e)
        return Outcome(False, f"unknown format {e.format}")


class PythonRunner:
    """Through the Python package (bindings/python): the exception's code_name and path."""

    def __init__(self, library: str | None) -> None:
        if library:
            os.environ["SHIFAN_LIBRARY"] = library
        sys.path.insert(0, str(ROOT / "bindings" / "python"))
        import shifan  # noqa: PLC0415

        self.shifan = shifan
        self.engine = shifan.Engine()
        self.application = VALID_APPLICATION.read_bytes()

    def _expect(self, exc: Exception, e: Entry) -> Outcome:
        if not isinstance(exc, self.shifan.Error):
            return Outcome(False, f"{type(exc).__name__}: {exc}")
        if not isinstance(exc, self.shifan.InputError):
            return Outcome(False, f"{type(exc).__name__} is not an InputError: {exc}")
        if exc.code_name != e.code:
            return Outcome(False, f"code {exc.code_name}, expected {e.code} (path {exc.path!r})")
        if exc.path != e.path:
            return Outcome(False, f"path {exc.path!r}, expected {e.path!r}")
        event = getattr(exc, "event_index", None)
        if event in (-1,):
            event = None
        if event != e.event_index:
            return Outcome(False, f"event index {event}, expected {e.event_index}")
        if exc.event_type != e.event_type or (e.event_type is not None and exc.articles != e.articles):
            return Outcome(False, f"event type {exc.event_type} {exc.articles}, expected {e.event_type} {e.articles}")
        return Outcome(True)

    def run(self, e: Entry) -> Outcome:
        shifan = self.shifan
        limits = e.limits or None
        try:
            if e.format == "application":
                with self.engine.evaluate(e.data, limits=limits):
                    return Outcome(False, "accepted: a result from bad input")
            if e.format == "rulepack":
                with shifan.Engine(rule_pack=e.data, limits=limits) as engine, engine.evaluate(self.application):
                    return Outcome(False, "accepted: a result from bad input")
            if e.format == "history":
                with shifan.History(e.data, engine=self.engine, limits=limits):
                    return Outcome(False, "accepted: a history from bad input")
            if e.format == "calendar":
                with shifan.Engine() as engine:
                    engine.set_calendar(e.data, limits=limits)
                return Outcome(False, "accepted: a calendar from bad input")
        except Exception as exc:  # noqa: BLE001 (every exception is judged)
            return self._expect(exc, e)
        return Outcome(False, f"unknown format {e.format}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mode", choices=["cli", "capi", "python"], default="cli")
    ap.add_argument("--shifan", help="the shifan executable (mode cli)")
    ap.add_argument("--library", help="libshifan.so (modes capi, python)")
    ap.add_argument("--dir", default=str(HERE), help="catalogue directory")
    ap.add_argument("--no-generated", action="store_true", help="skip the large generated documents")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    entries = load_entries(pathlib.Path(args.dir))
    if not args.no_generated:
        entries += generated_entries()
    with tempfile.TemporaryDirectory(prefix="shifan-bad-input-") as tmp:
        if args.mode == "cli":
            if not args.shifan:
                ap.error("--mode cli needs --shifan")
            runner = CliRunner(args.shifan, pathlib.Path(tmp))
        elif args.mode == "capi":
            if not args.library:
                ap.error("--mode capi needs --library")
            runner = CapiRunner(args.library)
        else:
            runner = PythonRunner(args.library)
        failures = 0
        for e in entries:
            res = runner.run(e)
            if not res.ok:
                failures += 1
                print(f"FAIL {e.name} [{e.format}] expected {e.code} at {e.path!r}: {res.detail}")
            elif args.verbose:
                print(f"ok   {e.name}")
    print(f"bad-input catalogue ({args.mode}): {len(entries) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
