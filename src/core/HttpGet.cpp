#include "HttpGet.h"

#include "Protocol.h"

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

bool HttpGet::parseHead()
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    bool ok = false;
    m_status = statusLine.value(1).toInt(&ok);
    if (!statusLine.value(0).startsWith("HTTP/1.") || !ok) {
        complete(HttpResult::BadHttp, QStringLiteral("not an HTTP answer"));
        return false;
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            m_contentLength = value.toLongLong();
        else if (name == "transfer-encoding" && value.toLower().contains("chunked"))
            m_chunked = true;
    }
    m_headerEnd = end + 4;
    m_headParsed = true;
    return true;
}

bool HttpGet::bodyComplete()
{
    const qint64 have = m_buffer.size() - m_headerEnd;
    if (m_chunked)
        return m_buffer.endsWith("\r\n0\r\n\r\n") ||
               m_buffer.mid(m_headerEnd).startsWith("0\r\n\r\n");
    return m_contentLength >= 0 && have >= m_contentLength;
}

void HttpGet::onReadyRead()
{
    m_buffer += m_socket.readAll();
    if (m_buffer.size() > MaxBodyBytes + 16 * 1024) {
        complete(HttpResult::TooLarge, QStringLiteral("answer too large"));
        return;
    }
    if (!m_headParsed && !parseHead())
        return;
    if (!m_done && bodyComplete())
        complete(HttpResult::Ok);
}

void HttpGet::onDisconnected()
{
    if (m_done)
        return;
    m_buffer += m_socket.readAll();
    if (!m_headParsed && !parseHead()) {
        if (!m_done)
            complete(m_sent ? HttpResult::Dropped : HttpResult::NotConnected,
                     QStringLiteral("connection closed without an answer"));
        return;
    }
    // Without Content-Length the body ends with the connection; with it, it must be complete.
    if (m_contentLength < 0 && !m_chunked)
        complete(HttpResult::Ok);
    else
        complete(bodyComplete() ? HttpResult::Ok : HttpResult::Dropped,
                 QStringLiteral("answer cut short"));
}

void HttpGet::onError(QAbstractSocket::SocketError error)
{
    if (error == QAbstractSocket::RemoteHostClosedError)
        return; // handled by onDisconnected, which knows whether the answer is complete
    complete(m_sent ? HttpResult::Dropped : HttpResult::NotConnected, m_socket.errorString());
}

void HttpGet::complete(HttpResult::Outcome outcome, const QString &detail)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    HttpResult r;
    r.outcome = outcome;
    r.errorText = detail;
    if (outcome == HttpResult::Ok) {
        r.status = m_status;
        QByteArray body = m_buffer.mid(m_headerEnd);
        if (m_chunked) {
            QByteArray plain;
            qsizetype pos = 0;
            while (pos < body.size()) {
                const qsizetype eol = body.indexOf("\r\n", pos);
                if (eol < 0)
                    break;
                const qint64 len = body.mid(pos, eol - pos).trimmed().toLongLong(nullptr, 16);
                if (len <= 0)
                    break;
                plain += body.mid(eol + 2, len);
                pos = eol + 2 + len + 2;
            }
            body = plain;
        } else if (m_contentLength >= 0) {
            body.truncate(m_contentLength);
        }
        r.body = body;
    }
    m_socket.abort();
    emit finished(r);
}

} // namespace nuki
