#!/usr/bin/env bash
# Builds the packages and checks them as a distribution would: desktop-file-validate,
# appstreamcli, lintian (no errors), rpm metadata, then installs the .deb with apt, runs the
# installed programs (the app in demo mode under the current X display), removes it and
# checks that nothing of it is left. Changes the system: meant for CI and throwaway machines.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
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
appstreamcli validate --no-net --pedantic "$stage"/usr/share/metainfo/*.metainfo.xml || \
  appstreamcli validate --no-net "$stage"/usr/share/metainfo/*.metainfo.xml
echo "== lintian (errors fail, warnings are listed)"
lintian --no-tag-display-limit "$deb" 2>/dev/null | tee "$out/lintian.txt" || true
if grep -q '^E:' "$out/lintian.txt"; then echo "lintian reported errors"; exit 1; fi
echo "== rpm"
rpm -qpl "$rpmfile" | grep -qx /usr/bin/nuki-desktop
rpm -qpR "$rpmfile" | grep -q 'libQt6Widgets'

echo "== install with apt"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq "$root/$deb" >/dev/null
/usr/bin/nuki-desktop --version | grep -q "0.1.0"
/usr/bin/nukictl --help | grep -q "Exit codes"
/usr/bin/nuki-bridge-sim --help | grep -q "simulated Nuki Bridge"
if [ -n "${DISPLAY:-}" ]; then
  cfg=$(mktemp -d)
  /usr/bin/nuki-desktop --demo --config "$cfg/s.ini" & app=$!
  found=""
  for _ in $(seq 1 100); do  # bounded: up to 10 s for the window to appear
    if xdotool search --name "Nuki Desktop" >/dev/null 2>&1; then found=yes; break; fi
    sleep 0.1
  done
  kill "$app"; wait "$app" 2>/dev/null || true
  rm -rf "$cfg"
  [ -n "$found" ] || { echo "the installed app showed no window"; exit 1; }
fi
echo "== remove"
apt-get remove -y -qq --purge nuki-desktop >/dev/null
if dpkg -s nuki-desktop >/dev/null 2>&1; then echo "still installed"; exit 1; fi
for f in /usr/bin/nuki-desktop /usr/bin/nukictl /usr/bin/nuki-bridge-sim \
         /usr/share/applications/nuki-desktop.desktop /usr/share/doc/nuki-desktop; do
  [ ! -e "$f" ] || { echo "left behind: $f"; exit 1; }
done
echo "packages: OK"
