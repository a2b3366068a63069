#pragma once

#include "history/HistoryTypes.h"

#include <QByteArray>
#include <QJsonObject>

namespace nuki {

// The history for other programs: CSV (RFC 4180, UTF-8) for a spreadsheet, JSON for scripts.
// The same columns in both; times in ISO 8601 with the local offset. A text a spreadsheet
// would run as a formula (=, +, -, @ first) is quoted with a leading apostrophe.
QByteArray historyCsvHeader();
QByteArray historyCsvRow(const HistoryEvent &event);
QJsonObject historyJson(const HistoryEvent &event);
// A time from a person: "2026-12-01", "2026-12-01 07:30", ISO 8601, "today", "yesterday",
// "7d", "12h" (that long ago). `endOfDay`: a bare date means the end of that day (--until).
QDateTime parseHistoryTime(const QString &text, bool endOfDay, const QDateTime &now);
// True when `text` is a date and a time of day that the local clocks skip (the hour summer time
// begins, "2026-03-29 02:30" in Europe/Berlin): a time, but one that never happened here.
bool isSkippedLocalTime(const QString &text);

} // namespace nuki
