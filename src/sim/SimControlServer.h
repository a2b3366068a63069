#pragma once

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QList>
#include <QPointer>

namespace nukisim {

class SimBridge;

// The simulator's control interface on its own loopback port: what a person would do to the
// physical devices (turn a knob, open a door, ring), fault injection, the request log, and a
// discovery endpoint shaped like Nuki's web discovery (§7.1) listing the simulated bridges.
// Paths are documented in --help of nuki-bridge-sim and in the README.
class SimControlServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit SimControlServer(QObject *parent = nullptr);
    void addBridge(SimBridge *bridge) { m_bridges << bridge; }
    bool start(const QHostAddress &address, quint16 port);
    quint16 port() const { return m_port; }
    QByteArray discoveryJson() const;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}

private:
    QByteArray answer(const QString &path, const QUrlQuery &query, int *status);
    QList<QPointer<SimBridge>> m_bridges;
    quint16 m_port = 0;
};

} // namespace nukisim
