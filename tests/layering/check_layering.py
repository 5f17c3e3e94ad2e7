#!/usr/bin/env python3
"""Checks the layering of the public headers under include/shifan.

    check_layering.py [--root DIR]   check DIR/include/shifan (default: this repository)
    check_layering.py --self-test    check the checker on small synthetic trees

Every file under include/shifan belongs to a layer (PLACES below); layers are ordered
core <- model <- rules <- engine <- io <- umbrella, and a header may include only headers of its
own layer or of lower ones. Besides that, nothing under include/ may
  - include anything under src/ (or any other file outside include/ by a relative path),
  - include <nlohmann/...> or <thread> (FORBIDDEN_INCLUDES): the public headers stay light,
  - hold HTML markup in a string literal ("<html", "<div", "<table", "<!DOCTYPE", ...): pages are
    rendered by compiled code, not by headers.
A folder or top-level file under include/shifan that PLACES does not name is an error, so that a
new one is placed in a layer on purpose. Includes are read after comments are removed.

Prints one line per violation (path:line: what) and a summary; exit 0 when the tree is right,
1 when it is not, 2 on bad usage.
"""
from __future__ import annotations

import argparse
import pathlib
import re
import sys
import tempfile

# The layers, lowest first: a header may include its own layer and the layers before it.
LAYERS = ["core", "model", "rules", "engine", "io", "umbrella"]

# Where each layer lives, relative to include/shifan: "name/" is a folder, anything else a file.
PLACES = {
    "core/": "core",
    "model/": "model",
    "rules/": "rules",
    "engine.hpp": "engine",
    "evaluation.hpp": "engine",
    "lifecycle/": "engine",
    "io.hpp": "io",
    "io/": "io",
    "shifan.hpp": "umbrella",
    "lifecycle.hpp": "umbrella",
    "version.hpp": "umbrella",
}

# Includes no public header may have (a prefix of what is between <> or "").
FORBIDDEN_INCLUDES = {
    "nlohmann/": "the JSON library stays in compiled code (src/core)",
    "thread": "threads stay in compiled code (src/core)",
    # Heavy standard and Boost headers: each brings 10,000-50,000 lines to every includer. What needs
    # them is compiled once in src/core (see docs/architecture.md, "What a header costs").
    "memory": "shared ownership is core/shared.hpp; owned implementations are compiled in src/core",
    "functional": "callbacks are core/function_ref.hpp",
    "algorithm": "sorting and searching stay in compiled code (src/core), or a loop",
    "map": "ordered maps stay in compiled code (src/core)",
    "set": "ordered sets stay in compiled code (src/core)",
    "sstream": "streams stay in compiled code (src/core)",
    "iostream": "streams stay in compiled code (src/core)",
    "boost/date_time/": "dates are shifan::Date (core/date.hpp)",
}

# HTML markup in a string literal: an opening or closing tag of a common element, or a doctype.
HTML_TAG = re.compile(
    r"<\s*(?:!doctype|/?\s*(?:html|head|body|title|meta|link|style|script|div|span|table|thead|tbody|tfoot|tr|td|th"
    r"|p|br|hr|ul|ol|li|a|h[1-6]|section|article|header|footer|nav|main|form|input|button|label|select|option"
    r"|svg|img|details|summary|pre|code|em|strong|small|caption|colgroup|col))(?=[\s>/])",
    re.IGNORECASE,
)

INCLUDE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*([<"])([^>"]+)[>"]', re.MULTILINE)


def strip_comments(text: str) -> tuple[str, list[tuple[int, str]]]:
    """The text with comments blanked (newlines kept, so line numbers hold), and its string
    literals as (line, contents), raw strings included."""
    out: list[str] = []
    strings: list[tuple[int, str]] = []
    i, n, line = 0, len(text), 1
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            i = j
            continue
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            line += text.count("\n", i, j)
            i = j
            continue
        raw = re.match(r'(?:u8|u|U|L)?R"([^()\\ \t\n]{0,16})\(', text[i:i + 24])
        if raw and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            end = ")" + raw.group(1) + '"'
            start = i + raw.end()
            j = text.find(end, start)
            j = n if j < 0 else j
            strings.append((line, text[start:j]))
            stop = min(n, j + len(end))
            out.append(text[i:stop])
            line += text.count("\n", i, stop)
            i = stop
            continue
        if c == '"' or (c == "'" and not (i > 0 and text[i - 1].isalnum())):  # ' after a digit is a separator
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            if c == '"':
                strings.append((line, text[i + 1:j]))
            out.append(text[i:j + 1])
            line += text.count("\n", i, j + 1)
            i = j + 1
            continue
        if c == "\n":
            line += 1
        out.append(c)
        i += 1
    return "".join(out), strings


def layer_of(rel: pathlib.PurePosixPath) -> str | None:
    """The layer of a path relative to include/shifan, or None when no layer holds it."""
    top = rel.parts[0] + ("/" if len(rel.parts) > 1 else "")
    return PLACES.get(top)


def check(root: pathlib.Path) -> tuple[list[str], int]:
    """The violations in root/include/shifan (as 'path:line: what') and the number of files read."""
    include = root / "include"
    base = include / "shifan"
    if not base.is_dir():
        return [f"{base}: no such folder"], 0
    rank = {name: k for k, name in enumerate(LAYERS)}
    problems: list[str] = []
    files = sorted(p for p in base.rglob("*") if p.is_file())
    for entry in sorted(base.iterdir()):
        key = entry.name + ("/" if entry.is_dir() else "")
        if key not in PLACES:
            kind = "folder" if entry.is_dir() else "file"
            problems.append(f"include/shifan/{key}: unknown {kind}: place it in a layer (PLACES in {pathlib.Path(__file__).name})")
    for path in files:
        rel = path.relative_to(base)
        shown = f"include/shifan/{rel.as_posix()}"
        own = layer_of(pathlib.PurePosixPath(rel.as_posix()))
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            problems.append(f"{shown}: not UTF-8 text")
            continue
        code, strings = strip_comments(text)
        for m in INCLUDE.finditer(code):
            line = code.count("\n", 0, m.start()) + 1
            delim, name = m.group(1), m.group(2).strip()
            where = f"{shown}:{line}"
            for prefix, why in FORBIDDEN_INCLUDES.items():
                if name == prefix or (prefix.endswith("/") and name.startswith(prefix)):
                    problems.append(f"{where}: includes <{name}>: {why}")
            # What the include names: next to this file (quotes only), else under include/.
            target = None
            if delim == '"' and (path.parent / name).exists():
                target = (path.parent / name).resolve()
            elif (include / name).exists():
                target = (include / name).resolve()
            if target is None:
                if name.startswith("src/") or "/src/" in name or (delim == '"' and name.startswith("..")):
                    problems.append(f"{where}: includes \"{name}\", outside include/")
                elif name.startswith("shifan/") and delim == '"':
                    problems.append(f"{where}: includes \"{name}\", which is not under include/")
                continue
            try:
                trel = target.relative_to(base.resolve())
            except ValueError:
                try:
                    target.relative_to(include.resolve())
                    problems.append(f"{where}: includes \"{name}\", outside include/shifan")
                except ValueError:
                    src = " (src/)" if (root / "src").resolve() in target.parents else ""
                    problems.append(f"{where}: includes \"{name}\", outside include/{src}")
                continue
            theirs = layer_of(pathlib.PurePosixPath(trel.as_posix()))
            if own is None or theirs is None:
                continue  # reported above as an unknown folder or file
            if rank[theirs] > rank[own]:
                problems.append(f"{where}: {own} header includes {trel.as_posix()} ({theirs}, a higher layer)")
        html = [(line, m.group(0).strip()) for line, s in strings for m in [HTML_TAG.search(s)] if m]
        if html:  # one report per file: the first literal, and how many there are
            more = f" and {len(html) - 1} more literal{'s' if len(html) > 2 else ''}" if len(html) > 1 else ""
            problems.append(f"{shown}:{html[0][0]}: HTML markup in a string literal ({html[0][1]!r}{more}): "
                            "pages are rendered by compiled code")
    return problems, len(files)


def run(root: pathlib.Path) -> int:
    problems, count = check(root)
    for p in problems:
        print(p)
    print(f"{count} files under include/shifan, {len(problems)} layering violation{'s' if len(problems) != 1 else ''}")
    return 1 if problems else 0


# ----------------------------------------------------------------------------------------------
# Self-test: synthetic trees with known verdicts.

GOOD_TREE = {
    "core/date.hpp": '#pragma once\n#include <cstdint>\n#include <string>\n'
                     '// #include <thread> in a comment does not count, nor "<div>" here\n'
                     '/* #include <nlohmann/json.hpp>\n   <table> */\n'
                     'inline const char* lt = "a < b, x<y, <= and <<";\nconstexpr long big = 1\'000\'000;\n',
    "core/text.hpp": '#pragma once\n#include "date.hpp"\n#include "shifan/core/date.hpp"\n',
    "model/application.hpp": '#pragma once\n#include "shifan/core/text.hpp"\n#include "../core/date.hpp"\n',
    "rules/art6.hpp": '#pragma once\n#include <shifan/model/application.hpp>\n#include "shifan/core/date.hpp"\n',
    "engine.hpp": '#pragma once\n#include "shifan/rules/art6.hpp"\n',
    "evaluation.hpp": '#pragma once\n#include "shifan/engine.hpp"\n',
    "lifecycle/status.hpp": '#pragma once\n#include "shifan/evaluation.hpp"\n#include "../model/application.hpp"\n',
    "io/roster_html.hpp": '#pragma once\n#include "shifan/lifecycle/status.hpp"\n#include <string>\n'
                          'std::string render_roster_html(); // writes <html>… in src/core\n',
    "io.hpp": '#pragma once\n#include "shifan/io/roster_html.hpp"\n',
    "version.hpp": '#pragma once\n#define SHIFAN_VERSION_STRING "0.1.0"\n',
    "lifecycle.hpp": '#pragma once\n#include "shifan/lifecycle/status.hpp"\n#include "shifan/io.hpp"\n',
    "shifan.hpp": '#pragma once\n#include "shifan/io.hpp"\n#include "shifan/lifecycle.hpp"\n#include "shifan/version.hpp"\n',
}

# name: (files changed or added over GOOD_TREE, a piece of the one expected violation)
BAD_TREES = {
    "model includes rules": ({"model/application.hpp": '#include "shifan/rules/art6.hpp"\n'},
                             "model/application.hpp:1: model header includes rules/art6.hpp"),
    "core includes the engine (relative)": ({"core/text.hpp": '#include "../engine.hpp"\n'},
                                            "core header includes engine.hpp"),
    "engine includes io": ({"lifecycle/status.hpp": '#include "shifan/io.hpp"\n'},
                           "engine header includes io.hpp"),
    "io includes the umbrella": ({"io/roster_html.hpp": '#include "shifan/version.hpp"\n'},
                                 "io header includes version.hpp (umbrella"),
    "nlohmann": ({"io/json.hpp": '#pragma once\n#include <nlohmann/json.hpp>\n'}, "includes <nlohmann/json.hpp>"),
    "nlohmann in quotes": ({"rules/pack.hpp": '#include "nlohmann/json_fwd.hpp"\n'}, "includes <nlohmann/json_fwd.hpp>"),
    "thread": ({"io/batch.hpp": '#include <thread>\n'}, "includes <thread>"),
    "src": ({"io/tape.hpp": '#include "../../../src/core/json/tape.hpp"\n'}, "outside include/ (src/)"),
    "src by name": ({"io/tape.hpp": '#include "src/core/json/tape.hpp"\n'}, "outside include/"),
    "bench": ({"io/gen.hpp": '#include "../../../bench/corpus_generator.hpp"\n'}, "outside include/"),
    "HTML in a string": ({"io/roster_html.hpp": 'inline const char* p = "<div class=\\"x\\">";\n'},
                         "io/roster_html.hpp:1: HTML markup in a string literal ('<div'"),
    "HTML in a raw string": ({"lifecycle/page.hpp": 'inline const char* p = R"html(\n<!DOCTYPE html>\n)html";\n'},
                             "lifecycle/page.hpp:1: HTML markup"),
    "a closing tag": ({"core/text.hpp": 'inline const char* p = "</table >";\n'}, "HTML markup in a string literal"),
    "unknown folder": ({"json/tape.hpp": '#pragma once\n'}, "include/shifan/json/: unknown folder"),
    "unknown file": ({"batch.hpp": '#pragma once\n'}, "include/shifan/batch.hpp: unknown file"),
}


def make_tree(where: pathlib.Path, changes: dict[str, str]) -> pathlib.Path:
    files = dict(GOOD_TREE)
    files.update(changes)
    for rel, text in files.items():
        p = where / "include" / "shifan" / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    src = where / "src" / "core" / "json" / "tape.hpp"
    src.parent.mkdir(parents=True, exist_ok=True)
    src.write_text("#pragma once\n", encoding="utf-8")
    bench = where / "bench" / "corpus_generator.hpp"
    bench.parent.mkdir(parents=True, exist_ok=True)
    bench.write_text("#pragma once\n", encoding="utf-8")
    return where


def self_test() -> int:
    failures = 0
    with tempfile.TemporaryDirectory(prefix="layering-") as tmp:
        good = make_tree(pathlib.Path(tmp) / "good", {})
        problems, count = check(good)
        ok = not problems and count == len(GOOD_TREE)
        print(f"{'ok' if ok else 'FAIL'}    a layered tree passes" + ("" if ok else f": {problems}"))
        failures += not ok
        for k, (name, (changes, expected)) in enumerate(BAD_TREES.items()):
            tree = make_tree(pathlib.Path(tmp) / f"bad{k}", changes)
            problems, _ = check(tree)
            ok = len(problems) == 1 and expected in problems[0]
            print(f"{'ok' if ok else 'FAIL'}    {name}: " + (problems[0] if ok else f"expected one violation with {expected!r}, got {problems}"))
            failures += not ok
        # The command line: exit codes of a passing and a failing tree.
        rc_good = run_quietly(good)
        rc_bad = run_quietly(pathlib.Path(tmp) / "bad0")
        ok = rc_good == 0 and rc_bad == 1
        print(f"{'ok' if ok else 'FAIL'}    exit codes: 0 for a layered tree, 1 otherwise (got {rc_good}, {rc_bad})")
        failures += not ok
    total = len(BAD_TREES) + 2
    print(f"{total - failures} passed, {failures} failed")
    return 1 if failures else 0


def run_quietly(root: pathlib.Path) -> int:
    import subprocess
    return subprocess.run([sys.executable, __file__, "--root", str(root)], capture_output=True).returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=pathlib.Path, default=pathlib.Path(__file__).resolve().parent.parent.parent,
                        help="the source tree holding include/shifan (default: this repository)")
    parser.add_argument("--self-test", action="store_true", help="check the checker on synthetic trees")
    args = parser.parse_args()
    return self_test() if args.self_test else run(args.root)


if __name__ == "__main__":
    sys.exit(main())
