#pragma once

#include "store/TokenStorage.h"

#include <QWizardPage>
#include <functional>

class WizardContext;
namespace Ui {
class FinishPage;
}
// A name, instant updates on or off, and where the token is kept when no keychain answers.
// It knows the wizard only by what it is given (no include of SetupWizard.h): the context, the
// bridge whose token is re-entered (empty when adding one), and the id of the bridge found.
class FinishPage : public QWizardPage
{
    Q_OBJECT
public:
    FinishPage(WizardContext *context, const QString &reauthId, std::function<QString()> foundId,
               QWidget *parent);
    ~FinishPage() override;
    void initializePage() override;
    QString bridgeName() const;
    bool pushWanted() const;
    nuki::TokenStorage storage() const;
    bool keychainAvailable() const { return m_keychain; }

private:
    Ui::FinishPage *ui;
    WizardContext *m_context;
    QString m_reauthId;
    std::function<QString()> m_foundId;
    bool isReauth() const { return !m_reauthId.isEmpty(); }
    bool m_keychain = true;
};
