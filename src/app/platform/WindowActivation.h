#pragma once

#include <QString>

class QWidget;

// Raises a window in answer to a request that came with an activation token (a second start,
// a click on a notification), so the desktop lets it come to the front: on Wayland the
// xdg-activation token, on X11 the startup notification id (its timestamp passes focus
// stealing prevention, and the launcher's busy cursor ends).
namespace WindowActivation {
void raise(QWidget *window, const QString &token);
}
