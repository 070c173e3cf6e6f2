#!/usr/bin/env bash
# Builds shokuhon, generates the sample photos (once) and renders the sample book to
# out/hiratsuka-food-book.pdf. Any arguments are passed to 'shokuhon build'.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
build/photogen content
build/shokuhon build "$@"
