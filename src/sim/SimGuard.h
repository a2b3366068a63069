#pragma once

#include <QHash>
#include <QList>
#include <QTcpServer>

class QTcpSocket;

namespace nukisim {

// What one guarded port accepts. A real bridge only takes a GET with a query: short heads,
// no body, a handful of clients.
struct SimLimits
{
    qsizetype maxHead = 4096;   // request line and header fields, up to the blank line
    int maxConnections = 32;    // open at once; beyond that the oldest still silent one goes
    int headDeadlineMs = 10000; // a connection must have sent its whole head by then
};

// A QTcpServer that stands in front of a QAbstractHttpServer (given to it with bind()) and
// refuses early, as the app's push receiver does (src/core/CallbackReceiver.cpp).
//
// Why a guard and not a handler: Qt 6.4's QAbstractHttpServer reads a whole request, body
// included, inside a socket transaction before any handler sees it, so a 2 GB POST becomes
// 2 GB of memory. It offers no hook before that. What it does offer is bind(QTcpServer*):
// the sockets it gets come from our incomingConnection(). There each socket gets
//  - a read buffer of maxHead + 1 bytes: Qt stops reading from the kernel when it is full,
//    and QHttpServer's transaction keeps what it read in that same buffer, so nothing a
//    client sends can grow past it;
//  - our readyRead slot, connected before QHttpServer's and so called first: it peeks at the
//    new bytes (without consuming them) and keeps a bounded copy of the head. A head over
//    maxHead (431), a declared body or any byte after the head (413), or a head that does
//    not arrive in time is answered and closed here; QHttpServer's slot is disconnected from
//    that socket first, so it never parses the refused bytes.
// One request per connection: the simulator answers with "Connection: close" and closes.
class SimGuardedServer : public QTcpServer
{
    Q_OBJECT
public:
    struct Counters
    {
        int headTooLarge = 0;
        int bodyRefused = 0;
        int timedOut = 0;
        int evicted = 0;      // the oldest silent connection, closed to make room
        int overCapacity = 0; // every slot held by a request in progress: closed at accept
    };

    SimGuardedServer(QObject *httpServer, const SimLimits &limits, QObject *parent = nullptr);
    int openConnections() const { return int(m_order.size()); }
    Counters counters() const { return m_counters; }
    void abortAll(); // a rebooting bridge drops every connection

protected:
    void incomingConnection(qintptr handle) override;

private:
    struct Connection
    {
        QByteArray head;       // what the client sent so far, at most maxHead + 1 bytes
        bool complete = false; // the whole head arrived and was handed on
    };
    void onReadyRead(QTcpSocket *socket);
    void refuse(QTcpSocket *socket, int status);
    void forget(QTcpSocket *socket);
    bool makeRoom();

    QObject *m_http;
    SimLimits m_limits;
    QHash<QTcpSocket *, Connection> m_open;
    QList<QTcpSocket *> m_order; // oldest first
    Counters m_counters;
};

} // namespace nukisim
