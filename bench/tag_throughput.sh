#!/usr/bin/env bash
# Tagging speed bench (issue #2): tarikh tag vs `wc -m` on the same corpus, in the same run.
#
#   bench/tag_throughput.sh [BUILD_DIR]        (default: build)
#   RUNS=5 STARTUP_RUNS=20 MB=5 bench/tag_throughput.sh build-release
#
# Measures, pinned to one CPU when taskset exists:
#   1. throughput: `tarikh tag --format jsonl --dct 2017-04-18 CORPUS >/dev/null` and the
#      baseline `wc -m CORPUS` (UTF-8 locale, so wc decodes every character), median of RUNS
#      wall-clock runs each, MB/s (10^6 bytes) and the ratio;
#   2. peak memory (GNU time max RSS) tagging the MB corpus and one 4x larger: flat if the
#      tagger streams;
#   3. start-up: median wall time of STARTUP_RUNS runs of `tarikh tag` on an empty input and of
#      `tarikh normalize` of one expression, raw ms, next to `true` (process spawn cost).
# Targets (issue #2): >= 50 MB/s on one core, start-up < 20 ms. The corpora are generated
# into BUILD_DIR/bench by bench/make_corpus.py (never committed). Writes a summary to stdout
# and BUILD_DIR/bench/tag_throughput.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build}
BIN=${TARIKH_BIN:-$BUILD_DIR/tarikh}
RUNS=${RUNS:-5}
STARTUP_RUNS=${STARTUP_RUNS:-20}
MB=${MB:-5}
DCT=2017-04-18
OUT_DIR=$BUILD_DIR/bench
[ -x "$BIN" ] || { echo "tag_throughput: no tarikh binary at $BIN (build it first)" >&2; exit 2; }
((RUNS >= 3)) || { echo "tag_throughput: RUNS must be >= 3" >&2; exit 2; }
mkdir -p "$OUT_DIR"

export LC_ALL=C.UTF-8
PIN=()
command -v taskset >/dev/null && PIN=(taskset -c "${BENCH_CPU:-0}")

small=$OUT_DIR/corpus-${MB}mb.txt
large=$OUT_DIR/corpus-$((MB * 4))mb.txt
[ -s "$small" ] || python3 bench/make_corpus.py --out "$small" --mb "$MB" >&2
[ -s "$large" ] || python3 bench/make_corpus.py --out "$large" --mb $((MB * 4)) >&2

# Wall seconds of one run of "$@" (stdout to /dev/null), from bash's microsecond clock.
# A failing command aborts the bench: a crash must not be timed as a fast run.
time_once() {
  local t0 t1
  t0=$EPOCHREALTIME
  "$@" >/dev/null || { echo "tag_throughput: failed: $*" >&2; return 1; }
  t1=$EPOCHREALTIME
  echo "$t0 $t1" | awk '{printf "%.6f\n", $2 - $1}'
}

# CPU seconds (user + sys of the child, from bash's own `time`, which reads getrusage before
# and after and prints milliseconds) of one run: robust on a loaded machine where wall time
# measures the scheduler. (An earlier version timed through a Python wrapper, which added
# ~40-80 ms of its own to every command.)
cpu_once() {
  local TIMEFORMAT='%3U %3S' out
  out=$({ time "$@" >/dev/null 2>/dev/null; } 2>&1) || { echo "tag_throughput: failed: $*" >&2; return 1; }
  echo "$out" | awk '{printf "%.3f\n", $1 + $2}'
}

# Median of N runs (interleaving is done by the caller).
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

bytes=$(stat -c %s "$small")
tag_times=() wc_times=() tag_cpu=() wc_cpu=()
# Warm the page cache and check the commands succeed before timing.
"${PIN[@]}" "$BIN" tag --format jsonl --dct $DCT "$small" >/dev/null
"${PIN[@]}" wc -m "$small" >/dev/null
for ((i = 0; i < RUNS; i++)); do  # interleaved so drift hits both sides alike
  t=$(time_once "${PIN[@]}" "$BIN" tag --format jsonl --dct $DCT "$small") || exit 1
  tag_times+=("$t")
  t=$(time_once "${PIN[@]}" wc -m "$small") || exit 1
  wc_times+=("$t")
  t=$(cpu_once "${PIN[@]}" "$BIN" tag --format jsonl --dct $DCT "$small") || exit 1
  tag_cpu+=("$t")
  t=$(cpu_once "${PIN[@]}" wc -m "$small") || exit 1
  wc_cpu+=("$t")
done
tag_s=$(printf '%s\n' "${tag_times[@]}" | median)
wc_s=$(printf '%s\n' "${wc_times[@]}" | median)
tag_c=$(printf '%s\n' "${tag_cpu[@]}" | median)
wc_c=$(printf '%s\n' "${wc_cpu[@]}" | median)
timexes=$("$BIN" tag --format jsonl --dct $DCT "$small" | wc -l)

rss_kb() {  # max RSS in kB of tagging $1
  /usr/bin/time -v "$BIN" tag --format jsonl --dct $DCT "$1" 2>&1 >/dev/null |
    awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}'
}
rss_small=$(rss_kb "$small")
rss_large=$(rss_kb "$large")
large_bytes=$(stat -c %s "$large")

empty=$OUT_DIR/empty.txt
: >"$empty"
startup() {
  local ts=()
  local t
  for ((i = 0; i < STARTUP_RUNS; i++)); do
    t=$(time_once "$@") || return 1
    ts+=("$t")
  done
  printf '%s\n' "${ts[@]}" | median | awk '{printf "%.2f", $1 * 1000}'
}
st_true=$(startup "${PIN[@]}" true) || exit 1
st_empty=$(startup "${PIN[@]}" "$BIN" tag --format jsonl --dct $DCT "$empty" 2>/dev/null) || exit 1
st_norm=$(startup "${PIN[@]}" "$BIN" normalize --dct $DCT "الشهر الماضي") || exit 1

{
  echo "tag_throughput ($(date -u +%Y-%m-%dT%H:%M:%SZ), repo $(git rev-parse --short HEAD 2>/dev/null || echo '?'), bin $BIN, cpu pin: ${PIN[*]:-none}, runs: $RUNS, load: $(cut -d' ' -f1-3 /proc/loadavg))"
  awk -v b="$bytes" -v t="$tag_s" -v w="$wc_s" -v tc="$tag_c" -v wcc="$wc_c" -v n="$timexes" 'BEGIN {
    printf "corpus            %.2f MB (%d bytes), %d TIMEX3 found\n", b / 1e6, b, n
    printf "                  wall median       MB/s | cpu median       MB/s\n"
    printf "tarikh tag jsonl  %9.3f s %10.2f | %8.3f s %10.2f\n", t, b / 1e6 / t, tc, b / 1e6 / tc
    printf "wc -m (baseline)  %9.3f s %10.2f | %8.3f s %10.2f\n", w, b / 1e6 / w, wcc, b / 1e6 / wcc
    printf "ratio tag/wc      %9.2fx            | %8.2fx\n", t / w, tc / wcc
  }'
  echo "max RSS           $((rss_small / 1024)) MiB on $((bytes / 1000000)) MB, $((rss_large / 1024)) MiB on $((large_bytes / 1000000)) MB"
  echo "start-up (median of $STARTUP_RUNS, raw)  true ${st_true} ms | tag <empty file> ${st_empty} ms | normalize 'الشهر الماضي' ${st_norm} ms"
  awk -v b="$bytes" -v t="$tag_c" -v s="$st_empty" 'BEGIN {
    printf "targets           >= 50 MB/s (cpu): %s | start-up < 20 ms (wall): %s\n",
      (b / 1e6 / t >= 50) ? "met" : "NOT met", (s < 20) ? "met" : "NOT met"
  }'
} | tee "$OUT_DIR/tag_throughput.txt"
