#pragma once

#include <QString>

namespace nuki {

// The one error type of nukicore. `message()` is for a person; `kind` is for code.
struct BridgeError
{
    enum Kind
    {
        None,
        Busy,              // 503 until the retry deadline: the bridge handles one request at a time
        Unauthorized,      // 401: the token was rejected
        ClockSkew,         // 401 explained: this computer's and the bridge's clocks differ
        AuthDisabled,      // 403 on /auth: the button flow is switched off in the Nuki app
        UnknownDevice,     // 404: the bridge does not know this device (any more)
        DeviceOffline,     // 410: the bridge has not reached the device for a long time
        DeviceUnreachable, // 200 {"success": false}: the bridge could not reach it just now
        BadRequest,        // 400
        Timeout,           // sent, no answer in time
        Unreachable,       // the connection never opened
        BadResponse,       // an answer we cannot read (malformed, too large, unexpected)
        Cancelled,
        ConnectionLost,   // sent, then the connection broke before a complete answer
        ButtonNotPressed, // /auth: nobody pressed the bridge's button in time
        NoToken           // no token is known yet: nothing was sent
    };
    Kind kind = None;
    int httpStatus = 0;
    QString detail;
    // True when the request may have been carried out although we have no answer. A lock
    // action with this flag is never sent again automatically: its outcome is "unknown".
    bool mayHaveReachedBridge = false;
    qint64 clockSkewSeconds = 0;
    // With Unauthorized: timed tokens were tried with clock shifts up to this many minutes,
    // so the refusal means a wrong token or a clock off by more than that.
    int clockCheckedMinutes = 0;
    // With BadResponse: the answer went over a size cap of this many bytes (0: it did not),
    // in its head (status line and header fields) or in its body.
    qint64 sizeLimit = 0;
    bool headTooLarge = false;

    BridgeError() = default;
    BridgeError(Kind k, int status = 0, const QString &text = {}, bool mayHaveReached = false)
        : kind(k), httpStatus(status), detail(text), mayHaveReachedBridge(mayHaveReached)
    {
    }
    bool ok() const { return kind == None; }
    QString message() const;
    static QString kindName(Kind kind);
};

} // namespace nuki
