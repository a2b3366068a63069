#include "CliContext.h"

#include "protocol/PlainText.h"

#include "bridge/BridgeSetup.h"
#include "store/SecretStore.h"
#include "store/TokenFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

using namespace nuki;

static QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("CliContext", text, disambiguation, n);
}

void CliContext::spinUntil(const std::function<bool()> &done)
{
    while (!done())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

bool CliContext::stdinIsTerminal()
{
    return isatty(STDIN_FILENO) == 1;
}

QString CliContext::readTokenFromTerminal(const QString &prompt)
{
    if (!stdinIsTerminal())
        return {};
    QTextStream(stderr) << prompt << Qt::flush;
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    char buffer[256] = {};
    const bool ok = fgets(buffer, sizeof buffer, stdin) != nullptr;
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    QTextStream(stderr) << "\n";
    return ok ? QString::fromUtf8(buffer).trimmed() : QString();
}

int CliContext::setUp(const QString &host, const QString &bridgeName, const QString &auth,
                      const QString &tokenFile, bool needToken)
{
    const TokenMode mode = auth.isEmpty() ? TokenMode::Auto : tokenModeFromName(auth);
    if (!auth.isEmpty() && mode == TokenMode::Auto) {
        err << tr("--auth takes plain, hashed or encrypted.") << Qt::endl;
        return exitcode::Usage;
    }
    if (!host.isEmpty()) {
        // Ad hoc: the token never on the command line (other users can read argv).
        BridgeConfig c;
        c.id = QStringLiteral("adhoc");
        c.name = host;
        c.tokenMode = mode;
        if (!BridgeSetup::parseAddress(host, &c.host, &c.port)) {
            err << tr("--host takes HOST:PORT.") << Qt::endl;
            return exitcode::Usage;
        }
        QString token;
        if (!needToken) {
            // auth writes --token-file; a command that needs no token reads none.
        } else if (!tokenFile.isEmpty()) {
            // A regular file of a token's size: not /dev/zero, not a FIFO that never ends.
            QString problem;
            if (!tokenfile::read(tokenFile, tokenfile::Links::Follow, &token, &problem)) {
                err << problem << Qt::endl;
                return exitcode::Usage;
            }
        } else if (!qEnvironmentVariableIsEmpty("NUKI_TOKEN")) {
            token = qEnvironmentVariable("NUKI_TOKEN");
        } else {
            token = readTokenFromTerminal(tr("Token for %1: ").arg(host));
        }
        if (needToken && token.isEmpty()) {
            err << tr("No token: set NUKI_TOKEN, use --token-file, or run on a terminal to be "
                      "asked.")
                << Qt::endl;
            return exitcode::Usage;
        }
        addBridge(c, token);
        return exitcode::Ok;
    }
    SecretStore secrets;
    for (const BridgeConfig &c : settings->bridges()) {
        if (!bridgeName.isEmpty() && c.id.compare(bridgeName, Qt::CaseInsensitive) != 0 &&
            c.name.compare(bridgeName, Qt::CaseInsensitive) != 0)
            continue;
        BridgeConfig config = c;
        config.tokenMode = mode == TokenMode::Auto ? c.tokenMode : mode;
        QString token;
        if (needToken) {
            // Where the app keeps it: the keychain, or the private file the person chose
            // when no keychain answered.
            auto [found, stored, error] =
                c.tokenInFile
                    ? std::tuple<bool, QString, QString>(
                          true, SecretStore::readTokenFile(c.id),
                          tr("The token file of this bridge is missing or empty."))
                    : await<bool, QString, QString>([&](auto done) { secrets.read(c.id, done); });
            token = stored;
            if (token.isEmpty()) {
                err << tr("No token for bridge %1: %2").arg(c.name, error) << Qt::endl;
                return exitcode::TokenRejected;
            }
        }
        Bridge *b = addBridge(config, token);
        // A clock offset learned here is kept for the next command and the app (with the
        // token form as configured, not as chosen for this command).
        Settings *s = settings.get();
        QObject::connect(b->source, &BridgeSource::clockSkew,
                         [s, kept = BridgeConfig(c)](qint64 seconds) mutable {
                             kept.clockOffsetSeconds = seconds;
                             s->upsertBridge(kept);
                             s->sync();
                         });
    }
    if (bridges.empty() && brokers.empty() && bridgeName.isEmpty() && host.isEmpty() &&
        !settings->brokers().isEmpty()) {
        // A home of Wi-Fi locks only: say what there is, and where its locks are.
        QStringList names;
        for (const BrokerConfig &b : settings->brokers())
            names << QStringLiteral("“%1” (%2:%3)").arg(b.name, b.host).arg(b.port);
        const QString message =
            tr("No bridge is configured, only %n MQTT broker(s): %1. Their locks are in "
               "'nukictl list' and 'nukictl status'; a bridge is added with 'nukictl "
               "add-bridge' or the app.",
               nullptr, int(names.size()))
                .arg(names.join(QStringLiteral(", ")));
        if (json)
            m_jsonErrors << QJsonObject{{QStringLiteral("error"), QStringLiteral("noBridge")},
                                        {QStringLiteral("message"), message},
                                        {QStringLiteral("exitCode"), exitcode::Usage}};
        err << message << Qt::endl;
        return exitcode::Usage;
    }
    if (bridges.empty() && brokers.empty()) {
        err << (bridgeName.isEmpty()
                    ? tr("No bridge is configured. Use --host HOST:PORT, or add one with "
                         "'nukictl add-bridge' or the app.")
                    : tr("No configured bridge is called “%1”.").arg(bridgeName))
            << Qt::endl;
        return exitcode::DeviceNotFound;
    }
    return exitcode::Ok;
}

CliContext::Bridge *CliContext::addBridge(const BridgeConfig &config, const QString &token)
{
    auto b = std::make_unique<Bridge>();
    b->config = config;
    b->token = token;
    b->source = new BridgeSource(config, token);
    home.addSource(b->source); // not started: nothing is read before a command asks
    bridges.push_back(std::move(b));
    return bridges.back().get();
}

int CliContext::setUpBroker(const QString &address, const QString &user)
{
    BrokerConfig config;
    if (!BridgeSetup::parseAddress(address, &config.host, &config.port)) {
        err << tr("--broker takes HOST or HOST:PORT.") << Qt::endl;
        return exitcode::Usage;
    }
    if (!address.contains(u':') || address.endsWith(u']'))
        config.port = 1883; // MQTT's port, not the bridge's
    config.id = BrokerConfig::idFor(config.host, config.port);
    config.name = address;
    config.username = user;
    // The password never on the command line (other users can read argv).
    addBroker(config, qEnvironmentVariable("NUKI_MQTT_PASSWORD"));
    return exitcode::Ok;
}

CliContext::Broker *CliContext::addBroker(const BrokerConfig &config, const QString &password)
{
    auto b = std::make_unique<Broker>();
    b->config = config;
    // A client id of its own for each run: the app (with the installation's id) and another
    // nukictl may be connected at the same time, and a broker drops the older of two alike.
    b->source =
        new BrokerSource(config, password,
                         settings->mqttClientId() +
                             QStringLiteral("-cli-%1").arg(QCoreApplication::applicationPid()));
    home.addSource(b->source);
    b->source->start(true); // connects now; what it finds is read once it settles
    brokers.push_back(std::move(b));
    return brokers.back().get();
}

void CliContext::setUpConfiguredBrokers()
{
    SecretStore secrets;
    for (const BrokerConfig &b : settings->brokers()) {
        auto [ok, password, error] =
            await<bool, QString, QString>([&](auto done) { secrets.read(b.id, done); });
        addBroker(b, ok ? password : QString()); // an anonymous broker has no entry
    }
}

int CliContext::setUpWeb(const QString &apiUrl, const QString &caFile)
{
    const std::optional<WebConfig> configured = settings->webAccount();
    WebConfig config = configured.value_or(WebConfig{});
    if (!apiUrl.isEmpty())
        config.apiUrl = apiUrl;
    if (!caFile.isEmpty())
        config.caFile = caFile;
    if (const QString problem = WebConfig::checkUrl(config.apiUrl); !problem.isEmpty()) {
        err << problem << Qt::endl;
        return exitcode::Usage;
    }
    QString token = qEnvironmentVariable("NUKI_WEB_TOKEN").trimmed();
    if (token.isEmpty() && configured) {
        SecretStore secrets;
        auto [ok, stored, error] =
            await<bool, QString, QString>([&](auto done) { secrets.read(config.id, done); });
        token = ok ? stored : QString();
    }
    if (token.isEmpty())
        token = readTokenFromTerminal(tr("Nuki Web API token: "));
    if (token.isEmpty()) {
        err << tr("No Nuki Web API token: set NUKI_WEB_TOKEN, add the account with 'nukictl "
                  "add-web', or run on a terminal to be asked.")
            << Qt::endl;
        return exitcode::Usage;
    }
    auto w = std::make_unique<Web>();
    w->config = config;
    w->token = token;
    w->source = new WebSource(config, token);
    if (!w->source->configProblem().isEmpty()) {
        err << w->source->configProblem() << Qt::endl;
        delete w->source;
        return exitcode::Usage;
    }
    home.addSource(w->source); // not started: nothing is read before a command asks
    webs.push_back(std::move(w));
    return exitcode::Ok;
}

QList<CliContext::Place> CliContext::places() const
{
    QList<Place> all;
    for (const auto &b : bridges)
        all << Place{b->config.id, b->config.name, b->source};
    for (const auto &b : brokers)
        all << Place{b->config.id, b->config.name, b->source};
    for (const auto &w : webs)
        all << Place{w->config.id, w->source->name(), w->source};
    return all;
}

SourceError CliContext::fetchDevices(const Place &place, QList<Device> *devices)
{
    auto [error] = await<SourceError>([&](auto done) { place.source->readAll(done); });
    if (const auto *broker = qobject_cast<const BrokerSource *>(place.source);
        broker && broker->refusedLocks() > 0)
        err << tr("%1: more locks than a household has (%n id(s) not believed); a lock that "
                  "publishes while this runs still takes the place of one that does not.",
                  nullptr, broker->refusedLocks())
                   .arg(plainText(place.name))
            << Qt::endl;
    devices->clear();
    for (const DeviceKey &key : home.devices())
        if (const DeviceRecord *r = home.device(key); r && r->sourceId == place.id)
            *devices << r->device;
    return error;
}

int CliContext::findDevice(const QString &query, Found *found,
                           const std::function<bool(const Device &)> &prefer)
{
    QList<Found> all;
    for (const Place &p : places()) {
        QList<Device> devices;
        const SourceError error = fetchDevices(p, &devices);
        if (!error.ok())
            return fail(error, p.name);
        for (const Device &d : devices)
            all << Found{p, d};
    }
    auto pick = [&](auto match) {
        QList<Found> hits;
        for (const Found &f : all)
            if (match(f.device))
                hits << f;
        return hits;
    };
    bool isNumber = false;
    const quint32 id = query.toUInt(&isNumber);
    // A Wi-Fi lock's id as its topics spell it: hex, any case, 0x or leading zeros allowed.
    const std::optional<quint32> hexId = mqtt::parseLockId(query);
    QList<Found> hits = pick([&](const Device &d) {
        return d.name.compare(query, Qt::CaseInsensitive) == 0 || (isNumber && d.nukiId == id) ||
               (hexId && *hexId == d.nukiId) ||
               QStringLiteral("%1")
                       .arg(d.nukiId, 8, 16, QLatin1Char('0'))
                       .compare(query, Qt::CaseInsensitive) == 0;
    });
    if (hits.isEmpty())
        hits = pick([&](const Device &d) { return d.name.startsWith(query, Qt::CaseInsensitive); });
    if (hits.size() > 1 && prefer) {
        QList<Found> preferred;
        for (const Found &f : std::as_const(hits))
            if (prefer(f.device))
                preferred << f;
        if (preferred.size() == 1)
            hits = preferred;
    }
    if (hits.size() == 1) {
        *found = hits.first();
        return exitcode::Ok;
    }
    if (hits.isEmpty()) {
        err << tr("No device matches “%1”. 'nukictl list' shows them all.").arg(query) << Qt::endl;
    } else {
        err << tr("“%1” matches several devices:").arg(query) << Qt::endl;
        for (const Found &f : hits)
            err << "  " << plainText(f.device.name) << " (" << deviceTypeName(f.device.deviceType)
                << ", " << f.device.nukiId << ")" << Qt::endl;
    }
    return exitcode::DeviceNotFound;
}

int CliContext::exitCodeFor(const SourceError &e)
{
    if (e.meansLinkLost())
        return exitcode::Unreachable;
    switch (e.kind) {
    case SourceError::None:
        return exitcode::Ok;
    case SourceError::Unreachable:
    case SourceError::Timeout:
    case SourceError::ConnectionLost:
        break; // the rule above
    case SourceError::Unauthorized:
    case SourceError::AuthDisabled:
    case SourceError::NoToken:
        return exitcode::TokenRejected;
    case SourceError::Busy:
    case SourceError::LockBusy:
        return exitcode::Busy;
    case SourceError::LockNotConnected:
        return exitcode::Unreachable;
    case SourceError::LockRefused:
        return exitcode::ActionFailed;
    case SourceError::NoAnswer:
        return exitcode::OutcomeUnknown;
    case SourceError::UnknownDevice:
        return exitcode::DeviceNotFound;
    case SourceError::DeviceOffline:     // 410: the bridge lost the device
    case SourceError::DeviceUnreachable: // {"success": false}
    case SourceError::BadRequest:
        return exitcode::ActionFailed;
    case SourceError::BadResponse:
    case SourceError::Cancelled:
    case SourceError::ButtonNotPressed:
        return exitcode::Error;
    }
    return exitcode::Error;
}

int CliContext::fail(const SourceError &e, const QString &what)
{
    if (json) {
        QJsonObject o{{QStringLiteral("error"), SourceError::kindName(e.kind)},
                      {QStringLiteral("message"), e.message()},
                      {QStringLiteral("exitCode"), exitCodeFor(e)}};
        if (!what.isEmpty())
            o.insert(QStringLiteral("bridge"), what);
        m_jsonErrors << o; // printed by finish() unless the command prints its own result
    }
    err << (what.isEmpty() ? QString() : what + QStringLiteral(": ")) << e.message() << Qt::endl;
    return exitCodeFor(e);
}

void CliContext::print(const QJsonDocument &doc)
{
    out << doc.toJson(QJsonDocument::Compact) << Qt::endl;
    m_printedJson = true;
}

int CliContext::finish(int code)
{
    // With --json every command leaves exactly one JSON document on stdout: its result, or
    // else its error (the first; all of them under "errors" when several bridges failed).
    if (json && !m_printedJson && !m_jsonErrors.isEmpty()) {
        QJsonObject o = m_jsonErrors.first().toObject();
        if (m_jsonErrors.size() > 1)
            o.insert(QStringLiteral("errors"), m_jsonErrors);
        print(QJsonDocument(o));
    } else if (json && !m_printedJson && code != exitcode::Ok) {
        print(QJsonDocument(QJsonObject{{QStringLiteral("error"), QStringLiteral("failed")},
                                        {QStringLiteral("exitCode"), code}}));
    }
    return code;
}
