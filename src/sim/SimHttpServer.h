#pragma once

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QTcpSocket>

namespace nukisim {

class SimBridge;

// HTTP transport of one simulated bridge. QAbstractHttpServer gives us the socket, which the
// simulator needs to answer later (a blocking /lockAction), or to drop a connection on purpose.
class SimHttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit SimHttpServer(SimBridge *bridge);
    bool start(const QHostAddress &address, quint16 port);
    quint16 port() const { return m_port; }
    // A rebooting bridge refuses connections and drops the ones it had.
    void setOffline(bool offline);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}

private:
    SimBridge *m_bridge;
    QHostAddress m_address;
    quint16 m_port = 0;
    QList<QPointer<QTcpSocket>> m_sockets;
};

} // namespace nukisim
