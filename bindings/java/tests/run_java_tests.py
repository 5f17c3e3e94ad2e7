#!/usr/bin/env python3
"""Runs the Java bindings' tests (CTest java.bindings): prepares every policy case of tests/cases
with the CLI's answer for it, then runs cn.shifan.BindingsTest on them under LANG=C, with no JNA
option and the library named only by SHIFAN_LIBRARY.

    python3 bindings/java/tests/run_java_tests.py --java java --classpath A.jar:B.jar \\
        --cli build/ci/bin/shifan --library build/ci/lib/libshifan.so

For each case the directory holds the document (application or history), its rule pack, calendar
and readings, and what `shifan evaluate --json` / `shifan status --json --on DATE` printed with its
exit code; the manifest (cases.tsv) lists them, one case a line. The Java side must give the same
JSON, byte for byte, or the same error (code, path, event fields, both messages).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "tools"))
import shifan_cases  # noqa: E402


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--java", required=True)
    ap.add_argument("--classpath", required=True)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--library", required=True)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="shifan-java-") as tmp_name:
        tmp = Path(tmp_name)
        lines = []
        for n, case in enumerate(shifan_cases.iter_cases(REPO / "tests" / "cases")):
            d = case.doc
            base = tmp / f"c{n:04d}"
            pack = "-"
            if "rule_pack" in d:
                pack = write(base.with_suffix(".pack.json"), json.dumps(d["rule_pack"], ensure_ascii=False))
            elif "rule_pack_file" in d:
                pack = str(case.dir / d["rule_pack_file"])
            calendar = "-"
            if "calendar" in d:
                calendar = write(base.with_suffix(".calendar.json"), json.dumps(d["calendar"], ensure_ascii=False))
            readings = sorted((d.get("interpretations") or {}).items())
            options = (["--rule-pack", pack] if pack != "-" else []) + \
                      (["--calendar", calendar] if calendar != "-" else [])
            for name, value in readings:
                options += ["--interpretation", f"{name}={value}"]
            if case.is_application_case:
                kind, on = "evaluate", "-"
                doc = write(base.with_suffix(".app.json"), case.application_text())
                cmd = [args.cli, "evaluate", "--json", *options, doc]
            elif "history" in d and "on" in d:
                kind, on = "status", d["on"]
                doc = write(base.with_suffix(".history.json"), json.dumps(d["history"], ensure_ascii=False))
                cmd = [args.cli, "status", "--json", "--on", on, *options, doc]
            else:
                continue
            r = subprocess.run(cmd, capture_output=True)
            out = r.stdout if r.stdout.strip() else r.stderr
            expected = base.with_suffix(".expected.json")
            expected.write_bytes(out)
            interp = ";".join(f"{k}={v}" for k, v in readings) or "-"
            name = case.name.replace("\t", " ").replace("\n", " ")
            lines.append("\t".join([kind, str(case.path.relative_to(REPO)), doc, pack, calendar, interp, on,
                                    str(expected), str(r.returncode)]) + "\t" + name)
        if not lines:
            print("java.bindings: no policy case found", file=sys.stderr)
            return 1
        manifest = tmp / "cases.tsv"
        manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("LC_", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS"))}
        env.update(LANG="C", LC_ALL="C", SHIFAN_LIBRARY=args.library)
        env.pop("LANGUAGE", None)
        cmd = [args.java, "-cp", args.classpath, "cn.shifan.BindingsTest", str(manifest), str(REPO)]
        print("java.bindings: LANG=C SHIFAN_LIBRARY=" + args.library + " " + " ".join(cmd), flush=True)
        status = subprocess.run(cmd, env=env).returncode
        return lookup(args, env) or status


def lookup(args: argparse.Namespace, env: dict) -> int:
    """The ways a host names the library: -Dshifan.library (before SHIFAN_LIBRARY), SHIFAN_LIBRARY,
    jna.library.path; and the error when none loads."""
    lib = str(Path(args.library).resolve())
    missing = "/nonexistent/libshifan.so"

    def probe(extra_env: dict, *props: str) -> str:
        e = {k: v for k, v in env.items() if k != "SHIFAN_LIBRARY"}
        e.update(extra_env)
        r = subprocess.run([args.java, *props, "-cp", args.classpath, "cn.shifan.LookupProbe"], env=e,
                           capture_output=True, text=True)
        return r.stdout.strip() + r.stderr.strip()

    failures = 0
    for what, got, expected in (
            ("-Dshifan.library wins over SHIFAN_LIBRARY",
             probe({"SHIFAN_LIBRARY": missing}, "-Dshifan.library=" + lib), lib + " "),
            ("SHIFAN_LIBRARY", probe({"SHIFAN_LIBRARY": lib}), lib + " "),
            ("-Djna.library.path", probe({}, "-Djna.library.path=" + str(Path(lib).parent)), "shifan "),
            ("a library that does not exist", probe({"SHIFAN_LIBRARY": missing}), "error: shifan: libshifan.so not found")):
        ok = got.startswith(expected) and (not expected.startswith("error") or missing in got)
        print(f"java.bindings: library lookup, {what}: {'ok' if ok else 'FAIL'}: {got}")
        failures += not ok
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
