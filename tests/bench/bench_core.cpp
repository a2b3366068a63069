// Core figures: parsing /list, applying it to the model, client overhead per request, and
// state-change latency with polling and with push. Prints "figure<TAB>median<TAB>spread<TAB>unit".
#include "SimBridge.h"
#include "SimJson.h"
#include "bridge/BridgeClient.h"
#include "bridge/BridgeSource.h"
#include "bridge/PushManager.h"
#include "home/DeviceListModel.h"
#include "home/Home.h"
#include "store/Settings.h"
#include "wire/HttpGet.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>

using namespace nuki;

static void report(const char *name, QList<double> samples, const char *unit)
{
    std::sort(samples.begin(), samples.end());
    const double median = samples[samples.size() / 2];
    const double p10 = samples[samples.size() / 10];
    const double p90 = samples[samples.size() * 9 / 10];
    printf("%s\t%.3f\t%.3f–%.3f\t%s\n", name, median, p10, p90, unit);
    fflush(stdout);
}

static double median(QList<double> s)
{
    std::sort(s.begin(), s.end());
    return s[s.size() / 2];
}

// A ratio of two figures measured in the same run, printed like a figure (unit "×").
static void reportRatio(const char *name, const QList<double> &ours, const QList<double> &floor)
{
    printf("%s\t%.2f\t-\t×\n", name, median(ours) / median(floor));
    fflush(stdout);
}

static double percentile(QList<double> s, double p)
{
    std::sort(s.begin(), s.end());
    return s[qMin(qsizetype(s.size() * p), s.size() - 1)];
}

static QList<nukisim::SimDevice> devices(int n, quint32 base, int state)
{
    QList<nukisim::SimDevice> list;
    for (int i = 0; i < n; ++i) {
        nukisim::SimDevice d;
        d.deviceType = i % 5 == 4 ? 2 : 0;
        d.nukiId = base + quint32(i);
        d.name = QStringLiteral("Door %1").arg(i);
        d.hasDoorSensor = i % 2 == 0;
        d.hasKeypad = i % 3 == 0;
        d.state = d.deviceType == 2 ? 1 : state;
        d.timestamp = QDateTime::currentDateTimeUtc();
        list << d;
    }
    return list;
}

static bool wait(const bool &flag, int ms = 30000)
{
    QElapsedTimer t;
    t.start();
    while (!flag && t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return flag;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int reps = qMax(5, qEnvironmentVariableIntValue("NUKI_BENCH_REPS") ?: 50);

    // 1. Parse a /list of 200 devices.
    nukisim::JsonArray array;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const auto &d : devices(200, 1000, 1))
        array.addRaw(d.listEntry(now));
    const QByteArray body = array.toJson();
    // The floor, in the same loop: Qt's JSON parser alone on the same bytes. Our parse is that
    // plus reading the fields into Devices.
    QList<double> parse, fromJson;
    for (int i = 0; i < reps; ++i) {
        QList<Device> out;
        QString error;
        QElapsedTimer t;
        t.start();
        parseList(body, &out, &error);
        parse << t.nsecsElapsed() / 1e6;
        t.start();
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        fromJson << t.nsecsElapsed() / 1e6;
        if (!doc.isArray() || out.size() != 200)
            return 1; // a floor of nothing would say nothing
    }
    report("parse /list of 200 devices", parse, "ms");
    report("floor: QJsonDocument::fromJson of the same /list bytes", fromJson, "ms");
    reportRatio("parse ÷ fromJson alone", parse, fromJson);

    // 2. Apply a /list update to the model: 200 devices on 4 bridges, each device changed.
    Home home;
    DeviceListModel model(&home);
    QList<QList<Device>> lists[2];
    for (int b = 0; b < 4; ++b) {
        BridgeConfig c{QStringLiteral("B%1").arg(b), QStringLiteral("Bridge %1").arg(b),
                       QStringLiteral("127.0.0.1"), 9};
        addBridge(home, c, QStringLiteral("x"), false);
        for (int s = 0; s < 2; ++s) {
            nukisim::JsonArray a;
            for (const auto &d : devices(50, 1000 + quint32(b) * 100, s == 0 ? 1 : 3))
                a.addRaw(d.listEntry(now));
            QList<Device> parsed;
            QString error;
            parseList(a.toJson(), &parsed, &error);
            lists[s] << parsed;
        }
    }
    QList<double> apply;
    for (int i = 0; i < reps; ++i) {
        QElapsedTimer t;
        t.start();
        for (int b = 0; b < 4; ++b)
            home.applyList(QStringLiteral("B%1").arg(b), lists[i % 2][b]);
        apply << t.nsecsElapsed() / 1e6;
    }
    apply.removeFirst(); // the first run inserts the rows
    report("apply /list of 200 devices (4 bridges) to the model", apply, "ms");
    // The floor: the same model telling its listeners (none here, as above) that each of its
    // 200 rows changed, one dataChanged per row as apply sends them, and nothing else.
    QList<double> bare;
    for (int i = 0; i < reps; ++i) {
        QElapsedTimer t;
        t.start();
        for (int r = 0; r < model.rowCount(); ++r)
            emit model.dataChanged(model.index(r), model.index(r));
        bare << t.nsecsElapsed() / 1e6;
    }
    if (model.rowCount() != 200)
        return 1;
    report("floor: the model's bare dataChanged for the same 200 rows", bare, "ms");
    reportRatio("apply ÷ bare dataChanged", apply, bare);

    // 3. Client overhead per request over the raw round trip, against the simulator.
    nukisim::SimConfig sc;
    sc.requestMs = 0;
    nukisim::SimBridge sim(sc);
    sim.setToken(QStringLiteral("bench-token"));
    sim.listen(QHostAddress::LocalHost, 0);
    QList<double> raw, client;
    BridgeClient bc;
    bc.setEndpoint(QStringLiteral("127.0.0.1"), sim.port());
    bc.setToken(QStringLiteral("bench-token"));
    bc.setTokenMode(TokenMode::Encrypted);
    bc.config().minGapMs = 0;
    for (int i = 0; i < reps * 4; ++i) {
        bool done = false;
        QElapsedTimer t;
        t.start();
        HttpGet get(QStringLiteral("127.0.0.1"), sim.port(), "/info?token=bench-token", 5000);
        QObject::connect(&get, &HttpGet::finished, [&](const HttpResult &) { done = true; });
        get.start();
        wait(done);
        raw << t.nsecsElapsed() / 1e6;
        done = false;
        t.start();
        bc.info(BridgeClient::Priority::User,
                [&](const SourceError &, const BridgeInfo &) { done = true; });
        wait(done);
        client << t.nsecsElapsed() / 1e6;
    }
    report("raw /info round trip (plain token, no parsing)", raw, "ms");
    report("BridgeClient /info (encrypted token, queue, parse)", client, "ms");
    QList<double> overhead;
    for (int i = 0; i < raw.size(); ++i)
        overhead << client[i] - raw[i];
    report("client overhead per request", overhead, "ms");

    // 4. State change in the simulator → the model's change signal, with push and polling.
    const int changes = qEnvironmentVariableIntValue("NUKI_BENCH_CHANGES") ?: 100;
    const int pollMs = 2000;
    for (const bool push : {true, false}) {
        Home h;
        DeviceListModel m(&h);
        h.setPollInterval(pollMs);
        BridgeConfig c{QStringLiteral("S"), QStringLiteral("Sim"), QStringLiteral("127.0.0.1"),
                       sim.port()};
        addBridge(h, c, QStringLiteral("bench-token"));
        bool ready = false;
        QObject::connect(&h, &Home::deviceAdded,
                         [&] { ready = h.deviceCount() == sim.devices().size(); });
        wait(ready);
        PushManager pm(&h, CallbackReceiver::newSecretPath());
        if (push) {
            pm.enable(QStringLiteral("S"));
            bool active = false;
            QObject::connect(&pm, &PushManager::changed,
                             [&] { active = pm.state(QStringLiteral("S"))->active; });
            wait(active);
        }
        const auto lock = sim.devices().at(0);
        QList<double> latency;
        int state = 1;
        const int n = push ? changes : qMin(changes, 20); // polling: each change costs up to 2 s
        for (int i = 0; i < n; ++i) {
            // A random moment relative to the poll timer, as changes happen in life.
            QTest::qWait(int(QRandomGenerator::global()->bounded(push ? 50 : pollMs)));
            bool seen = false;
            QElapsedTimer t;
            auto conn = QObject::connect(&m, &QAbstractItemModel::dataChanged, [&] {
                if (h.device({lock.nukiId, 0})->device.state.state == state)
                    seen = true;
            });
            state = state == 1 ? 3 : 1;
            t.start();
            sim.turnByHand(lock.nukiId, 0, state);
            wait(seen, 10000);
            latency << t.nsecsElapsed() / 1e6;
            QObject::disconnect(conn);
        }
        printf("state change → model update, %s (n=%d)\tp50 %.1f ms\tp99 %.1f ms\n",
               push ? "push" : "polling every 2 s", int(n), percentile(latency, 0.5),
               percentile(latency, 0.99));
        fflush(stdout);
    }

    // 5. Requests per hour to an idle bridge, with the app's default timings.
    const int idleSeconds = qEnvironmentVariableIntValue("NUKI_BENCH_IDLE_S") ?: 120;
    for (const bool push : {true, false}) {
        nukisim::SimBridge idle(sc);
        idle.setToken(QStringLiteral("bench-token"));
        idle.listen(QHostAddress::LocalHost, 0);
        Home h;
        h.setPollInterval(Settings::DefaultPollSeconds * 1000);
        addBridge(
            h,
            {QStringLiteral("I"), QStringLiteral("Idle"), QStringLiteral("127.0.0.1"), idle.port()},
            QStringLiteral("bench-token"));
        PushManager pm(&h, CallbackReceiver::newSecretPath());
        bool ready = false;
        QObject::connect(&h, &Home::deviceAdded, [&] { ready = true; });
        wait(ready);
        if (push) {
            pm.enable(QStringLiteral("I"));
            bool active = false;
            QObject::connect(&pm, &PushManager::changed,
                             [&] { active = pm.state(QStringLiteral("I"))->active; });
            wait(active);
        }
        QTest::qWait(2000); // let start-up requests finish; count only the idle ones
        idle.clearRequestLog();
        QTest::qWait(idleSeconds * 1000);
        const double perHour = idle.requestLog().size() * 3600.0 / idleSeconds;
        printf("idle requests per hour per bridge, push %s (measured over %d s)\t%.0f\n",
               push ? "on" : "off", idleSeconds, perHour);
        fflush(stdout);
    }
    return 0;
}
