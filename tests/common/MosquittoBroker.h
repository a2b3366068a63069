#pragma once

// A real mosquitto for one test: Debian's broker on 127.0.0.1 and a free port, with a config
// made for the test (users in a password file, an ACL, persistence off unless asked, TLS on a
// second listener with a CA made for it), stopped by its PID. Nothing else is reached.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

class MosquittoBroker
{
public:
    struct User
    {
        QString name;
        QString password;
        QStringList aclLines; // "topic readwrite nuki/#", "topic read homeassistant/#"
    };

    QString binary = QStringLiteral("/usr/sbin/mosquitto");
    QList<User> users; // none: anonymous clients are allowed
    bool persistence = false;
    bool tls = false; // a second listener with a CA of its own (caFile())

    ~MosquittoBroker() { stop(); }

    bool start()
    {
        if (!m_dir.isValid() || !QFile::exists(binary))
            return false;
        if (m_port == 0)
            m_port = freePort();
        if (tls && m_tlsPort == 0)
            m_tlsPort = freePort();
        if (!writeConfig())
            return false;
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        // A test that crashes runs no destructor: the kernel then ends the broker with it.
        m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        m_process->start(binary, {QStringLiteral("-c"), path("mosquitto.conf")});
        if (!m_process->waitForStarted(5000))
            return false;
        // Ready when it accepts a connection (bounded).
        for (int i = 0; i < 100; ++i) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, m_port);
            if (probe.waitForConnected(100))
                return true;
            if (m_process->state() != QProcess::Running) {
                m_output += m_process->readAll(); // why it ended, for the test's message
                return false;
            }
            QTest::qWait(50);
        }
        return false;
    }
    // Stops it by its PID and waits for it: nothing is left running.
    void stop()
    {
        if (!m_process)
            return;
        if (m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(5000)) {
                m_process->kill();
                m_process->waitForFinished(5000);
            }
        }
        m_output += m_process->readAll();
        m_process.reset();
    }
    // Gone at once, as a crash or a pulled plug (no clean goodbye to the clients).
    void kill()
    {
        if (!m_process)
            return;
        ::kill(pid_t(m_process->processId()), SIGKILL);
        m_process->waitForFinished(5000);
        m_process.reset();
    }
    bool restart()
    {
        stop();
        return start(); // the same port: clients come back by themselves
    }
    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }
    quint16 port() const { return m_port; }
    quint16 tlsPort() const { return m_tlsPort; }
    QString caFile() const { return path("ca.crt"); }
    QString output() const { return QString::fromLocal8Bit(m_output); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

private:
    static quint16 freePort()
    {
        QTcpServer s;
        s.listen(QHostAddress::LocalHost, 0);
        return s.serverPort();
    }
    bool run(const QString &program, const QStringList &args)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(program, args);
        const bool ok =
            p.waitForFinished(20000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        if (!ok) // said in output(), which a failing test prints
            m_output += program.toLocal8Bit() + " failed: " + p.readAll();
        return ok;
    }
    bool makeCertificates()
    {
        // A CA, and a server certificate for "localhost" and 127.0.0.1 that it signed.
        QFile ext(path("san.ext"));
        if (!ext.open(QIODevice::WriteOnly))
            return false;
        ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        ext.close();
        const QString openssl = QStringLiteral("openssl");
        return run(openssl, {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                             "/CN=Nuki Desktop test CA", "-keyout", path("ca.key"), "-out",
                             path("ca.crt")}) &&
               run(openssl, {"req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
                             "-keyout", path("server.key"), "-out", path("server.csr")}) &&
               run(openssl, {"x509", "-req", "-in", path("server.csr"), "-CA", path("ca.crt"),
                             "-CAkey", path("ca.key"), "-CAcreateserial", "-days", "2", "-extfile",
                             path("san.ext"), "-out", path("server.crt")});
    }
    bool writeConfig()
    {
        QString conf;
        // Started as root (a container), mosquitto switches to the user "mosquitto", which
        // cannot read this test's private folder (password file, ACL, keys): stay root.
        if (::geteuid() == 0)
            conf += QStringLiteral("user root\n");
        conf += QStringLiteral("per_listener_settings false\n");
        conf += QStringLiteral("persistence %1\n").arg(persistence ? "true" : "false");
        if (persistence)
            conf += QStringLiteral("persistence_location %1/\n").arg(m_dir.path());
        conf += QStringLiteral("log_dest stdout\nlog_type error\nlog_type warning\n");
        conf += QStringLiteral("listener %1 127.0.0.1\n").arg(m_port);
        if (tls) {
            if (!QFile::exists(path("ca.crt")) && !makeCertificates())
                return false;
            conf += QStringLiteral("listener %1 127.0.0.1\ncafile %2\ncertfile %3\nkeyfile %4\n")
                        .arg(m_tlsPort)
                        .arg(path("ca.crt"), path("server.crt"), path("server.key"));
        }
        if (users.isEmpty()) {
            conf += QStringLiteral("allow_anonymous true\n");
        } else {
            conf += QStringLiteral("allow_anonymous false\npassword_file %1\nacl_file %2\n")
                        .arg(path("passwords"), path("acl"));
            QFile(path("passwords")).remove();
            QFile acl(path("acl"));
            if (!acl.open(QIODevice::WriteOnly))
                return false;
            for (const User &u : std::as_const(users)) {
                QStringList args{QStringLiteral("-b")};
                if (!QFile::exists(path("passwords")))
                    args << QStringLiteral("-c");
                args << path("passwords") << u.name << u.password;
                if (!run(QStringLiteral("/usr/bin/mosquitto_passwd"), args))
                    return false;
                acl.write(QStringLiteral("user %1\n").arg(u.name).toUtf8());
                for (const QString &line : u.aclLines)
                    acl.write((line + u'\n').toUtf8());
            }
            acl.close();
        }
        QFile f(path("mosquitto.conf"));
        if (!f.open(QIODevice::WriteOnly))
            return false;
        f.write(conf.toUtf8());
        return true;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_output;
    quint16 m_port = 0;
    quint16 m_tlsPort = 0;
};
