#pragma once

#include "history/HistoryTypes.h"

namespace nuki {

// One action, one history entry. Two writers share a history file: the app, which sees every
// change, and nukictl, which records only its own action (at its end). A change the app sees
// that an action recorded by anyone explains is that action's, not someone else's.

// How long after an action ended (or, with no outcome recorded, began) a change it leads to
// may still be seen: a callback is at once, a poll up to its interval late.
constexpr qint64 ExplainGraceMs = 20000;
constexpr qint64 ExplainRunningMs = 60000; // an action with no outcome: as if it ended then

// Whether `action` on a device of `deviceType` leads through or to `state` (a lock state, or
// an Opener's). A state it cannot lead to is someone else's doing, even in its time window.
bool actionLeadsTo(int deviceType, int action, int state);

// Whether the action row `action` explains the change row `change`: the same device, the
// change inside the action's window, a state (or, for a lock's own event, the action) that
// the action leads to. An action that failed explains nothing.
bool actionExplains(const HistoryEvent &action, const HistoryEvent &change);

// Of a device's actions, the one a change belongs to if any: the latest begun before it. An
// earlier action's window does not reach past a later action (an unlock, then a lock, then
// a hand turn to unlocked: the hand turn is someone's, not the unlock's). Null if none.
const HistoryEvent *governingAction(const QList<HistoryEvent> &actions, const HistoryEvent &change);

// The kinds of row an action can explain.
inline bool isExplainable(const HistoryEvent &e)
{
    return (e.kind == HistoryKind::StateChanged || e.kind == HistoryKind::LockEvent) &&
           !e.learnedLater && e.key.nukiId != 0;
}

} // namespace nuki
