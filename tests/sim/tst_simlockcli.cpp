// nuki-lock-sim as a process against a real mosquitto: it comes up, obeys, says goodbye on
// SIGTERM (connected=false before DISCONNECT), refuses non-loopback brokers, and takes its
// password from the environment only. Every process is stopped by its PID.
#include "WifiLockTestUtil.h"

#include <QProcess>
#include <signal.h>

class TestSimLockCli : public WifiLockTest
{
    Q_OBJECT

    static QString binary() { return QStringLiteral(NUKI_LOCK_SIM); }
    static void stop(QProcess &p)
    {
        if (p.state() == QProcess::NotRunning)
            return;
        p.kill();
        p.waitForFinished(5000);
    }

private slots:
    WIFI_LOCK_TEST_FIXTURE

    void helpDocumentsEveryOption()
    {
        QProcess p;
        p.start(binary(), {QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(10000));
        const QString help = QString::fromUtf8(p.readAllStandardOutput());
        for (const char *option :
             {"--broker", "--allow-lan", "--user", "--id", "--name", "--no-allow-locking",
              "--no-discovery", "--order", "--motion-ms", "--busy-code", "NUKI_MQTT_PASSWORD"})
            QVERIFY2(help.contains(QLatin1String(option)), option);
    }

    void refusesNonLoopbackBrokers_data()
    {
        QTest::addColumn<QStringList>("args");
        // Nothing is reached: the address is refused before any connection is tried.
        QTest::newRow("public") << QStringList{"--broker", "192.0.2.10:1883"};
        QTest::newRow("lan without --allow-lan") << QStringList{"--broker", "192.168.1.5"};
        QTest::newRow("public with --allow-lan")
            << QStringList{"--broker", "198.51.100.7", "--allow-lan"};
        QTest::newRow("bad port") << QStringList{"--broker", "127.0.0.1:99999"};
        QTest::newRow("bad order") << QStringList{"--order", "sideways"};
    }
    void refusesNonLoopbackBrokers()
    {
        QFETCH(QStringList, args);
        QProcess p;
        p.start(binary(), args);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(!p.readAllStandardError().isEmpty());
    }

    void runsAndSaysGoodbyeOnSigterm()
    {
        const QString password = QStringLiteral("only-in-the-environment");
        m_broker->users = {{QStringLiteral("lock"),
                            password,
                            {QStringLiteral("topic readwrite nuki/#"),
                             QStringLiteral("topic readwrite homeassistant/#")}},
                           {QStringLiteral("desk"),
                            QStringLiteral("desk-pass"),
                            {QStringLiteral("topic readwrite nuki/#")}}};
        QVERIFY2(m_broker->restart(), qPrintable(m_broker->output()));
        MqttProbe probe;
        QVERIFY(probe.connectTo(m_broker->port(), "desk", "desk-pass"));
        QVERIFY(probe.subscribe("nuki/#"));

        QProcess sim;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NUKI_MQTT_PASSWORD"), password);
        sim.setProcessEnvironment(env);
        sim.start(binary(),
                  {QStringLiteral("--broker"), QStringLiteral("127.0.0.1:%1").arg(m_broker->port()),
                   QStringLiteral("--user"), QStringLiteral("lock"), QStringLiteral("--id"),
                   QStringLiteral("abcdef1"), QStringLiteral("--motion-ms"),
                   QStringLiteral("100")});
        QVERIFY(sim.waitForStarted(5000));
        QTRY_COMPARE_WITH_TIMEOUT(probe.last(t("connected")), QByteArray("true"), 10000);
        // The password is in no argument list.
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(sim.processId()));
        QVERIFY(cmdline.open(QIODevice::ReadOnly));
        QVERIFY(!cmdline.readAll().contains(password.toUtf8()));

        QVERIFY(probe.publish("nuki/0ABCDEF1/lockAction", "1"));
        QTRY_COMPARE(probe.payloads(t("commandResponse")), QByteArrayList{"0"});
        QTRY_COMPARE(probe.last(t("state")), QByteArray("3"));

        ::kill(pid_t(sim.processId()), SIGTERM);
        QVERIFY(sim.waitForFinished(10000));
        QCOMPARE(sim.exitStatus(), QProcess::NormalExit);
        QCOMPARE(sim.exitCode(), 0);
        QTRY_COMPARE(probe.last(t("connected")), QByteArray("false"));
        const QByteArray output = sim.readAllStandardOutput() + sim.readAllStandardError();
        QVERIFY(!output.contains(password.toUtf8()));
        stop(sim);
    }
};

QTEST_GUILESS_MAIN(TestSimLockCli)
#include "tst_simlockcli.moc"
