#include "web/WebSource.h"

#include "home/ActionRunner.h"
#include "home/Home.h"
#include "protocol/Actions.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace nuki {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("nuki::WebSource", text);
}

} // namespace

QString WebConfig::checkUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasQuery() ||
        url.hasFragment())
        return tr("“%1” is not an address of Nuki Web's API (like https://api.nuki.io).").arg(text);
    if (url.scheme() == u"https")
        return {};
    if (url.scheme() == u"http" && QHostAddress(url.host()).isLoopback())
        return {}; // a test's or a local proxy's: nothing leaves the machine unencrypted
    return tr("Nuki Web is reached over https only (plain http only to this computer itself).");
}

WebSource::WebSource(const WebConfig &config, const QString &token, QObject *parent)
    : Source(parent), m_config(config), m_token(token.toUtf8())
{
    m_configProblem = WebConfig::checkUrl(config.apiUrl);
    m_base = QUrl(config.apiUrl);
    if (m_base.path().endsWith(u'/'))
        m_base.setPath(m_base.path().chopped(1));
    if (m_configProblem.isEmpty() && !config.caFile.isEmpty()) {
        m_cas = QSslCertificate::fromPath(config.caFile, QSsl::Pem);
        if (m_cas.isEmpty())
            m_configProblem = tr("The CA file “%1” holds no certificate.").arg(config.caFile);
    }
    // A token is one line of printable ASCII: anything else would break the request's head.
    for (char c : std::as_const(m_token))
        if (c <= ' ' || c > '~')
            m_configProblem = tr("The API token has characters a token cannot have.");
    m_link.pollIntervalMs = ShownMs;
    m_listTimer.setSingleShot(true);
    m_logTimer.setSingleShot(true);
    connect(&m_listTimer, &QTimer::timeout, this, [this] { readList([](const SourceError &) {}); });
    connect(&m_logTimer, &QTimer::timeout, this, &WebSource::readLogNow);
}

WebSource::~WebSource()
{
    stop();
}

QString WebSource::name() const
{
    return m_config.name.isEmpty() ? tr("Nuki Web") : m_config.name;
}

QString WebSource::address() const
{
    return m_base.host();
}

void WebSource::start(bool poll)
{
    m_started = true;
    m_stopped = false;
    m_polling = poll;
    if (!m_configProblem.isEmpty()) {
        setStatus(LinkStatus::Rejected,
                  SourceError::said(SourceError::BadRequest, m_configProblem));
        return;
    }
    if (poll) {
        readList([](const SourceError &) {});
        readLogNow();
    }
}

void WebSource::stop()
{
    m_stopped = true;
    m_queue.clear();
    m_listTimer.stop();
    m_logTimer.stop();
    for (Confirming &c : m_confirming)
        delete c.timer;
    m_confirming.clear();
    if (m_current)
        m_current->abort();
    delete m_current;
}

// --- the queue: one request at a time ---

void WebSource::enqueue(Job job, bool first)
{
    if (m_stopped)
        return;
    if (!m_configProblem.isEmpty()) {
        web::Result r;
        r.outcome = HttpResult::NotConnected;
        r.errorText = m_configProblem;
        job.done(r);
        return;
    }
    if (first)
        m_queue.push_front(std::move(job));
    else
        m_queue.push_back(std::move(job));
    next();
}

void WebSource::next()
{
    if (m_current || m_queue.empty() || m_stopped)
        return;
    Job job = std::move(m_queue.front());
    m_queue.pop_front();
    web::RequestSpec spec;
    spec.method = job.method;
    QUrl url = m_base;
    const qsizetype q = job.path.indexOf(u'?');
    url.setPath(m_base.path() + job.path.left(q));
    if (q >= 0)
        url.setQuery(job.path.mid(q + 1));
    spec.url = url;
    spec.token = m_token;
    spec.body = job.body;
    spec.timeoutMs = RequestTimeoutMs;
    spec.maxBody = web::MaxBodyBytes;
    spec.extraCas = m_cas;
    auto *request = new web::Request(spec, this);
    m_current = request;
    ++m_requestsSent;
    connect(request, &web::Request::finished, this,
            [this, request, done = std::move(job.done)](const web::Result &r) {
                request->deleteLater();
                m_current = nullptr;
                if (m_stopped)
                    return; // late answers are not reported
                done(r);
                next();
            });
    request->start();
}

void WebSource::setStatus(LinkStatus status, const SourceError &error)
{
    const bool changed = m_link.status != status || m_link.lastError.kind != error.kind ||
                         m_link.lastError.words != error.words;
    if (status == LinkStatus::Offline && m_link.status != LinkStatus::Offline)
        m_link.offlineSince = QDateTime::currentDateTimeUtc();
    if (status != LinkStatus::Offline)
        m_link.offlineSince = {};
    m_link.status = status;
    m_link.lastError = error;
    if (changed)
        emit linkChanged();
}

void WebSource::noteSuccess()
{
    m_backoffMs = 0;
    setStatus(LinkStatus::Online);
}

void WebSource::noteFailure(const web::Result &r, const SourceError &error)
{
    if (error.kind == SourceError::Unauthorized) {
        setStatus(LinkStatus::Rejected, error);
        return;
    }
    // 5xx and 429: the service is there but struggling; wait longer each time (or as long
    // as it says). No answer at all: offline, tried again at the normal pace.
    if (r.outcome == HttpResult::Ok) {
        m_backoffMs = r.retryAfterSeconds >= 0
                          ? qMax(FloorMs, r.retryAfterSeconds * 1000)
                          : qMin(MaxBackoffMs, m_backoffMs ? m_backoffMs * 2 : ShownMs);
        setStatus(LinkStatus::Busy, error);
        return;
    }
    setStatus(LinkStatus::Offline, error);
}

// --- reading ---

int WebSource::listIntervalMs() const
{
    if (m_backoffMs > 0)
        return m_backoffMs;
    if (m_actingFor == 0)
        return 0; // every device is reached locally: the list waits until it is needed
    return m_shown ? ShownMs : HiddenMs;
}

void WebSource::schedule()
{
    if (!m_polling || m_stopped)
        return;
    const int ms = listIntervalMs();
    m_link.pollIntervalMs = ms;
    if (ms > 0)
        m_listTimer.start(scaled(qMax(FloorMs, ms)));
    else
        m_listTimer.stop();
}

void WebSource::setActingFor(int devices)
{
    const bool wasNeeded = m_actingFor > 0;
    m_actingFor = devices;
    if (!m_polling || m_stopped || wasNeeded == (devices > 0))
        return;
    if (devices > 0 && m_listOk &&
        (!m_sinceList.isValid() || m_sinceList.elapsed() >= scaled(FloorMs))) {
        readList([](const SourceError &) {}); // the cloud takes over: its state now
        return;
    }
    schedule();
}

void WebSource::setWatched(bool windowShown)
{
    if (m_shown == windowShown)
        return;
    m_shown = windowShown;
    // Shown again after a long hide: read now rather than at the end of the hidden pause.
    if (windowShown && m_actingFor > 0 && m_polling && m_sinceList.isValid() &&
        m_sinceList.elapsed() >= scaled(ShownMs) && !m_current) {
        readList([](const SourceError &) {});
        return;
    }
    schedule();
}

Device WebSource::deviceOf(const web::Lock &l) const
{
    Device d;
    d.nukiId = l.nukiId;
    d.deviceType = l.deviceType;
    d.name = l.name;
    d.state = l.state;
    // serverState 4: Nuki Web cannot reach the lock; its state is the last it had. A missing
    // serverState is taken as fine (the reference marks the field required).
    d.reachable = l.serverState <= 0;
    if (!d.reachable)
        d.state.known = false;
    return d;
}

QList<Device> WebSource::devices() const
{
    QList<Device> list;
    for (const web::Lock &l : m_locks)
        list << deviceOf(l);
    return list;
}

const web::Lock *WebSource::lock(quint32 nukiId, int deviceType) const
{
    for (const web::Lock &l : m_locks)
        if (l.nukiId == nukiId && l.deviceType == deviceType)
            return &l;
    return nullptr;
}

void WebSource::readAll(std::function<void(const SourceError &)> done)
{
    readList(std::move(done));
}

void WebSource::readList(std::function<void(const SourceError &)> done)
{
    m_listTimer.stop();
    enqueue({"GET",
             QStringLiteral("/smartlock"),
             {},
             [this, done](const web::Result &r) {
                 m_sinceList.start();
                 SourceError error = errorOf(r, false);
                 if (error.ok()) {
                     web::Parsed info;
                     if (auto locks = web::parseLocks(r.body, &info)) {
                         m_locks = *locks;
                         m_listOk = true;
                         noteSuccess();
                         emit listed(devices(), Delivery::Read);
                     } else {
                         error = SourceError::said(SourceError::BadResponse, info.error);
                         setStatus(LinkStatus::Busy, error);
                     }
                 } else {
                     noteFailure(r, error);
                 }
                 schedule();
                 done(error);
             }},
            false);
}

void WebSource::readDevice(quint32 nukiId, int deviceType,
                           std::function<void(const SourceError &, const DeviceState &)> done)
{
    const web::Lock *l = lock(nukiId, deviceType);
    if (!l) {
        done(SourceError::said(SourceError::UnknownDevice,
                               tr("Nuki Web does not list this device.")),
             {});
        return;
    }
    const qint64 id = l->smartlockId;
    enqueue({"GET",
             QStringLiteral("/smartlock/%1").arg(id),
             {},
             [this, id, done](const web::Result &r) {
                 SourceError error = errorOf(r, false);
                 if (!error.ok()) {
                     noteFailure(r, error);
                     done(error, {});
                     return;
                 }
                 web::Parsed info;
                 const auto fresh = web::parseLock(r.body, &info);
                 if (!fresh || fresh->smartlockId != id) {
                     done(SourceError::said(SourceError::BadResponse,
                                            info.error.isEmpty()
                                                ? tr("Nuki Web answered for another device.")
                                                : info.error),
                          {});
                     return;
                 }
                 noteSuccess();
                 for (web::Lock &l : m_locks)
                     if (l.smartlockId == id)
                         l = *fresh;
                 const Device d = deviceOf(*fresh);
                 emit stateReported(d.nukiId, d.deviceType, d.state, Delivery::Read);
                 done({}, d.state);
             }},
            true);
}

void WebSource::readLog(int limit, const QString &olderThan,
                        std::function<void(const SourceError &, const QList<web::LogEntry> &)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QString::number(qBound(1, limit, 50)));
    if (!olderThan.isEmpty())
        q.addQueryItem(QStringLiteral("id"), olderThan);
    enqueue({"GET",
             QStringLiteral("/smartlock/log?") + q.toString(QUrl::FullyEncoded),
             {},
             [this, done](const web::Result &r) {
                 SourceError error = errorOf(r, false);
                 if (error.kind == SourceError::Unauthorized && m_listOk) {
                     // The list works: this token lacks smartlock.log, not everything.
                     m_logRefused = true;
                     error.words = tr("The API token does not allow reading the log (scope "
                                      "smartlock.log): the history has no names from Nuki Web.");
                     emit detailsChanged();
                     done(error, {});
                     return;
                 }
                 if (!error.ok()) {
                     if (error.kind != SourceError::Unauthorized)
                         noteFailure(r, error);
                     done(error, {});
                     return;
                 }
                 web::Parsed info;
                 const auto entries = web::parseLog(r.body, &info);
                 if (!entries) {
                     done(SourceError::said(SourceError::BadResponse, info.error), {});
                     return;
                 }
                 done({}, *entries);
             }},
            false);
}

void WebSource::readLogNow()
{
    if (m_stopped || m_logRefused)
        return;
    readLog(50, {}, [this](const SourceError &, const QList<web::LogEntry> &entries) {
        QList<web::LogEntry> fresh;
        for (const web::LogEntry &e : entries)
            if (!m_logSeen.contains(e.id))
                fresh << e;
        for (const web::LogEntry &e : fresh)
            m_logSeen.insert(e.id);
        if (m_logSeen.size() > 10000)
            m_logSeen.clear(); // bounded; the history's uids keep a second reading harmless
        if (!fresh.isEmpty())
            emit logRead(fresh);
        if (m_polling && !m_stopped && !m_logRefused)
            m_logTimer.start(scaled(qMax(LogMs, m_backoffMs)));
    });
}

WebSource *addWeb(Home &home, const WebConfig &config, const QString &token)
{
    if (home.source(config.id))
        return nullptr;
    auto *source = new WebSource(config, token);
    home.addSource(source);
    source->start(true);
    return source;
}

WebSource *webSource(const Home &home, const QString &id)
{
    return qobject_cast<WebSource *>(home.source(id));
}

} // namespace nuki
