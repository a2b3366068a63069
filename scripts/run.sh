#!/usr/bin/env bash
# Builds and starts the app in demo mode, against the simulated bridge it embeds.
# On a fresh Debian 12 machine it installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cat >&2 <<'MSG'
run.sh: there is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so the app has
nowhere to show its window. Run it in a desktop session, or inside the test desktop:
    scripts/with-desktop.sh scripts/run.sh
MSG
  exit 1
fi
scripts/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default -j"$(nproc)" --target nuki-desktop
exec ./build/src/app/nuki-desktop --demo "$@"
