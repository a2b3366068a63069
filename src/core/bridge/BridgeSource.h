#pragma once

#include "bridge/BridgeClient.h"
#include "bridge/BridgeConfig.h"
#include "bridge/Poller.h"
#include "home/Source.h"

namespace nuki {

class Home;

// A Nuki Bridge as a source of the home: owns the bridge's client (one request at a time, the
// token forms, the clock offset) and its poller, follows its link from every answer, and
// offers the bridge's own details and maintenance to the bridge-only screens. Push (callbacks)
// is the PushManager's, which feeds pushed states in through applyPushed().
class BridgeSource : public Source
{
    Q_OBJECT
public:
    // Nothing is sent before the token is known: with an empty token the source waits for
    // setToken().
    BridgeSource(const BridgeConfig &config, const QString &token, QObject *parent = nullptr);
    ~BridgeSource() override;

    // --- Source ---
    QString id() const override { return m_state.config.id; }
    QString name() const override { return m_state.config.name; }
    SourceKind kind() const override { return SourceKind::Bridge; }
    QString address() const override;
    SourceLink link() const override;
    void start(bool poll) override;
    void readAll(std::function<void(const SourceError &)> done) override;
    void readDevice(quint32 nukiId, int deviceType,
                    std::function<void(const SourceError &, const DeviceState &)> done) override;
    bool isFollowingClosely() const override { return m_poller->inBurst(); }
    void perform(const ActionRequest &request, const ActionProgress &progress) override;
    void followAction(quint32 nukiId, int deviceType) override;
    void setPollInterval(int ms) override;
    void stop() override;

    // --- the bridge itself ---
    const BridgeState &state() const { return m_state; }
    const BridgeConfig &config() const { return m_state.config; }
    void setToken(const QString &token);
    void rename(const QString &name);
    void moveTo(const QString &host, quint16 port);
    void noteMoved(const QString &from);
    // Push: a state the bridge posted to our callback.
    void applyPushed(quint32 nukiId, int deviceType, const DeviceState &state);
    // Push works (or not): /list becomes a heartbeat, or polling proper again.
    void setPushActive(bool active, int heartbeatMs = 60000);
    TokenMode effectiveTokenMode() const { return m_client->effectiveTokenMode(); }
    TokenMode tokenMode() const { return m_client->tokenMode(); }
    qint64 clockOffset() const { return m_client->bridgeClockOffset(); }
    void readInfo(std::function<void(const SourceError &, const BridgeInfo &)> done);
    void readLog(int offset, int count,
                 std::function<void(const SourceError &, const QList<BridgeLogEntry> &)> done);
    void reboot(std::function<void(const SourceError &)> done);
    void updateFirmware(std::function<void(const SourceError &)> done);
    void listCallbacks(std::function<void(const SourceError &, const QList<CallbackEntry> &)> done);
    void removeCallback(int id, std::function<void(const SourceError &, bool, QString)> done);
    int pollInterval() const { return m_poller->interval(); }
    int nextPollDelay() const { return m_poller->nextDelay(); }

    // The core's own use (push registration, tests tuning timings). Not for front ends.
    BridgeClient *client() const { return m_client; }
    Poller *poller() const { return m_poller; }

    static constexpr int AcceptedAfterMs = 300;       // out this long without a refusal: taken
    static constexpr int OfflineActionRetryMs = 2000; // one short try on an unreachable bridge

signals:
    void clockSkew(qint64 seconds);

private:
    void go();
    void poll(BridgeClient::Priority priority, std::function<void(const SourceError &)> then = {});
    void noteResult(const SourceError &error);

    BridgeState m_state;
    BridgeClient *m_client;
    Poller *m_poller;
    bool m_started = false;
    bool m_polling = true;
    bool m_stopped = false;
};

// Adds a bridge to the home and starts it: the one way to put a bridge in a home.
BridgeSource *addBridge(Home &home, const BridgeConfig &config, const QString &token,
                        bool poll = true);
// The home's bridge source with this id, or null (a broker, a removed bridge).
BridgeSource *bridgeSource(const Home &home, const QString &id);

} // namespace nuki
