#pragma once

#include "protocol/Protocol.h"

#include <optional>

// The questions the automations ask of a device's numbers, in one place for the engine and
// the app: is it a Smart Lock (nothing at all for an Opener), does its state mean unlocked,
// and may its door be open.
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

// Open, or a sensor that cannot say (unknown, calibrating, removed, tampered with) and so may
// hide an open door: only closed, switched off or no sensor at all lets a lock go.
inline bool doorMayBeOpen(const std::optional<int> &door)
{
    return door && *door != int(DoorSensor::Closed) && *door != int(DoorSensor::Deactivated);
}

} // namespace nuki::automation
