#include "bridge/Poller.h"

namespace nuki {

Poller::Poller(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    // Coarse timers let the system bundle wake-ups while idle (battery on laptops).
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_waiting = true;
        m_sincePoll.start();
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
    m_sincePoll.start();
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
    if (!m_push)
        return m_intervalMs;
    // Start to start: a slow answer does not stretch the heartbeat.
    const qint64 since = m_sincePoll.isValid() ? m_sincePoll.elapsed() : 0;
    return int(qMax<qint64>(MinIntervalMs / 4, m_heartbeatMs - since));
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
    // Coarse timers may fire 5 % late, which would break the heartbeat's bound; one precise
    // wake-up a minute costs nothing. Polling proper stays coarse (bundled wake-ups).
    m_timer.setTimerType(m_push && !inBurst() && m_failures == 0 ? Qt::PreciseTimer
                                                                 : Qt::CoarseTimer);
    m_timer.start(nextDelay());
}

} // namespace nuki
