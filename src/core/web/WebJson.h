#pragma once

#include "protocol/Protocol.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace nuki::web {

// What Nuki Web's JSON says, parsed strictly and bounded (../docs/nuki-web-api.md §2). Pure, so
// the fuzzer can hammer it.
constexpr qint64 MaxBodyBytes = 4 * 1024 * 1024; // 200 devices with their config are ~0.5 MB
constexpr int MaxDevices = 1000;
constexpr int MaxLogEntries = 500;

// One device of the account (GET /smartlock).
struct Lock
{
    qint64 smartlockId = 0; // the cloud's id: every call uses it as it came, never rebuilt
    // From the id itself: (smartlockId & 0xFFFFFFFF, smartlockId >> 32) is the pair a bridge
    // and a broker name the device by (§2.10). `type` as the cloud says it; when the two
    // disagree, the device is shown as the id says and `typeMismatch` is set.
    quint32 nukiId = 0;
    int deviceType = 0;
    int cloudType = -1;
    bool typeMismatch = false;
    QString name;
    int serverState = -1; // 0 ok, 4 offline: "Nuki Web cannot reach the lock"
    bool busy = false;    // operationId set: another operation runs
    DeviceState state;
    QDateTime updateDate;
    bool keypadPaired = false;
};

// One entry of the account's log (GET /smartlock/log), newest first.
struct LogEntry
{
    QString id; // the cloud's, also the cursor for older pages
    qint64 smartlockId = 0;
    quint32 nukiId = 0;
    int deviceType = 0;
    QString name; // who: an auth's name, a keypad code's, "" for the door sensor
    int action = 0;
    int trigger = -1;
    int state = -1;  // completion: 0 success
    int source = -1; // 0 default, 1 keypad code, 2 fingerprint
    QDateTime date;  // UTC
};

struct Parsed
{
    QString error;   // empty: fine
    int skipped = 0; // entries left out because they could not be read (an id over 2^40, …)
};

// The list of devices, or an error in words.
std::optional<QList<Lock>> parseLocks(const QByteArray &body, Parsed *info);
std::optional<Lock> parseLock(const QByteArray &body, Parsed *info); // GET /smartlock/{id}
std::optional<QList<LogEntry>> parseLog(const QByteArray &body, Parsed *info);

// The pair a local source knows the device by, from a cloud id; nullopt for an id that is no
// device id (0, negative, or a type part beyond a byte).
std::optional<std::pair<quint32, int>> splitSmartlockId(qint64 smartlockId);

// An error body's text, bounded and plain, for a log line: Nuki's JSON `detailMessage`, or
// nothing for HTML (a proxy's 502 page).
QString errorDetail(const QByteArray &body);

} // namespace nuki::web
