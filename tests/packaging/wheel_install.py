#!/usr/bin/env python3
"""CTest python_wheel: the platform wheel installs into a fresh venv and works with no variable set.

    python3 tests/packaging/wheel_install.py --library build/ci/lib/libshifan.so --version 0.1.0

1. Builds the wheel exactly as the target `python-wheel` does (bindings/python/build_wheel.py), into a
   temporary directory, and checks it: named shifan-<version>-py3-none-<platform>.whl (not `any`),
   carrying shifan/libshifan.so.<ABI>, with the library's version, the licence of LICENSE (name,
   classifier and the text as the licence file) and a RECORD that lists every file.
2. Creates a fresh venv (`python3 -m venv --without-pip`, offline) and installs the wheel into it with
   pip (`--no-index`), then runs both Python examples and a check of where the library was loaded from
   with that venv's python, outside the source tree, with SHIFAN_LIBRARY and PYTHONPATH unset.
3. SHIFAN_LIBRARY still overrides the bundled library (a bad path makes the import fail, naming it).
4. The pure package (no library next to it) still builds as py3-none-any.
"""
from __future__ import annotations

import argparse
import email.parser
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def fail(msg: str) -> None:
    print(f"python_wheel: FAIL: {msg}", file=sys.stderr)
    sys.exit(1)


def run(cmd, **kw) -> subprocess.CompletedProcess:
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, **kw)
    if r.returncode != 0:
        print(r.stdout.decode("utf-8", "replace"))
        fail(f"exit {r.returncode}: {' '.join(map(str, cmd))}")
    return r


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--library", required=True)
    ap.add_argument("--version", required=True)
    args = ap.parse_args()
    abi = re.search(r"^#define SHIFAN_ABI_VERSION (\d+)", (REPO / "capi/include/shifan/shifan.h").read_text(), re.M)
    assert abi
    tmp = Path(tempfile.mkdtemp(prefix="shifan-wheel-"))
    try:
        # --- 1. the wheel ---------------------------------------------------------------------------
        out = run([sys.executable, str(REPO / "bindings/python/build_wheel.py"), "--library", args.library,
                   "--out", str(tmp / "dist")]).stdout.decode().strip().splitlines()[-1]
        wheel = Path(out)
        plat = re.sub(r"[^A-Za-z0-9]", "_", sysconfig.get_platform())
        if wheel.name != f"shifan-{args.version}-py3-none-{plat}.whl":
            fail(f"wheel named {wheel.name}, expected shifan-{args.version}-py3-none-{plat}.whl")
        with zipfile.ZipFile(wheel) as z:
            names = set(z.namelist())
            lib = f"shifan/libshifan.so.{abi.group(1)}"
            if lib not in names:
                fail(f"{lib} not in the wheel: {sorted(names)}")
            dist = f"shifan-{args.version}.dist-info"
            meta = email.parser.Parser().parsestr(z.read(f"{dist}/METADATA").decode("utf-8"))
            record = z.read(f"{dist}/RECORD").decode("utf-8")
            licence = z.read(f"{dist}/LICENSE").decode("utf-8")
            wheel_info = z.read(f"{dist}/WHEEL").decode("utf-8")
        if meta["Version"] != args.version:
            fail(f"Version {meta['Version']}, the library is {args.version}")
        if meta["License"] != "Apache-2.0" or "License :: OSI Approved :: Apache Software License" not in meta.get_all("Classifier"):
            fail(f"licence metadata: {meta['License']} / {meta.get_all('Classifier')}")
        if licence != (REPO / "LICENSE").read_text(encoding="utf-8"):
            fail("the wheel's LICENSE is not the repository's")
        if "Root-Is-Purelib: false" not in wheel_info:
            fail("a wheel with a native library must not be purelib")
        listed = {line.split(",")[0] for line in record.splitlines() if line}
        if listed != names:
            fail(f"RECORD and the archive differ: {sorted(listed ^ names)}")
        size = wheel.stat().st_size // 1024
        print(f"python_wheel: built {wheel.name} ({size} KiB): {len(names)} files, {lib}, "
              f"Version {meta['Version']}, License {meta['License']}")

        # --- 2. a fresh venv, nothing set -----------------------------------------------------------
        venv = tmp / "venv"
        run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
        py = venv / "bin" / "python"
        env = {k: v for k, v in os.environ.items() if k not in ("SHIFAN_LIBRARY", "PYTHONPATH", "PYTHONHOME")}
        env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", PYTHONDONTWRITEBYTECODE="1", PIP_NO_INDEX="1")
        run([sys.executable, "-m", "pip", "--python", str(py), "install", "--quiet", "--no-index", str(wheel)], env=env)
        where = run([str(py), "-c", "import shifan, shifan._ffi as f; print(shifan.__file__); print(f.lib._name); "
                     "print(f.shifan_version().decode())"], cwd=tmp, env=env).stdout.decode().split()
        site = str(venv)
        if not (where[0].startswith(site) and where[1].startswith(site) and where[1].endswith(lib.split("/")[1])):
            fail(f"the package or the library was not loaded from the venv: {where}")
        if where[2] != args.version:
            fail(f"the loaded library says {where[2]}")
        print(f"python_wheel: installed into a fresh venv; shifan from {where[0]}, library {where[1]} ({where[2]})")
        folder = run([str(py), str(REPO / "examples/python/evaluate_folder.py"), str(REPO / "examples/applications")],
                     cwd=tmp, env=env).stdout.decode()
        if "eligible-technology" not in folder or "ineligible" not in folder:
            fail("evaluate_folder.py printed:\n" + folder)
        roster = run([str(py), str(REPO / "examples/python/county_roster.py"), "--on", "2025-04-15",
                      str(REPO / "examples/histories")], cwd=tmp, env=env).stdout.decode()
        if not roster.strip():
            fail("county_roster.py printed nothing")
        print("python_wheel: examples/python/evaluate_folder.py and county_roster.py ran with no SHIFAN_LIBRARY")

        # --- 3. the variable still overrides --------------------------------------------------------
        bad = subprocess.run([str(py), "-c", "import shifan"], cwd=tmp, env=dict(env, SHIFAN_LIBRARY=str(tmp / "nope.so")),
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if bad.returncode == 0 or "nope.so" not in bad.stdout.decode():
            fail("SHIFAN_LIBRARY=<missing file> did not override the bundled library")
        print("python_wheel: SHIFAN_LIBRARY still overrides the bundled library")

        # --- 4. the pure package ---------------------------------------------------------------------
        pure = tmp / "pure"
        pure.mkdir()
        sys.path.insert(0, str(REPO / "bindings/python/_backend"))
        import shifan_backend  # noqa: E402
        if any(p.startswith("libshifan") for p in os.listdir(REPO / "bindings/python/shifan")):
            fail("a library lies in bindings/python/shifan: the pure package would carry it")
        name = shifan_backend.build_wheel(str(pure))
        if name != f"shifan-{args.version}-py3-none-any.whl":
            fail(f"the pure wheel is {name}")
        print(f"python_wheel: the pure package still builds as {name}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
