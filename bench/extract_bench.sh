#!/usr/bin/env bash
# Map/reduce bench (issue #5), all ratios measured in the same run:
#   1. `tarikh extract` throughput on a >= 50 MB JSONL corpus, MB/s (10^6 bytes) of wall and
#      of CPU time (user + sys), against `wc -m` on the same file (UTF-8 locale) — medians of
#      RUNS interleaved runs each; the load average is printed (2-core machine, shared);
#   2. speed-up of `parallel -j2` extract over one extract process, same corpus: `--pipe` (a
#      stream) and `--pipe-part` (a file, each job reads its own part);
#   3. `tarikh merge` wall time and peak RSS (GNU time) for 10^5 and 10^6 synthetic mentions.
# Targets: extract >= 50 MB/s per core; merge of 10^6 mentions within 1 GB.
#
#   bench/extract_bench.sh [BUILD_DIR]          (default: build)
#   MB=50 RUNS=3 MERGE_SIZES="100000 1000000" bench/extract_bench.sh build
#   BASELINE_BIN=old/tarikh MERGE_SIZES= bench/extract_bench.sh build   (before/after, no merge)
# Corpora go to BUILD_DIR/bench (never committed). Summary on stdout and in
# BUILD_DIR/bench/extract_bench.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build}
BIN=${TARIKH_BIN:-$BUILD_DIR/tarikh}
MB=${MB:-50}
RUNS=${RUNS:-3}
MERGE_SIZES=${MERGE_SIZES-"100000 1000000"}
OUT_DIR=$BUILD_DIR/bench
[ -x "$BIN" ] || { echo "extract_bench: no tarikh binary at $BIN" >&2; exit 2; }
command -v parallel >/dev/null || { echo "extract_bench: GNU parallel missing" >&2; exit 2; }
mkdir -p "$OUT_DIR"
export LC_ALL=C.UTF-8

corpus=$OUT_DIR/docs-${MB}mb.jsonl
[ -s "$corpus" ] || python3 bench/extract_corpus.py --out "$corpus" --mb "$MB"
bytes=$(stat -L -c %s "$corpus")  # -L: the corpus may be a link to a shared copy

calc() { awk "BEGIN { print $* }"; }

# One run of "$@" (stdout to /dev/null): "WALL CPU" seconds, CPU = user + sys of the command
# and its children (GNU time), the figure to compare when the machine is loaded.
run1() {
  local tf
  tf=$(mktemp)
  /usr/bin/time -o "$tf" -f '%e %U %S' "$@" >/dev/null 2>/dev/null
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$tf"
  rm -f "$tf"
}
# Medians of column 1 and 2 of the lines on stdin.
medians() {
  local lines w c
  lines=$(grep .)
  w=$(cut -d' ' -f1 <<<"$lines" | sort -g | sed -n "$(((RUNS + 1) / 2))p")
  c=$(cut -d' ' -f2 <<<"$lines" | sort -g | sed -n "$(((RUNS + 1) / 2))p")
  echo "$w $c"
}
mbps() { awk "BEGIN { printf \"%.1f\", $bytes / 1000000 / $1 }"; }

# parallel -j2 over the corpus with binary $1, as a command /usr/bin/time can run.
par_cmd='parallel --will-cite -j2 --pipe --block 4M "$0" extract --no-progress < "$1"'
# The same from a file: --pipe-part lets each job read its own part of the file (one part per
# job slot), so no perl process copies the stream, which costs a whole core's share on 2 cores.
part_cmd='parallel --will-cite -j2 --pipe-part -a "$1" --block -1 "$0" extract --no-progress'

# Interleaved rounds: wc -m, extract (one process), parallel -j2, and the same for
# BASELINE_BIN (e.g. an older build) when given, so every ratio comes from one session.
declare -A samples
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for ((i = 0; i < RUNS; i++)); do
  samples[wc]+="$(run1 wc -m "$corpus")"$'\n'
  samples[one]+="$(run1 "$BIN" extract --no-progress "$corpus")"$'\n'
  samples[two]+="$(run1 bash -c "$par_cmd" "$BIN" "$corpus")"$'\n'
  samples[part]+="$(run1 bash -c "$part_cmd" "$BIN" "$corpus")"$'\n'
  if [ -n "${BASELINE_BIN:-}" ]; then
    samples[base_one]+="$(run1 "$BASELINE_BIN" extract --no-progress "$corpus")"$'\n'
    samples[base_two]+="$(run1 bash -c "$par_cmd" "$BASELINE_BIN" "$corpus")"$'\n'
  fi
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
read -r t_wc c_wc < <(printf '%s' "${samples[wc]}" | medians)
read -r t_one c_one < <(printf '%s' "${samples[one]}" | medians)
read -r t_two c_two < <(printf '%s' "${samples[two]}" | medians)
read -r t_part c_part < <(printf '%s' "${samples[part]}" | medians)
row() {  # label wall cpu
  printf '%-28s wall %6.2f s %7s MB/s   CPU %6.2f s %7s MB/s' "$1" "$2" "$(mbps "$2")" "$3" \
    "$(mbps "$3")"
}
{
  echo "corpus: $corpus ($(calc "$bytes / 1000000") MB, $(wc -l <"$corpus") documents), nproc $(nproc)"
  echo "load average before / after: $load_before / $load_after; medians of $RUNS interleaved runs"
  row "wc -m" "$t_wc" "$c_wc"; echo
  row "tarikh extract (1)" "$t_one" "$c_one"
  printf '   (wc -m / extract: wall %.3f, CPU %.3f)\n' "$(calc "$t_wc / $t_one")" "$(calc "$c_wc / $c_one")"
  row "parallel -j2 extract" "$t_two" "$c_two"
  printf '   (wall speed-up %.2f x one process)\n' "$(calc "$t_one / $t_two")"
  row "parallel -j2 --pipe-part" "$t_part" "$c_part"
  printf '   (wall speed-up %.2f x one process)\n' "$(calc "$t_one / $t_part")"
  if [ -n "${BASELINE_BIN:-}" ]; then
    read -r b_one bc_one < <(printf '%s' "${samples[base_one]}" | medians)
    read -r b_two bc_two < <(printf '%s' "${samples[base_two]}" | medians)
    row "baseline extract (1)" "$b_one" "$bc_one"
    printf '   (wc -m / extract: wall %.3f, CPU %.3f)\n' "$(calc "$t_wc / $b_one")" "$(calc "$c_wc / $bc_one")"
    row "baseline parallel -j2" "$b_two" "$bc_two"
    printf '   (wall speed-up %.2f x one process)\n' "$(calc "$b_one / $b_two")"
  fi
  for n in $MERGE_SIZES; do
    m=$OUT_DIR/merge-mentions-$n.jsonl  # not mentions-N (timeline_scale.sh: real extract output)
    [ -s "$m" ] || python3 bench/merge_mentions.py --out "$m" --mentions "$n"
    read -r secs rss < <( { /usr/bin/time -f '%e %M' "$BIN" merge "$m" >/dev/null; } 2>&1 | tail -1)
    printf 'merge %8d mentions: %6.2f s  max RSS %6.0f MB  (input %.0f MB)\n' "$n" "$secs" \
      "$(calc "$rss / 1024")" "$(calc "$(stat -L -c %s "$m") / 1000000")"
  done
} | tee "$OUT_DIR/extract_bench.txt"
