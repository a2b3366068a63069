// A tray host that starts after the app (a panel that comes up late in a login session) still
// gets the app's icon. The app runs on an X server of this test's own, where no tray exists
// until the test starts trayer 3 s after the window appeared.
#include <QDBusConnection>
#include <QDBusMessage>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// A StatusNotifierWatcher with a host (what KDE, Xfce or GNOME's AppIndicator extension put on
// the bus); it records the items that register with it.
class FakeStatusNotifierWatcher : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.StatusNotifierWatcher")
    Q_PROPERTY(bool IsStatusNotifierHostRegistered READ hostRegistered)
    Q_PROPERTY(int ProtocolVersion READ protocolVersion)
    Q_PROPERTY(QStringList RegisteredStatusNotifierItems READ items)
public:
    QStringList registered;
    bool hostRegistered() const { return true; }
    int protocolVersion() const { return 0; }
    QStringList items() const { return registered; }
public slots:
    void RegisterStatusNotifierItem(const QString &service) { registered << service; }
    void RegisterStatusNotifierHost(const QString &) {}
signals:
    void StatusNotifierHostRegistered();
    void StatusNotifierItemRegistered(const QString &service);
};

class TestE2eLateTray : public QObject
{
    Q_OBJECT
    QProcess xvfb, app, trayer;
    QString display;
    QTemporaryDir dir;

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("DISPLAY"), display);
        e.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        return e;
    }
    QString run(const QString &program, const QStringList &args) const
    {
        QProcess p;
        p.setProcessEnvironment(env());
        p.start(program, args);
        p.waitForFinished(5000);
        return QString::fromUtf8(p.readAllStandardOutput());
    }
    // The app's icon window sits inside trayer's panel window (XEmbed reparents it there).
    bool iconInTray() const
    {
        const QStringList lines =
            run(QStringLiteral("xwininfo"), {QStringLiteral("-root"), QStringLiteral("-tree")})
                .split(u'\n');
        auto indent = [](const QString &l) { return l.size() - l.trimmed().size(); };
        for (int i = 0; i < lines.size(); ++i) {
            if (!lines[i].contains(QStringLiteral("(\"panel\" \"trayer\")")))
                continue;
            for (int j = i + 1; j < lines.size() && indent(lines[j]) > indent(lines[i]); ++j)
                if (lines[j].contains(QStringLiteral("(\"nuki-desktop\" \"nuki-desktop\")")))
                    return true;
        }
        return false;
    }
    // What the app printed, and whether it still runs (for a failure's message).
    QString appSaid()
    {
        return QStringLiteral("app %1, said: %2; X server %3 %4, said: %5")
            .arg(app.state() == QProcess::Running ? QStringLiteral("running")
                                                  : QStringLiteral("exited %1").arg(app.exitCode()),
                 QString::fromUtf8(app.readAllStandardError()), display,
                 xvfb.state() == QProcess::Running ? QStringLiteral("running")
                                                   : QStringLiteral("exited"),
                 QString::fromUtf8(xvfb.readAllStandardError()));
    }
    bool windowShown() const
    {
        return !run(QStringLiteral("xdotool"),
                    {QStringLiteral("search"), QStringLiteral("--name"), QStringLiteral("Nuki")})
                    .trimmed()
                    .isEmpty();
    }

private slots:
    void initTestCase()
    {
        // A desktop test fails (never skips) outside the desktop session it needs.
        QVERIFY2(!qEnvironmentVariableIsEmpty("DISPLAY"),
                 "needs the test desktop session: run through scripts/with-desktop.sh");
        // -displayfd: the server writes its display number once it accepts clients.
        // -noreset: without it the server resets whenever its last client leaves (each
        // xdotool call here), refusing connections meanwhile, and the app may start then.
        xvfb.start(QStringLiteral("Xvfb"),
                   {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-noreset"),
                    QStringLiteral("-screen"), QStringLiteral("0"), QStringLiteral("800x600x24"),
                    QStringLiteral("-nolisten"), QStringLiteral("tcp")});
        QVERIFY(xvfb.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(xvfb.canReadLine(), 20000);
        display = u':' + QString::fromLatin1(xvfb.readLine().trimmed());
    }
    void cleanupTestCase()
    {
        for (QProcess *p : {&trayer, &app, &xvfb}) {
            if (p->state() == QProcess::NotRunning)
                continue;
            p->terminate();
            if (!p->waitForFinished(10000))
                p->kill(), p->waitForFinished(5000);
        }
    }

    void trayStartedLaterGetsTheIcon()
    {
        QVERIFY(!iconInTray());
        app.setProcessEnvironment(env());
        app.start(qEnvironmentVariable("NUKI_DESKTOP"),
                  {QStringLiteral("--demo"), QStringLiteral("--config"),
                   dir.filePath(QStringLiteral("s.ini"))});
        QVERIFY(app.waitForStarted(5000));
        QTRY_VERIFY2_WITH_TIMEOUT(windowShown(), qPrintable(appSaid()), 20000);
        QVERIFY(!iconInTray());

        // The scenario itself, not a wait for something: the panel comes 3 s after the app.
        QTest::qWait(3000);
        QVERIFY(!iconInTray());
        trayer.setProcessEnvironment(env());
        trayer.start(QStringLiteral("trayer"),
                     {QStringLiteral("--edge"), QStringLiteral("top"), QStringLiteral("--align"),
                      QStringLiteral("right"), QStringLiteral("--widthtype"),
                      QStringLiteral("request"), QStringLiteral("--height"), QStringLiteral("24")});
        QVERIFY(trayer.waitForStarted(5000));
        QElapsedTimer sinceTray;
        sinceTray.start();
        QTRY_VERIFY_WITH_TIMEOUT(iconInTray(), 15000);
        qInfo("icon in the tray %lld ms after the tray host started", sinceTray.elapsed());
        QCOMPARE(app.state(), QProcess::Running);
        trayer.terminate();
        app.terminate();
        QVERIFY(trayer.waitForFinished(10000));
        QVERIFY(app.waitForFinished(10000));
    }

    void statusNotifierHostStartedLaterGetsTheIcon()
    {
        // A bus of this test's own, so that no other test's tray sees this watcher.
        QProcess bus;
        bus.start(QStringLiteral("dbus-daemon"),
                  {QStringLiteral("--session"), QStringLiteral("--nofork"),
                   QStringLiteral("--print-address=1")});
        QVERIFY(bus.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(bus.canReadLine(), 10000);
        const QString address = QString::fromUtf8(bus.readLine().trimmed());
        QDBusConnection conn = QDBusConnection::connectToBus(address, QStringLiteral("sni-host"));
        QVERIFY(conn.isConnected());

        QProcessEnvironment e = env();
        e.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address);
        app.setProcessEnvironment(e);
        app.start(qEnvironmentVariable("NUKI_DESKTOP"),
                  {QStringLiteral("--demo"), QStringLiteral("--config"),
                   dir.filePath(QStringLiteral("sni.ini"))});
        QVERIFY(app.waitForStarted(5000));
        QTRY_VERIFY2_WITH_TIMEOUT(windowShown(), qPrintable(appSaid()), 20000);

        // The scenario: the panel (with its StatusNotifierWatcher) comes 3 s after the app.
        QTest::qWait(3000);
        FakeStatusNotifierWatcher watcher;
        QVERIFY(conn.registerObject(QStringLiteral("/StatusNotifierWatcher"), &watcher,
                                    QDBusConnection::ExportAllSlots |
                                        QDBusConnection::ExportAllProperties |
                                        QDBusConnection::ExportAllSignals));
        QVERIFY(conn.registerService(QStringLiteral("org.kde.StatusNotifierWatcher")));
        QElapsedTimer sinceHost;
        sinceHost.start();
        QTRY_COMPARE_WITH_TIMEOUT(watcher.registered.size(), 1, 15000);
        qInfo("icon registered %lld ms after the StatusNotifierWatcher appeared",
              sinceHost.elapsed());
        QVERIFY(!iconInTray()); // as a StatusNotifierItem, not through XEmbed
        QCOMPARE(app.state(), QProcess::Running);

        app.terminate();
        QVERIFY(app.waitForFinished(10000));
        conn.unregisterService(QStringLiteral("org.kde.StatusNotifierWatcher"));
        QDBusConnection::disconnectFromBus(QStringLiteral("sni-host"));
        bus.terminate();
        QVERIFY(bus.waitForFinished(10000));
    }
};

QTEST_MAIN(TestE2eLateTray)
#include "tst_e2e_late_tray.moc"
