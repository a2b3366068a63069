#pragma once

#include "home/HomeTypes.h"

#include <QObject>

namespace nuki {

class Home;

// Runs lock actions from a person's intent to a definitive outcome (done, failed, or unknown)
// for the window, the tray, Lock all and nukictl alike. One action per device at a time. The
// device's acting source carries it and says what its transport knows (taken, refused,
// finished with or without a chance that it reached the lock); the runner applies the one
// rule: an action that may have reached the lock is never sent again, its outcome is
// "unknown — check the door". What each action does and leads to comes from the action table
// (protocol/Actions.h).
class ActionRunner : public QObject
{
    Q_OBJECT
public:
    explicit ActionRunner(Home *home);

    struct Options
    {
        ActionOrigin origin = ActionOrigin::Window;
        bool noWait = false; // done once the source took it (nukictl --no-wait)
        QString why;         // an automation's trigger, kept with the action (the history)
    };
    // Starts `action` (the action table's number) unless one is already running on that
    // device, the device is only remembered, or its kind has no such action.
    bool start(const DeviceKey &key, int action, Options options);
    bool start(const DeviceKey &key, int action) { return start(key, action, Options{}); }
    int running() const;

    // Whether a new state of a device is explained by an action of ours (running, or finished
    // within the last minute), so it is not "someone else".
    static bool explains(const DeviceRecord &record, int newState);
    // Whether `state` is what `action` leads to: settles an unknown outcome.
    static bool reachedGoal(int deviceType, int action, const DeviceState &state);

private:
    void finish(const DeviceKey &key, quint64 id, const SourceError &error);

    Home *m_home;
    quint64 m_nextId = 0;
};

} // namespace nuki
