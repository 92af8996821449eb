#!/usr/bin/env bash
# Fuzzing: builds the fuzz/ targets with clang + libFuzzer (+ASan+UBSan) in build-fuzz, replays
# each target's corpus, then fuzzes each target for FUZZ_SECONDS (default 30) with the
# dictionary. Any crash fails CI; the reproducer is left in build-fuzz/fuzz-artifacts/ (copy it
# into fuzz/corpus/<target>/crash-<what> once fixed, see fuzz/README.md).
#   FUZZ_SECONDS=300 FUZZ_TARGETS="tag dct" scripts/test.d/30-fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${FUZZ_SECONDS:-30}
build=${FUZZ_BUILD_DIR:-build-fuzz}
jobs=$(nproc)

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DTARIKH_LIBFUZZER=ON \
  -DTARIKH_BUILD_TESTS=ON -DTARIKH_BUILD_BENCHMARKS=OFF -DTARIKH_WERROR=OFF >/dev/null
targets=${FUZZ_TARGETS:-$(cd fuzz && ls fuzz_*.cc | sed 's/^fuzz_//; s/\.cc$//')}
cmake --build "$build" -j"$jobs" --target $(printf 'fuzz_%s ' $targets)

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"
failed=()
pids=()
names=()
# Two targets at a time per pair of cores: with 2 cores and 6 targets × 30 s this stays near
# 1.5 minutes.
for t in $targets; do
  corpus_src="fuzz/corpus/$t"
  [ -d "$corpus_src" ] || { echo "no corpus for $t"; failed+=("$t"); continue; }
  # New inputs found while fuzzing go to a scratch copy, never into the repository.
  work="$build/fuzz-work/$t"
  rm -rf "$work"; mkdir -p "$work"
  dict="$build/fuzz-work/$t.dict"
  cat fuzz/dict/arabic.dict > "$dict"
  [ -f "fuzz/dict/$t.dict" ] && cat "fuzz/dict/$t.dict" >> "$dict"
  (
    "$build/fuzz/fuzz_$t" -runs=0 -artifact_prefix="$artifacts/$t-replay-" "$corpus_src" >"$build/fuzz-work/$t.log" 2>&1 &&
    "$build/fuzz/fuzz_$t" "$work" "$corpus_src" -dict="$dict" -max_total_time="$seconds" \
      -max_len=4096 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$artifacts/$t-" >>"$build/fuzz-work/$t.log" 2>&1
  ) &
  pids+=($!)
  names+=("$t")
  if ((${#pids[@]} >= jobs)); then
    for i in "${!pids[@]}"; do
      wait "${pids[$i]}" || failed+=("${names[$i]}")
    done
    pids=(); names=()
  fi
done
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || failed+=("${names[$i]}")
done

for t in $targets; do
  log="$build/fuzz-work/$t.log"
  [ -f "$log" ] || continue
  execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | awk '{print $2}' || true)
  echo "fuzz_$t: ${execs:-0} execs in ${seconds}s"
done
if ((${#failed[@]})); then
  for t in "${failed[@]}"; do
    echo "== fuzz_$t FAILED; log tail:"
    tail -40 "$build/fuzz-work/$t.log" || true
  done
  ls -l "$artifacts"
  exit 1
fi
echo "fuzz: no crash"
