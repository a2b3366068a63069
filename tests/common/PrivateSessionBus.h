#pragma once
// A D-Bus session bus of the test's own, started before anything in the test touches the bus.
// Its configuration names one service directory (a temporary folder the test fills) and none
// of the standard ones, so a notification daemon installed on the machine (dunst, mako, ...)
// cannot be activated and cannot change a test's outcome. The daemon is stopped by its PID.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

class PrivateSessionBus
{
public:
    // `envVar`: DBUS_SESSION_BUS_ADDRESS, or DBUS_SYSTEM_BUS_ADDRESS for a private stand-in of
    // the system bus (where the test's python3-dbusmock plays logind).
    explicit PrivateSessionBus(const char *envVar = "DBUS_SESSION_BUS_ADDRESS")
    {
        if (!m_dir.isValid() || !QDir(m_dir.path()).mkdir(QStringLiteral("services")))
            return;
        const QString config = m_dir.filePath(QStringLiteral("bus.conf"));
        QFile f(config);
        if (!f.open(QIODevice::WriteOnly))
            return;
        f.write(
            "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
            " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
            "<busconfig>\n  <type>session</type>\n"
            "  <listen>unix:dir=" +
            m_dir.path().toUtf8() +
            "</listen>\n"
            "  <servicedir>" +
            serviceDir().toUtf8() +
            "</servicedir>\n"
            "  <policy context=\"default\">\n"
            "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
            "    <allow eavesdrop=\"true\"/>\n    <allow own=\"*\"/>\n"
            "  </policy>\n</busconfig>\n");
        f.close();
        int out[2];
        if (::pipe(out) != 0)
            return;
        const QByteArray configArg = "--config-file=" + config.toUtf8();
        char *argv[] = {const_cast<char *>("dbus-daemon"), const_cast<char *>(configArg.data()),
                        const_cast<char *>("--nofork"), const_cast<char *>("--print-address=1"),
                        nullptr};
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, out[1], 1);
        posix_spawn_file_actions_addclose(&actions, out[0]);
        const int rc = posix_spawnp(&m_pid, "dbus-daemon", &actions, nullptr, argv, environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(out[1]);
        if (rc != 0) {
            m_pid = 0;
            ::close(out[0]);
            return;
        }
        // The address, once the daemon listens: a bounded wait of 10 s.
        QByteArray line;
        pollfd p{out[0], POLLIN, 0};
        char c = 0;
        while (!line.endsWith('\n') && ::poll(&p, 1, 10000) > 0 && ::read(out[0], &c, 1) == 1)
            line += c;
        ::close(out[0]);
        m_address = QString::fromUtf8(line.trimmed());
        if (!m_address.isEmpty())
            ::setenv(envVar, line.trimmed().constData(), 1);
    }
    ~PrivateSessionBus()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGTERM);
            ::waitpid(m_pid, nullptr, 0);
        }
    }
    PrivateSessionBus(const PrivateSessionBus &) = delete;
    PrivateSessionBus &operator=(const PrivateSessionBus &) = delete;

    bool isRunning() const { return m_pid > 0 && !m_address.isEmpty(); }
    QString address() const { return m_address; }
    // The only folder this bus looks for .service files in.
    QString serviceDir() const { return m_dir.filePath(QStringLiteral("services")); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    pid_t m_pid = 0;
    QString m_address;
};
