#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace nuki {

// When to read /list next, for one bridge. A single-shot timer re-armed after each reply, so
// there are never two polls in flight. Normal interval; a burst of quick reads after an
// action; exponential backoff while the bridge is gone; a slow heartbeat when push works.
// The heartbeat is measured from the start of one poll to the start of the next (a precise
// timer), because it bounds how old a state that push failed to deliver can get.
class Poller : public QObject
{
    Q_OBJECT
public:
    explicit Poller(QObject *parent = nullptr);

    void setInterval(int ms) { m_intervalMs = qMax(MinIntervalMs, ms); }
    int interval() const { return m_intervalMs; }
    void setPushActive(bool active, int heartbeatMs = 60000);
    void start();
    void stop();
    bool isActive() const { return m_timer.isActive() || m_waiting; }

    // The poll was answered: arm the next one.
    void replied(bool bridgeReachable);
    // An action was sent: read often for a while so its result shows quickly.
    void startBurst(int durationMs = 30000);
    // The bridge answered again: forget the backoff and read at the normal pace.
    void resetBackoff()
    {
        m_failures = 0;
        if (m_running && !m_waiting)
            arm();
    }
    bool inBurst() const;
    int nextDelay() const;

    static constexpr int MinIntervalMs = 2000;

signals:
    void pollDue();

private:
    void arm();
    QTimer m_timer;
    int m_intervalMs = 15000;
    int m_heartbeatMs = 60000;
    int m_burstMs = 1000;
    int m_failures = 0;
    bool m_push = false;
    bool m_waiting = false; // a poll is out; the timer is re-armed when it returns
    bool m_running = false;
    QElapsedTimer m_burstLeft;
    QElapsedTimer m_sincePoll; // since the last pollDue
    int m_burstDurationMs = 0;
};

} // namespace nuki
