#include "home/Reach.h"

#include "platform/Clock.h"
#include "protocol/Actions.h"

#include <QCoreApplication>
#include <QLocale>

namespace nuki {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("nuki::Reach", text);
}
} // namespace

bool markReach(DeviceRecord &r, Reach reach, const QDateTime &since)
{
    if (r.reach == reach)
        return false;
    if (reach == Reach::Reachable)
        r.unreachableSince = {};
    else if (r.reach == Reach::Reachable)
        r.unreachableSince = since;
    r.reach = reach;
    r.stale = reach != Reach::Reachable;
    return true;
}

QString shortWhen(const QDateTime &when)
{
    const QDateTime local = when.toLocalTime();
    if (local.date() == clock::today())
        return QLocale().toString(local.time(), QLocale::ShortFormat);
    return QLocale().toString(local, QLocale::ShortFormat);
}

QString unreachableText(const DeviceRecord &r, SourceKind kind)
{
    if (r.reach == Reach::Reachable)
        return {};
    const bool broker = kind == SourceKind::Broker;
    const bool web = kind == SourceKind::Web;
    // Since when: the moment we saw it go, else the last time it was heard from.
    const QDateTime since = r.unreachableSince.isValid() ? r.unreachableSince : r.lastUpdate;
    QString what;
    switch (r.reach) {
    case Reach::SourceOffline:
        what = web      ? tr("Nuki Web cannot be reached")
               : broker ? tr("The broker cannot be reached")
                        : tr("The bridge cannot be reached");
        break;
    case Reach::SourceRefuses:
        what = web      ? tr("Nuki Web refuses the app's API token")
               : broker ? tr("The broker refuses the app's login")
                        : tr("The bridge refuses the app's token");
        break;
    case Reach::NotConnected:
    case Reach::Reachable:
        what = web      ? tr("Nuki Web cannot reach the lock")
               : broker ? tr("Not connected to the broker")
                        : tr("The bridge has no state for it");
        break;
    }
    if (since.isValid())
        what = tr("%1 since %2").arg(what, shortWhen(since));
    const int state = r.device.state.state;
    if (state < 0)
        return tr("%1 — its state is not known").arg(what);
    return tr("%1 — last seen %2").arg(what, stateText(r.key.deviceType, state));
}

QString viaText(const DeviceRecord &r)
{
    if (!r.lastUpdate.isValid())
        return tr("via Nuki Web");
    const QDateTime local = r.lastUpdate.toLocalTime();
    const QString when = local.date() == clock::today()
                             ? QLocale().toString(local.time(), QStringLiteral("HH:mm:ss"))
                             : QLocale().toString(local, QLocale::ShortFormat);
    return tr("via Nuki Web · as of %1").arg(when);
}

QString heldText(const DeviceRecord &r, SourceKind kind)
{
    if (r.reach == Reach::Reachable)
        return {};
    return tr("Held: %1. Actions wait until it can be reached again.")
        .arg(unreachableText(r, kind));
}

} // namespace nuki
