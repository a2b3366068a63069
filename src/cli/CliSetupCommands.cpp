// nukictl commands that find and add bridges: discovery, the token by the button, add-bridge.
// The steps are the core's BridgeSetup, the same the app's set-up assistant runs.
#include "CliCommands.h"

#include "bridge/BridgeSetup.h"
#include "bridge/Discovery.h"
#include "store/SecretStore.h"
#include "store/TokenFile.h"

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

int discover(CliContext &c, const Invocation &in)
{
    Discovery discovery;
    bool ok = true;
    QString error;
    QList<Discovery::Candidate> found;
    if (!in.scanHosts.isEmpty()) {
        std::tie(found) = CliContext::await<QList<Discovery::Candidate>>(
            [&](auto done) { discovery.scan(in.scanHosts, in.port, 2000, done); });
    } else {
        std::tie(ok, error, found) = CliContext::await<bool, QString, QList<Discovery::Candidate>>(
            [&](auto done) { discovery.fetch(QUrl(in.url), 10000, done); });
    }
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

// The token by the bridge's button; an address where nothing listens fails within seconds.
static int buttonFlow(CliContext &c, BridgeSetup &setup, QString *token)
{
    auto [error, answer] = CliContext::await<SourceError, QString>([&](auto done) {
        setup.requestToken(
            done, [&c] { c.err << tr("Press the button on the bridge now (30 s)…") << Qt::endl; });
    });
    *token = answer;
    return error.ok() ? exitcode::Ok : c.fail(error, c.bridges.front()->config.name);
}

static void aim(BridgeSetup &setup, const CliContext &c)
{
    const auto &b = c.bridges.front();
    setup.setEndpoint(b->config.host, b->config.port);
}

int auth(CliContext &c, const Invocation &in)
{
    const QString &tokenFile = in.tokenFile;
    if (tokenFile.isEmpty()) {
        c.err << tr("Where should the token go? Use --token-file FILE (written readable by you "
                    "only), or 'nukictl add-bridge --button' to keep it in the keychain.")
              << Qt::endl;
        return exitcode::Usage;
    }
    BridgeSetup setup;
    aim(setup, c);
    QString token;
    if (const int code = buttonFlow(c, setup, &token))
        return code;
    QString problem;
    if (!tokenfile::write(tokenFile, token, &problem)) {
        c.err << tr("Cannot write %1: %2").arg(tokenFile, problem) << Qt::endl;
        return exitcode::Error;
    }
    if (c.json)
        c.print(QJsonDocument(QJsonObject{{QStringLiteral("tokenFile"), tokenFile}}));
    else
        c.out << tr("Token written to %1.").arg(tokenFile) << Qt::endl;
    return exitcode::Ok;
}

int addBridge(CliContext &c, const Invocation &in)
{
    auto &b = c.bridges.front();
    BridgeSetup setup;
    aim(setup, c);
    QString token = b->token;
    if (in.button)
        if (const int code = buttonFlow(c, setup, &token))
            return code;
    // The same check as the app's: /info and /list with the best form the bridge accepts.
    auto [checked] = CliContext::await<BridgeSetup::Checked>([&](auto done) {
        setup.check(token, b->config.tokenMode, b->config.clockOffsetSeconds, done);
    });
    if (!checked.error.ok()) {
        if (checked.onlyPlainLeft)
            c.err << tr("A software bridge or very old firmware accepts only the token itself: "
                        "if yours is one, add --auth plain (anyone on your network can then "
                        "read the token).")
                  << Qt::endl;
        return c.fail(checked.error, in.host);
    }
    const BridgeConfig config = setup.configFor(checked, in.name);
    SecretStore secrets;
    auto [stored, problem] =
        CliContext::await<bool, QString>([&](auto done) { secrets.write(config.id, token, done); });
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

int addBroker(CliContext &c, const Invocation &in)
{
    if (c.brokers.empty()) {
        c.err << tr("Which broker? Use --broker HOST[:PORT].") << Qt::endl;
        return exitcode::Usage;
    }
    const CliContext::Broker &b = *c.brokers.front();
    // It must answer, and let us in, before it is kept.
    QList<Device> locks;
    const SourceError error = c.fetchDevices({b.config.id, b.config.name, b.source}, &locks);
    if (!error.ok())
        return c.fail(error, in.broker);
    BrokerConfig config = b.config;
    if (!in.name.isEmpty())
        config.name = in.name;
    const QString password = qEnvironmentVariable("NUKI_MQTT_PASSWORD");
    if (!password.isEmpty()) {
        SecretStore secrets;
        auto [stored, problem] = CliContext::await<bool, QString>(
            [&](auto done) { secrets.write(config.id, password, done); });
        if (!stored) {
            c.err << tr("The password could not be stored in the keychain: %1").arg(problem)
                  << Qt::endl;
            return exitcode::Error;
        }
    }
    c.settings->upsertBroker(config);
    c.settings->sync();
    QJsonArray found;
    for (const Device &d : locks)
        found << d.name;
    if (c.json)
        c.print(QJsonDocument(QJsonObject{{QStringLiteral("added"), config.id},
                                          {QStringLiteral("name"), config.name},
                                          {QStringLiteral("host"), config.host},
                                          {QStringLiteral("port"), config.port},
                                          {QStringLiteral("locks"), found}}));
    else
        c.out << QCoreApplication::translate("commands", "Added %1 (%2:%3) with %n lock(s).",
                                             nullptr, int(locks.size()))
                     .arg(config.name, config.host)
                     .arg(config.port)
              << Qt::endl;
    return exitcode::Ok;
}

int addWeb(CliContext &c, const Invocation &in)
{
    const CliContext::Web &w = *c.webs.front();
    // The token must work before it is kept: the list (smartlock.readOnly), then the log.
    QList<Device> devices;
    const SourceError error = c.fetchDevices({w.config.id, w.source->name(), w.source}, &devices);
    if (!error.ok())
        return c.fail(error, w.source->name());
    auto [logError, entries] = CliContext::await<SourceError, QList<web::LogEntry>>(
        [&](auto done) { w.source->readLog(1, {}, done); });
    Q_UNUSED(entries)
    if (!logError.ok())
        c.err << logError.message() << Qt::endl; // kept anyway: the devices work
    WebConfig config = w.config;
    if (!in.name.isEmpty())
        config.name = in.name.left(64);
    SecretStore secrets;
    auto [stored, problem] = CliContext::await<bool, QString>(
        [&](auto done) { secrets.write(config.id, w.token, done); });
    if (!stored) {
        c.err << tr("The API token could not be stored in the keychain: %1").arg(problem)
              << Qt::endl;
        return exitcode::Error;
    }
    c.settings->setWebAccount(config);
    c.settings->sync();
    QJsonArray found;
    for (const Device &d : devices)
        found << d.name;
    if (c.json)
        c.print(QJsonDocument(QJsonObject{{QStringLiteral("added"), config.id},
                                          {QStringLiteral("apiUrl"), config.apiUrl},
                                          {QStringLiteral("devices"), found},
                                          {QStringLiteral("logReadable"), logError.ok()}}));
    else
        c.out << QCoreApplication::translate("commands", "Added Nuki Web (%1) with %n device(s).",
                                             nullptr, int(devices.size()))
                     .arg(config.apiUrl)
              << Qt::endl;
    return exitcode::Ok;
}

} // namespace commands
