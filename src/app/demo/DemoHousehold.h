#pragma once

#include "bridge/BridgeConfig.h"

#include <QObject>

namespace nukisim {
class SimBridge;
} // namespace nukisim

// The made-up household of demo mode: a simulated bridge inside the app, on loopback only,
// with a token made up for this run (nothing goes to the keychain or the settings), and
// people living in it (SimLife) so the window has something to show.
class DemoHousehold : public QObject
{
    Q_OBJECT
public:
    explicit DemoHousehold(QObject *parent = nullptr);
    ~DemoHousehold() override;

    nukisim::SimBridge *bridge() const { return m_bridge; }
    // What the home needs to reach the simulated bridge.
    nuki::BridgeConfig bridgeConfig() const;
    QString token() const { return m_token; }

private:
    nukisim::SimBridge *m_bridge;
    QString m_token;
};
