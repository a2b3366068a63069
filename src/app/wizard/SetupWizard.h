#pragma once

#include "bridge/BridgeSetup.h"
#include "home/HomeTypes.h"
#include "mqtt/BrokerConfig.h"
#include "wire/BridgeJson.h"

#include <QWizard>

class AppController;

// From "I have a bridge" to a working device list: find the bridge, get the token (button or
// typed), check the connection with the best token form, name it. Or, for a Wi-Fi lock: the
// broker it publishes to, a test of the connection, the locks found there. One class and one
// .ui form per page. With `reauthBridgeId` it only asks for a new token and checks it.
class SetupWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId
    {
        IntroId,
        FindId,
        TokenId,
        CheckId,
        FinishId,
        BrokerId,     // the Wi-Fi lock path: the broker's address and login
        BrokerLocksId // the test, and the locks found on the broker
    };
    SetupWizard(AppController *app, QWidget *parent = nullptr, const QString &reauthBridgeId = {});

    AppController *app() const { return m_app; }
    bool isReauth() const { return !m_reauthId.isEmpty(); }
    QString reauthId() const { return m_reauthId; }

    // The steps themselves (probe, button, check) live in the core, shared with nukictl.
    nuki::BridgeSetup setup;
    // What the pages find out, in order.
    QString host;
    quint16 port = 8080;
    QString token;
    nuki::TokenMode tokenMode = nuki::TokenMode::Auto;
    bool plainChosen = false; // the person chose to send the token unprotected
    nuki::BridgeInfo info;
    QList<nuki::Device> devices;
    qint64 clockOffset = 0;
    // Addresses "Scan this network" probes: derived from this computer's interfaces unless set.
    QStringList scanHosts;
    static QStringList localSubnetHosts();
    // The Wi-Fi lock path: the broker as the broker page read it, and its password (handed to
    // the keychain on Finish, never to the settings).
    nuki::BrokerConfig broker;
    QString brokerPassword;
    bool wifiLockPath() const;

    void accept() override;

signals:
    void bridgeReady(const nuki::BridgeConfig &config);
    void brokerReady(const nuki::BrokerConfig &config);

private:
    void acceptBroker();
    AppController *m_app;
    QString m_reauthId;
};
