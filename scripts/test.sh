#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test through CTest: once in a Release build
# with warnings as errors, once more under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --tests
jobs=$(nproc)

echo "== Release build and tests =="
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCALINT_WERROR=ON -DCALINT_BUILD_TESTS=ON -DCALINT_REQUIRE_TESTS=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure --no-tests=error -j"$jobs"

echo "== AddressSanitizer + UndefinedBehaviorSanitizer build and tests =="
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCALINT_SANITIZE=ON -DCALINT_WERROR=ON -DCALINT_BUILD_TESTS=ON -DCALINT_REQUIRE_TESTS=ON \
  -DCALINT_BUILD_BENCH=OFF -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure --no-tests=error -j"$jobs"

# A few seconds a fuzz target (tests/fuzz/README.md), only where clang and libFuzzer are installed
# (scripts/setup.sh --fuzz): the replay of every seed and regression input above runs everywhere.
echo "== Fuzz smoke run =="
if command -v clang++ >/dev/null 2>&1 && echo 'extern "C" int LLVMFuzzerTestOneInput(const char*, unsigned long) { return 0; }' |
    clang++ -x c++ -fsanitize=fuzzer - -o /dev/null 2>/dev/null; then
  scripts/fuzz.sh "${CALINT_FUZZ_SMOKE_SECONDS:-2}"
else
  echo "fuzz smoke run skipped: clang with libFuzzer is not installed (scripts/setup.sh --fuzz)"
fi
