// HomeMemory: the last known devices kept between runs, against simulated bridges on loopback,
// and against files that are broken, huge or hostile.
#include "CoreTestUtil.h"
#include "bridge/BridgeSource.h"
#include "home/DeviceListModel.h"
#include "home/Home.h"
#include "home/HomeMemory.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <sys/stat.h>
#include <sys/types.h>

using namespace nuki;
using nukisim::SimBridge;

class TestHomeMemory : public QObject
{
    Q_OBJECT
    const QString token = QStringLiteral("memory-token-7f3a");
    std::unique_ptr<QTemporaryDir> dir;
    QString path;

    BridgeConfig configFor(SimBridge &s, const QString &id = {}) const
    {
        BridgeConfig c;
        c.id = id.isEmpty() ? QString::number(s.config().serverId, 16).toUpper() : id;
        c.name = QStringLiteral("Hall bridge");
        c.host = s.address().toString();
        c.port = s.port();
        return c;
    }
    static void fast(Home &home, const QString &id)
    {
        bridgeSource(home, id)->client()->config().minGapMs = 20;
        bridgeSource(home, id)->client()->config().backoffStartMs = 50;
    }
    static quint16 deadPort()
    {
        // A loopback port nobody listens on (taken, then given back).
        QTcpServer s;
        if (!s.listen(QHostAddress(QStringLiteral("127.0.0.1")), 0))
            return 0;
        const quint16 port = s.serverPort();
        s.close();
        return port;
    }
    static QByteArray read(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static void write(const QString &file, const QByteArray &data)
    {
        QDir().mkpath(QFileInfo(file).absolutePath());
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(data), data.size());
    }
    // A run of the app's core: reads the sim's devices, then saves on the way out.
    void rememberOneRun(SimBridge &sim, const QString &id = {})
    {
        Home home;
        home.setPollInterval(60000);
        HomeMemory memory(&home, path);
        const BridgeConfig c = configFor(sim, id);
        addBridge(home, c, token);
        fast(home, c.id);
        QTRY_COMPARE_WITH_TIMEOUT(home.deviceCount(), int(sim.devices().size()), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(memory.writes() == 1, 10000); // debounced, not at once
    }
    QByteArray memoryFile(const QString &devicesJson, const QString &extra = {}) const
    {
        return QStringLiteral("{\"format\":\"nuki-desktop-home-memory\",\"version\":1,%1"
                              "\"devices\":[%2]}")
            .arg(extra, devicesJson)
            .toUtf8();
    }
    static QString entry(const QString &bridgeId, quint32 nukiId, const QString &more = {})
    {
        return QStringLiteral("{\"bridgeId\":\"%1\",\"nukiId\":%2,\"deviceType\":4,\"name\":"
                              "\"Door %2\",\"lastSeen\":\"2026-01-01T10:00:00.000Z\",%3"
                              "\"state\":{\"known\":true,\"mode\":2,\"state\":1,"
                              "\"batteryChargeState\":80,\"doorsensorState\":2}}")
            .arg(bridgeId)
            .arg(nukiId)
            .arg(more);
    }

private slots:
    void init()
    {
        dir = std::make_unique<QTemporaryDir>();
        path = dir->filePath(QStringLiteral("data/home-memory.json"));
    }

    void roundTripKeepsEverythingShown()
    {
        DeviceRecord r;
        r.key = {0x1234ABCDu, 2};
        r.sourceId = QStringLiteral("2A1B");
        r.device.name = QStringLiteral("Haustür “vorne”");
        r.device.firmwareVersion = QStringLiteral("3.5.2");
        r.device.state.known = true;
        r.device.state.mode = 3;
        r.device.state.state = 3;
        r.device.state.batteryCritical = true;
        r.device.state.batteryCharging = true;
        r.device.state.batteryChargeState = 12;
        r.device.state.keypadBatteryCritical = false;
        r.device.state.doorsensorState = 3;
        r.lastUpdate = QDateTime::currentDateTimeUtc().addSecs(-180);
        QList<DeviceRecord> back;
        QString error;
        QVERIFY(HomeMemory::parse(HomeMemory::serialize({r}), &back, &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(back.size(), 1);
        QCOMPARE(back[0].key, r.key);
        QCOMPARE(back[0].device.name, r.device.name);
        QCOMPARE(back[0].device.state, r.device.state);
        QCOMPARE(back[0].lastUpdate, r.lastUpdate);
        QCOMPARE(HomeMemory::serialize(back), HomeMemory::serialize({r})); // canonical
    }

    void aSecondRunShowsTheHomeAtOnceAndOwnerOnly()
    {
        auto sim = startSim(token);
        QVERIFY(sim);
        rememberOneRun(*sim);
        QVERIFY(QFileInfo::exists(path));
        struct stat st;
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        QCOMPARE(::stat(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0700);        // the folder we made, too
        QVERIFY(!read(path).contains(token.toUtf8())); // never the token

        // Second run: before any event loop turn, every device is there, marked remembered.
        Home home;
        home.setPollInterval(60000);
        HomeMemory memory(&home, path);
        const BridgeConfig c = configFor(*sim);
        addBridge(home, c, QString()); // token not known yet: nothing is sent
        QCOMPARE(home.deviceCount(), 4);
        DeviceListModel model(&home);
        QCOMPARE(model.index(0).data(DeviceListModel::NameRole).toString(),
                 QStringLiteral("Front door"));
        QCOMPARE(model.index(0).data(DeviceListModel::RememberedRole).toBool(), true);
        QCOMPARE(model.index(0).data(DeviceListModel::DoorSensorVisibleRole).toBool(), true);
        QVERIFY(model.index(0).data(DeviceListModel::LastUpdateRole).toDateTime().isValid());
        QVERIFY(!home.actions()->start(home.devices().first(), int(LockAction::Lock))); // held
        QCOMPARE(memory.writes(), 0);
        memory.save(); // nothing changed: not written
        QCOMPARE(memory.writes(), 0);
    }

    void bridgeBackUpdatesInPlaceWithoutEvents()
    {
        auto sim = startSim(token);
        QVERIFY(sim);
        rememberOneRun(*sim);
        // While the app was away, someone unlocked the front door.
        const auto back = sim->devices().at(0);
        QVERIFY(sim->turnByHand(back.nukiId, back.deviceType, 3));

        Home home;
        home.setPollInterval(60000);
        HomeMemory memory(&home, path);
        DeviceListModel model(&home);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const BridgeConfig c = configFor(*sim);
        addBridge(home, c, QString());
        QCOMPARE(model.rowCount(), 4);
        const DeviceKey key{back.nukiId, back.deviceType};
        const int rememberedState = home.device(key)->device.state.state; // Locked
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy external(&home, &Home::lockChangedExternally);
        QSignalSpy door(&home, &Home::doorChanged);
        bridgeSource(home, c.id)->setToken(token);
        fast(home, c.id);
        QTRY_VERIFY_WITH_TIMEOUT(!home.device(key)->remembered, 10000);
        for (const DeviceKey &k : home.devices())
            QVERIFY(!home.device(k)->remembered);
        QVERIFY(rememberedState != 3);
        QCOMPARE(home.device(key)->device.state.state, 3);
        QCOMPARE(model.index(0).data(DeviceListModel::StateTextRole).toString(),
                 QStringLiteral("Unlocked"));
        QCOMPARE(inserted.size(), 0); // the same rows, updated in place
        QCOMPARE(removed.size(), 0);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(external.size(), 0); // a change while we were away is no live event
        QCOMPARE(door.size(), 0);
        // The changed state reaches the file within the save delay.
        QTRY_COMPARE_WITH_TIMEOUT(memory.writes(), 1, 10000);
        QVERIFY(home.actions()->start(key, int(LockAction::Lock))); // confirmed: no longer held
    }

    void bridgeDownAtStartKeepsShowingWhatWasSeen()
    {
        auto sim = startSim(token);
        QVERIFY(sim);
        rememberOneRun(*sim);
        Home home;
        home.setPollInterval(60000);
        HomeMemory memory(&home, path);
        BridgeConfig c = configFor(*sim);
        c.port = deadPort();
        QVERIFY(c.port);
        QSignalSpy offline(&home, &Home::sourceOffline);
        addBridge(home, c, token);
        fast(home, c.id);
        QTRY_COMPARE_WITH_TIMEOUT(home.source(c.id)->link().status, LinkStatus::Offline, 10000);
        QCOMPARE(home.deviceCount(), 4);
        for (const DeviceKey &k : home.devices()) {
            QVERIFY(home.device(k)->remembered);
            QVERIFY(home.device(k)->stale);
            QVERIFY(!home.actions()->start(k, int(LockAction::Lock)));
        }
        QCOMPARE(home.actions()->running(), 0);
        memory.save(true);
        QCOMPARE(memory.writes(), 0); // nothing new was learned: the file stays as it was
    }

    void aDeviceTheBridgeNoLongerHasGoes()
    {
        auto sim = startSim(token);
        QVERIFY(sim);
        rememberOneRun(*sim);
        auto devices = sim->devices();
        const auto gone = devices.takeLast();
        sim->setDevices(devices);
        Home home;
        home.setPollInterval(60000);
        HomeMemory memory(&home, path);
        const BridgeConfig c = configFor(*sim);
        addBridge(home, c, QString());
        QVERIFY(home.device({gone.nukiId, gone.deviceType}));
        bridgeSource(home, c.id)->setToken(token);
        fast(home, c.id);
        QTRY_VERIFY_WITH_TIMEOUT(!home.device({gone.nukiId, gone.deviceType}), 10000);
        QCOMPARE(home.deviceCount(), 3);
        memory.save();
        QCOMPARE(memory.writes(), 1);
        QVERIFY(!read(path).contains(gone.name.toUtf8()));
    }

    void removingABridgeRemovesItsMemoryAtOnce()
    {
        auto a = startSim(token, QStringLiteral("127.0.0.1"));
        auto b = startSim(token, QStringLiteral("127.0.0.2"));
        QVERIFY(a && b);
        auto devicesB = b->devices();
        for (auto &d : devicesB)
            d.name = QStringLiteral("Garage ") + d.name;
        b->setDevices(devicesB);
        Home home;
        home.setPollInterval(60000);
        HomeMemory memory(&home, path);
        addBridge(home, configFor(*a, QStringLiteral("AAAA")), token);
        addBridge(home, configFor(*b, QStringLiteral("BBBB")), token);
        fast(home, QStringLiteral("AAAA"));
        fast(home, QStringLiteral("BBBB"));
        QTRY_COMPARE_WITH_TIMEOUT(home.deviceCount(), 8, 10000);
        memory.save();
        QVERIFY(read(path).contains("Garage "));
        home.removeSource(QStringLiteral("BBBB"));
        QVERIFY(!read(path).contains("Garage ")); // no waiting for the save delay
        QVERIFY(!read(path).contains("\"BBBB\""));
        QVERIFY(read(path).contains("\"AAAA\""));
    }

    void aRemovedBridgeAddedAgainStartsEmpty()
    {
        auto sim = startSim(token);
        QVERIFY(sim);
        rememberOneRun(*sim);
        Home home;
        HomeMemory memory(&home, path);
        const BridgeConfig c = configFor(*sim);
        addBridge(home, c, QString());
        QCOMPARE(home.deviceCount(), 4);
        home.removeSource(c.id);
        addBridge(home, c, QString());
        QCOMPARE(home.deviceCount(), 0); // removed means forgotten
    }

    void onlyKnownBridgesAreRestored()
    {
        write(path, memoryFile(entry(QStringLiteral("AAAA"), 11) + u',' +
                               entry(QStringLiteral("CCCC"), 12)));
        Home home;
        HomeMemory memory(&home, path);
        addBridge(home,
                  {QStringLiteral("AAAA"), QStringLiteral("A"), QStringLiteral("127.0.0.1"), 1},
                  QString());
        QCOMPARE(home.deviceCount(), 1);
        QCOMPARE(memory.remembered(), 1); // CCCC's device waits for its bridge
    }

    void corruptFileIsIgnoredThenReplaced_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("garbage") << QByteArray("\x00\xff{{{not json", 14);
        QTest::newRow("array") << QByteArray("[1,2,3]");
        QTest::newRow("other format") << QByteArray("{\"format\":\"x\",\"version\":1}");
        QTest::newRow("newer version")
            << QByteArray("{\"format\":\"nuki-desktop-home-memory\",\"version\":2,\"devices\":[]}");
        QTest::newRow("devices not a list")
            << QByteArray("{\"format\":\"nuki-desktop-home-memory\",\"version\":1,\"devices\":7}");
        QTest::newRow("truncated") << memoryFile(entry(QStringLiteral("AAAA"), 11)).left(90);
        QTest::newRow("deep nesting") << QByteArray(5000, '[');
    }
    void corruptFileIsIgnoredThenReplaced()
    {
        QFETCH(QByteArray, data);
        write(path, data);
        Home home;
        HomeMemory memory(&home, path);
        QVERIFY(!memory.warning().isEmpty());
        addBridge(home,
                  {QStringLiteral("AAAA"), QStringLiteral("A"), QStringLiteral("127.0.0.1"), 1},
                  QString());
        QCOMPARE(home.deviceCount(), 0);
        memory.save(); // a valid (empty) memory takes its place
        QList<DeviceRecord> back;
        QString error;
        QVERIFY(HomeMemory::readFile(path, &back, &error));
        QVERIFY(back.isEmpty());
    }

    void hugeFileIsRefusedUnread()
    {
        // Valid JSON and all, but above the bound: refused by its size alone.
        QString devices;
        for (int i = 1; devices.size() <= HomeMemory::MaxFileBytes; ++i)
            devices += (i > 1 ? QStringLiteral(",") : QString()) +
                       entry(QStringLiteral("AAAA"), quint32(i),
                             QStringLiteral("\"pad\":\"%1\",").arg(QString(400, u'x')));
        write(path, memoryFile(devices));
        QVERIFY(QFileInfo(path).size() > HomeMemory::MaxFileBytes);
        Home home;
        HomeMemory memory(&home, path);
        QVERIFY(memory.warning().contains(QStringLiteral("larger")));
        addBridge(home,
                  {QStringLiteral("AAAA"), QStringLiteral("A"), QStringLiteral("127.0.0.1"), 1},
                  QString());
        QCOMPARE(home.deviceCount(), 0);
    }

    void tooManyDevicesAreRefused()
    {
        QStringList devices;
        for (int i = 1; i <= HomeMemory::MaxDevices + 1; ++i)
            devices << QStringLiteral("{}");
        write(path, memoryFile(devices.join(u',')));
        QVERIFY(QFileInfo(path).size() < HomeMemory::MaxFileBytes);
        Home home;
        HomeMemory memory(&home, path);
        QVERIFY(memory.warning().contains(QStringLiteral("at most")));
    }

    void aFifoDoesNotBlockTheStart()
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        Home home;
        HomeMemory memory(&home, path); // would hang here if it opened the FIFO
        QVERIFY(memory.warning().contains(QStringLiteral("regular")));
    }

    void aLinkIsReplacedNotFollowed()
    {
        // Someone who can write the data folder plants a link to a file of the person's: the
        // memory is neither read from it nor written through it.
        const QString precious = dir->filePath(QStringLiteral("precious.txt"));
        write(precious, "precious user data");
        QDir().mkpath(QFileInfo(path).absolutePath());
        QVERIFY(QFile::link(precious, path));
        {
            Home home;
            HomeMemory memory(&home, path);
            QVERIFY(memory.warning().contains(QStringLiteral("link")));
            addBridge(home,
                      {QStringLiteral("AAAA"), QStringLiteral("A"), QStringLiteral("127.0.0.1"), 1},
                      QString());
            memory.save(true);
        }
        QFile f(precious);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("precious user data"));
        QVERIFY(!QFileInfo(path).isSymLink());
    }

    void untrustworthyEntriesAreSkipped()
    {
        const QStringList bad{
            entry(QStringLiteral("AAAA"), 0), // no nukiId 0
            entry(QStringLiteral("AAAA"), 20) // a kind as text
                .replace(QStringLiteral("\"deviceType\":4"),
                         QStringLiteral("\"deviceType\":\"4\"")),
            entry(QStringLiteral("AA/../AA"), 21), // not an id
            entry(QStringLiteral("AAAA"), 22)
                .replace(QStringLiteral("\"state\":1"), QStringLiteral("\"state\":1e9")),
            entry(QStringLiteral("AAAA"), 23)
                .replace(QStringLiteral("Door 23"), QString(300, u'n')),
            entry(QStringLiteral("AAAA"), 24)
                .replace(QStringLiteral("\"known\":true"), QStringLiteral("\"known\":\"yes\"")),
            entry(QStringLiteral("AAAA"), 25) + u',' + entry(QStringLiteral("AAAA"), 25), // twice
        };
        write(path, memoryFile(bad.join(u',')));
        QList<DeviceRecord> back;
        QString error;
        QVERIFY(HomeMemory::readFile(path, &back, &error));
        QCOMPARE(back.size(), 1); // only the first 25
        QCOMPARE(back[0].key.nukiId, 25u);
        QVERIFY(error.contains(QStringLiteral("7 unusable")));
    }

    void aTimeInTheFutureIsNotJustNow()
    {
        write(path,
              memoryFile(entry(QStringLiteral("AAAA"), 11)
                             .replace(QStringLiteral("2026-01-01"), QStringLiteral("2999-01-01"))));
        QList<DeviceRecord> back;
        QString error;
        QVERIFY(HomeMemory::readFile(path, &back, &error));
        QCOMPARE(back.size(), 1);
        QVERIFY(!back[0].lastUpdate.isValid());
    }

    void tokenLikeFieldsAreNeitherReadNorWritten()
    {
        const QString secret = QStringLiteral("tok-SECRET-1234");
        write(
            path,
            memoryFile(
                entry(QStringLiteral("AAAA"), 11, QStringLiteral("\"token\":\"%1\",").arg(secret)),
                QStringLiteral("\"token\":\"%1\",\"bridges\":[{\"token\":\"%1\"}],").arg(secret)));
        Home home;
        HomeMemory memory(&home, path);
        QVERIFY2(memory.warning().isEmpty(), qPrintable(memory.warning()));
        addBridge(home,
                  {QStringLiteral("AAAA"), QStringLiteral("A"), QStringLiteral("127.0.0.1"), 1},
                  QString());
        QCOMPARE(home.deviceCount(), 1);
        memory.save();
        QCOMPARE(memory.writes(), 0); // what it would hold is what it holds
        memory.save(true); // on quit: the file is not as this app writes it, so it is rewritten
        QCOMPARE(memory.writes(), 1);
        const QByteArray written = read(path);
        QVERIFY(written.contains("Door 11"));
        QVERIFY(!written.contains(secret.toUtf8()));
        QVERIFY(!written.contains(token.toUtf8()));
        QVERIFY(!written.toLower().contains("token"));
    }

    void anUnwritableFolderOnlyWarns()
    {
        path = QStringLiteral("/proc/nuki-memory-test/home-memory.json");
        Home home;
        HomeMemory memory(&home, path);
        addBridge(home,
                  {QStringLiteral("AAAA"), QStringLiteral("A"), QStringLiteral("127.0.0.1"), 1},
                  QString());
        DeviceRecord r;
        r.key = {5, 4};
        r.sourceId = QStringLiteral("AAAA");
        home.restore(QStringLiteral("AAAA"), {r});
        memory.save();
        QCOMPARE(memory.writes(), 0);
        QVERIFY(!memory.warning().isEmpty());
    }

    void pathIsPerSettingsFileInTheDataFolder()
    {
        const QString a = HomeMemory::pathFor(QStringLiteral("/tmp/a/settings.ini"));
        QCOMPARE(a, HomeMemory::pathFor(QStringLiteral("/tmp/a/settings.ini")));
        QVERIFY(a != HomeMemory::pathFor(QStringLiteral("/tmp/b/settings.ini")));
        QVERIFY(a.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    }
};

QTEST_GUILESS_MAIN(TestHomeMemory)
#include "tst_homememory.moc"
