#pragma once

#include "protocol/Protocol.h"

#include <QJsonObject>

// The Nuki Bridge HTTP API's answers as nukicore reads them (docs/protocol.md §3, §4, §10).
// Parsing never throws and never trusts the bridge: unknown numbers survive as numbers, missing
// optional keys stay empty, and anything unusable yields an error text instead of a crash.
namespace nuki {

struct ScanResult
{
    quint32 nukiId = 0;
    int deviceType = 0;
    QString name;
    int rssi = 0;
    bool paired = false;
};

struct BridgeInfo
{
    int bridgeType = 0; // 1 hardware, 2 software
    quint32 hardwareId = 0;
    quint32 serverId = 0;
    QString firmwareVersion;
    QString wifiFirmwareVersion;
    QString appVersion;
    qint64 uptime = -1;
    QDateTime currentTime;
    std::optional<bool> wlanConnected;
    std::optional<bool> serverConnected;
    QList<ScanResult> scanResults;

    bool isHardware() const { return bridgeType == 1; }
    // Encrypted tokens need bridge firmware 1.22.1 (Bridge 1.0) or 2.14.0 (Bridge 2.0).
    bool supportsEncryptedToken() const;
    bool supportsHashedToken() const;
};

struct ActionResult
{
    bool success = false;
    std::optional<bool> batteryCritical;
};

struct CallbackEntry
{
    int id = -1;
    QString url;
};

struct BridgeLogEntry
{
    QDateTime timestamp;
    QString type;
    QJsonObject raw;
};

struct DiscoveredBridge
{
    quint32 bridgeId = 0;
    QString ip;
    int port = 0;
    QDateTime dateUpdated;
    bool discoveryDisabled() const { return ip == QLatin1String("0.0.0.0") || port == 0; }
};

// A body larger than this is refused before parsing: a /list of 200 devices is ~80 KB.
constexpr qint64 MaxBodyBytes = 2 * 1024 * 1024;

bool parseList(const QByteArray &body, QList<Device> *out, QString *error);
bool parseInfo(const QByteArray &body, BridgeInfo *out, QString *error);
// /lockState: {"success": false} is a valid answer meaning "device unreachable".
bool parseLockState(const QByteArray &body, DeviceState *out, bool *success, QString *error);
bool parseActionResult(const QByteArray &body, ActionResult *out, QString *error);
bool parseSuccess(const QByteArray &body, bool *success, QString *message, QString *error);
bool parseCallbackList(const QByteArray &body, QList<CallbackEntry> *out, QString *error);
// A callback POST: state keys plus nukiId and deviceType.
bool parseCallbackBody(const QByteArray &body, quint32 *nukiId, int *deviceType, DeviceState *out,
                       QString *error);
bool parseBridgeLog(const QByteArray &body, QList<BridgeLogEntry> *out, QString *error);
bool parseDiscovery(const QByteArray &body, QList<DiscoveredBridge> *out, QString *error);
bool parseAuth(const QByteArray &body, QString *token, bool *success, QString *error);

QDateTime parseTimestamp(const QString &text); // accepts +00:00 and Z forms

} // namespace nuki
