// The simulated Wi-Fi lock's link against a real mosquitto: retained state topics, discovery,
// the last will, a clean goodbye, a broker login. Watched by a raw libmosquitto client.
#include "WifiLockTestUtil.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace nukisim;

class TestSimWifiLock : public WifiLockTest
{
    Q_OBJECT
private slots:
    WIFI_LOCK_TEST_FIXTURE

    void retainedStateAfterConnect()
    {
        auto lock = startLock(fastConfig());
        QVERIFY(lock);
        MqttProbe early(QStringLiteral("early"));
        QVERIFY(early.connectTo(m_broker->port()));
        QVERIFY(early.subscribe("nuki/#"));
        QTRY_VERIFY(!early.on(t("timestamp")).isEmpty()); // the lock's last publish on connect
        // A client that comes later finds everything retained.
        MqttProbe late(QStringLiteral("late"));
        QVERIFY(late.connectTo(m_broker->port()));
        QVERIFY(late.subscribe("nuki/#", 0));
        QVERIFY(late.sync());
        const QHash<QString, QByteArray> expected{{t("connected"), "true"},
                                                  {t("deviceType"), "4"},
                                                  {t("name"), "Haustür"},
                                                  {t("firmware"), "4.2.6"},
                                                  {t("mode"), "2"},
                                                  {t("state"), "1"},
                                                  {t("batteryCritical"), "false"},
                                                  {t("batteryChargeState"), "80"},
                                                  {t("batteryCharging"), "false"},
                                                  {t("serverConnected"), "true"}};
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            const QList<MqttMessage> got = late.on(it.key());
            QVERIFY2(got.size() == 1, qPrintable(it.key()));
            QCOMPARE(got.first().payload, it.value());
            QVERIFY(got.first().retained);
        }
        const QByteArray ts = late.payloads(t("timestamp")).value(0);
        QVERIFY2(QRegularExpression(
                     QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00$"))
                     .match(QString::fromLatin1(ts))
                     .hasMatch(),
                 ts.constData());
        // No accessory paired: no accessory topics at all (absent = no data).
        QVERIFY(late.on(t("keypadBatteryCritical")).isEmpty());
        QVERIFY(late.on(t("doorsensorState")).isEmpty());
    }

    void accessoriesAndDiscovery()
    {
        WifiLockConfig c = fastConfig();
        c.hasDoorSensor = c.hasKeypad = true;
        auto lock = startLock(c);
        QVERIFY(lock);
        MqttProbe probe;
        QVERIFY(probe.connectTo(m_broker->port()));
        QVERIFY(probe.subscribe("#", 0));
        QTRY_VERIFY(!probe
                         .on(QStringLiteral("homeassistant/binary_sensor/nuki_0ABCDEF1_"
                                            "keypad_battery_critical/config"))
                         .isEmpty());
        QCOMPARE(probe.payloads(t("doorsensorState")), QByteArrayList{"2"});
        QCOMPARE(probe.payloads(t("keypadBatteryCritical")), QByteArrayList{"false"});
        // Everything is on the broker now; a client that comes later gets it retained (the
        // first may have seen it live, which carries no retain flag).
        MqttProbe later;
        QVERIFY(later.connectTo(m_broker->port()));
        QVERIFY(later.subscribe("homeassistant/#", 0));
        const QString lockConfig = QStringLiteral("homeassistant/lock/nuki_0ABCDEF1_lock/config");
        QTRY_VERIFY(!later.on(lockConfig).isEmpty());
        const QList<MqttMessage> configs = later.on(lockConfig);
        QCOMPARE(configs.size(), 1);
        QVERIFY(configs.first().retained);
        const QJsonObject o = QJsonDocument::fromJson(configs.first().payload).object();
        QCOMPARE(o.value("~").toString(), QStringLiteral("nuki/0ABCDEF1"));
        QCOMPARE(o.value("cmd_t").toString(), QStringLiteral("~/lockAction"));
        QCOMPARE(o.value("stat_t").toString(), QStringLiteral("~/state"));
        QCOMPARE(o.value("avty_t").toString(), QStringLiteral("~/connected"));
        const QJsonObject dev = o.value("dev").toObject();
        QVERIFY(dev.value("ids").isString()); // the real quirk: a string with brackets
        QCOMPARE(dev.value("ids").toString(), QStringLiteral("[0ABCDEF1]"));
        QCOMPARE(dev.value("mf").toString(), QStringLiteral("Nuki"));
        QCOMPARE(dev.value("mdl").toString(), QStringLiteral("Smart Lock 3.0 Pro"));
        QCOMPARE(dev.value("name").toString(), QStringLiteral("Haustür"));
        for (const char *key :
             {"sensor/nuki_0ABCDEF1_battery_percent", "button/nuki_0ABCDEF1_unlatch_button",
              "binary_sensor/nuki_0ABCDEF1_door_sensor"})
            QVERIFY2(!probe.on(QStringLiteral("homeassistant/%1/config").arg(key)).isEmpty(), key);
    }

    void discoveryShapes()
    {
        WifiLockConfig c = fastConfig();
        c.discoveryTopics = WifiLockConfig::DiscoveryTopics::NodeId;
        auto lock = startLock(c);
        QVERIFY(lock);
        MqttProbe probe;
        QVERIFY(probe.connectTo(m_broker->port()));
        QVERIFY(probe.subscribe("homeassistant/#", 0));
        QTRY_COMPARE(probe.on(QStringLiteral("homeassistant/lock/0ABCDEF1/lock/config")).size(), 1);
        // Discovery off: nothing under homeassistant/ from a second lock.
        lock.reset();
        m_broker->restart(); // retained data gone (persistence off)
        c.haDiscovery = false;
        lock = startLock(c);
        QVERIFY(lock);
        MqttProbe after(QStringLiteral("after"));
        QVERIFY(after.connectTo(m_broker->port()));
        QVERIFY(after.subscribe("#", 0));
        QTRY_VERIFY(!after.on(t("timestamp")).isEmpty());
        QVERIFY(after.sync());
        for (const MqttMessage &m : after.messages())
            QVERIFY2(!m.topic.startsWith(QLatin1String("homeassistant/")), qPrintable(m.topic));
    }

    void dropLinkPublishesTheWill()
    {
        auto lock = startLock(fastConfig());
        QVERIFY(lock);
        MqttProbe probe;
        QVERIFY(probe.connectTo(m_broker->port()));
        QVERIFY(probe.subscribe(t("connected").toUtf8(), 1));
        QTRY_COMPARE(probe.payloads(t("connected")), QByteArrayList{"true"});
        lock->dropLink();
        QVERIFY(!lock->isConnected());
        QTRY_COMPARE_WITH_TIMEOUT(probe.payloads(t("connected")), (QByteArrayList{"true", "false"}),
                                  10000);
        // The will is retained: a client that comes now learns "gone" too.
        MqttProbe late(QStringLiteral("late"));
        QVERIFY(late.connectTo(m_broker->port()));
        QVERIFY(late.subscribe(t("connected").toUtf8(), 1));
        QTRY_COMPARE(late.payloads(t("connected")), QByteArrayList{"false"});
        QVERIFY(late.on(t("connected")).first().retained);
        // Back again, and commands work as before.
        QSignalSpy up(lock.get(), &SimWifiLock::connected);
        QVERIFY(lock->reconnect());
        QVERIFY(up.wait(10000));
        QTRY_COMPARE(probe.last(t("connected")), QByteArray("true"));
        QVERIFY(allowsCommands(probe, *lock));
    }

    void cleanGoodbye()
    {
        auto lock = startLock(fastConfig());
        QVERIFY(lock);
        MqttProbe probe;
        QVERIFY(probe.connectTo(m_broker->port()));
        QVERIFY(probe.subscribe(t("connected").toUtf8(), 1));
        QSignalSpy down(lock.get(), &SimWifiLock::disconnected);
        lock->disconnectCleanly();
        QVERIFY(down.wait(5000));
        QTRY_COMPARE(probe.last(t("connected")), QByteArray("false"));
    }

    void comesBackAfterABrokerRestart()
    {
        auto lock = startLock(fastConfig());
        QVERIFY(lock);
        QSignalSpy up(lock.get(), &SimWifiLock::connected);
        QSignalSpy down(lock.get(), &SimWifiLock::disconnected);
        QVERIFY(m_broker->restart()); // the same port; retained data gone (persistence off)
        QTRY_VERIFY_WITH_TIMEOUT(!down.isEmpty(), 10000); // may have come during restart()
        QTRY_VERIFY_WITH_TIMEOUT(!up.isEmpty(), 15000);   // reconnected by itself, with backoff
        MqttProbe probe;
        QVERIFY(probe.connectTo(m_broker->port()));
        QVERIFY(probe.subscribe("nuki/#", 0));
        QTRY_COMPARE(probe.payloads(t("connected")), QByteArrayList{"true"});
        QTRY_COMPARE(probe.payloads(t("state")), QByteArrayList{"1"}); // republished
        QVERIFY(allowsCommands(probe, *lock));                         // subscribed again
    }

    void refusesBrokersBeyondLoopback()
    {
        for (const char *host : {"192.0.2.10", "localhost", "192.168.1.5", ""}) {
            WifiLockConfig c = fastConfig();
            c.host = QString::fromLatin1(host);
            SimWifiLock lock(c);
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("refusing")));
            QVERIFY2(!lock.start(), host);
        }
        QVERIFY(SimWifiLock::brokerAllowed(QHostAddress(QStringLiteral("127.0.0.2")), false));
        QVERIFY(SimWifiLock::brokerAllowed(QHostAddress(QStringLiteral("::1")), false));
        QVERIFY(SimWifiLock::brokerAllowed(QHostAddress(QStringLiteral("192.168.1.5")), true));
        QVERIFY(!SimWifiLock::brokerAllowed(QHostAddress(QStringLiteral("8.8.8.8")), true));
    }

    void brokerLogin()
    {
        m_broker->users = {{QStringLiteral("lock"),
                            QStringLiteral("s3cret pass"),
                            {QStringLiteral("topic readwrite nuki/0ABCDEF1/#"),
                             QStringLiteral("topic write homeassistant/#")}}};
        QVERIFY2(m_broker->restart(), qPrintable(m_broker->output()));
        WifiLockConfig c = fastConfig();
        c.username = QStringLiteral("lock");
        c.password = QStringLiteral("wrong");
        SimWifiLock refused(c);
        QSignalSpy refusedUp(&refused, &SimWifiLock::connected);
        QVERIFY(refused.start());
        QVERIFY(!refusedUp.wait(2000));
        c.password = QStringLiteral("s3cret pass");
        c.clientId = QStringLiteral("SL3P_second"); // not the refused one's id
        auto lock = startLock(c);
        QVERIFY(lock);
        QVERIFY(lock->isConnected());
    }
};

QTEST_GUILESS_MAIN(TestSimWifiLock)
#include "tst_simwifilock.moc"
