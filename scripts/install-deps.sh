#!/usr/bin/env bash
# Installs what shifan needs to build and test on Debian 12, skipping what is already there.
# Boost must be 1.81 (Describe needs >= 1.77; Debian's default libboost-dev is 1.74).
# Packaging (scripts/test.d/55-package.sh): dpkg-dev and file for cpack's dpkg-shlibdeps, pkg-config,
# python3-venv and python3-pip for the offline pip install (no setuptools or wheel needed).
# Java bindings (bindings/java): a JDK (17 on Debian 12) and JNA from libjna-java (/usr/share/java/jna.jar).
# libxlsxwriter-dev: the CLI's Excel workbooks (--xlsx); only the CLI links it.
set -euo pipefail
packages=(build-essential cmake ninja-build libboost1.81-dev nlohmann-json3-dev catch2 libcsv-dev python3 python3-jsonschema
          default-jdk-headless libjna-java
          doxygen graphviz abigail-tools libbenchmark-dev clang-14 clang-tidy-14 libclang-rt-14-dev
          cppcheck valgrind pkg-config dpkg-dev file python3-venv python3-pip libcli11-dev
          libxlsxwriter-dev)
# Extra packages a stage may ask for: SHIFAN_EXTRA_PACKAGES="chromium ..."
read -r -a extra <<< "${SHIFAN_EXTRA_PACKAGES:-}"
missing=()
for p in "${packages[@]}" "${extra[@]}"; do
  [ -n "$p" ] || continue
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
