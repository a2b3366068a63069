#include "wizard/AppWizardContext.h"

#include "AppController.h"

using namespace nuki;

QList<BridgeConfig> AppWizardContext::bridges() const
{
    return m_app->settings()->bridges();
}

QList<BrokerConfig> AppWizardContext::brokers() const
{
    return m_app->settings()->brokers();
}

QUrl AppWizardContext::discoveryUrl() const
{
    return QUrl(m_app->settings()->discoveryUrl());
}

QString AppWizardContext::mqttClientId()
{
    return m_app->settings()->mqttClientId();
}

void AppWizardContext::probeKeychain(std::function<void(bool, const QString &)> done)
{
    m_app->secrets()->probe(std::move(done));
}

std::optional<BridgeConfig> AppWizardContext::addedBridge(const QString &id) const
{
    if (const BridgeSource *b = bridgeSource(*m_app->home(), id))
        return b->config();
    return std::nullopt;
}

void AppWizardContext::saveBridge(const BridgeConfig &config, const QString &token, bool push,
                                  TokenStorage storage)
{
    m_app->saveBridge(config, token, push, storage);
}

void AppWizardContext::saveBroker(const BrokerConfig &config, const QString &password)
{
    m_app->saveBroker(config, password);
}
