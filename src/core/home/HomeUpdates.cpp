// What polls, pushes and explicit reads bring: the device list of a bridge, one device's
// state, and the events that differences between old and new state mean.
#include "home/Home.h"

namespace nuki {

void Home::applyList(const QString &bridgeId, const QList<Device> &devices)
{
    QList<DeviceKey> seen;
    // Insert new devices after the last one of their bridge, keeping bridges grouped.
    qsizetype insertAt = 0;
    const qsizetype bridgeIndex = m_bridgeOrder.indexOf(bridgeId);
    for (qsizetype i = 0; i < m_devices.size(); ++i)
        if (m_bridgeOrder.indexOf(m_devices[i].key.bridgeId) <= bridgeIndex)
            insertAt = i + 1;
    for (const Device &d : devices) {
        const DeviceKey key{bridgeId, d.nukiId, d.deviceType};
        seen << key;
        DeviceRecord *r = record(key);
        if (!r) {
            DeviceRecord fresh;
            fresh.key = key;
            fresh.device = d;
            fresh.lastUpdate = QDateTime::currentDateTimeUtc();
            m_devices.insert(insertAt++, fresh);
            emit deviceAdded(key);
            continue;
        }
        bool changed = r->device.name != d.name || r->device.firmwareVersion != d.firmwareVersion;
        r->device.name = d.name;
        r->device.firmwareVersion = d.firmwareVersion;
        if (d.state.known) {
            applyState(*r, d.state, false);
        } else if (!r->stale || r->remembered) {
            r->stale = true; // the bridge lost the device: keep its last state, say it is old
            r->remembered = false;
            changed = true;
        }
        if (changed)
            emit deviceChanged(key);
    }
    for (qsizetype i = m_devices.size() - 1; i >= 0; --i) {
        const DeviceKey key = m_devices[i].key;
        if (key.bridgeId == bridgeId && !seen.contains(key) && !m_devices[i].action.running()) {
            m_devices.removeAt(i);
            emit deviceRemoved(key);
        }
    }
}

void Home::applyPushedState(const QString &bridgeId, quint32 nukiId, int deviceType,
                            const DeviceState &state)
{
    if (DeviceRecord *r = record({bridgeId, nukiId, deviceType}))
        applyState(*r, state, true);
}

void Home::applyState(DeviceRecord &r, DeviceState state, bool fromPush)
{
    DeviceState &old = r.device.state;
    if (fromPush && !state.timestamp.isValid())
        state.timestamp = QDateTime::currentDateTimeUtc(); // callbacks carry no timestamp
    if (r.action.running()) {
        // Keep showing the action's own progress until its answer arrives.
        state.state = old.state;
        state.mode = old.mode;
        state.stateName = old.stateName;
    }
    if (r.action.phase == ActionStatus::Unknown && !isTransitional(r.key.deviceType, state.state) &&
        state.state >= 0) {
        // The next fresh read settles an unknown outcome as far as a read can.
        r.action.resolvedState = state.state;
        r.action.reachedGoal = ActionRunner::reachedGoal(r.key.deviceType, r.action.action, state);
    }
    // A state remembered from the last run is no first read of this one: no events from it.
    const bool wasRemembered = r.remembered;
    r.remembered = false;
    const bool wasKnown = old.known && !wasRemembered;
    const bool wasTransitional = isTransitional(r.key.deviceType, old.state);
    const DeviceState before = old;
    r.lastUpdate = QDateTime::currentDateTimeUtc();
    const bool staleChanged = r.stale;
    r.stale = false;
    if (state == old && !staleChanged && !r.optimistic && !wasRemembered) {
        checkStuck(r, wasTransitional);
        return;
    }
    if (!r.action.running())
        r.optimistic = false;
    old = state;
    emit deviceChanged(r.key);
    if (!wasKnown)
        return;
    if (state.doorsensorState && before.doorsensorState &&
        *state.doorsensorState != *before.doorsensorState)
        emit doorChanged(r.key, *state.doorsensorState);
    const bool external = state.state != before.state &&
                          !isTransitional(r.key.deviceType, state.state) && !r.action.running() &&
                          !m_actions->explains(r, state.state);
    if (external) {
        // Someone else moved it: our old "done" or "failed" says nothing about now.
        if (!r.action.running() && r.action.phase != ActionStatus::Unknown) {
            r.action = ActionStatus{};
            emit deviceChanged(r.key);
        }
        emit lockChangedExternally(r.key, state.state);
    }
    if (!fromPush && (external || state.doorsensorState != before.doorsensorState)) {
        const BridgeState *b = bridge(r.key.bridgeId);
        if (b && b->pushActive && !m_applyingListFromBeforePush)
            emit pushMissed(r.key);
    }
    if (state.batteryCritical && !before.batteryCritical)
        emit batteryCritical(r.key);
    if (state.keypadBatteryCritical.value_or(false) &&
        !before.keypadBatteryCritical.value_or(false))
        emit keypadBatteryCritical(r.key);
    if (state.ringactionState.value_or(false) &&
        (!before.ringactionState.value_or(false) ||
         state.ringactionTimestamp != before.ringactionTimestamp))
        emit ring(r.key);
    checkStuck(r, wasTransitional);
}

void Home::checkStuck(DeviceRecord &r, bool wasTransitional)
{
    // The bridge does not always update a transitional state (§5): seen twice outside an
    // action's burst, it gets one /lockState.
    const bool transitional = isTransitional(r.key.deviceType, r.device.state.state);
    if (!transitional) {
        r.stuckChecked = false;
        return;
    }
    Poller *p = poller(r.key.bridgeId);
    if (wasTransitional && !r.stuckChecked && p && !p->inBurst() && !r.action.running()) {
        r.stuckChecked = true;
        refreshDevice(r.key);
    }
}

void Home::refreshDevice(const DeviceKey &key)
{
    BridgeClient *c = client(key.bridgeId);
    if (!c)
        return;
    c->lockState(key.nukiId, key.deviceType,
                 [this, key](const SourceError &error, const DeviceState &state) {
                     if (!m_bridges.contains(key.bridgeId))
                         return;
                     if (error.kind == SourceError::Unreachable ||
                         error.kind == SourceError::Timeout ||
                         error.kind == SourceError::Unauthorized)
                         noteResult(key.bridgeId, error);
                     DeviceRecord *r = record(key);
                     if (!r)
                         return;
                     if (!error.ok()) {
                         r->refreshError = error; // shown on the card until the next good read
                         emit deviceChanged(key);
                         return;
                     }
                     r->refreshError = {};
                     DeviceState s = state;
                     s.timestamp = QDateTime::currentDateTimeUtc();
                     applyState(*r, s, false);
                 });
}

void Home::restore(const QString &bridgeId, const QList<DeviceRecord> &remembered)
{
    const qsizetype bridgeIndex = m_bridgeOrder.indexOf(bridgeId);
    if (bridgeIndex < 0)
        return;
    qsizetype insertAt = 0; // after the devices of this bridge and those before it
    for (qsizetype i = 0; i < m_devices.size(); ++i)
        if (m_bridgeOrder.indexOf(m_devices[i].key.bridgeId) <= bridgeIndex)
            insertAt = i + 1;
    for (const DeviceRecord &in : remembered) {
        if (in.key.bridgeId != bridgeId || record(in.key))
            continue;
        DeviceRecord r;
        r.key = in.key;
        r.device = in.device;
        r.device.nukiId = in.key.nukiId;
        r.device.deviceType = in.key.deviceType;
        r.lastUpdate = in.lastUpdate;
        r.remembered = true;
        m_devices.insert(insertAt++, r);
        emit deviceAdded(r.key);
    }
}

} // namespace nuki
