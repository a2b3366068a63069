#include "CallbackReceiver.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QNetworkInterface>
#include <QRandomGenerator>

namespace nuki {

CallbackReceiver::CallbackReceiver(const QString &secretPath, QObject *parent)
    : QAbstractHttpServer(parent), m_path(secretPath)
{
}

QString CallbackReceiver::newSecretPath()
{
    QByteArray bytes(16, '\0');
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 4);
    return QStringLiteral("/nuki-desktop/") + QString::fromLatin1(bytes.toHex());
}

bool CallbackReceiver::start(const QHostAddress &address, quint16 port)
{
    m_port = listen(address, port);
    m_address = address;
    return m_port != 0;
}

QString CallbackReceiver::url() const
{
    return QStringLiteral("http://%1:%2%3").arg(m_address.toString()).arg(m_port).arg(m_path);
}

QHostAddress CallbackReceiver::localAddressFor(const QHostAddress &bridge)
{
    if (bridge.isLoopback())
        return QHostAddress(QHostAddress::LocalHost);
    for (const QNetworkInterface &i : QNetworkInterface::allInterfaces()) {
        if (!(i.flags() & QNetworkInterface::IsUp))
            continue;
        for (const QNetworkAddressEntry &e : i.addressEntries())
            if (e.ip().protocol() == bridge.protocol() &&
                bridge.isInSubnet(e.ip(), e.prefixLength()))
                return e.ip();
    }
    return {};
}

bool CallbackReceiver::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    using Status = QHttpServerResponder::StatusCode;
    auto answer = [&](Status status, int Counters::*counter) {
        if (counter)
            ++(m_counters.*counter);
        makeResponder(request, socket)
            .write(status == Status::Ok ? QByteArray("{}") : QByteArray(), "application/json",
                   status);
    };
    // The order matters: strangers learn nothing about which path is ours.
    QHostAddress from = request.remoteAddress();
    bool isV4 = false;
    const quint32 v4 = from.toIPv4Address(&isV4);
    if (isV4)
        from = QHostAddress(v4); // ::ffff:a.b.c.d → a.b.c.d
    if (!m_allowed.contains(from))
        return answer(Status::Forbidden, &Counters::wrongSource), true;
    if (request.url().path() != m_path)
        return answer(Status::NotFound, &Counters::wrongPath), true;
    if (request.method() != QHttpServerRequest::Method::Post)
        return answer(Status::MethodNotAllowed, &Counters::wrongMethod), true;
    const QByteArray body = request.body();
    if (body.size() > MaxBody || request.value("content-length").toLongLong() > MaxBody)
        return answer(Status::PayloadTooLarge, &Counters::tooLarge), true;
    quint32 nukiId = 0;
    int deviceType = 0;
    DeviceState state;
    QString error;
    if (!parseCallbackBody(body, &nukiId, &deviceType, &state, &error))
        return answer(Status::BadRequest, &Counters::malformed), true;
    answer(Status::Ok, &Counters::accepted); // answer first: a slow receiver stalls the bridge
    emit stateReceived(from, nukiId, deviceType, state);
    return true;
}

} // namespace nuki
