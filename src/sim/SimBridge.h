#pragma once

#include "SimAuth.h"
#include "SimDevice.h"
#include "SimTypes.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <functional>
#include <optional>

class QTimer;

namespace nukisim {

class SimCallbacks;
class SimHttpServer;

// Timings and personality of one simulated bridge. Defaults follow docs/protocol.md.
struct SimConfig
{
    int bridgeType = 1; // 1 hardware, 2 software
    quint32 hardwareId = 0;
    quint32 serverId = 0;
    QString firmwareVersion = QStringLiteral("2.18.0");
    QString wifiFirmwareVersion = QStringLiteral("2.4.0");
    int requestMs = 10;         // time to handle any request (the bridge is busy meanwhile)
    int actionMs = 2000;        // a blocking /lockAction: BLE connect + motor run
    int lockStateMs = 1000;     // /lockState: BLE connect and read
    int unlatchHoldMs = 3000;   // latch held open before the lock reports "unlocked"
    int lockNGoDelayMs = 20000; // lock 'n' go: time before relocking
    int ringResetMs = 30000;    // ringactionState resets after 30 s (§4.3)
    int authWindowMs = 30000;   // /auth waits this long for the button
    int maxRequestLog = 5000;
    qint64 maxRequestLogBytes = 8 * 1024 * 1024;
    bool maintenanceJson = false; // /reboot etc. answer {"success": true} instead of empty
    bool callbacksSurviveReboot = false;
    bool stopCallbacksAfterFailure = false; // as reported from real bridges (§5)
    bool allowNonLoopbackCallbacks = false; // the network rule: loopback only unless asked
};

class SimBridge : public QObject
{
    Q_OBJECT
public:
    explicit SimBridge(const SimConfig &config = {}, QObject *parent = nullptr);
    ~SimBridge() override;

    // --- network ---
    bool listen(const QHostAddress &address, quint16 port); // port 0 = any free port
    QHostAddress address() const { return m_address; }
    quint16 port() const { return m_port; }
    QString baseUrl() const;

    // --- configuration and state ---
    SimConfig &config() { return m_config; }
    SimAuth &auth() { return m_auth; }
    void setToken(const QString &token) { m_auth.setToken(token); }
    QList<SimDevice> devices() const { return m_devices; }
    void setDevices(const QList<SimDevice> &devices);
    bool loadDevices(const QByteArray &json, QString *error);
    static QList<SimDevice> defaultDevices(quint32 seed = 0);
    SimDevice *device(quint32 nukiId, int deviceType);
    bool discoveryEnabled() const { return m_authEnabled; }
    // What /configAuth does: /auth and the discovery publication on or off.
    void setAuthEnabled(bool enabled) { m_authEnabled = enabled; }

    // --- clock (injectable; skew is a fault) ---
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    void setClockSkewSeconds(qint64 seconds) { m_skewSeconds = seconds; }
    QDateTime now() const;

    // --- control interface: what a person or a test does to the physical world ---
    bool turnByHand(quint32 nukiId, int deviceType, int state);
    bool setDoor(quint32 nukiId, int doorsensorState);
    bool ring(quint32 nukiId);
    bool setBattery(quint32 nukiId, int deviceType, int percent, bool critical, bool charging);
    bool setKeypadBatteryCritical(quint32 nukiId, bool critical);
    bool setReachable(quint32 nukiId, int deviceType, bool reachable);
    void pressButton();
    bool authPending() const { return bool(m_authWaiter); } // /auth waits for the button
    void reboot(int offlineMs);
    bool isRebooting() const { return m_rebooting; }
    SimFaults &faults() { return m_faults; }
    // Also releases a request held by a latency fault: it is answered now.
    void clearFaults();

    // --- observation ---
    QList<SimLogEntry> requestLog() const { return m_log; }
    void clearRequestLog()
    {
        m_log.clear();
        m_logBytes = 0;
    }
    int bleWakeups(quint32 nukiId, int deviceType) const;
    int maxConcurrentSeen() const { return m_maxConcurrent; }
    SimCallbacks *callbacks() const { return m_callbacks; }
    QByteArray infoJson() const;

    // --- the HTTP side: called by the transport for each request ---
    void handle(const SimRequest &request, const SimReplier &reply);

signals:
    void deviceChanged(quint32 nukiId, int deviceType);
    void requestHandled(const nukisim::SimLogEntry &entry);
    void rebooted();

private:
    struct Pending; // one request being handled
    void dispatch(const SimRequest &request, SimLogEntry entry, const SimReplier &reply);
    void finish(SimLogEntry entry, const SimReplier &reply, SimResponse response);
    void appendLog(const SimLogEntry &entry);
    void route(const SimRequest &request, SimLogEntry &entry,
               const std::function<void(SimResponse)> &done);
    bool takeFault(int &remaining);
    void logBridge(const QString &type, const SimDevice *device = nullptr,
                   const QString &action = {});

    // endpoints (SimEndpoints.cpp)
    void epAuth(const std::function<void(SimResponse)> &done);
    SimResponse epConfigAuth(const QUrlQuery &q);
    SimResponse epList();
    SimResponse epInfo() { return SimResponse::ok(infoJson()); }
    void epLockState(const QUrlQuery &q, SimLogEntry &entry,
                     const std::function<void(SimResponse)> &done);
    void epLockAction(const QUrlQuery &q, const QString &path,
                      const std::function<void(SimResponse)> &done);
    SimResponse epUnpair(const QUrlQuery &q);
    SimResponse epCallback(const QString &path, const QUrlQuery &q);
    SimResponse epLog(const QUrlQuery &q);
    SimResponse epMaintenance(const QString &path);
    SimDevice *deviceFromQuery(const QUrlQuery &q, int *status);

    // state machines (SimStateMachine.cpp)
    void startAction(SimDevice &d, int action, const std::function<void(bool)> &acknowledged);
    void setState(quint32 nukiId, int deviceType, int state, int mode = -1);
    void after(const SimDevice &d, int ms, const std::function<void(SimDevice &)> &step,
               const QString &channel = QStringLiteral("motor"));
    void publish(const SimDevice &d);

    SimConfig m_config;
    SimAuth m_auth;
    QList<SimDevice> m_devices;
    QHash<QString, int> m_generation; // per device: bumped to cancel a running sequence
    QHash<QString, int> m_bleWakeups;
    std::function<QDateTime()> m_clock;
    qint64 m_skewSeconds = 0;
    SimFaults m_faults;
    QList<SimLogEntry> m_log;
    qint64 m_logBytes = 0;
    QList<QByteArray> m_bridgeLog; // /log entries, newest last
    int m_inFlight = 0;
    QPointer<QTimer> m_held; // the request a latency fault is holding, if any
    int m_epoch = 0;         // bumped by a reboot: answers to requests from before are dropped
    int m_maxConcurrent = 0;
    bool m_bleBusy = false;
    bool m_authEnabled = true;
    bool m_rebooting = false;
    std::function<void(SimResponse)> m_authWaiter;
    QDateTime m_bootTime;
    QHostAddress m_address;
    quint16 m_port = 0;
    SimHttpServer *m_http = nullptr;
    SimCallbacks *m_callbacks = nullptr;
    QRandomGenerator m_random;
};

QString deviceKey(quint32 nukiId, int deviceType);

} // namespace nukisim
