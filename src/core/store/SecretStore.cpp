#include "store/SecretStore.h"

#include "store/Settings.h"
#include "store/TokenFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <qt6keychain/keychain.h>

namespace nuki {

SecretStore::SecretStore(QObject *parent) : QObject(parent) {}

static QString account(const QString &bridgeId)
{
    return QStringLiteral("bridge-") + bridgeId;
}

static QString explain(QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return QObject::tr("No keychain is available on this desktop (a Secret Service such as "
                           "GNOME Keyring or KWallet).");
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return QObject::tr("The keychain refused access.");
    case QKeychain::EntryNotFound:
        return QObject::tr("No token is stored for this bridge.");
    default:
        return job->errorString();
    }
}

void SecretStore::read(const QString &bridgeId, ReadDone done)
{
    // No parent: the keychain backend calls the job back even after this store is
    // gone (libsecret keeps a raw pointer); the job deletes itself when done.
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(account(bridgeId));
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [done, job] {
        const bool ok = job->error() == QKeychain::NoError;
        done(ok, ok ? job->textData() : QString(), ok ? QString() : explain(job));
    });
    job->start();
}

void SecretStore::write(const QString &bridgeId, const QString &token, WriteDone done)
{
    // No parent: the keychain backend calls the job back even after this store is
    // gone (libsecret keeps a raw pointer); the job deletes itself when done.
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(account(bridgeId));
    job->setInsecureFallback(false);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [done, job] {
        const bool ok = job->error() == QKeychain::NoError;
        done(ok, ok ? QString() : explain(job));
    });
    job->start();
}

void SecretStore::remove(const QString &bridgeId, WriteDone done)
{
    // No parent: the keychain backend calls the job back even after this store is
    // gone (libsecret keeps a raw pointer); the job deletes itself when done.
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(account(bridgeId));
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [done, job] {
        const bool ok =
            job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound;
        done(ok, ok ? QString() : explain(job));
    });
    job->start();
}

void SecretStore::probe(WriteDone done)
{
    write(QStringLiteral("probe"), QStringLiteral("probe"),
          [this, done](bool ok, const QString &error) {
              if (!ok)
                  return done(false, error);
              remove(QStringLiteral("probe"), [done](bool, const QString &) { done(true, {}); });
          });
}

QString SecretStore::tokenFilePath(const QString &bridgeId)
{
    // The id becomes a file name: anything but a bridge id (hex) has no token file.
    if (!Settings::isBridgeId(bridgeId))
        return {};
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
           QStringLiteral("/tokens/") + bridgeId;
}

bool SecretStore::writeTokenFile(const QString &bridgeId, const QString &token)
{
    const QString path = tokenFilePath(bridgeId);
    if (path.isEmpty())
        return false;
    // Our own folder of token files, owner-only.
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile::setPermissions(QFileInfo(path).absolutePath(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return tokenfile::write(path, token);
}

QString SecretStore::readTokenFile(const QString &bridgeId)
{
    const QString path = tokenFilePath(bridgeId);
    QString token;
    if (path.isEmpty() || !tokenfile::read(path, tokenfile::Links::Refuse, &token))
        return {};
    return token;
}

void SecretStore::removeTokenFile(const QString &bridgeId)
{
    const QString path = tokenFilePath(bridgeId);
    if (!path.isEmpty())
        QFile::remove(path);
}

} // namespace nuki
