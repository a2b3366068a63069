// What kind of device a number is, and which of its states are passing or an error
// (docs/protocol.md §3.1, §3.3).
#include "protocol/Protocol.h"

namespace nuki {

bool isOpener(int deviceType)
{
    return deviceType == int(DeviceType::Opener);
}

bool isKnownDeviceType(int t)
{
    return t == 0 || t == 2 || t == 3 || t == 4;
}

bool isTransitional(int deviceType, int state)
{
    if (isOpener(deviceType))
        return state == int(OpenerState::Opening);
    return state == int(LockState::Unlocking) || state == int(LockState::Locking) ||
           state == int(LockState::Unlatching);
}

bool isErrorState(int deviceType, int state)
{
    if (isOpener(deviceType))
        return state == 0 || state == 255;
    return state == 0 || state == 254 || state == 255;
}

} // namespace nuki
