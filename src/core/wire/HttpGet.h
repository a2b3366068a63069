#pragma once

#include <QByteArray>
#include <QObject>
#include <QTcpSocket>
#include <QTimer>

namespace nuki {

struct HttpResult
{
    enum Outcome
    {
        Ok,           // a complete HTTP answer (any status)
        NotConnected, // the connection never opened: the request cannot have reached the bridge
        Timeout,      // sent, but no complete answer in time
        Dropped,      // sent, then the connection closed before a complete answer
        TooLarge,     // the answer exceeded the size cap
        BadHttp       // an answer that is not HTTP
    };
    Outcome outcome = NotConnected;
    int status = 0;
    QByteArray body;
    QString errorText; // technical detail for logs; never contains the request's query
    // With TooLarge: which part went over its cap, and the cap in bytes (for the message).
    bool headTooLarge = false;
    qint64 sizeLimit = 0;
};

// One HTTP/1.1 GET over its own connection. Written on QTcpSocket rather than
// QNetworkAccessManager on purpose: QNAM silently re-sends an idempotent GET when a connection
// drops before the answer, which for /lockAction could move a lock twice; and only at the
// socket level do we know whether a request can have reached the bridge at all.
class HttpGet : public QObject
{
    Q_OBJECT
public:
    HttpGet(const QString &host, quint16 port, const QByteArray &target, int timeoutMs,
            QObject *parent = nullptr);
    void start();
    void abort();

signals:
    void finished(const nuki::HttpResult &result);

private:
    void onConnected();
    void onReadyRead();
    void onDisconnected();
    void onError(QAbstractSocket::SocketError error);
    void complete(HttpResult::Outcome outcome, const QString &detail = {}, int status = 0,
                  const QByteArray &body = {});
    void tooLarge(bool head);
    void evaluate(bool closed);

    QTcpSocket m_socket;
    QTimer m_timer;
    QString m_host;
    quint16 m_port;
    QByteArray m_target;
    QByteArray m_buffer;
    bool m_sent = false;
    bool m_headTooLarge = false;
    qint64 m_sizeLimit = 0;
    bool m_done = false;
};

} // namespace nuki
