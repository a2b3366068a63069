#include "tray/TrayWatcher.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusInterface>
#include <QDBusServiceWatcher>
#include <QGuiApplication>
#include <QSystemTrayIcon>

#include <xcb/xcb.h>

static const QString watcherService = QStringLiteral("org.kde.StatusNotifierWatcher");

TrayWatcher::TrayWatcher(QObject *parent) : QObject(parent)
{
    m_poll.setInterval(2000);
    connect(&m_poll, &QTimer::timeout, this, &TrayWatcher::check);
}

bool TrayWatcher::statusNotifierHost()
{
    // The same test Qt makes: the watcher is there and a host has registered with it.
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface()->isServiceRegistered(watcherService).value())
        return false;
    QDBusInterface watcher(watcherService, QStringLiteral("/StatusNotifierWatcher"), watcherService,
                           bus);
    return watcher.isValid() && watcher.property("IsStatusNotifierHostRegistered").toBool();
}

bool TrayWatcher::xembedTray()
{
    auto *x11 = qGuiApp ? qGuiApp->nativeInterface<QNativeInterface::QX11Application>() : nullptr;
    if (!x11) {
        // Neither X11 nor (above) a StatusNotifierWatcher: on other platforms (Windows,
        // macOS, tests' offscreen) Qt's own answer is the only one there is.
        return QGuiApplication::platformName() != u"wayland" &&
               QGuiApplication::platformName() != u"xcb" &&
               QSystemTrayIcon::isSystemTrayAvailable();
    }
    xcb_connection_t *c = x11->connection();
    static const char name[] = "_NET_SYSTEM_TRAY_S0"; // screen 0: Xvfb and common setups
    xcb_intern_atom_reply_t *atom =
        xcb_intern_atom_reply(c, xcb_intern_atom(c, 0, sizeof name - 1, name), nullptr);
    if (!atom)
        return false;
    xcb_get_selection_owner_reply_t *owner =
        xcb_get_selection_owner_reply(c, xcb_get_selection_owner(c, atom->atom), nullptr);
    const bool present = owner && owner->owner != XCB_NONE;
    free(owner);
    free(atom);
    return present;
}

void TrayWatcher::watch()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected() && !m_busWatcher) {
        m_busWatcher = new QDBusServiceWatcher(watcherService, bus,
                                               QDBusServiceWatcher::WatchForRegistration, this);
        connect(m_busWatcher, &QDBusServiceWatcher::serviceRegistered, this, &TrayWatcher::check);
        // The host registers with the watcher a moment after the watcher itself appears.
        bus.connect(watcherService, QStringLiteral("/StatusNotifierWatcher"), watcherService,
                    QStringLiteral("StatusNotifierHostRegistered"), this, SLOT(check()));
    }
    if (qGuiApp && qGuiApp->nativeInterface<QNativeInterface::QX11Application>())
        m_poll.start();
}

void TrayWatcher::check()
{
    if (m_appeared || !available())
        return;
    m_appeared = true;
    m_poll.stop();
    if (m_busWatcher)
        m_busWatcher->deleteLater(), m_busWatcher = nullptr;
    QDBusConnection::sessionBus().disconnect(
        watcherService, QStringLiteral("/StatusNotifierWatcher"), watcherService,
        QStringLiteral("StatusNotifierHostRegistered"), this, SLOT(check()));
    emit trayAppeared();
}
