#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test through CTest: once in a Release build
# with warnings as errors, once more under AddressSanitizer + UndefinedBehaviorSanitizer.
# Where clang and libFuzzer are installed (scripts/setup.sh --fuzz), the sanitizer build is clang's
# and also links the fuzz targets as libFuzzer binaries, which then get a few seconds each
# (tests/fuzz/README.md); elsewhere it is g++'s, and the fuzz smoke run says it is skipped. The
# replay of every seed and regression input runs in both.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --tests
jobs=$(nproc)

echo "== Release build and tests =="
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCALINT_WERROR=ON -DCALINT_BUILD_TESTS=ON -DCALINT_REQUIRE_TESTS=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure --no-tests=error -j"$jobs"

fuzz=OFF
compilers=()
if command -v clang++ >/dev/null 2>&1 &&
    echo 'extern "C" int LLVMFuzzerTestOneInput(const char*, unsigned long) { return 0; }' |
    clang++ -x c++ -fsanitize=fuzzer - -o /dev/null 2>/dev/null; then
  fuzz=ON
  compilers=(-DCMAKE_CXX_COMPILER=clang++)
fi
# A build folder keeps its compiler: start afresh when the choice changed.
if [[ -f build-asan/CMakeCache.txt ]] && ! grep -q "^CALINT_FUZZ:BOOL=$fuzz$" build-asan/CMakeCache.txt; then
  rm -rf build-asan
fi

echo "== AddressSanitizer + UndefinedBehaviorSanitizer build and tests ($([[ $fuzz == ON ]] && echo clang, with the fuzz targets || echo g++)) =="
cmake -S . -B build-asan "${compilers[@]}" -DCMAKE_BUILD_TYPE=Debug -DCALINT_SANITIZE=ON -DCALINT_FUZZ=$fuzz -DCALINT_WERROR=ON \
  -DCALINT_BUILD_TESTS=ON -DCALINT_REQUIRE_TESTS=ON -DCALINT_BUILD_BENCH=OFF -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure --no-tests=error -j"$jobs"

echo "== Fuzz smoke run =="
if [[ $fuzz == ON ]]; then
  CALINT_FUZZ_BUILD_DIR=build-asan CALINT_FUZZ_NO_BUILD=1 scripts/fuzz.sh "${CALINT_FUZZ_SMOKE_SECONDS:-2}"
else
  echo "fuzz smoke run skipped: clang with libFuzzer is not installed (scripts/setup.sh --fuzz)"
fi
