#!/usr/bin/env bash
# Quality benchmarks: runs the three scorer passes on the current tarikh build and prints their
# summary lines (scorer runs are part of the benchmarks, next to tag_throughput.sh).
#
#   bench/score.sh [BUILD_DIR]            (default: build)
#   ERRORS=1 bench/score.sh build          also list every error (long)
#
# Needs the shared scorers next to the repository (../shared/tools, not shipped with tarikh);
# without them it says so and exits 0. Gold data: fixtures/seeds/gold and fixtures/dev-revised
# (in the repository), the recognizers cases from ../shared/bench/recognizers-ar.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build}
BIN=${TARIKH_BIN:-$BUILD_DIR/tarikh}
TOOLS=../shared/tools
CASES=../shared/bench/recognizers-ar/cases.jsonl
if [ ! -d "$TOOLS" ]; then
  echo "score: $TOOLS not found next to the repository; nothing to score"
  exit 0
fi
[ -x "$BIN" ] || { echo "score: no tarikh binary at $BIN (build it first)" >&2; exit 2; }
CMD="$(printf '%q' "$BIN") tag --dct {dct} {input}"
extra=()
[ -n "${ERRORS:-}" ] && extra=(--errors)

echo "score ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $BIN)"
for gold in fixtures/seeds/gold fixtures/dev-revised; do
  echo
  echo "== score_timeml.py --gold $gold"
  out=$(python3 "$TOOLS/score_timeml.py" --gold "$gold" --cmd "$CMD" --quiet "${extra[@]}")
  if [ -n "${ERRORS:-}" ]; then
    echo "$out"
  else
    # The header line and the corpus block (up to the first blank line after "Corpus").
    echo "$out" | awk '/^Gold:/ {print} /^Corpus/ {on=1} on && /^$/ && seen {exit} on {print; seen=1}'
  fi
done
echo
if [ -f "$CASES" ]; then
  echo "== score_cases.py $CASES"
  out=$(python3 "$TOOLS/score_cases.py" "$CASES" --cmd "$CMD" "${extra[@]}" 2>/dev/null)
  if [ -n "${ERRORS:-}" ]; then
    echo "$out"
  else
    echo "$out" | awk 'NR == 1 || /^OVERALL/ || /^items:/ || /Extra TIMEX3/'
  fi
else
  echo "== score_cases.py: $CASES not found, skipped"
fi
