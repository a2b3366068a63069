// nukictl as a separate process against the simulated bridge over loopback.
#include "SimBridge.h"
#include "SimCallbacks.h"
#include "SimFixtures.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <sys/stat.h>

using nukisim::SimBridge;

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

class TestNukictl : public QObject
{
    Q_OBJECT
    const QString token = QStringLiteral("cli-secret-token-9");
    QTemporaryDir dir;
    std::unique_ptr<SimBridge> sim;

    Run run(QStringList args, const QString &tokenValue = {}, int timeoutMs = 30000)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NUKI_TOKEN"), tokenValue.isEmpty() ? token : tokenValue);
        p.setProcessEnvironment(env);
        args.prepend(dir.filePath(QStringLiteral("cli.ini")));
        args.prepend(QStringLiteral("--config"));
        p.setStandardInputFile(QProcess::nullDevice()); // no terminal
        p.start(qEnvironmentVariable("NUKICTL"), args);
        // The simulator lives in this process: keep its event loop turning while we wait.
        QSignalSpy finished(&p, &QProcess::finished);
        if (!finished.wait(timeoutMs))
            p.kill();
        Run r{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
        // The token never shows up in what the tool prints.
        if (r.out.contains(token.toUtf8()) || r.err.contains(token.toUtf8()))
            r.code = -100;
        return r;
    }
    QStringList host() const
    {
        return {QStringLiteral("--host"), QStringLiteral("127.0.0.1:%1").arg(sim->port())};
    }

    // A watch running in the background; its output is collected while the test waits.
    struct Watch
    {
        QProcess p;
        QByteArray out;
        QList<QJsonObject> lines()
        {
            out += p.readAllStandardOutput();
            QList<QJsonObject> all;
            for (const QByteArray &l : out.split('\n'))
                if (!l.trimmed().isEmpty())
                    all << QJsonDocument::fromJson(l).object();
            return all;
        }
        QString mode()
        {
            QString m;
            for (const QJsonObject &o : lines())
                if (o[u"event"].toString() == u"mode")
                    m = o[u"mode"].toString();
            return m;
        }
    };
    bool startWatch(Watch &w, const QStringList &args)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NUKI_TOKEN"), token);
        w.p.setProcessEnvironment(env);
        w.p.setStandardInputFile(QProcess::nullDevice());
        w.p.start(qEnvironmentVariable("NUKICTL"),
                  QStringList{QStringLiteral("--config"), dir.filePath(QStringLiteral("cli.ini"))}
                      << host() << QStringLiteral("--json") << args << QStringLiteral("watch"));
        return w.p.waitForStarted();
    }
    QStringList watchEntries() const
    {
        QStringList found;
        for (const QString &u : sim->callbacks()->urls())
            if (u.contains(QStringLiteral("/nukictl-watch/")))
                found << u;
        return found;
    }
    // What the app registered (its own path): a watch must leave it alone.
    const QString appEntry = QStringLiteral("http://127.0.0.1:9/nuki-desktop/00112233445566778899");

private slots:
    void init()
    {
        sim = std::make_unique<SimBridge>(fastSimConfig());
        sim->setToken(token);
        QVERIFY(sim->listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
    }

    void listJson()
    {
        const Run r = run(host() << QStringLiteral("--json") << QStringLiteral("list"));
        QCOMPARE(r.code, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(list.size(), 4);
        QCOMPARE(list[0][u"name"].toString(), QStringLiteral("Front door"));
        QCOMPARE(list[0][u"stateText"].toString(), QStringLiteral("Locked"));
        QCOMPARE(list[0][u"door"].toString(), QStringLiteral("Door closed"));
        QCOMPARE(list[2][u"kind"].toString(), QStringLiteral("Opener"));
        for (const auto &e : sim->requestLog())
            QCOMPARE(e.authForm, QStringLiteral("encrypted")); // never the plain token
    }

    // automations set: switched on again, what was chosen stays (the full lock, the delay
    // unless given); an Opener gets no automation at all, not even a reminder.
    void automationsSetKeepsWhatWasChosenAndRefusesAnOpener()
    {
        const QString file = dir.filePath(QStringLiteral("cli.ini"));
        QFile::remove(file);
        const QStringList set{"automations", "set"};
        Run r = run(host() << set << "screen-lock"
                           << "Back door"
                           << "on"
                           << "--after"
                           << "30");
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.err.contains("locked out")); // the risk, said where it is switched on
        {
            QSettings raw(file, QSettings::IniFormat);
            QCOMPARE(raw.beginReadArray(QStringLiteral("automations")), 1);
            raw.setArrayIndex(0);
            raw.setValue(QStringLiteral("fullLock"), true); // as the window's page saves it
            raw.endArray();
        }
        r = run(host() << set << "screen-lock"
                       << "Back door"
                       << "on");
        QVERIFY2(r.code == 0, r.err.constData());
        QSettings raw(file, QSettings::IniFormat);
        QCOMPARE(raw.beginReadArray(QStringLiteral("automations")), 1);
        raw.setArrayIndex(0);
        QCOMPARE(raw.value(QStringLiteral("after")).toInt(), 30);
        QCOMPARE(raw.value(QStringLiteral("fullLock")).toBool(), true);
        raw.endArray();
        for (const char *trigger : {"unlocked-reminder", "leaving", "sleep"}) {
            r = run(host() << set << trigger << "Building entrance"
                           << "on");
            QCOMPARE(r.code, 9);
            QVERIFY(r.err.contains("no Smart Lock"));
        }
        r = run(host() << "--json"
                       << "automations");
        QCOMPARE(r.code, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object()[u"rules"].toArray().size(), 1);
        // Nothing was sent to any lock by switching automations on.
        for (const auto &e : sim->requestLog())
            QVERIFY(e.path != QLatin1StringView("/lockAction"));
    }

    // From the third hostile test. A lock sharing its nukiId with an Opener is found by that id
    // (only a lock can have an automation); --after where a trigger has no delay is refused;
    // the list shows what takes effect (an Opener's rule or a repeat in a hand-edited file is
    // counted as ignored; "fullLock=no" is no full lock; ids as 'list' spells them); and off
    // needs no source: it works while the bridge cannot be reached.
    void automationsOffNeedsNoSourceAndTheListIsWhatTakesEffect()
    {
        const QString file = dir.filePath(QStringLiteral("cli.ini"));
        QFile::remove(file);
        const QStringList set{"automations", "set"};
        const auto devices = sim->devices();
        const quint32 frontId = devices[0].nukiId, backId = devices[1].nukiId;
        QCOMPARE(devices[2].nukiId, frontId); // the Opener shares the lock's id
        Run r = run(host() << set << "screen-lock" << QString::number(frontId) << "on");
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.out.contains("Front door"));
        r = run(host() << set << "sleep"
                       << "Back door"
                       << "on"
                       << "--after"
                       << "30");
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("no delay"));
        r = run(host() << set << "unlocked-reminder"
                       << "Back door"
                       << "on"
                       << "--after"
                       << "20");
        QCOMPARE(r.code, 2); // "unlocked for 0 minutes" would be untrue
        QVERIFY(r.err.contains("in minutes"));
        r = run(host() << set << "sleep"
                       << "Back door"
                       << "on");
        QVERIFY2(r.code == 0, r.err.constData());
        {
            QSettings raw(file, QSettings::IniFormat);
            QList<QMap<QString, QVariant>> rows;
            const int n = raw.beginReadArray(QStringLiteral("automations"));
            for (int i = 0; i < n; ++i) {
                raw.setArrayIndex(i);
                QMap<QString, QVariant> row;
                for (const QString &k : raw.childKeys())
                    row.insert(k, raw.value(k));
                if (row.value(QStringLiteral("trigger")).toString() == u"sleep")
                    row.insert(QStringLiteral("fullLock"), QStringLiteral("no"));
                rows << row;
            }
            raw.endArray();
            rows << QMap<QString, QVariant>{
                {QStringLiteral("trigger"), QStringLiteral("screen-lock")},
                {QStringLiteral("device"), QStringLiteral("2/%1").arg(frontId)},
                {QStringLiteral("name"), QStringLiteral("Building entrance")},
                {QStringLiteral("after"), 1}};
            // A lock no source here knows, whose id in hex reads like a decimal number.
            rows << QMap<QString, QVariant>{
                {QStringLiteral("trigger"), QStringLiteral("screen-lock")},
                {QStringLiteral("device"), QStringLiteral("0/305419896")}, // 0x12345678
                {QStringLiteral("name"), QStringLiteral("Garage")},
                {QStringLiteral("after"), 10}};
            rows << rows.first(); // a repeat, with another delay
            rows.last().insert(QStringLiteral("after"), 600);
            raw.beginWriteArray(QStringLiteral("automations"), int(rows.size()));
            for (int i = 0; i < rows.size(); ++i) {
                raw.setArrayIndex(i);
                for (auto it = rows[i].cbegin(); it != rows[i].cend(); ++it)
                    raw.setValue(it.key(), it.value());
            }
            raw.endArray();
        }
        r = run(QStringList{"--json", "automations"});
        QCOMPARE(r.code, 0);
        QJsonObject shown = QJsonDocument::fromJson(r.out).object();
        QJsonArray rules = shown[u"rules"].toArray();
        QCOMPARE(rules.size(), 3);
        QCOMPARE(shown[u"ignored"].toInt(), 2);
        QCOMPARE(rules[0][u"nukiId"].toInteger(), qint64(frontId));
        QCOMPARE(rules[0][u"afterSeconds"].toInt(), 10); // the first of the two
        QCOMPARE(rules[1][u"trigger"].toString(), QStringLiteral("sleep"));
        QVERIFY(!rules[1].toObject().contains(u"fullLock"));
        QCOMPARE(rules[2][u"name"].toString(), QStringLiteral("Garage"));
        r = run(QStringList{"automations"});
        QVERIFY(r.out.contains("Ignored in the settings: 2 rules"));
        QVERIFY(r.out.contains(QByteArray::number(backId)));

        sim.reset(); // the bridge is gone
        r = run(QStringList{"--host", "127.0.0.1:9"} << set << "screen-lock"
                                                     << "front door"
                                                     << "off");
        QVERIFY2(r.code == 0, r.err.constData());
        // By its id in hex, with 0x: hex digits alone may read as a decimal number (the
        // simulator's ids are random).
        r = run(QStringList{"--host", "127.0.0.1:9"}
                << set << "sleep" << QStringLiteral("0x%1").arg(backId, 0, 16) << "off");
        QVERIFY2(r.code == 0, r.err.constData());
        // 12345678 is the lock with that id, never Garage (0x12345678): no stored rule is
        // named by it, the sources are asked, and none answers.
        r = run(QStringList{"--host", "127.0.0.1:9"} << set << "screen-lock"
                                                     << "12345678"
                                                     << "off");
        QVERIFY(r.code != 0);
        r = run(QStringList{"--json", "automations"});
        shown = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(shown[u"rules"].toArray().size(), 1);
        QCOMPARE(shown[u"rules"].toArray()[0][u"name"].toString(), QStringLiteral("Garage"));
        QCOMPARE(shown[u"ignored"].toInt(), 1); // the Opener's, by hand: not ours to remove
        r = run(QStringList{"--host", "127.0.0.1:9"} << set << "screen-lock"
                                                     << "0x12345678"
                                                     << "off");
        QVERIFY2(r.code == 0, r.err.constData());
        r = run(QStringList{"--json", "automations"});
        shown = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(shown[u"rules"].toArray().size(), 0);
        QCOMPARE(shown[u"armed"].toBool(), false);
        // On, though, needs the device: said, not stored.
        r = run(QStringList{"--host", "127.0.0.1:9"} << set << "screen-lock"
                                                     << "Front door"
                                                     << "on");
        QVERIFY(r.code != 0);
    }

    void textListIsAligned()
    {
        const Run r = run(host() << QStringLiteral("list"));
        QCOMPARE(r.code, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 5);
        QVERIFY(lines[0].startsWith("NAME"));
        QCOMPARE(lines[1].indexOf("Smart Lock"), lines[0].indexOf("KIND"));
    }

    void namesAreTextInEveryLine()
    {
        // A bridge whose device names forge a line ("\n… Locked") and turn the rest of the
        // line around (U+202E): the text output neutralises both; JSON keeps them exact.
        QList<nukisim::SimDevice> devices = sim->devices();
        const QString forged = QStringLiteral("Back\nFake door  Smart Lock  Locked");
        const QString reversed = QStringLiteral("Garage \u202Ekcol\u2066");
        devices[0].name = forged;
        devices[1].name = reversed;
        sim->setDevices(devices);
        Run r = run(host() << QStringLiteral("list"));
        QCOMPARE(r.code, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 5); // the header and four devices: no forged line
        QVERIFY(!r.out.contains("\xE2\x80\xAE") && !r.out.contains("\xE2\x81\xA6"));
        QVERIFY(lines[1].startsWith("Back Fake door"));
        r = run(host() << QStringLiteral("status") << QStringLiteral("Garage"));
        QCOMPARE(r.code, 0);
        QVERIFY2(!r.out.contains("\xE2\x80\xAE"), r.out.constData());
        r = run(host() << QStringLiteral("--json") << QStringLiteral("list"));
        const QJsonArray list = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(list[0][u"name"].toString(), forged);
        QCOMPARE(list[1][u"name"].toString(), reversed);
        QVERIFY(list[0][u"reachable"].toBool()); // every kind of source says it
    }

    void actionsReachTheLock()
    {
        QCOMPARE(run(host() << QStringLiteral("unlock") << QStringLiteral("front")).code, 0);
        QCOMPARE(sim->devices().at(0).state, 3);
        const Run r = run(host() << QStringLiteral("--json") << QStringLiteral("lock")
                                 << QStringLiteral("FRONT DOOR"));
        QCOMPARE(r.code, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out)[u"outcome"].toString(), QStringLiteral("done"));
        QCOMPARE(sim->devices().at(0).state, 1);
        QCOMPARE(run(host() << QStringLiteral("rto") << QStringLiteral("on")
                            << QStringLiteral("building"))
                     .code,
                 0);
        QCOMPARE(sim->devices().at(2).state, 3);
        QCOMPARE(run(host() << QStringLiteral("--yes") << QStringLiteral("lockngo")
                            << QStringLiteral("--unlatch") << QStringLiteral("back"))
                     .code,
                 0);
        bool sentFive = false;
        for (const auto &e : sim->requestLog())
            for (const auto &p : e.params)
                sentFive |= p.first == u"action" && p.second == u"5";
        QVERIFY(sentFive);
    }

    void openWithoutTerminalRefuses()
    {
        const Run r = run(host() << QStringLiteral("open") << QStringLiteral("front"));
        QCOMPARE(r.code, 9);
        QVERIFY(r.err.contains("--yes"));
        for (const auto &e : sim->requestLog())
            QVERIFY(e.path != QLatin1String("/lockAction"));
        QCOMPARE(run(host() << QStringLiteral("--yes") << QStringLiteral("open")
                            << QStringLiteral("front"))
                     .code,
                 0);
    }

    void exitCodes()
    {
        QCOMPARE(run({QStringLiteral("frobnicate")}).code, 2);
        QCOMPARE(run(host() << QStringLiteral("lock")).code, 2);
        QCOMPARE(run(host() << QStringLiteral("lock") << QStringLiteral("nothing-like-this")).code,
                 3);
        // "Front door" and "Building entrance" share the nukiId: ambiguous.
        const Run ambiguous =
            run(host() << QStringLiteral("status") << QString::number(sim->devices().at(0).nukiId));
        QCOMPARE(ambiguous.code, 3);
        QVERIFY(ambiguous.err.contains("Building entrance"));
        QCOMPARE(run(host() << QStringLiteral("lock") << QStringLiteral("building")).code,
                 2); // opener
        QCOMPARE(
            run({QStringLiteral("--host"), QStringLiteral("127.0.0.1:1"), QStringLiteral("list")})
                .code,
            4);
        QCOMPARE(run(host() << QStringLiteral("--auth") << QStringLiteral("encrypted")
                            << QStringLiteral("list"),
                     QStringLiteral("wrong-token"))
                     .code,
                 5);
        sim->setReachable(sim->devices().at(0).nukiId, 0, false);
        QCOMPARE(run(host() << QStringLiteral("lock") << QStringLiteral("front")).code, 7);
        sim->setReachable(sim->devices().at(0).nukiId, 0, true);
        sim->faults().dropRemaining = 1;
        sim->faults().onlyPath = QStringLiteral("/lockAction");
        const Run unknown = run(host() << QStringLiteral("unlock") << QStringLiteral("front"));
        QCOMPARE(unknown.code, 8);
        QVERIFY(unknown.err.contains("check the door"));
        int actions = 0;
        for (const auto &e : sim->requestLog())
            actions += e.path == QLatin1String("/lockAction");
        QCOMPARE(actions, 2); // the dropped one was not sent again
    }

    int plainRequests() const
    {
        int n = 0;
        for (const auto &e : sim->requestLog())
            n += e.authForm == QLatin1String("plain");
        return n;
    }

    void wrongTokenAndClockSkewNeverSendPlain()
    {
        // Auto mode, as a new user runs it: an old token costs the bridge a capped number of
        // requests, none of them with the token in plain, and names both causes.
        const Run wrong = run(host() << QStringLiteral("list"), QStringLiteral("an-old-token"));
        QCOMPARE(wrong.code, 5);
        QVERIFY2(wrong.err.contains("clock"), wrong.err.constData());
        QCOMPARE(plainRequests(), 0);
        QVERIFY(sim->requestLog().size() <= 12);
        sim->clearRequestLog();
        sim->setClockSkewSeconds(2000);
        const Run skewed = run(host() << QStringLiteral("lock") << QStringLiteral("front"));
        QCOMPARE(skewed.code, 5);
        QVERIFY2(skewed.err.contains("clock"), skewed.err.constData());
        QCOMPARE(plainRequests(), 0);
        for (const auto &e : sim->requestLog())
            QVERIFY(e.path != QLatin1String("/lockAction"));
        sim->clearRequestLog();
        sim->setClockSkewSeconds(300); // within reach: found and followed, encrypted
        QCOMPARE(run(host() << QStringLiteral("list")).code, 0);
        QCOMPARE(plainRequests(), 0);
        for (const auto &e : sim->requestLog()) // what worked was the encrypted form
            if (e.status == 200)
                QCOMPARE(e.authForm, QStringLiteral("encrypted"));
        sim->clearRequestLog();
        sim->setClockSkewSeconds(0);
        sim->config().bridgeType = 2; // a software bridge: plain only, and only when asked
        sim->auth().setAllowEncrypted(false);
        sim->auth().setAllowHashed(false);
        QCOMPARE(run(host() << QStringLiteral("list")).code, 5);
        QCOMPARE(plainRequests(), 0);
        QCOMPARE(run(host() << QStringLiteral("--auth") << QStringLiteral("plain")
                            << QStringLiteral("list"))
                     .code,
                 0);
    }

    void everyDocumentedExitCode()
    {
        // 0, 2–9 are provoked above and below; these are the ones left.
        sim->faults().forcedStatus = 410; // the bridge lost the device
        sim->faults().forcedRemaining = 1;
        sim->faults().onlyPath = QStringLiteral("/lockAction");
        QCOMPARE(run(host() << QStringLiteral("unlock") << QStringLiteral("front")).code, 7);
        sim->faults().forcedStatus = 0;
        sim->faults().onlyPath.clear();
        sim->faults().malformedRemaining = 1; // an answer that cannot be read: "other error"
        QCOMPARE(run(host() << QStringLiteral("list")).code, 1);
    }

    // An answer over a size cap is said to be too large, with the cap (issue 27).
    void oversizedAnswersNameTheirLimit()
    {
        QList<nukisim::SimDevice> many;
        for (quint32 i = 1; i <= 9000; ++i) {
            nukisim::SimDevice d;
            d.nukiId = i;
            d.name = QStringLiteral("Lock %1 ").arg(i) + QString(120, u'x');
            many << d;
        }
        sim->setDevices(many);
        Run r = run(host() << QStringLiteral("list"));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("too large") && r.err.contains("2 MB"), r.err.constData());
        QVERIFY(!r.err.contains("cannot be read"));
        sim->setDevices(SimBridge::defaultDevices());
        sim->faults().hugeHeadRemaining = 1;
        r = run(host() << QStringLiteral("list"));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("head") && r.err.contains("16 kB"), r.err.constData());
    }

    void authWritesANewTokenFile()
    {
        const QString file = dir.filePath(QStringLiteral("new-token"));
        QVERIFY(!QFile::exists(file));
        QTimer press;
        connect(&press, &QTimer::timeout, this, [this] {
            if (sim->authPending())
                sim->pressButton();
        });
        press.start(50);
        const Run r =
            run(host() << QStringLiteral("auth") << QStringLiteral("--token-file") << file);
        QCOMPARE(r.code, 0);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()), token);
        QCOMPARE(f.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    }

    void jsonErrorsAreOneDocument_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::newRow("unreachable")
            << QStringList{QStringLiteral("--host"), QStringLiteral("127.0.0.1:1"),
                           QStringLiteral("list")}
            << 4;
        QTest::newRow("no such device")
            << QStringList{QStringLiteral("status"), QStringLiteral("nothing-like-this")} << 3;
        QTest::newRow("usage") << QStringList{QStringLiteral("lock")} << 2;
    }

    void jsonErrorsAreOneDocument()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QStringList all = args.first() == u"--host" ? args : host() + args;
        all.prepend(QStringLiteral("--json"));
        const Run r = run(all);
        QCOMPARE(r.code, code);
        QJsonParseError e;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &e);
        QVERIFY2(e.error == QJsonParseError::NoError, r.out.constData()); // exactly one value
        QVERIFY(doc.isObject());
        QCOMPARE(doc.object().value(u"exitCode").toInt(), code);
    }

    void busyAfterRetries()
    {
        sim->faults().rate503 = 1.0;
        QCOMPARE(run(host() << QStringLiteral("list"), {}, 60000).code, 6);
    }

    void tokenNeverInArgv()
    {
        // The token comes from NUKI_TOKEN or a file; there is no option that takes it.
        const Run help = run({QStringLiteral("--help")});
        QVERIFY(!help.out.contains("--token "));
        QFile f(dir.filePath(QStringLiteral("token")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(token.toUtf8());
        f.close();
        QCOMPARE(
            run(host() << QStringLiteral("--token-file") << f.fileName() << QStringLiteral("info"),
                QStringLiteral("ignored-because-file-wins"))
                .code,
            0);
    }

    void hostileTokenFilesAreRefused()
    {
        // /dev/zero would be read forever, a FIFO would never end, a huge file would be sent
        // as the token: each is refused at once with a clear line (usage, exit 2).
        const QString fifo = dir.filePath(QStringLiteral("token.fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QFile big(dir.filePath(QStringLiteral("big")));
        QVERIFY(big.open(QIODevice::WriteOnly));
        big.write(QByteArray(100000, 'x'));
        big.close();
        const qsizetype before = sim->requestLog().size();
        for (const QString &file : {QStringLiteral("/dev/zero"), fifo, big.fileName()}) {
            const Run r =
                run(host() << QStringLiteral("--token-file") << file << QStringLiteral("list"), {},
                    10000);
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains("regular file"), r.err.constData());
        }
        QCOMPARE(sim->requestLog().size(), before); // nothing was sent
    }

    void watchPollsWhenToldTo()
    {
        Watch w;
        QVERIFY(
            startWatch(w, {QStringLiteral("--poll"), QStringLiteral("--interval"),
                           QStringLiteral("2"), QStringLiteral("--count"), QStringLiteral("5")}));
        // Polling said at once; then 4 "present" lines, and the door we open here is the 5th.
        QTRY_COMPARE_WITH_TIMEOUT(w.mode(), QStringLiteral("polling"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(w.lines().size(), 5, 10000);
        sim->setDoor(sim->devices().at(0).nukiId, 3);
        QSignalSpy finished(&w.p, &QProcess::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(w.p.exitCode(), 0);
        const QList<QJsonObject> lines = w.lines();
        QCOMPARE(lines.size(), 6); // the mode line is not counted
        QCOMPARE(lines.last()[u"event"].toString(), QStringLiteral("changed"));
        QCOMPARE(lines.last()[u"doorsensorState"].toInt(), 3);
        for (const auto &e : sim->requestLog())
            QVERIFY(!e.path.startsWith(QLatin1String("/callback"))); // no push tried
    }

    void watchUsesPushAndRemovesItsCallbackAtCount()
    {
        QString msg;
        sim->callbacks()->add(appEntry, false, &msg);
        Watch w;
        // Polling once a minute: within this test a change can only arrive by push.
        QVERIFY(startWatch(w, {QStringLiteral("--interval"), QStringLiteral("60"),
                               QStringLiteral("--count"), QStringLiteral("5")}));
        QTRY_COMPARE_WITH_TIMEOUT(w.mode(), QStringLiteral("push"), 15000);
        QCOMPARE(watchEntries().size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(w.lines().size(), 5, 10000); // 4 present + the mode
        // The one read right after registering (it closes the gap before push) is done.
        auto readAfterRegistering = [&] {
            bool added = false;
            for (const auto &e : sim->requestLog()) {
                added |= e.path == QLatin1String("/callback/add");
                if (added && e.path == QLatin1String("/list") && e.status == 200)
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(readAfterRegistering(), 10000);
        const qsizetype lists = sim->requestLog().size();
        sim->setDoor(sim->devices().at(0).nukiId, 3);
        QSignalSpy finished(&w.p, &QProcess::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(w.p.exitCode(), 0);
        QCOMPARE(w.lines().last()[u"doorsensorState"].toInt(), 3);
        bool polled = false;
        for (const auto &e : sim->requestLog().mid(lists))
            polled |= e.path == QLatin1String("/list");
        QVERIFY(!polled);                                             // it came by push
        QVERIFY(watchEntries().isEmpty());                            // its own entry is gone...
        QCOMPARE(sim->callbacks()->urls(), QList<QString>{appEntry}); // ...the app's stays
    }

    void watchRemovesItsCallbackOnSigterm()
    {
        QString msg;
        sim->callbacks()->add(appEntry, false, &msg);
        Watch w;
        QVERIFY(startWatch(w, {QStringLiteral("--interval"), QStringLiteral("60")}));
        QTRY_COMPARE_WITH_TIMEOUT(w.mode(), QStringLiteral("push"), 15000);
        QCOMPARE(watchEntries().size(), 1);
        w.p.terminate(); // SIGTERM
        QSignalSpy finished(&w.p, &QProcess::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(w.p.exitStatus(), QProcess::NormalExit); // handled, not killed by it
        QCOMPARE(w.p.exitCode(), 0);
        QVERIFY(watchEntries().isEmpty());
        QCOMPARE(sim->callbacks()->urls(), QList<QString>{appEntry});
    }

    void watchFallsBackToPollingWithoutPush()
    {
        QString msg;
        for (int i = 0; i < 3; ++i) // every slot taken by other apps
            sim->callbacks()->add(QStringLiteral("http://127.0.0.1:9/other%1").arg(i), false, &msg);
        Watch w;
        QVERIFY(startWatch(w, {QStringLiteral("--interval"), QStringLiteral("2"),
                               QStringLiteral("--count"), QStringLiteral("5")}));
        QTRY_COMPARE_WITH_TIMEOUT(w.mode(), QStringLiteral("polling"), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(w.lines().size(), 5, 10000);
        sim->setDoor(sim->devices().at(0).nukiId, 3);
        QSignalSpy finished(&w.p, &QProcess::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(w.lines().last()[u"doorsensorState"].toInt(), 3);
        QCOMPARE(sim->callbacks()->urls().size(), 3); // nobody else's entry was touched
        QVERIFY(watchEntries().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestNukictl)
#include "tst_nukictl.moc"
