#include "mqtt/MqttPayloads.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

namespace nuki::mqtt {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("nuki::mqtt", text);
}

QByteArray trimmed(const QByteArray &payload)
{
    return payload.size() > MaxValueBytes ? QByteArray() : payload.trimmed();
}
} // namespace

std::optional<quint32> parseLockId(QStringView id)
{
    if (id.startsWith(u"0x", Qt::CaseInsensitive))
        id = id.mid(2);
    while (id.size() > 1 && id.front() == u'0')
        id = id.mid(1);
    if (id.isEmpty() || id.size() > MaxIdDigits)
        return std::nullopt;
    quint32 n = 0;
    for (QChar c : id) {
        const int digit = c.isDigit() ? c.unicode() - '0'
                          : (c.toLower() >= u'a' && c.toLower() <= u'f')
                              ? c.toLower().unicode() - 'a' + 10
                              : -1;
        if (digit < 0)
            return std::nullopt;
        n = n * 16 + quint32(digit);
    }
    if (n == 0)
        return std::nullopt; // no device has id 0
    return n;
}

bool parseLockTopic(const QString &topic, LockTopic *out)
{
    if (topic.size() > 128 || !topic.startsWith(QLatin1String("nuki/")))
        return false;
    const QStringView rest = QStringView(topic).mid(5);
    const qsizetype slash = rest.indexOf(u'/');
    if (slash <= 0)
        return false;
    const QStringView id = rest.left(slash);
    const QStringView sub = rest.mid(slash + 1);
    if (sub.isEmpty() || sub.contains(u'/'))
        return false;
    const std::optional<quint32> n = parseLockId(id);
    if (!n)
        return false;
    out->rawId = id.toString();
    out->nukiId = *n;
    out->sub = sub.toString();
    return true;
}

std::optional<qint64> parseInteger(const QByteArray &payload, qint64 min, qint64 max)
{
    const QByteArray t = trimmed(payload);
    if (t.isEmpty() || t.size() > 11)
        return std::nullopt;
    qint64 v = 0;
    bool negative = false;
    for (qsizetype i = 0; i < t.size(); ++i) {
        const char c = t[i];
        if (i == 0 && c == '-' && t.size() > 1) {
            negative = true;
            continue;
        }
        if (c < '0' || c > '9')
            return std::nullopt; // "2.5", "1e3", "0x45", "two"
        v = v * 10 + (c - '0');
    }
    if (negative)
        v = -v;
    if (v < min || v > max)
        return std::nullopt;
    return v;
}

std::optional<bool> parseBoolean(const QByteArray &payload)
{
    const QByteArray t = trimmed(payload).toLower();
    if (t == "true")
        return true;
    if (t == "false")
        return false;
    return std::nullopt;
}

QDateTime parseTime(const QByteArray &payload)
{
    const std::optional<QString> text = parseText(payload, 40);
    if (!text)
        return {};
    QDateTime t = QDateTime::fromString(*text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(*text, Qt::ISODate);
    if (t.isValid() && t.timeSpec() == Qt::LocalTime && !text->endsWith(u'Z') &&
        !text->contains(u'+') && text->lastIndexOf(u'-') < 10)
        t.setTimeSpec(Qt::UTC); // no offset: taken as UTC
    return t.isValid() ? t.toUTC() : QDateTime();
}

std::optional<QString> parseText(const QByteArray &payload, qsizetype maxChars)
{
    if (payload.size() > MaxValueBytes)
        return std::nullopt;
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(payload);
    if (utf8.hasError() || text.size() > maxChars)
        return std::nullopt;
    for (QChar c : text)
        if (c.category() == QChar::Other_Control)
            return std::nullopt;
    return text.trimmed();
}

std::optional<LockActionEvent> parseLockActionEvent(const QByteArray &payload)
{
    const QByteArray t = trimmed(payload);
    if (t.isEmpty())
        return std::nullopt;
    const QList<QByteArray> f = t.split(',');
    if (f.size() < 4 || f.size() > 16)
        return std::nullopt;
    LockActionEvent e;
    const auto action = parseInteger(f[0], 0, 255), trigger = parseInteger(f[1], 0, 255),
               auth = parseInteger(f[2], 0, 0xFFFFFFFFLL),
               code = parseInteger(f[3], 0, 0xFFFFFFFFLL);
    const auto context = f.size() > 4 ? parseInteger(f[4], 0, 255) : std::optional<qint64>(0);
    if (!action || !trigger || !auth || !code || !context)
        return std::nullopt;
    e.action = int(*action);
    e.trigger = int(*trigger);
    e.authId = quint32(*auth);
    e.codeId = quint32(*code);
    e.context = int(*context);
    return e;
}

std::optional<DiscoveredLock> parseDiscovery(const QString &topic, const QByteArray &payload)
{
    if (!topic.startsWith(QLatin1String("homeassistant/")) || payload.isEmpty() ||
        payload.size() > MaxDiscoveryBytes)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    const QJsonObject dev = o.value(QLatin1String("dev")).isObject()
                                ? o.value(QLatin1String("dev")).toObject()
                                : o.value(QLatin1String("device")).toObject();
    // The id: from "~" ("nuki/<ID>"), else from the device's identifiers, which the lock
    // writes as the string "[<ID>]" with literal brackets.
    QString id;
    const QString tilde = o.value(QLatin1String("~")).toString();
    if (tilde.startsWith(QLatin1String("nuki/")) && !tilde.mid(5).contains(u'/'))
        id = tilde.mid(5);
    if (id.isEmpty()) {
        const QJsonValue ids = dev.value(QLatin1String("ids")).isUndefined()
                                   ? dev.value(QLatin1String("identifiers"))
                                   : dev.value(QLatin1String("ids"));
        QString first = ids.isArray() ? ids.toArray().first().toString() : ids.toString();
        if (first.startsWith(u'[') && first.endsWith(u']'))
            first = first.mid(1, first.size() - 2);
        id = first;
    }
    const QString maker = dev.value(QLatin1String("mf")).toString() +
                          dev.value(QLatin1String("manufacturer")).toString();
    if (!tilde.startsWith(QLatin1String("nuki/")) && maker.compare(u"Nuki", Qt::CaseInsensitive))
        return std::nullopt; // another maker's device
    const std::optional<quint32> n = parseLockId(id);
    if (!n)
        return std::nullopt;
    DiscoveredLock d;
    d.rawId = id.trimmed();
    d.nukiId = *n;
    d.name = dev.value(QLatin1String("name")).toString().left(64);
    d.model = dev.value(QLatin1String("mdl")).toString().left(64);
    d.isLockEntity = topic.startsWith(QLatin1String("homeassistant/lock/"));
    for (QChar c : std::as_const(d.name))
        if (c.category() == QChar::Other_Control)
            return std::nullopt;
    return d;
}

QString responseText(int code)
{
    switch (code) {
    case 0:
        return tr("done");
    case 0x20:
        return tr("not authorised");
    case 0x23:
        return tr("a bad parameter");
    case 0x25:
        return tr("switched off");
    case 0x26:
        return tr("remote access not allowed");
    case 0x27:
        return tr("not allowed at this time");
    case 0x40:
        return tr("auto unlock too recent");
    case 0x41:
        return tr("the bolt's position is unknown");
    case 0x42:
        return tr("the motor is blocked");
    case 0x43:
        return tr("the clutch failed");
    case 0x44:
        return tr("the motor took too long");
    case ResponseBusy:
        return tr("busy: the lock is moving (perhaps someone is turning it by hand)");
    case 0x46:
        return tr("cancelled by the lock's button");
    case 0x47:
        return tr("not calibrated");
    case 0x49:
    case 0x4C:
        return tr("its battery is too low");
    case 0x4D:
        return tr("it needs a firmware update");
    default:
        return tr("error %1 (0x%2)").arg(code).arg(code, 2, 16, QLatin1Char('0'));
    }
}

} // namespace nuki::mqtt
