#pragma once

#include "home/SourceError.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <memory>

struct mosquitto;
struct mosquitto_message;
struct mqtt5__property;
class QSocketNotifier;
class QThread;

namespace nuki {

// Where and how to reach a broker. The password is handed over from the keychain at run time
// and never written anywhere.
struct MqttEndpoint
{
    QString host;
    quint16 port = 1883;
    QString username;
    QString password;
    bool tls = false;
    QString caFile; // with TLS: the broker's CA; empty for the system's
    QString clientId;
    int keepAliveSeconds = 30;
};

// One connection to an MQTT broker on libmosquitto, driven by the Qt event loop: socket
// notifiers for reading and (only while the library has something to send) writing, the
// keep-alive when it is due, and reconnects of our own with a backoff. A broker given by name
// is connected on a short-lived thread (libmosquitto looks the name up inside the call); all
// else runs in the event loop. MQTT 5 first, 3.1.1 when the broker does not speak 5.
class MqttLink : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        Connecting,
        Connected,
        Waiting // to connect again
    };

    explicit MqttLink(QObject *parent = nullptr);
    ~MqttLink() override;

    void setEndpoint(const MqttEndpoint &endpoint);
    const MqttEndpoint &endpoint() const { return m_endpoint; }
    // Connects now, and again after every loss until close().
    void open();
    void close();
    State state() const { return m_state; }
    int protocolVersion() const { return m_version; } // 5, or 4 for 3.1.1
    // The last failure, in the core's terms, for a person.
    SourceError lastError() const { return m_lastError; }

    bool subscribe(const QString &filter, int qos);
    bool unsubscribe(const QString &filter);
    // Never retained unless asked (only the simulator does). With MQTT 5, `expirySeconds` is
    // the message expiry: a broker drops the command instead of handing it over late.
    // Returns the message id, or -1 when nothing was sent.
    int publish(const QString &topic, const QByteArray &payload, int qos, int expirySeconds = 0);

    static constexpr int ConnectTimeoutMs = 8000;
    static constexpr int FirstRetryMs = 1000;
    static constexpr int MaxRetryMs = 30000;
    void setRetryDelays(int firstMs, int maxMs)
    {
        m_firstRetryMs = firstMs;
        m_maxRetryMs = maxMs;
    }

    // How often libmosquitto's keep-alive was called: for the test that it is not every second.
    int keepAliveCalls() const { return m_keepAliveCalls; }

signals:
    void connected();
    void disconnected(const nuki::SourceError &why); // each loss, and each failed attempt
    void message(const QString &topic, const QByteArray &payload, bool retained);
    // The broker has it (QoS 1 and 2), or it was written (QoS 0). A `reason` of 0x80 or more
    // (MQTT 5) is the broker's refusal: "not authorised" for a user its ACL does not allow.
    void delivered(int mid, int reason);

private:
    static void onConnect(mosquitto *, void *self, int rc, int flags, const mqtt5__property *props);
    static void onDisconnect(mosquitto *, void *self, int rc, const mqtt5__property *props);
    static void onMessage(mosquitto *, void *self, const mosquitto_message *m,
                          const mqtt5__property *props);
    static void onPublish(mosquitto *, void *self, int mid, int rc, const mqtt5__property *props);
    void attempt();
    void watchSocket();
    void dropSocket();
    void serviceWrite();
    void lost(const SourceError &why);
    // libmosquitto's keep-alive (mosquitto_loop_misc: a PINGREQ when the link has been quiet
    // for the keep-alive, a disconnect when the broker's answer does not come) is called when
    // it is due, not on a fixed tick: the hidden app should sleep (issue 32: 58 wake-ups a
    // minute on a 1 s timer). Traffic either way moves it on.
    void noteTraffic(bool in, bool out);
    void connectReturned(mosquitto *mosq, int rc, int error);
    void connectDone(int rc, int error);
    void scheduleMisc();

    mosquitto *m_mosq = nullptr;
    MqttEndpoint m_endpoint;
    State m_state = State::Idle;
    int m_version = 5;
    bool m_open = false;
    quint64 m_attempt = 0; // a loss is reported once per attempt
    quint64 m_lostAttempt = 0;
    SourceError m_lastError;
    QSocketNotifier *m_read = nullptr;
    QSocketNotifier *m_write = nullptr;
    QThread *m_connecting = nullptr; // a connect by name, looked up off the event loop
    QTimer m_misc;
    int m_keepAliveCalls = 0;
    QElapsedTimer m_clock;
    qint64 m_lastIn = 0, m_lastOut = 0; // ms on m_clock
    // What libmosquitto writes inside a read, unseen by us: the acknowledgement of a message
    // of QoS 1 or 2, the PUBREL of our own QoS 2 publish (while one is in flight).
    bool m_ackedInRead = false;
    int m_publishesInFlight = 0;
    QTimer m_retry;
    QTimer m_connectTimeout;
    int m_retryMs = FirstRetryMs;
    int m_firstRetryMs = FirstRetryMs;
    int m_maxRetryMs = MaxRetryMs;
};

} // namespace nuki
