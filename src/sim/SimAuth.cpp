#include "SimAuth.h"

#include <QCryptographicHash>
#include <sodium.h>

namespace nukisim {

bool queryValue(const QUrlQuery &query, const QString &name, QString *value)
{
    for (const auto &item : query.queryItems(QUrl::FullyDecoded)) {
        if (item.first.compare(name, Qt::CaseInsensitive) == 0) {
            *value = item.second;
            return true;
        }
    }
    return false;
}

QString SimAuth::formName(Form form)
{
    switch (form) {
    case Form::Plain:
        return QStringLiteral("plain");
    case Form::Hashed:
        return QStringLiteral("hashed");
    case Form::Encrypted:
        return QStringLiteral("encrypted");
    case Form::None:
        break;
    }
    return QStringLiteral("none");
}

bool SimAuth::seenBefore(const QString &key, const QDateTime &now)
{
    for (auto it = m_seen.begin(); it != m_seen.end();) {
        if (it.value() < now)
            it = m_seen.erase(it);
        else
            ++it;
    }
    if (m_seen.contains(key))
        return true;
    m_seen.insert(key, now.addSecs(2 * WindowSeconds));
    return false;
}

SimAuth::Result SimAuth::checkTimestamp(const QString &ts, const QString &rnr, Form form,
                                        const QDateTime &now, QDateTime *parsed)
{
    bool rnrOk = false;
    const uint r = rnr.toUInt(&rnrOk);
    *parsed = QDateTime::fromString(ts, QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
    parsed->setTimeSpec(Qt::UTC);
    if (!parsed->isValid() || !rnrOk || r > 65535)
        return {false, form, QStringLiteral("malformed ts or rnr")};
    if (qAbs(parsed->secsTo(now)) > WindowSeconds)
        return {false, form, QStringLiteral("timestamp outside the 60 s window")};
    return {true, form, {}};
}

SimAuth::Result SimAuth::check(const QUrlQuery &query, const QDateTime &now)
{
    QString ctoken, nonce, hash, ts, rnr, token;
    if (queryValue(query, QStringLiteral("ctoken"), &ctoken)) {
        if (!m_allowEncrypted)
            return {false, Form::Encrypted, QStringLiteral("encrypted token not supported")};
        queryValue(query, QStringLiteral("nonce"), &nonce);
        const QByteArray box = QByteArray::fromHex(ctoken.toLatin1());
        const QByteArray n = QByteArray::fromHex(nonce.toLatin1());
        if (n.size() != crypto_secretbox_NONCEBYTES ||
            box.size() <= int(crypto_secretbox_MACBYTES) || box.size() > 200)
            return {false, Form::Encrypted, QStringLiteral("malformed ctoken or nonce")};
        const QByteArray key =
            QCryptographicHash::hash(m_token.toUtf8(), QCryptographicHash::Sha256);
        QByteArray plain(box.size() - int(crypto_secretbox_MACBYTES), '\0');
        if (crypto_secretbox_open_easy(
                reinterpret_cast<unsigned char *>(plain.data()),
                reinterpret_cast<const unsigned char *>(box.constData()), quint64(box.size()),
                reinterpret_cast<const unsigned char *>(n.constData()),
                reinterpret_cast<const unsigned char *>(key.constData())) != 0)
            return {false, Form::Encrypted, QStringLiteral("ctoken does not decrypt")};
        const QList<QByteArray> parts = plain.split(',');
        if (parts.size() != 2)
            return {false, Form::Encrypted, QStringLiteral("malformed ctoken plaintext")};
        QDateTime when;
        Result r = checkTimestamp(QString::fromLatin1(parts[0]), QString::fromLatin1(parts[1]),
                                  Form::Encrypted, now, &when);
        if (!r.ok)
            return r;
        if (seenBefore(QStringLiteral("c:") + ctoken.toLower(), now) ||
            seenBefore(QStringLiteral("n:") + nonce.toLower(), now))
            return {false, Form::Encrypted, QStringLiteral("replayed ctoken or nonce")};
        return r;
    }
    if (queryValue(query, QStringLiteral("hash"), &hash)) {
        if (!m_allowHashed)
            return {false, Form::Hashed, QStringLiteral("hashed token not supported")};
        if (!queryValue(query, QStringLiteral("ts"), &ts) ||
            !queryValue(query, QStringLiteral("rnr"), &rnr))
            return {false, Form::Hashed, QStringLiteral("hashed token parameter is missing")};
        QDateTime when;
        Result r = checkTimestamp(ts, rnr, Form::Hashed, now, &when);
        if (!r.ok)
            return r;
        const QByteArray expected =
            QCryptographicHash::hash((ts + u',' + rnr + u',' + m_token).toUtf8(),
                                     QCryptographicHash::Sha256)
                .toHex();
        if (expected != hash.toLower().toLatin1())
            return {false, Form::Hashed, QStringLiteral("hash mismatch")};
        if (seenBefore(QStringLiteral("h:") + ts + u',' + rnr, now))
            return {false, Form::Hashed, QStringLiteral("replayed ts and rnr")};
        return r;
    }
    if (queryValue(query, QStringLiteral("token"), &token)) {
        if (!m_token.isEmpty() && token == m_token)
            return {true, Form::Plain, {}};
        return {false, Form::Plain, QStringLiteral("wrong token")};
    }
    return {false, Form::None, QStringLiteral("hashed token parameter is missing")};
}

} // namespace nukisim
