#pragma once

#include <QString>

namespace nuki {

// A token kept in a file: the private file a person chose when no keychain answered, or the
// file named by nukictl's --token-file. The one reader and writer of such files.
namespace tokenfile {

// A token has at most 20 characters: a few hundred bytes are plenty, and a bound keeps
// /dev/zero or a FIFO from being read forever.
constexpr qint64 MaxBytes = 256;

enum class Links
{
    Follow, // a file the person named
    Refuse  // our own files: never read through a symbolic link someone planted
};

// The trimmed token, or false with the reason in words in `error` (which may be null).
bool read(const QString &path, Links links, QString *token, QString *error = nullptr);
// Owner-only from the first byte on; the folder is made owner-only too.
bool write(const QString &path, const QString &token, QString *error = nullptr);

} // namespace tokenfile
} // namespace nuki
