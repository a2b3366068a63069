#pragma once

#include "automation/AutomationTypes.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace nuki::automation {

// The automations' decisions, with no D-Bus, no timer and no home: events in (the desktop's
// signals, what is known of each device, the monotonic time in ms), commands, log entries and
// reminders out. A command can only be a lock: it carries a device and whether to full-lock,
// no action number, so nothing here can express unlock, open or lock 'n' go.
//
// The rules it keeps (docs/automations.md): only what the person switched on, per trigger and
// device; nothing while paused; never while the door is open, already locked, moving,
// blocked, unknown or unreachable; one lock per device per episode (a screen-lock episode, a
// sleep, a shutdown), no retry; the screen-lock trigger only after the lock persisted its
// delay, cancelled by an unlock or by sleep; unlock, resume, reconnects and coming home
// never send anything.
class AutomationEngine
{
public:
    struct Command
    {
        DeviceKey device;
        bool fullLock = false;
        bool noWait = false; // before sleep or shutdown: done once the source took it
        Trigger trigger = Trigger::ScreenLock;
        quint64 entry = 0;   // the log entry it belongs to
        quint64 episode = 0; // the screen lock, sleep or shutdown it was decided in
    };
    struct Reminder
    {
        DeviceKey device;
        Trigger trigger = Trigger::UnlockedReminder;
        QString deviceName;
        int minutes = 0;
        // What a lock would be judged now: Lock now is offered only where it says Sent (a door
        // that is open or cannot be said closed, moving, unreachable: no Lock now).
        Decision lock = Decision::StateUnknown;
    };
    struct Output
    {
        QList<Command> commands;
        QList<LogEntry> log;
        QList<Reminder> reminders;
        // The person is back (screen unlocked, resumed): tell them what happened meanwhile.
        QList<LogEntry> summary;
        bool summaryDue = false;
        QList<LogEntry> updated; // entries whose outcome was settled (a state after wake)
    };

    void setRules(const QList<Rule> &rules);
    const QList<Rule> &rules() const { return m_rules; }
    std::optional<Rule> rule(Trigger trigger, const DeviceKey &device) const;
    void setPaused(bool paused) { m_paused = paused; }
    bool paused() const { return m_paused; }
    // Some locking automation is on and not paused.
    bool armed() const;
    bool needsInhibitor(Trigger trigger) const; // Sleep or Shutdown: a rule is on, not paused
    // logind tells us about our session: its LockedHint is the truth, so GNOME's
    // ActiveChanged (which comes on a mere blank) is not taken as a lock.
    void setLockedHintAvailable(bool available) { m_lockedHint = available; }

    Output deviceFacts(const DeviceFacts &facts, qint64 now);
    void forgetDevice(const DeviceKey &key);
    Output screenLocked(ScreenSignal signal, qint64 now, const QDateTime &wall);
    Output screenUnlocked(ScreenSignal signal, qint64 now);
    Output sleep(bool start, qint64 now, const QDateTime &wall);
    Output shutdown(bool start, qint64 now, const QDateTime &wall);
    // The primary network connection moved away from the home's (not a sleep).
    Output leftHome(qint64 now);
    // Time passed: the delays and reminders that are due.
    Output advance(qint64 now, const QDateTime &wall);
    // The next moment advance() has something to do; -1 for none.
    qint64 nextDeadline() const;
    void snooze(const DeviceKey &key, Trigger trigger, qint64 now, int minutes);

    bool screenIsLocked() const { return m_screenLocked; }
    bool asleep() const { return m_asleep; }
    bool shuttingDown() const { return m_shuttingDown; }
    // A sent lock's outcome, from the runner; and a log entry's current line.
    void noteOutcome(quint64 entry, Outcome outcome, const QString &text);
    const LogEntry *entry(quint64 id) const;
    // What would be decided for the device now (the facts as they are): a command is judged
    // again once its source has been read, just before it is sent.
    Decision judge(const DeviceKey &key) const;
    // Whether a decided command may still go out once its read is back: its rule still on, and
    // the episode it was decided in still going (the screen still locked since then, the same
    // sleep or shutdown). Decision::Sent if so, else why not. A lock decided before an unlock,
    // a wake or a switch-off never goes out after it.
    Decision stillWanted(const Command &command) const;
    // A sent decision taken back before the lock went out (the fresh read said no).
    void revise(quint64 entry, Decision decision);
    // The full lock it chose could not go (no broker reaches the lock now): a plain lock went.
    void notePlainLock(quint64 entry);

    // Going further than this a screen-lock episode without a state (logind's Lock, as sway
    // sends it, has no Unlock): a Lock after it starts a new episode.
    static constexpr qint64 MergeMs = 2000;

private:
    struct Pending
    {
        DeviceKey device;
        qint64 at = 0;
    };
    struct Watch // a device's reminders
    {
        qint64 unlockedSince = -1;
        qint64 openSince = -1;
        qint64 unlockedSnoozedUntil = -1;
        qint64 openSnoozedUntil = -1;
        bool unlockedReminded = false;
        bool openReminded = false;
        // The same moments on the wall clock: the monotonic clock stands still during a
        // suspend, so "unlocked for 10 minutes" after an hour's sleep would be untrue.
        QDateTime unlockedAt, openAt;
    };
    void decide(Trigger trigger, const DeviceKey &key, const QString &mechanism, bool noWait,
                const QDateTime &wall, Output &out);
    LogEntry &addEntry(Trigger trigger, const DeviceKey &key, const QString &mechanism,
                       Decision decision, const QDateTime &wall, Output &out);
    void startEpisode(ScreenSignal signal, qint64 now, const QDateTime &wall, Output &out);
    void endEpisode(Output &out);
    void reminders(qint64 now, Output &out); // AutomationWatch.cpp
    qint64 reminderDeadline() const;         // the next reminder due; -1 for none
    QList<DeviceKey> devicesWith(Trigger trigger) const;

    QList<Rule> m_rules;
    bool m_paused = false;
    bool m_lockedHint = false;
    QHash<DeviceKey, DeviceFacts> m_facts;
    QHash<DeviceKey, Watch> m_watch;
    // The screen-lock episode: from the first lock signal to the unlock.
    bool m_screenLocked = false;
    bool m_episodeHasState = false; // a signal with a state (LockedHint, ActiveChanged) saw it
    qint64 m_episodeStart = 0;
    QString m_episodeMechanism;
    QList<Pending> m_pending;
    QSet<DeviceKey> m_actedThisEpisode;
    bool m_asleep = false;
    bool m_shuttingDown = false;
    // Each screen-lock episode, sleep and shutdown gets a number: a command names its own.
    quint64 m_episodes = 0;
    quint64 m_screenEpisode = 0;
    quint64 m_sleepEpisode = 0;
    quint64 m_shutdownEpisode = 0;
    QDateTime m_wokeAt; // the last resume: only what a source says after it confirms
    QSet<DeviceKey> m_actedThisSleep;
    QList<quint64> m_away;     // entries since the person left, for the summary
    QList<LogEntry> m_entries; // the last ones, for outcomes and the summary
    quint64 m_nextEntry = 0;
};

} // namespace nuki::automation
