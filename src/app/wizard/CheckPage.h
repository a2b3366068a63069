#pragma once

#include "bridge/BridgeSetup.h"

#include <QWizardPage>
#include <functional>

class QPushButton;

namespace Ui {
class CheckPage;
}
struct WizardState;

// Connects with the best token form the bridge accepts and shows what it found.
class CheckPage : public QWizardPage
{
    Q_OBJECT
public:
    CheckPage(WizardState *state, QWidget *parent);
    ~CheckPage() override;
    void initializePage() override;
    bool isComplete() const override { return m_ok; }
    QString statusText() const;
    QPushButton *plainButton() const { return m_plain; }
    // Asks before the token is sent unprotected; tests replace it.
    std::function<bool(QWidget *parent)> confirmPlain;

private:
    Ui::CheckPage *ui;
    WizardState *m_state;
    bool m_ok = false;
    QPushButton *m_plain = nullptr;
    void choosePlain();
    void showConnected(const nuki::BridgeSetup::Checked &checked);
};
