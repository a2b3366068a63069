#include "wire/CallbackRequest.h"

#include "wire/HttpHead.h"

#include <QList>
#include <QRandomGenerator>

namespace nuki {

QString newCallbackPath(const QString &prefix)
{
    QByteArray bytes(16, '\0');
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 4);
    return prefix + QString::fromLatin1(bytes.toHex());
}

CallbackRequest CallbackRequest::parse(const QByteArray &bytes, qsizetype maxHead,
                                       qsizetype maxBody)
{
    CallbackRequest r;
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    if (end < 0 || end + 4 > maxHead) {
        if (end >= 0 || bytes.size() > maxHead)
            r.state = HeadTooLarge;
        return r;
    }
    const QList<QByteArray> lines = bytes.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.") ||
        !requestLine[1].startsWith('/')) {
        r.state = Bad;
        return r;
    }
    r.method = requestLine[0];
    r.path = requestLine[1];
    if (const qsizetype q = r.path.indexOf('?'); q >= 0)
        r.path.truncate(q);
    qsizetype length = 0;
    for (const auto &[name, value] : httpHeaderFields(lines)) {
        if (name == "transfer-encoding") {
            r.state = NeedsLength;
            return r;
        }
        if (name != "content-length")
            continue;
        // Digits only, and few of them: compared with the cap before anything else.
        if (value.isEmpty() || value.size() > 9) {
            r.state = value.size() > 9 ? BodyTooLarge : Bad;
            return r;
        }
        for (char ch : value) {
            if (ch < '0' || ch > '9') {
                r.state = Bad;
                return r;
            }
        }
        length = qsizetype(value.toLongLong());
    }
    if (length > maxBody) {
        r.state = BodyTooLarge;
        return r;
    }
    const qsizetype have = bytes.size() - (end + 4);
    if (have > length) {
        // More than announced: a pipelined or smuggled request; the receiver takes one only.
        r.state = Bad;
        return r;
    }
    if (have < length)
        return r; // NeedMore
    r.body = bytes.mid(end + 4, length);
    r.state = Complete;
    return r;
}

} // namespace nuki
