#pragma once

#include <QByteArray>
#include <QList>

namespace nuki {

// The header fields of an HTTP head, split at "\n": name lower-cased, both sides trimmed.
// Line 0 (the status or request line) is left to the caller. Used by both wire parsers.
struct HttpHeaderField
{
    QByteArray name;
    QByteArray value;
};

inline QList<HttpHeaderField> httpHeaderFields(const QList<QByteArray> &lines)
{
    QList<HttpHeaderField> fields;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            fields.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    return fields;
}

} // namespace nuki
