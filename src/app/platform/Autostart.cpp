#include "platform/Autostart.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace Autostart {

QString entryPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/autostart/nuki-desktop.desktop");
}

bool isEnabled()
{
    return QFile::exists(entryPath());
}

bool apply(bool enabled, const QString &executable)
{
    const QString path = entryPath();
    if (!enabled)
        return !QFile::exists(path) || QFile::remove(path);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.write(QStringLiteral("[Desktop Entry]\nType=Application\nName=Nuki Desktop\n"
                           "Exec=\"%1\" --minimized\nIcon=nuki-desktop\nTerminal=false\n"
                           "X-GNOME-Autostart-enabled=true\n")
                .arg(executable)
                .toUtf8());
    return true;
}

} // namespace Autostart
