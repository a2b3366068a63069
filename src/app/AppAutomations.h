#pragma once

#include "automation/Automations.h"
#include "automation/HomeLockOnly.h"
#include "desk/Logind.h"
#include "desk/NetworkWatcher.h"
#include "desk/ScreenSavers.h"
#include "home/Notifier.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <memory>

class AppController;

// The desk automations in the app: the core's Automations on the real system and session
// buses, its rules and pause from the settings (followed within 2 s when nukictl changes
// them), every decision into the history, and what the person should hear as notifications:
// reminders (with Lock now and Snooze), the summary once back, failures (the tray's badge).
class AppAutomations : public QObject
{
    Q_OBJECT
public:
    explicit AppAutomations(AppController *app);
    void start();

    nuki::automation::Automations *automations() { return m_automations.get(); }
    nuki::desk::Logind *logind() { return m_logind.get(); }
    QList<nuki::automation::Rule> rules() const;
    void setRules(const QList<nuki::automation::Rule> &rules); // and saves them
    bool paused() const;
    void setPaused(bool paused); // and saves it
    bool armed() const;
    QString mechanismText() const;
    // How leaving home is noticed here (NetworkManager), or why it cannot be.
    QString leavingText() const;
    // An automation's failure since the person last looked (the tray's badge), in words.
    QString lastFailure() const { return m_lastFailure; }
    void clearFailure();
    void snooze(const nuki::DeviceKey &key);
    static constexpr int FollowSettingsMs = 2000;
    static constexpr int SnoozeMinutes = 10;
    static inline const QString ReminderTopic = QStringLiteral("reminder");

signals:
    void notify(const nuki::Notifier::Notification &notification);
    // A reminder shown for the device is no longer true (locked, or the door closed).
    void withdraw(const QString &deviceKey, const QString &topic);
    void changed(); // armed, paused, rules, a failure

private:
    void followSettings();
    void record(const nuki::automation::LogEntry &entry, bool outcome);
    void tellReminder(const nuki::automation::AutomationEngine::Reminder &r);
    void withdrawUntrue(const nuki::automation::DeviceFacts &facts);
    void tellSummary(const QList<nuki::automation::LogEntry> &entries);

    AppController *m_app;
    QHash<nuki::DeviceKey, nuki::automation::Trigger> m_reminderShown; // the latest, per device
    std::unique_ptr<nuki::automation::HomeLockOnly> m_host;
    std::unique_ptr<nuki::desk::Logind> m_logind;
    std::unique_ptr<nuki::desk::ScreenSavers> m_savers;
    std::unique_ptr<nuki::desk::NetworkWatcher> m_network;
    std::unique_ptr<nuki::automation::Automations> m_automations;
    QTimer m_follow;
    QDateTime m_settingsSeen;
    qint64 m_settingsSize = -1;
    QString m_lastFailure;
    QString m_run; // this run's id in the history's uids
};
