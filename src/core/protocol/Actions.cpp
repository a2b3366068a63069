#include "protocol/Actions.h"

#include <QCoreApplication>

namespace nuki {

using namespace Qt::StringLiterals;

namespace {

constexpr int Locked = int(LockState::Locked), Unlocking = int(LockState::Unlocking),
              Unlocked = int(LockState::Unlocked), Locking = int(LockState::Locking),
              Unlatched = int(LockState::Unlatched), LockNGoState = int(LockState::UnlockedLockNGo),
              Unlatching = int(LockState::Unlatching);
constexpr int OpenerOnline = int(OpenerState::Online), RtoActive = int(OpenerState::RtoActive),
              Opening = int(OpenerState::Opening);

QList<ActionSpec> lockActions()
{
    QList<ActionSpec> t;
    ActionSpec a;
    a = {};
    a.number = int(LockAction::Lock);
    a.verb = "lock"_L1;
    a.name = a.label = QT_TRANSLATE_NOOP("nuki", "Lock");
    a.menuText = a.name;
    a.secures = true;
    a.key = 'L';
    a.shownWhileRunning = Locking;
    a.leadsTo = a.goalStates = {Locked};
    t << a;

    a = {};
    a.number = int(LockAction::Unlock);
    a.verb = "unlock"_L1;
    a.name = a.label = a.menuText = QT_TRANSLATE_NOOP("nuki", "Unlock");
    a.key = 'U';
    a.shownWhileRunning = Unlocking;
    a.leadsTo = a.goalStates = {Unlocked};
    t << a;

    a = {};
    a.number = int(LockAction::Unlatch);
    a.verb = "open"_L1;
    a.name = a.label = QT_TRANSLATE_NOOP("nuki", "Open");
    a.menuText = QT_TRANSLATE_NOOP("nuki", "Open…");
    a.opensDoor = true;
    a.key = 'O';
    a.shownWhileRunning = Unlatching;
    a.leadsTo = a.goalStates = {Unlatched, Unlocked};
    t << a;

    a = {};
    a.number = int(LockAction::LockNGo);
    a.verb = "lockngo"_L1;
    a.name = a.label = a.menuText = QT_TRANSLATE_NOOP("nuki", "Lock ’n’ Go");
    a.key = 'G'; // unlocks first: a modifier too
    a.shownWhileRunning = Unlocking;
    a.leadsTo = {LockNGoState, Locked, Unlatched}; // relocks by itself
    a.goalStates = {Locked, LockNGoState};
    t << a;

    a.number = int(LockAction::LockNGoUnlatch);
    a.verb = "lockngo-open"_L1;
    a.name = a.label = QT_TRANSLATE_NOOP("nuki", "Lock ’n’ Go and open");
    a.menuText = QT_TRANSLATE_NOOP("nuki", "Lock ’n’ Go and open…");
    a.opensDoor = true;
    a.key = 0;
    a.variantOf = int(LockAction::LockNGo);
    a.shownWhileRunning = Unlatching;
    t << a;

    a = {};
    a.number = 6;
    a.verb = "full-lock"_L1;
    a.name = a.label = a.menuText = QT_TRANSLATE_NOOP("nuki", "Full lock");
    a.secures = true;
    a.shownWhileRunning = Locking;
    a.leadsTo = a.goalStates = {Locked};
    a.onlyThroughBroker = true;
    t << a;
    return t;
}

QList<ActionSpec> openerActions()
{
    QList<ActionSpec> t;
    ActionSpec a;
    a.number = int(LockAction::RtoOn);
    a.verb = "rto-on"_L1;
    a.name = QT_TRANSLATE_NOOP("nuki", "Ring to Open on");
    a.label = a.menuText = QT_TRANSLATE_NOOP("nuki", "Ring to Open");
    a.key = 'R'; // the next ring opens the door
    a.toggleOff = int(LockAction::RtoOff);
    a.leadsTo = a.goalStates = {RtoActive};
    t << a;

    a = {};
    a.number = int(LockAction::RtoOff);
    a.verb = "rto-off"_L1;
    a.name = QT_TRANSLATE_NOOP("nuki", "Ring to Open off");
    a.label = a.menuText = QT_TRANSLATE_NOOP("nuki", "Ring to Open");
    a.secures = true;
    a.isToggleOff = true;
    a.leadsTo = a.goalStates = {OpenerOnline};
    t << a;

    a = {};
    a.number = int(LockAction::ContinuousOn);
    a.verb = "cm-on"_L1;
    a.name = QT_TRANSLATE_NOOP("nuki", "Continuous mode on");
    a.label = a.menuText = QT_TRANSLATE_NOOP("nuki", "Continuous mode");
    a.key = 'C'; // every ring opens the door
    a.toggleOff = int(LockAction::ContinuousOff);
    a.leadsTo = {RtoActive};
    a.goalMode = ModeContinuous;
    t << a;

    a = {};
    a.number = int(LockAction::ContinuousOff);
    a.verb = "cm-off"_L1;
    a.name = QT_TRANSLATE_NOOP("nuki", "Continuous mode off");
    a.label = a.menuText = QT_TRANSLATE_NOOP("nuki", "Continuous mode");
    a.secures = true;
    a.isToggleOff = true;
    a.leadsTo = {OpenerOnline};
    a.goalMode = ModeDoor;
    t << a;

    a = {};
    a.number = int(LockAction::ElectricStrike);
    a.verb = "open"_L1;
    a.name = a.label = QT_TRANSLATE_NOOP("nuki", "Open");
    a.menuText = QT_TRANSLATE_NOOP("nuki", "Open (buzz the door)…");
    a.opensDoor = true;
    a.key = 'O';
    a.shownWhileRunning = Opening;
    t << a; // the buzzer leaves no trace in the state: any state may follow, nothing to check
    return t;
}

QString translated(const char *text)
{
    return QCoreApplication::translate("nuki", text);
}

} // namespace

QString ActionSpec::displayName() const
{
    return translated(name);
}

QString ActionSpec::displayLabel() const
{
    return translated(label);
}

QString ActionSpec::displayMenuText() const
{
    return translated(menuText);
}

bool ActionSpec::reached(const DeviceState &s) const
{
    if (goalMode >= 0)
        return s.mode == goalMode;
    if (goalStates.isEmpty())
        return true; // leaves no trace: nothing contradicts it
    return goalStates.contains(s.state);
}

bool ActionSpec::explains(int state) const
{
    return leadsTo.isEmpty() || leadsTo.contains(state);
}

const QList<ActionSpec> &actionsFor(int deviceType)
{
    static const QList<ActionSpec> lock = lockActions();
    static const QList<ActionSpec> opener = openerActions();
    static const QList<ActionSpec> none;
    if (isOpener(deviceType))
        return opener;
    return isKnownDeviceType(deviceType) ? lock : none;
}

const ActionSpec *findAction(int deviceType, int number)
{
    for (const ActionSpec &a : actionsFor(deviceType))
        if (a.number == number)
            return &a;
    return nullptr;
}

const ActionSpec *findActionByVerb(int deviceType, QStringView verb)
{
    for (const ActionSpec &a : actionsFor(deviceType))
        if (verb == a.verb)
            return &a;
    return nullptr;
}

bool toggleIsOn(int deviceType, int onAction, const DeviceState &state)
{
    const ActionSpec *a = findAction(deviceType, onAction);
    if (!a || !a->toggleOff)
        return false;
    // Continuous mode shows as Ring to Open active too: that switch is then not the one on.
    if (a->goalMode < 0 && isOpener(deviceType) && state.mode == ModeContinuous)
        return false;
    return a->reached(state);
}

QStringList actionVerbs(int deviceType)
{
    QStringList verbs;
    for (const ActionSpec &a : actionsFor(deviceType))
        verbs << QString(a.verb);
    return verbs;
}

} // namespace nuki
