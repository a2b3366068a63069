#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QString>

class QDBusServiceWatcher;

namespace nuki::desk {

// NetworkManager's primary connection on the system bus: the one the laptop reaches the
// network through, as its connection UUID (an SSID is no identity: other homes and travel
// routers reuse them) and its name. Subscribed with NetworkManager's bus name, so another
// sender is never heard. While NetworkManager says it is asleep (NMState 10, a suspend or a
// resume) nothing is reported: a suspend takes Wi-Fi down, and that is not leaving.
// Without NetworkManager (systemd-networkd, iwd, ConnMan) it stays silent: available() is
// false and Settings says so.
class NetworkWatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *Service = "org.freedesktop.NetworkManager";
    static constexpr const char *Path = "/org/freedesktop/NetworkManager";
    static constexpr const char *Interface = "org.freedesktop.NetworkManager";
    static constexpr int Asleep = 10; // NMState NM_STATE_ASLEEP

    explicit NetworkWatcher(const QDBusConnection &bus, QObject *parent = nullptr);
    void start();

    bool available() const { return m_available; }
    bool asleep() const { return m_state == Asleep; }
    // Empty while there is no primary connection (or it is not known yet).
    QString primaryUuid() const { return m_uuid; }
    QString primaryName() const { return m_name; }

signals:
    // The primary connection changed (uuid empty: none), outside a suspend.
    void primaryChanged(const QString &uuid, const QString &name);

private slots:
    void onProperties(const QString &interface, const QVariantMap &changed, const QStringList &);

private:
    void appeared();
    void readPrimary(const QString &activePath);
    void setPrimary(const QString &uuid, const QString &name);

    QDBusConnection m_bus;
    QDBusServiceWatcher *m_watcher = nullptr;
    bool m_available = false;
    quint64 m_generation = 0; // answers for an older primary connection are dropped
    uint m_state = 0;
    QString m_uuid;
    QString m_name;
    QString m_reported = QStringLiteral("(none yet)"); // the primary connection last said
};

} // namespace nuki::desk
