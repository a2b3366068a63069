#pragma once

#include <QColor>
#include <QIcon>
#include <QPixmap>
#include <optional>

// Icons drawn in code, so the app looks the same with or without an icon theme and scales to
// any DPI. One look per meaning: locked, unlocked, moving, attention, opener, unknown.
namespace StateIcons {

enum class Look
{
    Locked,
    Unlocked,
    Moving,
    Attention,
    Opener,
    OpenerActive,
    Unknown,
    Door
};

Look lookFor(int deviceType, int state, bool known);
// The same, with the door sensor: a door standing open shows as such.
Look lookFor(int deviceType, int state, bool known, std::optional<int> doorsensorState);
QColor colorFor(Look look);
QPixmap pixmap(Look look, int size, qreal dpr);
QIcon icon(Look look);
// The application and tray icon: a padlock in the colour of the whole home's state.
QIcon appIcon(Look overall = Look::Locked);

} // namespace StateIcons
