// The History window on a real history file of 100 000 events (tests/common/HistoryFixture.h):
// days and gaps in words, pages fetched as it scrolls (nothing twice, nothing left out),
// filters and search, the charts and their sentences, CSV export, a file it cannot read, and
// how it looks (light and dark, narrow and wide).
#include "HistoryFixture.h"
#include "TestPalettes.h"
#include "history/HistoryCharts.h"
#include "history/HistoryCsvExport.h"
#include "history/HistoryModel.h"
#include "history/HistoryWindow.h"
#include "history/JournalDb.h"
#include "platform/Clock.h"
#include "platform/Translations.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QProgressDialog>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace nuki;

class TestHistoryWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir dir;
    QString path;
    qint64 total = 0;
    // The clock every test here reads: an evening, so that today already holds more than a page
    // of events and last night's gap is further down (what failed in the afternoon before).
    // Whatever the hour, date or zone the suite runs at, the window sees this instant.
    const QDateTime now{QDate(2026, 6, 17), QTime(20, 0)};

    // The event rows shown, in order (headings and gaps left out).
    static QStringList shownTexts(HistoryModel *m)
    {
        QStringList out;
        for (int r = 0; r < m->rowCount(); ++r) {
            const QModelIndex i = m->index(r);
            if (!i.data(HistoryModel::IsHeadingRole).toBool() &&
                i.data(HistoryModel::KindRole).toInt() > 0)
                out << i.data(HistoryModel::EventTextRole).toString();
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        clock::setForTesting([this] { return now; });
        nuki::installTranslations(QLocale(QLocale::English)); // as the app does: plural forms
        path = dir.filePath(QStringLiteral("history.sqlite"));
        JournalDb db;
        QVERIFY(db.open(path, JournalDb::Mode::Write));
        QVERIFY(historyfixture::fill(db, 100000, 7, now));
        total = db.count({});
        QVERIFY(total >= 100000);
    }

    void cleanupTestCase() { clock::setForTesting({}); }

    void opensOnTodayWithDaysAndGaps()
    {
        HistoryWindow w(path, nullptr);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        HistoryModel *m = w.model();
        QVERIFY(m->isOpen());
        QCOMPARE(m->index(0).data().toString(), QStringLiteral("Today"));
        QVERIFY(m->rowCount() <= HistoryModel::PageSize * 2); // one page, not the whole file
        // Scrolling down: today's events, then last night's gap (the app was not running from
        // 22:30 to 06:30), then yesterday. A bounded number of pages.
        int gapRow = -1, yesterdayRow = -1;
        for (int pages = 0; (gapRow < 0 || yesterdayRow < 0) && pages < 20; ++pages) {
            for (int r = 0; r < m->rowCount(); ++r) {
                const QString text = m->index(r).data().toString();
                if (gapRow < 0 && text.startsWith(QStringLiteral("No record from")))
                    gapRow = r;
                if (yesterdayRow < 0 && text == u"Yesterday")
                    yesterdayRow = r;
            }
            if (m->canFetchMore({}))
                m->fetchMore({});
        }
        QVERIFY(gapRow > 0);
        QVERIFY(yesterdayRow > 0);
        const QDateTime gapEnd = m->index(gapRow).data(HistoryModel::AtRole).toDateTime();
        QCOMPARE(gapEnd.date(), now.date()); // it ends this morning, when the app started
        QVERIFY2(gapEnd.time() >= QTime(6, 30) && gapEnd.time() < QTime(7, 0),
                 qPrintable(gapEnd.toString(Qt::ISODate)));
        // "%n event(s)" never reaches a person: "100 412 events".
        bool counted = false;
        for (const QLabel *l : w.findChildren<QLabel *>()) {
            QVERIFY2(!l->text().contains(QStringLiteral("(s)")), qPrintable(l->text()));
            counted = counted || l->text().endsWith(QStringLiteral(" events"));
        }
        QVERIFY(counted);
        for (int r = 1; r < gapRow; ++r) // above the gap: today's events only
            QCOMPARE(m->index(r).data(HistoryModel::AtRole).toDateTime().date(), now.date());
    }

    void scrollingFetchesEveryEventOnceInOrder()
    {
        HistoryWindow w(path, nullptr);
        w.kindBox()->setCurrentIndex(4); // rings: a few thousand, fetched page by page
        HistoryModel *m = w.model();
        const qint64 rings = m->db().count(m->filter());
        QVERIFY(rings > HistoryModel::PageSize * 3);
        while (m->canFetchMore({}))
            m->fetchMore({});
        QCOMPARE(m->eventsShown(), rings);
        // Newest first: each row's time is not after the one above.
        QDateTime previous = now.addSecs(60);
        for (int r = 0; r < m->rowCount(); ++r) {
            const QModelIndex i = m->index(r);
            if (i.data(HistoryModel::KindRole).toInt() <= 0)
                continue;
            const QDateTime at = i.data(HistoryModel::AtRole).toDateTime();
            QVERIFY2(at <= previous, qPrintable(at.toString(Qt::ISODate)));
            previous = at;
        }
        const QStringList texts = shownTexts(m);
        QCOMPARE(texts.size(), rings); // each once: the count is the file's
        for (const QString &t : texts)
            QVERIFY(t.contains(QStringLiteral("someone rang")));
    }

    void filtersAndSearch()
    {
        HistoryWindow w(path, nullptr);
        QComboBox *device = w.deviceBox();
        const int gate = device->findText(QStringLiteral("Garden gate"));
        QVERIFY(gate > 0);
        device->setCurrentIndex(gate);
        for (const QString &t : shownTexts(w.model()))
            QVERIFY2(t.startsWith(QStringLiteral("Garden gate")), qPrintable(t));
        device->setCurrentIndex(0);
        w.searchField()->setText(QStringLiteral("anna"));
        QTRY_VERIFY_WITH_TIMEOUT(w.model()->filter().text == u"anna", 2000);
        const QStringList anna = shownTexts(w.model());
        QVERIFY(!anna.isEmpty());
        for (const QString &t : anna)
            QVERIFY2(t.contains(QStringLiteral("Anna")), qPrintable(t));
        // A search with SQL's wildcards finds nothing rather than everything.
        w.searchField()->setText(QStringLiteral("%"));
        QTRY_VERIFY_WITH_TIMEOUT(w.model()->filter().text == u"%", 2000);
        QCOMPARE(shownTexts(w.model()).size(), 0);
    }

    void chartsSayWhatTheyShow()
    {
        HistoryWindow w(path, nullptr);
        w.resize(800, 600);
        w.show();
        w.tabs()->setCurrentWidget(w.batteryChart());
        const QString battery = w.batteryChart()->summary();
        QVERIFY2(battery.contains(QStringLiteral("Front door")) &&
                     battery.contains(QStringLiteral("%")),
                 qPrintable(battery));
        w.tabs()->setCurrentWidget(w.doorChart());
        const QString door = w.doorChart()->summary();
        QVERIFY2(door.startsWith(QStringLiteral("Opened")) &&
                     door.contains(QStringLiteral("longest")) &&
                     door.contains(QStringLiteral(" times,")) && !door.contains(u"(s)"),
                 qPrintable(door));
    }

    void exportsWhatTheFiltersShow()
    {
        HistoryWindow w(path, nullptr);
        w.kindBox()->setCurrentIndex(3); // door
        const QString csv = dir.filePath(QStringLiteral("door.csv"));
        QString error;
        QVERIFY2(w.exportCsv(csv, &error), qPrintable(error));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QCOMPARE(lines.size() - 2, w.model()->db().count(w.model()->filter())); // header, end
        QVERIFY(lines.at(0).startsWith("time,kind,device"));
        QVERIFY(lines.at(1).contains("door-opened") || lines.at(1).contains("door-closed"));
    }

    // Off the interface thread, with a Cancel that leaves nothing behind, and a target that
    // cannot be written said in words, with no half-written file.
    void anExportCanBeCancelledAndLeavesNoHalfFile()
    {
        HistoryWindow w(path, nullptr);
        w.show();
        const QString csv = dir.filePath(QStringLiteral("cancelled.csv"));
        QFile::remove(csv);
        QSignalSpy finished(&w, &HistoryWindow::exportFinished);
        HistoryCsvExport *task = w.startExport(csv);
        QVERIFY(task);
        QVERIFY(w.exportProgress());
        QVERIFY(!w.startExport(csv)); // one at a time
        task->cancel();               // what the dialog's Cancel does
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(!QFile::exists(csv));
        // Nothing else beside it either: QSaveFile's temporary file is gone.
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("cancelled.csv*")}).size(), 0);
        QVERIFY(!w.runningExport());

        // Cancelled half-way (after the first page), while the window goes on answering.
        finished.clear();
        task = w.startExport(csv);
        QVERIFY(task);
        qint64 reached = 0;
        connect(
            task, &HistoryCsvExport::progress, task,
            [task, &reached](qint64 done, qint64) {
                reached = done;
                if (done >= HistoryCsvExport::PageRows)
                    task->cancel();
            },
            Qt::DirectConnection); // in the export's thread: the next page sees it
        int ticks = 0;
        QTimer tick;
        tick.setInterval(0);
        connect(&tick, &QTimer::timeout, &w, [&ticks] { ++ticks; });
        tick.start();
        QVERIFY(finished.wait(20000));
        tick.stop();
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(reached, qint64(HistoryCsvExport::PageRows));
        QVERIFY(ticks > 0); // the interface thread ran meanwhile
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("cancelled.csv*")}).size(), 0);
        QVERIFY2(w.findChild<QLabel *>() != nullptr, "the window is still there");

        // A folder that is not there: an error in words, and no file.
        const QString nowhere = dir.filePath(QStringLiteral("no/such/folder/x.csv"));
        QString error;
        // The warning is modal: a person reads it and closes it.
        bool warned = false;
        QTimer closer;
        closer.setInterval(50);
        QObject::connect(&closer, &QTimer::timeout, &w, [&warned] {
            for (QWidget *t : QApplication::topLevelWidgets())
                if (auto *box = qobject_cast<QMessageBox *>(t); box && box->isVisible()) {
                    warned = box->text().contains(QStringLiteral("Nothing was left"));
                    box->accept();
                }
        });
        closer.start();
        QVERIFY(!w.exportCsv(nowhere, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(nowhere));
        QTRY_VERIFY_WITH_TIMEOUT(warned, 5000);
    }

    void aFileItCannotReadIsSaidInWords()
    {
        const QString bad = dir.filePath(QStringLiteral("garbage.sqlite"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'z'));
        f.close();
        HistoryWindow w(bad, nullptr);
        w.show();
        QVERIFY(!w.model()->isOpen());
        const QLabel *banner = w.findChild<QLabel *>(QStringLiteral("historyBanner"));
        QVERIFY(banner);
        QVERIFY2(banner->text().contains(QStringLiteral("cannot be read")),
                 qPrintable(banner->text()));
        QCOMPARE(w.model()->rowCount(), 0);
        QFile again(bad);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QCOMPARE(again.readAll(), QByteArray(8192, 'z')); // the reader never changes it
    }

    void looks()
    {
        const QString shots = qEnvironmentVariable("NUKI_SCREENSHOTS");
        if (shots.isEmpty())
            QSKIP("NUKI_SCREENSHOTS is not set");
        QDir().mkpath(shots);
        const QPalette light = QApplication::style()->standardPalette();
        for (const auto &[name, palette] : {std::pair{QStringLiteral("light"), light},
                                            std::pair{QStringLiteral("dark"), darkPalette()}}) {
            QApplication::setPalette(palette);
            for (const int width : {360, 900}) {
                HistoryWindow w(path, nullptr);
                w.resize(width, 620);
                w.show();
                QVERIFY(QTest::qWaitForWindowExposed(&w));
                const QString base = shots + QStringLiteral("/history-%1-%2").arg(name).arg(width);
                for (int tab = 0; tab < 3; ++tab) {
                    w.tabs()->setCurrentIndex(tab);
                    QCoreApplication::processEvents();
                    QVERIFY(w.grab().save(base + QStringLiteral("-%1.png").arg(tab)));
                }
                // Nothing is cut: every filter fits its width.
                QVERIFY(w.deviceBox()->width() > 100);
                // The export's progress, half-way, then cancelled.
                HistoryCsvExport *task = w.startExport(dir.filePath(QStringLiteral("look.csv")));
                QVERIFY(task);
                bool halfway = false;
                connect(
                    task, &HistoryCsvExport::progress, task,
                    [&halfway](qint64 done, qint64) { halfway = halfway || done > 0; },
                    Qt::QueuedConnection);
                QTRY_VERIFY_WITH_TIMEOUT(halfway || !w.runningExport(), 20000);
                if (QProgressDialog *p = w.exportProgress()) {
                    p->show();
                    QCoreApplication::processEvents();
                    QVERIFY(p->grab().save(base + QStringLiteral("-export.png")));
                    p->cancel();
                }
                QTRY_VERIFY_WITH_TIMEOUT(!w.runningExport(), 20000);
            }
        }
        QApplication::setPalette(light);
    }
};

QTEST_MAIN(TestHistoryWindow)
#include "tst_history_window.moc"
