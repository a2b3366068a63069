// The writing half of JournalDb: events in (one action, one entry: a change an action
// explains is not kept, whichever writer came first), the sessions of a run, pruning.
#include "history/JournalDb.h"

#include "history/ActionExplains.h"
#include "history/WebLogFold.h"
#include "protocol/Actions.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace nuki {

// lupdate gives tr() in namespace nuki the context "nuki".
static QString tr(const char *text)
{
    return QCoreApplication::translate("nuki", text);
}

namespace {

QVariant orNull(int v)
{
    return v < 0 ? QVariant() : QVariant(v);
}
QVariant orNull(qint64 v)
{
    return v < 0 ? QVariant() : QVariant(v);
}
QVariant timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
}
QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s.left(JournalDb::MaxTextChars));
}

} // namespace

bool JournalDb::insert(const QList<HistoryEvent> &events)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen())
        return false;
    if (!db.transaction()) {
        failFrom(db.lastError(), tr("Writing"));
        return false;
    }
    QSqlQuery q(db);
    // An action's outcome arrives as its start again with the same uid: the row is updated.
    // An entry learned afterwards that is there already stays as it is.
    q.prepare(QStringLiteral(
        "INSERT INTO events(at, kind, nuki_id, device_type, device_name, source_id, source_name,"
        " state, action, origin, outcome, ended_at, duration_ms, how, detail, learned_later, uid,"
        " search) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT(uid) DO UPDATE SET outcome=excluded.outcome, ended_at=excluded.ended_at,"
        " detail=excluded.detail, state=excluded.state, how=coalesce(excluded.how, how)"
        " WHERE excluded.learned_later = 0"));
    for (const HistoryEvent &e : events) {
        // One action, one entry: a change an action explains is the action's (whichever of
        // the two writers, the app or nukictl, stored its row first).
        if (isExplainable(e) && explainedByAnAction(e))
            continue;
        if (e.learnedLater && e.uid.startsWith(u"web:") && foldedIntoOwnRow(e))
            continue;
        q.addBindValue(e.at.toMSecsSinceEpoch());
        q.addBindValue(int(e.kind));
        q.addBindValue(e.key.nukiId ? QVariant(qint64(e.key.nukiId)) : QVariant());
        q.addBindValue(e.key.nukiId ? QVariant(e.key.deviceType) : QVariant());
        q.addBindValue(textOrNull(e.deviceName));
        q.addBindValue(textOrNull(e.sourceId));
        q.addBindValue(textOrNull(e.sourceName));
        q.addBindValue(orNull(e.state));
        q.addBindValue(e.action ? QVariant(e.action) : QVariant());
        q.addBindValue(e.kind == HistoryKind::Action ? QVariant(int(e.origin)) : QVariant());
        q.addBindValue(e.kind == HistoryKind::Action ? QVariant(int(e.outcome)) : QVariant());
        q.addBindValue(timeOrNull(e.endedAt));
        q.addBindValue(orNull(e.durationMs));
        q.addBindValue(textOrNull(e.how));
        q.addBindValue(textOrNull(e.detail));
        q.addBindValue(e.learnedLater ? 1 : 0);
        q.addBindValue(textOrNull(e.uid));
        q.addBindValue(QStringList{e.deviceName.left(MaxTextChars), e.how.left(MaxTextChars),
                                   e.detail.left(MaxTextChars), e.sourceName.left(MaxTextChars)}
                           .join(u' ')
                           .toLower());
        if (!q.exec()) {
            failFrom(q.lastError(), tr("Writing"));
            db.rollback();
            return false;
        }
        if (e.kind == HistoryKind::Action && e.key.nukiId && !dropExplainedBy(e)) {
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        failFrom(db.lastError(), tr("Writing"));
        db.rollback();
        return false;
    }
    m_problem = Problem::None;
    m_problemText.clear();
    return true;
}

bool JournalDb::foldedIntoOwnRow(const HistoryEvent &cloud)
{
    if (!cloud.key.nukiId)
        return false;
    const qint64 at = cloud.at.toMSecsSinceEpoch();
    if (cloud.kind != HistoryKind::StateChanged) {
        // A door or a ring the app saw itself: the same kind near the same time.
        for (const HistoryEvent &row :
             rowsAround(cloud.key, at - WebMatchMs, at + WebMatchMs, {cloud.kind}))
            if (!row.learnedLater)
                return true;
        return false;
    }
    const ActionSpec *spec = findAction(cloud.key.deviceType, cloud.action);
    for (const HistoryEvent &row : rowsAround(cloud.key, at - WebMatchMs, at + WebMatchMs,
                                              {HistoryKind::Action, HistoryKind::StateChanged})) {
        if (row.learnedLater)
            continue;
        if (row.kind == HistoryKind::Action && row.action == cloud.action)
            return true; // ours: the cloud only says it again
        if (row.kind != HistoryKind::StateChanged || !spec || !spec->explains(row.state))
            continue;
        if (row.how.isEmpty()) {
            // The change the app saw, now with who did it.
            QSqlQuery q(QSqlDatabase::database(m_connection, false));
            q.prepare(QStringLiteral("UPDATE events SET how = ?, search = search || ' ' || ? "
                                     "WHERE id = ?"));
            q.addBindValue(cloud.how.left(MaxTextChars));
            q.addBindValue(cloud.how.left(MaxTextChars).toLower());
            q.addBindValue(row.id);
            if (!q.exec())
                return false;
        }
        return true;
    }
    return false;
}

// An action began at most this long before a change it explains: its longest window.
constexpr qint64 ExplainReachMs = 5 * 60000;

bool JournalDb::explainedByAnAction(const HistoryEvent &change)
{
    const qint64 at = change.at.toMSecsSinceEpoch();
    const QList<HistoryEvent> actions =
        rowsAround(change.key, at - ExplainReachMs, at + 1000, {HistoryKind::Action});
    const HistoryEvent *action = governingAction(actions, change);
    return action && actionExplains(*action, change);
}

bool JournalDb::dropExplainedBy(const HistoryEvent &action)
{
    if (action.outcome == HistoryOutcome::Failed)
        return true;
    const qint64 from = action.at.toMSecsSinceEpoch() - 1000;
    const qint64 end = action.endedAt.isValid() ? action.endedAt.toMSecsSinceEpoch()
                                                : action.at.toMSecsSinceEpoch() + ExplainRunningMs;
    QSqlQuery drop(QSqlDatabase::database(m_connection, false));
    drop.prepare(QStringLiteral("DELETE FROM events WHERE id = ?"));
    for (const HistoryEvent &change :
         rowsAround(action.key, from, end + ExplainGraceMs,
                    {HistoryKind::StateChanged, HistoryKind::LockEvent})) {
        if (!actionExplains(action, change))
            continue;
        // Only where this action is the latest before the change (its row is in already).
        const qint64 at = change.at.toMSecsSinceEpoch();
        const QList<HistoryEvent> actions =
            rowsAround(change.key, at - ExplainReachMs, at + 1000, {HistoryKind::Action});
        const HistoryEvent *governing = governingAction(actions, change);
        if (!governing || governing->at != action.at || governing->action != action.action)
            continue;
        drop.addBindValue(change.id);
        if (!drop.exec()) {
            failFrom(drop.lastError(), tr("Writing"));
            return false;
        }
    }
    return true;
}

qint64 JournalDb::startSession(const QDateTime &at)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT INTO sessions(started, last_seen) VALUES(?, ?)"));
    q.addBindValue(at.toMSecsSinceEpoch());
    q.addBindValue(at.toMSecsSinceEpoch());
    if (!q.exec()) {
        failFrom(q.lastError(), tr("Writing"));
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

// The sessions row's last sign of life; the rows it changed (-1: it failed).
int JournalDb::markSessionSeen(qint64 session, const QDateTime &at)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE sessions SET last_seen=? WHERE id=?"));
    q.addBindValue(at.toMSecsSinceEpoch());
    q.addBindValue(session);
    if (!q.exec()) {
        failFrom(q.lastError(), tr("Writing"));
        return -1;
    }
    return q.numRowsAffected();
}

bool JournalDb::touchSession(qint64 session, const QDateTime &at)
{
    return markSessionSeen(session, at) >= 0;
}

bool JournalDb::continueSession(qint64 session, const QDateTime &at)
{
    return markSessionSeen(session, at) == 1; // the session is still in this file
}

qint64 JournalDb::fileBytes() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(QStringLiteral("SELECT page_count * page_size FROM pragma_page_count(), "
                              "pragma_page_size()")) &&
        q.next())
        return q.value(0).toLongLong();
    return -1;
}

qint64 JournalDb::prune(int maxAgeDays, qint64 maxBytes, const QDateTime &now)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    qint64 dropped = 0;
    q.prepare(QStringLiteral("DELETE FROM events WHERE at < ?"));
    q.addBindValue(now.addDays(-maxAgeDays).toMSecsSinceEpoch());
    if (!q.exec()) {
        failFrom(q.lastError(), tr("Pruning"));
        return -1;
    }
    dropped += q.numRowsAffected();
    q.prepare(QStringLiteral("DELETE FROM sessions WHERE last_seen < ?"));
    q.addBindValue(now.addDays(-maxAgeDays).toMSecsSinceEpoch());
    q.exec();
    // Too large: the oldest tenth goes, until it fits (free pages are not counted).
    for (int round = 0; round < 20; ++round) {
        if (!q.exec(QStringLiteral("SELECT (page_count - freelist_count) * page_size FROM "
                                   "pragma_page_count(), pragma_freelist_count(), "
                                   "pragma_page_size()")) ||
            !q.next() || q.value(0).toLongLong() <= maxBytes)
            break;
        if (!q.exec(
                QStringLiteral("DELETE FROM events WHERE id IN (SELECT id FROM events "
                               "ORDER BY at LIMIT max(1, (SELECT count(*) FROM events) / 10))"))) {
            failFrom(q.lastError(), tr("Pruning"));
            return -1;
        }
        if (q.numRowsAffected() == 0)
            break;
        dropped += q.numRowsAffected();
    }
    q.exec(QStringLiteral("PRAGMA incremental_vacuum"));
    q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    return dropped;
}

} // namespace nuki
