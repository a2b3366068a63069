#!/usr/bin/env bash
# Runs a command inside a real desktop session made for tests: a private D-Bus session, an
# X server (Xvfb), a window manager (openbox), a tray host (trayer) and an unlocked
# gnome-keyring. Everything started here is stopped, by its PID, when the command ends, and
# the session's private folder is removed (tests/session/desktop_hygiene.sh checks both).
# NUKI_DESKTOP_NO_TRAY=1 leaves the tray host out (a desktop like stock GNOME).
set -euo pipefail
if [ "${NUKI_IN_DESKTOP:-}" = 1 ]; then exec "$@"; fi
export NUKI_IN_DESKTOP=1
XDG_RUNTIME_DIR=$(mktemp -d /tmp/nuki-xdg.XXXXXX)
chmod 700 "$XDG_RUNTIME_DIR"
export XDG_RUNTIME_DIR
# A fresh HOME keeps the tests' keyring and settings away from the person's own.
export NUKI_TEST_HOME="$XDG_RUNTIME_DIR/home"
mkdir -p "$NUKI_TEST_HOME"
# Not exec: this shell stays to remove the folder once the session has ended.
trap 'rm -rf "$XDG_RUNTIME_DIR"' EXIT
status=0
dbus-run-session -- bash -c '
  set -euo pipefail
  pids=()
  cleanup() {
    # Last started, first stopped; then wait, so nothing outlives the session.
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    # The keyring daemon forked away from us: found by the private folder of this session.
    for p in $(pgrep -x gnome-keyring-d || true); do
      # grep -z reads the NUL-separated environment itself: no pipe that SIGPIPE could fail.
      if grep -qsxzF "XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR" "/proc/$p/environ"; then
        kill "$p" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done  # bounded: 5 s
      fi
    done
  }
  trap cleanup EXIT
  # -displayfd tells us the display once the server is ready: no sleeping, no guessing.
  # Through a FIFO rather than a pipe, so that $! is the X server itself.
  mkfifo "$XDG_RUNTIME_DIR/displayfd"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$XDG_RUNTIME_DIR/displayfd" \
    2>/dev/null & pids+=($!)
  read -r -t 20 display <"$XDG_RUNTIME_DIR/displayfd"
  export DISPLAY=":$display"
  openbox >/dev/null 2>&1 & pids+=($!)
  if [ "${NUKI_DESKTOP_NO_TRAY:-}" != 1 ]; then
    trayer --edge top --align right --widthtype request --height 24 >/dev/null 2>&1 & pids+=($!)
  fi
  export HOME="$NUKI_TEST_HOME"
  # The keyring daemon forks into the background; it ends with this D-Bus session.
  eval "$(echo -n test | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
  "$@"
' bash "$@" || status=$?
exit "$status"
