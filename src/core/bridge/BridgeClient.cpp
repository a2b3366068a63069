#include "bridge/BridgeClient.h"

#include "wire/HttpGet.h"

#include <QRandomGenerator>
#include <QUrl>

namespace nuki {

BridgeClient::BridgeClient(QObject *parent) : QObject(parent)
{
    m_pumpTimer.setSingleShot(true);
    connect(&m_pumpTimer, &QTimer::timeout, this, &BridgeClient::pump);
}

BridgeClient::~BridgeClient()
{
    if (m_http)
        m_http->abort();
}

void BridgeClient::setEndpoint(const QString &host, quint16 port)
{
    m_host = host;
    m_port = port;
}

void BridgeClient::setToken(const QString &token)
{
    m_credentials.setToken(token);
    m_timedTokenWorked = false;        // a new token is negotiated afresh
    m_sinceInvestigation.invalidate(); // a new token deserves a fresh look
}

void BridgeClient::setTokenMode(TokenMode mode)
{
    m_configuredMode = mode;
    m_mode = mode == TokenMode::Auto ? TokenMode::Encrypted : mode;
}

void BridgeClient::send(const Request &request, Done done)
{
    if (!request.coalesceKey.isEmpty()) {
        for (const JobPtr &queued : std::as_const(m_queue)) {
            if (queued->request.coalesceKey == request.coalesceKey) {
                queued->callbacks << std::move(done);
                return;
            }
        }
    }
    auto job = std::make_shared<Job>();
    job->request = request;
    job->callbacks << std::move(done);
    job->seq = ++m_seq;
    job->deadline =
        QDeadlineTimer(request.retryDeadlineMs >= 0           ? request.retryDeadlineMs
                       : request.priority == Priority::Action ? m_config.actionRetryDeadlineMs
                                                              : m_config.retryDeadlineMs);
    job->authInvestigated = request.credentialOverride.has_value();
    if (request.authenticated && !m_credentials.hasToken()) {
        // Nothing goes out before the token is known: a request with an empty token is a
        // 401 in the bridge's log and tells us nothing.
        QTimer::singleShot(0, this, [this, job] { finish(job, {SourceError::NoToken}); });
        return;
    }
    enqueue(job);
    pump();
}

void BridgeClient::enqueue(const JobPtr &job)
{
    // Sorted by priority, then by arrival: an action overtakes polls, never another action.
    auto it = std::find_if(m_queue.begin(), m_queue.end(), [&](const JobPtr &other) {
        return std::tie(other->request.priority, other->seq) >
               std::tie(job->request.priority, job->seq);
    });
    m_queue.insert(it, job);
}

void BridgeClient::cancelAll()
{
    const QList<JobPtr> jobs = m_queue;
    m_queue.clear();
    SourceError cancelled{SourceError::Cancelled};
    for (const JobPtr &job : jobs)
        finish(job, cancelled);
    if (m_parked) {
        finish(m_parked, cancelled);
        m_parked.reset();
    }
    m_investigating = false;
}

void BridgeClient::pump()
{
    if (m_current || m_queue.isEmpty())
        return;
    if (m_sinceFinished.isValid() && m_sinceFinished.elapsed() < m_config.minGapMs) {
        m_pumpTimer.start(int(m_config.minGapMs - m_sinceFinished.elapsed()));
        return;
    }
    qint64 wait = -1;
    for (qsizetype i = 0; i < m_queue.size(); ++i) {
        const JobPtr job = m_queue[i];
        // While a 401 is investigated, only the investigation's own requests go out.
        if (m_investigating && job->request.priority != Priority::Internal)
            continue;
        if (job->notBefore.hasExpired()) {
            m_queue.removeAt(i);
            dispatch(job);
            return;
        }
        const qint64 left = job->notBefore.remainingTime();
        wait = wait < 0 ? left : qMin(wait, left);
    }
    if (wait >= 0)
        m_pumpTimer.start(int(qMax<qint64>(1, wait)));
}

QByteArray BridgeClient::target(const Request &request) const
{
    QUrlQuery query;
    for (const auto &p : request.params)
        query.addQueryItem(p.first, QString::fromUtf8(QUrl::toPercentEncoding(p.second)));
    if (request.authenticated) {
        const auto [mode, offset] =
            request.credentialOverride.value_or(std::make_pair(m_mode, qint64(0)));
        for (const auto &item : m_credentials.query(mode, offset).queryItems())
            query.addQueryItem(item.first, QString::fromUtf8(QUrl::toPercentEncoding(item.second)));
    }
    const QString q = query.toString(QUrl::FullyEncoded);
    return request.path.toUtf8() + (q.isEmpty() ? QByteArray() : '?' + q.toUtf8());
}

void BridgeClient::dispatch(const JobPtr &job)
{
    m_current = job;
    ++job->attempts;
    m_http = new HttpGet(m_host, m_port, target(job->request), job->request.timeoutMs, this);
    connect(m_http, &HttpGet::finished, this, &BridgeClient::onFinished);
    if (job->request.onSent)
        job->request.onSent();
    m_http->start();
}

void BridgeClient::retryLater(const JobPtr &job)
{
    const int base =
        qMin(m_config.backoffMaxMs, m_config.backoffStartMs << qMin(job->attempts - 1, 6));
    const int jitter = int(QRandomGenerator::global()->bounded(m_config.backoffStartMs / 2 + 1));
    job->notBefore = QDeadlineTimer(base + jitter);
    enqueue(job);
    if (job->request.onRetry)
        job->request.onRetry();
}

void BridgeClient::onFinished(const HttpResult &result)
{
    if (m_http)
        m_http->deleteLater();
    const JobPtr job = std::move(m_current);
    m_current.reset();
    m_sinceFinished.start();
    if (!job)
        return;

    SourceError error;
    switch (result.outcome) {
    case HttpResult::NotConnected:
        // Never opened: the request cannot have reached the bridge, so a retry is safe.
        if (!job->deadline.hasExpired()) {
            emit connectionFailing({SourceError::Unreachable, 0, result.errorText});
            retryLater(job);
            break;
        }
        error = {SourceError::Unreachable, 0, result.errorText};
        finish(job, error);
        break;
    case HttpResult::Timeout:
        finish(job, {SourceError::Timeout, 0, result.errorText, true});
        break;
    case HttpResult::Dropped:
        finish(job, {SourceError::ConnectionLost, 0, result.errorText, true});
        break;
    case HttpResult::TooLarge: {
        SourceError tooLarge{SourceError::BadResponse, 0, result.errorText, true};
        tooLarge.sizeLimit = result.sizeLimit;
        tooLarge.headTooLarge = result.headTooLarge;
        finish(job, tooLarge);
        break;
    }
    case HttpResult::BadHttp:
        finish(job, {SourceError::BadResponse, 0, result.errorText, true});
        break;
    case HttpResult::Ok:
        switch (result.status) {
        case 200: {
            const TokenMode used =
                job->request.credentialOverride ? job->request.credentialOverride->first : m_mode;
            if (job->request.authenticated &&
                (used == TokenMode::Encrypted || used == TokenMode::Hashed))
                m_timedTokenWorked = true;
            finish(job, error, result.body);
            break;
        }
        case 503:
            // The bridge refused the request: nothing happened, a retry is safe.
            if (!job->deadline.hasExpired()) {
                retryLater(job);
                break;
            }
            finish(job, {SourceError::Busy, 503});
            break;
        case 401:
            if (!job->authInvestigated && job->request.authenticated) {
                investigateAuth(job);
                break;
            }
            finish(job, unauthorized());
            break;
        case 403:
            finish(job, {SourceError::AuthDisabled, 403});
            break;
        case 404:
            finish(job, {SourceError::UnknownDevice, 404});
            break;
        case 410:
            finish(job, {SourceError::DeviceOffline, 410});
            break;
        case 400:
            finish(job, {SourceError::BadRequest, 400});
            break;
        default:
            finish(job, {SourceError::BadResponse, result.status,
                         QStringLiteral("HTTP %1").arg(result.status), result.status >= 500});
        }
        break;
    }
    pump();
}

void BridgeClient::finish(const JobPtr &job, const SourceError &error, const QByteArray &body)
{
    emit requestFinished(job->request.path, error);
    for (const Done &done : std::as_const(job->callbacks))
        if (done)
            done(error, body);
}

void BridgeClient::learnClock(const BridgeInfo &info)
{
    if (!info.currentTime.isValid())
        return;
    const qint64 offset = QDateTime::currentDateTimeUtc().secsTo(info.currentTime);
    const qint64 before = m_credentials.bridgeClockOffset();
    // Small differences are the request's own travel time; only follow real drift.
    if (qAbs(offset - before) < 3)
        return;
    m_credentials.setBridgeClockOffset(qAbs(offset) < 3 ? 0 : offset);
    // Reported when it matters, and when it stopped mattering (a clock that was set right).
    if (qAbs(offset) >= 30 || qAbs(before) >= 30)
        emit clockSkewDetected(qAbs(offset) < 3 ? 0 : offset);
}

} // namespace nuki
