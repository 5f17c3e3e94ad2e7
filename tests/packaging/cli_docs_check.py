#!/usr/bin/env python3
"""CTest cli.man_pages: the man pages and the bash completion the build generated agree with the CLI.

    python3 tests/packaging/cli_docs_check.py --shifan build/ci/bin/shifan --man-dir build/ci/man \
        --completion build/ci/completion/shifan

- every command that `shifan --help` lists has a page shifan-<command>.1, and shifan.1 lists it;
- every option in `shifan <command> --help` is in that command's page and completes after
  `shifan <command> -`; the page's SYNOPSIS is the usage line;
- `--interpretation` completes to every NAME=VALUE of the readings in `shifan rules --json`, `--lang`
  to the languages, the first word to the commands;
- the pages render without warnings (`groff -k -Tutf8 -man -ww -z`, when groff is installed).
"""
import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

ap = argparse.ArgumentParser()
ap.add_argument("--shifan", required=True)
ap.add_argument("--man-dir", required=True, type=Path)
ap.add_argument("--completion", required=True, type=Path)
args = ap.parse_args()
failures = []


def out(*a):
    return subprocess.run([args.shifan, *a], stdout=subprocess.PIPE, check=True).stdout.decode()


def complete(*words):
    """COMPREPLY of the completion script for the command line `words` (the last word is completed)."""
    script = (f"source {args.completion}\nCOMP_WORDS=({' '.join(repr(w) for w in words)})\n"
              f"COMP_CWORD={len(words) - 1}\n_shifan\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n")
    r = subprocess.run(["bash", "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode != 0:
        failures.append(f"completion of {words}: {r.stderr.decode()}")
    return set(r.stdout.decode().split())


def unroff(text):
    return text.replace("\\-", "-").replace("\\e", "\\")


commands = re.findall(r"^  (\S+)\s{2,}", out("--help", "--lang", "en").split("commands:")[1].split("\n\n")[0], re.M)
if len(commands) < 5:
    failures.append(f"commands: {commands}")
top = unroff((args.man_dir / "shifan.1").read_text(encoding="utf-8"))
if not set(commands) <= complete("shifan", ""):
    failures.append(f"first word completes to {complete('shifan', '')}, not every command {commands}")
for cmd in commands:
    page_path = args.man_dir / f"shifan-{cmd}.1"
    if not page_path.exists():
        failures.append(f"no man page {page_path.name}")
        continue
    if f".B {cmd}" not in top or f"shifan-{cmd}" not in top:
        failures.append(f"shifan.1 does not list {cmd}")
    page = unroff(page_path.read_text(encoding="utf-8"))
    help_text = out(cmd, "--help", "--lang", "en")  # the pages are made from the English help
    usage = re.search(r"^usage: (.*)$", help_text, re.M).group(1).strip()
    if f".SH SYNOPSIS\n.B {usage}\n" not in page:
        failures.append(f"shifan-{cmd}.1: SYNOPSIS is not '{usage}'")
    options = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", help_text)) - {"--help"}
    options = {o for o in options if re.search(r"^\s+" + re.escape(o) + r"\b|, " + re.escape(o) + r"\b|\[" + re.escape(o) + r"\b|\| " + re.escape(o) + r"\b", help_text, re.M)}
    completed = complete("shifan", cmd, "--")
    for o in sorted(options):
        if o not in page:
            failures.append(f"shifan-{cmd}.1 lacks {o}")
        if o not in completed:
            failures.append(f"'shifan {cmd} --<TAB>' lacks {o}")
    print(f"cli.man_pages: shifan-{cmd}.1 and its completion have all {len(options)} options of --help")
readings = {f"{r['name']}={v}" for r in json.loads(out("rules", "--json"))["interpretations"] for v in r["values"]}
got = complete("shifan", "evaluate", "--interpretation", "")
if got != readings:
    failures.append(f"--interpretation completes to {sorted(got)}, not {sorted(readings)}")
if complete("shifan", "status", "--lang", "") != {"zh", "en", "both"}:
    failures.append("--lang does not complete to zh en both")
if complete("shifan", "status", "--interpretation", "dead") != {"deadline_rest_days=literal", "deadline_rest_days=roll_forward"}:
    failures.append("--interpretation dead<TAB> does not complete to the deadline_rest_days readings")
groff = shutil.which("groff")
if groff:
    for page_path in sorted(args.man_dir.glob("*.1")):
        r = subprocess.run([groff, "-k", "-Tutf8", "-man", "-ww", "-z", str(page_path)], stderr=subprocess.PIPE)
        if r.returncode != 0 or r.stderr:
            failures.append(f"groff warns about {page_path.name}: {r.stderr.decode()}")
print(f"cli.man_pages: {len(list(args.man_dir.glob('*.1')))} pages, --interpretation completes to {len(readings)} readings"
      + ("" if groff else " (groff not installed: pages not rendered)"))
for f in failures:
    print("cli.man_pages: FAIL:", f, file=sys.stderr)
sys.exit(1 if failures else 0)
