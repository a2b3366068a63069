#pragma once

// A bare MQTT client for tests: publishes what a hostile or clumsy client would (retained
// commands, forged states, huge payloads) and collects what arrives, on libmosquitto directly
// and synchronously (its own short loops, bounded), independent of the core's MqttLink.
#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QPair>
#include <QString>

#include <mosquitto.h>
#include <mqtt_protocol.h>

class RawMqtt
{
public:
    struct Message
    {
        QString topic;
        QByteArray payload;
        int qos = 0;
        bool retain = false;
        int expiry = -1; // the MQTT 5 message expiry it carried, -1 for none
    };

    RawMqtt(const QString &clientId, quint16 port, const QString &user = {},
            const QString &password = {})
        : m_port(port)
    {
        mosquitto_lib_init();
        m_mosq = mosquitto_new(clientId.toUtf8().constData(), true, this);
        mosquitto_int_option(m_mosq, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V5);
        if (!user.isEmpty())
            mosquitto_username_pw_set(m_mosq, user.toUtf8().constData(),
                                      password.toUtf8().constData());
        mosquitto_connect_v5_callback_set(
            m_mosq, [](mosquitto *, void *self, int rc, int, const mosquitto_property *) {
                static_cast<RawMqtt *>(self)->m_connectResult = rc;
            });
        mosquitto_publish_v5_callback_set(
            m_mosq, [](mosquitto *, void *self, int mid, int, const mosquitto_property *) {
                static_cast<RawMqtt *>(self)->m_done << mid;
            });
        mosquitto_message_v5_callback_set(m_mosq, [](mosquitto *, void *self,
                                                     const mosquitto_message *m,
                                                     const mosquitto_property *props) {
            Message msg{QString::fromUtf8(m->topic),
                        QByteArray(static_cast<const char *>(m->payload), m->payloadlen), m->qos,
                        m->retain};
            uint32_t expiry = 0;
            if (mosquitto_property_read_int32(props, MQTT_PROP_MESSAGE_EXPIRY_INTERVAL, &expiry,
                                              false))
                msg.expiry = int(expiry);
            static_cast<RawMqtt *>(self)->received << msg;
        });
    }
    ~RawMqtt()
    {
        if (m_connected) {
            mosquitto_disconnect(m_mosq);
            mosquitto_loop(m_mosq, 50, 1);
        }
        mosquitto_destroy(m_mosq);
    }

    // Connected and the broker said yes, within `ms`.
    bool connect(int ms = 5000)
    {
        if (mosquitto_connect(m_mosq, "127.0.0.1", m_port, 30) != MOSQ_ERR_SUCCESS)
            return false;
        m_connected = true;
        spin([this] { return m_connectResult >= 0; }, ms);
        return m_connectResult == 0;
    }
    int connectResult() const { return m_connectResult; }
    bool subscribe(const QString &filter, int qos = 2)
    {
        int mid = 0;
        return mosquitto_subscribe(m_mosq, &mid, filter.toUtf8().constData(), qos) ==
                   MOSQ_ERR_SUCCESS &&
               spinFor(200);
    }
    // Published and acknowledged (QoS 1 and 2) within `ms`.
    bool publish(const QString &topic, const QByteArray &payload, int qos = 0, bool retain = false,
                 int ms = 5000)
    {
        int mid = 0;
        if (mosquitto_publish_v5(m_mosq, &mid, topic.toUtf8().constData(), int(payload.size()),
                                 payload.constData(), qos, retain, nullptr) != MOSQ_ERR_SUCCESS)
            return false;
        return spin([this, mid] { return m_done.contains(mid); }, ms);
    }
    // Runs the client's loop for `ms`, collecting what arrives.
    bool spinFor(int ms)
    {
        spin([] { return false; }, ms);
        return true;
    }
    template <typename Done> bool spin(Done done, int ms)
    {
        QElapsedTimer t;
        t.start();
        while (!done() && t.elapsed() < ms)
            if (mosquitto_loop(m_mosq, 20, 1) != MOSQ_ERR_SUCCESS)
                return done();
        return done();
    }
    QList<Message> messagesOn(const QString &topic) const
    {
        QList<Message> out;
        for (const Message &m : received)
            if (m.topic == topic)
                out << m;
        return out;
    }

    QList<Message> received;

private:
    mosquitto *m_mosq = nullptr;
    quint16 m_port;
    bool m_connected = false;
    int m_connectResult = -1;
    QList<int> m_done;
};
