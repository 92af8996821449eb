#!/usr/bin/env bash
# Map/reduce bench (issue #5), all ratios measured in the same run:
#   1. `tarikh extract` throughput on a >= 50 MB JSONL corpus, MB/s (10^6 bytes), against
#      `wc -m` on the same file (UTF-8 locale) — median of RUNS runs each;
#   2. speed-up of `parallel -j2 --pipe` extract over one extract process, same corpus;
#   3. `tarikh merge` wall time and peak RSS (GNU time) for 10^5 and 10^6 synthetic mentions.
# Targets: extract >= 50 MB/s per core; merge of 10^6 mentions within 1 GB.
#
#   bench/extract_bench.sh [BUILD_DIR]          (default: build)
#   MB=50 RUNS=3 MERGE_SIZES="100000 1000000" bench/extract_bench.sh build
# Corpora go to BUILD_DIR/bench (never committed). Summary on stdout and in
# BUILD_DIR/bench/extract_bench.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build}
BIN=${TARIKH_BIN:-$BUILD_DIR/tarikh}
MB=${MB:-50}
RUNS=${RUNS:-3}
MERGE_SIZES=${MERGE_SIZES:-"100000 1000000"}
OUT_DIR=$BUILD_DIR/bench
[ -x "$BIN" ] || { echo "extract_bench: no tarikh binary at $BIN" >&2; exit 2; }
command -v parallel >/dev/null || { echo "extract_bench: GNU parallel missing" >&2; exit 2; }
mkdir -p "$OUT_DIR"
export LC_ALL=C.UTF-8

corpus=$OUT_DIR/docs-${MB}mb.jsonl
[ -s "$corpus" ] || python3 bench/extract_corpus.py --out "$corpus" --mb "$MB"
bytes=$(stat -c %s "$corpus")

calc() { awk "BEGIN { print $* }"; }

# Median wall seconds of RUNS runs of "$@" (stdout to /dev/null).
median() {
  local times=()
  for ((i = 0; i < RUNS; i++)); do
    local t0 t1
    t0=$EPOCHREALTIME
    "$@" >/dev/null
    t1=$EPOCHREALTIME
    times+=("$(calc "$t1 - $t0")")
  done
  printf '%s\n' "${times[@]}" | sort -g | sed -n "$(((RUNS + 1) / 2))p"
}
mbps() { awk "BEGIN { printf \"%.1f\", $bytes / 1000000 / $1 }"; }

t_wc=$(median wc -m "$corpus")
t_one=$(median "$BIN" extract --no-progress "$corpus")
par() { parallel --will-cite -j2 --pipe --block 4M "$BIN" extract --no-progress <"$corpus"; }
t_two=$(median par)
{
  echo "corpus: $corpus ($(calc "$bytes / 1000000") MB, $(wc -l <"$corpus") documents), nproc $(nproc)"
  printf 'wc -m:                 %6.2f s  %7s MB/s\n' "$t_wc" "$(mbps "$t_wc")"
  printf 'tarikh extract (1):    %6.2f s  %7s MB/s  (%.3f x wc -m)\n' "$t_one" "$(mbps "$t_one")" \
    "$(calc "$t_wc / $t_one")"
  printf 'parallel -j2 extract:  %6.2f s  %7s MB/s  (speed-up %.2f x one process)\n' "$t_two" \
    "$(mbps "$t_two")" "$(calc "$t_one / $t_two")"
  for n in $MERGE_SIZES; do
    m=$OUT_DIR/merge-mentions-$n.jsonl  # not mentions-N (timeline_scale.sh: real extract output)
    [ -s "$m" ] || python3 bench/merge_mentions.py --out "$m" --mentions "$n"
    read -r secs rss < <( { /usr/bin/time -f '%e %M' "$BIN" merge "$m" >/dev/null; } 2>&1 | tail -1)
    printf 'merge %8d mentions: %6.2f s  max RSS %6.0f MB  (input %.0f MB)\n' "$n" "$secs" \
      "$(calc "$rss / 1024")" "$(calc "$(stat -c %s "$m") / 1000000")"
  done
} | tee "$OUT_DIR/extract_bench.txt"
