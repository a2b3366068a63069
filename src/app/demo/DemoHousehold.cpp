#include "demo/DemoHousehold.h"

#include "SimBridge.h"
#include "SimLife.h"

#include <QHostAddress>
#include <QRandomGenerator>

DemoHousehold::DemoHousehold(QObject *parent) : QObject(parent)
{
    nukisim::SimConfig config;
    config.actionMs = 1500;
    config.lockNGoDelayMs = 10000;
    config.unlatchHoldMs = 3000;
    config.requestMs = 10;
    m_bridge = new nukisim::SimBridge(config, this);
    for (int i = 0; i < 16; ++i)
        m_token += QLatin1Char(
            "abcdefghijkmnpqrstuvwxyz23456789"[QRandomGenerator::system()->bounded(32)]);
    m_bridge->setToken(m_token);
    if (!m_bridge->listen(QHostAddress::LocalHost, 0))
        qWarning("Demo mode: the simulated bridge could not listen on 127.0.0.1");
    (new nukisim::SimLife(m_bridge, 9000))->start(); // owned by the bridge
}

DemoHousehold::~DemoHousehold() = default;

nuki::BridgeConfig DemoHousehold::bridgeConfig() const
{
    nuki::BridgeConfig b;
    b.id = QString::number(m_bridge->config().serverId, 16).toUpper();
    b.name = tr("Demo bridge");
    b.host = m_bridge->address().toString();
    b.port = m_bridge->port();
    return b;
}
