// nukictl automations: what is switched on (kept in the settings the app follows within a
// few seconds), how this desktop says its screen locked, setting one, and what they did (the
// history's automation rows and the automations' own locks).
#include "CliCommands.h"

#include "automation/AutomationTypes.h"
#include "desk/DeskMechanism.h"
#include "desk/Logind.h"
#include "desk/ScreenSavers.h"
#include "history/HistoryExport.h"
#include "history/HistoryText.h"
#include "history/Journal.h"
#include "history/JournalDb.h"
#include "protocol/PlainText.h"
#include "protocol/Protocol.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

using namespace nuki;
using namespace nuki::automation;

namespace {

QString afterText(const Rule &r)
{
    if (!triggerHasDelay(r.trigger))
        return {};
    return r.afterSeconds % 60 == 0 && r.afterSeconds >= 60
               ? QCoreApplication::translate("nukictl", "after %1 min").arg(r.afterSeconds / 60)
               : QCoreApplication::translate("nukictl", "after %1 s").arg(r.afterSeconds);
}

// logind and the screensavers as the app would find them, for at most 2 s.
QString findMechanism()
{
    desk::Logind logind(QDBusConnection::systemBus());
    desk::ScreenSavers savers(QDBusConnection::sessionBus());
    bool answered = !QDBusConnection::systemBus().isConnected();
    QObject::connect(&logind, &desk::Logind::changed,
                     [&] { answered = !logind.sessionPath().isEmpty() || answered; });
    logind.start();
    const QDeadlineTimer deadline(2000);
    CliContext::spinUntil([&] { return answered || deadline.hasExpired(); });
    return desk::mechanismText(&logind, &savers);
}

int show(CliContext &c)
{
    const QList<Rule> rules = c.settings->automationRules();
    const bool paused = c.settings->automationsPaused();
    const QString mechanism = findMechanism();
    const bool armed = !paused && std::any_of(rules.begin(), rules.end(), [](const Rule &r) {
        return triggerLocks(r.trigger);
    });
    if (c.json) {
        QJsonArray list;
        for (const Rule &r : rules) {
            QJsonObject o{
                {QStringLiteral("trigger"), triggerName(r.trigger)},
                {QStringLiteral("device"), r.device.toString()},
                {QStringLiteral("nukiId"), QString::number(r.device.nukiId, 16).toUpper()},
                {QStringLiteral("name"), plainText(r.deviceName)},
                {QStringLiteral("locks"), triggerLocks(r.trigger)}};
            if (triggerHasDelay(r.trigger))
                o.insert(QStringLiteral("afterSeconds"), r.afterSeconds);
            if (r.fullLock)
                o.insert(QStringLiteral("fullLock"), true);
            list << o;
        }
        c.print(QJsonDocument(QJsonObject{{QStringLiteral("paused"), paused},
                                          {QStringLiteral("armed"), armed},
                                          {QStringLiteral("screenLockDetection"), mechanism},
                                          {QStringLiteral("rules"), list}}));
        return exitcode::Ok;
    }
    c.out << QCoreApplication::translate("nukictl", "Screen lock detection: %1").arg(mechanism)
          << Qt::endl;
    if (rules.isEmpty()) {
        c.out << QCoreApplication::translate(
                     "nukictl", "No automation is on. Switch one on with: nukictl automations set "
                                "screen-lock DEVICE on")
              << Qt::endl;
        return exitcode::Ok;
    }
    c.out << (paused  ? QCoreApplication::translate("nukictl", "Automations are paused.")
              : armed ? QCoreApplication::translate(
                            "nukictl", "Automations are armed: they lock when their moment comes.")
                      : QCoreApplication::translate("nukictl", "Only reminders are on."))
          << Qt::endl;
    for (Trigger t : allTriggers()) {
        for (const Rule &r : rules) {
            if (r.trigger != t)
                continue;
            QString line = QStringLiteral("  %1  %2 (%3)")
                               .arg(triggerName(t).leftJustified(18),
                                    plainText(r.deviceName).isEmpty()
                                        ? QCoreApplication::translate("nukictl", "a device")
                                        : plainText(r.deviceName),
                                    QString::number(r.device.nukiId, 16).toUpper());
            if (const QString a = afterText(r); !a.isEmpty())
                line += QStringLiteral(", ") + a;
            if (r.fullLock)
                line += QCoreApplication::translate("nukictl", ", full lock");
            c.out << line << Qt::endl;
        }
    }
    return exitcode::Ok;
}

int set(CliContext &c, const Invocation &in)
{
    if (in.args.size() != 4) {
        c.err << QCoreApplication::translate(
                     "nukictl",
                     "Usage: nukictl automations set TRIGGER DEVICE on|off [--after SECONDS]")
              << Qt::endl;
        return exitcode::Usage;
    }
    const auto trigger = triggerFromName(in.args[1]);
    if (!trigger) {
        QStringList names;
        for (Trigger t : allTriggers())
            names << triggerName(t);
        c.err << QCoreApplication::translate("nukictl", "“%1” is no trigger: one of %2.")
                     .arg(in.args[1], names.join(u", "))
              << Qt::endl;
        return exitcode::Usage;
    }
    const QString onOff = in.args[3];
    if (onOff != u"on" && onOff != u"off") {
        c.err << QCoreApplication::translate("nukictl", "Say on or off, not “%1”.").arg(onOff)
              << Qt::endl;
        return exitcode::Usage;
    }
    if (c.places().isEmpty() && in.setUpSources)
        if (const int code = in.setUpSources())
            return code;
    CliContext::Found found;
    if (const int code = c.findDevice(in.args[2], &found))
        return code;
    const DeviceKey key = found.key();
    const int type = key.deviceType;
    // Not even a reminder for an Opener: its "unlocked" is Ring to Open, its "lock" turns it off.
    if (type != int(DeviceType::SmartLock) && type != int(DeviceType::SmartDoor) &&
        type != int(DeviceType::SmartLock3)) {
        c.err << QCoreApplication::translate(
                     "nukictl",
                     "%1 is no Smart Lock: automations only ever lock Smart Locks, never an "
                     "Opener.")
                     .arg(plainText(found.device.name))
              << Qt::endl;
        return exitcode::Refused;
    }
    QList<Rule> rules = c.settings->automationRules();
    const auto same = [&](const Rule &x) { return x.trigger == *trigger && x.device == key; };
    const auto existing = std::find_if(rules.cbegin(), rules.cend(), same);
    // Switched on again: what was chosen for it stays (the full lock, the delay unless given).
    Rule r = existing != rules.cend() ? *existing : Rule{};
    const bool had = existing != rules.cend();
    rules.erase(std::remove_if(rules.begin(), rules.end(), same), rules.end());
    r.trigger = *trigger;
    r.device = key;
    r.deviceName = found.device.name;
    if (in.afterSeconds >= 0)
        r.afterSeconds = in.afterSeconds;
    else if (!had)
        r.afterSeconds = defaultAfterSeconds(*trigger);
    if (!triggerHasDelay(*trigger))
        r.afterSeconds = 0;
    if (onOff == u"on" && rules.size() >= Settings::MaxAutomationRules) {
        c.err << QCoreApplication::translate("nukictl",
                                             "There are already %1 automations, as many as can "
                                             "be kept: switch some off first.")
                     .arg(Settings::MaxAutomationRules)
              << Qt::endl;
        return exitcode::Refused;
    }
    if (onOff == u"on")
        rules << r;
    c.settings->setAutomationRules(rules);
    c.settings->sync();
    const QString name = plainText(found.device.name);
    if (c.json) {
        c.print(QJsonDocument(QJsonObject{{QStringLiteral("trigger"), triggerName(*trigger)},
                                          {QStringLiteral("device"), key.toString()},
                                          {QStringLiteral("name"), name},
                                          {QStringLiteral("on"), onOff == u"on"},
                                          {QStringLiteral("afterSeconds"), r.afterSeconds}}));
    } else if (onOff == u"on") {
        QString line =
            QCoreApplication::translate("nukictl", "%1: %2 — on").arg(name, triggerText(*trigger));
        if (const QString a = afterText(r); !a.isEmpty())
            line += QStringLiteral(", ") + a;
        c.out << line << Qt::endl;
    } else {
        c.out << QCoreApplication::translate("nukictl", "%1: %2 — off")
                     .arg(name, triggerText(*trigger))
              << Qt::endl;
    }
    if (onOff == u"on" && triggerLocks(*trigger))
        c.err << triggerRisk(*trigger) << Qt::endl;
    return exitcode::Ok;
}

int showLog(CliContext &c, const Invocation &in)
{
    const QString path = Journal::pathFor(c.settings->fileName());
    JournalDb db;
    if (!db.open(path, JournalDb::Mode::Read)) {
        if (c.json)
            c.print(QJsonDocument(QJsonArray{}));
        else
            c.out << QCoreApplication::translate("nukictl", "Nothing recorded yet.") << Qt::endl;
        return exitcode::Ok;
    }
    HistoryFilter filter;
    filter.kinds = {HistoryKind::Automation, HistoryKind::Action};
    QList<HistoryEvent> events = db.query(filter, 2000);
    std::reverse(events.begin(), events.end());
    QJsonArray list;
    int shown = 0;
    const QLocale l;
    for (const HistoryEvent &e : std::as_const(events)) {
        if (e.kind == HistoryKind::Action && e.origin != ActionOrigin::Automation)
            continue;
        if (in.count > 0 && shown >= in.count)
            break;
        ++shown;
        if (c.json)
            list << historyJson(e);
        else
            c.out << l.toString(e.at, QStringLiteral("yyyy-MM-dd HH:mm:ss")) << "  "
                  << historyEventText(e) << Qt::endl;
    }
    if (c.json)
        c.print(QJsonDocument(list));
    else if (shown == 0)
        c.out << QCoreApplication::translate("nukictl", "Nothing recorded yet.") << Qt::endl;
    return exitcode::Ok;
}

} // namespace

int commands::automations(CliContext &c, const Invocation &in)
{
    const QString sub = in.args.value(0);
    if (sub.isEmpty())
        return show(c);
    if (sub == u"set")
        return set(c, in);
    if (sub == u"log" && in.args.size() == 1)
        return showLog(c, in);
    c.err << QCoreApplication::translate(
                 "nukictl",
                 "Usage: nukictl automations [set TRIGGER DEVICE on|off [--after SECONDS] | log "
                 "[--json]]")
          << Qt::endl;
    return exitcode::Usage;
}
