// A household with 200 devices on 4 simulated bridges (127.0.0.2–5): the filter field, the
// favourites, and a tray menu that stays one short column with Lock all and Quit in reach.
#include "AppController.h"
#include "SimBridge.h"
#include "bridge/BridgeSource.h"
#include "tray/TrayController.h"
#include "window/DeviceCard.h"
#include "window/DeviceListView.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScreen>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace nuki;

class TestManyDevices : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    std::vector<std::unique_ptr<nukisim::SimBridge>> sims;
    std::unique_ptr<Settings> settings;
    std::unique_ptr<AppController> app;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<TrayController> tray;

    QStringList visibleNames() const
    {
        QStringList names;
        for (DeviceCard *c : window->deviceList()->cards())
            if (!c->isHidden())
                names << c->name();
        return names;
    }

private slots:
    void init()
    {
        settings = std::make_unique<Settings>(dir.filePath(QStringLiteral("many.ini")));
        app = std::make_unique<AppController>(settings.get(), false);
        window = std::make_unique<MainWindow>(app.get());
        tray = std::make_unique<TrayController>(app.get());
        app->start();
        for (int b = 0; b < 4; ++b) {
            nukisim::SimConfig c;
            c.requestMs = 2;
            auto sim = std::make_unique<nukisim::SimBridge>(c);
            sim->setToken(QStringLiteral("many-token"));
            QList<nukisim::SimDevice> devices;
            for (int i = 0; i < 50; ++i) {
                nukisim::SimDevice d;
                d.nukiId = 1000 + quint32(b * 100 + i);
                d.deviceType = i % 5 == 4 ? 2 : 0;
                d.name = QStringLiteral("Door %1-%2").arg(b).arg(i);
                d.state = d.deviceType == 2 ? 1 : 1 + 2 * (i % 2);
                devices << d;
            }
            sim->setDevices(devices);
            QVERIFY(sim->listen(QHostAddress(QStringLiteral("127.0.0.%1").arg(b + 2)), 0));
            addBridge(*app->home(),
                      {QStringLiteral("B%1").arg(b), QStringLiteral("Bridge %1").arg(b),
                       sim->address().toString(), sim->port()},
                      QStringLiteral("many-token"));
            sims.push_back(std::move(sim));
        }
        window->show();
        QTRY_COMPARE_WITH_TIMEOUT(window->deviceList()->cards().size(), 200, 30000);
    }
    void cleanup()
    {
        tray.reset();
        window.reset();
        app.reset();
        sims.clear();
    }

    void filterFindsByNameBridgeAndState()
    {
        QLineEdit *filter = window->filterField();
        QTRY_VERIFY_WITH_TIMEOUT(filter->isVisible(), 5000); // shown by itself with 200
        QVERIFY(!filter->accessibleName().isEmpty());
        window->resize(400, 760);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QVERIFY(window->grab().save(qEnvironmentVariable("NUKI_SCREENSHOTS") +
                                    QStringLiteral("/many-200-devices.png")));
        // Ctrl+F puts the cursor in it.
        window->activateWindow();
        window->deviceList()->cards().first()->setFocus();
        QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(filter->hasFocus(), 5000);
        QTest::keyClicks(filter, QStringLiteral("door 2-1"));
        QCOMPARE(visibleNames().size(), 11); // 2-1 and 2-10 … 2-19
        for (int i = 0; i < 3; ++i) {        // run the posted relayout (no waiting on time)
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QCoreApplication::processEvents();
        }
        QVERIFY(!window->deviceList()->horizontalScrollBar()->isVisible());
        // The matches are on screen, from the top: the first one inside the viewport.
        DeviceListView *list = window->deviceList();
        DeviceCard *first = nullptr;
        for (DeviceCard *c : list->cards())
            if (!c->isHidden() && (!first || c->y() < first->y()))
                first = c;
        QVERIFY(first);
        QCOMPARE(first->name(), QStringLiteral("Door 2-1"));
        const QRect seen(first->mapTo(list->viewport(), QPoint(0, 0)), first->size());
        QVERIFY2(list->viewport()->rect().contains(seen),
                 qPrintable(QStringLiteral("first match at y %1").arg(seen.top())));
        QVERIFY(window->grab().save(qEnvironmentVariable("NUKI_SCREENSHOTS") +
                                    QStringLiteral("/many-200-filtered.png")));
        filter->setText(QStringLiteral("bridge 3"));
        QCOMPARE(visibleNames().size(), 50);
        filter->setText(QStringLiteral("unlocked"));
        QCOMPARE(visibleNames().size(), 80); // odd-numbered locks of 4 × 40
        filter->setText(QStringLiteral("nothing like this"));
        QCOMPARE(visibleNames().size(), 0);
        QVERIFY(window->findChild<QLabel *>(QStringLiteral("noMatchLabel"))->isVisible());
        // Esc clears it: all 200 again.
        QTest::keyClick(filter, Qt::Key_Escape);
        QCOMPARE(filter->text(), QString());
        QCOMPARE(visibleNames().size(), 200);
    }

    void favouritesComeFirstAndFillTheTrayMenu()
    {
        DeviceListView *list = window->deviceList();
        DeviceCard *pick = list->cards().at(157); // "Door 3-7"
        QCOMPARE(pick->name(), QStringLiteral("Door 3-7"));
        pick->findChild<QToolButton *>(QStringLiteral("favouriteButton"))->click();
        QVERIFY(app->isFavourite(pick->key()));
        QVERIFY(settings->favourites().contains(pick->key().toString())); // remembered
        QTRY_VERIFY_WITH_TIMEOUT(
            list->widget()->findChild<QLabel *>(QStringLiteral("favouritesTitle"))->isVisible(),
            5000);
        // First in the list, above every bridge.
        for (DeviceCard *c : list->cards())
            if (c != pick)
                QVERIFY2(pick->y() < c->y(), qPrintable(c->name()));

        // The tray menu: the favourite, "All 200 devices…", Lock all and Quit; within the screen.
        QMenu *menu = tray->menu();
        QStringList texts;
        for (QAction *a : menu->actions())
            if (a->isVisible() && !a->isSeparator())
                texts << a->text();
        QVERIFY2(texts.first().startsWith(QStringLiteral("Door 3-7")),
                 qPrintable(texts.join(u',')));
        QVERIFY(texts.contains(QStringLiteral("All 200 devices…")));
        QVERIFY(texts.contains(QStringLiteral("Lock all")));
        QVERIFY(texts.contains(QStringLiteral("Quit")));
        QVERIFY(menu->sizeHint().height() <=
                QGuiApplication::primaryScreen()->availableGeometry().height());

        // Without favourites: the first few, still one short column.
        pick->findChild<QToolButton *>(QStringLiteral("favouriteButton"))->click();
        QVERIFY(!app->isFavourite(pick->key()));
        int devices = 0;
        for (QAction *a : menu->actions())
            devices += a->isVisible() && a->menu() != nullptr;
        QCOMPARE(devices, TrayController::MaxMenuDevices);
        QVERIFY(menu->sizeHint().height() <=
                QGuiApplication::primaryScreen()->availableGeometry().height());
        QVERIFY(menu->sizeHint().height() <= 600);
    }
};

QTEST_MAIN(TestManyDevices)
#include "tst_many_devices.moc"
