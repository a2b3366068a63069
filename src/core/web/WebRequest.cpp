#include "web/WebRequest.h"

#include "wire/HttpResponse.h"

#include <QSslConfiguration>

namespace nuki::web {

namespace {
// Retry-After in seconds (its date form is ignored: a proxy's, rare, and a clock apart).
int retryAfter(const QByteArray &bytes)
{
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    const QByteArray head = bytes.left(end < 0 ? 0 : end).toLower();
    const qsizetype at = head.indexOf("\r\nretry-after:");
    if (at < 0)
        return -1;
    const qsizetype lineEnd = head.indexOf("\r\n", at + 2);
    bool ok = false;
    const int s = head.mid(at + 14, lineEnd < 0 ? -1 : lineEnd - at - 14).trimmed().toInt(&ok);
    return ok && s >= 0 ? qMin(s, 24 * 3600) : -1;
}
} // namespace

Request::Request(const RequestSpec &spec, QObject *parent) : QObject(parent), m_spec(spec)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(spec.timeoutMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        complete(m_sent ? HttpResult::Timeout : HttpResult::NotConnected,
                 QStringLiteral("timed out"));
    });
    connect(&m_socket, &QSslSocket::encrypted, this, &Request::onReady);
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        if (m_spec.url.scheme() == u"http")
            onReady(); // plain, to a loopback address only (WebConfig::checkUrl)
    });
    connect(&m_socket, &QTcpSocket::readyRead, this, &Request::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, &Request::onDisconnected);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, &Request::onError);
    connect(&m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Never ignored: the socket aborts the handshake, and nothing has been written.
        m_tlsRefused = true;
        m_tlsError = errors.value(0).errorString();
    });
}

void Request::start()
{
    m_timer.start();
    const QString host = m_spec.url.host();
    if (m_spec.url.scheme() == u"http") {
        m_socket.connectToHost(host, quint16(m_spec.url.port(80)));
        return;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    if (!m_spec.extraCas.isEmpty())
        config.addCaCertificates(m_spec.extraCas);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    m_socket.setSslConfiguration(config);
    m_socket.connectToHostEncrypted(host, quint16(m_spec.url.port(443)));
}

void Request::abort()
{
    m_done = true;
    m_timer.stop();
    m_socket.abort();
}

void Request::onReady()
{
    if (m_sent || m_done)
        return;
    const QUrl &u = m_spec.url;
    QByteArray hostHeader = u.host(QUrl::FullyEncoded).toUtf8();
    if (hostHeader.contains(':'))
        hostHeader = '[' + hostHeader + ']';
    if (u.port() > 0)
        hostHeader += ':' + QByteArray::number(u.port());
    QByteArray target = u.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty())
        target = "/";
    if (u.hasQuery())
        target += '?' + u.query(QUrl::FullyEncoded).toUtf8();
    QByteArray request = m_spec.method + ' ' + target + " HTTP/1.1\r\nHost: " + hostHeader +
                         "\r\nAuthorization: Bearer " + m_spec.token +
                         "\r\nAccept: application/json\r\nUser-Agent: nuki-desktop/" NUKI_VERSION
                         "\r\nConnection: close\r\n";
    if (m_spec.method != "GET")
        request += "Content-Type: application/json\r\nContent-Length: " +
                   QByteArray::number(m_spec.body.size()) + "\r\n";
    request += "\r\n" + m_spec.body;
    m_socket.write(request);
    m_sent = true;
}

void Request::evaluate(bool closed)
{
    if (m_done)
        return;
    const HttpResponse r = HttpResponse::parse(m_buffer, closed, m_spec.maxBody);
    switch (r.state) {
    case HttpResponse::NeedMore:
        if (closed)
            complete(m_sent ? HttpResult::Dropped : HttpResult::NotConnected,
                     QStringLiteral("connection closed without an answer"));
        return;
    case HttpResponse::Complete:
        if (r.status >= 100 && r.status < 200) {
            // An interim answer (100 Continue, 103 Early Hints): the final one follows.
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end >= 0) {
                m_buffer.remove(0, end + 4);
                evaluate(closed);
                return;
            }
        }
        complete(HttpResult::Ok, {}, r.status, r.body);
        return;
    case HttpResponse::CutShort:
        complete(HttpResult::Dropped, QStringLiteral("answer cut short"));
        return;
    case HttpResponse::TooLarge:
        complete(HttpResult::TooLarge,
                 r.headTooLarge ? QStringLiteral("answer head too large")
                                : QStringLiteral("answer over %1 bytes").arg(m_spec.maxBody));
        return;
    case HttpResponse::Bad:
        complete(HttpResult::BadHttp, r.error);
        return;
    }
}

void Request::onReadyRead()
{
    m_buffer += m_socket.readAll();
    if (m_buffer.size() > m_spec.maxBody + HttpResponse::MaxHeadBytes + 1024) {
        complete(HttpResult::TooLarge, QStringLiteral("answer over %1 bytes").arg(m_spec.maxBody));
        return;
    }
    evaluate(false);
}

void Request::onDisconnected()
{
    if (m_done)
        return;
    m_buffer += m_socket.readAll();
    evaluate(true);
}

void Request::onError(QAbstractSocket::SocketError error)
{
    if (error == QAbstractSocket::RemoteHostClosedError && m_sent)
        return; // onDisconnected knows whether the answer is complete
    const QString text = m_tlsRefused ? m_tlsError : m_socket.errorString();
    complete(m_sent ? HttpResult::Dropped : HttpResult::NotConnected, text);
}

void Request::complete(HttpResult::Outcome outcome, const QString &detail, int status,
                       const QByteArray &body)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    Result r;
    r.outcome = outcome;
    r.errorText = detail;
    r.status = status;
    r.body = body;
    r.tlsRefused = m_tlsRefused && !m_sent;
    r.retryAfterSeconds = outcome == HttpResult::Ok ? retryAfter(m_buffer) : -1;
    if (outcome == HttpResult::TooLarge)
        r.sizeLimit = m_spec.maxBody;
    m_socket.abort();
    emit finished(r);
}

} // namespace nuki::web
