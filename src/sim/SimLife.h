#pragma once

#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

namespace nukisim {

class SimBridge;

// Makes a simulated household alive for the demo: now and then a door opens and closes,
// someone locks or unlocks by hand, the opener rings.
class SimLife : public QObject
{
    Q_OBJECT
public:
    explicit SimLife(SimBridge *bridge, int meanIntervalMs = 8000);
    void start();
    void stop() { m_timer.stop(); }

private:
    void step();
    SimBridge *m_bridge;
    int m_meanMs;
    QTimer m_timer;
    QRandomGenerator m_random;
};

} // namespace nukisim
