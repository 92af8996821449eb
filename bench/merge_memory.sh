#!/usr/bin/env bash
# Peak memory and CPU time of `tarikh merge` (the reduce step, issue #5) on synthetic mention
# JSONL (bench/merge_mentions.py), with same-run references on the same file: `wc -l` (read
# it once) and `sort` (an external-memory-capable tool that holds and orders every line).
#
#   bench/merge_memory.sh [BUILD_DIR]                      (default: build)
#   SIZES="100000 1000000" BINS="build/tarikh-before build/tarikh" bench/merge_memory.sh build
#
# Every binary of BINS merges every size; outputs go to BUILD_DIR/bench/merge-out-*.json and
# are compared byte for byte with the first binary's (cmp). GNU time gives wall, user, sys and
# max RSS. Inputs and outputs stay in BUILD_DIR/bench (never committed). Summary on stdout and
# in BUILD_DIR/bench/merge_memory.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build}
SIZES=${SIZES:-"100000 1000000"}
BINS=${BINS:-$BUILD_DIR/tarikh}
OUT_DIR=$BUILD_DIR/bench
mkdir -p "$OUT_DIR"
export LC_ALL=C.UTF-8

# "wall user sys maxrss_kb" of "$@" with stdout to $OUT (GNU time, not the shell keyword).
measure() {
  local out=$1
  shift
  { /usr/bin/time -f '%e %U %S %M' "$@" >"$out"; } 2>&1 | tail -1
}
row() {
  printf '%-34s %9s mentions: wall %7.2f s  user %7.2f s  sys %6.2f s  max RSS %7.1f MiB%s\n' \
    "$1" "$2" "$3" "$4" "$5" "$(awk "BEGIN { print $6 / 1024 }")" "${7:-}"
}

{
  echo "machine: $(nproc) CPU, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
  for n in $SIZES; do
    m=$OUT_DIR/merge-mentions-$n.jsonl
    [ -s "$m" ] || python3 bench/merge_mentions.py --out "$m" --mentions "$n"
    echo "input: $m ($(awk "BEGIN { printf \"%.1f\", $(stat -c %s "$m") / 1000000 }") MB)"
    read -r w u s r < <(measure /dev/null wc -l "$m")
    row "wc -l" "$n" "$w" "$u" "$s" "$r"
    read -r w u s r < <(measure /dev/null sort "$m")
    row "sort" "$n" "$w" "$u" "$s" "$r"
    first=""
    k=0
    for bin in $BINS; do
      k=$((k + 1))
      out=$OUT_DIR/merge-out-$n-$k.json
      read -r w u s r < <(measure "$out" "$bin" merge "$m")
      same=""
      if [ -z "$first" ]; then
        first=$out
      elif cmp -s "$first" "$out"; then
        same="  output identical to $(basename "$first")"
      else
        same="  OUTPUT DIFFERS from $(basename "$first")"
      fi
      row "$bin merge" "$n" "$w" "$u" "$s" "$r" "  ($(stat -c %s "$out") bytes)$same"
    done
  done
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT_DIR/merge_memory.txt"
