#pragma once

#include "protocol/Actions.h"

#include <QList>

// The controls of one device's actions, for the card's buttons and the tray's menu alike, in
// one order: which actions get a control of their own, which are on/off switches (an
// Opener's Ring to Open), and which come as variants in a control's menu (Lock 'n' Go, and
// Lock 'n' Go with unlatch). Built from the action table (protocol/Actions.h). A control whose
// action only a broker carries (full lock) is listed too: the card and the tray show it only
// while the device's acting source is a broker (DeviceListModel::SourceKindRole).
struct ActionControl
{
    const nuki::ActionSpec *spec = nullptr; // the control's own action
    int toggleOff = 0; // a switch: `spec` turns it on, this action number turns it off
    QList<const nuki::ActionSpec *> variants; // with `spec` first: the choices of its menu
    bool isSwitch() const { return toggleOff != 0; }
    bool hasMenu() const { return !variants.isEmpty(); }
    bool onlyThroughBroker() const { return spec->onlyThroughBroker; }
};

QList<ActionControl> actionControlsFor(int deviceType);
