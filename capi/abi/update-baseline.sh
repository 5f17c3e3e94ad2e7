#!/usr/bin/env bash
# Regenerates capi/abi/libshifan.abi from a library built with debug info. Run it only for an
# intended ABI change, together with the version bump that docs/abi-policy.md requires.
#   usage: capi/abi/update-baseline.sh [path/to/libshifan.so]   (default build/ci/lib/libshifan.so)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
lib=${1:-$here/../../build/ci/lib/libshifan.so}
# shellcheck source=abidw-flags.sh
source "$here/abidw-flags.sh"
abidw "${ABIDW_FLAGS[@]}" --headers-dir "$here/../include/shifan" "$lib" >"$here/libshifan.abi"
echo "wrote $here/libshifan.abi ($(grep -c '<elf-symbol' "$here/libshifan.abi") symbols)"
