// Benchmark of the history on a real SQLite file: 100 000 events written; one device's day
// read back; the History window opened on them and scrolled; 1 000 000 exported to CSV. Prints
// "name<TAB>median<TAB>spread<TAB>unit" lines for run_bench.py.
#include "HistoryFixture.h"
#include "history/HistoryModel.h"
#include "history/HistoryWindow.h"
#include "history/JournalDb.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QListView>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <algorithm>

using namespace nuki;

namespace {
qint64 rssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return 0;
}
double percentile(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(qMin(v.size() - 1, qsizetype(p * double(v.size()))));
}
QString spread(const QList<double> &v)
{
    return QStringLiteral("p99 %1 max %2")
        .arg(percentile(v, 0.99), 0, 'f', 2)
        .arg(*std::max_element(v.begin(), v.end()), 0, 'f', 2);
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTextStream out(stdout);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));

    // Writing: the fixture's year in batches of 5 000, as the journal's thread would.
    QElapsedTimer t;
    t.start();
    qint64 total = 0;
    {
        JournalDb db;
        if (!db.open(path, JournalDb::Mode::Write) || !historyfixture::fill(db, 100000))
            return 1;
        total = db.count({});
    }
    const double insertMs = double(t.nsecsElapsed()) / 1e6;
    out << "history: " << total << " events written\t" << insertMs << "\t-\tms" << Qt::endl;
    out << "history: per 1 000 events written\t" << insertMs / double(total) * 1000 << "\t-\tms"
        << Qt::endl;

    // Reading one device's day (the Front door, three days ago), 200 times.
    {
        JournalDb db;
        db.open(path, JournalDb::Mode::Read);
        HistoryFilter day;
        day.device = historyfixture::Front;
        day.since = QDateTime(QDate::currentDate().addDays(-3), QTime(0, 0));
        day.until = day.since.addDays(1);
        QList<double> ms;
        qsizetype rows = 0;
        for (int i = 0; i < 200; ++i) {
            t.restart();
            rows = db.queryAscending(day, 100000).size();
            ms << double(t.nsecsElapsed()) / 1e6;
        }
        out << "history: one device's day (" << rows << " events) read\t" << percentile(ms, 0.5)
            << '\t' << spread(ms) << "\tms" << Qt::endl;
    }

    // The window: opened (until painted), then scrolled a page at a time through 3 000 rows.
    QList<double> opens;
    for (int i = 0; i < 5; ++i) {
        t.restart();
        HistoryWindow w(path, nullptr);
        w.resize(720, 560);
        w.show();
        if (!QTest::qWaitForWindowExposed(&w))
            return 1;
        w.repaint();
        opens << double(t.nsecsElapsed()) / 1e6;
    }
    out << "history: window opened on " << total << " events\t" << percentile(opens, 0.5) << '\t'
        << spread(opens) << "\tms" << Qt::endl;
    HistoryWindow w(path, nullptr);
    w.resize(720, 560);
    w.show();
    if (!QTest::qWaitForWindowExposed(&w))
        return 1;
    QScrollBar *bar = w.timeline()->verticalScrollBar();
    QList<double> frames;
    for (int i = 0; i < 300 && w.model()->rowCount() < 100000; ++i) {
        t.restart();
        bar->setValue(bar->value() + bar->pageStep());
        QCoreApplication::processEvents(); // fetchMore, layout
        w.timeline()->viewport()->repaint();
        frames << double(t.nsecsElapsed()) / 1e6;
    }
    out << "history: scroll a page (" << w.model()->rowCount() << " rows reached)\t"
        << percentile(frames, 0.5) << '\t' << spread(frames) << "\tms" << Qt::endl;

    // Export: 1 000 000 events to CSV from the window. The interface thread's longest gap
    // between two turns of its event loop (a frame it could not paint) and the growth of
    // the resident memory while it runs.
    {
        const QString big = dir.filePath(QStringLiteral("big.sqlite"));
        {
            JournalDb db;
            if (!db.open(big, JournalDb::Mode::Write) || !historyfixture::fill(db, 1000000))
                return 1;
        }
        HistoryWindow e(big, nullptr);
        e.resize(720, 560);
        e.show();
        if (!QTest::qWaitForWindowExposed(&e))
            return 1;
        QCoreApplication::processEvents();
        const qint64 rssBefore = rssKiB();
        qint64 rssPeak = rssBefore;
        double worst = 0;
        QList<double> gaps;
        // A heartbeat on the interface thread: the lateness of each tick is a frame the
        // window could not paint. The loop sleeps between ticks as a real one does (a
        // processEvents spin would measure itself: millions of samples, and a core taken
        // from the export thread).
        constexpr int TickMs = 4;
        QEventLoop loop;
        QObject::connect(&e, &HistoryWindow::exportFinished, &loop, [&](bool) { loop.quit(); });
        QTimer heartbeat;
        heartbeat.setTimerType(Qt::PreciseTimer);
        heartbeat.setInterval(TickMs);
        QElapsedTimer whole, gap;
        QObject::connect(&heartbeat, &QTimer::timeout, &loop, [&] {
            const double ms = double(gap.nsecsElapsed()) / 1e6;
            gap.restart();
            gaps << ms;
            worst = qMax(worst, ms);
            if (gaps.size() % 32 == 0)
                rssPeak = qMax(rssPeak, rssKiB());
        });
        QTimer::singleShot(600000, &loop, &QEventLoop::quit);
        whole.start();
        e.startExport(dir.filePath(QStringLiteral("big.csv")));
        gap.start();
        heartbeat.start();
        loop.exec();
        heartbeat.stop();
        const double seconds = double(whole.elapsed()) / 1000.0;
        rssPeak = qMax(rssPeak, rssKiB());
        out << "history: export 1 000 000 events to CSV\t" << seconds << "\t-\ts" << Qt::endl;
        out << "history: export, longest interface frame\t" << worst << '\t' << spread(gaps)
            << "\tms" << Qt::endl;
        out << "history: export, resident memory growth\t" << double(rssPeak - rssBefore) / 1024.0
            << "\t-\tMB" << Qt::endl;
    }
    return 0;
}
