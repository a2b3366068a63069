// The words a person reads for the protocol's numbers (docs/protocol.md §3): kinds, states,
// door sensor, actions. Unknown numbers stay visible as numbers.
#include "protocol/Actions.h"
#include "protocol/Protocol.h"

#include <QCoreApplication>

namespace nuki {

static QString tr(const char *text)
{
    return QCoreApplication::translate("nuki", text);
}

QString deviceTypeName(int t)
{
    switch (t) {
    case 0:
        return tr("Smart Lock");
    case 2:
        return tr("Opener");
    case 3:
        return tr("Smart Door");
    case 4:
        return tr("Smart Lock 3.0 / 4th gen");
    }
    return tr("Unknown device (type %1)").arg(t);
}

QString stateText(int deviceType, int state)
{
    if (state < 0)
        return tr("Unknown");
    if (isOpener(deviceType)) {
        switch (state) {
        case 0:
            return tr("Untrained");
        case 1:
            // Nuki calls it "online"; for a person it means the Opener waits for a ring
            // without opening. "Online" would also contradict a bridge that is offline.
            return tr("Ring to Open off");
        case 3:
            return tr("Ring to Open active");
        case 5:
            return tr("Open");
        case 7:
            return tr("Opening…");
        case 253:
            return tr("Boot run");
        case 255:
            return tr("Undefined");
        }
    } else if (isKnownDeviceType(deviceType)) {
        switch (state) {
        case 0:
            return tr("Uncalibrated");
        case 1:
            return tr("Locked");
        case 2:
            return tr("Unlocking…");
        case 3:
            return tr("Unlocked");
        case 4:
            return tr("Locking…");
        case 5:
            return tr("Unlatched");
        case 6:
            return tr("Unlocked (Lock ’n’ Go)");
        case 7:
            return tr("Unlatching…");
        case 254:
            return tr("Motor blocked");
        case 255:
            return tr("Undefined");
        }
    }
    return tr("Unknown (%1)").arg(state);
}

QString doorSensorText(int s)
{
    switch (s) {
    case 1:
        return tr("Door sensor off");
    case 2:
        return tr("Door closed");
    case 3:
        return tr("Door open");
    case 4:
        return tr("Door state unknown");
    case 5:
        return tr("Door sensor calibrating");
    case 16:
        return tr("Door sensor not calibrated");
    case 240:
        return tr("Door sensor removed or tampered");
    case 255:
        return tr("Door state unknown");
    }
    return tr("Door sensor: unknown (%1)").arg(s);
}

QString actionName(int deviceType, int action)
{
    if (const ActionSpec *a = findAction(deviceType, action))
        return a->displayName();
    return tr("Action %1").arg(action);
}

} // namespace nuki
