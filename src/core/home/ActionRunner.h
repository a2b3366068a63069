#pragma once

#include "home/HomeTypes.h"

#include <QObject>

namespace nuki {

class Home;

// Runs lock actions from a person's intent to a definitive outcome (done, failed, or unknown)
// on the devices Home keeps. One action per device at a time; a lock action that may have
// reached the bridge is never sent again automatically. What each action does and leads to
// comes from the action table (Actions.h).
class ActionRunner : public QObject
{
    Q_OBJECT
public:
    explicit ActionRunner(Home *home);

    // Starts `action` (the /lockAction number) unless one is already running on that device
    // or the device's kind has no such action.
    bool start(const DeviceKey &key, int action);
    int running() const;

    // Whether a new state of a device is explained by an action of ours (running, or finished
    // within the last minute), so it is not "someone else".
    bool explains(const DeviceRecord &record, int newState) const;
    // Whether `state` is what `action` leads to: settles an unknown outcome.
    static bool reachedGoal(int deviceType, int action, const DeviceState &state);

    static constexpr int AcceptedAfterMs = 300;       // out this long without a refusal: taken
    static constexpr int OfflineActionRetryMs = 2000; // one short try on an unreachable bridge

private:
    void markTaken(const DeviceKey &key, quint64 id);
    void finish(const DeviceKey &key, quint64 id, const SourceError &error);

    Home *m_home;
    quint64 m_nextId = 0;
};

} // namespace nuki
