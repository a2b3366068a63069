// nuki-bridge-sim: a simulated Nuki Bridge for tests, the demo and people without hardware.
#include "SimBridge.h"
#include "SimCallbacks.h"
#include "SimControlServer.h"
#include "SimLife.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

using namespace nukisim;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("nuki-bridge-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NUKI_VERSION));

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "A simulated Nuki Bridge speaking the bridge's local HTTP API (GET with query "
        "parameters, JSON answers, one request at a time, 503 when busy).\n\n"
        "Control interface (GET on --control-port; add bridge=N for the N-th bridge):\n"
        "  /bridges  /discover/bridges (Nuki web discovery shape)  /requests (request log)\n"
        "  /turn?nukiId=&deviceType=&state=   /door?nukiId=&state=   /ring?nukiId=\n"
        "  /battery?nukiId=&deviceType=&percent=&critical=&charging=  /keypad?nukiId=&critical=\n"
        "  /reachable?nukiId=&deviceType=&value=0|1   /button   /reboot?seconds=\n"
        "  /token?value=   /faults?rate503=&latencyMs=&jitterMs=&status=&count=&malformed=\n"
        "          &drop=&successFalse=&hugeHead=&path=&skew=   /faults/clear\n\n"
        "Requests are refused early, as a real bridge would never take them: a head over\n"
        "4 KB (431), any body (413), more than 32 open connections (the oldest silent one\n"
        "is closed). One request per connection."));
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QStringLiteral("Loopback address(es) to listen on, comma separated; one bridge each "
                       "(e.g. 127.0.0.2,127.0.0.3). Default 127.0.0.1."),
        QStringLiteral("addresses"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("HTTP port of the bridge(s). Default 8080."),
                                  QStringLiteral("port"), QStringLiteral("8080"));
    const QCommandLineOption token(
        QStringLiteral("token"),
        QStringLiteral("API token. Default: the environment variable NUKI_SIM_TOKEN; without "
                       "it, none is set and /auth creates one when the button is pressed."),
        QStringLiteral("token"));
    const QCommandLineOption devices(QStringLiteral("devices"),
                                     QStringLiteral("JSON file with the devices, shaped like "
                                                    "/list. Default: a built-in household."),
                                     QStringLiteral("file"));
    const QCommandLineOption control(QStringLiteral("control-port"),
                                     QStringLiteral("Port of the control interface on the "
                                                    "first listen address. Default 8079; 0 = off."),
                                     QStringLiteral("port"), QStringLiteral("8079"));
    const QCommandLineOption actionMs(QStringLiteral("action-ms"),
                                      QStringLiteral("Duration of a blocking lock action. "
                                                     "Default 2000."),
                                      QStringLiteral("ms"), QStringLiteral("2000"));
    const QCommandLineOption lngMs(QStringLiteral("lockngo-ms"),
                                   QStringLiteral("Lock 'n' go: time before relocking. "
                                                  "Default 20000."),
                                   QStringLiteral("ms"), QStringLiteral("20000"));
    const QCommandLineOption requestMs(QStringLiteral("request-ms"),
                                       QStringLiteral("Time to handle any request. Default 10."),
                                       QStringLiteral("ms"), QStringLiteral("10"));
    const QCommandLineOption software(QStringLiteral("software-bridge"),
                                      QStringLiteral("Act as a software bridge (bridgeType 2): "
                                                     "plain tokens only, no maintenance."));
    const QCommandLineOption noEncrypted(QStringLiteral("no-encrypted-token"),
                                         QStringLiteral("Act as older firmware without "
                                                        "encrypted tokens."));
    const QCommandLineOption alive(QStringLiteral("alive"),
                                   QStringLiteral("Now and then open doors, turn locks by hand "
                                                  "and ring the opener."));
    const QCommandLineOption stopAfterFailure(
        QStringLiteral("stop-callbacks-after-failure"),
        QStringLiteral("Stop delivering a change after the first failing callback, as reported "
                       "from real bridges."));
    const QCommandLineOption maintenanceJson(
        QStringLiteral("maintenance-json"),
        QStringLiteral("Answer /reboot, /fwupdate, /clearlog with {\"success\": true} instead of "
                       "an empty body."));
    const QCommandLineOption nonLoopback(
        QStringLiteral("allow-non-loopback"),
        QStringLiteral("Allow listening on, and posting callbacks to, non-loopback addresses."));
    p.addOptions({listen, port, token, devices, control, actionMs, lngMs, requestMs, software,
                  noEncrypted, alive, stopAfterFailure, maintenanceJson, nonLoopback});
    p.process(app);

    QTextStream err(stderr);
    QTextStream out(stdout);
    const bool allowAny = p.isSet(nonLoopback);
    QByteArray devicesJson;
    if (p.isSet(devices)) {
        QFile f(p.value(devices));
        if (!f.open(QIODevice::ReadOnly)) {
            err << "Cannot read " << f.fileName() << ": " << f.errorString() << Qt::endl;
            return 2;
        }
        devicesJson = f.readAll();
    }
    const QString tokenValue =
        p.isSet(token) ? p.value(token) : qEnvironmentVariable("NUKI_SIM_TOKEN");

    auto *controlServer = new SimControlServer(&app);
    QList<SimBridge *> bridges;
    for (const QString &a : p.value(listen).split(u',', Qt::SkipEmptyParts)) {
        const QHostAddress address(a.trimmed());
        if (address.isNull() || (!allowAny && !address.isLoopback())) {
            err << "Refusing to listen on " << a
                << ": only loopback addresses, unless --allow-non-loopback." << Qt::endl;
            return 2;
        }
        SimConfig config;
        config.bridgeType = p.isSet(software) ? 2 : 1;
        config.actionMs = p.value(actionMs).toInt();
        config.lockNGoDelayMs = p.value(lngMs).toInt();
        config.requestMs = p.value(requestMs).toInt();
        config.maintenanceJson = p.isSet(maintenanceJson);
        config.allowNonLoopbackCallbacks = allowAny;
        auto *bridge = new SimBridge(config, &app);
        bridge->setToken(tokenValue);
        bridge->auth().setAllowHashed(config.bridgeType == 1);
        bridge->auth().setAllowEncrypted(config.bridgeType == 1 && !p.isSet(noEncrypted));
        bridge->callbacks()->setStopAfterFailure(p.isSet(stopAfterFailure));
        QString error;
        if (!devicesJson.isEmpty() && !bridge->loadDevices(devicesJson, &error)) {
            err << "Bad devices file: " << error << Qt::endl;
            return 2;
        }
        if (!bridge->listen(address, quint16(p.value(port).toUInt()))) {
            err << "Cannot listen on " << a << ":" << p.value(port) << Qt::endl;
            return 1;
        }
        if (p.isSet(alive))
            (new SimLife(bridge))->start();
        controlServer->addBridge(bridge);
        bridges << bridge;
        out << "Simulated Nuki Bridge " << bridge->config().serverId << " at " << bridge->baseUrl()
            << " with " << bridge->devices().size() << " devices" << Qt::endl;
    }
    if (bridges.isEmpty()) {
        err << "No address to listen on." << Qt::endl;
        return 2;
    }
    const int controlPort = p.value(control).toInt();
    if (controlPort > 0) {
        if (!controlServer->start(bridges.first()->address(), quint16(controlPort))) {
            err << "Cannot listen on control port " << controlPort << Qt::endl;
            return 1;
        }
        out << "Control interface at http://" << bridges.first()->address().toString() << ":"
            << controlServer->port() << "/ (see --help)" << Qt::endl;
    }
    out << (tokenValue.isEmpty() ? QStringLiteral("No token set: call /auth and press the "
                                                  "button via the control interface /button.")
                                 : QStringLiteral("Token set from the command line or "
                                                  "NUKI_SIM_TOKEN."))
        << Qt::endl;
    return app.exec();
}
