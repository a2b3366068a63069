#!/usr/bin/env bash
# Builds, then runs every benchmark (tests/bench) in a desktop session and writes the table to
# build/bench/results.md. Takes a few minutes; NUKI_BENCH_IDLE_S sets the idle window (60 s),
# NUKI_BENCH_ONLY=start,idle runs only those parts (core, push, window, start, idle, cli).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
cmake --preset default >/dev/null
cmake --build --preset default -j"$(nproc)"
exec scripts/with-desktop.sh python3 tests/bench/run_bench.py
