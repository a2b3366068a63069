#include "mqtt/MqttLink.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QSocketNotifier>
#include <QThread>
#include <utility>

#include <mosquitto.h>
#include <mqtt_protocol.h>

namespace nuki {

static QString tr(const char *text)
{
    return QCoreApplication::translate("nuki::MqttLink", text);
}

namespace {
// libmosquitto wants one initialisation per process; it is idempotent in 2.0.
struct Library
{
    Library() { mosquitto_lib_init(); }
};

// A TLS failure in words: libmosquitto says only "A TLS error occurred". It is the
// certificate almost always (the CA, or a name the certificate was not made for), or a port
// that does not speak TLS.
bool isTlsFailure(int rc)
{
    return rc == MOSQ_ERR_TLS || rc == MOSQ_ERR_TLS_HANDSHAKE;
}
SourceError tlsFailure(const MqttEndpoint &e, int rc)
{
    return SourceError::said(
        SourceError::Unreachable,
        tr("The secure (TLS) connection to the broker at %1:%2 failed: the broker's certificate "
           "was not accepted (check the CA certificate, and that the address is the name the "
           "certificate was made for), or this port does not speak TLS.")
            .arg(e.host)
            .arg(e.port),
        false, rc);
}

SourceError refusal(int rc)
{
    switch (rc) {
    case CONNACK_REFUSED_BAD_USERNAME_PASSWORD:
    case CONNACK_REFUSED_NOT_AUTHORIZED:
    case MQTT_RC_BAD_USERNAME_OR_PASSWORD:
    case MQTT_RC_NOT_AUTHORIZED:
        return SourceError::said(SourceError::Unauthorized,
                                 tr("The broker refused the user name or password."), false, rc);
    case CONNACK_REFUSED_IDENTIFIER_REJECTED:
    case MQTT_RC_CLIENTID_NOT_VALID:
        return SourceError::said(SourceError::BadRequest,
                                 tr("The broker refused this app's client id."), false, rc);
    default:
        return SourceError::said(SourceError::Unreachable,
                                 tr("The broker refused the connection: %1.")
                                     .arg(QString::fromUtf8(mosquitto_reason_string(rc))),
                                 false, rc);
    }
}
} // namespace

MqttLink::MqttLink(QObject *parent) : QObject(parent)
{
    static Library library;
    m_clock.start();
    m_misc.setSingleShot(true);
    m_misc.setTimerType(Qt::PreciseTimer); // a late ping is one the broker may not wait for
    connect(&m_misc, &QTimer::timeout, this, [this] {
        if (!m_mosq || m_connecting || m_state == State::Idle || m_state == State::Waiting)
            return;
        const quint64 attempt = m_attempt;
        ++m_keepAliveCalls;
        mosquitto_loop_misc(m_mosq); // a PINGREQ, or a disconnect when its answer is overdue
        if (attempt != m_attempt || m_state == State::Idle || m_state == State::Waiting)
            return;
        // It sent a ping (or found traffic since): it counts the keep-alive from now.
        noteTraffic(true, true);
        serviceWrite();
    });
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &MqttLink::attempt);
    m_connectTimeout.setSingleShot(true);
    connect(&m_connectTimeout, &QTimer::timeout, this, [this] {
        lost(SourceError::said(SourceError::Timeout, tr("The broker did not answer in time.")));
    });
}

MqttLink::~MqttLink()
{
    if (m_connecting)
        m_connecting->wait(); // the lookup thread uses our client: let it return first
    close();
    if (m_mosq)
        mosquitto_destroy(m_mosq);
}

void MqttLink::setEndpoint(const MqttEndpoint &endpoint)
{
    m_endpoint = endpoint;
    m_version = 5;
}

void MqttLink::open()
{
    m_open = true;
    m_retryMs = m_firstRetryMs;
    if (m_state == State::Idle || m_state == State::Waiting)
        attempt();
}

void MqttLink::close()
{
    m_open = false;
    m_retry.stop();
    m_connectTimeout.stop();
    m_misc.stop();
    if (m_mosq && m_state == State::Connected) {
        mosquitto_disconnect(m_mosq);
        mosquitto_loop_write(m_mosq, 1); // the DISCONNECT goes out now
    }
    dropSocket();
    m_state = State::Idle;
}

void MqttLink::attempt()
{
    if (!m_open || m_connecting)
        return; // a lookup still under way: its return starts the next attempt
    if (m_mosq)
        mosquitto_destroy(m_mosq); // a fresh client for each attempt: no state carried over
    const QByteArray id = m_endpoint.clientId.toUtf8();
    m_mosq = mosquitto_new(id.isEmpty() ? nullptr : id.constData(), true, this);
    mosquitto_int_option(m_mosq, MOSQ_OPT_PROTOCOL_VERSION,
                         m_version == 5 ? MQTT_PROTOCOL_V5 : MQTT_PROTOCOL_V311);
    // A QoS 2 command is four small packets each way: with Nagle's algorithm and delayed
    // acknowledgements each waits ~40 ms (measured: 92 ms until the lock had it).
    mosquitto_int_option(m_mosq, MOSQ_OPT_TCP_NODELAY, 1);
    mosquitto_connect_v5_callback_set(m_mosq, &MqttLink::onConnect);
    mosquitto_disconnect_v5_callback_set(m_mosq, &MqttLink::onDisconnect);
    mosquitto_message_v5_callback_set(m_mosq, &MqttLink::onMessage);
    mosquitto_publish_v5_callback_set(m_mosq, &MqttLink::onPublish);
    if (!m_endpoint.username.isEmpty())
        mosquitto_username_pw_set(
            m_mosq, m_endpoint.username.toUtf8().constData(),
            m_endpoint.password.isEmpty() ? nullptr : m_endpoint.password.toUtf8().constData());
    if (m_endpoint.tls) {
        const QByteArray ca = m_endpoint.caFile.toLocal8Bit();
        int rc = ca.isEmpty() ? mosquitto_int_option(m_mosq, MOSQ_OPT_TLS_USE_OS_CERTS, 1)
                              : mosquitto_tls_set(m_mosq, ca.constData(), nullptr, nullptr, nullptr,
                                                  nullptr);
        if (rc == MOSQ_ERR_SUCCESS)
            rc = mosquitto_tls_insecure_set(m_mosq, false); // the host name is checked
        if (rc != MOSQ_ERR_SUCCESS) {
            ++m_attempt;
            lost(SourceError::said(SourceError::BadRequest,
                                   tr("The broker's CA file cannot be used: %1")
                                       .arg(QString::fromUtf8(mosquitto_strerror(rc))),
                                   false, rc));
            return;
        }
    }
    ++m_attempt;
    m_state = State::Connecting;
    m_publishesInFlight = 0;
    m_ackedInRead = false;
    m_connectTimeout.start(ConnectTimeoutMs); // bounds a slow name lookup too
    const QByteArray host = m_endpoint.host.toUtf8();
    const int port = m_endpoint.port, keepAlive = m_endpoint.keepAliveSeconds;
    if (!QHostAddress(m_endpoint.host).isNull()) {
        // An address: the TCP connection completes while the event loop runs.
        const int rc =
            mosquitto_connect_bind_async(m_mosq, host.constData(), port, keepAlive, nullptr);
        connectDone(rc, errno);
        return;
    }
    // A name: libmosquitto looks it up inside the call (getaddrinfo blocks, for seconds on a
    // slow resolver), so the call runs on a thread of its own; this client is not touched
    // here until it is back (close() and attempt() wait for it, see m_connecting).
    mosquitto *mosq = m_mosq;
    m_connecting = QThread::create([this, mosq, host, port, keepAlive] {
        const int rc =
            mosquitto_connect_bind_async(mosq, host.constData(), port, keepAlive, nullptr);
        const int error = errno;
        QMetaObject::invokeMethod(
            this, [this, mosq, rc, error] { connectReturned(mosq, rc, error); },
            Qt::QueuedConnection);
    });
    connect(m_connecting, &QThread::finished, m_connecting, &QObject::deleteLater);
    m_connecting->start();
}

void MqttLink::connectReturned(mosquitto *mosq, int rc, int error)
{
    if (m_connecting) {
        m_connecting->wait(); // it is returning: a moment at most
        m_connecting = nullptr;
    }
    if (mosq != m_mosq || !m_open || m_state != State::Connecting) {
        // Given up meanwhile (closed, timed out): this client is no longer ours.
        if (mosq != m_mosq)
            mosquitto_destroy(mosq);
        if (m_open && !m_retry.isActive()) // an attempt that waited for this one
            m_retry.start(m_state == State::Waiting ? m_retryMs : 0);
        return;
    }
    connectDone(rc, error);
}

void MqttLink::connectDone(int rc, int error)
{
    if (isTlsFailure(rc)) { // the handshake may fail at once, within the call
        lost(tlsFailure(m_endpoint, rc));
        return;
    }
    if (rc != MOSQ_ERR_SUCCESS) {
        lost(SourceError::said(
            SourceError::Unreachable,
            tr("Cannot connect to the broker at %1:%2: %3")
                .arg(m_endpoint.host)
                .arg(m_endpoint.port)
                .arg(QString::fromLocal8Bit(rc == MOSQ_ERR_ERRNO ? strerror(error)
                                                                 : mosquitto_strerror(rc))),
            false, rc));
        return;
    }
    watchSocket();
    noteTraffic(true, true);
}

void MqttLink::watchSocket()
{
    dropSocket();
    const int fd = mosquitto_socket(m_mosq);
    if (fd < 0)
        return;
    m_read = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    m_write = new QSocketNotifier(fd, QSocketNotifier::Write, this);
    connect(m_read, &QSocketNotifier::activated, this, [this] {
        const quint64 attempt = m_attempt;
        const int rc = mosquitto_loop_read(m_mosq, 1);
        if (attempt != m_attempt || m_state == State::Idle || m_state == State::Waiting)
            return; // the callbacks inside handled it
        if (isTlsFailure(rc) && m_state == State::Connecting)
            lost(tlsFailure(m_endpoint, rc));
        else if (rc != MOSQ_ERR_SUCCESS)
            lost(SourceError::said(SourceError::ConnectionLost,
                                   tr("The connection to the broker was lost: %1")
                                       .arg(QString::fromUtf8(mosquitto_strerror(rc))),
                                   false, rc));
        else {
            noteTraffic(true, std::exchange(m_ackedInRead, false) || m_publishesInFlight > 0);
            serviceWrite();
        }
    });
    connect(m_write, &QSocketNotifier::activated, this, [this] {
        const quint64 attempt = m_attempt;
        const int rc = mosquitto_loop_write(m_mosq, 1);
        if (attempt != m_attempt || m_state == State::Idle || m_state == State::Waiting)
            return;
        if (isTlsFailure(rc) && m_state == State::Connecting)
            lost(tlsFailure(m_endpoint, rc));
        else if (rc != MOSQ_ERR_SUCCESS)
            lost(SourceError::said(
                m_state == State::Connecting ? SourceError::Unreachable
                                             : SourceError::ConnectionLost,
                tr("Cannot reach the broker at %1:%2: %3")
                    .arg(m_endpoint.host)
                    .arg(m_endpoint.port)
                    .arg(QString::fromLocal8Bit(rc == MOSQ_ERR_ERRNO ? strerror(errno)
                                                                     : mosquitto_strerror(rc))),
                false, rc));
        else {
            noteTraffic(false, true);
            serviceWrite();
        }
    });
    serviceWrite();
}

void MqttLink::noteTraffic(bool in, bool out)
{
    const qint64 now = m_clock.elapsed();
    if (in)
        m_lastIn = now;
    if (out)
        m_lastOut = now;
    scheduleMisc();
}

void MqttLink::scheduleMisc()
{
    // libmosquitto pings once nothing went out, or nothing came in, for the keep-alive; it
    // counts in whole seconds, truncated, so a call a little after our own count is never
    // early. Once more after a keep-alive with no answer: then it gives the link up.
    const qint64 keepAliveMs = qint64(qMax(5, m_endpoint.keepAliveSeconds)) * 1000;
    const qint64 due = qMin(m_lastIn, m_lastOut) + keepAliveMs + 100 - m_clock.elapsed();
    m_misc.start(int(qBound<qint64>(100, due, keepAliveMs + 100)));
}

void MqttLink::serviceWrite()
{
    // Write only while the library has something to send: a writable socket is always
    // writable, and the notifier would spin.
    if (m_write && m_mosq)
        m_write->setEnabled(mosquitto_want_write(m_mosq));
}

void MqttLink::dropSocket()
{
    // The socket may be closed under the notifiers (inside a callback): disable them now, and
    // delete them once the event loop is out of their signal.
    for (QSocketNotifier *n : {m_read, m_write}) {
        if (!n)
            continue;
        n->setEnabled(false);
        n->disconnect(this);
        n->deleteLater();
    }
    m_read = m_write = nullptr;
}

void MqttLink::lost(const SourceError &why)
{
    if (m_lostAttempt == m_attempt && m_state == State::Waiting)
        return; // already said for this attempt
    m_lostAttempt = m_attempt;
    m_connectTimeout.stop();
    m_misc.stop();
    dropSocket();
    m_state = m_open ? State::Waiting : State::Idle;
    m_lastError = why;
    emit disconnected(why);
    if (!m_open)
        return;
    m_retry.start(m_retryMs);
    m_retryMs = qMin(m_retryMs * 2, m_maxRetryMs);
}

bool MqttLink::subscribe(const QString &filter, int qos)
{
    if (!m_mosq || m_state != State::Connected)
        return false;
    const int rc = mosquitto_subscribe(m_mosq, nullptr, filter.toUtf8().constData(), qos);
    noteTraffic(false, true); // written at once, or soon by the write notifier
    serviceWrite();
    return rc == MOSQ_ERR_SUCCESS;
}

bool MqttLink::unsubscribe(const QString &filter)
{
    if (!m_mosq || m_state != State::Connected)
        return false;
    const int rc = mosquitto_unsubscribe(m_mosq, nullptr, filter.toUtf8().constData());
    noteTraffic(false, true);
    serviceWrite();
    return rc == MOSQ_ERR_SUCCESS;
}

int MqttLink::publish(const QString &topic, const QByteArray &payload, int qos, int expirySeconds)
{
    if (!m_mosq || m_state != State::Connected)
        return -1;
    mosquitto_property *props = nullptr;
    if (m_version == 5 && expirySeconds > 0)
        mosquitto_property_add_int32(&props, MQTT_PROP_MESSAGE_EXPIRY_INTERVAL,
                                     uint32_t(expirySeconds));
    int mid = -1;
    const int rc =
        mosquitto_publish_v5(m_mosq, &mid, topic.toUtf8().constData(), int(payload.size()),
                             payload.constData(), qos, false, props);
    mosquitto_property_free_all(&props);
    if (rc == MOSQ_ERR_SUCCESS && qos > 0)
        ++m_publishesInFlight;
    noteTraffic(false, true);
    serviceWrite();
    return rc == MOSQ_ERR_SUCCESS ? mid : -1;
}

void MqttLink::onConnect(mosquitto *, void *self, int rc, int, const mqtt5__property *)
{
    auto *l = static_cast<MqttLink *>(self);
    l->m_connectTimeout.stop();
    if (rc == 0) {
        l->m_state = State::Connected;
        l->m_retryMs = l->m_firstRetryMs;
        l->m_lastError = {};
        emit l->connected();
        l->serviceWrite();
        return;
    }
    if (l->m_version == 5 &&
        (rc == CONNACK_REFUSED_PROTOCOL_VERSION || rc == MQTT_RC_UNSUPPORTED_PROTOCOL_VERSION)) {
        // A broker of MQTT 3.1.1 only: once more, in its version.
        l->m_version = 4;
        l->m_lostAttempt = l->m_attempt;
        l->dropSocket();
        l->m_state = State::Waiting;
        QMetaObject::invokeMethod(l, &MqttLink::attempt, Qt::QueuedConnection);
        return;
    }
    l->lost(refusal(rc));
}

void MqttLink::onDisconnect(mosquitto *, void *self, int rc, const mqtt5__property *)
{
    auto *l = static_cast<MqttLink *>(self);
    if (l->m_state == State::Idle ||
        (l->m_state == State::Waiting && l->m_lostAttempt == l->m_attempt))
        return; // we closed it, or it is already known
    if (rc == MQTT_RC_SESSION_TAKEN_OVER) {
        l->lost(
            SourceError::said(SourceError::ConnectionLost,
                              tr("Another client connected to the broker with this app's client "
                                 "id, so the broker closed this connection."),
                              false, rc));
        return;
    }
    l->lost(SourceError::said(SourceError::ConnectionLost,
                              tr("The connection to the broker was lost."), false, rc));
}

void MqttLink::onMessage(mosquitto *, void *self, const mosquitto_message *m,
                         const mqtt5__property *)
{
    auto *l = static_cast<MqttLink *>(self);
    if (!m || !m->topic)
        return;
    if (m->qos > 0)
        l->m_ackedInRead = true; // libmosquitto acknowledges it within this read
    emit l->message(QString::fromUtf8(m->topic),
                    QByteArray(static_cast<const char *>(m->payload), m->payloadlen), m->retain);
}

void MqttLink::onPublish(mosquitto *, void *self, int mid, int reason, const mqtt5__property *)
{
    auto *l = static_cast<MqttLink *>(self);
    l->m_publishesInFlight = qMax(0, l->m_publishesInFlight - 1);
    emit l->delivered(mid, reason);
}

} // namespace nuki
