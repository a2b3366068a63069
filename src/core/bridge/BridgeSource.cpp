#include "bridge/BridgeSource.h"

#include "home/Home.h"

#include <QTimer>
#include <memory>

namespace nuki {

BridgeSource::BridgeSource(const BridgeConfig &config, const QString &token, QObject *parent)
    : Source(parent), m_client(new BridgeClient(this)), m_poller(new Poller(this))
{
    m_state.config = config;
    m_client->setEndpoint(config.host, config.port);
    m_client->setToken(token);
    m_client->setTokenMode(config.tokenMode);
    m_client->setBridgeClockOffset(config.clockOffsetSeconds);
    m_state.clockSkewSeconds =
        qAbs(config.clockOffsetSeconds) >= 30 ? config.clockOffsetSeconds : 0;
    connect(m_poller, &Poller::pollDue, this, [this] { poll(BridgeClient::Priority::Poll); });
    connect(m_client, &BridgeClient::clockSkewDetected, this, [this](qint64 seconds) {
        m_state.clockSkewSeconds = seconds;
        m_state.config.clockOffsetSeconds = seconds;
        emit clockSkew(seconds);
        emit detailsChanged();
    });
    connect(m_client, &BridgeClient::infoReceived, this, [this](const BridgeInfo &info) {
        m_state.info = info;
        m_state.haveInfo = true;
        emit detailsChanged();
    });
    connect(m_client, &BridgeClient::tokenModeChanged, this, [this] { emit detailsChanged(); });
    // Offline as soon as one connection fails, not after the retries.
    connect(m_client, &BridgeClient::connectionFailing, this,
            [this](const SourceError &error) { noteResult(error); });
}

BridgeSource::~BridgeSource() = default;

QString BridgeSource::address() const
{
    return QStringLiteral("%1:%2").arg(m_state.config.host).arg(m_state.config.port);
}

SourceLink BridgeSource::link() const
{
    SourceLink l = m_state.link;
    l.pollIntervalMs = m_poller->interval();
    return l;
}

void BridgeSource::start(bool poll)
{
    m_started = true;
    m_polling = poll;
    go();
}

void BridgeSource::go()
{
    if (!m_started || m_stopped || !m_client->hasToken())
        return;
    // The device list first, at once (a fresh client has no gap to wait out): that is what
    // the window waits for. /info follows.
    if (m_polling)
        m_poller->start(); // reads at once
    else
        poll(BridgeClient::Priority::User);
    m_client->info(BridgeClient::Priority::User, [](const SourceError &, const BridgeInfo &) {});
}

void BridgeSource::setToken(const QString &token)
{
    m_client->setToken(token);
    m_state.link.status = LinkStatus::Connecting;
    emit linkChanged();
    m_started = true;
    m_polling = true;
    go();
}

void BridgeSource::rename(const QString &name)
{
    m_state.config.name = name;
    emit detailsChanged();
}

void BridgeSource::moveTo(const QString &host, quint16 port)
{
    m_state.config.host = host;
    m_state.config.port = port;
    m_client->setEndpoint(host, port);
    emit detailsChanged();
}

void BridgeSource::noteMoved(const QString &from)
{
    m_state.movedFrom = from;
    emit detailsChanged();
}

void BridgeSource::setPollInterval(int ms)
{
    m_poller->setInterval(ms);
}

void BridgeSource::setPushActive(bool active, int heartbeatMs)
{
    // A change between the last read and the registration was never pushed: one read now
    // closes that gap. Sent before push counts as on, it reports no misses.
    if (active && !m_state.link.push)
        poll(BridgeClient::Priority::User);
    m_state.link.push = active;
    m_poller->setPushActive(active, heartbeatMs);
    emit linkChanged();
}

void BridgeSource::applyPushed(quint32 nukiId, int deviceType, const DeviceState &state)
{
    if (!m_stopped)
        emit stateReported(nukiId, deviceType, state, Delivery::Pushed);
}

void BridgeSource::readAll(std::function<void(const SourceError &)> done)
{
    poll(BridgeClient::Priority::User, std::move(done));
}

void BridgeSource::poll(BridgeClient::Priority priority,
                        std::function<void(const SourceError &)> then)
{
    const bool fromPoller = priority == BridgeClient::Priority::Poll;
    // Sent before push was on: its changes were never pushed, so they are no misses.
    const Delivery delivery = m_state.link.push ? Delivery::Read : Delivery::ReadCatchingUp;
    m_client->list(priority, [this, fromPoller, delivery, then](const SourceError &error,
                                                                const QList<Device> &devices) {
        if (m_stopped) {
            if (then)
                then(error);
            return;
        }
        noteResult(error);
        if (error.ok()) {
            // Each state's time is the bridge's clock: ours is that less the offset learned
            // from /info (a bridge whose clock is off would misdate the history).
            QList<Device> ours = devices;
            if (const qint64 offset = m_client->bridgeClockOffset())
                for (Device &d : ours)
                    if (d.state.timestamp.isValid())
                        d.state.timestamp = d.state.timestamp.addSecs(-offset);
            emit listed(ours, delivery);
        }
        if (fromPoller)
            m_poller->replied(error.ok() || error.kind == SourceError::Busy);
        if (then)
            then(error);
    });
}

void BridgeSource::readDevice(quint32 nukiId, int deviceType,
                              std::function<void(const SourceError &, const DeviceState &)> done)
{
    m_client->lockState(nukiId, deviceType,
                        [this, done](const SourceError &error, const DeviceState &state) {
                            if (m_stopped)
                                return;
                            if (error.concernsLink())
                                noteResult(error);
                            DeviceState s = state;
                            s.timestamp = QDateTime::currentDateTimeUtc(); // none in the answer
                            done(error, s);
                        });
}

void BridgeSource::perform(const ActionRequest &request, const ActionProgress &progress)
{
    // A bridge known to be unreachable gets one short try: the person hears at once that the
    // action failed, instead of after 15 s of retries.
    const int retryDeadline =
        m_state.link.status == LinkStatus::Offline ? OfflineActionRetryMs : -1;
    auto attempt = std::make_shared<quint64>(0);
    m_client->lockAction(
        request.nukiId, request.deviceType, request.action, request.noWait,
        [this, progress](const SourceError &error, const ActionResult &) {
            if (error.concernsLink())
                noteResult(error);
            progress.finished(error);
        },
        [this, attempt, progress] {
            // Sent. A bridge that refuses (503) does so at once; one that took the command
            // works on it for seconds. So it counts as taken only once this attempt has been
            // out for a moment without a refusal.
            const quint64 mine = ++*attempt;
            QTimer::singleShot(AcceptedAfterMs, this, [attempt, mine, progress] {
                if (*attempt == mine)
                    progress.taken();
            });
        },
        [attempt, progress] {
            ++*attempt; // refused (503) or not connected: nothing happened, it waits again
            progress.refused();
        },
        retryDeadline);
}

void BridgeSource::followAction(quint32, int)
{
    if (!m_started)
        return; // nukictl: the command ends with the action's answer
    // Read the real state now and often for a while: push may be faster, /list confirms.
    m_poller->startBurst();
    poll(BridgeClient::Priority::User);
}

void BridgeSource::stop()
{
    m_stopped = true;
    m_poller->stop();
    m_client->cancelAll();
}

void BridgeSource::noteResult(const SourceError &error)
{
    SourceLink &l = m_state.link;
    const LinkStatus before = l.status;
    l.lastError = error;
    switch (error.kind) {
    case SourceError::None:
        l.status = LinkStatus::Online;
        l.offlineSince = {};
        break;
    case SourceError::Busy:
        l.status = LinkStatus::Busy;
        break;
    case SourceError::Unauthorized:
        l.status = LinkStatus::Rejected;
        break;
    default:
        if (!error.meansLinkLost())
            return; // a bad answer says nothing about the bridge as a whole
        if (l.status != LinkStatus::Offline)
            l.offlineSince = QDateTime::currentDateTimeUtc();
        l.status = LinkStatus::Offline;
        break;
    }
    if (before == l.status)
        return;
    // Back: read at the normal pace again, not at the backoff's.
    if (l.status == LinkStatus::Online &&
        (before == LinkStatus::Offline || before == LinkStatus::Rejected))
        m_poller->resetBackoff();
    emit linkChanged();
}

void BridgeSource::readInfo(std::function<void(const SourceError &, const BridgeInfo &)> done)
{
    m_client->info(BridgeClient::Priority::User, std::move(done));
}

void BridgeSource::readLog(
    int offset, int count,
    std::function<void(const SourceError &, const QList<BridgeLogEntry> &)> done)
{
    m_client->readLog(offset, count, std::move(done));
}

void BridgeSource::reboot(std::function<void(const SourceError &)> done)
{
    m_client->reboot(std::move(done));
}

void BridgeSource::updateFirmware(std::function<void(const SourceError &)> done)
{
    m_client->updateFirmware(std::move(done));
}

void BridgeSource::listCallbacks(
    std::function<void(const SourceError &, const QList<CallbackEntry> &)> done)
{
    m_client->callbackList(std::move(done));
}

void BridgeSource::removeCallback(int id,
                                  std::function<void(const SourceError &, bool, QString)> done)
{
    m_client->callbackRemove(id, std::move(done));
}

BridgeSource *addBridge(Home &home, const BridgeConfig &config, const QString &token, bool poll)
{
    if (home.source(config.id))
        return nullptr;
    auto *source = new BridgeSource(config, token);
    home.addSource(source);
    source->start(poll);
    return source;
}

BridgeSource *bridgeSource(const Home &home, const QString &id)
{
    return qobject_cast<BridgeSource *>(home.source(id));
}

} // namespace nuki
