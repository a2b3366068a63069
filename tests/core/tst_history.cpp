// The history: what the recorder makes of the home's events, and the journal's SQLite file
// (a real file in a temporary folder) whatever is done to it: garbage, a link, a newer
// version, read-only, locked by another program, hostile rows, pruning.
#include "FakeSource.h"
#include "history/ActionExplains.h"
#include "history/BridgeLogFold.h"
#include "history/HistoryExport.h"
#include "history/HistoryRecorder.h"
#include "history/HistoryText.h"
#include "history/Journal.h"
#include "history/JournalDb.h"
#include "home/Home.h"
#include "platform/Clock.h"

#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <ctime>
#include <sys/stat.h>
#include <unistd.h>

using namespace nuki;

namespace {
constexpr quint32 FrontId = 0x1001;
const DeviceKey Front{FrontId, int(DeviceType::SmartLock3)};
constexpr int Locked = int(LockState::Locked), Unlocked = int(LockState::Unlocked);

DeviceState stateOf(int state, std::optional<int> door = std::nullopt, int battery = 80)
{
    DeviceState s;
    s.known = true;
    s.state = state;
    s.mode = 2;
    s.doorsensorState = door;
    s.batteryChargeState = battery;
    return s;
}

HistoryEvent makeEvent(HistoryKind kind, qint64 atMs, const QString &uid = {})
{
    HistoryEvent e;
    e.at = QDateTime::fromMSecsSinceEpoch(atMs);
    e.kind = kind;
    e.key = Front;
    e.deviceName = QStringLiteral("Front door");
    e.uid = uid;
    return e;
}

QList<HistoryEvent> everything(const QString &path)
{
    JournalDb db;
    if (!db.open(path, JournalDb::Mode::Read))
        return {};
    return db.queryAscending({}, 100000);
}

// Read-only for whoever runs the test: root ignores file modes, so it gets an immutable file.
bool makeReadOnly(const QString &path, bool on)
{
    if (geteuid() != 0)
        return QFile::setPermissions(path,
                                     on ? QFile::ReadOwner : QFile::ReadOwner | QFile::WriteOwner);
    return QProcess::execute(QStringLiteral("chattr"),
                             {on ? QStringLiteral("+i") : QStringLiteral("-i"), path}) == 0;
}
} // namespace

class TestHistory : public QObject
{
    Q_OBJECT

    QTemporaryDir dir;
    std::unique_ptr<Home> home;
    FakeSource *source = nullptr;
    QList<HistoryEvent> seen;
    std::unique_ptr<HistoryRecorder> recorder;

    QString file(const char *name) const { return dir.filePath(QLatin1String(name)); }

private slots:
    void init()
    {
        home = std::make_unique<Home>();
        source = new FakeSource(QStringLiteral("L1"), QStringLiteral("Wi-Fi lock"));
        home->addSource(source);
        source->start(false);
        seen.clear();
        recorder = std::make_unique<HistoryRecorder>(home.get(),
                                                     [this](const HistoryEvent &e) { seen << e; });
        recorder->setNameOf(
            [](quint32 id) { return id == 8193 ? QStringLiteral("Anna") : QString(); });
        source->list({fakeDevice(FrontId, Front.deviceType, QStringLiteral("Front door"), Locked,
                                 int(DoorSensor::Closed))});
        source->report(FrontId, Front.deviceType, stateOf(Locked, int(DoorSensor::Closed)));
    }
    void cleanup()
    {
        recorder.reset();
        home.reset();
    }

    void anActionIsOneRowFromIntentToOutcome()
    {
        seen.clear();
        QVERIFY(home->actions()->start(Front, int(LockAction::Unlock), {ActionOrigin::Tray}));
        source->progress.first().taken();
        // The moving state and the state it leads to are the action's, not rows of their own.
        source->report(FrontId, Front.deviceType,
                       stateOf(int(LockState::Unlocking), int(DoorSensor::Closed)));
        source->progress.first().finished({});
        source->report(FrontId, Front.deviceType, stateOf(Unlocked, int(DoorSensor::Closed)));
        QCOMPARE(seen.size(), 2);
        QCOMPARE(seen[0].kind, HistoryKind::Action);
        QCOMPARE(seen[0].outcome, HistoryOutcome::Running);
        QCOMPARE(seen[1].outcome, HistoryOutcome::Done);
        QCOMPARE(seen[0].uid, seen[1].uid);
        QCOMPARE(seen[1].origin, ActionOrigin::Tray);

        // In the file: one row, its outcome done, its time the time it was asked for.
        const QString path = file("action.sqlite");
        {
            Journal journal(path);
            for (const HistoryEvent &e : std::as_const(seen))
                journal.record(e);
            journal.flush(true);
            QCOMPARE(journal.status(), Journal::Status::Recording);
        }
        const QList<HistoryEvent> rows = everything(path);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].outcome, HistoryOutcome::Done);
        QCOMPARE(rows[0].at, seen[0].at);
        QVERIFY(historyEventText(rows[0]).contains(QStringLiteral("from the tray")));
    }

    void aFailedActionKeepsItsReason()
    {
        seen.clear();
        QVERIFY(home->actions()->start(Front, int(LockAction::Unlock)));
        source->progress.first().finished(
            SourceError::said(SourceError::LockBusy, QStringLiteral("The lock is busy")));
        QCOMPARE(seen.last().outcome, HistoryOutcome::Failed);
        QVERIFY(seen.last().detail.contains(QStringLiteral("busy")));
    }

    void someoneElsesChangeWaitsForWhoDidIt()
    {
        seen.clear();
        source->report(FrontId, Front.deviceType, stateOf(Unlocked, int(DoorSensor::Closed)));
        QCOMPARE(seen.size(), 0); // waits a moment for the lock's event
        LockEvent ev;
        ev.action = 1;
        ev.codeId = 8193;
        emit source->lockEvent(FrontId, Front.deviceType, ev);
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen[0].kind, HistoryKind::StateChanged);
        QCOMPARE(seen[0].state, Unlocked);
        QVERIFY2(seen[0].how.contains(QStringLiteral("Anna")), qPrintable(seen[0].how));

        // The event first, the state after it: joined too.
        LockEvent button;
        button.action = 2;
        button.trigger = 2;
        emit source->lockEvent(FrontId, Front.deviceType, button);
        source->report(FrontId, Front.deviceType, stateOf(Locked, int(DoorSensor::Closed)));
        QCOMPARE(seen.size(), 2);
        QVERIFY2(seen[1].how.contains(QStringLiteral("button")), qPrintable(seen[1].how));

        // Nobody says who: recorded as it is after a bounded wait.
        source->report(FrontId, Front.deviceType, stateOf(Unlocked, int(DoorSensor::Closed)));
        QTRY_COMPARE_WITH_TIMEOUT(seen.size(), 3, HistoryRecorder::JoinMs * 3);
        QVERIFY(seen[2].how.isEmpty());
    }

    void theDoorSaysHowLongItStoodOpen()
    {
        seen.clear();
        source->report(FrontId, Front.deviceType, stateOf(Locked, int(DoorSensor::Opened)));
        QTest::qWait(30); // time passing for the duration, not synchronisation
        source->report(FrontId, Front.deviceType, stateOf(Locked, int(DoorSensor::Unknown)));
        source->report(FrontId, Front.deviceType, stateOf(Locked, int(DoorSensor::Closed)));
        QCOMPARE(seen.size(), 2);
        QCOMPARE(seen[0].kind, HistoryKind::DoorOpened);
        QCOMPARE(seen[1].kind, HistoryKind::DoorClosed);
        QVERIFY(seen[1].durationMs >= 30);
        QVERIFY(historyEventText(seen[1]).contains(QStringLiteral("after")));
    }

    // A change a poll sees carries the source's own time for it (a bridge's /list
    // timestamp), bounded by the read before and this one: the timeline and the door's open
    // time are right to the second with polling too.
    void aPollDatesAChangeByTheSourcesTime()
    {
        const QDateTime t0(QDate(2026, 6, 17), QTime(20, 0), Qt::UTC);
        QDateTime now = t0;
        clock::setForTesting([&now] { return now; });
        const auto restore = qScopeGuard([] { clock::setForTesting({}); });
        const auto read = [&](int lock, int door, const QDateTime &stamp) {
            DeviceState s = stateOf(lock, door);
            s.timestamp = stamp;
            source->report(FrontId, Front.deviceType, s, Delivery::Read);
        };
        read(Locked, int(DoorSensor::Closed), t0.addSecs(-60)); // the read before
        seen.clear();
        // A hand turn and the door at t0+4, seen by the poll at t0+15.
        now = t0.addSecs(15);
        read(Unlocked, int(DoorSensor::Opened), t0.addSecs(4));
        // Closed at t0+21, seen at t0+30: open for 17 s, not 15.
        now = t0.addSecs(30);
        read(Unlocked, int(DoorSensor::Closed), t0.addSecs(21));
        // A time before the read before, or after now, is bounded by them.
        now = t0.addSecs(45);
        read(Locked, int(DoorSensor::Closed), t0.addSecs(-3600));
        now = t0.addSecs(60);
        read(Unlocked, int(DoorSensor::Closed), t0.addSecs(3600));
        now = t0.addSecs(70); // the last change waits JoinMs for who did it (not a bridge)
        QTRY_COMPARE_WITH_TIMEOUT(seen.size(), 5, 5000);
        auto find = [&](HistoryKind kind, int n = 0) -> HistoryEvent {
            for (const HistoryEvent &e : std::as_const(seen))
                if (e.kind == kind && n-- == 0)
                    return e;
            return {};
        };
        QCOMPARE(find(HistoryKind::StateChanged).at, t0.addSecs(4));
        QCOMPARE(find(HistoryKind::DoorOpened).at, t0.addSecs(4));
        QCOMPARE(find(HistoryKind::DoorClosed).at, t0.addSecs(21));
        QCOMPARE(find(HistoryKind::DoorClosed).durationMs, 17000);
        QCOMPARE(find(HistoryKind::StateChanged, 1).at, t0.addSecs(30));
        QCOMPARE(find(HistoryKind::StateChanged, 2).at, t0.addSecs(60));
    }

    void aBatterySampleOnlyWhenTheLevelChanges()
    {
        seen.clear();
        for (int i = 0; i < 5; ++i) // polls that bring nothing new
            source->report(FrontId, Front.deviceType, stateOf(Locked, int(DoorSensor::Closed)));
        QCOMPARE(seen.size(), 0);
        source->report(FrontId, Front.deviceType, stateOf(Locked, int(DoorSensor::Closed), 78));
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen[0].kind, HistoryKind::Battery);
        QCOMPARE(seen[0].state, 78);
    }

    void aSourceGoingAwayAndComingBack()
    {
        seen.clear();
        source->setLink(LinkStatus::Offline,
                        SourceError(SourceError::Unreachable, 0, QStringLiteral("refused")));
        source->setLink(LinkStatus::Online);
        QVERIFY(seen.size() >= 2);
        QCOMPARE(seen.first().kind, HistoryKind::SourceOffline);
        QCOMPARE(seen.last().kind, HistoryKind::SourceOnline);
        QCOMPARE(seen.last().sourceName, QStringLiteral("Wi-Fi lock"));
    }

    // --- the file ---

    void garbageIsMovedAsideAndANewHistoryStarts()
    {
        const QString path = file("garbage.sqlite");
        QByteArray garbage(64 * 1024, 'x');
        garbage.prepend("not a database at all");
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(garbage);
        }
        Journal journal(path);
        QSignalSpy said(&journal, &Journal::statusChanged);
        journal.record(makeEvent(HistoryKind::Ring, QDateTime::currentMSecsSinceEpoch()));
        journal.flush(true);
        QTRY_VERIFY_WITH_TIMEOUT(journal.statusText().contains(QStringLiteral("kept as")), 5000);
        QCOMPARE(journal.status(), Journal::Status::Recording);
        const QStringList aside =
            QDir(dir.path()).entryList({QStringLiteral("garbage.sqlite.damaged-*")});
        QCOMPARE(aside.size(), 1);
        QFile kept(dir.filePath(aside.first()));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), garbage); // nothing lost, nothing changed
        QCOMPARE(journal.written(), 1);
        QCOMPARE(everything(path).size(), 1);
    }

    void aLinkIsNeverFollowed()
    {
        const QString target = file("precious.txt");
        {
            QFile f(target);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("the person's own file");
        }
        const QString path = file("link.sqlite");
        QVERIFY(QFile::link(target, path));
        JournalDb db;
        QVERIFY(!db.open(path, JournalDb::Mode::Read)); // refused for reading
        QVERIFY(db.problemText().contains(QStringLiteral("symbolic link")));
        QVERIFY(db.open(path, JournalDb::Mode::Write)); // the link is set aside, not followed
        QVERIFY(!QFileInfo(path).isSymLink());
        QVERIFY(QFileInfo(db.movedAsideTo()).isSymLink());
        QFile f(target);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("the person's own file"));
    }

    void aNewerVersionIsKeptAside()
    {
        const QString path = file("newer.sqlite");
        {
            JournalDb db;
            QVERIFY(db.open(path, JournalDb::Mode::Write));
        }
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "raw");
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery(raw).exec(QStringLiteral("PRAGMA user_version=99"));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        JournalDb db;
        QVERIFY(!db.open(path, JournalDb::Mode::WriteNoRepair)); // nukictl never moves it
        QVERIFY(db.problemText().contains(QStringLiteral("newer")));
        QVERIFY(db.open(path, JournalDb::Mode::Write));
        QVERIFY(!db.movedAsideTo().isEmpty());
    }

    void readOnlyPausesAndResumesByItself()
    {
        const QString path = file("readonly.sqlite");
        {
            JournalDb db;
            QVERIFY(db.open(path, JournalDb::Mode::Write));
        }
        if (!makeReadOnly(path, true))
            QSKIP("this file system cannot make a file read-only for this user");
        Journal::Options o;
        o.retryMs = 200;
        Journal journal(path, o);
        journal.record(makeEvent(HistoryKind::Ring, QDateTime::currentMSecsSinceEpoch()));
        journal.flush(true);
        QTRY_COMPARE_WITH_TIMEOUT(journal.status(), Journal::Status::Paused, 5000);
        QVERIFY2(journal.statusText().contains(QStringLiteral("paused")),
                 qPrintable(journal.statusText()));
        QVERIFY(QFileInfo(path).exists()); // not moved aside: it is not damaged
        QVERIFY(makeReadOnly(path, false));
        QTRY_COMPARE_WITH_TIMEOUT(journal.status(), Journal::Status::Recording, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(journal.written(), 1, 5000); // what came meanwhile is kept
    }

    // Paused in the middle of a run and resumed: still one session, so no "the app was not
    // running" for the time it was paused.
    void aPauseIsNoGapInTheRun()
    {
        const QString path = file("pausedrun.sqlite");
        Journal::Options o;
        o.retryMs = 200;
        const QDateTime started = QDateTime::currentDateTime();
        {
            Journal journal(path, o);
            journal.record(makeEvent(HistoryKind::Ring, started.toMSecsSinceEpoch()));
            journal.flush(true);
            QTRY_COMPARE_WITH_TIMEOUT(journal.written(), 1, 5000);
            // Another program holds the file in the middle of the run: the history pauses.
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "holder");
            other.setDatabaseName(path);
            QVERIFY(other.open());
            {
                QSqlQuery hold(other);
                QVERIFY(hold.exec(QStringLiteral("BEGIN EXCLUSIVE")));
                journal.record(makeEvent(HistoryKind::Ring, started.toMSecsSinceEpoch() + 1));
                journal.flush(true);
                QTRY_COMPARE_WITH_TIMEOUT(journal.status(), Journal::Status::Paused, 8000);
                QVERIFY(hold.exec(QStringLiteral("COMMIT")));
            }
            other.close();
            other = {};
            QSqlDatabase::removeDatabase(QStringLiteral("holder"));
            QTRY_COMPARE_WITH_TIMEOUT(journal.written(), 2, 8000);
            QCOMPARE(journal.status(), Journal::Status::Recording);
        }
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "sessions");
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        {
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("SELECT count(*), min(started) FROM sessions")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 1); // one run, one session, the pause inside it
            QVERIFY(q.value(1).toLongLong() <= started.toMSecsSinceEpoch() + 1000);
        }
        raw.close();
        raw = {};
        QSqlDatabase::removeDatabase(QStringLiteral("sessions"));
        // The pause is said as a pause, with why.
        const QList<HistoryEvent> rows = everything(path);
        QCOMPARE(rows.size(), 3);
        const auto paused = std::find_if(rows.begin(), rows.end(), [](const HistoryEvent &e) {
            return e.kind == HistoryKind::HistoryPaused;
        });
        QVERIFY(paused != rows.end());
        QVERIFY(paused->endedAt >= paused->at);
        const QString text = historyEventText(*paused);
        QVERIFY2(text.startsWith(QStringLiteral("History paused until")) &&
                     text.contains(QStringLiteral("locked")) &&
                     text.endsWith(QStringLiteral("(the app kept running)")),
                 qPrintable(text));
        QCOMPARE(historyJson(*paused).value(QStringLiteral("kind")).toString(),
                 QStringLiteral("history-paused"));
    }

    void aFileLockedByAnotherProgramPauses()
    {
        const QString path = file("locked.sqlite");
        {
            JournalDb db;
            QVERIFY(db.open(path, JournalDb::Mode::Write));
        }
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "other");
        other.setDatabaseName(path);
        QVERIFY(other.open());
        QSqlQuery hold(other);
        QVERIFY(hold.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        Journal::Options o;
        o.retryMs = 200;
        {
            Journal journal(path, o);
            journal.record(makeEvent(HistoryKind::Ring, QDateTime::currentMSecsSinceEpoch()));
            journal.flush(true);
            QTRY_COMPARE_WITH_TIMEOUT(journal.status(), Journal::Status::Paused, 8000);
            QVERIFY2(journal.statusText().contains(QStringLiteral("locked")),
                     qPrintable(journal.statusText()));
            QVERIFY(hold.exec(QStringLiteral("COMMIT")));
            QTRY_COMPARE_WITH_TIMEOUT(journal.written(), 1, 8000);
        }
        hold.finish();
        other.close();
        other = {};
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
    }

    void hostileRowsAreSkippedOrCut()
    {
        const QString path = file("hostile.sqlite");
        {
            JournalDb db;
            QVERIFY(db.open(path, JournalDb::Mode::Write));
            QVERIFY(db.insert({makeEvent(HistoryKind::Ring, QDateTime::currentMSecsSinceEpoch())}));
        }
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "raw2");
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("INSERT INTO events(at, kind, device_name) VALUES"
                                          " (1700000000000, 999, 'unknown kind'),"
                                          " ('yesterday', 5, 'a time as text'),"
                                          " (1700000000000, 5, zeroblob(10)),"
                                          " (1700000000000, 5, printf('%.*c', 5000000, 'x'))")));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw2"));
        const QList<HistoryEvent> rows = everything(path);
        QCOMPARE(rows.size(), 3); // the unknown kind and the text time are skipped
        for (const HistoryEvent &e : rows)
            QVERIFY(e.deviceName.size() <= JournalDb::MaxTextChars);
    }

    // Two writers on one file, as the app and nukictl are: the change an action explains is
    // stored once, as the action, whichever row arrives first; what it cannot explain stays.
    void oneActionOneEntryFromTwoWriters()
    {
        const QString path = file("twowriters.sqlite");
        JournalDb app, cli;
        QVERIFY(app.open(path, JournalDb::Mode::Write));
        QVERIFY(cli.open(path, JournalDb::Mode::Write));
        const qint64 t0 = 1780000000000;
        auto change = [&](qint64 at, int state) {
            HistoryEvent e = makeEvent(HistoryKind::StateChanged, at);
            e.state = state;
            return e;
        };
        auto action = [&](qint64 at, int a, HistoryOutcome outcome, qint64 endedAfter = 800) {
            HistoryEvent e = makeEvent(HistoryKind::Action, at);
            e.action = a;
            e.origin = ActionOrigin::CommandLine;
            e.outcome = outcome;
            if (endedAfter >= 0)
                e.endedAt = e.at.addMSecs(endedAfter);
            return e;
        };
        // The change seen first (the app stored Locking and Locked), then nukictl's row.
        QVERIFY(app.insert({change(t0 + 300, int(LockState::Locking))}));
        QVERIFY(app.insert({change(t0 + 700, int(LockState::Locked))}));
        QVERIFY(cli.insert({action(t0, 2, HistoryOutcome::Done)}));
        QList<HistoryEvent> rows = everything(path);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).kind, HistoryKind::Action);
        QCOMPARE(rows.at(0).origin, ActionOrigin::CommandLine);
        // nukictl's row first, then the app's change, seen by a poll 14 s later.
        const qint64 t1 = t0 + 60000;
        QVERIFY(cli.insert({action(t1, 1, HistoryOutcome::Done)}));
        QVERIFY(app.insert({change(t1 + 14800, int(LockState::Unlocked))}));
        QCOMPARE(everything(path).size(), 2);
        // What the action does not lead to, or sees too late, is someone else's.
        QVERIFY(app.insert({change(t1 + 15000, int(LockState::Locked))}));
        QVERIFY(app.insert({change(t1 + 800 + ExplainGraceMs + 1000, int(LockState::Unlocked))}));
        QCOMPARE(everything(path).size(), 4);
        // A failed action explains nothing; nor does one on another device.
        const qint64 t2 = t0 + 120000;
        QVERIFY(app.insert({change(t2 + 200, int(LockState::Locked))}));
        QVERIFY(cli.insert({action(t2, 2, HistoryOutcome::Failed)}));
        HistoryEvent other = action(t2, 2, HistoryOutcome::Done);
        other.key.nukiId = FrontId + 1;
        QVERIFY(cli.insert({other}));
        QCOMPARE(everything(path).size(), 7);
        // An action whose outcome is unknown (it may have reached the lock) explains too,
        // and so does a lock's own report of it.
        const qint64 t3 = t0 + 180000;
        QVERIFY(cli.insert({action(t3, 1, HistoryOutcome::Unknown, -1)}));
        HistoryEvent report = makeEvent(HistoryKind::LockEvent, t3 + 30000);
        report.action = 1;
        QVERIFY(app.insert({report, change(t3 + 31000, int(LockState::Unlocked))}));
        rows = everything(path);
        QCOMPARE(rows.size(), 8);
        QCOMPARE(rows.last().kind, HistoryKind::Action);
        // A row learned afterwards from a bridge's log is the log's, and stays.
        HistoryEvent learned = change(t3 + 32000, int(LockState::Unlocked));
        learned.learnedLater = true;
        learned.uid = QStringLiteral("log:x");
        QVERIFY(app.insert({learned}));
        QCOMPARE(everything(path).size(), 9);
        // An unlock, then a lock, then a hand turn to unlocked inside the unlock's 20 s: the
        // lock came between, so the turn is someone's (in either order of writing).
        const qint64 t4 = t0 + 300000;
        QVERIFY(cli.insert({action(t4, 1, HistoryOutcome::Done)}));
        QVERIFY(cli.insert({action(t4 + 2000, 2, HistoryOutcome::Done)}));
        QVERIFY(app.insert({change(t4 + 4000, int(LockState::Unlocked))}));
        HistoryEvent late = action(t4 + 6000, 1, HistoryOutcome::Done);
        QVERIFY(app.insert({change(t4 + 5000, int(LockState::Locked))}));
        QCOMPARE(everything(path).size(), 12); // the lock explained its Locked; the turn stays
        QVERIFY(cli.insert({late}));           // a later unlock does not take the turn either
        QCOMPARE(everything(path).size(), 13);
        // The rule by itself: every action's states.
        QVERIFY(actionLeadsTo(Front.deviceType, 5, int(LockState::Unlatched)));
        QVERIFY(!actionLeadsTo(Front.deviceType, 2, int(LockState::Unlocked)));
        QVERIFY(actionLeadsTo(int(DeviceType::Opener), 1, int(OpenerState::RtoActive)));
        QVERIFY(!actionLeadsTo(int(DeviceType::Opener), 2, int(OpenerState::RtoActive)));
        QVERIFY(!actionLeadsTo(Front.deviceType, 999, int(LockState::Locked)));
    }

    void valuesOutOfRangeAreUnknownNotFacts()
    {
        const QString path = file("outofrange.sqlite");
        {
            JournalDb db;
            QVERIFY(db.open(path, JournalDb::Mode::Write));
            QVERIFY(db.insert({makeEvent(HistoryKind::Ring, 1700000000000)}));
        }
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "raw4");
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            // A hand-edited action: no such action, origin or outcome; and one with only the
            // origin and outcome out of range, the action a real one.
            QVERIFY(
                q.exec(QStringLiteral(
                           "INSERT INTO events(at, kind, nuki_id, device_type, device_name, "
                           "action, origin,"
                           " outcome) VALUES (1700000001000, %1, %2, %3, 'Back door', 999, 77, 55),"
                           " (1700000002000, %1, %2, %3, 'Side door', 2, -4, 'done')")
                           .arg(int(HistoryKind::Action))
                           .arg(FrontId)
                           .arg(Front.deviceType)));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw4"));
        const QList<HistoryEvent> rows = everything(path);
        QCOMPARE(rows.size(), 3);
        const QString stranger = historyEventText(rows.at(1));
        QCOMPARE(stranger, QStringLiteral("Back door: An action the app does not know from "
                                          "somewhere the app does not know — outcome unknown"));
        QVERIFY(!stranger.contains(QStringLiteral("window")));
        QVERIFY(!stranger.contains(QStringLiteral("Action 0")));
        const QString half = historyEventText(rows.at(2));
        QVERIFY2(half.startsWith(QStringLiteral("Side door: Lock from somewhere the app does not "
                                                "know — outcome unknown")),
                 qPrintable(half));
        const QJsonObject json = historyJson(rows.at(1));
        QCOMPARE(json.value(QStringLiteral("action")).toString(), QStringLiteral("unknown"));
        QCOMPARE(json.value(QStringLiteral("origin")).toString(), QStringLiteral("unknown"));
        QCOMPARE(json.value(QStringLiteral("outcome")).toString(), QStringLiteral("unknown"));
    }

    void aStrangersRowNeitherEndsAPageNorUsesUpALimit()
    {
        const QString path = file("paging.sqlite");
        {
            JournalDb db;
            QVERIFY(db.open(path, JournalDb::Mode::Write));
            QList<HistoryEvent> batch;
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            for (int i = 0; i < 300; ++i)
                batch << makeEvent(HistoryKind::Ring, now - qint64(i) * 60000);
            QVERIFY(db.insert(batch));
        }
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "raw3");
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO events(at, kind, device_name) VALUES (4200000000000, 5, 'future'),"
                " ('text', 5, 'text time'), (1700000000000, 42, 'unknown kind')")));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw3"));
        JournalDb db;
        QVERIFY(db.open(path, JournalDb::Mode::Read));
        QCOMPARE(db.query({}, 1).size(), 1); // the newest real one, not nothing
        int seen = 0;
        std::optional<JournalDb::Cursor> cursor;
        for (int page = 0; page < 10; ++page) {
            const QList<HistoryEvent> rows = db.query({}, 100, cursor);
            seen += int(rows.size());
            if (rows.size() < 100)
                break;
            cursor = JournalDb::Cursor{rows.last().at, rows.last().id};
        }
        QCOMPARE(seen, 300);
    }

    void namesCannotForgeLinesOrTurnText()
    {
        const QString path = file("controls.sqlite");
        JournalDb db;
        QVERIFY(db.open(path, JournalDb::Mode::Write));
        HistoryEvent e = makeEvent(HistoryKind::Ring, QDateTime::currentMSecsSinceEpoch());
        e.deviceName =
            QStringLiteral("Back\u202Eroot\u202C door\n02:00 Front door: Unlocked\x1b[31m");
        QVERIFY(db.insert({e}));
        const QString name = db.query({}, 1).first().deviceName;
        for (QChar c : name)
            QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x202e && c.unicode() != 0x1b,
                     qPrintable(name));
    }

    void aFileDeletedWhileRecordingIsStartedAgain()
    {
        const QString path = file("deleted.sqlite");
        Journal journal(path);
        journal.record(makeEvent(HistoryKind::Ring, QDateTime::currentMSecsSinceEpoch()));
        journal.flush(true);
        QTRY_COMPARE_WITH_TIMEOUT(journal.written(), 1, 5000);
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(path + QLatin1String(suffix));
        journal.record(makeEvent(HistoryKind::Ring, QDateTime::currentMSecsSinceEpoch()));
        journal.flush(true);
        QTRY_COMPARE_WITH_TIMEOUT(journal.written(), 2, 5000);
        QCOMPARE(everything(path).size(), 1); // where people look, not into the deleted file
    }

    void aVersionOneFileIsMigratedAndSearchFoldsUmlauts()
    {
        const QString path = file("v1.sqlite");
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "v1");
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            for (const char *sql :
                 {("CREATE TABLE events(id INTEGER PRIMARY KEY, at INTEGER NOT NULL, kind INTEGER "
                   "NOT NULL, nuki_id INTEGER, device_type INTEGER, device_name TEXT, source_id "
                   "TEXT, source_name TEXT, state INTEGER, action INTEGER, origin INTEGER, outcome "
                   "INTEGER, ended_at INTEGER, duration_ms INTEGER, how TEXT, detail TEXT, "
                   "learned_later INTEGER NOT NULL DEFAULT 0, uid TEXT UNIQUE)"),
                  ("CREATE TABLE sessions(id INTEGER PRIMARY KEY, started INTEGER NOT NULL, "
                   "last_seen INTEGER NOT NULL)"),
                  "INSERT INTO events(at, kind, device_name) VALUES (1700000000000, 5, 'Old Gate')",
                  "PRAGMA user_version=1"})
                QVERIFY2(q.exec(QLatin1String(sql)), qPrintable(q.lastError().text()));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));
        JournalDb db;
        QVERIFY(db.open(path, JournalDb::Mode::Write));
        QVERIFY(db.movedAsideTo().isEmpty()); // migrated, not set aside
        HistoryEvent e = makeEvent(HistoryKind::Ring, QDateTime::currentMSecsSinceEpoch());
        e.deviceName = QStringLiteral("HAUSTÜR SÜD");
        QVERIFY(db.insert({e}));
        HistoryFilter f;
        f.text = QStringLiteral("tür");
        QCOMPARE(db.count(f), 1);
        f.text = QStringLiteral("old gate"); // a row from before the migration
        QCOMPARE(db.count(f), 1);
    }

    void aWalThatIsADirectoryIsSetAside()
    {
        const QString path = file("waldir.sqlite");
        {
            JournalDb db;
            QVERIFY(db.open(path, JournalDb::Mode::Write));
        }
        QFile::remove(path + QStringLiteral("-wal"));
        QVERIFY(QDir().mkpath(path + QStringLiteral("-wal")));
        JournalDb reader;
        QVERIFY(!reader.open(path, JournalDb::Mode::Read));
        QVERIFY(reader.problemText().contains(QStringLiteral("-wal")));
        JournalDb db;
        QVERIFY2(db.open(path, JournalDb::Mode::Write), qPrintable(db.problemText()));
        QVERIFY(db.insert({makeEvent(HistoryKind::Ring, QDateTime::currentMSecsSinceEpoch())}));
        QVERIFY(QFileInfo(path + QStringLiteral("-wal")).isFile());
    }

    void wordsAPersonTypes()
    {
        // Kinds in any case, as device names are.
        QVERIFY(historyKindFromName(QStringLiteral("DOOR")) == HistoryKind::DoorOpened);
        QVERIFY(historyKindFromName(QStringLiteral(" Ring ")) == HistoryKind::Ring);
        QVERIFY(!historyKindFromName(QStringLiteral("doors")));
        // A time the clocks skip in this zone is said as such, not as "not a time".
        const QByteArray zone = qgetenv("TZ");
        qputenv("TZ", "Europe/Berlin");
        ::tzset();
        QVERIFY(isSkippedLocalTime(QStringLiteral("2026-03-29 02:30")));
        QVERIFY(isSkippedLocalTime(QStringLiteral("2027-03-28 02:00:30")));
        QVERIFY(!isSkippedLocalTime(QStringLiteral("2026-03-29 03:30")));
        QVERIFY(!isSkippedLocalTime(QStringLiteral("2026-10-25 02:30"))); // twice, not skipped
        QVERIFY(!isSkippedLocalTime(QStringLiteral("2026-03-29")));
        QVERIFY(!isSkippedLocalTime(QStringLiteral("2026-03-29 25:30")));
        if (zone.isNull())
            qunsetenv("TZ");
        else
            qputenv("TZ", zone);
        ::tzset();
    }

    void theFilesAreTheOwnersOnly()
    {
        // A new folder and file, under the usual umask (0022 would give 0755 and 0644).
        const mode_t before = ::umask(022);
        const QString folder = file("private");
        const QString path = folder + QStringLiteral("/history.sqlite");
        {
            JournalDb db;
            QVERIFY2(db.open(path, JournalDb::Mode::Write), qPrintable(db.problemText()));
            QVERIFY(db.insert({makeEvent(HistoryKind::Ring, 1700000000000)}));
            // Group and others (Qt's 0x00FF) get nothing: 0600 files in a 0700 folder.
            for (const char *suffix : {"", "-wal", "-shm"}) {
                const QFileInfo fi(path + QLatin1String(suffix));
                QVERIFY2(fi.isFile(), suffix);
                QVERIFY2(!(fi.permissions() & 0x00FF), suffix);
                QVERIFY(fi.permissions() & QFile::WriteOwner);
            }
            QVERIFY(!(QFileInfo(folder).permissions() & 0x00FF));
        }
        // A file an older version left readable by all is tightened at the next open.
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner |
                                                QFile::ReadGroup | QFile::ReadOther));
        {
            JournalDb db;
            QVERIFY(db.open(path, JournalDb::Mode::Write));
            QVERIFY(!(QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::ReadOther)));
        }
        ::umask(before);
    }

    void learnedLaterIsNeverDuplicated()
    {
        const QString path = file("log.sqlite");
        JournalDb db;
        QVERIFY(db.open(path, JournalDb::Mode::Write));
        HistoryEvent e =
            makeEvent(HistoryKind::StateChanged, 1700000000000, QStringLiteral("log:x"));
        e.learnedLater = true;
        QVERIFY(db.insert({e}));
        e.how = QStringLiteral("changed");
        QVERIFY(db.insert({e, e}));
        QCOMPARE(db.count({}), 1);
        QVERIFY(db.query({}, 10).first().how.isEmpty()); // the first stays as it was
    }

    void pagesFiltersAndPruning()
    {
        const QString path = file("many.sqlite");
        JournalDb db;
        QVERIFY(db.open(path, JournalDb::Mode::Write));
        // A stated instant, in a zone with no clock change in the ten days before it: the
        // days below are 24 hours long wherever the test runs (pruningCountsCalendarDays has
        // one that is not).
        const QDateTime stated(QDate(2026, 6, 15), QTime(12, 0), QTimeZone("UTC"));
        const qint64 now = stated.toMSecsSinceEpoch();
        QList<HistoryEvent> batch;
        for (int i = 0; i < 1000; ++i) {
            HistoryEvent e = makeEvent(i % 2 ? HistoryKind::Ring : HistoryKind::DoorOpened,
                                       now - qint64(i) * 3600000);
            e.deviceName = i == 7 ? QStringLiteral("Garden 100%_gate") : QStringLiteral("Front");
            batch << e;
        }
        QVERIFY(db.insert(batch));
        // Pages continue exactly where the last ended: nothing twice, nothing left out.
        QList<HistoryEvent> all;
        std::optional<JournalDb::Cursor> cursor;
        for (;;) {
            const QList<HistoryEvent> page = db.query({}, 128, cursor);
            if (page.isEmpty())
                break;
            all += page;
            cursor = JournalDb::Cursor{page.last().at, page.last().id};
        }
        QCOMPARE(all.size(), 1000);
        QVERIFY(all.first().at > all.last().at);
        HistoryFilter rings;
        rings.kinds = {HistoryKind::Ring};
        QCOMPARE(db.count(rings), 500);
        HistoryFilter text;
        text.text = QStringLiteral("100%_"); // a wildcard is a character here
        QCOMPARE(db.count(text), 1);
        text.text = QStringLiteral("0%");
        QCOMPARE(db.count(text), 1);
        // Older than 10 days goes.
        QCOMPARE(db.prune(10, 1LL << 40, stated), 1000 - 241);
        QCOMPARE(db.count({}), 241);
    }

    void pruningCountsCalendarDays()
    {
        // "Keep 10 days" keeps ten days of the calendar: across the night summer time ends
        // (2026-10-25 in Berlin) they are 241 hours long, whatever zone the test runs in.
        JournalDb db;
        QVERIFY(db.open(file("dst.sqlite"), JournalDb::Mode::Write));
        const QDateTime now(QDate(2026, 10, 30), QTime(12, 0), QTimeZone("Europe/Berlin"));
        QList<HistoryEvent> batch;
        for (int i = 0; i < 300; ++i)
            batch << makeEvent(HistoryKind::Ring, now.toMSecsSinceEpoch() - qint64(i) * 3600000);
        QVERIFY(db.insert(batch));
        QCOMPARE(db.prune(10, 1LL << 40, now), 300 - 242);
        QCOMPARE(db.count({}), 242);
    }

    void aBridgeLogFillsOnlyTheGaps()
    {
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-7200);
        auto entry = [](const QDateTime &at, const QString &type, const QJsonObject &more) {
            BridgeLogEntry e;
            e.timestamp = at;
            e.type = type;
            e.raw = more;
            return e;
        };
        const QJsonObject front{{QStringLiteral("nukiId"), QStringLiteral("00001001")},
                                {QStringLiteral("action"), QStringLiteral("lock")}};
        const QList<BridgeLogEntry> log = {
            entry(t0.addSecs(60), QStringLiteral("HTTP-LockActionStart"), front),   // in the gap
            entry(t0.addSecs(61), QStringLiteral("HTTP-LockActionSuccess"), front), // not an action
            entry(t0.addSecs(5000), QStringLiteral("HTTP-LockActionStart"), front), // we ran then
            entry(t0.addSecs(70), QStringLiteral("HTTP-LockActionStart"),
                  {{QStringLiteral("nukiId"), QStringLiteral("DEADBEEF")},
                   {QStringLiteral("action"), QStringLiteral("lock")}}), // no such device
            entry(t0.addSecs(80), QStringLiteral("HTTP-LockActionStart"),
                  {{QStringLiteral("nukiId"), QStringLiteral("00001001")},
                   {QStringLiteral("action"), QStringLiteral("self-destruct")}}),
        };
        const QList<HistoryGap> gaps = {{t0, t0.addSecs(3600)}};
        const auto events = foldBridgeLog(
            QStringLiteral("B1"), QStringLiteral("Hall bridge"), log, gaps,
            [](quint32 id) -> std::optional<Device> {
                if (id != FrontId)
                    return std::nullopt;
                return fakeDevice(FrontId, Front.deviceType, QStringLiteral("Front door"), Locked);
            });
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].action, int(LockAction::Lock));
        QVERIFY(events[0].learnedLater);
        QVERIFY(historyEventText(events[0]).contains(QStringLiteral("learned afterwards")));
    }

    void gapsAreTheTimesTheAppWasNotRunning()
    {
        const QString path = file("gaps.sqlite");
        JournalDb db;
        QVERIFY(db.open(path, JournalDb::Mode::Write));
        const QDateTime t0 = QDateTime::currentDateTime().addDays(-1);
        const qint64 a = db.startSession(t0);
        QVERIFY(db.touchSession(a, t0.addSecs(3600)));
        db.startSession(t0.addSecs(3 * 3600));
        const QList<HistoryGap> gaps = db.gaps({}, {});
        QCOMPARE(gaps.size(), 1);
        QCOMPARE(gaps[0].from, t0.addSecs(3600));
        QCOMPARE(gaps[0].until, t0.addSecs(3 * 3600));
    }
};

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
