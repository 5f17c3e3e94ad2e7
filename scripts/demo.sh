#!/usr/bin/env bash
# The main job: build shifan, evaluate the shipped example applications (in Chinese and in
# English) and show a platform's status with its explanation.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default
shifan=build/bin/shifan
echo; echo "######## 评审结果（中文） ########"
"$shifan" evaluate --lang zh examples/applications/
echo; echo "######## Evaluations (English) ########"
"$shifan" evaluate --lang en examples/applications/
if [ -d examples/histories ] && "$shifan" status --help >/dev/null 2>&1; then
  echo; echo "######## 平台状态 / platform status ########"
  "$shifan" status --lang both --on 2026-11-28 examples/histories/designated-current.json
fi
