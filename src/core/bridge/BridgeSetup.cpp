#include "bridge/BridgeSetup.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace nuki {

BridgeSetup::BridgeSetup(QObject *parent) : QObject(parent), m_client(new BridgeClient)
{
    m_client->config().retryDeadlineMs = CheckRetryDeadlineMs;
}

BridgeSetup::~BridgeSetup()
{
    cancel();
}

bool BridgeSetup::parseAddress(const QString &input, QString *host, quint16 *port)
{
    const QString text = input.trimmed();
    if (text.isEmpty() || text.contains(u'/') || text.contains(u' ') || text.endsWith(u':'))
        return false;
    QHostAddress address;
    if (address.setAddress(text)) { // a bare address, IPv6 without brackets included
        *host = address.toString();
        return true;
    }
    // host:port, [v6]:port, or a name: let QUrl split them as it would an authority.
    const QUrl url(QStringLiteral("http://") + text);
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() ||
        !url.path().isEmpty() || url.hasQuery() || url.hasFragment())
        return false;
    if (url.port() == 0)
        return false;
    *host = url.host();
    if (url.port() > 0)
        *port = quint16(url.port());
    return true;
}

bool BridgeSetup::tokenLooksValid(const QString &token)
{
    const QString t = token.trimmed();
    return t.size() >= 6 && t.size() <= 20;
}

void BridgeSetup::setEndpoint(const QString &host, quint16 port)
{
    m_client->setEndpoint(host, port);
}

void BridgeSetup::cancel()
{
    ++m_run;
    m_client->cancelAll();
    if (m_probe) {
        m_probe->disconnect(this);
        m_probe->abort();
        m_probe->deleteLater();
        m_probe = nullptr;
    }
}

void BridgeSetup::probe(int timeoutMs, std::function<void(const SourceError &)> done)
{
    cancel();
    const quint64 run = m_run;
    auto *socket = new QTcpSocket(this);
    m_probe = socket;
    auto finish = [this, socket, done, run](const SourceError &error) {
        if (m_probe != socket || m_run != run)
            return;
        m_probe = nullptr;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
        done(error);
    };
    connect(socket, &QTcpSocket::connected, this, [finish] { finish({}); });
    connect(socket, &QTcpSocket::errorOccurred, this, [finish, socket] {
        finish({SourceError::Unreachable, 0, socket->errorString()});
    });
    QTimer::singleShot(timeoutMs, socket, [finish] {
        finish({SourceError::Unreachable, 0, tr("no answer")});
    });
    socket->connectToHost(m_client->host(), m_client->port());
}

void BridgeSetup::requestToken(std::function<void(const SourceError &, const QString &)> done,
                               std::function<void()> waiting)
{
    probe(ProbeTimeoutMs, [this, done, waiting](const SourceError &error) {
        if (!error.ok())
            return done(error, {});
        const quint64 run = m_run;
        if (waiting)
            waiting();
        m_client->requestToken([this, run, done](const SourceError &e, const QString &token) {
            if (m_run == run)
                done(e, token);
        });
    });
}

void BridgeSetup::check(const QString &token, TokenMode mode, qint64 clockOffset,
                        std::function<void(const Checked &)> done)
{
    cancel();
    m_client->setToken(token.trimmed());
    m_client->setTokenMode(mode);
    m_client->setBridgeClockOffset(clockOffset);
    const quint64 run = m_run;
    m_client->info(BridgeClient::Priority::User, [this, run, mode, done](const SourceError &error,
                                                                         const BridgeInfo &info) {
        if (m_run != run)
            return;
        Checked c;
        c.error = error;
        c.info = info;
        if (!error.ok()) {
            c.onlyPlainLeft = error.kind == SourceError::Unauthorized && mode != TokenMode::Plain;
            return done(c);
        }
        c.tokenMode = m_client->effectiveTokenMode();
        c.clockOffset = m_client->bridgeClockOffset();
        m_client->list(
            BridgeClient::Priority::User,
            [this, run, c, done](const SourceError &e, const QList<Device> &devices) mutable {
                if (m_run != run)
                    return;
                c.error = e;
                c.devices = devices;
                done(c);
            });
    });
}

BridgeConfig BridgeSetup::configFor(const Checked &checked, const QString &name) const
{
    BridgeConfig config;
    config.id = QString::number(checked.info.serverId, 16).toUpper();
    config.name = name.trimmed().isEmpty() ? tr("Bridge %1").arg(config.id) : name.trimmed();
    config.host = m_client->host();
    config.port = m_client->port();
    config.tokenMode = checked.tokenMode;
    config.clockOffsetSeconds = checked.clockOffset;
    return config;
}

} // namespace nuki
