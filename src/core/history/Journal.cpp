#include "history/Journal.h"

#include "history/JournalDb.h"
#include "store/Settings.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QStandardPaths>

namespace nuki {

// Lives in the journal's thread and owns the file there.
class JournalWriter : public QObject
{
    Q_OBJECT
public:
    JournalWriter(const QString &path, Journal::Options options) : m_path(path), m_options(options)
    {
    }

    void start()
    {
        m_runStarted = QDateTime::currentDateTime();
        m_retry.setSingleShot(true);
        connect(&m_retry, &QTimer::timeout, this, &JournalWriter::writePending);
        m_heartbeat.setInterval(m_options.heartbeatMs);
        connect(&m_heartbeat, &QTimer::timeout, this, [this] {
            if (m_session && m_db.isOpen())
                m_db.touchSession(m_session, QDateTime::currentDateTime());
        });
        m_heartbeat.start();
        // Pruning is slow work for a quiet moment: once a day.
        m_prune.setInterval(24 * 3600 * 1000);
        connect(&m_prune, &QTimer::timeout, this, &JournalWriter::prune);
        m_prune.start();
        openFile();
        if (m_db.isOpen())
            prune();
    }

    void write(const QList<HistoryEvent> &events)
    {
        m_pending += events;
        if (m_pending.size() > Journal::MaxPending) // the oldest go first
            m_pending.remove(0, m_pending.size() - Journal::MaxPending);
        if (!m_retry.isActive())
            writePending();
    }

    void finish()
    {
        writePending();
        if (m_session && m_db.isOpen())
            m_db.touchSession(m_session, QDateTime::currentDateTime());
        m_db.close();
    }

signals:
    void status(int status, const QString &message);
    void written(int count);

private:
    void openFile()
    {
        if (!m_db.open(m_path, JournalDb::Mode::Write)) {
            pause();
            return;
        }
        if (!m_db.movedAsideTo().isEmpty())
            emit status(
                int(Journal::Status::Recording),
                tr("The history file could not be used (%1). It was kept as %2 and "
                   "a new history was started.")
                    .arg(m_db.movedAsideBecause(), QFileInfo(m_db.movedAsideTo()).fileName()));
        // The app's run is one session whatever the file did: a pause (read-only, a full
        // disk) goes on with it, so the time meanwhile never reads as "the app was not
        // running". A new file (the old one damaged or gone) gets a session from the run's
        // start: the app was running all along.
        if (!m_session || !m_db.continueSession(m_session, QDateTime::currentDateTime()))
            m_session = m_db.startSession(m_runStarted);
        if (!m_session) {
            pause();
            return;
        }
        if (m_paused) {
            resumed();
        } else if (m_db.movedAsideTo().isEmpty()) {
            emit status(int(Journal::Status::Recording), QString());
        }
    }

    void writePending()
    {
        if (m_db.isOpen() && !m_db.stillThere()) {
            // Deleted, replaced or moved while we had it: a new file where people look.
            qWarning("History file %s is gone or replaced: opening it again", qPrintable(m_path));
            m_db.close();
            m_session = 0;
        }
        if (!m_db.isOpen()) {
            openFile();
            if (!m_db.isOpen())
                return;
        }
        if (m_pending.isEmpty())
            return;
        if (!m_db.insert(m_pending)) {
            if (m_db.problem() == JournalDb::Problem::Damaged) {
                // Found damaged while writing: set aside now, a new file at once.
                m_lastProblem = m_db.problemText();
                m_db.close();
                m_session = 0;
                openFile();
                if (m_db.isOpen() && m_db.insert(m_pending))
                    emitWritten();
                return;
            }
            pause();
            return;
        }
        m_db.touchSession(m_session, QDateTime::currentDateTime());
        emitWritten();
        if (m_paused)
            resumed();
    }

    void emitWritten()
    {
        const int n = int(m_pending.size());
        m_pending.clear();
        emit written(n);
    }

    // A pause is said as a pause: one row from when it began to now, with why.
    void resumed()
    {
        m_paused = false;
        HistoryEvent e;
        e.at = m_pausedAt.isValid() ? m_pausedAt : QDateTime::currentDateTime();
        e.kind = HistoryKind::HistoryPaused;
        e.endedAt = QDateTime::currentDateTime();
        e.detail = m_pauseReason;
        m_db.insert({e});
        m_pausedAt = {};
        emit status(int(Journal::Status::Recording), tr("History is recording again."));
    }

    void pause()
    {
        const QString why = m_db.problemText();
        if (!m_paused) {
            m_pausedAt = QDateTime::currentDateTime();
            m_pauseReason = why;
        }
        m_db.close(); // the session stays ours: the same file goes on with it
        if (!m_paused || why != m_lastProblem) {
            emit status(int(Journal::Status::Paused),
                        tr("History is paused: %1. Everything else works as before; it "
                           "resumes by itself.")
                            .arg(why));
        }
        m_paused = true;
        m_lastProblem = why;
        m_retry.start(m_options.retryMs);
    }

    void prune()
    {
        if (m_db.isOpen())
            m_db.prune(m_options.maxAgeDays, m_options.maxBytes, QDateTime::currentDateTime());
    }

    QString m_path;
    Journal::Options m_options;
    JournalDb m_db;
    qint64 m_session = 0;
    QDateTime m_runStarted;
    QDateTime m_pausedAt;
    QString m_pauseReason;
    QList<HistoryEvent> m_pending;
    QTimer m_retry{this}, m_heartbeat{this}, m_prune{this}; // children: they move with it
    bool m_paused = false;
    QString m_lastProblem;
};

Journal::Journal(const QString &path, Options options, QObject *parent)
    : QObject(parent), m_path(path)
{
    qRegisterMetaType<QList<HistoryEvent>>();
    m_thread.setObjectName(QStringLiteral("journal"));
    m_writer = new JournalWriter(path, options);
    m_writer->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
    connect(m_writer, &JournalWriter::status, this, &Journal::onWriterStatus);
    connect(m_writer, &JournalWriter::written, this, [this](int n) {
        m_written += n;
        emit eventsWritten(n);
    });
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(options.flushMs);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] { flush(); });
    m_thread.start(QThread::LowPriority);
    QMetaObject::invokeMethod(m_writer, &JournalWriter::start, Qt::QueuedConnection);
}

Journal::~Journal()
{
    flush();
    QMetaObject::invokeMethod(m_writer, &JournalWriter::finish, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void Journal::record(const HistoryEvent &event)
{
    m_gathered << event;
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void Journal::flush(bool wait)
{
    m_flushTimer.stop();
    QList<HistoryEvent> batch;
    batch.swap(m_gathered);
    if (!batch.isEmpty())
        QMetaObject::invokeMethod(
            m_writer, [w = m_writer, batch] { w->write(batch); }, Qt::QueuedConnection);
    if (wait) {
        // An empty call behind the batch: when it returns, the batch is written or held.
        QMetaObject::invokeMethod(
            m_writer, [] {}, Qt::BlockingQueuedConnection);
        QCoreApplication::sendPostedEvents(this); // its signals, delivered here
    }
}

void Journal::onWriterStatus(int status, const QString &message)
{
    m_status = Status(status);
    if (!message.isEmpty()) {
        m_statusText = message;
        qWarning("%s", qPrintable(message));
    }
    emit statusChanged(m_status, message);
}

QString Journal::pathFor(const QString &settingsFile)
{
    return Settings::dataFileFor(settingsFile, QStringLiteral("history-"),
                                 QStringLiteral(".sqlite"));
}

} // namespace nuki

#include "Journal.moc"
