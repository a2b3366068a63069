#include "store/TokenFile.h"

#include "store/RegularFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace nuki::tokenfile {

static QString tr(const char *text)
{
    return QCoreApplication::translate("nuki::TokenFile", text);
}

bool read(const QString &path, Links links, QString *token, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    qint64 size = 0;
    if (!QFileInfo::exists(path))
        return fail(tr("The token file does not exist."));
    if ((links == Links::Refuse && QFileInfo(path).isSymLink()) || !isRegularFile(path, &size) ||
        size > MaxBytes)
        return fail(tr("The token file must be a regular file of at most %1 bytes.").arg(MaxBytes));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(tr("Cannot read the token file: %1").arg(f.errorString()));
    *token = QString::fromUtf8(f.read(MaxBytes)).trimmed();
    if (token->isEmpty())
        return fail(tr("The token file is empty."));
    return true;
}

bool write(const QString &path, const QString &token, QString *error)
{
    const QString folder = QFileInfo(path).absolutePath();
    QDir().mkpath(folder);
    QFile f(path);
    // Permissions first, content second: the token is never readable by others, even briefly.
    const QByteArray bytes = token.toUtf8();
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        !f.setPermissions(QFile::ReadOwner | QFile::WriteOwner) || f.write(bytes) != bytes.size()) {
        if (error)
            *error = f.errorString();
        return false;
    }
    return true;
}

} // namespace nuki::tokenfile
