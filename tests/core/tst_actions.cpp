// The action table: what each kind can do, which actions open a door, and what they lead to.
// Every front end reads it, so a mistake here would show everywhere: pin the facts down.
#include "protocol/Actions.h"

#include <QSet>
#include <QTest>

using namespace nuki;

class TestActions : public QObject
{
    Q_OBJECT
private slots:
    void everyKindHasItsActions()
    {
        for (int type : {0, 3, 4})
            QCOMPARE(actionVerbs(type), (QStringList{"lock", "unlock", "open", "lockngo",
                                                     "lockngo-open", "full-lock"}));
        // Full lock is a Wi-Fi lock's own command: no card or tray control for it.
        QVERIFY(findActionByVerb(4, u"full-lock")->onlyThroughBroker);
        QCOMPARE(actionVerbs(2), (QStringList{"rto-on", "rto-off", "cm-on", "cm-off", "open"}));
        // An unknown kind gets no actions at all: nothing is guessed for it.
        QVERIFY(actionsFor(1).isEmpty());
        QVERIFY(actionsFor(42).isEmpty());
        QVERIFY(!findAction(42, 2));
    }

    void numbersAreTheBridges()
    {
        // §3.4: the /lockAction numbers, per kind.
        QCOMPARE(findActionByVerb(0, u"unlock")->number, 1);
        QCOMPARE(findActionByVerb(0, u"lock")->number, 2);
        QCOMPARE(findActionByVerb(0, u"open")->number, 3);
        QCOMPARE(findActionByVerb(0, u"lockngo")->number, 4);
        QCOMPARE(findActionByVerb(0, u"lockngo-open")->number, 5);
        QCOMPARE(findActionByVerb(2, u"rto-on")->number, 1);
        QCOMPARE(findActionByVerb(2, u"rto-off")->number, 2);
        QCOMPARE(findActionByVerb(2, u"open")->number, 3);
        QCOMPARE(findActionByVerb(2, u"cm-on")->number, 4);
        QCOMPARE(findActionByVerb(2, u"cm-off")->number, 5);
        QVERIFY(!findActionByVerb(2, u"lock")); // an Opener has no "lock": 2 is RTO off
        QVERIFY(!findActionByVerb(0, u"rto-on"));
    }

    void onlyOpeningAsks()
    {
        QSet<QString> opening;
        for (int type : {0, 2, 4})
            for (const ActionSpec &a : actionsFor(type))
                if (a.opensDoor)
                    opening << QString::number(type) + u':' + QString(a.verb);
        QCOMPARE(opening,
                 (QSet<QString>{"0:open", "0:lockngo-open", "4:open", "4:lockngo-open", "2:open"}));
    }

    void noSingleKeyUnlocks()
    {
        // A stray key never unlocks: only what secures the door may go without a modifier,
        // and every action a card has a key for is either securing or asks for Ctrl+Shift.
        for (int type : {0, 2, 3, 4})
            for (const ActionSpec &a : actionsFor(type)) {
                if (a.secures)
                    QVERIFY2(!a.opensDoor &&
                                 (a.verb == QLatin1StringView("lock") ||
                                  a.verb == QLatin1StringView("full-lock") || a.isToggleOff),
                             a.verb.data());
                if (a.opensDoor)
                    QVERIFY(!a.secures);
            }
    }

    void labelsAndNames()
    {
        QCOMPARE(actionName(0, 5), QStringLiteral("Lock ’n’ Go and open"));
        QCOMPARE(actionName(2, 1), QStringLiteral("Ring to Open on"));
        QCOMPARE(actionName(0, 9), QStringLiteral("Action 9"));
        for (int type : {0, 2})
            for (const ActionSpec &a : actionsFor(type)) {
                QVERIFY(!a.displayLabel().isEmpty());
                // A menu entry that asks first says so with an ellipsis.
                QCOMPARE(a.displayMenuText().endsWith(u'…'), a.opensDoor);
            }
    }

    void outcomes()
    {
        DeviceState s;
        s.state = int(LockState::Unlocked);
        QVERIFY(findAction(0, 1)->reached(s));
        QVERIFY(!findAction(0, 2)->reached(s));
        QVERIFY(findAction(0, 3)->reached(s)); // unlatched falls back to unlocked
        s.state = int(LockState::Locked);
        QVERIFY(findAction(0, 4)->reached(s)); // lock 'n' go relocks by itself
        QVERIFY(findAction(0, 4)->explains(int(LockState::UnlockedLockNGo)));
        QVERIFY(!findAction(0, 2)->explains(int(LockState::Unlocked)));
        // The buzzer leaves no trace: any state is consistent with it.
        QVERIFY(findAction(2, 3)->reached(s));
        QVERIFY(findAction(2, 3)->explains(1));
        QCOMPARE(findAction(0, 2)->shownWhileRunning, int(LockState::Locking));
        QCOMPARE(findAction(0, 5)->shownWhileRunning, int(LockState::Unlatching));
        QCOMPARE(findAction(2, 1)->shownWhileRunning, -1);
    }

    void openerSwitches()
    {
        DeviceState s;
        s.state = int(OpenerState::RtoActive);
        s.mode = ModeDoor;
        QVERIFY(toggleIsOn(2, 1, s));
        QVERIFY(!toggleIsOn(2, 4, s));
        // Continuous mode reports Ring to Open active too: only the continuous switch is on.
        s.mode = ModeContinuous;
        QVERIFY(!toggleIsOn(2, 1, s));
        QVERIFY(toggleIsOn(2, 4, s));
        QVERIFY(!toggleIsOn(2, 3, s)); // not a switch
        QCOMPARE(findAction(2, 1)->toggleOff, 2);
        QCOMPARE(findAction(2, 4)->toggleOff, 5);
    }
};

QTEST_GUILESS_MAIN(TestActions)
#include "tst_actions.moc"
