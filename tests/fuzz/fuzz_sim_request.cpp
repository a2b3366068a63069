// libFuzzer target for the simulator's request side: query-string parsing and the three
// credential forms (plain, hashed, encrypted token with its hex and box handling).
#include "SimAuth.h"

#include <QUrlQuery>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static nukisim::SimAuth auth = [] {
        nukisim::SimAuth a;
        a.setToken(QStringLiteral("123456"));
        return a;
    }();
    const QString query = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QUrlQuery q(query);
    QString value;
    nukisim::queryValue(q, QStringLiteral("nukiId"), &value);
    auth.check(q, QDateTime(QDate(2019, 3, 5), QTime(1, 7, 0), Qt::UTC));
    return 0;
}
