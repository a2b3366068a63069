#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <functional>
#include <optional>

// Nuki's numbers and a device's state, whichever way the device is reached (docs/protocol.md
// §3, §4). The bridge's answers and their parsers are in wire/BridgeJson.h.
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

// Who or what moved a lock, as a Wi-Fi lock reports it (MQTT lockActionEvent; a bridge does
// not say). `at` is when it arrived.
struct LockEvent
{
    int action = 0;
    int trigger = 0; // 0 app/keypad/Bluetooth, 2 button, 3 automatic, 6 auto lock,
                     // 171 HomeKit/Matter, 172 MQTT
    quint32 authId = 0;
    quint32 codeId = 0;
    int context = 0; // keypad source, number of presses, or the auto-unlock flag
    QDateTime at;
    bool operator==(const LockEvent &) const = default;
};
// In words: "unlocked with keypad code 8193", "locked by auto lock". `nameOf` gives the
// person's name for an auth or code id, if they gave one ("8193 = Anna").
QString lockEventText(int deviceType, const LockEvent &event,
                      const std::function<QString(quint32 id)> &nameOf = {});

struct Device
{
    quint32 nukiId = 0;
    int deviceType = 0;
    QString name;
    QString firmwareVersion;
    DeviceState state;
    // The source reaches it now. False for a Wi-Fi lock that is not connected to its broker
    // (or a broker we are not connected to): `state` is then the last it said, not news.
    bool reachable = true;
};

// A JSON number that is a whole number within [min, max], or nothing (NaN, 2.5, 1e20, "2").
std::optional<qint64> boundedInteger(const QJsonValue &v, qint64 min, qint64 max);

} // namespace nuki
