#include "SimGuard.h"

#include <QTcpSocket>
#include <QTimer>

namespace nukisim {

SimGuardedServer::SimGuardedServer(QObject *httpServer, const SimLimits &limits, QObject *parent)
    : QTcpServer(parent), m_http(httpServer), m_limits(limits)
{
    setMaxPendingConnections(limits.maxConnections);
}

void SimGuardedServer::abortAll()
{
    const QList<QTcpSocket *> open = m_order;
    for (QTcpSocket *socket : open) {
        forget(socket);
        socket->abort();
    }
}

void SimGuardedServer::forget(QTcpSocket *socket)
{
    if (m_open.remove(socket))
        m_order.removeOne(socket);
}

bool SimGuardedServer::makeRoom()
{
    if (m_order.size() < m_limits.maxConnections)
        return true;
    // A flood of idle connections must not lock out the next real request: the oldest one
    // that has not even sent its head makes room. Requests in progress are never evicted.
    for (QTcpSocket *socket : std::as_const(m_order)) {
        if (!m_open.value(socket).complete) {
            ++m_counters.evicted;
            forget(socket);
            QObject::disconnect(socket, &QTcpSocket::readyRead, m_http, nullptr);
            socket->abort();
            return true;
        }
    }
    return false;
}

void SimGuardedServer::incomingConnection(qintptr handle)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        socket->deleteLater();
        return;
    }
    if (!makeRoom()) {
        ++m_counters.overCapacity;
        socket->abort();
        socket->deleteLater();
        return;
    }
    socket->setReadBufferSize(m_limits.maxHead + 1);
    m_open.insert(socket, {});
    m_order << socket;
    // Connected before QHttpServer connects its own slot (when it takes the socket from
    // nextPendingConnection()), so this one sees every byte first.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { forget(socket); });
    connect(socket, &QObject::destroyed, this, [this, socket] { forget(socket); });
    QTimer::singleShot(m_limits.headDeadlineMs, socket, [this, socket] {
        const auto it = m_open.constFind(socket);
        if (it == m_open.cend() || it->complete)
            return;
        ++m_counters.timedOut;
        forget(socket);
        QObject::disconnect(socket, &QTcpSocket::readyRead, m_http, nullptr);
        socket->abort();
    });
    addPendingConnection(socket);
}

namespace {
// The header fields that announce a body. Names are matched without regard to case.
bool announcesBody(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "transfer-encoding" || (name == "content-length" && value != "0"))
            return true;
    }
    return false;
}
} // namespace

void SimGuardedServer::onReadyRead(QTcpSocket *socket)
{
    auto it = m_open.find(socket);
    if (it == m_open.end() || socket->bytesAvailable() <= 0)
        return;
    if (it->complete) // a body without a length, or a second request: neither is taken
        return refuse(socket, 413);
    // peek() leaves the bytes for QHttpServer; at most one byte over the cap is kept.
    it->head += socket->peek(
        qMin<qint64>(socket->bytesAvailable(), m_limits.maxHead + 1 - it->head.size()));
    const qsizetype end = it->head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (it->head.size() > m_limits.maxHead)
            refuse(socket, 431);
        return;
    }
    if (end + 4 > m_limits.maxHead)
        return refuse(socket, 431);
    if (end + 4 < it->head.size() || announcesBody(it->head.left(end)))
        return refuse(socket, 413);
    it->complete = true;
    it->head = {}; // QHttpServer's slot, called next, reads and parses it
}

void SimGuardedServer::refuse(QTcpSocket *socket, int status)
{
    ++(status == 431 ? m_counters.headTooLarge : m_counters.bodyRefused);
    forget(socket);
    // QHttpServer must not read what is refused: its slot comes after this one.
    QObject::disconnect(socket, &QTcpSocket::readyRead, m_http, nullptr);
    const QByteArray body =
        status == 431
            ? "Request head too large: at most " + QByteArray::number(m_limits.maxHead) +
                  " bytes.\n"
            : QByteArrayLiteral("A request body is not accepted: the bridge takes GET with a "
                                "query.\n");
    socket->write("HTTP/1.1 " + QByteArray::number(status) +
                  (status == 431 ? " Request Header Fields Too Large" : " Content Too Large") +
                  "\r\nContent-Type: text/plain\r\nContent-Length: " +
                  QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    socket->disconnectFromHost();
}

} // namespace nukisim
