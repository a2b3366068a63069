// Endpoints of the simulated bridge over HTTP: shapes, errors, single-flight and faults.
#include "SimTestUtil.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace nukisim;

class TestSimEndpoints : public QObject
{
    Q_OBJECT
    SimBridge *bridge = nullptr;
    QNetworkAccessManager nam;
    QString base;
    const QString token = QStringLiteral("abcdef123");
    SimDevice lock;

    QUrlQuery auth() const { return plainAuth(token); }
    QUrlQuery dev(const SimDevice &d) const
    {
        QUrlQuery q = auth();
        q.addQueryItem(QStringLiteral("nukiId"), QString::number(d.nukiId));
        q.addQueryItem(QStringLiteral("deviceType"), QString::number(d.deviceType));
        return q;
    }

private slots:
    void init()
    {
        delete bridge;
        bridge = new SimBridge(fastSimConfig(), this);
        bridge->setToken(token);
        QVERIFY(bridge->listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        base = bridge->baseUrl();
        lock = bridge->devices().at(0);
    }

    void listShapeAndFormatting()
    {
        const HttpResult r = httpGet(nam, base, QStringLiteral("/list"), auth());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.contentType, QByteArray("application/json"));
        // The hardware bridge's formatting: one line, ", " and ": " separators, its key order.
        QVERIFY(r.body.startsWith("[{\"deviceType\": 0, \"nukiId\": "));
        QVERIFY(!r.body.contains('\n'));
        const QJsonArray list = r.json().array();
        QCOMPARE(list.size(), 4);
        const QJsonObject s = list[0][u"lastKnownState"].toObject();
        for (const char *key : {"mode", "state", "stateName", "batteryCritical", "batteryCharging",
                                "batteryChargeState", "keypadBatteryCritical", "doorsensorState",
                                "doorsensorStateName", "timestamp"})
            QVERIFY2(s.contains(QLatin1String(key)), key);
        const QJsonObject opener = list[2][u"lastKnownState"].toObject();
        QCOMPARE(list[2][u"deviceType"].toInt(), 2);
        QVERIFY(opener.contains(u"ringactionState"));
        QVERIFY(!opener.contains(u"batteryChargeState"));
        // A lock and an opener may share a nukiId (§1).
        QCOMPARE(list[2][u"nukiId"].toInteger(), list[0][u"nukiId"].toInteger());
    }

    void infoShape()
    {
        const QJsonObject info =
            httpGet(nam, base, QStringLiteral("/info"), auth()).json().object();
        QCOMPARE(info[u"bridgeType"].toInt(), 1);
        QVERIFY(info[u"ids"][u"hardwareId"].toInteger() > 0);
        QCOMPARE(info[u"ids"][u"serverId"].toInteger(), qint64(bridge->config().serverId));
        QVERIFY(!info[u"versions"][u"firmwareVersion"].toString().isEmpty());
        const QJsonArray scan = info[u"scanResults"].toArray();
        QCOMPARE(scan.size(), 4);
        QVERIFY(scan[2][u"name"].toString().startsWith(u"Nuki_Opener_"));
        QVERIFY(QDateTime::fromString(info[u"currentTime"].toString(), Qt::ISODate).isValid());
    }

    void lockStateWakesTheDevice()
    {
        QCOMPARE(bridge->bleWakeups(lock.nukiId, lock.deviceType), 0);
        const HttpResult r = httpGet(nam, base, QStringLiteral("/lockState"), dev(lock));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()[u"success"].toBool(), true);
        QCOMPARE(r.json()[u"state"].toInt(), lock.state);
        QVERIFY(!r.json().object().contains(u"timestamp"));
        QCOMPARE(bridge->bleWakeups(lock.nukiId, lock.deviceType), 1);
        QVERIFY(bridge->requestLog().constLast().bleWake);
        httpGet(nam, base, QStringLiteral("/list"), auth());
        QCOMPARE(bridge->bleWakeups(lock.nukiId, lock.deviceType), 1); // /list is the cache
    }

    void badParametersGet400()
    {
        QCOMPARE(httpGet(nam, base, QStringLiteral("/lockState"),
                         with(auth(), QStringLiteral("nukiId"), QStringLiteral("abc")))
                     .status,
                 400);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/lockState"), auth()).status, 400);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/lockAction"),
                         with(dev(lock), QStringLiteral("action"), QStringLiteral("6")))
                     .status,
                 400);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/lockAction"),
                         with(dev(lock), QStringLiteral("action"), QStringLiteral("x%zz")))
                     .status,
                 400);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/lockAction"),
                         with(with(dev(lock), QStringLiteral("action"), QStringLiteral("2")),
                              QStringLiteral("nowait"), QStringLiteral("7")))
                     .status,
                 400);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/")).status, 400);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/nonsense"), auth()).status, 400);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/callback/add"),
                         with(auth(), QStringLiteral("url"), QStringLiteral("https://127.0.0.1/x")))
                     .status,
                 400);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/callback/remove"),
                         with(auth(), QStringLiteral("id"), QStringLiteral("-1")))
                     .status,
                 400);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/log"),
                         with(auth(), QStringLiteral("count"), QStringLiteral("many")))
                     .status,
                 400);
        // Still alive after all that.
        QCOMPARE(httpGet(nam, base, QStringLiteral("/list"), auth()).status, 200);
    }

    void unknownDeviceIs404()
    {
        QUrlQuery q = auth();
        q.addQueryItem(QStringLiteral("nukiId"), QString::number(lock.nukiId));
        q.addQueryItem(QStringLiteral("deviceType"), QStringLiteral("3")); // wrong type
        QCOMPARE(httpGet(nam, base, QStringLiteral("/lockState"), q).status, 404);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/lock"), q).status, 404);
    }

    void lowerCaseParameterNamesAccepted()
    {
        // pynuki sends noWait; real bridges accept it (§1.2).
        QUrlQuery q = dev(lock);
        q.addQueryItem(QStringLiteral("action"), QStringLiteral("1"));
        q.addQueryItem(QStringLiteral("noWait"), QStringLiteral("1"));
        QElapsedTimer t;
        t.start();
        const HttpResult r = httpGet(nam, base, QStringLiteral("/lockAction"), q);
        QCOMPARE(r.status, 200);
        QCOMPARE(bridge->device(lock.nukiId, lock.deviceType)->state, int(dev::Unlocking));
    }

    void oneRequestAtATime()
    {
        // /auth holds the bridge until the button is pressed: a deterministic busy bridge.
        QNetworkReply *held = startGet(nam, base, QStringLiteral("/auth"), {});
        QTRY_VERIFY_WITH_TIMEOUT(bridge->authPending(), 5000);
        QList<QNetworkReply *> replies;
        QList<QNetworkAccessManager *> managers;
        for (int i = 0; i < 3; ++i) {
            // Separate connections: QNetworkAccessManager would otherwise queue on one socket.
            managers << new QNetworkAccessManager(this);
            replies << startGet(*managers.last(), base, QStringLiteral("/list"), auth());
        }
        for (auto *reply : replies) {
            const HttpResult r = finishReply(reply);
            QCOMPARE(r.status, 503);
            QCOMPARE(r.body, QByteArray("HTTP 503 Unavailable"));
        }
        bridge->pressButton();
        QCOMPARE(finishReply(held).status, 200);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/list"), auth()).status, 200); // free again
        QVERIFY(bridge->maxConcurrentSeen() >= 2);
        int concurrent = 0;
        for (const auto &e : bridge->requestLog())
            concurrent += e.concurrent;
        QCOMPARE(concurrent, 3);
    }

    void blockingActionDoesNotFreezeSimulator()
    {
        bridge->config().actionMs = 5000; // long enough to look while it runs, even on a busy CI
        QNetworkReply *action =
            startGet(nam, base, QStringLiteral("/lockAction"),
                     with(dev(lock), QStringLiteral("action"), QStringLiteral("1")));
        QTRY_COMPARE_WITH_TIMEOUT(bridge->device(lock.nukiId, 0)->state, int(dev::Unlocking), 5000);
        // Meanwhile the simulator answers (with 503: the bridge is busy), it does not hang.
        QNetworkAccessManager other;
        QCOMPARE(httpGet(other, base, QStringLiteral("/list"), auth()).status, 503);
        const HttpResult r = finishReply(action);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("{\"success\": true, \"batteryCritical\": false}"));
        QCOMPARE(bridge->device(lock.nukiId, 0)->state, int(dev::Unlocked));
    }

    void faultsInjected()
    {
        SimFaults &f = bridge->faults();
        f.forcedStatus = 410;
        f.forcedRemaining = 1;
        QCOMPARE(httpGet(nam, base, QStringLiteral("/list"), auth()).status, 410);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/list"), auth()).status, 200);

        f.malformedRemaining = 1;
        const HttpResult bad = httpGet(nam, base, QStringLiteral("/list"), auth());
        QCOMPARE(bad.status, 200);
        QVERIFY(bad.json().isNull());

        f.dropRemaining = 1;
        {
            // A raw socket: QNetworkAccessManager would quietly re-send a GET on a drop.
            QTcpSocket socket;
            socket.connectToHost(bridge->address(), bridge->port());
            QVERIFY(socket.waitForConnected(5000));
            QUrl url(QStringLiteral("/list"));
            url.setQuery(auth());
            socket.write("GET " + url.toEncoded() + " HTTP/1.1\r\nHost: x\r\n\r\n");
            QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
            QVERIFY(socket.readAll().isEmpty());
            QCOMPARE(bridge->requestLog().constLast().note, QStringLiteral("injected drop"));
        }

        f.successFalseRemaining = 1;
        QCOMPARE(httpGet(nam, base, QStringLiteral("/lockState"), dev(lock)).body,
                 QByteArray("{\"success\": false}"));

        f.rate503 = 1.0;
        QCOMPARE(httpGet(nam, base, QStringLiteral("/list"), auth()).status, 503);
        f.rate503 = 0;

        f.latencyMs = 300;
        QElapsedTimer t;
        t.start();
        QCOMPARE(httpGet(nam, base, QStringLiteral("/list"), auth()).status, 200);
        QVERIFY(t.elapsed() >= 300);
        bridge->clearFaults();

        f.forcedStatus = 404;
        f.forcedRemaining = -1;
        f.onlyPath = QStringLiteral("/lockState");
        QCOMPARE(httpGet(nam, base, QStringLiteral("/list"), auth()).status, 200);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/lockState"), dev(lock)).status, 404);
        bridge->clearFaults();
        QCOMPARE(httpGet(nam, base, QStringLiteral("/lockState"), dev(lock)).status, 200);
    }

    void unreachableDevice()
    {
        bridge->setReachable(lock.nukiId, lock.deviceType, false);
        const HttpResult r =
            httpGet(nam, base, QStringLiteral("/lockAction"),
                    with(dev(lock), QStringLiteral("action"), QStringLiteral("2")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()[u"success"].toBool(true), false);
    }

    void rebootRefusesConnections()
    {
        bridge->reboot(300);
        const HttpResult r = httpGet(nam, base, QStringLiteral("/list"), auth());
        QCOMPARE(r.status, 0);
        QCOMPARE(r.error, QNetworkReply::ConnectionRefusedError);
        QSignalSpy back(bridge, &SimBridge::rebooted);
        QVERIFY(back.wait(5000));
        QCOMPARE(httpGet(nam, base, QStringLiteral("/list"), auth()).status, 200);
        const auto info = httpGet(nam, base, QStringLiteral("/info"), auth()).json();
        QVERIFY(info[u"uptime"].toInt() <= 2);
    }

    void maintenanceAndLog()
    {
        httpGet(nam, base, QStringLiteral("/lockAction"),
                with(dev(lock), QStringLiteral("action"), QStringLiteral("1")));
        const QJsonArray log = httpGet(nam, base, QStringLiteral("/log"),
                                       with(auth(), QStringLiteral("count"), QStringLiteral("2")))
                                   .json()
                                   .array();
        QCOMPARE(log.size(), 2);
        QCOMPARE(log[0][u"type"].toString(),
                 QStringLiteral("HTTP-LockActionSuccess")); // newest first
        const HttpResult clear = httpGet(nam, base, QStringLiteral("/clearlog"), auth());
        QCOMPARE(clear.status, 200);
        QVERIFY(clear.body.isEmpty());
        QCOMPARE(httpGet(nam, base, QStringLiteral("/log"), auth()).json().array().size(), 0);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/fwupdate"), auth()).status, 200);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/unpair"), dev(lock)).status, 200);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/list"), auth()).json().array().size(), 3);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/reboot"), auth()).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(bridge->isRebooting(), 5000);
    }
};

QTEST_GUILESS_MAIN(TestSimEndpoints)
#include "tst_simendpoints.moc"
