// libFuzzer target for Nuki Web's answers as the core reads them (web/WebJson.h): the list of
// devices, one device, the log, and an error body. The first byte picks the parser.
#include "web/WebJson.h"

#include <QByteArray>
#include <cstddef>
#include <cstdint>

using namespace nuki;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    web::Parsed info;
    switch (data[0] % 4) {
    case 0:
        if (const auto locks = web::parseLocks(body, &info))
            for (const web::Lock &l : *locks)
                (void)stateText(l.deviceType, l.state.state);
        break;
    case 1:
        (void)web::parseLock(body, &info);
        break;
    case 2:
        if (const auto log = web::parseLog(body, &info))
            for (const web::LogEntry &e : *log)
                (void)web::splitSmartlockId(e.smartlockId);
        break;
    default:
        (void)web::errorDetail(body);
        break;
    }
    return 0;
}
