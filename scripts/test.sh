#!/usr/bin/env bash
# Builds and runs every test: once in Release, once under AddressSanitizer and
# UndefinedBehaviorSanitizer. Exits non-zero when any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
build/photogen content
(cd build && ctest --output-on-failure -j2)
scripts/setup.sh build-asan -DCMAKE_BUILD_TYPE=Debug -DSHOKUHON_SANITIZE=ON
(cd build-asan && ctest --output-on-failure -j2)
# The parsers, the shop sheet import, the line breaker and the content stream lexer under
# libFuzzer (clang-14, installed by scripts/setup.sh), 20 s each here (fuzz/run.sh alone: 60 s); a crash fails the run.
FUZZ_SECONDS=${FUZZ_SECONDS:-20} fuzz/run.sh
