#pragma once

#include "home/HomeTypes.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

namespace nuki {

class Home;

// The home as last seen, kept between runs so that a start shows every device at once
// (marked as remembered until its source confirms it) and a source that is down still shows
// what it had. One versioned JSON file in the user's data folder, owner-only, written whole
// (QSaveFile) a few seconds after a change and on quit, never when nothing changed.
// It holds source ids, device names, kinds, states and when each was last seen: never a
// token, nor anything else that opens a door. A file that is too large, malformed or from a
// newer version is ignored with a warning and replaced at the next save.
class HomeMemory : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 MaxFileBytes = 1024 * 1024;
    static constexpr int MaxDevices = 1000;
    static constexpr int FormatVersion = 1;
    static constexpr int SaveDelayMs = 3000;

    // Reads `path` now (a missing file is no error) and follows `home` from then on: each
    // source added gets its remembered devices at once; a removed source's devices leave the
    // file at once.
    HomeMemory(Home *home, const QString &path, QObject *parent = nullptr);
    ~HomeMemory() override; // saves what is not saved yet, last-seen times included

    // Writes the file now if what it would hold differs from what it holds. With
    // `includingTimes`, a newer last-seen time alone is a difference too.
    void save(bool includingTimes = false);
    QString path() const { return m_path; }
    QString warning() const { return m_warning; } // why the file was ignored or not written
    int writes() const { return m_writes; }
    int remembered() const; // devices read from the file and not restored yet

    // Where the memory for a settings file lives: the user's data folder, one file per
    // settings file (two --config files are two homes).
    static QString pathFor(const QString &settingsFile);
    // The format on its own. `parse` skips entries it cannot trust and says how many.
    static QByteArray serialize(const QList<DeviceRecord> &records, bool withTimes = true);
    static bool parse(const QByteArray &data, QList<DeviceRecord> *out, QString *error);
    static bool readFile(const QString &path, QList<DeviceRecord> *out, QString *error);
    static bool writeFile(const QString &path, const QByteArray &data, QString *error);

private:
    QList<DeviceRecord> current() const;
    void changed();

    Home *m_home;
    QString m_path;
    QString m_warning;
    QHash<QString, QList<DeviceRecord>> m_bySource; // read, not restored yet
    QByteArray m_savedContent;                      // what the file holds, times left out
    QByteArray m_savedWithTimes;                    // what the file holds
    QTimer m_timer;
    int m_writes = 0;
};

} // namespace nuki
