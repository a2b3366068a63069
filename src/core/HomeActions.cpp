// Actions: from a person's intent to a definitive outcome (done, failed, or unknown).
// A lock action that may have reached the bridge is never sent again automatically.
#include "Home.h"

#include <QTimer>
#include <memory>

namespace nuki {

bool Home::isValidAction(int deviceType, int action)
{
    return isKnownDeviceType(deviceType) && action >= 1 && action <= 5;
}

int Home::actionsRunning() const
{
    int n = 0;
    for (const auto &r : m_devices)
        n += r.action.running();
    return n;
}

// What the device shows while the action runs (the bridge's own transitional states).
static int optimisticState(int deviceType, int action, int current)
{
    if (isOpener(deviceType))
        return action == 3 ? int(OpenerState::Opening) : current;
    switch (action) {
    case 1:
    case 4:
        return int(LockState::Unlocking);
    case 2:
        return int(LockState::Locking);
    default:
        return int(LockState::Unlatching);
    }
}

bool Home::startAction(const DeviceKey &key, int action)
{
    DeviceRecord *r = record(key);
    BridgeClient *c = client(key.bridgeId);
    if (!r || !c || r->action.running() || !isValidAction(key.deviceType, action))
        return false;
    if (r->remembered)
        return false; // held: only what the bridge confirmed in this run is acted on
    const quint64 id = ++m_nextActionId;
    r->action = ActionStatus{ActionStatus::Pending, action, id};
    r->beforeAction = r->device.state;
    r->stuckChecked = false;
    emit deviceChanged(key);
    // A bridge known to be unreachable gets one short try: the person hears at once that the
    // action failed, instead of after 15 s of retries.
    const BridgeState *b = bridge(key.bridgeId);
    const int retryDeadline = b && b->status == BridgeStatus::Offline ? OfflineActionRetryMs : -1;
    auto attempt = std::make_shared<quint64>(0);
    c->lockAction(
        key.nukiId, key.deviceType, action, false,
        [this, key, id](const BridgeError &error, const ActionResult &) {
            finishAction(key, id, error);
        },
        [this, key, id, attempt] {
            // Sent. A bridge that refuses (503) does so at once; one that took the command
            // works on it for seconds. So "Unlocking…" is shown only once this attempt has
            // been out for a moment without a refusal; until then the card says "Sending…".
            const quint64 mine = ++*attempt;
            QTimer::singleShot(AcceptedAfterMs, this, [this, key, id, attempt, mine] {
                if (*attempt == mine)
                    markTaken(key, id);
            });
        },
        [this, key, id, attempt] {
            ++*attempt; // refused or not connected: nothing happened, still "Sending…"
            DeviceRecord *x = record(key);
            if (!x || x->action.id != id || x->action.phase != ActionStatus::Sent)
                return;
            x->action.phase = ActionStatus::Pending;
            if (x->optimistic) {
                x->device.state = x->beforeAction;
                x->optimistic = false;
            }
            emit deviceChanged(key);
        },
        retryDeadline);
    return true;
}

void Home::markTaken(const DeviceKey &key, quint64 id)
{
    DeviceRecord *x = record(key);
    if (!x || x->action.id != id || x->action.phase != ActionStatus::Pending)
        return;
    x->action.phase = ActionStatus::Sent;
    const int shown = optimisticState(key.deviceType, x->action.action, x->device.state.state);
    if (shown != x->device.state.state) {
        x->device.state.state = shown;
        x->device.state.stateName.clear();
        x->optimistic = true;
    }
    emit deviceChanged(key);
}

void Home::finishAction(const DeviceKey &key, quint64 id, const BridgeError &error)
{
    DeviceRecord *r = record(key);
    if (!r || r->action.id != id)
        return;
    if (error.ok())
        r->action.phase = ActionStatus::Succeeded;
    else if (error.mayHaveReachedBridge)
        r->action.phase = ActionStatus::Unknown; // "check the door": never re-sent
    else
        r->action.phase = ActionStatus::Failed;
    r->action.error = error;
    r->action.finishedAt = QDateTime::currentDateTimeUtc();
    if (r->action.phase == ActionStatus::Failed && r->optimistic) {
        r->device.state = r->beforeAction; // nothing happened: show what was there
        r->optimistic = false;
    }
    if (error.kind == BridgeError::Unreachable || error.kind == BridgeError::Unauthorized ||
        error.kind == BridgeError::Timeout || error.kind == BridgeError::ConnectionLost)
        noteResult(key.bridgeId, error);
    emit deviceChanged(key);
    emit actionFinished(key, r->action);
    // Read the real state now and often for a while: push may be faster, /list confirms.
    if (Poller *p = poller(key.bridgeId))
        p->startBurst();
    poll(key.bridgeId, BridgeClient::Priority::User);
}

// What an action of ours leads to, for telling it from someone else and for settling an
// unknown outcome.
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

} // namespace nuki
