#!/usr/bin/env bash
# scripts/fuzz.sh [SECONDS] [TARGET...]
# Builds the libFuzzer targets with clang under AddressSanitizer + UndefinedBehaviorSanitizer into
# build-fuzz/ and runs each (all of tests/fuzz/corpus/* by default) for SECONDS (default 60).
# The working corpus grows in build-fuzz/corpus/TARGET across sittings, seeded from
# tests/fuzz/corpus/TARGET; crashes, leaks, timeouts and out-of-memory inputs land in
# build-fuzz/artifacts/TARGET/. Each found input, once fixed, goes to tests/fuzz/regressions/TARGET/,
# which the normal test suite replays (tests/fuzz/README.md). Exit 1 when any target found something.
# CALINT_FUZZ_NO_BUILD=1 runs the binaries already built (a long sitting while the sources change);
# CALINT_FUZZ_BUILD_DIR names another build folder configured with -DCALINT_FUZZ=ON (scripts/test.sh
# smoke-runs the targets of its sanitizer build).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
[[ $# -gt 0 ]] && shift
[[ $seconds =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]" >&2; exit 2; }
if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz: clang++ not found; install clang and libFuzzer (scripts/setup.sh --fuzz)" >&2
  exit 2
fi
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  mapfile -t targets < <(ls tests/fuzz/corpus)
fi

build=${CALINT_FUZZ_BUILD_DIR:-build-fuzz}
if [[ -z ${CALINT_FUZZ_NO_BUILD:-} ]]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -DCALINT_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCALINT_FUZZ=ON >/dev/null
  cmake --build "$build" -j"$(nproc)" >/dev/null
fi

found=0
printf '%-20s %8s %10s %8s %s\n' target cpu-s execs cov findings
for t in "${targets[@]}"; do
  bin=$build/tests/fuzz/fuzz_$t
  [[ -x $bin ]] || { echo "fuzz: no target '$t'" >&2; exit 2; }
  mkdir -p "$build/corpus/$t" "$build/artifacts/$t"
  dict=()
  [[ $t == policy || $t == refresh_policy ]] || dict=(-dict=tests/fuzz/metadata.dict)
  [[ -d tests/fuzz/regressions/$t ]] || mkdir -p "tests/fuzz/regressions/$t"
  log=$build/artifacts/$t.log
  # Findings are reported, not fatal here: every target gets its time. CPU time is measured so
  # sittings add up ($build/ledger.tsv).
  timing=$build/artifacts/$t.time
  /usr/bin/time -o "$timing" -f '%e %U %S' "$bin" "$build/corpus/$t" "tests/fuzz/corpus/$t" "${dict[@]}" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/artifacts/$t/" \
    >"$log" 2>&1 || true
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
  n=$(find "$build/artifacts/$t" -type f | wc -l)
  cpu=$(tail -1 "$timing" | awk '{printf "%.0f", $2 + $3}' 2>/dev/null || echo 0)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "$cpu" "$execs" "$cov" "$n" >>"$build/ledger.tsv"
  printf '%-20s %8s %10s %8s %s\n' "$t" "$cpu" "$execs" "$cov" "$n"
  if [[ $n -gt 0 ]]; then
    found=1
    echo "  see $log and $build/artifacts/$t/" >&2
  fi
done
echo "CPU seconds per target over every sitting ($build/ledger.tsv):"
awk -F'\t' '{cpu[$2] += $3; total += $3} END {for (t in cpu) printf "  %-20s %6d\n", t, cpu[t]; printf "  %-20s %6d\n", "total", total}' \
  "$build/ledger.tsv" | sort
exit $found
