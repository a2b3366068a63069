// nukictl's commands in one table: name, arguments, help, what each needs, its handler.
#include "CliCommands.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using T = Command::Token;

const QList<Command> &commandTable()
{
    static const QList<Command> table = {
        {"bridges"_L1, "", QT_TRANSLATE_NOOP("nukictl", "the configured bridges"), T::NotNeeded,
         false, 0, 0, commands::bridges},
        {"list"_L1, "", QT_TRANSLATE_NOOP("nukictl", "every device with its state"), T::Needed,
         false, 0, 0, commands::list, true, true},
        {"status"_L1, "DEVICE", QT_TRANSLATE_NOOP("nukictl", "one device"), T::Needed, false, 1, 1,
         commands::status, true, true},
        {"lock"_L1, "DEVICE", QT_TRANSLATE_NOOP("nukictl", "lock a Smart Lock"), T::Needed, false,
         1, 1, commands::act, true, true},
        {"unlock"_L1, "DEVICE", QT_TRANSLATE_NOOP("nukictl", "unlock a Smart Lock"), T::Needed,
         false, 1, 1, commands::act, true, true},
        {"open"_L1, "DEVICE",
         QT_TRANSLATE_NOOP("nukictl", "unlatch a lock, or buzz an Opener's door (asks first)"),
         T::Needed, false, 1, 1, commands::act, true, true},
        {"lockngo"_L1, "DEVICE",
         QT_TRANSLATE_NOOP("nukictl", "lock 'n' go (--unlatch: also open; asks first)"), T::Needed,
         false, 1, 1, commands::act, true, true},
        {"full-lock"_L1, "DEVICE",
         QT_TRANSLATE_NOOP("nukictl", "lock twice round (a Wi-Fi lock on a broker only)"),
         T::Needed, false, 1, 1, commands::act, true, true},
        {"rto"_L1, "on|off DEVICE", QT_TRANSLATE_NOOP("nukictl", "an Opener's ring to open"),
         T::Needed, false, 2, 2, commands::act},
        {"cm"_L1, "on|off DEVICE", QT_TRANSLATE_NOOP("nukictl", "an Opener's continuous mode"),
         T::Needed, false, 2, 2, commands::act},
        {"refresh"_L1, "DEVICE",
         QT_TRANSLATE_NOOP("nukictl", "read the real state (wakes the lock over Bluetooth)"),
         T::Needed, false, 1, 1, commands::refresh},
        {"watch"_L1, "",
         QT_TRANSLATE_NOOP("nukictl",
                           "print changes as they happen (--json: one object a line); by push "
                           "where the bridge reaches this computer, else by polling every "
                           "--interval s; --poll: always poll"),
         T::Needed, false, 0, 0, commands::watch, true, true},
        {"history"_L1, "[DEVICE] [--since T] [--until T] [--kind K] [--csv]",
         QT_TRANSLATE_NOOP("nukictl",
                           "what happened at the doors, as the app recorded it (K: action, "
                           "change, door, ring, battery, link; T: 2026-12-01, yesterday, 7d)"),
         T::NotNeeded, false, 0, 1, commands::history, false},
        {"automations"_L1, "[set TRIGGER DEVICE on|off [--after S] | log]",
         QT_TRANSLATE_NOOP("nukictl",
                           "desk automations: what is on and how this desktop says its screen "
                           "locked; set one (TRIGGER: screen-lock, sleep, shutdown, "
                           "unlocked-reminder, open-reminder, leaving); what they did (log)"),
         T::NotNeeded, false, 0, 4, commands::automations, false, true},
        {"info"_L1, "",
         QT_TRANSLATE_NOOP("nukictl", "firmware, uptime, clock and token form of the bridges"),
         T::Needed, false, 0, 0, commands::info},
        {"log"_L1, "[--count N]", QT_TRANSLATE_NOOP("nukictl", "the bridge's own log"), T::Needed,
         false, 0, 0, commands::log},
        {"callbacks"_L1, "[list|remove ID]",
         QT_TRANSLATE_NOOP("nukictl", "the bridge's callback slots"), T::Needed, false, 0, 2,
         commands::callbacks},
        {"reboot"_L1, "", QT_TRANSLATE_NOOP("nukictl", "restart the bridge"), T::Needed, false, 0,
         0, commands::reboot},
        {"fwupdate"_L1, "",
         QT_TRANSLATE_NOOP("nukictl", "let the bridge look for and install firmware updates"),
         T::Needed, false, 0, 0, commands::updateFirmware},
        {"discover"_L1, "[--url URL | --scan HOSTS]", QT_TRANSLATE_NOOP("nukictl", "find bridges"),
         T::NotNeeded, false, 0, 0, commands::discover, false},
        {"auth"_L1, "--host H:P --token-file FILE",
         QT_TRANSLATE_NOOP("nukictl", "get the token with the bridge's button"), T::NotNeeded, true,
         0, 0, commands::auth},
        {"add-bridge"_L1, "--host H:P [--name N] [--button]",
         QT_TRANSLATE_NOOP("nukictl", "configure a bridge (token to keychain)"), T::UnlessButton,
         true, 0, 0, commands::addBridge},
        {"add-broker"_L1, "--broker H[:P] [--mqtt-user U] [--name N]",
         QT_TRANSLATE_NOOP("nukictl", "configure an MQTT broker of Wi-Fi locks (password from "
                                      "NUKI_MQTT_PASSWORD to the keychain)"),
         T::NotNeeded, false, 0, 0, commands::addBroker, false, true},
        {"add-web"_L1, "[--web-api URL] [--web-ca FILE] [--name N]",
         QT_TRANSLATE_NOOP("nukictl", "configure a Nuki Web account (API token from "
                                      "NUKI_WEB_TOKEN or a prompt to the keychain)"),
         T::NotNeeded, false, 0, 0, commands::addWeb, false, true},
    };
    return table;
}

const Command *findCommand(QStringView name)
{
    for (const Command &c : commandTable())
        if (name == c.name)
            return &c;
    return nullptr;
}

QString commandHelp()
{
    QString text;
    for (const Command &c : commandTable()) {
        QString head = u"  "_s + c.name;
        if (*c.synopsis)
            head += u' ' + QLatin1StringView(c.synopsis);
        // Long heads get their own line; help texts wrap under the column.
        const QString help = QCoreApplication::translate("nukictl", c.help);
        const qsizetype column = 26;
        QString line = head.size() < column - 1 ? head.leftJustified(column)
                                                : head + u'\n' + QString(column, u' ');
        qsizetype width = line.size() - line.lastIndexOf(u'\n') - 1;
        for (const QString &word : help.split(u' ')) {
            if (width + word.size() > 92 && width > column) {
                line.chop(1); // the space after the last word
                line += u'\n' + QString(column, u' ');
                width = column;
            }
            line += word + u' ';
            width += word.size() + 1;
        }
        text += line.trimmed().prepend(u"  "_s) + u'\n';
    }
    return text;
}
