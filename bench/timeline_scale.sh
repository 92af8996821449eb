#!/usr/bin/env bash
# Timeline scale bench (issue #3): `tarikh build` over 1k, 10k and 100k generated documents,
# wall time and peak memory per size, next to the map step alone (`tarikh extract`, the
# baseline: tagging + clause extraction, no merging or ordering) on the same input in the
# same run.
#
#   bench/timeline_scale.sh [BUILD_DIR]            (default: build)
#   SIZES="1000 10000" bench/timeline_scale.sh build
#
# Corpora come from bench/timeline_scale.py into BUILD_DIR/bench (never committed). Runs are
# pinned to one CPU when taskset exists. Writes BUILD_DIR/bench/timeline_scale.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build}
BIN=${TARIKH_BIN:-$BUILD_DIR/tarikh}
SIZES=${SIZES:-"1000 10000 100000"}
OUT_DIR=$BUILD_DIR/bench
[ -x "$BIN" ] || { echo "timeline_scale: no tarikh binary at $BIN (build it first)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "timeline_scale: needs GNU time (/usr/bin/time)" >&2; exit 2; }
mkdir -p "$OUT_DIR"
PIN=()
command -v taskset >/dev/null && PIN=(taskset -c "${BENCH_CPU:-0}")

# Prints "wall_seconds user_seconds max_rss_kb" of one run of "$@". User CPU time is reported
# next to wall time because wall time is noisy on a shared machine.
measure() {
  local log
  log=$(mktemp)
  /usr/bin/time -f "%e %U %M" -o "$log" "${PIN[@]}" "$@" >/dev/null 2>"$log.err" || {
    local rc=$?
    # build exits 1 when some input was skipped; that is not a bench failure.
    [ $rc -eq 1 ] || { cat "$log.err" >&2; exit $rc; }
  }
  cat "$log"
  rm -f "$log" "$log.err"
}

summary=$OUT_DIR/timeline_scale.txt
{
  echo "tarikh build scale bench ($(date -u +%F), $(nproc) CPUs, pinned: ${PIN[*]:-no})"
  printf "%8s %8s %9s %9s %10s %11s %11s %12s %7s %9s\n" docs MB build_wall build_cpu \
    build_MiB extract_wall extract_cpu extract_MiB ratio cpu_us/doc
} | tee "$summary"
for n in $SIZES; do
  corpus=$OUT_DIR/timeline-$n.jsonl
  [ -s "$corpus" ] || python3 bench/timeline_scale.py --docs "$n" --out "$corpus" >&2
  mb=$(awk -v b="$(stat -c %s "$corpus")" 'BEGIN { printf "%.1f", b / 1e6 }')
  read -r ew eu erss < <(measure "$BIN" extract --no-progress -o "$OUT_DIR/mentions-$n.jsonl" "$corpus")
  read -r bw bu brss < <(measure "$BIN" build -q --jsonl "$corpus" -o "$OUT_DIR/timeline-$n.json")
  events=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['events']))" \
    "$OUT_DIR/timeline-$n.json")
  printf "%8s %8s %9s %9s %10s %11s %11s %12s %7s %9s  (%s events)\n" "$n" "$mb" "$bw" "$bu" \
    "$((brss / 1024))" "$ew" "$eu" "$((erss / 1024))" \
    "$(awk -v a="$bu" -v b="$eu" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')" \
    "$(awk -v a="$bu" -v n="$n" 'BEGIN { printf "%.0f", a * 1e6 / n }')" "$events" | tee -a "$summary"
done
echo "ratio = build CPU / extract CPU (the map step alone is the baseline). Summary: $summary"
