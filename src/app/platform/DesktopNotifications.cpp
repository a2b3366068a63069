#include "platform/DesktopNotifications.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusReply>
#include <QDBusServiceWatcher>
#include <QGuiApplication>

using Notification = nuki::Notifier::Notification;

static const QString interfaceName = QStringLiteral("org.freedesktop.Notifications");

DesktopNotifications::DesktopNotifications(QObject *parent) : QObject(parent)
{
    m_clock.start();
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    // Signals only from the process that owns the server's name, now or later (QtDBus follows
    // its owner, so a restarted daemon is heard): another client on the session bus sending
    // ActionInvoked with one of our ids is not a click.
    const QString service = QLatin1String(Service);
    m_connected =
        bus.connect(service, QLatin1String(Path), interfaceName, QStringLiteral("ActionInvoked"),
                    this, SLOT(onActionInvoked(uint, QString)));
    bus.connect(service, QLatin1String(Path), interfaceName, QStringLiteral("NotificationClosed"),
                this, SLOT(onClosed(uint, uint)));
    // Spec 1.2 servers that support it send a token before ActionInvoked, so a Wayland
    // compositor lets us raise the window in answer to the click.
    bus.connect(service, QLatin1String(Path), interfaceName, QStringLiteral("ActivationToken"),
                this, SLOT(onActivationToken(uint, QString)));
    // A restarted server numbers its notifications afresh: our ids would name other apps'
    // (a click on theirs taken as Lock now, a withdraw closing theirs). Forgotten at once.
    auto *watcher =
        new QDBusServiceWatcher(service, bus, QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(watcher, &QDBusServiceWatcher::serviceOwnerChanged, this, [this] {
        m_idBySubject.clear();
        m_subjectById.clear();
        m_deviceById.clear();
        m_topicBySubject.clear();
    });
}

qint64 DesktopNotifications::retryInMs() const
{
    return m_backoffMs > 0 ? qMax<qint64>(0, m_retryAt - now()) : 0;
}

void DesktopNotifications::noteFailure(const QString &error)
{
    // Calls sent together fail together: one failure, one step of the backoff.
    if (m_backoffMs > 0 && retryInMs() > 0)
        return;
    m_backoffMs = m_backoffMs > 0 ? qMin(m_backoffMs * 2, MaxBackoffMs) : FirstBackoffMs;
    m_retryAt = now() + m_backoffMs;
    qWarning("Notification service failed (%s): using the fallback, asking it again in %lld s",
             qPrintable(error), m_backoffMs / 1000);
}

bool DesktopNotifications::serviceAvailable() const
{
    if (retryInMs() > 0)
        return false;
    const QDBusConnection bus = QDBusConnection::sessionBus();
    QDBusConnectionInterface *iface = bus.isConnected() ? bus.interface() : nullptr;
    if (!iface)
        return false;
    const QString name = QLatin1String(Service);
    if (iface->isServiceRegistered(name).value())
        return true;
    // Not running yet but startable on demand (most daemons are D-Bus activated).
    const QDBusReply<QStringList> activatable = iface->call(QStringLiteral("ListActivatableNames"));
    return activatable.isValid() && activatable.value().contains(name);
}

QString DesktopNotifications::subjectOf(const Notification &n)
{
    return n.deviceKey.isEmpty() ? n.title : n.deviceKey;
}

QStringList DesktopNotifications::actionList(const Notification &n) const
{
    // Pairs of key and label. "default" is what a click on the body does: show the device.
    QStringList actions{QStringLiteral("default"), tr("Show")};
    if (n.actions.contains(QLatin1String("lock")))
        actions << QStringLiteral("lock") << tr("Lock now");
    if (n.actions.contains(QLatin1String("snooze")))
        actions << QStringLiteral("snooze") << tr("Snooze");
    return actions;
}

void DesktopNotifications::askCapabilities()
{
    m_capabilitiesAsked = true;
    const QDBusMessage call =
        QDBusMessage::createMethodCall(QLatin1String(Service), QLatin1String(Path), interfaceName,
                                       QStringLiteral("GetCapabilities"));
    auto *watcher =
        new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
        watcher->deleteLater();
        const QDBusPendingReply<QStringList> reply = *watcher;
        if (!reply.isError())
            m_bodyMarkup = reply.value().contains(QLatin1String("body-markup"));
    });
}

bool DesktopNotifications::notify(const Notification &n)
{
    if (!m_connected || !serviceAvailable())
        return false;
    if (!m_capabilitiesAsked)
        askCapabilities();
    const QString subject = subjectOf(n);
    QVariantMap hints;
    const QString entry = QGuiApplication::desktopFileName();
    hints.insert(QStringLiteral("desktop-entry"),
                 entry.isEmpty() ? QStringLiteral("nuki-desktop") : entry);
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(n.urgency)));
    hints.insert(QStringLiteral("category"), n.kind == nuki::NotifyKind::Action
                                                 ? QStringLiteral("device.error")
                                                 : QStringLiteral("device"));
    QDBusMessage call = QDBusMessage::createMethodCall(QLatin1String(Service), QLatin1String(Path),
                                                       interfaceName, QStringLiteral("Notify"));
    call << QStringLiteral("Nuki Desktop")   // app_name: the human name
         << m_idBySubject.value(subject, 0u) // replaces_id: one notification per device
         << QStringLiteral("nuki-desktop")   // app_icon: the icon installed in hicolor
         << n.title << (m_bodyMarkup ? n.text.toHtmlEscaped() : n.text) << actionList(n) << hints
         << int(-1); // expire_timeout: the server's choice (critical ones stay)
    auto *watcher =
        new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    const QString device = n.deviceKey;
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, subject, device, n] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError()) {
            noteFailure(reply.error().name() + QStringLiteral(": ") + reply.error().message());
            emit notShown(n);
            return;
        }
        m_backoffMs = 0; // it answers: ask it every time again
        const uint id = reply.value();
        m_idBySubject.insert(subject, id);
        m_subjectById.insert(id, subject);
        m_deviceById.insert(id, device);
        m_topicBySubject.insert(subject, n.topic);
    });
    return true;
}

void DesktopNotifications::withdraw(const QString &deviceKey, const QString &topic)
{
    const uint id = m_idBySubject.value(deviceKey, 0u);
    if (id == 0 || topic.isEmpty() || m_topicBySubject.value(deviceKey) != topic)
        return;
    m_topicBySubject.remove(deviceKey);
    QDBusMessage call =
        QDBusMessage::createMethodCall(QLatin1String(Service), QLatin1String(Path), interfaceName,
                                       QStringLiteral("CloseNotification"));
    call << id;
    // The server answers with NotificationClosed (onClosed forgets the id); no reply awaited.
    QDBusConnection::sessionBus().asyncCall(call);
}

void DesktopNotifications::onActionInvoked(uint id, const QString &actionKey)
{
    if (!m_deviceById.contains(id))
        return; // another app's notification: the signal goes to every listener
    emit actionInvoked(m_deviceById.value(id),
                       actionKey == u"default" ? QStringLiteral("show") : actionKey);
}

void DesktopNotifications::onClosed(uint id, uint)
{
    const QString subject = m_subjectById.take(id);
    m_deviceById.remove(id);
    if (!subject.isEmpty() && m_idBySubject.value(subject) == id) {
        m_idBySubject.remove(subject);
        m_topicBySubject.remove(subject);
    }
}

void DesktopNotifications::onActivationToken(uint id, const QString &token)
{
    // Qt's Wayland backend uses (and clears) this token when the window is next activated.
    if (m_deviceById.contains(id) && !token.isEmpty())
        qputenv("XDG_ACTIVATION_TOKEN", token.toUtf8());
}
