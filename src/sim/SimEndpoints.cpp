// The HTTP side of SimBridge: one request at a time, faults, authentication and endpoints.
#include "SimBridge.h"

#include "SimCallbacks.h"
#include "SimJson.h"

#include <QTimer>

namespace nukisim {

namespace {
const QStringList credentialKeys = {QStringLiteral("token"),  QStringLiteral("hash"),
                                    QStringLiteral("ctoken"), QStringLiteral("nonce"),
                                    QStringLiteral("ts"),     QStringLiteral("rnr")};

// Reads an unsigned number; an absent parameter yields `fallback`, a malformed one fails.
bool uintParam(const QUrlQuery &q, const char *name, qint64 fallback, qint64 max, qint64 *out)
{
    QString text;
    if (!queryValue(q, QString::fromLatin1(name), &text)) {
        *out = fallback;
        return fallback >= 0;
    }
    bool ok = false;
    const qulonglong v = text.toULongLong(&ok);
    if (!ok || qint64(v) > max)
        return false;
    *out = qint64(v);
    return true;
}
} // namespace

void SimBridge::handle(const SimRequest &request, const SimReplier &reply)
{
    SimLogEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.path = request.path;
    for (const auto &item : request.query.queryItems(QUrl::FullyDecoded))
        if (!credentialKeys.contains(item.first, Qt::CaseInsensitive))
            entry.params << item;
    entry.concurrent = m_inFlight > 0;
    m_maxConcurrent = qMax(m_maxConcurrent, m_inFlight + 1);

    if (m_inFlight > 0) {
        // The bridge handles a single request at a time (§6.1).
        entry.note = QStringLiteral("busy");
        entry.status = 503;
        appendLog(entry);
        emit requestHandled(entry);
        reply(SimResponse::error(503));
        return;
    }
    ++m_inFlight;
    const int epoch = m_epoch;
    const SimReplier counted = [this, epoch, reply](const SimResponse &r) {
        if (epoch != m_epoch)
            return; // the bridge rebooted meanwhile: that connection is gone
        m_inFlight = qMax(0, m_inFlight - 1);
        reply(r);
    };
    const bool faultApplies = m_faults.onlyPath.isEmpty() || m_faults.onlyPath == request.path;
    if (faultApplies && m_faults.rate503 > 0 && m_random.generateDouble() < m_faults.rate503) {
        entry.note = QStringLiteral("injected 503");
        finish(entry, counted, SimResponse::error(503));
        return;
    }
    int delay = m_config.requestMs;
    if (faultApplies) {
        delay += m_faults.latencyMs;
        if (m_faults.latencyJitterMs > 0)
            delay += m_random.bounded(m_faults.latencyJitterMs + 1);
    }
    if (delay <= 0) {
        dispatch(request, entry, counted);
        return;
    }
    // A timer of our own, so that clearFaults() can release the held request at once: the
    // bridge's single slot stays busy while it waits (every other request gets 503).
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5 % early
    connect(timer, &QTimer::timeout, this, [this, timer, request, entry, counted] {
        timer->deleteLater();
        dispatch(request, entry, counted);
    });
    timer->start(delay);
    m_held = timer;
}

void SimBridge::clearFaults()
{
    m_faults = {};
    if (m_held && m_held->isActive())
        m_held->start(0);
}

bool SimBridge::takeFault(int &remaining)
{
    if (remaining == 0)
        return false;
    if (remaining > 0)
        --remaining;
    return true;
}

void SimBridge::dispatch(const SimRequest &request, SimLogEntry entry, const SimReplier &reply)
{
    const bool faultApplies = m_faults.onlyPath.isEmpty() || m_faults.onlyPath == request.path;
    if (faultApplies && m_faults.forcedStatus && takeFault(m_faults.forcedRemaining)) {
        entry.note = QStringLiteral("injected %1").arg(m_faults.forcedStatus);
        finish(entry, reply, SimResponse::error(m_faults.forcedStatus));
        return;
    }
    if (request.method != "GET") {
        finish(entry, reply, SimResponse::error(400));
        return;
    }
    static const QStringList known = {
        QStringLiteral("/auth"),          QStringLiteral("/configAuth"),
        QStringLiteral("/list"),          QStringLiteral("/info"),
        QStringLiteral("/lockState"),     QStringLiteral("/lockAction"),
        QStringLiteral("/lock"),          QStringLiteral("/unlock"),
        QStringLiteral("/unpair"),        QStringLiteral("/callback/add"),
        QStringLiteral("/callback/list"), QStringLiteral("/callback/remove"),
        QStringLiteral("/log"),           QStringLiteral("/clearlog"),
        QStringLiteral("/fwupdate"),      QStringLiteral("/reboot"),
        QStringLiteral("/factoryReset")};
    if (!known.contains(request.path)) {
        // An unknown path is a 400 even without credentials, like `GET /` (§1).
        finish(entry, reply, SimResponse::error(400));
        return;
    }
    if (request.path != QLatin1String("/auth")) {
        const SimAuth::Result auth = m_auth.check(request.query, now());
        entry.authForm = SimAuth::formName(auth.form);
        if (!auth.ok) {
            entry.note = auth.reason;
            finish(entry, reply, SimResponse::error(401));
            return;
        }
    }
    auto shared = std::make_shared<SimLogEntry>(entry);
    route(request, *shared, [this, shared, reply, faultApplies](SimResponse response) {
        if (faultApplies && takeFault(m_faults.dropRemaining)) {
            shared->note = QStringLiteral("injected drop");
            response.drop = true;
        } else if (faultApplies && takeFault(m_faults.hugeHeadRemaining)) {
            shared->note = QStringLiteral("injected huge head");
            response.hugeHead = true;
        } else if (faultApplies && response.status == 200 &&
                   takeFault(m_faults.malformedRemaining)) {
            shared->note = QStringLiteral("injected malformed body");
            response.body = response.body.left(qMax(1, int(response.body.size() / 2)));
            if (response.body.isEmpty())
                response.body = "{\"succ";
        }
        finish(*shared, reply, response);
    });
}

static qint64 logBytes(const SimLogEntry &e)
{
    qint64 n = 64 + e.path.size() + e.note.size() + e.authForm.size();
    for (const auto &p : e.params)
        n += p.first.size() + p.second.size() + 16;
    return n * qint64(sizeof(QChar));
}

void SimBridge::appendLog(const SimLogEntry &entry)
{
    // Bounded in entries and bytes: a 503 flood or huge parameters must not grow the
    // simulator without limit. The oldest entries go first.
    m_log << entry;
    m_logBytes += logBytes(entry);
    while (!m_log.isEmpty() &&
           (m_log.size() > m_config.maxRequestLog || m_logBytes > m_config.maxRequestLogBytes)) {
        m_logBytes -= logBytes(m_log.first());
        m_log.removeFirst();
    }
}

void SimBridge::finish(SimLogEntry entry, const SimReplier &reply, SimResponse response)
{
    entry.status = response.drop ? 0 : response.status;
    appendLog(entry);
    emit requestHandled(entry);
    reply(response);
}

void SimBridge::route(const SimRequest &request, SimLogEntry &entry,
                      const std::function<void(SimResponse)> &done)
{
    const QString &p = request.path;
    const QUrlQuery &q = request.query;
    const bool hardware = m_config.bridgeType == 1;
    if (p == QLatin1String("/auth"))
        return epAuth(done);
    if (p == QLatin1String("/configAuth"))
        return done(epConfigAuth(q));
    if (p == QLatin1String("/list"))
        return done(epList());
    if (p == QLatin1String("/info"))
        return done(epInfo());
    if (p == QLatin1String("/lockState"))
        return epLockState(q, entry, done);
    if (p == QLatin1String("/lockAction") || p == QLatin1String("/lock") ||
        p == QLatin1String("/unlock"))
        return epLockAction(q, p, done);
    if (p.startsWith(QLatin1String("/callback/")))
        return done(epCallback(p, q));
    if (hardware && p == QLatin1String("/unpair"))
        return done(epUnpair(q));
    if (hardware && p == QLatin1String("/log"))
        return done(epLog(q));
    if (hardware && (p == QLatin1String("/clearlog") || p == QLatin1String("/fwupdate") ||
                     p == QLatin1String("/reboot") || p == QLatin1String("/factoryReset")))
        return done(epMaintenance(p));
    done(SimResponse::error(400)); // unknown path: 400 like `GET /` on a real bridge (§1)
}

void SimBridge::epAuth(const std::function<void(SimResponse)> &done)
{
    if (!m_authEnabled)
        return done(SimResponse::error(403));
    if (m_authWaiter)
        return done(SimResponse::error(503));
    m_authWaiter = done;
    logBridge(QStringLiteral("HTTP-Auth"));
    // The LED is on for the window; unanswered, the request ends with {"success": false}.
    const int gen = ++m_generation[QStringLiteral("auth")];
    QTimer::singleShot(m_config.authWindowMs, this, [this, gen] {
        if (!m_authWaiter || m_generation.value(QStringLiteral("auth")) != gen)
            return;
        auto waiter = std::move(m_authWaiter);
        m_authWaiter = nullptr;
        waiter(SimResponse::ok("{\"success\": false}"));
    });
}

SimResponse SimBridge::epConfigAuth(const QUrlQuery &q)
{
    qint64 enable = -1;
    if (!uintParam(q, "enable", -1, 1, &enable))
        return SimResponse::error(400);
    m_authEnabled = enable == 1;
    return SimResponse::ok("{\"success\": true}");
}

SimResponse SimBridge::epList()
{
    logBridge(QStringLiteral("HTTP-List"));
    JsonArray list;
    const QDateTime t = now();
    for (const auto &d : m_devices)
        list.addRaw(d.listEntry(t));
    return SimResponse::ok(list.toJson());
}

SimDevice *SimBridge::deviceFromQuery(const QUrlQuery &q, int *status)
{
    qint64 id = 0, type = 0;
    if (!uintParam(q, "nukiId", -1, 0xffffffffLL, &id) ||
        !uintParam(q, "deviceType", 0, 255, &type)) {
        *status = 400;
        return nullptr;
    }
    SimDevice *d = device(quint32(id), int(type));
    *status = d ? 200 : 404;
    return d;
}

void SimBridge::epLockState(const QUrlQuery &q, SimLogEntry &entry,
                            const std::function<void(SimResponse)> &done)
{
    int status = 0;
    SimDevice *d = deviceFromQuery(q, &status);
    if (!d)
        return done(SimResponse::error(status));
    if (m_bleBusy)
        return done(SimResponse::error(503));
    logBridge(QStringLiteral("HTTP-LockState"), d);
    entry.bleWake = true;
    m_bleWakeups[deviceKey(d->nukiId, d->deviceType)]++;
    const bool fail = !d->reachable || takeFault(m_faults.successFalseRemaining);
    const quint32 id = d->nukiId;
    const int type = d->deviceType;
    m_bleBusy = true;
    QTimer::singleShot(m_config.lockStateMs, this, [this, id, type, fail, done] {
        m_bleBusy = false;
        SimDevice *x = device(id, type);
        if (!x || fail)
            return done(SimResponse::ok("{\"success\": false}"));
        x->timestamp = now(); // the read refreshes the bridge's cache
        done(SimResponse::ok(x->lockStateBody(now())));
    });
}

void SimBridge::epLockAction(const QUrlQuery &q, const QString &path,
                             const std::function<void(SimResponse)> &done)
{
    int status = 0;
    SimDevice *d = deviceFromQuery(q, &status);
    qint64 action = 0, nowait = 0;
    if (path == QLatin1String("/lockAction")) {
        if (!uintParam(q, "action", -1, 255, &action) || action < 1 || action > 5 ||
            !uintParam(q, "nowait", 0, 1, &nowait))
            return done(SimResponse::error(400));
    } else if (d) {
        // Simple actions: the device maps them (§3.5); a lock with a handle is modelled.
        const bool lock = path == QLatin1String("/lock");
        action =
            d->isOpener() ? (lock ? (d->mode == dev::ModeContinuous ? 5 : 2) : 3) : (lock ? 2 : 1);
    }
    if (!d)
        return done(SimResponse::error(status));
    if (m_bleBusy)
        return done(SimResponse::error(503));
    logBridge(QStringLiteral("HTTP-LockActionStart"), d, QString::number(action));
    if (!d->reachable || takeFault(m_faults.successFalseRemaining)) {
        QTimer::singleShot(m_config.actionMs, this,
                           [done] { done(SimResponse::ok("{\"success\": false}")); });
        return;
    }
    const bool critical = d->batteryCritical;
    auto answer = [done, critical] {
        done(SimResponse::ok(
            JsonObject().add("success", true).add("batteryCritical", critical).toJson()));
    };
    if (nowait)
        answer();
    const quint32 id = d->nukiId;
    const int type = d->deviceType;
    startAction(*d, int(action), [this, id, type, nowait, answer](bool) {
        if (SimDevice *x = device(id, type))
            logBridge(QStringLiteral("HTTP-LockActionSuccess"), x);
        if (!nowait)
            answer();
    });
}

SimResponse SimBridge::epUnpair(const QUrlQuery &q)
{
    int status = 0;
    SimDevice *d = deviceFromQuery(q, &status);
    if (!d)
        return SimResponse::error(status);
    const quint32 id = d->nukiId;
    const int type = d->deviceType;
    m_devices.removeIf([&](const SimDevice &x) { return x.nukiId == id && x.deviceType == type; });
    return SimResponse::ok("{\"success\": true}");
}

SimResponse SimBridge::epCallback(const QString &path, const QUrlQuery &q)
{
    if (path == QLatin1String("/callback/list"))
        return SimResponse::ok(m_callbacks->listJson());
    if (path == QLatin1String("/callback/add")) {
        QString url;
        queryValue(q, QStringLiteral("url"), &url);
        QString message;
        const int r = m_callbacks->add(url, m_config.allowNonLoopbackCallbacks, &message);
        if (r == SimCallbacks::Invalid)
            return SimResponse::error(400);
        if (r == SimCallbacks::Full)
            return SimResponse::ok(
                JsonObject().add("success", false).add("message", message).toJson());
        return SimResponse::ok("{\"success\": true}");
    }
    if (path == QLatin1String("/callback/remove")) {
        qint64 id = -1;
        if (!uintParam(q, "id", -1, 2, &id))
            return SimResponse::error(400);
        if (!m_callbacks->remove(int(id)))
            return SimResponse::ok(JsonObject()
                                       .add("success", false)
                                       .add("message", "no callback with this id")
                                       .toJson());
        return SimResponse::ok("{\"success\": true}");
    }
    return SimResponse::error(400);
}

SimResponse SimBridge::epLog(const QUrlQuery &q)
{
    qint64 offset = 0, count = 100;
    if (!uintParam(q, "offset", 0, 100000, &offset) || !uintParam(q, "count", 100, 100000, &count))
        return SimResponse::error(400);
    JsonArray list;
    for (qint64 i = m_bridgeLog.size() - 1 - offset, n = 0; i >= 0 && n < count; --i, ++n)
        list.addRaw(m_bridgeLog.at(int(i)));
    logBridge(QStringLiteral("HTTP-Log"));
    return SimResponse::ok(list.toJson());
}

SimResponse SimBridge::epMaintenance(const QString &path)
{
    if (path == QLatin1String("/clearlog"))
        m_bridgeLog.clear();
    else if (path == QLatin1String("/reboot") || path == QLatin1String("/factoryReset"))
        QTimer::singleShot(50, this, [this] { reboot(3000); });
    else
        logBridge(QStringLiteral("HTTP-FwUpdate"));
    return SimResponse::ok(m_config.maintenanceJson ? "{\"success\": true}" : "");
}

void SimBridge::logBridge(const QString &type, const SimDevice *d, const QString &action)
{
    JsonObject o;
    o.add("timestamp", formatTimestamp(now()));
    if (d)
        o.add("nukiId", QString::number(d->nukiId, 16).toUpper().rightJustified(8, u'0'));
    o.add("type", type);
    if (!action.isEmpty())
        o.add("action", action);
    m_bridgeLog << o.toJson();
    if (m_bridgeLog.size() > 500)
        m_bridgeLog.removeFirst();
}

} // namespace nukisim
