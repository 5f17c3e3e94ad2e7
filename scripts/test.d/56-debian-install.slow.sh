#!/usr/bin/env bash
# Stage (slow; it installs into the system and removes again): the Debian packages of
# `cpack -G DEB` install on this Debian 12 in dependency order and work as installed software, with
# no variable and no path set:
#   1. apt-get install ./libshifan<ABI>_*.deb, then ./libshifan-dev_*.deb, ./shifan_*.deb and
#      ./python3-shifan_*.deb (and ./libshifan-java_*.deb when the build has the jar), one after the
#      other (each must install with only what is already there);
#   2. a C consumer compiles with `cc app.c $(pkg-config --cflags --libs shifan)` and runs; the CLI
#      evaluates an example and writes a workbook (--xlsx), `man -w` finds its pages; the bash completion completes a command;
#      /usr/bin/python3 runs examples/python/evaluate_folder.py with the system's library; `java -cp
#      /usr/share/java/shifan.jar` finds jna.jar (the jar's Class-Path) and the library by itself;
#   3. the packages are purged again (also when a check fails) and the library is gone.
# Refuses to run when any of the packages is already installed (it would remove them afterwards).
set -euo pipefail
cd "$(dirname "$0")/../.."
src=$PWD
[ "$(id -u)" -eq 0 ] || { echo "debian-install: needs root (installs packages); skipped"; exit 0; }
[ -f build/ci/CMakeCache.txt ] || cmake --preset ci >/dev/null
cmake --build --preset ci >/dev/null
tmp=$(mktemp -d)
abi=$(sed -n 's/^#define SHIFAN_ABI_VERSION \([0-9]*\).*/\1/p' capi/include/shifan/shifan.h)
packages=("libshifan$abi" libshifan-dev shifan python3-shifan)
[ -f build/ci/java/shifan.jar ] && packages+=(libshifan-java)   # a JDK was found: the jar is packaged
fail() { echo "debian-install: FAIL: $*" >&2; exit 1; }
for p in "${packages[@]}"; do
  if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    fail "$p is already installed on this machine; remove it first (this stage would purge it)"
  fi
done
cleanup() {
  DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "${packages[@]}" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
start=$(date +%s)
(cd build/ci && cpack -G DEB -B "$tmp/deb") >"$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log"; fail "cpack -G DEB"; }

# --- 1. install in dependency order --------------------------------------------------------------
for p in "${packages[@]}"; do
  deb=$(ls "$tmp"/deb/"$p"_*.deb)
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >"$tmp/apt.log" 2>&1 \
    || { cat "$tmp/apt.log"; fail "apt-get install $deb"; }
  dpkg-query -W -f='${Status}' "$p" | grep -q "install ok installed" || fail "$p is not installed"
  echo "debian-install: installed $(basename "$deb")"
done

# --- 2. use it as installed software ---------------------------------------------------------------
cd "$tmp"
env -u SHIFAN_LIBRARY -u PYTHONPATH -u LD_LIBRARY_PATH -u PKG_CONFIG_PATH bash -euo pipefail -c '
  cat > app.c <<"C"
#include <shifan/shifan.h>
#include <stdio.h>
#include <string.h>
int main(void) {
    const char *doc = "{\"schema\":\"shifan.application/1\",\"reference_date\":\"2025-04-15\"}";
    shifan_engine *engine = NULL;
    shifan_evaluation *ev = NULL;
    int rc = shifan_engine_new(&engine, NULL);
    if (rc == SHIFAN_OK) rc = shifan_evaluate(&ev, engine, doc, strlen(doc), NULL, NULL);
    if (rc == SHIFAN_OK) printf("%s verdict %d\n", shifan_version(), shifan_evaluation_verdict(ev));
    shifan_evaluation_free(ev);
    shifan_engine_free(engine);
    return rc == SHIFAN_OK ? 0 : 1;
}
C
  cc app.c $(pkg-config --cflags --libs shifan) -o app
  ./app
  ldd ./app | grep -qE "libshifan.so.'"$abi"' => /(usr/)?lib/"
'
echo "debian-install: a C program built with pkg-config shifan runs against the installed libshifan.so.$abi"
shifan evaluate --lang en "$src/examples/applications/eligible-technology.json" | grep -q 'Verdict: ✓ Eligible' \
  || fail "shifan evaluate (installed)"
# The installed CLI writes a workbook with the system's libxlsxwriter (a dependency of the package).
shifan evaluate --output verdict --xlsx "$tmp/results.xlsx" "$src/examples/applications" >/dev/null || fail "shifan evaluate --xlsx (installed)"
python3 -c 'import sys, zipfile; assert "xl/worksheets/sheet1.xml" in zipfile.ZipFile(sys.argv[1]).namelist()' "$tmp/results.xlsx" \
  || fail "the installed CLI's workbook is not an .xlsx"
for page in shifan shifan-evaluate shifan-roster; do man -w "$page" >/dev/null 2>&1 || [ -f "/usr/share/man/man1/$page.1" ] || fail "no man page $page"; done
completions=$(bash -c 'source /usr/share/bash-completion/completions/shifan; COMP_WORDS=(shifan ev); COMP_CWORD=1; _shifan; echo "${COMPREPLY[*]}"')
[ "$completions" = evaluate ] || fail "completion of 'shifan ev': '$completions'"
echo "debian-install: /usr/bin/shifan evaluates and writes a workbook, its man pages are installed, 'shifan ev<TAB>' completes to evaluate"
out=$(env -u SHIFAN_LIBRARY -u PYTHONPATH /usr/bin/python3 "$src/examples/python/evaluate_folder.py" "$src/examples/applications") \
  || fail "examples/python/evaluate_folder.py with python3-shifan"
grep -q eligible-technology <<<"$out" || fail "evaluate_folder.py printed: $out"
where=$(env -u SHIFAN_LIBRARY -u PYTHONPATH /usr/bin/python3 -c 'import shifan, shifan._ffi as f; print(shifan.__file__, f.lib._name)')
[[ "$where" == /usr/lib/python3/dist-packages/shifan/* ]] || fail "python3 imported shifan from: $where"
dist=$(/usr/bin/python3 -c 'import importlib.metadata as m; print(m.version("shifan"), m.metadata("shifan")["License"])')
[ "$dist" = "$(sed -n 's/^#define SHIFAN_VERSION_STRING "\(.*\)"/\1/p' "$src/capi/include/shifan/shifan.h") Apache-2.0" ] \
  || fail "importlib.metadata sees shifan as: $dist"
echo "debian-install: /usr/bin/python3 runs examples/python/evaluate_folder.py with python3-shifan ($where; distribution $dist)"

if [[ " ${packages[*]} " == *" libshifan-java "* ]]; then
  cat >"$tmp/InstalledJar.java" <<'JAVA'
public class InstalledJar {
    public static void main(String[] args) {
        try (cn.shifan.Engine engine = new cn.shifan.Engine();
             cn.shifan.Evaluation e = engine.evaluate(java.nio.file.Path.of(args[0]))) {
            System.out.println(e.verdict().jsonName() + " " + cn.shifan.Shifan.libraryLocation());
        }
    }
}
JAVA
  out=$(cd "$tmp" && env -u SHIFAN_LIBRARY -u JAVA_TOOL_OPTIONS -u LD_LIBRARY_PATH LANG=C LC_ALL=C \
        java -cp /usr/share/java/shifan.jar InstalledJar.java "$src/examples/applications/eligible-technology.json") \
    || fail "java -cp /usr/share/java/shifan.jar (installed)"
  [[ "$out" == "eligible "* ]] || fail "the installed jar printed: $out"
  echo "debian-install: java -cp /usr/share/java/shifan.jar evaluates with the installed library ($out)"
fi

# --- 3. remove ------------------------------------------------------------------------------------
cd "$src"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "${packages[@]}" >/dev/null
! ldconfig -p | grep -q "libshifan.so.$abi " || fail "libshifan.so.$abi still known to ldconfig after purge"
echo "debian-install: purged again; the ${#packages[@]} packages installed, worked and left in $(( $(date +%s) - start ))s"
