#pragma once
// Shared set-up for core tests: a real simulated bridge on loopback with fast timings.

#include "SimBridge.h"
#include "SimFixtures.h"
#include "bridge/BridgeClient.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <memory>

inline std::unique_ptr<nukisim::SimBridge>
startSim(const QString &token, const QString &address = QStringLiteral("127.0.0.1"),
         nukisim::SimConfig config = fastSimConfig())
{
    auto sim = std::make_unique<nukisim::SimBridge>(config);
    sim->setToken(token);
    if (!sim->listen(QHostAddress(address), 0))
        return nullptr;
    return sim;
}

inline void connectClient(nuki::BridgeClient &client, const nukisim::SimBridge &sim,
                          const QString &token)
{
    client.setEndpoint(sim.address().toString(), sim.port());
    client.setToken(token);
    client.config().minGapMs = 20; // tests run faster than the 250 ms a real bridge wants
    client.config().backoffStartMs = 50;
}

// Waits (bounded) for an async callback to set `done`.
#define WAIT_FOR(cond, ms) QTRY_VERIFY_WITH_TIMEOUT(cond, ms)

// Watches clients for failed requests. A test names the failures it causes; the fixture fails
// on any other, so a hidden 401, a parse error or a timeout never passes unnoticed.
class ErrorWatch : public QObject
{
public:
    void watch(nuki::BridgeClient *client)
    {
        connect(client, &nuki::BridgeClient::requestFinished, this,
                [this](const QString &path, const nuki::SourceError &e) {
                    if (!e.ok() && !m_expected.contains(e.kind))
                        m_unexpected << path + QStringLiteral(": ") +
                                            nuki::SourceError::kindName(e.kind) +
                                            QStringLiteral(" (") + e.message() + u')';
                });
    }
    void expect(nuki::SourceError::Kind kind) { m_expected.insert(kind); }
    QStringList unexpected() const { return m_unexpected; }
    void reset()
    {
        m_unexpected.clear();
        m_expected.clear();
        disconnect();
    }

private:
    QSet<nuki::SourceError::Kind> m_expected;
    QStringList m_unexpected;
};
