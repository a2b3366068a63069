// MqttLink against a real mosquitto on 127.0.0.1: a quiet link keeps itself alive with pings
// when they are due (and wakes for nothing else), and a broker given by a name that resolves
// slowly is connected without stopping the event loop.
#include "MosquittoBroker.h"
#include "mqtt/MqttLink.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <atomic>
#include <chrono>
#include <cstring>
#include <dlfcn.h>
#include <netdb.h>
#include <thread>

using namespace nuki;

namespace {
std::atomic<int> slowLookups{0};
constexpr int LookupMs = 1500;
} // namespace

// The system's resolver, as a slow DNS server makes it for one name: this executable's
// definition comes before the C library's for every library in the process (libmosquitto's
// lookup included). Only "slow-broker.test" is slowed, and it is loopback.
extern "C" int getaddrinfo(const char *node, const char *service, const struct addrinfo *hints,
                           struct addrinfo **res)
{
    using Real = int (*)(const char *, const char *, const struct addrinfo *, struct addrinfo **);
    static const Real real = reinterpret_cast<Real>(dlsym(RTLD_NEXT, "getaddrinfo"));
    if (node && std::strcmp(node, "slow-broker.test") == 0) {
        ++slowLookups;
        std::this_thread::sleep_for(std::chrono::milliseconds(LookupMs)); // the resolver's time
        node = "127.0.0.1";
    }
    return real(node, service, hints, res);
}

class TestMqttLink : public QObject
{
    Q_OBJECT

    static MqttEndpoint endpoint(const QString &host, quint16 port, const QString &clientId)
    {
        MqttEndpoint e;
        e.host = host;
        e.port = port;
        e.clientId = clientId;
        return e;
    }

private slots:
    void aQuietLinkPingsWhenDueAndOnlyThen()
    {
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.output()));
        MqttLink link;
        MqttEndpoint e = endpoint(QStringLiteral("127.0.0.1"), broker.port(), "quiet-link");
        e.keepAliveSeconds = 5; // libmosquitto's least; the broker closes a link silent 7.5 s
        link.setEndpoint(e);
        QSignalSpy up(&link, &MqttLink::connected);
        QSignalSpy down(&link, &MqttLink::disconnected);
        link.open();
        QVERIFY(up.wait(5000));
        const int callsBefore = link.keepAliveCalls();
        // Twelve seconds of nothing (a window to count in, not a wait for something): the link
        // lives on pings alone.
        QTest::qWait(12000);
        QCOMPARE(down.size(), 0);
        const int calls = link.keepAliveCalls() - callsBefore;
        // Once a keep-alive (two), give or take one; a fixed 1 s tick would be twelve.
        QVERIFY2(calls >= 1 && calls <= 3, qPrintable(QString::number(calls)));
        // And it still carries messages both ways.
        QVERIFY(link.subscribe(QStringLiteral("quiet/echo"), 1));
        QSignalSpy got(&link, &MqttLink::message);
        QTRY_VERIFY_WITH_TIMEOUT(link.publish(QStringLiteral("quiet/echo"), "hi", 1, 0) >= 0 &&
                                     (got.wait(1000) || !got.isEmpty()),
                                 5000);
        QCOMPARE(got.first().at(1).toByteArray(), QByteArray("hi"));
        link.close();
    }

    void aNameThatResolvesSlowlyDoesNotStopTheEventLoop()
    {
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.output()));
        MqttLink link;
        link.setEndpoint(endpoint(QStringLiteral("slow-broker.test"), broker.port(), "slow-name"));
        // A 20 ms heartbeat: its longest gap is the longest time the event loop was stopped.
        QElapsedTimer gap;
        qint64 worst = 0;
        QTimer beat;
        beat.setTimerType(Qt::PreciseTimer);
        connect(&beat, &QTimer::timeout, this, [&] { worst = qMax(worst, gap.restart()); });
        QSignalSpy up(&link, &MqttLink::connected);
        const int before = slowLookups;
        gap.start();
        beat.start(20);
        link.open();
        QVERIFY(up.wait(LookupMs + 5000));
        beat.stop();
        QCOMPARE(slowLookups - before, 1);
        QVERIFY2(worst < 300, qPrintable(QString::number(worst)));
        link.close();
    }

    void closedWhileTheNameIsLookedUpLeavesNothing()
    {
        // Closed and destroyed mid-lookup (the app quits, the broker is removed): no crash,
        // no late connection.
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.output()));
        const int before = slowLookups;
        {
            MqttLink link;
            link.setEndpoint(
                endpoint(QStringLiteral("slow-broker.test"), broker.port(), "gone-mid-lookup"));
            QSignalSpy up(&link, &MqttLink::connected);
            link.open();
            QTRY_COMPARE_WITH_TIMEOUT(int(slowLookups) - before, 1, 2000);
            link.close();
            link.open(); // and opened again at once: one attempt after the lookup is back
            QVERIFY(up.wait(LookupMs * 2 + 5000));
            link.close();
            link.open();
        } // destroyed while its second lookup may run
        QCOMPARE(int(slowLookups) - before, 3);
    }
};

QTEST_GUILESS_MAIN(TestMqttLink)
#include "tst_mqttlink.moc"
