// nukictl commands on devices: the list, one device, the lock actions, a fresh read.
#include "CliCommands.h"

#include "history/HistoryRecorder.h"
#include "home/Home.h"
#include "home/Reach.h"
#include "protocol/Actions.h"
#include "protocol/PlainText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <optional>

using namespace nuki;

static QString tr(const char *text)
{
    return QCoreApplication::translate("commands", text);
}

namespace commands {

QJsonObject deviceJson(const QString &bridge, const Device &d)
{
    const DeviceState &s = d.state;
    QJsonObject o{
        {QStringLiteral("bridge"), bridge},
        {QStringLiteral("name"), d.name},
        {QStringLiteral("nukiId"), qint64(d.nukiId)},
        {QStringLiteral("deviceType"), d.deviceType},
        {QStringLiteral("kind"), deviceTypeName(d.deviceType)},
        // The last state it said (-1: none); `reachable` says whether that is news.
        {QStringLiteral("state"), s.state >= 0 && (s.known || !d.reachable) ? s.state : -1},
        {QStringLiteral("stateText"),
         s.state >= 0 && (s.known || !d.reachable) ? stateText(d.deviceType, s.state) : QString()},
        {QStringLiteral("reachable"), d.reachable},
        {QStringLiteral("mode"), s.mode},
        {QStringLiteral("batteryCritical"), s.batteryCritical}};
    if (s.batteryChargeState)
        o.insert(QStringLiteral("battery"), *s.batteryChargeState);
    if (s.batteryCharging)
        o.insert(QStringLiteral("batteryCharging"), *s.batteryCharging);
    if (s.keypadBatteryCritical)
        o.insert(QStringLiteral("keypadBatteryCritical"), *s.keypadBatteryCritical);
    if (s.doorsensorState) {
        o.insert(QStringLiteral("doorsensorState"), *s.doorsensorState);
        o.insert(QStringLiteral("door"), doorSensorText(*s.doorsensorState));
    }
    if (s.ringactionState)
        o.insert(QStringLiteral("ringing"), *s.ringactionState);
    if (s.timestamp.isValid())
        o.insert(QStringLiteral("timestamp"), s.timestamp.toString(Qt::ISODate));
    if (!d.reachable) // when it was last heard from, as far as it says (null: not known)
        o.insert(QStringLiteral("lastSeen"), s.timestamp.isValid()
                                                 ? QJsonValue(s.timestamp.toString(Qt::ISODate))
                                                 : QJsonValue());
    return o;
}

// The STATE column and `status`'s first line: the state, or that it cannot be reached now
// and what it last said ("not connected (last seen Unlocked, 18:01)").
static QString stateWords(const Device &d)
{
    const DeviceState &s = d.state;
    if (d.reachable)
        return s.known ? stateText(d.deviceType, s.state) : tr("unknown");
    const QString last = s.state < 0 ? tr("state not known") : stateText(d.deviceType, s.state);
    if (!s.timestamp.isValid())
        return tr("not connected (last seen %1)").arg(last);
    return tr("not connected (last seen %1, %2)").arg(last, shortWhen(s.timestamp));
}

int bridges(CliContext &c, const Invocation &)
{
    QJsonArray list;
    for (const auto &b : c.bridges) {
        list << QJsonObject{{QStringLiteral("id"), b->config.id},
                            {QStringLiteral("name"), b->config.name},
                            {QStringLiteral("host"), b->config.host},
                            {QStringLiteral("port"), b->config.port},
                            {QStringLiteral("auth"), tokenModeName(b->config.tokenMode)}};
        if (!c.json)
            c.out << qSetFieldWidth(20) << Qt::left << b->config.name << qSetFieldWidth(0)
                  << b->config.host << ':' << b->config.port << "  (" << b->config.id << ")"
                  << Qt::endl;
    }
    if (c.json)
        c.print(QJsonDocument(list));
    return exitcode::Ok;
}

int list(CliContext &c, const Invocation &)
{
    QJsonArray all;
    QList<QStringList> rows{
        {tr("NAME"), tr("KIND"), tr("STATE"), tr("DOOR"), tr("BATTERY"), tr("BRIDGE")}};
    int code = exitcode::Ok;
    for (const CliContext::Place &p : c.places()) {
        QList<Device> devices;
        const SourceError error = c.fetchDevices(p, &devices);
        if (!error.ok()) {
            code = c.fail(error, p.name);
            continue;
        }
        const auto *web = qobject_cast<const WebSource *>(p.source);
        for (const Device &d : devices) {
            QJsonObject o = deviceJson(p.name, d);
            if (web) {
                // From the cloud: where from, as of when, and the cloud's own id for it.
                o.insert(QStringLiteral("via"), QStringLiteral("Nuki Web"));
                o.insert(QStringLiteral("asOf"),
                         QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
                if (const web::Lock *l = web->lock(d.nukiId, d.deviceType))
                    o.insert(QStringLiteral("smartlockId"), l->smartlockId);
            }
            all << o;
            const DeviceState &s = d.state;
            QString battery = s.batteryChargeState
                                  ? QStringLiteral("%1%").arg(*s.batteryChargeState)
                                  : QStringLiteral("-");
            if (s.batteryCritical)
                battery += tr(" critical");
            rows << QStringList{
                plainText(d.name),
                deviceTypeName(d.deviceType),
                stateWords(d),
                s.doorsensorState ? doorSensorText(*s.doorsensorState) : QStringLiteral("-"),
                battery,
                plainText(p.name)};
        }
    }
    if (c.json) {
        if (code == exitcode::Ok || !all.isEmpty()) // else the error is the document
            c.print(QJsonDocument(all));
        return code;
    }
    if (rows.size() == 1)
        return code;
    QList<int> widths(rows.first().size(), 0);
    for (const auto &r : rows)
        for (int i = 0; i < r.size(); ++i)
            widths[i] = qMax(widths[i], int(r[i].size()));
    for (const auto &r : rows) {
        QString line;
        for (int i = 0; i < r.size(); ++i)
            line += r[i].leftJustified(widths[i] + 2);
        c.out << line.trimmed() << Qt::endl;
    }
    return code;
}

static int printDevice(CliContext &c, const QString &bridge, const Device &d)
{
    if (c.json) {
        c.print(QJsonDocument(deviceJson(bridge, d)));
        return exitcode::Ok;
    }
    const DeviceState &s = d.state;
    c.out << plainText(d.name) << " (" << deviceTypeName(d.deviceType) << "): " << stateWords(d)
          << Qt::endl;
    if (s.known) // the number the words stand for, as Nuki's documents name it
        c.out << "  " << tr("Nuki state %1").arg(s.state) << Qt::endl;
    if (s.doorsensorState)
        c.out << "  " << doorSensorText(*s.doorsensorState) << Qt::endl;
    if (s.batteryChargeState)
        c.out << "  " << tr("Battery %1%").arg(*s.batteryChargeState) << Qt::endl;
    if (s.batteryCritical)
        c.out << "  " << tr("Battery critical") << Qt::endl;
    if (s.keypadBatteryCritical.value_or(false))
        c.out << "  " << tr("Keypad battery critical") << Qt::endl;
    return exitcode::Ok;
}

int status(CliContext &c, const Invocation &in)
{
    const QString device = in.args.value(0);
    CliContext::Found f;
    if (const int code = c.findDevice(device, &f))
        return code;
    return printDevice(c, f.place.name, f.device);
}

static bool confirm(CliContext &c, const QString &question)
{
    if (c.yes)
        return true;
    if (!CliContext::stdinIsTerminal()) {
        c.err << tr("Refusing to open a door without confirmation: no terminal to ask on. "
                    "Add --yes to confirm.")
              << Qt::endl;
        return false;
    }
    c.err << question << tr(" [y/N] ") << Qt::flush;
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == tr("y") || answer == tr("yes") || answer == u"y" || answer == u"yes";
}

int act(CliContext &c, const Invocation &in)
{
    const QString &command = in.command;
    const QStringList &args = in.args;
    const bool unlatch = in.unlatch;
    // rto/cm take on|off before the device.
    QString device = args.value(0);
    QString onOff;
    if (command == u"rto" || command == u"cm") {
        onOff = args.value(0);
        device = args.value(1);
        if (onOff != u"on" && onOff != u"off") {
            c.err << tr("Usage: nukictl %1 on|off DEVICE").arg(command) << Qt::endl;
            return exitcode::Usage;
        }
    }
    if (device.isEmpty()) {
        c.err << tr("Which device? Usage: nukictl %1 DEVICE").arg(command) << Qt::endl;
        return exitcode::Usage;
    }
    CliContext::Found f;
    if (const int code = c.findDevice(device, &f))
        return code;
    // The command line's words name the table's verbs: "rto on" is "rto-on".
    QString verb = command;
    if (!onOff.isEmpty())
        verb += u'-' + onOff;
    else if (command == u"lockngo" && unlatch)
        verb = QStringLiteral("lockngo-open");
    const ActionSpec *spec = findActionByVerb(f.device.deviceType, verb);
    if (!spec) {
        c.err << tr("“%1” (%2): '%3' does not apply. A lock knows lock, unlock, open, lockngo; "
                    "an Opener knows open, rto and cm.")
                     .arg(plainText(f.device.name), deviceTypeName(f.device.deviceType), command)
              << Qt::endl;
        return exitcode::Usage;
    }
    const int a = spec->number;
    if (spec->opensDoor && !confirm(c, tr("Open “%1” now?").arg(plainText(f.device.name))))
        return exitcode::Refused;
    // Through the home's action runner, as the window and the tray: it applies the one rule
    // (an action that may have reached the lock is never sent again) and says the outcome.
    const DeviceKey key = f.key();
    if (spec->onlyThroughBroker && f.place.source->kind() == SourceKind::Bridge) {
        c.err << tr("“%1”: %2 works only with a Wi-Fi lock on an MQTT broker (--broker).")
                     .arg(plainText(f.device.name), spec->displayName())
              << Qt::endl;
        return exitcode::Usage;
    }
    // The only action on this device in this process; it may end inside start() (a source
    // that refuses at once, such as a lock that is not connected).
    std::optional<ActionStatus> outcome;
    // Our own action goes into the history too, from intent to outcome (the app writes the
    // rest). Only the action: what else the home sees now is the app's to record.
    QList<HistoryEvent> ours;
    HistoryRecorder recorder(&c.home, [&ours](const HistoryEvent &e) {
        if (e.kind == HistoryKind::Action)
            ours << e;
    });
    QObject::connect(&c.home, &Home::actionFinished,
                     [&](const DeviceKey &k, const ActionStatus &status) {
                         if (k == key && !outcome)
                             outcome = status;
                     });
    if (!c.home.actions()->start(key, a, {ActionOrigin::CommandLine, c.noWait})) {
        c.err << tr("“%1” cannot take an action now.").arg(plainText(f.device.name)) << Qt::endl;
        return exitcode::Error;
    }
    CliContext::spinUntil([&] { return outcome.has_value(); });
    keepInHistory(c, ours);
    const SourceError error = outcome->error;
    const QString name = spec->displayName();
    const bool unknown = outcome->phase == ActionStatus::Unknown;
    const QString result = error.ok()
                               ? (c.noWait ? QStringLiteral("accepted") : QStringLiteral("done"))
                           : unknown ? QStringLiteral("unknown")
                                     : QStringLiteral("failed");
    int code = exitcode::Ok;
    if (!error.ok())
        code = unknown ? exitcode::OutcomeUnknown : CliContext::exitCodeFor(error);
    if (c.json) {
        QJsonObject o{{QStringLiteral("device"), f.device.name},
                      {QStringLiteral("action"), name},
                      {QStringLiteral("outcome"), result}};
        if (!error.ok())
            o.insert(QStringLiteral("message"), error.message());
        c.print(QJsonDocument(o));
    } else if (error.ok()) {
        c.out << plainText(f.device.name) << ": " << name << ": "
              << (c.noWait ? tr("accepted by the bridge") : tr("done")) << Qt::endl;
    } else if (unknown) {
        // The reason may say "check the door" itself: then once.
        const QString why = error.message();
        c.err << plainText(f.device.name) << ": " << name << ": "
              << (why.contains(tr("check the door")) ? tr("outcome unknown — ")
                                                     : tr("outcome unknown — check the door. "))
              << why << Qt::endl;
    } else {
        c.err << plainText(f.device.name) << ": " << name << tr(" failed: ") << error.message()
              << Qt::endl;
    }
    return code;
}

int refresh(CliContext &c, const Invocation &in)
{
    const QString device = in.args.value(0);
    CliContext::Found f;
    if (const int code = c.findDevice(device, &f))
        return code;
    auto [error, state] = CliContext::await<SourceError, DeviceState>(
        [&](auto done) { f.place.source->readDevice(f.device.nukiId, f.device.deviceType, done); });
    if (!error.ok())
        return c.fail(error, plainText(f.device.name));
    f.device.state = state;
    return printDevice(c, f.place.name, f.device);
}

} // namespace commands
