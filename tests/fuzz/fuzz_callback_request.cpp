// libFuzzer target for the callback receiver's request path: the request parser with its
// caps, then the body parser it hands a complete POST to.
#include "bridge/CallbackReceiver.h"
#include "wire/BridgeJson.h"
#include "wire/CallbackRequest.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace nuki;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const CallbackRequest r =
        CallbackRequest::parse(bytes, CallbackReceiver::MaxHead, CallbackReceiver::MaxBody);
    if (r.body.size() > CallbackReceiver::MaxBody)
        abort(); // the cap is the promise
    if (r.state == CallbackRequest::Complete) {
        quint32 nukiId = 0;
        int deviceType = 0;
        DeviceState state;
        QString error;
        if (parseCallbackBody(r.body, &nukiId, &deviceType, &state, &error) &&
            state.doorsensorState)
            (void)doorSensorText(*state.doorsensorState);
    }
    return 0;
}
