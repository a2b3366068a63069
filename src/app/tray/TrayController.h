#pragma once

#include "home/HomeTypes.h"
#include "home/Notifier.h"
#include "platform/DesktopNotifications.h"
#include "widgets/StateIcons.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class AppController;
class QAction;
class QMenu;
class QSystemTrayIcon;

// Everything of the tray in one place: the icon that sums up the home, its tooltip, the menu
// with each device's quick actions, "Lock all", and notifications. The menu is kept in step
// with the model while it is open (texts change in place; nothing is rebuilt for a state).
class TrayController : public QObject
{
    Q_OBJECT
public:
    TrayController(AppController *app, QObject *parent = nullptr);
    ~TrayController() override;

    QMenu *menu() const { return m_menu; }
    // More devices than this: the menu lists the favourites (or the first ones) and "All
    // devices…", so it stays one short column with Lock all and Quit always in reach.
    static constexpr int MaxMenuDevices = 8;
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    StateIcons::Look overallLook() const { return m_look; }
    QString toolTip() const { return m_toolTip; }
    // Lock every Smart Lock that is not locked; failures are reported when all have finished.
    void lockAll();
    QString lastLockAllReport() const { return m_lastLockAllReport; }
    void show();
    nuki::Notifier *notifier() { return &m_notifier; }
    DesktopNotifications *desktopNotifications() { return &m_desktop; }

signals:
    void showWindowRequested(const QString &deviceKey);
    void settingsRequested();
    void quitRequested();

private:
    struct Entry
    {
        QMenu *submenu = nullptr;
        QList<QAction *> actions;
        QList<QAction *> brokerOnly;   // among `actions`: only a broker carries them (full lock)
        QHash<QAction *, int> toggles; // an Opener's switches and their "on" actions
    };
    void addDevice(const nuki::DeviceKey &key);
    void removeDevice(const nuki::DeviceKey &key);
    void updateDevice(const nuki::DeviceKey &key);
    void updateSummary();
    void placeEntries();
    void showNotification(const nuki::Notifier::Notification &n);
    void showFallback(const nuki::Notifier::Notification &n);
    void onNotificationAction(const QString &deviceKey, const QString &action);

    AppController *m_app;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu;
    QAction *m_lockAll;
    QAction *m_allDevices;
    QAction *m_firstFixed = nullptr;
    QHash<nuki::DeviceKey, Entry> m_entries;
    QList<QAction *> m_bridgeSections;
    nuki::Notifier m_notifier;
    DesktopNotifications m_desktop;
    StateIcons::Look m_look = StateIcons::Look::Unknown;
    QString m_toolTip;
    QString m_lastNotifiedDevice;
    QHash<quint64, QString> m_lockAllPending; // action id → device name
    QStringList m_lockAllReport;              // one line per lock: what happened to it
    bool m_lockAllBad = false;
    bool m_lockAllReading = false;
    QString m_lastLockAllReport;
    void finishLockAll();
    void syncAutomations();
    QAction *m_pauseAutomations = nullptr;
};
