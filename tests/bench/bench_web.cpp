// Nuki Web figures: requests per hour at home, away with the window hidden and shown (the
// source's real timers, run faster by a time scale, against the simulated Nuki Web over TLS);
// parsing 200 cloud devices, with QJsonDocument's own parse as the floor; and action →
// confirmed on the simulator's delays (wake 1.5 s, motion 3 s, as nuki-web-sim's defaults).
// Prints "figure<TAB>median<TAB>spread<TAB>unit".
#include "SimWeb.h"
#include "web/WebSource.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <algorithm>

using namespace nuki;
using nukisim::SimWeb;

namespace {
const QByteArray Token = "bench-token";

void report(const char *name, QList<double> samples, const char *unit)
{
    std::sort(samples.begin(), samples.end());
    printf("%s\t%.3f\t%.3f–%.3f\t%s\n", name, samples[samples.size() / 2],
           samples[samples.size() / 10], samples[samples.size() * 9 / 10], unit);
    fflush(stdout);
}

WebConfig configOf(const SimWeb &web)
{
    WebConfig c;
    c.apiUrl = web.url();
    c.caFile = web.caFile();
    return c;
}

// Requests the source makes in one (scaled) hour, after its first reads.
int requestsPerHour(SimWeb &web, int actingFor, bool shown)
{
    constexpr int Scale = 360; // an hour in 10 s
    WebSource s(configOf(web), QString::fromLatin1(Token));
    s.setTimeScale(Scale);
    s.setActingFor(actingFor);
    s.setWatched(shown);
    s.start(true);
    QTest::qWait(200); // the first reads (list and log) are the start's, not the hour's
    const qsizetype before = web.seen().size();
    QTest::qWait(3600 * 1000 / Scale);
    const int n = int(web.seen().size() - before);
    s.stop();
    return n;
}

QByteArray manyDevices(int n)
{
    QJsonArray list;
    for (int i = 0; i < n; ++i)
        list << QJsonObject{{"smartlockId", (qint64(4) << 32) | (0x10000000 + i)},
                            {"accountId", 4711},
                            {"type", 4},
                            {"authId", 2001},
                            {"name", QStringLiteral("Door %1").arg(i)},
                            {"favorite", false},
                            {"serverState", 0},
                            {"adminPinState", 0},
                            {"updateDate", "2026-12-03T10:00:00.000Z"},
                            {"config", QJsonObject{{"name", QStringLiteral("Door %1").arg(i)},
                                                   {"keypadPaired", true},
                                                   {"timezoneId", 37},
                                                   {"ledEnabled", true},
                                                   {"buttonEnabled", true}}},
                            {"state", QJsonObject{{"mode", 2},
                                                  {"state", 1},
                                                  {"trigger", 0},
                                                  {"lastAction", 2},
                                                  {"batteryCritical", false},
                                                  {"batteryCharging", false},
                                                  {"batteryCharge", 80},
                                                  {"doorState", 2},
                                                  {"keypadBatteryCritical", false},
                                                  {"nightMode", false}}}};
    return QJsonDocument(list).toJson(QJsonDocument::Compact);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    SimWeb web;
    web.wakeMs = 1500;
    web.motionMs = 3000;
    web.addHousehold();
    web.addToken(Token,
                 {QStringLiteral("smartlock.readOnly"), QStringLiteral("smartlock.action"),
                  QStringLiteral("smartlock.log")},
                 QStringLiteral("Bench"));
    if (!web.start())
        return 1;

    const QByteArray body = manyDevices(200);
    QList<double> ours, floor;
    for (int i = 0; i < 50; ++i) {
        QElapsedTimer t;
        t.start();
        web::Parsed info;
        const auto locks = web::parseLocks(body, &info);
        ours << t.nsecsElapsed() / 1e6;
        if (!locks || locks->size() != 200)
            return 2;
        t.restart();
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        floor << t.nsecsElapsed() / 1e6;
        if (!doc.isArray())
            return 2;
    }
    printf("# 200 cloud devices: %lld bytes\n", qlonglong(body.size()));
    report("web_parse_200_devices", ours, "ms");
    report("web_parse_200_qjsondocument_floor", floor, "ms");

    report("web_requests_per_hour_at_home", {double(requestsPerHour(web, 0, false))}, "req/h");
    report("web_requests_per_hour_away_hidden", {double(requestsPerHour(web, 3, false))}, "req/h");
    report("web_requests_per_hour_away_shown", {double(requestsPerHour(web, 3, true))}, "req/h");

    QList<double> confirm;
    for (int i = 0; i < 3; ++i) {
        WebSource s(configOf(web), QString::fromLatin1(Token));
        std::optional<SourceError> listed;
        s.readAll([&](const SourceError &e) { listed = e; });
        if (!QTest::qWaitFor([&] { return listed.has_value(); }, 10000) || !listed->ok())
            return 3;
        const int action = i % 2 == 0 ? 1 : 2; // unlock, lock, unlock
        QElapsedTimer t;
        t.start();
        std::optional<SourceError> done;
        s.perform({0x2CACCC82u, 4, action}, {{}, {}, [&](const SourceError &e) { done = e; }});
        if (!QTest::qWaitFor([&] { return done.has_value(); }, 40000) || !done->ok())
            return 4;
        confirm << t.elapsed();
    }
    report("web_action_to_confirmed", confirm, "ms");
    return 0;
}
