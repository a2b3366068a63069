#pragma once

#include "bridge/Credentials.h"
#include "home/Source.h"
#include "wire/BridgeJson.h"

#include <QString>

namespace nuki {

// A bridge as the settings keep it.
struct BridgeConfig
{
    QString id; // hex of the bridge's serverId (stable across IP changes)
    QString name;
    QString host;
    quint16 port = 8080;
    TokenMode tokenMode = TokenMode::Auto;
    bool tokenInFile = false; // the person chose a private file because no keychain answered
    // The bridge's clock minus ours, as last learned: timed tokens are stamped in bridge time
    // from the first request on, so a drifting bridge clock does not cost a 401 at each start.
    qint64 clockOffsetSeconds = 0;
};

// What a bridge source knows of its bridge, for the bridge's own screens.
struct BridgeState
{
    BridgeConfig config;
    SourceLink link;
    BridgeInfo info;
    bool haveInfo = false;
    qint64 clockSkewSeconds = 0;
    QString movedFrom; // the bridge changed its address: where it was before
};

} // namespace nuki
