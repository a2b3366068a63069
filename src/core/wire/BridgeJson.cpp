// JSON → structs. Tolerant where the bridge varies, strict where a wrong value would mislead.
#include "wire/BridgeJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace nuki {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("nuki", text);
}

std::optional<qint64> integer(const QJsonObject &o, const char *key, qint64 min, qint64 max)
{
    return boundedInteger(o.value(QLatin1String(key)), min, max);
}

// Very old firmware omits deviceType; the API's default is 0 (§3.1). A value that is there
// but not a small whole number is a kind we do not know: -1, shown without actions, never
// taken for a Smart Lock.
int deviceTypeOf(const QJsonObject &o, const char *key)
{
    if (!o.contains(QLatin1StringView(key)))
        return 0;
    return int(integer(o, key, 0, 255).value_or(-1));
}

std::optional<bool> boolean(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isBool())
        return v.toBool();
    // Very old firmware sent "true"/"false" as strings (§1).
    if (v.isString() && (v.toString() == u"true" || v.toString() == u"false"))
        return v.toString() == u"true";
    return std::nullopt;
}

bool document(const QByteArray &body, QJsonDocument *doc, QString *error)
{
    if (body.size() > MaxBodyBytes) {
        *error = tr("The bridge's answer is too large (%1 bytes).").arg(body.size());
        return false;
    }
    QJsonParseError pe;
    *doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError) {
        *error = tr("The bridge's answer is not valid JSON (%1).").arg(pe.errorString());
        return false;
    }
    return true;
}

bool object(const QByteArray &body, QJsonObject *out, QString *error)
{
    QJsonDocument doc;
    if (!document(body, &doc, error))
        return false;
    if (!doc.isObject()) {
        *error = tr("The bridge's answer has an unexpected shape.");
        return false;
    }
    *out = doc.object();
    return true;
}

bool array(const QByteArray &body, QJsonArray *out, const char *what, QString *error)
{
    QJsonDocument doc;
    if (!document(body, &doc, error))
        return false;
    if (!doc.isArray()) {
        *error = tr(what);
        return false;
    }
    *out = doc.array();
    return true;
}

void readState(const QJsonObject &s, DeviceState *out)
{
    out->known = true;
    out->mode = int(integer(s, "mode", 0, 255).value_or(-1));
    out->state = int(integer(s, "state", 0, 255).value_or(-1));
    out->stateName = s.value(QLatin1String("stateName")).toString();
    out->batteryCritical = boolean(s, "batteryCritical").value_or(false);
    out->batteryCharging = boolean(s, "batteryCharging");
    if (auto v = integer(s, "batteryChargeState", 0, 100))
        out->batteryChargeState = int(*v);
    out->keypadBatteryCritical = boolean(s, "keypadBatteryCritical");
    if (auto v = integer(s, "doorsensorState", 0, 255))
        out->doorsensorState = int(*v);
    out->ringactionState = boolean(s, "ringactionState");
    out->ringactionTimestamp =
        parseTimestamp(s.value(QLatin1String("ringactionTimestamp")).toString());
    out->timestamp = parseTimestamp(s.value(QLatin1String("timestamp")).toString());
}
} // namespace

QDateTime parseTimestamp(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

bool parseList(const QByteArray &body, QList<Device> *out, QString *error)
{
    QJsonArray list;
    if (!array(body, &list,
               QT_TRANSLATE_NOOP("nuki", "The bridge's device list has an unexpected shape."),
               error))
        return false;
    out->clear();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        const auto id = integer(o, "nukiId", 0, 0xffffffffLL);
        if (!id)
            continue; // without an id nothing can be done with the entry
        Device d;
        d.nukiId = quint32(*id);
        d.deviceType = deviceTypeOf(o, "deviceType");
        d.name = o.value(QLatin1String("name")).toString();
        d.firmwareVersion = o.value(QLatin1String("firmwareVersion")).toString();
        const QJsonValue s = o.value(QLatin1String("lastKnownState"));
        if (s.isObject())
            readState(s.toObject(), &d.state);
        out->append(d);
    }
    return true;
}

bool parseInfo(const QByteArray &body, BridgeInfo *out, QString *error)
{
    QJsonObject o;
    if (!object(body, &o, error))
        return false;
    const auto type = integer(o, "bridgeType", 0, 255);
    const QJsonObject ids = o.value(QLatin1String("ids")).toObject();
    const auto serverId = integer(ids, "serverId", 0, 0xffffffffLL);
    if (!type || !serverId) {
        *error = tr("The bridge's information lacks its type or id.");
        return false;
    }
    out->bridgeType = int(*type);
    out->serverId = quint32(*serverId);
    out->hardwareId = quint32(integer(ids, "hardwareId", 0, 0xffffffffLL).value_or(0));
    const QJsonObject versions = o.value(QLatin1String("versions")).toObject();
    out->firmwareVersion = versions.value(QLatin1String("firmwareVersion")).toString();
    out->wifiFirmwareVersion = versions.value(QLatin1String("wifiFirmwareVersion")).toString();
    out->appVersion = versions.value(QLatin1String("appVersion")).toString();
    out->uptime = integer(o, "uptime", 0, std::numeric_limits<qint64>::max()).value_or(-1);
    out->currentTime = parseTimestamp(o.value(QLatin1String("currentTime")).toString());
    out->wlanConnected = boolean(o, "wlanConnected");
    out->serverConnected = boolean(o, "serverConnected");
    out->scanResults.clear();
    for (const QJsonValue &v : o.value(QLatin1String("scanResults")).toArray()) {
        const QJsonObject s = v.toObject();
        ScanResult r;
        r.nukiId = quint32(integer(s, "nukiId", 0, 0xffffffffLL).value_or(0));
        // The doc's example misspells deviceType as "type" (§4.8).
        r.deviceType =
            int(integer(s, "deviceType", 0, 255).value_or(integer(s, "type", 0, 255).value_or(0)));
        r.name = s.value(QLatin1String("name")).toString();
        r.rssi = int(integer(s, "rssi", -200, 200).value_or(0));
        r.paired = boolean(s, "paired").value_or(false);
        out->scanResults << r;
    }
    return true;
}

bool parseLockState(const QByteArray &body, DeviceState *out, bool *success, QString *error)
{
    QJsonObject o;
    if (!object(body, &o, error))
        return false;
    *success = boolean(o, "success").value_or(true);
    if (!*success)
        return true;
    if (!integer(o, "state", 0, 255)) {
        *error = tr("The lock's state is missing in the bridge's answer.");
        return false;
    }
    readState(o, out);
    return true;
}

bool parseActionResult(const QByteArray &body, ActionResult *out, QString *error)
{
    QJsonObject o;
    if (!object(body, &o, error))
        return false;
    const auto success = boolean(o, "success");
    if (!success) {
        *error = tr("The bridge's answer does not say whether the action succeeded.");
        return false;
    }
    out->success = *success;
    out->batteryCritical = boolean(o, "batteryCritical");
    return true;
}

bool parseSuccess(const QByteArray &body, bool *success, QString *message, QString *error)
{
    // Maintenance endpoints may answer with an empty body (§4.12).
    if (body.trimmed().isEmpty()) {
        *success = true;
        return true;
    }
    QJsonObject o;
    if (!object(body, &o, error))
        return false;
    *success = boolean(o, "success").value_or(false);
    *message = o.value(QLatin1String("message")).toString();
    return true;
}

bool parseCallbackList(const QByteArray &body, QList<CallbackEntry> *out, QString *error)
{
    QJsonObject o;
    if (!object(body, &o, error))
        return false;
    const QJsonValue list = o.value(QLatin1String("callbacks"));
    if (!list.isArray()) {
        *error = tr("The bridge's callback list has an unexpected shape.");
        return false;
    }
    out->clear();
    for (const QJsonValue &v : list.toArray()) {
        const QJsonObject c = v.toObject();
        const auto id = integer(c, "id", 0, 255);
        if (id)
            out->append({int(*id), c.value(QLatin1String("url")).toString()});
    }
    return true;
}

bool parseCallbackBody(const QByteArray &body, quint32 *nukiId, int *deviceType, DeviceState *out,
                       QString *error)
{
    QJsonObject o;
    if (!object(body, &o, error))
        return false;
    const auto id = integer(o, "nukiId", 0, 0xffffffffLL);
    const auto state = integer(o, "state", 0, 255);
    if (!id || !state) {
        *error = tr("The bridge's notification lacks the device or its state.");
        return false;
    }
    *nukiId = quint32(*id);
    *deviceType = deviceTypeOf(o, "deviceType");
    readState(o, out);
    return true;
}

bool parseBridgeLog(const QByteArray &body, QList<BridgeLogEntry> *out, QString *error)
{
    QJsonArray list;
    if (!array(body, &list, QT_TRANSLATE_NOOP("nuki", "The bridge's log has an unexpected shape."),
               error))
        return false;
    out->clear();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        out->append({parseTimestamp(o.value(QLatin1String("timestamp")).toString()),
                     o.value(QLatin1String("type")).toString(), o});
    }
    return true;
}

bool parseDiscovery(const QByteArray &body, QList<DiscoveredBridge> *out, QString *error)
{
    QJsonObject o;
    if (!object(body, &o, error))
        return false;
    if (integer(o, "errorCode", -100000, 100000).value_or(-1) != 0) {
        *error = tr("The discovery service reported an error.");
        return false;
    }
    out->clear();
    for (const QJsonValue &v : o.value(QLatin1String("bridges")).toArray()) {
        const QJsonObject b = v.toObject();
        DiscoveredBridge d;
        d.bridgeId = quint32(integer(b, "bridgeId", 0, 0xffffffffLL).value_or(0));
        d.ip = b.value(QLatin1String("ip")).toString();
        d.port = int(integer(b, "port", 0, 65535).value_or(0));
        d.dateUpdated = parseTimestamp(b.value(QLatin1String("dateUpdated")).toString());
        if (d.bridgeId != 0)
            out->append(d);
    }
    return true;
}

bool parseAuth(const QByteArray &body, QString *token, bool *success, QString *error)
{
    QJsonObject o;
    if (!object(body, &o, error))
        return false;
    *success = boolean(o, "success").value_or(false);
    *token = o.value(QLatin1String("token")).toString();
    if (*success && token->isEmpty()) {
        *error = tr("The bridge confirmed but sent no token.");
        return false;
    }
    return true;
}

} // namespace nuki
