#!/usr/bin/env bash
# Runs a command inside a real desktop session made for tests: a private D-Bus session, an
# X server (Xvfb), a window manager (openbox), a tray host (trayer) and an unlocked
# gnome-keyring. Everything started here is stopped when the command ends.
set -euo pipefail
if [ "${NUKI_IN_DESKTOP:-}" = 1 ]; then exec "$@"; fi
export NUKI_IN_DESKTOP=1
XDG_RUNTIME_DIR=$(mktemp -d /tmp/nuki-xdg.XXXXXX)
chmod 700 "$XDG_RUNTIME_DIR"
export XDG_RUNTIME_DIR
# A fresh HOME keeps the tests' keyring and settings away from the person's own.
export NUKI_TEST_HOME="$XDG_RUNTIME_DIR/home"
mkdir -p "$NUKI_TEST_HOME"
trap 'rm -rf "$XDG_RUNTIME_DIR"' EXIT
exec dbus-run-session -- bash -c '
  set -euo pipefail
  pids=()
  cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
  trap cleanup EXIT
  # -displayfd tells us the display once the server is ready: no sleeping, no guessing.
  exec 3< <(Xvfb -displayfd 1 -screen 0 1280x800x24 -nolisten tcp 2>/dev/null)
  read -r -t 20 display <&3
  export DISPLAY=":$display"
  openbox >/dev/null 2>&1 & pids+=($!)
  trayer --edge top --align right --widthtype request --height 24 >/dev/null 2>&1 & pids+=($!)
  export HOME="$NUKI_TEST_HOME"
  eval "$(echo -n test | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
  "$@"
' bash "$@"
