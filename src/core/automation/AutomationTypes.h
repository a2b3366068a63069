#pragma once

#include "home/HomeTypes.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

// Desk automations: what the person switched on, what the desktop said, and what was decided.
// The numbers of Trigger and Decision are stored in the history's `action`/`state` columns of
// automation rows: never renumber.
namespace nuki::automation {

enum class Trigger : int
{
    ScreenLock = 0,
    Sleep = 1,
    Shutdown = 2,
    UnlockedReminder = 3,
    OpenReminder = 4,
    Leaving = 5,
};
constexpr int TriggerCount = 6;
QList<Trigger> allTriggers();
QString triggerName(Trigger trigger); // "screen-lock": nukictl's word and the settings key
std::optional<Trigger> triggerFromName(QStringView name);
QString triggerText(Trigger trigger);   // "When the screen locks"
QString triggerRisk(Trigger trigger);   // the sentence on the risk, shown where it is switched on
QString triggerOrigin(Trigger trigger); // "automation: screen locked", in the history
// The triggers that send a lock; the others only tell the person.
constexpr bool triggerLocks(Trigger t)
{
    return t == Trigger::ScreenLock || t == Trigger::Sleep || t == Trigger::Shutdown;
}
// Seconds: how long the screen stays locked, or the door unlocked or open, before it acts.
int defaultAfterSeconds(Trigger trigger);
bool triggerHasDelay(Trigger trigger);
constexpr int MaxAfterSeconds = 24 * 3600;
int minAfterSeconds(Trigger trigger); // 60 for the reminders, else 0

// Which desktop interface said the screen locked or unlocked.
enum class ScreenSignal : int
{
    LockedHint,             // logind: our session's LockedHint (GNOME, KDE)
    SessionLock,            // logind: the session's Lock/Unlock signals (sway, xss-lock, loginctl)
    FreedesktopScreenSaver, // org.freedesktop.ScreenSaver ActiveChanged (KDE, light-locker)
    GnomeScreenSaver,       // org.gnome.ScreenSaver ActiveChanged (also on a mere blank)
    XfceScreenSaver,
    CinnamonScreenSaver,
};
QString screenSignalText(ScreenSignal signal); // "logind LockedHint"

// One automation switched on: a trigger for a device. A trigger that is off has no rule.
struct Rule
{
    Trigger trigger = Trigger::ScreenLock;
    DeviceKey device;
    int afterSeconds = 0;
    bool fullLock = false; // a Wi-Fi lock's full lock, where the person chose it
    QString deviceName;    // as it was called when switched on: for nukictl, never matched
    bool operator==(const Rule &o) const
    {
        return trigger == o.trigger && device == o.device && afterSeconds == o.afterSeconds &&
               fullLock == o.fullLock;
    }
};

// The rules that take effect, in order: one per trigger and device (the first), never for an
// Opener, an unknown kind or a device id of 0, delays within [0, MaxAfterSeconds] and 0 where
// the trigger has none. The engine runs on these; nukictl shows these.
QList<Rule> effectiveRules(const QList<Rule> &rules);

// What an automation decided at one moment for one device.
enum class Decision : int
{
    Sent = 0,
    DoorOpen = 1,
    AlreadyLocked = 2,
    Moving = 3,      // unlocking, locking or unlatching right now: someone is at the door
    Unreachable = 4, // no source reaches it now, or it is only remembered
    Paused = 5,
    Blocked = 6,      // motor blocked or uncalibrated
    StateUnknown = 7, // no state to judge by
    Busy = 8,         // an action of ours already runs on it
    NotALock = 9,     // an Opener or an unknown kind: automations never act on it
    Cancelled = 10,   // the screen was unlocked within the delay
    Slept = 11,       // the laptop went to sleep within the delay (resume never acts)
    NotStarted = 12,  // the runner refused (e.g. full lock through a bridge)
    Reminded = 13,    // a reminder was shown
    DoorUnknown = 14, // the door sensor cannot say the door is closed (unknown, removed, ...)
    Late = 15,        // before sleep/shutdown: the door was not read before the computer went on
    Withdrawn = 16,   // the automation was switched off while its lock waited for the read
};
QString decisionText(Decision decision); // "skipped: the door is open"

// After a lock was sent: what became of it.
enum class Outcome : int
{
    None = 0,      // nothing was sent
    Running = 1,   // sent, not finished
    Requested = 2, // taken before sleep (no wait), not yet confirmed
    Confirmed = 3, // the device reported locked
    Failed = 4,    // refused, busy, token refused: nothing happened
    Unknown = 5,   // may have reached the lock: check the door
    NotLocked = 6, // after wake the device is not locked
};

// What the automation knows of a device when it decides.
struct DeviceFacts
{
    DeviceKey key;
    QString name;
    int state = -1;
    std::optional<int> door;
    bool reachable = false; // reached now by its acting source, confirmed in this run
    bool busy = false;      // an action runs on it
    QDateTime lastUpdate;   // when its source last told us something fresh
};

// One line of what the automations did: a decision, and its outcome once known.
struct LogEntry
{
    quint64 id = 0;
    QDateTime at; // when decided
    Trigger trigger = Trigger::ScreenLock;
    QString mechanism; // "logind LockedHint", "PrepareForSleep"
    DeviceKey device;
    QString deviceName;
    Decision decision = Decision::Sent;
    Outcome outcome = Outcome::None;
    QString outcomeText; // "confirmed locked at 18:02 after wake"
    bool fullLock = false;
    bool beforeSleep = false;  // sent with no wait: confirmed only once the state is seen
    bool plainInstead = false; // a full lock was chosen; the source reaching it could only lock
};
// "Front door locked at 18:02 when the screen locked", for the summary and the log.
QString logEntryText(const LogEntry &entry);

} // namespace nuki::automation
