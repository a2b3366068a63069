// The real executable in demo mode, read as a screen reader reads it: over AT-SPI (the
// accessibility bus of at-spi2-core, started here and stopped by its PID). Also: at 2× scale on
// the 1280×800 screen the window fits. Run through scripts/with-desktop.sh.
#include "XdoTool.h"
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusReply>
#include <QDBusVariant>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

namespace {

struct AtspiRef
{
    QString service;
    QDBusObjectPath path;
};

QDBusArgument &operator<<(QDBusArgument &a, const AtspiRef &r)
{
    a.beginStructure();
    a << r.service << r.path;
    a.endStructure();
    return a;
}
const QDBusArgument &operator>>(const QDBusArgument &a, AtspiRef &r)
{
    a.beginStructure();
    a >> r.service >> r.path;
    a.endStructure();
    return a;
}

constexpr int StateShowing = 25; // AtspiStateType

} // namespace

Q_DECLARE_METATYPE(AtspiRef)

class TestE2eAtspi : public QObject
{
    Q_OBJECT
    QString shots = qEnvironmentVariable("NUKI_SCREENSHOTS");
    QProcess launcher;
    QString address;

    QDBusMessage call(const AtspiRef &r, const QString &iface, const QString &method,
                      const QVariantList &args = {})
    {
        QDBusMessage m = QDBusMessage::createMethodCall(r.service, r.path.path(), iface, method);
        m.setArguments(args);
        return QDBusConnection(QStringLiteral("a11y")).call(m, QDBus::Block, 5000);
    }
    QString name(const AtspiRef &r)
    {
        const QDBusMessage m =
            call(r, QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"),
                 {QStringLiteral("org.a11y.atspi.Accessible"), QStringLiteral("Name")});
        return m.arguments().isEmpty()
                   ? QString()
                   : m.arguments().first().value<QDBusVariant>().variant().toString();
    }
    QList<AtspiRef> children(const AtspiRef &r)
    {
        const QDBusMessage m =
            call(r, QStringLiteral("org.a11y.atspi.Accessible"), QStringLiteral("GetChildren"));
        QList<AtspiRef> list;
        if (!m.arguments().isEmpty())
            m.arguments().first().value<QDBusArgument>() >> list;
        return list;
    }
    QString roleName(const AtspiRef &r)
    {
        const QDBusMessage m =
            call(r, QStringLiteral("org.a11y.atspi.Accessible"), QStringLiteral("GetRoleName"));
        return m.arguments().isEmpty() ? QString() : m.arguments().first().toString();
    }
    bool showing(const AtspiRef &r)
    {
        const QDBusMessage m =
            call(r, QStringLiteral("org.a11y.atspi.Accessible"), QStringLiteral("GetState"));
        if (m.arguments().isEmpty())
            return false;
        QList<uint> bits;
        m.arguments().first().value<QDBusArgument>() >> bits;
        return bits.size() == 2 && (bits.at(0) & (1u << StateShowing));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DISPLAY"),
                 "needs an X server: run through scripts/with-desktop.sh");
        QVERIFY2(QDBusConnection::sessionBus().isConnected(), "no D-Bus session bus");
        QDir().mkpath(shots);
        qDBusRegisterMetaType<AtspiRef>();
        qDBusRegisterMetaType<QList<AtspiRef>>();
        qDBusRegisterMetaType<QList<uint>>();
        // Our own accessibility bus, as a desktop session starts it, stopped in cleanupTestCase.
        const QString exe = QStringLiteral("/usr/libexec/at-spi-bus-launcher");
        QVERIFY2(QFile::exists(exe), "at-spi2-core is not installed (scripts/install-deps.sh)");
        launcher.setProcessChannelMode(QProcess::ForwardedChannels);
        launcher.start(exe, {QStringLiteral("--launch-immediately")});
        QVERIFY(launcher.waitForStarted(5000));
        QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
        QTRY_VERIFY_WITH_TIMEOUT(bus->isServiceRegistered(QStringLiteral("org.a11y.Bus")), 10000);
        QDBusMessage get = QDBusMessage::createMethodCall(
            QStringLiteral("org.a11y.Bus"), QStringLiteral("/org/a11y/bus"),
            QStringLiteral("org.a11y.Bus"), QStringLiteral("GetAddress"));
        QDBusReply<QString> reply = QDBusConnection::sessionBus().call(get, QDBus::Block, 5000);
        QVERIFY2(reply.isValid() && !reply.value().isEmpty(),
                 "no AT-SPI bus address from org.a11y.Bus");
        address = reply.value();
        // What a screen reader does when it starts: switch accessibility on for every app.
        QDBusMessage enable = QDBusMessage::createMethodCall(
            QStringLiteral("org.a11y.Bus"), QStringLiteral("/org/a11y/bus"),
            QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Set"));
        enable.setArguments({QStringLiteral("org.a11y.Status"), QStringLiteral("IsEnabled"),
                             QVariant::fromValue(QDBusVariant(true))});
        QVERIFY(QDBusConnection::sessionBus().call(enable, QDBus::Block, 5000).type() ==
                QDBusMessage::ReplyMessage);
        QVERIFY2(QDBusConnection::connectToBus(address, QStringLiteral("a11y")).isConnected(),
                 qPrintable(address));
    }

    void cleanupTestCase()
    {
        // The registry daemon the bus started: stopped by its PID, asked of the bus.
        QDBusConnection a11y(QStringLiteral("a11y"));
        const QDBusReply<uint> registry =
            a11y.interface()->servicePid(QStringLiteral("org.a11y.atspi.Registry"));
        if (registry.isValid() && registry.value() > 1) {
            const QString stat = QStringLiteral("/proc/%1/stat").arg(registry.value());
            ::kill(pid_t(registry.value()), SIGTERM);
            auto gone = [&] {
                QFile f(stat);
                return !f.open(QIODevice::ReadOnly) ||
                       QString::fromLatin1(f.readAll())
                           .section(QStringLiteral(") "), 1, 1)
                           .startsWith(u'Z'); // ended, not yet reaped
            };
            QTRY_VERIFY_WITH_TIMEOUT(gone(), 10000);
        }
        QDBusConnection::disconnectFromBus(QStringLiteral("a11y"));
        if (launcher.state() != QProcess::NotRunning) {
            launcher.terminate(); // it stops its bus daemon (and the registry with it)
            QVERIFY(launcher.waitForFinished(10000));
        }
    }

    void demoWindowReadsWell()
    {
        QTemporaryDir dir;
        QProcess app;
        app.setProcessChannelMode(QProcess::ForwardedChannels);
        app.start(qEnvironmentVariable("NUKI_DESKTOP"),
                  {QStringLiteral("--demo"), QStringLiteral("--config"),
                   dir.filePath(QStringLiteral("s.ini"))});
        QVERIFY(app.waitForStarted(10000));
        QVERIFY(
            QTest::qWaitFor([&] { return !findWindow(QStringLiteral("Nuki Desktop")).isEmpty(); },
                            20000)); // one query per step
        // The app on the accessibility bus: the one whose root is named nuki-desktop.
        QDBusConnection a11y(QStringLiteral("a11y"));
        AtspiRef root;
        auto findApp = [&] {
            for (const QString &service : a11y.interface()->registeredServiceNames().value()) {
                if (!service.startsWith(u':') || service == a11y.baseService())
                    continue; // names only, and never a call to ourselves
                const AtspiRef r{service, QDBusObjectPath("/org/a11y/atspi/accessible/root")};
                if (name(r) == u"nuki-desktop") {
                    root = r;
                    return true;
                }
            }
            return false;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(findApp(), "the app never appeared on the AT-SPI bus", 20000);
        // Walk it once the cards are there (16 buttons and more), a bounded number of times.
        QStringList problems, buttons, all;
        QString windowName;
        auto walk = [&] {
            problems.clear();
            buttons.clear();
            all.clear();
            windowName.clear();
            std::function<void(const AtspiRef &, int)> visit = [&](const AtspiRef &r, int depth) {
                if (depth > 40)
                    return;
                const QString role = roleName(r);
                const QString n = name(r).trimmed();
                if (role == u"frame" && depth == 1)
                    windowName = n;
                if (depth > 1 && !showing(r))
                    return;
                all << role + u':' + n;
                static const QStringList controls{
                    QStringLiteral("push button"), QStringLiteral("toggle button"),
                    QStringLiteral("check box"),   QStringLiteral("radio button"),
                    QStringLiteral("combo box"),   QStringLiteral("text"),
                    QStringLiteral("entry"),       QStringLiteral("password text"),
                    QStringLiteral("spin button"), QStringLiteral("progress bar"),
                    QStringLiteral("list"),        QStringLiteral("scroll bar"),
                    QStringLiteral("menu item"),   QStringLiteral("menu"),
                    QStringLiteral("page tab"),    QStringLiteral("slider")};
                if (controls.contains(role) && n.isEmpty())
                    problems << QStringLiteral("unnamed %1").arg(role);
                if (role.endsWith(QStringLiteral("button")) || role == u"check box")
                    buttons << n;
                for (const AtspiRef &c : children(r))
                    visit(c, depth + 1);
            };
            visit(root, 0);
            return buttons.contains(QStringLiteral("Lock Front door"));
        };
        QTRY_VERIFY2_WITH_TIMEOUT(walk(), qPrintable(all.join(u'\n')), 20000);
        QVERIFY2(windowName.contains(QStringLiteral("demo")), qPrintable(windowName));
        QVERIFY2(buttons.size() >= 16, qPrintable(buttons.join(u',')));
        for (const QString &b : std::as_const(buttons))
            if (buttons.count(b) > 1)
                problems << QStringLiteral("%1 buttons read “%2”").arg(buttons.count(b)).arg(b);
        problems.removeDuplicates();
        QVERIFY2(problems.isEmpty(),
                 qPrintable(problems.join(u'\n') + QStringLiteral("\n---\n") + all.join(u'\n')));
        qInfo("AT-SPI: window “%s”, %lld nodes showing, %lld buttons, all named and distinct",
              qPrintable(windowName), qint64(all.size()), qint64(buttons.size()));
        app.terminate();
        QVERIFY(app.waitForFinished(10000));
    }

    // At twice the scale the screen is 640×400 logical pixels: the window still fits.
    void fitsTheScreenAtDoubleScale()
    {
        QTemporaryDir dir;
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_SCALE_FACTOR"), QStringLiteral("2"));
        app.setProcessEnvironment(env);
        app.setProcessChannelMode(QProcess::ForwardedChannels);
        app.start(qEnvironmentVariable("NUKI_DESKTOP"),
                  {QStringLiteral("--demo"), QStringLiteral("--config"),
                   dir.filePath(QStringLiteral("s.ini"))});
        QVERIFY(app.waitForStarted(10000));
        // Of the windows with that name (the client leader is one, 1×1), the largest.
        QHash<QString, int> g;
        auto geometry = [&] {
            g.clear();
            const QString ids = xdotool({QStringLiteral("search"), QStringLiteral("--pid"),
                                         QString::number(app.processId())});
            for (const QString &id : ids.split(u'\n')) {
                QHash<QString, int> one;
                for (const QString &line :
                     xdotool({QStringLiteral("getwindowgeometry"), QStringLiteral("--shell"), id})
                         .split(u'\n'))
                    if (line.contains(u'='))
                        one[line.section(u'=', 0, 0)] = line.section(u'=', 1).toInt();
                if (one.value(QStringLiteral("HEIGHT")) > g.value(QStringLiteral("HEIGHT")))
                    g = one;
            }
            return g.value(QStringLiteral("HEIGHT")) > 100;
        };
        QVERIFY(QTest::qWaitFor(geometry, 10000)); // one look per step: `g` is that look
        const QString file = shots + QStringLiteral("/e2e-scale-2.png");
        QProcess::execute(QStringLiteral("import"),
                          {QStringLiteral("-window"), QStringLiteral("root"), file});
        QVERIFY(QFile::exists(file));
        const QString what = QStringLiteral("window at %1,%2 size %3×%4 on 1280×800")
                                 .arg(g.value(QStringLiteral("X")))
                                 .arg(g.value(QStringLiteral("Y")))
                                 .arg(g.value(QStringLiteral("WIDTH")))
                                 .arg(g.value(QStringLiteral("HEIGHT")));
        qInfo("%s", qPrintable(what));
        QVERIFY2(g.value(QStringLiteral("HEIGHT")) <= 800, qPrintable(what));
        QVERIFY2(g.value(QStringLiteral("Y")) >= 0 &&
                     g.value(QStringLiteral("Y")) + g.value(QStringLiteral("HEIGHT")) <= 800,
                 qPrintable(what));
        QVERIFY2(g.value(QStringLiteral("X")) >= 0 &&
                     g.value(QStringLiteral("X")) + g.value(QStringLiteral("WIDTH")) <= 1280,
                 qPrintable(what));
        app.terminate();
        QVERIFY(app.waitForFinished(10000));
    }
};

QTEST_MAIN(TestE2eAtspi)
#include "tst_e2e_atspi.moc"
