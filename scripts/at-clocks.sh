#!/usr/bin/env bash
# Runs a command (the clock-reading tests: ctest -L clock) once at each of several wall clocks,
# under libfaketime, so that a test that depends on the hour, the date or the time zone fails
# on every machine at any hour instead of at random. The clock is moved by a fixed offset
# ('+N' seconds, not '@': that restarts the clock in every process, so a nukictl or a
# simulator started a minute into a test would live a minute in the past of the app it talks
# to). It runs on, so the first case crosses midnight while it runs; monotonic time is left
# alone, so Qt's timers and the tests' bounded waits keep working.
#   scripts/at-clocks.sh ctest --preset default -L clock
set -euo pipefail
lib=/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1
[ -r "$lib" ] || { echo "at-clocks: $lib is missing (Debian package faketime)" >&2; exit 1; }
clocks=(
  "Europe/Berlin|2026-12-02 23:58:40"      # just before midnight: crosses it while running
  "Europe/Berlin|2026-12-03 06:10:00"      # early morning, before the fixture's day begins
  "UTC|2026-12-02 17:25:00"                # the afternoon that failed
  "Europe/Berlin|2027-03-28 01:55:00"      # the night summer time begins (02:00 is skipped)
  "Europe/Berlin|2026-10-25 02:55:00"      # the night it ends (02:00-03:00 comes twice)
  "Pacific/Kiritimati|2026-12-02 23:30:00" # 14 h ahead of UTC: another date than UTC's
  "America/St_Johns|2026-12-02 20:45:00"   # 3.5 h behind: a half-hour offset
)
for c in "${clocks[@]}"; do
  zone=${c%%|*}
  at=${c#*|}
  offset=$(($(TZ=$zone date -d "$at" +%s) - $(date +%s)))
  [ "$offset" -ge 0 ] && offset="+$offset"
  echo "== at $at $zone (offset ${offset} s)"
  TZ=$zone FAKETIME="$offset" FAKETIME_DONT_FAKE_MONOTONIC=1 LD_PRELOAD=$lib "$@"
done
