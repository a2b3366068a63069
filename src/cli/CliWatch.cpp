// nukictl watch: prints every change as it happens, by push where the bridge can reach this
// computer, by polling otherwise.
#include "CliCommands.h"

#include "protocol/PlainText.h"

#include "bridge/PushManager.h"
#include "home/Home.h"
#include "platform/UnixSignals.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QTimer>

using namespace nuki;

static QString tr(const char *text)
{
    return QCoreApplication::translate("commands", text);
}

namespace {

// How long the callback's removal may take at the end before watch gives up on it.
constexpr int RemovalBoundMs = 5000;

// Each run registers under a path of its own, not the installation's
// (Settings::pushSecretPath()). A PushManager counts every URL with its path as its own and
// removes those it did not register itself (an old address or port): with the shared path
// the app would delete a running watch's entry as a stale copy, and a watch's check or exit
// would delete the app's. A per-run path is matched by nobody else, so the app, this watch
// and another watch at the same time each keep and remove only their own entry.
QString watchSecretPath()
{
    return CallbackReceiver::newSecretPath(QStringLiteral("/nukictl-watch/"));
}

} // namespace

namespace commands {

int watch(CliContext &c, const Invocation &in)
{
    const int maxEvents = in.count, intervalSeconds = in.intervalSeconds;
    const bool forcePoll = in.poll;
    // The same home as the app: its bridge sources poll /list and it turns differences into
    // events; with push, the same PushManager keeps this run's callback registered and
    // polling as the fallback.
    Home &home = c.home;
    home.setPollInterval(intervalSeconds * 1000);
    std::unique_ptr<PushManager> push;
    if (!forcePoll)
        push = std::make_unique<PushManager>(&home, watchSecretPath());
    QHash<QString, QString> names;
    for (const CliContext::Place &place : c.places())
        names.insert(place.id, place.name);
    int events = 0;
    bool done = false;
    QHash<DeviceKey, DeviceState> shown;
    auto emitLine = [&](const DeviceKey &key, const QString &event) {
        const DeviceRecord *r = home.device(key);
        if (!r || done)
            return;
        // A new `timestamp` alone is not news: print what a person would notice.
        DeviceState s = r->device.state;
        s.timestamp = {};
        if (event == u"changed" && shown.value(key) == s)
            return;
        shown.insert(key, s);
        if (c.json) {
            QJsonObject o = deviceJson(names.value(r->sourceId), r->device);
            o.insert(QStringLiteral("event"), event);
            c.printLine(QJsonDocument(o));
        } else {
            c.out << QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")) << "  "
                  << plainText(r->device.name) << ": " << event << " — "
                  << stateText(key.deviceType, r->device.state.state) << Qt::endl;
        }
        if (maxEvents > 0 && ++events >= maxEvents)
            done = true;
    };
    // Which way changes arrive, per bridge, whenever that changes: a line on stderr, or with
    // --json an object of its own on stdout (not counted by --count).
    QHash<QString, bool> modeShown;
    auto showMode = [&](const QString &id, bool pushing, const QString &reason) {
        if (done || (modeShown.contains(id) && modeShown.value(id) == pushing))
            return;
        modeShown.insert(id, pushing);
        const QString mode = pushing ? QStringLiteral("push") : QStringLiteral("polling");
        if (c.json) {
            QJsonObject o{{QStringLiteral("event"), QStringLiteral("mode")},
                          {QStringLiteral("mode"), mode},
                          {QStringLiteral("bridge"), names.value(id)}};
            if (!reason.isEmpty())
                o.insert(QStringLiteral("reason"), reason);
            c.printLine(QJsonDocument(o));
        } else if (pushing && id.startsWith(u"mqtt-")) {
            c.err << tr("%1: MQTT — changes show as the locks publish them.").arg(names.value(id))
                  << Qt::endl;
        } else if (pushing) {
            c.err << tr("%1: push — changes show as they happen (and a read every minute as a "
                        "safety net).")
                         .arg(names.value(id))
                  << Qt::endl;
        } else {
            c.err << tr("%1: polling every %2 s.").arg(names.value(id)).arg(intervalSeconds)
                  << (reason.isEmpty() ? QString() : QLatin1Char(' ') + reason) << Qt::endl;
        }
    };
    QObject::connect(&home, &Home::deviceAdded,
                     [&](const DeviceKey &k) { emitLine(k, QStringLiteral("present")); });
    QObject::connect(&home, &Home::deviceChanged,
                     [&](const DeviceKey &k) { emitLine(k, QStringLiteral("changed")); });
    QObject::connect(&home, &Home::ring,
                     [&](const DeviceKey &k) { emitLine(k, QStringLiteral("ring")); });
    // Who or what moved a Wi-Fi lock: a line of its own (counted by --count).
    QObject::connect(&home, &Home::lockEvent, [&](const DeviceKey &k, const LockEvent &e) {
        const DeviceRecord *r = home.device(k);
        if (!r || done)
            return;
        const QString text =
            lockEventText(k.deviceType, e, [&](quint32 id) { return c.settings->personName(id); });
        if (c.json) {
            QJsonObject o = deviceJson(names.value(r->sourceId), r->device);
            o.insert(QStringLiteral("event"), QStringLiteral("who"));
            o.insert(QStringLiteral("who"), text);
            o.insert(QStringLiteral("trigger"), e.trigger);
            o.insert(QStringLiteral("authId"), qint64(e.authId));
            o.insert(QStringLiteral("codeId"), qint64(e.codeId));
            c.printLine(QJsonDocument(o));
        } else {
            c.out << QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")) << "  "
                  << plainText(r->device.name) << ": " << text << Qt::endl;
        }
        if (maxEvents > 0 && ++events >= maxEvents)
            done = true;
    });
    QObject::connect(&home, &Home::sourceOffline, [&](const QString &id) {
        c.err << tr("Bridge %1 cannot be reached.").arg(names.value(id)) << Qt::endl;
    });
    QObject::connect(&home, &Home::sourceRejected, [&](const QString &id) {
        c.err << tr("Bridge %1 rejected the token.").arg(names.value(id)) << Qt::endl;
        done = true;
        events = -1;
    });
    if (push) {
        // Registered once the bridge has answered, as the app's is.
        push->enableEachBridgeOnceOnline();
        QObject::connect(push.get(), &PushManager::changed, [&](const QString &id) {
            if (const PushManager::BridgePush *p = push->state(id))
                showMode(id, p->active, p->problem);
        });
    } else {
        for (const auto &b : c.bridges)
            showMode(b->config.id, false, {});
    }
    for (const auto &b : c.brokers)
        showMode(b->config.id, true, {}); // a broker pushes, always
    for (auto &b : c.bridges)
        b->source->start(true); // reads at once, then polls
    for (auto &w : c.webs) {
        showMode(w->config.id, false, {});
        w->source->setActingFor(1); // watching: its list is what is watched
        w->source->start(true);
    }
    // Ctrl+C, SIGTERM, a closed terminal: end as --count does, callback removed.
    UnixSignals unixSignals;
    QObject::connect(&unixSignals, &UnixSignals::terminationRequested, [&](int) { done = true; });

    CliContext::spinUntil([&] { return done; });
    if (push) {
        bool removed = false;
        push->shutdown([&] { removed = true; });
        QTimer bound;
        bound.setSingleShot(true);
        QObject::connect(&bound, &QTimer::timeout, [&] { removed = true; });
        bound.start(RemovalBoundMs);
        CliContext::spinUntil([&] { return removed; });
    }
    return events < 0 ? exitcode::TokenRejected : exitcode::Ok;
}

} // namespace commands
