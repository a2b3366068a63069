// A Wi-Fi lock's lockActionEvent in words (the MQTT reference §2.4, §4.5). Field 5 means the
// keypad's source when a code is named, the number of presses for the button, else the
// auto-unlock flag: the reference is uncertain, and this is its tolerant reading.
#include "protocol/Actions.h"
#include "protocol/Protocol.h"

#include <QCoreApplication>

namespace nuki {

static QString tr(const char *text)
{
    return QCoreApplication::translate("nuki", text);
}

QString lockEventText(int deviceType, const LockEvent &e,
                      const std::function<QString(quint32)> &nameOf)
{
    // "Unlocked", "Locked", …: the action, as it was done.
    QString what;
    switch (isOpener(deviceType) ? -1 : e.action) {
    case 1:
        what = tr("Unlocked");
        break;
    case 2:
        what = tr("Locked");
        break;
    case 3:
        what = tr("Opened");
        break;
    case 4:
        what = tr("Lock ’n’ Go");
        break;
    case 5:
        what = tr("Lock ’n’ Go and opened");
        break;
    case 6:
        what = tr("Fully locked");
        break;
    case 80:
        what = tr("Fob pressed");
        break;
    case 90:
        what = tr("Button pressed");
        break;
    default: {
        const ActionSpec *spec = findAction(deviceType, e.action);
        what = spec ? spec->displayName() : tr("Action %1").arg(e.action);
    }
    }
    auto named = [&](quint32 id, const QString &fallback) {
        const QString n = nameOf ? nameOf(id) : QString();
        return n.isEmpty() ? fallback : QStringLiteral("“%1”").arg(n);
    };
    QString how;
    switch (e.trigger) {
    case 0:
        if (e.codeId != 0)
            how = e.context == 2
                      ? tr("by fingerprint %1").arg(named(e.codeId, QString::number(e.codeId)))
                      : tr("with keypad code %1").arg(named(e.codeId, QString::number(e.codeId)));
        else if (e.authId != 0)
            how = tr("by the app (%1)").arg(named(e.authId, tr("user %1").arg(e.authId)));
        else
            how = tr("by the app");
        break;
    case 2:
        how = e.context > 1 ? QCoreApplication::translate(
                                  "nuki", "by the lock's button (%n presses)", nullptr, e.context)
                            : tr("by the lock's button");
        break;
    case 3:
        how = tr("automatically (a time control)");
        break;
    case 6:
        how = tr("by auto lock");
        break;
    case 171:
        how = tr("through HomeKit/Matter");
        break;
    case 172:
        how = tr("through MQTT");
        break;
    default:
        how = tr("(trigger %1)").arg(e.trigger);
        break;
    }
    return what + u' ' + how;
}

} // namespace nuki
