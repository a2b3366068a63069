#pragma once

#include "history/HistoryTypes.h"

namespace nuki {

// A history event in words, the same in the window, the CSV and nukictl:
// "Front door: Unlocked with keypad code “Anna”", "Locked from the tray — done in 3 s".
QString historyEventText(const HistoryEvent &event);
QString historyOriginText(ActionOrigin origin);     // "from the window"
QString historyOriginName(ActionOrigin origin);     // "window", for JSON and CSV
QString historyOutcomeName(HistoryOutcome outcome); // "done", for JSON and CSV
QString durationText(qint64 ms);                    // "35 s", "4 min", "2 h 5 min"

} // namespace nuki
