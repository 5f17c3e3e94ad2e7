#!/usr/bin/env python3
"""The conventions of the `shifan` command line: exit codes, the words of its errors in zh and en,
unknown options refused before any work, --version/-V, `shifan help CMD`, help in zh and en, and
`--output verdict|compact|full`.

    check_cli.py SHIFAN SOURCE_DIR

Standard library only. Prints one line per failed check and a summary; exit 1 when a check failed.
"""
from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import tempfile

SHIFAN = sys.argv[1]
SRC = pathlib.Path(sys.argv[2])
APPS = SRC / "examples" / "applications"
APP = str(APPS / "eligible-technology.json")
HISTORY = str(SRC / "examples" / "histories" / "designated-current.json")
COMMANDS = ["evaluate", "verify", "status", "roster", "rules", "generate"]

failures: list[str] = []
checks = 0


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    p = subprocess.run([SHIFAN, *args], input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def check(what: str, cond: bool, detail: str = "") -> None:
    global checks
    checks += 1
    if not cond:
        failures.append(f"{what}{': ' + detail[:500] if detail else ''}")


def has_han(s: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in s)


def expect(what: str, args: list[str], code: int, out: list[str] = (), err: list[str] = (), no_out: bool = False,
           no_err: list[str] = ()) -> tuple[str, str]:
    rc, o, e = run(*args)
    check(f"{what}: exit {code}", rc == code, f"exit {rc}; stderr: {e}")
    for s in out:
        check(f"{what}: stdout has {s!r}", s in o, o)
    for s in err:
        check(f"{what}: stderr has {s!r}", s in e, e)
    for s in no_err:
        check(f"{what}: stderr lacks {s!r}", s not in e, e)
    if no_out:
        check(f"{what}: nothing on stdout", o == "", o)
    return o, e


with tempfile.TemporaryDirectory() as tmp:
    tmpdir = pathlib.Path(tmp)

    # --- inputs that cannot be read: exit 2, "cannot read FILE: reason" in zh and en --------------
    expect("missing application", ["evaluate", "nonexist.json"], 2,
           err=["无法读取 nonexist.json：", "cannot read nonexist.json: No such file or directory"], no_out=True)
    _, e = expect("missing application, --lang en", ["evaluate", "--lang", "en", "nonexist.json"], 2,
                  err=["cannot read nonexist.json: "], no_out=True)
    check("missing application, --lang en: English only", not has_han(e), e)
    _, e = expect("missing application, --lang zh", ["evaluate", "--lang", "zh", "nonexist.json"], 2,
                  err=["无法读取 nonexist.json："], no_err=["cannot read"], no_out=True)
    expect("missing --rule-pack", ["evaluate", "--rule-pack", "nope.json", APP], 2,
           err=["无法读取 nope.json：", "cannot read nope.json: "], no_out=True)
    expect("missing --rule-pack (rules)", ["rules", "--rule-pack", "nope.json"], 2, err=["cannot read nope.json: "])
    expect("missing --calendar", ["status", "--on", "2025-04-15", "--calendar", "nope.json", HISTORY], 2,
           err=["无法读取 nope.json：", "cannot read nope.json: "])
    expect("missing --batch input", ["evaluate", "--batch", "nope.ndjson"], 2, err=["cannot read nope.ndjson: "])
    expect("missing history", ["status", "--on", "2025-04-15", "nope.json"], 2, err=["cannot read nope.json: "])
    # among several files, one that cannot be read does not hide the others (text reports)
    expect("missing application among others", ["evaluate", "nonexist.json", APP], 2,
           out=["CZ-2025-017"], err=["cannot read nonexist.json: "])
    expect("missing history among others", ["status", "--on", "2025-04-15", "nope.json", HISTORY], 2,
           out=["CZ-P-"], err=["cannot read nope.json: "])
    # ... and with --json the array stays valid JSON, the unreadable file named on stderr
    o, _ = expect("missing application among others, --json", ["evaluate", "--json", APP, "nonexist.json", APP], 2,
                  err=["cannot read nonexist.json: "])
    try:
        parsed = json.loads(o)
    except ValueError:
        parsed = None
    check("... stdout is one JSON array of the two results", isinstance(parsed, list) and len(parsed) == 2, o)
    o, _ = expect("missing history among others, --json", ["status", "--json", "--on", "2025-04-15", "nope.json", HISTORY], 2,
                  err=["cannot read nope.json: "])
    try:
        parsed = json.loads(o)
    except ValueError:
        parsed = None
    check("... stdout is one JSON array of the other status", isinstance(parsed, list) and len(parsed) == 1, o)
    expect("missing case", ["verify", "nope.json"], 2, err=["无法读取 nope.json：", "cannot read nope.json: "])
    # an output that cannot be written: exit 74 (I/O), never 64
    expect("unwritable --html", ["roster", "--on", "2025-04-15", "--html", str(tmpdir / "no" / "page.html"), HISTORY],
           74, err=["无法写入", "cannot write " + str(tmpdir / "no" / "page.html")])

    # --- unknown options: refused before any work, exit 64 ----------------------------------------
    expect("-j before a file", ["evaluate", "-j", APP], 64, err=["未知选项 -j", "unknown option -j"], no_out=True)
    expect("unknown option after a file", ["evaluate", APP, "--bogus"], 64, err=["unknown option --bogus"], no_out=True)
    for cmd in COMMANDS:
        expect(f"{cmd} --bogus", [cmd, "--bogus"], 64,
               err=["未知选项 --bogus", "unknown option --bogus", f"(see 'shifan {cmd} --help')"], no_out=True)
    expect("a flag with a value", ["evaluate", "--json=yes", APP], 64, err=["--json 不带取值", "--json takes no value"],
           no_out=True)
    expect("an option without its value", ["evaluate", APP, "--lang"], 64,
           err=["--lang 缺少取值", "--lang needs a value"], no_out=True)
    expect("a stray argument", ["rules", "extra"], 64, err=["unexpected argument extra"], no_out=True)
    expect("a bad --lang", ["evaluate", "--lang", "fr", APP], 64, err=["--lang takes zh, en or both"], no_out=True)
    expect("a bad date", ["status", "--on", "2025-02-29", HISTORY], 64, err=["不是日期", "not a date"], no_out=True)
    # after `--`, everything is a file
    expect("-- then a dash name", ["evaluate", "--", "-j"], 2, err=["cannot read -j: "], no_out=True)

    # --- usage errors in the language asked for (default: both) ----------------------------------
    _, e = expect("no application", ["evaluate"], 64, err=["未给出申请", "no application given"], no_out=True)
    _, e = expect("no application, --lang en", ["evaluate", "--lang", "en"], 64, err=["no application given"])
    check("no application, --lang en: English only", not has_han(e), e)
    _, e = expect("no application, --lang zh", ["evaluate", "--lang", "zh"], 64, err=["未给出申请"],
                  no_err=["no application given"])
    _, e = expect("unknown option, --lang en", ["status", "--lang", "en", "--bogus"], 64, err=["unknown option"])
    check("unknown option, --lang en: English only", not has_han(e), e)
    # errors in a document: both languages on stderr unless --lang is given
    bad = tmpdir / "bad.json"
    bad.write_text('{"schema": "shifan.application/1", "id": 5}', encoding="utf-8")
    _, e = expect("bad document", ["evaluate", str(bad)], 2)
    check("bad document: zh and en on stderr", has_han(e) and any(l and not has_han(l) for l in e.splitlines()), e)
    _, e = expect("bad document, --lang en", ["evaluate", "--lang", "en", str(bad)], 2)
    check("bad document, --lang en: English only", not has_han(e), e)

    # --- version and help -------------------------------------------------------------------------
    for flag in ["--version", "-V"]:
        o, _ = expect(flag, [flag], 0)
        check(f"{flag}: 'shifan X.Y.Z'", o.startswith("shifan ") and o.count(".") >= 2 and o.endswith("\n"), o)
    o, _ = expect("--help", ["--help"], 0, out=["用法：shifan <命令>", "evaluate"])
    o, _ = expect("--help --lang en", ["--help", "--lang", "en"], 0, out=["usage: shifan <command>", "commands:"])
    check("--help --lang en: English only", not has_han(o.replace("'N passed, N failed'", "")), o)
    expect("help", ["help"], 0, out=["用法：shifan <命令>"])
    expect("help bogus", ["help", "bogus"], 64, err=["unknown command 'bogus'"], no_out=True)
    expect("a bogus command", ["bogus"], 64, err=["unknown command 'bogus'"], no_out=True)
    expect("no command", [], 64, err=["用法：", "usage:"], no_out=True)
    for cmd in COMMANDS:
        zh, _ = expect(f"{cmd} --help", [cmd, "--help"], 0, out=[f"用法：shifan {cmd}", "退出码："])
        en, _ = expect(f"{cmd} --help --lang en", [cmd, "--help", "--lang", "en"], 0,
                       out=[f"usage: shifan {cmd}", "exit: "])
        check(f"{cmd} --help --lang en: English only", not has_han(en), en)
        both, _ = expect(f"{cmd} -h --lang both", [cmd, "-h", "--lang", "both"], 0)
        check(f"{cmd} -h --lang both: zh then en", both == zh + "\n" + en, both)
        o, _ = expect(f"help {cmd}", ["help", cmd], 0)
        check(f"help {cmd} is {cmd} --help", o == zh, o)
        o, _ = expect(f"help {cmd} --lang en", ["help", cmd, "--lang", "en"], 0)
        check(f"help {cmd} --lang en is {cmd} --help --lang en", o == en, o)
        # the options the English help lists are the options the command takes
        for line in en.splitlines():
            if line.startswith("  --") and not line.startswith("  --max-"):
                opt = line.split()[0].rstrip(",")
                flag = opt in ("--json", "--compact", "--ndjson", "--verbose")
                rc, _, e = run(cmd, opt) if flag else run(cmd, opt, str(tmpdir / "value"))
                check(f"{cmd}: {opt} is known", "unknown option" not in e and "未知选项" not in e, e)

    # --- verify: Chinese by default, like every command -------------------------------------------
    case = json.loads((SRC / "tests" / "cases" / "art6.1" / "legal-person-true.json").read_text(encoding="utf-8"))
    case["expect"] = {"verdict": "undetermined" if case["expect"].get("verdict") != "undetermined" else "eligible"}
    for key in ("application_file", "base"):
        if key in case:
            case[key] = str((SRC / "tests" / "cases" / "art6.1" / case[key]).resolve())
    failing = tmpdir / "failing.json"
    failing.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    o, _ = expect("verify, a failing case", ["verify", str(failing)], 1, out=["失败 ", "0 passed, 1 failed"])
    check("verify, a failing case: Chinese by default", "预期" in o and "FAIL " not in o, o)
    o, _ = expect("verify --lang en, a failing case", ["verify", "--lang", "en", str(failing)], 1,
                  out=["FAIL ", "expected", "0 passed, 1 failed"])

    # --- --output verdict|compact|full ------------------------------------------------------------
    apps = sorted(str(p) for p in APPS.glob("*.json"))
    full = json.loads(run("evaluate", "--json", *apps)[1])
    o, _ = expect("--output verdict --json", ["evaluate", "--output", "verdict", "--json", *apps], 0)
    verdicts = json.loads(o)
    check("--output verdict --json: one entry per file", len(verdicts) == len(full), o)
    for v, f in zip(verdicts, full):
        check("--output verdict: only id, verdict and functions",
              list(v) == ["application_id", "verdict", "qualified_functions"], json.dumps(v))
        check(f"--output verdict: same verdict as full ({f['application_id']})",
              (v["application_id"], v["verdict"], v["qualified_functions"]) ==
              (f["application_id"], f["verdict"], f["qualified_functions"]), json.dumps(v))
    o, _ = expect("--output verdict (text)", ["evaluate", "--output", "verdict", APP], 0)
    check("--output verdict (text): one line", o.count("\n") == 1 and o.startswith("CZ-2025-017：符合认定条件"), o)
    o, _ = expect("--output verdict --lang en (text)", ["evaluate", "--output", "verdict", "--lang", "en", APP], 0)
    check("--output verdict --lang en (text)", o == "CZ-2025-017: Eligible: meets every condition of art6 and the "
          "art7 function(s): technology\n", o)
    o1, _ = expect("--output full", ["evaluate", "--output", "full", "--json", APP], 0)
    o2, _ = expect("default output", ["evaluate", "--json", APP], 0)
    check("--output full is the default", o1 == o2, o1[:200])
    o1, _ = expect("--output compact", ["evaluate", "--output", "compact", "--json", APP], 0)
    o2, _ = expect("--compact", ["evaluate", "--compact", "--json", APP], 0)
    check("--output compact is --compact", o1 == o2, o1[:200])
    expect("--output compact without --json", ["evaluate", "--output", "compact", APP], 64, no_out=True)
    expect("--output bogus", ["evaluate", "--output", "bogus", APP], 64, err=["--output takes verdict, compact or full"])
    ndjson = run("generate", "--count", "20", "--ndjson")[1] + "{bad\n"
    src = tmpdir / "in.ndjson"
    src.write_text(ndjson, encoding="utf-8")
    rc, o, _ = run("evaluate", "--batch", str(src), "--output", "verdict")
    check("--batch --output verdict: exit 2 for the bad line", rc == 2, str(rc))
    lines = [json.loads(l) for l in o.splitlines()]
    full_lines = [json.loads(l) for l in run("evaluate", "--batch", str(src))[1].splitlines()]
    check("--batch --output verdict: one line per document", len(lines) == 21 == len(full_lines), o[:300])
    for v, f in zip(lines, full_lines):
        if "error" in f:
            check("--batch --output verdict: an error line as in full", v == f, json.dumps(v))
        else:
            check("--batch --output verdict: the same verdict as full",
                  v == {k: f[k] for k in ("application_id", "verdict", "qualified_functions")}, json.dumps(v))

if failures:
    for f in failures:
        print("FAIL " + f)
    print(f"cli conventions: {len(failures)} of {checks} checks failed")
    sys.exit(1)
print(f"cli conventions: all {checks} checks passed")
