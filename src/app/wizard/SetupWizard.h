#pragma once

#include "wizard/WizardState.h"

#include <QWizard>
#include <memory>

class AppController;
class WizardContext;

// From "I have a bridge" to a working device list: find the bridge, get the token (button or
// typed), check the connection with the best token form, name it. Or, for a Wi-Fi lock: the
// broker it publishes to, a test of the connection, the locks found there. One class and one
// .ui form per page. With `reauthBridgeId` it only asks for a new token and checks it. The pages
// share what they find out (WizardState) and reach the app only through a WizardContext.
class SetupWizard : public QWizard, public WizardState
{
    Q_OBJECT
public:
    SetupWizard(AppController *app, QWidget *parent = nullptr, const QString &reauthBridgeId = {});

    ~SetupWizard() override;
    bool isReauth() const { return !m_reauthId.isEmpty(); }
    QString reauthId() const { return m_reauthId; }

    bool wifiLockPath() const;
    bool webPath() const;

    void accept() override;

signals:
    void bridgeReady(const nuki::BridgeConfig &config);
    void brokerReady(const nuki::BrokerConfig &config);

private:
    void acceptBroker();
    std::unique_ptr<WizardContext> m_context;
    QString m_reauthId;
};
