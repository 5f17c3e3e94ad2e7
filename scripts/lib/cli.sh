# Sourced by the stages and tools that run the command-line tool: sets $cli to SHIFAN_CLI when it
# names another shifan binary, else to build/ci/bin/shifan, built here (preset "ci"); and $tmp, a
# scratch directory removed on exit.
cli=${SHIFAN_CLI:-}
if [ -z "$cli" ]; then
  [ -f build/ci/CMakeCache.txt ] || cmake --preset ci >/dev/null
  cmake --build --preset ci --target shifan_cli >/dev/null
  cli=build/ci/bin/shifan
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
