#!/usr/bin/env bash
# Builds and starts the app in demo mode, against the simulated bridge it embeds.
# On a fresh Debian 12 machine it installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default -j"$(nproc)" --target nuki-desktop
exec ./build/src/app/nuki-desktop --demo "$@"
