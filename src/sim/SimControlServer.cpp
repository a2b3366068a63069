#include "SimControlServer.h"

#include "SimBridge.h"
#include "SimGuard.h"
#include "SimJson.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QUrlQuery>

namespace nukisim {

SimControlServer::SimControlServer(QObject *parent) : QAbstractHttpServer(parent) {}

bool SimControlServer::start(const QHostAddress &address, quint16 port)
{
    // The same guard as the bridge port (SimGuard.h): short heads, no body, few connections.
    // Fewer connections here, since an answer (/requests) can be a few MB while it is sent.
    SimLimits limits;
    limits.maxHead = 8192;
    limits.maxConnections = 16;
    auto *guard = new SimGuardedServer(this, limits, this);
    if (!guard->listen(address, port)) {
        delete guard;
        return false;
    }
    bind(guard);
    m_port = guard->serverPort();
    return true;
}

QByteArray SimControlServer::discoveryJson() const
{
    JsonArray list;
    for (const auto &b : m_bridges) {
        if (!b)
            continue;
        const bool on = b->discoveryEnabled();
        list.addRaw(JsonObject()
                        .add("bridgeId", qint64(b->config().serverId))
                        .add("ip", on ? b->address().toString() : QStringLiteral("0.0.0.0"))
                        .add("port", on ? int(b->port()) : 0)
                        .add("dateUpdated", formatTimestamp(QDateTime::currentDateTimeUtc())
                                                .replace(QStringLiteral("+00:00"), u"Z"_qs))
                        .toJson());
    }
    return JsonObject().addRaw("bridges", list.toJson()).add("errorCode", 0).toJson();
}

namespace {
// Every number from the control port is clamped: values that later get multiplied or added
// (seconds → ms, latency + jitter) must not overflow.
int intArg(const QUrlQuery &q, const char *name, int fallback, int min = -1000000,
           int max = 1000000)
{
    QString v;
    if (!queryValue(q, QString::fromLatin1(name), &v))
        return fallback;
    bool ok = false;
    const qint64 n = v.toLongLong(&ok);
    return ok ? int(qBound(qint64(min), n, qint64(max))) : fallback;
}

quint32 idArg(const QUrlQuery &q)
{
    QString v;
    if (!queryValue(q, QStringLiteral("nukiId"), &v))
        return 0;
    bool ok = false;
    const quint32 id = v.toUInt(&ok); // nukiIds use all 32 bits
    return ok ? id : 0;
}

QByteArray logJson(const QList<SimLogEntry> &log)
{
    JsonArray list;
    for (const auto &e : log) {
        JsonObject params;
        for (const auto &p : e.params)
            params.add(p.first.toUtf8().constData(), p.second);
        list.addRaw(JsonObject()
                        .add("time", e.time.toString(Qt::ISODateWithMs))
                        .add("path", e.path)
                        .addRaw("params", params.toJson())
                        .add("auth", e.authForm)
                        .add("concurrent", e.concurrent)
                        .add("status", e.status)
                        .add("bleWake", e.bleWake)
                        .add("note", e.note)
                        .toJson());
    }
    return list.toJson();
}
} // namespace

QByteArray SimControlServer::answer(const QString &path, const QUrlQuery &q, int *status)
{
    *status = 200;
    if (path == QLatin1String("/discover/bridges"))
        return discoveryJson();
    if (path == QLatin1String("/bridges")) {
        JsonArray list;
        for (int i = 0; i < m_bridges.size(); ++i)
            if (m_bridges[i])
                list.addRaw(JsonObject()
                                .add("index", i)
                                .add("serverId", qint64(m_bridges[i]->config().serverId))
                                .add("url", m_bridges[i]->baseUrl())
                                .toJson());
        return list.toJson();
    }
    const int index = intArg(q, "bridge", 0);
    SimBridge *b = index >= 0 && index < m_bridges.size() ? m_bridges[index].data() : nullptr;
    if (!b) {
        *status = 404;
        return "{\"error\": \"no such bridge\"}";
    }
    const quint32 id = idArg(q);
    const int type = intArg(q, "deviceType", 0);
    bool ok = true;
    if (path == QLatin1String("/turn"))
        ok = b->turnByHand(id, type, intArg(q, "state", 1));
    else if (path == QLatin1String("/door"))
        ok = b->setDoor(id, intArg(q, "state", 2));
    else if (path == QLatin1String("/ring"))
        ok = b->ring(id);
    else if (path == QLatin1String("/battery"))
        ok = b->setBattery(id, type, intArg(q, "percent", 100), intArg(q, "critical", 0) != 0,
                           intArg(q, "charging", 0) != 0);
    else if (path == QLatin1String("/keypad"))
        ok = b->setKeypadBatteryCritical(id, intArg(q, "critical", 0) != 0);
    else if (path == QLatin1String("/reachable"))
        ok = b->setReachable(id, type, intArg(q, "value", 1) != 0);
    else if (path == QLatin1String("/button"))
        b->pressButton();
    else if (path == QLatin1String("/reboot"))
        b->reboot(intArg(q, "seconds", 5, 0, 3600) * 1000);
    else if (path == QLatin1String("/token")) {
        QString token;
        queryValue(q, QStringLiteral("value"), &token);
        b->setToken(token);
    } else if (path == QLatin1String("/faults")) {
        SimFaults &f = b->faults();
        QString v;
        if (queryValue(q, QStringLiteral("rate503"), &v))
            f.rate503 = qBound(0.0, v.toDouble(), 1.0);
        f.latencyMs = intArg(q, "latencyMs", f.latencyMs, 0, 600000);
        f.latencyJitterMs = intArg(q, "jitterMs", f.latencyJitterMs, 0, 600000);
        f.forcedStatus = intArg(q, "status", f.forcedStatus);
        f.forcedRemaining = intArg(q, "count", f.forcedStatus ? -1 : 0);
        f.malformedRemaining = intArg(q, "malformed", f.malformedRemaining);
        f.dropRemaining = intArg(q, "drop", f.dropRemaining);
        f.successFalseRemaining = intArg(q, "successFalse", f.successFalseRemaining);
        f.hugeHeadRemaining = intArg(q, "hugeHead", f.hugeHeadRemaining);
        if (queryValue(q, QStringLiteral("path"), &v))
            f.onlyPath = v;
        b->setClockSkewSeconds(intArg(q, "skew", 0, -86400 * 365, 86400 * 365));
    } else if (path == QLatin1String("/faults/clear")) {
        b->clearFaults();
        b->setClockSkewSeconds(0);
    } else if (path == QLatin1String("/requests"))
        return logJson(b->requestLog());
    else if (path == QLatin1String("/info"))
        return b->infoJson();
    else {
        *status = 404;
        return "{\"error\": \"unknown control path\"}";
    }
    if (!ok)
        *status = 404;
    return ok ? "{\"ok\": true}" : "{\"ok\": false, \"error\": \"no such device\"}";
}

bool SimControlServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    int status = 200;
    const QByteArray body = answer(request.url().path(), request.query(), &status);
    makeResponder(request, socket)
        .write(body, {{"Content-Type", "application/json"}, {"Connection", "close"}},
               QHttpServerResponder::StatusCode(status));
    socket->disconnectFromHost(); // one request per connection (SimGuard.h)
    return true;
}

} // namespace nukisim
