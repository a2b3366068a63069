#include "SimDevice.h"

#include "SimJson.h"

namespace nukisim {

QString formatTimestamp(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QStringLiteral("+00:00");
}

QString SimDevice::stateName() const
{
    if (isOpener()) {
        switch (state) {
        case 0:
            return QStringLiteral("untrained");
        case 1:
            return QStringLiteral("online");
        case 3:
            return QStringLiteral("rto active");
        case 5:
            return QStringLiteral("open");
        case 7:
            return QStringLiteral("opening");
        case 253:
            return QStringLiteral("boot run");
        default:
            return QStringLiteral("undefined");
        }
    }
    switch (state) {
    case 0:
        return QStringLiteral("uncalibrated");
    case 1:
        return QStringLiteral("locked");
    case 2:
        return QStringLiteral("unlocking");
    case 3:
        return QStringLiteral("unlocked");
    case 4:
        return QStringLiteral("locking");
    case 5:
        return QStringLiteral("unlatched");
    // The PDF prints typographic quotes; no capture of a real bridge shows state 6 (§3.3).
    case 6:
        return QStringLiteral("unlocked (lock \u2018n\u2019 go)");
    case 7:
        return QStringLiteral("unlatching");
    case 254:
        return QStringLiteral("motor blocked");
    default:
        return QStringLiteral("undefined");
    }
}

QString SimDevice::doorsensorStateName() const
{
    switch (doorsensorState) {
    case 1:
        return QStringLiteral("deactivated");
    case 2:
        return QStringLiteral("door closed");
    case 3:
        return QStringLiteral("door opened");
    case 4:
        return QStringLiteral("door state unknown");
    case 5:
        return QStringLiteral("calibrating");
    case 16:
        return QStringLiteral("uncalibrated");
    case 240:
        return QStringLiteral("removed");
    default:
        return QStringLiteral("unknown");
    }
}

bool SimDevice::isFinalState() const
{
    if (isOpener())
        return state != dev::OpenerOpening && state != dev::OpenerOpen;
    return state != dev::Unlocking && state != dev::Locking && state != dev::Unlatching &&
           state != dev::Unlatched && state != dev::UnlockedLockNGo;
}

QByteArray SimDevice::stateKeys(bool withTimestamp, const QDateTime &now) const
{
    JsonObject o;
    o.add("mode", mode).add("state", state).add("stateName", stateName());
    o.add("batteryCritical", batteryCritical);
    if (!isOpener()) {
        o.add("batteryCharging", batteryCharging).add("batteryChargeState", batteryChargeState);
        if (hasKeypad)
            o.add("keypadBatteryCritical", keypadBatteryCritical);
        if (hasDoorSensor)
            o.add("doorsensorState", doorsensorState)
                .add("doorsensorStateName", doorsensorStateName());
    } else {
        o.add("ringactionTimestamp",
              formatTimestamp(ringactionTimestamp.isValid() ? ringactionTimestamp : now));
        o.add("ringactionState", ringactionState);
    }
    if (withTimestamp)
        o.add("timestamp", formatTimestamp(timestamp.isValid() ? timestamp : now));
    const QByteArray json = o.toJson();
    return json.mid(1, json.size() - 2); // the keys without braces, to be spliced
}

QByteArray SimDevice::listEntry(const QDateTime &now) const
{
    JsonObject o;
    if (!hasLastKnownState)
        return o.add("nukiId", qint64(nukiId)).add("name", name).toJson();
    o.add("deviceType", deviceType).add("nukiId", qint64(nukiId)).add("name", name);
    o.add("firmwareVersion", firmwareVersion);
    o.addRaw("lastKnownState", "{" + stateKeys(true, now) + "}");
    return o.toJson();
}

QByteArray SimDevice::lockStateBody(const QDateTime &now) const
{
    return "{" + stateKeys(false, now) + ", \"success\": true}";
}

QByteArray SimDevice::callbackBody(const QDateTime &now) const
{
    JsonObject o;
    o.add("deviceType", deviceType).add("nukiId", qint64(nukiId));
    const QByteArray head = o.toJson();
    return head.left(head.size() - 1) + ", " + stateKeys(false, now) + "}";
}

SimDevice SimDevice::fromJson(const QJsonObject &o, QString *error)
{
    SimDevice d;
    d.deviceType = o.value(QStringLiteral("deviceType")).toInt(dev::SmartLock);
    const double id = o.value(QStringLiteral("nukiId")).toDouble(-1);
    if (id < 0 || id > 4294967295.0) {
        *error = QStringLiteral("device without a valid nukiId");
        return d;
    }
    d.nukiId = quint32(id);
    d.name = o.value(QStringLiteral("name")).toString(QStringLiteral("Nuki"));
    d.firmwareVersion =
        o.value(QStringLiteral("firmwareVersion"))
            .toString(d.isOpener() ? QStringLiteral("1.6.4") : QStringLiteral("2.14.0"));
    const QJsonObject s = o.value(QStringLiteral("lastKnownState")).toObject();
    d.hasLastKnownState = !o.value(QStringLiteral("degraded")).toBool();
    d.mode = s.value(QStringLiteral("mode")).toInt(dev::ModeDoor);
    d.state = s.value(QStringLiteral("state")).toInt(dev::Locked);
    d.batteryCritical = s.value(QStringLiteral("batteryCritical")).toBool();
    d.batteryCharging = s.value(QStringLiteral("batteryCharging")).toBool();
    d.batteryChargeState = s.value(QStringLiteral("batteryChargeState")).toInt(100);
    d.hasKeypad = s.contains(QStringLiteral("keypadBatteryCritical"));
    d.keypadBatteryCritical = s.value(QStringLiteral("keypadBatteryCritical")).toBool();
    d.hasDoorSensor = s.contains(QStringLiteral("doorsensorState"));
    d.doorsensorState = s.value(QStringLiteral("doorsensorState")).toInt(dev::DoorClosed);
    d.ringactionState = s.value(QStringLiteral("ringactionState")).toBool();
    d.ringactionTimestamp = QDateTime::fromString(
        s.value(QStringLiteral("ringactionTimestamp")).toString(), Qt::ISODate);
    return d;
}

} // namespace nukisim
