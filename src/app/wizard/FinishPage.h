#pragma once

#include "AppController.h"

#include <QWizardPage>

namespace Ui {
class FinishPage;
}
class SetupWizard;

// A name, instant updates on or off, and where the token is kept when no keychain answers.
class FinishPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit FinishPage(SetupWizard *wizard);
    ~FinishPage() override;
    void initializePage() override;
    QString bridgeName() const;
    bool pushWanted() const;
    AppController::TokenStorage storage() const;
    bool keychainAvailable() const { return m_keychain; }

private:
    Ui::FinishPage *ui;
    SetupWizard *m_wizard;
    bool m_keychain = true;
};
