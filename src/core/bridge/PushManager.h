#pragma once

#include "bridge/CallbackReceiver.h"
#include "home/HomeTypes.h"
#include "wire/BridgeJson.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <functional>

namespace nuki {

class BridgeClient;
class BridgeSource;
class Home;

// Instant updates: keeps this installation's callback registered on each bridge (and only
// its own: another app's slot is never removed), feeds pushed states into Home, and falls
// back to polling when push is impossible or goes silent.
// Polling stays on as a safety net with a bound: with push working, /list runs once a
// heartbeat (60 s, start to start), so a state that push failed to deliver is at most a
// heartbeat old when it shows. One such mismatch is enough: push is declared silent, polling
// takes over and the registration is checked at once. That mismatch check is also what
// notices a lost registration in between, so /callback/list needs running only every
// RegistrationCheckEvery heartbeats (15 min) while push works: about 65 requests an hour on
// an idle bridge (61 /list + 4 /callback/list). Without push, it runs every two heartbeats,
// which is how push comes back.
class PushManager : public QObject
{
    Q_OBJECT
public:
    struct BridgePush
    {
        bool active = false;
        bool enabled = false; // between enable() and disable(): a late answer changes nothing
        QString problem;      // in words, for the bridge details
        QList<CallbackEntry> entries;          // the bridge's callback slots as last read
        QSet<QPair<quint32, int>> unconfirmed; // polling saw these change; their push is due
        QTimer *grace = nullptr;
        QDeadlineTimer silentUntil; // after push went silent: polling only until then
        QTimer *check = nullptr;
        bool checking = false;   // a check is waiting for the bridge
        bool checkAgain = false; // asked for while one was running
    };

    static constexpr int RegistrationCheckEvery = 15;

    PushManager(Home *home, const QString &secretPath, QObject *parent = nullptr);
    // A fresh unguessable callback path, for a front end that keeps none (the demo): front
    // ends take what they need from here, not from the callback receiver's header.
    static QString newSecretPath();
    void setPort(quint16 port) { m_port = port; } // 0: any free port
    void setListenAddress(const QHostAddress &address) { m_override = address; }
    // With push on: the /list period, and so the bound on a missed state's age.
    void setHeartbeatMs(int ms) { m_heartbeatMs = ms; }
    // How long a push may arrive after polling saw its change before push counts as silent:
    // a callback on its way is not a lost one.
    void setMissGraceMs(int ms) { m_missGraceMs = ms; }

    void enable(const QString &bridgeId);
    // From now on, each bridge source of the home is enabled once it first answers (the app
    // and nukictl watch).
    void enableEachBridgeOnceOnline();
    void disable(const QString &bridgeId, std::function<void()> done = {});
    // For a bridge being removed (taken from the home): takes our callbacks off it, then
    // `done`. The caller owns the source and bounds the time.
    void release(BridgeSource *source, std::function<void()> done);
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
    void noteMissed(const QString &bridgeId, const DeviceKey &key);
    BridgeClient *clientOf(const QString &bridgeId) const;
    void declareSilent(const QString &bridgeId);
    void armCheck(BridgePush &p);
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
    int m_missGraceMs = 2000;
    QHash<QString, BridgePush> m_bridges;
    QHash<QString, CallbackReceiver *> m_receivers; // by local address
    QSet<QString> m_enabledOnce;
};

} // namespace nuki
