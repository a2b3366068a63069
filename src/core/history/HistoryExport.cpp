#include "history/HistoryExport.h"

#include "history/HistoryText.h"
#include "protocol/Actions.h"
#include "protocol/Protocol.h"

#include <QRegularExpression>

namespace nuki {

namespace {
QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toOffsetFromUtc(t.offsetFromUtc()).toString(Qt::ISODateWithMs)
                       : QString();
}

QByteArray csvField(QString text)
{
    if (!text.isEmpty() && QStringLiteral("=+-@\t\r").contains(text.front()))
        text.prepend(u'\'');
    if (text.contains(u'"') || text.contains(u',') || text.contains(u'\n') ||
        text.contains(u'\r') || text.contains(u'\''))
        text = u'"' + text.replace(u'"', QStringLiteral("\"\"")) + u'"';
    return text.toUtf8();
}

struct Row
{
    QString time, kind, device, deviceId, source, state, action, origin, outcome, ended, duration,
        how, detail, learned, text;
};
Row rowOf(const HistoryEvent &e)
{
    Row r;
    r.time = isoTime(e.at);
    r.kind = historyKindName(e.kind);
    if (e.kind == HistoryKind::DoorOpened)
        r.kind = QStringLiteral("door-opened");
    else if (e.kind == HistoryKind::DoorClosed)
        r.kind = QStringLiteral("door-closed");
    else if (e.kind == HistoryKind::SourceOffline)
        r.kind = QStringLiteral("offline");
    else if (e.kind == HistoryKind::SourceOnline)
        r.kind = QStringLiteral("online");
    else if (e.kind == HistoryKind::HistoryPaused)
        r.kind = QStringLiteral("history-paused");
    r.device = e.deviceName;
    r.deviceId = e.key.nukiId ? e.key.toString() : QString();
    r.source = e.sourceName.isEmpty() ? e.sourceId : e.sourceName;
    if (e.state >= 0) {
        if (e.kind == HistoryKind::StateChanged)
            r.state = stateText(e.key.deviceType, e.state);
        else if (e.kind == HistoryKind::Battery)
            r.state = QString::number(e.state);
    }
    if (e.kind == HistoryKind::Action) {
        r.action = findAction(e.key.deviceType, e.action) ? actionName(e.key.deviceType, e.action)
                                                          : QStringLiteral("unknown");
        r.origin = historyOriginName(e.origin);
        r.outcome = historyOutcomeName(e.outcome);
        r.ended = isoTime(e.endedAt);
    }
    if (e.durationMs >= 0)
        r.duration = QString::number(e.durationMs / 1000.0, 'f', 1);
    r.how = e.how;
    r.detail = e.detail;
    r.learned = e.learnedLater ? QStringLiteral("yes") : QString();
    r.text = historyEventText(e);
    return r;
}
} // namespace

QByteArray historyCsvHeader()
{
    return "time,kind,device,device_id,source,state,action,origin,outcome,ended,"
           "duration_s,how,detail,learned_afterwards,text\r\n";
}

QByteArray historyCsvRow(const HistoryEvent &e)
{
    const Row r = rowOf(e);
    QByteArrayList fields;
    for (const QString *f :
         {&r.time, &r.kind, &r.device, &r.deviceId, &r.source, &r.state, &r.action, &r.origin,
          &r.outcome, &r.ended, &r.duration, &r.how, &r.detail, &r.learned, &r.text})
        fields << csvField(*f);
    return fields.join(',') + "\r\n";
}

QJsonObject historyJson(const HistoryEvent &e)
{
    const Row r = rowOf(e);
    QJsonObject o{{QStringLiteral("time"), r.time},
                  {QStringLiteral("kind"), r.kind},
                  {QStringLiteral("text"), r.text}};
    auto add = [&o](const char *key, const QString &v) {
        if (!v.isEmpty())
            o.insert(QLatin1String(key), v);
    };
    add("device", r.device);
    add("deviceId", r.deviceId);
    add("source", r.source);
    add("state", r.state);
    add("action", r.action);
    add("origin", r.origin);
    add("outcome", r.outcome);
    add("ended", r.ended);
    add("how", r.how);
    add("detail", r.detail);
    if (e.durationMs >= 0)
        o.insert(QStringLiteral("durationSeconds"), e.durationMs / 1000.0);
    if (e.kind == HistoryKind::Battery && e.state >= 0)
        o.insert(QStringLiteral("battery"), e.state);
    if (e.learnedLater)
        o.insert(QStringLiteral("learnedAfterwards"), true);
    return o;
}

QDateTime parseHistoryTime(const QString &input, bool endOfDay, const QDateTime &now)
{
    const QString text = input.trimmed().toLower();
    const QDate today = now.date();
    // startOfDay: where summer time begins at midnight, the day starts at 01:00.
    auto day = [&](QDate d) { return endOfDay ? d.addDays(1).startOfDay() : d.startOfDay(); };
    if (text == u"today")
        return day(today);
    if (text == u"yesterday")
        return day(today.addDays(-1));
    static const QRegularExpression ago(QStringLiteral("^(\\d{1,5})([dhm])$"));
    if (const auto m = ago.match(text); m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const qint64 unit = m.captured(2) == u"d" ? 86400 : m.captured(2) == u"h" ? 3600 : 60;
        return now.addSecs(-n * unit);
    }
    if (const QDate d = QDate::fromString(text, Qt::ISODate); d.isValid() && text.size() == 10)
        return day(d);
    for (const QString &form :
         {QStringLiteral("yyyy-MM-dd HH:mm"), QStringLiteral("yyyy-MM-dd HH:mm:ss")})
        if (QDateTime t = QDateTime::fromString(text, form); t.isValid())
            return t;
    if (QDateTime t = QDateTime::fromString(input.trimmed(), Qt::ISODateWithMs); t.isValid())
        return t;
    return {};
}

bool isSkippedLocalTime(const QString &input)
{
    const QStringList parts = input.trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (parts.size() != 2)
        return false;
    const QDate d = QDate::fromString(parts[0], Qt::ISODate);
    QTime t = QTime::fromString(parts[1], QStringLiteral("HH:mm"));
    if (!t.isValid())
        t = QTime::fromString(parts[1], QStringLiteral("HH:mm:ss"));
    if (!d.isValid() || !t.isValid())
        return false;
    // Qt moves a skipped time past the gap (or gives an invalid one): either way not `t`.
    const QDateTime local(d, t);
    return !local.isValid() || local.time() != t || local.date() != d;
}

} // namespace nuki
