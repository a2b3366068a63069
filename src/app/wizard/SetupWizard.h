#pragma once

#include "bridge/BridgeSetup.h"
#include "bridge/Credentials.h"
#include "home/HomeTypes.h"
#include "wire/BridgeJson.h"

#include <QWizard>

class AppController;

// From "I have a bridge" to a working device list: find the bridge, get the token (button or
// typed), check the connection with the best token form, name it. One class and one .ui form
// per page. With `reauthBridgeId` it only asks for a new token and checks it.
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
        FinishId
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

    void accept() override;

signals:
    void bridgeReady(const nuki::BridgeConfig &config);

private:
    AppController *m_app;
    QString m_reauthId;
};
