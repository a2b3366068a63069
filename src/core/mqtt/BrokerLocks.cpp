// What Wi-Fi locks publish: finding them, their values read strictly, the flood and alias
// rules, discovery.
#include "mqtt/BrokerSource.h"

#include "protocol/Actions.h"

#include <QCoreApplication>
#include <QTimer>

namespace nuki {

using namespace mqtt;

BrokerSource::Lock *BrokerSource::lockFor(quint32 nukiId, const QString &rawId, bool proves,
                                          bool saysConnected)
{
    auto it = m_locks.find(nukiId);
    if (it != m_locks.end()) {
        it->proven |= proves;
        return &*it;
    }
    if (m_config.ignoredLocks.contains(nukiId))
        return nullptr; // the person chose not to add it: not one of ours
    if (m_locks.size() >= MaxLocks) {
        // A household has a few: a broker full of ids is not believed. Each id earns belief:
        // a message of its own after we subscribed (or its discovery config) counts most,
        // having said `connected` true less (anyone can leave that stored on the broker). A
        // newcomer takes the place of the least believed one that it outranks, so neither a
        // flood of stored ids nor one of live nonsense can hide a lock that connects.
        auto belief = [](bool proven, bool connected) { return (proven ? 2 : 0) + connected; };
        const int mine = belief(proves, saysConnected);
        auto victim = m_order.end();
        int least = mine;
        for (auto i = m_order.begin(); i != m_order.end(); ++i) {
            const Lock &l = m_locks[*i];
            const int b = belief(l.proven, l.everConnected);
            if (!l.pending && b < least) {
                least = b;
                victim = i;
            }
        }
        if (victim == m_order.end()) {
            if (m_refusedIds.size() < MaxRefusedCounted)
                m_refusedIds.insert(nukiId); // ids, not messages
            return nullptr;
        }
        m_refusedIds.insert(*victim);
        m_locks.remove(*victim);
        m_order.erase(victim);
        changed(nukiId, ListingChanged);
    }
    if (m_refusedIds.remove(nukiId) && m_settled) {
        // Refused before, believed now: what it left stored on the broker was dropped. A
        // subscription of its own tree brings those values again (the broker sends them at
        // once), and is taken back at once so its messages do not come twice.
        const QString tree = QStringLiteral("nuki/%1/+").arg(rawId);
        m_mqtt.subscribe(tree, 2);
        m_mqtt.unsubscribe(tree);
    }
    Lock l;
    l.info.rawId = rawId;
    l.device.nukiId = nukiId;
    l.device.deviceType = DefaultWifiLockType;
    l.proven = proves;
    m_order << nukiId;
    return &*m_locks.insert(nukiId, l);
}

void BrokerSource::onMessage(const QString &topic, const QByteArray &payload, bool retained)
{
    if (retained)
        settleLater();
    if (topic.startsWith(QLatin1String("homeassistant/"))) {
        if (const auto d = parseDiscovery(topic, payload))
            onDiscovery(*d);
        return;
    }
    LockTopic t;
    if (!parseLockTopic(topic, &t))
        return;
    static const QStringList known = {QStringLiteral("deviceType"),
                                      QStringLiteral("name"),
                                      QStringLiteral("firmware"),
                                      QStringLiteral("mode"),
                                      QStringLiteral("state"),
                                      QStringLiteral("batteryCritical"),
                                      QStringLiteral("batteryChargeState"),
                                      QStringLiteral("batteryCharging"),
                                      QStringLiteral("keypadBatteryCritical"),
                                      QStringLiteral("doorsensorState"),
                                      QStringLiteral("ringactionTimestamp"),
                                      QStringLiteral("serverConnected"),
                                      QStringLiteral("timestamp"),
                                      QStringLiteral("connected"),
                                      QStringLiteral("commandResponse"),
                                      QStringLiteral("lockActionEvent"),
                                      QStringLiteral("lockAction"),
                                      QStringLiteral("lock"),
                                      QStringLiteral("unlock")};
    if (!known.contains(t.sub))
        return; // a topic of a later firmware: not ours to guess
    // Fresh (not stored on the broker): someone is publishing for this id now.
    Lock *l = lockFor(t.nukiId, t.rawId, !retained,
                      t.sub == u"connected" && parseBoolean(payload) == true);
    if (!l)
        return;
    if (t.rawId != l->info.rawId) {
        // Another spelling of the same id (nuki/02bb28570 for nuki/2BB28570): the tree the lock
        // itself keeps (with its `connected`) wins; another client's copy is not believed.
        if (l->everConnected || t.sub != u"connected" || parseBoolean(payload) != true)
            return;
        l->info.rawId =
            t.rawId; // the first spelling never said it was connected: this one is the lock
    }
    if (t.sub == u"connected" && parseBoolean(payload) == true)
        l->everConnected = true;
    l->info.lastMessage = QDateTime::currentDateTimeUtc();
    const int what = apply(*l, t.sub, payload, retained);
    if (what != Nothing)
        changed(t.nukiId, what);
    checkPending(*l);
}

void BrokerSource::onDiscovery(const DiscoveredLock &d)
{
    Lock *l = lockFor(d.nukiId, d.rawId, true, false); // a discovery config of its own
    if (!l)
        return;
    int what = Nothing;
    if (!d.model.isEmpty() && l->info.model != d.model) {
        l->info.model = d.model;
        what |= StateChanged;
    }
    if (!l->typeKnown) {
        l->typeKnown = true; // every lock that publishes discovery is a Wi-Fi Smart Lock
        what |= ListingChanged;
    }
    if (l->device.name.isEmpty() && !d.name.isEmpty()) {
        l->device.name = d.name;
        what |= ListingChanged;
    }
    if (what != Nothing)
        changed(d.nukiId, what);
}

int BrokerSource::apply(Lock &l, const QString &sub, const QByteArray &payload, bool retained)
{
    DeviceState &s = l.device.state;
    const DeviceState before = s;
    auto integer = [&](qint64 min, qint64 max) { return parseInteger(payload, min, max); };
    auto boolean = [&] { return parseBoolean(payload); };
    if (sub == u"deviceType") {
        const auto v = integer(0, 255);
        const int type = v ? int(*v) : DefaultWifiLockType;
        if (l.typeKnown && type == l.device.deviceType)
            return Nothing;
        l.device.deviceType = type;
        l.typeKnown = true;
        return ListingChanged;
    }
    if (sub == u"name") {
        const auto v = parseText(payload);
        if (!v || *v == l.device.name)
            return Nothing;
        l.device.name = *v;
        return ListingChanged;
    }
    if (sub == u"firmware") {
        const auto v = parseText(payload, 32);
        l.info.firmware = v.value_or(QString());
        l.device.firmwareVersion = l.info.firmware;
        return ListingChanged;
    }
    if (sub == u"connected") {
        const auto v = boolean();
        if (v == l.info.connected)
            return Nothing;
        l.info.connected = v;
        if (l.pending && !v.value_or(false)) {
            // The broker publishes a lock's will when the lock's connection breaks, and also
            // when the broker itself shuts down, just before our own connection goes: a moment
            // tells which of the two left (onDisconnected then says it was the broker).
            const quint32 id = l.device.nukiId;
            const quint64 pid = l.pending->id;
            QTimer::singleShot(LockLeftGraceMs, this, [this, id, pid] {
                auto it = m_locks.find(id);
                if (it == m_locks.end() || !it->pending || it->pending->id != pid ||
                    m_mqtt.state() != MqttLink::State::Connected)
                    return;
                finish(*it, SourceError::said(SourceError::LockNotConnected,
                                              tr("The lock left the broker during the command: "
                                                 "check the door."),
                                              true));
            });
        }
        return StateChanged;
    }
    if (sub == u"serverConnected") {
        l.info.serverConnected = boolean();
        return StateChanged;
    }
    if (sub == u"commandResponse") {
        if (retained)
            return Nothing; // an old one stored on the broker
        if (const auto code = integer(0, 255))
            responseSeen(l, int(*code));
        return Nothing;
    }
    if (sub == u"lockActionEvent") {
        const auto e = parseLockActionEvent(payload);
        if (!e || retained)
            return Nothing;
        l.info.lastEvent = e;
        l.info.lastEventAt = QDateTime::currentDateTimeUtc();
        // Its own event: over MQTT, its action, and no other client's command waiting that
        // could be the same.
        if (l.pending && e->trigger == TriggerMqtt && e->action == l.pending->action &&
            !othersWaiting(l)) {
            l.pending->answered = true;
            l.pending->progress.taken();
        }
        if (l.typeKnown)
            emit lockEvent(
                l.device.nukiId, l.device.deviceType,
                {e->action, e->trigger, e->authId, e->codeId, e->context, l.info.lastEventAt});
        return Nothing;
    }
    if (sub == u"lockAction" || sub == u"lock" || sub == u"unlock") {
        // A command someone published. One stored on the broker (retained) would reach the
        // lock again whenever it reconnects: say so in the details; never act on it and
        // never publish it again.
        if (retained)
            l.info.retainedCommandSeen = true;
        else
            commandSeen(l, sub, payload);
        return Nothing;
    }
    if (sub == u"state") {
        const auto v = integer(0, 255);
        s.state = v ? int(*v) : -1;
        s.known = v.has_value();
        if (!l.typeKnown && v) {
            l.typeKnown = true; // no deviceType topic: a Wi-Fi Smart Lock, until it says
            return ListingChanged;
        }
    } else if (sub == u"mode") {
        s.mode = integer(0, 255).value_or(-1);
    } else if (sub == u"batteryCritical") {
        s.batteryCritical = boolean().value_or(false);
    } else if (sub == u"batteryChargeState") {
        const auto v = integer(0, 100);
        s.batteryChargeState = v ? std::optional<int>(int(*v)) : std::nullopt;
    } else if (sub == u"batteryCharging") {
        s.batteryCharging = boolean();
    } else if (sub == u"keypadBatteryCritical") {
        s.keypadBatteryCritical = boolean();
    } else if (sub == u"doorsensorState") {
        const auto v = integer(0, 255);
        s.doorsensorState = v ? std::optional<int>(int(*v)) : std::nullopt;
    } else if (sub == u"ringactionTimestamp") {
        s.ringactionTimestamp = parseTime(payload);
    } else if (sub == u"timestamp") {
        s.timestamp = parseTime(payload);
        return Nothing; // republished with every update: not news by itself
    }
    return s == before ? Nothing : StateChanged;
}

} // namespace nuki
