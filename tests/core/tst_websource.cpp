// The Nuki Web source against the simulated Nuki Web (nukisim's SimWeb) over real TLS with a
// CA made for the test: every action exactly one POST, 204 then confirmed, not confirmed,
// 423, an offline lock (nothing sent), 401 and a missing scope, 502 HTML to a GET and to a
// POST, a connection cut after the POST was read, a certificate from another CA, the token
// only in the Authorization header, and one card for a device the bridge simulator reaches
// too (the bridge acts while it answers, the cloud when it stops).
#include "CoreTestUtil.h"
#include "SimWeb.h"
#include "bridge/BridgeSource.h"
#include "home/DeviceListModel.h"
#include "home/Home.h"
#include "protocol/Actions.h"
#include "web/WebSource.h"

#include <QSignalSpy>
#include <QTest>

using namespace nuki;
using nukisim::SimWeb;

namespace {
const QByteArray Token = "web-token-5c1f0a9e";
const qint64 FrontId = (qint64(4) << 32) | 0x2CACCC82;
const QStringList AllScopes{QStringLiteral("smartlock.readOnly"),
                            QStringLiteral("smartlock.action"), QStringLiteral("smartlock.log")};
} // namespace

class TestWebSource : public QObject
{
    Q_OBJECT
    std::unique_ptr<SimWeb> web;
    std::unique_ptr<Home> home;

    WebConfig config() const
    {
        WebConfig c;
        c.apiUrl = web->url();
        c.caFile = web->caFile();
        return c;
    }
    WebSource *add(const QByteArray &token = Token, int scale = 10)
    {
        auto *s = new WebSource(config(), QString::fromUtf8(token));
        s->setTimeScale(scale);
        home->addSource(s);
        return s;
    }
    static SourceError read(WebSource *s)
    {
        std::optional<SourceError> result;
        s->readAll([&](const SourceError &e) { result = e; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
            return SourceError(SourceError::Cancelled);
        return *result;
    }
    // Runs one action through the home's runner to its outcome.
    ActionStatus act(const DeviceKey &key, int action)
    {
        std::optional<ActionStatus> outcome;
        auto c = connect(home.get(), &Home::actionFinished,
                         [&](const DeviceKey &k, const ActionStatus &s) {
                             if (k == key)
                                 outcome = s;
                         });
        if (!home->actions()->start(key, action, {}))
            return {};
        (void)QTest::qWaitFor([&] { return outcome.has_value(); }, 30000);
        disconnect(c);
        return outcome.value_or(ActionStatus{});
    }
    int posts() const { return web->count("POST"); }
    DeviceKey front() const { return {0x2CACCC82u, 4}; }

private slots:
    void init()
    {
        web = std::make_unique<SimWeb>();
        web->wakeMs = 50;
        web->motionMs = 100;
        web->addHousehold();
        web->addToken(Token, AllScopes, QStringLiteral("Desk"));
        QVERIFY(web->start());
        home = std::make_unique<Home>();
    }
    void cleanup()
    {
        home.reset();
        web.reset();
    }

    void listsTheAccountWithItsIdsSplit()
    {
        WebSource *s = add();
        QCOMPARE(read(s).kind, SourceError::None);
        QCOMPARE(home->deviceCount(), 3);
        const DeviceRecord *r = home->device(front());
        QVERIFY(r);
        QCOMPARE(r->device.name, QStringLiteral("Front door"));
        QCOMPARE(r->device.state.state, 1);
        QCOMPARE(r->device.state.doorsensorState, std::optional<int>(2));
        QCOMPARE(s->lock(0x2CACCC82u, 4)->smartlockId, FrontId); // the cloud's id, as it came
        QVERIFY(home->device({0x1A2B3C4Du, 0}));                 // type 0: the id is the nukiId
        QVERIFY(home->device({0x0BADCAFEu, 2}));
        QCOMPARE(s->link().status, LinkStatus::Online);
        // The token only ever in the Authorization header.
        for (const SimWeb::Seen &seen : web->seen()) {
            QCOMPARE(seen.authorization, "Bearer " + Token);
            QVERIFY(!seen.path.contains(QString::fromLatin1(Token)));
        }
        // "via Nuki Web · as of …" on the card's model.
        DeviceListModel model(home.get());
        bool found = false;
        for (int i = 0; i < model.rowCount(); ++i)
            if (model.index(i).data(DeviceListModel::NameRole).toString() == u"Front door") {
                found = true;
                QVERIFY(model.index(i)
                            .data(DeviceListModel::ViaTextRole)
                            .toString()
                            .startsWith(u"via Nuki Web · as of "));
            }
        QVERIFY(found);
    }

    void everyActionIsOnePostAndEndsWhenTheStateShowsIt_data()
    {
        QTest::addColumn<qint64>("id");
        QTest::addColumn<int>("action");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("unlock") << FrontId << 1 << QByteArray(R"({"action":1})");
        QTest::newRow("unlatch") << FrontId << 3 << QByteArray(R"({"action":3})");
        QTest::newRow("lock 'n' go") << FrontId << 4 << QByteArray(R"({"action":4})");
        QTest::newRow("lock 'n' go, open") << FrontId << 5 << QByteArray(R"({"action":5})");
        QTest::newRow("old lock: unlock")
            << qint64(0x1A2B3C4D) << 1 << QByteArray(R"({"action":1})");
        QTest::newRow("opener: ring to open")
            << ((qint64(2) << 32) | 0x0BADCAFE) << 1 << QByteArray(R"({"action":1})");
        QTest::newRow("opener: open")
            << ((qint64(2) << 32) | 0x0BADCAFE) << 3 << QByteArray(R"({"action":3})");
        QTest::newRow("opener: continuous mode")
            << ((qint64(2) << 32) | 0x0BADCAFE) << 4 << QByteArray(R"({"action":6})");
    }
    void everyActionIsOnePostAndEndsWhenTheStateShowsIt()
    {
        QFETCH(qint64, id);
        QFETCH(int, action);
        QFETCH(QByteArray, body);
        WebSource *s = add();
        QCOMPARE(read(s).kind, SourceError::None);
        const DeviceKey key{quint32(id & 0xFFFFFFFF), int(id >> 32)};
        const ActionStatus st = act(key, action);
        QCOMPARE(int(st.phase), int(ActionStatus::Succeeded));
        QCOMPARE(posts(), 1);
        QCOMPARE(web->seen().last().method == "POST" ? web->seen().last().body
                                                     : [&] {
                                                           for (const auto &x : web->seen())
                                                               if (x.method == "POST")
                                                                   return x.body;
                                                           return QByteArray();
                                                       }(),
                 body);
        QVERIFY2(ActionRunner::reachedGoal(key.deviceType, action, home->device(key)->device.state),
                 qPrintable(QStringLiteral("state %1 mode %2 sim %3")
                                .arg(home->device(key)->device.state.state)
                                .arg(home->device(key)->device.state.mode)
                                .arg(web->device(id)->state)));
    }

    void lockingAgainIsLocked()
    {
        // Lock on a locked lock: one POST, confirmed by the first read.
        WebSource *s = add();
        QCOMPARE(read(s).kind, SourceError::None);
        QCOMPARE(int(act(front(), 2).phase), int(ActionStatus::Succeeded));
        QCOMPARE(posts(), 1);
    }

    void notConfirmedIsUnknownAfterOnePost()
    {
        web->motionMs = 600000; // the lock never finishes (asleep, or gone)
        web->wakeMs = 600000;
        WebSource *s = add(Token, 10); // 30 s become 3 s
        QCOMPARE(read(s).kind, SourceError::None);
        const ActionStatus st = act(front(), 1);
        QCOMPARE(int(st.phase), int(ActionStatus::Unknown));
        QVERIFY(st.error.mayHaveReachedLock);
        QVERIFY(st.error.message().contains(u"Not confirmed after 30 s"));
        QCOMPARE(posts(), 1);
        QVERIFY(web->count("GET", QStringLiteral("/smartlock/%1").arg(FrontId)) >= 4);
    }

    void aGoalShownBeforeThePostIsNoConfirmation()
    {
        // Open on an unlocked lock that never acts: "Unlocked" is one of open's goals, but it
        // was there before the POST; with nothing newer from the cloud it is not "done".
        web->device(FrontId)->state = 3;
        web->wakeMs = web->motionMs = 600000;
        WebSource *s = add(Token, 10);
        QCOMPARE(read(s).kind, SourceError::None);
        const ActionStatus st = act(front(), 3);
        QCOMPARE(int(st.phase), int(ActionStatus::Unknown));
        QCOMPARE(posts(), 1);
    }

    void busyIsOnePostAndNothingRetried()
    {
        WebSource *s = add();
        QCOMPARE(read(s).kind, SourceError::None);
        web->device(FrontId)->operationId = QStringLiteral("someone-else");
        const ActionStatus st = act(front(), 1);
        QCOMPARE(int(st.phase), int(ActionStatus::Failed));
        QCOMPARE(st.error.kind, SourceError::LockBusy);
        QCOMPARE(posts(), 1);
        QTest::qWait(300); // nothing comes after, even later (bounded look)
        QCOMPARE(posts(), 1);
    }

    void anOfflineLockGetsNothing()
    {
        web->device(FrontId)->serverState = 4;
        WebSource *s = add();
        QCOMPARE(read(s).kind, SourceError::None);
        const DeviceRecord *r = home->device(front());
        QCOMPARE(int(r->reach), int(Reach::NotConnected));
        QCOMPARE(r->device.state.state, 1); // the last it had, kept
        // The runner holds it (unreachable); the source itself refuses too, with nothing sent.
        std::optional<SourceError> e;
        s->perform({front().nukiId, 4, 1}, {{}, {}, [&](const SourceError &x) { e = x; }});
        QVERIFY(e);
        QCOMPARE(e->kind, SourceError::LockNotConnected);
        QVERIFY(!e->mayHaveReachedLock);
        QCOMPARE(posts(), 0);
    }

    void aWrongTokenIsRefusedInWords()
    {
        WebSource *s = add("not-the-token");
        QCOMPARE(read(s).kind, SourceError::Unauthorized);
        QCOMPARE(s->link().status, LinkStatus::Rejected);
        QCOMPARE(home->deviceCount(), 0);
    }

    void aMissingScopeIsNamed()
    {
        web->addToken("read-only", {QStringLiteral("smartlock.readOnly")}, QStringLiteral("RO"));
        WebSource *s = add("read-only");
        QCOMPARE(read(s).kind, SourceError::None);
        const ActionStatus st = act(front(), 1);
        QCOMPARE(st.error.kind, SourceError::Unauthorized);
        QVERIFY(st.error.message().contains(u"smartlock.action"));
        QCOMPARE(int(st.phase), int(ActionStatus::Failed)); // refused: nothing happened
        std::optional<SourceError> logError;
        s->readLog(5, {},
                   [&](const SourceError &e, const QList<web::LogEntry> &) { logError = e; });
        QTRY_VERIFY_WITH_TIMEOUT(logError.has_value(), 10000);
        QVERIFY(logError->message().contains(u"smartlock.log"));
        QVERIFY(s->logRefused());
        QCOMPARE(s->link().status, LinkStatus::Online); // the list still works
    }

    void a502PageToAReadIsTriedLater()
    {
        WebSource *s = add();
        web->failNext(SimWeb::Fault::Html502, "GET");
        const SourceError e = read(s);
        QCOMPARE(e.kind, SourceError::BadResponse);
        QVERIFY(e.message().contains(u"502"));
        QVERIFY(!e.message().contains(u"<html")); // the page is not said to a person
        QCOMPARE(s->link().status, LinkStatus::Busy);
        QVERIFY(s->listIntervalMs() >= WebSource::ShownMs); // backing off
        QCOMPARE(read(s).kind, SourceError::None);          // and fine once it answers
        QCOMPARE(s->link().status, LinkStatus::Online);
    }

    void a502ToAPostIsUnknownAndNeverSentAgain()
    {
        WebSource *s = add();
        QCOMPARE(read(s).kind, SourceError::None);
        web->failNext(SimWeb::Fault::Html502, "POST");
        const ActionStatus st = act(front(), 1);
        QCOMPARE(int(st.phase), int(ActionStatus::Unknown));
        QCOMPARE(posts(), 1);
    }

    void aConnectionCutAfterThePostIsOnePost()
    {
        WebSource *s = add();
        QCOMPARE(read(s).kind, SourceError::None);
        web->failNext(SimWeb::Fault::CutAfterRead, "POST");
        const ActionStatus st = act(front(), 1);
        QCOMPARE(int(st.phase), int(ActionStatus::Unknown));
        QVERIFY(st.error.mayHaveReachedLock);
        QCOMPARE(posts(), 1);
        // The server did act: a later read shows it, and still no second POST.
        QTRY_COMPARE_WITH_TIMEOUT(web->device(FrontId)->state, 3, 5000);
        QCOMPARE(read(s).kind, SourceError::None);
        QCOMPARE(posts(), 1);
    }

    void aCertificateOfAnotherCaIsRefused()
    {
        SimWeb other;
        QVERIFY(other.start());
        WebConfig c = config();
        c.caFile = other.caFile(); // trusts another CA only (and the system's)
        auto *s = new WebSource(c, QString::fromLatin1(Token));
        home->addSource(s);
        const SourceError e = read(s);
        QCOMPARE(e.kind, SourceError::Unreachable);
        QVERIFY(e.message().contains(u"not trusted"));
        QCOMPARE(int(web->seen().size()), 0); // nothing was sent, not even the token
    }

    void plainHttpOnlyToLoopback()
    {
        QVERIFY(WebConfig::checkUrl(QStringLiteral("https://api.nuki.io")).isEmpty());
        QVERIFY(WebConfig::checkUrl(QStringLiteral("http://127.0.0.1:8080")).isEmpty());
        QVERIFY(!WebConfig::checkUrl(QStringLiteral("http://api.nuki.io")).isEmpty());
        QVERIFY(!WebConfig::checkUrl(QStringLiteral("http://192.168.1.5")).isEmpty());
        QVERIFY(!WebConfig::checkUrl(QStringLiteral("https://user:pw@api.nuki.io")).isEmpty());
        WebConfig c = config();
        c.apiUrl = QStringLiteral("http://10.0.0.1");
        WebSource s(c, QStringLiteral("x"));
        QVERIFY(!s.configProblem().isEmpty());
        std::optional<SourceError> e;
        s.readAll([&](const SourceError &x) { e = x; });
        QVERIFY(e && !e->ok()); // at once: nothing is sent anywhere
        WebSource bad(config(), QStringLiteral("tok\r\nX-Evil: 1"));
        QVERIFY(!bad.configProblem().isEmpty()); // a token cannot break the request's head
    }

    void oneCardWithTheBridgeAndTheCloudTakesOverWhenItStops()
    {
        // The bridge simulator reaches the same Smart Lock 3/4 the cloud lists.
        nukisim::SimConfig sc = fastSimConfig();
        auto bridge = startSim(QStringLiteral("bridge-token"), QStringLiteral("127.0.0.1"), sc);
        QVERIFY(bridge);
        nukisim::SimDevice d;
        d.deviceType = 4;
        d.nukiId = 0x2CACCC82u;
        d.name = QStringLiteral("Front door (bridge)");
        bridge->setDevices({d});
        BridgeConfig bc;
        bc.id = QStringLiteral("B1");
        bc.name = QStringLiteral("Hall bridge");
        bc.host = QStringLiteral("127.0.0.1");
        bc.port = bridge->port();
        home->setPollInterval(60000);
        BridgeSource *b = addBridge(*home, bc, QStringLiteral("bridge-token"));
        b->client()->config().minGapMs = 20;
        b->client()->config().backoffStartMs = 50;
        QTRY_VERIFY_WITH_TIMEOUT(home->device(front()), 10000);
        web->devices().removeIf([](const SimWeb::Device &x) { return x.smartlockId != FrontId; });
        WebSource *s = add(Token, 100);
        s->start(true);
        QTRY_COMPARE_WITH_TIMEOUT(home->device(front())->reachedThrough.size(), 2, 10000);
        QCOMPARE(home->deviceCount(), 1);                 // one card for the lock both reach
        QCOMPARE(home->device(front())->sourceId, bc.id); // the bridge acts while it answers
        QCOMPARE(home->actingSource(front())->kind(), SourceKind::Bridge);
        QCOMPARE(s->listIntervalMs(), 0); // it acts for nothing: only its log is read
        // An action goes through the bridge: no POST to the cloud.
        QCOMPARE(int(act(front(), 1).phase), int(ActionStatus::Succeeded));
        QCOMPARE(posts(), 0);
        // The bridge stops answering: the cloud acts, reads at once, and says so.
        bridge.reset();
        home->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(home->device(front())->sourceId, QStringLiteral("web"), 15000);
        DeviceListModel model(home.get());
        QString via;
        for (int i = 0; i < model.rowCount(); ++i)
            if (model.index(i).data(DeviceListModel::KeyRole).value<DeviceKey>() == front())
                via = model.index(i).data(DeviceListModel::ViaTextRole).toString();
        QVERIFY2(via.startsWith(u"via Nuki Web"), qPrintable(via));
        QVERIFY(s->listIntervalMs() > 0); // now it polls the list
        QCOMPARE(int(act(front(), 2).phase), int(ActionStatus::Succeeded));
        QCOMPARE(posts(), 1);
    }

    void hostileAnswers()
    {
        web::Parsed info;
        // 10 000 devices: refused whole, nothing taken.
        QByteArray many = "[";
        for (int i = 1; i <= 10000; ++i)
            many += (i > 1 ? "," : "") + QByteArray(R"({"smartlockId":)") + QByteArray::number(i) +
                    R"(,"type":0,"name":"x","serverState":0,"state":{"state":1}})";
        many += ']';
        QVERIFY(!web::parseLocks(many, &info));
        QVERIFY(info.error.contains(u"10000"));
        // An id above 2^53 (and one above the 40 bits an id can have) is skipped, not rounded.
        info = {};
        const auto locks = web::parseLocks(
            R"([{"smartlockId":9007199254740993,"type":4,"name":"a"},)"
            R"({"smartlockId":17929391234.5,"type":4,"name":"b"},)"
            R"({"smartlockId":17929391234,"type":4,"name":"<b>Front</b>\u202Eevil","serverState":0,)"
            R"("state":{"state":3,"batteryCharge":999}}])",
            &info);
        QVERIFY(locks);
        QCOMPARE(locks->size(), 1);
        QCOMPARE(info.skipped, 2);
        QCOMPARE(locks->first().smartlockId, Q_INT64_C(17929391234));
        QCOMPARE(locks->first().state.batteryChargeState, std::nullopt); // 999 % is no level
        QCOMPARE(locks->first().name, QStringLiteral("<b>Front</b>\u202Eevil")); // text, kept
        // An id whose nukiId part is 0 is no device.
        info = {};
        const auto zero =
            web::parseLocks(R"([{"smartlockId":17179869184,"type":4,"name":"z"}])", &info);
        QVERIFY(zero && zero->isEmpty());
        QCOMPARE(info.skipped, 1);
        // A server's words in an error reach a person without control characters.
        QVERIFY(!web::errorDetail("{\"detailMessage\":\"\\u001b[31mEVIL\\u202E\\u009B2J\"}")
                     .contains(QChar(0x1b)));
        // Deep JSON and a huge body: an error, no crash.
        info = {};
        QVERIFY(!web::parseLocks(QByteArray(100000, '[') + QByteArray(100000, ']'), &info));
        info = {};
        QVERIFY(!web::parseLocks(QByteArray(web::MaxBodyBytes + 1, ' '), &info));
        QVERIFY(info.error.contains(u"too large"));
        // An unknown type is shown as the id says, never guessed as a lock.
        info = {};
        const auto five = web::parseLocks(
            R"([{"smartlockId":21474836481,"type":5,"name":"SL5","state":{"state":1}}])", &info);
        QVERIFY(five);
        QCOMPARE(five->first().deviceType, 5);
        QVERIFY(!isKnownDeviceType(5));
    }
};

QTEST_GUILESS_MAIN(TestWebSource)
#include "tst_websource.moc"
