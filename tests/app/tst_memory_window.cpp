// The window at start with a remembered home: cards at once, greyed and held until the bridge
// confirms; a bridge that is down says so; one that comes back updates the same cards.
#include "AppController.h"
#include "SimBridge.h"
#include "SimFixtures.h"
#include "bridge/BridgeSource.h"
#include "window/DeviceCard.h"
#include "window/DeviceListView.h"
#include "window/MainWindow.h"
#include "window/SourceHeader.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace nuki;

class TestMemoryWindow : public QObject
{
    Q_OBJECT
    const QString token = QStringLiteral("memory-window-token-9");
    QTemporaryDir dir;
    QString memoryPath;
    std::unique_ptr<nukisim::SimBridge> sim;
    std::unique_ptr<Settings> settings;

    BridgeConfig config(quint16 port) const
    {
        return {QString::number(sim->config().serverId, 16).toUpper(), QStringLiteral("Hall"),
                QStringLiteral("127.0.0.1"), port};
    }
    static quint16 deadPort()
    {
        QTcpServer s; // a loopback port nobody listens on (taken, then given back)
        return s.listen(QHostAddress(QStringLiteral("127.0.0.1")), 0) ? s.serverPort() : 0;
    }
    static void fast(AppController &app, const QString &id)
    {
        bridgeSource(*app.home(), id)->client()->config().minGapMs = 20;
        bridgeSource(*app.home(), id)->client()->config().backoffStartMs = 50;
    }
    int actionsSent() const
    {
        int n = 0;
        for (const auto &e : sim->requestLog())
            n += e.path == QLatin1String("/lockAction");
        return n;
    }
    static QLabel *label(QWidget *w, const char *name)
    {
        return w->findChild<QLabel *>(QLatin1String(name));
    }
    // Light and dark, narrow and wide: for a person to look at (NUKI_SCREENSHOTS).
    static void shoot(MainWindow &window, const QString &name)
    {
        const QString to = qEnvironmentVariable("NUKI_SCREENSHOTS");
        if (to.isEmpty())
            return;
        QDir().mkpath(to);
        const QPalette light = QApplication::palette();
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x55));
        dark.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe6));
        for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            dark.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
        const QSize size = window.size();
        for (const bool isDark : {false, true}) {
            QApplication::setPalette(isDark ? dark : light);
            for (const int width : {460, 900}) {
                window.resize(width, 640);
                QApplication::processEvents();
                window.grab().save(
                    QStringLiteral("%1/memory-%2-%3-%4.png")
                        .arg(to, name, isDark ? QStringLiteral("dark") : QStringLiteral("light"))
                        .arg(width));
            }
        }
        QApplication::setPalette(light);
        window.resize(size);
    }

private slots:
    void initTestCase() { QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion"))); }
    void init()
    {
        sim = std::make_unique<nukisim::SimBridge>(fastSimConfig());
        sim->setToken(token);
        QVERIFY(sim->listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        settings = std::make_unique<Settings>(dir.filePath(QStringLiteral("settings.ini")));
        memoryPath = dir.filePath(QStringLiteral("data/home-memory.json"));
        QFile::remove(memoryPath);
        // A first run sees the bridge; its memory is saved on the way out.
        AppController app(settings.get(), false);
        app.rememberHomeIn(memoryPath);
        QVERIFY(app.memory());
        MainWindow window(&app);
        app.start();
        addBridge(*app.home(), config(sim->port()), token);
        fast(app, config(0).id);
        QTRY_COMPARE_WITH_TIMEOUT(window.deviceList()->cards().size(), 4, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!bridgeSource(*app.home(), config(0).id)->client()->inFlight(),
                                 10000);
    }
    void cleanup() { sim.reset(); }

    void bridgeDownShowsLastSeenHeldAndABannerThenComesBack()
    {
        QVERIFY(QFile::exists(memoryPath));
        QFile f(memoryPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains(token.toUtf8()));

        AppController app(settings.get(), false);
        app.rememberHomeIn(memoryPath);
        app.confirm = [](const QString &, QWidget *, const QString &) { return true; };
        MainWindow window(&app);
        app.start();
        const quint16 dead = deadPort();
        QVERIFY(dead);
        addBridge(*app.home(), config(dead), token);
        fast(app, config(0).id);
        // At once, before the bridge could answer: every card, marked and held.
        const QList<DeviceCard *> cards = window.deviceList()->cards();
        QCOMPARE(cards.size(), 4);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QList<QPointer<DeviceCard>> kept;
        for (DeviceCard *c : cards) {
            kept << c;
            QVERIFY(label(c, "ageLabel")->text().startsWith(QStringLiteral("last seen ")));
            QVERIFY(label(c, "stateLabel")->text().size() > 0);
            QVERIFY(!label(c, "stateLabel")->isEnabled()); // greyed
            for (QPushButton *b : c->findChildren<QPushButton *>()) {
                QVERIFY(!b->isEnabled());
                QVERIFY2(b->toolTip().startsWith(QStringLiteral("Held")), qPrintable(b->toolTip()));
            }
        }
        QCOMPARE(label(cards[0], "stateLabel")->text(), QStringLiteral("Locked"));

        // The bridge does not answer: a banner says so, the cards stay as last seen.
        auto *header = window.deviceList()->findChild<SourceHeader *>();
        QVERIFY(header);
        QTRY_VERIFY_WITH_TIMEOUT(label(header, "bridgeBanner")->isVisibleTo(header), 10000);
        const QString banner = label(header, "bridgeBanner")->text();
        QVERIFY2(banner.startsWith(QStringLiteral("Cannot reach Hall — showing what was last "
                                                  "seen ")),
                 qPrintable(banner));
        QVERIFY(!label(cards[1], "stateLabel")->text().contains(QStringLiteral("out of date")));
        QVERIFY(label(cards[1], "ageLabel")->text().startsWith(QStringLiteral("last seen ")));
        QVERIFY(cards[1]->findChild<QPushButton *>()->toolTip().contains(
            QStringLiteral("cannot be reached")));
        // Held means held: a click, the card's key and the controller all refuse.
        cards[1]->setFocus();
        QTest::keyClick(cards[1], Qt::Key_L);
        QTest::mouseClick(cards[1]->findChild<QPushButton *>(), Qt::LeftButton);
        QVERIFY(!app.requestAction(cards[1]->key(), int(LockAction::Lock), nullptr));
        QCOMPARE(app.home()->actions()->running(), 0);
        shoot(window, QStringLiteral("offline"));

        // The bridge is back (here: found at its new address). Same cards, updated in place.
        QSignalSpy removed(app.model(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(app.model(), &QAbstractItemModel::rowsInserted);
        sim->turnByHand(sim->devices().at(0).nukiId, sim->devices().at(0).deviceType, 3);
        bridgeSource(*app.home(), config(0).id)->moveTo(QStringLiteral("127.0.0.1"), sim->port());
        app.home()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(label(cards[0], "stateLabel")->isEnabled(), 10000);
        QCOMPARE(window.deviceList()->cards(), cards);
        for (const auto &c : kept) {
            QVERIFY(c);
            QVERIFY(label(c, "ageLabel")->text().startsWith(QStringLiteral("updated ")));
            QVERIFY(label(c, "stateLabel")->isEnabled());
            for (QPushButton *b : c->findChildren<QPushButton *>())
                QVERIFY2(!b->toolTip().startsWith(QStringLiteral("Held")),
                         qPrintable(b->toolTip()));
        }
        QCOMPARE(removed.size(), 0);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(label(cards[0], "stateLabel")->text(), QStringLiteral("Unlocked"));
        QTRY_VERIFY_WITH_TIMEOUT(!label(header, "bridgeBanner")->isVisibleTo(header), 10000);
        shoot(window, QStringLiteral("back"));
        QTest::mouseClick(cards[1]->findChild<QPushButton *>(), Qt::LeftButton); // Lock
        QTRY_COMPARE_WITH_TIMEOUT(actionsSent(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(app.home()->actions()->running(), 0, 10000);
    }

    void waitingForTheFirstAnswerShowsLastSeen()
    {
        // No token yet (the keychain is slow): the cards say when each was last seen.
        AppController app(settings.get(), false);
        app.rememberHomeIn(memoryPath);
        MainWindow window(&app);
        app.start();
        addBridge(*app.home(), config(sim->port()), QString());
        const QList<DeviceCard *> cards = window.deviceList()->cards();
        QCOMPARE(cards.size(), 4);
        QVERIFY(label(cards[0], "ageLabel")->text().startsWith(QStringLiteral("last seen ")));
        QVERIFY(!label(cards[0], "stateLabel")->isEnabled());
        QVERIFY(cards[0]->findChild<QPushButton *>()->toolTip().startsWith(
            QStringLiteral("Held until the bridge confirms this device")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        shoot(window, QStringLiteral("connecting"));
    }

    void demoModeRemembersNothing()
    {
        QTemporaryDir demoDir;
        Settings demoSettings(demoDir.filePath(QStringLiteral("demo.ini")));
        const QString path = demoDir.filePath(QStringLiteral("data/home-memory.json"));
        {
            AppController demo(&demoSettings, true);
            demo.rememberHomeIn(path);
            QVERIFY(!demo.memory());
            MainWindow window(&demo);
            demo.start();
            QTRY_VERIFY_WITH_TIMEOUT(window.deviceList()->cards().size() > 0, 10000);
        }
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestMemoryWindow)
#include "tst_memory_window.moc"
