#include "automation/Automations.h"

#include "automation/HomeLockOnly.h"
#include "desk/DeskMechanism.h"
#include "desk/Logind.h"
#include "desk/NetworkWatcher.h"
#include "desk/ScreenSavers.h"

#include <QCoreApplication>
#include <QLocale>

namespace nuki::automation {

namespace {
const QString Sleep = QStringLiteral("sleep");
const QString Shutdown = QStringLiteral("shutdown");
constexpr int SummaryWaitMs = 30000;

bool settled(const LogEntry &e)
{
    return e.outcome != Outcome::Running && e.outcome != Outcome::Requested;
}
bool isFailure(const LogEntry &e)
{
    return e.outcome == Outcome::Failed || e.outcome == Outcome::Unknown ||
           e.outcome == Outcome::NotLocked || e.decision == Decision::Unreachable ||
           e.decision == Decision::Blocked || e.decision == Decision::NotStarted ||
           e.decision == Decision::Late; // wanted, not done: the door is as it was
}
} // namespace

Automations::Automations(HomeLockOnly *host, desk::Logind *logind, desk::ScreenSavers *savers,
                         QObject *parent)
    : QObject(parent), m_host(host), m_logind(logind), m_savers(savers)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this,
            [this] { apply(m_engine.advance(now(), QDateTime::currentDateTime())); });
    m_summaryTimer.setSingleShot(true);
    connect(&m_summaryTimer, &QTimer::timeout, this, [this] { sayWhenBack({}); });
    connect(host, &HomeLockOnly::factsChanged, this, [this](const DeviceFacts &f) {
        m_atHome = m_atHome || m_host->bridgeReachable();
        apply(m_engine.deviceFacts(f, now()));
    });
    connect(host, &HomeLockOnly::deviceGone, this, [this](const DeviceKey &key) {
        m_engine.forgetDevice(key);
        schedule();
    });
    connect(host, &HomeLockOnly::lockFinished, this, &Automations::onLockFinished);
    for (const DeviceKey &key : host->devices())
        m_engine.deviceFacts(host->facts(key), now());
    auto locked = [this](ScreenSignal s) {
        apply(m_engine.screenLocked(s, now(), QDateTime::currentDateTime()));
    };
    auto unlocked = [this](ScreenSignal s) { apply(m_engine.screenUnlocked(s, now())); };
    if (logind) {
        connect(logind, &desk::Logind::screenLocked, this, locked);
        connect(logind, &desk::Logind::screenUnlocked, this, unlocked);
        connect(logind, &desk::Logind::prepareForSleep, this, &Automations::onSleep);
        connect(logind, &desk::Logind::prepareForShutdown, this, &Automations::onShutdown);
        // We run, so the computer is awake: a sleep or shutdown whose end a lost logind never
        // said is over (otherwise every automation would wait for a wake that never comes).
        connect(logind, &desk::Logind::lost, this, [this] {
            if (m_engine.asleep())
                onSleep(false);
            if (m_engine.shuttingDown())
                onShutdown(false);
        });
        connect(logind, &desk::Logind::changed, this,
                [this] { m_engine.setLockedHintAvailable(!m_logind->sessionPath().isEmpty()); });
    }
    if (savers) {
        connect(savers, &desk::ScreenSavers::screenLocked, this, locked);
        connect(savers, &desk::ScreenSavers::screenUnlocked, this, unlocked);
    }
}

void Automations::setRules(const QList<Rule> &rules)
{
    if (rules == m_engine.rules())
        return;
    m_engine.setRules(rules);
    syncInhibitors();
    schedule();
}

void Automations::setPaused(bool paused)
{
    if (paused == m_engine.paused())
        return;
    m_engine.setPaused(paused);
    syncInhibitors();
    schedule();
}

void Automations::syncInhibitors()
{
    if (m_logind) {
        m_logind->setWanted(Sleep, m_engine.needsInhibitor(Trigger::Sleep));
        m_logind->setWanted(Shutdown, m_engine.needsInhibitor(Trigger::Shutdown));
    }
    if (m_engine.armed() != m_armed) {
        m_armed = m_engine.armed();
        emit armedChanged(m_armed);
    }
}

void Automations::schedule()
{
    const qint64 next = m_engine.nextDeadline();
    if (next < 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::clamp<qint64>(next - now(), 0, 24 * 3600 * 1000)));
}

void Automations::apply(const AutomationEngine::Output &out)
{
    for (const LogEntry &e : out.log) {
        emit decided(e);
        if (isFailure(e))
            emit failed(e);
    }
    QList<AutomationEngine::Command> toSend;
    for (const AutomationEngine::Command &c : out.commands) {
        // A command of an episode that is over (an unlock and a lock again, a wake and a sleep
        // again while its read was out) gives way to the new one: it is said as taken back
        // now, and its read sends nothing when it comes.
        if (const auto old = m_running.constFind(c.device); old != m_running.cend())
            if (const auto w = m_waiting.constFind(*old); w != m_waiting.cend())
                if (const Decision why = m_engine.stillWanted(*w); why != Decision::Sent)
                    takeBack(*w, why);
        if (m_running.contains(c.device)) {
            // One of ours is already on its way to it (sent a moment ago, or waiting for
            // its read): one action per device.
            m_engine.revise(c.entry, Decision::Busy);
            if (const LogEntry *e = m_engine.entry(c.entry))
                emit decided(*e);
            continue;
        }
        // Known before the lock starts: a source may finish it at once.
        m_running.insert(c.device, c.entry);
        m_waiting.insert(c.entry, c);
        if (const QString what = holdFor(c.trigger); !what.isEmpty())
            m_holding[what].insert(c.entry);
        toSend << c;
    }
    // Decided on the last read, sent only after a fresh one: a door opened since the last
    // poll must not be locked (it would jam).
    if (!toSend.isEmpty())
        m_host->readThen(this, [this, toSend] {
            for (const AutomationEngine::Command &c : toSend)
                send(c);
        });
    for (const LogEntry &e : out.updated) {
        emit updated(e);
        if (isFailure(e))
            emit failed(e);
    }
    for (const AutomationEngine::Reminder &r : out.reminders)
        emit reminder(r);
    if (out.summaryDue)
        sayWhenBack(out.summary);
    if (!out.updated.isEmpty() && !m_summaryWaiting.isEmpty())
        sayWhenBack({});
    schedule();
}

QString Automations::holdFor(Trigger trigger)
{
    return trigger == Trigger::Sleep ? Sleep : trigger == Trigger::Shutdown ? Shutdown : QString();
}

void Automations::takeBack(const AutomationEngine::Command &c, Decision why)
{
    m_waiting.remove(c.entry);
    m_running.remove(c.device);
    m_engine.revise(c.entry, why);
    if (const LogEntry *e = m_engine.entry(c.entry)) {
        emit decided(*e);
        if (isFailure(*e))
            emit failed(*e);
    }
    if (!m_summaryWaiting.isEmpty())
        sayWhenBack({}); // a summary waiting for this entry's outcome has it now
    letGo(c.entry);
}

void Automations::letGo(quint64 entry)
{
    // A sleep or shutdown that waited for this entry (its own lock, or a screen lock's caught
    // by it) need not wait for it any more.
    for (const QString &what : {Sleep, Shutdown})
        if (m_holding[what].remove(entry) && m_holding[what].isEmpty())
            releaseWhenDone(what);
}

void Automations::send(const AutomationEngine::Command &c)
{
    m_waiting.remove(c.entry);
    if (m_running.value(c.device) != c.entry)
        return; // the device went meanwhile, or a newer episode's command took its place
    // Still wanted (its rule on, its episode going: no unlock, wake or switch-off since), and
    // before sleep or shutdown still in time: once the budget ran out the computer may be
    // asleep, and this read may only come back after the wake — a lock then would be a
    // surprise (no retry after resume). Then judged on the fresh read.
    Decision now = m_engine.stillWanted(c);
    // Any lock a sleep or shutdown waited for in vain (its own, or a screen lock's caught by
    // it): the computer went on without it, and a lock after the wake would be the resume's.
    if (m_overtaken.remove(c.entry) && now == Decision::Sent)
        now = Decision::Late;
    if (now == Decision::Sent)
        now = m_engine.judge(c.device);
    if (now == Decision::Sent) {
        const QString origin = triggerOrigin(c.trigger);
        if (m_host->lock(c.device,
                         c.fullLock ? LockOnly::Strength::FullLock : LockOnly::Strength::Lock,
                         c.noWait, origin))
            return;
        // A Wi-Fi lock's full lock goes only through its broker; reached now only through a
        // bridge (the broker is away), a plain lock rather than none. A refused start sent
        // nothing, so this is no repeat.
        if (c.fullLock && m_host->lock(c.device, LockOnly::Strength::Lock, c.noWait, origin)) {
            m_engine.notePlainLock(c.entry);
            if (const LogEntry *e = m_engine.entry(c.entry))
                emit updated(*e);
            return;
        }
    }
    if (now != Decision::Sent) {
        takeBack(c, now); // the episode or the fresh read said no: said, not sent
        return;
    }
    m_running.remove(c.device);
    m_engine.noteOutcome(c.entry, Outcome::Failed, decisionText(Decision::NotStarted));
    if (const LogEntry *e = m_engine.entry(c.entry)) {
        emit updated(*e);
        emit failed(*e);
    }
    letGo(c.entry);
}

void Automations::onLockFinished(const DeviceKey &key, const ActionStatus &status)
{
    const auto it = m_running.constFind(key);
    if (it == m_running.cend())
        return;
    const quint64 id = *it;
    m_running.erase(it);
    const LogEntry *e = m_engine.entry(id);
    const bool beforeSleep = e && e->beforeSleep;
    const QString time = QLocale().toString(QTime::currentTime(), QLocale::ShortFormat);
    switch (status.phase) {
    case ActionStatus::Succeeded:
        if (beforeSleep)
            m_engine.noteOutcome(id, Outcome::Requested,
                                 tr("requested before sleep, not yet confirmed"));
        else
            m_engine.noteOutcome(
                id, Outcome::Confirmed,
                QCoreApplication::translate("nuki::automation", "confirmed locked at %1")
                    .arg(time));
        break;
    case ActionStatus::Unknown:
        m_engine.noteOutcome(id, Outcome::Unknown,
                             tr("may have reached the lock — check the door"));
        break;
    default:
        m_engine.noteOutcome(id, Outcome::Failed,
                             QCoreApplication::translate("nuki::automation", "failed: %1")
                                 .arg(status.error.message()));
        break;
    }
    if ((e = m_engine.entry(id))) {
        emit updated(*e);
        if (isFailure(*e))
            emit failed(*e);
    }
    letGo(id);
    if (!m_summaryWaiting.isEmpty())
        sayWhenBack({});
}

void Automations::releaseWhenDone(const QString &what)
{
    if (QTimer *t = m_budget.take(what))
        t->deleteLater();
    m_holding[what].clear();
    if (m_logind)
        m_logind->release(what);
}

qint64 Automations::sleepBudgetMs() const
{
    const qint64 max = m_logind ? m_logind->inhibitDelayMaxMs() : 5000;
    return max - std::min<qint64>(1000, max / 4);
}

void Automations::onSleep(bool start)
{
    onPrepare(Sleep, start);
    if (!start)
        m_host->refresh(); // what happened meanwhile, and whether the lock before sleep held
}

void Automations::onShutdown(bool start)
{
    onPrepare(Shutdown, start);
}

void Automations::onPrepare(const QString &what, bool start)
{
    const QDateTime wall = QDateTime::currentDateTime();
    auto engineSays = [&](bool begins) {
        return what == Sleep ? m_engine.sleep(begins, now(), wall)
                             : m_engine.shutdown(begins, now(), wall);
    };
    // A repeated signal changes nothing (a second budget timer would outlive the wake and
    // release the inhibitor taken again after it).
    if (start == (what == Sleep ? m_engine.asleep() : m_engine.shuttingDown()))
        return;
    if (!start) { // resumed, or the shutdown was cancelled
        // Whatever was decided before and still waits for its read never goes: an action
        // after the wake would be the resume's. (Without an inhibitor of ours logind did not
        // wait at all, so no budget says it.)
        for (auto it = m_waiting.cbegin(); it != m_waiting.cend(); ++it)
            m_overtaken.insert(it.key());
        if (QTimer *t = m_budget.take(what))
            t->deleteLater();
        m_holding[what].clear();
        apply(engineSays(false));
        return;
    }
    apply(engineSays(true));
    // A lock still on its way (a screen lock's, a moment ago) is waited for as well: the
    // network must not go down under it.
    for (auto it = m_running.cbegin(); it != m_running.cend(); ++it)
        m_holding[what].insert(it.value());
    if (m_holding[what].isEmpty()) {
        releaseWhenDone(what); // nothing sent (or all taken already): it may go on
        return;
    }
    if (QTimer *old = m_budget.take(what))
        old->deleteLater();
    auto *t = new QTimer(this);
    t->setSingleShot(true);
    connect(t, &QTimer::timeout, this, [this, what] {
        // The budget is spent: what it waited for and has not gone out yet never will.
        for (quint64 entry : std::as_const(m_holding[what]))
            if (m_waiting.contains(entry))
                m_overtaken.insert(entry);
        releaseWhenDone(what);
    });
    m_budget.insert(what, t);
    t->start(int(sleepBudgetMs()));
}

void Automations::sayWhenBack(const QList<LogEntry> &entries)
{
    for (const LogEntry &e : entries)
        m_summaryWaiting.append(e);
    if (m_summaryWaiting.isEmpty())
        return;
    QList<LogEntry> now;
    bool waiting = false;
    for (const LogEntry &e : std::as_const(m_summaryWaiting)) {
        const LogEntry *current = m_engine.entry(e.id);
        const LogEntry &latest = current ? *current : e;
        // A lock taken back before it went out because the person came back or switched it
        // off is nothing to tell them about.
        if (latest.decision == Decision::Cancelled || latest.decision == Decision::Withdrawn)
            continue;
        now.append(latest);
        waiting = waiting || !settled(latest);
    }
    // Wait for the outcomes (a state after the wake), but not for ever.
    if (waiting && (m_summaryTimer.isActive() || !entries.isEmpty())) {
        if (!m_summaryTimer.isActive())
            m_summaryTimer.start(SummaryWaitMs);
        return;
    }
    m_summaryTimer.stop();
    m_summaryWaiting.clear();
    if (!now.isEmpty())
        emit summary(now);
}

void Automations::snooze(const DeviceKey &key, Trigger trigger, int minutes)
{
    m_engine.snooze(key, trigger, now(), minutes);
    schedule();
}

void Automations::setNetwork(desk::NetworkWatcher *network)
{
    m_network = network;
    m_primaryUuid = network->primaryUuid();
    m_atHome = m_atHome || m_host->bridgeReachable();
    connect(network, &desk::NetworkWatcher::primaryChanged, this,
            [this](const QString &uuid) { onPrimaryConnection(uuid); });
}

void Automations::onPrimaryConnection(const QString &uuid)
{
    // No connection at all (out of range, a hiccup) is not yet somewhere else; the next
    // connection says where the laptop is.
    if (uuid.isEmpty() || uuid == m_primaryUuid)
        return;
    m_primaryUuid = uuid;
    const QList<Rule> &rules = m_engine.rules();
    if (!m_atHome || std::none_of(rules.cbegin(), rules.cend(),
                                  [](const Rule &r) { return r.trigger == Trigger::Leaving; }))
        return;
    // Whether the home is still reached through the new connection: ask the bridges.
    m_host->askBridges(this, [this](bool answered) {
        if (answered || !m_atHome)
            return;
        m_atHome = false;
        leftHome();
    });
}

void Automations::leftHome()
{
    apply(m_engine.leftHome(now()));
}

QString Automations::mechanismText() const
{
    return desk::mechanismText(m_logind, m_savers);
}

} // namespace nuki::automation
