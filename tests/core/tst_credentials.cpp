// The token forms of docs/protocol.md §2 with the official vectors.
#include "bridge/Credentials.h"

#include <QTest>

using namespace nuki;

class TestCredentials : public QObject
{
    Q_OBJECT
private slots:
    void officialVectors()
    {
        QCOMPARE(
            Credentials::hashFor(QStringLiteral("123456"), QStringLiteral("2019-03-05T01:06:53Z"),
                                 4711),
            QStringLiteral("f52eb5ce382e356c4239f8fb4d0a87402bb95b7b3124f0762b806ad7d0d01cb6"));
        QCOMPARE(Credentials::ctokenFor(
                     QStringLiteral("123456"), QStringLiteral("2019-03-05T01:06:53Z"), 4711,
                     QByteArray::fromHex("119c38fb6d7d707b8a45f14e688b74b8c4c1acf33643c71a")),
                 QByteArray("a7f6b4df6758b92445bd5470b755b43ba41cf50af8b3f6e19368348ddfb1686291555d"
                            "fd90b31f9333"));
    }

    void queryForms()
    {
        Credentials c(QStringLiteral("s3cr3tToken"));
        c.setClock([] { return QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), Qt::UTC); });
        c.setRandom([](void *buf, size_t size) {
            auto *p = static_cast<unsigned char *>(buf);
            for (size_t i = 0; i < size; ++i)
                p[i] = size == 2 ? (i == 0 ? 42 : 0) : static_cast<unsigned char>(i);
        });
        const QUrlQuery enc = c.query(TokenMode::Encrypted);
        QCOMPARE(
            enc.queryItemValue(QStringLiteral("ctoken")),
            QStringLiteral(
                "2d669e41bf5598934e3b10bf7d686f01e752d3a535471c69a735c037750c41eb8d68059060aaf9"));
        QCOMPARE(enc.queryItemValue(QStringLiteral("nonce")),
                 QStringLiteral("000102030405060708090a0b0c0d0e0f1011121314151617"));
        QVERIFY(!enc.hasQueryItem(QStringLiteral("token")));
        const QUrlQuery hashed = c.query(TokenMode::Hashed);
        QCOMPARE(
            hashed.queryItemValue(QStringLiteral("hash")),
            QStringLiteral("73a1065e1695aac5e601a0ac77019c26c1515663b2498e148a5af9141b1ffe4f"));
        QCOMPARE(hashed.queryItemValue(QStringLiteral("ts")),
                 QStringLiteral("2024-01-02T03:04:05Z"));
        QVERIFY(!hashed.toString().contains(QStringLiteral("s3cr3tToken")));
        QCOMPARE(c.query(TokenMode::Plain).queryItemValue(QStringLiteral("token")),
                 QStringLiteral("s3cr3tToken"));
        // The bridge's clock offset moves the timestamp.
        c.setBridgeClockOffset(-125);
        QCOMPARE(c.query(TokenMode::Hashed).queryItemValue(QStringLiteral("ts")),
                 QStringLiteral("2024-01-02T03:02:00Z"));
    }
};

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
