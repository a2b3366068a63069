#pragma once

#include "history/HistoryTypes.h"
#include "wire/BridgeJson.h"

#include <functional>

namespace nuki {

// What a bridge's own log (/log) tells about the time the app was not running: each lock
// action that went through its HTTP API (another program's, or a script's) becomes a history
// event marked as learned afterwards. Only entries inside a gap are taken (while the app ran,
// it saw the change itself), and each has a uid from the bridge, the time, the device and the
// action, so that reading the same log again adds nothing.
//
// The log's `action` is a word on real bridges ("lock") and a number on some: both are read
// (the bridge reference marks the field as observed, not documented).
QList<HistoryEvent>
foldBridgeLog(const QString &sourceId, const QString &sourceName, const QList<BridgeLogEntry> &log,
              const QList<HistoryGap> &gaps,
              const std::function<std::optional<Device>(quint32 nukiId)> &device);

} // namespace nuki
