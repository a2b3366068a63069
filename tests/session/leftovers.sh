#!/usr/bin/env bash
# Lists the processes still running in the test desktop session whose private folder is $1
# (every process started in it inherits XDG_RUNTIME_DIR), one "PID NAME" a line.
# Zombies are left out: they are gone, only not yet reaped by their parent.
set -euo pipefail
dir=$1
for env in /proc/[0-9]*/environ; do
  pid=${env#/proc/}; pid=${pid%/environ}
  [ "$pid" = $$ ] && continue
  state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || true)
  [ -n "$state" ] && [ "$state" != Z ] || continue
  # grep -z reads the NUL-separated environment itself: no pipe that SIGPIPE could fail.
  if grep -qsxzF "XDG_RUNTIME_DIR=$dir" "$env"; then
    echo "$pid $(cat "/proc/$pid/comm" 2>/dev/null)"
  fi
done
