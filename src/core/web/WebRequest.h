#pragma once

#include "wire/HttpGet.h" // HttpResult

#include <QByteArray>
#include <QObject>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTimer>
#include <QUrl>

namespace nuki::web {

// What one request to Nuki Web asks for.
struct RequestSpec
{
    QByteArray method = "GET";
    QUrl url; // the API's base with the path and query appended (no secret in it)
    QByteArray token;
    QByteArray body; // JSON, for a POST
    int timeoutMs = 15000;
    qint64 maxBody = 0;
    QList<QSslCertificate> extraCas; // trusted besides the system's; verification stays on
};

struct Result : HttpResult
{
    bool tlsRefused = false;    // the server's certificate was not trusted: nothing was sent
    int retryAfterSeconds = -1; // a 429's or 503's Retry-After, when it gave one in seconds
};

// One HTTPS request over its own connection, closed after the answer. QSslSocket rather than
// QNetworkAccessManager for the reason wire/HttpGet gives: QNAM re-sends a request when a kept
// connection drops before the answer, and an action sent twice may move a lock twice. Here a
// request is written once, and the outcome says whether it can have reached the server at
// all (NotConnected: it cannot).
class Request : public QObject
{
    Q_OBJECT
public:
    explicit Request(const RequestSpec &spec, QObject *parent = nullptr);
    void start();
    void abort();

signals:
    void finished(const nuki::web::Result &result);

private:
    void onReady();
    void onReadyRead();
    void onDisconnected();
    void onError(QAbstractSocket::SocketError error);
    void evaluate(bool closed);
    void complete(HttpResult::Outcome outcome, const QString &detail, int status = 0,
                  const QByteArray &body = {});

    RequestSpec m_spec;
    QSslSocket m_socket;
    QTimer m_timer;
    QByteArray m_buffer;
    bool m_sent = false;
    bool m_done = false;
    bool m_tlsRefused = false;
    QString m_tlsError;
};

} // namespace nuki::web
