// The broker source against a real mosquitto on 127.0.0.1: the lock's side is played by a
// bare client (RawMqtt) publishing exactly what the reference says a lock publishes, and what
// a hostile or clumsy client would. The simulated Wi-Fi lock has tests of its own.
#include "MosquittoBroker.h"
#include "RawMqtt.h"
#include "home/Home.h"
#include "mqtt/BrokerSource.h"
#include "protocol/Actions.h"

#include <QSignalSpy>
#include <QTest>

using namespace nuki;

namespace {
const QString Id = QStringLiteral("2BB28570");
constexpr quint32 NukiId = 0x2BB28570;
const DeviceKey Key{NukiId, int(DeviceType::SmartLock3)};
QString topic(const QString &sub)
{
    return QStringLiteral("nuki/%1/%2").arg(Id, sub);
}
} // namespace

class TestBroker : public QObject
{
    Q_OBJECT

    std::unique_ptr<MosquittoBroker> broker;
    std::unique_ptr<RawMqtt> lock; // the lock's side
    std::unique_ptr<Home> home;
    BrokerSource *source = nullptr;

    BrokerConfig config(quint16 port) const
    {
        BrokerConfig c;
        c.id = BrokerConfig::idFor(QStringLiteral("127.0.0.1"), port);
        c.name = QStringLiteral("Test broker");
        c.host = QStringLiteral("127.0.0.1");
        c.port = port;
        return c;
    }
    // What a lock publishes when it connects: retained, QoS 0.
    void publishLock(int state = 1, bool connected = true)
    {
        QVERIFY(lock->publish(topic("deviceType"), "4", 0, true));
        QVERIFY(lock->publish(topic("name"), "Front door", 0, true));
        QVERIFY(lock->publish(topic("firmware"), "4.2.6", 0, true));
        QVERIFY(lock->publish(topic("mode"), "2", 0, true));
        QVERIFY(lock->publish(topic("state"), QByteArray::number(state), 0, true));
        QVERIFY(lock->publish(topic("batteryChargeState"), "80", 0, true));
        QVERIFY(lock->publish(topic("batteryCritical"), "false", 0, true));
        QVERIFY(lock->publish(topic("doorsensorState"), "2", 0, true));
        QVERIFY(lock->publish(topic("serverConnected"), "true", 0, true));
        QVERIFY(lock->publish(topic("connected"), connected ? "true" : "false", 0, true));
    }
    void startHome(const QString &user = {}, const QString &password = {},
                   const QList<quint32> &ignored = {})
    {
        home = std::make_unique<Home>();
        BrokerConfig c = config(broker->port());
        c.username = user;
        c.ignoredLocks = ignored;
        source = addBroker(*home, c, password, QStringLiteral("nuki-desktop-test"));
        source->setRetryDelays(100, 500);
        source->setTimeouts(800, 3000);
    }
    const DeviceRecord *front() const { return home->device(Key); }
    // Runs both sides until `done` (the lock's client loop between Qt's).
    template <typename Done> bool both(Done done, int ms = 5000)
    {
        QElapsedTimer t;
        t.start();
        while (!done() && t.elapsed() < ms) {
            lock->spinFor(10);
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        }
        return done();
    }

private slots:
    void init()
    {
        broker = std::make_unique<MosquittoBroker>();
        QVERIFY2(broker->start(), qPrintable(broker->output()));
        lock = std::make_unique<RawMqtt>(QStringLiteral("SL3P_") + Id, broker->port());
        QVERIFY(lock->connect());
    }
    void cleanup()
    {
        home.reset();
        lock.reset();
        broker.reset(); // stopped by its PID
    }

    void aFloodOfStoredIdsCannotHideALockThatConnectsLater()
    {
        // Someone leaves 100 made-up locks on the broker, each stored as connected. The real
        // lock connects afterwards: it finds its place, with its values, and the warning counts
        // ids (not the three messages each fake left).
        RawMqtt forger(QStringLiteral("forger"), broker->port());
        QVERIFY(forger.connect());
        for (int i = 0; i < 100; ++i) {
            const QString base = QStringLiteral("nuki/%1/").arg(0x10000000 + i, 8, 16);
            QVERIFY(forger.publish(base + QStringLiteral("deviceType"), "4", 0, true));
            QVERIFY(forger.publish(base + QStringLiteral("state"), "3", 0, true));
            QVERIFY(forger.publish(base + QStringLiteral("connected"), "true", 0, true));
        }
        forger.spinFor(300);
        startHome();
        QTRY_COMPARE_WITH_TIMEOUT(source->lockIds().size(), BrokerSource::MaxLocks, 5000);
        QCOMPARE(source->refusedLocks(), 100 - BrokerSource::MaxLocks);
        QVERIFY(!front());
        publishLock(1); // the lock connects: its values arrive as it publishes them
        QVERIFY(both([&] { return front() && front()->device.state.known; }));
        QCOMPARE(front()->device.name, QStringLiteral("Front door"));
        QCOMPARE(front()->device.state.state, 1);
        QCOMPARE(front()->reach, Reach::Reachable);
        QCOMPARE(source->lockIds().size(), BrokerSource::MaxLocks);
        QCOMPARE(source->refusedLocks(), 100 - BrokerSource::MaxLocks + 1); // one fake made room
    }

    void findsALockFromItsRetainedTopics()
    {
        publishLock(1);
        startHome();
        QTRY_VERIFY_WITH_TIMEOUT(front(), 5000);
        QCOMPARE(front()->device.name, QStringLiteral("Front door"));
        QCOMPARE(front()->device.firmwareVersion, QStringLiteral("4.2.6"));
        QCOMPARE(front()->device.state.state, 1);
        QCOMPARE(front()->device.state.batteryChargeState, 80);
        QCOMPARE(front()->device.state.doorsensorState, 2);
        QVERIFY(!front()->stale);
        QCOMPARE(source->link().status, LinkStatus::Online);
        QVERIFY(source->link().push);
        QCOMPARE(source->lockInfo(NukiId)->serverConnected, true);
        QCOMPARE(source->lockInfo(NukiId)->rawId, Id);
    }

    void aLockLeftOutAtSetUpIsNeverListed()
    {
        publishLock(1);
        // Another lock on the same broker, which the person kept.
        QVERIFY(lock->publish(QStringLiteral("nuki/0ABCDEF1/deviceType"), "4", 0, true));
        QVERIFY(lock->publish(QStringLiteral("nuki/0ABCDEF1/state"), "1", 0, true));
        QVERIFY(lock->publish(QStringLiteral("nuki/0ABCDEF1/connected"), "true", 0, true));
        startHome({}, {}, {NukiId});
        const DeviceKey kept{0x0ABCDEF1, int(DeviceType::SmartLock3)};
        QTRY_VERIFY_WITH_TIMEOUT(home->device(kept), 5000);
        QVERIFY(!front());
        QVERIFY(!source->lockInfo(NukiId));
        // What it publishes later changes nothing either.
        QVERIFY(lock->publish(topic("state"), "3", 0, true));
        QVERIFY(lock->publish(QStringLiteral("nuki/0ABCDEF1/state"), "3", 0, true));
        QVERIFY(both([&] { return home->device(kept)->device.state.state == 3; }));
        QVERIFY(!front());
    }

    void findsALockFromDiscoveryAloneAndHoldsItsActions()
    {
        QVERIFY(lock->publish(QStringLiteral("homeassistant/lock/nuki_%1_lock/config").arg(Id),
                              QStringLiteral(R"({"~":"nuki/%1","cmd_t":"~/lockAction",
                "dev":{"ids":"[%1]","mf":"Nuki","mdl":"Smart Lock Ultra","name":"Garden"}})")
                                  .arg(Id)
                                  .toUtf8(),
                              0, true));
        startHome();
        QTRY_VERIFY_WITH_TIMEOUT(front(), 5000);
        QCOMPARE(front()->device.name, QStringLiteral("Garden"));
        QCOMPARE(source->lockInfo(NukiId)->model, QStringLiteral("Smart Lock Ultra"));
        QVERIFY(front()->stale); // no state, no `connected`: unknown, never online
        QSignalSpy finished(home.get(), &Home::actionFinished);
        QVERIFY(home->actions()->start(Key, int(LockAction::Lock)));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 2000);
        QCOMPARE(front()->action.phase, ActionStatus::Failed);
        QCOMPARE(front()->action.error.kind, SourceError::LockNotConnected);
    }

    void aLockActionIsOneCommandAndEndsInTheState()
    {
        publishLock(3);
        QVERIFY(lock->subscribe(topic("lockAction")));
        startHome();
        QTRY_VERIFY_WITH_TIMEOUT(front() && !front()->stale, 5000);
        QVERIFY(home->actions()->start(Key, int(LockAction::Lock)));
        QVERIFY(both([&] { return !lock->messagesOn(topic("lockAction")).isEmpty(); }));
        const RawMqtt::Message command = lock->messagesOn(topic("lockAction")).first();
        QCOMPARE(command.payload, QByteArray("2"));
        QCOMPARE(command.qos, 2);
        QVERIFY(!command.retain);
        QVERIFY(command.expiry > 0 && command.expiry <= BrokerSource::CommandExpirySeconds);
        QCOMPARE(front()->action.phase, ActionStatus::Pending); // nothing from the lock yet
        // The lock answers, in an order the reference does not fix: the state first.
        QVERIFY(lock->publish(topic("state"), "4", 0, true));
        QVERIFY(both([&] { return front()->action.phase == ActionStatus::Sent; }));
        QVERIFY(lock->publish(topic("lockActionEvent"), "2,172,0,0,0", 2));
        QVERIFY(lock->publish(topic("state"), "1", 0, true));
        QVERIFY(lock->publish(topic("commandResponse"), "0", 2));
        QVERIFY(both([&] { return front()->action.phase == ActionStatus::Succeeded; }));
        QCOMPARE(front()->device.state.state, 1);
        lock->spinFor(300);
        QCOMPARE(lock->messagesOn(topic("lockAction")).size(), 1); // exactly one, never again
    }

    void busyIsReportedAndNeverRetried()
    {
        publishLock(1);
        QVERIFY(lock->subscribe(topic("lockAction")));
        startHome();
        QTRY_VERIFY_WITH_TIMEOUT(front() && !front()->stale, 5000);
        QVERIFY(home->actions()->start(Key, int(LockAction::Unlock)));
        QVERIFY(both([&] { return !lock->messagesOn(topic("lockAction")).isEmpty(); }));
        QVERIFY(lock->publish(topic("commandResponse"), "69", 2));
        QVERIFY(both([&] { return front()->action.phase == ActionStatus::Failed; }));
        QCOMPARE(front()->action.error.kind, SourceError::LockBusy);
        QVERIFY(front()->action.error.message().contains(QStringLiteral("by hand")));
        lock->spinFor(1000);
        QCOMPARE(lock->messagesOn(topic("lockAction")).size(), 1);
    }

    void noAnswerAsksAboutAllowLocking()
    {
        publishLock(1);
        startHome();
        QTRY_VERIFY_WITH_TIMEOUT(front() && !front()->stale, 5000);
        QVERIFY(home->actions()->start(Key, int(LockAction::Unlock)));
        QTRY_COMPARE_WITH_TIMEOUT(front()->action.phase, ActionStatus::Unknown, 3000);
        QCOMPARE(front()->action.error.kind, SourceError::NoAnswer);
        QVERIFY(front()->action.error.message().contains(QStringLiteral("Allow locking")));
    }

    void anotherErrorCodeInPlainWords()
    {
        publishLock(1);
        QVERIFY(lock->subscribe(topic("lockAction")));
        startHome();
        QTRY_VERIFY_WITH_TIMEOUT(front() && !front()->stale, 5000);
        QVERIFY(home->actions()->start(Key, int(LockAction::Unlock)));
        QVERIFY(both([&] { return !lock->messagesOn(topic("lockAction")).isEmpty(); }));
        QVERIFY(lock->publish(topic("commandResponse"), "66", 2)); // 0x42 motor blocked
        QVERIFY(both([&] { return front()->action.phase == ActionStatus::Failed; }));
        QVERIFY(front()->action.error.message().contains(QStringLiteral("motor is blocked")));
    }

    void notConnectedSendsNothing()
    {
        publishLock(1, false);
        QVERIFY(lock->subscribe(topic("lockAction")));
        startHome();
        QTRY_VERIFY_WITH_TIMEOUT(front(), 5000);
        QVERIFY(front()->stale);
        QVERIFY(home->actions()->start(Key, int(LockAction::Unlock)));
        QTRY_COMPARE_WITH_TIMEOUT(front()->action.phase, ActionStatus::Failed, 2000);
        QCOMPARE(front()->action.error.kind, SourceError::LockNotConnected);
        lock->spinFor(500);
        QVERIFY(lock->messagesOn(topic("lockAction")).isEmpty());
    }

    void theLastWillMakesItUnreachableAndItComesBack()
    {
        publishLock(1);
        startHome();
        QTRY_VERIFY_WITH_TIMEOUT(front() && !front()->stale, 5000);
        QVERIFY(lock->publish(topic("connected"), "false", 1, true)); // what the will says
        QVERIFY(both([&] { return front()->stale; }, 5000));
        QVERIFY(lock->publish(topic("connected"), "true", 1, true));
        QVERIFY(both([&] { return !front()->stale; }, 5000));
    }

    void aBrokerThatRestartsLosesItsRetainedValuesUntilTheyReturn()
    {
        publishLock(1);
        startHome();
        QTRY_VERIFY_WITH_TIMEOUT(front() && !front()->stale, 5000);
        lock.reset();
        QSignalSpy offline(home.get(), &Home::sourceOffline);
        broker->kill();
        QTRY_COMPARE_WITH_TIMEOUT(offline.size(), 1, 5000);
        QVERIFY(front()->stale);  // shown as last seen, actions held
        QVERIFY(broker->start()); // the same port, persistence off: nothing retained
        QTRY_COMPARE_WITH_TIMEOUT(source->link().status, LinkStatus::Online, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(front() && front()->stale, 3000); // unknown until it returns
        lock = std::make_unique<RawMqtt>(QStringLiteral("SL3P_") + Id, broker->port());
        QVERIFY(lock->connect());
        publishLock(3);
        QTRY_VERIFY_WITH_TIMEOUT(!front()->stale && front()->device.state.state == 3, 5000);
    }

    void anotherSpellingOfTheIdCannotForgeTheState()
    {
        publishLock(3);
        startHome();
        QTRY_VERIFY_WITH_TIMEOUT(front() && front()->device.state.state == 3, 5000);
        // Someone else's copy under nuki/02bb28570: the same number, not the lock's tree.
        QVERIFY(lock->publish(QStringLiteral("nuki/02bb28570/state"), "1", 0, true));
        QVERIFY(lock->publish(QStringLiteral("nuki/02bb28570/connected"), "true", 0, true));
        lock->spinFor(300);
        both([] { return false; }, 300); // what the source would do with it, it has done
        QCOMPARE(front()->device.state.state, 3);
        QCOMPARE(source->lockInfo(NukiId)->rawId, Id); // commands still go to the lock's tree
    }

    void aBusyAfterAStrangersCommandIsOursAndNothingWasDone()
    {
        // The lock's side played by hand, in the order a lock answers two commands: another
        // client's unlock (seen by us first), then our lock; the lock moves for the first
        // (unlocking), says busy at once to the second, and answers the first when done.
        publishLock(1);
        startHome();
        QTRY_VERIFY_WITH_TIMEOUT(front() && !front()->stale, 5000);
        QVERIFY(lock->subscribe(topic("lockAction")));
        QVERIFY(lock->publish(topic("lockAction"), "1", 2)); // the stranger's
        QVERIFY(both([&] { return !lock->messagesOn(topic("lockAction")).isEmpty(); }));
        QSignalSpy ended(home.get(), &Home::actionFinished);
        QVERIFY(home->actions()->start(Key, int(LockAction::Lock)));
        QVERIFY(both([&] { return lock->messagesOn(topic("lockAction")).size() == 2; }));
        QVERIFY(lock->publish(topic("state"), "2", 0, true)); // unlocking: not our way
        QVERIFY(lock->publish(topic("commandResponse"), "69", 0, false));
        QVERIFY(both([&] { return front()->action.phase == ActionStatus::Failed; }, 2000));
        QCOMPARE(front()->action.error.kind, SourceError::LockBusy);
        QVERIFY(lock->publish(topic("state"), "3", 0, true));
        QVERIFY(lock->publish(topic("commandResponse"), "0", 0, false)); // the stranger's
        QVERIFY(both([&] { return front()->device.state.state == 3; }));
        // One outcome, busy; the stranger's success is not turned into ours.
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.first().at(1).value<ActionStatus>().phase, ActionStatus::Failed);
    }

    void aBrokerThatRefusesTheCommandSaysSoAtOnce()
    {
        broker->users = {
            {QStringLiteral("lock"),
             QStringLiteral("l"),
             {QStringLiteral("topic readwrite nuki/#")}},
            {QStringLiteral("viewer"), QStringLiteral("v"), {QStringLiteral("topic read nuki/#")}}};
        QVERIFY2(broker->restart(), qPrintable(broker->output()));
        lock = std::make_unique<RawMqtt>(QStringLiteral("SL3P_") + Id, broker->port(),
                                         QStringLiteral("lock"), QStringLiteral("l"));
        QVERIFY(lock->connect());
        publishLock(1);
        startHome(QStringLiteral("viewer"), QStringLiteral("v"));
        QTRY_VERIFY_WITH_TIMEOUT(front() && !front()->stale, 5000);
        QElapsedTimer t;
        t.start();
        QVERIFY(home->actions()->start(Key, int(LockAction::Unlock)));
        QTRY_COMPARE_WITH_TIMEOUT(front()->action.phase, ActionStatus::Failed, 3000);
        QVERIFY(t.elapsed() < BrokerSource::AnswerTimeoutMs); // not "no answer" after 5 s
        QVERIFY2(front()->action.error.message().contains(QStringLiteral("does not let this user")),
                 qPrintable(front()->action.error.message()));
    }

    void aWrongPasswordIsRejectedInPlainWords()
    {
        broker->users = {{QStringLiteral("desk"),
                          QStringLiteral("right"),
                          {QStringLiteral("topic readwrite #")}}};
        QVERIFY2(broker->restart(), qPrintable(broker->output()));
        startHome(QStringLiteral("desk"), QStringLiteral("wrong"));
        QTRY_COMPARE_WITH_TIMEOUT(source->link().status, LinkStatus::Rejected, 5000);
        QCOMPARE(source->link().lastError.kind, SourceError::Unauthorized);
        QVERIFY(source->link().lastError.message().contains(QStringLiteral("password")));
    }

    void hostilePayloadsChangeNothing()
    {
        publishLock(1);
        // A command someone left retained on the broker: never acted on, never published.
        QVERIFY(lock->publish(topic("lockAction"), "1", 1, true));
        QVERIFY(lock->subscribe(QStringLiteral("nuki/+/lockAction")));
        startHome();
        QTRY_VERIFY_WITH_TIMEOUT(front() && !front()->stale, 5000);
        // 10 MB as a name, a name that is not UTF-8, a number that is not a number.
        QVERIFY(lock->publish(topic("name"), QByteArray(10 * 1024 * 1024, 'x'), 0, true, 20000));
        QVERIFY(lock->publish(topic("name"), "\xff\xfe\xfd", 0, true));
        QVERIFY(lock->publish(topic("batteryChargeState"), "2.5", 0, true));
        QVERIFY(both([&] { return !front()->device.state.batteryChargeState.has_value(); }));
        QCOMPARE(front()->device.name, QStringLiteral("Front door"));
        QCOMPARE(front()->action.phase, ActionStatus::Idle);
        QVERIFY(source->lockInfo(NukiId)->retainedCommandSeen);
        lock->spinFor(300);
        QCOMPARE(lock->messagesOn(topic("lockAction")).size(), 1); // the retained one, only
        // Thousands of locks on one broker: only a household's worth is believed.
        for (int i = 1; i <= 2000; ++i)
            QVERIFY(
                lock->publish(QStringLiteral("nuki/%1/deviceType").arg(i, 8, 16, QLatin1Char('0')),
                              "4", 0, false, 5000));
        QVERIFY(both([&] { return source->lockIds().size() == BrokerSource::MaxLocks; }, 10000));
        QVERIFY(front()); // the first lock is still there
        // A real lock that comes after the flood and says it is connected is not hidden.
        const QString late = QStringLiteral("nuki/1234ABCD/%1");
        QVERIFY(lock->publish(late.arg("connected"), "true", 0, true));
        QVERIFY(lock->publish(late.arg("deviceType"), "4", 0, true));
        QVERIFY(lock->publish(late.arg("state"), "1", 0, true));
        QVERIFY(both([&] { return home->device({0x1234ABCD, 4}) != nullptr; }, 5000));
        QVERIFY(source->refusedLocks() > 0);
        lock->spinFor(200);
        QVERIFY(lock->publish(QStringLiteral("nuki/%1/deviceType").arg(Id), "4", 0, true));
        QCOMPARE(source->link().status, LinkStatus::Online);
    }
};

QTEST_GUILESS_MAIN(TestBroker)
#include "tst_broker.moc"
