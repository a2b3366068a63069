#pragma once

#include <QTimer>
#include <QWizardPage>

namespace Ui {
class TokenPage;
}
class SetupWizard;

// The token: "press the button on your bridge" with a 30 s countdown, or typed by hand.
class TokenPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit TokenPage(SetupWizard *wizard);
    ~TokenPage() override;
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

public slots:
    void pressButton();

private:
    Ui::TokenPage *ui;
    SetupWizard *m_wizard;
    QTimer m_countdown;
    int m_secondsLeft = 0;
};
