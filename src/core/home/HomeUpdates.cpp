// What sources report: a source's device list, one device's state, and the events that
// differences between old and new state mean.
#include "home/Home.h"
#include "home/Reach.h"
#include "platform/Clock.h"

#include <algorithm>

namespace nuki {

void Home::applyList(const QString &sourceId, const QList<Device> &devices, Delivery delivery)
{
    if (!m_sources.contains(sourceId))
        return;
    QList<DeviceKey> seen;
    seen.reserve(devices.size());
    for (const Device &d : devices) {
        const DeviceKey key{d.nukiId, d.deviceType};
        seen << key;
        m_reports[key].insert(sourceId, d);
        DeviceRecord *r = record(key);
        if (!r) {
            DeviceRecord fresh;
            fresh.key = key;
            fresh.device = d;
            fresh.sourceId = sourceId;
            fresh.reachedThrough = {sourceId};
            fresh.lastUpdate = QDateTime::currentDateTimeUtc();
            if (!d.state.known) {
                // The source has it, but no state it can vouch for: unreachable since before
                // we saw it, last heard from when the device itself says (a lock's timestamp).
                markReach(fresh, Reach::NotConnected, {});
                fresh.lastUpdate = d.state.timestamp.isValid() && d.state.timestamp <= clock::now()
                                       ? d.state.timestamp
                                       : QDateTime();
            }
            m_devices.insert(insertionPoint(sourceId), fresh);
            emit deviceAdded(key);
            continue;
        }
        if (!r->reachedThrough.contains(sourceId)) {
            r->reachedThrough << sourceId; // a second way to the same device
            const QString acting = r->sourceId;
            chooseSource(*r);
            if (acting != r->sourceId)
                continue;            // chooseSource showed this report already
            emit deviceChanged(key); // the details list one more source
        }
        if (r->sourceId != sourceId)
            continue; // another source acts for it: this report is kept, not shown
        bool changed = r->device.name != d.name || r->device.firmwareVersion != d.firmwareVersion;
        r->device.name = d.name;
        r->device.firmwareVersion = d.firmwareVersion;
        if (d.state.known) {
            applyState(*r, d.state, delivery);
        } else if (r->reach != Reach::NotConnected || r->remembered) {
            // The source lost the device: keep its last state, say it is old and why.
            markReach(*r, Reach::NotConnected, r->remembered ? QDateTime() : clock::now());
            r->remembered = false;
            changed = true;
        }
        if (changed)
            emit deviceChanged(key);
    }
    for (qsizetype i = m_devices.size() - 1; i >= 0; --i) {
        const DeviceRecord &r = m_devices[i];
        if (r.reachedThrough.contains(sourceId) && !seen.contains(r.key) && !r.action.running())
            dropReport(DeviceKey(r.key), sourceId); // a copy: the record goes
    }
    tellActing();
}

void Home::applyReport(const QString &sourceId, quint32 nukiId, int deviceType,
                       const DeviceState &state, Delivery delivery)
{
    const DeviceKey key{nukiId, deviceType};
    DeviceRecord *r = record(key);
    if (!r || !r->reachedThrough.contains(sourceId))
        return; // a device this source has not listed: its next list brings it
    auto report = m_reports[key].find(sourceId);
    if (report != m_reports[key].end())
        report->state = state;
    if (r->sourceId != sourceId)
        return;
    if (!state.known) {
        // The source can no longer vouch for it (a lock that left the broker): keep its last
        // state and say it is old, as for a device a list shows without a state.
        if (markReach(*r, Reach::NotConnected, clock::now()))
            emit deviceChanged(key);
        return;
    }
    applyState(*r, state, delivery);
}

void Home::applyEvent(const QString &sourceId, quint32 nukiId, int deviceType,
                      const LockEvent &event)
{
    DeviceRecord *r = record({nukiId, deviceType});
    if (!r || r->sourceId != sourceId)
        return;
    r->lastEvent = event;
    emit deviceChanged(r->key);
    emit lockEvent(r->key, event);
}

void Home::applyState(DeviceRecord &r, DeviceState state, Delivery delivery)
{
    const bool fromPush = delivery == Delivery::Pushed;
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
    const QDateTime previousRead = r.lastUpdate;
    r.lastUpdate = clock::now();
    r.changedAt = r.lastUpdate;
    if (!fromPush && state.timestamp.isValid() && previousRead.isValid() &&
        previousRead <= r.lastUpdate)
        r.changedAt = std::clamp(state.timestamp, previousRead, r.lastUpdate);
    const bool staleChanged = markReach(r, Reach::Reachable, {});
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
                          !ActionRunner::explains(r, state.state);
    if (external) {
        // Someone else moved it: our old "done" or "failed" says nothing about now.
        if (!r.action.running() && r.action.phase != ActionStatus::Unknown) {
            r.action = ActionStatus{};
            emit deviceChanged(r.key);
        }
        emit lockChangedExternally(r.key, state.state);
    }
    if (delivery == Delivery::Read &&
        (external || state.doorsensorState != before.doorsensorState)) {
        const Source *s = source(r.sourceId);
        if (s && s->link().push)
            emit pushMissed(r.sourceId, r.key);
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
    // A bridge does not always update a transitional state (§5): seen twice while its source
    // is not following the device closely (after an action), it gets one read of its own.
    const bool transitional = isTransitional(r.key.deviceType, r.device.state.state);
    if (!transitional) {
        r.stuckChecked = false;
        return;
    }
    const Source *s = source(r.sourceId);
    if (wasTransitional && !r.stuckChecked && s && !s->isFollowingClosely() &&
        !r.action.running()) {
        r.stuckChecked = true;
        refreshDevice(r.key);
    }
}

void Home::refreshDevice(const DeviceKey &key)
{
    Source *s = actingSource(key);
    if (!s)
        return;
    const QString sourceId = s->id();
    s->readDevice(key.nukiId, key.deviceType,
                  [this, key, sourceId](const SourceError &error, const DeviceState &state) {
                      DeviceRecord *r = record(key);
                      if (!r || !m_sources.contains(sourceId))
                          return;
                      if (!error.ok()) {
                          r->refreshError = error; // shown on the card until the next good read
                          emit deviceChanged(key);
                          return;
                      }
                      r->refreshError = {};
                      if (r->sourceId == sourceId)
                          applyState(*r, state, Delivery::Read);
                  });
}

void Home::restore(const QString &sourceId, const QList<DeviceRecord> &remembered)
{
    if (!m_sources.contains(sourceId))
        return;
    qsizetype insertAt = insertionPoint(sourceId);
    for (const DeviceRecord &in : remembered) {
        if (record(in.key))
            continue;
        DeviceRecord r;
        r.key = in.key;
        r.device = in.device;
        r.device.nukiId = in.key.nukiId;
        r.device.deviceType = in.key.deviceType;
        r.sourceId = sourceId;
        r.reachedThrough = {sourceId};
        r.lastUpdate = in.lastUpdate;
        r.remembered = true;
        m_devices.insert(insertAt++, r);
        emit deviceAdded(r.key);
    }
}

} // namespace nuki
