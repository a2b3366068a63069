#pragma once

#include "home/HomeTypes.h"

#include <QString>

namespace nuki::automation {

// All an automation may do to a device: lock it. There is no unlock, open, lock 'n' go or
// Opener action to call, so no automation code can send one (the safety rule, in the type).
class LockOnly
{
public:
    enum class Strength
    {
        Lock,
        FullLock // a Wi-Fi lock's own full lock, where the person chose it
    };
    virtual ~LockOnly() = default;
    // Starts a lock; false when nothing was started (already running, not reachable, not a
    // Smart Lock, or a full lock its source cannot carry). `why` goes into the history.
    virtual bool lock(const DeviceKey &key, Strength strength, bool noWait, const QString &why) = 0;
};

} // namespace nuki::automation
