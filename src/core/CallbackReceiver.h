#pragma once

#include "Protocol.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QHostAddress>
#include <QSet>

namespace nuki {

// The small HTTP listener for the bridges' POSTs (§5). Strict: only POST, only to this
// installation's unguessable path, only from a known bridge's address, bodies of a few KB,
// JSON of the documented shape. Everything else is answered with its status and counted.
class CallbackReceiver : public QAbstractHttpServer
{
    Q_OBJECT
public:
    struct Counters
    {
        int accepted = 0;
        int wrongPath = 0;
        int wrongMethod = 0;
        int wrongSource = 0;
        int tooLarge = 0;
        int malformed = 0;
    };
    static constexpr qint64 MaxBody = 4096;

    explicit CallbackReceiver(const QString &secretPath, QObject *parent = nullptr);
    bool start(const QHostAddress &address, quint16 port); // port 0: any free port
    quint16 port() const { return m_port; }
    QHostAddress address() const { return m_address; }
    QString path() const { return m_path; }
    QString url() const; // what the bridge is given: http://address:port/path

    void allowSource(const QHostAddress &bridge) { m_allowed.insert(bridge); }
    void forgetSource(const QHostAddress &bridge) { m_allowed.remove(bridge); }
    Counters counters() const { return m_counters; }

    static QString newSecretPath();
    // The local address that reaches `bridge`: the interface on its subnet (loopback for a
    // bridge on loopback). Null when none fits.
    static QHostAddress localAddressFor(const QHostAddress &bridge);

signals:
    void stateReceived(const QHostAddress &from, quint32 nukiId, int deviceType,
                       const nuki::DeviceState &state);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}

private:
    QString m_path;
    QHostAddress m_address;
    quint16 m_port = 0;
    QSet<QHostAddress> m_allowed;
    Counters m_counters;
};

} // namespace nuki
