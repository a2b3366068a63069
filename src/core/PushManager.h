#pragma once

#include "CallbackReceiver.h"
#include "HomeTypes.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <functional>

namespace nuki {

class BridgeClient;
class Home;

// Instant updates: keeps this installation's callback registered on each bridge (and only
// its own: another app's slot is never removed), feeds pushed states into Home, and falls
// back to polling when push is impossible or goes silent. Polling stays on as a safety net:
// with push working, /list and /callback/list each run every two heartbeats, alternating,
// so an idle bridge sees about 60 requests an hour.
class PushManager : public QObject
{
    Q_OBJECT
public:
    struct BridgePush
    {
        bool active = false;
        QString problem;              // in words, for the bridge details
        QList<CallbackEntry> entries; // the bridge's callback slots as last read
        int missed = 0;
        QDeadlineTimer silentUntil; // after push went silent: polling only until then
        QTimer *check = nullptr;
        bool checking = false;   // a check is waiting for the bridge
        bool checkAgain = false; // asked for while one was running
    };

    PushManager(Home *home, const QString &secretPath, QObject *parent = nullptr);
    void setPort(quint16 port) { m_port = port; } // 0: any free port
    void setListenAddress(const QHostAddress &address) { m_override = address; }
    void setHeartbeatMs(int ms) { m_heartbeatMs = ms; }
    // How long to stay on polling after push went silent before trying push again.
    void setRetryAfterSilenceMs(int ms) { m_retryAfterSilenceMs = ms; }

    void enable(const QString &bridgeId);
    void disable(const QString &bridgeId, std::function<void()> done = {});
    // For a bridge being removed: takes our callbacks off it through its (detached) client,
    // then `done`. The caller owns the client and bounds the time.
    void release(BridgeClient *client, std::function<void()> done);
    // Removes our callback from every bridge; `done` runs when all answered (or gave up).
    void shutdown(std::function<void()> done);
    const BridgePush *state(const QString &bridgeId) const;
    CallbackReceiver *receiverFor(const QString &bridgeId) const;
    QString callbackUrl(const QString &bridgeId) const;

signals:
    void changed(const QString &bridgeId);

private:
    void check(const QString &bridgeId);
    void setActive(const QString &bridgeId, bool active, const QString &problem);
    void removeOurs(BridgeClient *client, std::function<void()> done);
    bool isOurs(const QString &url) const;
    QHostAddress localAddressFor(const QString &bridgeId) const;
    CallbackReceiver *prepareReceiver(const QString &bridgeId);
    CallbackReceiver *receiver(const QHostAddress &local);

    Home *m_home;
    QString m_path;
    quint16 m_port = 0;
    QHostAddress m_override;
    int m_heartbeatMs = 60000;
    int m_retryAfterSilenceMs = 300000;
    QHash<QString, BridgePush> m_bridges;
    QHash<QString, CallbackReceiver *> m_receivers; // by local address
};

} // namespace nuki
