// Device state machines, callbacks, the control interface and several bridges.
#include "SimTestUtil.h"

#include "SimCallbacks.h"
#include "SimControlServer.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonObject>

using namespace nukisim;

// A callback receiver on loopback: records the POSTed JSON bodies.
class Receiver : public QObject
{
public:
    QHttpServer server;
    QList<QJsonObject> bodies;
    int status = 200;
    quint16 port = 0;
    explicit Receiver(const char *path)
    {
        server.route(QString::fromLatin1(path), [this](const QHttpServerRequest &r) {
            bodies << QJsonDocument::fromJson(r.body()).object();
            return QHttpServerResponse(QByteArray("{}"), QHttpServerResponse::StatusCode(status));
        });
        port = server.listen(QHostAddress(QStringLiteral("127.0.0.1")), 0);
    }
    QString url(const char *path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(QLatin1String(path));
    }
};

class TestSimDevices : public QObject
{
    Q_OBJECT
    SimBridge *bridge = nullptr;
    QNetworkAccessManager nam;
    QString base;
    const QString token = QStringLiteral("tok123456");

    QUrlQuery act(const SimDevice &d, int action, bool nowait = false) const
    {
        QUrlQuery q = plainAuth(token);
        q.addQueryItem(QStringLiteral("nukiId"), QString::number(d.nukiId));
        q.addQueryItem(QStringLiteral("deviceType"), QString::number(d.deviceType));
        q.addQueryItem(QStringLiteral("action"), QString::number(action));
        if (nowait)
            q.addQueryItem(QStringLiteral("nowait"), QStringLiteral("1"));
        return q;
    }
    int stateOf(const SimDevice &d) { return bridge->device(d.nukiId, d.deviceType)->state; }
    int modeOf(const SimDevice &d) { return bridge->device(d.nukiId, d.deviceType)->mode; }

private slots:
    void init()
    {
        delete bridge;
        bridge = new SimBridge(fastSimConfig(), this);
        bridge->setToken(token);
        QVERIFY(bridge->listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        base = bridge->baseUrl();
    }

    void smartLockActions()
    {
        const SimDevice lock = bridge->devices().at(0);
        QCOMPARE(stateOf(lock), int(dev::Locked));
        QCOMPARE(httpGet(nam, base, QStringLiteral("/lockAction"), act(lock, 1)).status, 200);
        QCOMPARE(stateOf(lock), int(dev::Unlocked));
        QCOMPARE(httpGet(nam, base, QStringLiteral("/lockAction"), act(lock, 2)).status, 200);
        QCOMPARE(stateOf(lock), int(dev::Locked));
        // Unlatch: answered at "unlatched", then back to "unlocked".
        QCOMPARE(httpGet(nam, base, QStringLiteral("/lockAction"), act(lock, 3)).status, 200);
        QCOMPARE(stateOf(lock), int(dev::Unlatched));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(lock), int(dev::Unlocked), 5000);
        // Simple /lock and /unlock.
        QCOMPARE(httpGet(nam, base, QStringLiteral("/lock"), act(lock, 0)).status, 200);
        QCOMPARE(stateOf(lock), int(dev::Locked));
        QCOMPARE(httpGet(nam, base, QStringLiteral("/unlock"), act(lock, 0)).status, 200);
        QCOMPARE(stateOf(lock), int(dev::Unlocked));
    }

    void lockNGoRelocks()
    {
        const SimDevice lock = bridge->devices().at(1);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/lockAction"), act(lock, 4)).status, 200);
        QCOMPARE(stateOf(lock), int(dev::UnlockedLockNGo));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(lock), int(dev::Locking), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(lock), int(dev::Locked), 5000);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/lockAction"), act(lock, 5)).status, 200);
        QCOMPARE(stateOf(lock), int(dev::Unlatched));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(lock), int(dev::UnlockedLockNGo), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(lock), int(dev::Locked), 5000);
    }

    void handOnTheKnobEndsASequence()
    {
        const SimDevice lock = bridge->devices().at(1);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/lockAction"), act(lock, 4)).status, 200);
        QVERIFY(bridge->turnByHand(lock.nukiId, lock.deviceType, dev::Unlocked));
        QSignalSpy changes(bridge, &SimBridge::deviceChanged);
        QVERIFY(!changes.wait(bridge->config().lockNGoDelayMs + 300)); // no relock any more
        QCOMPARE(stateOf(lock), int(dev::Unlocked));
    }

    void nowaitAnswersAtOnce()
    {
        const SimDevice lock = bridge->devices().at(0);
        bridge->config().actionMs = 10000;
        QCOMPARE(httpGet(nam, base, QStringLiteral("/lockAction"), act(lock, 1, true)).status, 200);
        // Answered while the motor still runs: the state has not reached "unlocked" yet.
        QCOMPARE(stateOf(lock), int(dev::Unlocking));
        // The Bluetooth side is still busy: a second action is refused meanwhile.
        QCOMPARE(httpGet(nam, base, QStringLiteral("/lockAction"), act(lock, 2)).status, 503);
    }

    void openerActions()
    {
        const SimDevice opener = bridge->devices().at(2);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/lockAction"), act(opener, 1)).status, 200);
        QCOMPARE(stateOf(opener), int(dev::OpenerRtoActive));
        QCOMPARE(httpGet(nam, base, QStringLiteral("/lockAction"), act(opener, 2)).status, 200);
        QCOMPARE(stateOf(opener), int(dev::OpenerOnline));
        QCOMPARE(httpGet(nam, base, QStringLiteral("/lockAction"), act(opener, 4)).status, 200);
        QCOMPARE(modeOf(opener), int(dev::ModeContinuous));
        QCOMPARE(httpGet(nam, base, QStringLiteral("/lockAction"), act(opener, 3)).status, 200);
        QCOMPARE(stateOf(opener), int(dev::OpenerOpen));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(opener), int(dev::OpenerRtoActive), 5000);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/lock"), act(opener, 0)).status, 200);
        QCOMPARE(modeOf(opener), int(dev::ModeDoor));
        QCOMPARE(stateOf(opener), int(dev::OpenerOnline));
    }

    void ringResets()
    {
        const SimDevice opener = bridge->devices().at(2);
        QVERIFY(bridge->ring(opener.nukiId));
        auto ringing = [&] {
            const auto list = httpGet(nam, base, QStringLiteral("/list"), plainAuth(token)).json();
            return list[2][u"lastKnownState"][u"ringactionState"].toBool();
        };
        QVERIFY(ringing());
        QTRY_VERIFY_WITH_TIMEOUT(!ringing(), 5000);
    }

    void doorSensorAndBattery()
    {
        const SimDevice lock = bridge->devices().at(0);
        for (int s : {3, 2, 4, 5, 16, 240, 255, 1}) {
            QVERIFY(bridge->setDoor(lock.nukiId, s));
            const auto list = httpGet(nam, base, QStringLiteral("/list"), plainAuth(token)).json();
            QCOMPARE(list[0][u"lastKnownState"][u"doorsensorState"].toInt(), s);
        }
        QVERIFY(!bridge->setDoor(bridge->devices().at(1).nukiId, 3)); // no sensor there
        QVERIFY(bridge->setBattery(lock.nukiId, 0, 12, true, true));
        QVERIFY(bridge->setKeypadBatteryCritical(lock.nukiId, true));
        const auto s = httpGet(nam, base, QStringLiteral("/list"), plainAuth(token))
                           .json()[0][u"lastKnownState"];
        QCOMPARE(s[u"batteryChargeState"].toInt(), 12);
        QCOMPARE(s[u"batteryCritical"].toBool(), true);
        QCOMPARE(s[u"batteryCharging"].toBool(), true);
        QCOMPARE(s[u"keypadBatteryCritical"].toBool(), true);
    }

    void callbacksCarryFinalStates()
    {
        Receiver rx("/cb");
        QVERIFY(rx.port);
        const HttpResult add =
            httpGet(nam, base, QStringLiteral("/callback/add"),
                    with(plainAuth(token), QStringLiteral("url"), rx.url("/cb")));
        QCOMPARE(add.body, QByteArray("{\"success\": true}"));
        const SimDevice lock = bridge->devices().at(0);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/lockAction"), act(lock, 3)).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(rx.bodies.size(), 1, 5000);
        const QJsonObject body = rx.bodies.first();
        QCOMPARE(body[u"state"].toInt(), int(dev::Unlocked)); // not "unlatching"/"unlatched"
        QCOMPARE(body[u"nukiId"].toInteger(), qint64(lock.nukiId));
        QVERIFY(!body.contains(u"timestamp"));
        QVERIFY(!body.contains(u"success"));
        bridge->setDoor(lock.nukiId, dev::DoorOpened);
        QTRY_COMPARE_WITH_TIMEOUT(rx.bodies.size(), 2, 5000);
        QCOMPARE(rx.bodies.last()[u"doorsensorState"].toInt(), int(dev::DoorOpened));
        bridge->ring(bridge->devices().at(2).nukiId);
        QTRY_COMPARE_WITH_TIMEOUT(rx.bodies.size(), 3, 5000);
        QCOMPARE(rx.bodies.last()[u"ringactionState"].toBool(), true);
    }

    void threeSlotsAndIdsKept()
    {
        Receiver rx("/x");
        for (int i = 0; i < 3; ++i)
            QCOMPARE(httpGet(nam, base, QStringLiteral("/callback/add"),
                             with(plainAuth(token), QStringLiteral("url"),
                                  rx.url("/x") + QString::number(i)))
                         .body,
                     QByteArray("{\"success\": true}"));
        const HttpResult full =
            httpGet(nam, base, QStringLiteral("/callback/add"),
                    with(plainAuth(token), QStringLiteral("url"), rx.url("/x9")));
        QCOMPARE(
            full.body,
            QByteArray("{\"success\": false, \"message\": \"too many callbacks registered\"}"));
        QCOMPARE(httpGet(nam, base, QStringLiteral("/callback/remove"),
                         with(plainAuth(token), QStringLiteral("id"), QStringLiteral("0")))
                     .status,
                 200);
        const QJsonArray list =
            httpGet(nam, base, QStringLiteral("/callback/list"), plainAuth(token))
                .json()[u"callbacks"]
                .toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0][u"id"].toInt(), 1); // not renumbered
        QCOMPARE(list[1][u"id"].toInt(), 2);
        // Non-loopback targets are refused by this simulator (the network rule).
        QCOMPARE(
            httpGet(nam, base, QStringLiteral("/callback/add"),
                    with(plainAuth(token), QStringLiteral("url"),
                         QStringLiteral("http://192.168.1.50/cb") /* refused, never contacted */))
                .status,
            400);
    }

    void stopAfterFirstFailure()
    {
        Receiver bad("/bad"), good("/good");
        bad.status = 500;
        bridge->callbacks()->setStopAfterFailure(true);
        QString msg;
        bridge->callbacks()->add(bad.url("/bad"), false, &msg);
        bridge->callbacks()->add(good.url("/good"), false, &msg);
        QSignalSpy done(bridge->callbacks(), &SimCallbacks::deliveryFinished);
        bridge->setDoor(bridge->devices().at(0).nukiId, dev::DoorOpened);
        QVERIFY(done.wait(5000));
        QCOMPARE(done.first().at(1).toBool(), false);
        QVERIFY(!done.wait(300)); // the second slot is starved, as on real bridges
        QCOMPARE(good.bodies.size(), 0);
        bridge->callbacks()->setStopAfterFailure(false);
        bridge->setDoor(bridge->devices().at(0).nukiId, dev::DoorClosed);
        QTRY_COMPARE_WITH_TIMEOUT(good.bodies.size(), 1, 5000);
    }

    void devicesFromJson()
    {
        QString error;
        QVERIFY(
            bridge->loadDevices(R"([{"deviceType": 4, "nukiId": 1015571181, "name": "Augustowska",
            "firmwareVersion": "4.2.6", "lastKnownState": {"mode": 2, "state": 3, "batteryChargeState": 96}},
            {"nukiId": 123456789, "name": "Back door", "degraded": true}])",
                                &error));
        const HttpResult r = httpGet(nam, base, QStringLiteral("/list"), plainAuth(token));
        QCOMPARE(r.json().array().size(), 2);
        QVERIFY(!r.json()[0][u"lastKnownState"].toObject().contains(u"doorsensorState"));
        QVERIFY(r.body.endsWith("}, {\"nukiId\": 123456789, \"name\": \"Back door\"}]"));
        QVERIFY(!bridge->loadDevices("{not json", &error));
        QVERIFY(!error.isEmpty());
    }

    void controlInterfaceAndDiscoveryForSeveralBridges()
    {
        SimBridge b2(fastSimConfig()), b3(fastSimConfig());
        b2.setToken(token);
        b3.setToken(token);
        QVERIFY(b2.listen(QHostAddress(QStringLiteral("127.0.0.2")), 0));
        QVERIFY(b3.listen(QHostAddress(QStringLiteral("127.0.0.3")), 0));
        SimControlServer control;
        control.addBridge(&b2);
        control.addBridge(&b3);
        QVERIFY(control.start(QHostAddress(QStringLiteral("127.0.0.2")), 0));
        const QString c = QStringLiteral("http://127.0.0.2:%1").arg(control.port());
        const QJsonArray found =
            httpGet(nam, c, QStringLiteral("/discover/bridges")).json()[u"bridges"].toArray();
        QCOMPARE(found.size(), 2);
        QCOMPARE(found[1][u"ip"].toString(), QStringLiteral("127.0.0.3"));
        QCOMPARE(found[1][u"bridgeId"].toInteger(), qint64(b3.config().serverId));
        QCOMPARE(httpGet(nam, b3.baseUrl(), QStringLiteral("/list"), plainAuth(token)).status, 200);

        const SimDevice lock = b3.devices().at(0);
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("bridge"), QStringLiteral("1"));
        q.addQueryItem(QStringLiteral("nukiId"), QString::number(lock.nukiId));
        q.addQueryItem(QStringLiteral("state"), QStringLiteral("3"));
        QCOMPARE(httpGet(nam, c, QStringLiteral("/turn"), q).status, 200);
        QCOMPARE(b3.device(lock.nukiId, 0)->state, int(dev::Unlocked));
        QCOMPARE(httpGet(nam, c, QStringLiteral("/door"), q).status, 200);
        QCOMPARE(b3.device(lock.nukiId, 0)->doorsensorState, 3);
        QUrlQuery f;
        f.addQueryItem(QStringLiteral("status"), QStringLiteral("503"));
        f.addQueryItem(QStringLiteral("count"), QStringLiteral("1"));
        QCOMPARE(httpGet(nam, c, QStringLiteral("/faults"), f).status, 200);
        QCOMPARE(httpGet(nam, b2.baseUrl(), QStringLiteral("/list"), plainAuth(token)).status, 503);
        QCOMPARE(httpGet(nam, b2.baseUrl(), QStringLiteral("/list"), plainAuth(token)).status, 200);
        const QJsonArray log = httpGet(nam, c, QStringLiteral("/requests")).json().array();
        QCOMPARE(log.size(), 2);
        QCOMPARE(log[0][u"status"].toInt(), 503);
        // Discovery switched off on a bridge: ip 0.0.0.0, port 0 (§7.1).
        httpGet(nam, b2.baseUrl(), QStringLiteral("/configAuth"),
                with(plainAuth(token), QStringLiteral("enable"), QStringLiteral("0")));
        const QJsonArray off =
            httpGet(nam, c, QStringLiteral("/discover/bridges")).json()[u"bridges"].toArray();
        QCOMPARE(off[0][u"ip"].toString(), QStringLiteral("0.0.0.0"));
        QCOMPARE(off[0][u"port"].toInt(), 0);
        QUrlQuery none;
        none.addQueryItem(QStringLiteral("bridge"), QStringLiteral("7"));
        QCOMPARE(httpGet(nam, c, QStringLiteral("/turn"), none).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestSimDevices)
#include "tst_simdevices.moc"
