#pragma once

#include <QObject>
#include <QTimer>

class QDBusServiceWatcher;

// Tells whether a system tray host is there, and when one appears after the app started (a
// panel that starts after the app in a login session). Two kinds of host exist: a
// StatusNotifierWatcher on the session bus (KDE, Xfce, GNOME's AppIndicator extension) and,
// on X11 only, an XEmbed tray that owns the _NET_SYSTEM_TRAY_S0 selection (trayer, stalonetray).
//
// It never asks QSystemTrayIcon: Qt 6.4 decides once per process whether the D-Bus tray is
// there (the first QSystemTrayIcon or isSystemTrayAvailable() call) and never looks again, so
// asking before the host is up would leave a late StatusNotifierWatcher unused for good.
class TrayWatcher : public QObject
{
    Q_OBJECT
public:
    explicit TrayWatcher(QObject *parent = nullptr);
    bool available() const { return statusNotifierHost() || xembedTray(); }
    // Watches until a host appears, then emits trayAppeared() once and stops.
    void watch();
    static bool statusNotifierHost();
    static bool xembedTray();

signals:
    void trayAppeared();

private slots:
    void check();

private:
    bool m_appeared = false;
    QDBusServiceWatcher *m_busWatcher = nullptr;
    // X11 has no cheap event for a new selection owner that Qt passes on: look every 2 s,
    // only while there is no tray (the app cannot be hidden then, so it is not idle).
    QTimer m_poll;
};
