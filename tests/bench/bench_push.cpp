// Push figures: how fast `nukictl watch --json` prints a change made at the bridge (a real
// nukictl process, the simulator in this process), and how old a change gets when its push
// is lost (the heartbeat /list's bound). Prints "figure<TAB>p50 X ms<TAB>p99|max Y ms".
#include "SimBridge.h"
#include "SimCallbacks.h"
#include "bridge/BridgeSource.h"
#include "bridge/PushManager.h"
#include "home/Home.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <functional>

using namespace nuki;

static double percentile(QList<double> s, double p)
{
    std::sort(s.begin(), s.end());
    return s[qMin(qsizetype(s.size() * p), s.size() - 1)];
}

static bool waitUntil(const std::function<bool()> &condition, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!condition() && t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    return condition();
}

static const QString Token = QStringLiteral("bench-token-7");

// 1. A change at the bridge → the line on nukictl watch's stdout.
static void watchLatency(int changes)
{
    nukisim::SimConfig sc;
    sc.requestMs = 0;
    nukisim::SimBridge sim(sc);
    sim.setToken(Token);
    sim.listen(QHostAddress(QStringLiteral("127.0.0.2")), 0);
    QTemporaryDir dir;
    QProcess watch;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NUKI_TOKEN"), Token);
    watch.setProcessEnvironment(env);
    const QString nukictl =
        qEnvironmentVariable("NUKICTL", QCoreApplication::applicationDirPath() +
                                            QStringLiteral("/../../src/cli/nukictl"));
    watch.start(nukictl, {QStringLiteral("--config"), dir.filePath(QStringLiteral("c.ini")),
                          QStringLiteral("--host"), QStringLiteral("127.0.0.2:%1").arg(sim.port()),
                          QStringLiteral("--json"), QStringLiteral("--interval"),
                          QStringLiteral("60"), QStringLiteral("watch")});
    QList<QJsonObject> lines;
    QByteArray buffer;
    auto read = [&] {
        buffer += watch.readAllStandardOutput();
        while (buffer.contains('\n')) {
            const qsizetype n = buffer.indexOf('\n');
            lines << QJsonDocument::fromJson(buffer.left(n)).object();
            buffer.remove(0, n + 1);
        }
    };
    const bool push = waitUntil(
        [&] {
            read();
            return std::any_of(lines.begin(), lines.end(), [](const QJsonObject &o) {
                return o[u"mode"].toString() == u"push";
            });
        },
        20000);
    QTest::qWait(1000); // the read right after registering; not a measurement
    const quint32 lock = sim.devices().at(0).nukiId;
    QList<double> latency;
    int door = 2;
    for (int i = 0; i < changes && push; ++i) {
        QTest::qWait(int(QRandomGenerator::global()->bounded(100, 400)));
        read();
        lines.clear();
        door = door == 2 ? 3 : 2;
        QElapsedTimer t;
        t.start();
        sim.setDoor(lock, door);
        const bool seen = waitUntil(
            [&] {
                read();
                return std::any_of(lines.begin(), lines.end(), [&](const QJsonObject &o) {
                    return o[u"event"].toString() == u"changed" &&
                           o[u"nukiId"].toInteger() == lock &&
                           o[u"doorsensorState"].toInt() == door;
                });
            },
            10000);
        latency << (seen ? t.nsecsElapsed() / 1e6 : 10000.0);
    }
    watch.terminate(); // SIGTERM: watch takes its callback off, then ends
    // Not waitForFinished(): the simulator in this process must answer the removal.
    waitUntil([&] { return watch.state() == QProcess::NotRunning; }, 10000);
    if (watch.state() != QProcess::NotRunning)
        watch.kill();
    if (latency.isEmpty()) {
        printf("nukictl watch --json: change at the bridge → line printed, push (n=0)\tp50 -1 ms\t"
               "p99 -1 ms\n");
        return;
    }
    printf("nukictl watch --json: change at the bridge → line printed, push (n=%d)\tp50 %.1f ms\t"
           "p99 %.1f ms\tcallbacks left %d\n",
           int(latency.size()), percentile(latency, 0.5), percentile(latency, 0.99),
           int(sim.callbacks()->urls().size()));
    fflush(stdout);
}

// 2. A push lost on its way (it comes from an address the receiver refuses): the change shows
// with the next heartbeat /list. Default timings (60 s heartbeat); a change at a random moment.
static void stalenessAfterLostPush(int samples)
{
    if (samples <= 0)
        return;
    nukisim::SimConfig sc;
    sc.requestMs = 0;
    nukisim::SimBridge sim(sc);
    sim.setToken(Token);
    sim.listen(QHostAddress(QStringLiteral("127.0.0.2")), 0);
    QList<double> age, fallback;
    int door = 2;
    for (int i = 0; i < samples; ++i) {
        sim.callbacks()->clear();
        sim.callbacks()->setSourceAddress({});
        Home home;
        addBridge(
            home,
            {QStringLiteral("L"), QStringLiteral("Lost"), QStringLiteral("127.0.0.2"), sim.port()},
            Token);
        PushManager pm(&home, CallbackReceiver::newSecretPath());
        const quint32 lock = sim.devices().at(0).nukiId;
        if (!waitUntil([&] { return home.device({lock, 0}) != nullptr; }, 10000))
            return;
        pm.enable(QStringLiteral("L"));
        auto active = [&] { return pm.state(QStringLiteral("L"))->active; };
        if (!waitUntil(active, 10000))
            return;
        QTest::qWait(1000); // the read right after registering
        sim.callbacks()->setSourceAddress(QHostAddress(QStringLiteral("127.0.0.3")));
        QTest::qWait(int(QRandomGenerator::global()->bounded(60000)));
        door = door == 2 ? 3 : 2;
        QElapsedTimer t;
        t.start();
        sim.setDoor(lock, door);
        waitUntil(
            [&] {
                return home.device({lock, 0})->device.state.doorsensorState.value_or(0) == door;
            },
            120000);
        age << t.nsecsElapsed() / 1e6;
        waitUntil([&] { return !active(); }, 10000);
        fallback << t.nsecsElapsed() / 1e6;
        bool released = false;
        pm.shutdown([&] { released = true; });
        waitUntil([&] { return released; }, 5000);
    }
    printf("lost push: change → shown by the heartbeat /list (n=%d)\tp50 %.0f ms\tmax %.0f ms\n",
           int(age.size()), percentile(age, 0.5), percentile(age, 1.0));
    printf("lost push: change → polling took over (n=%d)\tp50 %.0f ms\tmax %.0f ms\n",
           int(fallback.size()), percentile(fallback, 0.5), percentile(fallback, 1.0));
    fflush(stdout);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // NUKI_BENCH_LOST_PUSHES=-1 skips the slow part (up to two minutes a sample).
    watchLatency(qEnvironmentVariableIntValue("NUKI_BENCH_WATCH_CHANGES") ?: 20);
    stalenessAfterLostPush(qEnvironmentVariableIntValue("NUKI_BENCH_LOST_PUSHES") ?: 5);
    return 0;
}
