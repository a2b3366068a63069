#pragma once
// xdotool for the end-to-end tests. One call is one look at the live X tree, which can miss
// a window that is being mapped: wait with QTest::qWaitFor (one look per step), not QTRY_*,
// which looks again after its loop.

#include <QProcess>
#include <QStringList>

inline QString xdotool(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("xdotool"), args);
    p.waitForFinished(5000);
    return QString::fromLatin1(p.readAllStandardOutput()).trimmed();
}

// The ids of the windows whose name matches `title` (a regular expression), one a line, and
// every other condition in `extra` too ("--pid", "123": only that process's windows).
inline QString findWindow(const QString &title, const QStringList &extra = {})
{
    // The pattern comes last; without --all, xdotool takes a window matching any condition.
    return xdotool(QStringList{QStringLiteral("search"), QStringLiteral("--all")} + extra +
                   QStringList{QStringLiteral("--name"), title});
}
