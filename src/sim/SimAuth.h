#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QUrlQuery>

namespace nukisim {

// Checks the three credential forms of docs/protocol.md §2.4: encrypted token (ctoken +
// nonce), hashed token (ts + rnr + hash), plain token. Replays inside the 60 s window fail.
class SimAuth
{
public:
    enum class Form
    {
        None,
        Plain,
        Hashed,
        Encrypted
    };
    struct Result
    {
        bool ok = false;
        Form form = Form::None;
        QString reason; // for the request log; never contains a secret
    };

    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }
    void setAllowHashed(bool allow) { m_allowHashed = allow; }
    void setAllowEncrypted(bool allow) { m_allowEncrypted = allow; }

    // `now` is the bridge's clock (clock skew is injected by the caller).
    Result check(const QUrlQuery &query, const QDateTime &now);

    static QString formName(Form form);
    static constexpr int WindowSeconds = 60;

private:
    bool seenBefore(const QString &key, const QDateTime &now);
    Result checkTimestamp(const QString &ts, const QString &rnr, Form form, const QDateTime &now,
                          QDateTime *parsed);

    QString m_token;
    bool m_allowHashed = true;
    bool m_allowEncrypted = true;
    QHash<QString, QDateTime> m_seen; // replay cache: credential → when it expires
};

// Case-insensitive lookup of a query parameter (real clients send `noWait` as well as `nowait`).
bool queryValue(const QUrlQuery &query, const QString &name, QString *value);

} // namespace nukisim
