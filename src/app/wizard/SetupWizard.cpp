#include "wizard/SetupWizard.h"

#include "wizard/AppWizardContext.h"
#include "wizard/BrokerLocksPage.h"
#include "wizard/BrokerPage.h"
#include "wizard/CheckPage.h"
#include "wizard/FindPage.h"
#include "wizard/FinishPage.h"
#include "wizard/IntroPage.h"
#include "wizard/TokenPage.h"
#include "wizard/WebPage.h"
#include "wizard/WizardNames.h"

#include <QMessageBox>

using namespace nuki;

SetupWizard::SetupWizard(AppController *app, QWidget *parent, const QString &reauthBridgeId)
    : QWizard(parent), m_context(std::make_unique<AppWizardContext>(app)),
      m_reauthId(reauthBridgeId)
{
    setWindowTitle(isReauth() ? tr("Enter the bridge's token")
                              : tr("Add a Nuki Bridge, a Wi-Fi lock or Nuki Web"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    if (!isReauth()) {
        setPage(IntroId, new IntroPage(this));
        setPage(FindId, new FindPage(this, m_context.get(), this));
        setPage(BrokerId, new BrokerPage(this, this));
        setPage(BrokerLocksId, new BrokerLocksPage(this, m_context.get(), this));
        setPage(WebId, new WebPage(m_context.get(), this));
    }
    setPage(TokenId, new TokenPage(this, this));
    setPage(CheckId, new CheckPage(this, this));
    setPage(FinishId, new FinishPage(
                          m_context.get(), reauthBridgeId,
                          [this] { return QString::number(info.serverId, 16).toUpper(); }, this));
    if (isReauth()) {
        const std::optional<BridgeConfig> b = m_context->addedBridge(reauthBridgeId);
        host = b ? b->host : QString();
        port = b ? b->port : 8080;
        setStartId(TokenId);
    }
    resize(620, 480);
    nameWizardControls(this);
}

SetupWizard::~SetupWizard() = default;

bool SetupWizard::wifiLockPath() const
{
    const auto *intro = qobject_cast<const IntroPage *>(page(IntroId));
    return intro && intro->wifiLockChosen();
}

void SetupWizard::acceptBroker()
{
    const auto *locks = qobject_cast<const BrokerLocksPage *>(page(BrokerLocksId));
    BrokerConfig config = broker;
    config.name = locks && !locks->brokerName().isEmpty() ? locks->brokerName() : config.host;
    if (locks)
        config.ignoredLocks = locks->ignoredLocks();
    m_context->saveBroker(config, brokerPassword);
    emit brokerReady(config);
    QWizard::accept();
}

bool SetupWizard::webPath() const
{
    const auto *intro = qobject_cast<const IntroPage *>(page(IntroId));
    return intro && intro->webChosen();
}

void SetupWizard::accept()
{
    if (webPath()) {
        if (auto *web = qobject_cast<WebPage *>(page(WebId)); web && web->isComplete())
            m_context->saveWeb(web->config(), web->token());
        QWizard::accept();
        return;
    }
    if (wifiLockPath()) {
        acceptBroker();
        return;
    }
    auto *finish = qobject_cast<FinishPage *>(page(FinishId));
    BridgeConfig config;
    config.id = QString::number(info.serverId, 16).toUpper();
    config.host = host;
    config.port = port;
    config.tokenMode = tokenMode;
    config.clockOffsetSeconds = clockOffset;
    config.name = finish ? finish->bridgeName() : config.id;
    if (isReauth()) {
        if (const std::optional<BridgeConfig> b = m_context->addedBridge(m_reauthId)) {
            config = *b;
            config.tokenMode = tokenMode;
            config.clockOffsetSeconds = clockOffset;
        }
    }
    m_context->saveBridge(config, token, finish ? finish->pushWanted() : false,
                          finish ? finish->storage() : TokenStorage::Keychain);
    emit bridgeReady(config);
    QWizard::accept();
}
