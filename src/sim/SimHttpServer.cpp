#include "SimHttpServer.h"

#include "SimBridge.h"
#include "SimGuard.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpServer>
#include <memory>

namespace nukisim {

SimHttpServer::SimHttpServer(SimBridge *bridge) : QAbstractHttpServer(bridge), m_bridge(bridge) {}

bool SimHttpServer::start(const QHostAddress &address, quint16 port)
{
    // Every connection passes the guard first (see SimGuard.h for why it stands in front).
    auto *guard = new SimGuardedServer(this, SimLimits{}, this);
    if (!guard->listen(address, port)) {
        delete guard;
        return false;
    }
    bind(guard);
    m_address = address;
    m_port = guard->serverPort();
    return true;
}

void SimHttpServer::setOffline(bool offline)
{
    for (QTcpServer *server : servers()) {
        if (offline) {
            server->close();
            if (auto *guard = qobject_cast<SimGuardedServer *>(server))
                guard->abortAll(); // also the connections still sending their head
        } else if (!server->isListening())
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
        // One request per connection, so that the guard sees every request's head whole.
        const QByteArray type =
            response.json ? QByteArrayLiteral("application/json") : QByteArrayLiteral("text/plain");
        const auto status = QHttpServerResponder::StatusCode(response.status);
        if (response.hugeHead)
            responder->write(response.body,
                             {{"Content-Type", type},
                              {"Connection", "close"},
                              {"X-Padding", QByteArray(20 * 1024, 'p')}},
                             status);
        else
            responder->write(response.body, {{"Content-Type", type}, {"Connection", "close"}},
                             status);
        guard->disconnectFromHost();
    });
    return true;
}

} // namespace nukisim
