// The automations' decisions alone (AutomationEngine: events in, commands and log out), with
// the rules a door needs checked over many random sequences: nothing but a lock, only where
// switched on, never while paused, never on an open, locked, moving or unreachable door, the
// screen-lock delay kept and cancelled by an unlock, unlock/resume/leaving never acting.
#include "automation/AutomationEngine.h"
#include "platform/Clock.h"

#include <QRandomGenerator>
#include <QTest>

using namespace nuki;
using namespace nuki::automation;

namespace {
const DeviceKey Front{0x11111111u, 4};
const DeviceKey Back{0x22222222u, 0};
const DeviceKey Opener{0x33333333u, 2};
const QDateTime Wall = QDateTime::fromSecsSinceEpoch(1800000000);

DeviceFacts unlocked(const DeviceKey &key, const QString &name = QStringLiteral("Back door"))
{
    DeviceFacts f;
    f.key = key;
    f.name = name;
    f.state = 3;
    f.door = 2;
    f.reachable = true;
    f.lastUpdate = Wall;
    return f;
}
Rule rule(Trigger t, const DeviceKey &key, int after = 0)
{
    Rule r;
    r.trigger = t;
    r.device = key;
    r.afterSeconds = after;
    return r;
}
} // namespace

class TestAutomationEngine : public QObject
{
    Q_OBJECT
private slots:
    void screenLockWaitsItsDelayThenLocksOnlyItsDevice()
    {
        AutomationEngine e;
        e.setRules({rule(Trigger::ScreenLock, Back, 2)});
        e.deviceFacts(unlocked(Back), 0);
        e.deviceFacts(unlocked(Front, QStringLiteral("Front door")), 0);
        QVERIFY(e.screenLocked(ScreenSignal::LockedHint, 1000, Wall).commands.isEmpty());
        QCOMPARE(e.nextDeadline(), 3000);
        QVERIFY(e.advance(2999, Wall).commands.isEmpty());
        const auto out = e.advance(3000, Wall);
        QCOMPARE(out.commands.size(), 1);
        QCOMPARE(out.commands[0].device, Back);
        QVERIFY(!out.commands[0].fullLock);
        QVERIFY(!out.commands[0].noWait);
        QCOMPARE(out.log.size(), 1);
        QCOMPARE(out.log[0].decision, Decision::Sent);
        QCOMPARE(out.log[0].mechanism, QStringLiteral("logind LockedHint"));
        QVERIFY(e.advance(100000, Wall).commands.isEmpty()); // once per episode
    }

    void unlockWithinTheDelaySendsNothing()
    {
        AutomationEngine e;
        e.setRules({rule(Trigger::ScreenLock, Back, 2)});
        e.deviceFacts(unlocked(Back), 0);
        e.screenLocked(ScreenSignal::LockedHint, 0, Wall);
        const auto out = e.screenUnlocked(ScreenSignal::LockedHint, 1500);
        QCOMPARE(out.log.size(), 1);
        QCOMPARE(out.log[0].decision, Decision::Cancelled);
        QVERIFY(!out.summaryDue); // the person was there
        QVERIFY(e.advance(10000, Wall).commands.isEmpty());
        QCOMPARE(e.nextDeadline(), -1);
    }

    void skipsWhatMustNotBeLocked_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("door");
        QTest::addColumn<bool>("reachable");
        QTest::addColumn<bool>("busy");
        QTest::addColumn<int>("decision");
        QTest::newRow("door open") << 3 << 3 << true << false << int(Decision::DoorOpen);
        QTest::newRow("already locked") << 1 << 2 << true << false << int(Decision::AlreadyLocked);
        QTest::newRow("locking") << 4 << 2 << true << false << int(Decision::Moving);
        QTest::newRow("unlocking") << 2 << 2 << true << false << int(Decision::Moving);
        QTest::newRow("motor blocked") << 254 << 2 << true << false << int(Decision::Blocked);
        QTest::newRow("uncalibrated") << 0 << 2 << true << false << int(Decision::Blocked);
        QTest::newRow("undefined") << 255 << 2 << true << false << int(Decision::StateUnknown);
        QTest::newRow("unreachable") << 3 << 2 << false << false << int(Decision::Unreachable);
        QTest::newRow("busy") << 3 << 2 << true << true << int(Decision::Busy);
        QTest::newRow("unlatched, door closed") << 5 << 2 << true << false << int(Decision::Sent);
        QTest::newRow("no door sensor switched on")
            << 3 << 1 << true << false << int(Decision::Sent);
        // A sensor that cannot say the door is closed may hide an open one.
        for (int door : {4, 5, 16, 240, 255})
            QTest::addRow("door sensor %d", door)
                << 3 << door << true << false << int(Decision::DoorUnknown);
    }
    void skipsWhatMustNotBeLocked()
    {
        QFETCH(int, state);
        QFETCH(int, door);
        QFETCH(bool, reachable);
        QFETCH(bool, busy);
        QFETCH(int, decision);
        AutomationEngine e;
        e.setRules({rule(Trigger::Sleep, Back)});
        DeviceFacts f = unlocked(Back);
        f.state = state;
        f.door = door;
        f.reachable = reachable;
        f.busy = busy;
        e.deviceFacts(f, 0);
        const auto out = e.sleep(true, 0, Wall);
        QCOMPARE(out.log.size(), 1);
        QCOMPARE(int(out.log[0].decision), decision);
        QCOMPARE(out.commands.size(), decision == int(Decision::Sent) ? 1 : 0);
    }

    void pausedSendsNothingAndSaysSo()
    {
        AutomationEngine e;
        e.setRules({rule(Trigger::Sleep, Back)});
        e.deviceFacts(unlocked(Back), 0);
        QVERIFY(e.armed());
        QVERIFY(e.needsInhibitor(Trigger::Sleep));
        e.setPaused(true);
        QVERIFY(!e.armed());
        QVERIFY(!e.needsInhibitor(Trigger::Sleep));
        const auto out = e.sleep(true, 0, Wall);
        QVERIFY(out.commands.isEmpty());
        QCOMPARE(out.log.value(0).decision, Decision::Paused);
    }

    void anOpenerOrUnknownKindGetsNoLockingRule()
    {
        AutomationEngine e;
        e.setRules({rule(Trigger::ScreenLock, Opener, 1), rule(Trigger::Sleep, DeviceKey{5, 9}),
                    rule(Trigger::UnlockedReminder, Opener, 60)});
        // Not even a reminder: an Opener's "unlocked" is Ring to Open, and its Lock now would
        // switch that off.
        QCOMPARE(e.rules().size(), 0);
        QVERIFY(!e.armed());
    }

    // logind's Lock alone began an episode (sway: no Unlock comes); an hour later a screensaver
    // says the screen locks: that is a new lock of the screen, not the old one.
    void aStaleLockEpisodeDoesNotSwallowTheNextLock()
    {
        AutomationEngine e;
        e.setRules({rule(Trigger::ScreenLock, Back, 1)});
        e.deviceFacts(unlocked(Back), 0);
        e.screenLocked(ScreenSignal::SessionLock, 0, Wall);
        QCOMPARE(e.advance(1000, Wall).commands.size(), 1);
        e.deviceFacts(unlocked(Back), 1800000); // unlocked again, by hand
        e.screenLocked(ScreenSignal::FreedesktopScreenSaver, 3600000, Wall);
        QCOMPARE(e.advance(3601000, Wall).commands.size(), 1);
        // Within the merge time it is the same episode.
        AutomationEngine f;
        f.setRules({rule(Trigger::ScreenLock, Back, 1)});
        f.deviceFacts(unlocked(Back), 0);
        f.screenLocked(ScreenSignal::SessionLock, 0, Wall);
        f.screenLocked(ScreenSignal::LockedHint, 500, Wall);
        QCOMPARE(f.advance(1000, Wall).commands.size() + f.advance(5000, Wall).commands.size(), 1);
    }

    // The delay changed while the screen is locked: it counts from the same lock of the screen.
    void aChangedDelayCountsFromTheSameLock()
    {
        AutomationEngine e;
        e.setRules({rule(Trigger::ScreenLock, Back, 600)});
        e.deviceFacts(unlocked(Back), 0);
        e.screenLocked(ScreenSignal::LockedHint, 1000, Wall);
        QCOMPARE(e.nextDeadline(), 601000);
        e.setRules({rule(Trigger::ScreenLock, Back, 5)});
        QCOMPARE(e.nextDeadline(), 6000);
        e.setRules({rule(Trigger::ScreenLock, Back, 86400)});
        QCOMPARE(e.nextDeadline(), 1000 + 86400000);
        QVERIFY(e.advance(601000, Wall).commands.isEmpty());
    }

    void gnomeBlankIsNoLockWhereLogindSaysLocks()
    {
        AutomationEngine e;
        e.setRules({rule(Trigger::ScreenLock, Back, 1)});
        e.deviceFacts(unlocked(Back), 0);
        e.setLockedHintAvailable(true);
        e.screenLocked(ScreenSignal::GnomeScreenSaver, 0, Wall); // the shield on a blank
        QVERIFY(!e.screenIsLocked());
        QVERIFY(e.advance(60000, Wall).commands.isEmpty());
        // Without logind's session (light-locker on an old desktop), it is all there is.
        e.setLockedHintAvailable(false);
        e.screenLocked(ScreenSignal::GnomeScreenSaver, 70000, Wall);
        QCOMPARE(e.advance(71000, Wall).commands.size(), 1);
    }

    // GNOME's shield going down while LockedHint still says locked (a blank ending, or
    // gnome-shell restarting) does not end logind's episode: its lock still goes out.
    void gnomeShieldDownIsNoUnlockWhereLogindSays()
    {
        AutomationEngine e;
        e.setRules({rule(Trigger::ScreenLock, Back, 5)});
        e.deviceFacts(unlocked(Back), 0);
        e.setLockedHintAvailable(true);
        e.screenLocked(ScreenSignal::LockedHint, 0, Wall);
        QVERIFY(e.screenUnlocked(ScreenSignal::GnomeScreenSaver, 1000).log.isEmpty());
        QVERIFY(e.screenIsLocked());
        QCOMPARE(e.advance(5000, Wall).commands.size(), 1);
        // Without logind's session it is the only word there is, and ends the episode.
        e.screenUnlocked(ScreenSignal::LockedHint, 6000);
        e.setLockedHintAvailable(false);
        e.screenLocked(ScreenSignal::GnomeScreenSaver, 7000, Wall);
        QCOMPARE(e.screenUnlocked(ScreenSignal::GnomeScreenSaver, 8000).log.size(), 1);
        QVERIFY(!e.screenIsLocked());
        QVERIFY(e.advance(20000, Wall).commands.isEmpty());
    }

    void kdeTwoSignalsOneLock()
    {
        AutomationEngine e;
        e.setRules({rule(Trigger::ScreenLock, Back, 1)});
        e.deviceFacts(unlocked(Back), 0);
        e.screenLocked(ScreenSignal::LockedHint, 0, Wall);
        e.screenLocked(ScreenSignal::FreedesktopScreenSaver, 50, Wall);
        e.screenLocked(ScreenSignal::SessionLock, 5000, Wall); // a late request, same episode
        int commands = e.advance(1000, Wall).commands.size();
        commands += e.advance(10000, Wall).commands.size();
        QCOMPARE(commands, 1);
        e.screenUnlocked(ScreenSignal::FreedesktopScreenSaver, 20000);
        QVERIFY(e.screenUnlocked(ScreenSignal::LockedHint, 20010).log.isEmpty());
    }

    void swayLockWithoutUnlockStartsANewEpisodeLater()
    {
        AutomationEngine e;
        e.setRules({rule(Trigger::ScreenLock, Back, 1)});
        e.deviceFacts(unlocked(Back), 0);
        e.screenLocked(ScreenSignal::SessionLock, 0, Wall);
        e.screenLocked(ScreenSignal::SessionLock, 500, Wall); // within 2 s: the same one
        QCOMPARE(e.advance(1000, Wall).commands.size(), 1);
        e.deviceFacts(unlocked(Back), 30000); // unlocked again by someone
        e.screenLocked(ScreenSignal::SessionLock, 60000, Wall);
        QCOMPARE(e.advance(61000, Wall).commands.size(), 1);
    }

    // A command decided in one episode goes out only while it lasts and its rule is on: a
    // lock waiting for its fresh read when the screen is unlocked, the computer wakes, a new
    // sleep begins or the rule is switched off never goes out after it.
    void aCommandIsWantedOnlyWithinItsEpisode()
    {
        AutomationEngine e;
        e.setRules({rule(Trigger::ScreenLock, Back, 1), rule(Trigger::Sleep, Back),
                    rule(Trigger::Shutdown, Back)});
        e.deviceFacts(unlocked(Back), 0);
        e.screenLocked(ScreenSignal::LockedHint, 0, Wall);
        const auto screen = e.advance(1000, Wall).commands;
        QCOMPARE(screen.size(), 1);
        QCOMPARE(e.stillWanted(screen[0]), Decision::Sent);
        e.screenUnlocked(ScreenSignal::LockedHint, 1500);
        QCOMPARE(e.stillWanted(screen[0]), Decision::Cancelled);
        e.screenLocked(ScreenSignal::LockedHint, 2000, Wall); // a new episode is not that one
        QCOMPARE(e.stillWanted(screen[0]), Decision::Cancelled);
        e.screenUnlocked(ScreenSignal::LockedHint, 2500);

        const auto sleep = e.sleep(true, 3000, Wall).commands;
        QCOMPARE(sleep.size(), 1);
        QCOMPARE(e.stillWanted(sleep[0]), Decision::Sent);
        e.setPaused(true);
        QCOMPARE(e.stillWanted(sleep[0]), Decision::Paused);
        e.setPaused(false);
        e.sleep(false, 4000, Wall);
        QCOMPARE(e.stillWanted(sleep[0]), Decision::Late);
        e.sleep(true, 5000, Wall); // the next sleep is not that one either
        QCOMPARE(e.stillWanted(sleep[0]), Decision::Late);
        e.sleep(false, 6000, Wall);

        const auto off = e.shutdown(true, 7000, Wall).commands;
        QCOMPARE(off.size(), 1);
        QCOMPARE(e.stillWanted(off[0]), Decision::Sent);
        e.setRules({rule(Trigger::ScreenLock, Back, 1)});
        QCOMPARE(e.stillWanted(off[0]), Decision::Withdrawn);
        e.setRules({rule(Trigger::Shutdown, Back)});
        e.shutdown(false, 8000, Wall); // cancelled
        QCOMPARE(e.stillWanted(off[0]), Decision::Late);
        QCOMPARE(decisionText(Decision::Late).isEmpty(), false);
        QCOMPARE(decisionText(Decision::Withdrawn).isEmpty(), false);
    }

    void sleepLocksAtOnceWithNoWaitAndResumeNeverActs()
    {
        AutomationEngine e;
        e.setRules({rule(Trigger::Sleep, Back), rule(Trigger::ScreenLock, Front, 10)});
        e.deviceFacts(unlocked(Back), 0);
        e.deviceFacts(unlocked(Front, QStringLiteral("Front door")), 0);
        e.screenLocked(ScreenSignal::LockedHint, 0, Wall); // Front waits 10 s
        const auto out = e.sleep(true, 1000, Wall);
        QCOMPARE(out.commands.size(), 1);
        QCOMPARE(out.commands[0].device, Back);
        QVERIFY(out.commands[0].noWait);
        // Front's delay ended with the sleep: said, never sent later.
        QCOMPARE(out.log.size(), 2);
        QCOMPARE(out.log[0].decision, Decision::Slept);
        QVERIFY(e.sleep(true, 1200, Wall).commands.isEmpty()); // a repeated signal
        const auto resumed = e.sleep(false, 2000, Wall.addSecs(3600));
        QVERIFY(resumed.commands.isEmpty());
        QVERIFY(e.advance(1000000, Wall).commands.isEmpty());
        QVERIFY(!resumed.summaryDue); // the screen is still locked: at the unlock
        const auto back = e.screenUnlocked(ScreenSignal::LockedHint, 3000);
        QVERIFY(back.summaryDue);
        QCOMPARE(back.summary.size(), 2);
    }

    void afterWakeOnlyAFreshStateConfirms()
    {
        AutomationEngine e;
        e.setRules({rule(Trigger::Sleep, Back)});
        e.deviceFacts(unlocked(Back), 0);
        const auto out = e.sleep(true, 0, Wall);
        const quint64 id = out.commands.value(0).entry;
        e.noteOutcome(id, Outcome::Requested, QStringLiteral("requested"));
        const QDateTime woke = Wall.addSecs(600);
        e.sleep(false, 10, woke);
        DeviceFacts f = unlocked(Back);
        f.state = 1;
        f.lastUpdate = woke.addSecs(-1); // from before the wake: no proof
        QVERIFY(e.deviceFacts(f, 20).updated.isEmpty());
        f.lastUpdate = woke.addSecs(2);
        const auto upd = e.deviceFacts(f, 30);
        QCOMPARE(upd.updated.size(), 1);
        QCOMPARE(upd.updated[0].outcome, Outcome::Confirmed);
        QVERIFY(upd.updated[0].outcomeText.contains(QStringLiteral("confirmed locked")));
        QVERIFY(upd.updated[0].outcomeText.contains(QStringLiteral("after wake")));
    }

    void notLockedAfterWakeIsSaid()
    {
        AutomationEngine e;
        e.setRules({rule(Trigger::Shutdown, Back)});
        e.deviceFacts(unlocked(Back), 0);
        QCOMPARE(e.shutdown(true, 0, Wall).commands.size(), 1);
        QVERIFY(e.shutdown(true, 5, Wall).commands.isEmpty());
        QVERIFY(e.shutdown(false, 10, Wall).commands.isEmpty()); // cancelled: nothing
    }

    void remindersCountFromTheChangeAndSnooze()
    {
        AutomationEngine e;
        e.setRules(
            {rule(Trigger::UnlockedReminder, Back, 600), rule(Trigger::OpenReminder, Front, 300)});
        e.deviceFacts(unlocked(Back), 0);
        QCOMPARE(e.nextDeadline(), 600000);
        QVERIFY(e.advance(599999, Wall).reminders.isEmpty());
        auto out = e.advance(600000, Wall);
        QCOMPARE(out.reminders.size(), 1);
        QCOMPARE(out.reminders[0].trigger, Trigger::UnlockedReminder);
        QCOMPARE(out.reminders[0].minutes, 10);
        QVERIFY(out.commands.isEmpty());                      // a reminder sends nothing
        QVERIFY(e.advance(900000, Wall).reminders.isEmpty()); // once
        e.snooze(Back, Trigger::UnlockedReminder, 900000, 5);
        QCOMPARE(e.advance(1200000, Wall).reminders.size(), 1);
        DeviceFacts locked = unlocked(Back);
        locked.state = 1;
        e.deviceFacts(locked, 1300000);
        QCOMPARE(e.nextDeadline(), -1);
        // The open door: counted while it stands open, with the door's own reminder.
        DeviceFacts open = unlocked(Front, QStringLiteral("Front door"));
        open.door = 3;
        e.deviceFacts(open, 2000000);
        out = e.advance(2300000, Wall);
        QCOMPARE(out.reminders.size(), 1);
        QCOMPARE(out.reminders[0].trigger, Trigger::OpenReminder);
    }

    // From the second hostile round of this stop. A reminder waits while no source reaches
    // the lock (its state may be untrue, Lock now could not work) and comes once it is heard,
    // with the time it has really been; it says what a lock would be judged (no Lock now for
    // a door that cannot be said closed); a Snooze on an old notification does not put off a
    // new unlock's reminder; a reminder is never sooner than a minute.
    void remindersTellTheTruthAboutTheDoor()
    {
        AutomationEngine e;
        e.setRules({rule(Trigger::UnlockedReminder, Back, 600)});
        e.deviceFacts(unlocked(Back), 0);
        DeviceFacts gone = unlocked(Back);
        gone.reachable = false; // the bridge went away, its last state kept
        e.deviceFacts(gone, 100000);
        QVERIFY(e.advance(700000, Wall).reminders.isEmpty());
        QCOMPARE(e.nextDeadline(), -1); // nothing to wake for while it cannot be heard
        auto out = e.deviceFacts(unlocked(Back), 800000);
        out = e.advance(800000, Wall);
        QCOMPARE(out.reminders.size(), 1);
        QCOMPARE(out.reminders[0].minutes, 13);
        QCOMPARE(out.reminders[0].lock, Decision::Sent); // Lock now is offered

        // Locked, unlocked again with a sensor that cannot say closed: no Lock now.
        DeviceFacts f = unlocked(Back);
        f.state = 1;
        e.deviceFacts(f, 900000);
        f = unlocked(Back);
        f.door = 4; // door state unknown
        e.deviceFacts(f, 1000000);
        e.snooze(Back, Trigger::UnlockedReminder, 1000000, 30); // the old notification's Snooze
        QCOMPARE(e.nextDeadline(), 1600000);                    // not put off
        out = e.advance(1600000, Wall);
        QCOMPARE(out.reminders.size(), 1);
        QCOMPARE(out.reminders[0].lock, Decision::DoorUnknown);

        // A delay under a minute (a hand-edited file, nukictl --after 20) is a minute.
        AutomationEngine short_;
        short_.setRules({rule(Trigger::OpenReminder, Back, 20)});
        QCOMPARE(short_.rules().first().afterSeconds, 60);
        DeviceFacts open = unlocked(Back);
        open.door = 3;
        short_.deviceFacts(open, 0);
        out = short_.advance(60000, Wall);
        QCOMPARE(out.reminders.size(), 1);
        QCOMPARE(out.reminders[0].minutes, 1);
        QCOMPARE(out.reminders[0].lock, Decision::DoorOpen);
    }

    // The monotonic clock stands still while the computer sleeps: a door unlocked 8 minutes
    // before an hour's sleep is said to be unlocked for 70 minutes, not 10.
    void aReminderAfterASleepCountsTheWallClock()
    {
        QDateTime wall = Wall;
        clock::setForTesting([&wall] { return wall; });
        AutomationEngine e;
        e.setRules({rule(Trigger::UnlockedReminder, Back, 600)});
        e.deviceFacts(unlocked(Back), 0);
        wall = Wall.addSecs(480);
        e.sleep(true, 480000, wall);
        wall = Wall.addSecs(480 + 3600);
        e.sleep(false, 480000, wall);
        wall = wall.addSecs(120);
        const auto out = e.advance(600000, wall);
        clock::setForTesting({});
        QCOMPARE(out.reminders.size(), 1);
        QCOMPARE(out.reminders[0].minutes, 70);
    }

    void leavingWithTheDoorOpenOffersNoLock()
    {
        AutomationEngine e;
        e.setRules({rule(Trigger::Leaving, Back)});
        DeviceFacts open = unlocked(Back);
        open.door = 3;
        e.deviceFacts(open, 0);
        const auto out = e.leftHome(10);
        QCOMPARE(out.reminders.size(), 1);
        QCOMPARE(out.reminders[0].lock, Decision::DoorOpen);
        QVERIFY(out.commands.isEmpty());
    }

    void leavingTellsOnlyOfUnlockedDoorsAndSendsNothing()
    {
        AutomationEngine e;
        e.setRules({rule(Trigger::Leaving, Back), rule(Trigger::Leaving, Front)});
        e.deviceFacts(unlocked(Back), 0);
        DeviceFacts f = unlocked(Front, QStringLiteral("Front door"));
        f.state = 1;
        e.deviceFacts(f, 0);
        auto out = e.leftHome(10);
        QVERIFY(out.commands.isEmpty());
        QCOMPARE(out.reminders.size(), 1);
        QCOMPARE(out.reminders[0].device, Back);
        e.sleep(true, 20, Wall);
        QVERIFY(e.leftHome(30).reminders.isEmpty()); // a suspend is not leaving
    }

    // Many random sequences of everything the desktop and the home can say: every command
    // comes from a locking trigger the person switched on, at a moment the door could be
    // locked, and never from an unlock, a resume, a device's news, leaving or a snooze.
    void propertyOnlyEverALockWhereAllowed()
    {
        QRandomGenerator rng(20261203);
        const QList<DeviceKey> keys{Front, Back, Opener, DeviceKey{0x44u, 3}};
        int sent = 0;
        for (int run = 0; run < 3000; ++run) {
            AutomationEngine e;
            QList<Rule> rules;
            for (const DeviceKey &k : keys)
                for (Trigger t : allTriggers())
                    if (rng.bounded(3) == 0)
                        rules << rule(t, k, int(rng.bounded(5)));
            e.setRules(rules);
            QHash<DeviceKey, DeviceFacts> facts;
            qint64 now = 0;
            qint64 episodeSince = -1; // first lock signal after an unlock
            bool asleep = false;
            for (int step = 0; step < 40; ++step) {
                now += rng.bounded(3000);
                AutomationEngine::Output out;
                const int what = int(rng.bounded(10));
                bool mayAct = false;
                Trigger from = Trigger::ScreenLock;
                switch (what) {
                case 0: {
                    const auto s = ScreenSignal(rng.bounded(6));
                    out = e.screenLocked(s, now, Wall);
                    if (episodeSince < 0 && e.screenIsLocked())
                        episodeSince = now;
                    break;
                }
                case 1:
                    out = e.screenUnlocked(ScreenSignal(rng.bounded(6)), now);
                    episodeSince = -1;
                    break;
                case 2: {
                    const bool start = rng.bounded(2);
                    out = e.sleep(start, now, Wall);
                    mayAct = start && !asleep;
                    from = Trigger::Sleep;
                    asleep = start;
                    break;
                }
                case 3: {
                    const bool start = rng.bounded(2);
                    out = e.shutdown(start, now, Wall);
                    mayAct = start;
                    from = Trigger::Shutdown;
                    break;
                }
                case 4:
                case 5: {
                    DeviceFacts f = unlocked(keys[rng.bounded(int(keys.size()))]);
                    const int states[] = {0, 1, 2, 3, 4, 5, 6, 7, 254, 255, -1};
                    f.state = states[rng.bounded(11)];
                    const int doors[] = {1, 2, 3, 4, 16};
                    f.door =
                        rng.bounded(4) ? std::optional<int>(doors[rng.bounded(5)]) : std::nullopt;
                    f.reachable = rng.bounded(5) != 0;
                    f.busy = rng.bounded(6) == 0;
                    facts[f.key] = f;
                    out = e.deviceFacts(f, now);
                    break;
                }
                case 6:
                    out = e.advance(now, Wall);
                    mayAct = true;
                    from = Trigger::ScreenLock;
                    break;
                case 7:
                    e.setPaused(rng.bounded(3) == 0);
                    break;
                case 8:
                    out = e.leftHome(now);
                    break;
                case 9:
                    e.snooze(keys[rng.bounded(int(keys.size()))], Trigger::UnlockedReminder, now,
                             1);
                    break;
                }
                if (!mayAct)
                    QVERIFY2(out.commands.isEmpty(), "a command from an event that never acts");
                for (const auto &c : std::as_const(out.commands)) {
                    ++sent;
                    QCOMPARE(c.trigger, from);
                    QVERIFY(!e.paused());
                    const std::optional<Rule> r = e.rule(c.trigger, c.device);
                    QVERIFY(r.has_value());
                    QVERIFY(c.device.deviceType != 2);
                    const DeviceFacts f = facts.value(c.device);
                    QVERIFY(f.reachable);
                    QVERIFY(!f.busy);
                    QVERIFY(f.door != 3);
                    QVERIFY(f.state == 3 || f.state == 5 || f.state == 6);
                    QCOMPARE(c.noWait, c.trigger != Trigger::ScreenLock);
                    if (c.trigger == Trigger::ScreenLock) {
                        QVERIFY(episodeSince >= 0);
                        QVERIFY(now - episodeSince >= qint64(r->afterSeconds) * 1000);
                        QVERIFY(!asleep);
                    }
                }
            }
        }
        QVERIFY(sent > 100); // the sequences did reach the interesting cases
    }
};

QTEST_GUILESS_MAIN(TestAutomationEngine)
#include "tst_automation_engine.moc"
