#include "SimLife.h"

#include "SimBridge.h"

namespace nukisim {

SimLife::SimLife(SimBridge *bridge, int meanIntervalMs)
    : QObject(bridge), m_bridge(bridge), m_meanMs(meanIntervalMs),
      m_random(QRandomGenerator::global()->generate())
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SimLife::step);
}

void SimLife::start()
{
    m_timer.start(m_meanMs / 2 + m_random.bounded(m_meanMs));
}

void SimLife::step()
{
    const QList<SimDevice> devices = m_bridge->devices();
    if (!devices.isEmpty()) {
        const SimDevice d = devices.at(m_random.bounded(int(devices.size())));
        const bool idle = d.isFinalState();
        if (d.isOpener()) {
            m_bridge->ring(d.nukiId);
        } else if (d.hasDoorSensor && idle && m_random.bounded(2) == 0 &&
                   d.doorsensorState == dev::DoorClosed) {
            // Someone walks through: the door opens and closes a few seconds later.
            m_bridge->setDoor(d.nukiId, dev::DoorOpened);
            const quint32 id = d.nukiId;
            QTimer::singleShot(3000 + m_random.bounded(4000), m_bridge,
                               [b = m_bridge, id] { b->setDoor(id, dev::DoorClosed); });
        } else if (idle) {
            const int next = d.state == dev::Locked ? dev::Unlocked : dev::Locked;
            m_bridge->turnByHand(d.nukiId, d.deviceType, next);
        }
    }
    start();
}

} // namespace nukisim
