// How the window looks: text contrast in a light and a dark palette (Fusion), measured on the
// rendered window, and the layout from 360 px wide up. Screenshots go to the build folder.
#include "AppController.h"
#include "SimBridge.h"
#include "SimFixtures.h"
#include "TestPalettes.h"
#include "bridge/BridgeSource.h"
#include "widgets/ElidedLabel.h"
#include "widgets/Theme.h"
#include "window/DeviceCard.h"
#include "window/DeviceListView.h"
#include "window/MainWindow.h"
#include "window/SourceHeader.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLayout>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QStyle>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QWizard>

using namespace nuki;

namespace {

// The most frequent colour in `r`: the background the text is painted on.
QColor background(const QImage &image, const QRect &r)
{
    QHash<QRgb, int> count;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            ++count[image.pixel(x, y)];
    QRgb best = 0;
    int most = -1;
    for (auto it = count.cbegin(); it != count.cend(); ++it)
        if (it.value() > most)
            most = it.value(), best = it.key();
    return QColor(best);
}

// The pixel in `r` that differs most from `bg`: the core of the painted glyphs.
double renderedContrast(const QImage &image, const QRect &r, const QColor &bg)
{
    double best = 1;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            best = qMax(best, Theme::contrast(QColor(image.pixel(x, y)), bg));
    return best;
}

} // namespace

class TestLook : public QObject
{
    Q_OBJECT
    const QString token = QStringLiteral("look-token-1");
    QString shots = qEnvironmentVariable("NUKI_SCREENSHOTS");
    QTemporaryDir dir;
    std::unique_ptr<nukisim::SimBridge> sim;
    std::unique_ptr<Settings> settings;
    std::unique_ptr<AppController> app;
    std::unique_ptr<MainWindow> window;
    QString bridgeId;
    const QString longName =
        QStringLiteral("Front door of the holiday flat on the third floor, left side, by the lift");

    DeviceCard *card(int index) const
    {
        const auto d = sim->devices().at(index);
        return window->deviceList()->card({d.nukiId, d.deviceType});
    }
    void settle()
    {
        // Layout and palette work is posted; run what is queued (no waiting on time).
        for (int i = 0; i < 3; ++i) {
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QCoreApplication::processEvents();
        }
    }
    void shot(const QString &name)
    {
        QVERIFY(window->grab().save(shots + u'/' + name + QStringLiteral(".png")));
    }

private slots:
    void initTestCase()
    {
        QDir().mkpath(shots);
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    }

    void init()
    {
        QApplication::setPalette(QApplication::style()->standardPalette());
        nukisim::SimConfig c = fastSimConfig();
        c.ringResetMs = 60000; // the "Ringing" badge stays for the measurement
        sim = std::make_unique<nukisim::SimBridge>(c);
        sim->setToken(token);
        auto devices = nukisim::SimBridge::defaultDevices();
        devices[0].name = longName;
        sim->setDevices(devices);
        QVERIFY(sim->listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        settings = std::make_unique<Settings>(dir.filePath(QStringLiteral("look.ini")));
        app = std::make_unique<AppController>(settings.get(), false);
        app->confirm = [](const QString &, QWidget *, const QString &) { return false; };
        window = std::make_unique<MainWindow>(app.get());
        app->start();
        BridgeConfig b{QString::number(sim->config().serverId, 16), QStringLiteral("Home bridge"),
                       QStringLiteral("127.0.0.1"), sim->port()};
        addBridge(*app->home(), b, token);
        bridgeId = b.id;
        bridgeSource(*app->home(), bridgeId)->client()->config().minGapMs = 20;
        window->show();
        QTRY_COMPARE_WITH_TIMEOUT(window->deviceList()->cards().size(), 4, 10000);
    }

    void cleanup()
    {
        window.reset();
        app.reset();
        sim.reset();
        QFile::remove(dir.filePath(QStringLiteral("look.ini")));
    }

    // Every state that adds a colour: a critical battery, a failed action, "Ringing", a
    // bridge's problem banner; every visible label's text ≥ 4.5:1 against what is behind it.
    void contrast_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void contrast()
    {
        QFETCH(bool, dark);
        if (dark)
            QApplication::setPalette(darkPalette());
        const auto d = sim->devices();
        sim->setBattery(d.at(0).nukiId, d.at(0).deviceType, 0, true, true);
        sim->ring(d.at(2).nukiId);
        // A second bridge that cannot be reached: its header shows the problem banner.
        quint16 deadPort = 0;
        {
            nukisim::SimBridge gone;
            QVERIFY(gone.listen(QHostAddress(QStringLiteral("127.0.0.2")), 0));
            deadPort = gone.port();
        }
        addBridge(*app->home(),
                  {QStringLiteral("DEAD"), QStringLiteral("Garage bridge"),
                   QStringLiteral("127.0.0.2"), deadPort},
                  token);
        // A failed action (the bridge stays busy): the card's outcome in the danger colour.
        bridgeSource(*app->home(), bridgeId)->client()->config().actionRetryDeadlineMs = 300;
        sim->faults().rate503 = 1.0;
        app->requestAction(card(1)->key(), 2, nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(card(1)
                                     ->findChild<QLabel *>(QStringLiteral("outcomeLabel"))
                                     ->text()
                                     .contains(QStringLiteral("busy")),
                                 10000);
        sim->clearFaults();
        app->home()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(
            card(2)->findChild<QLabel *>(QStringLiteral("ringLabel"))->isVisible(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(card(0)
                                     ->findChild<QLabel *>(QStringLiteral("batteryLabel"))
                                     ->text()
                                     .contains(QStringLiteral("critical")),
                                 10000);
        SourceHeader *garage = window->deviceList()->header(QStringLiteral("DEAD"));
        QTRY_VERIFY_WITH_TIMEOUT(
            garage && garage->findChild<QLabel *>(QStringLiteral("bridgeBanner"))->isVisible(),
            10000);
        window->resize(640, 1000);
        settle();
        window->deviceList()->ensureWidgetVisible(garage);
        settle();

        const QImage image = window->grab().toImage();
        QVERIFY(image.save(
            shots + (dark ? QStringLiteral("/look-dark.png") : QStringLiteral("/look-light.png"))));
        const qreal dpr = image.devicePixelRatio();
        int measured = 0;
        double lowest = 21;
        QStringList seen;
        for (QLabel *l : window->findChildren<QLabel *>()) {
            if (!l->isVisible() || l->text().isEmpty() || l->visibleRegion().isEmpty())
                continue;
            const QRect visible = l->visibleRegion().boundingRect();
            const QRect r(QPointF(l->mapTo(window.get(), visible.topLeft()) * dpr).toPoint(),
                          (visible.size() * dpr));
            const QColor bg = background(image, r.intersected(image.rect()));
            double ratio = 21;
            for (auto group : {QPalette::Active, QPalette::Inactive})
                ratio = qMin(ratio,
                             Theme::contrast(l->palette().color(group, l->foregroundRole()), bg));
            const double painted = renderedContrast(image, r.intersected(image.rect()), bg);
            const QString what =
                QStringLiteral("%1 “%2”: %3:1 (painted %4:1), text %5 on %6")
                    .arg(l->objectName(), l->text().left(40))
                    .arg(ratio, 0, 'f', 2)
                    .arg(painted, 0, 'f', 2)
                    .arg(l->palette().color(l->foregroundRole()).name(), bg.name());
            seen << what;
            QVERIFY2(ratio >= 4.5, qPrintable(what));
            QVERIFY2(painted >= 4.5, qPrintable(what));
            lowest = qMin(lowest, ratio);
            ++measured;
        }
        qInfo("%s: %d labels, lowest contrast %.2f:1\n  %s", dark ? "dark" : "light", measured,
              lowest, qPrintable(seen.join(QStringLiteral("\n  "))));
        // The states above were all on screen and measured.
        for (const char *name : {"bridgeBanner", "outcomeLabel", "ringLabel", "batteryLabel",
                                 "detailsLabel", "ageLabel"})
            QVERIFY2(seen.join(u'\n').contains(QLatin1String(name)), name);
    }

    // From 360 px wide up: no sideways scrolling, every card's texts and buttons whole and
    // inside the visible width; a long name ends in "…" with the full name in its tooltip.
    void anyWidth_data()
    {
        QTest::addColumn<int>("width");
        for (int w : {360, 400, 640, 1200})
            QTest::newRow(qPrintable(QString::number(w))) << w;
    }
    void anyWidth()
    {
        QFETCH(int, width);
        const auto d = sim->devices();
        sim->setBattery(d.at(0).nukiId, d.at(0).deviceType, 0, true, true);
        app->home()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(card(0)
                                     ->findChild<QLabel *>(QStringLiteral("batteryLabel"))
                                     ->text()
                                     .contains(QStringLiteral("critical")),
                                 10000);
        window->resize(width, 900);
        settle();
        QCOMPARE(window->width(), width);
        DeviceListView *list = window->deviceList();
        QVERIFY2(!list->horizontalScrollBar()->isVisible(), "scrolls sideways");
        const QRect viewport(QPoint(0, 0), list->viewport()->size());
        auto check = [&](QWidget *w, const QString &where) {
            if (!w->isVisible())
                return;
            const QRect inViewport(w->mapTo(list->viewport(), QPoint(0, 0)), w->size());
            const QString what = QStringLiteral("%1 at %2 px: %3 “%4” at x %5..%6 of %7")
                                     .arg(where)
                                     .arg(width)
                                     .arg(w->metaObject()->className(), w->objectName())
                                     .arg(inViewport.left())
                                     .arg(inViewport.right())
                                     .arg(viewport.width());
            QVERIFY2(inViewport.left() >= 0 && inViewport.right() < viewport.width(),
                     qPrintable(what));
            // Whole: as wide as its text needs (or, wrapping, as tall), and inside its parent.
            auto *label = qobject_cast<QLabel *>(w);
            if (qobject_cast<ElidedLabel *>(w)) {
                QCOMPARE(w->toolTip(), label->text());
                QCOMPARE(w->accessibleName(), label->text());
            } else if (label && label->wordWrap()) {
                QVERIFY2(w->height() >= w->heightForWidth(w->width()), qPrintable(what));
            } else {
                QVERIFY2(w->width() >= w->sizeHint().width(), qPrintable(what));
            }
            const QRect inParent = w->geometry();
            QVERIFY2(w->parentWidget()->rect().contains(inParent), qPrintable(what));
        };
        for (DeviceCard *c : list->cards()) {
            list->ensureWidgetVisible(c);
            for (QLabel *l : c->findChildren<QLabel *>())
                if (!l->text().isEmpty())
                    check(l, c->name());
            for (QAbstractButton *b : c->findChildren<QAbstractButton *>())
                check(b, c->name());
        }
        SourceHeader *h = list->header(bridgeId);
        for (QWidget *w : h->findChildren<QWidget *>())
            check(w, QStringLiteral("header"));
        auto *name = card(0)->findChild<ElidedLabel *>(QStringLiteral("nameLabel"));
        QCOMPARE(name->text(), longName);
        QCOMPARE(name->isElided(), width < 1000); // the long name fits only a wide window
        list->verticalScrollBar()->setValue(0);
        shot(QStringLiteral("look-width-%1").arg(width));
    }

    // Remembered size and position, never off-screen; the first size fits; dialogs centred.
    void windowPlacement()
    {
        const QRect avail = window->screen()->availableGeometry();
        QVERIFY2(window->frameGeometry().height() <= avail.height(),
                 qPrintable(QStringLiteral("%1 > %2")
                                .arg(window->frameGeometry().height())
                                .arg(avail.height())));
        window->resize(500, 600);
        window->move(avail.right() + 2000, avail.bottom() + 2000); // a monitor since unplugged
        window->hide();
        QVERIFY(!settings->windowGeometry().isEmpty());
        MainWindow again(app.get());
        QCOMPARE(again.size(), QSize(500, 600)); // remembered
        QVERIFY2(avail.contains(again.frameGeometry()),
                 qPrintable(QStringLiteral("%1,%2").arg(again.x()).arg(again.y())));
        {
            // A damaged file's tiny size (83×144) is not restored: the first size instead.
            QWidget tiny;
            tiny.resize(83, 144);
            settings->setWindowGeometry(tiny.saveGeometry());
            MainWindow fresh(app.get());
            QVERIFY2(fresh.width() >= MainWindow::MinUsableWidth &&
                         fresh.height() >= MainWindow::MinUsableHeight,
                     qPrintable(QStringLiteral("%1×%2").arg(fresh.width()).arg(fresh.height())));
        }

        window->show();
        window->resize(700, 560);
        window->move(avail.center() - QPoint(350, 280)); // room on every side for the wizard
        settings->setDiscoveryUrl(QStringLiteral("http://127.0.0.1:9/discover")); // nobody there
        window->addBridge();
        QWidget *wizard = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((wizard = window->findChild<QWizard *>()) && wizard->isVisible(),
                                 5000);
        const QPoint offset = wizard->frameGeometry().center() - window->frameGeometry().center();
        // Within a title bar's height: the frame of a window not yet shown is estimated.
        QVERIFY2(offset.manhattanLength() <= 60,
                 qPrintable(QStringLiteral("off by %1,%2: window %3,%4 %5×%6, wizard %7,%8 %9×%10")
                                .arg(offset.x())
                                .arg(offset.y())
                                .arg(window->x())
                                .arg(window->y())
                                .arg(window->width())
                                .arg(window->height())
                                .arg(wizard->x())
                                .arg(wizard->y())
                                .arg(wizard->width())
                                .arg(wizard->height())));
        wizard->close();
    }

    // A new colour scheme while running: the derived colours follow.
    void followsAPaletteChange()
    {
        auto *age = card(0)->findChild<QLabel *>(QStringLiteral("ageLabel"));
        const QColor light = age->palette().color(QPalette::WindowText);
        QApplication::setPalette(darkPalette());
        settle();
        const QColor dark = age->palette().color(QPalette::WindowText);
        QVERIFY(Theme::luminance(dark) > Theme::luminance(light));
        QVERIFY(Theme::contrast(dark, darkPalette().color(QPalette::Window)) >= 4.5);
    }
};

QTEST_MAIN(TestLook)
#include "tst_look.moc"
