#include "SimCallbacks.h"

#include "SimJson.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

namespace nukisim {

SimCallbacks::SimCallbacks(QObject *parent)
    : QObject(parent), m_nam(new QNetworkAccessManager(this))
{
}

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
    // One POST at a time, like the bridge's single outgoing connection.
    while (!m_sending && !m_queue.isEmpty()) {
        const Job job = m_queue.takeFirst();
        const QString url = m_slots[size_t(job.slot)];
        if (url.isEmpty())
            continue;
        QNetworkRequest request{QUrl(url)};
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        request.setTransferTimeout(m_timeoutMs);
        m_sending = true;
        QNetworkReply *reply = m_nam->post(request, job.body);
        connect(reply, &QNetworkReply::finished, this, [this, reply, job, url] {
            reply->deleteLater();
            m_sending = false;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const bool ok =
                reply->error() == QNetworkReply::NoError && status >= 200 && status < 300;
            ok ? ++m_delivered : ++m_failed;
            emit deliveryFinished(url, ok);
            if (!ok && m_stopAfterFailure) {
                // Reported from real bridges: a failing first callback starves the others.
                m_queue.removeIf([&](const Job &j) { return j.body == job.body; });
            }
            sendNext();
        });
    }
}

} // namespace nukisim
