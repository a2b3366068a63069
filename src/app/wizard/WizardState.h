#pragma once

#include "bridge/BridgeSetup.h"
#include "home/HomeTypes.h"
#include "mqtt/BrokerConfig.h"
#include "wire/BridgeJson.h"

#include <QStringList>

// What the set-up assistant's pages find out, in order, and hand to each other: each page
// takes this and a WizardContext, never the wizard itself (SetupWizard includes the pages,
// the pages do not include it).
struct WizardState
{
    enum PageId
    {
        IntroId,
        FindId,
        TokenId,
        CheckId,
        FinishId,
        BrokerId,      // the Wi-Fi lock path: the broker's address and login
        BrokerLocksId, // the test, and the locks found on the broker
        WebId          // Nuki Web: the API token, its test, the account's devices
    };

    // The steps themselves (probe, button, check) live in the core, shared with nukictl.
    nuki::BridgeSetup setup;
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
    // The Wi-Fi lock path: the broker as the broker page read it, and its password (handed to
    // the keychain on Finish, never to the settings).
    nuki::BrokerConfig broker;
    QString brokerPassword;
};
