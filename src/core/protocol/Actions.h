#pragma once

#include "protocol/Protocol.h"

#include <QList>
#include <QString>

// What a person can do to each kind of device, in one table (docs/protocol.md §3.4).
// The window's cards, the tray, nukictl and the action runner all read it, so a kind's
// actions, which of them open a door, and what each leads to are written once.
namespace nuki {

struct ActionSpec
{
    int number = 0;                 // the /lockAction number (its meaning depends on the kind)
    QLatin1StringView verb;         // nukictl's word: "unlock", "rto-on", "lockngo-open"
    const char *name = nullptr;     // what it is called in messages: "Ring to Open on"
    const char *label = nullptr;    // on a button or checkbox: "Ring to Open"
    const char *menuText = nullptr; // in a menu; "…" when it asks first
    // It opens the door (unlatch, buzzer): asked for first, unless the person turned that off.
    bool opensDoor = false;
    // It only makes the door safer (lock): the one action a single key may trigger.
    bool secures = false;
    char key = 0;      // the letter on a focused card (Ctrl+Shift+letter unless `secures`)
    int variantOf = 0; // a variant of another action (lock 'n' go and open): shown in its menu
    // A switch: `toggleOff` is the action that turns this one's effect off again; the off
    // action itself has `isToggleOff` and is not listed as a control of its own.
    int toggleOff = 0;
    bool isToggleOff = false;
    int shownWhileRunning = -1; // the bridge's own transitional state; -1 keeps the state
    QList<int> leadsTo;         // states it brings within a minute (empty: leaves no trace)
    QList<int> goalStates;      // states that mean it worked
    int goalMode = -1;          // or the mode that means it worked (the Opener's modes)
    // A Wi-Fi lock's own command (MQTT lockAction 6): a bridge has no such action.
    bool onlyThroughBroker = false;

    QString displayName() const;
    QString displayLabel() const;
    QString displayMenuText() const;
    // Whether `state` is what this action leads to (an unknown outcome settled by a read).
    bool reached(const DeviceState &state) const;
    // Whether a new state `state` is explained by this action (not someone else's doing).
    bool explains(int state) const;
};

// Every action of a kind, in the order a person sees them. Empty for an unknown kind.
const QList<ActionSpec> &actionsFor(int deviceType);
const ActionSpec *findAction(int deviceType, int number);
const ActionSpec *findActionByVerb(int deviceType, QStringView verb);
// Whether a switch (by its "on" action) is on in `state`.
bool toggleIsOn(int deviceType, int onAction, const DeviceState &state);
// All verbs of all kinds, for help texts.
QStringList actionVerbs(int deviceType);

} // namespace nuki
