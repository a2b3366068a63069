// BridgeClient against the simulated bridge over loopback.
#include "CoreTestUtil.h"

using namespace nuki;
using nukisim::SimBridge;

class TestBridgeClient : public QObject
{
    Q_OBJECT
    const QString token = QStringLiteral("TOKEN-do-not-leak-7");
    std::unique_ptr<SimBridge> sim;
    std::unique_ptr<BridgeClient> client;

    nukisim::SimDevice simLock() const { return sim->devices().at(0); }

    SourceError listNow(QList<Device> *out = nullptr)
    {
        bool done = false;
        SourceError result;
        client->list(BridgeClient::Priority::User,
                     [&](const SourceError &e, const QList<Device> &d) {
                         result = e;
                         if (out)
                             *out = d;
                         done = true;
                     });
        [&] { WAIT_FOR(done, 30000); }();
        return result;
    }

    int plainRequests() const
    {
        int n = 0;
        for (const auto &e : sim->requestLog())
            n += e.authForm == QLatin1String("plain");
        return n;
    }

private slots:
    void init()
    {
        sim = startSim(token);
        QVERIFY(sim);
        client = std::make_unique<BridgeClient>();
        connectClient(*client, *sim, token);
    }
    void cleanup()
    {
        client.reset();
        sim.reset();
    }

    void encryptedByDefaultAndNoPlainToken()
    {
        QList<Device> devices;
        QVERIFY(listNow(&devices).ok());
        QCOMPARE(devices.size(), 4);
        QCOMPARE(client->effectiveTokenMode(), TokenMode::Encrypted);
        for (const auto &e : sim->requestLog()) {
            QCOMPARE(e.authForm, QStringLiteral("encrypted"));
            for (const auto &p : e.params)
                QVERIFY(!p.second.contains(token));
        }
    }

    void neverTwoInFlightAndActionsFirst()
    {
        int finished = 0;
        QStringList order;
        for (int i = 0; i < 3; ++i)
            client->list(BridgeClient::Priority::Poll,
                         [&](const SourceError &e, const QList<Device> &) {
                             QVERIFY(e.ok());
                             order << QStringLiteral("list");
                             ++finished;
                         });
        const auto lock = simLock();
        client->lockAction(lock.nukiId, lock.deviceType, 2, false,
                           [&](const SourceError &e, const ActionResult &r) {
                               QVERIFY2(e.ok(), qPrintable(e.message()));
                               QVERIFY(r.success);
                               order << QStringLiteral("lock");
                               ++finished;
                           });
        // The first poll went out at once; the two queued behind it coalesced into one, and
        // the action overtook them.
        WAIT_FOR(finished == 4, 20000);
        QCOMPARE(order, QStringList({QStringLiteral("list"), QStringLiteral("lock"),
                                     QStringLiteral("list"), QStringLiteral("list")}));
        QCOMPARE(sim->requestLog().size(), 3);
        QCOMPARE(sim->maxConcurrentSeen(), 1);
        for (const auto &e : sim->requestLog())
            QVERIFY(!e.concurrent);
    }

    void tenActionsOnTenDevicesNo503()
    {
        QList<nukisim::SimDevice> devices;
        for (int i = 0; i < 10; ++i) {
            nukisim::SimDevice d;
            d.nukiId = 1000 + quint32(i);
            d.name = QStringLiteral("Lock %1").arg(i);
            d.state = 1;
            devices << d;
        }
        sim->setDevices(devices);
        int ok = 0, done = 0;
        for (const auto &d : devices)
            client->lockAction(d.nukiId, d.deviceType, 1, false,
                               [&](const SourceError &e, const ActionResult &) {
                                   ok += e.ok();
                                   ++done;
                               });
        WAIT_FOR(done == 10, 60000);
        QCOMPARE(ok, 10);
        for (const auto &e : sim->requestLog())
            QVERIFY2(e.status != 503, "the client caused a 503");
        for (const auto &d : sim->devices())
            QCOMPARE(d.state, 3);
    }

    void busyBridgeIsRetried()
    {
        sim->faults().forcedStatus = 503;
        sim->faults().forcedRemaining = 3;
        QVERIFY(listNow().ok());
        int busy = 0;
        for (const auto &e : sim->requestLog())
            busy += e.status == 503;
        QCOMPARE(busy, 3);
    }

    void busyStormEndsAsBusy()
    {
        client->config().retryDeadlineMs = 600;
        sim->faults().rate503 = 1.0;
        const SourceError e = listNow();
        QCOMPARE(e.kind, SourceError::Busy);
        QVERIFY(!e.message().isEmpty());
        QVERIFY(sim->requestLog().size() >= 2);
    }

    void wrongTokenIsUnauthorized()
    {
        client->setToken(QStringLiteral("wrong-token"));
        client->setTokenMode(TokenMode::Encrypted); // not Auto: no plain attempt
        const SourceError e = listNow();
        QCOMPARE(e.kind, SourceError::Unauthorized);
        // Investigated once, then reported; never with the plain token.
        for (const auto &entry : sim->requestLog())
            QVERIFY(entry.authForm != QLatin1String("plain"));
        const qsizetype requests = sim->requestLog().size();
        QCOMPARE(listNow().kind, SourceError::Unauthorized); // no second investigation
        QCOMPARE(sim->requestLog().size(), requests + 1);
    }

    void clockSkewIsFoundAndFollowed()
    {
        sim->setClockSkewSeconds(300);
        QSignalSpy skew(client.get(), &BridgeClient::clockSkewDetected);
        QVERIFY(listNow().ok()); // the 401 is investigated, the clock learned, the list re-sent
        QCOMPARE(skew.size(), 1);
        QVERIFY(qAbs(skew.first().first().toLongLong() - 300) <= 2);
        QCOMPARE(client->effectiveTokenMode(), TokenMode::Encrypted);
        const qsizetype before = sim->requestLog().size();
        QVERIFY(listNow().ok());
        QCOMPARE(sim->requestLog().size(), before + 1); // follows the bridge's clock now
    }

    void softwareBridgeNeedsPlainChosen()
    {
        // A bridge that takes only the plain token is refused in Auto mode: the token never
        // travels unprotected unless the person chose that for this bridge.
        sim->config().bridgeType = 2;
        sim->auth().setAllowEncrypted(false);
        sim->auth().setAllowHashed(false);
        QSignalSpy mode(client.get(), &BridgeClient::tokenModeChanged);
        QCOMPARE(listNow().kind, SourceError::Unauthorized);
        QCOMPARE(mode.size(), 0);
        QVERIFY(plainRequests() == 0);
        client->setTokenMode(TokenMode::Plain); // the explicit choice
        QVERIFY(listNow().ok());
        QCOMPARE(client->effectiveTokenMode(), TokenMode::Plain);
    }

    void wrongTokenCostIsCapped_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("auto") << int(TokenMode::Auto);
        QTest::newRow("encrypted") << int(TokenMode::Encrypted);
        QTest::newRow("hashed") << int(TokenMode::Hashed);
    }

    void wrongTokenCostIsCapped()
    {
        QFETCH(int, mode);
        client->setToken(QStringLiteral("an-old-token"));
        client->setTokenMode(TokenMode(mode));
        const SourceError e = listNow();
        QCOMPARE(e.kind, SourceError::Unauthorized);
        QVERIFY2(e.message().contains(QStringLiteral("clock")), qPrintable(e.message()));
        QCOMPARE(plainRequests(), 0);
        // The request, a hashed probe (Auto only: old firmware), ten clock shifts.
        QCOMPARE(sim->requestLog().size(), mode == int(TokenMode::Auto) ? 12 : 11);
        for (int i = 0; i < 3; ++i) // later requests are refused without a new investigation
            QCOMPARE(listNow().kind, SourceError::Unauthorized);
        QCOMPARE(sim->requestLog().size(), mode == int(TokenMode::Auto) ? 15 : 14);
    }

    void largeClockSkewEndsAsRejectedNamingTheClock()
    {
        sim->setClockSkewSeconds(2000);
        const SourceError e = listNow();
        QCOMPARE(e.kind, SourceError::Unauthorized);
        QVERIFY2(e.message().contains(QStringLiteral("clock")), qPrintable(e.message()));
        QVERIFY(e.message().contains(QStringLiteral("11 minutes")));
        QCOMPARE(plainRequests(), 0);
        QCOMPARE(client->effectiveTokenMode(), TokenMode::Encrypted);
    }

    void learnedOffsetIsUsedFromTheFirstRequest()
    {
        sim->setClockSkewSeconds(-400);
        client->setBridgeClockOffset(-400); // as kept in the settings
        QVERIFY(listNow().ok());
        QCOMPARE(sim->requestLog().size(), 1); // no 401, no investigation
        QCOMPARE(sim->requestLog().first().authForm, QStringLiteral("encrypted"));
    }

    void nothingIsSentWithoutAToken()
    {
        client->setToken(QString());
        QCOMPARE(listNow().kind, SourceError::NoToken);
        QCOMPARE(sim->requestLog().size(), 0);
    }

    void passing401sNeverDowngrade()
    {
        QVERIFY(listNow().ok()); // the bridge took the encrypted token
        sim->faults().forcedStatus = 401;
        sim->faults().forcedRemaining = 2;
        listNow();
        QVERIFY(listNow().ok());
        QCOMPARE(client->effectiveTokenMode(), TokenMode::Encrypted);
        for (const auto &e : sim->requestLog())
            QVERIFY2(e.authForm != QLatin1String("plain") && e.authForm != QLatin1String("hashed"),
                     qPrintable(e.authForm));
    }

    void oldFirmwareFallsBackToHashed()
    {
        sim->auth().setAllowEncrypted(false);
        QVERIFY(listNow().ok());
        QCOMPARE(client->effectiveTokenMode(), TokenMode::Hashed);
        for (const auto &e : sim->requestLog())
            QVERIFY(e.authForm != QLatin1String("plain"));
    }

    void errorsMapToKinds_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::newRow("404") << 404 << int(SourceError::UnknownDevice);
        QTest::newRow("410") << 410 << int(SourceError::DeviceOffline);
        QTest::newRow("400") << 400 << int(SourceError::BadRequest);
        QTest::newRow("500") << 500 << int(SourceError::BadResponse);
    }
    void errorsMapToKinds()
    {
        QFETCH(int, status);
        QFETCH(int, kind);
        sim->faults().forcedStatus = status;
        sim->faults().forcedRemaining = 1;
        const auto lock = simLock();
        SourceError result;
        bool done = false;
        client->lockState(lock.nukiId, lock.deviceType,
                          [&](const SourceError &e, const DeviceState &) {
                              result = e;
                              done = true;
                          });
        WAIT_FOR(done, 20000);
        QCOMPARE(int(result.kind), kind);
        QVERIFY(!result.message().isEmpty());
    }

    void malformedBodyIsBadResponse()
    {
        sim->faults().malformedRemaining = 1;
        QCOMPARE(listNow().kind, SourceError::BadResponse);
        QVERIFY(listNow().ok()); // and the next poll works
    }

    // Over a cap, the message names the cap instead of "cannot be read" (issue 27).
    void oversizedAnswersNameTheirLimit()
    {
        QList<nukisim::SimDevice> many;
        for (quint32 i = 1; i <= 9000; ++i) {
            nukisim::SimDevice d;
            d.nukiId = i;
            d.name = QStringLiteral("Lock %1 ").arg(i) + QString(120, u'x');
            many << d;
        }
        sim->setDevices(many); // a /list of more than 2 MB
        SourceError e = listNow();
        QCOMPARE(e.kind, SourceError::BadResponse);
        QCOMPARE(e.sizeLimit, MaxBodyBytes);
        QVERIFY2(e.message().contains(u"too large"_qs) && e.message().contains(u"2 MB"_qs),
                 qPrintable(e.message()));
        sim->setDevices(nukisim::SimBridge::defaultDevices());
        sim->faults().hugeHeadRemaining = 1;
        e = listNow();
        QCOMPARE(e.kind, SourceError::BadResponse);
        QVERIFY(e.headTooLarge);
        QVERIFY2(e.message().contains(u"head"_qs) && e.message().contains(u"16 kB"_qs),
                 qPrintable(e.message()));
        QVERIFY(listNow().ok()); // and the next poll works
    }

    void unreachableDeviceSaysSo()
    {
        const auto lock = simLock();
        sim->setReachable(lock.nukiId, lock.deviceType, false);
        SourceError result;
        bool done = false;
        client->lockAction(lock.nukiId, lock.deviceType, 2, false,
                           [&](const SourceError &e, const ActionResult &) {
                               result = e;
                               done = true;
                           });
        WAIT_FOR(done, 20000);
        QCOMPARE(result.kind, SourceError::DeviceUnreachable);
    }

    void timedOutActionIsNotResent()
    {
        const auto lock = simLock();
        sim->faults().latencyMs = 1500; // longer than the client's timeout below
        sim->faults().onlyPath = QStringLiteral("/lockAction");
        SourceError result;
        bool done = false;
        BridgeClient::Request r{QStringLiteral("/lockAction"),
                                {{QStringLiteral("nukiId"), QString::number(lock.nukiId)},
                                 {QStringLiteral("deviceType"), QStringLiteral("0")},
                                 {QStringLiteral("action"), QStringLiteral("3")}},
                                BridgeClient::Priority::Action,
                                400};
        client->send(r, [&](const SourceError &e, const QByteArray &) {
            result = e;
            done = true;
        });
        WAIT_FOR(done, 20000);
        QCOMPARE(result.kind, SourceError::Timeout);
        QVERIFY(result.mayHaveReachedLock);
        // Wait until the simulator has handled it, then count: exactly one /lockAction.
        WAIT_FOR(!sim->requestLog().isEmpty(), 5000);
        int actions = 0;
        for (const auto &e : sim->requestLog())
            actions += e.path == QLatin1String("/lockAction");
        QCOMPARE(actions, 1);
    }

    void droppedActionIsNotResent()
    {
        const auto lock = simLock();
        sim->faults().dropRemaining = 1;
        SourceError result;
        bool done = false;
        client->lockAction(lock.nukiId, lock.deviceType, 1, false,
                           [&](const SourceError &e, const ActionResult &) {
                               result = e;
                               done = true;
                           });
        WAIT_FOR(done, 20000);
        QCOMPARE(result.kind, SourceError::ConnectionLost);
        QVERIFY(result.mayHaveReachedLock);
        int actions = 0;
        for (const auto &e : sim->requestLog())
            actions += e.path == QLatin1String("/lockAction");
        QCOMPARE(actions, 1);
    }

    void vanishedBridgeIsUnreachable()
    {
        client->config().retryDeadlineMs = 500;
        sim.reset(); // nothing listens on that port any more
        const SourceError e = listNow();
        QCOMPARE(e.kind, SourceError::Unreachable);
        QVERIFY(!e.mayHaveReachedLock);
    }

    void rebootingBridgeIsWaitedFor()
    {
        client->config().retryDeadlineMs = 10000;
        sim->reboot(600);
        QVERIFY(listNow().ok()); // connection refused is retried until the bridge is back
    }

    void buttonFlow()
    {
        QString got;
        SourceError result;
        bool done = false;
        client->requestToken([&](const SourceError &e, const QString &t) {
            result = e;
            got = t;
            done = true;
        });
        WAIT_FOR(sim->authPending(), 5000);
        sim->pressButton();
        WAIT_FOR(done, 5000);
        QVERIFY(result.ok());
        QCOMPARE(got, token);
        done = false;
        client->requestToken([&](const SourceError &e, const QString &) {
            result = e;
            done = true;
        });
        WAIT_FOR(done, 5000); // not pressed within the (shortened) window
        QCOMPARE(result.kind, SourceError::ButtonNotPressed);
    }
};

QTEST_GUILESS_MAIN(TestBridgeClient)
#include "tst_bridgeclient.moc"
