// The main window, offscreen, against a simulated bridge over loopback.
#include "AppController.h"
#include "SimBridge.h"
#include "SimFixtures.h"
#include "bridge/BridgeSource.h"
#include "platform/Autostart.h"
#include "window/BridgeDetailsDialog.h"
#include "window/DeviceCard.h"
#include "window/DeviceListView.h"
#include "window/MainWindow.h"
#include "window/SettingsDialog.h"
#include "window/SourceHeader.h"

#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace nuki;

class TestMainWindow : public QObject
{
    Q_OBJECT
    const QString token = QStringLiteral("widget-token-1");
    QTemporaryDir dir;
    std::unique_ptr<nukisim::SimBridge> sim;
    std::unique_ptr<Settings> settings;
    std::unique_ptr<AppController> app;
    std::unique_ptr<MainWindow> window;
    QString bridgeId;
    int confirmations = 0;
    bool confirmAnswer = false;

    DeviceCard *card(int index) const
    {
        const auto d = sim->devices().at(index);
        return window->deviceList()->card({d.nukiId, d.deviceType});
    }
    QPushButton *button(DeviceCard *c, const QString &text) const
    {
        for (auto *b : c->findChildren<QPushButton *>())
            if (b->text() == text)
                return b;
        return nullptr;
    }
    QString text(QWidget *w, const char *name) const
    {
        auto *l = w->findChild<QLabel *>(QLatin1String(name));
        return l ? l->text() : QString();
    }
    QStringList actionsSent() const
    {
        QStringList list;
        for (const auto &e : sim->requestLog())
            if (e.path == QLatin1String("/lockAction"))
                for (const auto &p : e.params)
                    if (p.first == QLatin1String("action"))
                        list << p.second;
        return list;
    }

private slots:
    void init()
    {
        sim = std::make_unique<nukisim::SimBridge>(fastSimConfig());
        sim->setToken(token);
        QVERIFY(sim->listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        settings = std::make_unique<Settings>(dir.filePath(QStringLiteral("settings.ini")));
        app = std::make_unique<AppController>(settings.get(), false);
        confirmations = 0;
        app->confirm = [this](const QString &, QWidget *, const QString &) {
            ++confirmations;
            return confirmAnswer;
        };
        window = std::make_unique<MainWindow>(app.get());
        app->start();
        BridgeConfig b{QString::number(sim->config().serverId, 16), QStringLiteral("Test bridge"),
                       QStringLiteral("127.0.0.1"), sim->port()};
        addBridge(*app->home(), b, token);
        bridgeId = b.id;
        bridgeSource(*app->home(), bridgeId)->client()->config().minGapMs = 20;
        bridgeSource(*app->home(), bridgeId)->client()->config().backoffStartMs = 50;
        window->show();
        QTRY_COMPARE_WITH_TIMEOUT(window->deviceList()->cards().size(), 4, 10000);
    }
    void cleanup()
    {
        window.reset();
        app.reset();
        sim.reset();
    }

    void clickLockLocksTheLock()
    {
        DeviceCard *back = card(1);
        QCOMPARE(text(back, "stateLabel"), QStringLiteral("Unlocked"));
        QTest::mouseClick(button(back, QStringLiteral("Lock")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(sim->device(sim->devices().at(1).nukiId, 4)->state, 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(text(back, "stateLabel"), QStringLiteral("Locked"), 10000);
        QCOMPARE(text(back, "outcomeLabel"), QStringLiteral("Lock: done"));
    }

    void strayKeysNeverUnlockOrOpen()
    {
        // On every card (and with each of its buttons focused), the unmodified keys u, c, r,
        // o and g-then-Enter start nothing.
        QList<QWidget *> stops;
        for (DeviceCard *c : window->deviceList()->cards()) {
            stops << c;
            for (QPushButton *b : c->findChildren<QPushButton *>())
                stops << b;
        }
        for (QWidget *w : stops) {
            w->setFocus();
            for (Qt::Key k : {Qt::Key_U, Qt::Key_C, Qt::Key_R, Qt::Key_O, Qt::Key_G})
                QTest::keyClick(w, k);
            QTest::keyClick(QApplication::activePopupWidget() ? QApplication::activePopupWidget()
                                                              : w,
                            Qt::Key_Escape);
        }
        QTest::qWait(0);
        QCOMPARE(app->home()->actions()->running(), 0);
        QVERIFY(actionsSent().isEmpty());
        // With the modifier it works, and its tooltip says so.
        DeviceCard *back = card(1);
        QVERIFY(button(back, QStringLiteral("Unlock"))
                    ->toolTip()
                    .contains(QStringLiteral("Ctrl+Shift+U")));
        back->setFocus();
        QTest::keyClick(back, Qt::Key_L); // locking is harmless: a single key
        QTRY_COMPARE_WITH_TIMEOUT(actionsSent(), QStringList{QStringLiteral("2")}, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(app->home()->actions()->running(), 0, 10000);
        QTest::keyClick(back, Qt::Key_U, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(actionsSent().size(), 2, 10000);
        QCOMPARE(actionsSent().last(), QStringLiteral("1"));
    }

    void lockingWithTheDoorOpenAsks()
    {
        const auto front = sim->devices().at(0);
        sim->turnByHand(front.nukiId, 0, 3); // unlocked
        sim->setDoor(front.nukiId, 3);       // and the door stands open
        app->home()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(
            app->home()->device({front.nukiId, 0})->device.state.doorsensorState.value_or(0), 3,
            10000);
        confirmAnswer = false;
        QTest::mouseClick(button(card(0), QStringLiteral("Lock")), Qt::LeftButton);
        QCOMPARE(confirmations, 1);
        QVERIFY(actionsSent().isEmpty());
    }

    void deviceGoneWhileTheQuestionIsOpen()
    {
        // The confirmation's own event loop runs while the bridge forgets the device: nothing
        // is started, nothing freed is read.
        const auto front = sim->devices().at(0);
        app->confirm = [&](const QString &, QWidget *, const QString &) {
            app->home()->applyList(bridgeId, {}); // a /list without the device
            return true;
        };
        QTest::mouseClick(button(card(0), QStringLiteral("Open")), Qt::LeftButton);
        QVERIFY(!app->home()->device({front.nukiId, 0}));
        QVERIFY(actionsSent().isEmpty());
    }

    void removingTheBridgeClosesItsDetails()
    {
        auto *dialog = new BridgeDetailsDialog(app->home(), bridgeId, app->push(), window.get());
        QPointer<BridgeDetailsDialog> guard(dialog);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
        QSignalSpy finished(dialog, &QDialog::finished);
        app->removeBridge(bridgeId);
        QCOMPARE(finished.size(), 1); // closed, not left with a dangling bridge
        QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), 5000);
    }

    void offlineWithinOneRequestAndActionsAreHeld()
    {
        DeviceCard *back = card(1);
        sim.reset(); // the bridge is gone
        app->home()->refresh();
        // The first failed connection says it, not the end of the retries.
        QTRY_COMPARE_WITH_TIMEOUT(app->home()->source(bridgeId)->link().status, LinkStatus::Offline,
                                  2000);
        // Said on the card with since when and what it last said; its actions held, and why.
        QTRY_VERIFY_WITH_TIMEOUT(
            text(back, "stateLabel").startsWith(u"The bridge cannot be reached since "), 2000);
        QVERIFY2(text(back, "stateLabel").contains(u" — last seen "),
                 qPrintable(text(back, "stateLabel")));
        QPushButton *lock = button(back, QStringLiteral("Lock"));
        QVERIFY(!lock->isEnabled());
        QVERIFY2(lock->toolTip().startsWith(u"Held: The bridge cannot be reached since "),
                 qPrintable(lock->toolTip()));
        // A click and the card's key do nothing: nothing is started that cannot arrive.
        QSignalSpy finished(app->home(), &Home::actionFinished);
        QTest::mouseClick(lock, Qt::LeftButton);
        back->setFocus();
        QTest::keyClick(back, Qt::Key_L);
        QCoreApplication::processEvents();
        QCOMPARE(finished.size(), 0);
        QCOMPARE(app->home()->device(back->key())->action.phase, ActionStatus::Idle);
    }

    // Read as a screen reader would (every label and button text, every accessible name and
    // description) with the bridge offline: nothing may say that a device or bridge is online.
    void offlineWindowNeverSaysOnline()
    {
        DeviceCard *opener = card(2);
        QCOMPARE(text(opener, "stateLabel"), QStringLiteral("Ring to Open off"));
        QCOMPARE(opener->findChild<QLabel *>(QStringLiteral("stateLabel"))->toolTip(),
                 QStringLiteral("Nuki state 1"));
        sim.reset(); // the bridge is gone
        app->home()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(app->home()->source(bridgeId)->link().status, LinkStatus::Offline,
                                  5000);
        QTRY_VERIFY_WITH_TIMEOUT(
            text(opener, "stateLabel").startsWith(u"The bridge cannot be reached"_qs), 5000);
        QStringList read;
        for (QWidget *w : window->findChildren<QWidget *>()) {
            if (!w->isVisibleTo(window.get()))
                continue;
            if (auto *l = qobject_cast<QLabel *>(w))
                read << l->text();
            if (auto *b = qobject_cast<QAbstractButton *>(w))
                read << b->text();
            read << w->accessibleName() << w->accessibleDescription();
        }
        read.removeAll(QString());
        QVERIFY(read.size() > 10);
        QVERIFY2(read.join(u'\n').contains(u"Offline"_qs), qPrintable(read.join(u'\n')));
        static const QRegularExpression online(QStringLiteral("\\bonline\\b"),
                                               QRegularExpression::CaseInsensitiveOption);
        for (const QString &t : std::as_const(read))
            QVERIFY2(!online.match(t).hasMatch(), qPrintable(t));
    }

    void buttonsWaitWhileAnActionRuns()
    {
        sim->config().actionMs = 3000;
        DeviceCard *front = card(0);
        QTest::mouseClick(button(front, QStringLiteral("Unlock")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(text(front, "stateLabel"), QStringLiteral("Unlocking…"), 5000);
        QVERIFY(!button(front, QStringLiteral("Lock"))->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(button(front, QStringLiteral("Lock"))->isEnabled(), 10000);
    }

    void lockNGoWithUnlatchSendsAction5()
    {
        confirmAnswer = true;
        QPushButton *lng = button(card(0), QStringLiteral("Lock ’n’ Go"));
        QVERIFY(lng && lng->menu());
        const auto actions = lng->menu()->actions();
        QCOMPARE(actions.size(), 2);
        actions.at(1)->trigger();
        QCOMPARE(confirmations, 1);
        QTRY_COMPARE_WITH_TIMEOUT(actionsSent(), QStringList{QStringLiteral("5")}, 10000);
    }

    void openAsksAndCancelDoesNothing()
    {
        confirmAnswer = false;
        QTest::mouseClick(button(card(0), QStringLiteral("Open")), Qt::LeftButton);
        QCOMPARE(confirmations, 1);
        QTest::mouseClick(button(card(2), QStringLiteral("Open")), Qt::LeftButton); // opener
        QCOMPARE(confirmations, 2);
        app->home()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(bridgeSource(*app->home(), bridgeId)->client()->isIdle(), 5000);
        QVERIFY(actionsSent().isEmpty());
        // Locking needs no confirmation.
        QTest::mouseClick(button(card(0), QStringLiteral("Lock")), Qt::LeftButton);
        QCOMPARE(confirmations, 2);
    }

    void openerCardShowsOpenerActionsOnly()
    {
        DeviceCard *opener = card(2);
        QStringList texts;
        for (auto *b : opener->findChildren<QPushButton *>())
            texts << b->text();
        QCOMPARE(texts, QStringList({QStringLiteral("Ring to Open"),
                                     QStringLiteral("Continuous mode"), QStringLiteral("Open")}));
        QTest::mouseClick(button(opener, QStringLiteral("Ring to Open")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(actionsSent(), QStringList{QStringLiteral("1")}, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(button(opener, QStringLiteral("Ring to Open"))->isChecked(),
                                 10000);
        QCOMPARE(text(opener, "stateLabel"), QStringLiteral("Ring to Open active"));
    }

    void busyStormSaysBusy()
    {
        bridgeSource(*app->home(), bridgeId)->client()->config().actionRetryDeadlineMs = 500;
        sim->faults().rate503 = 1.0;
        QTest::mouseClick(button(card(0), QStringLiteral("Unlock")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(text(card(0), "outcomeLabel").contains(QStringLiteral("busy")),
                                 10000);
        QCOMPARE(text(card(0), "stateLabel"), QStringLiteral("Locked")); // nothing happened
    }

    void rejectedTokenShowsBanner()
    {
        bridgeSource(*app->home(), bridgeId)->client()->setTokenMode(TokenMode::Encrypted);
        sim->setToken(QStringLiteral("another-token"));
        app->home()->refresh();
        SourceHeader *h = window->deviceList()->header(bridgeId);
        QTRY_VERIFY_WITH_TIMEOUT(
            text(h, "bridgeBanner").contains(QStringLiteral("rejected the token")), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(
            text(card(0), "stateLabel")
                .startsWith(QStringLiteral("The bridge refuses the app's token")),
            5000);
        QVERIFY(!button(card(0), QStringLiteral("Unlock"))->isEnabled()); // held: it cannot work
        auto *fix = h->findChild<QPushButton *>();
        QVERIFY(fix);
    }

    void timeoutSaysUnknown()
    {
        sim->faults().dropRemaining = 1;
        sim->faults().onlyPath = QStringLiteral("/lockAction");
        QTest::mouseClick(button(card(1), QStringLiteral("Lock")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            text(card(1), "outcomeLabel").contains(QStringLiteral("check the door")), 10000);
        QCOMPARE(actionsSent().size(), 1);
    }

    void unknownDeviceTypeGetsGenericCard()
    {
        QString error;
        QVERIFY(sim->loadDevices(R"([{"deviceType": 9, "nukiId": 77, "name": "Future lock",
            "lastKnownState": {"mode": 2, "state": 42}}])",
                                 &error));
        app->home()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(app->home()->deviceCount(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(window->deviceList()->cards().size(), 1, 10000);
        DeviceCard *c = window->deviceList()->cards().first();
        QVERIFY(c->findChildren<QPushButton *>().isEmpty());
        QCOMPARE(text(c, "stateLabel"), QStringLiteral("Unknown (42)"));
    }

    void closingSaysOnceThatTheTrayKeepsTheApp()
    {
        settings->setTrayHintShown(false);
        auto hints = [] {
            int n = 0;
            for (QWidget *w : QApplication::topLevelWidgets())
                n += w->objectName() == u"trayHint" && w->isVisible();
            return n;
        };
        QSignalSpy quit(window.get(), &MainWindow::quitRequested);
        window->setKeepRunningInTray(true);
        window->close();
        QVERIFY(!window->isVisible());
        QCOMPARE(quit.size(), 0);
        QCOMPARE(hints(), 1);
        QVERIFY(settings->trayHintShown());
        for (QWidget *w : QApplication::topLevelWidgets())
            if (w->objectName() == u"trayHint")
                w->close();
        window->show();
        window->close();
        QCOMPARE(hints(), 0); // once is enough
        QCOMPARE(quit.size(), 0);

        // Without a tray, closing quits (nothing to say: the app ends).
        window->setKeepRunningInTray(false);
        window->show();
        window->close();
        QCOMPARE(quit.size(), 1);
        QCOMPARE(hints(), 0);
    }

    void demoNeitherWritesNorClaimsStartAtLogin()
    {
        QStandardPaths::setTestModeEnabled(true); // never the person's own autostart folder
        QTemporaryDir demoDir;
        Settings demoSettings(demoDir.filePath(QStringLiteral("demo.ini")));
        AppController demo(&demoSettings, true);
        SettingsDialog dialog(&demo);
        QCheckBox *login = nullptr;
        for (auto *b : dialog.findChildren<QCheckBox *>())
            if (b->text() == u"Start at login")
                login = b;
        QVERIFY(login);
        QVERIFY(!login->isEnabled());
        login->setChecked(true); // even if it were ticked somehow
        dialog.accept();
        QVERIFY(!demoSettings.startAtLogin());
        QVERIFY(!QFile::exists(Autostart::entryPath()));
        // Its push receiver gets a path for this run, not one saved in the settings file.
        demo.start();
        QVERIFY(demo.push());
        demoSettings.sync();
        QSettings raw(demoDir.filePath(QStringLiteral("demo.ini")), QSettings::IniFormat);
        QVERIFY(!raw.contains(QStringLiteral("push/path")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
