#include "history/JournalDb.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>
#include <sys/stat.h>

namespace nuki {

// lupdate gives tr() in namespace nuki the context "nuki".
static QString tr(const char *text)
{
    return QCoreApplication::translate("nuki", text);
}

namespace {

// SQLite's primary result code from Qt's error (the driver gives the code as text).
int sqliteCode(const QSqlError &e)
{
    return e.nativeErrorCode().toInt() & 0xff;
}

} // namespace

JournalDb::JournalDb()
    : m_connection(QStringLiteral("nuki-journal-") + QUuid::createUuid().toString(QUuid::Id128))
{
}

JournalDb::~JournalDb()
{
    close();
}

void JournalDb::close()
{
    if (QSqlDatabase::contains(m_connection)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool JournalDb::isOpen() const
{
    return QSqlDatabase::contains(m_connection) &&
           QSqlDatabase::database(m_connection, false).isOpen();
}

void JournalDb::fail(Problem p, const QString &text)
{
    m_problem = p;
    m_problemText = text;
}

void JournalDb::failFrom(const QSqlError &error, const QString &what)
{
    switch (sqliteCode(error)) {
    case 8: // SQLITE_READONLY
        fail(Problem::ReadOnly, tr("the file cannot be written (read-only)"));
        return;
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        fail(Problem::Busy, tr("the file is locked by another program"));
        return;
    case 13: // SQLITE_FULL
        fail(Problem::Full, tr("the disk is full"));
        return;
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        fail(Problem::Damaged, tr("the file is damaged"));
        return;
    default:
        fail(Problem::Other, tr("%1 failed: %2").arg(what, error.databaseText().left(200)));
    }
}

// The history holds the names people gave their keypad codes and when each door opened:
// owner-only, like the settings and the home memory. SQLite gives its -wal and -shm the
// main file's mode, so creating that one 0600 (before SQLite does, with the umask's 0644)
// covers all three; a file an older version made is tightened.
static bool makeOwnerOnly(const QString &path)
{
    const QString dir = QFileInfo(path).absolutePath();
    if (!QFileInfo::exists(dir)) {
        if (!QDir().mkpath(dir))
            return false;
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    const auto ownerOnly = QFile::ReadOwner | QFile::WriteOwner;
    if (!QFileInfo::exists(path)) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return QFileInfo::exists(path); // another writer made it first
        f.setPermissions(ownerOnly);
        return true;
    }
    for (const char *suffix : {"", "-wal", "-shm"}) {
        const QString file = path + QLatin1String(suffix);
        const QFileInfo fi(file);
        if (fi.exists() && fi.isFile() &&
            (fi.permissions() & ~(ownerOnly | QFile::ReadUser | QFile::WriteUser)))
            QFile::setPermissions(file, ownerOnly);
    }
    return true;
}

bool JournalDb::open(const QString &path, Mode mode)
{
    close();
    m_path = path;
    m_mode = mode;
    m_problem = Problem::None;
    m_problemText.clear();
    m_movedAside.clear();
    m_movedAsideWhy.clear();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        fail(Problem::Other, tr("Qt's SQLite driver is not installed"));
        return false;
    }
    const QFileInfo info(path);
    // Never through a link (it could point at any file of the person's), never a device.
    if (info.isSymLink() || (info.exists() && !info.isFile())) {
        const QString why =
            info.isSymLink() ? tr("it is a symbolic link") : tr("it is not a regular file");
        if (mode != Mode::Write || !moveAside(why)) {
            fail(Problem::Damaged, tr("refused: %1").arg(why));
            return false;
        }
    }
    // SQLite opens "-wal" and "-shm" beside the file by name: never through a link either.
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString side = path + QLatin1String(suffix);
        const QFileInfo si(side);
        if (!si.isSymLink() && (!si.exists() || si.isFile()))
            continue;
        const QString why =
            si.isSymLink() ? tr("its %1 file is a symbolic link").arg(QLatin1String(suffix))
                           : tr("its %1 file is not a regular file").arg(QLatin1String(suffix));
        const QString aside =
            side + QStringLiteral(".damaged-") +
            QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        if (mode != Mode::Write || !QFile::rename(side, aside)) {
            fail(Problem::Damaged, tr("refused: %1").arg(why));
            return false;
        }
        qWarning("History: %s moved aside to %s: %s", qPrintable(side), qPrintable(aside),
                 qPrintable(why));
    }
    if (mode == Mode::Read && !QFileInfo::exists(path)) {
        fail(Problem::Other, tr("there is no history yet"));
        return false;
    }
    if (mode != Mode::Read && !makeOwnerOnly(path)) {
        fail(Problem::Other, tr("cannot create it"));
        return false;
    }

    if (!connectTo(path)) {
        close();
        return false;
    }
    if (mode == Mode::Read) {
        if (!hasOurSchema()) {
            if (m_problem == Problem::None)
                fail(Problem::Damaged, tr("the file is not a history of this app"));
            close();
            return false;
        }
        return true;
    }
    if (prepareForWriting())
        return noteIdentity();
    close();
    if (mode == Mode::Write && m_problem == Problem::Damaged && moveAside(m_problemText)) {
        const QString aside = m_movedAside, why = m_movedAsideWhy;
        m_problem = Problem::None;
        if (connectTo(path) && prepareForWriting()) {
            m_movedAside = aside;
            m_movedAsideWhy = why;
            return noteIdentity();
        }
        close();
    }
    return false;
}

bool JournalDb::noteIdentity()
{
    struct stat st;
    if (::lstat(QFile::encodeName(m_path).constData(), &st) == 0) {
        m_inode = st.st_ino;
        m_device = st.st_dev;
    }
    return true;
}

bool JournalDb::stillThere() const
{
    struct stat st;
    return ::lstat(QFile::encodeName(m_path).constData(), &st) == 0 && S_ISREG(st.st_mode) &&
           st.st_ino == m_inode && st.st_dev == m_device;
}

bool JournalDb::connectTo(const QString &path)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000");
    if (m_mode == Mode::Read)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    db.setConnectOptions(options);
    if (!db.open()) {
        failFrom(db.lastError(), tr("Opening"));
        return false;
    }
    return true;
}

bool JournalDb::hasOurSchema()
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        failFrom(q.lastError(), tr("Reading"));
        return false;
    }
    const int version = q.value(0).toInt();
    if (version > SchemaVersion) {
        fail(Problem::Damaged, tr("the file was made by a newer version of the app"));
        return false;
    }
    QSqlRecord rec = QSqlDatabase::database(m_connection).record(QStringLiteral("events"));
    m_hasSearch = rec.indexOf(QStringLiteral("search")) >= 0;
    for (const char *c : {"id", "at", "kind", "nuki_id", "device_type", "uid", "how"})
        if (rec.indexOf(QLatin1String(c)) < 0) {
            fail(Problem::Damaged, tr("the file is not a history of this app"));
            return false;
        }
    return version >= 1;
}

bool JournalDb::prepareForWriting()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    // A file that is not SQLite fails on its first read.
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        failFrom(q.lastError(), tr("Reading"));
        return false;
    }
    const int version = q.value(0).toInt();
    q.finish();
    const bool empty = db.tables().isEmpty() && version == 0;
    if (!empty && !hasOurSchema())
        return false; // why is in m_problem (Damaged: the caller may set the file aside)
    if (!empty && m_mode == Mode::Write) {
        if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next() ||
            q.value(0).toString() != u"ok") {
            if (q.lastError().isValid())
                failFrom(q.lastError(), tr("Checking"));
            if (m_problem == Problem::None || m_problem == Problem::Other)
                fail(Problem::Damaged, tr("the file is damaged"));
            return false;
        }
        q.finish();
    }
    // WAL: the window and nukictl read while the app writes. NORMAL: a commit does not wait
    // for the disk (a power cut may lose the last second, never the file).
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) ||
        !q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"))) {
        failFrom(q.lastError(), tr("Preparing"));
        return false;
    }
    if (empty) {
        m_hasSearch = true;
        return createSchema();
    }
    return version < SchemaVersion ? migrate(version) : true;
}

bool JournalDb::createSchema()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    const char *const statements[] = {
        // Set before the first table: pruning gives pages back without a full VACUUM.
        "PRAGMA auto_vacuum=INCREMENTAL",
        ("CREATE TABLE events(id INTEGER PRIMARY KEY, at INTEGER NOT NULL, kind INTEGER NOT NULL,"
         " nuki_id INTEGER, device_type INTEGER, device_name TEXT, source_id TEXT,"
         " source_name TEXT, state INTEGER, action INTEGER, origin INTEGER, outcome INTEGER,"
         " ended_at INTEGER, duration_ms INTEGER, how TEXT, detail TEXT,"
         " learned_later INTEGER NOT NULL DEFAULT 0, uid TEXT UNIQUE, search TEXT)"),
        "CREATE INDEX events_at ON events(at)",
        "CREATE INDEX events_device_at ON events(nuki_id, device_type, at)",
        ("CREATE TABLE sessions(id INTEGER PRIMARY KEY, started INTEGER NOT NULL,"
         " last_seen INTEGER NOT NULL)"),
        "PRAGMA user_version=2",
    };
    for (const char *s : statements)
        if (!q.exec(QString::fromLatin1(s))) {
            failFrom(q.lastError(), tr("Creating"));
            return false;
        }
    return true;
}

bool JournalDb::migrate(int fromVersion)
{
    // One step per version, in a transaction each: a file is at one version or the next.
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    if (fromVersion < 2) {
        // 2: what the search looks in, lower-cased with Unicode's rules when written (SQLite's
        // own lower() and LIKE fold A–Z only: "tür" would not find "TÜR"). Rows written before
        // get SQLite's lower() of it, the best a migration can do.
        if (!db.transaction() ||
            !q.exec(QStringLiteral("ALTER TABLE events ADD COLUMN search TEXT")) ||
            !q.exec(QStringLiteral(
                "UPDATE events SET search = lower(coalesce(device_name,'') || ' ' ||"
                " coalesce(how,'') || ' ' || coalesce(detail,'') || ' ' || "
                "coalesce(source_name,''))"
                " WHERE typeof(device_name) IN ('text','null') AND typeof(how) IN ('text','null')"
                " AND typeof(detail) IN ('text','null') AND typeof(source_name) IN "
                "('text','null')")) ||
            !q.exec(QStringLiteral("PRAGMA user_version=2")) || !db.commit()) {
            failFrom(q.lastError().isValid() ? q.lastError() : db.lastError(), tr("Updating"));
            db.rollback();
            return false;
        }
    }
    m_hasSearch = true;
    return true;
}

bool JournalDb::moveAside(const QString &why)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = m_path + QStringLiteral(".damaged-") + stamp;
    for (int i = 2; QFileInfo::exists(target) || QFileInfo(target).isSymLink(); ++i)
        target = m_path + QStringLiteral(".damaged-") + stamp + u'-' + QString::number(i);
    // rename() moves a link itself, never what it points at. The WAL and index files belong
    // with the file they were written for.
    if (!QFile::rename(m_path, target)) {
        fail(Problem::Damaged, tr("%1, and it could not be moved aside").arg(why));
        return false;
    }
    for (const char *suffix : {"-wal", "-shm"})
        if (QFileInfo::exists(m_path + QLatin1String(suffix)))
            QFile::rename(m_path + QLatin1String(suffix), target + QLatin1String(suffix));
    m_movedAside = target;
    m_movedAsideWhy = why;
    qWarning("History %s moved aside to %s: %s", qPrintable(m_path), qPrintable(target),
             qPrintable(why));
    return true;
}

} // namespace nuki
