#pragma once

#include "bridge/BridgeSource.h"
#include "home/Home.h"
#include "mqtt/BrokerSource.h"
#include "store/Settings.h"
#include "web/WebSource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <functional>
#include <memory>
#include <optional>
#include <tuple>

// Exit codes of nukictl, documented in --help and the README.
namespace exitcode {
constexpr int Ok = 0, Error = 1, Usage = 2, DeviceNotFound = 3, Unreachable = 4, TokenRejected = 5,
              Busy = 6, ActionFailed = 7, OutcomeUnknown = 8, Refused = 9;
}

// What every command needs: a home with the chosen bridges as its sources (nothing is read
// before a command asks), output, and waiting. Actions go through the home's action runner,
// like the window's and the tray's.
class CliContext
{
public:
    struct Bridge
    {
        nuki::BridgeConfig config;
        nuki::BridgeSource *source = nullptr; // owned by the home
        QString token;                        // for add-bridge, which stores it
    };
    struct Broker
    {
        nuki::BrokerConfig config;
        nuki::BrokerSource *source = nullptr; // owned by the home
    };
    struct Web
    {
        nuki::WebConfig config;
        nuki::WebSource *source = nullptr; // owned by the home
        QString token;                     // for add-web, which stores it
    };
    // A bridge, a broker or Nuki Web: where devices are found.
    struct Place
    {
        QString id;
        QString name;
        nuki::Source *source = nullptr;
    };
    struct Found
    {
        Place place;
        nuki::Device device;
        nuki::DeviceKey key() const { return {device.nukiId, device.deviceType}; }
    };

    bool json = false;
    bool yes = false;
    bool noWait = false;
    QTextStream out{stdout};
    QTextStream err{stderr};
    std::unique_ptr<nuki::Settings> settings;
    nuki::Home home;
    std::vector<std::unique_ptr<Bridge>> bridges;
    std::vector<std::unique_ptr<Broker>> brokers;
    std::vector<std::unique_ptr<Web>> webs;
    QList<Place> places() const;

    // Resolves --host / --bridge / the configured bridges; loads tokens. Returns an exit code.
    int setUp(const QString &host, const QString &bridgeName, const QString &auth,
              const QString &tokenFile, bool needToken);
    // --broker HOST[:PORT] with --mqtt-user and NUKI_MQTT_PASSWORD: a broker instead of the
    // bridges, connected now. Returns an exit code.
    int setUpBroker(const QString &address, const QString &user);
    // --web, --web-api URL, --web-ca FILE: the Nuki Web account (the configured one, with
    // these options over it) instead of the bridges. The token from NUKI_WEB_TOKEN, the
    // keychain, or a prompt; never from the command line. Returns an exit code.
    int setUpWeb(const QString &apiUrl, const QString &caFile);
    // The brokers configured with add-broker or the app (passwords from the keychain).
    void setUpConfiguredBrokers();
    Broker *addBroker(const nuki::BrokerConfig &config, const QString &password);
    // Puts a bridge in the home, not started.
    Bridge *addBridge(const nuki::BridgeConfig &config, const QString &token);
    // Reads everything one bridge knows, waiting for the answer: its devices as the home now
    // has them.
    nuki::SourceError fetchDevices(const Place &place, QList<nuki::Device> *devices);
    // Finds one device by name (case-insensitive, unique prefix enough) or nukiId. Where
    // several match and exactly one of them is what the command can use (prefer: a Smart Lock
    // sharing its nukiId with an Opener, for automations), that one.
    int findDevice(const QString &query, Found *found,
                   const std::function<bool(const nuki::Device &)> &prefer = {});

    static int exitCodeFor(const nuki::SourceError &error);
    int fail(const nuki::SourceError &error, const QString &what = {});
    void print(const QJsonDocument &doc);
    // A line of a stream (watch --json): one object per event, not the command's result.
    void printLine(const QJsonDocument &doc)
    {
        out << doc.toJson(QJsonDocument::Compact) << Qt::endl;
    }
    // A command that wrote its JSON document itself, piece by piece (history).
    void notePrinted() { m_printedJson = true; }
    // Ends the command: with --json, makes sure exactly one document was printed.
    int finish(int code);
    static QString readTokenFromTerminal(const QString &prompt);
    static bool stdinIsTerminal();

    // Runs one asynchronous core call to its answer, the one way nukictl waits: `call` gets
    // the callback to hand on, and the callback's arguments come back as a tuple:
    //     auto [error, info] = CliContext::await<SourceError, BridgeInfo>(
    //         [&](auto done) { bridge->source->readInfo(done); });
    // Every core call answers (each request has its own timeout), so this always ends.
    template <typename... Args, typename Call> static std::tuple<Args...> await(Call call)
    {
        std::optional<std::tuple<Args...>> answer;
        call([&answer](const Args &...values) {
            if (!answer)
                answer.emplace(values...);
        });
        spinUntil([&answer] { return answer.has_value(); });
        return std::move(*answer);
    }
    // Spins the event loop until `done()` is true.
    static void spinUntil(const std::function<bool()> &done);

private:
    QJsonArray m_jsonErrors;
    bool m_printedJson = false;
};
