#pragma once

#include <QAbstractHttpServer>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QTemporaryDir>

class QTcpSocket;
class QHttpServerRequest;

namespace nukisim {

// A simulated Nuki Web (api.nuki.io), from ../docs/nuki-web-api.md §7 and nothing of the
// core: HTTPS on loopback with a throwaway CA, bearer tokens with scopes (a missing scope is
// a 401, as observed), int64 ids (type << 32 | nukiId), asynchronous actions (204 at once,
// then a wake delay and a motion), 423 while an operation runs, the account's log with an
// upload delay, auths with keypad codes, offline devices (serverState 4: 204 and nothing),
// and faults on request (500 JSON, 502 nginx HTML, a connection cut after the request was
// read, a slow answer, 429).
class SimWeb : public QAbstractHttpServer
{
    Q_OBJECT
public:
    struct Device
    {
        qint64 smartlockId = 0;
        int type = 0; // 0 Smart Lock 1/2, 2 Opener, 4 Smart Lock 3/4, …
        QString name;
        int state = 1;
        int mode = 2;
        int doorState = 0; // 0: no door sensor
        int battery = 80;
        bool batteryCritical = false;
        bool keypad = false;
        int serverState = 0;
        QString operationId;
        int lastAction = 0;
        QDateTime updateDate;
    };
    struct LogEntry
    {
        QString id;
        qint64 smartlockId = 0;
        int deviceType = 0;
        QString name;
        int action = 0;
        int trigger = 0;
        int state = 0;
        int source = 0;
        QDateTime date;
        QDateTime visibleAt; // the upload delay: listed from then on
    };
    struct Auth
    {
        qint64 smartlockId = 0;
        QString name;
        int type = 13; // keypad code
        int code = 0;
    };
    enum class Fault
    {
        None,
        Json500,
        Html502,
        CutAfterRead, // the request is read, then the connection is closed without an answer
        Slow,         // the answer comes after slowMs
        TooMany429,   // with Retry-After
    };
    struct Seen
    {
        QByteArray method;
        QString path; // with the query
        QByteArray authorization;
        QByteArray body;
    };

    explicit SimWeb(QObject *parent = nullptr);
    // Makes a CA and a certificate for 127.0.0.1 and localhost with openssl, and listens on
    // 127.0.0.1 (port 0: any free one).
    bool start(quint16 port = 0);
    quint16 port() const { return m_port; }
    QString url() const { return QStringLiteral("https://127.0.0.1:%1").arg(m_port); }
    QString caFile() const;
    // A CA and a server certificate made in `dir` (ca.crt, server.crt, server.key).
    static bool makeCertificates(const QString &dir);

    // The household: a Smart Lock 1/2, a 3/4 with a door sensor and keypad, and an Opener.
    void addHousehold();
    Device &addDevice(const Device &d);
    Device *device(qint64 smartlockId);
    QList<Device> &devices() { return m_devices; }
    void addToken(const QByteArray &token, const QStringList &scopes, const QString &name);
    void addLog(LogEntry e); // `visibleAt` invalid: now + logDelayMs
    void addAuth(const Auth &a) { m_auths << a; }

    // The next `count` requests matching `method` ("" any) fail so.
    void failNext(Fault fault, const QByteArray &method = {}, int count = 1);
    int wakeMs = 300;
    int motionMs = 500;
    int logDelayMs = 0;
    int slowMs = 3000;
    int retryAfterSeconds = 7;
    // Answers (the CA file is the client's only way to trust them).
    const QList<Seen> &seen() const { return m_seen; }
    int count(const QByteArray &method, const QString &pathStart = {}) const;

signals:
    void requestSeen(const QByteArray &method, const QString &path);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}

private:
    struct Answer
    {
        int status = 200;
        QByteArray body;
        QByteArray type = "application/json";
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    Answer answer(const Seen &r);
    Answer act(Device &d, const QByteArray &body, const QString &who);
    QSet<QString> scopesOf(const QByteArray &authorization, QString *name) const;
    QByteArray deviceJson(const Device &d) const;
    void finishMove(qint64 id, int finalState, int action, const QString &who, int trigger);

    QTemporaryDir m_dir;
    quint16 m_port = 0;
    QList<Device> m_devices;
    QList<LogEntry> m_log; // oldest first
    QList<Auth> m_auths;
    QHash<QByteArray, QPair<QSet<QString>, QString>> m_tokens;
    QList<Seen> m_seen;
    struct PendingFault
    {
        Fault fault;
        QByteArray method;
        int count;
    };
    QList<PendingFault> m_faults;
    int m_nextLog = 1;
    int m_nextOp = 1;
};

} // namespace nukisim
