#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace nukisim {

// Device types, states and actions as the bridge numbers them (docs/protocol.md §3).
// Deliberately separate from nukicore's Protocol: two readings of the protocol check each other.
namespace dev {
constexpr int SmartLock = 0, Opener = 2, SmartDoor = 3, SmartLock3 = 4;
constexpr int ModeDoor = 2, ModeContinuous = 3;
constexpr int Uncalibrated = 0, Locked = 1, Unlocking = 2, Unlocked = 3, Locking = 4, Unlatched = 5,
              UnlockedLockNGo = 6, Unlatching = 7, MotorBlocked = 254, Undefined = 255;
constexpr int OpenerOnline = 1, OpenerRtoActive = 3, OpenerOpen = 5, OpenerOpening = 7,
              OpenerBootRun = 253;
constexpr int DoorDeactivated = 1, DoorClosed = 2, DoorOpened = 3, DoorUnknown = 4,
              DoorCalibrating = 5, DoorUncalibrated = 16, DoorRemoved = 240, DoorUnknown255 = 255;
} // namespace dev

struct SimDevice
{
    int deviceType = dev::SmartLock;
    quint32 nukiId = 0;
    QString name;
    QString firmwareVersion;
    int mode = dev::ModeDoor;
    int state = dev::Locked;
    bool batteryCritical = false;
    bool batteryCharging = false;
    int batteryChargeState = 100;
    bool hasKeypad = false;
    bool keypadBatteryCritical = false;
    bool hasDoorSensor = false;
    int doorsensorState = dev::DoorClosed;
    bool ringactionState = false;
    QDateTime ringactionTimestamp;
    QDateTime timestamp;   // when the bridge last learned this state
    bool reachable = true; // false: the bridge cannot reach it over BLE ({"success": false})
    bool hasLastKnownState = true; // false: /list shows the degraded entry (S11)

    bool isOpener() const { return deviceType == dev::Opener; }
    QString stateName() const;
    QString doorsensorStateName() const;

    // The state keys shared by /list lastKnownState, /lockState and callbacks.
    QByteArray stateKeys(bool withTimestamp, const QDateTime &now) const;
    QByteArray listEntry(const QDateTime &now) const;
    QByteArray lockStateBody(const QDateTime &now) const;
    QByteArray callbackBody(const QDateTime &now) const;
    // Whether the bridge would push this state: only final states are reported (§5).
    bool isFinalState() const;

    static SimDevice fromJson(const QJsonObject &o, QString *error);
};

QString formatTimestamp(const QDateTime &t); // 2020-10-26T22:50:56+00:00

} // namespace nukisim
