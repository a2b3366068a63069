// The simulated Wi-Fi lock's MQTT link (nuki-mqtt-api.md §2, §5 "Simulator essentials").
//
// Threading, and why: the lock is a plain client that reconnects by itself after a broker
// restart, like the real one. libmosquitto's own network thread (mosquitto_loop_start) gives
// us that reconnect, keep-alive and QoS 2 bookkeeping without any notifier plumbing, and a
// simulator has no UI to keep responsive. Every callback runs on that thread, so it only
// copies what it was given and queues it to the Qt thread (Qt::QueuedConnection), where the
// lock's whole state machine runs; nothing else is shared. Publishing, subscribing and
// disconnecting from the Qt thread are thread-safe in libmosquitto once loop_start runs.
// The thread is joined (loop_stop) before this object goes away, and queued calls die with
// the object, so no callback can reach a destroyed lock.
#include "SimWifiLock.h"

#include <QDateTime>
#include <QDebug>
#include <QMetaObject>
#include <mosquitto.h>
#include <mqtt_protocol.h>
#include <mutex>
#include <sys/socket.h>

namespace nukisim {

namespace {
void initLibrary()
{
    static std::once_flag once;
    std::call_once(once, [] { mosquitto_lib_init(); });
}
} // namespace

SimWifiLock::SimWifiLock(const WifiLockConfig &config, QObject *parent)
    : QObject(parent), m_config(config), m_state(config.initialState),
      m_battery(config.batteryPercent)
{
    m_base = QByteArrayLiteral("nuki/") + m_config.idHex().toLatin1() + '/';
    m_stepTimer.setSingleShot(true);
    connect(&m_stepTimer, &QTimer::timeout, this, &SimWifiLock::nextStep);
    // A broker that never acknowledges the goodbye must not keep the simulator alive.
    m_goodbyeTimer.setSingleShot(true);
    m_goodbyeTimer.setInterval(3000);
    connect(&m_goodbyeTimer, &QTimer::timeout, this, [this] { handlePublished(m_goodbyeMid); });
}

SimWifiLock::~SimWifiLock()
{
    stopLoop();
    if (m_mosq)
        mosquitto_destroy(m_mosq);
}

bool SimWifiLock::brokerAllowed(const QHostAddress &a, bool allowLan)
{
    if (a.isLoopback())
        return true;
    if (!allowLan)
        return false;
    for (const auto &[net, bits] : {std::pair{"10.0.0.0", 8},
                                    {"172.16.0.0", 12},
                                    {"192.168.0.0", 16},
                                    {"fc00::", 7},
                                    {"fe80::", 10}}) {
        if (a.isInSubnet(QHostAddress(QString::fromLatin1(net)), bits))
            return true;
    }
    return false;
}

bool SimWifiLock::start()
{
    initLibrary();
    if (m_loopRunning)
        return true;
    // An address only: a name could resolve elsewhere between this check and the connect.
    const QHostAddress address(m_config.host);
    if (address.isNull() || !brokerAllowed(address, m_config.allowLan)) {
        qWarning().noquote() << "nuki-lock-sim" << m_config.idHex() << "refusing broker"
                             << m_config.host << "(loopback only unless allowLan)";
        return false;
    }
    if (!m_mosq) {
        const QByteArray id = m_config.clientId.isEmpty()
                                  ? QByteArrayLiteral("SL3P_") + m_config.idHex().toLatin1()
                                  : m_config.clientId.toUtf8();
        m_mosq = mosquitto_new(id.constData(), true, this);
        if (!m_mosq)
            return false;
        if (m_config.mqtt5)
            mosquitto_int_option(m_mosq, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V5);
        // Small packets go out at once (a lock's answers are a few bytes each).
        mosquitto_int_option(m_mosq, MOSQ_OPT_TCP_NODELAY, 1);
        mosquitto_connect_callback_set(m_mosq, &SimWifiLock::onConnect);
        mosquitto_disconnect_callback_set(m_mosq, &SimWifiLock::onDisconnect);
        mosquitto_message_callback_set(m_mosq, &SimWifiLock::onMessage);
        mosquitto_publish_callback_set(m_mosq, &SimWifiLock::onPublish);
        mosquitto_reconnect_delay_set(m_mosq, 1, 5, false);
        if (!m_config.username.isEmpty()) {
            const QByteArray user = m_config.username.toUtf8();
            const QByteArray pass = m_config.password.toUtf8();
            mosquitto_username_pw_set(m_mosq, user.constData(),
                                      pass.isEmpty() ? nullptr : pass.constData());
        }
        // The last will: retained, as every §2.2 topic, so that a late client sees "gone".
        const QByteArray will = topic("connected");
        mosquitto_will_set(m_mosq, will.constData(), 5, "false", 1, true);
    }
    const QByteArray host = m_config.host.toUtf8();
    // Asynchronous: a broker that is not up yet is retried by the network thread.
    const int rc =
        mosquitto_connect_async(m_mosq, host.constData(), m_config.port, m_config.keepAliveSeconds);
    if (rc != MOSQ_ERR_SUCCESS && rc != MOSQ_ERR_ERRNO)
        return false;
    m_loopRunning = mosquitto_loop_start(m_mosq) == MOSQ_ERR_SUCCESS;
    return m_loopRunning;
}

void SimWifiLock::stopLoop()
{
    if (!m_mosq || !m_loopRunning)
        return;
    // Marks the client as disconnecting, so the network thread stops reconnecting and ends.
    // (While it waits between two connection attempts, joining takes up to that wait, <= 5 s.)
    mosquitto_disconnect(m_mosq);
    mosquitto_loop_stop(m_mosq, false);
    m_loopRunning = false;
    if (m_connected) {
        m_connected = false;
        emit disconnected();
    }
}

void SimWifiLock::dropLink()
{
    if (!m_mosq || !m_loopRunning)
        return;
    // Closing the TCP stream in both directions before anything else: the DISCONNECT that
    // stopLoop() queues can no longer leave, so the broker sees a lost client and publishes
    // the will, as for a lock that lost its Wi-Fi. (The descriptor is the library's; it is
    // only closed by the network thread after an error, which cannot race with an idle link.)
    const int fd = mosquitto_socket(m_mosq);
    if (fd >= 0)
        ::shutdown(fd, SHUT_RDWR);
    stopLoop();
}

bool SimWifiLock::reconnect()
{
    m_closing = false;
    return start();
}

void SimWifiLock::disconnectCleanly()
{
    if (!m_connected) {
        stopLoop();
        emit disconnected();
        return;
    }
    // A DISCONNECT suppresses the will, so the lock says goodbye itself and waits until the
    // broker has it (QoS 1 acknowledged) before leaving.
    m_closing = true;
    m_goodbyeMid = publish("connected", "false", 1, true);
    m_goodbyeTimer.start();
}

void SimWifiLock::handlePublished(int mid)
{
    if (!m_closing || mid != m_goodbyeMid)
        return;
    m_goodbyeTimer.stop();
    m_closing = false;
    m_goodbyeMid = -1;
    stopLoop();
}

// --- network thread: copy and queue, nothing else ---

void SimWifiLock::onConnect(mosquitto *, void *self, int rc)
{
    auto *lock = static_cast<SimWifiLock *>(self);
    QMetaObject::invokeMethod(
        lock, [lock, rc] { lock->handleConnack(rc); }, Qt::QueuedConnection);
}

void SimWifiLock::onDisconnect(mosquitto *, void *self, int rc)
{
    auto *lock = static_cast<SimWifiLock *>(self);
    QMetaObject::invokeMethod(
        lock, [lock, rc] { lock->handleDisconnect(rc); }, Qt::QueuedConnection);
}

void SimWifiLock::onMessage(mosquitto *, void *self, const mosquitto_message *m)
{
    auto *lock = static_cast<SimWifiLock *>(self);
    QByteArray topic(m->topic);
    // Bounded: a command is a few bytes; nothing larger is worth copying.
    QByteArray payload(static_cast<const char *>(m->payload), qMin(m->payloadlen, 256));
    const int qos = m->qos;
    const bool retain = m->retain;
    QMetaObject::invokeMethod(
        lock, [=] { lock->handleMessage(topic, payload, qos, retain); }, Qt::QueuedConnection);
}

void SimWifiLock::onPublish(mosquitto *, void *self, int mid)
{
    auto *lock = static_cast<SimWifiLock *>(self);
    QMetaObject::invokeMethod(
        lock, [lock, mid] { lock->handlePublished(mid); }, Qt::QueuedConnection);
}

// --- Qt thread ---

void SimWifiLock::handleConnack(int rc)
{
    if (rc != 0) {
        qWarning().noquote() << "nuki-lock-sim" << m_config.idHex()
                             << "connection refused by the broker:" << mosquitto_connack_string(rc);
        return;
    }
    m_connected = true;
    if (m_config.allowLocking) {
        // "Allow locking" off: no subscription at all, so commands vanish (§2.3, §5). With
        // MQTT 5 the retain flag is kept on live deliveries too, so that a retained command
        // published while we are subscribed is recognised as well.
        const int options = m_config.mqtt5 ? MQTT_SUB_OPT_RETAIN_AS_PUBLISHED : 0;
        for (const char *sub : {"lockAction", "lock", "unlock"}) {
            const QByteArray t = topic(sub);
            mosquitto_subscribe_v5(m_mosq, nullptr, t.constData(), 2, options, nullptr);
        }
    }
    publishRetained("connected", "true");
    publishAllState();
    if (m_config.haDiscovery)
        publishDiscovery();
    emit connected();
}

void SimWifiLock::handleDisconnect(int rc)
{
    if (!m_connected)
        return;
    m_connected = false;
    if (rc != 0)
        qWarning().noquote() << "nuki-lock-sim" << m_config.idHex()
                             << "lost the broker; reconnecting";
    emit disconnected();
}

int SimWifiLock::publish(const QByteArray &sub, const QByteArray &payload, int qos, bool retain)
{
    return publishTo(topic(sub), payload, qos, retain);
}

int SimWifiLock::publishTo(const QByteArray &t, const QByteArray &payload, int qos, bool retain)
{
    if (!m_mosq)
        return -1;
    int mid = -1;
    mosquitto_publish(m_mosq, &mid, t.constData(), int(payload.size()), payload.constData(), qos,
                      retain);
    emit published(QString::fromUtf8(t), payload, qos, retain);
    return mid;
}

void SimWifiLock::publishRetained(const QByteArray &sub, const QByteArray &payload)
{
    publish(sub, payload, 0, true); // every §2.2 state topic: retained, QoS 0
}

void SimWifiLock::publishAllState()
{
    publishRetained("deviceType", QByteArray::number(m_config.deviceType));
    publishRetained("name", m_config.name.toUtf8());
    publishRetained("firmware", m_config.firmware.toUtf8());
    publishRetained("mode", "2");
    publishRetained("state", QByteArray::number(m_state));
    publishRetained("batteryCritical", boolText(m_batteryCritical));
    publishRetained("batteryChargeState", QByteArray::number(m_battery));
    publishRetained("batteryCharging", boolText(m_charging));
    // Accessory topics only with the accessory (§2.2 [UNCERTAIN]: absent = no data).
    if (m_config.hasKeypad)
        publishRetained("keypadBatteryCritical", boolText(m_keypadCritical));
    if (m_config.hasDoorSensor) {
        publishRetained("doorsensorState", QByteArray::number(m_door));
        publishRetained("doorsensorBatteryCritical", "false");
    }
    publishRetained("serverConnected", boolText(m_serverConnected));
    publishTimestamp();
}

void SimWifiLock::publishTimestamp()
{
    // The spec's example shape (§2.2 [UNCERTAIN] what real locks send): UTC with +00:00.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    publishRetained("timestamp",
                    now.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")).toLatin1() + "+00:00");
}

} // namespace nukisim
