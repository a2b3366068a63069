#include "history/HistoryRecorder.h"

#include "platform/Clock.h"

#include "home/Home.h"

#include <QUuid>
#include <algorithm>

namespace nuki {

HistoryRecorder::HistoryRecorder(Home *home, Sink sink, QObject *parent)
    : QObject(parent), m_home(home), m_sink(std::move(sink)),
      m_run(QUuid::createUuid().toString(QUuid::Id128).left(12))
{
    m_release.setInterval(JoinMs / 4);
    connect(&m_release, &QTimer::timeout, this, &HistoryRecorder::releaseWaiting);
    connect(home, &Home::deviceAdded, this, &HistoryRecorder::deviceChanged);
    connect(home, &Home::deviceChanged, this, &HistoryRecorder::deviceChanged);
    connect(home, &Home::actionFinished, this, &HistoryRecorder::actionFinished);
    connect(home, &Home::lockChangedExternally, this, &HistoryRecorder::changedExternally);
    connect(home, &Home::lockEvent, this, &HistoryRecorder::lockEvent);
    connect(home, &Home::doorChanged, this, &HistoryRecorder::doorChanged);
    connect(home, &Home::ring, this,
            [this](const DeviceKey &key) { m_sink(base(key, HistoryKind::Ring)); });
    connect(home, &Home::sourceOffline, this,
            [this](const QString &id) { sourceEvent(id, HistoryKind::SourceOffline); });
    connect(home, &Home::sourceOnline, this,
            [this](const QString &id) { sourceEvent(id, HistoryKind::SourceOnline); });
}

HistoryRecorder::~HistoryRecorder()
{
    for (Seen &s : m_seen)
        if (s.waiting)
            m_sink(*std::exchange(s.waiting, std::nullopt));
}

HistoryEvent HistoryRecorder::base(const DeviceKey &key, HistoryKind kind) const
{
    HistoryEvent e;
    e.at = clock::now();
    e.kind = kind;
    e.key = key;
    if (const DeviceRecord *r = m_home->device(key)) {
        e.deviceName = r->device.name;
        e.sourceId = r->sourceId;
        if (const Source *s = m_home->source(r->sourceId))
            e.sourceName = s->name();
        e.state = r->device.state.state;
    }
    return e;
}

QString HistoryRecorder::actionUid(const DeviceKey &key, quint64 id) const
{
    return QStringLiteral("action:%1:%2:%3").arg(m_run, key.toString()).arg(id);
}

void HistoryRecorder::deviceChanged(const DeviceKey &key)
{
    const DeviceRecord *r = m_home->device(key);
    if (!r)
        return;
    Seen &s = m_seen[key];
    // An action of ours begins: its intent is kept at once, its outcome joins it later.
    if (r->action.running() && r->action.id != s.actionId) {
        s.actionId = r->action.id;
        HistoryEvent e = base(key, HistoryKind::Action);
        e.action = r->action.action;
        e.origin = r->action.origin;
        e.how = r->action.why;
        e.outcome = HistoryOutcome::Running;
        e.state = -1;
        e.uid = actionUid(key, r->action.id);
        m_sink(e);
    }
    // Battery: a sample when what the device says changes, never from a remembered state.
    const DeviceState &st = r->device.state;
    if (!st.known || r->remembered)
        return;
    const int level = st.batteryChargeState.value_or(-1);
    if (level < -1 || level > 100)
        return;
    // A device that gives no level (an Opener) is sampled only when it turns critical.
    const bool first = s.battery == -2;
    if (first && level < 0 && !st.batteryCritical) {
        s.battery = -1;
        return;
    }
    if (first || level != s.battery || st.batteryCritical != s.batteryCritical) {
        s.battery = level;
        s.batteryCritical = st.batteryCritical;
        HistoryEvent e = base(key, HistoryKind::Battery);
        e.state = level;
        if (st.batteryCritical)
            e.detail = QStringLiteral("critical");
        else if (st.batteryCharging.value_or(false))
            e.detail = QStringLiteral("charging");
        m_sink(e);
    }
    if (st.doorsensorState == int(DoorSensor::Opened) && !s.doorOpenedAt.isValid())
        s.doorOpenedAt = QDateTime::currentDateTime(); // open when first seen: since then
}

void HistoryRecorder::actionFinished(const DeviceKey &key, const ActionStatus &status)
{
    HistoryEvent e = base(key, HistoryKind::Action);
    e.action = status.action;
    e.origin = status.origin;
    e.how = status.why;
    e.endedAt = status.finishedAt.isValid() ? status.finishedAt : QDateTime::currentDateTime();
    e.uid = actionUid(key, status.id);
    switch (status.phase) {
    case ActionStatus::Succeeded:
        e.outcome = HistoryOutcome::Done;
        break;
    case ActionStatus::Failed:
        e.outcome = HistoryOutcome::Failed;
        e.detail = status.error.message();
        break;
    default:
        e.outcome = status.reachedGoal ? HistoryOutcome::Done : HistoryOutcome::Unknown;
        e.detail = status.reachedGoal ? QString() : status.error.message();
        break;
    }
    // The start row has the time it was asked for; the same uid updates it.
    m_sink(e);
    m_seen[key].actionRunning = false;
}

bool HistoryRecorder::holdsBack() const
{
    return std::any_of(m_seen.begin(), m_seen.end(),
                       [](const Seen &s) { return s.waiting || s.earlyEvent; });
}

QDateTime HistoryRecorder::changeTime(const DeviceKey &key) const
{
    // A poll sees a hand turn up to its interval late; the source's own time for it is true.
    const DeviceRecord *r = m_home->device(key);
    return r && r->changedAt.isValid() ? r->changedAt.toLocalTime() : clock::now();
}

void HistoryRecorder::changedExternally(const DeviceKey &key, int state)
{
    Seen &s = m_seen[key];
    if (s.waiting)
        m_sink(*std::exchange(s.waiting, std::nullopt));
    HistoryEvent e = base(key, HistoryKind::StateChanged);
    e.state = state;
    e.at = changeTime(key);
    const QDateTime now = clock::now();
    if (s.earlyEvent && s.earlyEventAt.msecsTo(now) <= JoinMs) {
        e.how = lockEventText(key.deviceType, *s.earlyEvent, m_nameOf);
        e.action = s.earlyEvent->action;
        s.earlyEvent.reset();
        m_sink(e);
        return;
    }
    s.earlyEvent.reset();
    if (m_home->source(e.sourceId) && m_home->source(e.sourceId)->kind() == SourceKind::Bridge) {
        m_sink(e); // a bridge never says who: nothing to wait for
        return;
    }
    s.waiting = e;
    if (!m_release.isActive())
        m_release.start();
}

void HistoryRecorder::lockEvent(const DeviceKey &key, const LockEvent &event)
{
    Seen &s = m_seen[key];
    const DeviceRecord *r = m_home->device(key);
    if (s.waiting) {
        s.waiting->how = lockEventText(key.deviceType, event, m_nameOf);
        s.waiting->action = event.action;
        m_sink(*std::exchange(s.waiting, std::nullopt));
        return;
    }
    // Our own command, reported back ("through MQTT"): the action row says it already.
    if (r && (r->action.running() || ActionRunner::explains(*r, r->device.state.state)) &&
        event.trigger == 172)
        return;
    s.earlyEvent = event;
    s.earlyEventAt = clock::now();
    if (!m_release.isActive())
        m_release.start();
}

void HistoryRecorder::releaseWaiting()
{
    const QDateTime now = clock::now();
    bool more = false;
    for (auto it = m_seen.begin(); it != m_seen.end(); ++it) {
        Seen &s = it.value();
        if (s.waiting) {
            if (s.waiting->at.msecsTo(now) >= JoinMs)
                m_sink(*std::exchange(s.waiting, std::nullopt));
            else
                more = true;
        }
        if (s.earlyEvent) {
            if (s.earlyEventAt.msecsTo(now) >= JoinMs) {
                // Who did something that changed no state (a button press on a locked lock).
                HistoryEvent e = base(it.key(), HistoryKind::LockEvent);
                e.at = s.earlyEventAt;
                e.action = s.earlyEvent->action;
                e.how = lockEventText(it.key().deviceType, *s.earlyEvent, m_nameOf);
                s.earlyEvent.reset();
                m_sink(e);
            } else {
                more = true;
            }
        }
    }
    if (!more)
        m_release.stop();
}

void HistoryRecorder::doorChanged(const DeviceKey &key, int doorState)
{
    Seen &s = m_seen[key];
    const QDateTime now = changeTime(key);
    if (doorState == int(DoorSensor::Opened)) {
        s.doorOpenedAt = now;
        HistoryEvent e = base(key, HistoryKind::DoorOpened);
        e.at = now;
        e.state = doorState;
        m_sink(e);
    } else if (doorState == int(DoorSensor::Closed)) {
        HistoryEvent e = base(key, HistoryKind::DoorClosed);
        e.at = now;
        e.state = doorState;
        if (s.doorOpenedAt.isValid())
            e.durationMs = s.doorOpenedAt.msecsTo(now);
        s.doorOpenedAt = {};
        m_sink(e);
    }
    // Other door sensor states (calibrating, removed, unknown) are no door movement.
}

void HistoryRecorder::sourceEvent(const QString &sourceId, HistoryKind kind)
{
    HistoryEvent e;
    e.at = QDateTime::currentDateTime();
    e.kind = kind;
    e.sourceId = sourceId;
    if (const Source *s = m_home->source(sourceId))
        e.sourceName = s->name();
    m_sink(e);
}

} // namespace nuki
