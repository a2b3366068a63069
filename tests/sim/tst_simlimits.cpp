// The simulator refuses early what a bridge never takes (SimGuard.h): long heads, bodies, floods
// of connections. Real sockets over loopback; every wait is bounded.
#include "SimControlServer.h"
#include "SimGuard.h"
#include "SimTestUtil.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace nukisim;

namespace {
// A blocking socket to 127.0.0.1:port whose connect, send and recv give up after `timeoutMs`.
int connectLoopback(quint16 port, int timeoutMs = 5000)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    timeval tv{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

bool sendAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n =
            ::send(fd, bytes.constData() + done, size_t(bytes.size() - done), MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

// Everything the peer sends until it closes, an error, or the receive timeout.
QByteArray readAnswer(int fd)
{
    QByteArray all;
    char buf[4096];
    while (all.size() < 1 << 20) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            break;
        all.append(buf, n);
    }
    return all;
}

// A blocking GET over a fresh connection: the status line of the answer, or empty.
QByteArray getStatusLine(quint16 port, const QByteArray &target)
{
    const int fd = connectLoopback(port);
    if (fd < 0)
        return {};
    QByteArray line;
    if (sendAll(fd, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
        line = readAnswer(fd).split('\r').value(0);
    ::close(fd);
    return line;
}

qint64 rssKiB(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}
} // namespace

class TestSimLimits : public QObject
{
    Q_OBJECT

private slots:
    // The acceptance test of issue 27: the shipped binary, as a separate process, so that its
    // resident memory can be read from /proc.
    void hugePostAndIdleFloodLeaveTheSimSmallAndAnswering()
    {
        const QString binary = qEnvironmentVariable("NUKI_SIM");
        QVERIFY2(QFile::exists(binary), "NUKI_SIM must name nuki-bridge-sim");
        // 1000 client sockets in this process: raise the soft limit up to the hard one.
        rlimit files{};
        QCOMPARE(::getrlimit(RLIMIT_NOFILE, &files), 0);
        if (files.rlim_cur < 1200 && files.rlim_max >= 1200) {
            files.rlim_cur = 1200;
            QCOMPARE(::setrlimit(RLIMIT_NOFILE, &files), 0);
        }
        QVERIFY2(files.rlim_cur >= 1200, "needs 1200 open files");

        QProcess sim;
        sim.start(binary,
                  {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--control-port"),
                   QStringLiteral("0"), QStringLiteral("--token"), QStringLiteral("limits-token")});
        QVERIFY(sim.waitForStarted(10000));
        const qint64 pid = sim.processId();
        auto stop = qScopeGuard([&sim] {
            sim.terminate();
            if (!sim.waitForFinished(5000)) {
                sim.kill();
                sim.waitForFinished(5000);
            }
        });
        static const QRegularExpression portRe(QStringLiteral("at http://127\\.0\\.0\\.1:(\\d+)"));
        QByteArray out;
        QElapsedTimer started;
        started.start();
        while (!portRe.match(QString::fromLatin1(out)).hasMatch() && started.elapsed() < 10000)
            if (sim.waitForReadyRead(1000))
                out += sim.readAllStandardOutput();
        const auto m = portRe.match(QString::fromLatin1(out));
        QVERIFY2(m.hasMatch(), out.constData());
        const quint16 port = quint16(m.captured(1).toUInt());
        const QByteArray info = "/info?token=limits-token";
        QCOMPARE(getStatusLine(port, info), QByteArray("HTTP/1.1 200 OK"));

        // A 2 GB POST, streamed from one small buffer: refused after its head.
        {
            const int fd = connectLoopback(port);
            QVERIFY(fd >= 0);
            QVERIFY(sendAll(fd, "POST /info HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                "Content-Length: 2147483648\r\n\r\n"));
            const QByteArray chunk(64 * 1024, 'x');
            qint64 sent = 0;
            QElapsedTimer t;
            t.start();
            while (sent < (qint64(2) << 30) && t.elapsed() < 60000 && sendAll(fd, chunk))
                sent += chunk.size();
            const QByteArray answer = readAnswer(fd);
            ::close(fd);
            qInfo("2 GB POST: %lld MB sent before the simulator closed; answer: %s", sent >> 20,
                  answer.split('\r').value(0).constData());
            QVERIFY2(sent < (qint64(2) << 30), "the simulator took the whole body");
            QVERIFY(answer.isEmpty() || answer.startsWith("HTTP/1.1 413"));
        }
        // A head that never ends: refused after a few KB.
        {
            const int fd = connectLoopback(port);
            QVERIFY(fd >= 0);
            sendAll(fd, "GET /info?pad=" + QByteArray(8 * 1024, 'a'));
            const QByteArray answer = readAnswer(fd);
            ::close(fd);
            QVERIFY2(answer.startsWith("HTTP/1.1 431"), answer.left(80).constData());
        }
        // 1000 idle connections, all opened and held.
        std::vector<int> idle;
        auto closeIdle = qScopeGuard([&idle] {
            for (int fd : idle)
                ::close(fd);
        });
        for (int i = 0; i < 1000; ++i) {
            const int fd = connectLoopback(port);
            QVERIFY2(fd >= 0, qPrintable(QStringLiteral("connection %1 failed").arg(i)));
            idle.push_back(fd);
        }
        QCOMPARE(getStatusLine(port, info), QByteArray("HTTP/1.1 200 OK"));
        const qint64 rss = rssKiB(pid);
        qInfo("simulator RSS after a 2 GB POST and 1000 idle connections: %lld KiB", rss);
        QVERIFY(rss > 0);
        QVERIFY2(rss < 100 * 1024, qPrintable(QString::number(rss)));
    }

    // The control port has the same guard.
    void controlPortRefusesBodiesAndLongHeads()
    {
        SimBridge bridge(fastSimConfig());
        QVERIFY(bridge.listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        SimControlServer control;
        control.addBridge(&bridge);
        QVERIFY(control.start(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        QByteArray answer;
        const auto exchange = [&answer](quint16 port, const QByteArray &request) {
            QTcpSocket s;
            s.connectToHost(QHostAddress(QStringLiteral("127.0.0.1")), port);
            QVERIFY(s.waitForConnected(5000));
            s.write(request);
            // The server lives in this thread: wait with its event loop running.
            QTRY_VERIFY_WITH_TIMEOUT(s.state() == QAbstractSocket::UnconnectedState, 5000);
            answer = s.readAll();
        };
        exchange(control.port(), "POST /bridges HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
        exchange(control.port(),
                 "GET /bridges HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
        exchange(control.port(), "GET /bridges?" + QByteArray(9000, 'a') + " HTTP/1.1\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 431"), answer.constData());
        exchange(control.port(), "GET /bridges HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        QVERIFY(answer.contains("Connection: close"));
        // The bridge port likewise, with its own answer to a body.
        exchange(bridge.port(), "GET /info HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nx");
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
    }

    // Many idle connections to the control port: it holds a few, and still answers.
    void controlPortStaysBoundedUnderAFlood()
    {
        SimBridge bridge(fastSimConfig());
        QVERIFY(bridge.listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        SimControlServer control;
        control.addBridge(&bridge);
        QVERIFY(control.start(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        QList<QTcpSocket *> flood;
        auto cleanup = qScopeGuard([&flood] { qDeleteAll(flood); });
        for (int i = 0; i < 200; ++i) {
            auto *s = new QTcpSocket;
            flood << s;
            s->connectToHost(QHostAddress(QStringLiteral("127.0.0.1")), control.port());
        }
        QNetworkAccessManager nam;
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(control.port());
        const HttpResult r = httpGet(nam, base, QStringLiteral("/bridges"));
        QCOMPARE(r.status, 200);
        const auto *guard = qobject_cast<SimGuardedServer *>(control.servers().value(0));
        QVERIFY(guard);
        QTRY_VERIFY(guard->counters().evicted > 0);
        QVERIFY(guard->openConnections() <= 16);
    }

    // "faults clear" answers the request a latency fault holds, which frees the single slot.
    void clearingFaultsReleasesAHeldRequest()
    {
        SimBridge bridge(fastSimConfig());
        bridge.setToken(QStringLiteral("tok"));
        QVERIFY(bridge.listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        SimControlServer control;
        control.addBridge(&bridge);
        QVERIFY(control.start(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        QNetworkAccessManager nam;
        const QString controlBase = QStringLiteral("http://127.0.0.1:%1").arg(control.port());
        QUrlQuery slow;
        slow.addQueryItem(QStringLiteral("latencyMs"), QStringLiteral("600000"));
        QCOMPARE(httpGet(nam, controlBase, QStringLiteral("/faults"), slow).status, 200);

        QUrlQuery token;
        token.addQueryItem(QStringLiteral("token"), QStringLiteral("tok"));
        QNetworkReply *held = startGet(nam, bridge.baseUrl(), QStringLiteral("/info"), token);
        QTRY_VERIFY(bridge.maxConcurrentSeen() >= 1);
        QVERIFY(!held->isFinished());
        QCOMPARE(httpGet(nam, bridge.baseUrl(), QStringLiteral("/info"), token).status, 503);

        QElapsedTimer t;
        t.start();
        QCOMPARE(httpGet(nam, controlBase, QStringLiteral("/faults/clear")).status, 200);
        const HttpResult released = finishReply(held, 5000);
        QCOMPARE(released.status, 200);
        QVERIFY(t.elapsed() < 5000);
        QCOMPARE(httpGet(nam, bridge.baseUrl(), QStringLiteral("/info"), token).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestSimLimits)
#include "tst_simlimits.moc"
