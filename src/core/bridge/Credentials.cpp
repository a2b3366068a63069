#include "bridge/Credentials.h"

#include <QCryptographicHash>
#include <sodium.h>

namespace nuki {

QString tokenModeName(TokenMode mode)
{
    switch (mode) {
    case TokenMode::Encrypted:
        return QStringLiteral("encrypted");
    case TokenMode::Hashed:
        return QStringLiteral("hashed");
    case TokenMode::Plain:
        return QStringLiteral("plain");
    case TokenMode::Auto:
        break;
    }
    return QStringLiteral("auto");
}

TokenMode tokenModeFromName(const QString &name)
{
    if (name == u"encrypted")
        return TokenMode::Encrypted;
    if (name == u"hashed")
        return TokenMode::Hashed;
    if (name == u"plain")
        return TokenMode::Plain;
    return TokenMode::Auto;
}

QString Credentials::hashFor(const QString &token, const QString &ts, quint16 rnr)
{
    const QByteArray text = (ts + u',' + QString::number(rnr) + u',' + token).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex());
}

QByteArray Credentials::ctokenFor(const QString &token, const QString &ts, quint16 rnr,
                                  const QByteArray &nonce)
{
    if (sodium_init() < 0 || nonce.size() != crypto_secretbox_NONCEBYTES)
        return {};
    // key = raw SHA-256 of the token; plaintext "ts,rnr"; output MAC || ciphertext (§2.3).
    const QByteArray key = QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
    const QByteArray plain = (ts + u',' + QString::number(rnr)).toUtf8();
    QByteArray box(plain.size() + int(crypto_secretbox_MACBYTES), '\0');
    crypto_secretbox_easy(reinterpret_cast<unsigned char *>(box.data()),
                          reinterpret_cast<const unsigned char *>(plain.constData()),
                          quint64(plain.size()),
                          reinterpret_cast<const unsigned char *>(nonce.constData()),
                          reinterpret_cast<const unsigned char *>(key.constData()));
    return box.toHex();
}

QUrlQuery Credentials::query(TokenMode mode, qint64 extraSeconds) const
{
    QUrlQuery q;
    // Only an explicit Plain sends the token itself; Auto never means plain.
    if (mode == TokenMode::Plain) {
        q.addQueryItem(QStringLiteral("token"), m_token);
        return q;
    }
    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    const QString ts = now.toUTC()
                           .addSecs(m_offset + extraSeconds)
                           .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
    auto random = [this](void *buf, size_t size) {
        if (m_random)
            m_random(buf, size);
        else
            randombytes_buf(buf, size);
    };
    quint16 rnr = 0;
    random(&rnr, sizeof rnr);
    if (mode == TokenMode::Hashed) {
        q.addQueryItem(QStringLiteral("ts"), ts);
        q.addQueryItem(QStringLiteral("rnr"), QString::number(rnr));
        q.addQueryItem(QStringLiteral("hash"), hashFor(m_token, ts, rnr));
        return q;
    }
    QByteArray nonce(crypto_secretbox_NONCEBYTES, '\0');
    random(nonce.data(), size_t(nonce.size()));
    q.addQueryItem(QStringLiteral("ctoken"),
                   QString::fromLatin1(ctokenFor(m_token, ts, rnr, nonce)));
    q.addQueryItem(QStringLiteral("nonce"), QString::fromLatin1(nonce.toHex()));
    return q;
}

} // namespace nuki
