// The history end to end: the app (AppController and the window) with the simulated bridge
// over loopback and a real SQLite file; read back by the real nukictl (`history --json`) and by
// the History window. Also: a history file replaced by garbage, and one made read-only.
#include "AppController.h"
#include "SimBridge.h"
#include "SimFixtures.h"
#include "history/HistoryCharts.h"
#include "history/HistoryModel.h"
#include "history/HistoryWindow.h"
#include "history/JournalDb.h"
#include "window/DeviceCard.h"
#include "window/DeviceListView.h"
#include "window/MainWindow.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace nuki;

class TestHistoryE2E : public QObject
{
    Q_OBJECT
    const QString token = QStringLiteral("history-token-1");
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<nukisim::SimBridge> sim;
    std::unique_ptr<Settings> settings;
    std::unique_ptr<AppController> app;
    std::unique_ptr<MainWindow> window;

    QString settingsFile() const { return dir->filePath(QStringLiteral("settings.ini")); }
    QString historyFile() const { return Journal::pathFor(settingsFile()); }

    void startApp()
    {
        settings = std::make_unique<Settings>(settingsFile());
        app = std::make_unique<AppController>(settings.get(), false);
        app->confirm = [](const QString &, QWidget *, const QString &) { return true; };
        window = std::make_unique<MainWindow>(app.get());
        app->startHistory(historyFile());
        app->start();
        BridgeConfig b{QString::number(sim->config().serverId, 16), QStringLiteral("Hall bridge"),
                       QStringLiteral("127.0.0.1"), sim->port()};
        addBridge(*app->home(), b, token);
        bridgeSource(*app->home(), b.id)->client()->config().minGapMs = 20;
        window->show();
        QTRY_COMPARE_WITH_TIMEOUT(window->deviceList()->cards().size(), 4, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(app->journal(), 5000);
    }
    // Reads every source now and waits for the answers.
    void readNow()
    {
        bool done = false;
        app->home()->readAllThen([&done](const auto &) { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    }
    QJsonArray nukictlHistory(const QStringList &more = {})
    {
        QProcess p;
        p.start(qEnvironmentVariable("NUKICTL"),
                QStringList{QStringLiteral("--config"), settingsFile(), QStringLiteral("history"),
                            QStringLiteral("--json")} +
                    more);
        if (!p.waitForFinished(20000)) {
            p.kill();
            p.waitForFinished();
            return {};
        }
        return QJsonDocument::fromJson(p.readAllStandardOutput()).array();
    }

private slots:
    void init()
    {
        dir = std::make_unique<QTemporaryDir>();
        // This test's own data folder, for the app and the nukictl it runs alike.
        qputenv("XDG_DATA_HOME", dir->filePath(QStringLiteral("data")).toUtf8());
        QCoreApplication::setApplicationName(QStringLiteral("nuki-desktop"));
        sim = std::make_unique<nukisim::SimBridge>(fastSimConfig());
        sim->setToken(token);
        QVERIFY(sim->listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
    }
    void cleanup()
    {
        window.reset();
        app.reset();
        sim.reset();
        dir.reset();
    }

    void anActionAHandAndADoorInOrder()
    {
        startApp();
        const auto back = sim->devices().at(1);
        const auto front = sim->devices().at(0);
        DeviceCard *card = window->deviceList()->card({back.nukiId, back.deviceType});
        QPushButton *lock = nullptr;
        for (auto *b : card->findChildren<QPushButton *>())
            if (b->text() == u"Lock")
                lock = b;
        QVERIFY(lock);
        QTest::mouseClick(lock, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app->home()->device({back.nukiId, back.deviceType})->action.phase,
                                  ActionStatus::Succeeded, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(
            app->home()->device({back.nukiId, back.deviceType})->device.state.state, 1, 10000);
        // Someone turns it by hand; the front door opens and closes again.
        QSignalSpy external(app->home(), &Home::lockChangedExternally);
        QVERIFY(sim->turnByHand(back.nukiId, back.deviceType, 3));
        readNow();
        QTRY_COMPARE_WITH_TIMEOUT(
            app->home()->device({back.nukiId, back.deviceType})->device.state.state, 3, 10000);
        QCOMPARE(external.size(), 1);
        QVERIFY(sim->setDoor(front.nukiId, 3));
        readNow();
        QTest::qWait(50); // the door stands open a while (a duration, not synchronisation)
        QVERIFY(sim->setDoor(front.nukiId, 2));
        readNow();
        app->journal()->flush(true);

        const QJsonArray all = nukictlHistory();
        QStringList kinds;
        int action = -1, hand = -1, opened = -1, closed = -1;
        for (int i = 0; i < all.size(); ++i) {
            const QJsonObject o = all.at(i).toObject();
            const QString kind = o.value(QStringLiteral("kind")).toString();
            kinds << kind;
            if (kind == u"action" && o.value(QStringLiteral("device")) == back.name) {
                action = i;
                QCOMPARE(o.value(QStringLiteral("origin")).toString(), QStringLiteral("window"));
                QCOMPARE(o.value(QStringLiteral("outcome")).toString(), QStringLiteral("done"));
                QCOMPARE(o.value(QStringLiteral("action")).toString(), QStringLiteral("Lock"));
            }
            if (kind == u"change" && o.value(QStringLiteral("device")) == back.name)
                hand = i;
            if (kind == u"door-opened")
                opened = i;
            if (kind == u"door-closed") {
                closed = i;
                // The bridge's own times, to its second: the sim's door stood open ~0.1 s.
                const double open = o.value(QStringLiteral("durationSeconds")).toDouble();
                QVERIFY2(open >= 0 && open <= 2, qPrintable(QString::number(open)));
            }
        }
        QVERIFY2(action >= 0 && hand > action && opened > hand && closed > opened,
                 qPrintable(kinds.join(u' ')));

        // The window says the same in words, and the door chart has the open time.
        window->openHistory(DeviceKey{});
        HistoryWindow *h = window->historyWindow();
        QVERIFY(h);
        QStringList texts;
        for (int r = 0; r < h->model()->rowCount(); ++r)
            texts << h->model()->index(r).data(HistoryModel::EventTextRole).toString();
        QVERIFY2(
            texts.contains(back.name + QStringLiteral(": Lock from the window — done in 0 s")) ||
                texts.filter(back.name + QStringLiteral(": Lock from the window — done")).size() ==
                    1,
            qPrintable(texts.join(u'\n')));
        QVERIFY(texts.filter(QStringLiteral("door closed after")).size() == 1);
        h->tabs()->setCurrentWidget(h->doorChart());
        QVERIFY2(h->doorChart()->summary().startsWith(QStringLiteral("Opened 1 time")),
                 qPrintable(h->doorChart()->summary()));
        // One device's history from its card's menu: only that device.
        app->requestHistory({front.nukiId, front.deviceType});
        for (int r = 0; r < h->model()->rowCount(); ++r) {
            const QString t = h->model()->index(r).data(HistoryModel::EventTextRole).toString();
            if (h->model()->index(r).data(HistoryModel::KindRole).toInt() > 0)
                QVERIFY2(t.startsWith(front.name), qPrintable(t));
        }
        // nukictl's own filters.
        QCOMPARE(nukictlHistory({QStringLiteral("--kind"), QStringLiteral("door")}).size(), 2);
    }

    // One action, one entry: a nukictl lock while the app runs is nukictl's row only, whether
    // the app sees the change after nukictl wrote its row or before.
    void aNukictlActionIsOneEntryWhicheverWriterIsFirst()
    {
        startApp();
        settings->setPollIntervalSeconds(3600); // the test says when the app reads the bridge
        readNow();
        const auto back = sim->devices().at(1);
        auto entriesOfBack = [&] {
            app->journal()->flush(true);
            QJsonArray out;
            for (const QJsonValue &v : nukictlHistory({back.name}))
                if (v[u"kind"].toString() == u"action" || v[u"kind"].toString() == u"change")
                    out << v;
            return out;
        };
        const qsizetype before = entriesOfBack().size();
        auto nukictl = [&](const QString &verb) {
            auto p = std::make_unique<QProcess>();
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("NUKI_TOKEN"), token);
            p->setProcessEnvironment(env);
            p->setStandardInputFile(QProcess::nullDevice());
            p->start(qEnvironmentVariable("NUKICTL"),
                     {QStringLiteral("--config"), settingsFile(), QStringLiteral("--host"),
                      QStringLiteral("127.0.0.1:%1").arg(sim->port()), verb, back.name});
            return p;
        };
        auto stateOfBack = [&] {
            const DeviceRecord *r = app->home()->device({back.nukiId, back.deviceType});
            return r ? r->device.state.state : -1;
        };

        // nukictl first: its row is in the file before the app reads the bridge.
        {
            auto p = nukictl(QStringLiteral("lock"));
            // The simulator answers from this process's event loop: wait with it running.
            QTRY_VERIFY_WITH_TIMEOUT(p->state() == QProcess::NotRunning, 20000);
            QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        }
        readNow();
        QCOMPARE(stateOfBack(), int(LockState::Locked));
        QJsonArray entries = entriesOfBack();
        QCOMPARE(entries.size(), before + 1);
        QCOMPARE(entries.last()[u"kind"].toString(), QStringLiteral("action"));
        QCOMPARE(entries.last()[u"origin"].toString(), QStringLiteral("nukictl"));
        QCOMPARE(entries.last()[u"outcome"].toString(), QStringLiteral("done"));

        // And again with the app's record there first. A bridge answers one request at a
        // time, so while nukictl's unlock runs the app cannot read it: the app's row for it
        // is put in the file here (as the app would from a callback), and nukictl's row,
        // written when its unlock ends, takes its place.
        sim->config().actionMs = 2500;
        {
            auto p = nukictl(QStringLiteral("unlock"));
            QTRY_VERIFY_WITH_TIMEOUT(sim->devices().at(1).state == int(LockState::Unlocking) ||
                                         sim->devices().at(1).state == int(LockState::Unlocked),
                                     10000);
            HistoryEvent seen;
            seen.at = QDateTime::currentDateTime();
            seen.kind = HistoryKind::StateChanged;
            seen.key = {back.nukiId, back.deviceType};
            seen.deviceName = back.name;
            seen.state = int(LockState::Unlocked);
            {
                JournalDb db;
                QVERIFY(db.open(historyFile(), JournalDb::Mode::Write));
                QVERIFY(db.insert({seen}));
            }
            QCOMPARE(entriesOfBack().last()[u"kind"].toString(), QStringLiteral("change"));
            QVERIFY2(p->state() == QProcess::Running, "nukictl ended before the change was in");
            QTRY_VERIFY_WITH_TIMEOUT(p->state() == QProcess::NotRunning, 20000);
            QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        }
        readNow();
        QCOMPARE(stateOfBack(), int(LockState::Unlocked));
        entries = entriesOfBack();
        QStringList kinds;
        for (const QJsonValue &v : entries)
            kinds << v[u"kind"].toString() + u'/' + v[u"origin"].toString();
        QVERIFY2(entries.size() == before + 2, qPrintable(kinds.join(u' ')));
        QCOMPARE(entries.last()[u"action"].toString(), QStringLiteral("Unlock"));
        QCOMPARE(entries.last()[u"origin"].toString(), QStringLiteral("nukictl"));
        QCOMPARE(entries.last()[u"outcome"].toString(), QStringLiteral("done"));

        // A hand turn right after is someone else's, and stays.
        QVERIFY(sim->turnByHand(back.nukiId, back.deviceType, int(LockState::Locked)));
        readNow();
        entries = entriesOfBack();
        QCOMPARE(entries.size(), before + 3);
        QCOMPARE(entries.last()[u"kind"].toString(), QStringLiteral("change"));
    }

    void whatTheBridgeDidMeanwhileIsLearnedOnceFromItsLog()
    {
        // Another program locks the back door through the bridge while the app is not running.
        const auto back = sim->devices().at(1);
        QNetworkAccessManager net;
        QUrl url(QStringLiteral("http://127.0.0.1:%1/lockAction").arg(sim->port()));
        url.setQuery(QStringLiteral("nukiId=%1&deviceType=%2&action=2&nowait=1&token=%3")
                         .arg(back.nukiId)
                         .arg(back.deviceType)
                         .arg(token));
        QNetworkReply *reply = net.get(QNetworkRequest(url));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        reply->deleteLater();
        auto learned = [this] {
            int n = 0;
            for (const QJsonValue &v : nukictlHistory())
                n += v.toObject().value(QStringLiteral("learnedAfterwards")).toBool() ? 1 : 0;
            return n;
        };
        startApp();
        QTRY_VERIFY_WITH_TIMEOUT((app->journal()->flush(true), learned() == 1), 10000);
        // The next start reads the same log again: nothing twice.
        window.reset();
        app.reset();
        startApp();
        QTRY_VERIFY_WITH_TIMEOUT(
            app->home()->source(app->home()->sourceIds().first())->link().status ==
                LinkStatus::Online,
            10000);
        app->journal()->flush(true);
        QCOMPARE(learned(), 1);
    }

    void garbageIsKeptAsideAndANewHistoryStarts()
    {
        QDir().mkpath(QFileInfo(historyFile()).absolutePath());
        const QByteArray garbage = QByteArray("SQLite format 3") + QByteArray(70000, '\x7f');
        {
            QFile f(historyFile());
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(garbage);
        }
        startApp();
        QTRY_VERIFY_WITH_TIMEOUT(app->journal()->statusText().contains(QStringLiteral("kept as")),
                                 5000);
        QCOMPARE(app->journal()->status(), Journal::Status::Recording);
        const QStringList aside =
            QDir(QFileInfo(historyFile()).absolutePath())
                .entryList({QFileInfo(historyFile()).fileName() + QStringLiteral(".damaged-*")});
        QCOMPARE(aside.size(), 1);
        QFile kept(QFileInfo(historyFile()).absoluteDir().filePath(aside.first()));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), garbage);
        // Said once, and new events are recorded.
        QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("kept as")) ||
                app->journal()->statusText().contains(QStringLiteral("kept as")));
        const auto d = sim->devices().at(0);
        QVERIFY(sim->setDoor(d.nukiId, 3));
        readNow();
        app->journal()->flush(true);
        QTRY_VERIFY_WITH_TIMEOUT(app->journal()->written() > 0, 5000);
        QVERIFY(!nukictlHistory({QStringLiteral("--kind"), QStringLiteral("door")}).isEmpty());
    }

    void readOnlyPausesTheHistoryAndNothingElse()
    {
        {
            JournalDb db;
            QVERIFY(db.open(historyFile(), JournalDb::Mode::Write));
        }
        const bool root = geteuid() == 0;
        const bool made = root ? QProcess::execute(QStringLiteral("chattr"),
                                                   {QStringLiteral("+i"), historyFile()}) == 0
                               : QFile::setPermissions(historyFile(), QFile::ReadOwner);
        if (!made)
            QSKIP("this file system cannot make a file read-only for this user");
        startApp();
        QTRY_COMPARE_WITH_TIMEOUT(app->journal()->status(), Journal::Status::Paused, 8000);
        QVERIFY(app->journal()->statusText().contains(QStringLiteral("History is paused")));
        // The doors work as before.
        const auto back = sim->devices().at(1);
        QVERIFY(app->requestAction({back.nukiId, back.deviceType}, 2, window.get()));
        QTRY_COMPARE_WITH_TIMEOUT(sim->device(back.nukiId, back.deviceType)->state, 1, 10000);
        window->openHistory(DeviceKey{});
        auto *banner =
            window->historyWindow()->findChild<QLabel *>(QStringLiteral("historyBanner"));
        QVERIFY(banner && banner->text().contains(QStringLiteral("paused")));
        if (root)
            QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), historyFile()});
        else
            QFile::setPermissions(historyFile(), QFile::ReadOwner | QFile::WriteOwner);
    }
};

QTEST_MAIN(TestHistoryE2E)
#include "tst_history_e2e.moc"
