// Home and DeviceListModel against simulated bridges over loopback.
#include "CoreTestUtil.h"
#include "bridge/BridgeSource.h"
#include "home/DeviceListModel.h"
#include "home/Home.h"

#include <QAbstractItemModelTester>

using namespace nuki;
using nukisim::SimBridge;

class TestHome : public QObject
{
    Q_OBJECT
    const QString token = QStringLiteral("home-token-42");
    std::unique_ptr<SimBridge> sim;
    std::unique_ptr<Home> home;
    QString bridgeId;
    ErrorWatch errors; // fails a test on any request failure it did not cause on purpose

    void addSim(SimBridge &s, const QString &name)
    {
        BridgeConfig c;
        c.id = QString::number(s.config().serverId, 16).toUpper();
        c.name = name;
        c.host = s.address().toString();
        c.port = s.port();
        addBridge(*home, c, token);
        bridgeSource(*home, c.id)->client()->config().minGapMs = 20;
        bridgeSource(*home, c.id)->client()->config().backoffStartMs = 50;
        errors.watch(bridgeSource(*home, c.id)->client());
    }
    DeviceKey keyOf(const nukisim::SimDevice &d) const { return {d.nukiId, d.deviceType}; }
    int count(const QString &path) const
    {
        int n = 0;
        for (const auto &e : sim->requestLog())
            n += e.path == path;
        return n;
    }
    void settle()
    {
        // Wait until the home has read the bridge and nothing is queued.
        QTRY_VERIFY_WITH_TIMEOUT(
            home->deviceCount() > 0 && bridgeSource(*home, bridgeId)->client()->isIdle(), 10000);
    }

private slots:
    void init()
    {
        sim = startSim(token);
        QVERIFY(sim);
        home = std::make_unique<Home>();
        home->setPollInterval(60000); // tests drive reads themselves
        addSim(*sim, QStringLiteral("Home"));
        bridgeId = home->sourceIds().first();
        settle();
    }
    void cleanup()
    {
        const QStringList unexpected = errors.unexpected();
        errors.reset();
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u'\n')));
        home.reset();
        sim.reset();
    }

    void devicesAppearAndModelFollows()
    {
        QCOMPARE(home->deviceCount(), 4);
        DeviceListModel model(home.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0).data(DeviceListModel::NameRole).toString(),
                 QStringLiteral("Front door"));
        QCOMPARE(model.index(0).data(DeviceListModel::StateTextRole).toString(),
                 QStringLiteral("Locked"));
        QCOMPARE(model.index(0).data(DeviceListModel::DoorSensorVisibleRole).toBool(), true);
        QCOMPARE(model.index(1).data(DeviceListModel::DoorSensorRole).toInt(), -1);
        QCOMPARE(model.index(2).data(DeviceListModel::KindRole).toString(),
                 QStringLiteral("Opener"));

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        sim->setDoor(sim->devices().at(0).nukiId, nukisim::dev::DoorOpened);
        home->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 5000);
        const auto roles = changed.last().at(2).value<QList<int>>();
        QVERIFY(roles.contains(DeviceListModel::DoorSensorRole));
        QVERIFY(!roles.contains(DeviceListModel::NameRole));
        QCOMPARE(changed.last().at(0).toModelIndex().row(), 0);
        QCOMPARE(reset.size(), 0);

        // A device unpaired on the bridge leaves the list; one paired appears.
        QList<nukisim::SimDevice> devices = sim->devices();
        devices.removeAt(1);
        sim->setDevices(devices);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        home->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 5000);
        QCOMPARE(model.rowCount(), 3);
    }

    void severalBridgesGrouped()
    {
        auto b2 = startSim(token, QStringLiteral("127.0.0.2"));
        auto b3 = startSim(token, QStringLiteral("127.0.0.3"));
        QVERIFY(b2 && b3);
        addSim(*b2, QStringLiteral("Office"));
        addSim(*b3, QStringLiteral("Cabin"));
        QTRY_COMPARE_WITH_TIMEOUT(home->deviceCount(), 12, 10000);
        const QList<DeviceKey> keys = home->devices();
        QStringList order;
        for (const auto &k : keys)
            if (order.isEmpty() || order.last() != home->device(k)->sourceId)
                order << home->device(k)->sourceId;
        QCOMPARE(order, home->sourceIds()); // grouped, in the bridges' order
        // Lock and opener with the same nukiId are two devices.
        QVERIFY(home->device(keyOf(sim->devices().at(0))));
        QVERIFY(home->device({sim->devices().at(0).nukiId, 2}));
    }

    void refusedActionNeverShowsProgress()
    {
        errors.expect(SourceError::Busy);
        // Every request answered 503: the bridge never took the command, so the card never
        // says "Unlocking…" or "in progress".
        const auto lock = sim->devices().at(0);
        DeviceListModel model(home.get());
        bridgeSource(*home, bridgeId)->client()->config().actionRetryDeadlineMs = 2500;
        sim->faults().rate503 = 1.0;
        QStringList seen;
        connect(&model, &QAbstractItemModel::dataChanged, this, [&] {
            seen << model.index(0).data(DeviceListModel::ActionTextRole).toString()
                 << model.index(0).data(DeviceListModel::StateTextRole).toString();
        });
        QSignalSpy finished(home.get(), &Home::actionFinished);
        QVERIFY(home->actions()->start(keyOf(lock), 1));
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.first().at(1).value<ActionStatus>().phase, ActionStatus::Failed);
        QVERIFY(!seen.contains(QStringLiteral("Unlocking…")));
        QVERIFY(!seen.contains(QStringLiteral("Unlock: in progress…")));
        QVERIFY(seen.contains(QStringLiteral("Unlock: sending…")));
        sim->faults().rate503 = 0;
    }

    void unknownOutcomeIsSettledByTheNextRead()
    {
        errors.expect(SourceError::ConnectionLost);
        const auto lock = sim->devices().at(0); // locked
        DeviceListModel model(home.get());
        sim->faults().dropRemaining = 1; // the answer to the unlock is lost
        sim->faults().onlyPath = QStringLiteral("/lockAction");
        QSignalSpy finished(home.get(), &Home::actionFinished);
        QVERIFY(home->actions()->start(keyOf(lock), 1));
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.first().at(1).value<ActionStatus>().phase, ActionStatus::Unknown);
        QVERIFY(finished.first().at(1).value<ActionStatus>().error.message().contains(
            QStringLiteral("connection")));
        // The drop came after the lock acted: the next read shows it unlocked.
        QTRY_VERIFY_WITH_TIMEOUT(model.index(0)
                                     .data(DeviceListModel::ActionTextRole)
                                     .toString()
                                     .startsWith(QStringLiteral("Unlock probably done")),
                                 10000);
        QVERIFY(!model.index(0).data(DeviceListModel::ActionAlarmRole).toBool());
        sim->faults().onlyPath.clear();
    }

    void lockActionEndsDone()
    {
        const auto lock = sim->devices().at(1); // unlocked
        sim->config().actionMs = 1200; // a real lock takes a while: long enough to be "taken"
        DeviceListModel model(home.get());
        QSignalSpy finished(home.get(), &Home::actionFinished);
        QSignalSpy external(home.get(), &Home::lockChangedExternally);
        QVERIFY(home->actions()->start(keyOf(lock), 2));
        // Until the bridge has taken it, the card says "sending", not "locking".
        QCOMPARE(model.index(1).data(DeviceListModel::ActionTextRole).toString(),
                 QStringLiteral("Lock: sending…"));
        QCOMPARE(model.index(1).data(DeviceListModel::StateTextRole).toString(),
                 QStringLiteral("Unlocked"));
        QVERIFY(!home->actions()->start(keyOf(lock), 1)); // one action per device at a time
        QTRY_COMPARE_WITH_TIMEOUT(model.index(1).data(DeviceListModel::StateTextRole).toString(),
                                  QStringLiteral("Locking…"), 5000);
        QVERIFY(finished.wait(10000));
        const auto status = finished.first().at(1).value<ActionStatus>();
        QCOMPARE(status.phase, ActionStatus::Succeeded);
        QCOMPARE(sim->device(lock.nukiId, lock.deviceType)->state, int(nukisim::dev::Locked));
        QTRY_COMPARE_WITH_TIMEOUT(home->device(keyOf(lock))->device.state.state, 1, 5000);
        QCOMPARE(model.index(1).data(DeviceListModel::ActionTextRole).toString(),
                 QStringLiteral("Lock: done"));
        QCOMPARE(external.size(), 0); // our own action is not "someone else"
        QCOMPARE(count(QStringLiteral("/lockState")), 0);
    }

    void changesBySomeoneElseAreEvents()
    {
        const auto lock = sim->devices().at(0);
        const auto opener = sim->devices().at(2);
        QSignalSpy external(home.get(), &Home::lockChangedExternally);
        QSignalSpy door(home.get(), &Home::doorChanged);
        QSignalSpy rang(home.get(), &Home::ring);
        QSignalSpy battery(home.get(), &Home::batteryCritical);
        QSignalSpy keypad(home.get(), &Home::keypadBatteryCritical);
        sim->turnByHand(lock.nukiId, lock.deviceType, 3);
        sim->setDoor(lock.nukiId, 3);
        sim->ring(opener.nukiId);
        sim->setBattery(lock.nukiId, 0, 9, true, false);
        sim->setKeypadBatteryCritical(lock.nukiId, true);
        home->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(external.size(), 1, 5000);
        QCOMPARE(external.first().at(1).toInt(), 3);
        QCOMPARE(door.size(), 1);
        QCOMPARE(door.first().at(1).toInt(), 3);
        QCOMPARE(rang.size(), 1);
        QCOMPARE(battery.size(), 1);
        QCOMPARE(keypad.size(), 1);
        home->refresh(); // nothing new: no repeats
        QTRY_VERIFY_WITH_TIMEOUT(count(QStringLiteral("/list")) >= 3, 5000);
        settle();
        QCOMPARE(external.size(), 1);
        QCOMPARE(door.size(), 1);
    }

    void failedActionRestoresState()
    {
        errors.expect(SourceError::UnknownDevice);
        const auto lock = sim->devices().at(0);
        sim->faults().forcedStatus = 404;
        sim->faults().forcedRemaining = 1;
        QSignalSpy finished(home.get(), &Home::actionFinished);
        QVERIFY(home->actions()->start(keyOf(lock), 1));
        QVERIFY(finished.wait(10000));
        const auto status = finished.first().at(1).value<ActionStatus>();
        QCOMPARE(status.phase, ActionStatus::Failed);
        QCOMPARE(status.error.kind, SourceError::UnknownDevice);
        QCOMPARE(home->device(keyOf(lock))->device.state.state, 1);
    }

    void timedOutUnlatchIsUnknownAndNotResent()
    {
        errors.expect(SourceError::ConnectionLost);
        const auto lock = sim->devices().at(0);
        sim->faults().dropRemaining = 1;
        sim->faults().onlyPath = QStringLiteral("/lockAction");
        QSignalSpy finished(home.get(), &Home::actionFinished);
        QVERIFY(home->actions()->start(keyOf(lock), 3));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(1).value<ActionStatus>().phase, ActionStatus::Unknown);
        DeviceListModel model(home.get());
        QVERIFY(model.index(0)
                    .data(DeviceListModel::ActionTextRole)
                    .toString()
                    .contains(QStringLiteral("check the door")));
        settle();
        QCOMPARE(count(QStringLiteral("/lockAction")), 1);
    }

    void stuckTransitionalStateGetsOneLockState()
    {
        const auto lock = sim->devices().at(0);
        sim->turnByHand(lock.nukiId, lock.deviceType, 2); // "unlocking", and it stays there
        home->refresh();
        settle();
        home->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("/lockState")), 1, 5000);
        home->refresh();
        settle();
        home->refresh();
        settle();
        QCOMPARE(count(QStringLiteral("/lockState")), 1);
        QCOMPARE(sim->bleWakeups(lock.nukiId, lock.deviceType), 1);
    }

    void tokenRejectedAndOfflineAreSaid()
    {
        errors.expect(SourceError::Unauthorized);
        errors.expect(SourceError::Unreachable);
        errors.expect(SourceError::ConnectionLost); // the bridge is stopped, maybe mid-answer
        QSignalSpy rejected(home.get(), &Home::sourceRejected);
        bridgeSource(*home, bridgeId)->client()->setTokenMode(TokenMode::Encrypted);
        sim->setToken(QStringLiteral("changed-on-the-bridge"));
        home->refresh();
        QVERIFY(rejected.wait(15000));
        QCOMPARE(home->source(bridgeId)->link().status, LinkStatus::Rejected);
        QVERIFY(home->device(home->devices().first())->stale);
        bridgeSource(*home, bridgeId)->setToken(QStringLiteral("changed-on-the-bridge"));
        QTRY_COMPARE_WITH_TIMEOUT(home->source(bridgeId)->link().status, LinkStatus::Online, 10000);

        QSignalSpy offline(home.get(), &Home::sourceOffline);
        bridgeSource(*home, bridgeId)->client()->config().retryDeadlineMs = 300;
        sim.reset();
        home->refresh();
        QVERIFY(offline.wait(10000));
        QCOMPARE(home->source(bridgeId)->link().status, LinkStatus::Offline);
        QVERIFY(home->device(home->devices().first())->stale);
        QCOMPARE(home->deviceCount(), 4); // devices stay visible
    }

    void noLockStateWhilePolling()
    {
        home->setPollInterval(2000);
        bridgeSource(*home, bridgeId)->poller()->setInterval(Poller::MinIntervalMs);
        const int before = count(QStringLiteral("/list"));
        bridgeSource(*home, bridgeId)->poller()->replied(true); // re-arm with the new interval
        QTRY_VERIFY_WITH_TIMEOUT(count(QStringLiteral("/list")) >= before + 2, 10000);
        QCOMPARE(count(QStringLiteral("/lockState")), 0);
    }
};

QTEST_GUILESS_MAIN(TestHome)
#include "tst_home.moc"
