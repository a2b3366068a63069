#pragma once

#include "home/SourceError.h"
#include "protocol/Protocol.h"

#include <QDateTime>
#include <QHash>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace nuki {

// A device's identity, whichever source reaches it: Nuki ids are unique per device, but a lock
// and an opener may share one (§1). The same lock behind a bridge and on a broker is one key.
struct DeviceKey
{
    quint32 nukiId = 0;
    int deviceType = 0;
    bool operator==(const DeviceKey &) const = default;
    // "type/nukiId". Kept in the settings (favourites).
    QString toString() const
    {
        return QString::number(deviceType) + u'/' + QString::number(nukiId);
    }
    // Also reads the form before sources ("bridgeId/type/nukiId"). Invalid: nukiId 0.
    static DeviceKey fromString(const QString &text);
};
inline size_t qHash(const DeviceKey &k, size_t seed = 0)
{
    return qHashMulti(seed, k.nukiId, k.deviceType);
}

// Who asked for an action: kept with it, so a history can say so.
enum class ActionOrigin
{
    Window,
    Tray,
    CommandLine,
    LockAll,
    Automation, // a desk automation (only ever a lock); ActionStatus::why says which
    // Read from a history row no version of the app wrote: said as unknown, never guessed.
    Unknown = -1
};

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
    ActionOrigin origin = ActionOrigin::Window;
    QString sourceId; // the source that carried it
    QString why;      // an automation's trigger in words: "automation: screen locked"
    SourceError error;
    QDateTime finishedAt;
    // An unknown outcome, resolved by a fresh read afterwards: the state then, and whether it
    // is what the action leads to.
    int resolvedState = -1;
    bool reachedGoal = false;
    bool running() const { return phase == Pending || phase == Sent; }
};

// Whether a device can be reached now, and if not, why: its source cannot be reached or
// refuses us, or the source has it but cannot vouch for it (a Wi-Fi lock not connected to its
// broker, a bridge that has no state for it). Unreachable devices are greyed, say why, and
// their actions are held.
enum class Reach
{
    Reachable,
    SourceOffline,
    SourceRefuses,
    NotConnected
};

struct DeviceRecord
{
    DeviceKey key;
    Device device;
    // The source that acts for the device and whose reports are shown (Home::actingSource
    // says how it is chosen), and every source that reaches it, in the order they were added.
    QString sourceId;
    QStringList reachedThrough;
    QDateTime lastUpdate; // local time of the last fresh information
    // When the last change happened as far as we can tell: the source's own time for it
    // (a bridge's /list), bounded by the read before and this one; else when we saw it.
    QDateTime changedAt;
    ActionStatus action;
    bool optimistic = false; // state shows what the running action should lead to
    bool stale = false;      // reach != Reachable: what is shown may be out of date
    Reach reach = Reach::Reachable;
    // When it was seen to become unreachable; invalid when it already was when first seen.
    QDateTime unreachableSince;
    DeviceState beforeAction; // restored when an action fails
    // One explicit read for a state stuck mid-transition, no more, until it moves on.
    bool stuckChecked = false;
    // The last explicit read of the device itself failed: shown until the next good read.
    SourceError refreshError;
    // Shown from the last run's memory (HomeMemory) and not yet confirmed by its source:
    // `lastUpdate` is when it was last seen. Actions wait for the source's first answer.
    bool remembered = false;
    // The last thing the device said about who or what moved it (a Wi-Fi lock's event).
    std::optional<LockEvent> lastEvent;
};

} // namespace nuki

Q_DECLARE_METATYPE(nuki::DeviceKey)
Q_DECLARE_METATYPE(nuki::ActionStatus)
Q_DECLARE_METATYPE(nuki::LockEvent)
