// End to end with a real tray host (trayer), X server and window manager.
#include "AppController.h"
#include "MainWindow.h"
#include "SingleInstance.h"
#include "TrayController.h"

#include <QDir>
#include <QMenu>
#include <QProcess>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

class TestE2eTray : public QObject
{
    Q_OBJECT
    QString shots = qEnvironmentVariable("NUKI_SCREENSHOTS");

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DISPLAY"))
            QSKIP("needs an X server and a tray host: run through scripts/with-desktop.sh");
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
        QVERIFY(second.activateRunning());
        QVERIFY(activated.wait(5000));

        // And with the real executable: the second start exits at once, the first stays.
        QTemporaryDir dir;
        QProcess a, b;
        const QStringList args{QStringLiteral("--demo"), QStringLiteral("--config"),
                               dir.filePath(QStringLiteral("s.ini"))};
        a.start(qEnvironmentVariable("NUKI_DESKTOP"), args);
        QVERIFY(a.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QProcess x;
                x.start(QStringLiteral("xdotool"),
                        {QStringLiteral("search"), QStringLiteral("--name"),
                         QStringLiteral("Nuki Desktop")});
                x.waitForFinished(5000);
                return !x.readAllStandardOutput().trimmed().isEmpty();
            }(),
            20000);
        b.start(qEnvironmentVariable("NUKI_DESKTOP"), args);
        QSignalSpy bDone(&b, &QProcess::finished);
        QVERIFY(bDone.wait(10000));
        QCOMPARE(b.exitCode(), 0);
        QCOMPARE(a.state(), QProcess::Running);
        a.terminate();
        QVERIFY(a.waitForFinished(10000));
    }
};

QTEST_MAIN(TestE2eTray)
#include "tst_e2e_tray.moc"
