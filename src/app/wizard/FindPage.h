#pragma once

#include <QWizardPage>

namespace Ui {
class FindPage;
}
namespace nuki {
class Discovery;
}
struct WizardState;
class WizardContext;

// Three ways to the bridge on one page: Nuki's web discovery, a manual address, and (only
// on request) a scan of this computer's network.
class FindPage : public QWizardPage
{
    Q_OBJECT
public:
    FindPage(WizardState *state, WizardContext *context, QWidget *parent);
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
    WizardState *m_state;
    WizardContext *m_context;
    nuki::Discovery *m_discovery;
};
