// Token hygiene: with a recognisable token, drive the app's core paths, the command line and
// the simulator, then search everything they wrote: log output, settings file, stdout and
// stderr, the simulator's request log. The token appears nowhere (the keychain excepted).
#include "AppController.h"
#include "SimBridge.h"
#include "bridge/BridgeSource.h"
#include "bridge/PushManager.h"

#include <QDir>
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

    // The command line of a process whose arguments hold the token, if any.
    QString processWithTokenInArguments() const
    {
        const QByteArray secret = token.toUtf8();
        const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
        for (const QString &pid : pids) {
            QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
            if (!pid.front().isDigit() || !f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray args = f.readAll();
            if (args.contains(secret))
                return QString::fromLocal8Bit(args).replace(QChar(0), QChar(u' '));
        }
        return {};
    }

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
        const DeviceKey lock{sim.devices().at(1).nukiId, sim.devices().at(1).deviceType};
        QVERIFY(app.home()->actions()->start(lock, 2));
        QSignalSpy finished(app.home(), &Home::actionFinished);
        QVERIFY(finished.wait(10000));
        sim.faults().forcedStatus = 401; // a token problem on the way: messages must not leak
        sim.faults().forcedRemaining = 2;
        app.home()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(bridgeSource(*app.home(), b.id)->client()->isIdle(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            app.push() && app.push()->state(b.id) && app.push()->state(b.id)->active, 20000);

        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NUKI_TOKEN"), token);
        cli.setProcessEnvironment(env);
        cli.start(qEnvironmentVariable("NUKICTL"),
                  {QStringLiteral("--config"), dir.filePath(QStringLiteral("cli.ini")),
                   QStringLiteral("--host"), QStringLiteral("127.0.0.2:%1").arg(sim.port()),
                   QStringLiteral("--json"), QStringLiteral("watch"), QStringLiteral("--poll"),
                   QStringLiteral("--interval"), QStringLiteral("2"), QStringLiteral("--count"),
                   QStringLiteral("5")});
        QSignalSpy cliDone(&cli, &QProcess::finished);
        QVERIFY(cli.waitForStarted(5000));
        // The watch has printed the four devices and waits for a fifth event: it is running.
        QByteArray cliOut;
        QTRY_VERIFY_WITH_TIMEOUT((cliOut += cli.readAllStandardOutput()).count('\n') >= 4, 20000);
        QVERIFY(QFile::exists(QStringLiteral("/proc/%1/cmdline").arg(cli.processId())));
        // No process on this machine has the token among its arguments: not nukictl (which
        // other users could read in /proc), nor anything the app or it started.
        const QString owner = processWithTokenInArguments();
        QVERIFY2(owner.isEmpty(), qPrintable(QStringLiteral("token in the arguments of ") + owner));
        const nukisim::SimDevice d = sim.devices().at(0);
        const int other =
            d.state == int(LockState::Locked) ? int(LockState::Unlocked) : int(LockState::Locked);
        QVERIFY(sim.turnByHand(d.nukiId, d.deviceType, other)); // the fifth event: it ends
        QVERIFY(cliDone.wait(20000));
        QCOMPARE(cli.exitCode(), 0);
        cliOut += cli.readAllStandardOutput() + cli.readAllStandardError();

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
