#!/usr/bin/env bash
# Runs after every other test (a CTest cleanup fixture): nothing that a test started is still
# running in this desktop session: no app, simulator, nukictl or test binary, and no X server,
# window manager or tray host beyond the session's own one of each.
set -euo pipefail
dir=${XDG_RUNTIME_DIR:-}
case "$dir" in
  /tmp/nuki-xdg.*) ;;
  *) echo "not in the test desktop session: run through scripts/with-desktop.sh"; exit 1 ;;
esac
here=$(cd "$(dirname "$0")" && pwd)
procs=$("$here/leftovers.sh" "$dir")
ours=$(awk '$2 ~ /^(nuki-desktop|nuki-bridge-sim|nukictl|tst_.*|bench_.*)$/' <<<"$procs")
extra=$(awk '$2 ~ /^(Xvfb|openbox|trayer)$/ { n[$2]++ } END { for (k in n) if (n[k] > 1) print k, n[k] }' <<<"$procs")
if [ -n "$ours" ] || [ -n "$extra" ]; then
  echo "still running after the tests:"
  [ -z "$ours" ] || echo "$ours"
  [ -z "$extra" ] || echo "more than the session's own: $extra"
  exit 1
fi
echo "nothing of the tests left running in $dir"
