#include "home/ActionRunner.h"

#include "home/Home.h"
#include "protocol/Actions.h"

#include <QTimer>
#include <memory>

namespace nuki {

ActionRunner::ActionRunner(Home *home) : QObject(home), m_home(home) {}

int ActionRunner::running() const
{
    int n = 0;
    for (const auto &r : m_home->m_devices)
        n += r.action.running();
    return n;
}

bool ActionRunner::start(const DeviceKey &key, int action)
{
    DeviceRecord *r = m_home->record(key);
    BridgeClient *c = m_home->client(key.bridgeId);
    if (!r || !c || r->action.running() || !findAction(key.deviceType, action))
        return false;
    if (r->remembered)
        return false; // held: only what the bridge confirmed in this run is acted on
    const quint64 id = ++m_nextId;
    r->action = ActionStatus{ActionStatus::Pending, action, id};
    r->beforeAction = r->device.state;
    r->stuckChecked = false;
    emit m_home->deviceChanged(key);
    // A bridge known to be unreachable gets one short try: the person hears at once that the
    // action failed, instead of after 15 s of retries.
    const BridgeState *b = m_home->bridge(key.bridgeId);
    const int retryDeadline = b && b->status == BridgeStatus::Offline ? OfflineActionRetryMs : -1;
    auto attempt = std::make_shared<quint64>(0);
    c->lockAction(
        key.nukiId, key.deviceType, action, false,
        [this, key, id](const SourceError &error, const ActionResult &) { finish(key, id, error); },
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
            DeviceRecord *x = m_home->record(key);
            if (!x || x->action.id != id || x->action.phase != ActionStatus::Sent)
                return;
            x->action.phase = ActionStatus::Pending;
            if (x->optimistic) {
                x->device.state = x->beforeAction;
                x->optimistic = false;
            }
            emit m_home->deviceChanged(key);
        },
        retryDeadline);
    return true;
}

void ActionRunner::markTaken(const DeviceKey &key, quint64 id)
{
    DeviceRecord *x = m_home->record(key);
    if (!x || x->action.id != id || x->action.phase != ActionStatus::Pending)
        return;
    x->action.phase = ActionStatus::Sent;
    // What the device shows while the action runs (the bridge's own transitional states).
    const ActionSpec *spec = findAction(key.deviceType, x->action.action);
    const int shown =
        spec && spec->shownWhileRunning >= 0 ? spec->shownWhileRunning : x->device.state.state;
    if (shown != x->device.state.state) {
        x->device.state.state = shown;
        x->device.state.stateName.clear();
        x->optimistic = true;
    }
    emit m_home->deviceChanged(key);
}

void ActionRunner::finish(const DeviceKey &key, quint64 id, const SourceError &error)
{
    DeviceRecord *r = m_home->record(key);
    if (!r || r->action.id != id)
        return;
    if (error.ok())
        r->action.phase = ActionStatus::Succeeded;
    else if (error.mayHaveReachedLock)
        r->action.phase = ActionStatus::Unknown; // "check the door": never re-sent
    else
        r->action.phase = ActionStatus::Failed;
    r->action.error = error;
    r->action.finishedAt = QDateTime::currentDateTimeUtc();
    if (r->action.phase == ActionStatus::Failed && r->optimistic) {
        r->device.state = r->beforeAction; // nothing happened: show what was there
        r->optimistic = false;
    }
    if (error.kind == SourceError::Unreachable || error.kind == SourceError::Unauthorized ||
        error.kind == SourceError::Timeout || error.kind == SourceError::ConnectionLost)
        m_home->noteResult(key.bridgeId, error);
    emit m_home->deviceChanged(key);
    emit m_home->actionFinished(key, r->action);
    // Read the real state now and often for a while: push may be faster, /list confirms.
    if (Poller *p = m_home->poller(key.bridgeId))
        p->startBurst();
    m_home->poll(key.bridgeId, BridgeClient::Priority::User);
}

// What an action of ours leads to, for telling it from someone else and for settling an
// unknown outcome.
bool ActionRunner::reachedGoal(int deviceType, int action, const DeviceState &s)
{
    const ActionSpec *spec = findAction(deviceType, action);
    return spec && spec->reached(s);
}

bool ActionRunner::explains(const DeviceRecord &r, int s) const
{
    // States an action of ours leads to within a minute are not "someone else".
    if (r.action.phase == ActionStatus::Idle)
        return false;
    if (!r.action.running() && (!r.action.finishedAt.isValid() ||
                                r.action.finishedAt.secsTo(QDateTime::currentDateTimeUtc()) > 60))
        return false;
    const ActionSpec *spec = findAction(r.key.deviceType, r.action.action);
    return spec && spec->explains(s);
}

} // namespace nuki
