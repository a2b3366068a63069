#pragma once

#include "automation/AutomationTypes.h"

#include <QDBusConnection>
#include <QDBusUnixFileDescriptor>
#include <QHash>
#include <QObject>
#include <QString>

class QDBusServiceWatcher;
class QDBusMessage;

namespace nuki::desk {

// systemd-logind on the system bus, as the automations need it: our own session's lock state
// (its LockedHint, its Lock/Unlock signals), PrepareForSleep/PrepareForShutdown, and delay
// inhibitors held only while wanted. Every signal is subscribed with logind's bus name, so
// one from any other sender is never delivered to us (the system bus lets anyone send
// signals; only root may own org.freedesktop.login1). Follows logind restarts.
//
// The session is asked for with GetSession("auto"), then by XDG_SESSION_ID; a path that is a
// convenience object (…/session/auto, …/self: logind emits no signal there) is resolved to
// the real one through its Id. Everything is asynchronous: nothing blocks the event loop.
class Logind : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *Service = "org.freedesktop.login1";
    static constexpr const char *ManagerPath = "/org/freedesktop/login1";
    static constexpr const char *ManagerInterface = "org.freedesktop.login1.Manager";
    static constexpr const char *SessionInterface = "org.freedesktop.login1.Session";

    explicit Logind(const QDBusConnection &bus, QObject *parent = nullptr);
    ~Logind() override;
    void start();

    bool present() const { return m_present; }
    QString sessionPath() const { return m_sessionPath; } // empty until found
    QString sessionId() const { return m_sessionId; }
    bool lockedHint() const { return m_lockedHint; }
    // logind's budget for a delay inhibitor (InhibitDelayMaxUSec); 5 s when it does not say.
    qint64 inhibitDelayMaxMs() const { return m_delayMaxMs; }

    // Holds (or drops) a delay inhibitor for "sleep" or "shutdown" while `wanted`: taken now,
    // released by release(), taken again after the wake or a cancelled shutdown.
    void setWanted(const QString &what, bool wanted);
    bool holds(const QString &what) const;
    QString inhibitError(const QString &what) const; // why logind refused it, if it did
    // Lets sleep (or shutdown) go on: the work before it is done or its budget is spent.
    void release(const QString &what);
    // Asks logind to lock our session (Settings' "Test"): it locks the screen, nothing else.
    void lockSession();

signals:
    void screenLocked(nuki::automation::ScreenSignal signal);
    void screenUnlocked(nuki::automation::ScreenSignal signal);
    void prepareForSleep(bool start);
    void prepareForShutdown(bool start);
    void changed(); // found or lost, session, inhibitors
    // logind went away (a restart, an upgrade): a PrepareForSleep(false) it owed never comes.
    void lost();

private slots:
    void onSessionProperties(const QString &interface, const QVariantMap &changed,
                             const QStringList &invalidated);
    void onLock();
    void onUnlock();
    void onPrepareForSleep(bool start);
    void onPrepareForShutdown(bool start);

private:
    struct Inhibitor
    {
        bool wanted = false;
        bool asking = false;
        bool suspended = false; // released for this sleep or shutdown, taken again after it
        QDBusUnixFileDescriptor fd;
        QString error;
    };
    void appeared();
    void vanished();
    void findSession(const QStringList &candidates);
    void useSession(const QString &path, const QString &id);
    void readManager();
    void syncInhibitor(const QString &what);
    void drop(const QString &what);

    QDBusConnection m_bus;
    QDBusServiceWatcher *m_watcher = nullptr;
    bool m_present = false;
    quint64 m_generation = 0; // answers to calls made before logind restarted are ignored
    QString m_sessionPath;
    QString m_sessionId;
    bool m_lockedHint = false;
    qint64 m_delayMaxMs = 5000;
    QHash<QString, Inhibitor> m_inhibitors;
};

} // namespace nuki::desk
