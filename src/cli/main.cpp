// nukictl: the command line for Nuki Smart Locks and Openers, as careful as the app.
#include "CliCommands.h"
#include "platform/Translations.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("nuki-desktop")); // shares its settings
    QCoreApplication::setApplicationVersion(QStringLiteral(NUKI_VERSION));

    nuki::installTranslations();

    QCommandLineParser p;
    p.setApplicationDescription(
        QCoreApplication::translate(
            "nukictl", "Controls Nuki Smart Locks and Openers through a Nuki Bridge, and Wi-Fi "
                       "Smart Locks through an MQTT broker (--broker).") +
        u"\n\n"_s + QCoreApplication::translate("nukictl", "Commands:") + u'\n' + commandHelp() +
        u'\n' +
        QCoreApplication::translate(
            "nukictl",
            "DEVICE is a name (case-insensitive, a unique prefix is enough) or a nukiId.\n"
            "The token is never taken from the command line: NUKI_TOKEN, --token-file, or a "
            "prompt.\nA broker's password neither: NUKI_MQTT_PASSWORD. Nor Nuki Web's API token: "
            "NUKI_WEB_TOKEN.\n\n"
            "Exit codes: 0 done, 1 other error, 2 usage, 3 device not found or ambiguous,\n"
            "4 bridge, broker or lock unreachable, 5 token or broker login rejected, or clock "
            "skew,\n6 bridge busy after retries or lock busy, 7 action failed, 8 no answer or "
            "outcome unknown\n(check the door), 9 refused without confirmation."));
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption json(QStringLiteral("json"),
                                  QCoreApplication::translate("nukictl", "Print JSON."));
    const QCommandLineOption yes(
        QStringLiteral("yes"),
        QCoreApplication::translate("nukictl", "Do not ask before opening a door."));
    const QCommandLineOption noWait(
        QStringLiteral("no-wait"),
        QCoreApplication::translate("nukictl", "Return once the bridge accepted an action."));
    const QCommandLineOption bridge(
        QStringLiteral("bridge"),
        QCoreApplication::translate("nukictl", "Use this configured bridge."),
        QStringLiteral("name|id"));
    const QCommandLineOption host(
        QStringLiteral("host"),
        QCoreApplication::translate("nukictl", "Talk to this bridge directly."),
        QStringLiteral("host:port"));
    const QCommandLineOption tokenFile(
        QStringLiteral("token-file"),
        QCoreApplication::translate("nukictl", "Read (or, for auth, write) the token here."),
        QStringLiteral("file"));
    const QCommandLineOption auth(
        QStringLiteral("auth"),
        QCoreApplication::translate("nukictl",
                                    "Force how the token is sent: plain, hashed, encrypted."),
        QStringLiteral("form"));
    const QCommandLineOption unlatch(
        QStringLiteral("unlatch"),
        QCoreApplication::translate("nukictl", "lockngo: also open the door."));
    const QCommandLineOption count(
        QStringLiteral("count"),
        QCoreApplication::translate("nukictl", "log: entries; watch: stop after N events."),
        QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption interval(
        QStringLiteral("interval"),
        QCoreApplication::translate("nukictl", "watch: seconds between reads."),
        QStringLiteral("s"), QStringLiteral("15"));
    const QCommandLineOption poll(
        QStringLiteral("poll"),
        QCoreApplication::translate("nukictl", "watch: poll only, no push (no callback)."));
    const QCommandLineOption url(
        QStringLiteral("url"),
        QCoreApplication::translate("nukictl", "discover: the discovery service."),
        QStringLiteral("url"));
    const QCommandLineOption scan(
        QStringLiteral("scan"),
        QCoreApplication::translate("nukictl",
                                    "discover: probe these addresses instead (comma separated)."),
        QStringLiteral("hosts"));
    const QCommandLineOption port(
        QStringLiteral("port"),
        QCoreApplication::translate("nukictl", "discover --scan: the port."),
        QStringLiteral("port"), QStringLiteral("8080"));
    const QCommandLineOption name(QStringLiteral("name"),
                                  QCoreApplication::translate("nukictl", "add-bridge: its name."),
                                  QStringLiteral("name"));
    const QCommandLineOption button(
        QStringLiteral("button"),
        QCoreApplication::translate("nukictl",
                                    "add-bridge: get the token with the bridge's button."));
    const QCommandLineOption broker(
        QStringLiteral("broker"),
        QCoreApplication::translate("nukictl",
                                    "Talk to Wi-Fi locks on this MQTT broker (port 1883 unless "
                                    "given; password in NUKI_MQTT_PASSWORD)."),
        QStringLiteral("host[:port]"));
    const QCommandLineOption mqttUser(
        QStringLiteral("mqtt-user"),
        QCoreApplication::translate("nukictl", "--broker: the user name."), QStringLiteral("user"));
    const QCommandLineOption config(
        QStringLiteral("config"), QCoreApplication::translate("nukictl", "Use this settings file."),
        QStringLiteral("file"));
    const QCommandLineOption since(
        QStringLiteral("since"), QCoreApplication::translate("nukictl", "history: from this time."),
        QStringLiteral("time"));
    const QCommandLineOption until(
        QStringLiteral("until"),
        QCoreApplication::translate("nukictl", "history: up to this time."),
        QStringLiteral("time"));
    const QCommandLineOption kind(
        QStringLiteral("kind"),
        QCoreApplication::translate("nukictl", "history: only this kind (may be repeated)."),
        QStringLiteral("kind"));
    const QCommandLineOption csv(QStringLiteral("csv"),
                                 QCoreApplication::translate("nukictl", "history: as CSV."));
    const QCommandLineOption web(
        QStringLiteral("web"),
        QCoreApplication::translate("nukictl", "Use the configured Nuki Web account (the cloud) "
                                               "instead of the bridges."));
    const QCommandLineOption webApi(
        QStringLiteral("web-api"),
        QCoreApplication::translate("nukictl", "Nuki Web's API address (default "
                                               "https://api.nuki.io); implies --web."),
        QStringLiteral("url"));
    const QCommandLineOption webCa(
        QStringLiteral("web-ca"),
        QCoreApplication::translate("nukictl",
                                    "Also trust this CA for Nuki Web (a proxy's); implies --web."),
        QStringLiteral("file"));
    const QCommandLineOption after(
        QStringLiteral("after"),
        QCoreApplication::translate("nukictl",
                                    "automations set: how long the screen stays locked, or the "
                                    "door unlocked or open, before it acts."),
        QStringLiteral("seconds"));
    p.addOptions({json,     yes,   noWait, bridge, host, tokenFile, auth,   unlatch, count,
                  interval, poll,  url,    scan,   port, name,      button, broker,  mqttUser,
                  config,   since, until,  kind,   csv,  web,       webApi, webCa,   after});
    p.addPositionalArgument(QStringLiteral("command"),
                            QCoreApplication::translate("nukictl", "What to do (see above)."));
    if (!p.parse(app.arguments())) {
        QTextStream(stderr) << p.errorText() << Qt::endl;
        return exitcode::Usage;
    }
    if (p.isSet(QStringLiteral("help")))
        p.showHelp(0);
    if (p.isSet(QStringLiteral("version")))
        p.showVersion();
    QStringList args = p.positionalArguments();
    if (args.isEmpty()) {
        QTextStream(stderr) << QCoreApplication::translate(
                                   "nukictl",
                                   "What should I do? 'nukictl --help' lists the commands.")
                            << Qt::endl;
        return exitcode::Usage;
    }
    Invocation in;
    in.command = args.takeFirst();
    in.args = args;
    const Command *command = findCommand(in.command);
    if (!command) {
        QTextStream(stderr) << QCoreApplication::translate(
                                   "nukictl", "Unknown command: %1. See 'nukictl --help'.")
                                   .arg(in.command)
                            << Qt::endl;
        return exitcode::Usage;
    }
    in.host = p.value(host);
    in.name = p.value(name);
    in.tokenFile = p.value(tokenFile);
    in.unlatch = p.isSet(unlatch);
    in.button = p.isSet(button);
    in.poll = p.isSet(poll);
    in.count = p.value(count).toInt();
    in.intervalSeconds = qMax(2, p.value(interval).toInt());
    in.scanHosts = p.value(scan).split(u',', Qt::SkipEmptyParts);
    in.port = quint16(p.value(port).toUInt());
    in.broker = p.value(broker);
    in.mqttUser = p.value(mqttUser);
    if (p.isSet(after)) {
        bool ok = false;
        in.afterSeconds = p.value(after).toInt(&ok);
        if (!ok || in.afterSeconds < 0 || in.afterSeconds > nuki::automation::MaxAfterSeconds) {
            QTextStream(stderr) << QCoreApplication::translate(
                                       "nukictl", "--after: “%1” is not a number of seconds "
                                                  "from 0 to 86400.")
                                       .arg(p.value(after))
                                << Qt::endl;
            return exitcode::Usage;
        }
    }
    in.since = p.value(since);
    in.until = p.value(until);
    in.kinds = p.values(kind);
    in.csv = p.isSet(csv);
    if (p.isSet(count)) {
        bool ok = false;
        in.count = p.value(count).toInt(&ok);
        if (!ok || in.count <= 0) {
            QTextStream(stderr) << QCoreApplication::translate(
                                       "nukictl", "--count: “%1” is not a number above 0.")
                                       .arg(p.value(count))
                                << Qt::endl;
            return exitcode::Usage;
        }
    }

    CliContext c;
    c.json = p.isSet(json);
    c.yes = p.isSet(yes);
    c.noWait = p.isSet(noWait);
    c.settings = p.isSet(config) ? std::make_unique<nuki::Settings>(p.value(config))
                                 : std::make_unique<nuki::Settings>();
    in.url = p.isSet(url) ? p.value(url) : c.settings->discoveryUrl();

    // Every way out of a command passes finish(): with --json, one document on stdout.
    auto run = [&]() -> int {
        if (in.args.size() < command->minArgs || in.args.size() > command->maxArgs) {
            QTextStream(stderr) << QCoreApplication::translate("nukictl", "Usage: nukictl %1 %2")
                                       .arg(in.command, QLatin1StringView(command->synopsis))
                                       .trimmed()
                                << Qt::endl;
            return exitcode::Usage;
        }
        if (command->needsHost && in.host.isEmpty()) {
            QTextStream(stderr) << QCoreApplication::translate("nukictl",
                                                               "'%1' needs --host HOST:PORT.")
                                       .arg(in.command)
                                << Qt::endl;
            return exitcode::Usage;
        }
        const bool overWeb =
            p.isSet(web) || p.isSet(webApi) || p.isSet(webCa) || in.command == u"add-web";
        if (overWeb) {
            if (!command->overBroker) {
                QTextStream(stderr)
                    << QCoreApplication::translate("nukictl", "'%1' is for bridges, not --web.")
                           .arg(in.command)
                    << Qt::endl;
                return exitcode::Usage;
            }
            if (const int code = c.setUpWeb(p.value(webApi), p.value(webCa)))
                return code;
            return command->run(c, in);
        }
        if (!in.broker.isEmpty()) {
            if (!command->overBroker) {
                QTextStream(stderr)
                    << QCoreApplication::translate("nukictl", "'%1' is for bridges, not --broker.")
                           .arg(in.command)
                    << Qt::endl;
                return exitcode::Usage;
            }
            if (const int code = c.setUpBroker(in.broker, in.mqttUser))
                return code;
            return command->run(c, in);
        }
        const bool needsToken = command->token == Command::Token::Needed ||
                                (command->token == Command::Token::UnlessButton && !in.button);
        // Devices on configured brokers too, unless a bridge was named.
        if (command->overBroker && in.host.isEmpty() && p.value(bridge).isEmpty())
            c.setUpConfiguredBrokers();
        // A command that needs devices only sometimes (automations set) sets them up itself.
        in.setUpSources = [&] {
            if (in.host.isEmpty() && p.value(bridge).isEmpty())
                c.setUpConfiguredBrokers();
            return c.setUp(in.host, p.value(bridge), p.value(auth), in.tokenFile, true);
        };
        if (command->setsUpBridges)
            if (const int code =
                    c.setUp(in.host, p.value(bridge), p.value(auth), in.tokenFile, needsToken))
                return code;
        return command->run(c, in);
    };
    return c.finish(run());
}
