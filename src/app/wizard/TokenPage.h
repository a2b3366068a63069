#pragma once

#include <QTimer>
#include <QWizardPage>
#include <memory>

namespace Ui {
class TokenPage;
}
namespace nuki {
class BridgeClient;
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
    static bool tokenLooksValid(const QString &token);

public slots:
    void pressButton();

private:
    Ui::TokenPage *ui;
    SetupWizard *m_wizard;
    std::unique_ptr<nuki::BridgeClient> m_client;
    QTimer m_countdown;
    int m_secondsLeft = 0;
};
