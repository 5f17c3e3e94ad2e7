#!/usr/bin/env bash
# Compile locales into a directory for LOCPATH (no root, no system change), so that the locale
# tests run on a machine that has none but C installed (Debian's "locales" package gives the
# sources and localedef).   make_locales.sh DIR de_DE tr_TR zh_CN ...
set -euo pipefail
dir="$1"; shift
mkdir -p "$dir"
command -v localedef >/dev/null || { echo "localedef not found (package locales)"; exit 1; }
for l in "$@"; do
  [ -f "$dir/$l.UTF-8/LC_NUMERIC" ] && continue
  localedef -c -i "$l" -f UTF-8 "$dir/$l.UTF-8" >/dev/null 2>&1 || true
  [ -f "$dir/$l.UTF-8/LC_NUMERIC" ] || { echo "could not compile locale $l.UTF-8"; exit 1; }
done
echo "locales in $dir: $*"
