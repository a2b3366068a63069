#pragma once

#include "store/Settings.h"

#include <QDialog>

class AppController;
class AutomationsPage;
class QCheckBox;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(AppController *app, QWidget *parent = nullptr);
    void accept() override;
    AutomationsPage *automationsPage() const { return m_automations; }

private:
    AppController *m_app;
    QSpinBox *m_interval;
    QSpinBox *m_historyDays;
    QCheckBox *m_confirm;
    QCheckBox *m_minimized;
    QCheckBox *m_login;
    QList<QPair<nuki::NotifyKind, QCheckBox *>> m_notify;
    QListWidget *m_bridges;
    QPlainTextEdit *m_people;
    AutomationsPage *m_automations;
};
