#include "desk/ScreenSavers.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusServiceWatcher>

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
    if (!m_bus.isConnected() || m_watcher)
        return;
    m_watcher = new QDBusServiceWatcher(this);
    m_watcher->setConnection(m_bus);
    m_watcher->setWatchMode(QDBusServiceWatcher::WatchForOwnerChange);
    // A new owner, or none: the old one's "active" is no longer anybody's word.
    connect(m_watcher, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString &service, const QString &oldOwner, const QString &) {
                if (!oldOwner.isEmpty())
                    onOwnerGone(service);
            });
    for (const Saver &s : Savers) {
        const QString service = QString::fromLatin1(s.service);
        if (!m_watcher->watchedServices().contains(service))
            m_watcher->addWatchedService(service);
        m_bus.connect(QString::fromLatin1(s.service), QString::fromLatin1(s.path),
                      QString::fromLatin1(s.interface), QStringLiteral("ActiveChanged"), this,
                      SLOT(onActiveChanged(bool, QDBusMessage)));
    }
}

void ScreenSavers::onActiveChanged(bool active, const QDBusMessage &message)
{
    for (const Saver &s : Savers) {
        if (message.interface() != QLatin1StringView(s.interface))
            continue;
        const QString service = QString::fromLatin1(s.service);
        if (active) {
            m_active.insert(service);
            emit screenLocked(s.signal);
        } else {
            m_active.remove(service);
            emit screenUnlocked(s.signal);
        }
        return;
    }
}

void ScreenSavers::onOwnerGone(const QString &service)
{
    if (!m_active.remove(service))
        return;
    for (const Saver &s : Savers) {
        if (service == QLatin1StringView(s.service)) {
            emit screenUnlocked(s.signal);
            return;
        }
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
