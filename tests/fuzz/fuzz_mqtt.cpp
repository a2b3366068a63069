// libFuzzer target for what Wi-Fi locks (or anyone on their broker) publish: topics, values,
// lockActionEvent, Home Assistant discovery configs. The first byte picks the parser; for the
// topic-bearing ones the input is "topic\npayload".
#include "mqtt/MqttPayloads.h"
#include "protocol/Protocol.h"

#include <QByteArray>
#include <QString>
#include <cstddef>
#include <cstdint>

using namespace nuki;
using namespace nuki::mqtt;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray in(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const qsizetype nl = in.indexOf('\n');
    const QString topic = QString::fromUtf8(nl < 0 ? in : in.left(nl));
    const QByteArray payload = nl < 0 ? QByteArray() : in.mid(nl + 1);
    switch (data[0] % 7) {
    case 0: {
        LockTopic t;
        if (parseLockTopic(topic, &t) && t.nukiId == 0)
            __builtin_trap(); // no lock has id 0
        break;
    }
    case 1:
        if (const auto v = parseInteger(in, 0, 255); v && (*v < 0 || *v > 255))
            __builtin_trap();
        break;
    case 2:
        (void)parseBoolean(in);
        (void)parseTime(in);
        break;
    case 3:
        if (const auto t = parseText(in); t && t->size() > 64)
            __builtin_trap();
        break;
    case 4:
        if (const auto e = parseLockActionEvent(in)) {
            LockEvent event{e->action, e->trigger, e->authId, e->codeId, e->context, {}};
            (void)lockEventText(int(DeviceType::SmartLock3), event);
        }
        break;
    case 5:
        if (const auto d = parseDiscovery(topic, payload); d && d->nukiId == 0)
            __builtin_trap();
        break;
    case 6:
        (void)responseText(int(data[0]));
        break;
    }
    return 0;
}
