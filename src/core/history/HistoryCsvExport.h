#pragma once

#include "history/HistoryTypes.h"

#include <QObject>
#include <QThread>
#include <atomic>
#include <memory>

namespace nuki {

// Writes what a filter selects from a history file as CSV, on a thread of its own, page by
// page (memory stays flat however long the history is), into a temporary file renamed over
// the target only when everything was written: cancelled, or a full disk, leaves no
// half-written file. Progress and the end arrive as signals in the owner's thread.
class HistoryCsvExport : public QObject
{
    Q_OBJECT
public:
    static constexpr int PageRows = 5000;

    HistoryCsvExport(const QString &historyPath, const HistoryFilter &filter, const QString &target,
                     QObject *parent = nullptr);
    ~HistoryCsvExport() override; // cancels and waits: nothing is left behind

    void start();
    void cancel() { m_cancel = true; }
    bool isRunning() const { return m_thread && m_thread->isRunning(); }
    QString target() const { return m_target; }

signals:
    void progress(qint64 done, qint64 total);
    // ok: the file is there, with `rows` events. Else cancelled, or `error` in words.
    void finished(bool ok, bool cancelled, qint64 rows, const QString &error);

private:
    void run();

    QString m_historyPath;
    HistoryFilter m_filter;
    QString m_target;
    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_cancel{false};
};

} // namespace nuki
