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
    void apply(); // to the running automations and the settings

private:
    struct Row
    {
        nuki::DeviceKey device;
        QString name;
        nuki::automation::Trigger trigger;
        QCheckBox *on = nullptr;
        QSpinBox *after = nullptr; // seconds or minutes, by trigger
        QCheckBox *fullLock = nullptr;
    };
    AppController *m_app;
    QList<Row> m_rows;
    QCheckBox *m_pause;
    QLabel *m_mechanism;
};
