#!/usr/bin/env bash
# Installs the Debian 12 packages this project needs to build, test and run.
# Idempotent: when everything is present it prints nothing and exits at once.
set -euo pipefail

BUILD_PKGS=(cmake ninja-build g++ pkg-config qt6-base-dev qt6-base-dev-tools qt6-tools-dev
  qt6-tools-dev-tools qt6-l10n-tools qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev
  qtkeychain-qt6-dev libqt6sql6-sqlite libsodium-dev libxkbcommon-dev libgl1-mesa-dev libxcb1-dev clang-format
  qt6-translations-l10n libmosquitto-dev mosquitto)
# (libxcb1-dev: the tray watcher and window activation speak X11 directly;
#  qt6-translations-l10n: Qt's own strings, OK/Cancel/Back/Next, in the person's language;
#  libqt6sql6-sqlite: the history's SQLite file (its charts are painted by hand: history/ChartCanvas);
#  libmosquitto-dev: the MQTT client library of Wi-Fi locks and of nuki-lock-sim;
#  mosquitto: the real broker the MQTT tests and the demo start on loopback, stopped by PID.)
# A real desktop for the end-to-end tests: X server, window manager, tray host, keyring.
TEST_PKGS=(xvfb xauth openbox trayer dbus-x11 gnome-keyring libsecret-tools imagemagick
  xdotool x11-utils curl procps at-spi2-core faketime tzdata python3-dbusmock dbus-bin)
# (at-spi2-core: the accessibility bus, for the AT-SPI test of what a screen reader reads;
#  faketime, tzdata: the clock-reading tests again at other hours and zones, scripts/at-clocks.sh;
#  python3-dbusmock, dbus-bin: logind, NetworkManager and the screensavers played on a private
#  system bus for the desk automations' tests, by Debian's /usr/bin/python3.)

# Packaging and its checks.
PACKAGE_PKGS=(rpm lintian desktop-file-utils appstream dpkg-dev file)

want=("${BUILD_PKGS[@]}")
case "${1:-}" in
  --test) want+=("${TEST_PKGS[@]}" "${PACKAGE_PKGS[@]}") ;;
  --package) want+=("${PACKAGE_PKGS[@]}") ;;
esac

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
