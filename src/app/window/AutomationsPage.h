#pragma once

#include "automation/AutomationTypes.h"

#include <QWidget>

class AppController;
class QCheckBox;
class QLabel;
class QSpinBox;

// Settings → Automations: per Smart Lock, each trigger off by default and switched on here,
// with the risk said in a sentence (and asked once more when a locking one is switched on);
// which screen-lock mechanism this desktop has; and the pause. Applied by the dialog's OK.
class AutomationsPage : public QWidget
{
    Q_OBJECT
public:
    explicit AutomationsPage(AppController *app, QWidget *parent = nullptr);
    QList<nuki::automation::Rule> rules() const;
    bool paused() const;
    // To the running automations and the settings: only the rows the person changed (a rule
    // for a device not shown here, or one nukictl changed meanwhile, is kept as it is).
    void apply();

private:
    struct Row
    {
        nuki::DeviceKey device;
        QString name;
        nuki::automation::Trigger trigger;
        QCheckBox *on = nullptr;
        QSpinBox *after = nullptr; // seconds or minutes, by trigger
        QCheckBox *fullLock = nullptr;
        // As shown when the page opened: only what the person changed here is applied.
        bool initiallyOn = false;
        int initialAfter = 0;
        bool initialFull = false;
    };
    AppController *m_app;
    QList<Row> m_rows;
    QCheckBox *m_pause;
    bool m_initiallyPaused = false;
    QLabel *m_mechanism;
};
