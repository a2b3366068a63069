#pragma once

#include <QFile>
#include <QString>

#include <sys/stat.h>

namespace nuki {

// Whether `path` is a regular file (after links), and its size. QFileInfo::isFile() also says
// yes for /dev/zero: reading one of those, or a FIFO, never ends.
inline bool isRegularFile(const QString &path, qint64 *size = nullptr)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    if (size)
        *size = qint64(st.st_size);
    return true;
}

} // namespace nuki
