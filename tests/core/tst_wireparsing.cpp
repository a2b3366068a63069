// The two wire parsers that read bytes from outside: bridge answers (HttpResponse) and
// requests to the callback receiver (CallbackRequest). Hostile framing first.
#include "wire/CallbackRequest.h"
#include "wire/HttpResponse.h"

#include <QTest>

using namespace nuki;

class TestWireParsing : public QObject
{
    Q_OBJECT
private slots:
    void contentLengthAnswer()
    {
        const QByteArray a = "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n{}{}extra";
        const HttpResponse r = HttpResponse::parse(a, false, 100);
        QCOMPARE(r.state, HttpResponse::Complete);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("{}{}"));
        QCOMPARE(HttpResponse::parse(a.left(a.indexOf("{}") + 1), true, 100).state,
                 HttpResponse::CutShort);
    }

    void chunkedWithExtensionsAndTrailers()
    {
        const QByteArray a = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                             "3;x=y\r\nabc\r\n2\r\nde\r\n0\r\nTrailer: 1\r\n\r\n";
        const HttpResponse r = HttpResponse::parse(a, false, 100);
        QCOMPARE(r.state, HttpResponse::Complete);
        QCOMPARE(r.body, QByteArray("abcde"));
        QCOMPARE(HttpResponse::parse(a.left(a.size() - 5), false, 100).state,
                 HttpResponse::NeedMore);
    }

    void hostileNumbersAreRefusedWithoutArithmetic_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<int>("state");
        const QByteArray chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
        QTest::newRow("chunk size past qint64") << chunked + "ffffffffffffffffff\r\nx\r\n"
                                                << int(HttpResponse::Bad);
        QTest::newRow("chunk size just under overflow") << chunked + "7fffffffffffffff\r\nx\r\n"
                                                        << int(HttpResponse::Bad);
        QTest::newRow("chunk larger than the cap") << chunked + "fffff\r\nx\r\n"
                                                   << int(HttpResponse::TooLarge);
        QTest::newRow("negative chunk") << chunked + "-5\r\nx\r\n" << int(HttpResponse::Bad);
        QTest::newRow("chunk without CRLF") << chunked + "2\r\nabXY0\r\n\r\n"
                                            << int(HttpResponse::Bad);
        QTest::newRow("huge Content-Length")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n")
            << int(HttpResponse::Bad);
        QTest::newRow("Content-Length over the cap")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n")
            << int(HttpResponse::TooLarge);
        QTest::newRow("negative Content-Length")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n")
            << int(HttpResponse::Bad);
        QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n")
                                  << int(HttpResponse::Bad);
        QTest::newRow("status of 10 digits")
            << QByteArray("HTTP/1.1 2000000000 OK\r\n\r\n") << int(HttpResponse::Bad);
        QTest::newRow("endless head") << QByteArray(20000, 'a') << int(HttpResponse::TooLarge);
    }

    void hostileNumbersAreRefusedWithoutArithmetic()
    {
        QFETCH(QByteArray, answer);
        QFETCH(int, state);
        const HttpResponse r = HttpResponse::parse(answer, false, 100);
        QCOMPARE(int(r.state), state);
        QVERIFY(r.body.isEmpty());
    }

    void callbackRequestWithinCaps()
    {
        const QByteArray body = R"({"nukiId": 1})";
        const QByteArray req =
            "POST /p?x=1 HTTP/1.1\r\nContent-Length: " + QByteArray::number(body.size()) +
            "\r\n\r\n" + body;
        const CallbackRequest r = CallbackRequest::parse(req, 4096, 4096);
        QCOMPARE(r.state, CallbackRequest::Complete);
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.path, QByteArray("/p"));
        QCOMPARE(r.body, body);
        QCOMPARE(CallbackRequest::parse(req.left(req.size() - 1), 4096, 4096).state,
                 CallbackRequest::NeedMore);
    }

    void callbackRequestRefusals_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("state");
        QTest::newRow("a gigabyte announced")
            << QByteArray("POST /p HTTP/1.1\r\nContent-Length: 1000000000\r\n\r\n")
            << int(CallbackRequest::BodyTooLarge);
        QTest::newRow("twenty digits")
            << QByteArray("POST /p HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n")
            << int(CallbackRequest::BodyTooLarge);
        QTest::newRow("chunked") << QByteArray(
                                        "POST /p HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
                                 << int(CallbackRequest::NeedsLength);
        QTest::newRow("head past the cap")
            << QByteArray(5000, 'a') << int(CallbackRequest::HeadTooLarge);
        QTest::newRow("smuggled second request")
            << QByteArray("POST /p HTTP/1.1\r\nContent-Length: 0\r\n\r\nGET / HTTP/1.1\r\n\r\n")
            << int(CallbackRequest::Bad);
        QTest::newRow("absolute URL")
            << QByteArray("POST http://x/p HTTP/1.1\r\n\r\n") << int(CallbackRequest::Bad);
        QTest::newRow("sign in length")
            << QByteArray("POST /p HTTP/1.1\r\nContent-Length: +4\r\n\r\n")
            << int(CallbackRequest::Bad);
    }

    void callbackRequestRefusals()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, state);
        QCOMPARE(int(CallbackRequest::parse(request, 4096, 4096).state), state);
    }
};

QTEST_APPLESS_MAIN(TestWireParsing)
#include "tst_wireparsing.moc"
