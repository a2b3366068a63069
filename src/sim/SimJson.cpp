#include "SimJson.h"

namespace nukisim {

QByteArray jsonString(const QString &value)
{
    QByteArray out = "\"";
    for (const QChar c : value) {
        switch (c.unicode()) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c.unicode() < 0x20)
                out +=
                    QByteArray("\\u") + QByteArray::number(c.unicode(), 16).rightJustified(4, '0');
            else
                out += QString(c).toUtf8();
        }
    }
    return out + "\"";
}

void JsonObject::key(const char *key)
{
    if (!m_body.isEmpty())
        m_body += ", ";
    m_body += '"';
    m_body += key;
    m_body += "\": ";
}

JsonObject &JsonObject::add(const char *k, int value)
{
    key(k);
    m_body += QByteArray::number(value);
    return *this;
}

JsonObject &JsonObject::add(const char *k, qint64 value)
{
    key(k);
    m_body += QByteArray::number(value);
    return *this;
}

JsonObject &JsonObject::add(const char *k, bool value)
{
    key(k);
    m_body += value ? "true" : "false";
    return *this;
}

JsonObject &JsonObject::add(const char *k, const QString &value)
{
    key(k);
    m_body += jsonString(value);
    return *this;
}

JsonObject &JsonObject::addRaw(const char *k, const QByteArray &json)
{
    key(k);
    m_body += json;
    return *this;
}

JsonArray &JsonArray::addRaw(const QByteArray &json)
{
    if (!m_body.isEmpty())
        m_body += ", ";
    m_body += json;
    return *this;
}

} // namespace nukisim
