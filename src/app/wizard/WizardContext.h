#pragma once

#include "bridge/BridgeConfig.h"
#include "home/HomeTypes.h"
#include "mqtt/BrokerConfig.h"
#include "store/TokenStorage.h"
#include "web/WebConfig.h"

#include <QList>
#include <QString>
#include <QUrl>
#include <functional>
#include <optional>

// What the set-up assistant needs from the app, and nothing more: what is added already (to
// say so), where discovery asks, a client id for the broker test, whether a keychain answers,
// and saving what the person chose. The app's is AppWizardContext (over AppController).
class WizardContext
{
public:
    virtual ~WizardContext() = default;
    virtual QList<nuki::BridgeConfig> bridges() const = 0;
    virtual QList<nuki::BrokerConfig> brokers() const = 0;
    virtual QUrl discoveryUrl() const = 0;
    virtual QString mqttClientId() = 0;
    // Whether the keychain answers, and in plain words why not.
    virtual void probeKeychain(std::function<void(bool ok, const QString &error)> done) = 0;
    // A bridge that is added (the one whose token is re-entered), as it is configured now.
    virtual std::optional<nuki::BridgeConfig> addedBridge(const QString &id) const = 0;
    virtual void saveBridge(const nuki::BridgeConfig &config, const QString &token, bool push,
                            nuki::TokenStorage storage) = 0;
    virtual void saveBroker(const nuki::BrokerConfig &config, const QString &password) = 0;
    // The Nuki Web account to test a token against (the configured one, else api.nuki.io).
    virtual nuki::WebConfig webConfig() const = 0;
    virtual void saveWeb(const nuki::WebConfig &config, const QString &token) = 0;
    // The devices the home has now, with the name of the source acting for each.
    virtual QHash<nuki::DeviceKey, QString> knownDevices() const = 0;
};
