#pragma once

#include <QWizardPage>

namespace Ui {
class FindPage;
}
namespace nuki {
class Discovery;
}
class SetupWizard;

// Three ways to the bridge on one page: Nuki's web discovery, a manual address, and (only
// on request) a scan of this computer's network.
class FindPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit FindPage(SetupWizard *wizard);
    ~FindPage() override;
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int foundCount() const;

public slots:
    void discover();
    void scan();

private:
    void addCandidate(const QString &host, quint16 port, quint32 bridgeId);
    bool manualValid() const;

    Ui::FindPage *ui;
    SetupWizard *m_wizard;
    nuki::Discovery *m_discovery;
};
