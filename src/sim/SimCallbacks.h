#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <array>

#include <QHostAddress>

namespace nukisim {

// The bridge's three callback slots and the POSTs to them (docs/protocol.md §4.9–4.11, §5).
class SimCallbacks : public QObject
{
    Q_OBJECT
public:
    enum AddResult
    {
        Added = 0,
        Invalid = -1,
        Full = -2
    };
    explicit SimCallbacks(QObject *parent = nullptr);

    int add(const QString &url, bool allowNonLoopback, QString *message);
    bool remove(int id);
    void clear();
    QByteArray listJson() const;
    QList<QString> urls() const;
    void setStopAfterFailure(bool stop) { m_stopAfterFailure = stop; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // Posts leave from the bridge's own address, as they would on a LAN.
    void setSourceAddress(const QHostAddress &address) { m_source = address; }

    // Queues one POST of `body` to every registered URL, in slot order.
    void deliver(const QByteArray &body);
    int delivered() const { return m_delivered; }
    int failed() const { return m_failed; }

signals:
    void deliveryFinished(const QString &url, bool ok);

private:
    void sendNext();

    std::array<QString, 3> m_slots;
    struct Job
    {
        QByteArray body;
        int slot = 0;
    };
    QList<Job> m_queue;
    bool m_sending = false;
    bool m_stopAfterFailure = false;
    int m_timeoutMs = 5000;
    int m_delivered = 0;
    int m_failed = 0;
    QHostAddress m_source;
};

} // namespace nukisim
