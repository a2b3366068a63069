// The desk automations end to end: the app (AppController) against the bridge simulator on
// loopback, logind played by python3-dbusmock on a private system bus, the rules switched on
// by the real nukictl in the settings file the running app follows. The promises:
// `automations set screen-lock "Back door" on --after 2`, then the session's LockedHint makes
// exactly one lock for Back door about 2 s later and none for any other device; an unlock
// within the delay makes none; a door standing open makes none and the log says why; the
// same signal from a sender that is not logind makes none. With the sleep automation on the
// app holds a delay inhibitor; PrepareForSleep(true) makes one lock before it is released,
// and it is back after PrepareForSleep(false). Nothing but a lock is ever sent.
#include "AppAutomations.h"
#include "AppController.h"
#include "LogindMock.h"
#include "PrivateSessionBus.h"
#include "SimBridge.h"
#include "SimFixtures.h"
#include "history/Journal.h"
#include "store/SecretStore.h"
#include "store/Settings.h"

#include <QApplication>
#include <QDBusArgument>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace nuki;
using nukisim::SimLogEntry;
namespace dev = nukisim::dev;

namespace {
const QString Token = QStringLiteral("automations-e2e-token");
const QString SessionPath = LogindMock::SessionPath;
} // namespace

class TestAutomationsE2E : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<nukisim::SimBridge> sim;
    std::unique_ptr<Settings> settings;
    std::unique_ptr<AppController> app;
    LogindMock logindMock;
    DeviceKey front, back;
    QString bridgeId;

    QString settingsFile() const { return dir->filePath(QStringLiteral("settings.ini")); }
    static QDBusConnection bus() { return LogindMock::bus(); }

    struct Run
    {
        int exitCode = -1;
        QByteArray out, err;
    };
    Run nukictl(const QStringList &args)
    {
        QProcess p;
        p.start(qEnvironmentVariable("NUKICTL"), QStringList{"--config", settingsFile()} + args);
        Run r;
        // The event loop runs meanwhile: the bridge nukictl asks is in this process.
        if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 30000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }
    void setLockedHint(bool locked) { QVERIFY(LogindMock::setLockedHint(locked)); }
    void prepareForSleep(bool start) { QVERIFY(LogindMock::prepareFor("Sleep", start)); }
    QStringList inhibitors() { return LogindMock::inhibitors(); }
    QList<SimLogEntry> lockActions() const { return simLockActions(*sim); }
    static QString param(const SimLogEntry &e, const char *name) { return simParam(e, name); }
    int locksFor(const DeviceKey &key) const { return simLocksFor(*sim, key.nukiId); }
    // Switches an automation on with nukictl; the running app follows within a few seconds.
    void switchOn(const QString &trigger, const QString &device, int after = -1)
    {
        QStringList args{"automations", "set", trigger, device, "on"};
        if (after >= 0)
            args << QStringLiteral("--after") << QString::number(after);
        const Run r = nukictl(args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("locked out") || r.err.contains("lock"), r.err.constData());
        QElapsedTimer followed;
        followed.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(app->automations()->rules().cbegin(), app->automations()->rules().cend(),
                        [&](const automation::Rule &rule) {
                            return automation::triggerName(rule.trigger) == trigger &&
                                   rule.device == back;
                        }),
            AppAutomations::FollowSettingsMs * 3);
        qInfo("the app followed nukictl after %lld ms", followed.elapsed());
    }
    // What `nukictl automations log --json` says, one text per entry.
    QStringList logTexts()
    {
        const Run r = nukictl({"automations", "log", "--json"});
        QStringList out;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array())
            out << v.toObject().value(QStringLiteral("text")).toString();
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral("/usr/lib/python3/dist-packages/dbusmock")),
                 "python3-dbusmock is not installed (scripts/install-deps.sh --test)");
        QVERIFY(!qEnvironmentVariable("NUKICTL").isEmpty());
    }
    void init()
    {
        dir = std::make_unique<QTemporaryDir>();
        qputenv("XDG_DATA_HOME", dir->filePath(QStringLiteral("data")).toUtf8());
        QCoreApplication::setApplicationName(QStringLiteral("nuki-desktop"));
        QVERIFY(logindMock.start(3000000)); // a 3 s budget for a delay inhibitor
        sim = std::make_unique<nukisim::SimBridge>(fastSimConfig());
        sim->setToken(Token);
        auto devices = nukisim::SimBridge::defaultDevices(11);
        devices[1].hasDoorSensor = true; // Back door: unlocked, its door closed
        devices[1].doorsensorState = dev::DoorClosed;
        sim->setDevices(devices);
        front = {devices[0].nukiId, devices[0].deviceType};
        back = {devices[1].nukiId, devices[1].deviceType};
        QVERIFY(sim->listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));

        settings = std::make_unique<Settings>(settingsFile());
        bridgeId = QString::number(sim->config().serverId, 16);
        settings->upsertBridge(
            {bridgeId, QStringLiteral("Hall bridge"), QStringLiteral("127.0.0.1"), sim->port()});
        settings->sync();
        SecretStore secrets;
        bool written = false, stored = false;
        secrets.write(bridgeId, Token, [&](bool ok, const QString &) {
            stored = ok;
            written = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(written, 10000);
        QVERIFY(stored);

        app = std::make_unique<AppController>(settings.get(), false);
        app->startHistory(Journal::pathFor(settingsFile()));
        app->start();
        QTRY_VERIFY_WITH_TIMEOUT(app->home()->device(back) && app->home()->device(front), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(app->automations()->logind()->sessionPath(), SessionPath, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(app->journal(), 5000);
        sim->clearRequestLog();
    }
    void cleanup()
    {
        const QString notALock = simNonLockAction(*sim);
        QVERIFY2(notALock.isEmpty(), qPrintable(notALock));
        app.reset();
        settings.reset();
        sim.reset();
        logindMock.stop();
        dir.reset();
    }

    void screenLockLocksBackDoorOnce()
    {
        switchOn(QStringLiteral("screen-lock"), QStringLiteral("Back door"), 2);
        QElapsedTimer since;
        since.start();
        setLockedHint(true);
        QTRY_COMPARE_WITH_TIMEOUT(locksFor(back), 1, 10000);
        const qint64 after = since.elapsed();
        qInfo("the lock reached the bridge %lld ms after LockedHint", after);
        QVERIFY2(after >= 1500, qPrintable(QString::number(after))); // not before the delay
        QCOMPARE(lockActions().size(), 1);                           // none for any other device
        QTRY_COMPARE_WITH_TIMEOUT(sim->device(back.nukiId, back.deviceType)->state, dev::Locked,
                                  10000);
        // Said in the history, with its origin.
        QTRY_VERIFY_WITH_TIMEOUT(logTexts().join(u'\n').contains(u"automation: screen locked"),
                                 10000);
        // The unlock acts on nothing; coming back is told, not acted on.
        setLockedHint(false);
        app->home()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(sim->requestLog().size() > 3, 5000);
        QCOMPARE(lockActions().size(), 1);
    }

    void anUnlockWithinTheDelayMakesNone()
    {
        switchOn(QStringLiteral("screen-lock"), QStringLiteral("Back door"), 2);
        setLockedHint(true);
        QTRY_VERIFY_WITH_TIMEOUT(app->automations()->automations()->engine().nextDeadline() >= 0,
                                 5000);
        setLockedHint(false);
        QTRY_COMPARE_WITH_TIMEOUT(app->automations()->automations()->engine().nextDeadline(),
                                  qint64(-1), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(logTexts().join(u'\n').contains(u"unlocked"), 10000);
        app->home()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!sim->requestLog().isEmpty(), 5000);
        QCOMPARE(lockActions().size(), 0);
    }

    void aDoorStandingOpenMakesNoneAndTheLogSaysWhy()
    {
        QVERIFY(sim->setDoor(back.nukiId, dev::DoorOpened));
        app->home()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(app->home()->device(back)->device.state.doorsensorState,
                                  std::optional<int>(dev::DoorOpened), 5000);
        switchOn(QStringLiteral("screen-lock"), QStringLiteral("Back door"), 2);
        setLockedHint(true);
        QString why;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QString &t : logTexts())
                    if (t.contains(u"door is open"))
                        why = t;
                return !why.isEmpty();
            }(),
            10000);
        QVERIFY2(why.contains(u"Back door"), qPrintable(why));
        QCOMPARE(lockActions().size(), 0);
    }

    void aSenderThatIsNotLogindMakesNone()
    {
        switchOn(QStringLiteral("screen-lock"), QStringLiteral("Back door"), 2);
        QDBusConnection bad =
            QDBusConnection::connectToBus(QDBusConnection::SystemBus, QStringLiteral("spoofer"));
        QDBusMessage props = QDBusMessage::createSignal(
            SessionPath, QStringLiteral("org.freedesktop.DBus.Properties"),
            QStringLiteral("PropertiesChanged"));
        props << LogindMock::SessionIface << QVariantMap{{QStringLiteral("LockedHint"), true}}
              << QStringList();
        QVERIFY(bad.send(props));
        // A round trip from the spoofer and one from the app's connection: the daemon routed
        // the spoofed signal before either answer.
        QVERIFY(bad.interface()->isServiceRegistered(LogindMock::Name).value());
        QVERIFY(bus().interface()->isServiceRegistered(LogindMock::Name).value());
        QCoreApplication::processEvents();
        QVERIFY(!app->automations()->logind()->lockedHint());
        QCOMPARE(app->automations()->automations()->engine().nextDeadline(), qint64(-1));
        QCOMPARE(lockActions().size(), 0);
        QDBusConnection::disconnectFromBus(QStringLiteral("spoofer"));
    }

    void sleepHoldsAnInhibitorAndLocksBeforeItGoes()
    {
        QCOMPARE(inhibitors(), QStringList());
        switchOn(QStringLiteral("sleep"), QStringLiteral("Back door"));
        QTRY_COMPARE_WITH_TIMEOUT(inhibitors(),
                                  QStringList{QStringLiteral("Nuki Desktop:sleep:delay")}, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(app->automations()->logind()->holds(QStringLiteral("sleep")),
                                 5000);
        QElapsedTimer held;
        held.start();
        prepareForSleep(true);
        // Once logind sees it released, the lock has reached the bridge: exactly one.
        QTRY_VERIFY_WITH_TIMEOUT(inhibitors().isEmpty(), 5000);
        qInfo("the sleep was held %lld ms (the lock to the bridge, then the inhibitor released)",
              held.elapsed()); // a figure for the README, no bound: speed is the benchmarks'
        QCOMPARE(lockActions().size(), 1);
        QCOMPARE(locksFor(back), 1);
        QCOMPARE(param(lockActions().first(), "nowait"), QStringLiteral("1"));
        prepareForSleep(false);
        QTRY_COMPARE_WITH_TIMEOUT(inhibitors(),
                                  QStringList{QStringLiteral("Nuki Desktop:sleep:delay")}, 5000);
        // After the wake the state is read and the outcome said honestly.
        QTRY_VERIFY_WITH_TIMEOUT(logTexts().join(u'\n').contains(u"after wake"), 15000);
        QCOMPARE(lockActions().size(), 1);
    }
};

int main(int argc, char **argv)
{
    // The system bus is the test's own (logind is python3-dbusmock there); the session bus is
    // the desktop's (its keychain keeps the bridge's token). Our logind session is c1.
    PrivateSessionBus system("DBUS_SYSTEM_BUS_ADDRESS");
    qputenv("XDG_SESSION_ID", "c1");
    QApplication app(argc, argv);
    if (!system.isRunning()) {
        qCritical("dbus-daemon did not start");
        return 1;
    }
    TestAutomationsE2E test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_automations_e2e.moc"
