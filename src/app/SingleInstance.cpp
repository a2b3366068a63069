#include "SingleInstance.h"

#include <QLocalSocket>
#include <unistd.h>

SingleInstance::SingleInstance(const QString &name, QObject *parent) : QObject(parent), m_name(name)
{
}

QString SingleInstance::defaultName()
{
    return QStringLiteral("nuki-desktop-%1").arg(getuid());
}

bool SingleInstance::activateRunning()
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(1000))
        return false;
    socket.write("show\n");
    socket.waitForBytesWritten(1000);
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
            connect(s, &QLocalSocket::readyRead, this, [this, s] {
                if (s->readAll().startsWith("show"))
                    emit activated();
                s->deleteLater();
            });
        }
    });
    return true;
}
