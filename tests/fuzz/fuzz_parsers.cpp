// libFuzzer target for nukicore's parsers of everything that comes from outside: bridge
// answers (/list, /info, /lockState, actions, callback lists, /log, /auth), callback POST
// bodies and the discovery service. The first byte picks the parser, the rest is the input.
#include "wire/BridgeJson.h"

#include <QByteArray>
#include <cstddef>
#include <cstdint>

using namespace nuki;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    QString error, text;
    bool flag = false;
    switch (data[0] % 9) {
    case 0: {
        QList<Device> list;
        if (parseList(body, &list, &error))
            for (const Device &d : list)
                (void)stateText(d.deviceType, d.state.state);
        break;
    }
    case 1: {
        BridgeInfo info;
        if (parseInfo(body, &info, &error))
            (void)info.supportsEncryptedToken();
        break;
    }
    case 2: {
        DeviceState s;
        parseLockState(body, &s, &flag, &error);
        break;
    }
    case 3: {
        ActionResult r;
        parseActionResult(body, &r, &error);
        break;
    }
    case 4: {
        QList<CallbackEntry> list;
        parseCallbackList(body, &list, &error);
        break;
    }
    case 5: {
        quint32 id = 0;
        int type = 0;
        DeviceState s;
        if (parseCallbackBody(body, &id, &type, &s, &error) && s.doorsensorState)
            (void)doorSensorText(*s.doorsensorState);
        break;
    }
    case 6: {
        QList<BridgeLogEntry> log;
        parseBridgeLog(body, &log, &error);
        break;
    }
    case 7: {
        QList<DiscoveredBridge> found;
        parseDiscovery(body, &found, &error);
        break;
    }
    case 8:
        parseAuth(body, &text, &flag, &error);
        parseSuccess(body, &flag, &text, &error);
        break;
    }
    return 0;
}
