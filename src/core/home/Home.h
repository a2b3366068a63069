#pragma once

#include "bridge/BridgeClient.h"
#include "bridge/Poller.h"
#include "home/ActionRunner.h"
#include "home/HomeTypes.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <functional>

namespace nuki {

// The registry of bridges and their devices: the truth behind every window, tray menu and
// command. Applies what polls, pushes and actions bring (HomeUpdates.cpp), and turns state
// differences into events. Lock actions on its devices run through actions() (ActionRunner).
class Home : public QObject
{
    Q_OBJECT
public:
    explicit Home(QObject *parent = nullptr);
    ~Home() override;

    // --- bridges ---
    // Nothing is sent to a bridge before its token is known: with an empty token the bridge
    // waits for setBridgeToken().
    void addBridge(const BridgeConfig &config, const QString &token, bool startPolling = true);
    // Forgets the bridge at once. With `handOver`, its client (its queue emptied) is handed
    // over for last requests instead of being deleted; the receiver then deletes it.
    void removeBridge(const QString &id, std::function<void(BridgeClient *)> handOver = {});
    void setBridgeToken(const QString &id, const QString &token);
    void renameBridge(const QString &id, const QString &name);
    void moveBridge(const QString &id, const QString &host, quint16 port);
    void noteMoved(const QString &id, const QString &from);
    QStringList bridgeIds() const { return m_bridgeOrder; }
    const BridgeState *bridge(const QString &id) const;
    BridgeClient *client(const QString &id) const;
    Poller *poller(const QString &id) const;
    void setPollInterval(int ms);
    void setPushActive(const QString &id, bool active, int heartbeatMs = 60000);

    // --- devices ---
    QList<DeviceKey> devices() const;
    const DeviceRecord *device(const DeviceKey &key) const;
    int deviceCount() const { return int(m_devices.size()); }
    // Devices remembered from the last run (HomeMemory), shown at once and marked
    // `remembered` until the bridge's first answer confirms, updates or removes them. Only
    // for a bridge that is known and only for devices not there yet; nothing is sent.
    void restore(const QString &bridgeId, const QList<DeviceRecord> &remembered);

    // --- reading ---
    void refresh(); // /list of every bridge now
    // /list of every bridge now; `done` gets each bridge's result once all have answered.
    void readAllThen(std::function<void(const QHash<QString, SourceError> &)> done);
    void refreshDevice(const DeviceKey &key); // /lockState: wakes the device over Bluetooth
    void applyList(const QString &bridgeId, const QList<Device> &devices);
    void applyPushedState(const QString &bridgeId, quint32 nukiId, int deviceType,
                          const DeviceState &state);

    // --- acting: the runner of lock actions on these devices ---
    ActionRunner *actions() const { return m_actions; }

signals:
    void bridgeAdded(const QString &id);
    void bridgeRemoved(const QString &id);
    void bridgeChanged(const QString &id);
    void deviceAdded(const nuki::DeviceKey &key);
    void deviceRemoved(const nuki::DeviceKey &key);
    void deviceChanged(const nuki::DeviceKey &key);
    // Events: only for real changes after a first known state, never on the first read.
    void doorChanged(const nuki::DeviceKey &key, int doorsensorState);
    void lockChangedExternally(const nuki::DeviceKey &key, int state);
    void batteryCritical(const nuki::DeviceKey &key);
    void keypadBatteryCritical(const nuki::DeviceKey &key);
    void ring(const nuki::DeviceKey &key);
    void bridgeOffline(const QString &id);
    void bridgeOnline(const QString &id);
    void tokenRejected(const QString &id);
    void clockSkew(const QString &id, qint64 seconds);
    void actionFinished(const nuki::DeviceKey &key, const nuki::ActionStatus &status);
    // Polling saw a change that push should have delivered (only while push is active).
    void pushMissed(const nuki::DeviceKey &key);

private:
    struct Bridge
    {
        BridgeState state;
        BridgeClient *client = nullptr;
        Poller *poller = nullptr;
    };
    DeviceRecord *record(const DeviceKey &key);
    void connectBridge(const QString &id, bool startPolling);
    // /list now; `then` (if any) gets the result after it was applied.
    void poll(const QString &bridgeId, BridgeClient::Priority priority,
              std::function<void(const SourceError &)> then = {});
    void noteResult(const QString &bridgeId, const SourceError &error);
    void applyState(DeviceRecord &r, DeviceState state, bool fromPush);
    void checkStuck(DeviceRecord &r, bool wasTransitional);
    friend class ActionRunner; // works on the records and reads the bridges it acts on

    QHash<QString, Bridge> m_bridges;
    QStringList m_bridgeOrder;
    QList<DeviceRecord> m_devices; // grouped by bridge, in the bridge's order
    ActionRunner *m_actions;
    int m_pollIntervalMs = 15000;
    bool m_applyingListFromBeforePush = false; // its changes were never pushed: no misses
};

} // namespace nuki
