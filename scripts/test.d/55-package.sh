#!/usr/bin/env bash
# Stage: packaging (the Debian package; README.md, "Install and packages").
#  1. `cpack -G DEB` in build/ci builds shifan_<version>_<arch>.deb; its control fields are checked and
#     `dpkg-deb -c` must list libshifan.so.0*, the namelink, shifan.h, the CLI, the CMake package and
#     shifan.pc. Nothing is installed on this machine: the package is unpacked into a temporary
#     directory (dpkg-deb -x) and the packaged CLI and pkg-config file are used from there.
#  2. The Python package installs offline into a fresh venv with the python3 on PATH
#     (pip install --no-build-isolation --no-index bindings/python) and evaluates an application
#     with the packaged libshifan.so.0 (SHIFAN_LIBRARY).
set -euo pipefail
cd "$(dirname "$0")/../.."
src=$PWD
[ -f build/ci/CMakeCache.txt ] || cmake --preset ci >/dev/null
cmake --build --preset ci >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "package: FAIL: $*" >&2; exit 1; }

# --- 1. the .deb ----------------------------------------------------------------------------------
(cd build/ci && cpack -G DEB -B "$tmp/deb") >"$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log"; fail "cpack -G DEB"; }
deb=$(ls "$tmp"/deb/*.deb)
[ "$(echo "$deb" | wc -l)" -eq 1 ] || fail "expected one .deb, got: $deb"
echo "package: built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = shifan ] || fail "Package: $(field Package)"
[ "$(field Section)" = libs ] || fail "Section: $(field Section)"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[[ "$(field Depends)" == *libc6* && "$(field Depends)" == *libstdc++6* ]] || fail "Depends (dpkg-shlibdeps): $(field Depends)"
[[ "$(field Description)" == *Changzhi* ]] || fail "Description: $(field Description)"
echo "package: Package $(field Package) $(field Version), Section $(field Section), Depends: $(field Depends)"
dpkg-deb -c "$deb" >"$tmp/contents"
for pattern in '/usr/lib/[^ ]*libshifan\.so\.0 -> ' '/usr/lib/[^ ]*libshifan\.so\.0\.[0-9.]*$' \
               '/usr/lib/[^ ]*libshifan\.so -> libshifan\.so\.0$' '/usr/include/shifan/shifan\.h$' \
               '/usr/include/shifan/shifan_cxx\.hpp$' '/usr/include/shifan/shifan\.hpp$' '/usr/bin/shifan$' \
               '/usr/lib/[^ ]*cmake/shifan/shifanConfig\.cmake$' '/usr/lib/[^ ]*cmake/shifan/shifanTargets\.cmake$' \
               '/usr/lib/[^ ]*pkgconfig/shifan\.pc$'; do
  grep -qE "$pattern" "$tmp/contents" || { cat "$tmp/contents"; fail "dpkg-deb -c lists nothing matching $pattern"; }
done
dpkg-deb -e "$deb" "$tmp/control"
grep -q '^libshifan 0 ' "$tmp/control/shlibs" || fail "no shlibs entry for libshifan 0"
echo "package: dpkg-deb -c lists $(grep -c . "$tmp/contents") entries, among them:"
grep -E 'libshifan|shifan\.h$|bin/shifan$|shifanConfig\.cmake$|shifan\.pc$' "$tmp/contents" | sed -E 's/^.* \.(\/usr)/  \1/'
# Unpacked, not installed: the packaged CLI and the relocatable shifan.pc work from anywhere.
dpkg-deb -x "$deb" "$tmp/root"
libdir=$(dirname "$(cd "$tmp/root" && ls usr/lib/libshifan.so.0 usr/lib/*/libshifan.so.0 2>/dev/null | head -n1)")
app=$src/examples/applications/eligible-technology.json
LD_LIBRARY_PATH="$tmp/root/$libdir" "$tmp/root/usr/bin/shifan" evaluate --lang en "$app" | grep -q 'Verdict: ✓ Eligible' \
  || fail "the packaged CLI did not find eligible-technology.json eligible"
[ "$(PKG_CONFIG_PATH="$tmp/root/$libdir/pkgconfig" pkg-config --modversion shifan)" = "$(field Version)" ] \
  || fail "pkg-config on the unpacked shifan.pc"
echo "package: the unpacked CLI evaluates, and pkg-config reads the unpacked shifan.pc"

# --- 2. the Python package, offline, with the python3 on PATH -----------------------------------------
python=$(command -v python3) || fail "no python3 on PATH"
export PYTHONDONTWRITEBYTECODE=1 PIP_DISABLE_PIP_VERSION_CHECK=1
"$python" -m venv --system-site-packages "$tmp/venv" || fail "$python -m venv (Debian: python3-venv)"
tree() { find bindings/python -name __pycache__ -prune -o -print | sort; }
tree >"$tmp/tree.before"
"$tmp/venv/bin/pip" install --quiet --no-build-isolation --no-index "$src/bindings/python" \
  || fail "pip install --no-build-isolation --no-index bindings/python"
verdict=$(cd "$tmp" && SHIFAN_LIBRARY="$tmp/root/$libdir/libshifan.so.0" "$tmp/venv/bin/python" -c \
  "import shifan; print(shifan.evaluate(open('$app').read()).verdict)")
[ "$verdict" = eligible ] || fail "Python printed '$verdict', not eligible"
tree | diff "$tmp/tree.before" - >"$tmp/tree.diff" || fail "pip changed bindings/python: $(cat "$tmp/tree.diff")"
echo "package: pip installed bindings/python offline into a venv of $("$python" --version 2>&1) ($python);" \
     "with the packaged libshifan.so.0 it prints: $verdict"
