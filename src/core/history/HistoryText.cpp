#include "history/HistoryText.h"

#include "protocol/Actions.h"
#include "protocol/Protocol.h"

#include <QCoreApplication>
#include <QLocale>

namespace nuki {

// lupdate gives tr() in namespace nuki the context "nuki".
static QString tr(const char *text)
{
    return QCoreApplication::translate("nuki", text);
}

namespace {
struct KindName
{
    HistoryKind kind;
    const char *name;
};
constexpr KindName KindNames[] = {
    {HistoryKind::Action, "action"},
    {HistoryKind::StateChanged, "change"},
    {HistoryKind::DoorOpened, "door"},
    {HistoryKind::DoorClosed, "door"},
    {HistoryKind::Ring, "ring"},
    {HistoryKind::Battery, "battery"},
    {HistoryKind::SourceOffline, "link"},
    {HistoryKind::SourceOnline, "link"},
    {HistoryKind::LockEvent, "change"},
    {HistoryKind::HistoryPaused, "link"},
    {HistoryKind::Automation, "automation"},
};
} // namespace

QString historyKindName(HistoryKind kind)
{
    for (const KindName &k : KindNames)
        if (k.kind == kind)
            return QLatin1String(k.name);
    return QStringLiteral("unknown");
}

std::optional<HistoryKind> historyKindFromName(const QString &name)
{
    // As device names are: in any case ("DOOR", "Door").
    const QString wanted = name.trimmed();
    for (const KindName &k : KindNames)
        if (wanted.compare(QLatin1String(k.name), Qt::CaseInsensitive) == 0)
            return k.kind;
    return std::nullopt;
}

QString historyKindLabel(HistoryKind kind)
{
    switch (kind) {
    case HistoryKind::Action:
        return tr("Our actions");
    case HistoryKind::StateChanged:
    case HistoryKind::LockEvent:
        return tr("Changed by someone else");
    case HistoryKind::DoorOpened:
    case HistoryKind::DoorClosed:
        return tr("Door opened and closed");
    case HistoryKind::Ring:
        return tr("Rings");
    case HistoryKind::Battery:
        return tr("Battery");
    case HistoryKind::SourceOffline:
    case HistoryKind::SourceOnline:
    case HistoryKind::HistoryPaused:
        return tr("Bridges and brokers");
    case HistoryKind::Automation:
        return tr("Automations");
    }
    return {};
}

QString historyOriginText(ActionOrigin origin)
{
    switch (origin) {
    case ActionOrigin::Window:
        return tr("from the window");
    case ActionOrigin::Tray:
        return tr("from the tray");
    case ActionOrigin::CommandLine:
        return tr("with nukictl");
    case ActionOrigin::LockAll:
        return tr("with Lock all");
    case ActionOrigin::Automation:
        return tr("by an automation");
    case ActionOrigin::Unknown:
        return tr("from somewhere the app does not know");
    }
    return {};
}

QString historyOriginName(ActionOrigin origin)
{
    switch (origin) {
    case ActionOrigin::Window:
        return QStringLiteral("window");
    case ActionOrigin::Tray:
        return QStringLiteral("tray");
    case ActionOrigin::CommandLine:
        return QStringLiteral("nukictl");
    case ActionOrigin::LockAll:
        return QStringLiteral("lock-all");
    case ActionOrigin::Automation:
        return QStringLiteral("automation");
    case ActionOrigin::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

QString historyOutcomeName(HistoryOutcome outcome)
{
    switch (outcome) {
    case HistoryOutcome::Running:
        return QStringLiteral("not-recorded");
    case HistoryOutcome::Done:
        return QStringLiteral("done");
    case HistoryOutcome::Failed:
        return QStringLiteral("failed");
    case HistoryOutcome::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

QString durationText(qint64 ms)
{
    const qint64 s = (ms + 500) / 1000;
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min").arg((s + 30) / 60);
    const qint64 m = (s + 30) / 60;
    return m % 60 ? tr("%1 h %2 min").arg(m / 60).arg(m % 60) : tr("%1 h").arg(m / 60);
}

QString historyEventText(const HistoryEvent &e)
{
    const QString device = e.deviceName.isEmpty() ? tr("A device") : e.deviceName;
    switch (e.kind) {
    case HistoryKind::Action: {
        const QString name = findAction(e.key.deviceType, e.action)
                                 ? actionName(e.key.deviceType, e.action)
                                 : tr("An action the app does not know");
        // An automation's lock says which: "Lock (automation: screen locked)".
        const QString what = e.origin == ActionOrigin::Automation && !e.how.isEmpty()
                                 ? tr("%1 (%2)").arg(name, e.how)
                                 : tr("%1 %2").arg(name, historyOriginText(e.origin));
        QString outcome;
        switch (e.outcome) {
        case HistoryOutcome::Running:
            outcome = tr("no outcome recorded");
            break;
        case HistoryOutcome::Done:
            outcome = e.endedAt.isValid() && e.at.msecsTo(e.endedAt) >= 0
                          ? tr("done in %1").arg(durationText(e.at.msecsTo(e.endedAt)))
                          : tr("done");
            break;
        case HistoryOutcome::Failed:
            outcome = e.detail.isEmpty() ? tr("failed") : tr("failed: %1").arg(e.detail);
            break;
        case HistoryOutcome::Unknown:
            outcome = e.detail.isEmpty() ? tr("outcome unknown")
                                         : tr("outcome unknown: %1").arg(e.detail);
            break;
        }
        return tr("%1: %2 — %3").arg(device, what, outcome);
    }
    case HistoryKind::StateChanged: {
        const QString what = e.how.isEmpty() ? stateText(e.key.deviceType, e.state) : e.how;
        if (e.learnedLater && e.uid.startsWith(u"web:"))
            return tr("%1: %2 (from Nuki Web)").arg(device, what);
        return e.learnedLater
                   ? tr("%1: %2 (learned afterwards from the bridge's log)").arg(device, what)
                   : tr("%1: %2").arg(device, what);
    }
    case HistoryKind::LockEvent:
        return tr("%1: %2").arg(device, e.how);
    case HistoryKind::DoorOpened:
        return tr("%1: door opened").arg(device);
    case HistoryKind::DoorClosed:
        return e.durationMs >= 0
                   ? tr("%1: door closed after %2 open").arg(device, durationText(e.durationMs))
                   : tr("%1: door closed").arg(device);
    case HistoryKind::Ring:
        return tr("%1: someone rang").arg(device);
    case HistoryKind::Battery: {
        QString level =
            e.state >= 0 && e.state <= 100 ? tr("battery %1 %").arg(e.state) : tr("battery");
        if (e.detail == u"critical")
            level = tr("%1, critically low").arg(level);
        else if (e.detail == u"charging")
            level = tr("%1, charging").arg(level);
        return tr("%1: %2").arg(device, level);
    }
    case HistoryKind::SourceOffline:
        return tr("%1 could not be reached")
            .arg(e.sourceName.isEmpty() ? e.sourceId : e.sourceName);
    case HistoryKind::SourceOnline:
        return tr("%1 answers again").arg(e.sourceName.isEmpty() ? e.sourceId : e.sourceName);
    case HistoryKind::HistoryPaused: {
        // The app ran on meanwhile: what it saw waited in memory and was written at the end.
        const QString until =
            e.endedAt.isValid()
                ? QLocale().toString(e.endedAt.toLocalTime().time(), QLocale::ShortFormat)
                : tr("later");
        return e.detail.isEmpty()
                   ? tr("History paused until %1 (the app kept running)").arg(until)
                   : tr("History paused until %1: %2 (the app kept running)").arg(until, e.detail);
    }
    case HistoryKind::Automation:
        return tr("%1: %2 (%3)").arg(device, e.detail, e.how);
    }
    return {};
}

} // namespace nuki
