#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>
#include <functional>

namespace nukisim {

struct SimRequest
{
    QByteArray method = "GET";
    QString path;
    QUrlQuery query;
    QHostAddress peer;
};

struct SimResponse
{
    int status = 200;
    QByteArray body;
    bool json = true;
    bool drop = false;     // close the connection without an answer (fault injection)
    bool hugeHead = false; // a header field of 20 KB, over any client's head cap (fault)

    static SimResponse ok(const QByteArray &json) { return {200, json, true, false, false}; }
    static SimResponse error(int status);
};

using SimReplier = std::function<void(const SimResponse &)>;

// One line of the simulator's request log: what a test needs to check client behaviour.
struct SimLogEntry
{
    QDateTime time;
    QString path;
    QList<QPair<QString, QString>> params; // credentials are removed
    QString authForm;                      // none, plain, hashed, encrypted
    bool concurrent = false;               // another request was in flight when it arrived
    int status = 0;
    bool bleWake = false; // this request woke a device over Bluetooth (/lockState)
    QString note;
};

// Faults a test can inject. `remaining` counts how many requests get the fault; -1 = all.
struct SimFaults
{
    double rate503 = 0.0; // probability of a 503 on any request
    int latencyMs = 0;    // added before answering (the bridge stays busy meanwhile)
    int latencyJitterMs = 0;
    int forcedStatus = 0; // e.g. 401, 404, 410, 500
    int forcedRemaining = 0;
    int malformedRemaining = 0;    // body cut off mid-JSON
    int dropRemaining = 0;         // connection closed without an answer
    int successFalseRemaining = 0; // lockState/lockAction answer {"success": false}
    int hugeHeadRemaining = 0;     // answers whose head is over 16 KB
    QString onlyPath;              // when set, faults apply only to this path
};

} // namespace nukisim
