#pragma once

#include <QByteArray>
#include <QString>

namespace nuki {

// Reads an HTTP/1.1 answer from the bytes received so far. Pure and bounded, so the fuzzer
// can hammer it: every number that comes from outside (status, Content-Length, chunk sizes)
// is range-checked before any arithmetic, and no body grows past `maxBody`.
struct HttpResponse
{
    enum State
    {
        NeedMore, // incomplete; with `closed` the caller decides (cut short / never answered)
        Complete,
        Bad,      // not HTTP, or a malformed framing (length, chunk)
        TooLarge, // a body larger than maxBody
        CutShort  // the connection closed inside the body
    };
    // The head (status line and header fields) is capped too; over it, the state is TooLarge
    // with headTooLarge set.
    static constexpr qsizetype MaxHeadBytes = 16 * 1024;

    State state = NeedMore;
    bool headComplete = false;
    bool headTooLarge = false;
    int status = 0;
    QByteArray body;
    QString error; // technical, for logs

    // `closed`: the peer closed the connection after these bytes.
    static HttpResponse parse(const QByteArray &bytes, bool closed, qint64 maxBody);

    enum class Chunks
    {
        NeedMore,
        Complete,
        Bad,
        TooLarge
    };
    // Decodes a chunked body (RFC 9112 §7.1), trailers skipped.
    static Chunks decodeChunked(const QByteArray &data, qint64 maxBody, QByteArray *out);
};

} // namespace nuki
