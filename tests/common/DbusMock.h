#pragma once
// python3-dbusmock (Debian's package, run by Debian's /usr/bin/python3) playing a system
// service on a bus the test owns: logind, NetworkManager, a screensaver. The process is
// started with a bounded wait for its name on the bus and stopped by its PID.
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QDeadlineTimer>
#include <QProcess>
#include <QThread>

class DbusMock
{
public:
    static constexpr const char *MockInterface = "org.freedesktop.DBus.Mock";

    DbusMock() = default;
    DbusMock(const DbusMock &) = delete;
    DbusMock &operator=(const DbusMock &) = delete;
    ~DbusMock() { stop(); }

    // `args`: what follows "-m dbusmock", e.g. {"--system", "-t", "logind"}. `name`: the bus
    // name it owns once it is ready; `bus`: where to look for it.
    bool start(const QStringList &args, const QString &name, const QDBusConnection &bus)
    {
        m_name = name;
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral("/usr/bin/python3"), QStringList{"-m", "dbusmock"} + args);
        if (!m_process.waitForStarted(10000))
            return false;
        const QDeadlineTimer deadline(15000);
        while (!deadline.hasExpired()) {
            if (bus.interface()->isServiceRegistered(name).value())
                return true;
            if (m_process.state() != QProcess::Running)
                return false;
            // The mock is another process: nothing of ours to wait on but its name.
            m_process.waitForFinished(50);
        }
        return false;
    }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate(); // SIGTERM to its PID
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    bool running() const { return m_process.state() == QProcess::Running; }
    QString name() const { return m_name; }

    // A call to the mock (or to the service it plays), answered within 5 s.
    static QDBusMessage call(const QDBusConnection &bus, const QString &service,
                             const QString &path, const QString &interface, const QString &method,
                             const QVariantList &args = {})
    {
        QDBusMessage m = QDBusMessage::createMethodCall(service, path, interface, method);
        m.setArguments(args);
        return bus.call(m, QDBus::Block, 5000);
    }
    // The mock emits `signal` from its own name (as the real service would).
    static QDBusMessage emitSignal(const QDBusConnection &bus, const QString &service,
                                   const QString &path, const QString &interface,
                                   const QString &signal, const QString &signature,
                                   const QVariantList &args)
    {
        return call(bus, service, path, QString::fromLatin1(MockInterface),
                    QStringLiteral("EmitSignal"),
                    {interface, signal, signature, QVariant::fromValue(args)});
    }

private:
    QProcess m_process;
    QString m_name;
};
