// nukictl commands on a bridge itself: its facts, its log, its callback slots, maintenance.
#include "CliCommands.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

using namespace nuki;

static QString tr(const char *text)
{
    return QCoreApplication::translate("commands", text);
}

namespace commands {

int info(CliContext &c, const Invocation &)
{
    QJsonArray all;
    int code = exitcode::Ok;
    for (auto &b : c.bridges) {
        auto [error, info] = CliContext::await<SourceError, BridgeInfo>(
            [&](auto done) { b->source->readInfo(done); });
        if (!error.ok()) {
            code = c.fail(error, b->config.name);
            continue;
        }
        QJsonObject o{{QStringLiteral("bridge"), b->config.name},
                      {QStringLiteral("bridgeType"), info.bridgeType},
                      {QStringLiteral("serverId"), qint64(info.serverId)},
                      {QStringLiteral("hardwareId"), qint64(info.hardwareId)},
                      {QStringLiteral("firmwareVersion"),
                       info.isHardware() ? info.firmwareVersion : info.appVersion},
                      {QStringLiteral("uptime"), info.uptime},
                      {QStringLiteral("currentTime"), info.currentTime.toString(Qt::ISODate)},
                      {QStringLiteral("auth"), tokenModeName(b->source->effectiveTokenMode())},
                      {QStringLiteral("clockOffsetSeconds"), b->source->clockOffset()}};
        all << o;
        if (!c.json) {
            c.out << b->config.name << Qt::endl;
            for (auto it = o.begin(); it != o.end(); ++it)
                if (it.key() != u"bridge")
                    c.out << "  " << it.key() << ": " << it.value().toVariant().toString()
                          << Qt::endl;
        }
    }
    if (c.json)
        c.print(QJsonDocument(all));
    return code;
}

int log(CliContext &c, const Invocation &in)
{
    auto &b = c.bridges.front();
    const int count = in.count > 0 ? in.count : 20;
    auto [error, entries] = CliContext::await<SourceError, QList<BridgeLogEntry>>(
        [&](auto done) { b->source->readLog(0, count, done); });
    if (!error.ok())
        return c.fail(error, b->config.name);
    QJsonArray all;
    for (const auto &e : entries) {
        all << e.raw;
        if (!c.json)
            c.out << e.timestamp.toLocalTime().toString(Qt::ISODate) << "  " << e.type << Qt::endl;
    }
    if (c.json)
        c.print(QJsonDocument(all));
    return exitcode::Ok;
}

int callbacks(CliContext &c, const Invocation &in)
{
    const QStringList &args = in.args;
    auto &b = c.bridges.front();
    if (args.value(0) == u"remove") {
        bool isNumber = false;
        const int id = args.value(1).toInt(&isNumber);
        if (!isNumber) {
            c.err << tr("Usage: nukictl callbacks remove ID") << Qt::endl;
            return exitcode::Usage;
        }
        auto [error, ok, message] = CliContext::await<SourceError, bool, QString>(
            [&](auto done) { b->source->removeCallback(id, done); });
        if (!error.ok())
            return c.fail(error, b->config.name);
        if (!ok) {
            c.err << tr("The bridge did not remove it: %1").arg(message) << Qt::endl;
            return exitcode::Error;
        }
        if (c.json)
            c.print(QJsonDocument(QJsonObject{{QStringLiteral("removed"), id}}));
        else
            c.out << tr("Removed callback %1.").arg(id) << Qt::endl;
        return exitcode::Ok;
    }
    if (!args.isEmpty() && args.value(0) != u"list") {
        c.err << tr("Usage: nukictl callbacks [list|remove ID]") << Qt::endl;
        return exitcode::Usage;
    }
    auto [error, list] = CliContext::await<SourceError, QList<CallbackEntry>>(
        [&](auto done) { b->source->listCallbacks(done); });
    if (!error.ok())
        return c.fail(error, b->config.name);
    QJsonArray all;
    for (const auto &e : list) {
        all << QJsonObject{{QStringLiteral("id"), e.id}, {QStringLiteral("url"), e.url}};
        if (!c.json)
            c.out << e.id << "  " << e.url << Qt::endl;
    }
    if (c.json)
        c.print(QJsonDocument(all));
    else if (list.isEmpty())
        c.out << tr("No callbacks registered (%1 of 3 slots free).").arg(3) << Qt::endl;
    return exitcode::Ok;
}

// reboot and fwupdate: the bridge says only whether it took the request.
static int maintenance(CliContext &c,
                       void (BridgeSource::*call)(std::function<void(const SourceError &)>))
{
    auto &b = c.bridges.front();
    auto [error] = CliContext::await<SourceError>([&](auto done) { (b->source->*call)(done); });
    if (!error.ok())
        return c.fail(error, b->config.name);
    if (c.json)
        c.print(
            QJsonDocument(QJsonObject{{QStringLiteral("outcome"), QStringLiteral("accepted")}}));
    else
        c.out << tr("The bridge accepted the request.") << Qt::endl;
    return exitcode::Ok;
}

int reboot(CliContext &c, const Invocation &)
{
    return maintenance(c, &BridgeSource::reboot);
}

int updateFirmware(CliContext &c, const Invocation &)
{
    return maintenance(c, &BridgeSource::updateFirmware);
}

} // namespace commands
