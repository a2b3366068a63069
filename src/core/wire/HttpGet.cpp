#include "wire/HttpGet.h"

#include "wire/BridgeJson.h"
#include "wire/HttpResponse.h"

namespace nuki {

HttpGet::HttpGet(const QString &host, quint16 port, const QByteArray &target, int timeoutMs,
                 QObject *parent)
    : QObject(parent), m_host(host), m_port(port), m_target(target)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(timeoutMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        complete(m_sent ? HttpResult::Timeout : HttpResult::NotConnected,
                 QStringLiteral("timed out"));
    });
    connect(&m_socket, &QTcpSocket::connected, this, &HttpGet::onConnected);
    connect(&m_socket, &QTcpSocket::readyRead, this, &HttpGet::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, &HttpGet::onDisconnected);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, &HttpGet::onError);
}

void HttpGet::start()
{
    m_timer.start();
    m_socket.connectToHost(m_host, m_port);
}

void HttpGet::abort()
{
    m_done = true;
    m_timer.stop();
    m_socket.abort();
}

void HttpGet::onConnected()
{
    const QString host = m_host.contains(u':') ? u'[' + m_host + u']' : m_host;
    QByteArray request = "GET " + m_target + " HTTP/1.1\r\nHost: " + host.toUtf8() + ':' +
                         QByteArray::number(m_port) +
                         "\r\nAccept: application/json\r\nConnection: close\r\n\r\n";
    m_socket.write(request);
    m_sent = true;
}

void HttpGet::evaluate(bool closed)
{
    if (m_done)
        return;
    const HttpResponse r = HttpResponse::parse(m_buffer, closed, MaxBodyBytes);
    switch (r.state) {
    case HttpResponse::NeedMore:
        if (closed) // with a complete head NeedMore cannot happen once closed
            complete(m_sent ? HttpResult::Dropped : HttpResult::NotConnected,
                     QStringLiteral("connection closed without an answer"));
        return;
    case HttpResponse::Complete:
        complete(HttpResult::Ok, {}, r.status, r.body);
        return;
    case HttpResponse::CutShort:
        complete(HttpResult::Dropped, QStringLiteral("answer cut short"));
        return;
    case HttpResponse::TooLarge:
        tooLarge(r.headTooLarge);
        return;
    case HttpResponse::Bad:
        complete(HttpResult::BadHttp, r.error);
        return;
    }
}

void HttpGet::onReadyRead()
{
    m_buffer += m_socket.readAll();
    if (m_buffer.size() > MaxBodyBytes + 32 * 1024) {
        // Past any head (capped at 16 KB) plus the largest body: the body is what grew.
        tooLarge(false);
        return;
    }
    evaluate(false);
}

void HttpGet::onDisconnected()
{
    if (m_done)
        return;
    m_buffer += m_socket.readAll();
    evaluate(true);
}

void HttpGet::onError(QAbstractSocket::SocketError error)
{
    if (error == QAbstractSocket::RemoteHostClosedError)
        return; // handled by onDisconnected, which knows whether the answer is complete
    complete(m_sent ? HttpResult::Dropped : HttpResult::NotConnected, m_socket.errorString());
}

void HttpGet::tooLarge(bool head)
{
    m_headTooLarge = head;
    m_sizeLimit = head ? HttpResponse::MaxHeadBytes : MaxBodyBytes;
    complete(
        HttpResult::TooLarge,
        QStringLiteral("answer %1 over %2 bytes").arg(head ? u"head" : u"body").arg(m_sizeLimit));
}

void HttpGet::complete(HttpResult::Outcome outcome, const QString &detail, int status,
                       const QByteArray &body)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    HttpResult r;
    r.outcome = outcome;
    r.errorText = detail;
    r.status = status;
    r.body = body;
    r.headTooLarge = m_headTooLarge;
    r.sizeLimit = m_sizeLimit;
    m_socket.abort();
    emit finished(r);
}

} // namespace nuki
