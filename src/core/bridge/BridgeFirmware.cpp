// What a bridge's firmware supports, by its version (docs/protocol.md §2).
#include "wire/BridgeJson.h"

#include <tuple>

namespace nuki {

static bool versionAtLeast(const QString &version, int major, int minor, int patch)
{
    const QStringList p = version.split(u'.');
    const int v[3] = {p.value(0).toInt(), p.value(1).toInt(), p.value(2).toInt()};
    return std::tie(v[0], v[1], v[2]) >= std::tie(major, minor, patch);
}

bool BridgeInfo::supportsEncryptedToken() const
{
    if (!isHardware() || firmwareVersion.isEmpty())
        return false;
    return firmwareVersion.startsWith(u"1.") ? versionAtLeast(firmwareVersion, 1, 22, 1)
                                             : versionAtLeast(firmwareVersion, 2, 14, 0);
}

bool BridgeInfo::supportsHashedToken() const
{
    if (!isHardware() || firmwareVersion.isEmpty())
        return false;
    return firmwareVersion.startsWith(u"1.") ? versionAtLeast(firmwareVersion, 1, 12, 0)
                                             : versionAtLeast(firmwareVersion, 2, 2, 0);
}

} // namespace nuki
