#pragma once

#include "home/ActionRunner.h"
#include "home/HomeTypes.h"
#include "home/Source.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <functional>
#include <memory>

namespace nuki {

// The registry of sources and their devices: the truth behind every window, tray menu and
// command. Applies what sources report (HomeUpdates.cpp), chooses which source acts for a
// device that several reach (HomeSources.cpp), and turns state differences into events. Lock
// actions run through actions() (ActionRunner), which tells the home how they go.
class Home : public QObject
{
    Q_OBJECT
public:
    explicit Home(QObject *parent = nullptr);
    ~Home() override;

    // --- sources ---
    // The home owns the source from now on; the caller starts it.
    void addSource(Source *source);
    // Forgets the source at once: its devices go, unless another source reaches them, and
    // nothing it says later is heard. The caller gets it back, stopped, for last words (our
    // callback off a bridge) and deletes it.
    std::unique_ptr<Source> takeSource(const QString &id);
    void removeSource(const QString &id); // takeSource, then deleted
    QStringList sourceIds() const { return m_sourceOrder; }
    Source *source(const QString &id) const { return m_sources.value(id); }
    void setPollInterval(int ms);
    // Whether the main window is shown (sources that poll the cloud read more often then).
    void setWatched(bool windowShown);

    // --- devices ---
    QList<DeviceKey> devices() const;
    const DeviceRecord *device(const DeviceKey &key) const;
    int deviceCount() const { return int(m_devices.size()); }
    // Devices remembered from the last run (HomeMemory), shown at once and marked
    // `remembered` until their source's first answer confirms, updates or removes them. Only
    // for a source that is known and only for devices not there yet; nothing is sent.
    void restore(const QString &sourceId, const QList<DeviceRecord> &remembered);
    // Why the device's acting source was chosen, for a person (the details).
    QString actingSourceReason(const DeviceKey &key) const;

    // --- reading ---
    void refresh(); // every source reads everything now
    // Every source reads now; `done` gets each source's result once all have answered.
    void readAllThen(std::function<void(const QHash<QString, SourceError> &)> done);
    void refreshDevice(const DeviceKey &key); // from the device itself: wakes it
    // What a source reports (its signals arrive here; tests and benchmarks call them too).
    void applyList(const QString &sourceId, const QList<Device> &devices,
                   Delivery delivery = Delivery::Read);
    void applyReport(const QString &sourceId, quint32 nukiId, int deviceType,
                     const DeviceState &state, Delivery delivery);
    void applyEvent(const QString &sourceId, quint32 nukiId, int deviceType,
                    const LockEvent &event);

    // --- acting ---
    ActionRunner *actions() const { return m_actions; }
    Source *actingSource(const DeviceKey &key) const;
    // The runner's narrow calls: how an action goes, shown on the device's record.
    void noteActionStarted(const DeviceKey &key, const ActionStatus &status);
    void noteActionTaken(const DeviceKey &key, quint64 id, int shownState);
    void noteActionRefused(const DeviceKey &key, quint64 id);
    void noteActionFinished(const DeviceKey &key, const ActionStatus &status);

signals:
    void sourceAdded(const QString &id);
    void sourceRemoved(const QString &id);
    void sourceChanged(const QString &id); // its link or its details
    void deviceAdded(const nuki::DeviceKey &key);
    void deviceRemoved(const nuki::DeviceKey &key);
    void deviceChanged(const nuki::DeviceKey &key);
    // Events: only for real changes after a first known state, never on the first read.
    void doorChanged(const nuki::DeviceKey &key, int doorsensorState);
    void lockChangedExternally(const nuki::DeviceKey &key, int state);
    void batteryCritical(const nuki::DeviceKey &key);
    void keypadBatteryCritical(const nuki::DeviceKey &key);
    void ring(const nuki::DeviceKey &key);
    void sourceOffline(const QString &id);
    void sourceOnline(const QString &id);
    void sourceRejected(const QString &id); // a bridge's token, a broker's login
    void actionFinished(const nuki::DeviceKey &key, const nuki::ActionStatus &status);
    // A read saw a change that push should have delivered (only while the source pushes).
    void pushMissed(const QString &sourceId, const nuki::DeviceKey &key);
    // Who or what moved a device, as its source says (a keypad code, the button, auto lock).
    void lockEvent(const nuki::DeviceKey &key, const nuki::LockEvent &event);

private:
    DeviceRecord *record(const DeviceKey &key);
    void noteLink(const QString &sourceId);
    void applyState(DeviceRecord &r, DeviceState state, Delivery delivery);
    void checkStuck(DeviceRecord &r, bool wasTransitional);
    void chooseSource(DeviceRecord &r);
    void dropReport(DeviceKey key, const QString &sourceId);
    qsizetype insertionPoint(const QString &sourceId) const;
    // Tells each cloud source how many devices it acts for (it polls only while it acts).
    void tellActing();

    QHash<QString, Source *> m_sources;
    QHash<QString, LinkStatus> m_linkSeen; // what the home last made of each source's link
    QStringList m_sourceOrder;
    QList<DeviceRecord> m_devices; // grouped by source, in the sources' order
    // What each source last reported of each device: the acting one's is shown; another's
    // takes over when the acting source cannot be reached.
    QHash<DeviceKey, QHash<QString, Device>> m_reports;
    ActionRunner *m_actions;
    int m_pollIntervalMs = 15000;
    bool m_watched = true;
};

} // namespace nuki
