#include "Poller.h"

namespace nuki {

Poller::Poller(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    // Coarse timers let the system bundle wake-ups while idle (battery on laptops).
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_waiting = true;
        emit pollDue();
    });
}

void Poller::setPushActive(bool active, int heartbeatMs)
{
    m_push = active;
    m_heartbeatMs = qMax(MinIntervalMs, heartbeatMs);
    if (m_running && !m_waiting)
        arm();
}

void Poller::start()
{
    m_running = true;
    m_failures = 0;
    m_waiting = true;
    emit pollDue(); // read at once on start
}

void Poller::stop()
{
    m_running = false;
    m_waiting = false;
    m_timer.stop();
}

bool Poller::inBurst() const
{
    return m_burstLeft.isValid() && m_burstLeft.elapsed() < m_burstDurationMs;
}

void Poller::startBurst(int durationMs)
{
    m_burstLeft.start();
    m_burstDurationMs = durationMs;
    if (m_running && !m_waiting)
        arm();
}

int Poller::nextDelay() const
{
    if (m_failures > 0) // 2 s, 4 s, 8 s … up to 5 minutes while the bridge is gone
        return qMin(300000, MinIntervalMs << qMin(m_failures - 1, 8));
    if (inBurst())
        return m_burstMs;
    return m_push ? m_heartbeatMs : m_intervalMs;
}

void Poller::replied(bool bridgeReachable)
{
    m_waiting = false;
    m_failures = bridgeReachable ? 0 : m_failures + 1;
    if (m_running)
        arm();
}

void Poller::arm()
{
    m_timer.start(nextDelay());
}

} // namespace nuki
