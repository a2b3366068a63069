#pragma once

#include "home/Notifier.h"

#include <QHash>
#include <QObject>

// Notifications through the desktop's own service (org.freedesktop.Notifications, Desktop
// Notifications spec 1.2) over the session bus, so they arrive with no tray at all: the app's
// name and icon, the desktop-entry hint (the desktop groups and configures them), urgency by
// meaning, actions, and one notification per device that a newer one replaces.
// All D-Bus notification code lives here (as qBittorrent's DesktopIntegration does).
class DesktopNotifications : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *Service = "org.freedesktop.Notifications";
    static constexpr const char *Path = "/org/freedesktop/Notifications";

    explicit DesktopNotifications(QObject *parent = nullptr);
    // A notification service is on the session bus, running or startable by D-Bus activation.
    bool serviceAvailable() const;
    // Sends `n`; false when there is no service, so the caller can fall back (tray balloon).
    bool notify(const nuki::Notifier::Notification &n);
    // The id the service gave the newest notification of `subject` (device key or title).
    uint currentId(const QString &subject) const { return m_idBySubject.value(subject); }

signals:
    // The person chose `action` ("show" for a click on the body, or "lock") on the
    // notification of device `deviceKey` (empty for bridge-wide notes).
    void actionInvoked(const QString &deviceKey, const QString &action);

private slots:
    void onActionInvoked(uint id, const QString &actionKey);
    void onClosed(uint id, uint reason);
    void onActivationToken(uint id, const QString &token);

private:
    static QString subjectOf(const nuki::Notifier::Notification &n);
    QStringList actionList(const nuki::Notifier::Notification &n) const;

    bool m_connected = false;
    QHash<QString, uint> m_idBySubject; // so the next one replaces it instead of stacking
    QHash<uint, QString> m_subjectById;
    QHash<uint, QString> m_deviceById;
};
