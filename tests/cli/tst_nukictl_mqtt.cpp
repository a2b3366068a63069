// nukictl --broker against a real mosquitto and a Wi-Fi lock written independently of the
// core (nukisim's SimWifiLock): the lock's states, exactly one command per action (QoS 2, not
// retained, with an expiry), busy, "allow locking" off, the last will, a wrong password, and
// the password never in an argument list.
#include "MosquittoBroker.h"
#include "RawMqtt.h"
#include "SimWifiLock.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace nukisim;

namespace {
const QString Password = QStringLiteral("lock-pass-4f2a");
const QString DeskPassword = QStringLiteral("desk-pass-77c1");
constexpr int BrokerSourceOutcomeMs = 10000; // well before BrokerSource::OutcomeTimeoutMs (30 s)
} // namespace

class TestNukictlMqtt : public QObject
{
    Q_OBJECT

    struct Run
    {
        int code = -1;
        QByteArray out, err;
    };
    QTemporaryDir dir;
    std::unique_ptr<MosquittoBroker> broker;
    std::unique_ptr<SimWifiLock> lock;
    QList<QPair<QString, QByteArray>> commands; // what reached the lock, with qos/retain
    QList<bool> retained;
    QList<int> qos;

    WifiLockConfig lockConfig() const
    {
        WifiLockConfig c;
        c.name = QStringLiteral("Garden door");
        c.port = broker->port();
        c.username = QStringLiteral("garden");
        c.password = Password;
        c.unlockMs = c.lockMs = c.unlatchMs = 400;
        return c;
    }
    void startLock(const WifiLockConfig &c)
    {
        lock = std::make_unique<SimWifiLock>(c);
        connect(lock.get(), &SimWifiLock::commandReceived, this,
                [this](const QString &topic, const QByteArray &payload, int q, bool r) {
                    commands << qMakePair(topic, payload);
                    qos << q;
                    retained << r;
                });
        QSignalSpy connected(lock.get(), &SimWifiLock::connected);
        QVERIFY(lock->start());
        QVERIFY(connected.wait(5000));
    }
    // nukictl while this process keeps the lock's state machine turning.
    Run run(QStringList args, const QString &password = DeskPassword, int timeoutMs = 20000)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NUKI_MQTT_PASSWORD"), password);
        p.setProcessEnvironment(env);
        args =
            QStringList{
                QStringLiteral("--config"),    dir.filePath(QStringLiteral("cli.ini")),
                QStringLiteral("--broker"),    QStringLiteral("127.0.0.1:%1").arg(broker->port()),
                QStringLiteral("--mqtt-user"), QStringLiteral("desk")} +
            args;
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(qEnvironmentVariable("NUKICTL"), args);
        QSignalSpy finished(&p, &QProcess::finished);
        if (p.waitForStarted(5000)) {
            // The password is in the environment only, never among the arguments.
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(p.processId()));
            if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(password.toUtf8()))
                return Run{-100, {}, "password in the arguments"};
        }
        if (!finished.wait(timeoutMs))
            p.kill();
        Run r{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
        if (r.out.contains(password.toUtf8()) || r.err.contains(password.toUtf8()))
            r.code = -101;
        return r;
    }
    // nukictl on the configured sources only (no --broker).
    Run runConfigured(const QStringList &args)
    {
        QProcess p;
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(qEnvironmentVariable("NUKICTL"),
                QStringList{QStringLiteral("--config"), dir.filePath(QStringLiteral("cli.ini"))} +
                    args);
        QSignalSpy finished(&p, &QProcess::finished);
        if (!finished.wait(20000))
            p.kill();
        return Run{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }
    // nukictl --broker … started in the background.
    std::unique_ptr<QProcess> start(const QStringList &args)
    {
        auto p = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NUKI_MQTT_PASSWORD"), DeskPassword);
        p->setProcessEnvironment(env);
        p->setStandardInputFile(QProcess::nullDevice());
        p->start(qEnvironmentVariable("NUKICTL"),
                 QStringList{QStringLiteral("--config"), dir.filePath(QStringLiteral("cli.ini")),
                             QStringLiteral("--broker"),
                             QStringLiteral("127.0.0.1:%1").arg(broker->port()),
                             QStringLiteral("--mqtt-user"), QStringLiteral("desk")} +
                     args);
        return p;
    }
    // A lock that moves for 4 s, and `nukictl unlock` started on it in the background; back
    // once the lock is unlocking for it (the command was taken).
    std::unique_ptr<QProcess> unlockWhileItMovesSlowly()
    {
        WifiLockConfig c = lockConfig();
        c.unlockMs = c.lockMs = 4000;
        startLock(c);
        auto p = start({QStringLiteral("unlock"), QStringLiteral("garden")});
        if (!QTest::qWaitFor([&] { return lock->state() == 2; }, 10000))
            return nullptr;
        return p;
    }
    int lockActions() const
    {
        int n = 0;
        for (const auto &c : commands)
            n += c.first.endsWith(QLatin1String("/lockAction"));
        return n;
    }

private slots:
    void init()
    {
        broker = std::make_unique<MosquittoBroker>();
        // A user per lock that alone writes its state; the desk reads and sends commands.
        const QString id = lockConfig().idHex();
        broker->users = {
            {QStringLiteral("garden"),
             Password,
             {QStringLiteral("topic readwrite nuki/%1/#").arg(id),
              QStringLiteral("topic write homeassistant/#")}},
            {QStringLiteral("desk"),
             DeskPassword,
             {QStringLiteral("topic read nuki/#"), QStringLiteral("topic read homeassistant/#"),
              QStringLiteral("topic write nuki/+/lockAction")}}};
        QVERIFY2(broker->start(), qPrintable(broker->output()));
        commands.clear();
        qos.clear();
        retained.clear();
    }
    void cleanup()
    {
        lock.reset();
        broker.reset(); // stopped by its PID
    }

    void listShowsTheLockWithItsState()
    {
        startLock(lockConfig());
        const Run r = run({QStringLiteral("--json"), QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0)[u"name"].toString(), QStringLiteral("Garden door"));
        QCOMPARE(list.at(0)[u"state"].toInt(), 1);
        QCOMPARE(list.at(0)[u"battery"].toInt(), 80);
    }

    void unlockAndLockAreOneCommandEachAndEndInTheState()
    {
        startLock(lockConfig());
        Run r = run({QStringLiteral("unlock"), QStringLiteral("garden")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(lock->state(), 3);
        QCOMPARE(lockActions(), 1);
        QCOMPARE(commands.last().second, QByteArray("1"));
        QCOMPARE(qos.last(), 2);
        QVERIFY(!retained.last());
        r = run({QStringLiteral("--json"), QStringLiteral("lock"), QStringLiteral("garden")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object()[u"outcome"].toString(),
                 QStringLiteral("done"));
        QCOMPARE(lock->state(), 1);
        QCOMPARE(lockActions(), 2);
    }

    void fullLockOnlyThroughABroker()
    {
        startLock(lockConfig());
        const Run r = run({QStringLiteral("full-lock"), QStringLiteral("garden")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(commands.last().second, QByteArray("6"));
    }

    void busyExitsSixAfterExactlyOneCommand()
    {
        WifiLockConfig c = lockConfig();
        c.unlockMs = c.lockMs = 4000;
        startLock(c);
        QVERIFY(lock->turnByHand(3)); // someone turns it: it moves for a while
        const Run r = run({QStringLiteral("unlock"), QStringLiteral("garden")});
        QCOMPARE(r.code, 6);
        QVERIFY(r.err.contains("by hand"));
        QCOMPARE(lockActions(), 1);
    }

    void allowLockingOffExitsEightWithTheHint()
    {
        WifiLockConfig c = lockConfig();
        c.allowLocking = false;
        startLock(c);
        const Run r = run({QStringLiteral("unlock"), QStringLiteral("garden")});
        QCOMPARE(r.code, 8);
        QVERIFY2(r.err.contains("Allow locking"), r.err.constData());
        QCOMPARE(lock->state(), 1); // nothing happened
    }

    void theLastWillMakesItUnreachable()
    {
        // A lock that vanishes without a goodbye (power cut): nuki-lock-sim killed outright,
        // so the broker publishes its will, connected=false.
        QProcess sim;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NUKI_MQTT_PASSWORD"), Password);
        sim.setProcessEnvironment(env);
        sim.setProcessChannelMode(QProcess::MergedChannels);
        sim.start(qEnvironmentVariable("NUKI_LOCK_SIM"),
                  {QStringLiteral("--broker"), QStringLiteral("127.0.0.1:%1").arg(broker->port()),
                   QStringLiteral("--user"), QStringLiteral("garden"), QStringLiteral("--id"),
                   lockConfig().idHex(), QStringLiteral("--name"), QStringLiteral("Garden door")});
        QVERIFY(sim.waitForStarted(5000));
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += sim.readAll()).contains("connected"), 5000);
        QCOMPARE(run({QStringLiteral("--json"), QStringLiteral("list")}).code, 0);
        sim.kill(); // by its PID, SIGKILL: no DISCONNECT
        QVERIFY(sim.waitForFinished(5000));
        Run r;
        // The broker notices the closed socket at once; the will is retained from then on.
        QTRY_VERIFY_WITH_TIMEOUT(
            (r = run({QStringLiteral("unlock"), QStringLiteral("garden")}, DeskPassword, 10000))
                    .code == 4,
            15000);
        QVERIFY2(r.err.contains("not connected"), r.err.constData());
        // Said as what it is, with what it last said: not "unknown", not a state of now.
        r = run({QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("not connected (last seen Locked, "), r.out.constData());
        r = run({QStringLiteral("--json"), QStringLiteral("list")});
        const QJsonObject o = QJsonDocument::fromJson(r.out).array().at(0).toObject();
        QCOMPARE(o[u"reachable"].toBool(true), false);
        QCOMPARE(o[u"state"].toInt(), 1);
        QCOMPARE(o[u"stateText"].toString(), QStringLiteral("Locked"));
        QVERIFY2(QDateTime::fromString(o[u"lastSeen"].toString(), Qt::ISODate).isValid(),
                 r.out.constData());
    }

    void aReplyToAnotherClientIsNotOurs()
    {
        // Two clients on one lock: our unlock is taken and the lock moves for 4 s; someone
        // else's lock half a second in is refused as busy. That refusal is theirs: the first
        // exits 0, only the second exits 6.
        auto first = unlockWhileItMovesSlowly();
        QVERIFY(first); // unlocking, for us
        QSignalSpy firstDone(first.get(), &QProcess::finished);
        const Run second = run({QStringLiteral("lock"), QStringLiteral("garden")});
        QVERIFY2(second.code == 6, second.err.constData());
        QVERIFY(firstDone.count() == 1 || firstDone.wait(20000));
        QVERIFY2(first->exitCode() == 0, first->readAllStandardError().constData());
        QCOMPARE(lock->state(), 3);
        QCOMPARE(lockActions(), 2); // one each, nothing repeated
    }

    void aBrokerRestartedDuringTheCommandIsTheBrokers()
    {
        // The broker goes away while the lock moves for us: the outcome is unknown (exit 8,
        // "check the door"), and the reason names the broker, not the lock.
        auto first = unlockWhileItMovesSlowly();
        QVERIFY(first); // taken: unlocking
        QSignalSpy done(first.get(), &QProcess::finished);
        QVERIFY2(broker->restart(), qPrintable(broker->output()));
        QVERIFY(done.count() == 1 || done.wait(20000));
        const QByteArray err = first->readAllStandardError();
        QVERIFY2(first->exitCode() == 8, err.constData());
        QVERIFY2(err.contains("check the door"), err.constData());
        QVERIFY2(err.contains("connection to the broker"), err.constData());
        QVERIFY2(!err.contains("The lock left"), err.constData());
    }

    void aStrangersCommandFirstMakesOursBusyNotUnknown()
    {
        // Someone else (Home Assistant) unlocks; the lock moves for 4 s. Our lock meanwhile is
        // refused as busy: nothing was done by us, exit 6 at once — not "outcome unknown"
        // 30 s later because the lock moved (the other way) after we sent it.
        WifiLockConfig c = lockConfig();
        c.unlockMs = c.lockMs = 4000;
        startLock(c);
        RawMqtt stranger(QStringLiteral("home-assistant"), broker->port(), QStringLiteral("desk"),
                         DeskPassword);
        QVERIFY(stranger.connect());
        QVERIFY(stranger.publish(QStringLiteral("nuki/%1/lockAction").arg(c.idHex()), "1", 2));
        QTRY_VERIFY_WITH_TIMEOUT(lock->state() == 2, 10000); // unlocking, for the stranger
        QElapsedTimer t;
        t.start();
        const Run ours = run({QStringLiteral("lock"), QStringLiteral("garden")});
        QVERIFY2(ours.code == 6, ours.err.constData());
        QVERIFY(t.elapsed() < BrokerSourceOutcomeMs);
        QTRY_COMPARE_WITH_TIMEOUT(lock->state(), 3, 10000); // the stranger's unlock, done
    }

    void aNameFromTheLockIsTextInTheList()
    {
        // U+202E turns the rest of a line around, U+2066 isolates it: neither reaches the text
        // output; JSON keeps the name exact.
        WifiLockConfig c = lockConfig();
        c.name = QStringLiteral("Garden \u202Ekcol\u2066 door");
        startLock(c);
        Run r = run({QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        QVERIFY2(!r.out.contains("\xE2\x80\xAE") && !r.out.contains("\xE2\x81\xA6"),
                 r.out.constData());
        QVERIFY(r.out.contains("Garden  kcol  door"));
        r = run({QStringLiteral("--json"), QStringLiteral("list")});
        QCOMPARE(QJsonDocument::fromJson(r.out).array().at(0)[u"name"].toString(), c.name);
    }

    void aHomeOfBrokersOnlyIsNoMissingBridge()
    {
        startLock(lockConfig());
        QCOMPARE(run({QStringLiteral("add-broker"), QStringLiteral("--name"),
                      QStringLiteral("Garden broker")})
                     .code,
                 0);
        for (const QString &command : {QStringLiteral("bridges"), QStringLiteral("info")}) {
            const Run r = runConfigured({command});
            QVERIFY2(r.code == 2, qPrintable(command + u' ' + QString::fromUtf8(r.err)));
            QVERIFY2(r.err.contains("only 1 MQTT broker: \xE2\x80\x9CGarden broker\xE2\x80\x9D"),
                     r.err.constData());
        }
        // Its locks are where the message says.
        const Run r = runConfigured({QStringLiteral("list")});
        QVERIFY2(r.out.contains("Garden door"), r.err.constData());
    }

    void aWrongPasswordExitsFive()
    {
        startLock(lockConfig());
        const Run r = run({QStringLiteral("list")}, QStringLiteral("wrong"));
        QCOMPARE(r.code, 5);
        QVERIFY2(r.err.contains("password"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestNukictlMqtt)
#include "tst_nukictl_mqtt.moc"
