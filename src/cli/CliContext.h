#pragma once

#include "bridge/BridgeClient.h"
#include "home/HomeTypes.h"
#include "store/Settings.h"

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

// What every command needs: the chosen bridges with their clients, output, and waiting.
class CliContext
{
public:
    struct Bridge
    {
        nuki::BridgeConfig config;
        std::unique_ptr<nuki::BridgeClient> client;
    };
    struct Found
    {
        Bridge *bridge = nullptr;
        nuki::Device device;
    };

    static constexpr qint64 MaxTokenFileBytes = 256; // a token has at most 20 characters

    bool json = false;
    bool yes = false;
    bool noWait = false;
    QTextStream out{stdout};
    QTextStream err{stderr};
    std::unique_ptr<nuki::Settings> settings;
    std::vector<std::unique_ptr<Bridge>> bridges;

    // Resolves --host / --bridge / the configured bridges; loads tokens. Returns an exit code.
    int setUp(const QString &host, const QString &bridgeName, const QString &auth,
              const QString &tokenFile, bool needToken);
    // Reads one bridge's /list, waiting for the answer.
    static nuki::SourceError fetchDevices(Bridge &bridge, QList<nuki::Device> *devices);
    // Finds one device by name (case-insensitive, unique prefix enough) or nukiId.
    int findDevice(const QString &query, Found *found);

    static int exitCodeFor(const nuki::SourceError &error);
    int fail(const nuki::SourceError &error, const QString &what = {});
    void print(const QJsonDocument &doc);
    // A line of a stream (watch --json): one object per event, not the command's result.
    void printLine(const QJsonDocument &doc)
    {
        out << doc.toJson(QJsonDocument::Compact) << Qt::endl;
    }
    // Ends the command: with --json, makes sure exactly one document was printed.
    int finish(int code);
    static QString readTokenFromTerminal(const QString &prompt);
    static bool stdinIsTerminal();

    // Runs one asynchronous core call to its answer, the one way nukictl waits: `call` gets
    // the callback to hand on, and the callback's arguments come back as a tuple:
    //     auto [error, info] = CliContext::await<SourceError, BridgeInfo>(
    //         [&](auto done) { client->info(Priority::User, done); });
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
