#include "home/SourceError.h"

#include <QCoreApplication>
#include <QLocale>

namespace nuki {

static QString tr(const char *text)
{
    return QCoreApplication::translate("nuki::SourceError", text);
}

QString SourceError::message() const
{
    if (!words.isEmpty() && kind != None)
        return words;
    switch (kind) {
    case None:
        return {};
    case Busy:
        return tr("The bridge is busy with other requests. Try again in a moment.");
    case Unauthorized:
        if (clockCheckedMinutes > 0) // always several minutes: no singular form needed
            return tr("The bridge rejected the API token. Either the token is wrong (enter it "
                      "again: Nuki app → Manage bridge → HTTP API), or the bridge's clock is off "
                      "from this computer's by more than %1 minutes; secure tokens only work "
                      "within a minute.")
                .arg(clockCheckedMinutes);
        return tr("The bridge rejected the API token. Enter the token again (Nuki app → "
                  "Manage bridge → HTTP API).");
    case AuthDisabled:
        return tr("Getting the token with the bridge's button is switched off. Switch it on in "
                  "the Nuki app, or type the token.");
    case UnknownDevice:
        return tr("The bridge does not know this device. Was it unpaired?");
    case DeviceOffline:
        return tr("The bridge has not reached this device for a long time. Check its batteries "
                  "and distance to the bridge.");
    case DeviceUnreachable:
        return tr("The bridge could not reach the device over Bluetooth just now.");
    case BadRequest:
        return tr("The bridge did not accept the request.");
    case Timeout:
        return tr("The bridge did not answer in time.");
    case Unreachable:
        return tr("The bridge cannot be reached. Is it powered and on the network?");
    case BadResponse: {
        if (sizeLimit <= 0)
            return tr("The bridge sent an answer that cannot be read.");
        // "2 MB", "16 KB": the units a person knows, in their own locale's notation.
        const QString limit =
            QLocale().formattedDataSize(sizeLimit, 0, QLocale::DataSizeTraditionalFormat);
        return headTooLarge
                   ? tr("The bridge's answer was too large: its head (status line and header "
                        "fields) is over the limit of %1.")
                         .arg(limit)
                   : tr("The bridge's answer was too large: over the limit of %1 for an "
                        "answer.")
                         .arg(limit);
    }
    case Cancelled:
        return tr("Cancelled.");
    case ConnectionLost:
        return tr("The connection to the bridge broke before its answer arrived.");
    case ButtonNotPressed:
        return tr("The bridge's button was not pressed in time.");
    case NoToken:
        return tr("No API token is known for this bridge yet.");
    case LockNotConnected:
        return tr("The lock is not connected to the broker, so nothing was sent. Is it in "
                  "reach of the Wi-Fi?");
    case LockBusy:
        return tr("The lock is busy: it is moving, perhaps someone is turning it by hand. "
                  "Nothing was done; try again when it stands still.");
    case LockRefused:
        return tr("The lock refused the command (code %1).").arg(httpStatus);
    case NoAnswer:
        return tr("No answer from the lock — is “Allow locking” switched on for MQTT in the "
                  "Nuki app? Check the door.");
    }
    return {};
}

QString SourceError::kindName(Kind kind)
{
    static const char *names[] = {"none",
                                  "busy",
                                  "unauthorized",
                                  "auth-disabled",
                                  "unknown-device",
                                  "device-offline",
                                  "device-unreachable",
                                  "bad-request",
                                  "timeout",
                                  "unreachable",
                                  "bad-response",
                                  "cancelled",
                                  "connection-lost",
                                  "button-not-pressed",
                                  "no-token",
                                  "lock-not-connected",
                                  "lock-busy",
                                  "lock-refused",
                                  "no-answer"};
    return QString::fromLatin1(names[kind]);
}

} // namespace nuki
