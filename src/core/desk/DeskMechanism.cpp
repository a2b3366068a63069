#include "desk/DeskMechanism.h"

#include "desk/Logind.h"
#include "desk/ScreenSavers.h"

#include <QCoreApplication>

namespace nuki::desk {

QString mechanismText(const Logind *logind, const ScreenSavers *savers)
{
    QStringList found;
    if (logind && !logind->sessionPath().isEmpty())
        found << QCoreApplication::translate("nuki::desk", "logind (session %1: LockedHint, Lock)")
                     .arg(logind->sessionId());
    if (savers)
        found << savers->present();
    if (found.isEmpty())
        return QCoreApplication::translate(
            "nuki::desk", "none found — set your screen locker to run “loginctl lock-session”, "
                          "or use a desktop that tells logind (GNOME, KDE)");
    // A screensaver's name alone promises nothing: hypridle, for one, owns
    // org.freedesktop.ScreenSaver only to be asked not to blank, and never says a lock.
    if (!logind || logind->sessionPath().isEmpty())
        return QCoreApplication::translate("nuki::desk",
                                           "%1 — if locking the screen is not noticed, set your "
                                           "screen locker to run “loginctl lock-session”")
            .arg(found.join(QStringLiteral(", ")));
    return found.join(QStringLiteral(", "));
}

} // namespace nuki::desk
