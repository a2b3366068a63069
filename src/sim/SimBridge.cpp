#include "SimBridge.h"

#include "SimCallbacks.h"
#include "SimHttpServer.h"
#include "SimJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace nukisim {

QString deviceKey(quint32 nukiId, int deviceType)
{
    return QString::number(deviceType) + u':' + QString::number(nukiId);
}

SimResponse SimResponse::error(int status)
{
    static const QHash<int, QByteArray> texts = {
        {400, "Bad Request"}, {401, "Unauthorized"}, {403, "Forbidden"},
        {404, "Not Found"},   {410, "Gone"},         {500, "Internal Server Error"},
        {503, "Unavailable"}};
    return {status, "HTTP " + QByteArray::number(status) + ' ' + texts.value(status, "Error"),
            false, false};
}

SimBridge::SimBridge(const SimConfig &config, QObject *parent)
    : QObject(parent), m_config(config), m_clock([] { return QDateTime::currentDateTimeUtc(); }),
      m_random(QRandomGenerator::global()->generate())
{
    if (m_config.hardwareId == 0)
        m_config.hardwareId = m_random.bounded(100000000u, 999999999u);
    if (m_config.serverId == 0)
        m_config.serverId = m_random.bounded(100000000u, 999999999u);
    m_bootTime = QDateTime::currentDateTimeUtc();
    m_callbacks = new SimCallbacks(this);
    setDevices(defaultDevices(m_config.serverId));
}

SimBridge::~SimBridge() = default;

bool SimBridge::listen(const QHostAddress &address, quint16 port)
{
    if (!m_http)
        m_http = new SimHttpServer(this);
    if (!m_http->start(address, port))
        return false;
    m_address = address;
    m_port = m_http->port();
    m_callbacks->setSourceAddress(address);
    return true;
}

QString SimBridge::baseUrl() const
{
    const QString host = m_address.protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + m_address.toString() + u']'
                             : m_address.toString();
    return QStringLiteral("http://%1:%2").arg(host).arg(m_port);
}

QDateTime SimBridge::now() const
{
    return m_clock().addSecs(m_skewSeconds);
}

QList<SimDevice> SimBridge::defaultDevices(quint32 seed)
{
    // A household like the ones in real captures (§10, S7–S10), ids varied per bridge.
    const quint32 base = 300000000u + (seed % 100000u) * 1000u;
    QList<SimDevice> list;
    SimDevice front;
    front.deviceType = dev::SmartLock;
    front.nukiId = base + 1;
    front.name = QStringLiteral("Front door");
    front.firmwareVersion = QStringLiteral("2.14.0");
    front.hasDoorSensor = true;
    front.hasKeypad = true;
    front.batteryChargeState = 82;
    list << front;
    SimDevice pro;
    pro.deviceType = dev::SmartLock3;
    pro.nukiId = base + 2;
    pro.name = QStringLiteral("Back door");
    pro.firmwareVersion = QStringLiteral("3.7.4");
    pro.state = dev::Unlocked;
    pro.batteryChargeState = 64;
    list << pro;
    SimDevice opener;
    opener.deviceType = dev::Opener;
    opener.nukiId = base + 1; // shares the lock's nukiId: identity is (nukiId, deviceType)
    opener.name = QStringLiteral("Building entrance");
    opener.firmwareVersion = QStringLiteral("1.6.4");
    opener.state = dev::OpenerOnline;
    list << opener;
    SimDevice door;
    door.deviceType = dev::SmartDoor;
    door.nukiId = base + 4;
    door.name = QStringLiteral("Garden gate");
    door.firmwareVersion = QStringLiteral("3.2.1");
    door.hasDoorSensor = true;
    door.batteryChargeState = 35;
    list << door;
    return list;
}

void SimBridge::setDevices(const QList<SimDevice> &devices)
{
    m_devices = devices;
    m_generation.clear();
    // The bridge learned every state at some moment; without one, /list would show "now"
    // each time and every read would look like news.
    const QDateTime t = now();
    for (auto &d : m_devices) {
        if (!d.timestamp.isValid())
            d.timestamp = t;
        if (d.isOpener() && !d.ringactionTimestamp.isValid())
            d.ringactionTimestamp = t;
    }
}

bool SimBridge::loadDevices(const QByteArray &json, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (!doc.isArray()) {
        *error = pe.error != QJsonParseError::NoError ? pe.errorString()
                                                      : QStringLiteral("expected a JSON array");
        return false;
    }
    QList<SimDevice> list;
    for (const auto &v : doc.array()) {
        QString e;
        SimDevice d = SimDevice::fromJson(v.toObject(), &e);
        if (!e.isEmpty()) {
            *error = e;
            return false;
        }
        list << d;
    }
    setDevices(list);
    return true;
}

SimDevice *SimBridge::device(quint32 nukiId, int deviceType)
{
    for (auto &d : m_devices)
        if (d.nukiId == nukiId && d.deviceType == deviceType)
            return &d;
    return nullptr;
}

int SimBridge::bleWakeups(quint32 nukiId, int deviceType) const
{
    return m_bleWakeups.value(deviceKey(nukiId, deviceType));
}

// ---------------------------------------------------------------- control interface

bool SimBridge::turnByHand(quint32 nukiId, int deviceType, int state)
{
    SimDevice *d = device(nukiId, deviceType);
    if (!d)
        return false;
    m_generation[QStringLiteral("motor/") + deviceKey(nukiId, deviceType)]++; // ends a sequence
    setState(nukiId, deviceType, state);
    return true;
}

bool SimBridge::setDoor(quint32 nukiId, int doorsensorState)
{
    for (auto &d : m_devices) {
        if (d.nukiId == nukiId && d.hasDoorSensor && !d.isOpener()) {
            d.doorsensorState = doorsensorState;
            d.timestamp = now();
            publish(d);
            return true;
        }
    }
    return false;
}

bool SimBridge::ring(quint32 nukiId)
{
    SimDevice *d = device(nukiId, dev::Opener);
    if (!d)
        return false;
    m_generation[QStringLiteral("ring/") + deviceKey(nukiId, dev::Opener)]++;
    d->ringactionState = true;
    d->ringactionTimestamp = now();
    d->timestamp = now();
    publish(*d);
    after(
        *d, m_config.ringResetMs,
        [this](SimDevice &o) {
            // The reset is not pushed: callbacks report events, and /list shows the reset.
            o.ringactionState = false;
            o.timestamp = now();
            emit deviceChanged(o.nukiId, o.deviceType);
        },
        QStringLiteral("ring"));
    return true;
}

bool SimBridge::setBattery(quint32 nukiId, int deviceType, int percent, bool critical,
                           bool charging)
{
    SimDevice *d = device(nukiId, deviceType);
    if (!d)
        return false;
    d->batteryChargeState = qBound(0, percent, 100);
    d->batteryCritical = critical;
    d->batteryCharging = charging;
    d->timestamp = now();
    publish(*d);
    return true;
}

bool SimBridge::setKeypadBatteryCritical(quint32 nukiId, bool critical)
{
    SimDevice *d = device(nukiId, dev::SmartLock);
    if (!d)
        d = device(nukiId, dev::SmartLock3);
    if (!d || !d->hasKeypad)
        return false;
    d->keypadBatteryCritical = critical;
    d->timestamp = now();
    publish(*d);
    return true;
}

bool SimBridge::setReachable(quint32 nukiId, int deviceType, bool reachable)
{
    SimDevice *d = device(nukiId, deviceType);
    if (!d)
        return false;
    d->reachable = reachable;
    return true;
}

void SimBridge::pressButton()
{
    if (!m_authWaiter)
        return;
    auto waiter = std::move(m_authWaiter);
    m_authWaiter = nullptr;
    if (m_auth.token().isEmpty()) {
        // "If no token was set yet, /auth generates a random one" (§2.5).
        QString t;
        static const char chars[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        for (int i = 0; i < 12; ++i)
            t += QLatin1Char(chars[m_random.bounded(int(sizeof(chars) - 1))]);
        m_auth.setToken(t);
    }
    waiter(
        SimResponse::ok(JsonObject().add("token", m_auth.token()).add("success", true).toJson()));
}

void SimBridge::reboot(int offlineMs)
{
    m_rebooting = true;
    ++m_epoch;
    m_inFlight = 0;
    m_authWaiter = nullptr; // the connection dies with the reboot
    if (m_http)
        m_http->setOffline(true);
    if (!m_config.callbacksSurviveReboot)
        m_callbacks->clear();
    m_generation.clear(); // ends every running sequence
    m_bleBusy = false;
    QTimer::singleShot(qMax(0, offlineMs), this, [this] {
        m_bootTime = QDateTime::currentDateTimeUtc();
        m_rebooting = false;
        if (m_http)
            m_http->setOffline(false);
        emit rebooted();
    });
}

QByteArray SimBridge::infoJson() const
{
    JsonObject o;
    o.add("bridgeType", m_config.bridgeType);
    JsonObject ids;
    if (m_config.bridgeType == 1)
        ids.add("hardwareId", qint64(m_config.hardwareId));
    ids.add("serverId", qint64(m_config.serverId));
    o.addRaw("ids", ids.toJson());
    JsonObject versions;
    if (m_config.bridgeType == 1)
        versions.add("firmwareVersion", m_config.firmwareVersion)
            .add("wifiFirmwareVersion", m_config.wifiFirmwareVersion);
    else
        versions.add("appVersion", m_config.firmwareVersion);
    o.addRaw("versions", versions.toJson());
    o.add("uptime", qint64(m_bootTime.secsTo(QDateTime::currentDateTimeUtc())));
    o.add("currentTime", formatTimestamp(now()));
    if (m_config.bridgeType == 1)
        o.add("wlanConnected", true);
    o.add("serverConnected", true);
    JsonArray scan;
    int rssi = -48;
    for (const auto &d : m_devices) {
        const QString hex = QString::number(d.nukiId, 16).toUpper().rightJustified(8, u'0');
        scan.addRaw(JsonObject()
                        .add("deviceType", d.deviceType)
                        .add("nukiId", qint64(d.nukiId))
                        .add("name", (d.isOpener() ? QStringLiteral("Nuki_Opener_")
                                                   : QStringLiteral("Nuki_")) +
                                         hex)
                        .add("rssi", rssi -= 5)
                        .add("paired", true)
                        .toJson());
    }
    o.addRaw("scanResults", scan.toJson());
    return o.toJson();
}

} // namespace nukisim
