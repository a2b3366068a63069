#pragma once

#include "protocol/Protocol.h"

// The two questions the automations ask of a device's numbers, in one place for the engine's
// files: is it a Smart Lock (nothing at all for an Opener), and does its state mean unlocked.
namespace nuki::automation {

inline bool isSmartLock(int deviceType)
{
    return deviceType == int(DeviceType::SmartLock) || deviceType == int(DeviceType::SmartDoor) ||
           deviceType == int(DeviceType::SmartLock3);
}

inline bool isUnlockedState(int state)
{
    return state == int(LockState::Unlocked) || state == int(LockState::Unlatched) ||
           state == int(LockState::UnlockedLockNGo);
}

} // namespace nuki::automation
