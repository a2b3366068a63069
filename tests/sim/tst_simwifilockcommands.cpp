// The simulated Wi-Fi lock's commands against a real mosquitto: each answer order, busy,
// "allow locking" off, a retained command, garbage, and the knobs' events.
#include "WifiLockTestUtil.h"

#include <algorithm>

using namespace nukisim;
using Order = WifiLockConfig::Order;

Q_DECLARE_METATYPE(WifiLockConfig::Order)

class TestSimWifiLockCommands : public WifiLockTest
{
    Q_OBJECT
private slots:
    WIFI_LOCK_TEST_FIXTURE

    void lockActionInEachOrder_data()
    {
        QTest::addColumn<Order>("order");
        QTest::addColumn<QStringList>("sequence"); // what the lock hands to the library
        QTest::newRow("response first")
            << Order::ResponseFirst << QStringList{"response 0", "event", "state 4", "state 1"};
        QTest::newRow("event first")
            << Order::EventFirst << QStringList{"event", "state 4", "response 0", "state 1"};
        QTest::newRow("state first")
            << Order::StateFirst << QStringList{"state 4", "event", "response 0", "state 1"};
        QTest::newRow("response last")
            << Order::ResponseLast << QStringList{"event", "state 4", "state 1", "response 0"};
    }
    void lockActionInEachOrder()
    {
        QFETCH(Order, order);
        QFETCH(QStringList, sequence);
        WifiLockConfig c = fastConfig();
        c.order = order;
        c.initialState = 3;
        auto lock = startLock(c);
        QVERIFY(lock);
        MqttProbe probe;
        QVERIFY(probe.connectTo(m_broker->port()));
        QVERIFY(probe.subscribe("nuki/0ABCDEF1/#"));
        QSignalSpy published(lock.get(), &SimWifiLock::published);
        QSignalSpy commands(lock.get(), &SimWifiLock::commandReceived);
        QVERIFY(probe.publish(lock->topic("lockAction"), "2"));
        QTRY_COMPARE(probe.payloads(t("commandResponse")), QByteArrayList{"0"});
        QTRY_VERIFY(probe.payloads(t("state")).endsWith("1"));
        QCOMPARE(probe.payloads(t("lockActionEvent")), QByteArrayList{"2,172,0,0,0"});
        const QList<MqttMessage> event = probe.on(t("lockActionEvent"));
        QCOMPARE(event.first().qos, 2);
        QVERIFY(!event.first().retained);
        QCOMPARE(probe.on(t("commandResponse")).first().qos, 2);
        // States in order (one topic, one publisher); the live ones after the retained "3".
        QByteArrayList states = probe.payloads(t("state"));
        states.removeAll("3");
        QCOMPARE(states, (QByteArrayList{"4", "1"}));
        QCOMPARE(commands.size(), 1);
        QCOMPARE(commands.first().at(2).toInt(), 2); // the lock subscribed with QoS 2
        QStringList seen;
        for (const QList<QVariant> &args : std::as_const(published)) {
            const QString topic = args.at(0).toString();
            const QByteArray payload = args.at(1).toByteArray();
            if (topic == t("lockActionEvent"))
                seen << QStringLiteral("event");
            else if (topic == t("commandResponse"))
                seen << QStringLiteral("response ") + QString::fromLatin1(payload);
            else if (topic == t("state"))
                seen << QStringLiteral("state ") + QString::fromLatin1(payload);
        }
        QCOMPARE(seen, sequence);
        QCOMPARE(lock->state(), 1);
    }

    void busyWhileMoving()
    {
        WifiLockConfig c = fastConfig();
        c.lockMs = c.unlockMs = 1500; // long enough for a second command to meet the motor
        auto lock = startLock(c);
        QVERIFY(lock);
        MqttProbe probe;
        QVERIFY(probe.connectTo(m_broker->port()));
        QVERIFY(probe.subscribe("nuki/0ABCDEF1/#"));
        QVERIFY(probe.publish(lock->topic("lockAction"), "1"));
        QVERIFY(probe.publish(lock->topic("unlock"), "true"));
        QTRY_COMPARE(probe.on(t("commandResponse")).size(), 2);
        QByteArrayList responses = probe.payloads(t("commandResponse"));
        std::sort(responses.begin(), responses.end());
        QCOMPARE(responses, (QByteArrayList{"0", "69"}));
        QCOMPARE(probe.payloads(t("lockActionEvent")), QByteArrayList{"1,172,0,0,0"});
        QTRY_COMPARE_WITH_TIMEOUT(lock->state(), 3, 5000);
        // A hand on the knob makes it just as busy, and a hand turn has no event.
        QVERIFY(lock->turnByHand(1));
        QCOMPARE(lock->state(), 4);
        QVERIFY(probe.publish(lock->topic("lockAction"), "2"));
        QTRY_COMPARE(probe.on(t("commandResponse")).size(), 3);
        QCOMPARE(probe.last(t("commandResponse")), QByteArray("69"));
        QTRY_COMPARE_WITH_TIMEOUT(lock->state(), 1, 5000);
        QCOMPARE(probe.on(t("lockActionEvent")).size(), 1);
    }

    void allowLockingOffAnswersNothing()
    {
        WifiLockConfig c = fastConfig();
        c.allowLocking = false;
        auto lock = startLock(c);
        QVERIFY(lock);
        MqttProbe probe;
        QVERIFY(probe.connectTo(m_broker->port()));
        QVERIFY(probe.subscribe("nuki/0ABCDEF1/#"));
        QSignalSpy commands(lock.get(), &SimWifiLock::commandReceived);
        QSignalSpy arrivals(&probe, &MqttProbe::received);
        QVERIFY(probe.sync());
        arrivals.clear();
        QVERIFY(probe.publish(lock->topic("lockAction"), "2"));
        QVERIFY(probe.publish(lock->topic("lock"), "true"));
        // Only our own two commands come back; nothing from the lock within the ack timeout.
        QTRY_COMPARE(arrivals.size(), 2);
        QVERIFY(!arrivals.wait(2500));
        QVERIFY(probe.on(t("commandResponse")).isEmpty());
        QVERIFY(probe.on(t("lockActionEvent")).isEmpty());
        QCOMPARE(commands.size(), 0);
        QCOMPARE(lock->state(), 1);
    }

    void retainedCommandIgnored()
    {
        // Someone left a retained unlock on the broker before the lock came.
        {
            MqttProbe vandal(QStringLiteral("vandal"));
            QVERIFY(vandal.connectTo(m_broker->port()));
            QVERIFY(vandal.publish("nuki/0ABCDEF1/lockAction", "1", 1, true));
            QVERIFY(vandal.sync());
        }
        WifiLockConfig c = fastConfig();
        auto lock = std::make_unique<SimWifiLock>(c);
        QSignalSpy commands(lock.get(), &SimWifiLock::commandReceived);
        QVERIFY(lock->start());
        QTRY_COMPARE_WITH_TIMEOUT(commands.size(), 1, 10000);
        QCOMPARE(commands.first().at(1).toByteArray(), QByteArray("1"));
        QVERIFY(commands.first().at(3).toBool()); // it arrived with the retain flag
        MqttProbe probe;
        QVERIFY(probe.connectTo(m_broker->port()));
        QVERIFY(probe.subscribe("nuki/0ABCDEF1/#"));
        probe.clear();
        QVERIFY(probe.publish(lock->topic("lockAction"), "2")); // a real command afterwards
        QTRY_COMPARE(probe.payloads(t("commandResponse")), QByteArrayList{"0"});
        QCOMPARE(probe.payloads(t("lockActionEvent")), QByteArrayList{"2,172,0,0,0"});
        QVERIFY(!probe.payloads(t("state")).contains("2")); // never unlocked
    }

    void mqtt5LiveRetainedCommandIgnored()
    {
        // With MQTT 5 the lock subscribes with "retain as published", so a retained command
        // published while it is online is recognised too (3.1.1 brokers clear the flag then).
        WifiLockConfig c = fastConfig();
        c.mqtt5 = true;
        auto lock = startLock(c);
        QVERIFY(lock);
        MqttProbe probe;
        QVERIFY(probe.connectTo(m_broker->port()));
        QVERIFY(probe.subscribe("nuki/0ABCDEF1/#"));
        QVERIFY(allowsCommands(probe, *lock));
        QSignalSpy commands(lock.get(), &SimWifiLock::commandReceived);
        QVERIFY(probe.publish(lock->topic("unlock"), "true", 1, true));
        QTRY_COMPARE(commands.size(), 1);
        QVERIFY(commands.first().at(3).toBool());
        QVERIFY(probe.publish(lock->topic("unlock"), "", 1, true)); // cleared again
        QVERIFY(probe.publish(lock->topic("lockAction"), "6"));     // full lock
        QTRY_COMPARE(probe.payloads(t("commandResponse")), QByteArrayList{"0"});
        QCOMPARE(probe.payloads(t("lockActionEvent")), QByteArrayList{"6,172,0,0,0"});
        QTRY_COMPARE(lock->state(), 1);
    }

    void garbageIgnored()
    {
        auto lock = startLock(fastConfig());
        QVERIFY(lock);
        MqttProbe probe;
        QVERIFY(probe.connectTo(m_broker->port()));
        QVERIFY(probe.subscribe("nuki/0ABCDEF1/#"));
        QSignalSpy commands(lock.get(), &SimWifiLock::commandReceived);
        const QList<QPair<const char *, QByteArray>> garbage{
            {"lockAction", "0"},   {"lockAction", "7"},  {"lockAction", "12"},
            {"lockAction", "abc"}, {"lockAction", ""},   {"lockAction", "{\"action\":2}"},
            {"lockAction", "2x"},  {"lockAction", "-1"}, {"lock", "false"},
            {"lock", "1"},         {"unlock", "yes"},    {"unlock", QByteArray(5000, 't')}};
        for (const auto &[sub, payload] : garbage)
            QVERIFY(probe.publish(lock->topic(sub), payload));
        QTRY_COMPARE(commands.size(), int(garbage.size()));
        // Tolerated: whitespace around a digit, `true` in any case.
        QVERIFY(probe.publish(lock->topic("lockAction"), " 3\n"));
        QTRY_COMPARE(probe.payloads(t("commandResponse")), QByteArrayList{"0"});
        QTRY_COMPARE_WITH_TIMEOUT(lock->state(), 3, 5000);
        QVERIFY(probe.publish(lock->topic("lock"), "TRUE"));
        QTRY_COMPARE(probe.payloads(t("commandResponse")).size(), 2);
        QCOMPARE(probe.payloads(t("lockActionEvent")),
                 (QByteArrayList{"3,172,0,0,0", "2,172,0,0,0"}));
    }

    void knobsReportWhoAndHow()
    {
        WifiLockConfig c = fastConfig();
        c.hasKeypad = true;
        auto lock = startLock(c);
        QVERIFY(lock);
        MqttProbe probe;
        QVERIFY(probe.connectTo(m_broker->port()));
        QVERIFY(probe.subscribe(t("lockActionEvent").toUtf8()));
        QVERIFY(lock->keypadUnlock(8193, 195249));
        QVERIFY(!lock->autoLock()); // busy
        QTRY_COMPARE(lock->state(), 3);
        QVERIFY(lock->autoLock());
        QTRY_COMPARE(lock->state(), 1);
        QVERIFY(lock->fingerprint(8193, 195249, 3));
        QTRY_COMPARE(lock->state(), 3); // unlatched, then unlocked
        QVERIFY(lock->pressButton(2));  // lock 'n' go: waits in 6, then locks by itself
        QTRY_COMPARE(lock->state(), 6);
        QTRY_COMPARE(lock->state(), 1);
        QVERIFY(lock->pressButton(1)); // locked: one press unlocks
        QTRY_COMPARE(lock->state(), 3);
        QTRY_COMPARE(probe.payloads(t("lockActionEvent")),
                     (QByteArrayList{"1,0,195249,8193,1", "2,6,0,0,0", "3,0,195249,8193,2",
                                     "4,2,0,0,2", "1,2,0,0,0"}));
    }
};

QTEST_GUILESS_MAIN(TestSimWifiLockCommands)
#include "tst_simwifilockcommands.moc"
