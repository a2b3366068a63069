#pragma once
// A raw libmosquitto client for the tests: watches and commands a simulated lock through the
// real broker. As in SimWifiLock, libmosquitto's thread does the network and every callback is
// queued to the Qt thread, where the test looks at what arrived (bounded waits only).

#include <QList>
#include <QObject>
#include <QSignalSpy>
#include <QTest>
#include <mosquitto.h>
#include <mutex>

struct MqttMessage
{
    QString topic;
    QByteArray payload;
    int qos = 0;
    bool retained = false;
};

class MqttProbe : public QObject
{
    Q_OBJECT
public:
    explicit MqttProbe(const QString &clientId = QStringLiteral("probe")) : m_id(clientId.toUtf8())
    {
        static std::once_flag once;
        std::call_once(once, [] { mosquitto_lib_init(); });
        m_mosq = mosquitto_new(m_id.constData(), true, this);
        mosquitto_connect_callback_set(m_mosq, [](mosquitto *, void *self, int rc) {
            auto *p = static_cast<MqttProbe *>(self);
            QMetaObject::invokeMethod(
                p, [p, rc] { p->m_connack = rc; }, Qt::QueuedConnection);
        });
        mosquitto_subscribe_callback_set(m_mosq,
                                         [](mosquitto *, void *self, int, int, const int *) {
                                             auto *p = static_cast<MqttProbe *>(self);
                                             QMetaObject::invokeMethod(
                                                 p, [p] { ++p->m_subacks; }, Qt::QueuedConnection);
                                         });
        mosquitto_message_callback_set(
            m_mosq, [](mosquitto *, void *self, const mosquitto_message *m) {
                auto *p = static_cast<MqttProbe *>(self);
                MqttMessage msg{QString::fromUtf8(m->topic),
                                QByteArray(static_cast<const char *>(m->payload), m->payloadlen),
                                m->qos, m->retain};
                QMetaObject::invokeMethod(
                    p, [p, msg] { p->take(msg); }, Qt::QueuedConnection);
            });
    }
    ~MqttProbe() override
    {
        mosquitto_disconnect(m_mosq);
        if (m_loop)
            mosquitto_loop_stop(m_mosq, false);
        mosquitto_destroy(m_mosq);
    }

    bool connectTo(quint16 port, const QByteArray &user = {}, const QByteArray &password = {})
    {
        if (!user.isEmpty())
            mosquitto_username_pw_set(m_mosq, user.constData(), password.constData());
        if (mosquitto_connect_async(m_mosq, "127.0.0.1", port, 30) != MOSQ_ERR_SUCCESS)
            return false;
        m_loop = mosquitto_loop_start(m_mosq) == MOSQ_ERR_SUCCESS;
        if (!QTest::qWaitFor([this] { return m_connack >= 0; }, 5000))
            return false;
        // A topic of its own, to learn that everything queued before has been delivered.
        return m_connack == 0 && subscribe("probe/" + m_id + "/sync");
    }
    bool subscribe(const QByteArray &filter, int qos = 2)
    {
        const int before = m_subacks;
        if (mosquitto_subscribe(m_mosq, nullptr, filter.constData(), qos) != MOSQ_ERR_SUCCESS)
            return false;
        return QTest::qWaitFor([&] { return m_subacks > before; }, 5000);
    }
    bool publish(const QByteArray &topic, const QByteArray &payload, int qos = 2,
                 bool retain = false)
    {
        return mosquitto_publish(m_mosq, nullptr, topic.constData(), int(payload.size()),
                                 payload.constData(), qos, retain) == MOSQ_ERR_SUCCESS;
    }
    // Round trip through the broker: what the broker had queued for us before is now here
    // (it delivers to one client in order). QoS 0 both ways, as the retained state topics.
    bool sync()
    {
        const QByteArray token = QByteArray::number(++m_syncs);
        if (!publish("probe/" + m_id + "/sync", token, 0))
            return false;
        return QTest::qWaitFor([&] { return m_lastSync == token; }, 5000);
    }

    QList<MqttMessage> messages() const { return m_messages; }
    QList<MqttMessage> on(const QString &topic) const
    {
        QList<MqttMessage> r;
        for (const MqttMessage &m : m_messages)
            if (m.topic == topic)
                r << m;
        return r;
    }
    QByteArrayList payloads(const QString &topic) const
    {
        QByteArrayList r;
        for (const MqttMessage &m : on(topic))
            r << m.payload;
        return r;
    }
    QByteArray last(const QString &topic) const
    {
        const QByteArrayList all = payloads(topic);
        return all.isEmpty() ? QByteArray() : all.last();
    }
    void clear() { m_messages.clear(); }

signals:
    void received(const MqttMessage &message);

private:
    void take(const MqttMessage &m)
    {
        if (m.topic == QLatin1String("probe/" + m_id + "/sync")) {
            m_lastSync = m.payload;
            return;
        }
        m_messages << m;
        emit received(m);
    }

    QByteArray m_id;
    mosquitto *m_mosq = nullptr;
    bool m_loop = false;
    int m_connack = -1;
    int m_subacks = 0;
    int m_syncs = 0;
    QByteArray m_lastSync;
    QList<MqttMessage> m_messages;
};
