#include "home/ActionRunner.h"

#include "home/Home.h"
#include "protocol/Actions.h"

#include <QPointer>

namespace nuki {

ActionRunner::ActionRunner(Home *home) : QObject(home), m_home(home) {}

int ActionRunner::running() const
{
    int n = 0;
    for (const DeviceKey &key : m_home->devices())
        n += m_home->device(key)->action.running();
    return n;
}

bool ActionRunner::start(const DeviceKey &key, int action, Options options)
{
    const DeviceRecord *r = m_home->device(key);
    Source *source = m_home->actingSource(key);
    if (!r || !source || r->action.running() || !findAction(key.deviceType, action))
        return false;
    if (r->remembered)
        return false; // held: only what the source confirmed in this run is acted on
    if (findAction(key.deviceType, action)->onlyThroughBroker &&
        (source->kind() == SourceKind::Bridge ||
         (source->kind() == SourceKind::Web && key.deviceType != int(DeviceType::SmartLock3))))
        return false; // a bridge has no such action (a broker has, and Nuki Web for a 3.0+)
    ActionStatus status;
    status.phase = ActionStatus::Pending;
    status.action = action;
    status.id = ++m_nextId;
    status.origin = options.origin;
    status.why = options.why;
    status.sourceId = source->id();
    m_home->noteActionStarted(key, status);
    const quint64 id = status.id;
    // What the device shows while the action runs (the bridge's own transitional states).
    const ActionSpec *spec = findAction(key.deviceType, action);
    const int shown = spec->shownWhileRunning;
    QPointer<ActionRunner> self(this);
    ActionProgress progress;
    progress.taken = [self, key, id, shown] {
        if (self)
            self->m_home->noteActionTaken(key, id, shown);
    };
    progress.refused = [self, key, id] {
        if (self)
            self->m_home->noteActionRefused(key, id);
    };
    progress.finished = [self, key, id](const SourceError &error) {
        if (self)
            self->finish(key, id, error);
    };
    source->perform({key.nukiId, key.deviceType, action, options.noWait}, progress);
    return true;
}

void ActionRunner::finish(const DeviceKey &key, quint64 id, const SourceError &error)
{
    const DeviceRecord *r = m_home->device(key);
    if (!r || r->action.id != id)
        return;
    ActionStatus status = r->action;
    if (error.ok())
        status.phase = ActionStatus::Succeeded;
    else if (error.mayHaveReachedLock)
        status.phase = ActionStatus::Unknown; // "check the door": never re-sent
    else
        status.phase = ActionStatus::Failed;
    status.error = error;
    status.finishedAt = QDateTime::currentDateTimeUtc();
    m_home->noteActionFinished(key, status);
    if (Source *s = m_home->source(status.sourceId))
        s->followAction(key.nukiId, key.deviceType);
}

// What an action of ours leads to, for telling it from someone else and for settling an
// unknown outcome.
bool ActionRunner::reachedGoal(int deviceType, int action, const DeviceState &s)
{
    const ActionSpec *spec = findAction(deviceType, action);
    return spec && spec->reached(s);
}

bool ActionRunner::explains(const DeviceRecord &r, int s)
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
