// End to end with a real tray host (trayer), X server and window manager.
#include "AppController.h"
#include "XdoTool.h"
#include "platform/SingleInstance.h"
#include "tray/TrayController.h"
#include "window/MainWindow.h"

#include <QDir>
#include <QMenu>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

class TestE2eTray : public QObject
{
    Q_OBJECT
    QString shots = qEnvironmentVariable("NUKI_SCREENSHOTS");

    // Main windows of demo apps on this display (the title is "Demo — Nuki Desktop").
    static QByteArray startupIdOfDemoWindow()
    {
        QProcess x;
        x.start(QStringLiteral("sh"),
                {QStringLiteral("-c"),
                 QStringLiteral("xprop -id \"$(xdotool search --name '^Demo' | head -1)\" "
                                "_NET_STARTUP_ID")});
        x.waitForFinished(5000);
        return x.readAllStandardOutput();
    }
    static int windowCount()
    {
        const QString out = findWindow(QStringLiteral("^Demo"));
        return out.isEmpty() ? 0 : int(out.count(u'\n')) + 1;
    }

private slots:
    void initTestCase()
    {
        // A desktop test fails (never skips) outside the desktop session it needs.
        QVERIFY2(!qEnvironmentVariableIsEmpty("DISPLAY"),
                 "needs an X server and a tray host: run through scripts/with-desktop.sh");
        QDir().mkpath(shots);
    }

    void iconIsEmbeddedAndWindowClosesToTray()
    {
        QTRY_VERIFY_WITH_TIMEOUT(QSystemTrayIcon::isSystemTrayAvailable(), 10000);
        QTemporaryDir dir;
        nuki::Settings settings(dir.filePath(QStringLiteral("s.ini")));
        AppController controller(&settings, true);
        MainWindow window(&controller);
        TrayController tray(&controller);
        window.setKeepRunningInTray(true);
        tray.show();
        controller.start();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Embedded: the tray host gave the icon a place on screen.
        QTRY_VERIFY_WITH_TIMEOUT(tray.trayIcon()->geometry().isValid() &&
                                     tray.trayIcon()->geometry().width() > 0,
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(tray.menu()->actions().size() > 8, 10000); // devices arrived
        QSignalSpy quit(&window, &MainWindow::quitRequested);
        window.close();
        QVERIFY(!window.isVisible());
        QCOMPARE(quit.size(), 0); // still running, in the tray

        // The open tray menu, photographed as a person would see it.
        const QRect icon = tray.trayIcon()->geometry();
        tray.menu()->popup(icon.bottomLeft());
        QVERIFY(QTest::qWaitForWindowExposed(tray.menu()));
        QTRY_VERIFY_WITH_TIMEOUT(tray.menu()->isVisible(), 5000);
        QProcess::execute(QStringLiteral("import"),
                          {QStringLiteral("-window"), QStringLiteral("root"),
                           shots + QStringLiteral("/e2e-tray-menu.png")});
        QVERIFY(QFile::exists(shots + QStringLiteral("/e2e-tray-menu.png")));
        tray.menu()->hide();
    }

    void secondLaunchRaisesTheFirst()
    {
        SingleInstance first(
            QStringLiteral("nuki-desktop-test-%1").arg(QCoreApplication::applicationPid()));
        QVERIFY(first.listen());
        QSignalSpy activated(&first, &SingleInstance::activated);
        SingleInstance second(
            QStringLiteral("nuki-desktop-test-%1").arg(QCoreApplication::applicationPid()));
        QVERIFY(second.activateRunning(QStringLiteral("token-from-the-launcher")));
        QTRY_COMPARE_WITH_TIMEOUT(activated.size(), 1, 5000);
        QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("token-from-the-launcher"));

        // One instance per session and settings file: other settings, or another display,
        // is another name.
        const QString s1 = QStringLiteral("/tmp/a/s.ini"), s2 = QStringLiteral("/tmp/b/s.ini");
        QCOMPARE(SingleInstance::nameFor(s1, false), SingleInstance::nameFor(s1, false));
        QVERIFY(SingleInstance::nameFor(s1, false) != SingleInstance::nameFor(s2, false));
        QVERIFY(SingleInstance::nameFor(s1, false) != SingleInstance::nameFor(s1, true));
        QVERIFY(SingleInstance::nameFor(s1, false).startsWith(
            QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation)));
        const QByteArray display = qgetenv("DISPLAY");
        qputenv("DISPLAY", ":4242");
        const QString otherSession = SingleInstance::nameFor(s1, false);
        qputenv("DISPLAY", display);
        QVERIFY(otherSession != SingleInstance::nameFor(s1, false));

        // And with the real executable: the second start says so and exits, the first stays;
        // a start with other settings runs its own copy.
        QTemporaryDir dir;
        QProcess a, b, c;
        const QStringList args{QStringLiteral("--demo"), QStringLiteral("--config"),
                               dir.filePath(QStringLiteral("s.ini"))};
        a.start(qEnvironmentVariable("NUKI_DESKTOP"), args);
        QVERIFY(a.waitForStarted());
        QVERIFY(QTest::qWaitFor([&] { return windowCount() == 1; }, 20000)); // one query per step
        // Started by a launcher: the startup id goes to the running copy, which puts it on
        // its window (what an X11 window manager reads to let it come to the front).
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DESKTOP_STARTUP_ID"), QStringLiteral("nukitest_TIME4242"));
        b.setProcessEnvironment(env);
        b.start(qEnvironmentVariable("NUKI_DESKTOP"), args);
        QVERIFY(b.waitForFinished(10000));
        QCOMPARE(b.exitCode(), 0);
        const QString said = QString::fromUtf8(b.readAllStandardError()).trimmed();
        QVERIFY2(said.contains(QStringLiteral("raised its window")) && !said.contains(u'\n'),
                 qPrintable(said));
        QCOMPARE(a.state(), QProcess::Running);
        QVERIFY(
            QTest::qWaitFor([&] { return startupIdOfDemoWindow().contains("nukitest_TIME4242"); },
                            5000)); // one query per step

        c.start(qEnvironmentVariable("NUKI_DESKTOP"),
                {QStringLiteral("--demo"), QStringLiteral("--config"),
                 dir.filePath(QStringLiteral("other.ini"))});
        QVERIFY(c.waitForStarted());
        QVERIFY(QTest::qWaitFor([&] { return windowCount() == 2; }, 20000)); // one query per step
        QCOMPARE(c.state(), QProcess::Running);
        for (QProcess *p : {&a, &c}) {
            p->terminate();
            QVERIFY(p->waitForFinished(10000));
        }
    }
};

QTEST_MAIN(TestE2eTray)
#include "tst_e2e_tray.moc"
