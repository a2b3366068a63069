// nuki-web-sim: a simulated Nuki Web (api.nuki.io) on loopback over HTTPS, for tests, the demo
// and people without an account. Prints its URL and the CA file to trust (--web-ca), and
// serves the household of SimWeb::addHousehold until SIGINT or SIGTERM.
// The token is read from NUKI_WEB_SIM_TOKEN (default "sim-token"), never from the arguments;
// NUKI_WEB_SIM_SCOPES narrows its scopes (comma separated).
#include "SimWeb.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>
#include <csignal>
#include <unistd.h>

using namespace nukisim;

namespace {
int g_pipe[2] = {-1, -1};
void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_pipe[1], &c, 1);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("A simulated Nuki Web on 127.0.0.1 (HTTPS)."));
    p.addHelpOption();
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port (0: any)."),
                                  QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption wake(QStringLiteral("wake-ms"), QStringLiteral("Wake delay."),
                                  QStringLiteral("ms"), QStringLiteral("1500"));
    const QCommandLineOption motion(QStringLiteral("motion-ms"), QStringLiteral("Motion time."),
                                    QStringLiteral("ms"), QStringLiteral("3000"));
    const QCommandLineOption logDelay(QStringLiteral("log-delay-ms"),
                                      QStringLiteral("Upload delay of the log."),
                                      QStringLiteral("ms"), QStringLiteral("5000"));
    p.addOptions({port, wake, motion, logDelay});
    p.process(app);

    if (::pipe(g_pipe) != 0)
        return 1;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QSocketNotifier notifier(g_pipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);

    SimWeb web;
    web.wakeMs = p.value(wake).toInt();
    web.motionMs = p.value(motion).toInt();
    web.logDelayMs = p.value(logDelay).toInt();
    web.addHousehold();
    const QByteArray token = qEnvironmentVariableIsEmpty("NUKI_WEB_SIM_TOKEN")
                                 ? QByteArray("sim-token")
                                 : qgetenv("NUKI_WEB_SIM_TOKEN");
    const QStringList scopes =
        qEnvironmentVariableIsEmpty("NUKI_WEB_SIM_SCOPES")
            ? QStringList{QStringLiteral("smartlock.readOnly"), QStringLiteral("smartlock.action"),
                          QStringLiteral("smartlock.log")}
            : qEnvironmentVariable("NUKI_WEB_SIM_SCOPES").split(u',', Qt::SkipEmptyParts);
    web.addToken(token, scopes, QStringLiteral("Desk"));
    if (!web.start(quint16(p.value(port).toUInt()))) {
        QTextStream(stderr) << "nuki-web-sim: cannot listen or make certificates (openssl)\n";
        return 1;
    }
    QTextStream out(stdout);
    out << "URL: " << web.url() << "\nCA: " << web.caFile() << Qt::endl;
    return app.exec();
}
