#include "automation/AutomationEngine.h"

#include "automation/DeviceStates.h"

#include "protocol/Protocol.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>

namespace nuki::automation {

namespace {
constexpr int MaxEntries = 200;
} // namespace

void AutomationEngine::setRules(const QList<Rule> &rules)
{
    m_rules = effectiveRules(rules);
    // A screen-lock delay for a device whose rule went waits no more; one whose delay changed
    // counts from the same lock of the screen.
    m_pending.erase(
        std::remove_if(m_pending.begin(), m_pending.end(),
                       [this](const Pending &p) { return !rule(Trigger::ScreenLock, p.device); }),
        m_pending.end());
    for (Pending &p : m_pending)
        p.at = m_episodeStart + qint64(rule(Trigger::ScreenLock, p.device)->afterSeconds) * 1000;
}

std::optional<Rule> AutomationEngine::rule(Trigger trigger, const DeviceKey &device) const
{
    for (const Rule &r : m_rules)
        if (r.trigger == trigger && r.device == device)
            return r;
    return std::nullopt;
}

bool AutomationEngine::armed() const
{
    if (m_paused)
        return false;
    return std::any_of(m_rules.begin(), m_rules.end(),
                       [](const Rule &r) { return triggerLocks(r.trigger); });
}

bool AutomationEngine::needsInhibitor(Trigger trigger) const
{
    return !m_paused && !devicesWith(trigger).isEmpty();
}

QList<DeviceKey> AutomationEngine::devicesWith(Trigger trigger) const
{
    QList<DeviceKey> keys;
    for (const Rule &r : m_rules)
        if (r.trigger == trigger)
            keys.append(r.device);
    return keys;
}

Decision AutomationEngine::judge(const DeviceKey &key) const
{
    if (!isSmartLock(key.deviceType))
        return Decision::NotALock;
    const auto it = m_facts.constFind(key);
    if (it == m_facts.cend() || !it->reachable)
        return Decision::Unreachable;
    const DeviceFacts &f = *it;
    if (f.busy)
        return Decision::Busy;
    if (f.door == int(DoorSensor::Opened))
        return Decision::DoorOpen; // locking an open door jams the bolt
    if (doorMayBeOpen(f.door))
        return Decision::DoorUnknown; // a sensor that cannot say may hide an open door
    switch (f.state) {
    case int(LockState::Locked):
        return Decision::AlreadyLocked;
    case int(LockState::Unlocking):
    case int(LockState::Locking):
    case int(LockState::Unlatching):
        return Decision::Moving;
    case int(LockState::Uncalibrated):
    case int(LockState::MotorBlocked):
        return Decision::Blocked;
    default:
        break;
    }
    return isUnlockedState(f.state) ? Decision::Sent : Decision::StateUnknown;
}

Decision AutomationEngine::stillWanted(const Command &c) const
{
    if (m_paused)
        return Decision::Paused;
    if (!rule(c.trigger, c.device))
        return Decision::Withdrawn;
    switch (c.trigger) {
    case Trigger::ScreenLock:
        return m_screenLocked && m_screenEpisode == c.episode ? Decision::Sent
                                                              : Decision::Cancelled;
    case Trigger::Sleep:
        return m_asleep && m_sleepEpisode == c.episode ? Decision::Sent : Decision::Late;
    case Trigger::Shutdown:
        return m_shuttingDown && m_shutdownEpisode == c.episode ? Decision::Sent : Decision::Late;
    default:
        return Decision::Withdrawn; // reminders and leaving never send
    }
}

LogEntry &AutomationEngine::addEntry(Trigger trigger, const DeviceKey &key,
                                     const QString &mechanism, Decision decision,
                                     const QDateTime &wall, Output &out)
{
    LogEntry e;
    e.id = ++m_nextEntry;
    e.at = wall;
    e.trigger = trigger;
    e.mechanism = mechanism;
    e.device = key;
    e.deviceName = m_facts.value(key).name;
    if (e.deviceName.isEmpty())
        e.deviceName = key.toString();
    e.decision = decision;
    if (m_screenLocked || m_asleep || m_shuttingDown)
        m_away.append(e.id);
    m_entries.append(e);
    while (m_entries.size() > MaxEntries)
        m_entries.removeFirst();
    Q_UNUSED(out)
    return m_entries.last();
}

void AutomationEngine::decide(Trigger trigger, const DeviceKey &key, const QString &mechanism,
                              bool noWait, const QDateTime &wall, Output &out)
{
    const Decision d = m_paused ? Decision::Paused : judge(key);
    LogEntry &e = addEntry(trigger, key, mechanism, d, wall, out);
    if (d == Decision::Sent) {
        const std::optional<Rule> r = rule(trigger, key);
        e.outcome = Outcome::Running;
        e.beforeSleep = noWait;
        e.fullLock = r && r->fullLock;
        const quint64 episode = trigger == Trigger::Sleep      ? m_sleepEpisode
                                : trigger == Trigger::Shutdown ? m_shutdownEpisode
                                                               : m_screenEpisode;
        out.commands.append({key, e.fullLock, noWait, trigger, e.id, episode});
    }
    out.log.append(e);
}

void AutomationEngine::startEpisode(ScreenSignal signal, qint64 now, const QDateTime &wall,
                                    Output &out)
{
    Q_UNUSED(wall)
    Q_UNUSED(out)
    if (!m_asleep && !m_shuttingDown)
        m_away.clear(); // the person leaves the desk now
    m_screenLocked = true;
    m_screenEpisode = ++m_episodes;
    m_episodeHasState = signal != ScreenSignal::SessionLock;
    m_episodeStart = now;
    m_episodeMechanism = screenSignalText(signal);
    m_actedThisEpisode.clear();
    m_pending.clear();
    if (m_asleep || m_shuttingDown)
        return; // the locker locks on the way to sleep: the sleep automation's moment, not ours
    for (const Rule &r : m_rules)
        if (r.trigger == Trigger::ScreenLock)
            m_pending.append({r.device, now + qint64(r.afterSeconds) * 1000});
}

void AutomationEngine::endEpisode(Output &out)
{
    Q_UNUSED(out)
    m_screenLocked = false;
    m_pending.clear();
}

AutomationEngine::Output AutomationEngine::screenLocked(ScreenSignal signal, qint64 now,
                                                        const QDateTime &wall)
{
    Output out;
    if (signal == ScreenSignal::GnomeScreenSaver && m_lockedHint)
        return out; // GNOME's shield is up on a mere blank: its LockedHint says a lock
    const bool hasState = signal != ScreenSignal::SessionLock;
    if (!m_screenLocked) {
        startEpisode(signal, now, wall, out);
    } else if (!m_episodeHasState && now - m_episodeStart > MergeMs) {
        // An episode begun by logind's Lock alone (sway sends no Unlock), and a lock again
        // later, by any interface: the screen was unlocked unseen; this is a new episode.
        endEpisode(out);
        startEpisode(signal, now, wall, out);
    } else if (hasState) {
        m_episodeHasState = true; // the same episode, said by another interface
    }
    return out;
}

AutomationEngine::Output AutomationEngine::screenUnlocked(ScreenSignal signal, qint64 now)
{
    Q_UNUSED(now)
    Output out;
    if (!m_screenLocked)
        return out;
    if (signal == ScreenSignal::GnomeScreenSaver && m_lockedHint)
        return out; // as its lock, so its unlock: where logind has our session, LockedHint says
    const QDateTime wall = QDateTime::currentDateTime();
    for (const Pending &p : std::as_const(m_pending)) {
        LogEntry &e = addEntry(Trigger::ScreenLock, p.device, m_episodeMechanism,
                               Decision::Cancelled, wall, out);
        out.log.append(e);
    }
    endEpisode(out);
    if (!m_asleep && !m_shuttingDown) {
        for (quint64 id : std::as_const(m_away))
            if (const LogEntry *e = entry(id); e && e->decision != Decision::Cancelled)
                out.summary.append(*e);
        out.summaryDue = !out.summary.isEmpty();
        m_away.clear();
    }
    return out;
}

AutomationEngine::Output AutomationEngine::sleep(bool start, qint64 now, const QDateTime &wall)
{
    Q_UNUSED(now)
    Output out;
    if (start == m_asleep)
        return out; // a repeated signal
    if (!start) {
        // Resume: never an action; re-arm, read, and tell the person once they are back.
        m_asleep = false;
        m_wokeAt = wall;
        if (!m_screenLocked && !m_shuttingDown) {
            for (quint64 id : std::as_const(m_away))
                if (const LogEntry *e = entry(id))
                    out.summary.append(*e);
            out.summaryDue = !out.summary.isEmpty();
            m_away.clear();
        }
        return out;
    }
    if (!m_screenLocked && !m_shuttingDown)
        m_away.clear();
    m_asleep = true;
    m_sleepEpisode = ++m_episodes;
    m_actedThisSleep.clear();
    const QList<DeviceKey> sleeping = devicesWith(Trigger::Sleep);
    for (const Pending &p : std::as_const(m_pending)) {
        if (sleeping.contains(p.device))
            continue; // the sleep automation decides for it now
        LogEntry &e =
            addEntry(Trigger::ScreenLock, p.device, m_episodeMechanism, Decision::Slept, wall, out);
        out.log.append(e);
    }
    m_pending.clear();
    for (const DeviceKey &key : sleeping) {
        if (m_actedThisSleep.contains(key))
            continue;
        m_actedThisSleep.insert(key);
        decide(Trigger::Sleep, key, QStringLiteral("PrepareForSleep"), true, wall, out);
    }
    return out;
}

AutomationEngine::Output AutomationEngine::shutdown(bool start, qint64 now, const QDateTime &wall)
{
    Q_UNUSED(now)
    Output out;
    if (start == m_shuttingDown)
        return out;
    m_shuttingDown = start;
    if (!start)
        return out; // the shutdown was cancelled: re-arm, nothing else
    m_shutdownEpisode = ++m_episodes;
    if (!m_screenLocked && !m_asleep)
        m_away.clear();
    m_pending.clear();
    QSet<DeviceKey> acted;
    for (const DeviceKey &key : devicesWith(Trigger::Shutdown)) {
        if (acted.contains(key))
            continue;
        acted.insert(key);
        decide(Trigger::Shutdown, key, QStringLiteral("PrepareForShutdown"), true, wall, out);
    }
    return out;
}

AutomationEngine::Output AutomationEngine::advance(qint64 now, const QDateTime &wall)
{
    Output out;
    QList<Pending> due;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->at <= now) {
            due.append(*it);
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    for (const Pending &p : std::as_const(due)) {
        if (m_actedThisEpisode.contains(p.device))
            continue;
        m_actedThisEpisode.insert(p.device);
        decide(Trigger::ScreenLock, p.device, m_episodeMechanism, false, wall, out);
    }
    reminders(now, out);
    return out;
}

qint64 AutomationEngine::nextDeadline() const
{
    qint64 next = -1;
    auto take = [&next](qint64 t) { next = next < 0 ? t : std::min(next, t); };
    for (const Pending &p : m_pending)
        take(p.at);
    if (const qint64 reminder = reminderDeadline(); reminder >= 0)
        take(reminder);
    return next;
}

void AutomationEngine::noteOutcome(quint64 id, Outcome outcome, const QString &text)
{
    for (LogEntry &e : m_entries) {
        if (e.id != id)
            continue;
        if (e.outcome == Outcome::Confirmed || e.outcome == Outcome::NotLocked)
            return; // already settled by a state after wake
        e.outcome = outcome;
        e.outcomeText = text;
        return;
    }
}

void AutomationEngine::revise(quint64 id, Decision decision)
{
    for (LogEntry &e : m_entries)
        if (e.id == id) {
            e.decision = decision;
            e.outcome = Outcome::None;
            e.outcomeText.clear();
            e.beforeSleep = false;
        }
}

void AutomationEngine::notePlainLock(quint64 id)
{
    for (LogEntry &e : m_entries)
        if (e.id == id) {
            e.fullLock = false;
            e.plainInstead = true;
        }
}

const LogEntry *AutomationEngine::entry(quint64 id) const
{
    for (const LogEntry &e : m_entries)
        if (e.id == id)
            return &e;
    return nullptr;
}

} // namespace nuki::automation
