// Push updates: callback registration and hygiene on the simulated bridge, the receiver's
// checks with hostile input, and falling back to polling.
#include "CoreTestUtil.h"
#include "SimCallbacks.h"
#include "bridge/BridgeSource.h"
#include "bridge/PushManager.h"
#include "home/Home.h"

#include <QPointer>
#include <QTcpSocket>

using namespace nuki;
using nukisim::SimBridge;

class TestPush : public QObject
{
    Q_OBJECT
    const QString token = QStringLiteral("push-token-3");
    const QString path = QStringLiteral("/nuki-desktop/0123456789abcdef");
    std::unique_ptr<SimBridge> sim;
    std::unique_ptr<Home> home;
    std::unique_ptr<PushManager> push;
    QString id = QStringLiteral("P1");

    // A raw HTTP request to the receiver, from a chosen source address.
    int post(const QString &source, const QByteArray &method, const QString &target,
             const QByteArray &body)
    {
        CallbackReceiver *r = push->receiverFor(id);
        QTcpSocket s;
        s.bind(QHostAddress(source));
        s.connectToHost(r->address(), r->port());
        if (!s.waitForConnected(5000))
            return -1;
        s.write(method + ' ' + target.toUtf8() +
                " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                "Content-Length: " +
                QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        QByteArray answer;
        QDeadlineTimer deadline(5000);
        while (!answer.contains("\r\n") && !deadline.hasExpired() &&
               (s.state() == QAbstractSocket::ConnectedState || s.bytesAvailable() > 0)) {
            s.waitForReadyRead(100); // bounded; the receiver runs in this thread's event loop
            QCoreApplication::processEvents();
            answer += s.readAll();
        }
        return answer.split(' ').value(1).toInt();
    }
    bool active() const { return push->state(id) && push->state(id)->active; }

private slots:
    void init()
    {
        sim = startSim(token, QStringLiteral("127.0.0.2"));
        QVERIFY(sim);
        home = std::make_unique<Home>();
        home->setPollInterval(60000);
        addBridge(*home, {id, QStringLiteral("Push"), QStringLiteral("127.0.0.2"), sim->port()},
                  token);
        bridgeSource(*home, id)->client()->config().minGapMs = 20;
        QTRY_COMPARE_WITH_TIMEOUT(home->deviceCount(), 4, 10000);
        push = std::make_unique<PushManager>(home.get(), path);
        push->setHeartbeatMs(60000);
    }
    void cleanup()
    {
        push.reset();
        home.reset();
        sim.reset();
    }

    void registersAndUpdatesArrive()
    {
        push->enable(id);
        QTRY_VERIFY_WITH_TIMEOUT(active(), 10000);
        QCOMPARE(sim->callbacks()->urls(), QList<QString>{push->callbackUrl(id)});
        QVERIFY(push->callbackUrl(id).startsWith(QStringLiteral("http://127.0.0.1:")));
        QVERIFY(home->source(id)->link().push);
        QTRY_VERIFY_WITH_TIMEOUT(bridgeSource(*home, id)->client()->isIdle(), 5000);
        const qsizetype requests = sim->requestLog().size();
        const auto lock = sim->devices().at(0);
        sim->setDoor(lock.nukiId, 3);
        QTRY_COMPARE_WITH_TIMEOUT(
            home->device({lock.nukiId, 0})->device.state.doorsensorState.value_or(0), 3, 5000);
        QCOMPARE(sim->requestLog().size(), requests); // no poll needed
        QCOMPARE(push->receiverFor(id)->counters().accepted, 1);
    }

    void staleOwnEntryRemovedOthersKept()
    {
        QString msg;
        sim->callbacks()->add(QStringLiteral("http://127.0.0.1:1") + path, false, &msg);
        sim->callbacks()->add(QStringLiteral("http://127.0.0.1:9/someone-else"), false, &msg);
        push->enable(id);
        QTRY_VERIFY_WITH_TIMEOUT(active(), 10000);
        auto sorted = [](QList<QString> l) {
            l.sort();
            return l;
        };
        QTRY_COMPARE_WITH_TIMEOUT(
            sorted(sim->callbacks()->urls()),
            sorted({QStringLiteral("http://127.0.0.1:9/someone-else"), push->callbackUrl(id)}),
            10000);
    }

    void neverEvictsOthers()
    {
        QString msg;
        for (int i = 0; i < 3; ++i)
            sim->callbacks()->add(QStringLiteral("http://127.0.0.1:9/other%1").arg(i), false, &msg);
        QSignalSpy changed(push.get(), &PushManager::changed);
        push->enable(id);
        QVERIFY(changed.wait(10000));
        QVERIFY(!active());
        QVERIFY(push->state(id)->problem.contains(QStringLiteral("three")));
        QCOMPARE(sim->callbacks()->urls().size(), 3);
        for (const QString &u : sim->callbacks()->urls())
            QVERIFY(u.contains(QStringLiteral("other")));
        QCOMPARE(push->state(id)->entries.size(), 3);
        QVERIFY(!home->source(id)->link().push); // polling stays
    }

    void reRegistersAfterBridgeReboot()
    {
        push->setHeartbeatMs(300);
        push->enable(id);
        QTRY_VERIFY_WITH_TIMEOUT(active(), 10000);
        sim->reboot(200); // the simulated bridge forgets its callbacks on reboot
        QVERIFY(sim->callbacks()->urls().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(sim->callbacks()->urls(), QList<QString>{push->callbackUrl(id)},
                                  15000);
    }

    void removedOnQuit()
    {
        push->enable(id);
        QTRY_VERIFY_WITH_TIMEOUT(active(), 10000);
        bool done = false;
        push->shutdown([&] { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QVERIFY(sim->callbacks()->urls().isEmpty());
    }

    void enableTwiceRegistersOnce()
    {
        // The re-enter-token flow and the first "online" both enable push at once.
        push->enable(id);
        push->enable(id);
        push->enable(id);
        QTRY_VERIFY_WITH_TIMEOUT(active(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!push->state(id)->checking, 10000);
        QCOMPARE(sim->callbacks()->urls(), QList<QString>{push->callbackUrl(id)});
    }

    void secondCopyOfOursIsRemoved()
    {
        push->enable(id);
        QTRY_VERIFY_WITH_TIMEOUT(active(), 10000);
        QString msg;
        sim->callbacks()->add(push->callbackUrl(id), false, &msg); // the simulator allows copies
        sim->callbacks()->add(QStringLiteral("http://127.0.0.1:9/someone-else"), false, &msg);
        QCOMPARE(sim->callbacks()->urls().size(), 3);
        push->enable(id); // the periodic check
        QTRY_COMPARE_WITH_TIMEOUT(sim->callbacks()->urls().size(), 2, 10000);
        QVERIFY(sim->callbacks()->urls().contains(push->callbackUrl(id)));
        QVERIFY(
            sim->callbacks()->urls().contains(QStringLiteral("http://127.0.0.1:9/someone-else")));
    }

    void followsAChangedLocalAddress()
    {
        push->setHeartbeatMs(300); // checks every 0.6 s
        push->setListenAddress(QHostAddress(QStringLiteral("127.0.0.1")));
        push->enable(id);
        QTRY_VERIFY_WITH_TIMEOUT(active(), 10000);
        const QString before = push->callbackUrl(id);
        // This computer's address changes (a new DHCP lease): the next check moves the
        // receiver and replaces our URL on the bridge; the old one is gone.
        push->setListenAddress(QHostAddress(QStringLiteral("127.0.0.4")));
        QTRY_VERIFY_WITH_TIMEOUT(
            push->callbackUrl(id).startsWith(QStringLiteral("http://127.0.0.4:")), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(sim->callbacks()->urls(), QList<QString>{push->callbackUrl(id)},
                                  10000);
        QVERIFY(!sim->callbacks()->urls().contains(before));
        const auto lock = sim->devices().at(0);
        sim->setDoor(lock.nukiId, 3); // and pushes arrive at the new address
        QTRY_COMPARE_WITH_TIMEOUT(push->receiverFor(id)->counters().accepted, 1, 5000);
    }

    void removedWithTheBridge()
    {
        QString msg;
        sim->callbacks()->add(QStringLiteral("http://127.0.0.1:9/someone-else"), false, &msg);
        push->enable(id);
        QTRY_VERIFY_WITH_TIMEOUT(active(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!push->state(id)->checking, 10000);
        bool released = false;
        std::unique_ptr<Source> taken = home->takeSource(id);
        auto *c = qobject_cast<BridgeSource *>(taken.release());
        QVERIFY(c);
        QPointer<BridgeSource> client(c);
        push->release(c, [&, c] {
            released = true;
            c->deleteLater();
        });
        QVERIFY(!home->source(id)); // gone from the home at once
        QTRY_VERIFY_WITH_TIMEOUT(released, 10000);
        QCOMPARE(sim->callbacks()->urls(),
                 QList<QString>{QStringLiteral("http://127.0.0.1:9/someone-else")});
        QTRY_VERIFY_WITH_TIMEOUT(client.isNull(), 5000);
        QVERIFY(!home->source(id)); // the client's late answers did not bring it back
    }

    void receiverRejectsHostileInput()
    {
        push->enable(id);
        QTRY_VERIFY_WITH_TIMEOUT(active(), 10000);
        const QByteArray good =
            R"({"deviceType": 0, "nukiId": 1, "mode": 2, "state": 1, "stateName": "locked", "batteryCritical": false})";
        const QString bridge = QStringLiteral("127.0.0.2");
        QCOMPARE(post(QStringLiteral("127.0.0.1"), "POST", path, good), 0); // closed, unanswered
        QCOMPARE(post(bridge, "POST", QStringLiteral("/nuki-desktop/guess"), good), 404);
        QCOMPARE(post(bridge, "GET", path, {}), 405);
        QCOMPARE(post(bridge, "POST", path, QByteArray(8000, 'x')), 413);
        QCOMPARE(post(bridge, "POST", path, "{\"nukiId\": "), 400);
        QCOMPARE(post(bridge, "POST", path, "[1, 2, 3]"), 400);
        QCOMPARE(post(bridge, "POST", path, good), 200);
        const auto c = push->receiverFor(id)->counters();
        QCOMPARE(c.wrongSource, 1);
        QCOMPARE(c.wrongPath, 1);
        QCOMPARE(c.wrongMethod, 1);
        QCOMPARE(c.tooLarge, 1);
        QCOMPARE(c.malformed, 2);
    }

    // A connection from `source` to the receiver, left open.
    std::unique_ptr<QTcpSocket> openFrom(const QString &source)
    {
        auto s = std::make_unique<QTcpSocket>();
        s->bind(QHostAddress(source));
        CallbackReceiver *r = push->receiverFor(id);
        s->connectToHost(r->address(), r->port());
        return s;
    }

    void strangersAreClosedAtAcceptAndNothingIsBuffered()
    {
        push->enable(id);
        QTRY_VERIFY_WITH_TIMEOUT(active(), 10000);
        CallbackReceiver *r = push->receiverFor(id);
        // 300 idle connections and one announcing a gigabyte, from a LAN host that is not the
        // bridge: each is closed at accept, none stays open.
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int batch = 1; batch <= 6; ++batch) { // in batches: the listen backlog is 50
            for (int i = 0; i < 50; ++i)
                sockets.push_back(openFrom(QStringLiteral("127.0.0.1")));
            QTRY_COMPARE_WITH_TIMEOUT(r->counters().wrongSource, batch * 50, 10000);
            QCOMPARE(r->openConnections(), 0);
        }
        auto big = openFrom(QStringLiteral("127.0.0.1"));
        QObject::connect(big.get(), &QTcpSocket::connected, big.get(), [&big, this] {
            big->write("POST " + path.toUtf8() + " HTTP/1.1\r\nContent-Length: 1000000000\r\n\r\n");
            big->write(QByteArray(1 << 20, 'x'));
        });
        QTRY_COMPARE_WITH_TIMEOUT(r->counters().wrongSource, 301, 10000);
        QCOMPARE(r->openConnections(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(big->state() == QAbstractSocket::UnconnectedState, 5000);
        // A real change still arrives by push.
        const auto lock = sim->devices().at(0);
        sim->setDoor(lock.nukiId, 3);
        QTRY_COMPARE_WITH_TIMEOUT(r->counters().accepted, 1, 5000);
    }

    void theBridgesOwnConnectionsAreCapped()
    {
        push->enable(id);
        QTRY_VERIFY_WITH_TIMEOUT(active(), 10000);
        CallbackReceiver *r = push->receiverFor(id);
        const QString bridge = QStringLiteral("127.0.0.2");
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < CallbackReceiver::MaxConnections + 5; ++i)
            idle.push_back(openFrom(bridge));
        QTRY_COMPARE_WITH_TIMEOUT(r->openConnections(), CallbackReceiver::MaxConnections, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(r->counters().overCapacity, 5, 5000);
        // Idle connections are closed at the deadline, and then the bridge gets through.
        QTRY_COMPARE_WITH_TIMEOUT(r->openConnections(), 0, CallbackReceiver::DeadlineMs + 3000);
        QCOMPARE(r->counters().timedOut, CallbackReceiver::MaxConnections);
        const auto lock = sim->devices().at(0);
        sim->setDoor(lock.nukiId, 3);
        QTRY_COMPARE_WITH_TIMEOUT(r->counters().accepted, 1, 5000);
    }

    void oversizedRequestsAreRefusedAtTheCap()
    {
        push->enable(id);
        QTRY_VERIFY_WITH_TIMEOUT(active(), 10000);
        const QString bridge = QStringLiteral("127.0.0.2");
        auto raw = [&](const QByteArray &bytes) {
            auto s = openFrom(bridge);
            if (!s->waitForConnected(5000))
                return -1;
            s->write(bytes);
            QByteArray answer;
            QDeadlineTimer deadline(5000);
            while (!answer.contains("\r\n") && !deadline.hasExpired() &&
                   (s->state() == QAbstractSocket::ConnectedState || s->bytesAvailable() > 0)) {
                s->waitForReadyRead(100);
                QCoreApplication::processEvents();
                answer += s->readAll();
            }
            return answer.split(' ').value(1).toInt();
        };
        const QByteArray p = path.toUtf8();
        QCOMPARE(raw("POST " + p + " HTTP/1.1\r\nContent-Length: 1000000000\r\n\r\n"), 413);
        QCOMPARE(raw("POST " + p + " HTTP/1.1\r\nX-Pad: " + QByteArray(8000, 'a') + "\r\n\r\n"),
                 431);
        QCOMPARE(raw("POST " + p + " HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"), 411);
        QCOMPARE(raw("POST " + p + " HTTP/1.1\r\nContent-Length: -5\r\n\r\n"), 400);
        QCOMPARE(
            raw("POST " + p + " HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}GET / HTTP/1.1\r\n\r\n"),
            400); // a second request smuggled behind the first
        QCOMPARE(push->receiverFor(id)->counters().accepted, 0);
    }

    void oneLostPushTurnsPushOffAndPollingOn()
    {
        push->setHeartbeatMs(2000); // /list every 2 s while push is on
        push->setMissGraceMs(200);
        push->enable(id);
        QTRY_VERIFY_WITH_TIMEOUT(active(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!push->state(id)->checking, 10000);
        QCOMPARE(bridgeSource(*home, id)->poller()->interval(),
                 60000); // polling proper would be slow here
        // Pushes now come from an address the receiver does not accept: they are lost.
        sim->callbacks()->setSourceAddress(QHostAddress(QStringLiteral("127.0.0.3")));
        const auto lock = sim->devices().at(0);
        auto callbackLists = [&] {
            int n = 0;
            for (const auto &e : sim->requestLog())
                n += e.path == QLatin1String("/callback/list");
            return n;
        };
        const int listsBefore = callbackLists();
        sim->turnByHand(lock.nukiId, 0, 3); // one change, and only one
        QTRY_COMPARE_WITH_TIMEOUT(home->device({lock.nukiId, 0})->device.state.state, 3, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!active(), 5000);
        QVERIFY(push->state(id)->problem.contains(QStringLiteral("stopped arriving")));
        QVERIFY(!home->source(id)->link().push);
        // Polling took over at its own interval, not the heartbeat...
        QCOMPARE(bridgeSource(*home, id)->poller()->nextDelay(), 60000);
        // ...and our registration was checked at once (still there: push stays off).
        QTRY_VERIFY_WITH_TIMEOUT(callbackLists() > listsBefore, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!push->state(id)->checking, 5000);
        QVERIFY(!active());
        QCOMPARE(sim->callbacks()->urls(), QList<QString>{push->callbackUrl(id)});
    }

    void lostRegistrationIsRestoredOnTheFirstMiss()
    {
        push->setHeartbeatMs(2000);
        push->setMissGraceMs(200);
        push->enable(id);
        QTRY_VERIFY_WITH_TIMEOUT(active(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!push->state(id)->checking, 10000);
        sim->callbacks()->clear(); // someone removed our entry: no push arrives
        const auto lock = sim->devices().at(0);
        QSignalSpy changed(push.get(), &PushManager::changed);
        sim->setDoor(lock.nukiId, 3);
        QTRY_COMPARE_WITH_TIMEOUT(
            home->device({lock.nukiId, 0})->device.state.doorsensorState.value_or(0), 3, 10000);
        // Off at the miss, then on again once the check has put our entry back.
        QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 2, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(active(), 10000);
        QCOMPARE(sim->callbacks()->urls(), QList<QString>{push->callbackUrl(id)});
    }

    void aPushThatArrivesAlsoConfirmsTheChange()
    {
        push->setHeartbeatMs(2000);
        push->enable(id);
        QTRY_VERIFY_WITH_TIMEOUT(active(), 10000);
        const auto lock = sim->devices().at(0);
        for (int door : {3, 2, 3}) {
            sim->setDoor(lock.nukiId, door);
            QTRY_COMPARE_WITH_TIMEOUT(
                home->device({lock.nukiId, 0})->device.state.doorsensorState.value_or(0), door,
                5000);
        }
        // Two heartbeats of /list saw the same states push brought: no miss.
        const qsizetype before = sim->requestLog().size();
        QTRY_VERIFY_WITH_TIMEOUT(sim->requestLog().size() >= before + 2, 10000);
        QVERIFY(active());
    }
};

QTEST_GUILESS_MAIN(TestPush)
#include "tst_push.moc"
