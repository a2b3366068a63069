// End to end under a real X server and window manager (run through scripts/with-desktop.sh):
// the real executable in demo mode, and the full window in-process for its widgets' contents.
#include "AppController.h"
#include "SimBridge.h"
#include "SimCallbacks.h"
#include "XdoTool.h"
#include "mqtt/BrokerConfig.h"
#include "store/SecretStore.h"
#include "store/Settings.h"
#include "window/DeviceCard.h"
#include "window/DeviceListView.h"
#include "window/MainWindow.h"

#include <QDir>
#include <QImage>
#include <QLabel>
#include <QProcess>
#include <QScopeGuard>
#include <QScreen>
#include <QTemporaryDir>
#include <QTest>

class TestE2eDemo : public QObject
{
    Q_OBJECT
    QString shots = qEnvironmentVariable("NUKI_SCREENSHOTS");

private slots:
    void initTestCase()
    {
        // Fails, not skips: a CI desktop session that did not start must not read as a pass.
        QVERIFY2(!qEnvironmentVariableIsEmpty("DISPLAY"),
                 "needs an X server: run through scripts/with-desktop.sh");
        QDir().mkpath(shots);
    }

    void realExecutableShowsItsWindow()
    {
        QTemporaryDir dir;
        QProcess app;
        app.setProcessChannelMode(QProcess::ForwardedChannels);
        app.start(qEnvironmentVariable("NUKI_DESKTOP"),
                  {QStringLiteral("--demo"), QStringLiteral("--config"),
                   dir.filePath(QStringLiteral("s.ini"))});
        QVERIFY(app.waitForStarted(10000));
        QVERIFY(
            QTest::qWaitFor([&] { return !findWindow(QStringLiteral("Nuki Desktop")).isEmpty(); },
                            20000)); // one query per step
        QCOMPARE(app.state(), QProcess::Running);
        // Wait (bounded) until the screen shows the locked padlock's green: the first device
        // card has been painted by the real process.
        const QString file = shots + QStringLiteral("/e2e-demo-screen.png");
        auto paintedLockIcon = [&] {
            QProcess::execute(QStringLiteral("import"),
                              {QStringLiteral("-window"), QStringLiteral("root"), file});
            const QImage screen(file);
            for (int y = 0; y < screen.height(); y += 2)
                for (int x = 0; x < screen.width(); x += 2)
                    if (screen.pixel(x, y) == qRgb(0x2e, 0x9d, 0x5b))
                        return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(paintedLockIcon(), 20000);
        QCOMPARE(app.state(), QProcess::Running); // still alive
        app.terminate();
        QVERIFY(app.waitForFinished(10000));
    }

    // The real app with a configured bridge (a simulator in this process) and push on:
    // SIGTERM ends the process (twice: the second start registers anew), after taking our
    // callback off the bridge. Quit and Ctrl+Q go through the same quitWhenIdle().
    void sigtermEndsTheAppCleanly()
    {
        QTemporaryDir dir;
        qputenv("XDG_CONFIG_HOME", dir.filePath(QStringLiteral("config")).toUtf8());
        const QString token = QStringLiteral("e2e-quit-token");
        nukisim::SimConfig c;
        c.requestMs = 5;
        nukisim::SimBridge sim(c);
        sim.setToken(token);
        QVERIFY(sim.listen(QHostAddress(QStringLiteral("127.0.0.2")), 0));
        QString msg;
        const QString other = QStringLiteral("http://127.0.0.1:9/another-app");
        sim.callbacks()->add(other, false, &msg);
        const QString ini = dir.filePath(QStringLiteral("s.ini"));
        {
            nuki::Settings settings(ini);
            nuki::BridgeConfig b{QStringLiteral("E2EQ"), QStringLiteral("Quit test"),
                                 QStringLiteral("127.0.0.2"), sim.port()};
            b.tokenInFile = true;
            settings.upsertBridge(b);
            settings.setPushEnabled(true);
            settings.setPushPort(0);
            settings.sync();
            const QString name = QCoreApplication::applicationName();
            QCoreApplication::setApplicationName(QStringLiteral("nuki-desktop")); // its folder
            QVERIFY(nuki::SecretStore::writeTokenFile(b.id, token));
            QCoreApplication::setApplicationName(name);
        }
        for (const QString &way : {QStringLiteral("first start"), QStringLiteral("second start")}) {
            QProcess app;
            app.setProcessChannelMode(QProcess::ForwardedChannels);
            app.start(qEnvironmentVariable("NUKI_DESKTOP"), {QStringLiteral("--config"), ini});
            QVERIFY(app.waitForStarted(10000));
            QTRY_COMPARE_WITH_TIMEOUT(sim.callbacks()->urls().size(), 2, 20000); // registered
            app.terminate(); // SIGTERM, as a logout or `kill` sends
            // The simulator lives in this process: keep its event loop turning while waiting.
            QTRY_VERIFY2_WITH_TIMEOUT(app.state() == QProcess::NotRunning, qPrintable(way), 15000);
            QVERIFY2(app.exitStatus() == QProcess::NormalExit && app.exitCode() == 0,
                     qPrintable(way));
            QCOMPARE(sim.callbacks()->urls(), QList<QString>{other}); // only the other app's
        }
    }

    // A home of Wi-Fi locks only (a broker, no bridge) is a home: the real app starts on its
    // cards, not on the set-up assistant (it did so at every start before).
    void aHomeOfBrokersOnlyStartsOnItsCards()
    {
        QTemporaryDir dir;
        const QByteArray config = qgetenv("XDG_CONFIG_HOME");
        auto restore = qScopeGuard([&] { qputenv("XDG_CONFIG_HOME", config); });
        qputenv("XDG_CONFIG_HOME", dir.filePath(QStringLiteral("config")).toUtf8());
        const QString ini = dir.filePath(QStringLiteral("s.ini"));
        {
            nuki::Settings settings(ini);
            nuki::BrokerConfig b;
            b.host = QStringLiteral("127.0.0.1");
            b.port = 9; // nothing listens: the broker is offline, which is no reason to set up
            b.id = nuki::BrokerConfig::idFor(b.host, b.port);
            b.name = QStringLiteral("Garden broker");
            settings.upsertBroker(b);
            settings.sync();
        }
        QProcess app;
        app.setProcessChannelMode(QProcess::ForwardedChannels);
        app.start(qEnvironmentVariable("NUKI_DESKTOP"), {QStringLiteral("--config"), ini});
        QVERIFY(app.waitForStarted(10000));
        // Windows of this process only: other tests on the display open assistants too.
        const QStringList ours{QStringLiteral("--pid"), QString::number(app.processId())};
        QVERIFY(QTest::qWaitFor(
            [&] { return !findWindow(QStringLiteral("Nuki Desktop"), ours).isEmpty(); }, 20000));
        // The assistant would open with the window: give it that long and more, then look.
        const bool wizard = QTest::qWaitFor(
            [&] {
                return !findWindow(QStringLiteral("Add a Nuki Bridge or a Wi-Fi lock"), ours)
                            .isEmpty();
            },
            3000);
        QVERIFY(!wizard);
        app.terminate();
        QVERIFY(app.waitForFinished(10000));
    }

    void windowContents()
    {
        QTemporaryDir dir;
        nuki::Settings settings(dir.filePath(QStringLiteral("s.ini")));
        AppController controller(&settings, true);
        MainWindow window(&controller);
        controller.start();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(window.deviceList()->cards().size(), 4, 15000);
        auto *demo = window.findChild<QLabel *>(QStringLiteral("demoMark"));
        QVERIFY(demo && demo->isVisible());
        QStringList names;
        for (DeviceCard *c : window.deviceList()->cards())
            names << c->findChildren<QLabel *>().at(1)->text();
        QCOMPARE(names,
                 QStringList({QStringLiteral("Front door"), QStringLiteral("Back door"),
                              QStringLiteral("Building entrance"), QStringLiteral("Garden gate")}));
        const QImage shot = window.grab().toImage();
        QVERIFY(shot.save(shots + QStringLiteral("/e2e-demo-window.png")));
        // A blank or one-colour window would mean nothing was painted.
        QSet<QRgb> colours;
        for (int y = 0; y < shot.height(); y += 7)
            for (int x = 0; x < shot.width(); x += 7)
                colours.insert(shot.pixel(x, y));
        QVERIFY(colours.size() > 20);
    }
};

QTEST_MAIN(TestE2eDemo)
#include "tst_e2e_demo.moc"
