#include "SimHttpServer.h"

#include "SimBridge.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpServer>
#include <memory>

namespace nukisim {

SimHttpServer::SimHttpServer(SimBridge *bridge) : QAbstractHttpServer(bridge), m_bridge(bridge) {}

bool SimHttpServer::start(const QHostAddress &address, quint16 port)
{
    const quint16 bound = listen(address, port);
    if (bound == 0)
        return false;
    m_address = address;
    m_port = bound;
    return true;
}

void SimHttpServer::setOffline(bool offline)
{
    for (QTcpServer *server : servers()) {
        if (offline)
            server->close();
        else if (!server->isListening())
            server->listen(m_address, m_port);
    }
    if (offline) {
        for (const auto &socket : std::as_const(m_sockets))
            if (socket)
                socket->abort();
        m_sockets.clear();
    }
}

bool SimHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    m_sockets.removeIf([](const QPointer<QTcpSocket> &s) { return s.isNull(); });
    if (!m_sockets.contains(socket))
        m_sockets << socket;

    SimRequest r;
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        r.method = "GET";
        break;
    case QHttpServerRequest::Method::Post:
        r.method = "POST";
        break;
    default:
        r.method = "OTHER";
        break;
    }
    r.path = request.url().path();
    r.query = request.query();
    r.peer = request.remoteAddress();

    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    QPointer<QTcpSocket> guard(socket);
    m_bridge->handle(r, [responder, guard](const SimResponse &response) {
        if (!guard || guard->state() != QAbstractSocket::ConnectedState)
            return; // the client gave up or the bridge rebooted
        if (response.drop) {
            guard->abort();
            return;
        }
        responder->write(response.body,
                         response.json ? QByteArrayLiteral("application/json")
                                       : QByteArrayLiteral("text/plain"),
                         QHttpServerResponder::StatusCode(response.status));
    });
    return true;
}

} // namespace nukisim
