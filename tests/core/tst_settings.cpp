// Typed settings and the real keychain (gnome-keyring in the test's D-Bus session).
#include "automation/AutomationTypes.h"
#include "store/SecretStore.h"
#include "store/Settings.h"

#include <QFile>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace nuki;

class TestSettings : public QObject
{
    Q_OBJECT
private slots:
    void brokersAreKeptWithoutTheirPasswords()
    {
        QTemporaryDir dir;
        Settings s(dir.filePath(QStringLiteral("b.ini")));
        BrokerConfig b;
        b.id = BrokerConfig::idFor(QStringLiteral("127.0.0.1"), 1883);
        b.name = QStringLiteral("Home broker");
        b.host = QStringLiteral("127.0.0.1");
        b.username = QStringLiteral("desk");
        s.upsertBroker(b);
        b.name = QStringLiteral("Renamed");
        s.upsertBroker(b); // the same id: replaced, not added
        QCOMPARE(s.brokers().size(), 1);
        QCOMPARE(s.brokers().first().name, QStringLiteral("Renamed"));
        QCOMPARE(s.brokers().first().port, 1883);
        QVERIFY(s.brokers().first().ignoredLocks.isEmpty());
        // Locks left out in the set-up assistant are kept by id (a leading zero nibble too).
        b.ignoredLocks = {0x0ABCDEF1, 0x2BB28570};
        s.upsertBroker(b);
        QCOMPARE(s.brokers().first().ignoredLocks, (QList<quint32>{0x0ABCDEF1, 0x2BB28570}));
        // A hand-edited id that is a path id that is a path is not a broker (it names a keychain
        // entry).
        BrokerConfig hostile = b;
        hostile.id = QStringLiteral("../../x");
        s.upsertBroker(hostile);
        QCOMPARE(s.brokers().size(), 1);
        s.removeBroker(b.id);
        QVERIFY(s.brokers().isEmpty());
        s.sync();
        QFile f(s.fileName());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("password"));
    }

    void defaultsAndBounds()
    {
        QTemporaryDir dir;
        Settings s(dir.filePath(QStringLiteral("s.ini")));
        QCOMPARE(s.pollIntervalSeconds(), 15);
        s.setPollIntervalSeconds(0);
        QCOMPARE(s.pollIntervalSeconds(), 2);
        s.setPollIntervalSeconds(99999);
        QCOMPARE(s.pollIntervalSeconds(), 3600);
        QVERIFY(s.confirmOpen());
        QVERIFY(!s.notify(NotifyKind::Door));
        QVERIFY(s.notify(NotifyKind::Ring));
        QCOMPARE(s.notifications(), NotifyKinds(0x7f) & ~NotifyKinds(NotifyKind::Door));
        BridgeConfig b{QStringLiteral("1A2B"), QStringLiteral("Home"), QStringLiteral("127.0.0.2"),
                       8080, TokenMode::Encrypted};
        s.upsertBridge(b);
        b.name = QStringLiteral("Renamed");
        s.upsertBridge(b);
        QCOMPARE(s.bridges().size(), 1);
        QCOMPARE(s.bridges().first().name, QStringLiteral("Renamed"));
        QCOMPARE(s.bridges().first().tokenMode, TokenMode::Encrypted);
        s.sync();
        QCOMPARE(QFile::permissions(s.fileName()) & (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions());
        s.removeBridge(QStringLiteral("1A2B"));
        QCOMPARE(s.bridges().size(), 0);
    }

    void hostileBridgeEntriesAreDropped()
    {
        // A hand-edited file: an id that is a path would make the token file any file (read
        // and sent as the token, deleted on removal); a huge array size would hang the start.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.ini"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[bridges]\n1\\id=../../../../secret.txt\n1\\host=127.0.0.3\n"
                "2\\id=A1B2\n2\\host=127.0.0.2\n3\\id=..\n3\\host=127.0.0.4\n"
                "size=2147483647\n");
        f.close();
        Settings s(path);
        const QList<BridgeConfig> list = s.bridges(); // returns at once: at most MaxBridges read
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().id, QStringLiteral("A1B2"));
        QVERIFY(SecretStore::tokenFilePath(QStringLiteral("../../../../secret.txt")).isEmpty());
        QVERIFY(SecretStore::readTokenFile(QStringLiteral("../x")).isEmpty());
        QVERIFY(!Settings::isBridgeId(QStringLiteral("a/b")));
        QVERIFY(!Settings::isBridgeId(QString()));
        QVERIFY(Settings::isBridgeId(QStringLiteral("3C8862ED")));
    }

    void registryIsOneTable()
    {
        // One row per key, in the order of the enum, each with a file name of its own.
        QSet<QString> names;
        for (int i = 0; i < Settings::registry().size(); ++i) {
            const Settings::Spec &spec = Settings::registry().at(i);
            QCOMPARE(int(spec.key), i);
            QVERIFY(spec.fallback.isValid());
            names << QLatin1StringView(spec.name);
        }
        QCOMPARE(names.size(), Settings::registry().size());
        QCOMPARE(Settings::registry().size(), int(Settings::Key::HistoryDays) + 1);
    }

    void changeSignalOnlyOnRealChanges()
    {
        QTemporaryDir dir;
        Settings s(dir.filePath(QStringLiteral("s.ini")));
        QSignalSpy spy(&s, &Settings::changed);
        s.setConfirmOpen(true); // the default: nothing changes
        QCOMPARE(spy.count(), 0);
        s.setConfirmOpen(false);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.takeFirst().at(0).value<Settings::Key>(), Settings::Key::ConfirmOpen);
        s.setNotify(NotifyKind::Door, true);
        QCOMPARE(spy.takeFirst().at(0).value<Settings::Key>(), Settings::Key::NotifyDoor);
        s.setPollIntervalSeconds(99999);
        s.setPollIntervalSeconds(4000); // bounded to the same 3600: no second signal
        QCOMPARE(spy.count(), 1);
    }

    void hostileFileFallsBackToDefaults()
    {
        // A hand-edited or damaged file: wrong types and out-of-range numbers read as defaults
        // or bounded values, never as garbage.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.ini"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[poll]\nintervalSeconds=often\n[push]\nport=99999999\n"
                "[actions]\nconfirmOpen=@Variant(garbage)\n");
        f.close();
        Settings s(path);
        QCOMPARE(s.pollIntervalSeconds(), Settings::DefaultPollSeconds);
        QCOMPARE(s.pushPort(), quint16(65535));
        QVERIFY(s.confirmOpen());
    }

    void tokenLivesInTheKeychainOnly()
    {
        // Fails, not skips, without the session: a broken CI desktop must not pass.
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "needs a D-Bus session with a keyring: run through scripts/with-desktop.sh");
        const QString token =
            QStringLiteral("keychain-token-%1").arg(QCoreApplication::applicationPid());
        SecretStore store;
        store.setService(QStringLiteral("nuki-desktop-test"));
        bool done = false, ok = false;
        QString error, read;
        store.write(QStringLiteral("BRIDGE1"), token, [&](bool o, const QString &e) {
            ok = o;
            error = e;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 15000);
        QVERIFY2(ok, qPrintable(error));
        done = false;
        store.read(QStringLiteral("BRIDGE1"), [&](bool o, const QString &t, const QString &e) {
            ok = o;
            read = t;
            error = e;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 15000);
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(read, token);
        done = false;
        store.remove(QStringLiteral("BRIDGE1"), [&](bool o, const QString &) {
            ok = o;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 15000);
        QVERIFY(ok);
        done = false;
        store.read(QStringLiteral("BRIDGE1"), [&](bool o, const QString &, const QString &e) {
            ok = o;
            error = e;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 15000);
        QVERIFY(!ok);
        QCOMPARE(error, QStringLiteral("No token is stored for this bridge."));
    }
    // The automations as a hostile or clumsy hand leaves them in the file: junk is dropped, a
    // delay that is no number gets the default (never "at once"), a bounded count. (An
    // Opener's rule is read; the engine refuses it, tst_automation_engine.)
    void automationRulesFromAHostileFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.ini"));
        {
            QSettings raw(path, QSettings::IniFormat);
            raw.beginWriteArray(QStringLiteral("automations"), 7);
            const QList<QStringList> rows{{"screen-lock", "4/1001", "1e9"},
                                          {"screen-lock", "0/1002", "true"},
                                          {"sleep", "2/1003", "0"},
                                          {"nonsense", "0/1004", "5"},
                                          {"screen-lock", "0/0", "5"},
                                          {"screen-lock", "3/1005", "-20"},
                                          {"screen-lock", "4/1006", "999999999"}};
            for (int i = 0; i < rows.size(); ++i) {
                raw.setArrayIndex(i);
                raw.setValue(QStringLiteral("trigger"), rows[i][0]);
                raw.setValue(QStringLiteral("device"), rows[i][1]);
                raw.setValue(QStringLiteral("after"), rows[i][2]);
            }
            raw.endArray();
        }
        Settings s(path);
        const QList<automation::Rule> rules = s.automationRules();
        QCOMPARE(rules.size(), 5); // the unknown trigger and the id 0 are dropped
        QCOMPARE(rules[0].afterSeconds,
                 automation::defaultAfterSeconds(automation::Trigger::ScreenLock));
        QCOMPARE(rules[1].afterSeconds,
                 automation::defaultAfterSeconds(automation::Trigger::ScreenLock));
        QCOMPARE(rules[3].afterSeconds,
                 automation::defaultAfterSeconds(automation::Trigger::ScreenLock)); // -20: junk too
        QCOMPARE(rules[4].afterSeconds, automation::MaxAfterSeconds);               // at most a day
        // Writing keeps no more than can be read back.
        QList<automation::Rule> many;
        for (quint32 i = 1; i <= 500; ++i)
            many << automation::Rule{automation::Trigger::ScreenLock, DeviceKey{i, 0}, 10};
        s.setAutomationRules(many);
        s.sync();
        QCOMPARE(Settings(path).automationRules().size(), Settings::MaxAutomationRules);
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
