#!/usr/bin/env bash
# `pip install --no-build-isolation bindings/python` works offline, and the installed package finds a
# libshifan copied next to it (no SHIFAN_LIBRARY).  usage: python_install.sh SOURCE_DIR LIBSHIFAN [PYTHON]
# The build backend is in the tree (bindings/python/_backend): only pip is needed, not setuptools
# or wheel. Exits 77 (skipped) when no Python with pip is at hand (Debian: python3-pip).
set -euo pipefail
src=$1 lib=$2
python=""
for candidate in ${3:-} python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -m pip --version >/dev/null 2>&1; then
    python=$candidate; break
  fi
done
[ -n "$python" ] || { echo "SKIP: no Python with pip"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# pip builds in the tree: install from the package's sdist (made by the in-tree backend, with the
# version and LICENSE it reads from the repository), unpacked elsewhere, never the source tree itself
mkdir "$tmp/sdist"
sdist=$(cd "$src/bindings/python" && PYTHONDONTWRITEBYTECODE=1 "$python" -c \
  "import sys; sys.path.insert(0, '_backend'); import shifan_backend; print(shifan_backend.build_sdist(sys.argv[1]))" "$tmp/sdist")
tar -xzf "$tmp/sdist/$sdist" -C "$tmp/sdist"
mv "$tmp/sdist/${sdist%.tar.gz}" "$tmp/src"
"$python" -m pip install --quiet --no-build-isolation --no-deps --no-index --disable-pip-version-check \
  --target "$tmp/site" "$tmp/src"
cp "$(readlink -f "$lib")" "$tmp/site/shifan/libshifan.so.0"
cd "$tmp"
env -u SHIFAN_LIBRARY PYTHONPATH="$tmp/site" "$python" - "$src/examples/applications/eligible-technology.json" <<'PY'
import sys, shifan, shifan._ffi as ffi
assert ffi.lib._name.startswith(shifan.__path__[0]), ffi.lib._name
e = shifan.evaluate(open(sys.argv[1], "rb").read())
assert e.verdict == "eligible", e.verdict
print("installed shifan", shifan.version(), "from", shifan.__path__[0], "with", ffi.lib._name, ":", e.verdict)
PY
