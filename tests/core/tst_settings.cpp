// Typed settings and the real keychain (gnome-keyring in the test's D-Bus session).
#include "SecretStore.h"
#include "Settings.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace nuki;

class TestSettings : public QObject
{
    Q_OBJECT
private slots:
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
        QVERIFY(!s.notify(QStringLiteral("door")));
        QVERIFY(s.notify(QStringLiteral("ring")));
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

    void tokenLivesInTheKeychainOnly()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("needs a D-Bus session with a keyring: run through scripts/test.sh");
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
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
