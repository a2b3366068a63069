#pragma once

#include "history/HistoryTypes.h"
#include "web/WebJson.h"

#include <functional>

namespace nuki {

// What Nuki Web's log tells the history: who locked or unlocked (the name Nuki Web knows: a
// keypad code's, an app user's, "Desk" for our own token), doors opened and closed, an
// Opener's rings; also for the times the app was not running. Each entry becomes an event
// marked as learned afterwards, with the uid "web:<entry id>", so reading it twice adds
// nothing; JournalDb::insert folds one into a row the app recorded itself (the same device,
// what the action leads to, within WebMatchMs) instead of adding a second.
QList<HistoryEvent>
foldWebLog(const QString &sourceId, const QString &sourceName, const QList<web::LogEntry> &log,
           const std::function<std::optional<QString>(const DeviceKey &key)> &deviceName);

// How near in time a cloud entry and the app's own row must be to be one thing (the cloud's
// clock and its upload delay).
constexpr qint64 WebMatchMs = 90 * 1000;

// "Unlocked by Anna with a keypad code", "Locked by Desk through Nuki Web".
QString webLogHow(int deviceType, const web::LogEntry &entry);

} // namespace nuki
