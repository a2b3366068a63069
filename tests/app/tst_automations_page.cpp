// Settings → Automations, and the sign of armed automations in the window: per Smart Lock
// (never an Opener), each trigger off until switched on, the risk said and asked, which
// screen-lock mechanism this desktop has, the pause; OK saves what is shown. Screenshots in
// a light and a dark palette, narrow and wide.
#include "AppAutomations.h"
#include "AppController.h"
#include "SimBridge.h"
#include "SimFixtures.h"
#include "TestPalettes.h"
#include "home/Home.h"
#include "store/SecretStore.h"
#include "store/Settings.h"
#include "window/AutomationsPage.h"
#include "window/MainWindow.h"
#include "window/SettingsDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDBusConnection>
#include <QDir>
#include <QLabel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace nuki;
using namespace nuki::automation;

class TestAutomationsPage : public QObject
{
    Q_OBJECT
    const QString token = QStringLiteral("automations-page-token");
    QTemporaryDir dir;
    std::unique_ptr<nukisim::SimBridge> sim;
    std::unique_ptr<Settings> settings;
    std::unique_ptr<AppController> app;
    QList<nukisim::SimDevice> devices;
    int confirmations = 0;
    bool confirmAnswer = false;

    DeviceKey keyOf(int i) const { return {devices.at(i).nukiId, devices.at(i).deviceType}; }
    static QString boxName(Trigger t, const DeviceKey &k)
    {
        return triggerName(t) + u'/' + k.toString();
    }
    void shoot(QWidget *w, const QString &name)
    {
        const QString dirName = qEnvironmentVariable("NUKI_SCREENSHOTS");
        if (dirName.isEmpty())
            return;
        QDir().mkpath(dirName);
        QVERIFY(w->grab().save(dirName + QStringLiteral("/automations-") + name +
                               QStringLiteral(".png")));
    }

private slots:
    void initTestCase()
    {
        qputenv("XDG_DATA_HOME", dir.filePath(QStringLiteral("data")).toUtf8());
        QCoreApplication::setApplicationName(QStringLiteral("nuki-desktop"));
        sim = std::make_unique<nukisim::SimBridge>(fastSimConfig());
        sim->setToken(token);
        devices = sim->devices();
        QVERIFY(sim->listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        settings = std::make_unique<Settings>(dir.filePath(QStringLiteral("settings.ini")));
        const QString id = QString::number(sim->config().serverId, 16);
        settings->upsertBridge(
            {id, QStringLiteral("Hall"), QStringLiteral("127.0.0.1"), sim->port()});
        settings->sync();
        SecretStore secrets;
        bool written = false;
        secrets.write(id, token, [&](bool, const QString &) { written = true; });
        QTRY_VERIFY_WITH_TIMEOUT(written, 10000);
        app = std::make_unique<AppController>(settings.get(), false);
        app->confirm = [this](const QString &, QWidget *, const QString &) {
            ++confirmations;
            return confirmAnswer;
        };
        app->start();
        QTRY_COMPARE_WITH_TIMEOUT(app->home()->deviceCount(), 4, 15000);
    }
    void cleanupTestCase()
    {
        app.reset();
        settings.reset();
        sim.reset();
    }

    void locksOnlyOffByDefaultRiskAskedAndSaved()
    {
        SettingsDialog dialog(app.get());
        auto *tabs = dialog.findChild<QTabWidget *>(QStringLiteral("settingsTabs"));
        QVERIFY(tabs);
        tabs->setCurrentWidget(dialog.automationsPage());
        AutomationsPage *page = dialog.automationsPage();
        // Every Smart Lock has every trigger, all off; the Opener has none.
        for (int i : {0, 1, 3})
            for (Trigger t : allTriggers()) {
                auto *box = page->findChild<QCheckBox *>(boxName(t, keyOf(i)));
                QVERIFY2(box, qPrintable(boxName(t, keyOf(i))));
                QVERIFY(!box->isChecked());
                QVERIFY(!box->toolTip().isEmpty());
            }
        for (Trigger t : allTriggers())
            QVERIFY(!page->findChild<QCheckBox *>(boxName(t, keyOf(2))));
        auto *mechanism = page->findChild<QLabel *>(QStringLiteral("mechanism"));
        QVERIFY(mechanism);
        QVERIFY(mechanism->text().startsWith(u"Screen lock detection: "));
        QVERIFY(mechanism->text().contains(u"Leaving home: "));

        // Switching a locking one on asks, with the risk; a No leaves it off.
        const DeviceKey back = keyOf(1);
        auto *screen = page->findChild<QCheckBox *>(boxName(Trigger::ScreenLock, back));
        confirmAnswer = false;
        screen->click();
        QCOMPARE(confirmations, 1);
        QVERIFY(!screen->isChecked());
        confirmAnswer = true;
        screen->click();
        QCOMPARE(confirmations, 2);
        QVERIFY(screen->isChecked());
        // Its risk stays in sight while it is on.
        auto *risk = page->findChild<QLabel *>(QStringLiteral("risk/") + screen->objectName());
        QVERIFY(risk);
        QVERIFY(risk->isVisibleTo(page));
        QVERIFY(risk->text().contains(u"locked out"));
        // A reminder is only a notification: not asked.
        auto *open = page->findChild<QCheckBox *>(boxName(Trigger::OpenReminder, keyOf(0)));
        open->click();
        QCOMPARE(confirmations, 2);
        QVERIFY(open->isChecked());

        dialog.show();
        for (const char *palette : {"light", "dark"}) {
            QApplication::setPalette(qstrcmp(palette, "dark") == 0 ? darkPalette() : QPalette());
            for (int width : {420, 900}) {
                dialog.resize(width, 640);
                QTest::qWait(50); // a paint for the screenshot, not a synchronisation
                shoot(&dialog, QStringLiteral("%1-%2").arg(QLatin1StringView(palette)).arg(width));
                // Narrow, nothing is cut off at the right: the delays wrap under their
                // triggers instead.
                QVERIFY(page->width() <= dialog.width());
                for (QWidget *w : page->findChildren<QSpinBox *>())
                    QVERIFY2(w->mapTo(page, QPoint(w->width(), 0)).x() <= page->width(),
                             qPrintable(w->accessibleName()));
                for (QWidget *w : page->findChildren<QCheckBox *>())
                    QVERIFY2(w->mapTo(page, QPoint(w->width(), 0)).x() <= page->width(),
                             qPrintable(w->objectName()));
            }
        }
        QApplication::setPalette(QPalette());

        dialog.accept();
        const QList<Rule> saved = Settings(settings->fileName()).automationRules();
        QCOMPARE(saved.size(), 2);
        QCOMPARE(app->automations()->rules().size(), 2);
        QVERIFY(app->automations()->armed());
    }

    // OK applies only what was changed on the page: a rule for a device not listed now, a
    // delay nukictl set that the page cannot show exactly, and a change made while the dialog
    // was open all stay as they are.
    // Only a screensaver's name on the bus and no logind session (as on Hyprland with
    // hypridle): the page names it and says the way that always works, wrapped when narrow.
    void aScreenSaverNameAloneGetsTheFallbackWords()
    {
        QDBusConnection saver = QDBusConnection::connectToBus(QDBusConnection::SessionBus,
                                                              QStringLiteral("a-screensaver"));
        QVERIFY(saver.registerService(QStringLiteral("org.xfce.ScreenSaver")));
        {
            SettingsDialog dialog(app.get());
            auto *tabs = dialog.findChild<QTabWidget *>(QStringLiteral("settingsTabs"));
            tabs->setCurrentWidget(dialog.automationsPage());
            auto *mechanism =
                dialog.automationsPage()->findChild<QLabel *>(QStringLiteral("mechanism"));
            QVERIFY(mechanism);
            QVERIFY2(mechanism->text().contains(u"org.xfce.ScreenSaver") &&
                         mechanism->text().contains(u"loginctl lock-session"),
                     qPrintable(mechanism->text()));
            dialog.show();
            for (const char *palette : {"light", "dark"}) {
                QApplication::setPalette(qstrcmp(palette, "dark") == 0 ? darkPalette()
                                                                       : QPalette());
                for (int width : {420, 900}) {
                    dialog.resize(width, 640);
                    QTest::qWait(50); // a paint for the screenshot, not a synchronisation
                    shoot(&dialog,
                          QStringLiteral("saver-%1-%2").arg(QLatin1StringView(palette)).arg(width));
                    QVERIFY(mechanism->mapTo(&dialog, QPoint(mechanism->width(), 0)).x() <=
                            dialog.width());
                }
            }
            QApplication::setPalette(QPalette());
            dialog.reject();
        }
        saver.unregisterService(QStringLiteral("org.xfce.ScreenSaver"));
        QDBusConnection::disconnectFromBus(QStringLiteral("a-screensaver"));
    }

    void okKeepsWhatThePageDidNotChange()
    {
        const QList<Rule> first = app->automations()->rules(); // the last test's, kept after
        const DeviceKey absent{0xABCDE1u, 4};
        const QList<Rule> before{{Trigger::ScreenLock, absent, 10},
                                 {Trigger::UnlockedReminder, keyOf(1), 90},
                                 {Trigger::ScreenLock, keyOf(1), 1800}};
        app->automations()->setRules(before);
        app->automations()->setPaused(false);
        SettingsDialog dialog(app.get());
        // While it is open, nukictl (or the tray) changes something.
        QList<Rule> meanwhile = before;
        meanwhile << Rule{Trigger::Sleep, keyOf(0), 0};
        app->automations()->setRules(meanwhile);
        app->automations()->setPaused(true);
        dialog.accept();
        QCOMPARE(app->automations()->rules(), meanwhile);
        QVERIFY(app->automations()->paused());
        QCOMPARE(Settings(settings->fileName()).automationRules(), meanwhile);
        // A row the person does change is applied, and only it.
        SettingsDialog second(app.get());
        second.automationsPage()
            ->findChild<QCheckBox *>(boxName(Trigger::UnlockedReminder, keyOf(1)))
            ->click();
        second.accept();
        QList<Rule> expected = meanwhile;
        expected.removeAt(1);
        QCOMPARE(app->automations()->rules(), expected);
        app->automations()->setPaused(false);
        app->automations()->setRules(first);
    }

    void theWindowShowsTheSignAndPauses()
    {
        QVERIFY(app->automations()->armed());
        MainWindow window(app.get());
        window.show();
        auto *sign = window.findChild<QToolButton *>(QStringLiteral("automationsSign"));
        QVERIFY(sign);
        QVERIFY(sign->isVisible());
        QVERIFY(sign->text().contains(u"armed"));
        for (const char *palette : {"light", "dark"}) {
            QApplication::setPalette(qstrcmp(palette, "dark") == 0 ? darkPalette() : QPalette());
            for (int width : {420, 1000}) {
                window.resize(width, 600);
                QTest::qWait(50); // a paint for the screenshot, not a synchronisation
                shoot(&window,
                      QStringLiteral("window-%1-%2").arg(QLatin1StringView(palette)).arg(width));
                // The sign stays whole in the status bar, also narrow.
                QVERIFY(sign->mapTo(&window, QPoint(sign->width(), 0)).x() <= window.width());
            }
        }
        QApplication::setPalette(QPalette());
        sign->click();
        QVERIFY(app->automations()->paused());
        QVERIFY(!app->automations()->armed());
        QVERIFY(sign->text().contains(u"paused"));
        QVERIFY(Settings(settings->fileName()).automationsPaused());
        sign->click();
        QVERIFY(!app->automations()->paused());
        app->automations()->setRules({});
        QTRY_VERIFY_WITH_TIMEOUT(!sign->isVisible(), 2000);
    }
};

QTEST_MAIN(TestAutomationsPage)
#include "tst_automations_page.moc"
