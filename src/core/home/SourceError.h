#pragma once

#include <QString>

namespace nuki {

// What went wrong in a source's request or action (a bridge's HTTP answer today).
// `message()` is for a person; `kind` is for code.
struct SourceError
{
    enum Kind
    {
        None,
        Busy,              // 503 until the retry deadline: the bridge handles one request at a time
        Unauthorized,      // 401: the token was rejected
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
        NoToken,          // no token is known yet: nothing was sent
        // A Wi-Fi lock on a broker:
        LockNotConnected, // its `connected` is false (its last will) or not known: nothing sent
        LockBusy,         // commandResponse 0x45: it is moving, nothing was done
        LockRefused,      // another non-zero commandResponse (the code is in httpStatus)
        NoAnswer          // no response at all: "Allow locking" may be off; may have acted
    };
    Kind kind = None;
    int httpStatus = 0; // or a broker's reason code, or a lock's commandResponse
    QString detail;     // technical: the socket's or library's own text
    // The source's own words for this error, said to a person instead of the kind's (a
    // broker's reasons, a lock's answer).
    QString words;
    // True when the request may have been carried out although we have no answer. A lock
    // action with this flag is never sent again automatically: its outcome is "unknown".
    bool mayHaveReachedLock = false;
    // With Unauthorized: timed tokens were tried with clock shifts up to this many minutes,
    // so the refusal means a wrong token or a clock off by more than that.
    int clockCheckedMinutes = 0;
    // With BadResponse: the answer went over a size cap of this many bytes (0: it did not),
    // in its head (status line and header fields) or in its body.
    qint64 sizeLimit = 0;
    bool headTooLarge = false;

    SourceError() = default;
    SourceError(Kind k, int status = 0, const QString &text = {}, bool mayHaveReached = false)
        : kind(k), httpStatus(status), detail(text), mayHaveReachedLock(mayHaveReached)
    {
    }
    static SourceError said(Kind k, const QString &words, bool mayHaveReached = false, int code = 0)
    {
        SourceError e(k, code, {}, mayHaveReached);
        e.words = words;
        return e;
    }
    bool ok() const { return kind == None; }
    // The rule for "the source is gone": no connection, no answer, or one cut off.
    bool meansLinkLost() const
    {
        return kind == Unreachable || kind == Timeout || kind == ConnectionLost;
    }
    // Whether the error tells something about the source's link as a whole (gone, or refusing
    // us), rather than about one request or device.
    bool concernsLink() const { return meansLinkLost() || kind == Unauthorized; }
    QString message() const;
    static QString kindName(Kind kind);
};

} // namespace nuki
