#include "SimWeb.h"

#include <QDir>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace nukisim {

namespace {
const QByteArray Unauthorized =
    R"({"detailMessage":"Your access token is not authorized","stackTrace":[],"suppressedExceptions":[]})";
const QByteArray NginxBadGateway =
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad "
    "Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

bool runOpenssl(const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"), args);
    return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

QString hex24(int n)
{
    return QStringLiteral("%1").arg(n, 24, 16, QLatin1Char('0'));
}
} // namespace

SimWeb::SimWeb(QObject *parent) : QAbstractHttpServer(parent) {}

bool SimWeb::makeCertificates(const QString &dir)
{
    auto path = [&dir](const char *name) { return QDir(dir).filePath(QLatin1StringView(name)); };
    QFile ext(path("ext.cnf"));
    if (!ext.open(QIODevice::WriteOnly))
        return false;
    ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n");
    ext.close();
    return runOpenssl({"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                       "/CN=Simulated Nuki Web test CA", "-keyout", path("ca.key"), "-out",
                       path("ca.crt")}) &&
           runOpenssl({"req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout",
                       path("server.key"), "-out", path("server.csr")}) &&
           runOpenssl({"x509", "-req", "-in", path("server.csr"), "-CA", path("ca.crt"), "-CAkey",
                       path("ca.key"), "-CAcreateserial", "-days", "2", "-extfile", path("ext.cnf"),
                       "-out", path("server.crt")});
}

QString SimWeb::caFile() const
{
    return m_dir.filePath(QStringLiteral("ca.crt"));
}

bool SimWeb::start(quint16 port)
{
    if (!m_dir.isValid() || !makeCertificates(m_dir.path()))
        return false;
    QFile certFile(m_dir.filePath(QStringLiteral("server.crt")));
    QFile keyFile(m_dir.filePath(QStringLiteral("server.key")));
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return false;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(QSslCertificate(certFile.readAll(), QSsl::Pem));
    config.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
    config.setPeerVerifyMode(QSslSocket::VerifyNone); // clients have no certificate
    auto *server = new QSslServer(this);
    server->setSslConfiguration(config);
    if (!server->listen(QHostAddress::LocalHost, port)) {
        delete server;
        return false;
    }
    bind(server);
    m_port = server->serverPort();
    return true;
}

void SimWeb::addHousehold()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Device old;
    old.smartlockId = 0x1A2B3C4D; // type 0: the id is the nukiId
    old.type = 0;
    old.name = QStringLiteral("Cellar door");
    old.updateDate = now;
    addDevice(old);
    Device four;
    four.smartlockId = (qint64(4) << 32) | 0x2CACCC82; // 17929391234, from a real payload
    four.type = 4;
    four.name = QStringLiteral("Front door");
    four.doorState = 2;
    four.keypad = true;
    four.updateDate = now;
    addDevice(four);
    Device opener;
    opener.smartlockId = (qint64(2) << 32) | 0x0BADCAFE;
    opener.type = 2;
    opener.name = QStringLiteral("Street door");
    opener.state = 1;
    opener.updateDate = now;
    addDevice(opener);
    addAuth({four.smartlockId, QStringLiteral("Anna"), 13, 123456});
}

SimWeb::Device &SimWeb::addDevice(const Device &d)
{
    m_devices << d;
    if (!m_devices.last().updateDate.isValid())
        m_devices.last().updateDate = QDateTime::currentDateTimeUtc();
    return m_devices.last();
}

SimWeb::Device *SimWeb::device(qint64 smartlockId)
{
    for (Device &d : m_devices)
        if (d.smartlockId == smartlockId)
            return &d;
    return nullptr;
}

void SimWeb::addToken(const QByteArray &token, const QStringList &scopes, const QString &name)
{
    m_tokens.insert(token, {QSet<QString>(scopes.begin(), scopes.end()), name});
}

void SimWeb::addLog(LogEntry e)
{
    if (e.id.isEmpty())
        e.id = hex24(m_nextLog++);
    if (!e.date.isValid())
        e.date = QDateTime::currentDateTimeUtc();
    if (!e.visibleAt.isValid())
        e.visibleAt = QDateTime::currentDateTimeUtc().addMSecs(logDelayMs);
    m_log << e;
}

void SimWeb::failNext(Fault fault, const QByteArray &method, int count)
{
    m_faults << PendingFault{fault, method, count};
}

int SimWeb::count(const QByteArray &method, const QString &pathStart) const
{
    int n = 0;
    for (const Seen &s : m_seen)
        n += s.method == method && s.path.startsWith(pathStart);
    return n;
}

QSet<QString> SimWeb::scopesOf(const QByteArray &authorization, QString *name) const
{
    if (!authorization.startsWith("Bearer "))
        return {};
    const auto it = m_tokens.constFind(authorization.mid(7));
    if (it == m_tokens.constEnd())
        return {};
    *name = it->second;
    return it->first;
}

QByteArray SimWeb::deviceJson(const Device &d) const
{
    QJsonObject state{{"mode", d.mode},
                      {"state", d.state},
                      {"trigger", 0},
                      {"lastAction", d.lastAction},
                      {"batteryCritical", d.batteryCritical},
                      {"batteryCharging", false},
                      {"batteryCharge", d.battery},
                      {"doorState", d.doorState},
                      {"ringToOpenTimer", 0},
                      {"nightMode", false}};
    if (d.keypad)
        state.insert("keypadBatteryCritical", false);
    QJsonObject o{{"smartlockId", d.smartlockId},
                  {"accountId", 4711},
                  {"type", d.type},
                  {"authId", 2001},
                  {"name", d.name},
                  {"favorite", false},
                  {"serverState", d.serverState},
                  {"adminPinState", 0},
                  {"virtualDevice", false},
                  {"updateDate", iso(d.updateDate)},
                  {"config", QJsonObject{{"name", d.name}, {"keypadPaired", d.keypad}}},
                  {"state", state}};
    if (!d.operationId.isEmpty())
        o.insert("operationId", d.operationId);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

bool SimWeb::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Seen r;
    r.method = request.method() == QHttpServerRequest::Method::Get    ? "GET"
               : request.method() == QHttpServerRequest::Method::Post ? "POST"
               : request.method() == QHttpServerRequest::Method::Put  ? "PUT"
                                                                      : "OTHER";
    r.path = request.url().path();
    if (request.url().hasQuery())
        r.path += u'?' + request.url().query();
    r.authorization = request.value("Authorization");
    r.body = request.body();
    m_seen << r;
    emit requestSeen(r.method, r.path);

    Fault fault = Fault::None;
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        if (!m_faults[i].method.isEmpty() && m_faults[i].method != r.method)
            continue;
        fault = m_faults[i].fault;
        if (--m_faults[i].count <= 0)
            m_faults.removeAt(i);
        break;
    }
    if (fault == Fault::CutAfterRead) {
        // The request was read (and an action taken, as the real service might have done).
        if (r.method == "POST")
            answer(r);
        socket->abort();
        return true;
    }
    Answer a;
    if (fault == Fault::Json500) {
        if (r.method == "POST")
            answer(r); // the server may have acted before it failed
        a = {500, R"({"code":500,"description":"The server encountered an unexpected condition"})"};
    } else if (fault == Fault::Html502) {
        a = {502, NginxBadGateway, "text/html"};
    } else if (fault == Fault::TooMany429) {
        a = {429, "{}"};
        a.headers << qMakePair(QByteArray("Retry-After"), QByteArray::number(retryAfterSeconds));
    } else {
        a = answer(r);
    }
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    QPointer<QTcpSocket> guard(socket);
    auto write = [responder, guard, a] {
        if (!guard || guard->state() != QAbstractSocket::ConnectedState)
            return;
        // One answer per connection, as the client asks (Connection: close).
        responder->writeStatusLine(QHttpServerResponder::StatusCode(a.status));
        responder->writeHeader("Content-Type", a.type);
        for (const auto &h : a.headers)
            responder->writeHeader(h.first, h.second);
        if (a.status != 204)
            responder->writeHeader("Content-Length", QByteArray::number(a.body.size()));
        responder->writeHeader("Connection", "close");
        responder->writeBody(a.status == 204 ? QByteArray() : a.body);
        guard->disconnectFromHost();
    };
    if (fault == Fault::Slow)
        QTimer::singleShot(slowMs, this, write);
    else
        write();
    return true;
}

SimWeb::Answer SimWeb::answer(const Seen &r)
{
    QString who;
    const QSet<QString> scopes = scopesOf(r.authorization, &who);
    if (scopes.isEmpty())
        return {401, Unauthorized};
    const QString path = r.path.section(u'?', 0, 0);
    const QUrlQuery query(r.path.section(u'?', 1));
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    auto allowed = [&scopes](const char *scope) {
        return scopes.contains(QLatin1StringView(scope)) || scopes.contains(u"smartlock"_qs);
    };
    if (parts.value(0) != u"smartlock")
        return {404, R"({"detailMessage":"Not found"})"};
    // GET /smartlock/log (account-wide), newest first, paged with `id`
    if (r.method == "GET" && parts.size() == 2 && parts[1] == u"log") {
        if (!allowed("smartlock.log"))
            return {401, Unauthorized};
        const int limit = qBound(
            1, query.queryItemValue("limit").isEmpty() ? 20 : query.queryItemValue("limit").toInt(),
            50);
        const QString olderThan = query.queryItemValue("id");
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QJsonArray list;
        bool skipping = !olderThan.isEmpty();
        for (qsizetype i = m_log.size() - 1; i >= 0 && list.size() < limit; --i) {
            const LogEntry &e = m_log[i];
            if (e.visibleAt > now)
                continue;
            if (skipping) {
                skipping = e.id != olderThan;
                continue;
            }
            list << QJsonObject{
                {"id", e.id},         {"smartlockId", e.smartlockId}, {"deviceType", e.deviceType},
                {"name", e.name},     {"action", e.action},           {"trigger", e.trigger},
                {"state", e.state},   {"autoUnlock", false},          {"source", e.source},
                {"date", iso(e.date)}};
        }
        return {200, QJsonDocument(list).toJson(QJsonDocument::Compact)};
    }
    if (r.method == "GET" && parts.size() == 1) {
        if (!allowed("smartlock.readOnly"))
            return {401, Unauthorized};
        QByteArray body = "[";
        for (const Device &d : std::as_const(m_devices)) {
            if (body.size() > 1)
                body += ',';
            body += deviceJson(d);
        }
        return {200, body + ']'};
    }
    bool ok = false;
    const qint64 id = parts.value(1).toLongLong(&ok);
    Device *d = ok ? device(id) : nullptr;
    if (!d)
        return {404, R"({"detailMessage":"Smartlock not found"})"};
    if (r.method == "GET" && parts.size() == 2) {
        if (!allowed("smartlock.readOnly"))
            return {401, Unauthorized};
        return {200, deviceJson(*d)};
    }
    if (r.method == "GET" && parts.size() == 3 && parts[2] == u"auth") {
        if (!allowed("smartlock.auth"))
            return {401, Unauthorized};
        QJsonArray list;
        for (const Auth &a : std::as_const(m_auths))
            if (a.smartlockId == id)
                list << QJsonObject{{"id", hex24(1000 + int(list.size()))},
                                    {"smartlockId", id},
                                    {"name", a.name},
                                    {"type", a.type},
                                    {"code", a.code},
                                    {"enabled", true}};
        return {200, QJsonDocument(list).toJson(QJsonDocument::Compact)};
    }
    if (r.method == "POST" && parts.size() == 3 && parts[2] == u"action") {
        if (!allowed("smartlock.action"))
            return {401, Unauthorized};
        return act(*d, r.body, who);
    }
    return {404, R"({"detailMessage":"Not found"})"};
}

SimWeb::Answer SimWeb::act(Device &d, const QByteArray &body, const QString &who)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const int action = o.value("action").toInt(-1);
    const int option = o.value("option").toInt(0);
    if (!d.operationId.isEmpty())
        return {423, R"({"stackTrace":[],"suppressedExceptions":[]})"};
    const bool opener = d.type == 2;
    const QList<int> valid = opener ? QList<int>{1, 2, 3, 6, 7} : QList<int>{1, 2, 3, 4, 5};
    if (!valid.contains(action))
        return {400, R"({"detailMessage":"Invalid parameter action"})"};
    if (d.serverState != 0)
        return {204, {}}; // store and forward, to a lock that never comes: 204 and nothing
    d.operationId = QStringLiteral("op-%1").arg(m_nextOp++);
    const qint64 id = d.smartlockId;
    int moving = -1, final = -1;
    if (opener) {
        moving = action == 3 ? 7 : -1;
        final = action == 1 ? 3 : action == 2 ? 1 : action == 3 ? 5 : d.state;
    } else {
        moving = action == 1 ? 2 : action == 2 ? 4 : action == 3 || action == 5 ? 7 : 2;
        final = action == 1 ? 3 : action == 2 ? 1 : action == 3 ? 5 : 6;
        Q_UNUSED(option) // full lock (option 4) ends locked too
    }
    QTimer::singleShot(wakeMs, this, [this, id, moving] {
        if (Device *d = device(id); d && moving >= 0) {
            d->state = moving;
            d->updateDate = QDateTime::currentDateTimeUtc();
        }
    });
    QTimer::singleShot(wakeMs + motionMs, this, [this, id, final, action, who, opener] {
        if (Device *d = device(id)) {
            if (opener && (action == 6 || action == 7))
                d->mode = action == 6 ? 3 : 2;
            else
                d->state = final;
            finishMove(id, final, action, who, 4);
        }
    });
    return {204, {}};
}

void SimWeb::finishMove(qint64 id, int, int action, const QString &who, int trigger)
{
    Device *d = device(id);
    if (!d)
        return;
    d->operationId.clear();
    d->lastAction = action;
    d->updateDate = QDateTime::currentDateTimeUtc();
    LogEntry e;
    e.smartlockId = id;
    e.deviceType = d->type;
    e.name = who;
    e.action = action;
    e.trigger = trigger;
    addLog(e);
}

} // namespace nukisim
