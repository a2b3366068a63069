#!/usr/bin/env bash
# Builds the packages and checks them as a distribution would: desktop-file-validate,
# appstreamcli, lintian (no errors), rpm metadata, then installs the .deb with apt, runs the
# installed programs (the app in demo mode under the current X display), removes it and
# checks that nothing of it is left. Changes the system: meant for CI and throwaway machines.
set -euo pipefail
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
for page in nuki-desktop nukictl nuki-bridge-sim; do
  zcat "$stage/usr/share/man/man1/$page.1.gz" | grep -q '^\.SH FILES' || { echo "$page(1): no FILES"; exit 1; }
  zcat "$stage/usr/share/man/man1/$page.1.gz" | grep -q '^\.SH ENVIRONMENT' ||
    { echo "$page(1): no ENVIRONMENT"; exit 1; }
done
echo "== deb relations"
dpkg-deb -f "$deb" Recommends | tee "$out/recommends.txt"
for r in qt6-translations-l10n qt6-wayland libsecret-1-0; do
  grep -q "$r" "$out/recommends.txt" || { echo "Recommends lacks $r"; exit 1; }
done

echo "== install with apt"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -qq "$root/$deb" >/dev/null
env -u DISPLAY -u WAYLAND_DISPLAY /usr/bin/nuki-desktop --version | grep -q "0.1.0"  # no display needed
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
$SUDO apt-get remove -y -qq --purge nuki-desktop >/dev/null
if dpkg -s nuki-desktop >/dev/null 2>&1; then echo "still installed"; exit 1; fi
for f in /usr/bin/nuki-desktop /usr/bin/nukictl /usr/bin/nuki-bridge-sim \
         /usr/share/applications/nuki-desktop.desktop /usr/share/doc/nuki-desktop; do
  [ ! -e "$f" ] || { echo "left behind: $f"; exit 1; }
done
echo "packages: OK"
