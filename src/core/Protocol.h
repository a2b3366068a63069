#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <optional>

// The Nuki Bridge HTTP API as nukicore reads it (docs/protocol.md §3, §4, §10).
// Parsing never throws and never trusts the bridge: unknown numbers survive as numbers, missing
// optional keys stay empty, and anything unusable yields an error text instead of a crash.
namespace nuki {

enum class DeviceType : int
{
    SmartLock = 0,
    Opener = 2,
    SmartDoor = 3,
    SmartLock3 = 4
};

enum class LockState : int
{
    Uncalibrated = 0,
    Locked = 1,
    Unlocking = 2,
    Unlocked = 3,
    Locking = 4,
    Unlatched = 5,
    UnlockedLockNGo = 6,
    Unlatching = 7,
    MotorBlocked = 254,
    Undefined = 255
};
enum class OpenerState : int
{
    Untrained = 0,
    Online = 1,
    RtoActive = 3,
    Open = 5,
    Opening = 7,
    BootRun = 253,
    Undefined = 255
};
enum class DoorSensor : int
{
    Deactivated = 1,
    Closed = 2,
    Opened = 3,
    Unknown = 4,
    Calibrating = 5,
    Uncalibrated = 16,
    Removed = 240,
    Unknown255 = 255
};

// /lockAction numbers; the meaning depends on the device kind (§3.4).
enum class LockAction : int
{
    Unlock = 1,
    Lock = 2,
    Unlatch = 3,
    LockNGo = 4,
    LockNGoUnlatch = 5,
    RtoOn = 1,
    RtoOff = 2,
    ElectricStrike = 3,
    ContinuousOn = 4,
    ContinuousOff = 5
};

constexpr int ModeDoor = 2, ModeContinuous = 3;

bool isOpener(int deviceType);
bool isKnownDeviceType(int deviceType);
// The state a person reads: "Locked", "Unlocking…", "unknown (42)".
QString deviceTypeName(int deviceType);
QString stateText(int deviceType, int state);
QString doorSensorText(int doorsensorState);
QString actionName(int deviceType, int action);
// Transitional states should settle; a device stuck in one deserves a /lockState.
bool isTransitional(int deviceType, int state);
bool isErrorState(int deviceType, int state);

struct DeviceState
{
    bool known = false; // false when the bridge sent no lastKnownState (it lost the device)
    int mode = -1;
    int state = -1;
    QString stateName;
    bool batteryCritical = false;
    std::optional<bool> batteryCharging;
    std::optional<int> batteryChargeState;
    std::optional<bool> keypadBatteryCritical; // present only with a keypad
    std::optional<int> doorsensorState;        // present only with a door sensor
    std::optional<bool> ringactionState;       // opener only
    QDateTime ringactionTimestamp;
    QDateTime timestamp; // when the bridge learned it (absent in /lockState and callbacks)

    bool operator==(const DeviceState &) const = default;
};

struct Device
{
    quint32 nukiId = 0;
    int deviceType = 0;
    QString name;
    QString firmwareVersion;
    DeviceState state;
};

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
// A JSON number that is a whole number within [min, max], or nothing (NaN, 2.5, 1e20, "2").
std::optional<qint64> boundedInteger(const QJsonValue &v, qint64 min, qint64 max);

} // namespace nuki
