// The setup wizard against two simulated bridges (127.0.0.2, 127.0.0.3) and a simulated
// discovery service, with the real keychain. Screenshots of each page go to the build folder.
#include "AppController.h"
#include "SimBridge.h"
#include "SimControlServer.h"
#include "bridge/BridgeSource.h"
#include "store/SecretStore.h"
#include "wizard/CheckPage.h"
#include "wizard/FindPage.h"
#include "wizard/FinishPage.h"
#include "wizard/SetupWizard.h"
#include "wizard/TokenPage.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace nuki;

class TestWizard : public QObject
{
    Q_OBJECT
    const QString token = QStringLiteral("wizard-token-77");
    QTemporaryDir dir;
    std::unique_ptr<nukisim::SimBridge> b2, b3;
    std::unique_ptr<nukisim::SimControlServer> control;
    std::unique_ptr<Settings> settings;
    std::unique_ptr<AppController> app;
    QString shots = qEnvironmentVariable("NUKI_SCREENSHOTS");

    template <class T> T *child(QWidget *w, const char *name)
    {
        return w->findChild<T *>(QLatin1String(name));
    }
    void shot(QWidget *w, const QString &name)
    {
        if (!shots.isEmpty())
            w->grab().save(shots + QStringLiteral("/wizard-") + name + QStringLiteral(".png"));
    }
    std::unique_ptr<SetupWizard> openAtToken(const QString &host, quint16 port)
    {
        auto w = std::make_unique<SetupWizard>(app.get());
        w->show();
        w->next(); // intro → find
        auto *find = static_cast<FindPage *>(w->currentPage());
        child<QLineEdit>(find, "host")->setText(host);
        child<QSpinBox>(find, "port")->setValue(port);
        w->next();
        return w;
    }

private slots:
    void initTestCase()
    {
        QDir().mkpath(shots);
        nukisim::SimConfig c;
        c.requestMs = 5;
        c.authWindowMs = 600;
        b2 = std::make_unique<nukisim::SimBridge>(c);
        b3 = std::make_unique<nukisim::SimBridge>(c);
        for (auto *b : {b2.get(), b3.get()})
            b->setToken(token);
        QVERIFY(b2->listen(QHostAddress(QStringLiteral("127.0.0.2")), 0));
        QVERIFY(b3->listen(QHostAddress(QStringLiteral("127.0.0.3")),
                           b2->port())); // same port, for the scan
        control = std::make_unique<nukisim::SimControlServer>();
        control->addBridge(b2.get());
        control->addBridge(b3.get());
        QVERIFY(control->start(QHostAddress(QStringLiteral("127.0.0.2")), 0));
    }
    void init()
    {
        settings = std::make_unique<Settings>(dir.filePath(QStringLiteral("wizard.ini")));
        settings->setDiscoveryUrl(
            QStringLiteral("http://127.0.0.2:%1/discover/bridges").arg(control->port()));
        app = std::make_unique<AppController>(settings.get(), false);
    }
    void cleanup() { app.reset(); }

    void discoveryListsBothAndScanFindsThem()
    {
        SetupWizard w(app.get());
        w.scanHosts = {QStringLiteral("127.0.0.1"), QStringLiteral("127.0.0.2"),
                       QStringLiteral("127.0.0.3"), QStringLiteral("127.0.0.4")};
        w.show();
        shot(&w, QStringLiteral("1-intro"));
        w.next();
        auto *find = static_cast<FindPage *>(w.currentPage());
        auto *list = child<QListWidget>(find, "bridges");
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 2, 10000);
        QVERIFY(list->item(0)->text().contains(QStringLiteral("127.0.0.2")));
        QVERIFY(find->isComplete());
        shot(&w, QStringLiteral("2-find"));
        list->clear();
        child<QSpinBox>(find, "port")->setValue(b2->port());
        child<QPushButton>(find, "scan")->click();
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 2, 15000);
        QVERIFY(
            child<QLabel>(find, "discoveryStatus")->text().contains(QStringLiteral("2 bridge")));
        // A bridge with discovery switched off is said, not listed.
        b3->setAuthEnabled(false);
        find->discover();
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(find, "discoveryStatus")->text().contains(QStringLiteral("switched off")),
            10000);
        b3->setAuthEnabled(true);
    }

    void manualEntryIsValidatedAsTyped()
    {
        SetupWizard w(app.get());
        w.show();
        w.next();
        auto *find = static_cast<FindPage *>(w.currentPage());
        child<QListWidget>(find, "bridges")->clear();
        child<QLineEdit>(find, "host")->setText(QStringLiteral("not an address!"));
        QVERIFY(!find->isComplete());
        QVERIFY(!child<QLabel>(find, "manualHint")->text().isEmpty());
        child<QLineEdit>(find, "host")->setText(QStringLiteral("127.0.0.3"));
        QVERIFY(find->isComplete());
    }

    void buttonFlowPressedAndNot()
    {
        auto w = openAtToken(QStringLiteral("127.0.0.2"), b2->port());
        auto *page = static_cast<TokenPage *>(w->currentPage());
        QVERIFY(!page->isComplete());
        child<QPushButton>(page, "press")->click();
        QTRY_VERIFY_WITH_TIMEOUT(b2->authPending(), 5000);
        shot(w.get(), QStringLiteral("3-token-waiting"));
        b2->pressButton();
        QTRY_COMPARE_WITH_TIMEOUT(child<QLineEdit>(page, "token")->text(), token, 5000);
        QVERIFY(page->isComplete());
        child<QLineEdit>(page, "token")->clear();
        child<QPushButton>(page, "press")->click(); // not pressed this time
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(page, "pressStatus")->text().contains(QStringLiteral("not pressed")),
            10000);
        QVERIFY(child<QLineEdit>(page, "token")->text().isEmpty());
    }

    void buttonFlowSwitchedOff()
    {
        b2->setAuthEnabled(false);
        auto w = openAtToken(QStringLiteral("127.0.0.2"), b2->port());
        auto *page = w->currentPage();
        child<QPushButton>(page, "press")->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(page, "pressStatus")->text().contains(QStringLiteral("switched off")),
            10000);
        b2->setAuthEnabled(true);
    }

    void wrongTokenAndUnreachableHost()
    {
        auto w = openAtToken(QStringLiteral("127.0.0.2"), b2->port());
        child<QLineEdit>(w->currentPage(), "token")->setText(QStringLiteral("wrong-token"));
        w->next();
        auto *check = static_cast<CheckPage *>(w->currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(check->statusText().contains(QStringLiteral("rejected")), 30000);
        QVERIFY(!check->isComplete());
        shot(w.get(), QStringLiteral("4-check-rejected"));

        auto u = openAtToken(QStringLiteral("127.0.0.9"), 1);
        child<QLineEdit>(u->currentPage(), "token")->setText(token);
        u->next();
        auto *c2 = static_cast<CheckPage *>(u->currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(c2->statusText().contains(QStringLiteral("cannot be reached")),
                                 15000);
    }

    void plainTokenOnlyByExplicitChoice()
    {
        b2->auth().setAllowEncrypted(false); // a bridge that accepts only the plain token
        b2->auth().setAllowHashed(false);
        b2->clearRequestLog();
        auto w = openAtToken(QStringLiteral("127.0.0.2"), b2->port());
        child<QLineEdit>(w->currentPage(), "token")->setText(token);
        w->next();
        auto *check = static_cast<CheckPage *>(w->currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(check->plainButton()->isVisible(), 30000);
        QVERIFY(check->statusText().contains(QStringLiteral("clock")));
        QVERIFY(!check->isComplete());
        for (const auto &e : b2->requestLog())
            QVERIFY(e.authForm != QLatin1String("plain")); // not before the choice
        shot(w.get(), QStringLiteral("4-check-plain-offered"));
        int asked = 0;
        check->confirmPlain = [&](QWidget *) { return ++asked, false; }; // Cancel
        check->plainButton()->click();
        QCOMPARE(asked, 1);
        QVERIFY(!check->isComplete());
        check->confirmPlain = [&](QWidget *) { return ++asked, true; };
        check->plainButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(check->isComplete(), 15000);
        QVERIFY(check->statusText().contains(QStringLiteral("unprotected")));
        QCOMPARE(w->tokenMode, TokenMode::Plain);
        b2->auth().setAllowEncrypted(true);
        b2->auth().setAllowHashed(true);
    }

    void finishStoresTokenInKeychainOnly()
    {
        auto w = openAtToken(QStringLiteral("127.0.0.3"), b3->port());
        child<QLineEdit>(w->currentPage(), "token")->setText(token);
        w->next();
        auto *check = static_cast<CheckPage *>(w->currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(check->isComplete(), 15000);
        QVERIFY(check->statusText().contains(QStringLiteral("encrypted")));
        QCOMPARE(child<QListWidget>(check, "devices")->count(), 4);
        shot(w.get(), QStringLiteral("5-check-ok"));
        w->next();
        auto *finish = static_cast<FinishPage *>(w->currentPage());
        shot(w.get(), QStringLiteral("6-finish"));
        QTRY_VERIFY_WITH_TIMEOUT(finish->keychainAvailable(), 10000);
        w->accept();
        const QString id = QString::number(b3->config().serverId, 16).toUpper();
        QTRY_VERIFY_WITH_TIMEOUT(app->home()->source(id) && app->home()->deviceCount() == 4, 10000);
        bool done = false;
        QString stored;
        app->secrets()->read(id, [&](bool, const QString &t, const QString &) {
            stored = t;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(stored, token);
        settings->sync();
        QFile f(settings->fileName());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray ini = f.readAll();
        QVERIFY(ini.contains(id.toUtf8()));
        QVERIFY(!ini.contains(token.toUtf8()));
        app->removeBridge(id);
    }

    void followsABridgeThatMoved()
    {
        // A bridge at 127.0.0.5; it "moves" to 127.0.0.6 (same id), as after a new DHCP lease.
        nukisim::SimConfig c;
        c.requestMs = 5;
        auto before = std::make_unique<nukisim::SimBridge>(c);
        before->setToken(token);
        QVERIFY(before->listen(QHostAddress(QStringLiteral("127.0.0.5")), 0));
        nukisim::SimControlServer discovery;
        c.serverId = before->config().serverId;
        c.hardwareId = before->config().hardwareId;
        auto after = std::make_unique<nukisim::SimBridge>(c);
        after->setToken(token);
        QVERIFY(after->listen(QHostAddress(QStringLiteral("127.0.0.6")), 0));
        discovery.addBridge(after.get());
        QVERIFY(discovery.start(QHostAddress(QStringLiteral("127.0.0.5")), 0));
        settings->setDiscoveryUrl(
            QStringLiteral("http://127.0.0.5:%1/discover/bridges").arg(discovery.port()));
        const QString id = QString::number(c.serverId, 16).toUpper();
        addBridge(*app->home(),
                  {id, QStringLiteral("Moving"), QStringLiteral("127.0.0.5"), before->port()},
                  token);
        bridgeSource(*app->home(), id)->client()->config().retryDeadlineMs = 300;
        QTRY_COMPARE_WITH_TIMEOUT(app->home()->deviceCount(), 4, 10000);
        QSignalSpy moved(app.get(), &AppController::bridgeMoved);
        before.reset();
        app->home()->refresh();
        QVERIFY(moved.wait(15000));
        QCOMPARE(bridgeSource(*app->home(), id)->config().host, QStringLiteral("127.0.0.6"));
        QVERIFY(bridgeSource(*app->home(), id)
                    ->state()
                    .movedFrom.startsWith(QStringLiteral("127.0.0.5:")));
        QTRY_COMPARE_WITH_TIMEOUT(app->home()->source(id)->link().status, LinkStatus::Online,
                                  10000);
    }
};

QTEST_MAIN(TestWizard)
#include "tst_wizard.moc"
