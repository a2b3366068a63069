#include "automation/HomeLockOnly.h"

#include "home/Home.h"
#include "protocol/Protocol.h"

#include <QPointer>

namespace nuki::automation {

namespace {
// MQTT lockAction 6, a Wi-Fi lock's full lock (protocol/Actions.cpp: onlyThroughBroker).
constexpr int FullLockAction = 6;
} // namespace

HomeLockOnly::HomeLockOnly(Home *home, QObject *parent) : QObject(parent), m_home(home)
{
    auto changed = [this](const DeviceKey &key) { emit factsChanged(facts(key)); };
    connect(home, &Home::deviceAdded, this, changed);
    connect(home, &Home::deviceChanged, this, changed);
    connect(home, &Home::deviceRemoved, this, &HomeLockOnly::deviceGone);
    connect(home, &Home::actionFinished, this,
            [this](const DeviceKey &key, const ActionStatus &status) {
                if (status.origin == ActionOrigin::Automation)
                    emit lockFinished(key, status);
            });
}

bool HomeLockOnly::lock(const DeviceKey &key, Strength strength, bool noWait, const QString &why)
{
    const int type = key.deviceType;
    if (type != int(DeviceType::SmartLock) && type != int(DeviceType::SmartDoor) &&
        type != int(DeviceType::SmartLock3))
        return false; // an Opener's "lock" turns Ring to Open off: not ours to touch
    const int action = strength == Strength::FullLock ? FullLockAction : int(LockAction::Lock);
    ActionRunner::Options options;
    options.origin = ActionOrigin::Automation;
    options.noWait = noWait;
    options.why = why;
    return m_home->actions()->start(key, action, options);
}

DeviceFacts HomeLockOnly::facts(const DeviceKey &key) const
{
    DeviceFacts f;
    f.key = key;
    const DeviceRecord *r = m_home->device(key);
    if (!r)
        return f;
    f.name = r->device.name;
    f.state = r->device.state.known ? r->device.state.state : -1;
    f.door = r->device.state.doorsensorState;
    f.reachable = r->reach == Reach::Reachable && !r->remembered && r->device.state.known;
    f.busy = r->action.running();
    f.lastUpdate = r->lastUpdate;
    return f;
}

QList<DeviceKey> HomeLockOnly::devices() const
{
    return m_home->devices();
}

void HomeLockOnly::refresh()
{
    m_home->refresh();
}

bool HomeLockOnly::reachableFromAway(const DeviceKey &key) const
{
    const DeviceRecord *r = m_home->device(key);
    if (!r)
        return false;
    for (const QString &id : r->reachedThrough) {
        const Source *s = m_home->source(id);
        if (s && s->kind() != SourceKind::Bridge && s->link().status == LinkStatus::Online)
            return true;
    }
    return false;
}

void HomeLockOnly::readThen(QObject *context, std::function<void()> done)
{
    QPointer<QObject> guard(context);
    m_home->readAllThen([guard, done = std::move(done)](const QHash<QString, SourceError> &) {
        if (guard)
            done();
    });
}

bool HomeLockOnly::bridgeReachable() const
{
    for (const QString &id : m_home->sourceIds()) {
        const Source *s = m_home->source(id);
        if (s && s->kind() == SourceKind::Bridge && s->link().status == LinkStatus::Online)
            return true;
    }
    return false;
}

void HomeLockOnly::askBridges(QObject *context, std::function<void(bool answered)> done)
{
    QPointer<QObject> guard(context);
    QPointer<Home> home(m_home);
    m_home->readAllThen(
        [guard, home, done = std::move(done)](const QHash<QString, SourceError> &r) {
            if (!guard || !home)
                return;
            bool answered = false;
            for (auto it = r.cbegin(); it != r.cend(); ++it) {
                const Source *s = home->source(it.key());
                answered = answered || (s && s->kind() == SourceKind::Bridge && it.value().ok());
            }
            done(answered);
        });
}

} // namespace nuki::automation
