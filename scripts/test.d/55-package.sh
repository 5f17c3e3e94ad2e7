#!/usr/bin/env bash
# Stage: packaging (README.md, "Install and packages"; cmake/packaging.cmake).
#  1. `cpack -G DEB` in build/ci builds the Debian packages libshifan<ABI>, libshifan-dev, shifan,
#     python3-shifan and, when the build has the Java jar (a JDK was found), libshifan-java; their
#     control fields are checked (name, section, architecture, Depends from
#     dpkg-shlibdeps, no Homepage) and `dpkg-deb -c` must put every file in the right package (the
#     runtime package holds the library and nothing a developer needs; the namelink, headers, CMake
#     package and shifan.pc are in -dev; the CLI with its man pages and completion in shifan; the
#     Python package in python3-shifan, the jar in libshifan-java). Nothing is installed here
#     (scripts/test.d/56-debian-install.slow.sh
#     does that): the packages are unpacked into one temporary directory (dpkg-deb -x) and the packaged
#     CLI and pkg-config file are used from there.
#  3. The unpacked jar (when built) evaluates an application from a one-file Java program under
#     LANG=C, with the packaged libshifan.so.0 (SHIFAN_LIBRARY) and the system's jna.jar.
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

# --- 1. the .debs ---------------------------------------------------------------------------------
(cd build/ci && cpack -G DEB -B "$tmp/deb") >"$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log"; fail "cpack -G DEB"; }
abi=$(sed -n 's/^#define SHIFAN_ABI_VERSION \([0-9]*\).*/\1/p' capi/include/shifan/shifan.h)
version=$(sed -n 's/^#define SHIFAN_VERSION_STRING "\(.*\)"/\1/p' capi/include/shifan/shifan.h)
java=0
[ -f build/ci/java/shifan.jar ] && java=1   # bindings/java/CMakeLists.txt built the jar
[ "$(ls "$tmp"/deb/*.deb | wc -l)" -eq $((4 + java)) ] || fail "expected $((4 + java)) .deb files, got: $(ls "$tmp"/deb/*.deb)"
deb_of() { ls "$tmp"/deb/"$1"_"$version"_*.deb 2>/dev/null || fail "no package $1 ($(ls "$tmp"/deb))"; }
field() { dpkg-deb -f "$(deb_of "$1")" "$2"; }
check_package() {  # name section architecture-pattern
  local deb; deb=$(deb_of "$1")
  [ "$(field "$1" Package)" = "$1" ] || fail "$1: Package $(field "$1" Package)"
  [ "$(field "$1" Version)" = "$version" ] || fail "$1: Version $(field "$1" Version)"
  [ "$(field "$1" Section)" = "$2" ] || fail "$1: Section $(field "$1" Section), expected $2"
  [[ "$(field "$1" Architecture)" =~ ^$3$ ]] || fail "$1: Architecture $(field "$1" Architecture)"
  [ -n "$(field "$1" Maintainer)" ] || fail "$1: no Maintainer"
  [[ "$(field "$1" Description)" == *Changzhi* ]] || fail "$1: Description: $(field "$1" Description)"
  [ -z "$(field "$1" Homepage)" ] || fail "$1: a Homepage field: $(field "$1" Homepage)"
  dpkg-deb -c "$deb" >"$tmp/$1.contents"
  grep -qE "/usr/share/doc/$1/copyright$" "$tmp/$1.contents" || fail "$1: no /usr/share/doc/$1/copyright"
  echo "package: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB): Section $2, Depends: $(field "$1" Depends)"
}
has() { grep -qE "$2" "$tmp/$1.contents" || { cat "$tmp/$1.contents"; fail "$1 holds nothing matching $2"; }; }
hasnt() { ! grep -qE "$2" "$tmp/$1.contents" || fail "$1 must not hold $2: $(grep -E "$2" "$tmp/$1.contents")"; }
check_package "libshifan$abi" libs '(amd64|arm64|[a-z0-9]+)'
check_package libshifan-dev libdevel '(amd64|arm64|[a-z0-9]+)'
check_package shifan utils '(amd64|arm64|[a-z0-9]+)'
check_package python3-shifan python all
if [ "$java" = 1 ]; then
  check_package libshifan-java java all
  [[ "$(field libshifan-java Depends)" == *"libshifan$abi"* && "$(field libshifan-java Depends)" == *libjna-java* ]] \
    || fail "libshifan-java: Depends $(field libshifan-java Depends)"
  has libshifan-java "/usr/share/java/shifan-$version\.jar$"
  has libshifan-java "/usr/share/java/shifan\.jar -> shifan-$version\.jar$"
  hasnt libshifan-java 'libshifan\.so|/usr/include/|/usr/bin/'
fi
[[ "$(field "libshifan$abi" Depends)" == *libc6* && "$(field "libshifan$abi" Depends)" == *libstdc++6* ]] \
  || fail "libshifan$abi: Depends (dpkg-shlibdeps): $(field "libshifan$abi" Depends)"
# The CLI alone writes workbooks (--xlsx): libxlsxwriter is its dependency, never the library's.
[[ "$(field shifan Depends)" == *libxlsxwriter* ]] || fail "shifan: Depends (dpkg-shlibdeps) lacks libxlsxwriter: $(field shifan Depends)"
[[ "$(field "libshifan$abi" Depends)" != *xlsxwriter* ]] || fail "libshifan$abi must not depend on libxlsxwriter"
[[ "$(field libshifan-dev Depends)" == *"libshifan$abi (= $version)"* ]] || fail "libshifan-dev: Depends $(field libshifan-dev Depends)"
[[ "$(field python3-shifan Depends)" == *"libshifan$abi"* && "$(field python3-shifan Depends)" == *python3* ]] \
  || fail "python3-shifan: Depends $(field python3-shifan Depends)"
has "libshifan$abi" "/usr/lib/[^ ]*libshifan\.so\.$abi -> "
has "libshifan$abi" "/usr/lib/[^ ]*libshifan\.so\.$abi\.[0-9.]*$"
hasnt "libshifan$abi" 'libshifan\.so -> |/usr/include/|\.a$|pkgconfig|/cmake/|/usr/bin/'
has libshifan-dev "/usr/lib/[^ ]*libshifan\.so -> libshifan\.so\.$abi$"
for pattern in '/usr/include/shifan/shifan\.h$' '/usr/include/shifan/shifan_cxx\.hpp$' '/usr/include/shifan/shifan\.hpp$' \
               '/usr/include/shifan/rules/art6_1\.hpp$' '/usr/lib/[^ ]*libshifan_io\.a$' \
               '/usr/lib/[^ ]*cmake/shifan/shifanConfig\.cmake$' '/usr/lib/[^ ]*cmake/shifan/shifanTargets\.cmake$' \
               '/usr/lib/[^ ]*pkgconfig/shifan\.pc$'; do
  has libshifan-dev "$pattern"
done
hasnt libshifan-dev "/usr/lib/[^ ]*libshifan\.so\.$abi(\.[0-9.]*)?( |$)"
for pattern in '/usr/bin/shifan$' '/usr/share/man/man1/shifan\.1$' '/usr/share/man/man1/shifan-evaluate\.1$' \
               '/usr/share/man/man1/shifan-roster\.1$' '/usr/share/bash-completion/completions/shifan$' \
               '/usr/share/shifan/rules/changzhi-municipal\.rulepack\.json$'; do
  has shifan "$pattern"
done
hasnt shifan 'libshifan|/usr/include/'
has python3-shifan '/usr/lib/python3/dist-packages/shifan/__init__\.py$'
has python3-shifan "/usr/lib/python3/dist-packages/shifan-$version\.dist-info/METADATA$"
hasnt python3-shifan 'libshifan|__pycache__'
dpkg-deb -e "$(deb_of "libshifan$abi")" "$tmp/control"
grep -q "^libshifan $abi libshifan$abi " "$tmp/control/shlibs" || fail "no shlibs entry 'libshifan $abi libshifan$abi ...': $(cat "$tmp/control/shlibs")"
echo "package: every file is in its package; shlibs: $(cat "$tmp/control/shlibs")"
# Unpacked, not installed: the packaged CLI and the relocatable shifan.pc work from anywhere.
for deb in "$tmp"/deb/*.deb; do dpkg-deb -x "$deb" "$tmp/root"; done
libdir=$(dirname "$(cd "$tmp/root" && ls usr/lib/libshifan.so.0 usr/lib/*/libshifan.so.0 2>/dev/null | head -n1)")
app=$src/examples/applications/eligible-technology.json
"$tmp/root/usr/bin/shifan" evaluate --lang en "$app" | grep -q 'Verdict: ✓ Eligible' \
  || fail "the packaged CLI did not find eligible-technology.json eligible"
[ "$(PKG_CONFIG_PATH="$tmp/root/$libdir/pkgconfig" pkg-config --modversion shifan)" = "$version" ] \
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

# --- 3. the jar, unpacked, from a one-file Java program -------------------------------------------------
if [ "$java" = 1 ]; then
  cat >"$tmp/PackagedJar.java" <<'JAVA'
public class PackagedJar {
    public static void main(String[] args) {
        try (cn.shifan.Engine engine = new cn.shifan.Engine();
             cn.shifan.Evaluation e = engine.evaluate(java.nio.file.Path.of(args[0]))) {
            // the citation of art6, escaped: under LANG=C javac reads this file as US-ASCII
            System.out.println(e.verdict().jsonName() + " " + e.checks().get(0).citation(cn.shifan.Lang.ZH).equals("\u7b2c\u516d\u6761"));
        }
    }
}
JAVA
  jar="$tmp/root/usr/share/java/shifan.jar"
  out=$(cd "$tmp" && env -u JAVA_TOOL_OPTIONS LANG=C LC_ALL=C SHIFAN_LIBRARY="$tmp/root/$libdir/libshifan.so.0" \
        java -cp "$jar:/usr/share/java/jna.jar" PackagedJar.java "$app") || fail "java with the unpacked jar"
  [ "$out" = "eligible true" ] || fail "the unpacked jar printed '$out', not 'eligible true'"
  echo "package: the unpacked shifan.jar evaluates under LANG=C with the packaged libshifan.so.0: $out"
fi
