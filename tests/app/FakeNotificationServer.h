#pragma once
// A stand-in for the desktop's notification daemon: it owns org.freedesktop.Notifications on
// the test session's bus through a connection of its own (so calls really cross the bus) and
// records every Notify call. No Debian daemon lets a test read what it received.
#include <QDBusConnection>
#include <QDBusMessage>
#include <QObject>
#include <QVariantMap>

class FakeNotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Call
    {
        QString appName;
        uint replacesId = 0;
        QString appIcon;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        int timeout = 0;
        uint id = 0; // the id this server answered
    };
    QList<Call> calls;
    QList<uint> closedByClient; // the ids the app took back (CloseNotification)

    FakeNotificationServer()
        : m_bus(QDBusConnection::connectToBus(QDBusConnection::SessionBus,
                                              QStringLiteral("fake-notification-server")))
    {
    }
    ~FakeNotificationServer() override { stop(); }
    bool start()
    {
        return m_bus.isConnected() &&
               m_bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), this,
                                    QDBusConnection::ExportAllSlots) &&
               m_bus.registerService(QStringLiteral("org.freedesktop.Notifications"));
    }
    void stop()
    {
        m_bus.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
        m_bus.unregisterObject(QStringLiteral("/org/freedesktop/Notifications"));
    }
    // What a daemon sends when the person clicks an action, or the notification goes away.
    void invokeAction(uint id, const QString &key) { emitSignal("ActionInvoked", {id, key}); }
    void close(uint id) { emitSignal("NotificationClosed", {id, 2u}); }

public slots:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int timeout)
    {
        const uint id = replacesId ? replacesId : ++m_lastId;
        calls << Call{appName, replacesId, appIcon, summary, body, actions, hints, timeout, id};
        return id;
    }
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }
    void CloseNotification(uint id)
    {
        closedByClient << id;
        close(id);
    }

private:
    void emitSignal(const char *name, const QVariantList &args)
    {
        QDBusMessage s = QDBusMessage::createSignal(
            QStringLiteral("/org/freedesktop/Notifications"),
            QStringLiteral("org.freedesktop.Notifications"), QLatin1String(name));
        s.setArguments(args);
        m_bus.send(s);
    }
    QDBusConnection m_bus;
    uint m_lastId = 0;
};
