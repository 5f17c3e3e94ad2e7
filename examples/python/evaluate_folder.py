#!/usr/bin/env python3
"""Evaluate every shifan.application/1 file of a folder and print a table.

    usage: evaluate_folder.py [--lang zh|en] FOLDER

One call into libshifan evaluates the whole folder (shifan.evaluate_many); each row shows the
verdict, the qualified art7 functions and the checks that fail. Exit 0, or 2 when a file is bad
input (its row shows the error and the JSON path)."""
import argparse
import pathlib
import sys

import shifan


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=pathlib.Path)
    parser.add_argument("--lang", choices=("zh", "en"), default="en")
    args = parser.parse_args()

    files = sorted(args.folder.glob("*.json"))
    results = shifan.evaluate_many([f.read_bytes() for f in files], lang=args.lang)

    width = max([len(f.name) for f in files] + [4])
    print(f"{'file':<{width}}  {'verdict':<12}  {'functions':<34}  failing checks")
    status = 0
    for f, r in zip(files, results):
        if not r.ok:
            status = 2
            print(f"{f.name:<{width}}  {'ERROR':<12}  {r.error.code_name + ' ' + (r.error.path or '(document)'):<34}  "
                  f"{r.error.message_en if args.lang == 'en' else r.error.message_zh}")
            continue
        with r.evaluation() as e:
            failing = [c.id for c in e.checks if c.kind == "rule" and c.outcome == "fail" and c.reason != "not_claimed"]
            undetermined = [c.id + "?" for c in e.checks if c.kind == "rule" and c.outcome == "undetermined"]
        print(f"{f.name:<{width}}  {r.verdict:<12}  {','.join(r.qualified_functions) or '-':<34}  "
              f"{' '.join(failing + undetermined) or '-'}")
    counts = {v: sum(r.verdict == v for r in results) for v in ("eligible", "ineligible", "undetermined")}
    print(f"\n{len(results)} applications: " + ", ".join(f"{n} {v}" for v, n in counts.items()) +
          f", {sum(not r.ok for r in results)} bad input")
    return status


if __name__ == "__main__":
    sys.exit(main())
