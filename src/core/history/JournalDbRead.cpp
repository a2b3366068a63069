// The reading half of JournalDb: filters, pages, gaps, the devices known; every value read as
// a stranger's (JournalDb.cpp has opening, repairing and writing).
#include "history/JournalDb.h"
#include "protocol/PlainText.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace nuki {

// lupdate gives tr() in namespace nuki the context "nuki".
static QString tr(const char *text)
{
    return QCoreApplication::translate("nuki", text);
}

namespace {

constexpr qint64 MinTime = 946684800000LL;  // 2000-01-01: nothing we record is older
constexpr qint64 MaxTime = 4102444800000LL; // 2100-01-01

// A stored integer we can trust, or `fallback`: the wrong type or out of range is unknown.
qint64 intOr(const QVariant &v, qint64 min, qint64 max, qint64 fallback)
{
    if (v.isNull() || (v.typeId() != QMetaType::LongLong && v.typeId() != QMetaType::Int))
        return fallback;
    const qint64 n = v.toLongLong();
    return n < min || n > max ? fallback : n;
}
// A stored text as it may be shown: cut, and without control characters or the marks that
// reverse the direction of what follows (a name must not forge lines or rewrite others).
QString textOf(const QVariant &v)
{
    if (v.typeId() != QMetaType::QString)
        return {};
    return plainText(v.toString(), JournalDb::MaxTextChars);
}

const char *const Columns = "id, at, kind, nuki_id, device_type, substr(device_name,1,300), "
                            "substr(source_id,1,300), substr(source_name,1,300), state, action, "
                            "origin, outcome, ended_at, duration_ms, substr(how,1,300), "
                            "substr(detail,1,300), learned_later, substr(uid,1,300)";

} // namespace

QString JournalDb::whereClause(const HistoryFilter &f, QVariantList *binds) const
{
    // Rows that are not ours are left out in the query itself, so that they neither use up a
    // LIMIT nor end a page early (select() checks every value again).
    QStringList parts{QStringLiteral("typeof(at) = 'integer' AND at BETWEEN %1 AND %2 AND "
                                     "typeof(kind) = 'integer' AND kind BETWEEN 1 AND %3")
                          .arg(MinTime)
                          .arg(MaxTime)
                          .arg(HistoryKindCount)};
    if (f.device) {
        parts << QStringLiteral("nuki_id = ? AND device_type = ?");
        *binds << qint64(f.device->nukiId) << f.device->deviceType;
    }
    if (!f.kinds.isEmpty()) {
        QStringList marks;
        for (HistoryKind k : f.kinds) {
            marks << QStringLiteral("?");
            *binds << int(k);
        }
        parts << QStringLiteral("kind IN (%1)").arg(marks.join(u','));
    }
    if (f.since.isValid()) {
        parts << QStringLiteral("at >= ?");
        *binds << f.since.toMSecsSinceEpoch();
    }
    if (f.until.isValid()) {
        parts << QStringLiteral("at < ?");
        *binds << f.until.toMSecsSinceEpoch();
    }
    if (!f.text.trimmed().isEmpty()) {
        QString t = f.text.trimmed().left(100);
        t.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'%', QStringLiteral("\\%"))
            .replace(u'_', QStringLiteral("\\_"));
        const QString like = u'%' + t.toLower() + u'%';
        if (m_hasSearch) {
            parts << QStringLiteral("search LIKE ? ESCAPE '\\'");
            *binds << like;
        } else {
            parts << QStringLiteral("(device_name LIKE ? ESCAPE '\\' OR how LIKE ? ESCAPE '\\' OR "
                                    "detail LIKE ? ESCAPE '\\' OR source_name LIKE ? ESCAPE '\\')");
            *binds << like << like << like << like;
        }
    }
    return QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

QList<HistoryEvent> JournalDb::select(const QString &sql, const QVariantList &binds)
{
    QList<HistoryEvent> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        failFrom(q.lastError(), tr("Reading"));
        return out;
    }
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec()) {
        failFrom(q.lastError(), tr("Reading"));
        return out;
    }
    while (q.next()) {
        const qint64 at = intOr(q.value(1), MinTime, MaxTime, -1);
        const qint64 kind = intOr(q.value(2), 1, HistoryKindCount, -1);
        if (at < 0 || kind < 0)
            continue; // not something we wrote
        HistoryEvent e;
        e.id = q.value(0).toLongLong();
        e.at = QDateTime::fromMSecsSinceEpoch(at);
        e.kind = HistoryKind(kind);
        e.key.nukiId = quint32(intOr(q.value(3), 0, 0xffffffffLL, 0));
        e.key.deviceType = int(intOr(q.value(4), 0, 255, 0));
        e.deviceName = textOf(q.value(5));
        e.sourceId = textOf(q.value(6));
        e.sourceName = textOf(q.value(7));
        e.state = int(intOr(q.value(8), 0, 255, -1));
        // Values out of range are a stranger's: unknown, never turned into plausible facts.
        e.action = int(intOr(q.value(9), 0, 255, -1));
        e.origin = ActionOrigin(
            intOr(q.value(10), 0, int(ActionOrigin::Automation), int(ActionOrigin::Unknown)));
        e.outcome = HistoryOutcome(
            intOr(q.value(11), 0, int(HistoryOutcome::Unknown), int(HistoryOutcome::Unknown)));
        if (const qint64 ended = intOr(q.value(12), MinTime, MaxTime, -1); ended >= 0)
            e.endedAt = QDateTime::fromMSecsSinceEpoch(ended);
        e.durationMs = intOr(q.value(13), 0, 366LL * 86400000, -1);
        e.how = textOf(q.value(14));
        e.detail = textOf(q.value(15));
        e.learnedLater = intOr(q.value(16), 0, 1, 0) == 1;
        e.uid = textOf(q.value(17));
        out << e;
    }
    return out;
}

// The rows of `key`'s device from `from` to `until` of the kinds given, as events.
QList<HistoryEvent> JournalDb::rowsAround(const DeviceKey &key, qint64 from, qint64 until,
                                          const QList<HistoryKind> &kinds)
{
    QStringList k;
    for (HistoryKind kind : kinds)
        k << QString::number(int(kind));
    return select(QStringLiteral("SELECT %1 FROM events WHERE nuki_id = ? AND device_type = ?"
                                 " AND at BETWEEN ? AND ? AND kind IN (%2) ORDER BY at LIMIT 200")
                      .arg(QLatin1String(Columns), k.join(u',')),
                  {qint64(key.nukiId), key.deviceType, from, until});
}

QList<HistoryEvent> JournalDb::query(const HistoryFilter &filter, int limit,
                                     const std::optional<Cursor> &before)
{
    QVariantList binds;
    QString where = whereClause(filter, &binds);
    if (before) {
        where += QStringLiteral(" AND ");
        where += QStringLiteral("(at < ? OR (at = ? AND id < ?))");
        binds << before->at.toMSecsSinceEpoch() << before->at.toMSecsSinceEpoch() << before->id;
    }
    binds << qMax(1, limit);
    return select(QStringLiteral("SELECT %1 FROM events%2 ORDER BY at DESC, id DESC LIMIT ?")
                      .arg(QLatin1String(Columns), where),
                  binds);
}

QList<HistoryEvent> JournalDb::queryAscending(const HistoryFilter &filter, int limit,
                                              const std::optional<Cursor> &after)
{
    QVariantList binds;
    QString where = whereClause(filter, &binds);
    if (after) {
        where += QStringLiteral(" AND (at > ? OR (at = ? AND id > ?))");
        binds << after->at.toMSecsSinceEpoch() << after->at.toMSecsSinceEpoch() << after->id;
    }
    binds << qMax(1, limit);
    return select(QStringLiteral("SELECT %1 FROM events%2 ORDER BY at, id LIMIT ?")
                      .arg(QLatin1String(Columns), where),
                  binds);
}

qint64 JournalDb::count(const HistoryFilter &filter)
{
    QVariantList binds;
    const QString where = whereClause(filter, &binds);
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT count(*) FROM events") + where);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}

QList<HistoryGap> JournalDb::gaps(const QDateTime &from, const QDateTime &until)
{
    // Between one run's last sign of life and the next run's start, with a little slack for
    // the heartbeat's interval.
    QList<HistoryGap> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral(
        "SELECT last_seen, next FROM (SELECT a.last_seen, (SELECT min(b.started) FROM sessions b"
        " WHERE b.started > a.started) AS next FROM sessions a) WHERE next IS NOT NULL AND"
        " next > ? AND last_seen < ? ORDER BY last_seen DESC LIMIT 1000"));
    q.addBindValue(from.isValid() ? from.toMSecsSinceEpoch() : MinTime);
    q.addBindValue(until.isValid() ? until.toMSecsSinceEpoch() : MaxTime);
    if (!q.exec())
        return out;
    while (q.next()) {
        const qint64 a = intOr(q.value(0), MinTime, MaxTime, -1);
        const qint64 b = intOr(q.value(1), MinTime, MaxTime, -1);
        if (a < 0 || b < 0 || b - a < 3 * 60000)
            continue;
        out << HistoryGap{QDateTime::fromMSecsSinceEpoch(a), QDateTime::fromMSecsSinceEpoch(b)};
    }
    return out;
}

QList<JournalDb::KnownDevice> JournalDb::devices()
{
    QList<KnownDevice> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    // The newest name of each device (one pass over the device index).
    if (!q.exec(QStringLiteral(
            "SELECT nuki_id, device_type, substr(device_name,1,300) FROM events WHERE id IN"
            " (SELECT max(id) FROM events WHERE nuki_id IS NOT NULL GROUP BY nuki_id,"
            " device_type) ORDER BY device_name LIMIT 1000")))
        return out;
    while (q.next()) {
        KnownDevice d;
        d.key.nukiId = quint32(intOr(q.value(0), 1, 0xffffffffLL, 0));
        d.key.deviceType = int(intOr(q.value(1), 0, 255, 0));
        d.name = textOf(q.value(2));
        if (d.key.nukiId)
            out << d;
    }
    return out;
}

QDateTime JournalDb::lastSeenBefore(const QDateTime &t)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(
        QStringLiteral("SELECT max(last_seen) FROM sessions WHERE started < ? AND last_seen <= ?"));
    q.addBindValue(t.toMSecsSinceEpoch());
    q.addBindValue(t.toMSecsSinceEpoch());
    if (q.exec() && q.next()) {
        const qint64 at = intOr(q.value(0), MinTime, MaxTime, -1);
        if (at >= 0)
            return QDateTime::fromMSecsSinceEpoch(at);
    }
    return {};
}

} // namespace nuki
