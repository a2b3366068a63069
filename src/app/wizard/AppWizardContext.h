#pragma once

#include "wizard/WizardContext.h"

class AppController;

// The set-up assistant's WizardContext in the app: the settings, the keychain and the home
// of an AppController.
class AppWizardContext : public WizardContext
{
public:
    explicit AppWizardContext(AppController *app) : m_app(app) {}
    QList<nuki::BridgeConfig> bridges() const override;
    QList<nuki::BrokerConfig> brokers() const override;
    QUrl discoveryUrl() const override;
    QString mqttClientId() override;
    void probeKeychain(std::function<void(bool ok, const QString &error)> done) override;
    std::optional<nuki::BridgeConfig> addedBridge(const QString &id) const override;
    void saveBridge(const nuki::BridgeConfig &config, const QString &token, bool push,
                    nuki::TokenStorage storage) override;
    void saveBroker(const nuki::BrokerConfig &config, const QString &password) override;
    nuki::WebConfig webConfig() const override;
    void saveWeb(const nuki::WebConfig &config, const QString &token) override;
    QHash<nuki::DeviceKey, QString> knownDevices() const override;

private:
    AppController *m_app;
};
