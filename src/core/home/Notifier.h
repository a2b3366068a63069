#pragma once

#include "home/HomeTypes.h"
#include "store/Settings.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <functional>

namespace nuki {

class Home;

// Turns Home's events into notifications a person wants: switchable per kind, silent for a
// quiet period after start (no burst of "door closed" for every door at launch), never the
// same condition twice in a row, and a bridge only reported offline after a grace period.
class Notifier : public QObject
{
    Q_OBJECT
public:
    // How much a notification needs a person (freedesktop urgency): Low is filed quietly,
    // Critical stays on screen until dismissed, so it is kept for what needs someone now.
    enum class Urgency
    {
        Low,
        Normal,
        Critical
    };
    struct Notification
    {
        NotifyKind kind = NotifyKind::Action;
        QString title;
        QString text;
        QString deviceKey; // DeviceKey::toString(), empty for bridge-wide notes
        Urgency urgency = Urgency::Normal;
        // What the person may do from the notification besides showing the device: "lock".
        QStringList actions;
        // What it is about beyond the device ("reminder"): a notification that may be taken
        // back once untrue is withdrawn only while it is still the device's latest.
        QString topic;
    };

    explicit Notifier(Home *home, QObject *parent = nullptr);
    void setEnabled(std::function<bool(NotifyKind kind)> enabled)
    {
        m_enabled = std::move(enabled);
    }
    void setQuietPeriodMs(int ms);
    bool inQuietPeriod() const { return m_quiet.isActive(); }
    // The person's names for auth and code ids ("8193 = Anna").
    void setNameOf(std::function<QString(quint32 id)> nameOf) { m_nameOf = std::move(nameOf); }

signals:
    void notify(const nuki::Notifier::Notification &notification);

private:
    void send(const Notification &n, const QString &condition);
    QString nameOf(const DeviceKey &key) const;

    Home *m_home;
    std::function<bool(NotifyKind)> m_enabled;
    QTimer m_quiet;
    int m_offlineGraceMs = 180000;
    QHash<QString, QString> m_lastCondition; // per subject: the last condition notified
    QHash<QString, QTimer *> m_offlineTimers;
    struct External
    {
        QDateTime at;
        int state = -1;
        bool told = false; // with who or how
    };
    QHash<QString, External> m_lastExternal; // per device: its last change by someone else
    std::function<QString(quint32)> m_nameOf;
};

} // namespace nuki

Q_DECLARE_METATYPE(nuki::Notifier::Notification)
