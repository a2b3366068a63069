#include "Home.h"

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

Home::Home(QObject *parent) : QObject(parent)
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
            [this, id](const BridgeError &error) { noteResult(id, error); });
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
    it->client->info(BridgeClient::Priority::User, [](const BridgeError &, const BridgeInfo &) {});
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

void Home::readAllThen(std::function<void(const QHash<QString, BridgeError> &)> done)
{
    auto pending = std::make_shared<qsizetype>(m_bridgeOrder.size());
    auto results = std::make_shared<QHash<QString, BridgeError>>();
    if (*pending == 0) {
        done({});
        return;
    }
    for (const QString &id : std::as_const(m_bridgeOrder)) {
        m_bridges[id].client->list(BridgeClient::Priority::User,
                                   [this, id, pending, results,
                                    done](const BridgeError &error, const QList<Device> &devices) {
                                       if (m_bridges.contains(id)) {
                                           noteResult(id, error);
                                           if (error.ok())
                                               applyList(id, devices);
                                       }
                                       results->insert(id, error);
                                       if (--*pending == 0)
                                           done(*results);
                                   });
    }
}

void Home::poll(const QString &bridgeId, BridgeClient::Priority priority)
{
    auto it = m_bridges.find(bridgeId);
    if (it == m_bridges.end())
        return;
    const bool fromPoller = priority == BridgeClient::Priority::Poll;
    const bool pushWasOn = it->state.pushActive;
    it->client->list(priority, [this, bridgeId, fromPoller,
                                pushWasOn](const BridgeError &error, const QList<Device> &devices) {
        if (!m_bridges.contains(bridgeId))
            return;
        noteResult(bridgeId, error);
        if (error.ok()) {
            m_applyingListFromBeforePush = !pushWasOn;
            applyList(bridgeId, devices);
            m_applyingListFromBeforePush = false;
        }
        if (fromPoller)
            m_bridges[bridgeId].poller->replied(error.ok() || error.kind == BridgeError::Busy);
    });
}

void Home::noteResult(const QString &bridgeId, const BridgeError &error)
{
    BridgeState &s = m_bridges[bridgeId].state;
    const BridgeStatus before = s.status;
    s.lastError = error;
    switch (error.kind) {
    case BridgeError::None:
        s.status = BridgeStatus::Online;
        s.lastContact = QDateTime::currentDateTimeUtc();
        s.offlineSince = {};
        break;
    case BridgeError::Busy:
        s.status = BridgeStatus::Busy;
        break;
    case BridgeError::Unauthorized:
        s.status = BridgeStatus::TokenRejected;
        break;
    case BridgeError::Unreachable:
    case BridgeError::Timeout:
    case BridgeError::ConnectionLost:
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
            if (k == BridgeError::Unauthorized || k == BridgeError::Unreachable ||
                k == BridgeError::Timeout || k == BridgeError::NoToken) {
                r.action = ActionStatus{};
                emit deviceChanged(r.key);
            }
        }
        emit bridgeOnline(bridgeId);
    }
    emit bridgeChanged(bridgeId);
}

void Home::applyList(const QString &bridgeId, const QList<Device> &devices)
{
    QList<DeviceKey> seen;
    // Insert new devices after the last one of their bridge, keeping bridges grouped.
    qsizetype insertAt = 0;
    const qsizetype bridgeIndex = m_bridgeOrder.indexOf(bridgeId);
    for (qsizetype i = 0; i < m_devices.size(); ++i)
        if (m_bridgeOrder.indexOf(m_devices[i].key.bridgeId) <= bridgeIndex)
            insertAt = i + 1;
    for (const Device &d : devices) {
        const DeviceKey key{bridgeId, d.nukiId, d.deviceType};
        seen << key;
        DeviceRecord *r = record(key);
        if (!r) {
            DeviceRecord fresh;
            fresh.key = key;
            fresh.device = d;
            fresh.lastUpdate = QDateTime::currentDateTimeUtc();
            m_devices.insert(insertAt++, fresh);
            emit deviceAdded(key);
            continue;
        }
        bool changed = r->device.name != d.name || r->device.firmwareVersion != d.firmwareVersion;
        r->device.name = d.name;
        r->device.firmwareVersion = d.firmwareVersion;
        if (d.state.known) {
            applyState(*r, d.state, false);
        } else if (!r->stale) {
            r->stale = true; // the bridge lost the device: keep its last state, say it is old
            changed = true;
        }
        if (changed)
            emit deviceChanged(key);
    }
    for (qsizetype i = m_devices.size() - 1; i >= 0; --i) {
        const DeviceKey key = m_devices[i].key;
        if (key.bridgeId == bridgeId && !seen.contains(key) && !m_devices[i].action.running()) {
            m_devices.removeAt(i);
            emit deviceRemoved(key);
        }
    }
}

void Home::applyPushedState(const QString &bridgeId, quint32 nukiId, int deviceType,
                            const DeviceState &state)
{
    if (DeviceRecord *r = record({bridgeId, nukiId, deviceType}))
        applyState(*r, state, true);
}

bool Home::reachedGoal(int deviceType, int action, const DeviceState &s)
{
    if (isOpener(deviceType)) {
        switch (action) {
        case 1:
            return s.state == int(OpenerState::RtoActive);
        case 2:
            return s.state == int(OpenerState::Online);
        case 4:
            return s.mode == ModeContinuous;
        case 5:
            return s.mode == ModeDoor;
        default:
            return true; // the buzzer leaves no trace in the state
        }
    }
    switch (action) {
    case 1:
        return s.state == int(LockState::Unlocked);
    case 2:
        return s.state == int(LockState::Locked);
    case 3:
        return s.state == int(LockState::Unlatched) || s.state == int(LockState::Unlocked);
    default: // lock 'n' go: unlocked for a while, then locked again
        return s.state == int(LockState::Locked) || s.state == int(LockState::UnlockedLockNGo);
    }
}

bool Home::expectedFromOurAction(const DeviceRecord &r, int s) const
{
    // States an action of ours leads to within a minute are not "someone else".
    if (r.action.phase == ActionStatus::Idle)
        return false;
    if (!r.action.running() && (!r.action.finishedAt.isValid() ||
                                r.action.finishedAt.secsTo(QDateTime::currentDateTimeUtc()) > 60))
        return false;
    const int a = r.action.action;
    if (isOpener(r.key.deviceType))
        return a == 3 || (a == 1 && s == 3) || (a == 2 && s == 1) || (a == 4 && s == 3) ||
               (a == 5 && s == 1);
    switch (a) {
    case 1:
        return s == 3;
    case 2:
        return s == 1;
    case 3:
        return s == 5 || s == 3;
    default:
        return s == 6 || s == 1 || s == 5; // lock 'n' go relocks by itself
    }
}

void Home::applyState(DeviceRecord &r, DeviceState state, bool fromPush)
{
    DeviceState &old = r.device.state;
    if (fromPush && !state.timestamp.isValid())
        state.timestamp = QDateTime::currentDateTimeUtc(); // callbacks carry no timestamp
    if (r.action.running()) {
        // Keep showing the action's own progress until its answer arrives.
        state.state = old.state;
        state.mode = old.mode;
        state.stateName = old.stateName;
    }
    if (r.action.phase == ActionStatus::Unknown && !isTransitional(r.key.deviceType, state.state) &&
        state.state >= 0) {
        // The next fresh read settles an unknown outcome as far as a read can.
        r.action.resolvedState = state.state;
        r.action.reachedGoal = reachedGoal(r.key.deviceType, r.action.action, state);
    }
    const bool wasKnown = old.known;
    const bool wasTransitional = isTransitional(r.key.deviceType, old.state);
    const DeviceState before = old;
    r.lastUpdate = QDateTime::currentDateTimeUtc();
    const bool staleChanged = r.stale;
    r.stale = false;
    if (state == old && !staleChanged && !r.optimistic) {
        checkStuck(r, wasTransitional);
        return;
    }
    if (!r.action.running())
        r.optimistic = false;
    old = state;
    emit deviceChanged(r.key);
    if (!wasKnown)
        return;
    if (state.doorsensorState && before.doorsensorState &&
        *state.doorsensorState != *before.doorsensorState)
        emit doorChanged(r.key, *state.doorsensorState);
    const bool external = state.state != before.state &&
                          !isTransitional(r.key.deviceType, state.state) && !r.action.running() &&
                          !expectedFromOurAction(r, state.state);
    if (external) {
        // Someone else moved it: our old "done" or "failed" says nothing about now.
        if (!r.action.running() && r.action.phase != ActionStatus::Unknown) {
            r.action = ActionStatus{};
            emit deviceChanged(r.key);
        }
        emit lockChangedExternally(r.key, state.state);
    }
    if (!fromPush && (external || state.doorsensorState != before.doorsensorState)) {
        const BridgeState *b = bridge(r.key.bridgeId);
        if (b && b->pushActive && !m_applyingListFromBeforePush)
            emit pushMissed(r.key);
    }
    if (state.batteryCritical && !before.batteryCritical)
        emit batteryCritical(r.key);
    if (state.keypadBatteryCritical.value_or(false) &&
        !before.keypadBatteryCritical.value_or(false))
        emit keypadBatteryCritical(r.key);
    if (state.ringactionState.value_or(false) &&
        (!before.ringactionState.value_or(false) ||
         state.ringactionTimestamp != before.ringactionTimestamp))
        emit ring(r.key);
    checkStuck(r, wasTransitional);
}

void Home::checkStuck(DeviceRecord &r, bool wasTransitional)
{
    // The bridge does not always update a transitional state (§5): seen twice outside an
    // action's burst, it gets one /lockState.
    const bool transitional = isTransitional(r.key.deviceType, r.device.state.state);
    if (!transitional) {
        r.stuckChecked = false;
        return;
    }
    Poller *p = poller(r.key.bridgeId);
    if (wasTransitional && !r.stuckChecked && p && !p->inBurst() && !r.action.running()) {
        r.stuckChecked = true;
        refreshDevice(r.key);
    }
}

void Home::refreshDevice(const DeviceKey &key)
{
    BridgeClient *c = client(key.bridgeId);
    if (!c)
        return;
    c->lockState(key.nukiId, key.deviceType,
                 [this, key](const BridgeError &error, const DeviceState &state) {
                     if (!m_bridges.contains(key.bridgeId))
                         return;
                     if (error.kind == BridgeError::Unreachable ||
                         error.kind == BridgeError::Timeout ||
                         error.kind == BridgeError::Unauthorized)
                         noteResult(key.bridgeId, error);
                     DeviceRecord *r = record(key);
                     if (!r)
                         return;
                     if (!error.ok()) {
                         r->refreshError = error; // shown on the card until the next good read
                         emit deviceChanged(key);
                         return;
                     }
                     r->refreshError = {};
                     DeviceState s = state;
                     s.timestamp = QDateTime::currentDateTimeUtc();
                     applyState(*r, s, false);
                 });
}

} // namespace nuki
