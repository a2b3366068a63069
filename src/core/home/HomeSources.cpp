// A device that several sources reach (the same lock behind a bridge and on a broker) is one
// device with one card. One source acts for it and its reports are shown; the others' reports
// are kept, so one of them can take over at once when the acting source cannot be reached.
//
// The rule, in this order:
//  1. A source whose link works (online or busy) before one that is connecting, and that
//     before one that is offline or refuses us.
//  2. A broker before a bridge: a Wi-Fi lock on a broker is the lock's own connection, with
//     its state pushed as it changes and its commands answered by the lock itself; a bridge
//     adds a hop over Bluetooth, one request at a time, and wakes the lock for each read.
//  3. Then the cloud (Nuki Web): polled, seconds behind, and out of the home; it acts only
//     when no local way works.
//  4. The source added first.
// The acting source never changes while an action runs: its outcome belongs to its source.
#include "home/Home.h"

#include <tuple>

namespace nuki {

namespace {
int linkRank(const Source *s)
{
    if (!s)
        return 3;
    switch (s->link().status) {
    case LinkStatus::Online:
    case LinkStatus::Busy:
        return 0;
    case LinkStatus::Connecting:
        return 1;
    case LinkStatus::Offline:
    case LinkStatus::Rejected:
        return 2;
    }
    return 2;
}
int kindRank(const Source *s)
{
    if (!s)
        return 3;
    switch (s->kind()) {
    case SourceKind::Broker:
        return 0;
    case SourceKind::Bridge:
    case SourceKind::Test:
        return 1;
    case SourceKind::Web:
        return 2;
    }
    return 1;
}
} // namespace

Source *Home::actingSource(const DeviceKey &key) const
{
    const DeviceRecord *r = device(key);
    return r ? source(r->sourceId) : nullptr;
}

void Home::chooseSource(DeviceRecord &r)
{
    const bool actingGone = !r.reachedThrough.contains(r.sourceId);
    if (r.action.running() && !actingGone)
        return;
    auto rank = [this](const QString &id) {
        const Source *s = source(id);
        return std::make_tuple(linkRank(s), kindRank(s), m_sourceOrder.indexOf(id));
    };
    QString best = actingGone ? r.reachedThrough.value(0) : r.sourceId;
    for (const QString &id : std::as_const(r.reachedThrough))
        if (rank(id) < rank(best))
            best = id;
    if (best == r.sourceId)
        return;
    r.sourceId = best;
    // Show what the new acting source last said, as a read of its own.
    const auto report = m_reports.value(r.key).constFind(best);
    if (report == m_reports.value(r.key).constEnd())
        return;
    r.device.name = report->name;
    r.device.firmwareVersion = report->firmwareVersion;
    if (report->state.known)
        applyState(r, report->state, Delivery::ReadCatchingUp);
    // The cloud's report may be minutes old (it polls little while it is not needed): "as of"
    // says no more than the cloud's own time for it, until its next read (at once).
    if (const Source *s = source(best); s && s->kind() == SourceKind::Web &&
                                        report->state.timestamp.isValid() &&
                                        report->state.timestamp < r.lastUpdate)
        r.lastUpdate = report->state.timestamp;
}

void Home::dropReport(const DeviceKey key, const QString &sourceId) // a copy: its record goes
{
    auto reports = m_reports.find(key);
    if (reports != m_reports.end()) {
        reports->remove(sourceId);
        if (reports->isEmpty())
            m_reports.erase(reports);
    }
    for (qsizetype i = 0; i < m_devices.size(); ++i) {
        DeviceRecord &r = m_devices[i];
        if (r.key != key)
            continue;
        r.reachedThrough.removeAll(sourceId);
        if (r.reachedThrough.isEmpty()) {
            m_devices.removeAt(i);
            emit deviceRemoved(key);
            return;
        }
        chooseSource(r); // another takes over if the one that went was acting
        emit deviceChanged(key);
        return;
    }
}

qsizetype Home::insertionPoint(const QString &sourceId) const
{
    // After the devices of this source and of those before it: the list stays grouped.
    const qsizetype index = m_sourceOrder.indexOf(sourceId);
    qsizetype at = 0;
    for (qsizetype i = 0; i < m_devices.size(); ++i)
        if (m_sourceOrder.indexOf(m_devices[i].sourceId) <= index)
            at = i + 1;
    return at;
}

QString Home::actingSourceReason(const DeviceKey &key) const
{
    const DeviceRecord *r = device(key);
    const Source *acting = r ? source(r->sourceId) : nullptr;
    if (!acting)
        return {};
    if (r->reachedThrough.size() < 2)
        return tr("Reached through %1.").arg(acting->name());
    QStringList others;
    for (const QString &id : r->reachedThrough)
        if (id != r->sourceId && source(id))
            others << source(id)->name();
    QString why;
    bool otherWorks = false;
    for (const QString &id : r->reachedThrough)
        if (id != r->sourceId && linkRank(source(id)) == 0)
            otherWorks = true;
    if (linkRank(acting) == 0 && !otherWorks)
        why = tr("the other way cannot be reached now");
    else if (acting->kind() == SourceKind::Broker)
        why = tr("the lock's own Wi-Fi connection, without a bridge in between");
    else
        why = tr("added first");
    return tr("Acts through %1 (%2); also reached through %3.")
        .arg(acting->name(), why, others.join(QStringLiteral(", ")));
}

} // namespace nuki
