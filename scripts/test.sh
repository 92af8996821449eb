#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite: the normal build, then the same suite under
# ASan+UBSan, then the extra checks each part registers (browser, fuzz, format).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

echo "== release build + tests"
scripts/setup.sh
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== ASan+UBSan build + tests"
BUILD_DIR=build-asan CMAKE_ARGS="-DTARIKH_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTARIKH_BUILD_BENCHMARKS=OFF" \
  scripts/setup.sh
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs" -LE slow

for extra in scripts/test.d/*.sh; do
  [ -e "$extra" ] || continue
  echo "== $extra"
  bash "$extra"
done
echo "== all tests passed"
