// nukictl commands around the bridges: maintenance, discovery, set-up.
#include "CliCommands.h"

#include "Discovery.h"
#include "SecretStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

using namespace nuki;

static QString tr(const char *text)
{
    return QCoreApplication::translate("commands", text);
}

namespace commands {

int info(CliContext &c)
{
    QJsonArray all;
    int code = exitcode::Ok;
    for (auto &b : c.bridges) {
        bool done = false;
        BridgeError error;
        BridgeInfo info;
        b->client->info(BridgeClient::Priority::User,
                        [&](const BridgeError &e, const BridgeInfo &i) {
                            error = e;
                            info = i;
                            done = true;
                        });
        CliContext::waitFor(done);
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
                      {QStringLiteral("auth"), tokenModeName(b->client->effectiveTokenMode())},
                      {QStringLiteral("clockOffsetSeconds"), b->client->bridgeClockOffset()}};
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

int log(CliContext &c, int count)
{
    auto &b = c.bridges.front();
    bool done = false;
    BridgeError error;
    QList<BridgeLogEntry> entries;
    b->client->bridgeLog(0, count, [&](const BridgeError &e, const QList<BridgeLogEntry> &l) {
        error = e;
        entries = l;
        done = true;
    });
    CliContext::waitFor(done);
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

int callbacks(CliContext &c, const QStringList &args)
{
    auto &b = c.bridges.front();
    bool done = false;
    BridgeError error;
    if (args.value(0) == u"remove") {
        bool isNumber = false;
        const int id = args.value(1).toInt(&isNumber);
        if (!isNumber) {
            c.err << tr("Usage: nukictl callbacks remove ID") << Qt::endl;
            return exitcode::Usage;
        }
        bool ok = false;
        QString message;
        b->client->callbackRemove(id, [&](const BridgeError &e, bool s, QString m) {
            error = e;
            ok = s;
            message = m;
            done = true;
        });
        CliContext::waitFor(done);
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
    QList<CallbackEntry> list;
    b->client->callbackList([&](const BridgeError &e, const QList<CallbackEntry> &l) {
        error = e;
        list = l;
        done = true;
    });
    CliContext::waitFor(done);
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

int maintenance(CliContext &c, const QString &path)
{
    auto &b = c.bridges.front();
    bool done = false;
    BridgeError error;
    b->client->maintenance(path, [&](const BridgeError &e) {
        error = e;
        done = true;
    });
    CliContext::waitFor(done);
    if (!error.ok())
        return c.fail(error, b->config.name);
    if (c.json)
        c.print(
            QJsonDocument(QJsonObject{{QStringLiteral("outcome"), QStringLiteral("accepted")}}));
    else
        c.out << tr("The bridge accepted the request.") << Qt::endl;
    return exitcode::Ok;
}

int discover(CliContext &c, const QString &url, const QStringList &scanHosts, quint16 port)
{
    Discovery discovery;
    QList<Discovery::Candidate> found;
    bool done = false;
    bool ok = true;
    QString error;
    if (!scanHosts.isEmpty()) {
        discovery.scan(scanHosts, port, 2000, [&](QList<Discovery::Candidate> list) {
            found = list;
            done = true;
        });
    } else {
        discovery.fetch(QUrl(url), 10000,
                        [&](bool o, const QString &e, QList<Discovery::Candidate> list) {
                            ok = o;
                            error = e;
                            found = list;
                            done = true;
                        });
    }
    CliContext::waitFor(done);
    if (!ok) {
        c.err << tr("Discovery failed: %1").arg(error) << Qt::endl;
        return exitcode::Unreachable;
    }
    QJsonArray all;
    for (const auto &f : found) {
        all << QJsonObject{{QStringLiteral("bridgeId"), qint64(f.bridgeId)},
                           {QStringLiteral("host"), f.host},
                           {QStringLiteral("port"), f.port},
                           {QStringLiteral("discoveryDisabled"), f.discoveryDisabled}};
        if (!c.json)
            c.out << (f.discoveryDisabled
                          ? tr("bridge %1: discovery switched off on it").arg(f.bridgeId)
                          : QStringLiteral("%1:%2  %3").arg(f.host).arg(f.port).arg(f.bridgeId))
                  << Qt::endl;
    }
    if (c.json)
        c.print(QJsonDocument(all));
    return exitcode::Ok;
}

static int buttonFlow(CliContext &c, QString *token)
{
    auto &b = c.bridges.front();
    c.err << tr("Press the button on the bridge now (30 s)…") << Qt::endl;
    bool done = false;
    BridgeError error;
    b->client->requestToken([&](const BridgeError &e, const QString &t) {
        error = e;
        *token = t;
        done = true;
    });
    CliContext::waitFor(done);
    return error.ok() ? exitcode::Ok : c.fail(error, b->config.name);
}

int auth(CliContext &c, const QString &tokenFile)
{
    if (tokenFile.isEmpty()) {
        c.err << tr("Where should the token go? Use --token-file FILE (written readable by you "
                    "only), or 'nukictl add-bridge --button' to keep it in the keychain.")
              << Qt::endl;
        return exitcode::Usage;
    }
    QString token;
    if (const int code = buttonFlow(c, &token))
        return code;
    QFile f(tokenFile);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        !f.setPermissions(QFile::ReadOwner | QFile::WriteOwner) || f.write(token.toUtf8()) < 0) {
        c.err << tr("Cannot write %1: %2").arg(tokenFile, f.errorString()) << Qt::endl;
        return exitcode::Error;
    }
    if (c.json)
        c.print(QJsonDocument(QJsonObject{{QStringLiteral("tokenFile"), tokenFile}}));
    else
        c.out << tr("Token written to %1.").arg(tokenFile) << Qt::endl;
    return exitcode::Ok;
}

int addBridge(CliContext &c, const QString &host, const QString &name, bool button)
{
    auto &b = c.bridges.front();
    QString token;
    if (button) {
        if (const int code = buttonFlow(c, &token))
            return code;
        b->client->setToken(token);
    }
    bool done = false;
    BridgeError error;
    BridgeInfo info;
    b->client->info(BridgeClient::Priority::User, [&](const BridgeError &e, const BridgeInfo &i) {
        error = e;
        info = i;
        done = true;
    });
    CliContext::waitFor(done);
    if (!error.ok())
        return c.fail(error, host);
    BridgeConfig config = b->config;
    config.id = QString::number(info.serverId, 16).toUpper();
    config.name = name.isEmpty() ? tr("Bridge %1").arg(config.id) : name;
    config.tokenMode = b->client->effectiveTokenMode();
    SecretStore secrets;
    done = false;
    bool stored = false;
    QString problem;
    secrets.write(config.id, b->client->credentials().token(), [&](bool ok, const QString &e) {
        stored = ok;
        problem = e;
        done = true;
    });
    CliContext::waitFor(done);
    if (!stored) {
        c.err << tr("The token could not be stored in the keychain: %1").arg(problem) << Qt::endl;
        return exitcode::Error;
    }
    c.settings->upsertBridge(config);
    c.settings->sync();
    if (c.json)
        c.print(QJsonDocument(
            QJsonObject{{QStringLiteral("added"), config.id},
                        {QStringLiteral("name"), config.name},
                        {QStringLiteral("host"), config.host},
                        {QStringLiteral("port"), config.port},
                        {QStringLiteral("tokenForm"), tokenModeName(config.tokenMode)}}));
    else
        c.out << tr("Added %1 (%2:%3).").arg(config.name, config.host).arg(config.port) << Qt::endl;
    return exitcode::Ok;
}

} // namespace commands
