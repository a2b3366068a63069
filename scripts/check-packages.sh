#!/usr/bin/env bash
# Builds the packages and checks them as a distribution would: desktop-file-validate,
# appstreamcli, lintian (no errors), rpm metadata, then installs the .deb with apt, runs the
# installed programs (the app in demo mode under the current X display), removes it and
# checks that nothing of it is left. Changes the system: meant for CI and throwaway machines.
set -euo pipefail
# Whatever fails says where: a step that ends the script without its own message (set -e).
trap 'echo "check-packages: failed (status $?) at line $LINENO: $BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/.."
root=$PWD
# Installing and removing need root: through sudo when run as a normal user.
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

out=build/packages
rm -rf "$out"
(cd build && cpack -B packages >/dev/null)
deb=$(ls "$out"/*.deb)
rpmfile=$(ls "$out"/*.rpm)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
dpkg-deb -x "$deb" "$stage"

echo "== desktop-file-validate"
desktop-file-validate "$stage/usr/share/applications/nuki-desktop.desktop"
echo "== appstreamcli validate"
# Pedantic and clean: any hint at all fails.
appstreamcli validate --no-net --pedantic "$stage"/usr/share/metainfo/*.metainfo.xml
echo "== lintian (errors fail, warnings are listed)"
lintian --no-tag-display-limit "$deb" 2>/dev/null | tee "$out/lintian.txt" || true
if grep -q '^E:' "$out/lintian.txt"; then echo "lintian reported errors"; exit 1; fi
echo "== rpm"
# Each listing to a file first: `rpm … | grep -q` fails under pipefail whenever grep has its
# answer before rpm has written everything (rpm then dies of SIGPIPE).
rpm -qpl "$rpmfile" >"$out/rpm-files.txt"
rpm -qpR "$rpmfile" >"$out/rpm-requires.txt"
rpm -qpi "$rpmfile" >"$out/rpm-info.txt"
rpm -qp --qf '[%{FILEFLAGS:fflags} %{FILENAMES}\n]' "$rpmfile" >"$out/rpm-flags.txt"
grep -qx /usr/bin/nuki-desktop "$out/rpm-files.txt" || { echo "rpm lacks the app"; exit 1; }
grep -q 'libQt6Widgets' "$out/rpm-requires.txt" || { echo "rpm requires no Qt"; exit 1; }
grep -q "Nuki Desktop controls Nuki Smart Locks" "$out/rpm-info.txt" ||
  { echo "rpm description is not ours"; exit 1; }
grep -q '^[a-z]*l[a-z]* .*/copyright$' "$out/rpm-flags.txt" ||
  { echo "rpm marks no %license file"; exit 1; }
echo "== man pages"
# Every output is read whole before grep looks at it: `prog | grep -q` under pipefail fails
# whenever grep has its answer before prog has written everything (prog dies of SIGPIPE) — the
# CI failure of 2026-12-04, when nukictl's help outgrew one 4 KiB write.
for page in nuki-desktop nukictl nuki-bridge-sim; do
  text=$(zcat "$stage/usr/share/man/man1/$page.1.gz")
  grep -q '^\.SH FILES' <<<"$text" || { echo "$page(1): no FILES"; exit 1; }
  grep -q '^\.SH ENVIRONMENT' <<<"$text" || { echo "$page(1): no ENVIRONMENT"; exit 1; }
done
echo "== deb relations"
dpkg-deb -f "$deb" Recommends | tee "$out/recommends.txt"
for r in qt6-translations-l10n qt6-wayland libsecret-1-0; do
  grep -q "$r" "$out/recommends.txt" || { echo "Recommends lacks $r"; exit 1; }
done

echo "== install with apt"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -qq "$root/$deb" >/dev/null
# Each program's output whole (see the man pages above), then looked at.
out_of() { "$@" >"$out/output.txt" 2>&1 || { echo "$* failed:"; cat "$out/output.txt"; exit 1; }; }
out_of env -u DISPLAY -u WAYLAND_DISPLAY /usr/bin/nuki-desktop --version  # no display needed
grep -q "0.1.0" "$out/output.txt" || { echo "nuki-desktop --version: no 0.1.0"; exit 1; }
out_of /usr/bin/nukictl --help
grep -q "Exit codes" "$out/output.txt" || { echo "nukictl --help: no exit codes"; exit 1; }
out_of /usr/bin/nuki-bridge-sim --help
grep -q "simulated Nuki Bridge" "$out/output.txt" || { echo "nuki-bridge-sim --help: not ours"; exit 1; }
if [ -n "${DISPLAY:-}" ]; then
  cfg=$(mktemp -d)
  /usr/bin/nuki-desktop --demo --config "$cfg/s.ini" >"$out/app.log" 2>&1 & app=$!
  found=""
  for _ in $(seq 1 100); do  # bounded: up to 10 s for the window to appear
    if xdotool search --name "Nuki Desktop" >/dev/null 2>&1; then found=yes; break; fi
    sleep 0.1
  done
  ended=""
  kill "$app" 2>/dev/null || ended=yes  # it may have ended by itself: said below, with its log
  rc=0; wait "$app" 2>/dev/null || rc=$?
  rm -rf "$cfg"
  if [ -n "$ended" ] || [ -z "$found" ]; then
    if [ -n "$found" ]; then echo "the installed app ended by itself (status $rc)"
    else echo "the installed app showed no window (status $rc)"; fi
    cat "$out/app.log"; exit 1
  fi
fi
echo "== remove"
$SUDO apt-get remove -y -qq --purge nuki-desktop >/dev/null
if dpkg -s nuki-desktop >/dev/null 2>&1; then echo "still installed"; exit 1; fi
for f in /usr/bin/nuki-desktop /usr/bin/nukictl /usr/bin/nuki-bridge-sim \
         /usr/share/applications/nuki-desktop.desktop /usr/share/doc/nuki-desktop; do
  [ ! -e "$f" ] || { echo "left behind: $f"; exit 1; }
done
echo "packages: OK"
