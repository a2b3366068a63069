// What Wi-Fi locks publish, read strictly: topics, numbers, booleans, times, events,
// discovery configs. Hostile and malformed input reads as "unknown", never as a value.
#include "mqtt/MqttPayloads.h"

#include <QTest>

using namespace nuki::mqtt;

class TestMqttPayloads : public QObject
{
    Q_OBJECT
private slots:
    void topicsAndIds()
    {
        LockTopic t;
        QVERIFY(parseLockTopic(QStringLiteral("nuki/2BB28570/state"), &t));
        QCOMPARE(t.rawId, QStringLiteral("2BB28570"));
        QCOMPARE(t.nukiId, 0x2BB28570u);
        QCOMPARE(t.sub, QStringLiteral("state"));
        // Case, a 0x and leading zeros do not make another lock (§2.1 is uncertain).
        QVERIFY(parseLockTopic(QStringLiteral("nuki/0x02bb28570/state"), &t));
        QCOMPARE(t.nukiId, 0x2BB28570u);
        QCOMPARE(t.rawId, QStringLiteral("0x02bb28570")); // kept verbatim for commands
        QVERIFY(!parseLockTopic(QStringLiteral("nuki/2BB28570/a/b"), &t));
        QVERIFY(!parseLockTopic(QStringLiteral("nuki/2BB28570/"), &t));
        QVERIFY(!parseLockTopic(QStringLiteral("nuki//state"), &t));
        QVERIFY(!parseLockTopic(QStringLiteral("nuki/XYZ/state"), &t));
        QVERIFY(!parseLockTopic(QStringLiteral("nuki/123456789/state"), &t)); // over 32 bits
        QVERIFY(!parseLockTopic(QStringLiteral("nuki/0/state"), &t));
        QVERIFY(!parseLockTopic(QStringLiteral("other/2BB28570/state"), &t));
        QVERIFY(!parseLockTopic(QStringLiteral("nuki/") + QString(300, u'A') + QStringLiteral("/x"),
                                &t));
    }

    void numbersAreNumbersOrUnknown()
    {
        QCOMPARE(parseInteger("1", 0, 255), 1);
        QCOMPARE(parseInteger(" 254\n", 0, 255), 254);
        QCOMPARE(parseInteger("-1", -5, 5), -1);
        for (const char *bad : {"", " ", "2.5", "1e2", "0x45", "two", "256", "-", "1 2", "+3",
                                "99999999999999999999"})
            QVERIFY2(!parseInteger(bad, 0, 255), bad);
        QCOMPARE(parseInteger(QByteArray(1000, '1'), 0, 255), std::nullopt);
    }

    void booleans()
    {
        QCOMPARE(parseBoolean("true"), true);
        QCOMPARE(parseBoolean(" FALSE "), false);
        QCOMPARE(parseBoolean("1"), std::nullopt);
        QCOMPARE(parseBoolean("yes"), std::nullopt);
        QCOMPARE(parseBoolean(""), std::nullopt);
    }

    void timesInEveryFormTheReferenceAllows()
    {
        const QDateTime expected(QDate(2018, 10, 3), QTime(6, 49), Qt::UTC);
        QCOMPARE(parseTime("2018-10-03T06:49:00+00:00"), expected);
        QCOMPARE(parseTime("2018-10-03T06:49:00Z"), expected);
        QCOMPARE(parseTime("2018-10-03T06:49:00"), expected); // no offset: UTC
        QCOMPARE(parseTime("2018-10-03T08:49:00+02:00"), expected);
        QVERIFY(!parseTime("yesterday").isValid());
        QVERIFY(!parseTime("").isValid());
    }

    void textIsValidUtf8WithoutControls()
    {
        QCOMPARE(parseText("Haustür"), QStringLiteral("Haustür"));
        QCOMPARE(parseText("\xff\xfe"), std::nullopt); // not UTF-8
        QCOMPARE(parseText("a\x07"
                           "b"),
                 std::nullopt);                                  // a bell in a name
        QCOMPARE(parseText(QByteArray(300, 'a')), std::nullopt); // over the bound
        QCOMPARE(parseText(QByteArray(65, 'a'), 64), std::nullopt);
    }

    void lockActionEvents()
    {
        auto e = parseLockActionEvent("3,0,54321,12345,1"); // keypad unlatch (§2.4)
        QVERIFY(e);
        QCOMPARE(e->action, 3);
        QCOMPARE(e->authId, 54321u);
        QCOMPARE(e->codeId, 12345u);
        QCOMPARE(e->context, 1);
        e = parseLockActionEvent("1,172,0,0"); // four fields: the fifth is 0
        QVERIFY(e);
        QCOMPARE(e->trigger, int(TriggerMqtt));
        QCOMPARE(e->context, 0);
        QVERIFY(parseLockActionEvent("90,2,0,0,2,7,8")); // extra fields ignored
        for (const char *bad :
             {"", "1,2,3", "1,x,0,0,0", "1,,0,0,0", "1.5,0,0,0,0", "300,0,0,0,0", "1,0,-1,0,0"})
            QVERIFY2(!parseLockActionEvent(bad), bad);
    }

    void discoveryBothShapesAndTheBracketedIds()
    {
        const QByteArray observed = R"({"~":"nuki/398172F4","name":null,"uniq_id":"398172F4_lock",
            "cmd_t":"~/lockAction","stat_t":"~/state","avty_t":"~/connected",
            "dev":{"ids":"[398172F4]","mf":"Nuki","mdl":"Smart Lock 3.0 Pro","name":"Maison"}})";
        auto d = parseDiscovery(QStringLiteral("homeassistant/lock/nuki_398172F4_lock/config"),
                                observed);
        QVERIFY(d);
        QCOMPARE(d->nukiId, 0x398172F4u);
        QCOMPARE(d->name, QStringLiteral("Maison"));
        QCOMPARE(d->model, QStringLiteral("Smart Lock 3.0 Pro"));
        QVERIFY(d->isLockEntity);
        // The specification's shape, without "~": the id from the brackets.
        const QByteArray spec = R"({"dev":{"ids":["[2BB28570]"],"mf":"Nuki","name":"Home"}})";
        d = parseDiscovery(QStringLiteral("homeassistant/sensor/2BB28570/Home/config"), spec);
        QVERIFY(d);
        QCOMPARE(d->nukiId, 0x2BB28570u);
        QVERIFY(!d->isLockEntity);
        // Another maker's device, garbage, and a config over the bound are not locks.
        QVERIFY(!parseDiscovery(QStringLiteral("homeassistant/lock/x/config"),
                                R"({"dev":{"ids":"[398172F4]","mf":"Acme"}})"));
        QVERIFY(!parseDiscovery(QStringLiteral("homeassistant/lock/x/config"), "{nope"));
        QVERIFY(!parseDiscovery(QStringLiteral("homeassistant/lock/x/config"), ""));
        QVERIFY(!parseDiscovery(QStringLiteral("homeassistant/lock/x/config"),
                                QByteArray(MaxDiscoveryBytes + 1, ' ')));
        QVERIFY(!parseDiscovery(QStringLiteral("other/lock/x/config"), observed));
    }

    void responsesInWords()
    {
        QVERIFY(responseText(ResponseBusy).contains(QStringLiteral("busy")));
        QVERIFY(responseText(0x99).contains(QStringLiteral("0x99")));
    }
};

QTEST_GUILESS_MAIN(TestMqttPayloads)
#include "tst_mqttpayloads.moc"
