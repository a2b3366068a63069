// The home, the action runner and the notifier against a source that needs no sockets
// (FakeSource): what the transport says, in any order, and what the home makes of it.
#include "FakeSource.h"
#include "home/DeviceListModel.h"
#include "home/Home.h"
#include "home/Notifier.h"
#include "home/Reach.h"
#include "platform/Clock.h"
#include "protocol/Actions.h"

#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace nuki;

namespace {
constexpr quint32 FrontId = 0x1001, GateId = 0x2002;
const DeviceKey Front{FrontId, int(DeviceType::SmartLock3)};
constexpr int Locked = int(LockState::Locked), Unlocked = int(LockState::Unlocked);
constexpr int Lock = int(LockAction::Lock), Unlock = int(LockAction::Unlock);

DeviceState stateOf(int state, std::optional<int> door = std::nullopt)
{
    DeviceState s;
    s.known = true;
    s.state = state;
    s.mode = 2;
    s.doorsensorState = door;
    return s;
}
} // namespace

class TestHomeUnit : public QObject
{
    Q_OBJECT

    std::unique_ptr<Home> home;
    FakeSource *bridge = nullptr; // owned by the home

    FakeSource *add(const QString &id, const QString &name, SourceKind kind)
    {
        auto *s = new FakeSource(id, name, kind);
        home->addSource(s);
        s->start(true);
        return s;
    }
    const DeviceRecord *front() const { return home->device(Front); }

private slots:
    void init()
    {
        home = std::make_unique<Home>();
        bridge = add(QStringLiteral("B1"), QStringLiteral("Hall bridge"), SourceKind::Bridge);
        bridge->list({fakeDevice(FrontId, Front.deviceType, QStringLiteral("Front door"), Locked)});
        QVERIFY(front());
    }
    void cleanup() { home.reset(); }

    void aReportBeforeTheListIsIgnored()
    {
        QSignalSpy added(home.get(), &Home::deviceAdded);
        bridge->report(GateId, int(DeviceType::Opener), stateOf(1));
        QVERIFY(!home->device({GateId, int(DeviceType::Opener)}));
        QCOMPARE(added.size(), 0);
    }

    void reportsInAnyOrderEndOnTheLatest()
    {
        QSignalSpy external(home.get(), &Home::lockChangedExternally);
        bridge->report(FrontId, Front.deviceType, stateOf(Unlocked));
        bridge->list({fakeDevice(FrontId, Front.deviceType, QStringLiteral("Front door"), Locked)},
                     Delivery::ReadCatchingUp);
        bridge->report(FrontId, Front.deviceType, stateOf(Unlocked));
        QCOMPARE(front()->device.state.state, Unlocked);
        QCOMPARE(external.size(), 3); // each a real change by someone else
        // The same state again is no news.
        bridge->report(FrontId, Front.deviceType, stateOf(Unlocked));
        QCOMPARE(external.size(), 3);
    }

    void aReadThatPushShouldHaveBroughtIsAMiss()
    {
        QSignalSpy missed(home.get(), &Home::pushMissed);
        bridge->setPush(true);
        bridge->list(
            {fakeDevice(FrontId, Front.deviceType, QStringLiteral("Front door"), Unlocked)},
            Delivery::ReadCatchingUp);
        QCOMPARE(missed.size(), 0); // a read from before push was on
        bridge->list({fakeDevice(FrontId, Front.deviceType, QStringLiteral("Front door"), Locked)});
        QCOMPARE(missed.size(), 1);
        QCOMPARE(missed.first().at(0).toString(), QStringLiteral("B1"));
    }

    void aListWithoutDevicesRemovesExactlyThose()
    {
        const DeviceKey gate{GateId, int(DeviceType::Opener)}, back{0x3003, Front.deviceType};
        bridge->list({fakeDevice(FrontId, Front.deviceType, QStringLiteral("Front door"), Locked),
                      fakeDevice(GateId, gate.deviceType, QStringLiteral("Gate"), 1),
                      fakeDevice(back.nukiId, back.deviceType, QStringLiteral("Back"), Locked)});
        QCOMPARE(home->deviceCount(), 3);
        QSignalSpy removed(home.get(), &Home::deviceRemoved);
        bridge->list({fakeDevice(GateId, gate.deviceType, QStringLiteral("Gate"), 1)});
        QCOMPARE(home->devices(), QList<DeviceKey>{gate});
        QCOMPARE(removed.size(), 2);
        // The keys said are the devices that went, not whatever took their place.
        QSet<DeviceKey> said;
        for (const auto &args : removed)
            said << args.at(0).value<DeviceKey>();
        QCOMPARE(said, (QSet<DeviceKey>{Front, back}));
    }

    void anActionDoneEndsSucceededAndIsNotSomeoneElse()
    {
        QSignalSpy external(home.get(), &Home::lockChangedExternally);
        QSignalSpy finished(home.get(), &Home::actionFinished);
        QVERIFY(home->actions()->start(Front, Unlock, {ActionOrigin::Tray}));
        QCOMPARE(bridge->performed.size(), 1);
        QCOMPARE(bridge->performed.first().action, Unlock);
        QCOMPARE(front()->action.phase, ActionStatus::Pending);
        QCOMPARE(front()->action.origin, ActionOrigin::Tray);
        QCOMPARE(front()->action.sourceId, QStringLiteral("B1"));
        QVERIFY(!home->actions()->start(Front, Lock)); // one at a time per device
        bridge->progress.first().taken();
        QCOMPARE(front()->action.phase, ActionStatus::Sent);
        QCOMPARE(front()->device.state.state, int(LockState::Unlocking)); // shown while it runs
        bridge->progress.first().finished({});
        QCOMPARE(front()->action.phase, ActionStatus::Succeeded);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(bridge->follows, 1); // the source reads what happened
        bridge->list(
            {fakeDevice(FrontId, Front.deviceType, QStringLiteral("Front door"), Unlocked)});
        QCOMPARE(external.size(), 0); // our own action explains it
        QCOMPARE(bridge->performed.size(), 1);
    }

    void aRefusalIsSendingAgainAndAFailureRestoresTheState()
    {
        QVERIFY(home->actions()->start(Front, Unlock));
        ActionProgress p = bridge->progress.first();
        p.taken();
        QCOMPARE(front()->device.state.state, int(LockState::Unlocking));
        p.refused(); // a 503: nothing happened, the source waits to try again
        QCOMPARE(front()->action.phase, ActionStatus::Pending);
        QCOMPARE(front()->device.state.state, Locked);
        p.taken();
        p.finished(SourceError(SourceError::Busy));
        QCOMPARE(front()->action.phase, ActionStatus::Failed);
        QCOMPARE(front()->device.state.state, Locked);
        QCOMPARE(bridge->performed.size(), 1); // the runner never sends it again
    }

    void aRefusalInsidePerformEndsTheActionAtOnce()
    {
        QSignalSpy finished(home.get(), &Home::actionFinished);
        bridge->refuseAtOnce = SourceError(SourceError::LockNotConnected);
        QVERIFY(home->actions()->start(Front, Unlock)); // started, and already over
        QCOMPARE(finished.size(), 1);
        QCOMPARE(front()->action.phase, ActionStatus::Failed);
        QCOMPARE(front()->device.state.state, Locked);
        QVERIFY(!home->actions()->running());
        QVERIFY(home->actions()->start(Front, Lock)); // nothing is stuck
        QCOMPARE(bridge->performed.size(), 2);
    }

    void aSourceThatDiesMidActionLeavesTheOutcomeUnknown()
    {
        QVERIFY(home->actions()->start(Front, Unlock));
        ActionProgress p = bridge->progress.first();
        p.taken();
        bridge->setLink(LinkStatus::Offline, SourceError(SourceError::ConnectionLost));
        QVERIFY(front()->stale);
        QVERIFY(front()->action.running()); // still the source's to answer
        p.finished(SourceError(SourceError::ConnectionLost, 0, {}, true));
        QCOMPARE(front()->action.phase, ActionStatus::Unknown);
        QCOMPARE(bridge->performed.size(), 1);
        // Back: the next read settles it as far as a read can.
        bridge->setLink(LinkStatus::Online);
        bridge->list(
            {fakeDevice(FrontId, Front.deviceType, QStringLiteral("Front door"), Unlocked)});
        QCOMPARE(front()->action.phase, ActionStatus::Unknown);
        QCOMPARE(front()->action.resolvedState, Unlocked);
        QVERIFY(front()->action.reachedGoal);
        QCOMPARE(bridge->performed.size(), 1); // still never repeated
    }

    void aSourceRemovedMidActionTakesItsDeviceAndIgnoresLateAnswers()
    {
        QVERIFY(home->actions()->start(Front, Unlock));
        ActionProgress p = bridge->progress.first();
        QSignalSpy removed(home.get(), &Home::deviceRemoved);
        std::unique_ptr<Source> taken = home->takeSource(QStringLiteral("B1"));
        QVERIFY(static_cast<FakeSource *>(taken.get())->stopped);
        QCOMPARE(removed.size(), 1);
        QVERIFY(!front());
        p.finished({}); // a late answer reaches nothing
        p.taken();
        QCOMPARE(home->deviceCount(), 0);
        QCOMPARE(home->actions()->running(), 0);
    }

    void rememberedDevicesAreHeldUntilConfirmed()
    {
        auto *broker = add(QStringLiteral("M1"), QStringLiteral("Broker"), SourceKind::Broker);
        DeviceRecord r;
        r.key = {GateId, int(DeviceType::SmartLock3)};
        r.device.name = QStringLiteral("Gate");
        r.device.state = stateOf(Locked);
        home->restore(QStringLiteral("M1"), {r});
        QVERIFY(home->device(r.key)->remembered);
        QVERIFY(!home->actions()->start(r.key, Unlock));
        QCOMPARE(broker->performed.size(), 0);
        broker->list({fakeDevice(GateId, r.key.deviceType, QStringLiteral("Gate"), Locked)});
        QVERIFY(!home->device(r.key)->remembered);
        QVERIFY(home->actions()->start(r.key, Unlock));
        QCOMPARE(broker->performed.size(), 1);
    }

    void twoSourcesForOneDeviceAreOneDevice()
    {
        QSignalSpy added(home.get(), &Home::deviceAdded);
        auto *broker = add(QStringLiteral("M1"), QStringLiteral("Home broker"), SourceKind::Broker);
        broker->list(
            {fakeDevice(FrontId, Front.deviceType, QStringLiteral("Front door (Wi-Fi)"), Locked)});
        QCOMPARE(added.size(), 0); // the same lock: no second card
        QCOMPARE(home->deviceCount(), 1);
        QCOMPARE(front()->reachedThrough,
                 (QStringList{QStringLiteral("B1"), QStringLiteral("M1")}));
        // Both work: the lock's own Wi-Fi connection acts, and its report is shown.
        QCOMPARE(front()->sourceId, QStringLiteral("M1"));
        QCOMPARE(front()->device.name, QStringLiteral("Front door (Wi-Fi)"));
        QVERIFY(home->actingSourceReason(Front).contains(QStringLiteral("Home broker")));
        QVERIFY(home->actingSourceReason(Front).contains(QStringLiteral("Hall bridge")));
        QVERIFY(home->actions()->start(Front, Unlock));
        QCOMPARE(broker->performed.size(), 1);
        QCOMPARE(bridge->performed.size(), 0);
        broker->progress.first().finished({});
        // The bridge's reports are kept, not shown, while the broker acts.
        bridge->report(FrontId, Front.deviceType, stateOf(Unlocked));
        QCOMPARE(front()->device.state.state, Locked);
        // The broker goes: the bridge takes over at once, with what it last said.
        broker->setLink(LinkStatus::Offline, SourceError(SourceError::Unreachable));
        QCOMPARE(front()->sourceId, QStringLiteral("B1"));
        QCOMPARE(front()->device.state.state, Unlocked);
        QVERIFY(!front()->stale);
        QVERIFY(home->actingSourceReason(Front).contains(QStringLiteral("cannot be reached")));
        QVERIFY(home->actions()->start(Front, Lock));
        QCOMPARE(bridge->performed.size(), 1);
        bridge->progress.first().finished({});
        // Back: the broker acts again (no action running).
        broker->setLink(LinkStatus::Online);
        QCOMPARE(front()->sourceId, QStringLiteral("M1"));
        // One source stops listing it: it stays, reached through the other.
        broker->list({});
        QCOMPARE(home->deviceCount(), 1);
        QCOMPARE(front()->sourceId, QStringLiteral("B1"));
        QCOMPARE(front()->reachedThrough, QStringList{QStringLiteral("B1")});
    }

    void theActingSourceDoesNotChangeWhileAnActionRuns()
    {
        auto *broker = add(QStringLiteral("M1"), QStringLiteral("Home broker"), SourceKind::Broker);
        broker->setLink(LinkStatus::Offline, SourceError(SourceError::Unreachable));
        broker->list({fakeDevice(FrontId, Front.deviceType, QStringLiteral("Front door"), Locked)});
        QCOMPARE(front()->sourceId, QStringLiteral("B1"));
        QVERIFY(home->actions()->start(Front, Unlock));
        broker->setLink(LinkStatus::Online);
        QCOMPARE(front()->sourceId, QStringLiteral("B1")); // the action belongs to the bridge
        bridge->progress.first().finished({});
        broker->setLink(LinkStatus::Online); // the next link news re-chooses
        QCOMPARE(front()->sourceId, QStringLiteral("M1"));
    }

    void aFailedActionsLinkMessageIsClearedWhenTheSourceIsBack()
    {
        QVERIFY(home->actions()->start(Front, Unlock));
        bridge->setLink(LinkStatus::Offline, SourceError(SourceError::Unreachable));
        bridge->progress.first().finished(SourceError(SourceError::Unreachable));
        QCOMPARE(front()->action.phase, ActionStatus::Failed);
        QSignalSpy online(home.get(), &Home::sourceOnline);
        bridge->setLink(LinkStatus::Online);
        QCOMPARE(online.size(), 1);
        QCOMPARE(front()->action.phase, ActionStatus::Idle);
    }

    void aStuckStateGetsOneReadOfItsOwn()
    {
        bridge->deviceState = stateOf(Locked);
        bridge->report(FrontId, Front.deviceType, stateOf(int(LockState::Locking)));
        QCOMPARE(bridge->deviceReads, 0);
        bridge->report(FrontId, Front.deviceType, stateOf(int(LockState::Locking)));
        QCOMPARE(bridge->deviceReads, 1); // seen twice: asked once
        QCOMPARE(front()->device.state.state, Locked);
        bridge->report(FrontId, Front.deviceType, stateOf(int(LockState::Locking)));
        bridge->report(FrontId, Front.deviceType, stateOf(int(LockState::Locking)));
        QCOMPARE(bridge->deviceReads, 2); // it moved on in between, so once more
    }

    void theNotifierSaysSomeoneElseButNotOurOwnAction()
    {
        Notifier notifier(home.get());
        notifier.setQuietPeriodMs(0);
        QSignalSpy notes(&notifier, &Notifier::notify);
        bridge->report(FrontId, Front.deviceType, stateOf(Unlocked));
        QCOMPARE(notes.size(), 1);
        const auto n = notes.first().first().value<Notifier::Notification>();
        QCOMPARE(n.kind, NotifyKind::External);
        QCOMPARE(n.title, QStringLiteral("Front door"));
        QVERIFY(home->actions()->start(Front, Lock));
        bridge->progress.first().finished({});
        bridge->report(FrontId, Front.deviceType, stateOf(Locked));
        QCOMPARE(notes.size(), 1); // our own lock is no news
    }

    void aNameIsTextInTheModelAndInNotifications()
    {
        // A name from a source that forges a line and turns the rest around: the window's
        // model and the notifier say it as one plain line; the record keeps it exact.
        const QString hostile = QStringLiteral("Front\nBack door: Unlocked \u202Edoor\u2069");
        bridge->list({fakeDevice(FrontId, Front.deviceType, hostile, Locked)});
        QCOMPARE(front()->device.name, hostile);
        DeviceListModel model(home.get());
        const QString shown = model.data(model.index(0), DeviceListModel::NameRole).toString();
        QCOMPARE(shown, QStringLiteral("Front Back door: Unlocked  door "));
        Notifier notifier(home.get());
        notifier.setQuietPeriodMs(0);
        QSignalSpy notes(&notifier, &Notifier::notify);
        bridge->report(FrontId, Front.deviceType, stateOf(Unlocked));
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes.first().first().value<Notifier::Notification>().title, shown);
    }

    void unreachableSaysWhySinceWhenAndWhatItLastSaid()
    {
        const clock::ScopedFixed at(QDateTime(QDate(2026, 12, 3), QTime(18, 1)));
        QCOMPARE(front()->reach, Reach::Reachable);
        QVERIFY(unreachableText(*front(), SourceKind::Bridge).isEmpty());
        bridge->setLink(LinkStatus::Offline);
        QCOMPARE(front()->reach, Reach::SourceOffline);
        QVERIFY(front()->stale);
        DeviceListModel model(home.get());
        QCOMPARE(model.data(model.index(0), DeviceListModel::HeldTextRole).toString().left(35),
                 QStringLiteral("Held: The bridge cannot be reached "));
        bridge->setLink(LinkStatus::Online);
        QCOMPARE(front()->reach, Reach::Reachable);
        // A broker that has the lock but cannot vouch for it (its will): since now.
        DeviceState gone = stateOf(Locked);
        gone.known = false;
        bridge->report(FrontId, Front.deviceType, gone);
        QCOMPARE(front()->reach, Reach::NotConnected);
        QCOMPARE(front()->unreachableSince, QDateTime(QDate(2026, 12, 3), QTime(18, 1)));
        const QString time = QLocale().toString(QTime(18, 1), QLocale::ShortFormat);
        QCOMPARE(
            unreachableText(*front(), SourceKind::Broker),
            QStringLiteral("Not connected to the broker since %1 — last seen Locked").arg(time));
        bridge->report(FrontId, Front.deviceType, stateOf(Unlocked));
        QCOMPARE(front()->reach, Reach::Reachable);
        QVERIFY(!front()->unreachableSince.isValid());
    }

    void theNotifierTellsAFailedActionAndAnUnknownOutcome()
    {
        Notifier notifier(home.get());
        notifier.setQuietPeriodMs(0);
        QSignalSpy notes(&notifier, &Notifier::notify);
        QVERIFY(home->actions()->start(Front, Unlock));
        bridge->progress.first().finished(SourceError(SourceError::Timeout, 0, {}, true));
        QCOMPARE(notes.size(), 1);
        const auto n = notes.first().first().value<Notifier::Notification>();
        QCOMPARE(n.urgency, Notifier::Urgency::Critical);
        QVERIFY(n.text.contains(QStringLiteral("check the door")));
    }

    void keysReadTheirOldForm()
    {
        QCOMPARE(DeviceKey::fromString(QStringLiteral("ABCD/4/4097")), Front);
        QCOMPARE(DeviceKey::fromString(Front.toString()), Front);
        QCOMPARE(DeviceKey::fromString(QStringLiteral("4/x")).nukiId, 0u);
        QCOMPARE(DeviceKey::fromString(QStringLiteral("a/b/c/d")).nukiId, 0u);
    }
};

QTEST_GUILESS_MAIN(TestHomeUnit)
#include "tst_homeunit.moc"
