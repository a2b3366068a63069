#!/usr/bin/env bash
# Builds everything and runs every test, in a real desktop session made for the tests:
#   1. the normal build and the whole suite (CTest), then the tests that read the wall clock
#      again at seven clocks under libfaketime (scripts/at-clocks.sh);
#   2. the whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer;
#   3. each libFuzzer target for a bounded time (NUKI_FUZZ_SECONDS, default 10; CI's 40
#      minutes on 2 cores are the bound: scripts/fuzz.sh 300 for a longer run).
# On a fresh Debian 12 machine it installs what it needs first.
# --quick runs step 1 only (for working on the code; CI runs all three).
set -euo pipefail
cd "$(dirname "$0")/.."
quick=""
[ "${1:-}" = "--quick" ] && { quick=1; shift; }
scripts/install-deps.sh --test
scripts/format-check.sh
cmake --preset default >/dev/null
cmake --build --preset default -j"$(nproc)"
scripts/with-desktop.sh ctest --preset default -j2 "$@"
echo "== the clock-reading tests again at other hours, dates and zones (libfaketime)"
# Four tests that mostly wait on their simulators: all four at once (CI time).
scripts/with-desktop.sh scripts/at-clocks.sh ctest --preset default -j4 -L clock "$@"
[ -n "$quick" ] && exit 0

echo "== the suite under AddressSanitizer + UndefinedBehaviorSanitizer"
cmake --preset asan >/dev/null
cmake --build --preset asan -j"$(nproc)"
# The package check installs the normal build's packages; once is enough.
scripts/with-desktop.sh ctest --preset asan -j2 -E '^packaging$' "$@"

echo "== fuzzing"
scripts/fuzz.sh "${NUKI_FUZZ_SECONDS:-10}"
