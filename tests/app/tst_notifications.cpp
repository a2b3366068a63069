// Notifications reach the desktop over D-Bus with no tray at all: a change made by someone
// else and an Opener's ring each become a Notify call with the desktop-entry hint, urgency by
// meaning and actions; a newer notification of a device replaces the older one; the actions
// do what they say. The service is a stand-in on a bus of this test's own (PrivateSessionBus),
// whose only service directory the test fills: a daemon installed on the machine plays no part.
#include "AppAutomations.h"
#include "AppController.h"
#include "FakeNotificationServer.h"
#include "PrivateSessionBus.h"
#include "SimBridge.h"
#include "SimFixtures.h"
#include "bridge/BridgeSource.h"
#include "tray/TrayController.h"

#include <QApplication>
#include <QDBusConnectionInterface>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

using namespace nuki;

class TestNotifications : public QObject
{
    Q_OBJECT
public:
    static inline PrivateSessionBus *bus = nullptr;

private:
    const QString token = QStringLiteral("notify-token-7");
    QTemporaryDir dir;
    std::unique_ptr<FakeNotificationServer> server;
    std::unique_ptr<nukisim::SimBridge> sim;
    std::unique_ptr<Settings> settings;
    std::unique_ptr<AppController> app;
    std::unique_ptr<TrayController> tray;
    qint64 fakeNow = 0; // the automations' clock in the reminder test

    nukisim::SimDevice simDevice(int index) const { return sim->devices().at(index); }
    QString keyOf(int index) const
    {
        for (const DeviceKey &k : app->home()->devices())
            if (k.nukiId == simDevice(index).nukiId)
                return k.toString();
        return {};
    }
    // Makes the bus read its service directory again now, rather than when it notices.
    static bool reloadBusConfig()
    {
        const QDBusMessage reply =
            QDBusConnection::sessionBus().call(QDBusMessage::createMethodCall(
                QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                QStringLiteral("org.freedesktop.DBus"), QStringLiteral("ReloadConfig")));
        return reply.type() == QDBusMessage::ReplyMessage;
    }
    static int urgency(const FakeNotificationServer::Call &c)
    {
        return c.hints.value(QStringLiteral("urgency")).toInt();
    }

private slots:
    void initTestCase()
    {
        // A desktop test fails (never skips) without the desktop session it needs.
        QVERIFY2(bus && bus->isRunning(), "could not start a private dbus-daemon");
        QCOMPARE(qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"), bus->address());
        QVERIFY(QDBusConnection::sessionBus().isConnected());
        QGuiApplication::setDesktopFileName(QStringLiteral("nuki-desktop"));
        server = std::make_unique<FakeNotificationServer>();
    }

    void init()
    {
        sim = std::make_unique<nukisim::SimBridge>(fastSimConfig());
        sim->setToken(token);
        QVERIFY(sim->listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        settings = std::make_unique<Settings>(dir.filePath(QStringLiteral("s.ini")));
        app = std::make_unique<AppController>(settings.get(), false);
        tray = std::make_unique<TrayController>(app.get()); // never shown: there is no tray
        tray->notifier()->setQuietPeriodMs(0);
        BridgeConfig b{QStringLiteral("N1"), QStringLiteral("Notify bridge"),
                       QStringLiteral("127.0.0.1"), sim->port()};
        addBridge(*app->home(), b, token);
        bridgeSource(*app->home(), b.id)->client()->config().minGapMs = 20;
        QTRY_COMPARE_WITH_TIMEOUT(app->home()->deviceCount(), 4, 10000);
    }
    void cleanup()
    {
        server->stop();
        server->calls.clear();
        server->closedByClient.clear();
        tray.reset();
        app.reset();
        sim.reset();
    }

    void withoutAServiceTheCallerFallsBack()
    {
        QVERIFY(!tray->desktopNotifications()->serviceAvailable());
        QVERIFY(!tray->desktopNotifications()->notify(
            {nuki::NotifyKind::Ring, QStringLiteral("x"), QStringLiteral("y"), QString()}));
    }

    // A service file whose daemon cannot start (seen with dunst on a bus without a display):
    // asked once, then the fallback, and asked again only after each backoff period.
    void aServiceThatCannotStartIsAskedOncePerBackoff()
    {
        const QString counter = bus->path(QStringLiteral("attempts"));
        QFile script(bus->path(QStringLiteral("failing-daemon.sh")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\necho attempt >> '" + counter.toUtf8() + "'\nexit 1\n");
        script.close();
        QFile service(bus->serviceDir() + QStringLiteral("/org.freedesktop.Notifications.service"));
        QVERIFY(service.open(QIODevice::WriteOnly));
        service.write("[D-BUS Service]\nName=org.freedesktop.Notifications\nExec=/bin/sh " +
                      script.fileName().toUtf8() + "\n");
        service.close();
        auto removeService = qScopeGuard([&service] {
            service.remove();
            reloadBusConfig();
        });
        QVERIFY(reloadBusConfig());
        const auto attempts = [&counter] {
            QFile f(counter);
            return f.open(QIODevice::ReadOnly) ? int(f.readAll().count('\n')) : 0;
        };

        DesktopNotifications *d = tray->desktopNotifications();
        qint64 now = 0; // time moves only when the test says so
        d->setClock([&now] { return now; });
        auto realClock = qScopeGuard([d] { d->setClock({}); }); // before `now` goes
        QSignalSpy notShown(d, &DesktopNotifications::notShown);
        const Notifier::Notification n{NotifyKind::Ring, QStringLiteral("Door"),
                                       QStringLiteral("Someone rang"), QString()};
        QVERIFY(d->serviceAvailable()); // activatable, as far as the bus knows
        QVERIFY(d->notify(n));
        QVERIFY(notShown.wait(10000)); // the activation failed: shown another way
        QCOMPARE(attempts(), 1);
        QCOMPARE(d->retryInMs(), DesktopNotifications::FirstBackoffMs);

        // Within the backoff: every notification falls back at once, nothing is asked.
        for (int i = 0; i < 20; ++i)
            QVERIFY(!d->notify(n));
        QVERIFY(!d->serviceAvailable());
        now += DesktopNotifications::FirstBackoffMs - 1;
        QVERIFY(!d->notify(n));
        QCOMPARE(attempts(), 1);

        // Each period ends with one more attempt, and the next period is twice as long, up
        // to the cap.
        qint64 expected = DesktopNotifications::FirstBackoffMs;
        for (int round = 2; round <= 8; ++round) {
            now += d->retryInMs();
            QVERIFY(d->serviceAvailable());
            QVERIFY(d->notify(n));
            QTRY_COMPARE_WITH_TIMEOUT(notShown.size(), round, 10000);
            QCOMPARE(attempts(), round);
            expected = qMin(expected * 2, DesktopNotifications::MaxBackoffMs);
            QCOMPARE(d->retryInMs(), expected);
            QVERIFY(!d->notify(n));
        }
        QCOMPARE(expected, DesktopNotifications::MaxBackoffMs);

        // A daemon that answers again ends the backoff.
        removeService.dismiss();
        service.remove();
        QVERIFY(reloadBusConfig());
        QVERIFY(server->start());
        now += d->retryInMs();
        QVERIFY(d->notify(n));
        QTRY_COMPARE_WITH_TIMEOUT(server->calls.size(), 1, 10000);
        QCOMPARE(d->retryInMs(), 0);
        QVERIFY(d->notify(n));
        QTRY_COMPARE_WITH_TIMEOUT(server->calls.size(), 2, 10000);
        QCOMPARE(attempts(), 8);
    }

    void changeBySomeoneElseAndRingReachTheDesktopWithoutATray()
    {
        QVERIFY(server->start());
        QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable()); // no tray host here
        QVERIFY(tray->desktopNotifications()->serviceAvailable());

        const nukisim::SimDevice front = simDevice(0); // a locked Smart Lock
        QVERIFY(sim->turnByHand(front.nukiId, front.deviceType, 3));
        app->home()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(server->calls.size(), 1, 10000);
        const FakeNotificationServer::Call unlocked = server->calls.at(0);
        QCOMPARE(unlocked.appName, QStringLiteral("Nuki Desktop"));
        QCOMPARE(unlocked.appIcon, QStringLiteral("nuki-desktop"));
        QCOMPARE(unlocked.summary, front.name);
        QVERIFY2(unlocked.body.contains(QStringLiteral("Unlocked")), qPrintable(unlocked.body));
        QCOMPARE(unlocked.hints.value(QStringLiteral("desktop-entry")).toString(),
                 QStringLiteral("nuki-desktop"));
        QCOMPARE(urgency(unlocked), 1); // normal: seen at once, not filed away
        QCOMPARE(unlocked.replacesId, 0u);
        QCOMPARE(unlocked.actions,
                 QStringList({QStringLiteral("default"), QStringLiteral("Show"),
                              QStringLiteral("lock"), QStringLiteral("Lock now")}));

        const nukisim::SimDevice opener = simDevice(2);
        QVERIFY(isOpener(opener.deviceType));
        QVERIFY(sim->ring(opener.nukiId));
        app->home()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(server->calls.size(), 2, 10000);
        const FakeNotificationServer::Call ring = server->calls.at(1);
        QCOMPARE(ring.summary, opener.name);
        QCOMPARE(ring.hints.value(QStringLiteral("desktop-entry")).toString(),
                 QStringLiteral("nuki-desktop"));
        QCOMPARE(urgency(ring), 1);
        QVERIFY(ring.actions.contains(QStringLiteral("default")));
        QVERIFY(!ring.actions.contains(QStringLiteral("lock")));
    }

    void aNewerNotificationOfTheSameDeviceReplacesTheOlder()
    {
        QVERIFY(server->start());
        const nukisim::SimDevice front = simDevice(0);
        QVERIFY(sim->turnByHand(front.nukiId, front.deviceType, 3));
        app->home()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(server->calls.size(), 1, 10000);
        const QString key = keyOf(0);
        QTRY_VERIFY_WITH_TIMEOUT(tray->desktopNotifications()->currentId(key) != 0, 5000);
        const uint first = server->calls.at(0).id;

        QVERIFY(sim->turnByHand(front.nukiId, front.deviceType, 1)); // locked again by hand
        app->home()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(server->calls.size(), 2, 10000);
        QCOMPARE(server->calls.at(1).replacesId, first);
        QCOMPARE(urgency(server->calls.at(1)), 0); // locked: low, nothing to do
        QVERIFY(!server->calls.at(1).actions.contains(QStringLiteral("lock")));

        // Once the person dismissed it, the next one is new rather than a replacement.
        server->close(first);
        QTRY_COMPARE_WITH_TIMEOUT(tray->desktopNotifications()->currentId(key), 0u, 5000);
        QVERIFY(sim->turnByHand(front.nukiId, front.deviceType, 3));
        app->home()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(server->calls.size(), 3, 10000);
        QCOMPARE(server->calls.at(2).replacesId, 0u);
    }

    // A reminder that is no longer true is taken back: "Front door is still unlocked" goes once
    // the door is locked (by hand here). The automations' clock is the test's, so the
    // reminder's minute passes at once.
    void aReminderThatIsNoLongerTrueIsWithdrawn()
    {
        QVERIFY(server->start());
        fakeNow = 0; // a member: the clock outlives this function if a check fails
        automation::Automations *automations = app->automations()->automations();
        automations->setClock([this] { return fakeNow; });
        const DeviceKey front = DeviceKey::fromString(keyOf(0));
        automations->setRules({{automation::Trigger::UnlockedReminder, front, 60}});
        QVERIFY(sim->turnByHand(front.nukiId, front.deviceType, 3));
        app->home()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(app->home()->device(front)->device.state.state, 3, 10000);
        fakeNow = 61000;
        automations->setPaused(true); // the engine is asked again at the new time
        automations->setPaused(false);
        auto reminder = [this]() -> const FakeNotificationServer::Call * {
            for (const auto &c : server->calls)
                if (c.summary.contains(u"still unlocked"))
                    return &c;
            return nullptr;
        };
        QTRY_VERIFY_WITH_TIMEOUT(reminder() != nullptr, 10000);
        QVERIFY(reminder()->actions.contains(u"lock"));
        QTRY_VERIFY_WITH_TIMEOUT(tray->desktopNotifications()->currentId(keyOf(0)) != 0, 5000);
        const uint id = tray->desktopNotifications()->currentId(keyOf(0));
        QVERIFY(server->closedByClient.isEmpty());
        QVERIFY(sim->turnByHand(front.nukiId, front.deviceType, 1));
        app->home()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(server->closedByClient.contains(id), 10000);
    }

    // The notification server restarts (dunst, a GNOME Shell restart): it numbers afresh, so
    // the ids the app knew now name other apps' notifications. They are forgotten at once: a
    // click on another app's notification with an old id of ours does nothing.
    void aRestartedServerNamesNoneOfOurs()
    {
        QVERIFY(server->start());
        const nukisim::SimDevice front = simDevice(0);
        QVERIFY(sim->turnByHand(front.nukiId, front.deviceType, 3));
        app->home()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(tray->desktopNotifications()->currentId(keyOf(0)) != 0, 10000);
        const uint id = tray->desktopNotifications()->currentId(keyOf(0));
        server->stop();
        QVERIFY(server->start()); // a new owner of the name
        QTRY_COMPARE_WITH_TIMEOUT(tray->desktopNotifications()->currentId(keyOf(0)), 0u, 5000);
        QSignalSpy show(tray.get(), &TrayController::showWindowRequested);
        server->invokeAction(id, QStringLiteral("lock"));
        server->invokeAction(id, QStringLiteral("default"));
        // Delivered before the answer to a call made after them, and handled by processEvents.
        QVERIFY(QDBusConnection::sessionBus().interface()->isServiceRegistered(
            QStringLiteral("org.freedesktop.DBus")));
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        QCOMPARE(show.size(), 0);
        for (const DeviceKey &k : app->home()->devices())
            QVERIFY(!app->home()->device(k)->action.running());
    }

    // A "still unlocked" reminder offers Lock now; once the door opens that would jam the bolt,
    // so the reminder is taken back.
    void aReminderIsTakenBackWhenTheDoorOpens()
    {
        QVERIFY(server->start());
        fakeNow = 0;
        automation::Automations *automations = app->automations()->automations();
        automations->setClock([this] { return fakeNow; });
        const DeviceKey front = DeviceKey::fromString(keyOf(0));
        automations->setRules({{automation::Trigger::UnlockedReminder, front, 60}});
        auto devices = sim->devices();
        devices[0].hasDoorSensor = true;
        devices[0].doorsensorState = 2; // closed
        devices[0].state = 3;           // unlocked
        sim->setDevices(devices);
        app->home()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(app->home()->device(front)->device.state.doorsensorState ==
                                     std::optional<int>(2),
                                 10000);
        QTRY_COMPARE_WITH_TIMEOUT(app->home()->device(front)->device.state.state, 3, 10000);
        fakeNow = 61000;
        automations->setPaused(true); // the engine is asked again at the new time
        automations->setPaused(false);
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(server->calls.cbegin(), server->calls.cend(),
                                             [](const auto &c) {
                                                 return c.summary.contains(u"still unlocked") &&
                                                        c.actions.contains(u"lock");
                                             }),
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(tray->desktopNotifications()->currentId(keyOf(0)) != 0, 5000);
        const uint id = tray->desktopNotifications()->currentId(keyOf(0));
        QVERIFY(server->closedByClient.isEmpty());
        QVERIFY(sim->setDoor(front.nukiId, 3)); // opened: Lock now would jam the bolt
        app->home()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(server->closedByClient.contains(id), 10000);
    }

    void actionsDoWhatTheySay()
    {
        QVERIFY(server->start());
        const nukisim::SimDevice front = simDevice(0);
        QVERIFY(sim->turnByHand(front.nukiId, front.deviceType, 3));
        app->home()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(server->calls.size(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(tray->desktopNotifications()->currentId(keyOf(0)) != 0, 5000);
        const uint id = server->calls.at(0).id;

        QSignalSpy show(tray.get(), &TrayController::showWindowRequested);
        server->invokeAction(id, QStringLiteral("default"));
        QVERIFY(show.wait(5000));
        QCOMPARE(show.at(0).at(0).toString(), keyOf(0));

        server->invokeAction(id, QStringLiteral("lock"));
        QTRY_COMPARE_WITH_TIMEOUT(sim->devices().at(0).state, 1, 10000); // locked by the app
        // Another app's notification id is none of ours: nothing happens. Signals arrive in
        // order, so by the time ours is answered a wrong reaction would already be in the spy.
        server->invokeAction(id + 1000, QStringLiteral("default"));
        server->invokeAction(id, QStringLiteral("default"));
        QVERIFY(show.wait(5000));
        QCOMPARE(show.size(), 2);
        QCOMPARE(show.at(1).at(0).toString(), keyOf(0));

        // Another client on the session bus, not the server, "clicks" Lock now and Show with
        // our id: nothing happens. The daemon routes its signals to us before it answers its
        // call; ours made after that returns once they are queued here, and processEvents
        // delivers them.
        QDBusConnection spoofer =
            QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("spoofer"));
        QVERIFY(sim->turnByHand(front.nukiId, front.deviceType, 3));
        app->home()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(sim->devices().at(0).state, 3, 10000);
        sim->clearRequestLog();
        for (const char *key : {"lock", "default"}) {
            QDBusMessage s = QDBusMessage::createSignal(
                QStringLiteral("/org/freedesktop/Notifications"),
                QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("ActionInvoked"));
            s.setArguments({id, QString::fromLatin1(key)});
            QVERIFY(spoofer.send(s));
        }
        QVERIFY(spoofer.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.DBus")));
        QVERIFY(QDBusConnection::sessionBus().interface()->isServiceRegistered(
            QStringLiteral("org.freedesktop.DBus")));
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        QCOMPARE(show.size(), 2);
        for (const DeviceKey &k : app->home()->devices())
            QVERIFY2(!app->home()->device(k)->action.running(), "a spoofed click started a lock");
        server->invokeAction(id, QStringLiteral("default"));
        QVERIFY(show.wait(5000));
        QCOMPARE(show.size(), 3); // the server's
        const auto log = sim->requestLog();
        QVERIFY(std::none_of(log.cbegin(), log.cend(),
                             [](const auto &e) { return e.path == u"/lockAction"; }));
        QDBusConnection::disconnectFromBus(QStringLiteral("spoofer"));
    }
};

int main(int argc, char **argv)
{
    PrivateSessionBus bus; // before anything in this process touches the session bus
    TestNotifications::bus = &bus;
    QApplication app(argc, argv);
    TestNotifications test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_notifications.moc"
