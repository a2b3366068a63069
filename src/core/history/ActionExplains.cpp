#include "history/ActionExplains.h"

#include "protocol/Protocol.h"

#include <initializer_list>

namespace nuki {

namespace {
bool oneOf(int state, std::initializer_list<LockState> states)
{
    for (LockState s : states)
        if (int(s) == state)
            return true;
    return false;
}
bool oneOf(int state, std::initializer_list<OpenerState> states)
{
    for (OpenerState s : states)
        if (int(s) == state)
            return true;
    return false;
}
} // namespace

bool actionLeadsTo(int deviceType, int action, int state)
{
    using L = LockState;
    using O = OpenerState;
    if (isOpener(deviceType)) {
        switch (action) {
        case 1: // Ring to Open on
            return oneOf(state, {O::RtoActive});
        case 2: // Ring to Open off
            return oneOf(state, {O::Online});
        case 3: // open (the buzzer)
            return oneOf(state, {O::Opening, O::Open, O::Online, O::RtoActive});
        case 4: // continuous mode on or off: the state stays or shows Ring to Open
        case 5:
            return oneOf(state, {O::Online, O::RtoActive});
        }
        return false;
    }
    switch (action) {
    case 1: // unlock
        return oneOf(state, {L::Unlocking, L::Unlocked});
    case 2: // lock
    case 6: // full lock (a Wi-Fi lock's)
        return oneOf(state, {L::Locking, L::Locked});
    case 3: // unlatch
        return oneOf(state, {L::Unlocking, L::Unlatching, L::Unlatched, L::Unlocked});
    case 4: // Lock 'n' Go, with or without unlatching: unlock, wait, lock
    case 5:
        return oneOf(state, {L::Unlocking, L::Unlatching, L::Unlatched, L::Unlocked,
                             L::UnlockedLockNGo, L::Locking, L::Locked});
    }
    return false;
}

const HistoryEvent *governingAction(const QList<HistoryEvent> &actions, const HistoryEvent &change)
{
    const HistoryEvent *latest = nullptr;
    for (const HistoryEvent &a : actions)
        if (a.kind == HistoryKind::Action && a.key == change.key && a.at.isValid() &&
            a.at.toMSecsSinceEpoch() - 1000 <= change.at.toMSecsSinceEpoch() &&
            (!latest || a.at > latest->at))
            latest = &a;
    return latest;
}

bool actionExplains(const HistoryEvent &action, const HistoryEvent &change)
{
    if (action.kind != HistoryKind::Action || action.outcome == HistoryOutcome::Failed ||
        !isExplainable(change) || action.key != change.key || !action.at.isValid() ||
        !change.at.isValid())
        return false;
    const qint64 from = action.at.toMSecsSinceEpoch() - 1000; // the clocks' rounding
    const qint64 end = action.endedAt.isValid() ? action.endedAt.toMSecsSinceEpoch()
                                                : action.at.toMSecsSinceEpoch() + ExplainRunningMs;
    const qint64 at = change.at.toMSecsSinceEpoch();
    if (at < from || at > end + ExplainGraceMs)
        return false;
    if (change.kind == HistoryKind::LockEvent)
        return change.action == action.action;
    return actionLeadsTo(action.key.deviceType, action.action, change.state);
}

} // namespace nuki
