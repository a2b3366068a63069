#pragma once

#include "history/HistoryTypes.h"

#include <QObject>
#include <QThread>
#include <QTimer>

namespace nuki {

class JournalWriter;

// The app's one writer of the history. `record()` costs the caller a list append: events are
// gathered and handed in batches to a thread of the journal's own, which owns the SQLite file
// (JournalDb), so that a slow or stuck disk never delays a paint or an action.
//
// Whatever the disk does, the app goes on: a damaged file is moved aside (nothing deleted) and
// a new one started; a file that cannot be written (read-only, locked, a full disk) pauses the
// history, keeps what came meanwhile (up to MaxPending events) and tries again every
// `retryMs`. Each change is said once, in words (statusChanged).
class Journal : public QObject
{
    Q_OBJECT
public:
    enum class Status
    {
        Opening,
        Recording,
        Paused
    };
    struct Options
    {
        int maxAgeDays = 365;
        qint64 maxBytes = 200LL * 1024 * 1024;
        int flushMs = 250;
        int retryMs = 30000;
        int heartbeatMs = 60000;
    };
    static constexpr int MaxPending = 20000;

    explicit Journal(const QString &path, QObject *parent = nullptr)
        : Journal(path, Options{}, parent)
    {
    }
    Journal(const QString &path, Options options, QObject *parent = nullptr);
    ~Journal() override; // writes what is gathered, then ends the thread

    void record(const HistoryEvent &event);
    // Hands what is gathered to the writer now, and with `wait` returns once it is written
    // (or failed): for quitting and for tests.
    void flush(bool wait = false);

    QString path() const { return m_path; }
    Status status() const { return m_status; }
    // The last thing said about the file: why it is paused, or that it was moved aside.
    QString statusText() const { return m_statusText; }
    int written() const { return m_written; }

    // Where the history for a settings file lives (like the home memory: one per home).
    static QString pathFor(const QString &settingsFile);

signals:
    // Said once per change: "History is paused: …", "… moved aside …", "recording again".
    void statusChanged(nuki::Journal::Status status, const QString &message);
    void eventsWritten(int count);

private:
    void onWriterStatus(int status, const QString &message);

    QString m_path;
    QThread m_thread;
    JournalWriter *m_writer = nullptr;
    QList<HistoryEvent> m_gathered;
    QTimer m_flushTimer;
    Status m_status = Status::Opening;
    QString m_statusText;
    int m_written = 0;
};

} // namespace nuki
