#!/usr/bin/env bash
# scripts/with-desktop.sh stops everything it started: after a session that ran the app,
# no process of that session is left (Xvfb, openbox, trayer, keyring, D-Bus, the app) and its
# private folder is gone.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
app=${NUKI_DESKTOP:?path of nuki-desktop}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# A session of its own (not the one ctest may be running in).
env -u NUKI_IN_DESKTOP "$root/scripts/with-desktop.sh" bash -c '
  echo "$XDG_RUNTIME_DIR"
  "$1" --demo --config "$XDG_RUNTIME_DIR/s.ini" >/dev/null 2>&1 & app=$!
  for _ in $(seq 100); do  # bounded: up to 10 s for the window
    xdotool search --name "Nuki Desktop" >/dev/null 2>&1 && break; sleep 0.1
  done
  xdotool search --name "Nuki Desktop" >/dev/null || { echo "no window" >&2; exit 1; }
  seen=$("$2" "$XDG_RUNTIME_DIR")  # whole first: `… | grep -q` can fail on SIGPIPE
  grep -q Xvfb <<<"$seen" || { echo "no Xvfb seen in the session" >&2; exit 1; }
  kill "$app"; wait "$app" || true
' bash "$app" "$root/tests/session/leftovers.sh" >"$out"
dir=$(head -1 "$out")
case "$dir" in /tmp/nuki-xdg.*) ;; *) echo "no session folder reported: '$dir'"; exit 1 ;; esac
left=$("$root/tests/session/leftovers.sh" "$dir")
if [ -n "$left" ]; then echo "left running after the session:"; echo "$left"; exit 1; fi
[ ! -e "$dir" ] || { echo "session folder left behind: $dir"; exit 1; }
echo "desktop session hygiene: OK (nothing left of $dir)"
