# Flags for abidw shared by check-abi.sh and update-baseline.sh (libabigail 2.2, Debian 12):
# keep only what the public header declares (private types dropped, plus the suppression file for
# the handles' private definitions), drop the build path and source locations (the baseline must
# not depend on where the tree is checked out), stable hash type ids.
ABIDW_FLAGS=(--drop-private-types --no-corpus-path --no-show-locs --type-id-style hash
             --suppressions "$(dirname "${BASH_SOURCE[0]}")/libshifan.suppr")
