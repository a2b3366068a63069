#pragma once

#include "home/Notifier.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <functional>

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

    // A service that did not answer (typically: its D-Bus service file exists but the daemon
    // fails to start, and every call would be another failing activation) is not asked again
    // until a backoff has passed: 1 min, doubling with each failure up to 30 min. Any answer
    // from it ends the backoff.
    static constexpr qint64 FirstBackoffMs = 60 * 1000;
    static constexpr qint64 MaxBackoffMs = 30 * 60 * 1000;

    explicit DesktopNotifications(QObject *parent = nullptr);
    // A notification service is on the session bus, running or startable by D-Bus activation,
    // and not in its backoff after a failure.
    bool serviceAvailable() const;
    // Sends `n`; false when there is no service, so the caller can fall back (tray balloon).
    bool notify(const nuki::Notifier::Notification &n);
    // Takes back the device's notification if it is still the one about `topic` (a reminder
    // that is no longer true: the door was locked or closed). Anything newer stays.
    void withdraw(const QString &deviceKey, const QString &topic);
    // Milliseconds until a failed service is asked again; 0 when it may be asked now.
    qint64 retryInMs() const;
    // Tests move time on instead of waiting: a monotonic clock in milliseconds (empty: the
    // real one).
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }
    // The id the service gave the newest notification of `subject` (device key or title).
    uint currentId(const QString &subject) const { return m_idBySubject.value(subject); }

signals:
    // The person chose `action` ("show" for a click on the body, or "lock") on the
    // notification of device `deviceKey` (empty for bridge-wide notes).
    void actionInvoked(const QString &deviceKey, const QString &action);
    // A notification that notify() had sent was refused or never answered: show it another way.
    void notShown(const nuki::Notifier::Notification &n);

private slots:
    void onActionInvoked(uint id, const QString &actionKey);
    void onClosed(uint id, uint reason);
    void onActivationToken(uint id, const QString &token);

private:
    static QString subjectOf(const nuki::Notifier::Notification &n);
    QStringList actionList(const nuki::Notifier::Notification &n) const;
    void noteFailure(const QString &error);
    qint64 now() const { return m_now ? m_now() : m_clock.elapsed(); }

    bool m_connected = false;
    // Whether the server reads the body as markup (its "body-markup" capability): then a
    // name with "<" or "&" is escaped, so it cannot format or hide the rest. Asked with the
    // first notification; until the answer, assumed (most servers do).
    bool m_bodyMarkup = true;
    bool m_capabilitiesAsked = false;
    void askCapabilities();
    QElapsedTimer m_clock;
    std::function<qint64()> m_now;
    qint64 m_backoffMs = 0;             // 0: the service has not failed since it last answered
    qint64 m_retryAt = 0;               // on m_now()'s scale
    QHash<QString, uint> m_idBySubject; // so the next one replaces it instead of stacking
    QHash<uint, QString> m_subjectById;
    QHash<QString, QString> m_topicBySubject; // what the subject's current notification is about
    QHash<uint, QString> m_deviceById;
};
