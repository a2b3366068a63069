#include "wire/HttpResponse.h"

#include "wire/HttpHead.h"

#include <QList>

namespace nuki {

namespace {
constexpr qsizetype MaxChunkLine = 256; // size, extensions and CRLF

// A decimal or hex number of at most `maxDigits` digits, or -1.
qint64 number(const QByteArray &text, int base, int maxDigits)
{
    const QByteArray t = text.trimmed();
    if (t.isEmpty() || t.size() > maxDigits)
        return -1;
    for (char ch : t) {
        const bool digit = ch >= '0' && ch <= '9';
        const bool hex = (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
        if (!digit && !(base == 16 && hex))
            return -1;
    }
    bool ok = false;
    const qint64 v = t.toLongLong(&ok, base);
    return ok ? v : -1;
}
} // namespace

HttpResponse::Chunks HttpResponse::decodeChunked(const QByteArray &data, qint64 maxBody,
                                                 QByteArray *out)
{
    out->clear();
    qsizetype pos = 0;
    for (;;) {
        const qsizetype eol = data.indexOf("\r\n", pos);
        if (eol < 0)
            return data.size() - pos > MaxChunkLine ? Chunks::Bad : Chunks::NeedMore;
        if (eol - pos > MaxChunkLine)
            return Chunks::Bad;
        QByteArray sizeText = data.mid(pos, eol - pos);
        if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
            sizeText.truncate(semicolon); // chunk extensions carry nothing we need
        // At most 15 hex digits: the value fits in qint64 before it is compared.
        const qint64 len = number(sizeText, 16, 15);
        if (len < 0)
            return Chunks::Bad;
        if (len > maxBody - out->size())
            return Chunks::TooLarge;
        const qsizetype dataStart = eol + 2;
        if (len == 0) {
            // Trailer lines, if any, end with an empty line.
            if (data.mid(dataStart, 2) == "\r\n")
                return Chunks::Complete;
            const qsizetype end = data.indexOf("\r\n\r\n", eol);
            if (end >= 0)
                return Chunks::Complete;
            return data.size() - dataStart > HttpResponse::MaxHeadBytes ? Chunks::Bad
                                                                        : Chunks::NeedMore;
        }
        // len ≤ maxBody (a few MB), so these sums cannot overflow.
        if (data.size() - dataStart < len + 2)
            return Chunks::NeedMore;
        if (data.mid(dataStart + len, 2) != "\r\n")
            return Chunks::Bad;
        out->append(data.constData() + dataStart, len);
        pos = dataStart + len + 2;
    }
}

HttpResponse HttpResponse::parse(const QByteArray &bytes, bool closed, qint64 maxBody)
{
    HttpResponse r;
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    if (end < 0) {
        if (bytes.size() > MaxHeadBytes) {
            r.state = TooLarge;
            r.headTooLarge = true;
            r.error = QStringLiteral("answer head too long");
        }
        return r; // NeedMore: with `closed`, nothing usable came
    }
    if (end > MaxHeadBytes) {
        r.state = TooLarge;
        r.headTooLarge = true;
        r.error = QStringLiteral("answer head too long");
        return r;
    }
    r.headComplete = true;
    const QList<QByteArray> lines = bytes.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    const qint64 status = number(statusLine.value(1), 10, 3);
    if (!statusLine.value(0).startsWith("HTTP/1.") || status < 100) {
        r.state = Bad;
        r.error = QStringLiteral("not an HTTP answer");
        return r;
    }
    r.status = int(status);
    qint64 contentLength = -1;
    bool chunked = false;
    for (const auto &[name, value] : httpHeaderFields(lines)) {
        if (name == "content-length") {
            contentLength = number(value, 10, 18);
            if (contentLength < 0) {
                r.state = Bad;
                r.error = QStringLiteral("bad Content-Length");
                return r;
            }
        } else if (name == "transfer-encoding" && value.toLower().contains("chunked")) {
            chunked = true;
        }
    }
    const QByteArray rest = bytes.mid(end + 4);
    if (chunked) {
        switch (decodeChunked(rest, maxBody, &r.body)) {
        case Chunks::Complete:
            r.state = Complete;
            break;
        case Chunks::NeedMore:
            r.body.clear();
            r.state = closed ? CutShort : NeedMore;
            break;
        case Chunks::Bad:
            r.body.clear();
            r.state = Bad;
            r.error = QStringLiteral("bad chunked body");
            break;
        case Chunks::TooLarge:
            r.body.clear();
            r.state = TooLarge;
            break;
        }
        return r;
    }
    if (contentLength >= 0) {
        if (contentLength > maxBody) {
            r.state = TooLarge;
        } else if (rest.size() >= contentLength) {
            r.body = rest.left(contentLength);
            r.state = Complete;
        } else {
            r.state = closed ? CutShort : NeedMore;
        }
        return r;
    }
    // Neither: the body ends with the connection.
    if (rest.size() > maxBody)
        r.state = TooLarge;
    else if (closed) {
        r.body = rest;
        r.state = Complete;
    }
    return r;
}

} // namespace nuki
