// nuki-lock-sim: a simulated Wi-Fi Smart Lock (3.0 Pro, 4th generation, Ultra) that connects to
// an MQTT broker as the real lock does, for tests, the demo and people without hardware.
#include "SimWifiLock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostInfo>
#include <QSocketNotifier>
#include <QTextStream>
#include <csignal>
#include <optional>
#include <unistd.h>

using namespace nukisim;

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &c, 1); // async-signal-safe
}

struct Endpoint
{
    QString host;
    quint16 port = 1883;
};

// HOST, HOST:PORT, [V6] or [V6]:PORT.
std::optional<Endpoint> parseBroker(const QString &text)
{
    Endpoint e;
    QString portText;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0)
            return std::nullopt;
        e.host = text.mid(1, close - 1);
        const QString rest = text.mid(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(u':'))
            return std::nullopt;
        portText = rest.mid(1);
    } else if (text.count(u':') == 1) {
        e.host = text.section(u':', 0, 0);
        portText = text.section(u':', 1);
    } else {
        e.host = text;
    }
    if (e.host.isEmpty())
        return std::nullopt;
    if (!portText.isNull()) {
        bool ok = false;
        const uint port = portText.toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return std::nullopt;
        e.port = quint16(port);
    }
    return e;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("nuki-lock-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NUKI_VERSION));

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "A simulated Nuki Wi-Fi Smart Lock (3.0 Pro, 4th generation, Ultra) speaking Nuki's "
        "MQTT API: it connects to an MQTT broker as a client, keeps its state in retained "
        "topics under nuki/<ID>/, sets nuki/<ID>/connected=false as its last will, publishes "
        "Home Assistant discovery configs and obeys lockAction/lock/unlock.\n\n"
        "The broker password is read from the environment variable NUKI_MQTT_PASSWORD, never "
        "from the command line (where every user of the computer could read it).\n\n"
        "Runs until SIGTERM or SIGINT, then publishes connected=false itself and disconnects."));
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption broker(
        QStringLiteral("broker"),
        QStringLiteral("Broker address, HOST[:PORT] or [IPv6][:PORT]. Default 127.0.0.1:1883."),
        QStringLiteral("host:port"), QStringLiteral("127.0.0.1:1883"));
    const QCommandLineOption allowLan(
        QStringLiteral("allow-lan"),
        QStringLiteral("Also connect to a broker on the home network (10/8, 172.16/12, "
                       "192.168/16, IPv6 unique-local or link-local), as a real lock may. Off by "
                       "default because a simulated lock obeys anyone who may publish its command "
                       "topics and sends its password in plain text (Nuki locks have no TLS), so "
                       "it stays on this computer unless asked. Public addresses: never."));
    const QCommandLineOption user(
        QStringLiteral("user"), QStringLiteral("Broker user name (password: NUKI_MQTT_PASSWORD)."),
        QStringLiteral("name"));
    const QCommandLineOption id(QStringLiteral("id"),
                                QStringLiteral("Nuki id in hex, up to 8 digits; topics use 8 "
                                               "upper-case digits. Default 2BB28570."),
                                QStringLiteral("hex"), QStringLiteral("2BB28570"));
    const QCommandLineOption name(QStringLiteral("name"),
                                  QStringLiteral("The lock's name. Default \"Front door\"."),
                                  QStringLiteral("name"), QStringLiteral("Front door"));
    const QCommandLineOption deviceType(QStringLiteral("device-type"),
                                        QStringLiteral("deviceType topic. Default 4."),
                                        QStringLiteral("n"), QStringLiteral("4"));
    const QCommandLineOption firmware(QStringLiteral("firmware"),
                                      QStringLiteral("Firmware version. Default 4.2.6."),
                                      QStringLiteral("version"), QStringLiteral("4.2.6"));
    const QCommandLineOption noLocking(
        QStringLiteral("no-allow-locking"),
        QStringLiteral("As with \"Allow locking\" off in the Nuki app: the lock does not "
                       "subscribe to its command topics, so commands vanish unanswered."));
    const QCommandLineOption noDiscovery(
        QStringLiteral("no-discovery"),
        QStringLiteral("Publish no Home Assistant discovery configs."));
    const QCommandLineOption nodeTopics(
        QStringLiteral("discovery-node-topics"),
        QStringLiteral("Discovery under homeassistant/<component>/<ID>/<key>/config (the spec "
                       "text) instead of homeassistant/<component>/nuki_<ID>_<key>/config."));
    const QCommandLineOption order(
        QStringLiteral("order"),
        QStringLiteral("Order of the answers to a command: response (commandResponse, event, "
                       "state), event (event, state, response; default), state (state, event, "
                       "response) or last (event, state, response once the motor stops)."),
        QStringLiteral("order"), QStringLiteral("event"));
    const QCommandLineOption motionMs(QStringLiteral("motion-ms"),
                                      QStringLiteral("Duration of unlocking, locking and "
                                                     "unlatching. Default 1500."),
                                      QStringLiteral("ms"), QStringLiteral("1500"));
    const QCommandLineOption lngMs(QStringLiteral("lockngo-ms"),
                                   QStringLiteral("Lock 'n' go: time before relocking. "
                                                  "Default 10000."),
                                   QStringLiteral("ms"), QStringLiteral("10000"));
    const QCommandLineOption busy(QStringLiteral("busy-code"),
                                  QStringLiteral("commandResponse for a command while the motor "
                                                 "runs. Default 69 (0x45, busy)."),
                                  QStringLiteral("code"), QStringLiteral("69"));
    const QCommandLineOption door(QStringLiteral("door-sensor"),
                                  QStringLiteral("A door sensor is paired (doorsensor topics)."));
    const QCommandLineOption keypad(QStringLiteral("keypad"),
                                    QStringLiteral("A keypad is paired (keypadBatteryCritical)."));
    const QCommandLineOption knob(QStringLiteral("knob-door"),
                                  QStringLiteral("A door with a knob: unlock=true unlatches."));
    const QCommandLineOption mqtt5(QStringLiteral("mqtt5"),
                                   QStringLiteral("Speak MQTT 5 instead of 3.1.1."));
    p.addOptions({broker, allowLan, user, id, name, deviceType, firmware, noLocking, noDiscovery,
                  nodeTopics, order, motionMs, lngMs, busy, door, keypad, knob, mqtt5});
    p.process(app);

    QTextStream err(stderr);
    QTextStream out(stdout);
    const auto fail = [&err](const QString &message) {
        err << "nuki-lock-sim: " << message << Qt::endl;
        return 2;
    };

    const std::optional<Endpoint> endpoint = parseBroker(p.value(broker));
    if (!endpoint)
        return fail(QStringLiteral("--broker wants HOST[:PORT], got \"%1\".").arg(p.value(broker)));
    // Resolved once here and connected to by address, so a name cannot point elsewhere later.
    const QHostInfo info = QHostInfo::fromName(endpoint->host);
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty())
        return fail(
            QStringLiteral("cannot resolve %1: %2").arg(endpoint->host, info.errorString()));
    const QHostAddress address = info.addresses().constFirst();
    if (!SimWifiLock::brokerAllowed(address, p.isSet(allowLan)))
        return fail(QStringLiteral("refusing to connect to %1 (%2): only loopback addresses, "
                                   "or the home network with --allow-lan.")
                        .arg(endpoint->host, address.toString()));

    WifiLockConfig c;
    QString idText = p.value(id).trimmed();
    if (idText.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
        idText = idText.mid(2);
    bool ok = false;
    c.nukiId = idText.toUInt(&ok, 16);
    if (!ok || idText.isEmpty() || idText.size() > 8)
        return fail(QStringLiteral("--id wants up to 8 hex digits."));
    c.name = p.value(name);
    c.deviceType = p.value(deviceType).toInt(&ok);
    if (!ok)
        return fail(QStringLiteral("--device-type wants a number."));
    c.firmware = p.value(firmware);
    c.host = address.toString();
    c.allowLan = p.isSet(allowLan);
    c.port = endpoint->port;
    c.username = p.value(user);
    c.password = qEnvironmentVariable("NUKI_MQTT_PASSWORD");
    c.allowLocking = !p.isSet(noLocking);
    c.haDiscovery = !p.isSet(noDiscovery);
    if (p.isSet(nodeTopics))
        c.discoveryTopics = WifiLockConfig::DiscoveryTopics::NodeId;
    const QString orderText = p.value(order);
    if (orderText == u"response")
        c.order = WifiLockConfig::Order::ResponseFirst;
    else if (orderText == u"event")
        c.order = WifiLockConfig::Order::EventFirst;
    else if (orderText == u"state")
        c.order = WifiLockConfig::Order::StateFirst;
    else if (orderText == u"last")
        c.order = WifiLockConfig::Order::ResponseLast;
    else
        return fail(QStringLiteral("--order wants response, event, state or last."));
    const int ms = p.value(motionMs).toInt(&ok);
    if (!ok || ms < 0)
        return fail(QStringLiteral("--motion-ms wants a number of milliseconds."));
    c.unlockMs = c.lockMs = c.unlatchMs = ms;
    c.fullLockMs = ms * 5 / 3;
    c.lockNGoDelayMs = p.value(lngMs).toInt(&ok);
    if (!ok || c.lockNGoDelayMs < 0)
        return fail(QStringLiteral("--lockngo-ms wants a number of milliseconds."));
    c.busyCode = p.value(busy).toInt(&ok);
    if (!ok || c.busyCode < 1 || c.busyCode > 255)
        return fail(QStringLiteral("--busy-code wants 1 to 255."));
    c.hasDoorSensor = p.isSet(door);
    c.hasKeypad = p.isSet(keypad);
    c.knobDoor = p.isSet(knob);
    c.mqtt5 = p.isSet(mqtt5);

    // SIGTERM/SIGINT end the event loop's way: through a pipe, not inside the handler.
    if (::pipe(g_signalPipe) != 0)
        return fail(QStringLiteral("cannot create a pipe"));
    QSocketNotifier signalNotifier(g_signalPipe[0], QSocketNotifier::Read);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);

    SimWifiLock lock(c);
    bool stopping = false;
    QObject::connect(&lock, &SimWifiLock::connected, &app, [&] {
        out << "nuki-lock-sim: " << c.idHex() << " (\"" << c.name << "\") connected to "
            << endpoint->host << ':' << c.port << " as SL3P_" << c.idHex() << Qt::endl;
    });
    QObject::connect(&lock, &SimWifiLock::disconnected, &app, [&] {
        if (stopping)
            app.quit();
    });
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, [&] {
        char buf[16];
        [[maybe_unused]] const auto n = ::read(g_signalPipe[0], buf, sizeof buf);
        if (stopping)
            return;
        stopping = true;
        lock.disconnectCleanly(); // connected=false, acknowledged, then DISCONNECT
    });
    if (!lock.start())
        return fail(QStringLiteral("cannot start the MQTT client"));
    return app.exec();
}
