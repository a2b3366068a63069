// Our callback on the bridge as a lifecycle, through the app's controller: registered once,
// taken off when the bridge is removed (before its client goes), on Quit, and within a
// bound when the bridge no longer answers. Another app's slot is never touched.
#include "AppController.h"
#include "SimBridge.h"
#include "SimCallbacks.h"
#include "bridge/BridgeSource.h"
#include "bridge/PushManager.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace nuki;

class TestCallbackLifecycle : public QObject
{
    Q_OBJECT
    const QString token = QStringLiteral("lifecycle-token-1");
    const QString other = QStringLiteral("http://127.0.0.1:9/home-assistant");
    const QString id = QStringLiteral("LC1");
    QTemporaryDir dir;
    std::unique_ptr<nukisim::SimBridge> sim;
    std::unique_ptr<Settings> settings;
    std::unique_ptr<AppController> app;

    bool pushActive() const
    {
        return app->push() && app->push()->state(id) && app->push()->state(id)->active;
    }

private slots:
    void init()
    {
        nukisim::SimConfig c;
        c.requestMs = 5;
        sim = std::make_unique<nukisim::SimBridge>(c);
        sim->setToken(token);
        QVERIFY(sim->listen(QHostAddress(QStringLiteral("127.0.0.2")), 0));
        QString msg;
        sim->callbacks()->add(other, false, &msg);
        settings = std::make_unique<Settings>(dir.filePath(QStringLiteral("s.ini")));
        app = std::make_unique<AppController>(settings.get(), false);
        app->start();
        app->saveBridge({id, QStringLiteral("Lifecycle"), QStringLiteral("127.0.0.2"), sim->port()},
                        token, true, AppController::TokenStorage::Keychain);
        QTRY_VERIFY_WITH_TIMEOUT(pushActive(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(sim->callbacks()->urls().size(), 2, 10000);
    }
    void cleanup()
    {
        app->secrets()->remove(id, [](bool, const QString &) {});
        app.reset();
        settings.reset();
        sim.reset();
    }

    void registeredOnceBesideTheOtherApp()
    {
        app->saveBridge({id, QStringLiteral("Lifecycle"), QStringLiteral("127.0.0.2"), sim->port()},
                        token, true, AppController::TokenStorage::Keychain); // re-entered token
        QTRY_VERIFY_WITH_TIMEOUT(!app->push()->state(id)->checking, 10000);
        QCOMPARE(sim->callbacks()->urls().size(), 2);
        QVERIFY(sim->callbacks()->urls().contains(other));
        QVERIFY(sim->callbacks()->urls().contains(app->push()->callbackUrl(id)));
    }

    void removingTheBridgeRemovesOurCallback()
    {
        app->removeBridge(id);
        QVERIFY(!app->home()->source(id));
        QTRY_COMPARE_WITH_TIMEOUT(sim->callbacks()->urls(), QList<QString>{other}, 10000);
    }

    void quitRemovesOurCallback()
    {
        bool done = false;
        app->shutdown([&] { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(sim->callbacks()->urls(), QList<QString>{other});
    }

    void removingAVanishedBridgeIsBounded()
    {
        QPointer<BridgeClient> client = bridgeSource(*app->home(), id)->client();
        sim.reset(); // the bridge is gone
        QElapsedTimer t;
        t.start();
        app->removeBridge(id);
        QTRY_VERIFY_WITH_TIMEOUT(client.isNull(), AppController::RemovalBoundMs + 3000);
        QVERIFY(t.elapsed() <= AppController::RemovalBoundMs + 3000);
    }
};

QTEST_MAIN(TestCallbackLifecycle)
#include "tst_callback_lifecycle.moc"
