#include "automation/AutomationEngine.h"

#include "automation/DeviceStates.h"
#include "platform/Clock.h"
#include "protocol/Protocol.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>

// The engine's watch on each device: what is known of it (its facts, and how long it has been
// unlocked or open), the reminders that follow, leaving home, and the outcome of a lock
// requested before sleep once the device is heard after the wake. The screen, sleep and
// shutdown episodes are in AutomationEngine.cpp.
namespace nuki::automation {

AutomationEngine::Output AutomationEngine::deviceFacts(const DeviceFacts &f, qint64 now)
{
    Output out;
    m_facts.insert(f.key, f);
    if (f.reachable) {
        Watch &w = m_watch[f.key];
        const bool open = f.door == int(DoorSensor::Opened);
        // The unlocked reminder counts from when the door was last closed and unlocked.
        const bool unlocked = isUnlockedState(f.state) && !open;
        if (!unlocked) {
            w.unlockedSince = -1;
            w.unlockedReminded = false;
            w.unlockedSnoozedUntil = -1;
        } else if (w.unlockedSince < 0) {
            w.unlockedSince = now;
            w.unlockedAt = clock::now();
        }
        if (!open) {
            w.openSince = -1;
            w.openReminded = false;
            w.openSnoozedUntil = -1;
        } else if (w.openSince < 0) {
            w.openSince = now;
            w.openAt = clock::now();
        }
    }
    // A lock requested before sleep is confirmed only by what the source says after the wake.
    if (f.reachable && !f.busy && !m_asleep && m_wokeAt.isValid() && f.lastUpdate > m_wokeAt) {
        for (LogEntry &e : m_entries) {
            if (e.device != f.key || !e.beforeSleep ||
                (e.outcome != Outcome::Requested && e.outcome != Outcome::Running))
                continue;
            if (isTransitional(f.key.deviceType, f.state))
                continue;
            const QString time =
                QLocale().toString(f.lastUpdate.toLocalTime().time(), QLocale::ShortFormat);
            if (f.state == int(LockState::Locked)) {
                e.outcome = Outcome::Confirmed;
                e.outcomeText =
                    QCoreApplication::translate("nuki::automation",
                                                "requested before sleep — confirmed locked at "
                                                "%1 after wake")
                        .arg(time);
            } else {
                e.outcome = Outcome::NotLocked;
                e.outcomeText = QCoreApplication::translate(
                                    "nuki::automation",
                                    "requested before sleep — not locked after wake: %1 at %2")
                                    .arg(stateText(f.key.deviceType, f.state), time);
            }
            out.updated.append(e);
        }
    }
    return out;
}

void AutomationEngine::forgetDevice(const DeviceKey &key)
{
    m_facts.remove(key);
    m_watch.remove(key);
}

void AutomationEngine::reminders(qint64 now, Output &out)
{
    if (m_paused || m_asleep || m_shuttingDown)
        return;
    const QDateTime wall = QDateTime::currentDateTime();
    for (const Rule &r : m_rules) {
        if (r.trigger != Trigger::UnlockedReminder && r.trigger != Trigger::OpenReminder)
            continue;
        Watch &w = m_watch[r.device];
        const bool unlocked = r.trigger == Trigger::UnlockedReminder;
        const qint64 since = unlocked ? w.unlockedSince : w.openSince;
        bool &reminded = unlocked ? w.unlockedReminded : w.openReminded;
        const qint64 snoozed = unlocked ? w.unlockedSnoozedUntil : w.openSnoozedUntil;
        // Not while no source reaches it: its last state may be untrue by now, and a Lock now
        // could not work. Said once it is heard again, with the time it has really been.
        if (since < 0 || reminded || !m_facts.value(r.device).reachable)
            continue;
        const qint64 due = std::max(since + qint64(r.afterSeconds) * 1000, snoozed);
        if (now < due)
            continue;
        reminded = true;
        LogEntry &e = addEntry(r.trigger, r.device,
                               QCoreApplication::translate("nuki::automation", "reminder"),
                               Decision::Reminded, wall, out);
        out.log.append(e);
        // The longer of the two clocks: the wall clock also counts a suspend.
        const QDateTime &at = unlocked ? w.unlockedAt : w.openAt;
        const qint64 elapsedMs = std::max(now - since, at.isValid() ? at.msecsTo(clock::now()) : 0);
        out.reminders.append({r.device, r.trigger, e.deviceName,
                              int(std::max<qint64>(1, (elapsedMs + 30000) / 60000)),
                              judge(r.device)});
    }
}

qint64 AutomationEngine::reminderDeadline() const
{
    if (m_paused || m_asleep || m_shuttingDown)
        return -1;
    qint64 next = -1;
    for (const Rule &r : m_rules) {
        if (r.trigger != Trigger::UnlockedReminder && r.trigger != Trigger::OpenReminder)
            continue;
        const Watch w = m_watch.value(r.device);
        const bool unlocked = r.trigger == Trigger::UnlockedReminder;
        const qint64 since = unlocked ? w.unlockedSince : w.openSince;
        if (since < 0 || (unlocked ? w.unlockedReminded : w.openReminded) ||
            !m_facts.value(r.device).reachable)
            continue; // an unreachable device's reminder waits for it to be heard again
        const qint64 due = std::max(since + qint64(r.afterSeconds) * 1000,
                                    unlocked ? w.unlockedSnoozedUntil : w.openSnoozedUntil);
        next = next < 0 ? due : std::min(next, due);
    }
    return next;
}

void AutomationEngine::snooze(const DeviceKey &key, Trigger trigger, qint64 now, int minutes)
{
    Watch &w = m_watch[key];
    const qint64 until = now + qint64(std::clamp(minutes, 1, 24 * 60)) * 60000;
    // Only the reminder now shown is snoozed: a Snooze clicked on an old notification (the door
    // was locked and unlocked again since) does not put off the new unlock's reminder.
    if (trigger == Trigger::UnlockedReminder && w.unlockedSince >= 0 && w.unlockedReminded) {
        w.unlockedReminded = false;
        w.unlockedSnoozedUntil = until;
    } else if (trigger == Trigger::OpenReminder && w.openSince >= 0 && w.openReminded) {
        w.openReminded = false;
        w.openSnoozedUntil = until;
    }
}

AutomationEngine::Output AutomationEngine::leftHome(qint64 now)
{
    Q_UNUSED(now)
    Output out;
    if (m_asleep || m_paused)
        return out; // a suspend takes the network down: that is not leaving
    const QDateTime wall = QDateTime::currentDateTime();
    for (const DeviceKey &key : devicesWith(Trigger::Leaving)) {
        const DeviceFacts f = m_facts.value(key);
        if (!isUnlockedState(f.state))
            continue; // last seen locked, or not known: nothing to say
        LogEntry &e = addEntry(Trigger::Leaving, key, QStringLiteral("NetworkManager"),
                               Decision::Reminded, wall, out);
        out.log.append(e);
        out.reminders.append({key, Trigger::Leaving, e.deviceName, 0, judge(key)});
    }
    return out;
}

} // namespace nuki::automation
