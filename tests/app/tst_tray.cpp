// The tray controller and notifications, offscreen, against the simulated bridge.
#include "AppAutomations.h"
#include "AppController.h"
#include "SimBridge.h"
#include "SimFixtures.h"
#include "bridge/BridgeSource.h"
#include "home/Notifier.h"
#include "tray/TrayController.h"

#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace nuki;

class TestTray : public QObject
{
    Q_OBJECT
    const QString token = QStringLiteral("tray-token-5");
    QTemporaryDir dir;
    std::unique_ptr<nukisim::SimBridge> sim;
    std::unique_ptr<Settings> settings;
    std::unique_ptr<AppController> app;
    std::unique_ptr<TrayController> tray;
    QString bridgeId;
    int confirmations = 0;

    QMenu *submenu(const QString &name) const
    {
        for (QAction *a : tray->menu()->actions())
            if (a->menu() && a->text().startsWith(name))
                return a->menu();
        return nullptr;
    }
    QAction *item(QMenu *m, const QString &text) const
    {
        for (QAction *a : m->actions())
            if (a->text() == text)
                return a;
        return nullptr;
    }

private slots:
    void init()
    {
        sim = std::make_unique<nukisim::SimBridge>(fastSimConfig());
        sim->setToken(token);
        QVERIFY(sim->listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        settings = std::make_unique<Settings>(dir.filePath(QStringLiteral("s.ini")));
        app = std::make_unique<AppController>(settings.get(), false);
        confirmations = 0;
        app->confirm = [this](const QString &, QWidget *, const QString &) {
            ++confirmations;
            return false;
        };
        tray = std::make_unique<TrayController>(app.get());
        BridgeConfig b{QStringLiteral("T1"), QStringLiteral("Tray bridge"),
                       QStringLiteral("127.0.0.1"), sim->port()};
        addBridge(*app->home(), b, token);
        bridgeId = b.id;
        bridgeSource(*app->home(), bridgeId)->client()->config().minGapMs = 20;
        QTRY_COMPARE_WITH_TIMEOUT(app->home()->deviceCount(), 4, 10000);
    }
    void cleanup()
    {
        tray.reset();
        app.reset();
        sim.reset();
    }

    // Automations in the tray: "Pause automations" shows once one is on, says armed, pauses;
    // a failure badges the icon (Attention) and is the tooltip's first line.
    void automationsPauseAndTheirFailureBadge()
    {
        QAction *pause = nullptr;
        for (QAction *a : tray->menu()->actions())
            if (a->text().startsWith(u"Pause automations"))
                pause = a;
        QVERIFY(pause);
        QVERIFY(!pause->isVisible()); // nothing switched on
        const DeviceKey back = app->home()->devices().at(1);
        app->automations()->setRules({{automation::Trigger::ScreenLock, back, 10}});
        QVERIFY(pause->isVisible());
        QCOMPARE(pause->text(), QStringLiteral("Pause automations (armed)"));
        pause->trigger();
        QVERIFY(app->automations()->paused());
        QVERIFY(pause->isChecked());
        QCOMPARE(pause->text(), QStringLiteral("Pause automations"));
        pause->trigger();
        QVERIFY(!app->automations()->paused());
        QVERIFY(tray->overallLook() != StateIcons::Look::Attention);
        automation::LogEntry failed;
        failed.trigger = automation::Trigger::Sleep;
        failed.device = back;
        failed.deviceName = QStringLiteral("Back door");
        failed.decision = automation::Decision::Sent;
        failed.outcome = automation::Outcome::Failed;
        failed.outcomeText = QStringLiteral("failed: the bridge did not answer");
        failed.at = QDateTime::currentDateTime();
        emit app->automations()->automations()->failed(failed);
        QCOMPARE(tray->overallLook(), StateIcons::Look::Attention);
        QVERIFY2(tray->toolTip().split(u'\n').value(1).startsWith(u"Automation: "),
                 qPrintable(tray->toolTip()));
        app->automations()->clearFailure();
        QVERIFY(tray->overallLook() != StateIcons::Look::Attention);
        app->automations()->setRules({});
        QVERIFY(!pause->isVisible());
    }

    void menuListsDevicesWithTheirActions()
    {
        QMenu *front = submenu(QStringLiteral("Front door"));
        QVERIFY(front);
        QVERIFY(tray->menu()->actions().size() > 4);
        // Five for a lock behind a bridge; full lock is there only while a broker acts.
        int shown = 0;
        for (QAction *a : front->actions())
            shown += a->isVisible();
        QCOMPARE(shown, 5);
        QVERIFY(item(front, QStringLiteral("Full lock")));
        QVERIFY(!item(front, QStringLiteral("Full lock"))->isVisible());
        QVERIFY(item(front, QStringLiteral("Lock")));
        QVERIFY(item(front, QStringLiteral("Open…")));
        QMenu *opener = submenu(QStringLiteral("Building entrance"));
        QVERIFY(opener);
        QVERIFY(item(opener, QStringLiteral("Ring to Open")));
        QVERIFY(item(opener, QStringLiteral("Ring to Open"))->isCheckable()); // one toggle
        QVERIFY(!item(opener, QStringLiteral("Ring to Open on")));
        QVERIFY(!item(opener, QStringLiteral("Lock")));
        QVERIFY(submenu(QStringLiteral("Back door"))->title().contains(QStringLiteral("Unlocked")));
    }

    void lockFromTheMenu()
    {
        QMenu *back = submenu(QStringLiteral("Back door"));
        item(back, QStringLiteral("Lock"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(sim->devices().at(1).state, 1, 10000);
        // The menu follows in place, even while open.
        QTRY_VERIFY_WITH_TIMEOUT(back->title().contains(QStringLiteral("Locked")), 10000);
        QCOMPARE(submenu(QStringLiteral("Back door")), back);
    }

    void openAsksFirst()
    {
        item(submenu(QStringLiteral("Front door")), QStringLiteral("Open…"))->trigger();
        item(submenu(QStringLiteral("Building entrance")), QStringLiteral("Open (buzz the door)…"))
            ->trigger();
        QCOMPARE(confirmations, 2);
        QCOMPARE(app->home()->actions()->running(), 0);
    }

    void iconFollowsTheHome()
    {
        QCOMPARE(tray->overallLook(), StateIcons::Look::Unlocked); // the back door is unlocked
        QVERIFY(tray->toolTip().contains(QStringLiteral("Back door: Unlocked")));
        tray->lockAll();
        QTRY_COMPARE_WITH_TIMEOUT(tray->overallLook(), StateIcons::Look::Locked, 15000);
        QCOMPARE(sim->devices().at(3).state, 1);
        QVERIFY(tray->toolTip().startsWith(QStringLiteral("All locked")));
        sim->setDoor(sim->devices().at(0).nukiId, 3);
        app->home()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(tray->overallLook(), StateIcons::Look::Door, 10000);
        sim->setBattery(sim->devices().at(1).nukiId, 4, 5, true, false);
        app->home()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(tray->overallLook(), StateIcons::Look::Attention, 10000);
    }

    void lockAllReadsFirstAndReportsEachLock()
    {
        // The app last saw every lock locked; since then someone unlocked the front door by
        // hand and nothing read it. Lock all must not trust the old "Locked".
        tray->lockAll();
        QTRY_VERIFY_WITH_TIMEOUT(!tray->lastLockAllReport().isEmpty(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(app->home()->actions()->running(), 0, 10000);
        const auto front = sim->devices().at(0);
        sim->turnByHand(front.nukiId, 0, 3);
        QCOMPARE(app->home()->device({front.nukiId, 0})->device.state.state,
                 1); // still the old state
        tray->lockAll();
        QTRY_COMPARE_WITH_TIMEOUT(sim->device(front.nukiId, 0)->state, 1, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(
            tray->lastLockAllReport().contains(QStringLiteral("Front door: locked")), 15000);
        QVERIFY(
            tray->lastLockAllReport().contains(QStringLiteral("Back door: was already locked")));
    }

    void notificationsOncePerConditionAndNotWhileQuiet()
    {
        Notifier notifier(app->home());
        notifier.setEnabled([](NotifyKind) { return true; });
        QSignalSpy spy(&notifier, &Notifier::notify);
        // In the quiet period after start: nothing, though the door opens.
        sim->setDoor(sim->devices().at(0).nukiId, 3);
        app->home()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(app->home()
                                      ->device(app->home()->devices().first())
                                      ->device.state.doorsensorState.value_or(0),
                                  3, 10000);
        QCOMPARE(spy.size(), 0);
        notifier.setQuietPeriodMs(0);
        QVERIFY(!notifier.inQuietPeriod());
        sim->setDoor(sim->devices().at(0).nukiId, 2);
        sim->turnByHand(sim->devices().at(1).nukiId, 4, 1);
        sim->ring(sim->devices().at(2).nukiId);
        app->home()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 3, 10000);
        QStringList kinds;
        for (const auto &args : spy)
            kinds << notifyKindName(args.first().value<Notifier::Notification>().kind);
        kinds.sort();
        QCOMPARE(kinds, QStringList({QStringLiteral("door"), QStringLiteral("external"),
                                     QStringLiteral("ring")}));
        // The same again: no repeats.
        app->home()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(bridgeSource(*app->home(), bridgeId)->client()->isIdle(), 5000);
        app->home()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(bridgeSource(*app->home(), bridgeId)->client()->isIdle(), 5000);
        QCOMPARE(spy.size(), 3);
        // Switched off per kind.
        notifier.setEnabled([](NotifyKind kind) { return kind != NotifyKind::Door; });
        sim->setDoor(sim->devices().at(0).nukiId, 3);
        app->home()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(app->home()
                                      ->device(app->home()->devices().first())
                                      ->device.state.doorsensorState.value_or(0),
                                  3, 10000);
        QCOMPARE(spy.size(), 3);
    }
};

QTEST_MAIN(TestTray)
#include "tst_tray.moc"
