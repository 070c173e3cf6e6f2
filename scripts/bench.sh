#!/usr/bin/env bash
# The speed and scale benchmark in one command: builds shokuhon (Release), generates the sample
# photos, then runs build/shokuhon_bench, which prints the table and writes out/bench.json.
# Any arguments go to shokuhon_bench (e.g. --runs 3, --pages 0 to skip the 1,008-page book).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
build/photogen content
build/shokuhon_bench "$@"
