#!/usr/bin/env bash
# Renders tarikh's TimelineJS exports (JSON and standalone page) in the real TimelineJS 3
# inside headless Chromium: slide count, headline order, RTL, no console error, no request
# leaving the machine, and no injected script from the hostile fixture.
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$(date +%s)
bin=${TARIKH_BIN:-build/tarikh}
tljs_prefix=third_party/timelinejs
dist=$tljs_prefix/node_modules/@knight-lab/timelinejs/dist

if [ ! -x /usr/bin/chromium ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    chromium fonts-noto-core
fi
if [ ! -f "$dist/js/timeline.js" ]; then
  npm install --prefix "$tljs_prefix" --no-audit --no-fund --loglevel=error \
    @knight-lab/timelinejs@3.9.11
fi
if [ ! -d tests/browser/node_modules/playwright-core ]; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cases=()
export_case() {  # name, timeline json, extra export flags…
  local name=$1 timeline=$2
  shift 2
  "$bin" export "$timeline" -o "$out/$name" --formats timelinejs,html,json \
    --timelinejs "$tljs_prefix" "$@" 2>"$out/$name.log" || { cat "$out/$name.log"; exit 1; }
  if grep -q "warning" "$out/$name.log"; then cat "$out/$name.log"; exit 1; fi
  cases+=(--case "$name=$out/$name:$out/$name/timeline.json")
}
export_case sample fixtures/timelines/sample.json
export_case hostile fixtures/hostile/timeline.json --group-by source

# The seeds' timeline built by the real pipeline, and the hostile article through it too.
if "$bin" build --help >/dev/null 2>&1; then
  declare -A titles=([seeds]="داعش والقاعدة" \
    [hostile]="</title><script>window.__pwned='cli-title'</script>")
  for set in seeds hostile; do
    "$bin" build --manifest "fixtures/$set/manifest.json" -o "$out/built-$set" \
      --title "${titles[$set]}" --timelinejs "$tljs_prefix" 2>"$out/built-$set.log" ||
      { cat "$out/built-$set.log"; exit 1; }
    cases+=(--case "built-$set=$out/built-$set:$out/built-$set/timeline.json")
  done
else
  echo "50-browser: 'tarikh build' not available yet; seeds case skipped"
fi

timeout 120 node tests/browser/render_test.mjs --chromium /usr/bin/chromium \
  --timelinejs "$dist" "${cases[@]}"
echo "50-browser: done in $(( $(date +%s) - start )) s"
