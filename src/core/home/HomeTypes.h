#pragma once

#include "bridge/Credentials.h"
#include "home/SourceError.h"
#include "wire/BridgeJson.h"

#include <QDateTime>
#include <QHash>
#include <QMetaType>
#include <QString>

namespace nuki {

// A device's identity: a lock and an opener may share a nukiId, and several bridges may
// each have devices (§1).
struct DeviceKey
{
    QString bridgeId;
    quint32 nukiId = 0;
    int deviceType = 0;
    bool operator==(const DeviceKey &) const = default;
    QString toString() const
    {
        return bridgeId + u'/' + QString::number(deviceType) + u'/' + QString::number(nukiId);
    }
};
inline size_t qHash(const DeviceKey &k, size_t seed = 0)
{
    return qHashMulti(seed, k.bridgeId, k.nukiId, k.deviceType);
}

// One user action from intent to a definitive outcome.
struct ActionStatus
{
    enum Phase
    {
        Idle,
        Pending,
        Sent,
        Succeeded,
        Failed,
        Unknown
    };
    Phase phase = Idle;
    int action = 0;
    quint64 id = 0;
    SourceError error;
    QDateTime finishedAt;
    // An unknown outcome, resolved by a fresh read afterwards: the state then, and whether it
    // is what the action leads to.
    int resolvedState = -1;
    bool reachedGoal = false;
    bool running() const { return phase == Pending || phase == Sent; }
};

struct DeviceRecord
{
    DeviceKey key;
    Device device;
    QDateTime lastUpdate; // local time of the last fresh information
    ActionStatus action;
    bool optimistic = false;  // state shows what the running action should lead to
    bool stale = false;       // the bridge is unreachable or rejects us: may be out of date
    DeviceState beforeAction; // restored when an action fails
    bool stuckChecked = false;
    SourceError refreshError; // the last explicit /lockState failed // one /lockState for a state
                              // stuck mid-transition, no more
    // Shown from the last run's memory (HomeMemory) and not yet confirmed by the bridge:
    // `lastUpdate` is when it was last seen. Actions wait for the bridge's first answer.
    bool remembered = false;
};

struct BridgeConfig
{
    QString id; // hex of the bridge's serverId (stable across IP changes)
    QString name;
    QString host;
    quint16 port = 8080;
    TokenMode tokenMode = TokenMode::Auto;
    bool tokenInFile = false; // the person chose a private file because no keychain answered
    // The bridge's clock minus ours, as last learned: timed tokens are stamped in bridge time
    // from the first request on, so a drifting bridge clock does not cost a 401 at each start.
    qint64 clockOffsetSeconds = 0;
};

enum class BridgeStatus
{
    Connecting,
    Online,
    Busy,
    Offline,
    TokenRejected
};

struct BridgeState
{
    BridgeConfig config;
    BridgeStatus status = BridgeStatus::Connecting;
    QDateTime offlineSince;
    BridgeInfo info;
    bool haveInfo = false;
    qint64 clockSkewSeconds = 0;
    SourceError lastError;
    QDateTime lastContact;
    bool pushActive = false;
    QString movedFrom; // the bridge changed its address: where it was before
};

QString bridgeStatusText(const BridgeState &state);

} // namespace nuki

Q_DECLARE_METATYPE(nuki::DeviceKey)
Q_DECLARE_METATYPE(nuki::ActionStatus)
