#pragma once

#include <QByteArray>
#include <QString>

namespace nukisim {

// Writes JSON the way the hardware bridge prints it: one line, keys in the bridge's order,
// with ", " and ": " separators. QJsonObject sorts keys, so it cannot reproduce that.
class JsonObject
{
public:
    JsonObject &add(const char *key, int value);
    JsonObject &add(const char *key, qint64 value);
    JsonObject &add(const char *key, bool value);
    JsonObject &add(const char *key, const QString &value);
    JsonObject &add(const char *key, const char *value)
    {
        return add(key, QString::fromUtf8(value));
    }
    JsonObject &addRaw(const char *key, const QByteArray &json);
    QByteArray toJson() const { return "{" + m_body + "}"; }

private:
    void key(const char *key);
    QByteArray m_body;
};

class JsonArray
{
public:
    JsonArray &addRaw(const QByteArray &json);
    QByteArray toJson() const { return "[" + m_body + "]"; }

private:
    QByteArray m_body;
};

QByteArray jsonString(const QString &value);

} // namespace nukisim
