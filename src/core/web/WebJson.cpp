// Nuki Web's JSON → structs. Strict where a wrong value would mislead (ids, states), tolerant
// where the cloud adds fields (it does, often: config objects, subscriptions).
#include "web/WebJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "protocol/PlainText.h"

namespace nuki::web {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("nuki::web", text);
}

// A device id: (type << 32) | nukiId with a type of one byte at most (§2.10). Doubles are
// refused: a number JSON wrote with a fraction or an exponent is no id, and one above 2^53
// would have lost digits on the way.
std::optional<qint64> smartlockIdOf(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const qint64 id = v.toInteger(-1);
    if (!splitSmartlockId(id))
        return std::nullopt; // 0, negative, over 40 bits, or a nukiId of 0
    return id;
}

std::optional<int> small(const QJsonObject &o, const char *key, int min, int max)
{
    const auto v = boundedInteger(o.value(QLatin1StringView(key)), min, max);
    return v ? std::optional<int>(int(*v)) : std::nullopt;
}

std::optional<bool> flag(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1StringView(key));
    return v.isBool() ? std::optional<bool>(v.toBool()) : std::nullopt;
}

QDateTime dateOf(const QJsonValue &v)
{
    if (!v.isString() || v.toString().size() > 40)
        return {};
    QDateTime d = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return d.isValid() ? d.toUTC() : QDateTime();
}

QString nameOf(const QJsonValue &v)
{
    // A name is a person's words, shown as text only (PlainText at the front ends); bounded.
    return v.isString() ? v.toString().left(100) : QString();
}

bool documentOf(const QByteArray &body, QJsonDocument *doc, Parsed *info)
{
    if (body.size() > MaxBodyBytes) {
        info->error = tr("Nuki Web's answer is too large (%1 bytes).").arg(body.size());
        return false;
    }
    QJsonParseError pe;
    *doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError) {
        info->error = tr("Nuki Web's answer is not valid JSON (%1).").arg(pe.errorString());
        return false;
    }
    return true;
}

std::optional<Lock> lockOf(const QJsonObject &o)
{
    const auto id = smartlockIdOf(o.value(QLatin1StringView("smartlockId")));
    if (!id)
        return std::nullopt;
    Lock l;
    l.smartlockId = *id;
    const auto pair = splitSmartlockId(*id);
    l.nukiId = pair->first;
    l.deviceType = pair->second;
    l.cloudType = small(o, "type", 0, 255).value_or(-1);
    // Type 0 (Smart Lock 1/2) has no prefix: its id is its nukiId. Any other type whose id
    // says another thing is shown as the id says, and flagged.
    l.typeMismatch = l.cloudType >= 0 && l.cloudType != l.deviceType;
    l.name = nameOf(o.value(QLatin1StringView("name")));
    l.serverState = small(o, "serverState", 0, 255).value_or(-1);
    l.busy = o.value(QLatin1StringView("operationId")).isString() &&
             !o.value(QLatin1StringView("operationId")).toString().isEmpty();
    l.updateDate = dateOf(o.value(QLatin1StringView("updateDate")));
    const QJsonObject config = o.value(QLatin1StringView("config")).toObject();
    l.keypadPaired = flag(config, "keypadPaired").value_or(false) ||
                     flag(config, "keypad2Paired").value_or(false);
    const QJsonValue stateValue = o.value(QLatin1StringView("state"));
    if (stateValue.isObject()) {
        const QJsonObject s = stateValue.toObject();
        DeviceState &d = l.state;
        const auto state = small(s, "state", 0, 255);
        d.known = state.has_value();
        d.state = state.value_or(-1);
        d.mode = small(s, "mode", 0, 255).value_or(-1);
        d.batteryCritical = flag(s, "batteryCritical").value_or(false);
        d.batteryCharging = flag(s, "batteryCharging");
        d.batteryChargeState = small(s, "batteryCharge", 0, 100);
        if (l.keypadPaired || s.contains(QLatin1StringView("keypadBatteryCritical")))
            d.keypadBatteryCritical = flag(s, "keypadBatteryCritical");
        // 0: no door sensor paired. Other values as the bridge has them (same numbers).
        if (const auto door = small(s, "doorState", 0, 255); door && *door != 0)
            d.doorsensorState = *door;
        d.timestamp = l.updateDate;
    }
    return l;
}
} // namespace

std::optional<std::pair<quint32, int>> splitSmartlockId(qint64 smartlockId)
{
    if (smartlockId <= 0 || smartlockId >= (qint64(1) << 40))
        return std::nullopt;
    const auto nukiId = quint32(quint64(smartlockId) & 0xFFFFFFFFu);
    if (nukiId == 0)
        return std::nullopt;
    return std::make_pair(nukiId, int(smartlockId >> 32));
}

std::optional<QList<Lock>> parseLocks(const QByteArray &body, Parsed *info)
{
    QJsonDocument doc;
    if (!documentOf(body, &doc, info))
        return std::nullopt;
    if (!doc.isArray()) {
        info->error = tr("Nuki Web's list of devices is not a list.");
        return std::nullopt;
    }
    const QJsonArray array = doc.array();
    if (array.size() > MaxDevices) {
        info->error = tr("Nuki Web lists %1 devices, more than an account of a home can have "
                         "(%2): nothing was taken from it.")
                          .arg(array.size())
                          .arg(MaxDevices);
        return std::nullopt;
    }
    QList<Lock> locks;
    for (const QJsonValue &v : array) {
        auto l = v.isObject() ? lockOf(v.toObject()) : std::nullopt;
        if (!l) {
            ++info->skipped;
            continue;
        }
        // The same device twice: the first is kept (one device, one card).
        bool seen = false;
        for (const Lock &other : std::as_const(locks))
            seen = seen || other.smartlockId == l->smartlockId;
        if (!seen)
            locks << *l;
        else
            ++info->skipped;
    }
    return locks;
}

std::optional<Lock> parseLock(const QByteArray &body, Parsed *info)
{
    QJsonDocument doc;
    if (!documentOf(body, &doc, info))
        return std::nullopt;
    auto l = doc.isObject() ? lockOf(doc.object()) : std::nullopt;
    if (!l)
        info->error = tr("Nuki Web's answer is not a device the app can read.");
    return l;
}

std::optional<QList<LogEntry>> parseLog(const QByteArray &body, Parsed *info)
{
    QJsonDocument doc;
    if (!documentOf(body, &doc, info))
        return std::nullopt;
    if (!doc.isArray()) {
        info->error = tr("Nuki Web's log is not a list.");
        return std::nullopt;
    }
    QList<LogEntry> entries;
    const QJsonArray array = doc.array();
    for (const QJsonValue &v : array) {
        if (entries.size() >= MaxLogEntries) {
            ++info->skipped;
            continue;
        }
        const QJsonObject o = v.toObject();
        const auto id = smartlockIdOf(o.value(QLatin1StringView("smartlockId")));
        const QJsonValue entryId = o.value(QLatin1StringView("id"));
        LogEntry e;
        e.date = dateOf(o.value(QLatin1StringView("date")));
        const auto action = small(o, "action", 0, 255);
        if (!id || !entryId.isString() || entryId.toString().isEmpty() ||
            entryId.toString().size() > 64 || !e.date.isValid() || !action) {
            ++info->skipped;
            continue;
        }
        e.id = entryId.toString();
        e.smartlockId = *id;
        const auto pair = splitSmartlockId(*id);
        e.nukiId = pair->first;
        e.deviceType = pair->second;
        e.name = nameOf(o.value(QLatin1StringView("name")));
        e.action = *action;
        e.trigger = small(o, "trigger", 0, 255).value_or(-1);
        e.state = small(o, "state", 0, 255).value_or(-1);
        e.source = small(o, "source", 0, 255).value_or(-1);
        entries << e;
    }
    return entries;
}

QString errorDetail(const QByteArray &body)
{
    if (body.size() > 64 * 1024)
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return {}; // an HTML page (a proxy's 502): not worth a person's reading
    const QJsonObject o = doc.object();
    for (const char *key : {"detailMessage", "description", "message"})
        if (const QJsonValue v = o.value(QLatin1StringView(key)); v.isString())
            return plainText(v.toString(), 200); // the server's words: no control characters
    return {};
}

} // namespace nuki::web
