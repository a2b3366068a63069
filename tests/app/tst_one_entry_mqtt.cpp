// One action, one history entry, with a Wi-Fi lock: the real app (its broker source and its
// journal) and a real nukictl on one settings file, a real mosquitto and the simulated Wi-Fi
// lock. A `nukictl lock` while the app runs is recorded once, as nukictl's, although the app
// sees the lock move (and its event, "through MQTT") too; a turn by hand stays someone else's.
#include "AppController.h"
#include "MosquittoBroker.h"
#include "SimWifiLock.h"
#include "history/HistoryRecorder.h"
#include "history/Journal.h"
#include "mqtt/BrokerSource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace nuki;
using namespace nukisim;

class TestOneEntryMqtt : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    std::unique_ptr<MosquittoBroker> broker;
    std::unique_ptr<SimWifiLock> lock;
    std::unique_ptr<Settings> settings;
    std::unique_ptr<AppController> app;

    QString settingsFile() const { return dir.filePath(QStringLiteral("settings.ini")); }
    int nukictl(const QStringList &args)
    {
        QProcess p;
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(qEnvironmentVariable("NUKICTL"),
                QStringList{QStringLiteral("--config"), settingsFile(), QStringLiteral("--broker"),
                            QStringLiteral("127.0.0.1:%1").arg(broker->port())} +
                    args);
        QSignalSpy finished(&p, &QProcess::finished);
        if (!finished.wait(30000)) { // this process keeps the lock's state machine turning
            p.kill();
            p.waitForFinished();
            return -1;
        }
        return p.exitCode();
    }
    QJsonArray entriesOfTheLock()
    {
        app->journal()->flush(true);
        QProcess p;
        p.start(qEnvironmentVariable("NUKICTL"),
                {QStringLiteral("--config"), settingsFile(), QStringLiteral("history"),
                 QStringLiteral("--json"), QStringLiteral("--kind"), QStringLiteral("action"),
                 QStringLiteral("--kind"), QStringLiteral("change")});
        if (!p.waitForFinished(20000))
            return {};
        return QJsonDocument::fromJson(p.readAllStandardOutput()).array();
    }
    int state() const
    {
        for (const DeviceKey &k : app->home()->devices())
            if (const DeviceRecord *r = app->home()->device(k))
                return r->device.state.state;
        return -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral("/usr/sbin/mosquitto")),
                 "Debian's mosquitto is part of the test packages");
        qputenv("XDG_DATA_HOME", dir.filePath(QStringLiteral("data")).toUtf8());
        QCoreApplication::setApplicationName(QStringLiteral("nuki-desktop"));
        broker = std::make_unique<MosquittoBroker>(); // anonymous clients: no password here
        QVERIFY2(broker->start(), qPrintable(broker->output()));
        WifiLockConfig c;
        c.name = QStringLiteral("Garden door");
        c.port = broker->port();
        c.unlockMs = c.lockMs = c.unlatchMs = 600;
        lock = std::make_unique<SimWifiLock>(c);
        QSignalSpy connected(lock.get(), &SimWifiLock::connected);
        QVERIFY(lock->start());
        QVERIFY(connected.wait(5000));

        settings = std::make_unique<Settings>(settingsFile());
        app = std::make_unique<AppController>(settings.get(), false);
        app->startHistory(Journal::pathFor(settingsFile()));
        app->start();
        BrokerConfig b;
        b.host = QStringLiteral("127.0.0.1");
        b.port = broker->port();
        b.id = BrokerConfig::idFor(b.host, b.port);
        b.name = QStringLiteral("Home broker");
        QVERIFY(addBroker(*app->home(), b, QString(), QStringLiteral("desk-test")));
        QTRY_COMPARE_WITH_TIMEOUT(state(), int(LockState::Locked), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(app->journal(), 5000);
    }
    void cleanupTestCase()
    {
        app.reset();
        lock.reset();
        broker.reset(); // stopped by its PID
    }

    void aNukictlActionIsOneEntry()
    {
        const qsizetype before = entriesOfTheLock().size();
        QCOMPARE(nukictl({QStringLiteral("unlock"), QStringLiteral("Garden door")}), 0);
        QTRY_COMPARE_WITH_TIMEOUT(state(), int(LockState::Unlocked), 5000);
        QCOMPARE(nukictl({QStringLiteral("lock"), QStringLiteral("Garden door")}), 0);
        QTRY_COMPARE_WITH_TIMEOUT(state(), int(LockState::Locked), 5000);
        // The app holds a change back up to JoinMs for who did it; then it is written (or not).
        QTRY_VERIFY_WITH_TIMEOUT(!app->historyRecorder()->holdsBack(), 10000);
        QJsonArray entries = entriesOfTheLock();
        QStringList seen;
        for (const QJsonValue &v : entries)
            seen << v[u"kind"].toString() + u'/' + v[u"origin"].toString() + u'/' +
                        v[u"text"].toString();
        QVERIFY2(entries.size() == before + 2, qPrintable(seen.join(u'\n')));
        for (int i : {1, 2}) {
            const QJsonValue e = entries.at(entries.size() - i);
            QCOMPARE(e[u"kind"].toString(), QStringLiteral("action"));
            QCOMPARE(e[u"origin"].toString(), QStringLiteral("nukictl"));
            QCOMPARE(e[u"outcome"].toString(), QStringLiteral("done"));
        }
        // A turn by hand right after is someone else's, and stays.
        QVERIFY(lock->turnByHand(int(LockState::Unlocked)));
        QTRY_COMPARE_WITH_TIMEOUT(entriesOfTheLock().size(), before + 3, 10000);
        QCOMPARE(entriesOfTheLock().last()[u"kind"].toString(), QStringLiteral("change"));
    }
};

QTEST_MAIN(TestOneEntryMqtt)
#include "tst_one_entry_mqtt.moc"
