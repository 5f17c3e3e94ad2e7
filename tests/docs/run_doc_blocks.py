#!/usr/bin/env python3
"""Runs the code blocks of the guides on a built tree, so that a wrong path or a renamed option in
the documentation fails CI (CTest: docs.blocks.*).

    python3 tests/docs/run_doc_blocks.py --build build/ci README.md docs/getting-started.md

What runs. Every fenced block of a Markdown file whose language is `sh`, `bash`, `python`, `c`,
`cpp` or `java`, in the order of the file, in ONE bash script (so a variable set in one block, an activated
venv or a file written by one block is there for the next), with `set -euo pipefail`:
  - `sh`/`bash`: as written;
  - `python`: run with the `python3` on PATH at that point (the venv of an earlier block, if any);
  - `c`: saved as `app.c`, compiled against the C header and libshifan.so of the build and run;
  - `cpp`: saved as `app.cpp`, compiled against the C++ core and shifan::io of the build and run with
    one example application as its argument;
  - `java`: saved as `<Class>.java` (the name of its public class) in the root of the tree and
    compiled there (javac, with the build's shifan.jar and the system's jna.jar) so that a later `sh`
    block can run it as the guide shows.
A program or block must exit 0. Blocks in other languages (json, cmake, text) are not run.

Where it runs. In a scratch copy of the source tree (without build/ and .git/), in which `build` is a
link to the build tree under test; so the guides write `build/bin/shifan`, `build/lib/...` as the
`default` preset lays them out, whatever preset the test runs on. The install prefix `/opt/shifan`
used by the guides is mapped to a directory of the scratch copy, into which the build is installed
before the blocks run. Examples' READMEs run their blocks from the root of the tree too.

Blocks that must not run. An HTML comment on the line right before the fence:
    <!-- doc-test: skip — why (e.g. "builds the tree the test runs on", "run by tests/install") -->
A skip must give a reason; a file in which nothing runs is a failure (a mistyped marker would
otherwise turn the test into one that cannot fail).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FENCE = re.compile(r"^(\s*)```([A-Za-z0-9_+-]*)\s*$")
MARKER = re.compile(r"^\s*<!--\s*doc-test:\s*(\w+)\s*(.*?)\s*-->\s*$")
RUN_LANGS = {"sh", "bash", "python", "c", "cpp", "java"}
JAVA_CLASS = re.compile(r"^public\s+(?:final\s+)?class\s+(\w+)", re.M)
PREFIX = "/opt/shifan"


class Block:
    def __init__(self, path: Path, line: int, lang: str, text: str, skip: str | None):
        self.path, self.line, self.lang, self.text, self.skip = path, line, lang, text, skip

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


def blocks_of(path: Path, shown: str) -> list[Block]:
    lines = path.read_text(encoding="utf-8").splitlines()
    out: list[Block] = []
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m or not m.group(2):
            i += 1
            continue
        indent, lang = m.group(1), m.group(2).lower()
        skip = None
        if i > 0:
            mk = MARKER.match(lines[i - 1])
            if mk:
                if mk.group(1) != "skip":
                    raise SystemExit(f"{shown}:{i}: unknown doc-test marker '{mk.group(1)}' (only 'skip')")
                reason = mk.group(2).lstrip("—-: ").strip()
                if not reason:
                    raise SystemExit(f"{shown}:{i}: a doc-test skip marker needs a reason")
                skip = reason
        body: list[str] = []
        j = i + 1
        while j < len(lines) and lines[j].strip() != "```":
            body.append(lines[j][len(indent):] if lines[j].startswith(indent) else lines[j])
            j += 1
        if j == len(lines):
            raise SystemExit(f"{shown}:{i + 1}: unclosed code block")
        out.append(Block(Path(shown), i + 1, lang, "\n".join(body) + "\n", skip))
        i = j + 1
    return out


def heredoc(text: str, tag: str) -> str:
    assert f"\n{tag}\n" not in "\n" + text
    return text + tag + "\n"


def script_for(blocks: list[Block], build: Path, app: str) -> str:
    parts = ["set -euo pipefail", "doc_test_block() { printf '\\n### %s\\n' \"$1\" >&2; }"]
    for b in blocks:
        if b.skip or b.lang not in RUN_LANGS:
            continue
        text = b.text.replace(PREFIX, "$DOC_TEST_PREFIX")
        parts.append(f"doc_test_block '{b.where} ({b.lang})'")
        parts.append('cd "$DOC_TEST_ROOT"')
        if b.lang in ("sh", "bash"):
            parts.append(text)
        elif b.lang == "python":
            parts.append("python3 - <<'DOC_TEST_PY'\n" + heredoc(b.text, "DOC_TEST_PY"))
        elif b.lang == "c":
            parts.append("cat > app.c <<'DOC_TEST_C'\n" + heredoc(b.text, "DOC_TEST_C"))
            parts.append('cc -std=c11 -Wall -Wextra -Werror -I"$DOC_TEST_SOURCE/capi/include" app.c '
                         '-L"$DOC_TEST_BUILD/lib" -lshifan -Wl,-rpath,"$DOC_TEST_BUILD/lib" -o app_c && ./app_c')
        elif b.lang == "cpp":
            parts.append("cat > app.cpp <<'DOC_TEST_CPP'\n" + heredoc(b.text, "DOC_TEST_CPP"))
            parts.append('c++ -std=c++20 -Wall -Wextra -Werror -I"$DOC_TEST_SOURCE/include" app.cpp '
                         '"$DOC_TEST_BUILD/src/core/libshifan_io.a" -pthread -o app_cpp && ./app_cpp ' + app)
        elif b.lang == "java":
            m = JAVA_CLASS.search(b.text)
            if not m:
                raise SystemExit(f"{b.where}: a java block needs a public class")
            parts.append(f"cat > {m.group(1)}.java <<'DOC_TEST_JAVA'\n" + heredoc(b.text, "DOC_TEST_JAVA"))
            parts.append(f'javac -Xlint:all,-path -Werror -cp "$DOC_TEST_BUILD/java/shifan.jar:/usr/share/java/jna.jar" '
                         f'-d "$DOC_TEST_ROOT/doc-test-classes" {m.group(1)}.java')
    return "\n".join(parts) + "\n"


def copy_tree(src: Path, dst: Path) -> None:
    def ignore(directory: str, names: list[str]) -> list[str]:
        if Path(directory) == src:
            return [n for n in names if n in ("build", ".git", ".venv")]
        return [n for n in names if n == "__pycache__"]
    shutil.copytree(src, dst, symlinks=True, ignore=ignore)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", required=True, type=Path, help="the build tree under test")
    ap.add_argument("--source", type=Path, default=REPO)
    ap.add_argument("--keep", action="store_true", help="keep the scratch directory")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    build, source = args.build.resolve(), args.source.resolve()
    if not (build / "bin" / "shifan").exists():
        print(f"doc-test: {build}/bin/shifan does not exist; build the tree first", file=sys.stderr)
        return 1
    scratch = Path(tempfile.mkdtemp(prefix="shifan-doc-test-"))
    root = scratch / "shifan"
    status = 0
    try:
        copy_tree(source, root)
        (root / "build").symlink_to(build)
        prefix = scratch / "opt-shifan"
        subprocess.run(["cmake", "--install", str(build), "--prefix", str(prefix)], check=True,
                       stdout=subprocess.DEVNULL)
        env = dict(os.environ, DOC_TEST_ROOT=str(root), DOC_TEST_BUILD=str(build), DOC_TEST_SOURCE=str(root),
                   DOC_TEST_PREFIX=str(prefix), PYTHONDONTWRITEBYTECODE="1", PIP_DISABLE_PIP_VERSION_CHECK="1",
                   PIP_NO_INDEX="1", LC_ALL="C.UTF-8")
        env.pop("SHIFAN_LIBRARY", None)
        for shown in args.files:
            blocks = blocks_of(source / shown, shown)
            ran = [b for b in blocks if not b.skip and b.lang in RUN_LANGS]
            skipped = [b for b in blocks if b.skip]
            if not ran:
                print(f"doc-test: FAIL {shown}: no block runs", file=sys.stderr)
                status = 1
                continue
            script = script_for(blocks, build, "examples/applications/ineligible-shortfalls.json")
            (scratch / "script.sh").write_text(script, encoding="utf-8")
            r = subprocess.run(["bash", str(scratch / "script.sh")], cwd=root, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            out = r.stdout.decode("utf-8", "replace")
            if r.returncode != 0:
                last = re.findall(r"^### (.*)$", out, re.M)
                print(out[-6000:])
                print(f"doc-test: FAIL {shown}: the block at {last[-1] if last else '?'} exited "
                      f"{r.returncode}", file=sys.stderr)
                status = 1
            else:
                print(f"doc-test: {shown}: {len(ran)} block(s) ran and exited 0"
                      f" ({', '.join(sorted({b.lang for b in ran}))}); {len(skipped)} skipped:")
                for b in skipped:
                    print(f"  skipped {b.where}: {b.skip}")
    finally:
        if args.keep:
            print(f"doc-test: scratch kept in {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
