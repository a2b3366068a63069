#pragma once

#include <QTimer>
#include <QWizardPage>

namespace Ui {
class TokenPage;
}
struct WizardState;

// The token: "press the button on your bridge" with a 30 s countdown, or typed by hand.
class TokenPage : public QWizardPage
{
    Q_OBJECT
public:
    TokenPage(WizardState *state, QWidget *parent);
    ~TokenPage() override;
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

public slots:
    void pressButton();

private:
    Ui::TokenPage *ui;
    WizardState *m_state;
    QTimer m_countdown;
    int m_secondsLeft = 0;
};
