#!/usr/bin/env bash
# Builds everything and runs every test, in a real desktop session made for the tests.
# On a fresh Debian 12 machine it installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
scripts/format-check.sh
cmake --preset default >/dev/null
cmake --build --preset default -j"$(nproc)"
scripts/with-desktop.sh ctest --preset default -j2 "$@"
