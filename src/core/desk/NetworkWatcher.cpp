#include "desk/NetworkWatcher.h"

#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusServiceWatcher>
#include <QDBusVariant>

namespace nuki::desk {

namespace {
const QString Properties = QStringLiteral("org.freedesktop.DBus.Properties");
const QString ActiveInterface = QStringLiteral("org.freedesktop.NetworkManager.Connection.Active");

QString service()
{
    return QString::fromLatin1(NetworkWatcher::Service);
}
} // namespace

NetworkWatcher::NetworkWatcher(const QDBusConnection &bus, QObject *parent)
    : QObject(parent), m_bus(bus)
{
}

void NetworkWatcher::start()
{
    if (!m_bus.isConnected())
        return;
    m_watcher =
        new QDBusServiceWatcher(service(), m_bus, QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(m_watcher, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString &, const QString &, const QString &newOwner) {
                ++m_generation;
                m_available = false;
                if (!newOwner.isEmpty())
                    appeared();
                // NetworkManager gone (restarted, stopped): what it said is kept, nothing
                // is concluded from its absence.
            });
    m_bus.connect(service(), QString::fromLatin1(Path), Properties,
                  QStringLiteral("PropertiesChanged"), this,
                  SLOT(onProperties(QString, QVariantMap, QStringList)));
    appeared();
}

void NetworkWatcher::appeared()
{
    QDBusMessage m = QDBusMessage::createMethodCall(service(), QString::fromLatin1(Path),
                                                    Properties, QStringLiteral("GetAll"));
    m.setArguments({QString::fromLatin1(Interface)});
    const quint64 gen = m_generation;
    auto *w = new QDBusPendingCallWatcher(m_bus.asyncCall(m, 5000), this);
    connect(w, &QDBusPendingCallWatcher::finished, this, [this, w, gen] {
        w->deleteLater();
        const QDBusMessage reply = w->reply();
        if (gen != m_generation || reply.type() == QDBusMessage::ErrorMessage)
            return;
        const QVariantMap all = qdbus_cast<QVariantMap>(reply.arguments().value(0));
        m_available = true;
        onProperties(QString::fromLatin1(Interface), all, {});
    });
}

void NetworkWatcher::onProperties(const QString &interface, const QVariantMap &changed,
                                  const QStringList &)
{
    if (interface != QLatin1StringView(Interface))
        return;
    m_available = true;
    if (changed.contains(QStringLiteral("State"))) {
        const bool wasAsleep = asleep();
        m_state = changed.value(QStringLiteral("State")).toUInt();
        // Awake again: a change that happened while asleep is said now.
        if (wasAsleep && !asleep() && m_uuid != m_reported) {
            m_reported = m_uuid;
            emit primaryChanged(m_uuid, m_name);
        }
    }
    if (changed.contains(QStringLiteral("PrimaryConnection")))
        readPrimary(
            changed.value(QStringLiteral("PrimaryConnection")).value<QDBusObjectPath>().path());
}

void NetworkWatcher::readPrimary(const QString &activePath)
{
    const quint64 gen = ++m_generation;
    if (activePath.isEmpty() || activePath == QLatin1StringView("/")) {
        setPrimary({}, {});
        return;
    }
    QDBusMessage m =
        QDBusMessage::createMethodCall(service(), activePath, Properties, QStringLiteral("GetAll"));
    m.setArguments({ActiveInterface});
    auto *w = new QDBusPendingCallWatcher(m_bus.asyncCall(m, 5000), this);
    connect(w, &QDBusPendingCallWatcher::finished, this, [this, w, gen] {
        w->deleteLater();
        const QDBusMessage reply = w->reply();
        if (gen != m_generation)
            return; // the primary connection changed again meanwhile
        if (reply.type() == QDBusMessage::ErrorMessage) {
            setPrimary({}, {}); // gone before we could ask: no connection to name
            return;
        }
        const QVariantMap p = qdbus_cast<QVariantMap>(reply.arguments().value(0));
        setPrimary(p.value(QStringLiteral("Uuid")).toString().left(64),
                   p.value(QStringLiteral("Id")).toString().left(128));
    });
}

void NetworkWatcher::setPrimary(const QString &uuid, const QString &name)
{
    if (uuid == m_uuid && name == m_name)
        return;
    m_uuid = uuid;
    m_name = name;
    if (!asleep()) {
        m_reported = uuid;
        emit primaryChanged(uuid, name);
    }
}

} // namespace nuki::desk
