// What a screen reader and a keyboard get: every control named, no two buttons alike, the
// window and the status line named; every wizard page likewise. Offscreen, over Qt's own
// accessibility interfaces (tst_e2e_atspi reads the same over AT-SPI).
#include "AppController.h"
#include "SimBridge.h"
#include "SimFixtures.h"
#include "bridge/BridgeSource.h"
#include "window/DeviceCard.h"
#include "window/DeviceListView.h"
#include "window/MainWindow.h"
#include "wizard/SetupWizard.h"

#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace nuki;

namespace {

bool isControl(QAccessible::Role r)
{
    switch (r) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::ProgressBar:
    case QAccessible::List:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
    case QAccessible::Slider:
    case QAccessible::ScrollBar:
    case QAccessible::MenuItem:
    case QAccessible::PageTab:
        return true;
    default:
        return false;
    }
}

bool isButton(QAccessible::Role r)
{
    return r == QAccessible::PushButton || r == QAccessible::CheckBox ||
           r == QAccessible::RadioButton || r == QAccessible::ButtonMenu ||
           r == QAccessible::ButtonDropDown;
}

// Unnamed controls and buttons that read alike, below `root` (visible ones only).
QStringList problems(QWidget *root)
{
    QStringList found;
    QHash<QString, int> buttons;
    std::function<void(QAccessibleInterface *, const QString &)> walk = [&](QAccessibleInterface *i,
                                                                            const QString &path) {
        if (!i || i->state().invisible)
            return;
        const QString name = i->text(QAccessible::Name).trimmed();
        const QString here = path + u'/' + QString::number(int(i->role()), 16) + u':' + name;
        if (isControl(i->role()) && name.isEmpty())
            found << QStringLiteral("unnamed: %1 (%2)")
                         .arg(here, i->object() ? i->object()->objectName() : QString());
        if (isButton(i->role()))
            ++buttons[name];
        for (int c = 0; c < i->childCount(); ++c)
            walk(i->child(c), here);
    };
    QAccessibleInterface *top = QAccessible::queryAccessibleInterface(root);
    if (top->text(QAccessible::Name).trimmed().isEmpty())
        found << QStringLiteral("the window has no name");
    walk(top, QString());
    for (auto it = buttons.cbegin(); it != buttons.cend(); ++it)
        if (it.value() > 1 && !it.key().isEmpty())
            found << QStringLiteral("%1 buttons read “%2”").arg(it.value()).arg(it.key());
    return found;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT
    const QString token = QStringLiteral("a11y-token-12");
    QTemporaryDir dir;

private slots:
    void demoWindowIsNamedThroughout()
    {
        Settings settings(dir.filePath(QStringLiteral("demo.ini")));
        AppController app(&settings, true);
        MainWindow window(&app);
        app.start();
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(window.deviceList()->cards().size(), 4, 15000);
        const QStringList found = problems(&window);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
        QVERIFY(QAccessible::queryAccessibleInterface(&window)
                    ->text(QAccessible::Name)
                    .contains(QStringLiteral("demo")));
        // The card's toggles and its menu button name the device too.
        DeviceCard *opener = window.deviceList()->cards().at(2);
        for (auto *b : opener->findChildren<QPushButton *>())
            QVERIFY2(b->accessibleName().endsWith(QStringLiteral("Building entrance")),
                     qPrintable(b->accessibleName()));
        DeviceCard *front = window.deviceList()->cards().at(0);
        bool menuButton = false;
        for (auto *b : front->findChildren<QPushButton *>())
            if (b->menu()) {
                menuButton = true;
                QCOMPARE(b->accessibleName(), QStringLiteral("Lock ’n’ Go Front door"));
            }
        QVERIFY(menuButton);
        // The state line: the card says its state, the status bar its message.
        QVERIFY(QAccessible::queryAccessibleInterface(front)
                    ->text(QAccessible::Name)
                    .startsWith(QStringLiteral("Front door, ")));
        window.statusBar()->showMessage(QStringLiteral("Something happened"));
        QCOMPARE(QAccessible::queryAccessibleInterface(window.statusBar())
                     ->text(QAccessible::Description),
                 QStringLiteral("Something happened"));
    }

    // Two bridges: their two "Details…" buttons are told apart by the bridge's name.
    void twoBridgesHaveDistinctDetails()
    {
        Settings settings(dir.filePath(QStringLiteral("two.ini")));
        AppController app(&settings, false);
        MainWindow window(&app);
        app.start();
        addBridge(
            *app.home(),
            {QStringLiteral("B1"), QStringLiteral("Upstairs"), QStringLiteral("127.0.0.1"), 9},
            token);
        addBridge(
            *app.home(),
            {QStringLiteral("B2"), QStringLiteral("Downstairs"), QStringLiteral("127.0.0.1"), 9},
            token);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.deviceList()->header(QStringLiteral("B2")), 5000);
        const QStringList found = problems(&window);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    }

    void everyWizardPageIsNamed()
    {
        nukisim::SimConfig c = fastSimConfig();
        c.authWindowMs = 60000; // the countdown stays while the page is read
        nukisim::SimBridge sim(c);
        sim.setToken(token);
        QVERIFY(sim.listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        Settings settings(dir.filePath(QStringLiteral("wizard.ini")));
        settings.setDiscoveryUrl(QStringLiteral("http://127.0.0.1:9/discover")); // nobody there
        AppController app(&settings, false);
        SetupWizard w(&app);
        w.scanHosts = {QStringLiteral("127.0.0.1")};
        w.show();
        auto check = [&](const char *page) {
            const QStringList found = problems(&w);
            QVERIFY2(found.isEmpty(),
                     qPrintable(QString::fromLatin1(page) + u'\n' + found.join(u'\n')));
        };
        check("intro");
        w.next();
        QCOMPARE(w.currentId(), int(SetupWizard::FindId));
        check("find");
        w.currentPage()
            ->findChild<QLineEdit *>(QStringLiteral("host"))
            ->setText(QStringLiteral("127.0.0.1"));
        w.currentPage()->findChild<QSpinBox *>(QStringLiteral("port"))->setValue(sim.port());
        check("find, address typed");
        w.next();
        QCOMPARE(w.currentId(), int(SetupWizard::TokenId));
        check("token");
        w.currentPage()->findChild<QPushButton *>(QStringLiteral("press"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(sim.authPending(), 5000);
        check("token, counting down");
        sim.pressButton();
        QTRY_VERIFY_WITH_TIMEOUT(w.currentPage()->isComplete(), 10000);
        w.next();
        QCOMPARE(w.currentId(), int(SetupWizard::CheckId));
        QTRY_VERIFY_WITH_TIMEOUT(w.currentPage()->isComplete(), 15000);
        check("check");
        w.next();
        QCOMPARE(w.currentId(), int(SetupWizard::FinishId));
        check("finish");
        w.reject();
    }

    void everyWifiLockPageIsNamed()
    {
        Settings settings(dir.filePath(QStringLiteral("wifi.ini")));
        AppController app(&settings, false);
        SetupWizard w(&app);
        w.show();
        w.currentPage()->findChild<QRadioButton *>(QStringLiteral("wifiPath"))->click();
        w.next();
        QCOMPARE(w.currentId(), int(SetupWizard::BrokerId));
        auto check = [&](const char *page) {
            const QStringList found = problems(&w);
            QVERIFY2(found.isEmpty(),
                     qPrintable(QString::fromLatin1(page) + u'\n' + found.join(u'\n')));
        };
        check("broker");
        // Port 9 on loopback: nothing listens, the page says so.
        w.currentPage()
            ->findChild<QLineEdit *>(QStringLiteral("brokerHost"))
            ->setText(QStringLiteral("127.0.0.1:9"));
        w.currentPage()->findChild<QCheckBox *>(QStringLiteral("tls"))->setChecked(true);
        check("broker, TLS on");
        w.next();
        QCOMPARE(w.currentId(), int(SetupWizard::BrokerLocksId));
        auto *retry = w.currentPage()->findChild<QPushButton *>(QStringLiteral("retry"));
        QTRY_VERIFY_WITH_TIMEOUT(retry->isEnabled(), 15000);
        check("broker test failed");
        w.reject();
    }

    // Every toolbar action is in the menu bar with a shortcut.
    void menuBarHasEveryActionWithAShortcut()
    {
        Settings settings(dir.filePath(QStringLiteral("menu.ini")));
        AppController app(&settings, false);
        MainWindow window(&app);
        QHash<QString, QKeySequence> shortcuts;
        std::function<void(QMenu *)> collect = [&](QMenu *m) {
            for (QAction *a : m->actions()) {
                if (a->menu())
                    collect(a->menu());
                else if (!a->isSeparator())
                    shortcuts.insert(QString(a->text()).remove(u'&'), a->shortcut());
            }
        };
        for (QAction *a : window.menuBar()->actions())
            collect(a->menu());
        for (const char *name : {"Add bridge or Wi-Fi lock…", "Settings…", "Refresh", "Lock all",
                                 "Quit", "Find device…"}) {
            QVERIFY2(shortcuts.contains(QString::fromUtf8(name)), name);
            QVERIFY2(!shortcuts.value(QString::fromUtf8(name)).isEmpty(), name);
        }
        QCOMPARE(shortcuts.value(QStringLiteral("Quit")), QKeySequence(Qt::CTRL | Qt::Key_Q));
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
