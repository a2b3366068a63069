#pragma once

#include "bridge/Credentials.h"
#include "home/SourceError.h"
#include "wire/BridgeJson.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

namespace nuki {

class HttpGet;
struct HttpResult;

// One per bridge. Every request to a bridge goes through here: a queue with at most one
// request in flight, a minimum gap between requests, user actions ahead of polls, duplicate
// polls coalesced, timeouts per endpoint, retries only where they are safe.
class BridgeClient : public QObject
{
    Q_OBJECT
public:
    enum class Priority
    {
        Internal = 0,
        Action = 1,
        User = 2,
        Poll = 3
    };
    struct Config
    {
        int minGapMs = 250;                // the bridge misbehaves with faster requests (§6.2)
        int retryDeadlineMs = 10000;       // keep retrying 503 / no connection until then
        int actionRetryDeadlineMs = 15000; // the same for lock actions
        int backoffStartMs = 300;
        int backoffMaxMs = 3000;
        int authRecoveryPauseMs = 600000; // at most one clock/token investigation in 10 minutes
    };
    struct Request
    {
        QString path;
        QList<QPair<QString, QString>> params;
        Priority priority = Priority::User;
        int timeoutMs = 10000;
        bool authenticated = true;
        QString coalesceKey; // identical queued requests with this key share one trip
        std::optional<std::pair<TokenMode, qint64>> credentialOverride; // auth investigation
        std::function<void()> onSent;  // called each time the request goes out
        std::function<void()> onRetry; // the bridge refused it (503) or no connection opened:
                                       // it waits in the queue again, nothing happened
        int retryDeadlineMs = -1;      // -1: the config's deadline for its priority
    };
    using Done = std::function<void(const SourceError &, const QByteArray &body)>;

    explicit BridgeClient(QObject *parent = nullptr);
    ~BridgeClient() override;

    void setEndpoint(const QString &host, quint16 port);
    QString host() const { return m_host; }
    quint16 port() const { return m_port; }
    void setToken(const QString &token);
    bool hasToken() const { return m_credentials.hasToken(); }
    void setTokenMode(TokenMode mode); // Auto: find the best the bridge accepts
    TokenMode tokenMode() const { return m_configuredMode; }
    TokenMode effectiveTokenMode() const { return m_mode; }
    // The bridge's clock minus ours, as last learned (kept in the settings).
    void setBridgeClockOffset(qint64 seconds) { m_credentials.setBridgeClockOffset(seconds); }
    Config &config() { return m_config; }

    void send(const Request &request, Done done);
    void cancelAll();
    bool inFlight() const { return bool(m_current); }
    // Nothing queued (not even waiting out the gap), nothing in flight, no 401 investigation:
    // what tests wait for before saying "nothing more was sent".
    bool isIdle() const { return m_queue.isEmpty() && !m_current && !m_parked && !m_investigating; }
    qint64 bridgeClockOffset() const { return m_credentials.bridgeClockOffset(); }

    // ---- typed endpoints (BridgeClientApi.cpp) ----
    void info(Priority p, std::function<void(const SourceError &, const BridgeInfo &)> done);
    void list(Priority p, std::function<void(const SourceError &, const QList<Device> &)> done);
    void lockState(quint32 nukiId, int deviceType,
                   std::function<void(const SourceError &, const DeviceState &)> done);
    void lockAction(quint32 nukiId, int deviceType, int action, bool nowait,
                    std::function<void(const SourceError &, const ActionResult &)> done,
                    std::function<void()> onSent = {}, std::function<void()> onRetry = {},
                    int retryDeadlineMs = -1);
    void callbackList(std::function<void(const SourceError &, const QList<CallbackEntry> &)> done);
    void callbackAdd(const QString &url,
                     std::function<void(const SourceError &, bool, QString)> done);
    void callbackRemove(int id, std::function<void(const SourceError &, bool, QString)> done);
    void requestToken(std::function<void(const SourceError &, const QString &token)> done);
    void readLog(int offset, int count,
                 std::function<void(const SourceError &, const QList<BridgeLogEntry> &)> done);
    // Hardware bridges only (§4.12): the bridge answers once it took the request.
    void reboot(std::function<void(const SourceError &)> done);
    void updateFirmware(std::function<void(const SourceError &)> done);

signals:
    // A connection could not be opened; the request is being retried. Says at once that the
    // bridge is not reachable now, instead of after the retry deadline.
    void connectionFailing(const nuki::SourceError &error);
    void requestFinished(const QString &path, const nuki::SourceError &error);
    void clockSkewDetected(qint64 seconds);
    void tokenModeChanged(nuki::TokenMode mode);
    void infoReceived(const nuki::BridgeInfo &info);

private:
    struct Job
    {
        Request request;
        QList<Done> callbacks;
        QDeadlineTimer deadline;
        QDeadlineTimer notBefore;
        quint64 seq = 0;
        int attempts = 0;
        bool authInvestigated = false;
    };
    using JobPtr = std::shared_ptr<Job>;

    void enqueue(const JobPtr &job);
    void pump();
    void dispatch(const JobPtr &job);
    void onFinished(const HttpResult &result);
    void retryLater(const JobPtr &job);
    void finish(const JobPtr &job, const SourceError &error, const QByteArray &body = {});
    QByteArray target(const Request &request) const;
    void learnClock(const BridgeInfo &info);

    // 401 investigation (BridgeClientAuth.cpp)
    void investigateAuth(const JobPtr &failed);
    void tryNextAuthCandidate();
    void endInvestigation(bool found);
    SourceError unauthorized() const;

    QString m_host;
    quint16 m_port = 8080;
    Credentials m_credentials;
    TokenMode m_configuredMode = TokenMode::Auto;
    TokenMode m_mode = TokenMode::Encrypted;
    Config m_config;
    QList<JobPtr> m_queue;
    JobPtr m_current;
    QPointer<HttpGet> m_http;
    QElapsedTimer m_sinceFinished;
    QTimer m_pumpTimer;
    quint64 m_seq = 0;

    struct AuthCandidate
    {
        TokenMode mode;
        qint64 offset;
    };
    QList<AuthCandidate> m_authPlan;
    JobPtr m_parked; // the request whose 401 is being investigated
    bool m_investigating = false;
    bool m_timedTokenWorked = false; // the bridge accepted a hashed or encrypted token
    QElapsedTimer m_sinceInvestigation;
};

} // namespace nuki
