#include "home/Home.h"

#include <QCoreApplication>

namespace nuki {

QString bridgeStatusText(const BridgeState &s)
{
    auto tr = [](const char *t) { return QCoreApplication::translate("nuki", t); };
    switch (s.status) {
    case BridgeStatus::Connecting:
        return tr("Connecting…");
    case BridgeStatus::Online:
        return tr("Online");
    case BridgeStatus::Busy:
        return tr("Busy");
    case BridgeStatus::Offline:
        return tr("Offline since %1")
            .arg(QLocale().toString(s.offlineSince.toLocalTime().time(), QLocale::ShortFormat));
    case BridgeStatus::TokenRejected:
        return tr("Token rejected");
    }
    return {};
}

Home::Home(QObject *parent) : QObject(parent), m_actions(new ActionRunner(this))
{
    qRegisterMetaType<DeviceKey>();
}

Home::~Home() = default;

const BridgeState *Home::bridge(const QString &id) const
{
    auto it = m_bridges.constFind(id);
    return it == m_bridges.constEnd() ? nullptr : &it->state;
}

BridgeClient *Home::client(const QString &id) const
{
    return m_bridges.value(id).client;
}

Poller *Home::poller(const QString &id) const
{
    return m_bridges.value(id).poller;
}

void Home::addBridge(const BridgeConfig &config, const QString &token, bool startPolling)
{
    if (m_bridges.contains(config.id))
        return;
    Bridge b;
    b.state.config = config;
    b.client = new BridgeClient(this);
    b.client->setEndpoint(config.host, config.port);
    b.client->setToken(token);
    b.client->setTokenMode(config.tokenMode);
    b.client->credentials().setBridgeClockOffset(config.clockOffsetSeconds);
    b.state.clockSkewSeconds =
        qAbs(config.clockOffsetSeconds) >= 30 ? config.clockOffsetSeconds : 0;
    b.poller = new Poller(this);
    b.poller->setInterval(m_pollIntervalMs);
    const QString id = config.id;
    connect(b.poller, &Poller::pollDue, this,
            [this, id] { poll(id, BridgeClient::Priority::Poll); });
    connect(b.client, &BridgeClient::clockSkewDetected, this, [this, id](qint64 seconds) {
        m_bridges[id].state.clockSkewSeconds = seconds;
        m_bridges[id].state.config.clockOffsetSeconds = seconds;
        emit clockSkew(id, seconds);
        emit bridgeChanged(id);
    });
    connect(b.client, &BridgeClient::infoReceived, this, [this, id](const BridgeInfo &info) {
        m_bridges[id].state.info = info;
        m_bridges[id].state.haveInfo = true;
        emit bridgeChanged(id);
    });
    connect(b.client, &BridgeClient::tokenModeChanged, this,
            [this, id](TokenMode) { emit bridgeChanged(id); });
    // Offline as soon as one connection fails, not after the retries.
    connect(b.client, &BridgeClient::connectionFailing, this,
            [this, id](const SourceError &error) { noteResult(id, error); });
    m_bridges.insert(id, b);
    m_bridgeOrder << id;
    emit bridgeAdded(id);
    if (!token.isEmpty())
        connectBridge(id, startPolling);
}

void Home::connectBridge(const QString &id, bool startPolling)
{
    auto it = m_bridges.find(id);
    if (it == m_bridges.end() || !it->client->hasToken())
        return;
    // The device list first, at once (a fresh client has no gap to wait out): that is what
    // the window waits for. /info follows.
    if (startPolling)
        it->poller->start(); // reads at once
    else
        poll(id, BridgeClient::Priority::User);
    it->client->info(BridgeClient::Priority::User, [](const SourceError &, const BridgeInfo &) {});
}

void Home::removeBridge(const QString &id, std::function<void(BridgeClient *)> handOver)
{
    if (!m_bridges.contains(id))
        return;
    for (qsizetype i = m_devices.size() - 1; i >= 0; --i) {
        if (m_devices[i].key.bridgeId == id) {
            const DeviceKey key = m_devices[i].key;
            m_devices.removeAt(i);
            emit deviceRemoved(key);
        }
    }
    Bridge b = m_bridges.take(id);
    m_bridgeOrder.removeAll(id);
    b.poller->stop();
    b.client->cancelAll();
    b.poller->deleteLater();
    b.client->disconnect(this); // its late signals must not bring the bridge back
    emit bridgeRemoved(id);
    if (handOver)
        handOver(b.client); // last words to the bridge (our callback); it deletes the client
    else
        b.client->deleteLater();
}

void Home::setBridgeToken(const QString &id, const QString &token)
{
    auto it = m_bridges.find(id);
    if (it == m_bridges.end())
        return;
    it->client->setToken(token);
    it->state.status = BridgeStatus::Connecting;
    emit bridgeChanged(id);
    connectBridge(id, true);
}

void Home::renameBridge(const QString &id, const QString &name)
{
    auto it = m_bridges.find(id);
    if (it == m_bridges.end())
        return;
    it->state.config.name = name;
    emit bridgeChanged(id);
}

void Home::moveBridge(const QString &id, const QString &host, quint16 port)
{
    auto it = m_bridges.find(id);
    if (it == m_bridges.end())
        return;
    it->state.config.host = host;
    it->state.config.port = port;
    it->client->setEndpoint(host, port);
    emit bridgeChanged(id);
}

void Home::noteMoved(const QString &id, const QString &from)
{
    auto it = m_bridges.find(id);
    if (it == m_bridges.end())
        return;
    it->state.movedFrom = from;
    emit bridgeChanged(id);
}

void Home::setPollInterval(int ms)
{
    m_pollIntervalMs = qMax(Poller::MinIntervalMs, ms);
    for (auto &b : m_bridges)
        b.poller->setInterval(m_pollIntervalMs);
}

void Home::setPushActive(const QString &id, bool active, int heartbeatMs)
{
    auto it = m_bridges.find(id);
    if (it == m_bridges.end())
        return;
    // A change between the last read and the registration was never pushed: one read now
    // closes that gap. Sent before push counts as on, it reports no misses.
    if (active && !it->state.pushActive)
        poll(id, BridgeClient::Priority::User);
    it->state.pushActive = active;
    it->poller->setPushActive(active, heartbeatMs);
    emit bridgeChanged(id);
}

QList<DeviceKey> Home::devices() const
{
    QList<DeviceKey> keys;
    keys.reserve(m_devices.size());
    for (const auto &r : m_devices)
        keys << r.key;
    return keys;
}

const DeviceRecord *Home::device(const DeviceKey &key) const
{
    for (const auto &r : m_devices)
        if (r.key == key)
            return &r;
    return nullptr;
}

DeviceRecord *Home::record(const DeviceKey &key)
{
    for (auto &r : m_devices)
        if (r.key == key)
            return &r;
    return nullptr;
}

void Home::refresh()
{
    for (const QString &id : std::as_const(m_bridgeOrder))
        poll(id, BridgeClient::Priority::User);
}

void Home::readAllThen(std::function<void(const QHash<QString, SourceError> &)> done)
{
    auto pending = std::make_shared<qsizetype>(m_bridgeOrder.size());
    auto results = std::make_shared<QHash<QString, SourceError>>();
    if (*pending == 0) {
        done({});
        return;
    }
    for (const QString &id : std::as_const(m_bridgeOrder))
        poll(id, BridgeClient::Priority::User, [id, pending, results, done](const SourceError &e) {
            results->insert(id, e);
            if (--*pending == 0)
                done(*results);
        });
}

void Home::poll(const QString &bridgeId, BridgeClient::Priority priority,
                std::function<void(const SourceError &)> then)
{
    auto it = m_bridges.find(bridgeId);
    if (it == m_bridges.end())
        return;
    const bool fromPoller = priority == BridgeClient::Priority::Poll;
    const bool pushWasOn = it->state.pushActive;
    it->client->list(priority, [this, bridgeId, fromPoller, pushWasOn,
                                then](const SourceError &error, const QList<Device> &devices) {
        if (!m_bridges.contains(bridgeId)) {
            if (then)
                then(error);
            return;
        }
        noteResult(bridgeId, error);
        if (error.ok()) {
            m_applyingListFromBeforePush = !pushWasOn;
            applyList(bridgeId, devices);
            m_applyingListFromBeforePush = false;
        }
        if (fromPoller)
            m_bridges[bridgeId].poller->replied(error.ok() || error.kind == SourceError::Busy);
        if (then)
            then(error);
    });
}

void Home::noteResult(const QString &bridgeId, const SourceError &error)
{
    BridgeState &s = m_bridges[bridgeId].state;
    const BridgeStatus before = s.status;
    s.lastError = error;
    switch (error.kind) {
    case SourceError::None:
        s.status = BridgeStatus::Online;
        s.lastContact = QDateTime::currentDateTimeUtc();
        s.offlineSince = {};
        break;
    case SourceError::Busy:
        s.status = BridgeStatus::Busy;
        break;
    case SourceError::Unauthorized:
        s.status = BridgeStatus::TokenRejected;
        break;
    case SourceError::Unreachable:
    case SourceError::Timeout:
    case SourceError::ConnectionLost:
        if (s.status != BridgeStatus::Offline)
            s.offlineSince = QDateTime::currentDateTimeUtc();
        s.status = BridgeStatus::Offline;
        break;
    default:
        break; // a bad answer says nothing about the bridge as a whole
    }
    const bool stale = s.status == BridgeStatus::Offline || s.status == BridgeStatus::TokenRejected;
    for (auto &r : m_devices) {
        if (r.key.bridgeId == bridgeId && r.stale != stale) {
            r.stale = stale;
            emit deviceChanged(r.key);
        }
    }
    if (before == s.status)
        return;
    if (s.status == BridgeStatus::Offline)
        emit bridgeOffline(bridgeId);
    if (s.status == BridgeStatus::TokenRejected)
        emit tokenRejected(bridgeId);
    if (s.status == BridgeStatus::Online &&
        (before == BridgeStatus::Offline || before == BridgeStatus::TokenRejected)) {
        // Back: read at the normal pace again (not at the backoff's), and let go of messages
        // whose cause is gone.
        if (Poller *p = m_bridges[bridgeId].poller)
            p->resetBackoff();
        for (auto &r : m_devices) {
            if (r.key.bridgeId != bridgeId || r.action.running() ||
                r.action.phase != ActionStatus::Failed)
                continue;
            const auto k = r.action.error.kind;
            if (k == SourceError::Unauthorized || k == SourceError::Unreachable ||
                k == SourceError::Timeout || k == SourceError::NoToken) {
                r.action = ActionStatus{};
                emit deviceChanged(r.key);
            }
        }
        emit bridgeOnline(bridgeId);
    }
    emit bridgeChanged(bridgeId);
}

} // namespace nuki
