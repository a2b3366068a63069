#include "platform/SingleInstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLocalSocket>
#include <QStandardPaths>

SingleInstance::SingleInstance(const QString &name, QObject *parent) : QObject(parent), m_name(name)
{
}

QString SingleInstance::nameFor(const QString &settingsFile, bool demo)
{
    // The desktop session is told apart by its display: two logins of one user (":0" and
    // ":1", or two Wayland sockets) each get their own copy. ":0.0" and ":0" are one display.
    QString session = qEnvironmentVariable("WAYLAND_DISPLAY");
    if (session.isEmpty())
        session = qEnvironmentVariable("DISPLAY").section(u'.', 0, 0);
    const QString config = QFileInfo(settingsFile).absoluteFilePath();
    const QByteArray key = QCryptographicHash::hash(
        (session + u'\n' + config + (demo ? QStringLiteral("\ndemo") : QString())).toUtf8(),
        QCryptographicHash::Sha1);
    // RuntimeLocation is $XDG_RUNTIME_DIR (mode 0700), or a private folder Qt makes instead.
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    return QDir(dir).filePath(QStringLiteral("nuki-desktop-") +
                              QString::fromLatin1(key.toHex().left(16)));
}

QString SingleInstance::activationToken()
{
    const QString wayland = qEnvironmentVariable("XDG_ACTIVATION_TOKEN");
    return wayland.isEmpty() ? qEnvironmentVariable("DESKTOP_STARTUP_ID") : wayland;
}

bool SingleInstance::activateRunning(const QString &token)
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(1000))
        return false;
    // One line: "show" and the token (tokens have no spaces or newlines).
    socket.write("show " + token.toUtf8() + '\n');
    socket.waitForBytesWritten(1000);
    // The first copy answers once it has raised its window; a copy that hangs still counts
    // as running (a second copy would fight it over the same settings).
    socket.waitForReadyRead(2000);
    return true;
}

bool SingleInstance::listen()
{
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server.listen(m_name)) {
        QLocalServer::removeServer(m_name); // left over from a crash: nobody answered above
        if (!m_server.listen(m_name))
            return false;
    }
    connect(&m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *s = m_server.nextPendingConnection()) {
            connect(s, &QLocalSocket::disconnected, s, &QObject::deleteLater);
            connect(s, &QLocalSocket::readyRead, this, [this, s] {
                if (!s->canReadLine())
                    return;
                const QByteArray line = s->readLine().trimmed();
                if (line == "show" || line.startsWith("show ")) {
                    emit activated(QString::fromUtf8(line.mid(5)));
                    s->write("ok\n");
                }
                s->disconnectFromServer();
            });
        }
    });
    return true;
}
