#include "automation/AutomationTypes.h"

#include "automation/DeviceStates.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>

namespace nuki::automation {

// lupdate gives tr() in namespace nuki::automation the context "nuki::automation".
static QString tr(const char *text)
{
    return QCoreApplication::translate("nuki::automation", text);
}

namespace {
struct TriggerInfo
{
    Trigger trigger;
    const char *name;
    int afterSeconds; // 0: acts at once
};
constexpr TriggerInfo Triggers[] = {
    {Trigger::ScreenLock, "screen-lock", 10},
    {Trigger::Sleep, "sleep", 0},
    {Trigger::Shutdown, "shutdown", 0},
    {Trigger::UnlockedReminder, "unlocked-reminder", 600},
    {Trigger::OpenReminder, "open-reminder", 300},
    {Trigger::Leaving, "leaving", 0},
};
const TriggerInfo &info(Trigger t)
{
    for (const TriggerInfo &i : Triggers)
        if (i.trigger == t)
            return i;
    return Triggers[0];
}
} // namespace

QList<Trigger> allTriggers()
{
    QList<Trigger> all;
    for (const TriggerInfo &i : Triggers)
        all.append(i.trigger);
    return all;
}

QString triggerName(Trigger trigger)
{
    return QString::fromLatin1(info(trigger).name);
}

std::optional<Trigger> triggerFromName(QStringView name)
{
    for (const TriggerInfo &i : Triggers)
        if (name == QLatin1StringView(i.name))
            return i.trigger;
    return std::nullopt;
}

int defaultAfterSeconds(Trigger trigger)
{
    return info(trigger).afterSeconds;
}

bool triggerHasDelay(Trigger trigger)
{
    return info(trigger).afterSeconds > 0;
}

int minAfterSeconds(Trigger trigger)
{
    // A reminder counts in minutes ("unlocked for 1 minute"): never sooner than one.
    return trigger == Trigger::UnlockedReminder || trigger == Trigger::OpenReminder ? 60 : 0;
}

QList<Rule> effectiveRules(const QList<Rule> &rules)
{
    QList<Rule> effective;
    for (Rule r : rules) {
        const bool repeat = std::any_of(effective.cbegin(), effective.cend(), [&r](const Rule &e) {
            return e.trigger == r.trigger && e.device == r.device;
        });
        // Never an Opener or an unknown kind, not even a reminder ("Lock now").
        if (r.device.nukiId == 0 || repeat || !isSmartLock(r.device.deviceType))
            continue;
        r.afterSeconds =
            triggerHasDelay(r.trigger)
                ? std::clamp(r.afterSeconds, minAfterSeconds(r.trigger), MaxAfterSeconds)
                : 0;
        effective.append(r);
    }
    return effective;
}

QString triggerText(Trigger trigger)
{
    switch (trigger) {
    case Trigger::ScreenLock:
        return tr("Lock when the screen locks");
    case Trigger::Sleep:
        return tr("Lock before the computer sleeps");
    case Trigger::Shutdown:
        return tr("Lock before the computer shuts down");
    case Trigger::UnlockedReminder:
        return tr("Remind me when it stays unlocked");
    case Trigger::OpenReminder:
        return tr("Remind me when the door stays open");
    case Trigger::Leaving:
        return tr("Tell me when I leave with it unlocked");
    }
    return {};
}

QString triggerRisk(Trigger trigger)
{
    switch (trigger) {
    case Trigger::ScreenLock:
        return tr("Someone who stepped out without a key is locked out when your screen locks.");
    case Trigger::Sleep:
    case Trigger::Shutdown:
        return tr("Someone who stepped out without a key is locked out when you close the lid "
                  "or shut down.");
    case Trigger::UnlockedReminder:
    case Trigger::OpenReminder:
    case Trigger::Leaving:
        return tr("Only a notification: nothing is sent to the lock unless you click Lock.");
    }
    return {};
}

QString triggerOrigin(Trigger trigger)
{
    switch (trigger) {
    case Trigger::ScreenLock:
        return tr("automation: screen locked");
    case Trigger::Sleep:
        return tr("automation: going to sleep");
    case Trigger::Shutdown:
        return tr("automation: shutting down");
    case Trigger::UnlockedReminder:
        return tr("automation: unlocked reminder");
    case Trigger::OpenReminder:
        return tr("automation: open door reminder");
    case Trigger::Leaving:
        return tr("automation: left home");
    }
    return {};
}

QString screenSignalText(ScreenSignal signal)
{
    switch (signal) {
    case ScreenSignal::LockedHint:
        return tr("logind LockedHint");
    case ScreenSignal::SessionLock:
        return tr("logind session Lock");
    case ScreenSignal::FreedesktopScreenSaver:
        return QStringLiteral("org.freedesktop.ScreenSaver");
    case ScreenSignal::GnomeScreenSaver:
        return QStringLiteral("org.gnome.ScreenSaver");
    case ScreenSignal::XfceScreenSaver:
        return QStringLiteral("org.xfce.ScreenSaver");
    case ScreenSignal::CinnamonScreenSaver:
        return QStringLiteral("org.cinnamon.ScreenSaver");
    }
    return {};
}

QString decisionText(Decision decision)
{
    switch (decision) {
    case Decision::Sent:
        return tr("lock sent");
    case Decision::DoorOpen:
        return tr("not locked: the door is open");
    case Decision::AlreadyLocked:
        return tr("not locked: it was already locked");
    case Decision::Moving:
        return tr("not locked: it was moving");
    case Decision::Unreachable:
        return tr("not locked: it could not be reached");
    case Decision::Paused:
        return tr("not locked: automations are paused");
    case Decision::Blocked:
        return tr("not locked: its motor is blocked or it is not calibrated");
    case Decision::StateUnknown:
        return tr("not locked: its state is not known");
    case Decision::Busy:
        return tr("not locked: another action was running on it");
    case Decision::NotALock:
        return tr("not locked: automations only lock Smart Locks");
    case Decision::Cancelled:
        return tr("nothing sent: the screen was unlocked in time");
    case Decision::Slept:
        return tr("nothing sent: the computer went to sleep first");
    case Decision::NotStarted:
        return tr("not locked: its source cannot carry this action");
    case Decision::Reminded:
        return tr("reminded");
    case Decision::DoorUnknown:
        return tr("not locked: the door sensor cannot say the door is closed");
    case Decision::Late:
        return tr("nothing sent: the door could not be read before the computer went on");
    case Decision::Withdrawn:
        return tr("nothing sent: the automation was switched off");
    }
    return {};
}

QString logEntryText(const LogEntry &e)
{
    const QString time = QLocale().toString(e.at.toLocalTime().time(), QLocale::ShortFormat);
    QString when;
    switch (e.trigger) {
    case Trigger::ScreenLock:
        when = tr("when the screen locked");
        break;
    case Trigger::Sleep:
        when = tr("before sleep");
        break;
    case Trigger::Shutdown:
        when = tr("before shutdown");
        break;
    default:
        when = triggerOrigin(e.trigger);
        break;
    }
    if (e.decision != Decision::Sent)
        return QCoreApplication::translate("nuki::automation", "%1 at %2 %3: %4")
            .arg(e.deviceName, time, when, decisionText(e.decision));
    QString text = e.outcome == Outcome::Confirmed
                       ? QCoreApplication::translate("nuki::automation", "%1 locked at %2 %3")
                             .arg(e.deviceName, time, when)
                       : QCoreApplication::translate("nuki::automation", "%1: lock sent at %2 %3")
                             .arg(e.deviceName, time, when);
    if (!e.outcomeText.isEmpty())
        text += QStringLiteral(" — ") + e.outcomeText;
    if (e.plainInstead)
        text += QStringLiteral(" (") +
                tr("a plain lock: the full lock goes only through a broker") + QLatin1Char(')');
    return text;
}

} // namespace nuki::automation
