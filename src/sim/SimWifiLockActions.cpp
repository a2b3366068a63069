// The simulated Wi-Fi lock's state machine: commands, motor runs and the knobs for tests and
// the demo (nuki-mqtt-api.md §2.3, §2.4, §4, §5). Runs on the Qt thread only.
#include "SimWifiLock.h"

#include <QDebug>

namespace nukisim {

namespace {
bool isTransitional(int state)
{
    return state == 2 || state == 4 || state == 7;
}
} // namespace

bool SimWifiLock::isMoving() const
{
    // The lock 'n' go wait (state 6) is not a motor run: a new command replaces the relock.
    return !m_steps.isEmpty() && m_state != 6;
}

void SimWifiLock::handleMessage(const QByteArray &topic, const QByteArray &payload, int qos,
                                bool retain)
{
    if (!topic.startsWith(m_base))
        return;
    emit commandReceived(QString::fromUtf8(topic), payload, qos, retain);
    if (retain) {
        // Redelivered on every (re)subscribe: acting on it would unlock the door each time
        // the lock reconnects (§2.3). Never acted on, and never answered.
        qWarning().noquote() << "nuki-lock-sim" << m_config.idHex()
                             << "ignoring a retained command on" << topic
                             << "(commands must be published with retain=false)";
        return;
    }
    const int action = parseCommand(topic.mid(m_base.size()), payload);
    if (action == 0)
        return; // not a command this lock understands: no response at all (§2.3 tolerant)
    runCommand(action);
}

int SimWifiLock::parseCommand(const QByteArray &sub, const QByteArray &payload) const
{
    // Tolerant reading (§2.3 [UNCERTAIN]): surrounding whitespace trimmed, `true` in any case.
    const QByteArray p = payload.trimmed();
    if (sub == "lockAction")
        return p.size() == 1 && p[0] >= '1' && p[0] <= '6' ? p[0] - '0' : 0;
    if (p.toLower() != "true")
        return 0;
    if (sub == "lock")
        return 2;
    if (sub == "unlock")
        return m_config.knobDoor ? 3 : 1; // the firmware's "simple unlock" (§4.4)
    return 0;
}

void SimWifiLock::runCommand(int action)
{
    if (isMoving()) {
        publish("commandResponse", QByteArray::number(m_config.busyCode), 2, false);
        return;
    }
    const QList<Step> steps = plan(action);
    auto event = [this, action] { publishEvent(action, 172, 0, 0, 0); }; // 172: MQTT
    auto ok = [this] { publish("commandResponse", "0", 2, false); };
    switch (m_config.order) {
    case WifiLockConfig::Order::ResponseFirst:
        ok();
        event();
        startMotion(steps);
        break;
    case WifiLockConfig::Order::EventFirst:
        event();
        startMotion(steps);
        ok();
        break;
    case WifiLockConfig::Order::StateFirst:
        startMotion(steps);
        event();
        ok();
        break;
    case WifiLockConfig::Order::ResponseLast:
        event();
        m_responseOwed = true;
        startMotion(steps);
        break;
    }
}

QList<SimWifiLock::Step> SimWifiLock::plan(int action) const
{
    const WifiLockConfig &c = m_config;
    switch (action) {
    case 1:
        return {{2, 0}, {3, c.unlockMs}};
    case 2:
        return {{4, 0}, {1, c.lockMs}};
    case 3:
        return {{7, 0}, {5, c.unlatchMs}, {3, c.unlatchHoldMs}};
    case 4: // lock 'n' go: open, wait in 6, lock again by itself
        return {{2, 0}, {6, c.unlockMs}, {4, c.lockNGoDelayMs}, {1, c.lockMs}};
    case 5:
        return {
            {7, 0}, {5, c.unlatchMs}, {6, c.unlatchHoldMs}, {4, c.lockNGoDelayMs}, {1, c.lockMs}};
    case 6: // full lock: a double turn, ends locked
        return {{4, 0}, {1, c.fullLockMs}};
    }
    return {};
}

void SimWifiLock::startMotion(const QList<Step> &steps)
{
    if (steps.isEmpty())
        return;         // an event without a motor run (80, 90) leaves a lock 'n' go wait alone
    m_stepTimer.stop(); // replaces a lock 'n' go wait
    m_steps = steps;
    nextStep();
}

void SimWifiLock::nextStep()
{
    if (m_steps.isEmpty())
        return;
    const Step step = m_steps.takeFirst();
    setState(step.state);
    if (m_responseOwed && !isTransitional(step.state)) {
        m_responseOwed = false; // ResponseLast: once the motor run has ended
        publish("commandResponse", "0", 2, false);
    }
    if (!m_steps.isEmpty())
        m_stepTimer.start(qMax(0, m_steps.first().afterMs));
}

void SimWifiLock::setState(int state)
{
    m_state = state;
    publishRetained("state", QByteArray::number(state));
    publishTimestamp();
    emit stateChanged(state);
}

void SimWifiLock::publishEvent(int action, int trigger, quint32 authId, quint32 codeId, int context)
{
    // lockActionEvent (§2.4): action, trigger, auth id, code id, context; QoS 2, not retained.
    const QByteArray csv = QByteArray::number(action) + ',' + QByteArray::number(trigger) + ',' +
                           QByteArray::number(authId) + ',' + QByteArray::number(codeId) + ',' +
                           QByteArray::number(context);
    publish("lockActionEvent", csv, 2, false);
}

// --- knobs ---

bool SimWifiLock::turnByHand(int finalState)
{
    if (isMoving())
        return false;
    // No event for a hand on the knob (trigger "manual" is not reported), only the states;
    // meanwhile the lock is busy, which is what a command then learns (69).
    int via = 0;
    int ms = m_config.unlockMs;
    if (finalState == 1) {
        via = 4;
        ms = m_config.lockMs;
    } else if (finalState == 3) {
        via = 2;
    } else if (finalState == 5) {
        via = 7;
        ms = m_config.unlatchMs;
    }
    startMotion(via ? QList<Step>{{via, 0}, {finalState, ms}} : QList<Step>{{finalState, 0}});
    return true;
}

bool SimWifiLock::pressButton(int presses, int action)
{
    if (isMoving() || presses < 1)
        return false;
    if (action < 0)
        action = presses == 1 ? (m_state == 1 ? 1 : 2) : presses == 2 ? 4 : 90;
    const int context = presses == 1 && m_config.singlePressContextZero ? 0 : presses;
    publishEvent(action, 2, 0, 0, context); // 2: button
    startMotion(plan(action));              // 80/90: an event without a motor run
    return true;
}

bool SimWifiLock::keypadUnlock(quint32 codeId, quint32 authId, int action)
{
    if (!m_config.hasKeypad || isMoving())
        return false;
    publishEvent(action, 0, authId, codeId, 1); // trigger 0 (as BLE), context 1: a code
    startMotion(plan(action));
    return true;
}

bool SimWifiLock::fingerprint(quint32 codeId, quint32 authId, int action)
{
    if (!m_config.hasKeypad || isMoving())
        return false;
    publishEvent(action, 0, authId, codeId, 2); // context 2: fingerprint
    startMotion(plan(action));
    return true;
}

bool SimWifiLock::autoLock()
{
    if (isMoving())
        return false;
    publishEvent(2, 6, 0, 0, 0); // trigger 6: auto lock
    startMotion(plan(2));
    return true;
}

void SimWifiLock::setDoor(int doorsensorState)
{
    m_door = doorsensorState;
    if (!m_config.hasDoorSensor)
        return; // no sensor paired: nothing to report
    publishRetained("doorsensorState", QByteArray::number(m_door));
    publishTimestamp();
}

void SimWifiLock::setBattery(int percent, bool critical, bool charging)
{
    m_battery = qBound(0, percent, 100);
    m_batteryCritical = critical;
    m_charging = charging;
    publishRetained("batteryChargeState", QByteArray::number(m_battery));
    publishRetained("batteryCritical", boolText(critical));
    publishRetained("batteryCharging", boolText(charging));
    publishTimestamp();
}

void SimWifiLock::setKeypadBatteryCritical(bool critical)
{
    m_keypadCritical = critical;
    if (!m_config.hasKeypad)
        return;
    publishRetained("keypadBatteryCritical", boolText(critical));
    publishTimestamp();
}

void SimWifiLock::setServerConnected(bool connected)
{
    m_serverConnected = connected;
    publishRetained("serverConnected", boolText(connected));
    publishTimestamp();
}

} // namespace nukisim
