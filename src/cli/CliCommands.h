#pragma once

#include "CliContext.h"
#include "history/HistoryTypes.h"

#include <QLatin1StringView>
#include <QStringList>
#include <functional>

// What a command got from the command line besides its name.
struct Invocation
{
    QString command;  // its name: the lock actions share one handler
    QStringList args; // the positional arguments after the command
    QString host;     // --host
    QString name;     // --name
    QString tokenFile;
    QString url;
    QStringList scanHosts;
    quint16 port = 8080; // --port (discover --scan)
    int count = 0;
    int intervalSeconds = 15;
    bool unlatch = false;
    bool button = false;
    bool poll = false;
    QString broker; // --broker HOST[:PORT]
    QString mqttUser;
    QString since, until; // history
    QStringList kinds;
    bool csv = false;
    int afterSeconds = -1; // --after (automations set); -1: the trigger's default
    // Sets up the configured sources, for a command that needs devices only sometimes.
    std::function<int()> setUpSources;
};

// One row of nukictl's command table: main() parses, checks and sets up from it, --help lists
// it, and the handler does the work and returns the process's exit code.
struct Command
{
    enum class Token
    {
        Needed,
        NotNeeded,
        UnlessButton // add-bridge --button gets a new one
    };
    QLatin1StringView name;
    const char *synopsis; // after the name, for --help: "on|off DEVICE"
    const char *help;
    Token token = Token::Needed;
    bool needsHost = false; // --host HOST:PORT is required
    int minArgs = 0;
    int maxArgs = 0;
    int (*run)(CliContext &, const Invocation &) = nullptr;
    bool setsUpBridges = true; // false: works without any bridge (discover)
    bool overBroker = false;   // also works with --broker (Wi-Fi locks on an MQTT broker)
};

const QList<Command> &commandTable();
const Command *findCommand(QStringView name);
QString commandHelp(); // the "Commands:" block of --help

// The handlers, by concept: devices (CliDeviceCommands.cpp), a bridge's own functions
// (CliBridgeCommands.cpp), finding and adding bridges (CliSetupCommands.cpp), watch.
namespace commands {
int bridges(CliContext &c, const Invocation &);
int list(CliContext &c, const Invocation &);
int status(CliContext &c, const Invocation &in);
// lock, unlock, open, lockngo, rto, cm: what each does to a kind is the core's action table.
int act(CliContext &c, const Invocation &in);
int refresh(CliContext &c, const Invocation &in);
int watch(CliContext &c, const Invocation &in);
int info(CliContext &c, const Invocation &);
int log(CliContext &c, const Invocation &in);
int callbacks(CliContext &c, const Invocation &in);
int reboot(CliContext &c, const Invocation &);
int updateFirmware(CliContext &c, const Invocation &);
int discover(CliContext &c, const Invocation &in);
int auth(CliContext &c, const Invocation &in);
int addBridge(CliContext &c, const Invocation &in);
int addBroker(CliContext &c, const Invocation &in);
int addWeb(CliContext &c, const Invocation &in);
int history(CliContext &c, const Invocation &in);
int automations(CliContext &c, const Invocation &in);
// Adds nukictl's own actions to the history file (a note on stderr if it cannot).
void keepInHistory(CliContext &c, const QList<nuki::HistoryEvent> &events);
QJsonObject deviceJson(const QString &bridge, const nuki::Device &d);
} // namespace commands
