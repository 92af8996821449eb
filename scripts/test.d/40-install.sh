#!/usr/bin/env bash
# Installs tarikh into a temporary prefix and builds and runs tests/install (a consumer
# using find_package(tarikh) and tarikh::export) against it.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${BUILD_DIR:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
cmake -S tests/install -B "$tmp/consumer" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/consumer" >/dev/null
out=$("$tmp/consumer/consumer")
echo "$out"
# The tagger found the month, the exporter produced the native and TimelineJS files.
grep -qx "2016-10" <<<"$out"
grep -qx "timeline.json" <<<"$out"
grep -qx "timelinejs.json" <<<"$out"
echo "40-install: consumer built against the installed package and ran"
