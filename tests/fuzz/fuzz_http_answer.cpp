// libFuzzer target for HttpResponse: the status line, headers and (chunked) bodies of every
// bridge answer. The first byte says whether the connection closed after the bytes.
#include "wire/BridgeJson.h"
#include "wire/HttpResponse.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace nuki;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const bool closed = data[0] & 1;
    const qint64 cap = (data[0] & 2) ? 64 : MaxBodyBytes; // a small cap reaches TooLarge
    const HttpResponse r = HttpResponse::parse(bytes, closed, cap);
    if (r.body.size() > cap)
        abort(); // the cap is the promise
    if (r.state == HttpResponse::Complete && (r.status < 100 || r.status > 999))
        abort();
    QByteArray out;
    if (HttpResponse::decodeChunked(bytes, cap, &out) == HttpResponse::Chunks::Complete &&
        out.size() > cap)
        abort();
    return 0;
}
