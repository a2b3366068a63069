#pragma once

#include <QString>

// "Start at login": the XDG autostart entry, written and removed by the setting.
namespace Autostart {
QString entryPath(); // $XDG_CONFIG_HOME/autostart/nuki-desktop.desktop
bool apply(bool enabled, const QString &executable);
bool isEnabled();
} // namespace Autostart
