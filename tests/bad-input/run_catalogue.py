#!/usr/bin/env python3
"""Runs the bad-input catalogue: every NNN-name.json must be refused with the error its
NNN-name.expect.json names (code and exact JSON Pointer) — no crash, no hang, no verdict.

    run_catalogue.py --mode cli --shifan build/bin/shifan
    run_catalogue.py --mode capi --library build/capi/libshifan.so
    run_catalogue.py --mode python

An expect file is {"format": "application|rulepack|history|calendar", "code": ..., "path": ...},
optionally with "limits": {"max_string_bytes": 16, ...} (input limits the host sets for that entry).
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


def load_entries(directory: pathlib.Path) -> list[Entry]:
    entries = []
    for expect_file in sorted(directory.glob("[0-9][0-9][0-9]-*.expect.json")):
        stem = expect_file.name[: -len(".expect.json")]
        doc = directory / (stem + ".json")
        if not doc.exists():
            raise SystemExit(f"{expect_file.name}: no {doc.name} beside it")
        e = json.loads(expect_file.read_text(encoding="utf-8"))
        unknown = set(e) - {"format", "code", "path", "limits", "note"}
        if unknown:
            raise SystemExit(f"{expect_file.name}: unknown keys {sorted(unknown)}")
        entries.append(Entry(stem, doc.read_bytes(), e["format"], e["code"], e["path"], e.get("limits", {})))
    for doc in sorted(directory.glob("[0-9][0-9][0-9]-*.json")):
        if not doc.name.endswith(".expect.json") and not (directory / (doc.name[:-5] + ".expect.json")).exists():
            raise SystemExit(f"{doc.name}: no .expect.json beside it")
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
        doc = self.workdir / (e.name + ".json")
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
        shown = e.path if e.path else "(document)"
        if f": {e.code}: " not in err:
            return Outcome(False, f"stderr lacks the code {e.code}: {err[:400]}")
        if f": {e.code}: {shown}: " not in err:
            return Outcome(False, f"stderr lacks the exact path {shown!r}: {err[:400]}")
        return Outcome(True)


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
        else:
            sys.path.insert(0, str(HERE))
            from catalogue_lib import make_library_runner  # noqa: PLC0415 (only when the library exists)
            runner = make_library_runner(args.mode, args.library)
        failures = 0
        skipped = 0
        for e in entries:
            res = runner.run(e)
            if res.ok is None:
                skipped += 1
                continue
            if not res.ok:
                failures += 1
                print(f"FAIL {e.name} [{e.format}] expected {e.code} at {e.path!r}: {res.detail}")
            elif args.verbose:
                print(f"ok   {e.name}")
    print(f"bad-input catalogue ({args.mode}): {len(entries) - failures - skipped} passed, {failures} failed"
          + (f", {skipped} skipped" if skipped else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
