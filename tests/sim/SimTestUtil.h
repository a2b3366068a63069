#pragma once
// Helpers for the simulator's tests: real HTTP over loopback, bounded waits only.

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>
#include <sodium.h>

#include "SimBridge.h"
#include "SimFixtures.h"

struct HttpResult
{
    int status = 0; // 0: no HTTP answer (connection refused, dropped, timed out)
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray contentType;
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
};

inline HttpResult finishReply(QNetworkReply *reply, int timeoutMs = 15000)
{
    if (!reply->isFinished()) {
        QSignalSpy spy(reply, &QNetworkReply::finished);
        if (!spy.wait(timeoutMs))
            reply->abort();
    }
    HttpResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.error = reply->error();
    r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    reply->deleteLater();
    return r;
}

inline QNetworkReply *startGet(QNetworkAccessManager &nam, const QString &base, const QString &path,
                               const QUrlQuery &query)
{
    QUrl url(base + path);
    url.setQuery(query);
    return nam.get(QNetworkRequest(url));
}

inline HttpResult httpGet(QNetworkAccessManager &nam, const QString &base, const QString &path,
                          const QUrlQuery &query = {}, int timeoutMs = 15000)
{
    return finishReply(startGet(nam, base, path, query), timeoutMs);
}

inline QString authTs(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

inline QUrlQuery plainAuth(const QString &token)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("token"), token);
    return q;
}

inline QUrlQuery hashedAuth(const QString &token, const QString &ts, int rnr)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("ts"), ts);
    q.addQueryItem(QStringLiteral("rnr"), QString::number(rnr));
    q.addQueryItem(
        QStringLiteral("hash"),
        QString::fromLatin1(
            QCryptographicHash::hash((ts + u',' + QString::number(rnr) + u',' + token).toUtf8(),
                                     QCryptographicHash::Sha256)
                .toHex()));
    return q;
}

inline QByteArray ctokenFor(const QString &token, const QString &ts, int rnr,
                            const QByteArray &nonce)
{
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

inline QUrlQuery encryptedAuth(const QString &token, const QString &ts, int rnr,
                               QByteArray nonce = {})
{
    if (nonce.isEmpty()) {
        nonce.resize(crypto_secretbox_NONCEBYTES);
        randombytes_buf(nonce.data(), size_t(nonce.size()));
    }
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("ctoken"), QString::fromLatin1(ctokenFor(token, ts, rnr, nonce)));
    q.addQueryItem(QStringLiteral("nonce"), QString::fromLatin1(nonce.toHex()));
    return q;
}

inline QUrlQuery with(QUrlQuery q, const QString &key, const QString &value)
{
    q.addQueryItem(key, value);
    return q;
}
