#pragma once

#include "automation/AutomationEngine.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <functional>

namespace nuki::desk {
class Logind;
class NetworkWatcher;
class ScreenSavers;
} // namespace nuki::desk

namespace nuki::automation {

class HomeLockOnly;

// The desk automations at work: the desktop's signals (logind, the screensavers) and the
// home's devices into the engine, its locks out through the lock-only host, its delays on a
// timer, logind's delay inhibitors held while a sleep or shutdown automation is armed and
// released as soon as the lock was taken (or the budget ran out), and every decision and
// outcome said (decided, updated), with a summary once the person is back.
class Automations : public QObject
{
    Q_OBJECT
public:
    Automations(HomeLockOnly *host, desk::Logind *logind, desk::ScreenSavers *savers,
                QObject *parent = nullptr);
    void setRules(const QList<Rule> &rules);
    const QList<Rule> &rules() const { return m_engine.rules(); }
    void setPaused(bool paused);
    bool paused() const { return m_engine.paused(); }
    bool armed() const { return m_engine.armed(); }
    const AutomationEngine &engine() const { return m_engine; }
    // How this desktop says its screen locked, in words (Settings, nukictl).
    QString mechanismText() const;
    void snooze(const DeviceKey &key, Trigger trigger, int minutes);
    // Tests: the monotonic clock in ms (empty: the real one).
    void setClock(std::function<qint64()> now) { m_now = std::move(now); }
    // The sleep budget: logind's InhibitDelayMaxUSec less a margin (a quarter, at most 1 s).
    qint64 sleepBudgetMs() const;
    // Leaving home: NetworkManager's primary connection changed to another one after a
    // bridge had answered, and now no bridge answers (a VPN home, or a dock's Ethernet at
    // home, still answers: not leaving). Never during a suspend. Told once per departure.
    void setNetwork(desk::NetworkWatcher *network);
    void leftHome();

signals:
    void decided(const nuki::automation::LogEntry &entry);
    void updated(const nuki::automation::LogEntry &entry); // an outcome became known
    void reminder(const nuki::automation::AutomationEngine::Reminder &reminder);
    // The person is back: what happened while they were away.
    void summary(const QList<nuki::automation::LogEntry> &entries);
    void failed(const nuki::automation::LogEntry &entry); // for the tray's badge
    void armedChanged(bool armed);

private:
    void apply(const AutomationEngine::Output &out);
    void send(const AutomationEngine::Command &command); // after the fresh read
    // A waiting command of an episode that is over: said as not sent, its holds let go.
    void takeBack(const AutomationEngine::Command &command, Decision why);
    void letGo(quint64 entry);               // no sleep or shutdown waits for it any more
    static QString holdFor(Trigger trigger); // the inhibitor a command holds
    void schedule();
    void onLockFinished(const DeviceKey &key, const ActionStatus &status);
    void onSleep(bool start);
    void onShutdown(bool start);
    void onPrepare(const QString &what, bool start); // "sleep" or "shutdown"
    void releaseWhenDone(const QString &what);
    void syncInhibitors();
    void sayWhenBack(const QList<LogEntry> &entries);
    qint64 now() const { return m_now ? m_now() : m_clock.elapsed(); }

    HomeLockOnly *m_host;
    desk::Logind *m_logind;
    desk::ScreenSavers *m_savers;
    AutomationEngine m_engine;
    QElapsedTimer m_clock;
    std::function<qint64()> m_now;
    QTimer m_timer;
    QHash<DeviceKey, quint64> m_running; // device → entry of its running lock
    // Commands decided and waiting for their fresh read, by entry; and the entries whose sleep
    // or shutdown went on without them (the budget ran out): never sent after.
    QHash<quint64, AutomationEngine::Command> m_waiting;
    QSet<quint64> m_overtaken;
    // Before sleep or shutdown: the entries whose lock the source has not taken yet.
    QHash<QString, QSet<quint64>> m_holding;
    QHash<QString, QTimer *> m_budget;
    bool m_armed = false;
    void onPrimaryConnection(const QString &uuid);
    desk::NetworkWatcher *m_network = nullptr;
    QString m_primaryUuid;
    bool m_atHome = false;            // a bridge answered since the last departure
    QList<LogEntry> m_summaryWaiting; // told once outcomes settle (or 30 s)
    QTimer m_summaryTimer;
};

} // namespace nuki::automation
