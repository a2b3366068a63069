#include "AppAutomations.h"

#include "AppController.h"
#include "automation/DeviceStates.h"
#include "history/HistoryTypes.h"
#include "protocol/PlainText.h"

#include <QDBusConnection>
#include <QFileInfo>
#include <QUuid>

using namespace nuki;
using namespace nuki::automation;

AppAutomations::AppAutomations(AppController *app)
    : QObject(app), m_app(app), m_run(QUuid::createUuid().toString(QUuid::WithoutBraces).left(8))
{
    m_host = std::make_unique<HomeLockOnly>(app->home());
    m_logind = std::make_unique<desk::Logind>(QDBusConnection::systemBus());
    m_savers = std::make_unique<desk::ScreenSavers>(QDBusConnection::sessionBus());
    m_network = std::make_unique<desk::NetworkWatcher>(QDBusConnection::systemBus());
    m_automations = std::make_unique<Automations>(m_host.get(), m_logind.get(), m_savers.get());
    m_automations->setNetwork(m_network.get());
    connect(m_automations.get(), &Automations::decided, this,
            [this](const LogEntry &e) { record(e, false); });
    connect(m_automations.get(), &Automations::updated, this,
            [this](const LogEntry &e) { record(e, true); });
    connect(m_automations.get(), &Automations::reminder, this, &AppAutomations::tellReminder);
    connect(m_host.get(), &HomeLockOnly::factsChanged, this, &AppAutomations::withdrawUntrue);
    connect(m_automations.get(), &Automations::summary, this, &AppAutomations::tellSummary);
    connect(m_automations.get(), &Automations::failed, this, [this](const LogEntry &e) {
        m_lastFailure = logEntryText(e);
        emit changed();
    });
    connect(m_automations.get(), &Automations::armedChanged, this, &AppAutomations::changed);
    connect(m_logind.get(), &desk::Logind::changed, this, &AppAutomations::changed);
    m_follow.setInterval(FollowSettingsMs);
    connect(&m_follow, &QTimer::timeout, this, &AppAutomations::followSettings);
}

void AppAutomations::start()
{
    Settings *s = m_app->settings();
    m_automations->setRules(s->automationRules());
    m_automations->setPaused(s->automationsPaused());
    const QFileInfo info(s->fileName());
    m_settingsSeen = info.lastModified();
    m_settingsSize = info.size();
    m_logind->start();
    m_savers->start();
    m_network->start();
    if (!m_app->isDemo())
        m_follow.start(); // the demo's settings are its own
}

void AppAutomations::followSettings()
{
    // nukictl writes the same file: read it again when it changed (size or time).
    const QFileInfo info(m_app->settings()->fileName());
    if (info.lastModified() == m_settingsSeen && info.size() == m_settingsSize)
        return;
    m_settingsSeen = info.lastModified();
    m_settingsSize = info.size();
    m_app->settings()->reload();
    m_automations->setRules(m_app->settings()->automationRules());
    m_automations->setPaused(m_app->settings()->automationsPaused());
    emit changed();
}

QList<Rule> AppAutomations::rules() const
{
    return m_automations->rules();
}

void AppAutomations::setRules(const QList<Rule> &rules)
{
    m_automations->setRules(rules);
    if (!m_app->isDemo()) {
        m_app->settings()->setAutomationRules(m_automations->rules());
        m_app->settings()->sync();
        followSettings(); // our own write is no news
    }
    emit changed();
}

bool AppAutomations::paused() const
{
    return m_automations->paused();
}

void AppAutomations::setPaused(bool paused)
{
    m_automations->setPaused(paused);
    if (!m_app->isDemo()) {
        m_app->settings()->setAutomationsPaused(paused);
        m_app->settings()->sync();
        followSettings();
    }
    emit changed();
}

bool AppAutomations::armed() const
{
    return m_automations->armed();
}

QString AppAutomations::mechanismText() const
{
    return m_automations->mechanismText();
}

QString AppAutomations::leavingText() const
{
    if (!m_network->available())
        return tr("not noticed — NetworkManager was not found on this computer");
    if (m_network->primaryName().isEmpty())
        return tr("noticed through NetworkManager (no connection now)");
    return tr("noticed through NetworkManager (now on “%1”)")
        .arg(plainText(m_network->primaryName()));
}

void AppAutomations::clearFailure()
{
    if (m_lastFailure.isEmpty())
        return;
    m_lastFailure.clear();
    emit changed();
}

void AppAutomations::snooze(const DeviceKey &key)
{
    m_automations->snooze(key, Trigger::UnlockedReminder, SnoozeMinutes);
    m_automations->snooze(key, Trigger::OpenReminder, SnoozeMinutes);
}

void AppAutomations::record(const LogEntry &entry, bool outcome)
{
    // A lock that was sent is the action's own row (origin automation, the trigger in `how`);
    // everything else an automation decided, and an outcome seen only after a wake, is a row
    // of its own.
    if (!outcome && entry.decision == Decision::Sent)
        return;
    if (outcome && !(entry.beforeSleep &&
                     (entry.outcome == Outcome::Confirmed || entry.outcome == Outcome::NotLocked)))
        return;
    HistoryEvent e;
    e.at = outcome ? QDateTime::currentDateTime() : entry.at;
    e.kind = HistoryKind::Automation;
    e.key = entry.device;
    e.deviceName = entry.deviceName;
    if (const DeviceRecord *r = m_app->home()->device(entry.device)) {
        e.sourceId = r->sourceId;
        if (const Source *s = m_app->home()->source(r->sourceId))
            e.sourceName = s->name();
    }
    e.action = int(entry.trigger);
    e.state = int(entry.decision);
    e.origin = ActionOrigin::Automation;
    e.how = triggerOrigin(entry.trigger);
    if (!entry.mechanism.isEmpty())
        e.how += QStringLiteral(" — ") + entry.mechanism;
    e.detail = outcome ? entry.outcomeText : decisionText(entry.decision);
    e.uid = QStringLiteral("automation:%1:%2%3")
                .arg(m_run)
                .arg(entry.id)
                .arg(outcome ? QStringLiteral(":outcome") : QString());
    m_app->recordHistory(e);
}

void AppAutomations::tellReminder(const AutomationEngine::Reminder &r)
{
    Notifier::Notification n;
    n.kind = NotifyKind::Action;
    n.deviceKey = r.device.toString();
    const QString name = plainText(r.deviceName);
    switch (r.trigger) {
    case Trigger::UnlockedReminder:
        n.title = tr("%1 is still unlocked").arg(name);
        n.text = tr("Unlocked for %n minute(s).", nullptr, r.minutes);
        // Lock now only where a lock would go now: not for a door that is open or cannot be
        // said closed (it would jam), nor one moving or busy.
        if (r.lock == Decision::Sent) {
            n.actions = {QStringLiteral("lock"), QStringLiteral("snooze")};
        } else {
            if (r.lock == Decision::DoorOpen || r.lock == Decision::DoorUnknown)
                n.text += QLatin1Char(' ') + tr("The door may be open: close it, then lock it.");
            n.actions = {QStringLiteral("snooze")};
        }
        break;
    case Trigger::OpenReminder:
        // No Lock here: locking an open door jams the bolt.
        n.title = tr("%1: the door is still open").arg(name);
        n.text = tr("Open for %n minute(s). Close it, then lock it.", nullptr, r.minutes);
        n.actions = {QStringLiteral("snooze")};
        break;
    case Trigger::Leaving:
        n.title = tr("You left with %1 unlocked").arg(name);
        if (r.lock == Decision::DoorOpen || r.lock == Decision::DoorUnknown) {
            n.text = tr("The door may be open, too: it cannot be locked from here.");
        } else if (r.lock == Decision::Sent && m_host->reachableFromAway(r.device)) {
            n.text = tr("It can still be reached from here: Lock now locks it.");
            n.actions = {QStringLiteral("lock")};
        } else {
            n.text = tr("It cannot be reached from away: the bridge is on your home network.");
        }
        n.urgency = Notifier::Urgency::Critical;
        break;
    default:
        return;
    }
    n.topic = ReminderTopic;
    m_reminderShown.insert(r.device, r.trigger);
    emit notify(n);
}

void AppAutomations::withdrawUntrue(const DeviceFacts &f)
{
    const auto it = m_reminderShown.constFind(f.key);
    if (it == m_reminderShown.cend() || !f.reachable)
        return;
    // "Still unlocked" and "you left with it unlocked" are untrue once it is locked, and their
    // Lock now is wrong once the door may be open (it would jam); "the door is still open" is
    // untrue once it is closed. Locking is not yet locked (it may still fail).
    const bool locked = f.state == int(LockState::Locked);
    const bool closed = f.door && (*f.door == int(DoorSensor::Closed));
    const bool untrue = *it == Trigger::OpenReminder ? closed : locked || doorMayBeOpen(f.door);
    if (!untrue)
        return;
    m_reminderShown.erase(it);
    emit withdraw(f.key.toString(), ReminderTopic);
}

void AppAutomations::tellSummary(const QList<LogEntry> &entries)
{
    if (entries.isEmpty())
        return;
    QStringList lines;
    bool bad = false;
    for (const LogEntry &e : entries) {
        LogEntry shown = e;
        shown.deviceName = plainText(e.deviceName);
        lines << logEntryText(shown);
        // Only a confirmed lock is good news; "requested, not yet confirmed" is not.
        bad = bad || e.decision != Decision::Sent || e.outcome != Outcome::Confirmed;
    }
    Notifier::Notification n;
    n.kind = NotifyKind::Action;
    n.title = tr("While you were away");
    n.text = lines.join(u'\n');
    n.urgency = bad ? Notifier::Urgency::Normal : Notifier::Urgency::Low;
    emit notify(n);
}
