#pragma once

#include "bridge/BridgeSetup.h"

#include <QWizardPage>
#include <functional>

class QPushButton;

namespace Ui {
class CheckPage;
}
class SetupWizard;

// Connects with the best token form the bridge accepts and shows what it found.
class CheckPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit CheckPage(SetupWizard *wizard);
    ~CheckPage() override;
    void initializePage() override;
    bool isComplete() const override { return m_ok; }
    QString statusText() const;
    QPushButton *plainButton() const { return m_plain; }
    // Asks before the token is sent unprotected; tests replace it.
    std::function<bool(QWidget *parent)> confirmPlain;

private:
    Ui::CheckPage *ui;
    SetupWizard *m_wizard;
    bool m_ok = false;
    QPushButton *m_plain = nullptr;
    void choosePlain();
    void showConnected(const nuki::BridgeSetup::Checked &checked);
};
