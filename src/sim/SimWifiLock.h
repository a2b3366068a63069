#pragma once
// A simulated Wi-Fi Smart Lock (3.0 Pro, 4th generation, Ultra): an MQTT *client* of a real
// broker, as the lock is (docs: nuki-mqtt-api.md §1, §2, §3, §5). Independent of nukicore on
// purpose: the simulator and the client are two readings of the protocol that check each other.

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

struct mosquitto;
struct mosquitto_message;

namespace nukisim {

struct WifiLockConfig
{
    // The order of the three answers to a command (§5, §10: unspecified; clients must not
    // depend on it). ResponseLast: commandResponse only once the final state is reached.
    enum class Order
    {
        ResponseFirst,
        EventFirst,
        StateFirst,
        ResponseLast
    };
    // Discovery topic shape (§3 [UNCERTAIN]): per entity as in Nardol 2.0.0 and real traffic
    // (homeassistant/lock/nuki_<ID>_lock/config), or the spec text's node/object shape
    // (homeassistant/lock/<ID>/lock/config).
    enum class DiscoveryTopics
    {
        PerEntity,
        NodeId
    };

    quint32 nukiId = 0x2BB28570;
    QString name = QStringLiteral("Front door");
    int deviceType = 4; // Smart Lock 3.0 Pro and 4th generation (§4.1)
    QString firmware = QStringLiteral("4.2.6");
    QString model = QStringLiteral("Smart Lock 3.0 Pro"); // discovery dev.mdl
    QString host = QStringLiteral("127.0.0.1"); // an address, not a name (see brokerAllowed)
    bool allowLan = false;                      // also the home network; never a public address
    quint16 port = 1883;
    QString username;
    QString password; // never logged
    QString clientId; // empty: SL3P_<ID>, as observed on a 3.0 Pro
    int keepAliveSeconds = 30;
    bool mqtt5 = false; // the lock speaks 3.1.1 or later [UNCERTAIN which]; 3.1.1 by default
    bool allowLocking = true;
    bool haDiscovery = true;
    DiscoveryTopics discoveryTopics = DiscoveryTopics::PerEntity;
    bool hasDoorSensor = false;
    bool hasKeypad = false;
    bool knobDoor = false; // `unlock`=true unlatches on a knob door (§4.4)
    Order order = Order::EventFirst;
    // Field 5 of a button event for one press: 0 as in the spec's example `4,2,0,0,0`
    // [UNCERTAIN]; false: the number of presses (1), like the multi-press examples.
    bool singlePressContextZero = true;
    int unlockMs = 1500;
    int lockMs = 1500;
    int unlatchMs = 1500;
    int fullLockMs = 2500;    // a double turn
    int unlatchHoldMs = 1000; // latch held, then "unlocked"
    int lockNGoDelayMs = 10000;
    int busyCode = 69; // 0x45, a command while the motor runs
    int initialState = 1;
    int batteryPercent = 80;

    QString idHex() const { return QStringLiteral("%1").arg(nukiId, 8, 16, QChar(u'0')).toUpper(); }
};

class SimWifiLock : public QObject
{
    Q_OBJECT
public:
    explicit SimWifiLock(const WifiLockConfig &config, QObject *parent = nullptr);
    ~SimWifiLock() override; // a plain DISCONNECT: the will is not published

    // Loopback only, or with allowLan the private ranges a real lock reaches (RFC 1918, IPv6
    // unique-local and link-local): a simulated lock obeys anyone on its broker and sends its
    // password in plain text, so it never goes further unless asked.
    static bool brokerAllowed(const QHostAddress &address, bool allowLan);

    const WifiLockConfig &config() const { return m_config; }
    QByteArray topic(const QByteArray &sub) const { return m_base + sub; }

    // --- link ---
    bool start();             // will set, connect in the background, reconnect by itself
    void dropLink();          // the socket closes without DISCONNECT: the broker publishes the will
    bool reconnect();         // after dropLink() or disconnectCleanly()
    void disconnectCleanly(); // connected=false (acknowledged), then DISCONNECT
    bool isConnected() const { return m_connected; }

    // --- the lock's state ---
    int state() const { return m_state; }
    bool isMoving() const;

    // --- knobs for tests and the demo ---
    bool turnByHand(int finalState);                // no event for a hand turn, only the states
    bool pressButton(int presses, int action = -1); // -1: 1 press toggles, 2 lock 'n' go, else 90
    bool keypadUnlock(quint32 codeId, quint32 authId, int action = 1);
    bool fingerprint(quint32 codeId, quint32 authId, int action = 1);
    bool autoLock();
    void setDoor(int doorsensorState);
    void setBattery(int percent, bool critical, bool charging);
    void setKeypadBatteryCritical(bool critical);
    void setServerConnected(bool connected);

signals:
    void connected();
    void disconnected();
    void commandReceived(const QString &topic, const QByteArray &payload, int qos, bool retained);
    void stateChanged(int state);
    // Every message the lock hands to the library, in the order it does so (the broker may
    // deliver them in another order, §10).
    void published(const QString &topic, const QByteArray &payload, int qos, bool retained);

private:
    struct Step
    {
        int state;
        int afterMs; // delay before this step
    };

    // Network thread → Qt thread (SimWifiLock.cpp).
    static void onConnect(mosquitto *, void *self, int rc);
    static void onDisconnect(mosquitto *, void *self, int rc);
    static void onMessage(mosquitto *, void *self, const mosquitto_message *m);
    static void onPublish(mosquitto *, void *self, int mid);
    void handleConnack(int rc);
    void handleDisconnect(int rc);
    void handleMessage(const QByteArray &topic, const QByteArray &payload, int qos, bool retain);
    void handlePublished(int mid);
    void stopLoop();

    // Publishing (SimWifiLock.cpp, SimWifiLockDiscovery.cpp).
    int publish(const QByteArray &sub, const QByteArray &payload, int qos, bool retain);
    int publishTo(const QByteArray &topic, const QByteArray &payload, int qos, bool retain);
    void publishRetained(const QByteArray &sub, const QByteArray &payload);
    void publishAllState();
    void publishDiscovery();
    void publishTimestamp();
    static QByteArray boolText(bool b) { return b ? "true" : "false"; }

    // The state machine (SimWifiLockActions.cpp).
    int parseCommand(const QByteArray &sub, const QByteArray &payload) const;
    void runCommand(int action);
    QList<Step> plan(int action) const;
    void startMotion(const QList<Step> &steps);
    void nextStep();
    void setState(int state);
    void publishEvent(int action, int trigger, quint32 authId, quint32 codeId, int context);

    WifiLockConfig m_config;
    QByteArray m_base; // nuki/<ID>/
    mosquitto *m_mosq = nullptr;
    bool m_loopRunning = false;
    bool m_connected = false;
    bool m_closing = false; // disconnectCleanly(): waiting for connected=false to be acknowledged
    int m_goodbyeMid = -1;
    QTimer m_goodbyeTimer;

    int m_state = 1;
    int m_battery = 80;
    bool m_batteryCritical = false;
    bool m_charging = false;
    bool m_keypadCritical = false;
    int m_door = 2; // closed
    bool m_serverConnected = true;

    QList<Step> m_steps; // the rest of the running motion
    QTimer m_stepTimer;
    bool m_responseOwed = false; // ResponseLast: commandResponse 0 once the motion settles
};

} // namespace nukisim
