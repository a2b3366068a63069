// The set-up steps shared by the assistant and nukictl: addresses, the probe, the button,
// the check with the best token form. Against the simulator on loopback.
#include "CoreTestUtil.h"
#include "bridge/BridgeSetup.h"

#include <QElapsedTimer>
#include <QTcpServer>

using namespace nuki;

class TestBridgeSetup : public QObject
{
    Q_OBJECT
private slots:
    void addresses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("v4") << "127.0.0.2" << true << "127.0.0.2" << 8080;
        QTest::newRow("v4:port") << "127.0.0.2:8081" << true << "127.0.0.2" << 8081;
        QTest::newRow("spaces") << "  127.0.0.2:8081 " << true << "127.0.0.2" << 8081;
        QTest::newRow("name") << "bridge.local" << true << "bridge.local" << 8080;
        QTest::newRow("name:port") << "bridge.local:9000" << true << "bridge.local" << 9000;
        QTest::newRow("v6") << "::1" << true << "::1" << 8080;
        QTest::newRow("[v6]:port") << "[::1]:8082" << true << "::1" << 8082;
        QTest::newRow("empty") << "" << false << "" << 0;
        QTest::newRow("url") << "http://127.0.0.2:8080/" << false << "" << 0;
        QTest::newRow("path") << "127.0.0.2/list" << false << "" << 0;
        QTest::newRow("port 0") << "127.0.0.2:0" << false << "" << 0;
        QTest::newRow("port too big") << "127.0.0.2:70000" << false << "" << 0;
        QTest::newRow("port words") << "127.0.0.2:http" << false << "" << 0;
        QTest::newRow("user") << "me@127.0.0.2" << false << "" << 0;
        QTest::newRow("query") << "127.0.0.2?token=x" << false << "" << 0;
        QTest::newRow("words") << "my bridge" << false << "" << 0;
        QTest::newRow("colon, no port") << "127.0.0.2:" << false << "" << 0;
    }
    void addresses()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QString gotHost;
        quint16 gotPort = 8080;
        QCOMPARE(BridgeSetup::parseAddress(text, &gotHost, &gotPort), valid);
        if (valid) {
            QFETCH(QString, host);
            QFETCH(int, port);
            QCOMPARE(gotHost, host);
            QCOMPARE(int(gotPort), port);
        }
    }

    void tokenShape()
    {
        QVERIFY(BridgeSetup::tokenLooksValid(QStringLiteral("abc123")));
        QVERIFY(BridgeSetup::tokenLooksValid(QStringLiteral(" abcdefghij0123456789 ")));
        QVERIFY(!BridgeSetup::tokenLooksValid(QStringLiteral("abc12")));
        QVERIFY(!BridgeSetup::tokenLooksValid(QStringLiteral("abcdefghij0123456789x")));
    }

    void nothingListensFailsBeforeTheButton()
    {
        // A port nobody listens on: the button flow says so without ever sending /auth.
        QTcpServer reserve;
        QVERIFY(reserve.listen(QHostAddress(QStringLiteral("127.0.0.2")), 0));
        const quint16 port = reserve.serverPort();
        reserve.close();
        BridgeSetup setup;
        setup.setEndpoint(QStringLiteral("127.0.0.2"), port);
        bool waited = false, done = false;
        SourceError error;
        setup.requestToken(
            [&](const SourceError &e, const QString &) {
                error = e;
                done = true;
            },
            [&] { waited = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, BridgeSetup::ProbeTimeoutMs + 2000);
        QCOMPARE(error.kind, SourceError::Unreachable);
        QVERIFY(!waited); // no countdown was started
    }

    void buttonGivesTheToken()
    {
        auto sim = startSim(QStringLiteral("secret1"));
        QVERIFY(sim);
        BridgeSetup setup;
        setup.setEndpoint(sim->address().toString(), sim->port());
        bool waited = false, done = false;
        SourceError error;
        QString token;
        setup.requestToken(
            [&](const SourceError &e, const QString &t) {
                error = e;
                token = t;
                done = true;
            },
            [&] { waited = true; });
        QTRY_VERIFY_WITH_TIMEOUT(waited && sim->authPending(), 5000);
        sim->pressButton();
        QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
        QVERIFY2(error.ok(), qPrintable(error.message()));
        QCOMPARE(token, QStringLiteral("secret1"));
    }

    void buttonNotPressed()
    {
        nukisim::SimConfig config = fastSimConfig();
        config.authWindowMs = 300;
        auto sim = startSim(QStringLiteral("secret1"), QStringLiteral("127.0.0.1"), config);
        QVERIFY(sim);
        BridgeSetup setup;
        setup.setEndpoint(sim->address().toString(), sim->port());
        bool done = false;
        SourceError error;
        setup.requestToken([&](const SourceError &e, const QString &) {
            error = e;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
        QCOMPARE(error.kind, SourceError::ButtonNotPressed);
    }

    void checkFindsTheProtectedForm()
    {
        auto sim = startSim(QStringLiteral("secret1"));
        QVERIFY(sim);
        BridgeSetup setup;
        setup.setEndpoint(sim->address().toString(), sim->port());
        std::optional<BridgeSetup::Checked> checked;
        setup.check(QStringLiteral(" secret1 "), TokenMode::Auto, 0,
                    [&](const BridgeSetup::Checked &c) { checked = c; });
        QTRY_VERIFY_WITH_TIMEOUT(checked.has_value(), 10000);
        QVERIFY2(checked->error.ok(), qPrintable(checked->error.message()));
        QCOMPARE(checked->tokenMode, TokenMode::Encrypted);
        QVERIFY(!checked->devices.isEmpty());
        for (const auto &e : sim->requestLog())
            QVERIFY(e.authForm != QLatin1String("plain"));
        const BridgeConfig config = setup.configFor(*checked, QStringLiteral(" Hall "));
        QCOMPARE(config.name, QStringLiteral("Hall"));
        QCOMPARE(config.port, sim->port());
        QCOMPARE(config.id, QString::number(checked->info.serverId, 16).toUpper());
        QCOMPARE(config.tokenMode, TokenMode::Encrypted);
    }

    void wrongTokenLeavesOnlyPlainToAPerson()
    {
        auto sim = startSim(QStringLiteral("secret1"));
        QVERIFY(sim);
        BridgeSetup setup;
        setup.setEndpoint(sim->address().toString(), sim->port());
        std::optional<BridgeSetup::Checked> checked;
        setup.check(QStringLiteral("wrong99"), TokenMode::Auto, 0,
                    [&](const BridgeSetup::Checked &c) { checked = c; });
        QTRY_VERIFY_WITH_TIMEOUT(checked.has_value(), 20000);
        QCOMPARE(checked->error.kind, SourceError::Unauthorized);
        QVERIFY(checked->onlyPlainLeft);
        for (const auto &e : sim->requestLog())
            QVERIFY(e.authForm != QLatin1String("plain")); // never on its own
    }

    void cancelledCheckNeverAnswers()
    {
        // The assistant goes back or closes while the check runs: no callback into a page
        // that moved on, even though the bridge answers the request that was out.
        auto sim = startSim(QStringLiteral("secret1"));
        QVERIFY(sim);
        BridgeSetup setup;
        setup.setEndpoint(sim->address().toString(), sim->port());
        bool called = false;
        setup.check(QStringLiteral("secret1"), TokenMode::Auto, 0,
                    [&](const BridgeSetup::Checked &) { called = true; });
        QTRY_VERIFY_WITH_TIMEOUT(!sim->requestLog().isEmpty(), 5000); // /info reached the bridge
        setup.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(setup.isIdle(), 10000); // its answer came back and was dropped
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestBridgeSetup)
#include "tst_bridgesetup.moc"
