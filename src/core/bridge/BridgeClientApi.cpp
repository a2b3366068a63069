// Typed endpoints of BridgeClient: parameters, timeouts and priorities per endpoint, and
// parsing into Protocol structs. A parse failure is a BadResponse, never a crash.
#include "bridge/BridgeClient.h"

namespace nuki {

namespace {
SourceError badResponse(const QString &detail, bool mayHaveReached = false)
{
    return {SourceError::BadResponse, 200, detail, mayHaveReached};
}
QList<QPair<QString, QString>> deviceParams(quint32 nukiId, int deviceType)
{
    // Always pass deviceType: a lock and an opener may share a nukiId (§1).
    return {{QStringLiteral("nukiId"), QString::number(nukiId)},
            {QStringLiteral("deviceType"), QString::number(deviceType)}};
}
} // namespace

void BridgeClient::info(Priority p,
                        std::function<void(const SourceError &, const BridgeInfo &)> done)
{
    send({QStringLiteral("/info"), {}, p, 10000, true, QStringLiteral("info")},
         [this, done](const SourceError &error, const QByteArray &body) {
             BridgeInfo info;
             QString parseError;
             if (!error.ok())
                 return done(error, info);
             if (!parseInfo(body, &info, &parseError))
                 return done(badResponse(parseError), info);
             learnClock(info);
             emit infoReceived(info);
             done(error, info);
         });
}

void BridgeClient::list(Priority p,
                        std::function<void(const SourceError &, const QList<Device> &)> done)
{
    // Polls coalesce: a second /list queued behind the first would only repeat it.
    send({QStringLiteral("/list"), {}, p, 10000, true, QStringLiteral("list")},
         [done](const SourceError &error, const QByteArray &body) {
             QList<Device> devices;
             QString parseError;
             if (!error.ok())
                 return done(error, devices);
             if (!parseList(body, &devices, &parseError))
                 return done(badResponse(parseError), devices);
             done(error, devices);
         });
}

void BridgeClient::lockState(quint32 nukiId, int deviceType,
                             std::function<void(const SourceError &, const DeviceState &)> done)
{
    // Wakes the device over Bluetooth: only on explicit request (never for regular polling).
    send({QStringLiteral("/lockState"), deviceParams(nukiId, deviceType), Priority::User, 30000,
          true, QStringLiteral("lockState/%1/%2").arg(deviceType).arg(nukiId)},
         [done](const SourceError &error, const QByteArray &body) {
             DeviceState state;
             QString parseError;
             bool success = false;
             if (!error.ok())
                 return done(error, state);
             if (!parseLockState(body, &state, &success, &parseError))
                 return done(badResponse(parseError), state);
             if (!success)
                 return done({SourceError::DeviceUnreachable, 200}, state);
             done(error, state);
         });
}

static auto actionDone(std::function<void(const SourceError &, const ActionResult &)> done)
{
    return [done](const SourceError &error, const QByteArray &body) {
        ActionResult result;
        QString parseError;
        if (!error.ok())
            return done(error, result);
        // It reached the bridge: an unreadable answer leaves the outcome unknown.
        if (!parseActionResult(body, &result, &parseError))
            return done(badResponse(parseError, true), result);
        if (!result.success)
            return done({SourceError::DeviceUnreachable, 200}, result);
        done(error, result);
    };
}

void BridgeClient::lockAction(quint32 nukiId, int deviceType, int action, bool nowait,
                              std::function<void(const SourceError &, const ActionResult &)> done,
                              std::function<void()> onSent, std::function<void()> onRetry,
                              int retryDeadlineMs)
{
    auto params = deviceParams(nukiId, deviceType);
    params << qMakePair(QStringLiteral("action"), QString::number(action));
    if (nowait)
        params << qMakePair(QStringLiteral("nowait"), QStringLiteral("1"));
    // A blocking action includes Bluetooth connect and motor run: allow 45 s.
    Request r{QStringLiteral("/lockAction"), params, Priority::Action, nowait ? 15000 : 45000};
    r.onSent = std::move(onSent);
    r.onRetry = std::move(onRetry);
    r.retryDeadlineMs = retryDeadlineMs;
    send(r, actionDone(std::move(done)));
}

void BridgeClient::callbackList(
    std::function<void(const SourceError &, const QList<CallbackEntry> &)> done)
{
    send({QStringLiteral("/callback/list"), {}, Priority::User},
         [done](const SourceError &error, const QByteArray &body) {
             QList<CallbackEntry> list;
             QString parseError;
             if (!error.ok())
                 return done(error, list);
             if (!parseCallbackList(body, &list, &parseError))
                 return done(badResponse(parseError), list);
             done(error, list);
         });
}

static auto successDone(std::function<void(const SourceError &, bool, QString)> done)
{
    return [done](const SourceError &error, const QByteArray &body) {
        bool success = false;
        QString message, parseError;
        if (!error.ok())
            return done(error, false, {});
        if (!parseSuccess(body, &success, &message, &parseError))
            return done(badResponse(parseError), false, {});
        done(error, success, message);
    };
}

void BridgeClient::callbackAdd(const QString &url,
                               std::function<void(const SourceError &, bool, QString)> done)
{
    send({QStringLiteral("/callback/add"), {{QStringLiteral("url"), url}}, Priority::User},
         successDone(std::move(done)));
}

void BridgeClient::callbackRemove(int id,
                                  std::function<void(const SourceError &, bool, QString)> done)
{
    send({QStringLiteral("/callback/remove"),
          {{QStringLiteral("id"), QString::number(id)}},
          Priority::User},
         successDone(std::move(done)));
}

void BridgeClient::requestToken(std::function<void(const SourceError &, const QString &)> done)
{
    // The bridge holds /auth for 30 s while its LED waits for the button.
    send({QStringLiteral("/auth"), {}, Priority::User, 35000, false},
         [done](const SourceError &error, const QByteArray &body) {
             QString token, parseError;
             bool success = false;
             if (!error.ok())
                 return done(error, {});
             if (!parseAuth(body, &token, &success, &parseError))
                 return done(badResponse(parseError), {});
             if (!success)
                 return done({SourceError::ButtonNotPressed, 200}, {});
             done(error, token);
         });
}

void BridgeClient::readLog(
    int offset, int count,
    std::function<void(const SourceError &, const QList<BridgeLogEntry> &)> done)
{
    send({QStringLiteral("/log"),
          {{QStringLiteral("offset"), QString::number(offset)},
           {QStringLiteral("count"), QString::number(count)}},
          Priority::User},
         [done](const SourceError &error, const QByteArray &body) {
             QList<BridgeLogEntry> log;
             QString parseError;
             if (!error.ok())
                 return done(error, log);
             if (!parseBridgeLog(body, &log, &parseError))
                 return done(badResponse(parseError), log);
             done(error, log);
         });
}

void BridgeClient::reboot(std::function<void(const SourceError &)> done)
{
    send({QStringLiteral("/reboot"), {}, Priority::User},
         [done](const SourceError &error, const QByteArray &) { done(error); });
}

void BridgeClient::updateFirmware(std::function<void(const SourceError &)> done)
{
    send({QStringLiteral("/fwupdate"), {}, Priority::User},
         [done](const SourceError &error, const QByteArray &) { done(error); });
}

} // namespace nuki
