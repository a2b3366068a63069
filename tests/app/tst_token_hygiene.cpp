// Token hygiene: with a recognisable token, drive the app's core paths, the command line and
// the simulator, then search everything they wrote: log output, settings file, stdout and
// stderr, the simulator's request log. The token appears nowhere (the keychain excepted).
#include "AppController.h"
#include "SimBridge.h"
#include "bridge/PushManager.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace nuki;

static QStringList g_log;
static void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_log << message;
}

class TestTokenHygiene : public QObject
{
    Q_OBJECT
    const QString token = QStringLiteral("HYGIENE-7f3c-SECRET");

private slots:
    void tokenAppearsNowhere()
    {
        QTemporaryDir dir;
        nukisim::SimConfig c;
        c.requestMs = 5;
        c.actionMs = 100;
        nukisim::SimBridge sim(c);
        sim.setToken(token);
        QVERIFY(sim.listen(QHostAddress(QStringLiteral("127.0.0.2")), 0));
        const QtMessageHandler previous = qInstallMessageHandler(capture);

        Settings settings(dir.filePath(QStringLiteral("s.ini")));
        AppController app(&settings, false);
        app.start();
        const BridgeConfig b{QStringLiteral("HYG"), QStringLiteral("Hygiene"),
                             QStringLiteral("127.0.0.2"), sim.port()};
        app.saveBridge(b, token, true, AppController::TokenStorage::Keychain);
        QTRY_COMPARE_WITH_TIMEOUT(app.home()->deviceCount(), 4, 10000);
        const DeviceKey lock{b.id, sim.devices().at(1).nukiId, sim.devices().at(1).deviceType};
        QVERIFY(app.home()->actions()->start(lock, 2));
        QSignalSpy finished(app.home(), &Home::actionFinished);
        QVERIFY(finished.wait(10000));
        sim.faults().forcedStatus = 401; // a token problem on the way: messages must not leak
        sim.faults().forcedRemaining = 2;
        app.home()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(app.home()->client(b.id)->isIdle(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            app.push() && app.push()->state(b.id) && app.push()->state(b.id)->active, 20000);

        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NUKI_TOKEN"), token);
        cli.setProcessEnvironment(env);
        cli.start(qEnvironmentVariable("NUKICTL"),
                  {QStringLiteral("--config"), dir.filePath(QStringLiteral("cli.ini")),
                   QStringLiteral("--host"), QStringLiteral("127.0.0.2:%1").arg(sim.port()),
                   QStringLiteral("--json"), QStringLiteral("list")});
        QSignalSpy cliDone(&cli, &QProcess::finished);
        QVERIFY(cliDone.wait(20000));
        QCOMPARE(cli.exitCode(), 0);
        QVERIFY(!cli.arguments().join(u' ').contains(token)); // never on the command line
        const QByteArray cliOut = cli.readAllStandardOutput() + cli.readAllStandardError();

        bool removed = false;
        app.shutdown([&] { removed = true; });
        QTRY_VERIFY_WITH_TIMEOUT(removed, 10000);
        qInstallMessageHandler(previous);

        settings.sync();
        QFile ini(settings.fileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray settingsText = ini.readAll();
        QCOMPARE(QFile::permissions(settings.fileName()) & (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions());

        const QByteArray secret = token.toUtf8();
        QVERIFY2(!settingsText.contains(secret), "token in the settings file");
        QVERIFY2(!cliOut.contains(secret), "token in nukictl's output");
        QVERIFY2(!g_log.join(u'\n').contains(token), "token in the log output");
        for (const auto &e : sim.requestLog()) {
            for (const auto &p : e.params)
                QVERIFY2(!p.second.contains(token), "token in a request's parameters");
            // The bridge accepts encrypted tokens: the plain one never travels.
            QVERIFY2(e.authForm != QLatin1String("plain"), qPrintable(e.path));
        }
        app.secrets()->remove(b.id, [](bool, const QString &) {});
    }
};

QTEST_MAIN(TestTokenHygiene)
#include "tst_token_hygiene.moc"
