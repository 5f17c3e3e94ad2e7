#!/usr/bin/env bash
# Install and consume (README.md, "Install and packages"): `cmake --install` of the current build into a
# temporary prefix, then checks what an adopter gets and builds two tiny consumers out of tree against
# it:
#   consumer-cmake/      find_package(shifan): a C++ program on shifan::io, a C program on shifan::shifan
#   consumer-pkgconfig/  cc evaluate_c.c $(pkg-config --cflags --libs shifan)
# and runs them (LD_LIBRARY_PATH into the prefix) on an eligible and an ineligible application.
#   usage: install_consume.sh BUILD_DIR SOURCE_DIR VERSION LIBDIR [CC] [CXX]
set -euo pipefail
build=$1 src=$2 version=$3 libdir=$4 cc=${5:-cc} cxx=${6:-c++}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" || { cat "$tmp/install.log"; fail "cmake --install"; }

# --- what the prefix holds -------------------------------------------------------------------------
for f in include/shifan/shifan.h include/shifan/shifan_cxx.hpp include/shifan/shifan.hpp \
         include/shifan/core/outcome.hpp include/shifan/evaluation/engine.hpp \
         "$libdir/libshifan.so.$version" "$libdir/cmake/shifan/shifanConfig.cmake" \
         "$libdir/cmake/shifan/shifanConfigVersion.cmake" "$libdir/cmake/shifan/shifanTargets.cmake" \
         "$libdir/pkgconfig/shifan.pc" bin/shifan; do
  [ -e "$prefix/$f" ] || fail "not installed: $f"
done
[ -x "$prefix/bin/shifan" ] || fail "bin/shifan is not executable"
soname=$(readelf -d "$prefix/$libdir/libshifan.so.$version" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[[ "$soname" =~ ^libshifan\.so\.[0-9]+$ ]] || fail "SONAME is '$soname'"
[ "$(readlink "$prefix/$libdir/$soname")" = "libshifan.so.$version" ] || fail "$soname does not link to libshifan.so.$version"
[ "$(readlink "$prefix/$libdir/libshifan.so")" = "$soname" ] || fail "the namelink libshifan.so does not link to $soname"
if grep -rlF -e "$src" -e "$build" "$prefix/$libdir/cmake/shifan" "$prefix/$libdir/pkgconfig" >/dev/null; then
  fail "the CMake package or shifan.pc names the build or source tree"
fi
echo "installed: headers, $libdir/libshifan.so.$version (SONAME $soname, namelink), bin/shifan, CMake package, shifan.pc"

eligible=$src/examples/applications/eligible-technology.json
ineligible=$src/examples/applications/ineligible-shortfalls.json
export LD_LIBRARY_PATH="$prefix/$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
expect() {  # expect PATTERN COMMAND...: runs COMMAND, prints its output, fails unless PATTERN matches
  local pattern=$1 out; shift
  out=$("$@" 2>&1) || fail "$* exited with $?: $out"
  printf '%s\n' "$out" | head -n 3 | cut -c1-160 | sed 's/^/  /'
  grep -qE "$pattern" <<<"$out" || fail "$* did not print /$pattern/"
}

# --- the installed CLI -----------------------------------------------------------------------------
expect 'Verdict: ✓ Eligible' "$prefix/bin/shifan" evaluate --lang en "$eligible"

# --- consumer 1: CMake package ---------------------------------------------------------------------
cmake -S "$here/consumer-cmake" -B "$tmp/consumer-cmake" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" >"$tmp/configure.log" 2>&1 \
  || { cat "$tmp/configure.log"; fail "find_package(shifan) consumer: configure"; }
cmake --build "$tmp/consumer-cmake" -j2 >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; fail "find_package(shifan) consumer: build"; }
readelf -d "$tmp/consumer-cmake/evaluate_c" | grep -q "NEEDED.*\[$soname\]" || fail "evaluate_c does not need $soname"
echo "find_package(shifan): shifan::io and shifan::shifan consumers built"
expect '^core verdict: eligible ' "$tmp/consumer-cmake/evaluate_core" "$eligible"
expect '^core verdict: ineligible ' "$tmp/consumer-cmake/evaluate_core" "$ineligible"
expect "^C verdict: eligible \(libshifan $version\)" "$tmp/consumer-cmake/evaluate_c" "$eligible"
expect '^C verdict: ineligible ' "$tmp/consumer-cmake/evaluate_c" "$ineligible"

# --- consumer 2: pkg-config ------------------------------------------------------------------------
export PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig"
[ "$(pkg-config --modversion shifan)" = "$version" ] || fail "pkg-config --modversion shifan: $(pkg-config --modversion shifan)"
# shellcheck disable=SC2046  # word splitting of pkg-config's flags is intended
"$cc" -std=c99 -Wall -Wextra -Werror -o "$tmp/evaluate_c" "$here/consumer-pkgconfig/evaluate_c.c" \
  $(pkg-config --cflags --libs shifan) || fail "pkg-config consumer: build"
echo "pkg-config: shifan $(pkg-config --modversion shifan): $(pkg-config --cflags --libs shifan)"
expect '^C verdict: eligible ' "$tmp/evaluate_c" "$eligible"
expect '^C verdict: ineligible ' "$tmp/evaluate_c" "$ineligible"
echo "install and consume: OK"
