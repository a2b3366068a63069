#include "history/WebLogFold.h"

#include "protocol/Actions.h"
#include "protocol/PlainText.h"

#include <QCoreApplication>

namespace nuki {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("nuki::WebLogFold", text);
}

// The log's action (§2.6) as the app's number: the same for locks; the Opener's continuous
// mode is 6/7 there, 4/5 here. 0: not an action.
int appAction(int deviceType, int cloud)
{
    if (isOpener(deviceType)) {
        if (cloud >= 1 && cloud <= 3)
            return cloud;
        return cloud == 6 ? 4 : cloud == 7 ? 5 : 0;
    }
    return cloud >= 1 && cloud <= 5 ? cloud : 0;
}

QString meansOf(const web::LogEntry &e)
{
    if (e.source == 1 || e.trigger == 255)
        return tr("with a keypad code");
    if (e.source == 2)
        return tr("with a fingerprint");
    switch (e.trigger) {
    case 1:
        return tr("by hand");
    case 2:
        return tr("with the button");
    case 3:
        return tr("automatically");
    case 4:
        return tr("through Nuki Web");
    case 5:
        return tr("with the Nuki app");
    case 6:
        return tr("by auto lock");
    case 7:
        return tr("with an accessory");
    default:
        return {};
    }
}
} // namespace

QString webLogHow(int deviceType, const web::LogEntry &e)
{
    const int action = appAction(deviceType, e.action);
    const QString what = action ? actionName(deviceType, action) : QString();
    const QString who = plainText(e.name, 40);
    const QString means = meansOf(e);
    QString text =
        who.isEmpty() ? tr("%1 %2").arg(what, means) : tr("%1 by %2 %3").arg(what, who, means);
    text = text.simplified();
    if (e.state > 0)
        text = tr("%1 — did not complete (%2)").arg(text).arg(e.state);
    return text;
}

QList<HistoryEvent>
foldWebLog(const QString &sourceId, const QString &sourceName, const QList<web::LogEntry> &log,
           const std::function<std::optional<QString>(const DeviceKey &key)> &deviceName)
{
    QList<HistoryEvent> out;
    for (const web::LogEntry &entry : log) {
        const DeviceKey key{entry.nukiId, entry.deviceType};
        const std::optional<QString> name = deviceName(key);
        if (!name)
            continue; // not a device of this home
        HistoryEvent e;
        e.at = entry.date.toLocalTime();
        e.key = key;
        e.deviceName = *name;
        e.sourceId = sourceId;
        e.sourceName = sourceName;
        e.learnedLater = true;
        e.uid = QStringLiteral("web:") + entry.id;
        if (entry.action == 240) {
            e.kind = HistoryKind::DoorOpened;
        } else if (entry.action == 241) {
            e.kind = HistoryKind::DoorClosed;
        } else if (entry.action == 224) {
            e.kind = HistoryKind::Ring;
        } else if (const int action = appAction(entry.deviceType, entry.action); action) {
            e.kind = HistoryKind::StateChanged;
            e.action = action;
            const ActionSpec *spec = findAction(entry.deviceType, action);
            e.state = spec && !spec->goalStates.isEmpty() && entry.state == 0
                          ? spec->goalStates.first()
                          : -1;
            e.how = webLogHow(entry.deviceType, entry);
        } else {
            continue; // firmware, calibration, log switched on: not the door's story
        }
        out << e;
    }
    return out;
}

} // namespace nuki
