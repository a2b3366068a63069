// nukictl automations: what is switched on (kept in the settings the app follows within a
// few seconds), how this desktop says its screen locked, setting one, and what they did (the
// history's automation rows and the automations' own locks).
#include "CliCommands.h"

#include "automation/AutomationTypes.h"
#include "automation/DeviceStates.h"
#include "desk/DeskMechanism.h"
#include "desk/Logind.h"
#include "desk/ScreenSavers.h"
#include "history/HistoryExport.h"
#include "history/HistoryText.h"
#include "history/Journal.h"
#include "history/JournalDb.h"
#include "mqtt/MqttPayloads.h"
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
    // What the app runs on: a rule for an Opener or a repeat in a hand-edited file is not shown
    // as on (it is counted below), a delay as the app clamps it.
    const QList<Rule> stored = c.settings->automationRules();
    const QList<Rule> rules = effectiveRules(stored);
    const int ignored = int(stored.size() - rules.size());
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
                {QStringLiteral("nukiId"), qint64(r.device.nukiId)}, // as in 'list --json'
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
                                          {QStringLiteral("rules"), list},
                                          {QStringLiteral("ignored"), ignored}}));
        return exitcode::Ok;
    }
    c.out << QCoreApplication::translate("nukictl", "Screen lock detection: %1").arg(mechanism)
          << Qt::endl;
    if (ignored > 0)
        c.out << QCoreApplication::translate("nukictl",
                                             "Ignored in the settings: %n rule(s) (for an "
                                             "Opener, an unknown kind, or a repeat).",
                                             nullptr, ignored)
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
                                    QString::number(r.device.nukiId)); // as in 'list'
            if (const QString a = afterText(r); !a.isEmpty())
                line += QStringLiteral(", ") + a;
            if (r.fullLock)
                line += QCoreApplication::translate("nukictl", ", full lock");
            c.out << line << Qt::endl;
        }
    }
    return exitcode::Ok;
}

// The one stored rule of this trigger whose device is named by query: the name it was switched
// on with (any case), its nukiId in decimal or as the lock's topics spell it (hex), or its key.
std::optional<Rule> storedRule(CliContext &c, Trigger trigger, const QString &query)
{
    bool isNumber = false;
    const quint32 id = query.toUInt(&isNumber);
    // Hex only where it cannot be read as decimal (a letter a–f, or 0x): 12345678 is the lock
    // with that id, never the one whose id is 0x12345678.
    const std::optional<quint32> hexId = isNumber ? std::nullopt : mqtt::parseLockId(query);
    std::optional<Rule> found;
    for (const Rule &r : c.settings->automationRules()) {
        if (r.trigger != trigger)
            continue;
        const bool named =
            (!r.deviceName.isEmpty() && r.deviceName.compare(query, Qt::CaseInsensitive) == 0) ||
            (isNumber && r.device.nukiId == id) || (hexId && *hexId == r.device.nukiId) ||
            r.device.toString() == query;
        if (!named)
            continue;
        if (found && !(found->device == r.device))
            return std::nullopt; // two devices answer to it: the sources decide
        found = r;
    }
    return found;
}

int switchOff(CliContext &c, const Rule &off)
{
    QList<Rule> rules = c.settings->automationRules();
    rules.erase(std::remove_if(rules.begin(), rules.end(),
                               [&off](const Rule &r) {
                                   return r.trigger == off.trigger && r.device == off.device;
                               }),
                rules.end());
    c.settings->setAutomationRules(rules);
    c.settings->sync();
    const QString name =
        plainText(off.deviceName).isEmpty() ? off.device.toString() : plainText(off.deviceName);
    if (c.json)
        c.print(QJsonDocument(QJsonObject{{QStringLiteral("trigger"), triggerName(off.trigger)},
                                          {QStringLiteral("device"), off.device.toString()},
                                          {QStringLiteral("name"), name},
                                          {QStringLiteral("on"), false},
                                          {QStringLiteral("afterSeconds"), off.afterSeconds}}));
    else
        c.out << QCoreApplication::translate("nukictl", "%1: %2 — off")
                     .arg(name, triggerText(off.trigger))
              << Qt::endl;
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
    if (in.afterSeconds >= 0 && !triggerHasDelay(*trigger)) {
        c.err << QCoreApplication::translate("nukictl",
                                             "%1 has no delay: it locks at once, before the "
                                             "computer goes on. Leave out --after.")
                     .arg(triggerName(*trigger))
              << Qt::endl;
        return exitcode::Usage;
    }
    if (in.afterSeconds >= 0 && in.afterSeconds < minAfterSeconds(*trigger)) {
        c.err << QCoreApplication::translate("nukictl",
                                             "A reminder counts in minutes: --after %1 or more.")
                     .arg(minAfterSeconds(*trigger))
              << Qt::endl;
        return exitcode::Usage;
    }
    // Off needs no source: a rule is found by the name it was switched on with or the device's
    // id, so it can be switched off while the lock cannot be reached (or has gone).
    if (onOff == u"off")
        if (const std::optional<Rule> r = storedRule(c, *trigger, in.args[2]))
            return switchOff(c, *r);
    if (c.places().isEmpty() && in.setUpSources)
        if (const int code = in.setUpSources())
            return code;
    CliContext::Found found;
    // A Smart Lock and an Opener may share a nukiId: only the lock can have an automation.
    if (const int code = c.findDevice(in.args[2], &found,
                                      [](const Device &d) { return isSmartLock(d.deviceType); }))
        return code;
    const DeviceKey key = found.key();
    // Not even a reminder for an Opener: its "unlocked" is Ring to Open, its "lock" turns it off.
    if (!isSmartLock(key.deviceType)) {
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
