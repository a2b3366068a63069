#pragma once

#include "history/HistoryTypes.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace nuki {

// The history's SQLite file (Qt SQL), with no threads and no signals: the app's writer thread,
// the History window's reader and nukictl each own one. WAL, so that readers never wait for
// the writer; a schema version (PRAGMA user_version) with migrations; incremental vacuum, so
// that pruning gives space back a little at a time.
//
// Everything read is checked as if a stranger wrote it: unknown kinds and times out of range
// are skipped, texts are cut to a few hundred characters, numbers of the wrong type are
// "unknown". A file that is not ours (not SQLite, another schema, a newer version, a symbolic
// link, not a regular file) is never changed: opened for writing it is moved aside and a new
// one started; opened for reading it is refused with the reason.
class JournalDb
{
public:
    static constexpr int SchemaVersion = 2; // 2: a lower-case search column
    static constexpr int MaxTextChars = 300;

    enum class Mode
    {
        Write,         // the app: repairs what it must (moves a damaged file aside)
        WriteNoRepair, // nukictl writing its actions: never moves the app's file
        Read
    };
    // Why a write failed, for a person: each becomes one sentence.
    enum class Problem
    {
        None,
        ReadOnly,
        Busy, // locked by another program
        Full,
        Damaged,
        Other
    };

    JournalDb();
    ~JournalDb();
    JournalDb(const JournalDb &) = delete;
    JournalDb &operator=(const JournalDb &) = delete;

    // Opens (and in Write mode creates or repairs) the file. On failure `problem()` says why.
    bool open(const QString &path, Mode mode);
    void close();
    bool isOpen() const;
    // Whether the file opened is still the one at the path: not deleted, replaced or moved
    // (the writer then opens the path again rather than write into a file nobody reads).
    bool stillThere() const;
    QString path() const { return m_path; }
    Problem problem() const { return m_problem; }
    QString problemText() const { return m_problemText; }
    // Set when open() moved a damaged file aside: where it is now.
    QString movedAsideTo() const { return m_movedAside; }
    QString movedAsideBecause() const { return m_movedAsideWhy; }

    // --- writing ---
    // One transaction. A row with a uid that is there already updates it (an action's
    // outcome) or, for an entry learned later, is left alone (never a duplicate).
    bool insert(const QList<HistoryEvent> &events);
    qint64 startSession(const QDateTime &at);
    bool touchSession(qint64 session, const QDateTime &at);
    // Whether `session` is in this file (then touched): a paused history goes on with it.
    bool continueSession(qint64 session, const QDateTime &at);
    // Drops what is older than `maxAgeDays`, then the oldest until the file is under
    // `maxBytes`, and gives the space back. Returns the rows dropped, -1 on failure.
    qint64 prune(int maxAgeDays, qint64 maxBytes, const QDateTime &now);

    // --- reading ---
    // Newest first. `before` continues after the last row of a previous page.
    struct Cursor
    {
        QDateTime at;
        qint64 id = 0;
    };
    QList<HistoryEvent> query(const HistoryFilter &filter, int limit,
                              const std::optional<Cursor> &before = {});
    // Oldest first: for the CSV and JSON export and for the charts. `after` continues after
    // the last row of a previous page.
    QList<HistoryEvent> queryAscending(const HistoryFilter &filter, int limit,
                                       const std::optional<Cursor> &after = {});
    qint64 count(const HistoryFilter &filter);
    // Times the app was not running, overlapping [from, until].
    QList<HistoryGap> gaps(const QDateTime &from, const QDateTime &until);
    struct KnownDevice
    {
        DeviceKey key;
        QString name;
    };
    QList<KnownDevice> devices();
    // The last sign of life of a run that started before `t` (invalid: none).
    QDateTime lastSeenBefore(const QDateTime &t);
    qint64 fileBytes() const;

private:
    int markSessionSeen(qint64 session, const QDateTime &at);
    bool connectTo(const QString &path);
    bool noteIdentity();
    bool prepareForWriting();
    bool hasOurSchema();
    bool createSchema();
    bool migrate(int fromVersion);
    bool moveAside(const QString &why);
    void fail(Problem p, const QString &text);
    void failFrom(const class QSqlError &error, const QString &what);
    QString whereClause(const HistoryFilter &filter, QVariantList *binds) const;
    QList<HistoryEvent> select(const QString &sql, const QVariantList &binds);
    QList<HistoryEvent> rowsAround(const DeviceKey &key, qint64 from, qint64 until,
                                   const QList<HistoryKind> &kinds);
    // One action, one entry (history/ActionExplains.h), inside insert()'s transaction.
    bool explainedByAnAction(const HistoryEvent &change);
    bool dropExplainedBy(const HistoryEvent &action);
    // A Nuki Web log entry that is a row the app has already (history/WebLogFold.h): its
    // names go onto that row, and no second one is added.
    bool foldedIntoOwnRow(const HistoryEvent &cloud);

    bool m_hasSearch = false; // the search column (version 2); older files search by LIKE
    QString m_connection;
    QString m_path;
    Mode m_mode = Mode::Read;
    Problem m_problem = Problem::None;
    QString m_problemText;
    QString m_movedAside;
    QString m_movedAsideWhy;
    quint64 m_inode = 0, m_device = 0;
};

} // namespace nuki
