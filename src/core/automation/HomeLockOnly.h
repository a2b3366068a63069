#pragma once

#include "automation/AutomationTypes.h"
#include "automation/LockOnly.h"

#include <QObject>
#include <functional>

namespace nuki {
class Home;
}

namespace nuki::automation {

// The automations' view of the home: what they may know of each device, and the lock. The one
// file of the automations that reaches the action runner, with the lock's number only.
class HomeLockOnly : public QObject, public LockOnly
{
    Q_OBJECT
public:
    explicit HomeLockOnly(Home *home, QObject *parent = nullptr);
    bool lock(const DeviceKey &key, Strength strength, bool noWait, const QString &why) override;

    DeviceFacts facts(const DeviceKey &key) const;
    QList<DeviceKey> devices() const;
    void refresh(); // every source reads now (after a wake)
    // Every source reads now; `done` once all answered (not once `context` is gone).
    void readThen(QObject *context, std::function<void()> done);
    // Whether a source other than a bridge on the home's network reaches it now (a broker, or
    // Nuki Web): then a person's Lock can still get there after leaving.
    bool reachableFromAway(const DeviceKey &key) const;
    // Whether a bridge (on the home's network) answers now: the home's own sign of "at home".
    bool bridgeReachable() const;
    // Every bridge reads now; `done` says whether any answered (not called once `context`
    // is gone). No bridge configured: not answered.
    void askBridges(QObject *context, std::function<void(bool answered)> done);

signals:
    void factsChanged(const nuki::automation::DeviceFacts &facts);
    void deviceGone(const nuki::DeviceKey &key);
    // An automation's lock ended (its status says how).
    void lockFinished(const nuki::DeviceKey &key, const nuki::ActionStatus &status);

private:
    Home *m_home;
};

} // namespace nuki::automation
