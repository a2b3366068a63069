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

nuki::WebConfig AppWizardContext::webConfig() const
{
    return m_app->settings()->webAccount().value_or(nuki::WebConfig{});
}

void AppWizardContext::saveWeb(const nuki::WebConfig &config, const QString &token)
{
    m_app->saveWeb(config, token);
}

QHash<nuki::DeviceKey, QString> AppWizardContext::knownDevices() const
{
    QHash<nuki::DeviceKey, QString> known;
    nuki::Home *home = m_app->home();
    for (const nuki::DeviceKey &key : home->devices())
        if (const nuki::Source *s = home->actingSource(key);
            s && s->kind() != nuki::SourceKind::Web)
            known.insert(key, s->name());
    return known;
}
