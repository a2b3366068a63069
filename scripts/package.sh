#!/usr/bin/env bash
# Builds the Linux packages (.deb, .rpm, .tar.gz) into build/packages.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --package
cmake --preset default >/dev/null
cmake --build --preset default -j"$(nproc)"
(cd build && cpack -B packages >/dev/null)
ls -1 build/packages/*.deb build/packages/*.rpm build/packages/*.tar.gz
