// Benchmark of the broker source against a real mosquitto on 127.0.0.1 and the simulated
// Wi-Fi lock: a change at the lock until the model has it (the card's data), a command from
// the runner until the lock has it, and the memory for 1 000 retained topics on the broker.
// Prints "name<TAB>value" lines for run_bench.py.
#include "MosquittoBroker.h"
#include "RawMqtt.h"
#include "SimWifiLock.h"
#include "home/DeviceListModel.h"
#include "home/Home.h"
#include "mqtt/BrokerSource.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <algorithm>
#include <cstdio>

using namespace nuki;

namespace {
double percentile(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(qMin(v.size() - 1, qsizetype(p * double(v.size()))));
}
bool waitFor(const std::function<bool()> &done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    return done();
}
qint64 rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return 0;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    MosquittoBroker broker;
    if (!broker.start()) {
        fprintf(stderr, "mosquitto did not start: %s\n", qPrintable(broker.output()));
        return 1;
    }
    nukisim::WifiLockConfig c;
    c.port = broker.port();
    c.unlockMs = c.lockMs = 1; // the motor's own time is not what is measured
    nukisim::SimWifiLock lock(c);
    lock.start();
    Home home;
    DeviceListModel model(&home);
    BrokerConfig bc;
    bc.host = QStringLiteral("127.0.0.1");
    bc.port = broker.port();
    bc.id = BrokerConfig::idFor(bc.host, bc.port);
    bc.name = QStringLiteral("Bench");
    addBroker(home, bc, QString(), QStringLiteral("nuki-desktop-bench"));
    const DeviceKey key{c.nukiId, c.deviceType};
    if (!waitFor([&] { return home.device(key) && !home.device(key)->stale; }, 10000)) {
        fprintf(stderr, "the lock did not appear\n");
        return 1;
    }

    // A change at the lock (a hand turn) until the model's row shows it.
    QList<double> change;
    int want = 1;
    QElapsedTimer t;
    bool seen = false;
    QObject::connect(&model, &QAbstractItemModel::dataChanged, [&] {
        const DeviceRecord *r = home.device(key);
        if (r && r->device.state.state == want && !isTransitional(key.deviceType, want))
            seen = true;
    });
    QObject::connect(&lock, &nukisim::SimWifiLock::published,
                     [&](const QString &topic, const QByteArray &payload, int, bool) {
                         if (topic.endsWith(QLatin1String("/state")) &&
                             payload == QByteArray::number(want))
                             t.start(); // the final state leaves the lock now
                     });
    for (int i = 0; i < 100; ++i) {
        want = want == 1 ? 3 : 1;
        seen = false;
        lock.turnByHand(want);
        if (!waitFor([&] { return seen; }, 5000))
            return 1;
        change << t.nsecsElapsed() / 1e6;
        waitFor([&] { return !lock.isMoving(); }, 2000);
    }
    out << "change at the lock until the card's data\tp50 " << percentile(change, 0.5) << "\tp99 "
        << percentile(change, 0.99) << Qt::endl;

    // A command from the runner until the lock has it.
    QList<double> command;
    bool received = false;
    QElapsedTimer sent;
    QObject::connect(&lock, &nukisim::SimWifiLock::commandReceived,
                     [&](const QString &, const QByteArray &, int, bool) {
                         command << sent.nsecsElapsed() / 1e6;
                         received = true;
                     });
    for (int i = 0; i < 100; ++i) {
        const int action = home.device(key)->device.state.state == 1 ? 1 : 2;
        received = false;
        sent.start();
        if (!home.actions()->start(key, action))
            return 1;
        if (!waitFor([&] { return received && !home.device(key)->action.running(); }, 10000))
            return 1;
    }
    out << "command from the runner until the lock\tp50 " << percentile(command, 0.5) << "\tp99 "
        << percentile(command, 0.99) << Qt::endl;

    // 1 000 retained topics on the broker (60 locks of 16 values, and 40 others): the memory
    // a fresh broker source needs for them.
    RawMqtt raw(QStringLiteral("bench-filler"), broker.port());
    if (!raw.connect())
        return 1;
    int topics = 0;
    for (int l = 1; l <= 60; ++l)
        for (const char *sub :
             {"deviceType", "name", "firmware", "mode", "state", "batteryCritical",
              "batteryChargeState", "batteryCharging", "keypadBatteryCritical", "doorsensorState",
              "serverConnected", "timestamp", "connected", "ringactionTimestamp", "x1", "x2"}) {
            raw.publish(QStringLiteral("nuki/%1/%2").arg(0x10000000 + l, 8, 16).arg(sub), "1", 0,
                        true);
            ++topics;
        }
    for (; topics < 1000; ++topics)
        raw.publish(QStringLiteral("other/%1").arg(topics), "x", 0, true);
    const qint64 before = rssKb();
    Home second;
    BrokerConfig bc2 = bc;
    bc2.id += QStringLiteral("b");
    BrokerSource *s = addBroker(second, bc2, QString(), QStringLiteral("nuki-desktop-bench-2"));
    waitFor([&] { return s->lockIds().size() >= 61; }, 10000);
    waitFor([] { return false; }, BrokerSource::SettleQuietMs * 2);
    out << "RSS for 1000 retained topics\t" << (rssKb() - before) << " KiB\t" << s->lockIds().size()
        << " locks" << Qt::endl;
    out << "idle traffic\tkeep-alive only: 1 PINGREQ + 1 PINGRESP (2 bytes each) per "
        << MqttEndpoint().keepAliveSeconds << " s = " << 3600 / MqttEndpoint().keepAliveSeconds
        << " of each per hour, no polling" << Qt::endl;
    return 0;
}
