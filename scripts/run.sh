#!/usr/bin/env bash
# Quick start: install what is missing, build a Release calint into build/, and audit the bundled
# sample org export with the embedded default policy. Arguments replace the default audit:
#   scripts/run.sh audit my-org --format json
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target calint -j"$(nproc)" >/dev/null

if [[ $# -eq 0 ]]; then
  set -- audit samples/source-org
fi
exec build/calint "$@"
