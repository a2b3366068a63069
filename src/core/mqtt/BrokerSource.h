#pragma once

#include "home/Source.h"
#include "mqtt/BrokerConfig.h"
#include "mqtt/MqttLink.h"
#include "mqtt/MqttPayloads.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QTimer>
#include <optional>

namespace nuki {

class Home;

// An MQTT broker that Wi-Fi locks (Smart Lock 3.0 Pro, 4th generation, Ultra) publish to, as a
// source of the home. Push only: the locks' retained topics are the truth, their `connected`
// (and its last will) says whether a lock can be reached. Finds locks from their own topics and
// from the Home Assistant discovery they publish. Commands: lockAction, QoS 2, never retained,
// a 10 s message expiry, one at a time per lock, never while the lock is not known to be
// connected; the outcome from the states the lock reports, in whatever order they come.
class BrokerSource : public Source
{
    Q_OBJECT
public:
    BrokerSource(const BrokerConfig &config, const QString &password, const QString &clientId,
                 QObject *parent = nullptr);
    ~BrokerSource() override;

    // --- Source ---
    QString id() const override { return m_config.id; }
    QString name() const override { return m_config.name; }
    SourceKind kind() const override { return SourceKind::Broker; }
    QString address() const override;
    SourceLink link() const override { return m_link; }
    void start(bool poll) override;
    void readAll(std::function<void(const SourceError &)> done) override;
    void readDevice(quint32 nukiId, int deviceType,
                    std::function<void(const SourceError &, const DeviceState &)> done) override;
    void perform(const ActionRequest &request, const ActionProgress &progress) override;
    void followAction(quint32, int) override {}
    void stop() override;

    // --- the broker's own ---
    struct LockInfo
    {
        QString rawId; // as the lock spells it in its topics: commands go to the same
        QString firmware;
        QString model; // from discovery
        std::optional<bool> connected;
        std::optional<bool> serverConnected; // the lock's link to Nuki's cloud
        QDateTime lastMessage;
        std::optional<mqtt::LockActionEvent> lastEvent;
        QDateTime lastEventAt;
        bool retainedCommandSeen = false; // someone left a retained command on the broker
    };
    const BrokerConfig &config() const { return m_config; }
    const LockInfo *lockInfo(quint32 nukiId) const;
    QList<quint32> lockIds() const { return m_order; }
    // Lock ids not believed because the broker had more than MaxLocks (a flood, or a broker
    // shared with far more than a household).
    int refusedLocks() const { return int(m_refusedIds.size()); }
    int protocolVersion() const { return m_mqtt.protocolVersion(); }

    // Timings (tests shorten them).
    static constexpr int AnswerTimeoutMs = 5000;   // no response, event or movement: no answer
    static constexpr int OutcomeTimeoutMs = 30000; // answered, but no final state
    static constexpr int CommandExpirySeconds = 10;
    // A lock's will during a command: how long to wait for our own link to break too (then
    // it was the broker that went, not the lock).
    static constexpr int LockLeftGraceMs = 1000;
    static constexpr int SettleQuietMs = 300; // retained values after subscribing, then quiet
    static constexpr int SettleMaxMs = 3000;
    static constexpr int MaxLocks = 64;
    void setTimeouts(int answerMs, int outcomeMs);
    void setRetryDelays(int firstMs, int maxMs) { m_mqtt.setRetryDelays(firstMs, maxMs); }

private:
    // What a value changed: nothing, the state (reported by itself), the listing.
    enum Change
    {
        Nothing = 0,
        StateChanged = 1,
        ListingChanged = 2
    };
    static constexpr int DefaultWifiLockType = int(DeviceType::SmartLock3); // 3.0 Pro, 4, Ultra
    struct Pending
    {
        quint64 id = 0;
        int action = 0;
        int mid = -1;
        bool delivered = false; // the broker has it
        bool answered = false;  // the lock responded, reported the event, or moved
        bool responded = false; // a commandResponse was attributed to it
        int stateAtSend = -1;
        ActionProgress progress;
    };
    // A command published on a lock's command topics whose commandResponse has not come yet:
    // ours, or another client's (the app, nukictl, Home Assistant). A response carries no
    // correlation; the lock answers its commands in the order it gets them, so a response
    // belongs to the oldest command still waiting for one.
    struct InFlight
    {
        bool ours = false;
        qint64 atMs = 0; // on m_clock
    };
    static constexpr int InFlightMs = CommandExpirySeconds * 1000 + AnswerTimeoutMs;
    struct Lock
    {
        LockInfo info;
        Device device;
        bool typeKnown = false;
        bool everConnected = false; // it said connected=true at least once
        bool proven = false;        // a fresh message after we subscribed, or its discovery config
        std::optional<Pending> pending;
        QList<InFlight> inFlight; // oldest first
        QByteArray echoExpected;  // our own publish, which the broker hands back to us
    };

    void onConnected();
    void onDisconnected(const SourceError &why);
    void onMessage(const QString &topic, const QByteArray &payload, bool retained);
    void onDiscovery(const mqtt::DiscoveredLock &d);
    Lock *lockFor(quint32 nukiId, const QString &rawId, bool proves, bool saysConnected);
    // Applies one value; returns what changed: 0 nothing, 1 the state, 2 the listing.
    int apply(Lock &lock, const QString &sub, const QByteArray &payload, bool retained);
    void changed(quint32 nukiId, int what);
    DeviceState shownState(const Lock &lock) const;
    QList<Device> devices() const;
    void settleLater();
    void settled();
    void setLinkStatus(LinkStatus status, const SourceError &error = {});
    void checkPending(Lock &lock);
    void commandSeen(Lock &lock, const QString &sub, const QByteArray &payload);
    void responseSeen(Lock &lock, int code);
    bool othersWaiting(const Lock &lock) const;
    void finish(Lock &lock, const SourceError &error);

    BrokerConfig m_config;
    MqttLink m_mqtt;
    SourceLink m_link;
    QHash<quint32, Lock> m_locks;
    QList<quint32> m_order; // as found
    bool m_started = false;
    bool m_settled = false;
    QTimer m_settleQuiet;
    QTimer m_settleMax;
    QList<std::function<void(const SourceError &)>> m_waitingReads;
    QHash<quint32, int> m_dirty; // changes to report once the current burst is handled
    QTimer m_flush;
    QHash<quint32, QTimer *> m_answerTimers;
    QHash<quint32, QTimer *> m_outcomeTimers;
    int m_answerTimeoutMs = AnswerTimeoutMs;
    int m_outcomeTimeoutMs = OutcomeTimeoutMs;
    quint64 m_nextPending = 0;
    QElapsedTimer m_clock;      // the age of commands in flight
    QSet<quint32> m_refusedIds; // ids not believed (bounded)
    static constexpr int MaxRefusedCounted = 100000;
};

// Adds a broker to the home and starts it.
BrokerSource *addBroker(Home &home, const BrokerConfig &config, const QString &password,
                        const QString &clientId);
BrokerSource *brokerSource(const Home &home, const QString &id);

} // namespace nuki
