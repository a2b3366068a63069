#include "history/BridgeLogFold.h"

#include "protocol/Actions.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace nuki {

namespace {
// The action of a log entry: a number, or the word the bridge uses.
int actionOf(int deviceType, const QJsonValue &v)
{
    if (v.isDouble())
        return boundedInteger(v, 1, 255).value_or(0);
    const QString word = v.toString().trimmed().toLower();
    bool number = false;
    const int n = word.toInt(&number);
    if (number)
        return n >= 1 && n <= 255 ? n : 0;
    static const QHash<QString, int> lockWords = {
        {QStringLiteral("unlock"), 1},    {QStringLiteral("lock"), 2},
        {QStringLiteral("unlatch"), 3},   {QStringLiteral("lockngo"), 4},
        {QStringLiteral("lock'n'go"), 4}, {QStringLiteral("lockngowithunlatch"), 5},
    };
    static const QHash<QString, int> openerWords = {
        {QStringLiteral("activaterto"), 1},
        {QStringLiteral("deactivaterto"), 2},
        {QStringLiteral("electricstrikeactuation"), 3},
        {QStringLiteral("activatecm"), 4},
        {QStringLiteral("deactivatecm"), 5},
    };
    return (isOpener(deviceType) ? openerWords : lockWords).value(word, 0);
}
} // namespace

QList<HistoryEvent> foldBridgeLog(const QString &sourceId, const QString &sourceName,
                                  const QList<BridgeLogEntry> &log, const QList<HistoryGap> &gaps,
                                  const std::function<std::optional<Device>(quint32)> &device)
{
    QList<HistoryEvent> out;
    for (const BridgeLogEntry &entry : log) {
        if (entry.type != u"HTTP-LockActionStart" || !entry.timestamp.isValid())
            continue;
        const bool inGap = std::any_of(gaps.begin(), gaps.end(), [&](const HistoryGap &g) {
            return entry.timestamp > g.from && entry.timestamp < g.until;
        });
        if (!inGap)
            continue;
        bool ok = false;
        const quint32 id = entry.raw.value(QStringLiteral("nukiId")).toString().toUInt(&ok, 16);
        const std::optional<Device> d = ok ? device(id) : std::nullopt;
        if (!d)
            continue; // a device this bridge no longer has: nothing to say about it
        const int action = actionOf(d->deviceType, entry.raw.value(QStringLiteral("action")));
        if (!findAction(d->deviceType, action))
            continue;
        HistoryEvent e;
        e.at = entry.timestamp.toLocalTime();
        e.kind = HistoryKind::StateChanged;
        e.key = {d->nukiId, d->deviceType};
        e.deviceName = d->name;
        e.sourceId = sourceId;
        e.sourceName = sourceName;
        e.action = action;
        e.how = QCoreApplication::translate("nuki", "%1 through the bridge by another program")
                    .arg(actionName(d->deviceType, action));
        e.learnedLater = true;
        e.uid = QStringLiteral("log:%1:%2:%3:%4")
                    .arg(sourceId)
                    .arg(entry.timestamp.toMSecsSinceEpoch())
                    .arg(e.key.toString())
                    .arg(action);
        out << e;
    }
    return out;
}

} // namespace nuki
