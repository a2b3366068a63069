#pragma once

#include "home/HomeTypes.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace nuki {

// What the journal keeps. The numbers are stored in the database: never renumber.
enum class HistoryKind : int
{
    Action = 1,       // one of ours, from intent to outcome
    StateChanged = 2, // someone or something else moved the device (who/how if known)
    DoorOpened = 3,
    DoorClosed = 4, // with how long it stood open
    Ring = 5,
    Battery = 6, // a sample when the level or the critical flag changes
    SourceOffline = 7,
    SourceOnline = 8,
    LockEvent = 9,      // who or what acted, with no state change to attach it to
    HistoryPaused = 10, // the file could not be written from `at` to `endedAt` (`detail`: why)
    // A desk automation's decision that sent nothing (door open, already locked, paused...),
    // a reminder, or a lock's outcome settled after a wake. `how` is the trigger, `detail` the
    // decision in words, `action` the Trigger and `state` the Decision (automation/).
    Automation = 11,
};
constexpr int HistoryKindCount = 11;
QString historyKindName(HistoryKind kind); // "door", for --kind and the CSV
std::optional<HistoryKind> historyKindFromName(const QString &name);
QString historyKindLabel(HistoryKind kind); // "Door opened and closed", for filters

// How an action of ours ended (stored; never renumber).
enum class HistoryOutcome : int
{
    Running = 0, // not finished yet, or the app stopped before it was
    Done = 1,
    Failed = 2,
    Unknown = 3,
};

struct HistoryEvent
{
    qint64 id = 0; // the row, once stored
    QDateTime at;  // when it happened (an action: when it was asked for)
    HistoryKind kind = HistoryKind::StateChanged;
    DeviceKey key; // none (nukiId 0) for a source's events
    QString deviceName;
    QString sourceId;
    QString sourceName;
    int state = -1; // lock state; door sensor state; battery percent
    int action = 0; // ours, or the lock's own report
    ActionOrigin origin = ActionOrigin::Window;
    HistoryOutcome outcome = HistoryOutcome::Running;
    QDateTime endedAt;         // an action's outcome; a door's closing
    qint64 durationMs = -1;    // how long a door stood open
    QString how;               // who and how, in words: 'with keypad code "Anna"'
    QString detail;            // an error in words; "critical", "charging"
    bool learnedLater = false; // from a source's own log, after the fact
    // Keeps one row per thing: an action's start and outcome, a bridge log entry read twice.
    QString uid;
};

// A time the app was not running: nothing was recorded in between.
struct HistoryGap
{
    QDateTime from;
    QDateTime until;
};

struct HistoryFilter
{
    std::optional<DeviceKey> device;
    QList<HistoryKind> kinds; // empty: all
    QDateTime since;          // invalid: open
    QDateTime until;          // invalid: open
    QString text;             // matches device name, who/how, detail
};

} // namespace nuki

Q_DECLARE_METATYPE(nuki::HistoryEvent)
