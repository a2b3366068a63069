// The desk automations on real D-Bus: a private system bus and session bus of this test's own,
// python3-dbusmock playing logind and the screensavers on them, and the bridge simulator on
// loopback reached by a real Home. Per desktop as in docs/desk-automations.md: GNOME (a blank
// without LockedHint is no lock), KDE (two signals, one action), XFCE, sway (Session.Lock
// only); the delay cancelled by an unlock; sleep with a delay inhibitor; logind restarting;
// spoofed senders; a door standing open; a door already locked. Across every scenario the
// bridge's request log never shows anything but a lock (cleanup checks it).
#include "CoreTestUtil.h"
#include "LogindMock.h"
#include "MosquittoBroker.h"
#include "PrivateSessionBus.h"
#include "SimWifiLock.h"
#include "automation/Automations.h"
#include "automation/HomeLockOnly.h"
#include "bridge/BridgeSource.h"
#include "desk/DeskMechanism.h"
#include "desk/Logind.h"
#include "desk/NetworkWatcher.h"
#include "desk/ScreenSavers.h"
#include "home/Home.h"
#include "mqtt/BrokerSource.h"

#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QTimer>
#include <algorithm>

using namespace nuki;
using namespace nuki::automation;
using nukisim::SimBridge;
using nukisim::SimLogEntry;
namespace dev = nukisim::dev;

namespace {
const QString Token = QStringLiteral("desk-dbus-token");
const QString Login1 = LogindMock::Name;
const QString ManagerPath = LogindMock::ManagerPath;
const QString ManagerIface = LogindMock::ManagerIface;
const QString SessionPath = LogindMock::SessionPath;
const QString SessionIface = LogindMock::SessionIface;
const QString Mock = QString::fromLatin1(DbusMock::MockInterface);

QDBusConnection systemBus()
{
    return QDBusConnection::systemBus();
}
// Another client on the system bus: it may send any signal, but it is not logind.
QDBusConnection spoofer()
{
    return QDBusConnection::connectToBus(QDBusConnection::SystemBus, QStringLiteral("spoofer"));
}
} // namespace

class TestDeskDbus : public QObject
{
    Q_OBJECT
    std::unique_ptr<SimBridge> sim;
    std::unique_ptr<Home> home;
    std::unique_ptr<HomeLockOnly> host;
    std::unique_ptr<desk::Logind> logind;
    std::unique_ptr<desk::ScreenSavers> savers;
    std::unique_ptr<Automations> automations;
    LogindMock logindMock;
    DbusMock saverMock;
    DbusMock nmMock;
    std::unique_ptr<desk::NetworkWatcher> network;
    QList<AutomationEngine::Reminder> reminders;
    QList<LogEntry> decisions;
    QList<LogEntry> outcomes;
    QList<QList<LogEntry>> summaries;
    DeviceKey front, back, opener;

    // A 4 s InhibitDelayMaxUSec (our budget: 3 s), small enough that a test sees it spent.
    bool startLogind() { return logindMock.start(4000000); }
    void setLockedHint(bool locked) { QVERIFY(LogindMock::setLockedHint(locked)); }
    void prepareForSleep(bool start) { QVERIFY(LogindMock::prepareFor("Sleep", start)); }
    QStringList inhibitors() { return LogindMock::inhibitors(); }
    QList<SimLogEntry> lockActions() const { return simLockActions(*sim); }
    static QString param(const SimLogEntry &e, const char *name) { return simParam(e, name); }
    int locksFor(const DeviceKey &key) const { return simLocksFor(*sim, key.nukiId); }
    QList<Decision> decided() const
    {
        QList<Decision> d;
        for (const LogEntry &e : decisions)
            d << e.decision;
        return d;
    }
    void arm(const QList<Rule> &rules)
    {
        automations->setRules(rules);
        QCOMPARE(automations->rules(), rules);
    }
    // Everything the bus had for us is delivered: a signal the daemon routed before this
    // call's answer reaches our connection before the answer, and its slot runs meanwhile.
    void drainBus()
    {
        QVERIFY(systemBus().interface()->isServiceRegistered(Login1).value());
        QVERIFY(QDBusConnection::sessionBus()
                    .interface()
                    ->isServiceRegistered(QStringLiteral("org.freedesktop.DBus"))
                    .value());
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
    }
    // Once the state is read and nothing is queued on the bridge's client.
    void settle()
    {
        QTRY_VERIFY_WITH_TIMEOUT(home->deviceCount() == 4 &&
                                     home->source(home->sourceIds().first())->link().status ==
                                         LinkStatus::Online,
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(host->facts(back).reachable && host->facts(front).reachable,
                                 10000);
    }

    // NetworkManager with a Wi-Fi device and two networks; returns the active connections'
    // paths (home, elsewhere), home being primary.
    QStringList startNetworkManager()
    {
        const QString nm = QString::fromLatin1(desk::NetworkWatcher::Service);
        const QString nmPath = QString::fromLatin1(desk::NetworkWatcher::Path);
        const QString nmIface = QString::fromLatin1(desk::NetworkWatcher::Interface);
        if (!nmMock.start({QStringLiteral("--system"), QStringLiteral("-t"),
                           QStringLiteral("networkmanager")},
                          nm, systemBus()))
            return {};
        auto str = [](const QDBusMessage &m) { return m.arguments().value(0).toString(); };
        const QString dev =
            str(DbusMock::call(systemBus(), nm, nmPath, Mock, QStringLiteral("AddWiFiDevice"),
                               {QStringLiteral("wlan0"), QStringLiteral("wlan0"), 100}));
        QStringList active;
        int n = 0;
        for (const QString &name : {QStringLiteral("home"), QStringLiteral("cafe")}) {
            ++n;
            const QString ap =
                str(DbusMock::call(systemBus(), nm, nmPath, Mock, QStringLiteral("AddAccessPoint"),
                                   {dev, name + QStringLiteral("ap"), name.toUpper(),
                                    QStringLiteral("00:11:22:33:44:0%1").arg(n), 2u, 2437u, 54000u,
                                    QVariant::fromValue(uchar(80)), 0x100u})); // WPA-PSK
            const QString conn = str(DbusMock::call(
                systemBus(), nm, nmPath, Mock, QStringLiteral("AddWiFiConnection"),
                {dev, name + QStringLiteral("conn"), name.toUpper(), QStringLiteral("wpa-psk")}));
            active << str(
                DbusMock::call(systemBus(), nm, nmPath, Mock, QStringLiteral("AddActiveConnection"),
                               {QStringList{dev}, conn, ap, name + QStringLiteral("active"), 2u}));
        }
        DbusMock::call(systemBus(), nm, nmPath, Mock, QStringLiteral("AddProperty"),
                       {nmIface, QStringLiteral("PrimaryConnection"),
                        QVariant::fromValue(
                            QDBusVariant(QVariant::fromValue(QDBusObjectPath(active.first()))))});
        return active;
    }
    void setPrimary(const QString &activePath)
    {
        const QDBusMessage r = DbusMock::call(
            systemBus(), QString::fromLatin1(desk::NetworkWatcher::Service),
            QString::fromLatin1(desk::NetworkWatcher::Path), Mock, QStringLiteral("SetProperty"),
            {QString::fromLatin1(desk::NetworkWatcher::Path),
             QString::fromLatin1(desk::NetworkWatcher::Interface),
             QStringLiteral("PrimaryConnection"),
             QVariant::fromValue(QDBusVariant(QVariant::fromValue(QDBusObjectPath(activePath))))});
        QCOMPARE(r.type(), QDBusMessage::ReplyMessage);
    }
    void watchNetwork()
    {
        network = std::make_unique<desk::NetworkWatcher>(systemBus());
        automations->setNetwork(network.get());
        network->start();
        QTRY_VERIFY_WITH_TIMEOUT(!network->primaryUuid().isEmpty(), 5000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral("/usr/lib/python3/dist-packages/dbusmock")),
                 "python3-dbusmock is not installed (scripts/install-deps.sh --test)");
        QVERIFY(systemBus().isConnected());
        QVERIFY(QDBusConnection::sessionBus().isConnected());
    }
    void init()
    {
        decisions.clear();
        outcomes.clear();
        summaries.clear();
        reminders.clear();
        auto devices = SimBridge::defaultDevices(7);
        devices[1].hasDoorSensor = true; // Back door: unlocked, with a door sensor (closed)
        devices[1].doorsensorState = dev::DoorClosed;
        sim = startSim(Token);
        QVERIFY(sim);
        sim->setDevices(devices);
        front = {devices[0].nukiId, devices[0].deviceType};
        back = {devices[1].nukiId, devices[1].deviceType};
        opener = {devices[2].nukiId, devices[2].deviceType};
        QVERIFY(startLogind());
        home = std::make_unique<Home>();
        home->setPollInterval(60000); // reads are driven by the test (and the wake)
        BridgeConfig c;
        c.id = QString::number(sim->config().serverId, 16).toUpper();
        c.name = QStringLiteral("Hall");
        c.host = sim->address().toString();
        c.port = sim->port();
        addBridge(*home, c, Token);
        bridgeSource(*home, c.id)->client()->config().minGapMs = 20;
        host = std::make_unique<HomeLockOnly>(home.get());
        logind = std::make_unique<desk::Logind>(systemBus());
        savers = std::make_unique<desk::ScreenSavers>(QDBusConnection::sessionBus());
        automations = std::make_unique<Automations>(host.get(), logind.get(), savers.get());
        connect(automations.get(), &Automations::decided, this,
                [this](const LogEntry &e) { decisions << e; });
        connect(automations.get(), &Automations::updated, this,
                [this](const LogEntry &e) { outcomes << e; });
        connect(automations.get(), &Automations::reminder, this,
                [this](const AutomationEngine::Reminder &r) { reminders << r; });
        connect(automations.get(), &Automations::summary, this,
                [this](const QList<LogEntry> &s) { summaries << s; });
        logind->start();
        savers->start();
        QTRY_COMPARE_WITH_TIMEOUT(logind->sessionPath(), SessionPath, 10000);
        QCOMPARE(logind->inhibitDelayMaxMs(), 4000);
        settle();
        sim->clearRequestLog();
    }
    void cleanup()
    {
        // The promise of every scenario: an automation sent nothing but a lock (action 2).
        const QString notALock = simNonLockAction(*sim);
        QVERIFY2(notALock.isEmpty(), qPrintable(notALock));
        automations.reset();
        network.reset();
        nmMock.stop();
        savers.reset();
        logind.reset();
        host.reset();
        home.reset();
        sim.reset();
        saverMock.stop();
        logindMock.stop();
    }

    // GNOME and KDE: LockedHint on our session. One lock for Back door after the delay,
    // none for any other device (Front door is locked, the Opener is no lock).
    void lockedHintLocksAfterTheDelay()
    {
        // An Opener's "lock" would switch Ring to Open off: no locking rule takes it.
        automations->setRules({{Trigger::ScreenLock, opener, 2}});
        QVERIFY(automations->rules().isEmpty());
        arm({{Trigger::ScreenLock, back, 2}, {Trigger::ScreenLock, front, 2}});
        QElapsedTimer since;
        since.start();
        setLockedHint(true);
        QTRY_COMPARE_WITH_TIMEOUT(locksFor(back), 1, 10000);
        // Not before the delay (timers may fire a little early: 2 s less a quarter).
        QVERIFY2(since.elapsed() >= 1500, qPrintable(QString::number(since.elapsed())));
        QCOMPARE(lockActions().size(), 1);
        QCOMPARE(param(lockActions().first(), "action"), QStringLiteral("2"));
        QTRY_COMPARE_WITH_TIMEOUT(sim->device(back.nukiId, back.deviceType)->state, dev::Locked,
                                  10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            !outcomes.isEmpty() && outcomes.last().outcome == Outcome::Confirmed, 10000);
        QVERIFY(decided().contains(Decision::Sent));
        QVERIFY(decided().contains(Decision::AlreadyLocked)); // Front door
        // Said at the unlock: what happened meanwhile.
        setLockedHint(false);
        QTRY_COMPARE_WITH_TIMEOUT(summaries.size(), 1, 10000);
        QVERIFY(logEntryText(summaries.first().first()).contains(u"Back door"));
        // The unlock itself acted on nothing.
        drainBus();
        QCOMPARE(lockActions().size(), 1);
    }

    void anUnlockWithinTheDelayCancels()
    {
        arm({{Trigger::ScreenLock, back, 2}});
        setLockedHint(true);
        QTRY_VERIFY_WITH_TIMEOUT(automations->engine().nextDeadline() >= 0, 5000);
        setLockedHint(false);
        QTRY_VERIFY_WITH_TIMEOUT(decided().contains(Decision::Cancelled), 5000);
        // Nothing is waiting any more: nothing can be sent for this episode.
        QCOMPARE(automations->engine().nextDeadline(), qint64(-1));
        home->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!sim->requestLog().isEmpty(), 5000);
        QCOMPARE(lockActions().size(), 0);
    }

    void aDoorStandingOpenIsNotLocked()
    {
        arm({{Trigger::ScreenLock, back, 1}});
        QVERIFY(sim->setDoor(back.nukiId, dev::DoorOpened));
        home->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(host->facts(back).door == dev::DoorOpened, 5000);
        setLockedHint(true);
        QTRY_VERIFY_WITH_TIMEOUT(decided().contains(Decision::DoorOpen), 10000);
        QCOMPARE(decisions.last().deviceName, QStringLiteral("Back door"));
        QVERIFY(logEntryText(decisions.last()).contains(u"open"));
        QCOMPARE(lockActions().size(), 0);
    }

    void alreadyLockedIsLeftAlone()
    {
        arm({{Trigger::ScreenLock, front, 1}});
        setLockedHint(true);
        QTRY_VERIFY_WITH_TIMEOUT(decided().contains(Decision::AlreadyLocked), 10000);
        QCOMPARE(lockActions().size(), 0);
    }

    // Anyone on the system bus may send a signal with logind's path and interface; only
    // logind's own are delivered to us.
    void aSpoofedSenderIsIgnored()
    {
        arm({{Trigger::ScreenLock, back, 1}, {Trigger::Sleep, back, 0}});
        QTRY_VERIFY_WITH_TIMEOUT(logind->holds(QStringLiteral("sleep")), 5000);
        QDBusConnection bad = spoofer();
        QVERIFY(bad.isConnected());
        QDBusMessage props = QDBusMessage::createSignal(
            SessionPath, QStringLiteral("org.freedesktop.DBus.Properties"),
            QStringLiteral("PropertiesChanged"));
        props << SessionIface << QVariantMap{{QStringLiteral("LockedHint"), true}} << QStringList();
        QVERIFY(bad.send(props));
        QDBusMessage lock =
            QDBusMessage::createSignal(SessionPath, SessionIface, QStringLiteral("Lock"));
        QVERIFY(bad.send(lock));
        QDBusMessage sleep = QDBusMessage::createSignal(ManagerPath, ManagerIface,
                                                        QStringLiteral("PrepareForSleep"));
        sleep << true;
        QVERIFY(bad.send(sleep));
        // The same signals addressed to us directly, not broadcast.
        QDBusMessage direct =
            QDBusMessage::createTargetedSignal(systemBus().baseService(), ManagerPath, ManagerIface,
                                               QStringLiteral("PrepareForSleep"));
        direct << true;
        QVERIFY(bad.send(direct));
        // Round trips from the spoofer and from us: the daemon routed its signals first.
        QVERIFY(bad.interface()->isServiceRegistered(Login1).value());
        drainBus();
        QVERIFY(!logind->lockedHint());
        QVERIFY(decisions.isEmpty());
        QCOMPARE(automations->engine().nextDeadline(), qint64(-1));
        QVERIFY(logind->holds(QStringLiteral("sleep"))); // not released for a fake sleep
        QCOMPARE(lockActions().size(), 0);
        QDBusConnection::disconnectFromBus(QStringLiteral("spoofer"));
    }

    // KDE: LockedHint and org.freedesktop.ScreenSaver's ActiveChanged for one lock: one action.
    void kdeTwoSignalsOneAction()
    {
        QVERIFY(saverMock.start(
            {QStringLiteral("org.freedesktop.ScreenSaver"), QStringLiteral("/ScreenSaver"),
             QStringLiteral("org.freedesktop.ScreenSaver")},
            QStringLiteral("org.freedesktop.ScreenSaver"), QDBusConnection::sessionBus()));
        QVERIFY(savers->present().contains(u"org.freedesktop.ScreenSaver"));
        arm({{Trigger::ScreenLock, back, 1}});
        const QDBusMessage r = DbusMock::emitSignal(
            QDBusConnection::sessionBus(), QStringLiteral("org.freedesktop.ScreenSaver"),
            QStringLiteral("/ScreenSaver"), QStringLiteral("org.freedesktop.ScreenSaver"),
            QStringLiteral("ActiveChanged"), QStringLiteral("b"), {true});
        QCOMPARE(r.type(), QDBusMessage::ReplyMessage);
        setLockedHint(true);
        QTRY_COMPARE_WITH_TIMEOUT(locksFor(back), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!outcomes.isEmpty(), 10000);
        home->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(sim->requestLog().size() > 2, 5000);
        QCOMPARE(lockActions().size(), 1);
        QCOMPARE(decided().count(Decision::Sent), 1);
    }

    // GNOME blanks the screen (ActiveChanged true) without locking it: LockedHint stays false.
    void gnomeBlankIsNoLock()
    {
        QVERIFY(saverMock.start({QStringLiteral("-t"), QStringLiteral("gnome_screensaver")},
                                QStringLiteral("org.gnome.ScreenSaver"),
                                QDBusConnection::sessionBus()));
        arm({{Trigger::ScreenLock, back, 1}});
        const QDBusMessage r = DbusMock::call(
            QDBusConnection::sessionBus(), QStringLiteral("org.gnome.ScreenSaver"),
            QStringLiteral("/org/gnome/ScreenSaver"), QStringLiteral("org.gnome.ScreenSaver"),
            QStringLiteral("SetActive"), {true});
        QCOMPARE(r.type(), QDBusMessage::ReplyMessage);
        drainBus();
        QCOMPARE(automations->engine().nextDeadline(), qint64(-1));
        QVERIFY(decisions.isEmpty());
        // The lock that follows the blank is one, through LockedHint.
        setLockedHint(true);
        QTRY_COMPARE_WITH_TIMEOUT(locksFor(back), 1, 10000);
    }

    // XFCE: xfce4-screensaver's ActiveChanged (logind's hint is not set by every locker).
    void xfceScreenSaverLocks()
    {
        QVERIFY(saverMock.start(
            {QStringLiteral("org.xfce.ScreenSaver"), QStringLiteral("/org/xfce/ScreenSaver"),
             QStringLiteral("org.xfce.ScreenSaver")},
            QStringLiteral("org.xfce.ScreenSaver"), QDBusConnection::sessionBus()));
        arm({{Trigger::ScreenLock, back, 1}});
        const QDBusMessage r = DbusMock::emitSignal(
            QDBusConnection::sessionBus(), QStringLiteral("org.xfce.ScreenSaver"),
            QStringLiteral("/org/xfce/ScreenSaver"), QStringLiteral("org.xfce.ScreenSaver"),
            QStringLiteral("ActiveChanged"), QStringLiteral("b"), {true});
        QCOMPARE(r.type(), QDBusMessage::ReplyMessage);
        QTRY_COMPARE_WITH_TIMEOUT(locksFor(back), 1, 10000);
        QCOMPARE(decisions.first().mechanism.isEmpty(), false);
        // Settings' words: a screensaver's name alone promises no lock signal (hypridle owns
        // org.freedesktop.ScreenSaver and never sends one), so without logind's session the
        // way that always works is said too.
        const QString withLogind = desk::mechanismText(logind.get(), savers.get());
        const QString alone = desk::mechanismText(nullptr, savers.get());
        QVERIFY2(withLogind.contains(u"org.xfce.ScreenSaver") && !withLogind.contains(u"loginctl"),
                 qPrintable(withLogind));
        QVERIFY2(alone.contains(u"org.xfce.ScreenSaver") &&
                     alone.contains(u"loginctl lock-session"),
                 qPrintable(alone));
    }

    // A screensaver that said "active" and then left the bus (it crashed, was restarted)
    // never says the unlock: its leaving ends the episode, and the delay's lock is cancelled.
    // A screensaver that never said "active" leaving is nothing.
    void aScreenSaverThatVanishesEndsItsEpisode()
    {
        const QStringList xfce{QStringLiteral("org.xfce.ScreenSaver"),
                               QStringLiteral("/org/xfce/ScreenSaver"),
                               QStringLiteral("org.xfce.ScreenSaver")};
        QVERIFY(saverMock.start(xfce, xfce[0], QDBusConnection::sessionBus()));
        arm({{Trigger::ScreenLock, back, 2}});
        QSignalSpy unlocks(savers.get(), &desk::ScreenSavers::screenUnlocked);
        saverMock.stop(); // never active: its leaving says nothing
        drainBus();
        QCOMPARE(unlocks.size(), 0);
        QVERIFY(saverMock.start(xfce, xfce[0], QDBusConnection::sessionBus()));
        const QDBusMessage r =
            DbusMock::emitSignal(QDBusConnection::sessionBus(), xfce[0], xfce[1], xfce[2],
                                 QStringLiteral("ActiveChanged"), QStringLiteral("b"), {true});
        QCOMPARE(r.type(), QDBusMessage::ReplyMessage);
        QTRY_VERIFY_WITH_TIMEOUT(automations->engine().screenIsLocked(), 5000);
        saverMock.stop(); // gone while the screen is locked, within the 2 s delay
        QTRY_COMPARE_WITH_TIMEOUT(unlocks.size(), 1, 5000);
        QVERIFY(!automations->engine().screenIsLocked());
        QCOMPARE(automations->engine().nextDeadline(), qint64(-1));
        QVERIFY(decided().contains(Decision::Cancelled));
        QCOMPARE(locksFor(back), 0);
    }

    // sway with swayidle: logind's Session.Lock only, and no Unlock ever comes.
    void swaySessionLockOnly()
    {
        arm({{Trigger::ScreenLock, back, 1}});
        QVERIFY(LogindMock::lockSession());
        QTRY_COMPARE_WITH_TIMEOUT(locksFor(back), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(sim->device(back.nukiId, back.deviceType)->state, dev::Locked,
                                  10000);
        // Someone unlocks the door by hand while the screen is still locked: a second Lock
        // signal of the same episode does not lock it again.
        QVERIFY(sim->turnByHand(back.nukiId, back.deviceType, dev::Unlocked));
        home->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(host->facts(back).state, dev::Unlocked, 5000);
        QVERIFY(LogindMock::lockSession());
        drainBus();
        QCOMPARE(automations->engine().nextDeadline(), qint64(-1));
        QCOMPARE(locksFor(back), 1);
    }

    // Sleep: the inhibitor held while armed; PrepareForSleep(true) sends one lock at once
    // (nowait), the inhibitor is released once the bridge took it, and taken again after.
    void sleepLocksBeforeTheInhibitorGoes()
    {
        QVERIFY(inhibitors().isEmpty());
        arm({{Trigger::Sleep, back, 0}});
        QTRY_COMPARE_WITH_TIMEOUT(inhibitors(),
                                  QStringList{QStringLiteral("Nuki Desktop:sleep:delay")}, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(logind->holds(QStringLiteral("sleep")), 5000); // its answer
        QElapsedTimer since;
        since.start();
        prepareForSleep(true);
        // The moment logind sees the inhibitor gone, the lock has reached the bridge.
        QTRY_VERIFY_WITH_TIMEOUT(inhibitors().isEmpty(), 5000);
        QVERIFY2(since.elapsed() < 4000, "released after logind's own limit");
        QCOMPARE(lockActions().size(), 1);
        QCOMPARE(param(lockActions().first(), "nowait"), QStringLiteral("1"));
        QCOMPARE(locksFor(back), 1);
        // Resume: the inhibitor is back, the state is read, the outcome said honestly.
        prepareForSleep(false);
        QTRY_COMPARE_WITH_TIMEOUT(inhibitors(),
                                  QStringList{QStringLiteral("Nuki Desktop:sleep:delay")}, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(
            !outcomes.isEmpty() && outcomes.last().outcome == Outcome::Confirmed, 10000);
        QVERIFY2(outcomes.last().outcomeText.contains(u"after wake"),
                 qPrintable(outcomes.last().outcomeText));
        QTRY_COMPARE_WITH_TIMEOUT(summaries.size(), 1, 10000);
        // Nothing more was sent after the wake: no retry.
        QCOMPARE(lockActions().size(), 1);
    }

    // Shutdown: the same with its own inhibitor; a cancelled shutdown takes it again.
    void shutdownLocksBeforeItsInhibitorGoes()
    {
        arm({{Trigger::Shutdown, back, 0}});
        QTRY_COMPARE_WITH_TIMEOUT(inhibitors(),
                                  QStringList{QStringLiteral("Nuki Desktop:shutdown:delay")}, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(logind->holds(QStringLiteral("shutdown")), 5000);
        QVERIFY(LogindMock::prepareFor("Shutdown", true));
        QTRY_VERIFY_WITH_TIMEOUT(inhibitors().isEmpty(), 5000);
        QCOMPARE(locksFor(back), 1);
        QCOMPARE(param(lockActions().first(), "nowait"), QStringLiteral("1"));
        QVERIFY(LogindMock::prepareFor("Shutdown", false));
        QTRY_COMPARE_WITH_TIMEOUT(inhibitors(),
                                  QStringList{QStringLiteral("Nuki Desktop:shutdown:delay")}, 5000);
        QCOMPARE(lockActions().size(), 1);
    }

    // A bridge that takes too long: the inhibitor is released within logind's budget anyway
    // (the laptop is not held), and the outcome is not claimed.
    void aSlowBridgeDoesNotHoldTheSleep()
    {
        arm({{Trigger::Sleep, back, 0}});
        QTRY_VERIFY_WITH_TIMEOUT(logind->holds(QStringLiteral("sleep")), 5000);
        sim->faults().latencyMs = 8000;
        sim->faults().onlyPath = QStringLiteral("/lockAction");
        QElapsedTimer since;
        since.start();
        prepareForSleep(true);
        QTRY_VERIFY_WITH_TIMEOUT(inhibitors().isEmpty(), 8000);
        // Released by the budget (not before it, timers may fire a little early), within
        // logind's own limit.
        QVERIFY2(since.elapsed() < 4000, qPrintable(QString::number(since.elapsed())));
        QVERIFY(since.elapsed() >= automations->sleepBudgetMs() - 500);
        sim->clearFaults();
        prepareForSleep(false);
        QTRY_VERIFY_WITH_TIMEOUT(logind->holds(QStringLiteral("sleep")), 5000);
        QCOMPARE(locksFor(back), 1);
    }

    // Switched off: the inhibitor goes; sleeping then sends nothing.
    void noInhibitorWhileOff()
    {
        arm({{Trigger::Sleep, back, 0}});
        QTRY_VERIFY_WITH_TIMEOUT(!inhibitors().isEmpty(), 5000);
        arm({});
        QTRY_VERIFY_WITH_TIMEOUT(inhibitors().isEmpty(), 5000);
        automations->setRules({{Trigger::Sleep, back, 0}});
        QTRY_VERIFY_WITH_TIMEOUT(!inhibitors().isEmpty(), 5000);
        automations->setPaused(true);
        QTRY_VERIFY_WITH_TIMEOUT(inhibitors().isEmpty(), 5000);
        prepareForSleep(true);
        QTRY_VERIFY_WITH_TIMEOUT(decided().contains(Decision::Paused), 5000);
        QCOMPARE(lockActions().size(), 0);
    }

    // logind restarts (an upgrade): the new one knows no inhibitor of ours until we take it
    // again; the session is found again and its signals followed.
    void logindRestarting()
    {
        arm({{Trigger::Sleep, back, 0}, {Trigger::ScreenLock, back, 1}});
        QTRY_VERIFY_WITH_TIMEOUT(!inhibitors().isEmpty(), 5000);
        logindMock.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!logind->present(), 5000);
        QVERIFY(!logind->holds(QStringLiteral("sleep")));
        QVERIFY(startLogind());
        QTRY_COMPARE_WITH_TIMEOUT(inhibitors(),
                                  QStringList{QStringLiteral("Nuki Desktop:sleep:delay")}, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(logind->sessionPath(), SessionPath, 5000);
        setLockedHint(true);
        QTRY_COMPARE_WITH_TIMEOUT(locksFor(back), 1, 10000);
    }

    // logind restarts while the laptop was (said to be) asleep: its PrepareForSleep(false)
    // never comes. We run, so we are awake: the automations go on as after a wake.
    void logindRestartingMidSleep()
    {
        arm({{Trigger::Sleep, back, 0}, {Trigger::ScreenLock, back, 1}});
        QTRY_VERIFY_WITH_TIMEOUT(logind->holds(QStringLiteral("sleep")), 5000);
        prepareForSleep(true);
        QTRY_COMPARE_WITH_TIMEOUT(locksFor(back), 1, 5000);
        logindMock.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!automations->engine().asleep(), 5000);
        QVERIFY(startLogind());
        QTRY_COMPARE_WITH_TIMEOUT(logind->sessionPath(), SessionPath, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(inhibitors(),
                                  QStringList{QStringLiteral("Nuki Desktop:sleep:delay")}, 5000);
        // Unlocked by hand; the screen locks: locked again.
        QVERIFY(sim->turnByHand(back.nukiId, back.deviceType, dev::Unlocked));
        home->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(host->facts(back).state, dev::Unlocked, 5000);
        setLockedHint(true);
        QTRY_COMPARE_WITH_TIMEOUT(locksFor(back), 2, 10000);
    }

    // The lid closes while a screen lock's lock is still on its way: the inhibitor waits for it
    // (within the budget) instead of letting the network go down under it.
    void aLockOnItsWayHoldsTheSleep()
    {
        arm({{Trigger::ScreenLock, back, 0}, {Trigger::Sleep, front, 0}});
        QTRY_VERIFY_WITH_TIMEOUT(logind->holds(QStringLiteral("sleep")), 5000);
        sim->faults().latencyMs = 1200;
        sim->faults().onlyPath = QStringLiteral("/lockAction");
        setLockedHint(true);
        QTRY_VERIFY_WITH_TIMEOUT(decided().contains(Decision::Sent), 5000);
        prepareForSleep(true); // Front door is locked: the sleep rule sends nothing itself
        QTRY_VERIFY_WITH_TIMEOUT(inhibitors().isEmpty(), 5000);
        // Released once the bridge answered the screen lock's request, not before.
        QCOMPARE(lockActions().size(), 1);
        QVERIFY(lockActions().first().status != 0);
        prepareForSleep(false);
    }

    // Found by the third hostile test: the fresh read before a sleep's lock is slower than the
    // budget. The inhibitor goes with nothing sent (the computer sleeps); the read comes back
    // after the wake — and the lock must not go out then (no retry after resume). The log
    // says why; the door is as it was.
    void aLockWaitingForItsReadAtTheWakeNeverGoes()
    {
        arm({{Trigger::Sleep, back, 0}});
        QTRY_VERIFY_WITH_TIMEOUT(logind->holds(QStringLiteral("sleep")), 5000);
        sim->faults().latencyMs = 4000; // longer than the 3 s budget
        sim->faults().onlyPath = QStringLiteral("/list");
        prepareForSleep(true);
        QTRY_VERIFY_WITH_TIMEOUT(decided().contains(Decision::Sent), 5000);
        const quint64 entry = decisions.last().id;
        QTRY_VERIFY_WITH_TIMEOUT(inhibitors().isEmpty(), 5000); // the budget ran out
        QCOMPARE(lockActions().size(), 0);
        prepareForSleep(false); // awake before the read is back
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(decisions.cbegin(), decisions.cend(),
                                             [entry](const LogEntry &e) {
                                                 return e.id == entry &&
                                                        e.decision == Decision::Late;
                                             }),
                                 10000);
        sim->clearFaults();
        // Taken back for good: nothing of ours runs on it, nothing reached the bridge.
        QVERIFY(!host->facts(back).busy);
        QCOMPARE(lockActions().size(), 0);
        QCOMPARE(sim->device(back.nukiId, back.deviceType)->state, dev::Unlocked);
        QVERIFY(automations->engine().entry(entry)->outcome == Outcome::None);
    }

    // From the fifth hostile test: a screen lock's lock still waiting for its read when the
    // lid closes, the sleep's budget spent: the computer slept without it, and it does not go
    // out after the wake (the screen still locked, the same episode).
    void aScreenLocksLockCaughtBySleepNeverGoesAfterTheWake()
    {
        arm({{Trigger::ScreenLock, back, 0}});
        sim->faults().latencyMs = 6000;
        sim->faults().onlyPath = QStringLiteral("/list");
        setLockedHint(true);
        QTRY_VERIFY_WITH_TIMEOUT(decided().contains(Decision::Sent), 5000);
        const quint64 entry = decisions.last().id;
        prepareForSleep(true);
        QTRY_VERIFY_WITH_TIMEOUT(inhibitors().isEmpty(), 5000); // not taken: no sleep rule
        QTRY_VERIFY_WITH_TIMEOUT(!logind->holds(QStringLiteral("sleep")), 5000);
        prepareForSleep(false);
        QTRY_COMPARE_WITH_TIMEOUT(automations->engine().entry(entry)->decision, Decision::Late,
                                  10000);
        sim->clearFaults();
        QCOMPARE(lockActions().size(), 0);
    }

    // A new episode while the old one's lock waits for its read: the old is taken back (said
    // as such), the new one gets its lock — not "another action was running on it".
    void aNewEpisodeDuringTheOldReadGetsItsLock()
    {
        arm({{Trigger::ScreenLock, back, 0}});
        sim->faults().latencyMs = 2500;
        sim->faults().onlyPath = QStringLiteral("/list");
        setLockedHint(true);
        QTRY_VERIFY_WITH_TIMEOUT(decided().contains(Decision::Sent), 5000);
        const quint64 first = decisions.last().id;
        setLockedHint(false);
        setLockedHint(true); // locked again at once: a new episode
        QTRY_COMPARE_WITH_TIMEOUT(automations->engine().entry(first)->decision, Decision::Cancelled,
                                  5000);
        sim->clearFaults();
        QTRY_COMPARE_WITH_TIMEOUT(locksFor(back), 1, 10000);
        QVERIFY(!decided().contains(Decision::Busy));

        // The same for sleep: a wake and a sleep again while the first sleep's read is out.
        QVERIFY(sim->turnByHand(back.nukiId, back.deviceType, dev::Unlocked));
        setLockedHint(false);
        arm({{Trigger::Sleep, back, 0}});
        home->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(host->facts(back).state, dev::Unlocked, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(logind->holds(QStringLiteral("sleep")), 5000);
        sim->faults().latencyMs = 4500;
        sim->faults().onlyPath = QStringLiteral("/list");
        prepareForSleep(true);
        QTRY_VERIFY_WITH_TIMEOUT(
            decided().contains(Decision::Sent) && decisions.last().trigger == Trigger::Sleep, 5000);
        const quint64 firstSleep = decisions.last().id;
        QTRY_VERIFY_WITH_TIMEOUT(inhibitors().isEmpty(), 5000); // the budget ran out
        prepareForSleep(false);
        QTRY_VERIFY_WITH_TIMEOUT(logind->holds(QStringLiteral("sleep")), 5000);
        sim->clearFaults();
        prepareForSleep(true); // asleep again; the door answers at once now
        QTRY_COMPARE_WITH_TIMEOUT(automations->engine().entry(firstSleep)->decision, Decision::Late,
                                  5000);
        QTRY_COMPARE_WITH_TIMEOUT(locksFor(back), 2, 10000);
        prepareForSleep(false);
        QVERIFY(!decided().contains(Decision::Busy));
    }

    // A repeated PrepareForSleep(true) changes nothing: the inhibitor taken again after the
    // wake stays (a second budget timer of the repeat once outlived the wake and released it,
    // so the next sleep went undelayed).
    void aRepeatedPrepareForSleepKeepsTheInhibitorAfterTheWake()
    {
        arm({{Trigger::Sleep, back, 0}});
        QTRY_VERIFY_WITH_TIMEOUT(logind->holds(QStringLiteral("sleep")), 5000);
        sim->faults().latencyMs = 1500; // the lock is still on its way at the repeat
        sim->faults().onlyPath = QStringLiteral("/list");
        auto activeTimers = [this] {
            const auto timers = automations->findChildren<QTimer *>();
            return std::count_if(timers.cbegin(), timers.cend(),
                                 [](const QTimer *t) { return t->isActive(); });
        };
        prepareForSleep(true);
        drainBus();
        const auto once = activeTimers();
        const int decidedOnce = int(decisions.size());
        prepareForSleep(true);
        drainBus();
        QCOMPARE(activeTimers(), once);
        QCOMPARE(int(decisions.size()), decidedOnce);
        prepareForSleep(false);
        QTRY_VERIFY_WITH_TIMEOUT(logind->holds(QStringLiteral("sleep")), 5000);
        sim->clearFaults();
        // Observed over the budget and a margin (a bound, not a synchronisation): it stays.
        QVERIFY(!QTest::qWaitFor([this] { return !logind->holds(QStringLiteral("sleep")); },
                                 int(automations->sleepBudgetMs()) + 750));
        QCOMPARE(inhibitors(), QStringList{QStringLiteral("Nuki Desktop:sleep:delay")});
    }

    // The delay ran out and the lock waits for its fresh read; the person unlocks the screen
    // meanwhile (or switches the automation off): nothing goes out, the log says why, and the
    // summary has nothing to tell.
    void anUnlockWhileTheLockWaitsForItsReadSendsNothing()
    {
        arm({{Trigger::ScreenLock, back, 1}});
        sim->faults().latencyMs = 2500;
        sim->faults().onlyPath = QStringLiteral("/list");
        setLockedHint(true);
        QTRY_VERIFY_WITH_TIMEOUT(decided().contains(Decision::Sent), 5000);
        const quint64 entry = decisions.last().id;
        setLockedHint(false); // back at the desk
        QTRY_VERIFY_WITH_TIMEOUT(
            automations->engine().entry(entry)->decision == Decision::Cancelled, 10000);
        sim->clearFaults();
        QCOMPARE(lockActions().size(), 0);
        QVERIFY(summaries.isEmpty());

        setLockedHint(true); // again, and this time switched off while it waits
        sim->faults().latencyMs = 2500;
        sim->faults().onlyPath = QStringLiteral("/list");
        QTRY_VERIFY_WITH_TIMEOUT(
            decisions.last().id != entry && decisions.last().decision == Decision::Sent, 5000);
        const quint64 second = decisions.last().id;
        arm({});
        QTRY_VERIFY_WITH_TIMEOUT(
            automations->engine().entry(second)->decision == Decision::Withdrawn, 10000);
        sim->clearFaults();
        QCOMPARE(lockActions().size(), 0);
    }

    // A full lock was chosen, but the lock is reached only through a bridge now (its broker is
    // away), which cannot carry it: a plain lock rather than none, and the log says so.
    void aFullLockThroughABridgeIsAPlainLock()
    {
        arm({{Trigger::ScreenLock, back, 1, true}});
        setLockedHint(true);
        QTRY_COMPARE_WITH_TIMEOUT(locksFor(back), 1, 10000);
        QCOMPARE(param(lockActions().first(), "action"), QStringLiteral("2"));
        QTRY_VERIFY_WITH_TIMEOUT(!outcomes.isEmpty(), 10000);
        const LogEntry *e = automations->engine().entry(outcomes.last().id);
        QVERIFY(e && e->plainInstead && !e->fullLock);
        QVERIFY(!decided().contains(Decision::NotStarted));
        QVERIFY(logEntryText(*e).contains(u"plain lock"));
    }

    // The door was opened after the last poll: the lock is judged again on a fresh read
    // before it goes out, and not sent.
    void anOpenDoorNotYetPolledIsNotLocked()
    {
        arm({{Trigger::ScreenLock, back, 1}});
        QVERIFY(sim->setDoor(back.nukiId, dev::DoorOpened)); // no read of ours since
        QCOMPARE(host->facts(back).door, std::optional<int>(dev::DoorClosed));
        setLockedHint(true);
        QTRY_VERIFY_WITH_TIMEOUT(decided().contains(Decision::DoorOpen), 10000);
        QCOMPARE(lockActions().size(), 0);
    }

    // logind restarts while the screen is locked and comes back saying it is not: the unlock
    // it never signalled ends the episode, so the next lock is one.
    void anUnlockMissedInALogindRestart()
    {
        arm({{Trigger::ScreenLock, back, 1}});
        setLockedHint(true);
        QTRY_COMPARE_WITH_TIMEOUT(locksFor(back), 1, 10000);
        QVERIFY(sim->turnByHand(back.nukiId, back.deviceType, dev::Unlocked));
        home->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(host->facts(back).state, dev::Unlocked, 5000);
        logindMock.stop();
        QVERIFY(startLogind()); // LockedHint false
        QTRY_VERIFY_WITH_TIMEOUT(!automations->engine().screenIsLocked(), 5000);
        setLockedHint(true);
        QTRY_COMPARE_WITH_TIMEOUT(locksFor(back), 2, 10000);
    }

    // The device goes away mid-delay (removed from the bridge): nothing is sent, and the log
    // says it was unreachable.
    void aDeviceThatVanishesInTheDelay()
    {
        arm({{Trigger::ScreenLock, back, 2}});
        setLockedHint(true);
        QTRY_VERIFY_WITH_TIMEOUT(automations->engine().nextDeadline() >= 0, 5000);
        auto devices = sim->devices();
        devices.removeAt(1);
        sim->setDevices(devices);
        home->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!home->device(back), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!decisions.isEmpty(), 10000);
        QCOMPARE(decisions.last().decision, Decision::Unreachable);
        QCOMPARE(lockActions().size(), 0);
    }

    // Leaving: the primary connection changes and no bridge answers any more: the person is
    // told that Back door was last seen unlocked (no lock is promised, none is sent).
    void leavingHomeIsToldNotActedOn()
    {
        const QStringList active = startNetworkManager();
        QCOMPARE(active.size(), 2);
        arm({{Trigger::Leaving, back, 0}});
        watchNetwork();
        const QString homeUuid = network->primaryUuid();
        QCOMPARE(network->primaryName(), QStringLiteral("HOME")); // its Id
        // Another connection through which the bridge still answers (a dock's Ethernet, a
        // VPN home): not leaving.
        setPrimary(active.at(1));
        QTRY_VERIFY_WITH_TIMEOUT(network->primaryUuid() != homeUuid, 5000);
        home->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(sim->requestLog().size() >= 2, 5000);
        QVERIFY(reminders.isEmpty());
        // Back on the home network, then away where the bridge does not answer.
        setPrimary(active.at(0));
        QTRY_COMPARE_WITH_TIMEOUT(network->primaryUuid(), homeUuid, 5000);
        sim->reboot(60000); // it answers nothing for a minute
        setPrimary(active.at(1));
        QTRY_COMPARE_WITH_TIMEOUT(reminders.size(), 1, 15000);
        QCOMPARE(reminders.first().trigger, Trigger::Leaving);
        QCOMPARE(reminders.first().device, back);
        QCOMPARE(lockActions().size(), 0);
        // Told once per departure: another change while away says nothing more.
        const QString away = network->primaryUuid();
        setPrimary(active.at(0));
        QTRY_COMPARE_WITH_TIMEOUT(network->primaryUuid(), homeUuid, 5000);
        setPrimary(active.at(1));
        QTRY_COMPARE_WITH_TIMEOUT(network->primaryUuid(), away, 5000);
        drainBus();
        QCOMPARE(reminders.size(), 1);
    }

    // A suspend takes Wi-Fi down: NetworkManager asleep, its connection changes unreported.
    void aSuspendIsNotLeaving()
    {
        const QStringList active = startNetworkManager();
        QCOMPARE(active.size(), 2);
        arm({{Trigger::Leaving, back, 0}});
        watchNetwork();
        const QString homeUuid = network->primaryUuid();
        sim->reboot(60000);
        QCOMPARE(DbusMock::call(systemBus(), QString::fromLatin1(desk::NetworkWatcher::Service),
                                QString::fromLatin1(desk::NetworkWatcher::Path), Mock,
                                QStringLiteral("SetGlobalConnectionState"), {10u})
                     .type(),
                 QDBusMessage::ReplyMessage);
        QTRY_VERIFY_WITH_TIMEOUT(network->asleep(), 5000);
        QSignalSpy changed(network.get(), &desk::NetworkWatcher::primaryChanged);
        setPrimary(active.at(1));
        QTRY_VERIFY_WITH_TIMEOUT(network->primaryUuid() != homeUuid, 5000);
        drainBus();
        QCOMPARE(changed.size(), 0);
        QVERIFY(reminders.isEmpty());
    }

    // A Wi-Fi lock on a real mosquitto, its full lock chosen: one full lock (MQTT lockAction
    // 6) when the screen locks, nothing else published to its command topic.
    void aWifiLockOnARealBrokerGetsItsFullLock()
    {
        QVERIFY2(QFile::exists(QStringLiteral("/usr/sbin/mosquitto")),
                 "Debian's mosquitto is part of the test packages");
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.output()));
        nukisim::WifiLockConfig c;
        c.nukiId = 0x3CC0FFEE;
        c.name = QStringLiteral("Cellar");
        c.port = broker.port();
        c.initialState = dev::Unlocked;
        c.lockMs = c.fullLockMs = 300;
        nukisim::SimWifiLock wifi(c);
        QList<QByteArray> commands;
        connect(&wifi, &nukisim::SimWifiLock::commandReceived, this,
                [&](const QString &topic, const QByteArray &payload) {
                    if (topic.endsWith(u"/lockAction"))
                        commands << payload;
                });
        QSignalSpy connected(&wifi, &nukisim::SimWifiLock::connected);
        QVERIFY(wifi.start());
        QVERIFY(connected.wait(5000));
        BrokerConfig b;
        b.host = QStringLiteral("127.0.0.1");
        b.port = broker.port();
        b.id = BrokerConfig::idFor(b.host, b.port);
        b.name = QStringLiteral("Home broker");
        QVERIFY(addBroker(*home, b, QString(), QStringLiteral("desk-dbus-test")));
        const DeviceKey cellar{c.nukiId, 4};
        QTRY_VERIFY_WITH_TIMEOUT(
            host->facts(cellar).reachable && host->facts(cellar).state == dev::Unlocked, 10000);
        Rule full{Trigger::ScreenLock, cellar, 1};
        full.fullLock = true;
        arm({full});
        setLockedHint(true);
        QTRY_COMPARE_WITH_TIMEOUT(commands.size(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            !outcomes.isEmpty() && outcomes.last().outcome == Outcome::Confirmed, 10000);
        QCOMPARE(commands, QList<QByteArray>{"6"});
        QCOMPARE(lockActions().size(), 0); // nothing through the bridge
        home->removeSource(b.id);          // before the broker stops (it is stopped by its PID)
    }
};

int main(int argc, char **argv)
{
    // Before anything in this process touches a bus: the system bus and the session bus are
    // the test's own, and our session is c1 (as logind says in the test).
    PrivateSessionBus system("DBUS_SYSTEM_BUS_ADDRESS");
    PrivateSessionBus session("DBUS_SESSION_BUS_ADDRESS");
    qputenv("XDG_SESSION_ID", "c1");
    QCoreApplication app(argc, argv);
    if (!system.isRunning() || !session.isRunning()) {
        qCritical("dbus-daemon did not start");
        return 1;
    }
    TestDeskDbus test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_desk_dbus.moc"
