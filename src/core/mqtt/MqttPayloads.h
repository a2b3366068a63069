#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

// What Wi-Fi locks publish on an MQTT broker, read strictly and within bounds (docs/mqtt.md,
// after Nuki's MQTT API 1.5). Pure functions: the fuzzer drives them. A value that is not
// what the topic promises reads as "unknown", never as 0 or false.
namespace nuki::mqtt {

// A state topic's payload is a short text; anything longer is not a lock's.
constexpr qsizetype MaxValueBytes = 256;
// A Home Assistant discovery config is a small JSON object.
constexpr qsizetype MaxDiscoveryBytes = 16 * 1024;
// Ids are the 32-bit nukiId in hex: at most 8 digits once a 0x and leading zeros are gone.
constexpr int MaxIdDigits = 8;

// "nuki/<ID>/<topic>": the id as the lock spells it (reused verbatim for commands), its
// number, and the sub-topic. False for anything else, a deeper topic included.
struct LockTopic
{
    QString rawId;
    quint32 nukiId = 0;
    QString sub;
};
bool parseLockTopic(const QString &topic, LockTopic *out);
// Two ids are the same lock when their numbers are: case, a 0x prefix and leading zeros do not
// matter (§2.1 of the reference is uncertain about them).
std::optional<quint32> parseLockId(QStringView id);

// A decimal integer within [min, max]; surrounding white space is tolerated, nothing else.
std::optional<qint64> parseInteger(const QByteArray &payload, qint64 min, qint64 max);
// "true" or "false", any case, surrounding white space tolerated.
std::optional<bool> parseBoolean(const QByteArray &payload);
// ISO 8601 with Z, ±hh:mm or no offset (taken as UTC).
QDateTime parseTime(const QByteArray &payload);
// Valid UTF-8 text without control characters, within the bound; else nothing.
std::optional<QString> parseText(const QByteArray &payload, qsizetype maxChars = 64);

// lockActionEvent: "action,trigger,authId,codeId,context"; four fields are accepted (one
// source shows four), missing ones are 0, extra ones ignored.
struct LockActionEvent
{
    int action = 0;
    int trigger = 0;
    quint32 authId = 0;
    quint32 codeId = 0;
    int context = 0;
};
std::optional<LockActionEvent> parseLockActionEvent(const QByteArray &payload);

// Triggers (§4.5) and actions that are only events (§4.4).
enum Trigger
{
    TriggerSystem = 0, // app, keypad, auto unlock: a Bluetooth command
    TriggerManual = 1,
    TriggerButton = 2,
    TriggerAutomatic = 3,
    TriggerAutoLock = 6,
    TriggerHomeKitMatter = 171,
    TriggerMqtt = 172
};
constexpr int EventFobWithoutAction = 80, EventButtonWithoutAction = 90;

// A Nuki lock's Home Assistant discovery config: recognised by its payload, not its topic
// (the topic's shape differs between firmware and the specification).
struct DiscoveredLock
{
    QString rawId;
    quint32 nukiId = 0;
    QString name;
    QString model;
    bool isLockEntity = false; // the "lock" component itself, not a sensor of it
};
std::optional<DiscoveredLock> parseDiscovery(const QString &topic, const QByteArray &payload);

// The commandResponse codes (BLE error codes) in words; `busy` is 0x45.
constexpr int ResponseOk = 0, ResponseBusy = 0x45;
QString responseText(int code);

} // namespace nuki::mqtt
