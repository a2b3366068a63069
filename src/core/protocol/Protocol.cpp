#include "protocol/Protocol.h"

#include <QJsonValue>

namespace nuki {

std::optional<qint64> boundedInteger(const QJsonValue &v, qint64 min, qint64 max)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    // Range first (NaN fails both comparisons), then the cast: casting an out-of-range double
    // to an integer is undefined behaviour.
    if (!(d >= double(min) && d <= double(max)))
        return std::nullopt;
    const qint64 i = qint64(d);
    if (double(i) != d)
        return std::nullopt; // not a whole number
    return i;
}

} // namespace nuki
