#include "mqtt/BrokerSource.h"

#include "home/Home.h"
#include "protocol/Actions.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <mosquitto.h>

namespace nuki {

using namespace mqtt;

namespace {
enum Change
{
    Nothing = 0,
    StateChanged = 1,
    ListingChanged = 2
};
constexpr int DefaultWifiLockType = int(DeviceType::SmartLock3); // 3.0 Pro, 4th gen, Ultra
} // namespace

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
    for (Lock &l : m_locks)
        l.info.connected.reset();
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
                   SourceError::said(SourceError::ConnectionLost,
                                     l.pending->delivered
                                         ? tr("The connection to the broker broke after it took "
                                              "the command: check the door.")
                                         : tr("The connection to the broker broke before it took "
                                              "the command; nothing was sent."),
                                     l.pending->delivered));
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

BrokerSource::Lock *BrokerSource::lockFor(quint32 nukiId, const QString &rawId, bool sayConnected)
{
    auto it = m_locks.find(nukiId);
    if (it != m_locks.end())
        return &*it;
    if (m_locks.size() >= MaxLocks) {
        // A household has a few: a broker full of ids is not believed. A lock that says it
        // is connected takes the place of one that never did, so a flood cannot hide it.
        ++m_refused;
        if (!sayConnected)
            return nullptr;
        const auto victim = std::find_if(m_order.begin(), m_order.end(), [this](quint32 id) {
            return !m_locks[id].everConnected && !m_locks[id].pending;
        });
        if (victim == m_order.end())
            return nullptr;
        m_locks.remove(*victim);
        m_order.erase(victim);
        changed(nukiId, ListingChanged);
    }
    Lock l;
    l.info.rawId = rawId;
    l.device.nukiId = nukiId;
    l.device.deviceType = DefaultWifiLockType;
    m_order << nukiId;
    return &*m_locks.insert(nukiId, l);
}

void BrokerSource::onMessage(const QString &topic, const QByteArray &payload, bool retained)
{
    if (retained)
        settleLater();
    if (topic.startsWith(QLatin1String("homeassistant/"))) {
        if (const auto d = parseDiscovery(topic, payload))
            onDiscovery(*d);
        return;
    }
    LockTopic t;
    if (!parseLockTopic(topic, &t))
        return;
    static const QStringList known = {QStringLiteral("deviceType"),
                                      QStringLiteral("name"),
                                      QStringLiteral("firmware"),
                                      QStringLiteral("mode"),
                                      QStringLiteral("state"),
                                      QStringLiteral("batteryCritical"),
                                      QStringLiteral("batteryChargeState"),
                                      QStringLiteral("batteryCharging"),
                                      QStringLiteral("keypadBatteryCritical"),
                                      QStringLiteral("doorsensorState"),
                                      QStringLiteral("ringactionTimestamp"),
                                      QStringLiteral("serverConnected"),
                                      QStringLiteral("timestamp"),
                                      QStringLiteral("connected"),
                                      QStringLiteral("commandResponse"),
                                      QStringLiteral("lockActionEvent"),
                                      QStringLiteral("lockAction"),
                                      QStringLiteral("lock"),
                                      QStringLiteral("unlock")};
    if (!known.contains(t.sub))
        return; // a topic of a later firmware: not ours to guess
    Lock *l = lockFor(t.nukiId, t.rawId, t.sub == u"connected" && parseBoolean(payload) == true);
    if (!l)
        return;
    if (t.rawId != l->info.rawId) {
        // Another spelling of the same id (nuki/02bb28570 for nuki/2BB28570): the tree the lock
        // itself keeps (with its `connected`) wins; another client's copy is not believed.
        if (l->everConnected || t.sub != u"connected" || parseBoolean(payload) != true)
            return;
        l->info.rawId =
            t.rawId; // the first spelling never said it was connected: this one is the lock
    }
    if (t.sub == u"connected" && parseBoolean(payload) == true)
        l->everConnected = true;
    l->info.lastMessage = QDateTime::currentDateTimeUtc();
    const int what = apply(*l, t.sub, payload, retained);
    if (what != Nothing)
        changed(t.nukiId, what);
    checkPending(*l);
}

void BrokerSource::onDiscovery(const DiscoveredLock &d)
{
    Lock *l = lockFor(d.nukiId, d.rawId, false);
    if (!l)
        return;
    int what = Nothing;
    if (!d.model.isEmpty() && l->info.model != d.model) {
        l->info.model = d.model;
        what |= StateChanged;
    }
    if (!l->typeKnown) {
        l->typeKnown = true; // every lock that publishes discovery is a Wi-Fi Smart Lock
        what |= ListingChanged;
    }
    if (l->device.name.isEmpty() && !d.name.isEmpty()) {
        l->device.name = d.name;
        what |= ListingChanged;
    }
    if (what != Nothing)
        changed(d.nukiId, what);
}

int BrokerSource::apply(Lock &l, const QString &sub, const QByteArray &payload, bool retained)
{
    DeviceState &s = l.device.state;
    const DeviceState before = s;
    auto integer = [&](qint64 min, qint64 max) { return parseInteger(payload, min, max); };
    auto boolean = [&] { return parseBoolean(payload); };
    if (sub == u"deviceType") {
        const auto v = integer(0, 255);
        const int type = v ? int(*v) : DefaultWifiLockType;
        if (l.typeKnown && type == l.device.deviceType)
            return Nothing;
        l.device.deviceType = type;
        l.typeKnown = true;
        return ListingChanged;
    }
    if (sub == u"name") {
        const auto v = parseText(payload);
        if (!v || *v == l.device.name)
            return Nothing;
        l.device.name = *v;
        return ListingChanged;
    }
    if (sub == u"firmware") {
        const auto v = parseText(payload, 32);
        l.info.firmware = v.value_or(QString());
        l.device.firmwareVersion = l.info.firmware;
        return ListingChanged;
    }
    if (sub == u"connected") {
        const auto v = boolean();
        if (v == l.info.connected)
            return Nothing;
        l.info.connected = v;
        if (l.pending && !v.value_or(false))
            finish(l, SourceError::said(SourceError::LockNotConnected,
                                        tr("The lock left the broker during the command: check the "
                                           "door."),
                                        true));
        return StateChanged;
    }
    if (sub == u"serverConnected") {
        l.info.serverConnected = boolean();
        return StateChanged;
    }
    if (sub == u"commandResponse") {
        if (retained || !l.pending)
            return Nothing; // someone else's command, or an old one stored on the broker
        const auto code = integer(0, 255);
        if (!code)
            return Nothing;
        if (*code == ResponseOk) {
            l.pending->answered = true;
            l.pending->progress.taken();
        } else if (*code == ResponseBusy) {
            finish(l, SourceError(SourceError::LockBusy, int(*code)));
        } else {
            finish(l, SourceError::said(
                          SourceError::LockRefused,
                          tr("The lock refused the command: %1.").arg(responseText(int(*code))),
                          false, int(*code)));
        }
        return Nothing;
    }
    if (sub == u"lockActionEvent") {
        const auto e = parseLockActionEvent(payload);
        if (!e || retained)
            return Nothing;
        l.info.lastEvent = e;
        l.info.lastEventAt = QDateTime::currentDateTimeUtc();
        if (l.pending && e->trigger == TriggerMqtt && e->action == l.pending->action) {
            l.pending->answered = true;
            l.pending->progress.taken();
        }
        if (l.typeKnown)
            emit lockEvent(
                l.device.nukiId, l.device.deviceType,
                {e->action, e->trigger, e->authId, e->codeId, e->context, l.info.lastEventAt});
        return Nothing;
    }
    if (sub == u"lockAction" || sub == u"lock" || sub == u"unlock") {
        // A command someone published. One stored on the broker (retained) would reach the
        // lock again whenever it reconnects: say so in the details; never act on it and
        // never publish it again.
        if (retained)
            l.info.retainedCommandSeen = true;
        return Nothing;
    }
    if (sub == u"state") {
        const auto v = integer(0, 255);
        s.state = v ? int(*v) : -1;
        s.known = v.has_value();
        if (!l.typeKnown && v) {
            l.typeKnown = true; // no deviceType topic: a Wi-Fi Smart Lock, until it says
            return ListingChanged;
        }
    } else if (sub == u"mode") {
        s.mode = integer(0, 255).value_or(-1);
    } else if (sub == u"batteryCritical") {
        s.batteryCritical = boolean().value_or(false);
    } else if (sub == u"batteryChargeState") {
        const auto v = integer(0, 100);
        s.batteryChargeState = v ? std::optional<int>(int(*v)) : std::nullopt;
    } else if (sub == u"batteryCharging") {
        s.batteryCharging = boolean();
    } else if (sub == u"keypadBatteryCritical") {
        s.keypadBatteryCritical = boolean();
    } else if (sub == u"doorsensorState") {
        const auto v = integer(0, 255);
        s.doorsensorState = v ? std::optional<int>(int(*v)) : std::nullopt;
    } else if (sub == u"ringactionTimestamp") {
        s.ringactionTimestamp = parseTime(payload);
    } else if (sub == u"timestamp") {
        s.timestamp = parseTime(payload);
        return Nothing; // republished with every update: not news by itself
    }
    return s == before ? Nothing : StateChanged;
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
        if (d.name.isEmpty())
            d.name = l.info.rawId;
        list << d;
    }
    return list;
}

void BrokerSource::perform(const ActionRequest &request, const ActionProgress &progress)
{
    auto refuse = [&](const SourceError &e) { progress.finished(e); };
    auto it = m_locks.find(request.nukiId);
    if (m_mqtt.state() != MqttLink::State::Connected)
        return refuse(m_link.lastError.ok() ? SourceError(SourceError::Unreachable)
                                            : m_link.lastError);
    if (it == m_locks.end() || !it->typeKnown)
        return refuse(SourceError(SourceError::UnknownDevice));
    Lock &l = *it;
    // Never while the lock is not known to be connected: the broker would keep a QoS 2
    // command for a lock with a session and hand it over late, or drop it silently.
    if (!l.info.connected.value_or(false))
        return refuse(SourceError(SourceError::LockNotConnected));
    if (l.pending)
        return refuse(SourceError::said(SourceError::LockBusy,
                                        tr("Another command to this lock is still under way.")));
    if (request.action < 1 || request.action > 6)
        return refuse(SourceError(SourceError::BadRequest));
    Pending p;
    p.id = ++m_nextPending;
    p.action = request.action;
    p.progress = progress;
    p.stateAtSend = l.device.state.state;
    p.mid = m_mqtt.publish(QStringLiteral("nuki/%1/lockAction").arg(l.info.rawId),
                           QByteArray::number(request.action), 2, CommandExpirySeconds);
    if (p.mid < 0)
        return refuse(SourceError(SourceError::Unreachable));
    l.pending = p;
    const quint32 nukiId = request.nukiId;
    const quint64 pid = p.id;
    QTimer *&answer = m_answerTimers[nukiId];
    if (!answer) {
        answer = new QTimer(this);
        answer->setSingleShot(true);
    }
    answer->disconnect(this);
    connect(answer, &QTimer::timeout, this, [this, nukiId, pid] {
        Lock &l = m_locks[nukiId];
        if (l.pending && l.pending->id == pid && !l.pending->answered)
            finish(l, SourceError(SourceError::NoAnswer, 0, {}, true));
    });
    answer->start(m_answerTimeoutMs);
    QTimer *&outcome = m_outcomeTimers[nukiId];
    if (!outcome) {
        outcome = new QTimer(this);
        outcome->setSingleShot(true);
    }
    outcome->disconnect(this);
    connect(outcome, &QTimer::timeout, this, [this, nukiId, pid] {
        Lock &l = m_locks[nukiId];
        if (l.pending && l.pending->id == pid)
            finish(l, SourceError::said(SourceError::Timeout,
                                        tr("The lock answered, but did not report where it ended "
                                           "up: outcome unknown — check the door."),
                                        true));
    });
    outcome->start(m_outcomeTimeoutMs);
    if (request.noWait)
        finish(l, {}); // nukictl --no-wait: the broker has it, the lock will act
}

void BrokerSource::checkPending(Lock &l)
{
    if (!l.pending)
        return;
    const DeviceState &s = l.device.state;
    const bool moving = isTransitional(l.device.deviceType, s.state);
    if (moving || s.state != l.pending->stateAtSend) {
        if (!l.pending->answered)
            l.pending->progress.taken();
        l.pending->answered = true; // it moves: it got the command
    }
    const ActionSpec *spec = findAction(l.device.deviceType, l.pending->action);
    if (l.pending->answered && !moving && s.known && spec && spec->reached(s))
        finish(l, {});
}

void BrokerSource::finish(Lock &l, const SourceError &error)
{
    if (!l.pending)
        return;
    const Pending p = *l.pending;
    l.pending.reset();
    if (QTimer *t = m_answerTimers.value(l.device.nukiId))
        t->stop();
    if (QTimer *t = m_outcomeTimers.value(l.device.nukiId))
        t->stop();
    p.progress.finished(error);
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
