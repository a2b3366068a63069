#include "desk/ScreenSavers.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>

namespace nuki::desk {

using automation::ScreenSignal;

namespace {
struct Saver
{
    const char *service;
    const char *path;
    const char *interface;
    ScreenSignal signal;
};
constexpr Saver Savers[] = {
    {"org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver",
     ScreenSignal::FreedesktopScreenSaver},
    {"org.freedesktop.ScreenSaver", "/ScreenSaver", "org.freedesktop.ScreenSaver",
     ScreenSignal::FreedesktopScreenSaver},
    {"org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver",
     ScreenSignal::GnomeScreenSaver},
    {"org.xfce.ScreenSaver", "/org/xfce/ScreenSaver", "org.xfce.ScreenSaver",
     ScreenSignal::XfceScreenSaver},
    {"org.cinnamon.ScreenSaver", "/org/cinnamon/ScreenSaver", "org.cinnamon.ScreenSaver",
     ScreenSignal::CinnamonScreenSaver},
};
} // namespace

ScreenSavers::ScreenSavers(const QDBusConnection &bus, QObject *parent)
    : QObject(parent), m_bus(bus)
{
}

void ScreenSavers::start()
{
    if (!m_bus.isConnected())
        return;
    for (const Saver &s : Savers)
        m_bus.connect(QString::fromLatin1(s.service), QString::fromLatin1(s.path),
                      QString::fromLatin1(s.interface), QStringLiteral("ActiveChanged"), this,
                      SLOT(onActiveChanged(bool, QDBusMessage)));
}

void ScreenSavers::onActiveChanged(bool active, const QDBusMessage &message)
{
    for (const Saver &s : Savers) {
        if (message.interface() != QLatin1StringView(s.interface))
            continue;
        if (active)
            emit screenLocked(s.signal);
        else
            emit screenUnlocked(s.signal);
        return;
    }
}

QStringList ScreenSavers::present() const
{
    QStringList names;
    if (!m_bus.isConnected() || !m_bus.interface())
        return names;
    for (const Saver &s : Savers) {
        const QString name = QString::fromLatin1(s.service);
        if (!names.contains(name) && m_bus.interface()->isServiceRegistered(name).value())
            names.append(name);
    }
    return names;
}

} // namespace nuki::desk
