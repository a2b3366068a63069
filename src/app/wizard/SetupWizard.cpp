#include "wizard/SetupWizard.h"

#include "AppController.h"
#include "wizard/BrokerLocksPage.h"
#include "wizard/BrokerPage.h"
#include "wizard/CheckPage.h"
#include "wizard/FindPage.h"
#include "wizard/FinishPage.h"
#include "wizard/IntroPage.h"
#include "wizard/TokenPage.h"
#include "wizard/WizardNames.h"

#include <QMessageBox>
#include <QNetworkInterface>

using namespace nuki;

SetupWizard::SetupWizard(AppController *app, QWidget *parent, const QString &reauthBridgeId)
    : QWizard(parent), m_app(app), m_reauthId(reauthBridgeId)
{
    setWindowTitle(isReauth() ? tr("Enter the bridge's token")
                              : tr("Add a Nuki Bridge or a Wi-Fi lock"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    if (!isReauth()) {
        setPage(IntroId, new IntroPage(this));
        setPage(FindId, new FindPage(this));
        setPage(BrokerId, new BrokerPage(this));
        setPage(BrokerLocksId, new BrokerLocksPage(this));
    }
    setPage(TokenId, new TokenPage(this));
    setPage(CheckId, new CheckPage(this));
    setPage(FinishId, new FinishPage(
                          app, reauthBridgeId,
                          [this] { return QString::number(info.serverId, 16).toUpper(); }, this));
    if (isReauth()) {
        const BridgeSource *b = bridgeSource(*app->home(), reauthBridgeId);
        host = b ? b->config().host : QString();
        port = b ? b->config().port : 8080;
        setStartId(TokenId);
    }
    resize(620, 480);
    nameWizardControls(this);
}

QStringList SetupWizard::localSubnetHosts()
{
    // Only when the person asks: the /24 around each IPv4 address of this computer.
    QStringList hosts;
    for (const QNetworkInterface &i : QNetworkInterface::allInterfaces()) {
        if (!(i.flags() & QNetworkInterface::IsUp) || (i.flags() & QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry &e : i.addressEntries()) {
            if (e.ip().protocol() != QAbstractSocket::IPv4Protocol || e.prefixLength() < 16)
                continue;
            const quint32 base = e.ip().toIPv4Address() & 0xffffff00u;
            for (quint32 n = 1; n < 255; ++n)
                if (base + n != e.ip().toIPv4Address())
                    hosts << QHostAddress(base + n).toString();
        }
    }
    return hosts;
}

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
    m_app->saveBroker(config, brokerPassword);
    emit brokerReady(config);
    QWizard::accept();
}

void SetupWizard::accept()
{
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
        if (const BridgeSource *b = bridgeSource(*m_app->home(), m_reauthId)) {
            config = b->config();
            config.tokenMode = tokenMode;
            config.clockOffsetSeconds = clockOffset;
        }
    }
    m_app->saveBridge(config, token, finish ? finish->pushWanted() : false,
                      finish ? finish->storage() : AppController::TokenStorage::Keychain);
    emit bridgeReady(config);
    QWizard::accept();
}
