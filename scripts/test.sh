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
# The parsers, the shop sheet import and the line breaker under libFuzzer, 20 s each here
# (fuzz/run.sh: 60 s), when clang's libFuzzer is installed (scripts/setup.sh installs it).
if command -v clang++-14 >/dev/null && compgen -G "/usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a" >/dev/null; then
  FUZZ_SECONDS=${FUZZ_SECONDS:-20} fuzz/run.sh
fi
