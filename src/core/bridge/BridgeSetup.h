#pragma once

#include "bridge/BridgeClient.h"
#include "bridge/BridgeConfig.h"

#include <QObject>
#include <functional>
#include <memory>

class QTcpSocket;

namespace nuki {

// From an address to a checked bridge, the same way for the set-up assistant and for
// `nukictl add-bridge` / `nukictl auth`: is anything there, the token by the bridge's button,
// then /info and /list with the best token form the bridge accepts (docs/protocol.md §2).
class BridgeSetup : public QObject
{
    Q_OBJECT
public:
    struct Checked
    {
        SourceError error;
        BridgeInfo info;
        QList<Device> devices;
        TokenMode tokenMode = TokenMode::Auto; // the form that worked
        qint64 clockOffset = 0;                // the bridge's clock minus ours
        // Rejected although the token may be right: only the unprotected form is left to try,
        // and only a person may choose it.
        bool onlyPlainLeft = false;
    };

    explicit BridgeSetup(QObject *parent = nullptr);
    ~BridgeSetup() override;

    // "192.168.1.20", "192.168.1.20:8080", "[fe80::1]:8080", "bridge.local" → host and port.
    // An address with a port overrides `*port`; false for anything that is not an address.
    static bool parseAddress(const QString &text, QString *host, quint16 *port);
    // A token has 6 to 20 characters (§2.1).
    static bool tokenLooksValid(const QString &token);

    void setEndpoint(const QString &host, quint16 port);
    QString host() const { return m_client->host(); }
    quint16 port() const { return m_client->port(); }

    // Whether anything answers on the address at all: a TCP connection within `timeoutMs`.
    void probe(int timeoutMs, std::function<void(const SourceError &)> done);
    // The token by the bridge's button. Probes first: an address where nothing listens fails
    // within seconds instead of after the 30 s the button waits. `waiting` runs when the
    // bridge's light is on and the person should press the button.
    void requestToken(std::function<void(const SourceError &, const QString &token)> done,
                      std::function<void()> waiting = {});
    // /info, then /list. `mode` Auto finds the best protected form; Plain only when the person
    // chose it. `clockOffset` starts from what is known of the bridge's clock.
    void check(const QString &token, TokenMode mode, qint64 clockOffset,
               std::function<void(const Checked &)> done);
    // What to save for a checked bridge (never the token).
    BridgeConfig configFor(const Checked &checked, const QString &name) const;
    // Drops what runs: its callbacks are never called (a superseded check, a closed page).
    void cancel();
    bool isIdle() const { return !m_probe && m_client->isIdle(); }

    static constexpr int ProbeTimeoutMs = 3000;
    static constexpr int CheckRetryDeadlineMs = 4000;

private:
    std::unique_ptr<BridgeClient> m_client;
    QTcpSocket *m_probe = nullptr;
    quint64 m_run = 0; // answers of an earlier run (before cancel) are dropped
};

} // namespace nuki
