#pragma once

#include <QByteArray>
#include <QString>

namespace nuki {

// Reads one HTTP/1.1 request as it arrives at the callback receiver. Pure and bounded (the
// fuzzer drives it): the head may be at most `maxHead` bytes, the body at most `maxBody`
// and must be announced by Content-Length; anything else is refused without reading on.
struct CallbackRequest
{
    enum State
    {
        NeedMore,
        Complete,
        Bad,          // not a request we understand (→ 400)
        HeadTooLarge, // → 431
        BodyTooLarge, // announced or sent beyond maxBody (→ 413)
        NeedsLength   // a body without Content-Length, e.g. chunked (→ 411)
    };
    State state = NeedMore;
    QByteArray method;
    QByteArray path; // without the query
    QByteArray body;

    static CallbackRequest parse(const QByteArray &bytes, qsizetype maxHead, qsizetype maxBody);
};

// A fresh unguessable callback path under `prefix`: the app's is made once per installation,
// `nukictl watch` makes one per run under its own prefix.
QString newCallbackPath(const QString &prefix = QStringLiteral("/nuki-desktop/"));

} // namespace nuki
