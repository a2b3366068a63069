#include "history/HistoryCsvExport.h"

#include "history/HistoryExport.h"
#include "history/JournalDb.h"

#include <QSaveFile>

namespace nuki {

HistoryCsvExport::HistoryCsvExport(const QString &historyPath, const HistoryFilter &filter,
                                   const QString &target, QObject *parent)
    : QObject(parent), m_historyPath(historyPath), m_filter(filter), m_target(target)
{
}

HistoryCsvExport::~HistoryCsvExport()
{
    m_cancel = true;
    if (m_thread)
        m_thread->wait();
}

void HistoryCsvExport::start()
{
    if (m_thread)
        return;
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("csv export"));
    m_thread->start(QThread::LowPriority);
}

void HistoryCsvExport::run()
{
    auto end = [this](bool ok, bool cancelled, qint64 rows, const QString &error) {
        emit finished(ok, cancelled, rows, error);
    };
    if (m_cancel)
        return end(false, true, 0, {});
    JournalDb db;
    if (!db.open(m_historyPath, JournalDb::Mode::Read))
        return end(false, false, 0, db.problemText());
    const qint64 total = db.count(m_filter);
    emit progress(0, total);
    QSaveFile out(m_target); // a temporary file beside the target, renamed by commit()
    if (!out.open(QIODevice::WriteOnly))
        return end(false, false, 0, out.errorString());
    bool written = out.write(historyCsvHeader()) >= 0;
    qint64 rows = 0;
    std::optional<JournalDb::Cursor> after;
    while (written) {
        if (m_cancel) {
            out.cancelWriting();
            return end(false, true, rows, {});
        }
        const QList<HistoryEvent> page = db.queryAscending(m_filter, PageRows, after);
        if (page.isEmpty())
            break;
        QByteArray chunk;
        for (const HistoryEvent &e : page)
            chunk += historyCsvRow(e);
        written = out.write(chunk) == chunk.size();
        rows += page.size();
        after = JournalDb::Cursor{page.last().at, page.last().id};
        emit progress(rows, qMax(total, rows));
    }
    if (db.problem() != JournalDb::Problem::None) { // a read failed on the way
        out.cancelWriting();
        return end(false, false, rows, db.problemText());
    }
    if (!written || !out.commit()) // a full disk shows here at the latest
        return end(false, false, rows, out.errorString());
    end(true, false, rows, {});
}

} // namespace nuki
