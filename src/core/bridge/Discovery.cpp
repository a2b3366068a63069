#include "bridge/Discovery.h"

#include "wire/HttpGet.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <memory>

namespace nuki {

Discovery::Discovery(QObject *parent) : QObject(parent), m_nam(new QNetworkAccessManager(this)) {}

void Discovery::fetch(const QUrl &url, int timeoutMs,
                      std::function<void(bool, const QString &, QList<Candidate>)> done)
{
    // The web service is HTTPS on the internet: QNetworkAccessManager, unlike bridge requests,
    // which go through HttpGet. A repeated GET here is harmless.
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = m_nam->get(request);
    // Bounded like a bridge's answer: an endless or huge body is cut off, not buffered, and
    // a slow trickle ends at the deadline (the transfer timeout alone restarts with each byte).
    reply->setReadBufferSize(MaxBodyBytes + 1);
    auto tooLarge = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, tooLarge](qint64 received) {
        if (received > MaxBodyBytes && !*tooLarge) {
            *tooLarge = true;
            reply->abort();
        }
    });
    QTimer::singleShot(timeoutMs, reply, [reply] { reply->abort(); });
    connect(reply, &QNetworkReply::finished, this, [reply, done, tooLarge] {
        reply->deleteLater();
        if (*tooLarge) {
            done(false,
                 QCoreApplication::translate("nuki::Discovery",
                                             "The discovery service's answer is too large."),
                 {});
            return;
        }
        if (reply->error() != QNetworkReply::NoError) {
            done(false, reply->errorString(), {});
            return;
        }
        QList<DiscoveredBridge> found;
        QString error;
        if (!parseDiscovery(reply->read(MaxBodyBytes), &found, &error)) {
            done(false, error, {});
            return;
        }
        QList<Candidate> list;
        for (const DiscoveredBridge &b : found)
            list << Candidate{b.ip, quint16(b.port), b.bridgeId, false, b.discoveryDisabled()};
        done(true, {}, list);
    });
}

void Discovery::probe(const QString &host, quint16 port, int timeoutMs,
                      std::function<void(bool)> done)
{
    auto *get = new HttpGet(host, port, "/info", timeoutMs, this);
    connect(get, &HttpGet::finished, this, [get, done](const HttpResult &r) {
        get->deleteLater();
        done(r.outcome == HttpResult::Ok && (r.status == 200 || r.status == 401));
    });
    get->start();
}

void Discovery::scan(const QStringList &hosts, quint16 port, int timeoutMs,
                     std::function<void(QList<Candidate>)> done)
{
    struct State
    {
        QStringList left;
        QList<Candidate> found;
        int running = 0;
    };
    auto state = std::make_shared<State>();
    state->left = hosts;
    auto next = std::make_shared<std::function<void()>>();
    *next = [this, state, port, timeoutMs, done, next] {
        // At most 8 probes at once: gentle to the network and to this machine.
        while (state->running < 8 && !state->left.isEmpty()) {
            const QString host = state->left.takeFirst();
            ++state->running;
            probe(host, port, timeoutMs, [state, host, port, next](bool isBridge) {
                --state->running;
                if (isBridge)
                    state->found << Candidate{host, port, 0, true, false};
                (*next)();
            });
        }
        if (state->running == 0 && state->left.isEmpty()) {
            done(state->found);
            // Break the self-reference once this call has returned.
            QTimer::singleShot(0, [next] { *next = nullptr; });
        }
    };
    (*next)();
}

} // namespace nuki
