// Authentication of the simulated bridge: official vectors, the three credential forms over
// HTTP, the 60 s window, replays and clock skew.
#include "SimTestUtil.h"

using namespace nukisim;

class TestSimAuth : public QObject
{
    Q_OBJECT
    SimBridge *bridge = nullptr;
    QNetworkAccessManager nam;
    QString base;
    const QString token = QStringLiteral("s3cr3tToken");

private slots:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        bridge = new SimBridge(fastSimConfig(), this);
        bridge->setToken(token);
        QVERIFY(bridge->listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        base = bridge->baseUrl();
    }
    void init() { bridge->setClockSkewSeconds(0); }

    void officialHashVector()
    {
        const QByteArray hash =
            QCryptographicHash::hash("2019-03-05T01:06:53Z,4711,123456", QCryptographicHash::Sha256)
                .toHex();
        QCOMPARE(hash,
                 QByteArray("f52eb5ce382e356c4239f8fb4d0a87402bb95b7b3124f0762b806ad7d0d01cb6"));
        SimAuth auth;
        auth.setToken(QStringLiteral("123456"));
        const QDateTime at =
            QDateTime::fromString(QStringLiteral("2019-03-05T01:07:10Z"), Qt::ISODate);
        const auto r = auth.check(
            hashedAuth(QStringLiteral("123456"), QStringLiteral("2019-03-05T01:06:53Z"), 4711), at);
        QVERIFY2(r.ok, qPrintable(r.reason));
        QCOMPARE(r.form, SimAuth::Form::Hashed);
    }

    void officialEncryptedVector()
    {
        const QByteArray nonce =
            QByteArray::fromHex("119c38fb6d7d707b8a45f14e688b74b8c4c1acf33643c71a");
        QCOMPARE(ctokenFor(QStringLiteral("123456"), QStringLiteral("2019-03-05T01:06:53Z"), 4711,
                           nonce),
                 QByteArray("a7f6b4df6758b92445bd5470b755b43ba41cf50af8b3f6e19368348ddfb1686291555d"
                            "fd90b31f9333"));
        SimAuth auth;
        auth.setToken(QStringLiteral("123456"));
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("ctoken"),
                       QStringLiteral("a7f6b4df6758b92445bd5470b755b43ba41cf50af8b3f6e19368348ddfb1"
                                      "686291555dfd90b31f9333"));
        q.addQueryItem(QStringLiteral("nonce"), QString::fromLatin1(nonce.toHex()));
        const QDateTime at =
            QDateTime::fromString(QStringLiteral("2019-03-05T01:06:59Z"), Qt::ISODate);
        const auto r = auth.check(q, at);
        QVERIFY2(r.ok, qPrintable(r.reason));
        QCOMPARE(r.form, SimAuth::Form::Encrypted);
        // The same ctoken again is a replay.
        QVERIFY(!auth.check(q, at.addSecs(1)).ok);
    }

    void extraVector()
    {
        QByteArray nonce;
        for (char i = 0; i < 24; ++i)
            nonce += i;
        QCOMPARE(
            ctokenFor(token, QStringLiteral("2024-01-02T03:04:05Z"), 42, nonce),
            QByteArray(
                "2d669e41bf5598934e3b10bf7d686f01e752d3a535471c69a735c037750c41eb8d68059060aaf9"));
        QCOMPARE(
            hashedAuth(token, QStringLiteral("2024-01-02T03:04:05Z"), 42)
                .queryItemValue(QStringLiteral("hash")),
            QStringLiteral("73a1065e1695aac5e601a0ac77019c26c1515663b2498e148a5af9141b1ffe4f"));
    }

    void plainOverHttp()
    {
        QCOMPARE(httpGet(nam, base, QStringLiteral("/info"), plainAuth(token)).status, 200);
        const HttpResult wrong =
            httpGet(nam, base, QStringLiteral("/info"), plainAuth(QStringLiteral("nope")));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.body, QByteArray("HTTP 401 Unauthorized"));
        QCOMPARE(httpGet(nam, base, QStringLiteral("/info")).status, 401);
    }

    void hashedOverHttp()
    {
        const QString ts = authTs(QDateTime::currentDateTimeUtc());
        const QUrlQuery q = hashedAuth(token, ts, 1234);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/list"), q).status, 200);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/list"), q).status, 401); // replay
        QCOMPARE(httpGet(nam, base, QStringLiteral("/list"), hashedAuth(token, ts, 1235)).status,
                 200);
        const QString stale = authTs(QDateTime::currentDateTimeUtc().addSecs(-90));
        QCOMPARE(httpGet(nam, base, QStringLiteral("/list"), hashedAuth(token, stale, 1)).status,
                 401);
        QCOMPARE(
            httpGet(nam, base, QStringLiteral("/list"), hashedAuth(QStringLiteral("wrong"), ts, 77))
                .status,
            401);
        QUrlQuery missing = hashedAuth(token, ts, 78);
        missing.removeQueryItem(QStringLiteral("rnr"));
        QCOMPARE(httpGet(nam, base, QStringLiteral("/list"), missing).status, 401);
    }

    void encryptedOverHttp()
    {
        const QString ts = authTs(QDateTime::currentDateTimeUtc());
        const QUrlQuery q = encryptedAuth(token, ts, 4711);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/list"), q).status, 200);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/list"), q).status, 401); // replay
        QCOMPARE(httpGet(nam, base, QStringLiteral("/list"), encryptedAuth(token, ts, 4712)).status,
                 200);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/list"),
                         encryptedAuth(QStringLiteral("other"), ts, 4713))
                     .status,
                 401);
        const QString stale = authTs(QDateTime::currentDateTimeUtc().addSecs(-61 - 5));
        QCOMPARE(httpGet(nam, base, QStringLiteral("/list"), encryptedAuth(token, stale, 9)).status,
                 401);
        QUrlQuery badNonce = encryptedAuth(token, ts, 4714);
        badNonce.removeQueryItem(QStringLiteral("nonce"));
        badNonce.addQueryItem(QStringLiteral("nonce"), QStringLiteral("abcd"));
        QCOMPARE(httpGet(nam, base, QStringLiteral("/list"), badNonce).status, 401);
        // The request log names the form and never carries a credential.
        const SimLogEntry last = bridge->requestLog().constLast();
        QCOMPARE(last.authForm, QStringLiteral("encrypted"));
        for (const auto &e : bridge->requestLog())
            for (const auto &p : e.params)
                QVERIFY(p.first != QLatin1String("ctoken") && p.first != QLatin1String("token"));
    }

    void clockSkewBreaksTimedTokensOnly()
    {
        bridge->setClockSkewSeconds(120);
        const QString ts = authTs(QDateTime::currentDateTimeUtc());
        QCOMPARE(httpGet(nam, base, QStringLiteral("/list"), hashedAuth(token, ts, 555)).status,
                 401);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/list"), encryptedAuth(token, ts, 556)).status,
                 401);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/list"), plainAuth(token)).status, 200);
        // /info reports the bridge's (skewed) clock so a client can explain the 401.
        const auto info = httpGet(nam, base, QStringLiteral("/info"), plainAuth(token)).json();
        const QDateTime bridgeTime =
            QDateTime::fromString(info[u"currentTime"].toString(), Qt::ISODate);
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(bridgeTime) - 120) <= 2);
    }

    void softwareBridgeTakesPlainOnly()
    {
        SimConfig c = fastSimConfig();
        c.bridgeType = 2;
        SimBridge sw(c);
        sw.setToken(token);
        sw.auth().setAllowHashed(false);
        sw.auth().setAllowEncrypted(false);
        QVERIFY(sw.listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        const QString ts = authTs(QDateTime::currentDateTimeUtc());
        QCOMPARE(
            httpGet(nam, sw.baseUrl(), QStringLiteral("/info"), hashedAuth(token, ts, 1)).status,
            401);
        const HttpResult info =
            httpGet(nam, sw.baseUrl(), QStringLiteral("/info"), plainAuth(token));
        QCOMPARE(info.status, 200);
        QCOMPARE(info.json()[u"bridgeType"].toInt(), 2);
        QVERIFY(!info.json()[u"ids"].toObject().contains(u"hardwareId"));
        QCOMPARE(httpGet(nam, sw.baseUrl(), QStringLiteral("/log"), plainAuth(token)).status, 400);
    }

    void authButtonFlow()
    {
        QNetworkReply *pending = startGet(nam, base, QStringLiteral("/auth"), {});
        QTRY_VERIFY_WITH_TIMEOUT(bridge->authPending(), 5000);
        bridge->pressButton();
        const HttpResult r = finishReply(pending);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()[u"success"].toBool(), true);
        QCOMPARE(r.json()[u"token"].toString(), token);
    }

    void authNotPressedAndDisabled()
    {
        const HttpResult r = httpGet(nam, base, QStringLiteral("/auth"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("{\"success\": false}"));
        QCOMPARE(httpGet(nam, base, QStringLiteral("/configAuth"),
                         with(plainAuth(token), QStringLiteral("enable"), QStringLiteral("0")))
                     .status,
                 200);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/auth")).status, 403);
        QVERIFY(!bridge->discoveryEnabled());
        QCOMPARE(httpGet(nam, base, QStringLiteral("/configAuth"),
                         with(plainAuth(token), QStringLiteral("enable"), QStringLiteral("2")))
                     .status,
                 400);
        QCOMPARE(httpGet(nam, base, QStringLiteral("/configAuth"),
                         with(plainAuth(token), QStringLiteral("enable"), QStringLiteral("1")))
                     .status,
                 200);
        QVERIFY(bridge->discoveryEnabled());
    }
};

QTEST_GUILESS_MAIN(TestSimAuth)
#include "tst_simauth.moc"
