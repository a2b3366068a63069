#include "bridge/CallbackReceiver.h"

#include "wire/BridgeJson.h"
#include "wire/CallbackRequest.h"

#include <QNetworkInterface>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>

namespace nuki {

CallbackReceiver::CallbackReceiver(const QString &secretPath, QObject *parent)
    : QObject(parent), m_path(secretPath)
{
    // A few waiting connections at most; the rest wait in the kernel's backlog.
    m_server.setMaxPendingConnections(MaxConnections);
    connect(&m_server, &QTcpServer::newConnection, this, &CallbackReceiver::onNewConnection);
}

bool CallbackReceiver::start(const QHostAddress &address, quint16 port)
{
    if (!m_server.listen(address, port))
        return false;
    m_port = m_server.serverPort();
    m_address = address;
    return true;
}

QString CallbackReceiver::url() const
{
    return QStringLiteral("http://%1:%2%3").arg(m_address.toString()).arg(m_port).arg(m_path);
}

QHostAddress CallbackReceiver::localAddressFor(const QHostAddress &bridge)
{
    if (bridge.isLoopback())
        return QHostAddress(QHostAddress::LocalHost);
    for (const QNetworkInterface &i : QNetworkInterface::allInterfaces()) {
        if (!(i.flags() & QNetworkInterface::IsUp))
            continue;
        for (const QNetworkAddressEntry &e : i.addressEntries())
            if (e.ip().protocol() == bridge.protocol() &&
                bridge.isInSubnet(e.ip(), e.prefixLength()))
                return e.ip();
    }
    return {};
}

int CallbackReceiver::rejected() const
{
    const Counters &c = m_counters;
    return c.wrongPath + c.wrongMethod + c.wrongSource + c.tooLarge + c.malformed + c.timedOut +
           c.overCapacity;
}

void CallbackReceiver::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        QHostAddress from = socket->peerAddress();
        bool isV4 = false;
        const quint32 v4 = from.toIPv4Address(&isV4);
        if (isV4)
            from = QHostAddress(v4); // ::ffff:a.b.c.d → a.b.c.d
        // Strangers get nothing, not even a status: closed before a byte is read.
        if (!m_allowed.contains(from)) {
            ++m_counters.wrongSource;
            socket->abort();
            socket->deleteLater();
            continue;
        }
        if (m_open.size() >= MaxConnections) {
            ++m_counters.overCapacity;
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_open.insert(socket, {});
        socket->setReadBufferSize(MaxHead + MaxBody + 1);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { drop(socket); });
        // A request must arrive whole within the deadline: a slow or idle one is closed.
        QTimer::singleShot(DeadlineMs, socket, [this, socket] {
            if (m_open.contains(socket)) {
                ++m_counters.timedOut;
                drop(socket);
            }
        });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void CallbackReceiver::drop(QTcpSocket *socket)
{
    if (!m_open.remove(socket))
        return;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void CallbackReceiver::reply(QTcpSocket *socket, int status, int Counters::*counter)
{
    if (counter)
        ++(m_counters.*counter);
    static const QHash<int, QByteArray> reasons = {{200, "OK"},
                                                   {400, "Bad Request"},
                                                   {404, "Not Found"},
                                                   {405, "Method Not Allowed"},
                                                   {411, "Length Required"},
                                                   {413, "Content Too Large"},
                                                   {431, "Request Header Fields Too Large"}};
    const QByteArray body = status == 200 ? QByteArray("{}") : QByteArray();
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasons.value(status) +
                  "\r\nContent-Type: application/json\r\nContent-Length: " +
                  QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    m_open.remove(socket); // nothing more is read from it
    socket->disconnect(this);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
}

void CallbackReceiver::onReadyRead(QTcpSocket *socket)
{
    auto it = m_open.find(socket);
    if (it == m_open.end())
        return;
    // Never more than the caps allow (plus one byte to notice an excess).
    it->append(socket->read(MaxHead + MaxBody + 1 - it->size()));
    const CallbackRequest request = CallbackRequest::parse(*it, MaxHead, MaxBody);
    switch (request.state) {
    case CallbackRequest::NeedMore:
        if (it->size() > MaxHead + MaxBody)
            reply(socket, 413, &Counters::tooLarge);
        return;
    case CallbackRequest::Bad:
        return reply(socket, 400, &Counters::malformed);
    case CallbackRequest::HeadTooLarge:
        return reply(socket, 431, &Counters::tooLarge);
    case CallbackRequest::BodyTooLarge:
        return reply(socket, 413, &Counters::tooLarge);
    case CallbackRequest::NeedsLength:
        return reply(socket, 411, &Counters::malformed);
    case CallbackRequest::Complete:
        break;
    }
    // The order matters: a wrong path says nothing about which methods work.
    if (request.path != m_path.toUtf8())
        return reply(socket, 404, &Counters::wrongPath);
    if (request.method != "POST")
        return reply(socket, 405, &Counters::wrongMethod);
    quint32 nukiId = 0;
    int deviceType = 0;
    DeviceState state;
    QString error;
    if (!parseCallbackBody(request.body, &nukiId, &deviceType, &state, &error))
        return reply(socket, 400, &Counters::malformed);
    QHostAddress from = socket->peerAddress();
    bool isV4 = false;
    const quint32 v4 = from.toIPv4Address(&isV4);
    if (isV4)
        from = QHostAddress(v4);
    reply(socket, 200, &Counters::accepted); // answer first: a slow receiver stalls the bridge
    emit stateReceived(from, nukiId, deviceType, state);
}

} // namespace nuki
