#pragma once

#include "home/HomeTypes.h"
#include "home/Source.h"

namespace nuki {

// Whether the device can be reached, and since when it cannot: the moment it was seen to go
// (`since`), kept while it stays away. True when anything changed.
bool markReach(DeviceRecord &r, Reach reach, const QDateTime &since);

// A device that cannot be reached, in words, as the card, the tray, Lock all and nukictl say
// it: "Not connected to the broker since 18:01 — last seen Unlocked". Empty when it can be.
QString unreachableText(const DeviceRecord &r, SourceKind kind);
// Why its actions wait, for a tooltip: "Held: …". Empty when they do not.
QString heldText(const DeviceRecord &r, SourceKind kind);

// Where a state from the cloud comes from, and how old it is: "via Nuki Web · as of
// 14:03:12" (the time of the read that brought it; with its date when not today).
QString viaText(const DeviceRecord &r);

// A time of today as "18:01", of another day with its date: for "since" and "last seen".
QString shortWhen(const QDateTime &when);

} // namespace nuki
