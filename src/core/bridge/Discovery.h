#pragma once

#include "wire/BridgeJson.h"

#include <QObject>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;

namespace nuki {

// Finding bridges: Nuki's web discovery (its URL is a setting, so tests and the demo point it
// at the simulator), then a probe of each candidate with /info without a token: 200 or 401
// means a bridge answers there. Nothing here runs unless a person asks.
class Discovery : public QObject
{
    Q_OBJECT
public:
    struct Candidate
    {
        QString host;
        quint16 port = 8080;
        quint32 bridgeId = 0;  // from the discovery service; 0 when probed by address
        bool answered = false; // /info answered 200 or 401
        bool discoveryDisabled = false;
    };
    explicit Discovery(QObject *parent = nullptr);

    // The web service: its answer, with entries of bridges that switched discovery off kept
    // (flagged) so the person can be told why a bridge has no address.
    void fetch(const QUrl &url, int timeoutMs,
               std::function<void(bool ok, const QString &error, QList<Candidate>)> done);
    // Probes host:port with GET /info, no token.
    void probe(const QString &host, quint16 port, int timeoutMs,
               std::function<void(bool isBridge)> done);
    // Probes every address of `hosts` on `port`, a few at a time.
    void scan(const QStringList &hosts, quint16 port, int timeoutMs,
              std::function<void(QList<Candidate>)> done);

private:
    QNetworkAccessManager *m_nam;
};

} // namespace nuki
