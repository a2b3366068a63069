// The home's sources and their links, reading on request, and the runner's notes on actions.
#include "home/Home.h"
#include "home/Reach.h"
#include "platform/Clock.h"

#include "protocol/Actions.h"

#include <QCoreApplication>

namespace nuki {

QString linkStatusText(const SourceLink &l)
{
    auto tr = [](const char *t) { return QCoreApplication::translate("nuki", t); };
    switch (l.status) {
    case LinkStatus::Connecting:
        return tr("Connecting…");
    case LinkStatus::Online:
        return tr("Online");
    case LinkStatus::Busy:
        return tr("Busy");
    case LinkStatus::Offline:
        return tr("Offline since %1")
            .arg(QLocale().toString(l.offlineSince.toLocalTime().time(), QLocale::ShortFormat));
    case LinkStatus::Rejected:
        return tr("Token rejected");
    }
    return {};
}

DeviceKey DeviceKey::fromString(const QString &text)
{
    const QStringList parts = text.split(u'/');
    if (parts.size() < 2 || parts.size() > 3)
        return {};
    bool typeOk = false, idOk = false;
    const int type = parts.value(parts.size() - 2).toInt(&typeOk);
    const quint32 id = parts.last().toUInt(&idOk);
    if (!typeOk || !idOk || type < 0 || type > 255)
        return {};
    return {id, type};
}

Home::Home(QObject *parent) : QObject(parent), m_actions(new ActionRunner(this))
{
    qRegisterMetaType<DeviceKey>();
}

Home::~Home()
{
    // Sources first, without last answers: nothing they say while going reaches a
    // half-destroyed home (a source deleted answers nobody, as a bridge client does).
    for (Source *s : std::as_const(m_sources)) {
        s->disconnect(this);
        delete s;
    }
}

void Home::addSource(Source *source)
{
    const QString id = source->id();
    if (m_sources.contains(id)) {
        delete source;
        return;
    }
    source->setParent(this);
    source->setPollInterval(m_pollIntervalMs);
    source->setWatched(m_watched);
    m_sources.insert(id, source);
    m_sourceOrder << id;
    m_linkSeen.insert(id, source->link().status);
    connect(source, &Source::listed, this,
            [this, id](const QList<Device> &d, Delivery delivery) { applyList(id, d, delivery); });
    connect(source, &Source::stateReported, this,
            [this, id](quint32 nukiId, int type, const DeviceState &s, Delivery delivery) {
                applyReport(id, nukiId, type, s, delivery);
            });
    connect(source, &Source::linkChanged, this, [this, id] { noteLink(id); });
    connect(source, &Source::lockEvent, this,
            [this, id](quint32 nukiId, int type, const LockEvent &e) {
                applyEvent(id, nukiId, type, e);
            });
    connect(source, &Source::detailsChanged, this, [this, id] { emit sourceChanged(id); });
    emit sourceAdded(id);
}

std::unique_ptr<Source> Home::takeSource(const QString &id)
{
    Source *s = m_sources.take(id);
    if (!s)
        return nullptr;
    m_sourceOrder.removeAll(id);
    m_linkSeen.remove(id);
    s->disconnect(this); // its late signals must not bring it back
    s->stop();
    s->setParent(nullptr);
    const QList<DeviceKey> keys = devices();
    for (const DeviceKey &key : keys)
        dropReport(key, id);
    tellActing();
    emit sourceRemoved(id);
    return std::unique_ptr<Source>(s);
}

void Home::removeSource(const QString &id)
{
    if (std::unique_ptr<Source> s = takeSource(id))
        s.release()->deleteLater(); // it may be inside one of its own callbacks
}

void Home::setWatched(bool windowShown)
{
    m_watched = windowShown;
    for (Source *s : std::as_const(m_sources))
        s->setWatched(windowShown);
}

void Home::tellActing()
{
    for (Source *s : std::as_const(m_sources)) {
        if (s->kind() != SourceKind::Web)
            continue;
        int n = 0;
        for (const DeviceRecord &r : std::as_const(m_devices))
            n += r.sourceId == s->id();
        s->setActingFor(n);
    }
}

void Home::setPollInterval(int ms)
{
    m_pollIntervalMs = ms;
    for (Source *s : std::as_const(m_sources))
        s->setPollInterval(ms);
}

QList<DeviceKey> Home::devices() const
{
    QList<DeviceKey> keys;
    keys.reserve(m_devices.size());
    for (const auto &r : m_devices)
        keys << r.key;
    return keys;
}

const DeviceRecord *Home::device(const DeviceKey &key) const
{
    for (const auto &r : m_devices)
        if (r.key == key)
            return &r;
    return nullptr;
}

DeviceRecord *Home::record(const DeviceKey &key)
{
    for (auto &r : m_devices)
        if (r.key == key)
            return &r;
    return nullptr;
}

void Home::refresh()
{
    for (const QString &id : std::as_const(m_sourceOrder))
        m_sources.value(id)->readAll([](const SourceError &) {});
}

void Home::readAllThen(std::function<void(const QHash<QString, SourceError> &)> done)
{
    auto pending = std::make_shared<qsizetype>(m_sourceOrder.size());
    auto results = std::make_shared<QHash<QString, SourceError>>();
    if (*pending == 0) {
        done({});
        return;
    }
    for (const QString &id : std::as_const(m_sourceOrder))
        m_sources.value(id)->readAll([id, pending, results, done](const SourceError &e) {
            results->insert(id, e);
            if (--*pending == 0)
                done(*results);
        });
}

void Home::noteLink(const QString &id)
{
    Source *s = source(id);
    if (!s)
        return;
    const LinkStatus before = m_linkSeen.value(id, LinkStatus::Connecting);
    const LinkStatus now = s->link().status;
    m_linkSeen.insert(id, now);
    for (auto &r : m_devices) {
        if (!r.reachedThrough.contains(id))
            continue;
        const QString acting = r.sourceId;
        chooseSource(r);
        const Source *a = source(r.sourceId);
        const SourceLink link = a ? a->link() : SourceLink{LinkStatus::Offline};
        // The source back: reachable until it says otherwise of the device itself (a Wi-Fi
        // lock's broker lists it as not connected once its values are in).
        const Reach reach = link.status == LinkStatus::Offline    ? Reach::SourceOffline
                            : link.status == LinkStatus::Rejected ? Reach::SourceRefuses
                            : r.reach == Reach::NotConnected      ? Reach::NotConnected
                                                                  : Reach::Reachable;
        const QDateTime since = link.offlineSince.isValid() ? link.offlineSince : clock::now();
        if (markReach(r, reach, since) || acting != r.sourceId)
            emit deviceChanged(r.key);
    }
    if (before != now) {
        if (now == LinkStatus::Offline)
            emit sourceOffline(id);
        if (now == LinkStatus::Rejected)
            emit sourceRejected(id);
        if (now == LinkStatus::Online &&
            (before == LinkStatus::Offline || before == LinkStatus::Rejected)) {
            // Back: let go of messages whose cause is gone.
            for (auto &r : m_devices) {
                if (r.sourceId != id || r.action.running() ||
                    r.action.phase != ActionStatus::Failed)
                    continue;
                if (r.action.error.concernsLink() || r.action.error.kind == SourceError::NoToken) {
                    r.action = ActionStatus{};
                    emit deviceChanged(r.key);
                }
            }
            emit sourceOnline(id);
        }
    }
    tellActing();
    emit sourceChanged(id);
}

void Home::noteActionStarted(const DeviceKey &key, const ActionStatus &status)
{
    DeviceRecord *r = record(key);
    if (!r)
        return;
    r->action = status;
    r->beforeAction = r->device.state;
    r->stuckChecked = false;
    emit deviceChanged(key);
}

void Home::noteActionTaken(const DeviceKey &key, quint64 id, int shownState)
{
    DeviceRecord *r = record(key);
    if (!r || r->action.id != id || r->action.phase != ActionStatus::Pending)
        return;
    r->action.phase = ActionStatus::Sent;
    // What the device shows while the action runs (the bridge's own transitional states).
    if (shownState >= 0 && shownState != r->device.state.state) {
        r->device.state.state = shownState;
        r->device.state.stateName.clear();
        r->optimistic = true;
    }
    emit deviceChanged(key);
}

void Home::noteActionRefused(const DeviceKey &key, quint64 id)
{
    DeviceRecord *r = record(key);
    if (!r || r->action.id != id || r->action.phase != ActionStatus::Sent)
        return;
    r->action.phase = ActionStatus::Pending; // nothing happened: "Sending…" again
    if (r->optimistic) {
        r->device.state = r->beforeAction;
        r->optimistic = false;
    }
    emit deviceChanged(key);
}

void Home::noteActionFinished(const DeviceKey &key, const ActionStatus &status)
{
    DeviceRecord *r = record(key);
    if (!r || r->action.id != status.id)
        return;
    r->action = status;
    if (status.phase == ActionStatus::Failed && r->optimistic) {
        r->device.state = r->beforeAction; // nothing happened: show what was there
        r->optimistic = false;
    }
    emit deviceChanged(key);
    emit actionFinished(key, r->action);
}

} // namespace nuki
