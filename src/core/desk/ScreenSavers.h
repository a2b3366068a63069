#pragma once

#include "automation/AutomationTypes.h"

#include <QDBusConnection>
#include <QObject>
#include <QSet>
#include <QStringList>

class QDBusMessage;
class QDBusServiceWatcher;

namespace nuki::desk {

// The screensavers' ActiveChanged on the session bus: org.freedesktop.ScreenSaver (KDE at
// /ScreenSaver and /org/freedesktop/ScreenSaver, light-locker), org.gnome.ScreenSaver,
// org.xfce.ScreenSaver and org.cinnamon.ScreenSaver. Each subscribed with its bus name, so
// only its owner is heard. What a signal means (a lock, or GNOME's mere blank) is the
// automation engine's to judge. A screensaver that said it is active and then leaves the bus
// (it crashed, or was restarted) will never say the unlock: its leaving is said as one, so the
// episode it began does not stay open for ever (a later lock is a new episode, not merged).
class ScreenSavers : public QObject
{
    Q_OBJECT
public:
    explicit ScreenSavers(const QDBusConnection &bus, QObject *parent = nullptr);
    void start();
    // The screensaver services that have an owner now ("org.xfce.ScreenSaver"), asked again
    // when called (a blocking call bounded to 2 s a name: for Settings and nukictl).
    QStringList present() const;

signals:
    void screenLocked(nuki::automation::ScreenSignal signal);
    void screenUnlocked(nuki::automation::ScreenSignal signal);

private slots:
    void onActiveChanged(bool active, const QDBusMessage &message);

private:
    void onOwnerGone(const QString &service);

    QDBusConnection m_bus;
    QDBusServiceWatcher *m_watcher = nullptr;
    QSet<QString> m_active; // the services whose last word was "active"
};

} // namespace nuki::desk
