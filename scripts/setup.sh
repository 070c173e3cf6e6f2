#!/usr/bin/env bash
# Installs what shokuhon needs on Debian 12 (only what is missing), then configures and builds.
# Usage: scripts/setup.sh [BUILD_DIR [extra cmake args...]]
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake ninja-build pkg-config libpoco-dev libssl-dev libharfbuzz-dev libcairo2-dev
          libfreetype-dev libxml2-dev libqpdf-dev libjpeg-dev catch2 fonts-noto-cjk
          poppler-utils qpdf
          libicu-dev chromium chromium-driver  # CP932 import; the preview's browser test
          liblcms2-dev libssl-dev ghostscript zbar-tools  # print build (CMYK photos, SHA-256); its outside checks
          clang-14 libclang-rt-14-dev  # libFuzzer targets (fuzz/run.sh)
          wrk)  # the preview server's load test (tests/unit/hardening/preview_load_test.cpp)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

build_dir=${1:-build}
shift || true
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build "$build_dir"
