#!/usr/bin/env python3
"""Builds the platform wheel of the Python bindings, carrying libshifan.so (the CMake target
`python-wheel` runs this; it needs nothing but the standard library and works offline).

    python3 bindings/python/build_wheel.py --library build/lib/libshifan.so.0.1.0 --out build/python

The package is staged in `<out>/staging` (never in the source tree): the `shifan` package, the build
backend, pyproject.toml, README.md, the repository's LICENSE, a VERSION file with the library's
version, and the library itself as `shifan/libshifan.so.<ABI>` (its SONAME), stripped of debug
information when `strip` is available. The in-tree backend then writes
`<out>/shifan-<version>-py3-none-<platform>.whl`, whose package finds the library next to itself
(an environment variable SHIFAN_LIBRARY still overrides it). Prints the wheel's path.
"""
from __future__ import annotations

import argparse
import glob
import importlib.util
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def header_version(name: str) -> str:
    with open(os.path.join(REPO, "capi", "include", "shifan", "shifan.h"), encoding="utf-8") as f:
        m = re.search(r"^#define %s (\S+)" % name, f.read(), re.M)
    if not m:
        raise SystemExit(f"build_wheel: no {name} in shifan.h")
    return m.group(1).strip('"')


def main() -> int:
    ap = argparse.ArgumentParser(description="build the platform wheel with libshifan.so")
    ap.add_argument("--library", required=True, help="the libshifan.so file to ship")
    ap.add_argument("--out", required=True, help="the directory the wheel is written to")
    args = ap.parse_args()
    out = os.path.abspath(args.out)
    staging = os.path.join(out, "staging")
    shutil.rmtree(staging, ignore_errors=True)
    os.makedirs(os.path.join(staging, "shifan"))
    for old in glob.glob(os.path.join(out, "shifan-*.whl")):
        os.remove(old)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(os.path.join(HERE, name), staging)
    shutil.copytree(os.path.join(HERE, "_backend"), os.path.join(staging, "_backend"),
                    ignore=shutil.ignore_patterns("__pycache__"))
    for name in sorted(os.listdir(os.path.join(HERE, "shifan"))):
        if name.endswith(".py") or name == "py.typed":
            shutil.copy2(os.path.join(HERE, "shifan", name), os.path.join(staging, "shifan"))
    shutil.copy2(os.path.join(REPO, "LICENSE"), staging)
    with open(os.path.join(staging, "VERSION"), "w", encoding="utf-8") as f:
        f.write(header_version("SHIFAN_VERSION_STRING") + "\n")
    lib = os.path.join(staging, "shifan", "libshifan.so." + header_version("SHIFAN_ABI_VERSION"))
    shutil.copy2(os.path.realpath(args.library), lib)
    os.chmod(lib, 0o755)
    strip = shutil.which("strip")
    if strip:
        subprocess.run([strip, "--strip-unneeded", lib], check=True)
    spec = importlib.util.spec_from_file_location("shifan_backend_staged",
                                                  os.path.join(staging, "_backend", "shifan_backend.py"))
    backend = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(backend)
    wheel = backend.build_wheel(out)
    print(os.path.join(out, wheel))
    return 0


if __name__ == "__main__":
    sys.exit(main())
