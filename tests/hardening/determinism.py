#!/usr/bin/env python3
"""Determinism: the same input gives byte-identical output whatever the locale (LC_ALL), the time
zone (TZ), the order of keys and the whitespace of the input, and (once batch lands) the thread
count.

    determinism.py --shifan build/bin/shifan

Every example application (and the policy cases' applications, when present) is evaluated as JSON
and as a report in each environment; the example histories' status (once `shifan status` lands)
likewise, with an explicit --on date.
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import random
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
LOCALES = ["C", "C.UTF-8", "POSIX", "zh_CN.UTF-8", "zh_CN.GB18030", "tr_TR.UTF-8", "de_DE.UTF-8", "ar_SA.UTF-8"]
ZONES = ["UTC", "Asia/Shanghai", "America/Los_Angeles", "Pacific/Kiritimati", "Pacific/Niue", "<+1345>-13:45"]
TIMEOUT_S = 60


def environments() -> list[dict[str, str]]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k not in ("LANG", "LANGUAGE", "TZ")}
    envs = []
    for loc in LOCALES:
        envs.append(dict(base, LC_ALL=loc, LANG=loc))
    for tz in ZONES:
        envs.append(dict(base, LC_ALL="C.UTF-8", TZ=tz))
    return envs


def reorder(value: object, rng: random.Random | None) -> object:
    """The same JSON value with its object members reversed (rng None) or shuffled."""
    if isinstance(value, dict):
        items = [(k, reorder(v, rng)) for k, v in value.items()]
        if rng is None:
            items.reverse()
        else:
            rng.shuffle(items)
        return dict(items)
    if isinstance(value, list):
        return [reorder(v, rng) for v in value]
    return value


def variants(text: str) -> list[str]:
    """Equivalent documents: reordered keys, other whitespace, escaped non-ASCII."""
    doc = json.loads(text)
    out = [
        json.dumps(reorder(doc, None), ensure_ascii=False),
        json.dumps(reorder(doc, random.Random(1)), ensure_ascii=False, indent=7),
        json.dumps(reorder(doc, random.Random(2)), ensure_ascii=True, separators=(",", ":")),
    ]
    return out


def run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[int, bytes, bytes]:
    p = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S, env=env)
    return p.returncode, p.stdout, p.stderr


HOST_PROGRAM = r"""
import ctypes, locale, sys
from ctypes import POINTER, byref, c_char_p, c_int, c_size_t, c_void_p
lib = ctypes.CDLL(sys.argv[1])
pp = POINTER(c_void_p)
lib.shifan_engine_new.argtypes = [pp, pp]
lib.shifan_evaluate_to_json.argtypes = [POINTER(c_void_p), POINTER(c_size_t), c_void_p, c_char_p, c_size_t,
                                        c_void_p, c_void_p, pp]
lib.shifan_string_free.argtypes = [c_void_p]
name = sys.argv[2]
if name != "C":
    locale.setlocale(locale.LC_ALL, name)  # what a host program does; raises if the locale is missing
eng = c_void_p()
assert lib.shifan_engine_new(byref(eng), None) == 0
for path in sys.argv[3:]:
    data = open(path, "rb").read()
    out, n = c_void_p(), c_size_t()
    rc = lib.shifan_evaluate_to_json(byref(out), byref(n), eng, data, len(data), None, None, None)
    text = ctypes.string_at(out, n.value) if rc == 0 else b"error %d" % rc
    lib.shifan_string_free(out)
    sys.stdout.buffer.write(text + b"\n")
"""


def host_locales(library: str, locpath: str | None, apps: list[pathlib.Path]) -> tuple[int, list[str]]:
    """A host process (Python over the C ABI) that set its locale gets the bytes of the C locale."""
    env = dict(os.environ)
    if locpath:
        env["LOCPATH"] = locpath
    failures = []
    reference = subprocess.run([sys.executable, "-c", HOST_PROGRAM, library, "C", *map(str, apps)],
                               capture_output=True, timeout=TIMEOUT_S, env=env)
    if reference.returncode != 0:
        return 0, [f"host program failed: {reference.stderr.decode(errors='replace')[-400:]}"]
    checked = 0
    for name in ("de_DE.UTF-8", "tr_TR.UTF-8", "zh_CN.UTF-8"):
        got = subprocess.run([sys.executable, "-c", HOST_PROGRAM, library, name, *map(str, apps)],
                             capture_output=True, timeout=TIMEOUT_S, env=env)
        if got.returncode != 0:
            failures.append(f"host with locale {name}: {got.stderr.decode(errors='replace')[-300:]}")
        elif got.stdout != reference.stdout:
            failures.append(f"host with locale {name}: output differs from the C locale")
        checked += 1
    return checked, failures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shifan", required=True)
    ap.add_argument("--library", help="libshifan.so: also check a host process that set its locale")
    ap.add_argument("--locpath", help="directory of compiled locales (LOCPATH) for the host check")
    args = ap.parse_args()
    shifan = args.shifan
    failures: list[str] = []

    def same(label: str, reference: tuple[int, bytes, bytes], got: tuple[int, bytes, bytes]) -> None:
        if got[0] != reference[0] or got[1] != reference[1]:
            failures.append(f"{label}: output differs (exit {got[0]} vs {reference[0]})")

    help_text = run([shifan, "evaluate", "--help"])[1].decode()
    has_jobs = "--jobs" in help_text
    has_status = run([shifan, "status", "--help"])[0] == 0

    apps = sorted((ROOT / "examples" / "applications").glob("*.json"))
    if not apps:
        print("no example applications", file=sys.stderr)
        return 1
    commands = []
    for a in apps:
        commands.append(("evaluate --json " + a.name, [shifan, "evaluate", "--json", str(a)], a))
        commands.append(("evaluate --lang both " + a.name, [shifan, "evaluate", "--lang", "both", str(a)], a))
    if has_status:
        for h in sorted((ROOT / "examples" / "histories").glob("*.json")):
            if json.loads(h.read_text(encoding="utf-8")).get("schema") != "shifan.history/1":
                continue
            for on in ("2025-02-28", "2025-06-30", "2027-12-31"):
                commands.append((f"status --on {on} {h.name}", [shifan, "status", "--json", "--on", on, str(h)], None))

    checked = 0
    with tempfile.TemporaryDirectory(prefix="shifan-determinism-") as tmp:
        for label, cmd, source in commands:
            reference = run(cmd)
            # A refused document must be refused the same way every time: exit status and stdout
            # are compared whatever they are; only an example application must evaluate.
            if reference[0] != 0 and source is not None:
                failures.append(f"{label}: exit {reference[0]}: {reference[2].decode(errors='replace')[:300]}")
                continue
            for env in environments():
                same(f"{label} under LC_ALL={env.get('LC_ALL')} TZ={env.get('TZ', '')}", reference, run(cmd, env))
                checked += 1
            if source is not None:
                for i, text in enumerate(variants(source.read_text(encoding="utf-8"))):
                    v = pathlib.Path(tmp) / f"{i}-{source.name}"
                    v.write_text(text, encoding="utf-8")
                    got = run([str(v) if c == str(source) else c for c in cmd])
                    same(f"{label} with input variant {i} (key order/whitespace)", reference, got)
                    checked += 1
        # Several files at once, and (when batch lands) any number of threads: same bytes, same order.
        many = [shifan, "evaluate", "--json", *[str(a) for a in apps]]
        reference = run(many)
        if has_jobs:
            for jobs in ("1", "2", "3", "8"):
                same(f"evaluate --jobs {jobs} (all examples)", reference, run(many + ["--jobs", jobs]))
                checked += 1
        for _ in range(3):
            same("evaluate (all examples) repeated", reference, run(many))
            checked += 1

    if args.library:
        n, host_failures = host_locales(args.library, args.locpath, apps)
        checked += n
        failures += host_failures

    for f in failures:
        print("FAIL", f)
    print(f"determinism: {checked} comparisons, {len(failures)} failed"
          + ("" if has_jobs else " (no --jobs yet: thread counts not compared)")
          + ("" if has_status else " (no status command yet)"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
