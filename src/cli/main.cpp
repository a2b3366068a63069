// nukictl: the command line for Nuki Smart Locks and Openers, as careful as the app.
#include "CliCommands.h"
#include "Translations.h"

#include <QCommandLineParser>
#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("nuki-desktop")); // shares its settings
    QCoreApplication::setApplicationVersion(QStringLiteral(NUKI_VERSION));

    nuki::installTranslations();

    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "nukictl",
        "Controls Nuki Smart Locks and Openers through a Nuki Bridge.\n\n"
        "Commands:\n"
        "  bridges                 the configured bridges\n"
        "  list                    every device with its state\n"
        "  status DEVICE           one device\n"
        "  lock|unlock DEVICE      lock or unlock a Smart Lock\n"
        "  open DEVICE             unlatch a lock, or buzz an Opener's door (asks first)\n"
        "  lockngo DEVICE          lock 'n' go (--unlatch: also open; asks first)\n"
        "  rto on|off DEVICE       an Opener's ring to open\n"
        "  cm on|off DEVICE        an Opener's continuous mode\n"
        "  refresh DEVICE          read the real state (wakes the lock over Bluetooth)\n"
        "  watch                   print changes as they happen (--json: one object a line);\n"
        "                          by push where the bridge reaches this computer, else by\n"
        "                          polling every --interval s; --poll: always poll\n"
        "  info | log [--count N] | callbacks [list|remove ID] | reboot | fwupdate\n"
        "  discover [--url URL | --scan HOSTS]   find bridges\n"
        "  auth --host H:P --token-file FILE     get the token with the bridge's button\n"
        "  add-bridge --host H:P [--name N] [--button]   configure a bridge (token to keychain)\n\n"
        "DEVICE is a name (case-insensitive, a unique prefix is enough) or a nukiId.\n"
        "The token is never taken from the command line: NUKI_TOKEN, --token-file, or a prompt.\n\n"
        "Exit codes: 0 done, 1 other error, 2 usage, 3 device not found or ambiguous,\n"
        "4 bridge unreachable, 5 token rejected or clock skew, 6 bridge busy after retries,\n"
        "7 action failed, 8 outcome unknown (check the door), 9 refused without confirmation."));
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
    const QCommandLineOption config(
        QStringLiteral("config"), QCoreApplication::translate("nukictl", "Use this settings file."),
        QStringLiteral("file"));
    p.addOptions({json, yes, noWait, bridge, host, tokenFile, auth, unlatch, count, interval, poll,
                  url, scan, port, name, button, config});
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
    const QString command = args.takeFirst();
    static const QStringList known = {
        QStringLiteral("bridges"),   QStringLiteral("list"),      QStringLiteral("status"),
        QStringLiteral("lock"),      QStringLiteral("unlock"),    QStringLiteral("open"),
        QStringLiteral("lockngo"),   QStringLiteral("rto"),       QStringLiteral("cm"),
        QStringLiteral("refresh"),   QStringLiteral("watch"),     QStringLiteral("info"),
        QStringLiteral("log"),       QStringLiteral("callbacks"), QStringLiteral("reboot"),
        QStringLiteral("fwupdate"),  QStringLiteral("discover"),  QStringLiteral("auth"),
        QStringLiteral("add-bridge")};
    if (!known.contains(command)) {
        QTextStream(stderr) << QCoreApplication::translate(
                                   "nukictl", "Unknown command: %1. See 'nukictl --help'.")
                                   .arg(command)
                            << Qt::endl;
        return exitcode::Usage;
    }

    CliContext c;
    c.json = p.isSet(json);
    c.yes = p.isSet(yes);
    c.noWait = p.isSet(noWait);
    c.settings = p.isSet(config) ? std::make_unique<nuki::Settings>(p.value(config))
                                 : std::make_unique<nuki::Settings>();

    // Every way out of a command passes finish(): with --json, one document on stdout.
    auto run = [&]() -> int {
        if (command == u"discover") {
            const QStringList hosts = p.value(scan).split(u',', Qt::SkipEmptyParts);
            return commands::discover(c, p.isSet(url) ? p.value(url) : c.settings->discoveryUrl(),
                                      hosts, quint16(p.value(port).toUInt()));
        }
        const bool needsToken = command != u"bridges" && command != u"auth" &&
                                !(command == u"add-bridge" && p.isSet(button));
        if ((command == u"auth" || command == u"add-bridge") && !p.isSet(host)) {
            QTextStream(stderr) << QCoreApplication::translate("nukictl",
                                                               "'%1' needs --host HOST:PORT.")
                                       .arg(command)
                                << Qt::endl;
            return exitcode::Usage;
        }
        if (const int code = c.setUp(p.value(host), p.value(bridge), p.value(auth),
                                     p.value(tokenFile), needsToken))
            return code;

        static const QStringList actions = {QStringLiteral("lock"), QStringLiteral("unlock"),
                                            QStringLiteral("open"), QStringLiteral("lockngo"),
                                            QStringLiteral("rto"),  QStringLiteral("cm")};
        if (command == u"bridges")
            return commands::bridges(c);
        if (command == u"list")
            return commands::list(c);
        if (command == u"status" && args.size() == 1)
            return commands::status(c, args.first());
        if (actions.contains(command))
            return commands::action(c, command, args, p.isSet(unlatch));
        if (command == u"refresh" && args.size() == 1)
            return commands::refresh(c, args.first());
        if (command == u"watch")
            return commands::watch(c, p.value(count).toInt(), qMax(2, p.value(interval).toInt()),
                                   p.isSet(poll));
        if (command == u"info")
            return commands::info(c);
        if (command == u"log")
            return commands::log(c, p.value(count).toInt() > 0 ? p.value(count).toInt() : 20);
        if (command == u"callbacks")
            return commands::callbacks(c, args);
        if (command == u"reboot")
            return commands::maintenance(c, QStringLiteral("/reboot"));
        if (command == u"fwupdate")
            return commands::maintenance(c, QStringLiteral("/fwupdate"));
        if (command == u"auth")
            return commands::auth(c, p.value(tokenFile));
        if (command == u"add-bridge")
            return commands::addBridge(c, p.value(host), p.value(name), p.isSet(button));
        QTextStream(stderr) << QCoreApplication::translate(
                                   "nukictl",
                                   "Unknown command or missing argument: %1. See 'nukictl --help'.")
                                   .arg(command)
                            << Qt::endl;
        return exitcode::Usage;
    };
    return c.finish(run());
}
