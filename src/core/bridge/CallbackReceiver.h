#pragma once

#include "protocol/Protocol.h"
#include "wire/CallbackRequest.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QTcpServer>

class QTcpSocket;

namespace nuki {

// The small HTTP listener for the bridges' POSTs (§5). It listens on the interface that
// reaches the bridge, so every host on that LAN can talk to it: it refuses early.
// Built on QTcpServer rather than QHttpServer because Qt 6.4's HTTP server reads a whole
// request (a gigabyte, if sent) before any handler can look at it. Here a connection from
// an address that is not a bridge is closed at accept, unread; a bridge's request may have a
// head of MaxHead bytes and a body of MaxBody, must arrive within DeadlineMs, and at most
// MaxConnections are open at once. Nothing is buffered beyond those caps.
class CallbackReceiver : public QObject
{
    Q_OBJECT
public:
    struct Counters
    {
        int accepted = 0;
        int wrongPath = 0;
        int wrongMethod = 0;
        int wrongSource = 0; // closed at accept
        int tooLarge = 0;
        int malformed = 0;
        int timedOut = 0;
        int overCapacity = 0; // closed at accept: too many open connections
    };
    static constexpr qsizetype MaxHead = 4096;
    static constexpr qsizetype MaxBody = 4096;
    static constexpr int DeadlineMs = 5000;
    static constexpr int MaxConnections = 16;

    explicit CallbackReceiver(const QString &secretPath, QObject *parent = nullptr);
    bool start(const QHostAddress &address, quint16 port); // port 0: any free port
    quint16 port() const { return m_port; }
    QHostAddress address() const { return m_address; }
    QString path() const { return m_path; }
    QString url() const; // what the bridge is given: http://address:port/path
    int openConnections() const { return int(m_open.size()); }

    void allowSource(const QHostAddress &bridge) { m_allowed.insert(bridge); }
    Counters counters() const { return m_counters; }
    int rejected() const;

    static QString newSecretPath(const QString &prefix = QStringLiteral("/nuki-desktop/"))
    {
        return newCallbackPath(prefix);
    }
    // The local address that reaches `bridge`: the interface on its subnet (loopback for a
    // bridge on loopback). Null when none fits.
    static QHostAddress localAddressFor(const QHostAddress &bridge);

signals:
    void stateReceived(const QHostAddress &from, quint32 nukiId, int deviceType,
                       const nuki::DeviceState &state);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void reply(QTcpSocket *socket, int status, int Counters::*counter);
    void drop(QTcpSocket *socket);

    QTcpServer m_server;
    QString m_path;
    QHostAddress m_address;
    quint16 m_port = 0;
    QSet<QHostAddress> m_allowed;
    QHash<QTcpSocket *, QByteArray> m_open; // what each open connection sent so far
    Counters m_counters;
};

} // namespace nuki
