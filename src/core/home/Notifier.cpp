#include "home/Notifier.h"

#include "home/Home.h"
#include "protocol/PlainText.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace nuki {

Notifier::Notifier(Home *home, QObject *parent) : QObject(parent), m_home(home)
{
    qRegisterMetaType<Notification>();
    m_enabled = [](NotifyKind kind) { return kind != NotifyKind::Door; };
    m_quiet.setSingleShot(true);
    setQuietPeriodMs(10000);

    connect(home, &Home::doorChanged, this, [this](const DeviceKey &k, int state) {
        const bool open = state == int(DoorSensor::Opened);
        if (state != int(DoorSensor::Opened) && state != int(DoorSensor::Closed))
            return;
        // An opened door is news; a closed one is the normal end of it.
        send({NotifyKind::Door, nameOf(k),
              open ? tr("The door was opened.") : tr("The door was closed."), k.toString(),
              open ? Urgency::Normal : Urgency::Low},
             QString::number(state));
    });
    auto external = [this](const DeviceKey &k, int state, bool retold) {
        // Someone else opening a Smart Lock is worth seeing at once, with a way to undo it
        // (normal, not critical: it is mostly a person of the household coming home).
        const bool lock = !isOpener(k.deviceType) && isKnownDeviceType(k.deviceType);
        const bool opened =
            lock && state != int(LockState::Locked) && state != int(LockState::Locking);
        // Who or how, where the lock said so within moments of the change (either first).
        const DeviceRecord *r = m_home->device(k);
        const bool said = r && r->lastEvent &&
                          qAbs(r->lastEvent->at.secsTo(QDateTime::currentDateTimeUtc())) <= 10;
        const QString text =
            said ? tr("%1 — %2.")
                       .arg(stateText(k.deviceType, state),
                            lockEventText(k.deviceType, *r->lastEvent, m_nameOf))
                 : tr("%1 — changed outside this app (by hand, keypad or another app).")
                       .arg(stateText(k.deviceType, state));
        // A retelling replaces the notification of the same change with its who and how.
        send({NotifyKind::External, nameOf(k), text, k.toString(),
              opened || !lock ? Urgency::Normal : Urgency::Low,
              opened ? QStringList{QStringLiteral("lock")} : QStringList()},
             QStringLiteral("state:") + QString::number(state) + (retold ? u"+who"_s : QString()));
        m_lastExternal.insert(k.toString(), {QDateTime::currentDateTimeUtc(), state, said});
    };
    connect(home, &Home::lockChangedExternally, this,
            [external](const DeviceKey &k, int state) { external(k, state, false); });
    // The event came after the state it explains: the same notification, now with who.
    connect(home, &Home::lockEvent, this, [this, external](const DeviceKey &k, const LockEvent &) {
        const auto it = m_lastExternal.constFind(k.toString());
        if (it != m_lastExternal.constEnd() && !it->told &&
            it->at.secsTo(QDateTime::currentDateTimeUtc()) <= 10)
            external(k, it->state, true);
    });
    connect(home, &Home::ring, this, [this](const DeviceKey &k) {
        const DeviceRecord *r = m_home->device(k);
        // Every ring is its own event: its timestamp is the condition.
        send({NotifyKind::Ring, nameOf(k), tr("Someone rang."), k.toString(), Urgency::Normal},
             r ? r->device.state.ringactionTimestamp.toString(Qt::ISODate) : QString());
    });
    connect(home, &Home::batteryCritical, this, [this](const DeviceKey &k) {
        send({NotifyKind::Battery, nameOf(k),
              tr("The battery is critical: replace or charge it soon."), k.toString(),
              Urgency::Low},
             QStringLiteral("battery"));
    });
    connect(home, &Home::keypadBatteryCritical, this, [this](const DeviceKey &k) {
        send({NotifyKind::Battery, nameOf(k), tr("The keypad's battery is critical."), k.toString(),
              Urgency::Low},
             QStringLiteral("keypad"));
    });
    connect(home, &Home::sourceRejected, this, [this](const QString &id) {
        const Source *s = m_home->source(id);
        send({NotifyKind::Token, s ? s->name() : id,
              tr("The bridge rejected the token. Open the app to enter it again."), QString(),
              Urgency::Normal},
             QStringLiteral("token"));
    });
    connect(home, &Home::sourceOffline, this, [this](const QString &id) {
        // Only after a grace period: a Wi-Fi hiccup is not worth a notification.
        QTimer *&t = m_offlineTimers[id];
        if (!t) {
            t = new QTimer(this);
            t->setSingleShot(true);
            connect(t, &QTimer::timeout, this, [this, id] {
                const Source *s = m_home->source(id);
                if (!s || s->link().status != LinkStatus::Offline)
                    return;
                send({NotifyKind::Bridge, s->name(),
                      tr("The bridge has not answered for a few minutes. Its devices may be out of "
                         "date."),
                      QString(), Urgency::Normal},
                     QStringLiteral("offline"));
            });
        }
        t->start(m_offlineGraceMs);
    });
    connect(home, &Home::sourceOnline, this, [this](const QString &id) {
        if (QTimer *t = m_offlineTimers.value(id))
            t->stop();
        m_lastCondition.remove(id); // a later outage is news again
    });
    connect(home, &Home::actionFinished, this, [this](const DeviceKey &k, const ActionStatus &a) {
        if (a.phase != ActionStatus::Failed && a.phase != ActionStatus::Unknown)
            return;
        const QString what = actionName(k.deviceType, a.action);
        // Not subject to the quiet period: the person is waiting for this answer.
        Notification n{
            NotifyKind::Action, nameOf(k),
            a.phase == ActionStatus::Unknown
                ? tr("%1: the outcome is unknown — check the door. %2").arg(what, a.error.message())
                : tr("%1 failed: %2").arg(what, a.error.message()),
            k.toString(),
            // An unknown outcome may have left a door open: that needs someone now.
            a.phase == ActionStatus::Unknown ? Urgency::Critical : Urgency::Normal};
        if (m_enabled(n.kind))
            emit notify(n);
    });
}

void Notifier::setQuietPeriodMs(int ms)
{
    if (ms > 0)
        m_quiet.start(ms);
    else
        m_quiet.stop();
}

QString Notifier::nameOf(const DeviceKey &key) const
{
    const DeviceRecord *r = m_home->device(key);
    return r && !r->device.name.isEmpty() ? plainText(r->device.name) : tr("Nuki device");
}

void Notifier::send(const Notification &n, const QString &condition)
{
    const QString subject =
        n.deviceKey.isEmpty() ? n.title : n.deviceKey + u'#' + notifyKindName(n.kind);
    const bool repeat = m_lastCondition.value(subject) == condition;
    m_lastCondition.insert(subject, condition);
    if (repeat || m_quiet.isActive() || !m_enabled(n.kind))
        return;
    emit notify(n);
}

} // namespace nuki
