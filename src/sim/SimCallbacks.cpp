#include "SimCallbacks.h"

#include "SimJson.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace nukisim {

SimCallbacks::SimCallbacks(QObject *parent) : QObject(parent) {}

int SimCallbacks::add(const QString &url, bool allowNonLoopback, QString *message)
{
    const QUrl u(url, QUrl::StrictMode);
    // http only, at most 254 characters (§4.9); an https URL is a 400 on real bridges.
    if (url.size() > 254 || !u.isValid() || u.scheme() != QLatin1String("http") ||
        u.host().isEmpty())
        return Invalid;
    // The network rule: a simulator here never posts to anything but loopback.
    const QHostAddress host(u.host());
    if (!allowNonLoopback && !host.isLoopback() && u.host() != QLatin1String("localhost"))
        return Invalid;
    for (size_t i = 0; i < m_slots.size(); ++i) {
        if (m_slots[i].isEmpty()) { // the lowest free slot [UNCERTAIN on real bridges]
            m_slots[i] = url;
            return Added;
        }
    }
    *message = QStringLiteral("too many callbacks registered");
    return Full;
}

bool SimCallbacks::remove(int id)
{
    if (id < 0 || id >= int(m_slots.size()) || m_slots[size_t(id)].isEmpty())
        return false;
    m_slots[size_t(id)].clear(); // ids are slot numbers and are not renumbered
    return true;
}

void SimCallbacks::clear()
{
    for (auto &s : m_slots)
        s.clear();
    m_queue.clear();
}

QList<QString> SimCallbacks::urls() const
{
    QList<QString> list;
    for (const auto &s : m_slots)
        if (!s.isEmpty())
            list << s;
    return list;
}

QByteArray SimCallbacks::listJson() const
{
    JsonArray list;
    for (size_t i = 0; i < m_slots.size(); ++i)
        if (!m_slots[i].isEmpty())
            list.addRaw(JsonObject().add("id", int(i)).add("url", m_slots[i]).toJson());
    return JsonObject().addRaw("callbacks", list.toJson()).toJson();
}

void SimCallbacks::deliver(const QByteArray &body)
{
    for (size_t i = 0; i < m_slots.size(); ++i)
        if (!m_slots[i].isEmpty())
            m_queue << Job{body, int(i)};
    sendNext();
}

void SimCallbacks::sendNext()
{
    // One POST at a time, like the bridge's single outgoing connection. A plain socket, so the
    // POST can leave from the bridge's address (QNetworkAccessManager cannot bind one).
    while (!m_sending && !m_queue.isEmpty()) {
        const Job job = m_queue.takeFirst();
        const QString url = m_slots[size_t(job.slot)];
        if (url.isEmpty())
            continue;
        const QUrl u(url);
        m_sending = true;
        auto *socket = new QTcpSocket(this);
        auto *timer = new QTimer(socket);
        timer->setSingleShot(true);
        if (!m_source.isNull())
            socket->bind(m_source);
        auto done = [this, socket, job, url](bool ok) {
            if (!m_sending || socket->property("done").toBool())
                return;
            socket->setProperty("done", true);
            socket->abort();
            socket->deleteLater();
            m_sending = false;
            ok ? ++m_delivered : ++m_failed;
            emit deliveryFinished(url, ok);
            if (!ok && m_stopAfterFailure) {
                // Reported from real bridges: a failing first callback starves the others.
                m_queue.removeIf([&](const Job &j) { return j.body == job.body; });
            }
            sendNext();
        };
        connect(timer, &QTimer::timeout, this, [done] { done(false); });
        connect(socket, &QTcpSocket::connected, this, [socket, u, job] {
            const QByteArray path =
                u.path(QUrl::FullyEncoded).toUtf8() +
                (u.hasQuery() ? '?' + u.query(QUrl::FullyEncoded).toUtf8() : QByteArray());
            socket->write(
                "POST " + (path.isEmpty() ? QByteArray("/") : path) +
                " HTTP/1.1\r\nHost: " + u.host().toUtf8() + ':' + QByteArray::number(u.port(80)) +
                "\r\nContent-Type: application/json\r\nContent-Length: " +
                QByteArray::number(job.body.size()) + "\r\nConnection: close\r\n\r\n" + job.body);
        });
        connect(socket, &QTcpSocket::readyRead, this, [socket, done] {
            const QByteArray head = socket->peek(64);
            if (!head.contains("\r\n"))
                return;
            const int status = head.split(' ').value(1).toInt();
            done(status >= 200 && status < 300);
        });
        connect(socket, &QTcpSocket::errorOccurred, this, [done] { done(false); });
        timer->start(m_timeoutMs);
        socket->connectToHost(u.host(), quint16(u.port(80)));
    }
}

} // namespace nukisim
