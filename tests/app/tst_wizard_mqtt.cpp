// The set-up assistant's Wi-Fi lock path against a real mosquitto on 127.0.0.1 (users in a
// password file, a TLS listener with a CA of its own) and the simulated Wi-Fi lock, with the
// real keychain. Screenshots of its pages, light and dark, narrow and wide, go to the build
// folder.
#include "AppController.h"
#include "MosquittoBroker.h"
#include "RawMqtt.h"
#include "SimWifiLock.h"
#include "TestPalettes.h"
#include "mqtt/BrokerSource.h"
#include "wizard/BrokerLocksPage.h"
#include "wizard/BrokerPage.h"
#include "wizard/SetupWizard.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleFactory>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace nuki;

namespace {
const QString DeskUser = QStringLiteral("desk");
const QString DeskPassword = QStringLiteral("desk-Secret-4711");
const QString LockUser = QStringLiteral("lock");
const QString LockPassword = QStringLiteral("lock-Secret-0815");
} // namespace

class TestWizardMqtt : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    const QString shots = qEnvironmentVariable("NUKI_SCREENSHOTS");
    std::unique_ptr<MosquittoBroker> broker;
    std::unique_ptr<nukisim::SimWifiLock> lock;
    std::unique_ptr<Settings> settings;
    std::unique_ptr<AppController> app;

    template <class T> static T *child(QWidget *w, const char *name)
    {
        return w->findChild<T *>(QLatin1String(name));
    }
    // Looks at a page as a person would: both palettes, a phone-narrow and a wide window.
    void shoot(QWizard *w, const QString &name)
    {
        if (shots.isEmpty())
            return;
        const QSize before = w->size();
        for (const bool dark : {false, true}) {
            QApplication::setPalette(dark ? darkPalette()
                                          : QApplication::style()->standardPalette());
            for (const int width : {360, 760}) {
                w->resize(width, 600);
                for (int i = 0; i < 3; ++i) {
                    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
                    QCoreApplication::processEvents();
                }
                QVERIFY(w->grab().save(QStringLiteral("%1/wizard-mqtt-%2-%3-%4.png")
                                           .arg(shots, name, dark ? "dark" : "light")
                                           .arg(width)));
            }
        }
        QApplication::setPalette(QApplication::style()->standardPalette());
        w->resize(before);
    }
    // The wizard on the broker page, its fields filled in.
    std::unique_ptr<SetupWizard> atBroker(const QString &address, const QString &user,
                                          const QString &password, bool tls = false,
                                          const QString &ca = {})
    {
        auto w = std::make_unique<SetupWizard>(app.get());
        w->show();
        child<QRadioButton>(w->currentPage(), "wifiPath")->click();
        w->next();
        if (w->currentId() != SetupWizard::BrokerId)
            return {};
        QWidget *p = w->currentPage();
        child<QLineEdit>(p, "brokerHost")->setText(address);
        child<QLineEdit>(p, "brokerUser")->setText(user);
        child<QLineEdit>(p, "brokerPassword")->setText(password);
        child<QCheckBox>(p, "tls")->setChecked(tls);
        child<QLineEdit>(p, "caFile")->setText(ca);
        return w;
    }
    // On to the test of the connection.
    static BrokerLocksPage *test(SetupWizard *w)
    {
        w->next();
        return qobject_cast<BrokerLocksPage *>(w->currentPage());
    }
    QString address(quint16 port) const { return QStringLiteral("127.0.0.1:%1").arg(port); }
    static quint16 closedPort()
    {
        QTcpServer s; // a port that was free a moment ago, and is closed again
        s.listen(QHostAddress(QStringLiteral("127.0.0.1")), 0);
        return s.serverPort();
    }
    QString keychainEntry(const QString &id)
    {
        bool done = false;
        QString stored;
        app->secrets()->read(id, [&](bool, const QString &p, const QString &) {
            stored = p;
            done = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 10000); }();
        return stored;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral("/usr/sbin/mosquitto")),
                 "Debian's mosquitto is part of the test packages");
        QDir().mkpath(shots);
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        broker = std::make_unique<MosquittoBroker>();
        broker->tls = true;
        broker->users = {{DeskUser,
                          DeskPassword,
                          {QStringLiteral("topic readwrite nuki/#"),
                           QStringLiteral("topic read homeassistant/#")}},
                         {LockUser,
                          LockPassword,
                          {QStringLiteral("topic readwrite nuki/#"),
                           QStringLiteral("topic readwrite homeassistant/#")}}};
        QVERIFY2(broker->start(), qPrintable(broker->output()));
        nukisim::WifiLockConfig c;
        c.name = QStringLiteral("Haustür");
        c.port = broker->port();
        c.username = LockUser;
        c.password = LockPassword;
        lock = std::make_unique<nukisim::SimWifiLock>(c);
        QSignalSpy up(lock.get(), &nukisim::SimWifiLock::connected);
        QVERIFY(lock->start());
        QVERIFY(up.wait(10000));
    }
    void cleanupTestCase()
    {
        lock.reset();
        broker.reset(); // stopped by its PID
    }
    void init()
    {
        QFile::remove(dir.filePath(QStringLiteral("mqtt.ini")));
        settings = std::make_unique<Settings>(dir.filePath(QStringLiteral("mqtt.ini")));
        app = std::make_unique<AppController>(settings.get(), false);
    }
    void cleanup()
    {
        for (const BrokerConfig &b : settings->brokers()) {
            bool done = false;
            app->secrets()->remove(b.id, [&](bool, const QString &) { done = true; });
            QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        }
        app.reset();
    }

    void introOffersBothPaths()
    {
        SetupWizard w(app.get());
        w.show();
        QVERIFY(child<QRadioButton>(w.currentPage(), "bridgePath")->isChecked());
        shoot(&w, QStringLiteral("1-intro"));
        w.next();
        QCOMPARE(w.currentId(), int(SetupWizard::FindId)); // the bridge path, as before
        w.back();
        child<QRadioButton>(w.currentPage(), "wifiPath")->click();
        w.next();
        QCOMPARE(w.currentId(), int(SetupWizard::BrokerId));
        auto *page = static_cast<BrokerPage *>(w.currentPage());
        QVERIFY(!page->isComplete()); // no address yet
        child<QLineEdit>(page, "brokerHost")->setText(QStringLiteral("not an address!"));
        QVERIFY(!page->isComplete());
        QVERIFY(!page->problem().isEmpty());
        child<QLineEdit>(page, "brokerHost")->setText(QStringLiteral("192.168.1.10"));
        child<QLineEdit>(page, "brokerPassword")->setText(QStringLiteral("x"));
        QVERIFY(!page->isComplete()); // a password without a user would not be sent
        child<QLineEdit>(page, "brokerUser")->setText(DeskUser);
        QVERIFY(page->isComplete());
        shoot(&w, QStringLiteral("2-broker"));
        w.reject();
    }

    void rightPasswordListsTheLockAndFinishAddsTheBroker()
    {
        auto w = atBroker(address(broker->port()), DeskUser, DeskPassword);
        QVERIFY(w);
        BrokerLocksPage *page = test(w.get());
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(page->isComplete(), 10000);
        QCOMPARE(page->lockCount(), 1);
        auto *list = child<QListWidget>(page, "locks");
        QVERIFY2(list->item(0)->text().contains(QStringLiteral("Haustür (2BB28570)")),
                 qPrintable(list->item(0)->text()));
        QCOMPARE(list->item(0)->checkState(), Qt::Checked);
        QVERIFY2(page->statusText().startsWith(QStringLiteral("Connected to 127.0.0.1:")),
                 qPrintable(page->statusText()));
        shoot(w.get(), QStringLiteral("3-locks"));
        // Nothing ticked, nothing to add; ticked again, it can be finished.
        list->item(0)->setCheckState(Qt::Unchecked);
        QVERIFY(!page->isComplete());
        QCOMPARE(page->ignoredLocks(), QList<quint32>{0x2BB28570});
        list->item(0)->setCheckState(Qt::Checked);
        QVERIFY(page->isComplete());
        child<QLineEdit>(page, "brokerName")->setText(QStringLiteral("Home broker"));
        w->accept();

        const QString id = BrokerConfig::idFor(QStringLiteral("127.0.0.1"), broker->port());
        QCOMPARE(settings->brokers().size(), 1);
        const BrokerConfig saved = settings->brokers().first();
        QCOMPARE(saved.id, id);
        QCOMPARE(saved.name, QStringLiteral("Home broker"));
        QCOMPARE(saved.username, DeskUser);
        QVERIFY(saved.ignoredLocks.isEmpty());
        // The app uses it now: the lock appears in the home through the new source.
        const DeviceKey key{0x2BB28570, int(DeviceType::SmartLock3)};
        QTRY_VERIFY_WITH_TIMEOUT(
            app->home()->device(key) && app->home()->device(key)->sourceId == id, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(app->home()->device(key)->device.state.known, 10000);
        // The password is in the keychain, and nowhere in the settings file.
        QCOMPARE(keychainEntry(id), DeskPassword);
        settings->sync();
        QFile f(settings->fileName());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray ini = f.readAll();
        QVERIFY(ini.contains(id.toUtf8()));
        QVERIFY(!ini.contains(DeskPassword.toUtf8()));
    }

    void aLockLeftUntickedIsNotAdded()
    {
        auto w = atBroker(address(broker->port()), DeskUser, DeskPassword);
        BrokerLocksPage *page = test(w.get());
        QTRY_COMPARE_WITH_TIMEOUT(page->lockCount(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(page->isComplete(), 10000);
        // A second lock connects while the page is open: it appears, ticked; the first is
        // left out.
        nukisim::WifiLockConfig c = lock->config();
        c.nukiId = 0x0ABCDEF1;
        c.name = QStringLiteral("Garage");
        nukisim::SimWifiLock garage(c);
        QVERIFY(garage.start());
        QTRY_COMPARE_WITH_TIMEOUT(page->lockCount(), 2, 10000);
        auto *list = child<QListWidget>(page, "locks");
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->text().contains(QStringLiteral("Haustür")))
                list->item(i)->setCheckState(Qt::Unchecked);
        QVERIFY(page->isComplete());
        w->accept();
        QCOMPARE(settings->brokers().first().ignoredLocks, QList<quint32>{0x2BB28570});
        QTRY_VERIFY_WITH_TIMEOUT(app->home()->device({0x0ABCDEF1, int(DeviceType::SmartLock3)}),
                                 10000);
        QVERIFY(!app->home()->device({0x2BB28570, int(DeviceType::SmartLock3)}));
        garage.disconnectCleanly();
    }

    void wrongPasswordIsSaidInPlainWords()
    {
        auto w = atBroker(address(broker->port()), DeskUser, QStringLiteral("not-the-password"));
        BrokerLocksPage *page = test(w.get());
        QTRY_VERIFY_WITH_TIMEOUT(
            page->statusText().contains(QStringLiteral("refused the user name or password")),
            10000);
        QVERIFY(!page->isComplete());
        QCOMPARE(page->title(), QStringLiteral("The broker did not accept the login"));
        QVERIFY(page->adviceText().contains(QStringLiteral("not those of your Nuki account")));
        QVERIFY(!page->statusText().contains(QStringLiteral("not-the-password")));
        shoot(w.get(), QStringLiteral("4-wrong-password"));
        // Back, the right one, tested again: connected.
        w->back();
        child<QLineEdit>(w->currentPage(), "brokerPassword")->setText(DeskPassword);
        page = test(w.get());
        QTRY_VERIFY_WITH_TIMEOUT(page->isComplete(), 10000);
        w->reject();
        QVERIFY(settings->brokers().isEmpty()); // cancelled: nothing kept
    }

    void aClosedPortSaysRefused()
    {
        auto w = atBroker(address(closedPort()), QString(), QString());
        BrokerLocksPage *page = test(w.get());
        QTRY_VERIFY_WITH_TIMEOUT(page->statusText().contains(QStringLiteral("refused")), 10000);
        QVERIFY(!page->isComplete());
        QCOMPARE(page->title(), QStringLiteral("Could not connect"));
        QVERIFY(page->adviceText().contains(QStringLiteral("listens on the network")));
        shoot(w.get(), QStringLiteral("5-refused"));
    }

    void somethingSilentOnThePortTimesOut()
    {
        // Hostile or wrong: a port that takes the connection and never says a word.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        auto w = atBroker(address(silent.serverPort()), DeskUser, DeskPassword);
        BrokerLocksPage *page = test(w.get());
        QTRY_VERIFY_WITH_TIMEOUT(page->statusText().contains(QStringLiteral("did not answer")),
                                 MqttLink::ConnectTimeoutMs + 5000);
        QVERIFY(!page->isComplete());
        QVERIFY(page->adviceText().contains(QStringLiteral("TLS")));
    }

    void aFloodOfFakeLocksDoesNotHideTheRealOne()
    {
        // Someone with write access to nuki/# leaves 200 made-up locks, with markup in their
        // names, retained on a broker of its own: the list stays bounded, the names stay text,
        // and the lock that is connected is among those listed.
        MosquittoBroker open; // anonymous
        QVERIFY2(open.start(), qPrintable(open.output()));
        RawMqtt forger(QStringLiteral("forger"), open.port());
        QVERIFY(forger.connect());
        for (int i = 0; i < 200; ++i) {
            const QString base =
                QStringLiteral("nuki/%1/").arg(QString::number(0x10000000 + i, 16).toUpper());
            QVERIFY(forger.publish(base + QStringLiteral("deviceType"), "4", 0, true));
            QVERIFY(forger.publish(base + QStringLiteral("name"), "<b>Open me</b>", 0, true));
        }
        nukisim::WifiLockConfig c;
        c.port = open.port();
        nukisim::SimWifiLock real(c);
        QSignalSpy up(&real, &nukisim::SimWifiLock::connected);
        QVERIFY(real.start());
        QVERIFY(up.wait(10000));
        auto w = atBroker(address(open.port()), QString(), QString());
        BrokerLocksPage *page = test(w.get());
        QTRY_VERIFY_WITH_TIMEOUT(page->isComplete(), 10000);
        QVERIFY(page->lockCount() <= BrokerSource::MaxLocks);
        auto *list = child<QListWidget>(page, "locks");
        bool found = false;
        int forged = 0;
        for (int i = 0; i < list->count(); ++i) {
            found |= list->item(i)->text().startsWith(QStringLiteral("Front door (2BB28570)"));
            forged += list->item(i)->text().startsWith(QStringLiteral("<b>Open me</b> ("));
        }
        QVERIFY(found);
        QVERIFY2(forged > 0, qPrintable(QString::number(list->count())));
        shoot(w.get(), QStringLiteral("7-flood"));
        w->reject();
    }

    void tlsWithTheBrokersCaConnects()
    {
        auto w = atBroker(QStringLiteral("localhost:%1").arg(broker->tlsPort()), DeskUser,
                          DeskPassword, true, broker->caFile());
        BrokerLocksPage *page = test(w.get());
        QTRY_VERIFY_WITH_TIMEOUT(page->isComplete(), 10000);
        QVERIFY(page->lockCount() >= 1); // the garage of an earlier test may be remembered
        QVERIFY(page->statusText().startsWith(QStringLiteral("Connected to localhost:")));
        w->reject();
    }

    void tlsWithAnotherCaFailsWithTheTlsMessage()
    {
        MosquittoBroker other; // made only for its CA, which did not sign our broker's key
        other.tls = true;
        QVERIFY2(other.start(), qPrintable(other.output()));
        auto w = atBroker(QStringLiteral("localhost:%1").arg(broker->tlsPort()), DeskUser,
                          DeskPassword, true, other.caFile());
        BrokerLocksPage *page = test(w.get());
        QTRY_VERIFY_WITH_TIMEOUT(page->statusText().contains(QStringLiteral("TLS")), 10000);
        QVERIFY2(page->statusText().contains(QStringLiteral("certificate was not accepted")),
                 qPrintable(page->statusText()));
        QVERIFY(!page->isComplete());
        shoot(w.get(), QStringLiteral("6-tls-failed"));
    }
};

QTEST_MAIN(TestWizardMqtt)
#include "tst_wizard_mqtt.moc"
