// Parsing never trusts the bridge: real captures, degraded entries, unknown types, bad JSON.
#include "wire/BridgeJson.h"

#include <QFile>
#include <QTest>

using namespace nuki;

static QByteArray data(const char *name)
{
    QFile f(qEnvironmentVariable("NUKI_TEST_DATA") + u'/' + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

class TestProtocol : public QObject
{
    Q_OBJECT
private slots:
    void malformedKindIsNeverASmartLock()
    {
        // A hostile or broken bridge: a kind that is there but not a small whole number is
        // unknown (no actions anywhere), not the Smart Lock that 0 would make it.
        QList<Device> list;
        QString error;
        QVERIFY2(parseList(R"([{"nukiId":1,"deviceType":-1,"name":"a"},
                               {"nukiId":2,"deviceType":"2","name":"b"},
                               {"nukiId":3,"deviceType":2.5,"name":"c"},
                               {"nukiId":4,"deviceType":1e20,"name":"d"},
                               {"nukiId":5,"name":"old firmware"}])",
                           &list, &error),
                 qPrintable(error));
        QCOMPARE(list.size(), 5);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(list[i].deviceType, -1);
            QVERIFY(!isKnownDeviceType(list[i].deviceType));
        }
        QCOMPARE(list[4].deviceType, 0); // absent: the API's default
    }

    void realList()
    {
        QList<Device> list;
        QString error;
        QVERIFY2(parseList(data("list-real.json"), &list, &error), qPrintable(error));
        QCOMPARE(list.size(), 5);
        QCOMPARE(list[0].name, QStringLiteral("Haustür"));
        QCOMPARE(list[0].state.state, 3);
        QCOMPARE(list[0].state.doorsensorState.value_or(-1), 2);
        QCOMPARE(list[0].state.keypadBatteryCritical.has_value(), true);
        QCOMPARE(list[0].state.timestamp,
                 QDateTime(QDate(2020, 11, 18), QTime(18, 22, 59), Qt::UTC));
        QVERIFY(isOpener(list[1].deviceType));
        QCOMPARE(list[1].state.ringactionState.value_or(true), false);
        QVERIFY(!list[1].state.batteryChargeState.has_value());
        QVERIFY(!list[2].state.doorsensorState.has_value()); // no sensor: key absent
        QVERIFY(!list[3].state.known);                       // degraded entry survives
        QCOMPARE(list[3].deviceType, 0);
        QCOMPARE(list[4].deviceType, 9); // unknown type kept as a number
        QCOMPARE(deviceTypeName(9), QStringLiteral("Unknown device (type 9)"));
        QCOMPARE(stateText(9, 42), QStringLiteral("Unknown (42)"));
    }

    void stateTexts()
    {
        QCOMPARE(stateText(0, 1), QStringLiteral("Locked"));
        QCOMPARE(stateText(2, 1), QStringLiteral("Ring to Open off"));
        QCOMPARE(stateText(2, 3), QStringLiteral("Ring to Open active"));
        QCOMPARE(stateText(4, 254), QStringLiteral("Motor blocked"));
        QCOMPARE(stateText(0, 77), QStringLiteral("Unknown (77)"));
        QCOMPARE(doorSensorText(240), QStringLiteral("Door sensor removed or tampered"));
        QCOMPARE(doorSensorText(99), QStringLiteral("Door sensor: unknown (99)"));
        QVERIFY(isTransitional(0, 2));
        QVERIFY(!isTransitional(2, 2));
        QCOMPARE(actionName(2, 3), QStringLiteral("Open"));
        QCOMPARE(actionName(0, 5), QStringLiteral("Lock ’n’ Go and open"));
    }

    void realInfo()
    {
        BridgeInfo info;
        QString error;
        QVERIFY2(parseInfo(data("info-real.json"), &info, &error), qPrintable(error));
        QCOMPARE(info.bridgeType, 1);
        QCOMPARE(info.serverId, 1754925342u);
        QCOMPARE(info.hardwareId, 1013065235u);
        QCOMPARE(info.scanResults.size(), 2);
        QVERIFY(info.supportsEncryptedToken());
        info.firmwareVersion = QStringLiteral("2.13.9");
        QVERIFY(!info.supportsEncryptedToken());
        QVERIFY(info.supportsHashedToken());
        info.firmwareVersion = QStringLiteral("1.22.1");
        QVERIFY(info.supportsEncryptedToken());
        // The doc's own example: "type" instead of "deviceType", Z timestamps.
        QVERIFY(parseInfo(
            R"({"bridgeType": 2, "ids": {"serverId": 7}, "versions": {"appVersion": "1.2"},
            "currentTime": "2018-04-01T12:10:11Z", "scanResults": [{"type": 2, "nukiId": 5}]})",
            &info, &error));
        QCOMPARE(info.scanResults[0].deviceType, 2);
        QVERIFY(info.currentTime.isValid());
        QVERIFY(!info.supportsHashedToken());
    }

    void malformedInputNeverCrashes_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated") << QByteArray("[{\"deviceType\": 0, \"nuk");
        QTest::newRow("object not array") << QByteArray("{\"a\": 1}");
        QTest::newRow("wrong types")
            << QByteArray(R"([{"nukiId": "12", "deviceType": "x", "lastKnownState": 5}])");
        QTest::newRow("negative id") << QByteArray(R"([{"nukiId": -4}])");
        QTest::newRow("huge") << QByteArray(MaxBodyBytes + 10, ' ');
        QTest::newRow("html") << QByteArray("<html>nope</html>");
        QTest::newRow("nested garbage")
            << QByteArray(R"([[[[]]], null, 1, "x", {"nukiId": 1e30}])");
    }

    void malformedInputNeverCrashes()
    {
        QFETCH(QByteArray, body);
        QList<Device> list;
        BridgeInfo info;
        DeviceState state;
        ActionResult action;
        QList<CallbackEntry> callbacks;
        QList<BridgeLogEntry> log;
        QList<DiscoveredBridge> found;
        bool success = false;
        quint32 id = 0;
        int type = 0;
        QString error, message, token;
        parseList(body, &list, &error);
        for (const Device &d : list)
            QVERIFY(d.nukiId > 0 || d.name.isEmpty());
        QVERIFY(!parseInfo(body, &info, &error));
        QVERIFY(!error.isEmpty());
        parseLockState(body, &state, &success, &error);
        QVERIFY(!parseActionResult(body, &action, &error));
        parseCallbackList(body, &callbacks, &error);
        QVERIFY(!parseCallbackBody(body, &id, &type, &state, &error));
        parseBridgeLog(body, &log, &error);
        QVERIFY(!parseDiscovery(body, &found, &error));
        parseAuth(body, &token, &success, &error);
        parseSuccess(body, &success, &message, &error);
    }

    void smallAnswers()
    {
        DeviceState state;
        bool success = true;
        QString error, message, token;
        QVERIFY(parseLockState(R"({"success": false})", &state, &success, &error));
        QVERIFY(!success);
        ActionResult r;
        QVERIFY(parseActionResult(R"({"success": "true", "batteryCritical": true})", &r, &error));
        QVERIFY(r.success);
        QVERIFY(parseSuccess("", &success, &message, &error)); // empty maintenance answer
        QVERIFY(success);
        QVERIFY(parseSuccess(R"({"success": false, "message": "too many callbacks registered"})",
                             &success, &message, &error));
        QVERIFY(!success);
        QCOMPARE(message, QStringLiteral("too many callbacks registered"));
        QVERIFY(parseAuth(R"({"token": "token123", "success": true})", &token, &success, &error));
        QCOMPARE(token, QStringLiteral("token123"));
        QVERIFY(!parseAuth(R"({"success": true})", &token, &success, &error));
        quint32 id = 0;
        int type = -1;
        QVERIFY(parseCallbackBody(R"({"deviceType": 0, "nukiId": 490318788, "mode": 2, "state": 3,
            "stateName": "unlocked", "batteryCritical": false, "batteryCharging": false,
            "batteryChargeState": 70, "doorsensorState": 3, "doorsensorStateName": "door opened"})",
                                  &id, &type, &state, &error));
        QCOMPARE(id, 490318788u);
        QCOMPARE(state.doorsensorState.value_or(0), 3);
        QList<DiscoveredBridge> found;
        QVERIFY(parseDiscovery(R"({"bridges": [{"bridgeId": 448942400, "ip": "0.0.0.0", "port": 0,
            "dateUpdated": "2020-10-24T17:47:13Z"}], "errorCode": 0})",
                               &found, &error));
        QVERIFY(found[0].discoveryDisabled());
        QVERIFY(!parseDiscovery(R"({"bridges": [], "errorCode": 3})", &found, &error));
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
