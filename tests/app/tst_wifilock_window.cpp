// A Wi-Fi lock in the window, end to end: demo mode's private mosquitto and simulated Wi-Fi
// lock (nukisim), the broker source, the card. Who moved it shows on the card with the name a
// person gave the code; its last will greys it within seconds; its button sends one command.
// Screenshots in a light and a dark palette, narrow and wide, go to the build folder.
#include "AppController.h"
#include "SimWifiLock.h"
#include "TestPalettes.h"
#include "home/ActionRunner.h"
#include "tray/TrayController.h"
#include "window/BrokerDetailsDialog.h"
#include "window/DeviceCard.h"
#include "window/DeviceListView.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>

using namespace nuki;

class TestWifiLockWindow : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    const QString shots = qEnvironmentVariable("NUKI_SCREENSHOTS");
    std::unique_ptr<Settings> settings;
    std::unique_ptr<AppController> app;
    std::unique_ptr<MainWindow> window;

    DeviceCard *wifiCard() const
    {
        for (DeviceCard *c : window->deviceList()->cards())
            if (c->name().contains(QStringLiteral("Wi-Fi")))
                return c;
        return nullptr;
    }
    static QString text(QWidget *w, const char *name)
    {
        auto *l = w->findChild<QLabel *>(QLatin1String(name));
        return l ? l->text() : QString();
    }
    void shoot(const QString &name)
    {
        for (int i = 0; i < 3; ++i) {
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QCoreApplication::processEvents();
        }
        QVERIFY(window->grab().save(shots + u'/' + name + QStringLiteral(".png")));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral("/usr/sbin/mosquitto")),
                 "Debian's mosquitto is part of the test packages");
        QDir().mkpath(shots);
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        settings = std::make_unique<Settings>(dir.filePath(QStringLiteral("w.ini")));
        settings->setValue(Settings::Key::PeopleNames, QStringList{QStringLiteral("8193=Anna")});
        app = std::make_unique<AppController>(settings.get(), true);
        window = std::make_unique<MainWindow>(app.get());
        app->start();
        window->resize(900, 900);
        window->show();
        QTRY_VERIFY_WITH_TIMEOUT(wifiCard() && app->demoWifiLock(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(text(wifiCard(), "stateLabel"), QStringLiteral("Locked"), 10000);
    }
    void cleanupTestCase()
    {
        window.reset();
        app.reset(); // the demo's broker is stopped by its PID
    }

    void whoMovedItShowsOnTheCard()
    {
        QVERIFY(app->demoWifiLock()->keypadUnlock(8193, 4711));
        QTRY_VERIFY_WITH_TIMEOUT(
            text(wifiCard(), "detailsLabel").contains(QStringLiteral("with keypad code “Anna”")),
            5000);
        QTRY_COMPARE_WITH_TIMEOUT(text(wifiCard(), "stateLabel"), QStringLiteral("Unlocked"), 5000);
        for (const bool dark : {false, true}) {
            QApplication::setPalette(dark ? darkPalette()
                                          : QApplication::style()->standardPalette());
            for (const int width : {460, 900}) {
                window->resize(width, 760);
                shoot(QStringLiteral("wifilock-%1-%2").arg(dark ? "dark" : "light").arg(width));
            }
        }
        QApplication::setPalette(QApplication::style()->standardPalette());
    }

    void itsLockButtonSendsOneCommand()
    {
        QSignalSpy commands(app->demoWifiLock(), &nukisim::SimWifiLock::commandReceived);
        QPushButton *lock = nullptr;
        for (QPushButton *b : wifiCard()->findChildren<QPushButton *>())
            if (b->text() == QStringLiteral("Lock"))
                lock = b;
        QVERIFY(lock);
        QTest::mouseClick(lock, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(text(wifiCard(), "stateLabel"), QStringLiteral("Locked"), 10000);
        QCOMPARE(commands.size(), 1);
        QCOMPARE(commands.first().at(1).toByteArray(), QByteArray("2"));
        QCOMPARE(commands.first().at(3).toBool(), false); // never retained
    }

    void theBrokersDetailsNameTheLock()
    {
        QString brokerId;
        for (const QString &id : app->home()->sourceIds())
            if (app->home()->source(id)->kind() == SourceKind::Broker)
                brokerId = id;
        QVERIFY(!brokerId.isEmpty());
        BrokerDetailsDialog dialog(app->home(), brokerId, window.get());
        dialog.show();
        QStringList texts;
        for (QLabel *l : dialog.findChildren<QLabel *>())
            texts << l->text();
        const QString all = texts.join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("Firmware 4.2.6")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("Connected to the broker")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("Last message")), qPrintable(all));
        QVERIFY(dialog.grab().save(shots + QStringLiteral("/wifilock-broker-details.png")));
    }

    void fullLockOnlyWhereABrokerActs()
    {
        // A Wi-Fi lock's own command (lockAction 6): on its card and in the tray while its
        // broker acts for it; a lock behind the demo's bridge is offered no such thing.
        auto fullLockOf = [](DeviceCard *card) -> QPushButton * {
            for (QPushButton *b : card->findChildren<QPushButton *>())
                if (b->text() == QStringLiteral("Full lock"))
                    return b;
            return nullptr;
        };
        DeviceCard *bridgeLock = nullptr;
        for (DeviceCard *c : window->deviceList()->cards()) {
            const DeviceRecord *r = app->home()->device(c->key());
            const Source *s = r ? app->home()->source(r->sourceId) : nullptr;
            if (s && s->kind() == SourceKind::Bridge && !isOpener(c->key().deviceType) &&
                isKnownDeviceType(c->key().deviceType))
                bridgeLock = c;
        }
        QVERIFY(bridgeLock);
        QVERIFY(fullLockOf(wifiCard()) && fullLockOf(wifiCard())->isVisibleTo(wifiCard()));
        QVERIFY(!fullLockOf(bridgeLock) || !fullLockOf(bridgeLock)->isVisibleTo(bridgeLock));

        TrayController tray(app.get());
        auto fullLockIn = [&](const QString &name) -> QAction * {
            for (QAction *a : tray.menu()->actions())
                if (a->menu() && a->text().startsWith(name))
                    for (QAction *item : a->menu()->actions())
                        if (item->text() == QStringLiteral("Full lock"))
                            return item;
            return nullptr;
        };
        QAction *wifiItem = fullLockIn(wifiCard()->name());
        QVERIFY(wifiItem && wifiItem->isVisible());
        QAction *bridgeItem = fullLockIn(bridgeLock->name());
        QVERIFY(!bridgeItem || !bridgeItem->isVisible());

        // The card's button sends exactly lockAction 6, and the outcome comes from the lock.
        QSignalSpy commands(app->demoWifiLock(), &nukisim::SimWifiLock::commandReceived);
        QTest::mouseClick(fullLockOf(wifiCard()), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(commands.size(), 1, 5000);
        QCOMPARE(commands.first().at(1).toByteArray(), QByteArray("6"));
        const DeviceKey key = wifiCard()->key();
        QTRY_COMPARE_WITH_TIMEOUT(app->home()->device(key)->action.phase, ActionStatus::Succeeded,
                                  15000);
        QCOMPARE(app->home()->device(key)->action.action, 6);
        // The home refuses it for the bridge's lock too, whoever asks.
        QVERIFY(!app->home()->actions()->start(bridgeLock->key(), 6, {}));
    }

    void itsLastWillGreysItWithinSeconds()
    {
        TrayController tray(app.get());
        QElapsedTimer t;
        t.start();
        QSignalSpy commands(app->demoWifiLock(), &nukisim::SimWifiLock::commandReceived);
        app->demoWifiLock()->dropLink(); // the broker publishes connected=false for it
        // Said as what it is, like a bridge that is offline: since when, and what it last said.
        QTRY_VERIFY_WITH_TIMEOUT(
            text(wifiCard(), "stateLabel").startsWith(u"Not connected to the broker since "), 5000);
        QVERIFY(t.elapsed() < 5000);
        QVERIFY2(text(wifiCard(), "stateLabel").contains(u" — last seen "),
                 qPrintable(text(wifiCard(), "stateLabel")));
        QVERIFY(!wifiCard()->findChild<QLabel *>(QStringLiteral("stateLabel"))->isEnabled());
        // Its actions are held, and the tooltip says why.
        bool anyButton = false;
        for (QPushButton *b : wifiCard()->findChildren<QPushButton *>()) {
            if (b->property("normalToolTip").isNull())
                continue; // the star, not an action
            anyButton = true;
            QVERIFY2(!b->isEnabled(), qPrintable(b->text()));
            QVERIFY2(b->toolTip().startsWith(u"Held: Not connected to the broker"),
                     qPrintable(b->toolTip()));
        }
        QVERIFY(anyButton);
        // The tray says the same and holds the same.
        QAction *entry = nullptr;
        for (QAction *a : tray.menu()->actions())
            if (a->menu() && a->text().startsWith(wifiCard()->name()))
                entry = a;
        QVERIFY(entry);
        QTRY_VERIFY_WITH_TIMEOUT(entry->text().contains(u"Not connected to the broker"), 5000);
        for (QAction *item : entry->menu()->actions())
            if (!item->isSeparator() && item->text() != QStringLiteral("Show"))
                QVERIFY2(!item->isEnabled(), qPrintable(item->text()));
        // A stray click and Lock all send nothing to a lock that is not there.
        QTest::keyClick(wifiCard(), Qt::Key_L);
        tray.lockAll();
        QTRY_VERIFY_WITH_TIMEOUT(!tray.lastLockAllReport().isEmpty(), 10000);
        QVERIFY2(
            tray.lastLockAllReport().contains(
                wifiCard()->name() + QStringLiteral(": not locked — Not connected to the broker")),
            qPrintable(tray.lastLockAllReport()));
        QCOMPARE(commands.size(), 0);
        for (const bool dark : {false, true}) {
            QApplication::setPalette(dark ? darkPalette()
                                          : QApplication::style()->standardPalette());
            for (const int width : {360, 900}) {
                window->resize(width, 760);
                QCoreApplication::processEvents();
                window->deviceList()->ensureWidgetVisible(wifiCard()); // the card in the shot
                shoot(
                    QStringLiteral("wifilock-gone-%1-%2").arg(dark ? "dark" : "light").arg(width));
            }
        }
        QApplication::setPalette(QApplication::style()->standardPalette());
    }
};

QTEST_MAIN(TestWifiLockWindow)
#include "tst_wifilock_window.moc"
