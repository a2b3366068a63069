#include "mqtt/BrokerSource.h"

#include "home/Home.h"
#include "protocol/Actions.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <mosquitto.h>

namespace nuki {

using namespace mqtt;

QString BrokerConfig::idFor(const QString &host, quint16 port)
{
    const QByteArray key = host.toLower().toUtf8() + ':' + QByteArray::number(port);
    return QStringLiteral("mqtt-") +
           QString::fromLatin1(
               QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(10));
}

BrokerSource::BrokerSource(const BrokerConfig &config, const QString &password,
                           const QString &clientId, QObject *parent)
    : Source(parent), m_config(config), m_mqtt(this)
{
    MqttEndpoint e;
    e.host = config.host;
    e.port = config.port;
    e.username = config.username;
    e.password = password;
    e.tls = config.tls;
    e.caFile = config.caFile;
    e.clientId = clientId;
    m_mqtt.setEndpoint(e);
    connect(&m_mqtt, &MqttLink::connected, this, &BrokerSource::onConnected);
    connect(&m_mqtt, &MqttLink::disconnected, this, &BrokerSource::onDisconnected);
    connect(&m_mqtt, &MqttLink::message, this, &BrokerSource::onMessage);
    connect(&m_mqtt, &MqttLink::delivered, this, [this](int mid, int reason) {
        for (Lock &l : m_locks) {
            if (!l.pending || l.pending->mid != mid)
                continue;
            if (reason >= 0x80) {
                // The broker refused it (its ACL): it never reached the lock.
                finish(l, SourceError::said(
                              SourceError::LockRefused,
                              tr("The broker does not let this user send commands to the lock "
                                 "(%1); nothing was sent. Its ACL needs “topic write "
                                 "nuki/+/lockAction” for this user.")
                                  .arg(QString::fromUtf8(mosquitto_reason_string(reason))),
                              false, reason));
                continue;
            }
            l.pending->delivered = true;
        }
    });
    m_settleQuiet.setSingleShot(true);
    m_settleMax.setSingleShot(true);
    connect(&m_settleQuiet, &QTimer::timeout, this, &BrokerSource::settled);
    connect(&m_settleMax, &QTimer::timeout, this, &BrokerSource::settled);
    m_flush.setSingleShot(true);
    connect(&m_flush, &QTimer::timeout, this, [this] {
        const QHash<quint32, int> dirty = std::exchange(m_dirty, {});
        bool relist = false;
        for (auto it = dirty.cbegin(); it != dirty.cend(); ++it)
            relist |= (it.value() & ListingChanged) != 0;
        if (relist) {
            emit listed(devices(), Delivery::Pushed);
            return;
        }
        for (auto it = dirty.cbegin(); it != dirty.cend(); ++it) {
            const Lock &l = m_locks[it.key()];
            if (l.typeKnown)
                emit stateReported(it.key(), l.device.deviceType, shownState(l), Delivery::Pushed);
        }
    });
}

BrokerSource::~BrokerSource()
{
    stop();
}

QString BrokerSource::address() const
{
    return QStringLiteral("%1:%2").arg(m_config.host).arg(m_config.port);
}

void BrokerSource::setTimeouts(int answerMs, int outcomeMs)
{
    m_answerTimeoutMs = answerMs;
    m_outcomeTimeoutMs = outcomeMs;
}

void BrokerSource::start(bool)
{
    if (m_started)
        return;
    m_started = true;
    m_mqtt.open();
}

void BrokerSource::stop()
{
    m_started = false;
    for (Lock &l : m_locks)
        l.pending.reset(); // no late outcome: the home has forgotten this source
    m_mqtt.close();
    m_settleQuiet.stop();
    m_settleMax.stop();
    m_flush.stop();
}

void BrokerSource::setLinkStatus(LinkStatus status, const SourceError &error)
{
    const LinkStatus before = m_link.status;
    m_link.status = status;
    m_link.lastError = error;
    m_link.push = true;
    if (status == LinkStatus::Offline && before != LinkStatus::Offline)
        m_link.offlineSince = QDateTime::currentDateTimeUtc();
    if (status == LinkStatus::Online)
        m_link.offlineSince = {};
    if (before != status)
        emit linkChanged();
}

void BrokerSource::onConnected()
{
    // Every lock's own topics and the discovery they publish; commands and responses at the
    // QoS the lock uses for them. Retained values follow at once: they are the truth.
    m_mqtt.subscribe(QStringLiteral("nuki/+/+"), 2);
    m_mqtt.subscribe(QStringLiteral("homeassistant/+/+/config"), 0);
    m_mqtt.subscribe(QStringLiteral("homeassistant/+/+/+/config"), 0);
    // What was known before may be gone with a broker that restarted: unknown until it
    // arrives again.
    for (Lock &l : m_locks) {
        l.info.connected.reset();
        l.inFlight.clear(); // what was answered meanwhile was not seen
        l.echoExpected.clear();
    }
    m_settled = false;
    m_settleMax.start(SettleMaxMs);
    m_settleQuiet.start(SettleQuietMs);
    setLinkStatus(LinkStatus::Online);
}

void BrokerSource::onDisconnected(const SourceError &why)
{
    m_settleQuiet.stop();
    m_settleMax.stop();
    setLinkStatus(
        why.kind == SourceError::Unauthorized ? LinkStatus::Rejected : LinkStatus::Offline, why);
    for (Lock &l : m_locks)
        if (l.pending)
            finish(l,
                   // Before the broker confirmed it, it may still have had it (a QoS 2
                   // publish is confirmed after the broker passed it on): never "nothing".
                   SourceError::said(SourceError::ConnectionLost,
                                     l.pending->delivered
                                         ? tr("The connection to the broker broke after it took "
                                              "the command: check the door.")
                                         : tr("The connection to the broker broke before it "
                                              "confirmed the command; it may have reached the "
                                              "lock: check the door."),
                                     true));
    // Nothing can be trusted to be read: answer what waits.
    const auto waiting = std::exchange(m_waitingReads, {});
    for (const auto &done : waiting)
        done(why);
    if (!m_settled)
        return;
    emit listed(devices(), Delivery::Pushed); // every lock now unknown: stale, actions held
}

void BrokerSource::settleLater()
{
    if (!m_settled)
        m_settleQuiet.start(SettleQuietMs);
}

void BrokerSource::settled()
{
    if (m_settled || m_mqtt.state() != MqttLink::State::Connected)
        return;
    m_settled = true;
    m_settleQuiet.stop();
    m_settleMax.stop();
    m_dirty.clear();
    emit listed(devices(), Delivery::Pushed);
    const auto waiting = std::exchange(m_waitingReads, {});
    for (const auto &done : waiting)
        done({});
}

void BrokerSource::readAll(std::function<void(const SourceError &)> done)
{
    if (m_mqtt.state() == MqttLink::State::Connected && m_settled) {
        emit listed(devices(), Delivery::Pushed);
        done({});
        return;
    }
    if (!m_started || m_link.status == LinkStatus::Rejected ||
        (m_link.status == LinkStatus::Offline && m_mqtt.state() != MqttLink::State::Connecting)) {
        done(m_link.lastError.ok() ? SourceError(SourceError::Unreachable) : m_link.lastError);
        return;
    }
    m_waitingReads << std::move(done); // answered once the retained values are in
}

void BrokerSource::readDevice(quint32 nukiId, int,
                              std::function<void(const SourceError &, const DeviceState &)> done)
{
    // Nothing to wake: the retained values are what the lock last said.
    const Lock *l = m_locks.contains(nukiId) ? &m_locks[nukiId] : nullptr;
    if (!l)
        done(SourceError(SourceError::UnknownDevice), {});
    else
        done({}, shownState(*l));
}

const BrokerSource::LockInfo *BrokerSource::lockInfo(quint32 nukiId) const
{
    auto it = m_locks.constFind(nukiId);
    return it == m_locks.constEnd() ? nullptr : &it->info;
}

void BrokerSource::changed(quint32 nukiId, int what)
{
    if (!m_settled)
        return; // the retained burst: listed whole once it is in
    m_dirty[nukiId] |= what;
    if (!m_flush.isActive())
        m_flush.start(0); // a lock's values that arrive together are reported together
}

DeviceState BrokerSource::shownState(const Lock &l) const
{
    DeviceState s = l.device.state;
    // A lock that is not known to be connected may have moved since: its state is old. A
    // missing `connected` is unknown, never online.
    if (!l.info.connected.value_or(false) || m_mqtt.state() != MqttLink::State::Connected)
        s.known = false;
    return s;
}

QList<Device> BrokerSource::devices() const
{
    QList<Device> list;
    for (quint32 id : m_order) {
        const Lock &l = m_locks[id];
        if (!l.typeKnown)
            continue; // not a lock until it says what it is
        Device d = l.device;
        d.state = shownState(l);
        d.reachable =
            l.info.connected.value_or(false) && m_mqtt.state() == MqttLink::State::Connected;
        if (d.name.isEmpty())
            d.name = l.info.rawId;
        list << d;
    }
    return list;
}

BrokerSource *addBroker(Home &home, const BrokerConfig &config, const QString &password,
                        const QString &clientId)
{
    if (home.source(config.id))
        return nullptr;
    auto *source = new BrokerSource(config, password, clientId);
    home.addSource(source);
    source->start(true);
    return source;
}

BrokerSource *brokerSource(const Home &home, const QString &id)
{
    return qobject_cast<BrokerSource *>(home.source(id));
}

} // namespace nuki
