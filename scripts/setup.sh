#!/usr/bin/env bash
# Installs what tarikh needs on Debian 12 (as root or with sudo) and configures + builds it.
#   scripts/setup.sh            build/ (Release)
#   BUILD_DIR=build-asan CMAKE_ARGS="-DTARIKH_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug" scripts/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake ninja-build pkg-config python3
          libicu-dev libboost-date-time-dev libboost-graph-dev libpugixml-dev
          nlohmann-json3-dev libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev
          clang parallel time
          chromium fonts-noto-core)  # browser test of the TimelineJS export (test.d/50-browser.sh)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# TimelineJS 3 for the standalone HTML export (gitignored; tarikh warns and skips the page
# without it).
tljs=third_party/timelinejs/node_modules/@knight-lab/timelinejs/dist/js/timeline.js
if [ ! -f "$tljs" ] && command -v npm >/dev/null; then
  npm install --prefix third_party/timelinejs --no-audit --no-fund --loglevel=error \
      @knight-lab/timelinejs@3.9.11 || echo "setup: warning: npm could not install TimelineJS" >&2
fi

BUILD_DIR=${BUILD_DIR:-build}
# shellcheck disable=SC2086
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release ${CMAKE_ARGS:-}
cmake --build "$BUILD_DIR" -j"$(nproc)"
